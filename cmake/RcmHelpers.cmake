# SPDX-FileCopyrightText: 2026 RCM Workbench contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Project-wide helpers. Every setting goes on a target; nothing here changes global state.

# rcm_set_target_defaults(<target>): warnings, string-safety defines and, on request,
# warnings as errors, applied to one target.
function(rcm_set_target_defaults target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wconversion
        -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
    if(RCM_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER
        QT_NO_KEYWORDS
        QT_NO_FOREACH
        QT_STRICT_ITERATORS
        QT_DISABLE_DEPRECATED_BEFORE=0x060400)
endfunction()

# rcm_add_library(<name> SOURCES ... [PUBLIC_LIBRARIES ...] [PRIVATE_LIBRARIES ...] [PCH ...])
function(rcm_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBRARIES;PRIVATE_LIBRARIES;PCH" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    rcm_set_target_defaults(${name})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBRARIES} PRIVATE ${ARG_PRIVATE_LIBRARIES})
    if(ARG_PCH)
        target_precompile_headers(${name} PRIVATE ${ARG_PCH})
    endif()
endfunction()

# rcm_add_test(<name> SOURCES ... [LIBRARIES ...] [ENVIRONMENT ...]): one Qt Test
# executable, registered with CTest, run offscreen with test-mode standard paths.
function(rcm_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBRARIES;ENVIRONMENT" ${ARGN})
    find_package(Qt6 REQUIRED COMPONENTS Test)
    add_executable(${name} ${ARG_SOURCES})
    rcm_set_target_defaults(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;RCM_SHARED_FIXTURES=${RCM_FIXTURES_DIR};${ARG_ENVIRONMENT}")
endfunction()
