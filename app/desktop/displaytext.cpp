// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytext.h"

#include <QLocale>

#include <array>
#include <utility>

namespace steward {
namespace {

using ActionWord = std::pair<const char16_t *, const char *>;

// Every audit action the core writes, with its words.
constexpr std::array actionWords = {
    ActionWord{u"node.create", QT_TRANSLATE_NOOP("steward::DisplayText", "Created")},
    ActionWord{u"node.rename", QT_TRANSLATE_NOOP("steward::DisplayText", "Renamed")},
    ActionWord{u"node.move", QT_TRANSLATE_NOOP("steward::DisplayText", "Moved")},
    ActionWord{u"node.archive", QT_TRANSLATE_NOOP("steward::DisplayText", "Archived")},
    ActionWord{u"agent.create", QT_TRANSLATE_NOOP("steward::DisplayText", "Created")},
    ActionWord{u"version.save", QT_TRANSLATE_NOOP("steward::DisplayText", "New version")},
    ActionWord{u"version.propose", QT_TRANSLATE_NOOP("steward::DisplayText", "Proposed a version")},
    ActionWord{u"version.approve", QT_TRANSLATE_NOOP("steward::DisplayText", "Approved a version")},
    ActionWord{u"version.reject", QT_TRANSLATE_NOOP("steward::DisplayText", "Rejected a version")},
    ActionWord{u"bundle.export", QT_TRANSLATE_NOOP("steward::DisplayText", "Exported an audit bundle")},
};

} // namespace

QString DisplayText::time(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString DisplayText::action(const QString &action)
{
    for (const auto &[name, words] : actionWords) {
        if (action == QStringView(name)) {
            return tr(words);
        }
    }
    return action;
}

QStringList DisplayText::knownActions()
{
    QStringList actions;
    for (const ActionWord &entry : actionWords) {
        actions.append(QString::fromUtf16(entry.first));
    }
    return actions;
}

} // namespace steward
