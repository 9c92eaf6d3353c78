// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/orgnode.h"
#include "serverprocess.h"
#include "teststore.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace steward::test {

// A small company written through the core services before stewardd starts on it:
//   /acme/sales/outbound/{prospect-mailer (public), lead-scorer (team), pricing-bot (private)}
//   /acme/support/tier1/{triage (public), refund-bot (private)}
// and principals with one bearer token each:
//   root-admin (admin on /acme), sales-editor (editor on /acme/sales), outbound-reviewer
//   (reviewer on /acme/sales/outbound), auditor (auditor on /acme), outsider (no grant),
//   mailer-bot (an agent identity with the agent role on prospect-mailer).
struct SeededWorkspace
{
    QHash<QString, NodeId> nodes; // by path
    QHash<QString, QString> tokens; // bearer token by principal name
    QString error; // why seeding failed; empty when it worked
};

[[nodiscard]] SeededWorkspace seedWorkspace(const QString &location);

// How most server tests begin: a fresh store on this run's database (TestStore), seeded, and a
// stewardd serving it. Empty when it worked, otherwise why not.
[[nodiscard]] QString startSeededServer(std::unique_ptr<TestStore> &store, SeededWorkspace &seeded,
                                        ServerProcess &server, const QStringList &serverArguments = {});

// A throwaway self-signed certificate for 127.0.0.1 and its key (PEM files), made by the openssl
// tool, for a server with TLS.
[[nodiscard]] bool makeCertificate(const QString &certificatePath, const QString &keyPath);

// A valid spec for a standard agent, with `instructions` as its instruction text.
[[nodiscard]] QString sampleSpec(const QString &instructions, const QString &criticality = QStringLiteral("standard"));

} // namespace steward::test
