# SPDX-FileCopyrightText: 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# steward_add_test(NAME SOURCES ... LIBS ... [LABELS ...] [POSTGRES])
# One Qt Test executable per class, registered with CTest, offscreen, with a fixed locale.
# POSTGRES registers the executable a second time, as NAME_pg with the label db-pg, to run on
# PostgreSQL (STEWARD_TEST_STORE=postgresql; the server is STEWARD_TEST_PG_URL, see
# tests/support/teststore.h).

function(steward_add_test name)
    cmake_parse_arguments(ARG "POSTGRES" "" "SOURCES;LIBS;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE steward_project_options Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        QT_FORCE_ASSERTS
        STEWARD_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    add_test(NAME ${name} COMMAND ${name})
    set(labels unit)
    if(ARG_LABELS)
        set(labels ${ARG_LABELS})
    endif()
    set(environment "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8;ASAN_OPTIONS=detect_leaks=1:abort_on_error=0;LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
    set_tests_properties(${name} PROPERTIES
        LABELS "${labels}"
        TIMEOUT 300
        ENVIRONMENT "${environment}")
    if(ARG_POSTGRES)
        add_test(NAME ${name}_pg COMMAND ${name})
        set_tests_properties(${name}_pg PROPERTIES
            LABELS "db-pg"
            TIMEOUT 300
            ENVIRONMENT "${environment};STEWARD_TEST_STORE=postgresql")
    endif()
endfunction()
