// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

#include <optional>

namespace rcm::testing {

/// A throwaway self-signed certificate for 127.0.0.1 and its key, made at run time with the
/// openssl command line in directory (cert.pem, key.pem). Being self-signed, the
/// certificate is also the CA file a client trusts it with.
struct TestCertificate
{
    QString certificatePath;
    QString keyPath;

    /// Nothing if openssl is missing or failed (the caller's QVERIFY says so).
    static std::optional<TestCertificate> make(const QString &directory);
};

} // namespace rcm::testing
