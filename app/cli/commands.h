// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"

namespace steward {

// One function per command group; each parses its own arguments and returns the exit code.
[[nodiscard]] int runDemoCommand(const CommandContext &context);
[[nodiscard]] int runTreeCommand(const CommandContext &context);
[[nodiscard]] int runNodeCommand(const CommandContext &context);
[[nodiscard]] int runAgentCommand(const CommandContext &context);
[[nodiscard]] int runProposalCommand(const CommandContext &context);
[[nodiscard]] int runAuditCommand(const CommandContext &context);
[[nodiscard]] int runKeyCommand(const CommandContext &context);
[[nodiscard]] int runExportBundleCommand(const CommandContext &context);
[[nodiscard]] int runVerifyBundleCommand(const CommandContext &context);
[[nodiscard]] int runUserCommand(const CommandContext &context);
[[nodiscard]] int runTokenCommand(const CommandContext &context);
[[nodiscard]] int runApprovalCommand(const CommandContext &context);
[[nodiscard]] int runPolicyCommand(const CommandContext &context);

} // namespace steward
