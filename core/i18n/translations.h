// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace steward {

// Installs Steward's messages for the user's language (the catalogues compiled into each program
// under :/i18n). Where Steward has no catalogue for the language, the English one is installed:
// it holds only the plural forms, so that "%n decision(s)" reads "1 decision" and "3 decisions"
// instead of the source text. The translators belong to the application object.
void installTranslations();

} // namespace steward
