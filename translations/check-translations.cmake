# SPDX-FileCopyrightText: 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a user-visible string has no translation: runs lupdate over the current sources
# into a copy of each .ts file and looks for entries still marked unfinished. The files in
# PLURAL_TS_FILES hold only messages with plural forms (lupdate -pluralonly).
cmake_minimum_required(VERSION 3.24) # if(IN_LIST) in script mode
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(failed FALSE)
foreach(ts IN LISTS TS_FILES PLURAL_TS_FILES)
    get_filename_component(name ${ts} NAME)
    set(options -silent -no-obsolete -locations none)
    if(ts IN_LIST PLURAL_TS_FILES)
        list(APPEND options -pluralonly)
    endif()
    configure_file(${ts} ${WORK_DIR}/${name} COPYONLY)
    execute_process(COMMAND ${LUPDATE} ${options} @${SOURCES_LIST} -ts ${WORK_DIR}/${name}
                    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed for ${name}:\n${output}")
    endif()
    file(READ ${WORK_DIR}/${name} content)
    # Semicolons separate CMake list items; keep them out of the matched texts.
    string(REPLACE ";" "," content "${content}")
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n\r\t]*(<comment>[^<]*</comment>[ \n\r\t]*)?<translation type=\"unfinished\"" missing "${content}")
    list(LENGTH missing count)
    if(count GREATER 0)
        set(failed TRUE)
        message("${name}: ${count} strings have no translation:")
        foreach(entry IN LISTS missing)
            string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" text "${entry}")
            message("  ${text}")
        endforeach()
    else()
        message("${name}: complete")
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "Translations are incomplete: run the update_translations target and translate the new strings.")
endif()
