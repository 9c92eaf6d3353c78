// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bundle/auditbundle.h"

#include <QFrame>

class QLabel;

namespace steward {

// The band across the top of the window in auditor mode: what checking the open bundle found.
// One line for each check (signature, content, chain, head) saying ok or failed, each with an
// icon and a word, and the problems in sentences.
class AuditorBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit AuditorBanner(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(AuditorBanner)
    ~AuditorBanner() override = default;

    // `keyGiven`: false when the auditor gave no key and the manifest's own key was used, so
    // the signature only shows the manifest is whole, not who made it.
    void showVerification(const BundleVerification &verification, bool keyGiven);
    // Checking could not run at all (no manifest, say).
    void showError(const QString &message);

private:
    enum class Tone { Passed, Unchecked, Failed };
    void setHeadline(Tone tone, const QString &text);

    QLabel *m_icon = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_signature = nullptr;
    QLabel *m_content = nullptr;
    QLabel *m_chain = nullptr;
    QLabel *m_head = nullptr;
    QLabel *m_problems = nullptr;
};

} // namespace steward
