# SPDX-FileCopyrightText: 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# steward_project_options: the one place for the project-wide compile policy.
# Every target links it; nothing is set directory-wide.

set(CMAKE_COMPILE_WARNING_AS_ERROR ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

find_program(STEWARD_CCACHE ccache)
if(STEWARD_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${STEWARD_CCACHE}")
endif()

option(STEWARD_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(steward_project_options INTERFACE)
target_compile_features(steward_project_options INTERFACE cxx_std_20)
target_compile_definitions(steward_project_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    QT_MESSAGELOGCONTEXT)
target_compile_options(steward_project_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
    -Wcast-qual -Werror=switch)

if(STEWARD_SANITIZE)
    target_compile_options(steward_project_options INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(steward_project_options INTERFACE -fsanitize=address,undefined)
endif()
