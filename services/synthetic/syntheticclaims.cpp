// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/synthetic/syntheticclaims.h"

#include "services/synthetic/deterministicrandom.h"

#include <QCryptographicHash>

using namespace Qt::Literals::StringLiterals;

namespace rcm::synthetic {

using models::Money;

namespace {

struct Procedure
{
    const char *code;
    const char *modifier; ///< usual modifier, or empty
    int weight; ///< relative share of the charge
};

// Common outpatient and professional services (CPT codes are facts, listed by number only).
constexpr Procedure procedures[] = {
    {"99213", "", 3},   {"99214", "25", 4}, {"99285", "", 9},   {"36415", "", 1}, {"80053", "", 2}, {"85025", "", 1},
    {"71046", "26", 3}, {"93000", "", 2},   {"97110", "GP", 2}, {"J1885", "", 1}, {"96372", "", 1}, {"74177", "", 10},
};

quint64 streamOf(const QString &id)
{
    const QByteArray digest = QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha1);
    quint64 value = 0;
    for (int index = 0; index < 8; ++index)
        value = (value << 8) | static_cast<quint8>(digest.at(index));
    return value;
}

} // namespace

models::Claim claimFor(const models::WorkItem &item)
{
    DeterministicRandom random = DeterministicRandom::forStream(0x434C41494D, streamOf(item.id)); // "CLAIM"
    models::Claim claim;
    claim.claimNumber = item.claimNumber;
    claim.accountNumber = item.accountNumber;
    claim.payerId = item.payerId;
    claim.workItemId = item.id;
    claim.payerClaimNumber
        = u"%1%2"_s.arg(QString::number(random.next() % 90'000'000'000ULL + 10'000'000'000ULL)).arg(random.below(10));
    const int lineCount = 1 + random.below(4);
    // Split the billed amount by weight; the last line takes the rounding so the lines add up.
    std::array<int, 4> chosen {};
    int totalWeight = 0;
    for (int index = 0; index < lineCount; ++index) {
        chosen.at(static_cast<std::size_t>(index)) = random.below(int(std::size(procedures)));
        totalWeight += procedures[chosen.at(static_cast<std::size_t>(index))].weight;
    }
    // Contracts pay between 45% and 85% of charges, by payer.
    const int contractPercent = 45 + static_cast<int>(streamOf(item.payerId) % 41);
    qint64 remaining = item.billed.cents();
    for (int index = 0; index < lineCount; ++index) {
        const Procedure &procedure = procedures[chosen.at(static_cast<std::size_t>(index))];
        models::ClaimLine line;
        line.lineNumber = index + 1;
        line.procedureCode = QString::fromLatin1(procedure.code);
        if (*procedure.modifier)
            line.modifiers << QString::fromLatin1(procedure.modifier);
        const qint64 cents = index == lineCount - 1 ? remaining : item.billed.cents() * procedure.weight / totalWeight;
        remaining -= cents;
        line.charge = Money::fromCents(cents);
        line.allowed = Money::fromCents(cents * contractPercent / 100);
        line.units = procedure.code[0] == '9' && procedure.code[1] == '7' ? 1 + random.below(4) : 1;
        line.serviceDate = item.serviceFrom.isValid() ? item.serviceFrom.addDays(std::min(index, 2)) : QDate();
        if (item.serviceTo.isValid() && line.serviceDate > item.serviceTo)
            line.serviceDate = item.serviceTo;
        claim.lines.append(line);
    }
    return claim;
}

} // namespace rcm::synthetic
