# SPDX-FileCopyrightText: 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs CPack in BUILD_DIR and checks that the DEB holds the programs and the desktop files.
execute_process(COMMAND cpack -G DEB WORKING_DIRECTORY ${BUILD_DIR} RESULT_VARIABLE result OUTPUT_VARIABLE output
                ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cpack failed:\n${output}")
endif()
file(GLOB debs ${BUILD_DIR}/packages/steward_*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one DEB, found: ${debs}")
endif()
execute_process(COMMAND dpkg-deb --contents ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "dpkg-deb cannot read ${debs}")
endif()
foreach(expected
        "/bin/steward\n" "/bin/stewardctl\n" "/bin/stewardd\n"
        "/share/applications/${APP_ID}.desktop" "/share/metainfo/${APP_ID}.metainfo.xml"
        "/share/icons/hicolor/scalable/apps/${APP_ID}.svg")
    string(FIND "${contents}" "${expected}" position)
    if(position EQUAL -1)
        message(FATAL_ERROR "the DEB lacks ${expected}:\n${contents}")
    endif()
endforeach()
execute_process(COMMAND dpkg-deb --field ${debs} Depends OUTPUT_VARIABLE depends)
string(FIND "${depends}" "libqt6widgets6" position)
if(position EQUAL -1)
    message(FATAL_ERROR "the DEB does not depend on Qt Widgets: ${depends}")
endif()
message(STATUS "DEB ok: ${debs}")
