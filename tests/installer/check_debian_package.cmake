# SPDX-FileCopyrightText: 2026 RCM Workbench contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs 'cpack -G DEB' on the build and checks the package's file list and metadata.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND cpack -G DEB -B "${WORK_DIR}" --config "${BUILD_DIR}/CPackConfig.cmake"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cpack -G DEB failed:\n${output}")
endif()
file(GLOB packages "${WORK_DIR}/*.deb")
list(LENGTH packages count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "Expected one .deb in ${WORK_DIR}, found ${count}")
endif()
execute_process(COMMAND dpkg-deb --contents ${packages} OUTPUT_VARIABLE contents RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "dpkg-deb cannot read the package")
endif()
foreach(expected
        "./usr/bin/rcm-workbench"
        "./usr/bin/rcm-gateway"
        "./usr/bin/rcmctl"
        "./usr/share/applications/rcm-workbench.desktop"
        "./usr/share/icons/hicolor/scalable/apps/rcm-workbench.svg"
        "./usr/share/doc/rcm-workbench/copyright"
        "./usr/share/doc/rcm-workbench/deployment.md"
        "./usr/lib/systemd/system/rcm-gateway.service")
    string(FIND "${contents}" "${expected}\n" position)
    if(position EQUAL -1)
        message(FATAL_ERROR "The package lacks ${expected}. It holds:\n${contents}")
    endif()
endforeach()
foreach(unexpected "test_" "cache_writer_helper" "rcm-bench" "/include/")
    string(FIND "${contents}" "${unexpected}" position)
    if(NOT position EQUAL -1)
        message(FATAL_ERROR "The package holds a development file (${unexpected}):\n${contents}")
    endif()
endforeach()
execute_process(COMMAND dpkg-deb --field ${packages} Package Depends OUTPUT_VARIABLE fields)
if(NOT fields MATCHES "Package: rcm-workbench" OR NOT fields MATCHES "libqt6core6" OR NOT fields MATCHES "libqt6sql6-sqlite")
    message(FATAL_ERROR "Unexpected package metadata:\n${fields}")
endif()
# The copyright file is Debian's machine-readable format and names the licence.
execute_process(COMMAND dpkg-deb --fsys-tarfile ${packages} COMMAND tar -xO ./usr/share/doc/rcm-workbench/copyright
                OUTPUT_VARIABLE copyright RESULT_VARIABLE result)
if(NOT result EQUAL 0 OR NOT copyright MATCHES "^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
   OR NOT copyright MATCHES "\nLicense: GPL-3\\+\n")
    message(FATAL_ERROR "The package's copyright file is not the machine-readable GPL-3+ one:\n${copyright}")
endif()
execute_process(COMMAND desktop-file-validate "${CMAKE_CURRENT_LIST_DIR}/../../resources/rcm-workbench.desktop"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0 OR NOT output STREQUAL "")
    message(FATAL_ERROR "desktop-file-validate rejects the desktop entry: ${output}")
endif()
message(STATUS "Package ${packages} holds the executables, the desktop entry, the icon and the copyright file")
file(REMOVE_RECURSE "${WORK_DIR}")
