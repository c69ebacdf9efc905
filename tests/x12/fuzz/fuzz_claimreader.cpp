// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: any bytes through the 837 claim reader must end in defects, never a
// crash, a hang or a read out of bounds. Each input is read twice, with a large and a
// tiny chunk size, and both readings must agree; the reader reuses its claims and lines
// from one transaction to the next, so a reused one must read as a fresh one would.
#include "services/x12/claimreader.h"

#include <QBuffer>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace {

struct Reading
{
    QList<rcm::x12::ClaimTransaction> transactions;
    QList<rcm::x12::Defect> defects;
};

Reading readAll(const QByteArray &bytes, qsizetype chunkSize)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    rcm::x12::ClaimReader reader(&buffer, chunkSize);
    Reading reading;
    rcm::x12::ClaimTransaction transaction;
    while (reader.readNext(transaction))
        reading.transactions.append(transaction);
    reading.defects += reader.fileDefects();
    return reading;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Reading large = readAll(bytes, 1 << 16);
    const Reading small = readAll(bytes, 4096);
    const auto tooLong = [](const Reading &reading) {
        return std::any_of(reading.defects.begin(), reading.defects.end(), [](const rcm::x12::Defect &defect) {
            return defect.code == rcm::x12::defectcode::SegmentTooLong;
        });
    };
    if (!tooLong(large) && !tooLong(small)
        && (large.transactions != small.transactions || large.defects != small.defects))
        std::abort();
    return 0;
}
