// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace rcm::store {

/// Why a store operation failed, in words a user can act on. A default-constructed
/// StoreError means success.
class StoreError final
{
public:
    enum class Code {
        None,
        CannotOpen, ///< the file or its folder cannot be created or opened
        NotADatabase, ///< not an SQLite file at all, or damaged beyond reading
        ForeignDatabase, ///< an SQLite file that belongs to some other program
        TooNew, ///< written by a newer build with a schema this one does not know
        MigrationFailed, ///< an upgrade step failed and was rolled back
        JournalMode, ///< the file system refused write-ahead logging
        Busy, ///< another process held the file for too long
        Query, ///< a statement failed
    };

    StoreError() = default;
    StoreError(Code code, QString message)
        : m_code(code)
        , m_message(std::move(message))
    { }

    Code code() const { return m_code; }
    const QString &message() const { return m_message; }
    bool isError() const { return m_code != Code::None; }
    explicit operator bool() const { return isError(); }

private:
    Code m_code = Code::None;
    QString m_message;
};

/// Hands error to a caller's optional out-parameter (reads return their value and report
/// a failure this way).
inline void setError(StoreError *target, StoreError error)
{
    if (target)
        *target = std::move(error);
}

} // namespace rcm::store
