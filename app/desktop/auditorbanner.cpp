// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditorbanner.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>

namespace steward {
namespace {

QLabel *checkLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString okOrFailed(bool ok)
{
    return ok ? AuditorBanner::tr("✔ ok") : AuditorBanner::tr("✘ FAILED");
}

} // namespace

AuditorBanner::AuditorBanner(QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("auditorIconLabel"));
    m_headline = checkLabel(QStringLiteral("auditorHeadlineLabel"), this);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_signature = checkLabel(QStringLiteral("signatureCheckLabel"), this);
    m_content = checkLabel(QStringLiteral("contentCheckLabel"), this);
    m_chain = checkLabel(QStringLiteral("chainCheckLabel"), this);
    m_head = checkLabel(QStringLiteral("headCheckLabel"), this);
    m_problems = checkLabel(QStringLiteral("auditorProblemsLabel"), this);

    auto *layout = new QGridLayout(this);
    layout->addWidget(m_icon, 0, 0, 2, 1, Qt::AlignTop);
    layout->addWidget(m_headline, 0, 1, 1, 2);
    layout->addWidget(m_signature, 1, 1);
    layout->addWidget(m_content, 1, 2);
    layout->addWidget(m_chain, 2, 1);
    layout->addWidget(m_head, 2, 2);
    layout->addWidget(m_problems, 3, 1, 1, 2);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(2, 1);
}

void AuditorBanner::setHeadline(Tone tone, const QString &text)
{
    QPalette tinted = palette();
    const bool dark = tinted.color(QPalette::Window).lightness() < 128;
    QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
    QColor background = dark ? QColor(0x1f, 0x3d, 0x26) : QColor(0xe3, 0xf6, 0xe6);
    switch (tone) {
    case Tone::Passed: break;
    case Tone::Unchecked:
        icon = QStyle::SP_MessageBoxWarning;
        background = dark ? QColor(0x4a, 0x3b, 0x12) : QColor(0xff, 0xf4, 0xd1);
        break;
    case Tone::Failed:
        icon = QStyle::SP_MessageBoxCritical;
        background = dark ? QColor(0x4d, 0x1f, 0x1f) : QColor(0xfd, 0xe4, 0xe1);
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_headline->setText(text);
    tinted.setColor(QPalette::Window, background);
    setPalette(tinted);
}

void AuditorBanner::showVerification(const BundleVerification &verification, bool keyGiven)
{
    const BundleManifest &manifest = verification.manifest;
    if (!verification.ok()) {
        setHeadline(Tone::Failed, tr("Read-only audit bundle: checks FAILED. Do not rely on what it shows."));
    } else if (!keyGiven) {
        setHeadline(Tone::Unchecked,
                    tr("Read-only audit bundle: its content is whole, but who signed it was not checked."));
    } else {
        setHeadline(
            Tone::Passed,
            tr("Read-only audit bundle: every check passed. Exported by %1 on %2.")
                .arg(manifest.createdBy, QLocale().toString(manifest.createdAt.toLocalTime(), QLocale::ShortFormat)));
    }
    const QString key = QString::fromLatin1(manifest.publicKey);
    if (keyGiven) {
        m_signature->setText(tr("Signature: %1 — %2")
                                 .arg(okOrFailed(verification.signatureValid && verification.signedByExpectedKey),
                                      verification.signedByExpectedKey ? tr("made with the key you gave")
                                                                       : tr("not made with the key you gave")));
    } else {
        m_signature->setText(tr("Signature: ? not checked — no public key was given. The manifest names the key "
                                "%1; its signature %2 that key.")
                                 .arg(key, verification.signatureValid ? tr("matches") : tr("does NOT match")));
    }
    m_content->setText(tr("Content: %1 — the file's SHA-256 %2 the manifest's")
                           .arg(okOrFailed(verification.contentMatches),
                                verification.contentMatches ? tr("equals") : tr("differs from")));
    m_chain->setText(
        tr("Audit chain: %1 — %2")
            .arg(okOrFailed(verification.chain.intact()),
                 verification.chain.intact()
                     ? tr("%n entries verified", nullptr, static_cast<int>(verification.chain.entriesChecked))
                     : tr("broken at entry %1").arg(verification.chain.firstBadSequence)));
    m_head->setText(tr("Head: %1 — the log ends at entry %2, the manifest was signed at entry %3")
                        .arg(okOrFailed(verification.headMatches))
                        .arg(verification.chain.headSequence)
                        .arg(manifest.auditHeadSequence));
    m_problems->setText(verification.problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!verification.problems.isEmpty());
    for (QLabel *check : {m_signature, m_content, m_chain, m_head}) {
        check->show();
    }
}

void AuditorBanner::showError(const QString &message)
{
    setHeadline(Tone::Failed, tr("Read-only audit bundle: it could not be checked."));
    m_problems->setText(message);
    m_problems->show();
    for (QLabel *check : {m_signature, m_content, m_chain, m_head}) {
        check->hide();
    }
}

} // namespace steward
