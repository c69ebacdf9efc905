// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: any bytes through the X12 reader and the balancing checks must end
// in defects, never a crash, a hang or a read out of bounds. Each input is read twice,
// with a large and a tiny chunk size, and both readings must agree.
#include "services/x12/balancing.h"
#include "services/x12/remittancereader.h"

#include <QBuffer>

#include <cstdint>
#include <cstdlib>

namespace {

struct Reading
{
    QList<rcm::x12::Remittance> transactions;
    QList<rcm::x12::Defect> defects;
};

Reading readAll(const QByteArray &bytes, qsizetype chunkSize)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    rcm::x12::RemittanceReader reader(&buffer, chunkSize);
    Reading reading;
    rcm::x12::Remittance remittance;
    while (reader.readNext(remittance)) {
        reading.defects += rcm::x12::checkBalance(remittance);
        reading.transactions.append(remittance);
    }
    reading.defects += reader.fileDefects();
    return reading;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Reading large = readAll(bytes, 1 << 16);
    const Reading small = readAll(bytes, 4096);
    // A segment longer than the small buffer is refused there and read in the large one,
    // so the two agree only when neither hit the limit.
    const auto tooLong = [](const Reading &reading) {
        return std::any_of(reading.defects.begin(), reading.defects.end(), [](const rcm::x12::Defect &defect) {
            return defect.code == rcm::x12::defectcode::SegmentTooLong;
        });
    };
    if (!tooLong(small) && !tooLong(large) && large.transactions != small.transactions)
        std::abort();
    return 0;
}
