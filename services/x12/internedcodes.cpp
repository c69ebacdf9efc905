// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/internedcodes.h"

#include <QHash>
#include <QMutex>

#include <cstring>
#include <memory>
#include <vector>

namespace rcm::x12 {

namespace {

constexpr qsizetype maxCodeLength = 7;
constexpr qsizetype slotLength = maxCodeLength + 1; ///< with a terminating zero
constexpr qsizetype blockSlots = 4096;
constexpr qsizetype maxCodes = 1 << 16; ///< about 1 MB of text at most

struct CodeTable
{
    QMutex mutex;
    QHash<quint64, const char16_t *> codes; ///< key: the bytes, little-endian, with the size on top
    std::vector<std::unique_ptr<char16_t[]>> blocks; ///< never freed: the strings handed out point here
    qsizetype usedSlots = blockSlots; ///< of the last block
};

CodeTable &codeTable()
{
    // Never destroyed: a QString handed out may outlive every static destructor.
    static CodeTable *const table = new CodeTable;
    return *table;
}

} // namespace

QString internedCode(QByteArrayView code)
{
    const qsizetype size = code.size();
    if (size < 1 || size > maxCodeLength)
        return {};
    const auto *bytes = reinterpret_cast<const uchar *>(code.data());
    uchar high = 0;
    for (qsizetype index = 0; index < size; ++index)
        high |= bytes[index];
    if (high >= 0x80)
        return {};
    quint64 key = 0;
    for (qsizetype index = 0; index < size; ++index)
        key |= quint64(bytes[index]) << (8 * index);
    key |= quint64(size) << 56;

    CodeTable &table = codeTable();
    const QMutexLocker locker(&table.mutex);
    const char16_t *text = table.codes.value(key);
    if (!text) {
        if (table.codes.size() >= maxCodes)
            return {};
        if (table.usedSlots == blockSlots) {
            table.blocks.push_back(std::make_unique<char16_t[]>(std::size_t(blockSlots * slotLength)));
            table.usedSlots = 0;
        }
        char16_t *slot = table.blocks.back().get() + table.usedSlots++ * slotLength;
        for (qsizetype index = 0; index < size; ++index)
            slot[index] = char16_t(bytes[index]);
        slot[size] = 0;
        table.codes.insert(key, slot);
        text = slot;
    }
    return QString::fromRawData(reinterpret_cast<const QChar *>(text), size);
}

} // namespace rcm::x12
