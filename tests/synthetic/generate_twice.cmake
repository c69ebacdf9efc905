# SPDX-FileCopyrightText: 2026 RCM Workbench contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs rcmctl generate twice with one seed and once with another, and compares the files.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
foreach(run first second)
    execute_process(COMMAND "${RCMCTL}" generate --items 20000 --seed 7 --as-of 2026-11-27
                            --out "${WORK_DIR}/${run}.db"
                    RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "rcmctl generate (${run} run) exited with ${result}")
    endif()
endforeach()
execute_process(COMMAND "${RCMCTL}" generate --items 20000 --seed 8 --as-of 2026-11-27 --out "${WORK_DIR}/other.db"
                RESULT_VARIABLE result)
file(SHA256 "${WORK_DIR}/first.db" first)
file(SHA256 "${WORK_DIR}/second.db" second)
file(SHA256 "${WORK_DIR}/other.db" other)
if(NOT first STREQUAL second)
    message(FATAL_ERROR "The same seed gave different files: ${first} vs ${second}")
endif()
if(first STREQUAL other)
    message(FATAL_ERROR "Different seeds gave the same file")
endif()
file(SIZE "${WORK_DIR}/first.db" size)
if(size LESS 1000000)
    message(FATAL_ERROR "The generated cache is implausibly small (${size} bytes)")
endif()
execute_process(COMMAND "${RCMCTL}" generate --items lots --out "${WORK_DIR}/bad.db" RESULT_VARIABLE result
                ERROR_VARIABLE message)
if(NOT result EQUAL 2 OR NOT message MATCHES "--items must be")
    message(FATAL_ERROR "A bad --items should be a usage error (exit 2), got ${result}: ${message}")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
