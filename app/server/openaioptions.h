// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/result.h"
#include "runtime/openairunner.h"

namespace steward {

struct ServerConfig;

// The secrets file's entry that holds the key of the openai runner's server.
inline constexpr auto OpenAiSecretName = "openai";

// The openai runner's options from stewardd's configuration: the base URL, the key (the
// secrets file's entry "openai"; none: calls go without one, as a local server may want) and
// the price list (--openai-prices). The runtime's runner factory calls this once at startup,
// so that a secrets or price file that cannot be read stops the server with the reason
// instead of failing every run.
[[nodiscard]] Result<OpenAiRunner::Options> openAiRunnerOptions(const ServerConfig &config);

} // namespace steward
