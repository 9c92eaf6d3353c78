// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agentspec.h"
#include "runtime/runner.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace steward {

// Makes the runner for a spec's runner kind. Whoever sets up the runtime registers the kinds it
// can run, each maker holding that kind's options (stewardd: command, http, openai with its
// endpoint and key); tests register their own. A kind nobody registered is refused at dispatch
// ("this server cannot run ... runners") rather than failing the run.
class RunnerFactory final
{
public:
    using Maker = std::function<std::unique_ptr<Runner>(const AgentSpec::Runner &settings)>;

    void add(const QString &kind, Maker maker) { m_makers.insert(kind, std::move(maker)); }
    [[nodiscard]] bool canMake(const QString &kind) const { return m_makers.contains(kind); }
    [[nodiscard]] QStringList kinds() const { return m_makers.keys(); }
    // A new runner for the settings' kind; null for a kind not registered.
    [[nodiscard]] std::unique_ptr<Runner> make(const AgentSpec::Runner &settings) const
    {
        const auto maker = m_makers.constFind(settings.kind);
        return maker == m_makers.cend() ? nullptr : maker.value()(settings);
    }

private:
    QHash<QString, Maker> m_makers;
};

} // namespace steward
