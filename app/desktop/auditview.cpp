// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditview.h"

#include "auditlogmodel.h"
#include "displaytext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace steward {
namespace {

// How long typing in a filter field waits before the list follows it.
constexpr int filterDelayMs = 250;

QDateEdit *optionalDate(QCheckBox *enabled, const QString &objectName, QWidget *parent)
{
    auto *date = new QDateEdit(QDate::currentDate(), parent);
    date->setObjectName(objectName);
    date->setCalendarPopup(true);
    date->setEnabled(false);
    QObject::connect(enabled, &QCheckBox::toggled, date, &QDateEdit::setEnabled);
    return date;
}

} // namespace

AuditView::AuditView(QWidget *parent) : QWidget(parent)
{
    m_filterDelay = new QTimer(this);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(filterDelayMs);
    connect(m_filterDelay, &QTimer::timeout, this, &AuditView::applyFilter);
    const auto later = [this] { m_filterDelay->start(); };

    m_actor = new QLineEdit(this);
    m_actor->setObjectName(QStringLiteral("auditActorLineEdit"));
    m_actor->setPlaceholderText(tr("Anyone"));
    m_actor->setClearButtonEnabled(true);
    connect(m_actor, &QLineEdit::textChanged, this, later);

    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditActionComboBox"));
    m_action->addItem(tr("Any action"), QString());
    QString group;
    const QStringList actions = DisplayText::knownActions();
    for (const QString &action : actions) {
        const QString prefix = action.section(QLatin1Char('.'), 0, 0) + QLatin1Char('.');
        if (prefix != group) {
            group = prefix;
            m_action->addItem(tr("%1* (all)").arg(prefix), prefix);
        }
        m_action->addItem(tr("%1 — %2").arg(action, DisplayText::action(action)), action);
    }
    connect(m_action, &QComboBox::currentIndexChanged, this, later);

    m_subject = new QLineEdit(this);
    m_subject->setObjectName(QStringLiteral("auditSubjectLineEdit"));
    m_subject->setPlaceholderText(tr("Any path, e.g. /acme/sales"));
    m_subject->setClearButtonEnabled(true);
    connect(m_subject, &QLineEdit::textChanged, this, later);

    m_fromEnabled = new QCheckBox(tr("&From:"), this);
    m_fromEnabled->setObjectName(QStringLiteral("auditFromCheckBox"));
    m_from = optionalDate(m_fromEnabled, QStringLiteral("auditFromDateEdit"), this);
    m_untilEnabled = new QCheckBox(tr("U&ntil:"), this);
    m_untilEnabled->setObjectName(QStringLiteral("auditUntilCheckBox"));
    m_until = optionalDate(m_untilEnabled, QStringLiteral("auditUntilDateEdit"), this);
    for (QCheckBox *box : {m_fromEnabled, m_untilEnabled}) {
        connect(box, &QCheckBox::toggled, this, later);
    }
    for (QDateEdit *date : {m_from, m_until}) {
        connect(date, &QDateEdit::dateChanged, this, later);
    }

    auto *actorLabel = new QLabel(tr("&Actor:"), this);
    actorLabel->setBuddy(m_actor);
    auto *actionLabel = new QLabel(tr("A&ction:"), this);
    actionLabel->setBuddy(m_action);
    auto *subjectLabel = new QLabel(tr("&Subject:"), this);
    subjectLabel->setBuddy(m_subject);
    auto *filters = new QHBoxLayout;
    filters->addWidget(actorLabel);
    filters->addWidget(m_actor, 1);
    filters->addWidget(actionLabel);
    filters->addWidget(m_action, 1);
    filters->addWidget(subjectLabel);
    filters->addWidget(m_subject, 2);
    filters->addWidget(m_fromEnabled);
    filters->addWidget(m_from);
    filters->addWidget(m_untilEnabled);
    filters->addWidget(m_until);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("auditErrorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_model = new AuditLogModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTableView"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    // Widths that fit typical values, fixed so that a new filter or page never moves them.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto widthOf = [&metrics](const QString &sample) { return metrics.horizontalAdvance(sample) + 16; };
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(static_cast<int>(AuditLogModel::Column::Sequence),
                            widthOf(QLocale().toString(qint64{10'000'000})));
    m_table->setColumnWidth(static_cast<int>(AuditLogModel::Column::Time),
                            widthOf(DisplayText::time(QDateTime(QDate(2026, 12, 28), QTime(23, 59)))));
    m_table->setColumnWidth(static_cast<int>(AuditLogModel::Column::Actor),
                            widthOf(QStringLiteral("firstname.lastname")));
    m_table->setColumnWidth(static_cast<int>(AuditLogModel::Column::Action),
                            widthOf(DisplayText::action(QStringLiteral("bundle.export"))));
    m_table->setColumnWidth(static_cast<int>(AuditLogModel::Column::Subject),
                            widthOf(QStringLiteral("/acme/engineering/mobile/crash-triage-nordics")));
    m_table->setAccessibleName(tr("Audit log"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditView::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditView::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditView::showError);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditView::showError);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("auditDetailsPlainTextEdit"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setAccessibleName(tr("Entry details"));
    m_details->setPlaceholderText(tr("Select an entry to see all of it."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("auditSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
}

void AuditView::setWorkspace(Workspace *workspace)
{
    m_model->setFilter(filterFromFields());
    m_model->setWorkspace(workspace);
}

AuditFilter AuditView::filterFromFields() const
{
    AuditFilter filter;
    filter.actor = m_actor->text().trimmed();
    filter.action = m_action->currentData().toString();
    filter.subjectPrefix = m_subject->text().trimmed();
    if (m_fromEnabled->isChecked()) {
        filter.from = m_from->date().startOfDay();
    }
    if (m_untilEnabled->isChecked()) {
        filter.until = m_until->date().endOfDay();
    }
    return filter;
}

void AuditView::applyFilter()
{
    m_model->setFilter(filterFromFields());
}

void AuditView::showError()
{
    m_error->setText(m_model->lastError());
    m_error->setVisible(!m_model->lastError().isEmpty());
}

void AuditView::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const AuditEntry &entry = m_model->entry(current.row());
    const QString details = QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Indented));
    m_details->setPlainText(tr("Entry:         %1\n"
                               "Time:          %2\n"
                               "Actor:         %3\n"
                               "Action:        %4 (%5)\n"
                               "Subject:       %6\n"
                               "Reason:        %7\n"
                               "Previous hash: %8\n"
                               "Hash:          %9\n"
                               "Details:\n%10")
                                .arg(QString::number(entry.sequence),
                                     QLocale().toString(entry.time.toLocalTime(), QLocale::LongFormat), entry.actor,
                                     entry.action, DisplayText::action(entry.action), entry.subject, entry.reason,
                                     QString::fromLatin1(entry.previousHash), QString::fromLatin1(entry.hash))
                                .arg(details));
}

} // namespace steward
