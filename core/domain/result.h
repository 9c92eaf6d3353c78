// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace steward {

// Why an operation was refused. The code is stable (scripts and the API match on it); the
// message is a translated sentence a user can act on.
struct Error
{
    enum class Code {
        NotFound, // the thing named does not exist
        Invalid, // the input breaks a rule (empty name, cycle, duplicate, bad value)
        Conflict, // someone else changed it first
        Forbidden, // the actor may not do this
        StoreMissing, // no store at the given path
        StoreLocked, // another program holds the store
        StoreCorrupt, // not a Steward store, or damaged
        StoreTooNew, // written by a newer Steward
        StoreFailure, // the database failed (disk full, I/O error)
        TooLarge, // the input is over a size limit as a whole (an HTTP request body)
    };

    Code code = Code::Invalid;
    QString message;

    // The stable snake_case spelling of the code ("not_found"), and back.
    [[nodiscard]] QString codeName() const;
    [[nodiscard]] static std::optional<Code> codeFromName(const QString &name);
};

// A value or the reason there is none. Small on purpose: std::expected is C++23.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) { } // NOLINT(google-explicit-constructor)
    Result(Error error) : m_state(std::move(error)) { } // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &value() const & { return std::get<T>(m_state); }
    [[nodiscard]] T &&value() && { return std::get<T>(std::move(m_state)); }
    [[nodiscard]] const Error &error() const { return std::get<Error>(m_state); }
    [[nodiscard]] const T *operator->() const { return &value(); }
    [[nodiscard]] const T &operator*() const & { return value(); }

private:
    std::variant<T, Error> m_state;
};

// For operations that only succeed or fail.
struct Done
{
};
using Status = Result<Done>;

} // namespace steward
