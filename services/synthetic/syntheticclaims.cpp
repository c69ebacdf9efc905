// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/synthetic/syntheticclaims.h"

#include "services/synthetic/deterministicrandom.h"
#include "services/synthetic/syntheticgenerator.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::synthetic {

using models::Money;
using models::PayerKind;

namespace {

struct Procedure
{
    QString code;
    QString modifier; ///< usual modifier, or empty
    int weight; ///< relative share of the charge
    QString revenueCode; ///< the NUBC revenue code a hospital bills it under
};

// Common outpatient and professional services (CPT codes and NUBC revenue codes are facts,
// listed by number only). Literals, so copying them into a claim allocates nothing.
const std::array<Procedure, 12> &procedures()
{
    static const std::array<Procedure, 12> table = {{
        {u"99213"_s, {}, 3, u"0510"_s},
        {u"99214"_s, u"25"_s, 4, u"0510"_s},
        {u"99285"_s, {}, 9, u"0450"_s},
        {u"36415"_s, {}, 1, u"0300"_s},
        {u"80053"_s, {}, 2, u"0301"_s},
        {u"85025"_s, {}, 1, u"0305"_s},
        {u"71046"_s, u"26"_s, 3, u"0320"_s},
        {u"93000"_s, {}, 2, u"0730"_s},
        {u"97110"_s, u"GP"_s, 2, u"0420"_s},
        {u"J1885"_s, {}, 1, u"0636"_s},
        {u"96372"_s, {}, 1, u"0260"_s},
        {u"74177"_s, {}, 10, u"0350"_s},
    }};
    return table;
}

constexpr int therapy = 8; // 97110 in procedures()
constexpr int officeVisit = 0; // 99213

/// A service billed once per visit on one claim: therapy visits through the week, or a
/// follow-up office visit a few days after the first.
struct VisitSeries
{
    int procedure; ///< index into procedures()
    int visits;
    std::array<int, 4> dayOffsets; ///< from the item's first service date; at most 4 days, within the item's age
};

constexpr std::array<VisitSeries, 3> visitSeries = {{
    {therapy, 4, {0, 1, 3, 4}},
    {therapy, 3, {0, 2, 4, 0}},
    {officeVisit, 2, {0, 3, 0, 0}},
}};

// The generator's commercial plans, which sell Medicare supplements and coordinate with
// one another.
const std::array<QString, 4> &commercialPayers()
{
    static const std::array<QString, 4> ids = {u"BSH"_s, u"NWH"_s, u"SMI"_s, u"CET"_s};
    return ids;
}

/// FNV-1a over the UTF-16 code units: a stream number per id, much cheaper than a
/// cryptographic hash and as good once forStream has mixed it.
quint64 streamOf(QStringView id)
{
    quint64 hash = 0xCBF29CE484222325ULL;
    for (const QChar character : id) {
        hash ^= character.unicode();
        hash *= 0x100000001B3ULL;
    }
    return hash;
}

models::ClaimLine lineOf(const models::Claim &claim, const Procedure &procedure, int number, bool hospital)
{
    models::ClaimLine line;
    line.lineNumber = number;
    line.procedureCode = procedure.code;
    if (!procedure.modifier.isEmpty())
        line.modifiers << procedure.modifier;
    line.lineControlNumber = claim.claimNumber + u'-' + QString::number(number);
    if (hospital)
        line.revenueCode = procedure.revenueCode;
    return line;
}

} // namespace

SyntheticCoverage coverageFor(QStringView itemId, QStringView payerId)
{
    const std::optional<PayerKind> kind = SyntheticGenerator::payerKindOf(payerId);
    if (!kind || *kind == PayerKind::Medicaid || *kind == PayerKind::SelfPay)
        return {}; // Medicaid pays last; self-pay has no coverage
    DeterministicRandom random = DeterministicRandom::forStream(0x434F564552ULL, streamOf(itemId)); // "COVER"
    const double draw = random.uniform();
    const QString medicaid = u"MCD"_s;
    switch (*kind) {
    case PayerKind::Medicare: { // most beneficiaries have a supplement, or Medicaid as dual eligibles
        if (draw >= 0.70)
            return {};
        if (random.chance(0.35))
            return {medicaid, {}};
        const QString &supplement = commercialPayers().at(static_cast<std::size_t>(random.below(4)));
        return {supplement, random.chance(0.06) ? medicaid : QString()};
    }
    case PayerKind::MedicareAdvantage:
        return draw < 0.12 ? SyntheticCoverage {medicaid, {}} : SyntheticCoverage {};
    case PayerKind::Commercial: { // a spouse's plan, now and then Medicaid behind it
        if (draw >= 0.15)
            return {};
        std::size_t other = static_cast<std::size_t>(random.below(3));
        if (payerId == commercialPayers().at(other))
            other = 3;
        return {commercialPayers().at(other), random.chance(0.12) ? medicaid : QString()};
    }
    case PayerKind::Medicaid:
    case PayerKind::SelfPay:
        break;
    }
    return {};
}

int contractPercentFor(QStringView payerId)
{
    return 45 + static_cast<int>(streamOf(payerId) % 41);
}

QByteArray syntheticContracts(const QList<models::Payer> &payers)
{
    QByteArray csv = "payer_id,kind,code,modifier,amount,percent,effective_from,effective_to\n";
    for (const models::Payer &payer : payers) {
        csv += payer.id.toUtf8() + ",percent_of_charges,,,," + QByteArray::number(contractPercentFor(payer.id))
            + ",2000-01-01,\n";
    }
    return csv;
}

models::Claim claimFor(const models::WorkItem &item)
{
    DeterministicRandom random = DeterministicRandom::forStream(0x434C41494D, streamOf(item.id)); // "CLAIM"
    models::Claim claim;
    claim.claimNumber = item.claimNumber;
    claim.accountNumber = item.accountNumber;
    claim.payerId = item.payerId;
    claim.workItemId = item.id;
    claim.payerClaimNumber = QString::number(random.next() % 90'000'000'000ULL + 10'000'000'000ULL)
        + QChar(char16_t(u'0' + random.below(10)));
    SyntheticCoverage coverage = coverageFor(item.id, item.payerId);
    claim.secondaryPayerId = std::move(coverage.secondaryPayerId);
    claim.tertiaryPayerId = std::move(coverage.tertiaryPayerId);
    const bool hospital = SyntheticGenerator::isHospital(item.facilityId);

    // The procedures, with their service dates: a series of visits now and then, otherwise
    // up to four different services over the first days of the stay.
    std::array<int, 4> chosen {};
    std::array<QDate, 4> dates {};
    int lineCount = 0;
    if (random.chance(0.08) && item.serviceFrom.isValid()) {
        const VisitSeries &series = visitSeries.at(static_cast<std::size_t>(random.below(int(visitSeries.size()))));
        lineCount = series.visits;
        for (std::size_t index = 0; index < std::size_t(lineCount); ++index) {
            chosen.at(index) = series.procedure;
            dates.at(index) = item.serviceFrom.addDays(series.dayOffsets.at(index));
        }
    } else {
        lineCount = 1 + random.below(4);
        for (int index = 0; index < lineCount; ++index) {
            int procedure = random.below(int(procedures().size()));
            for (int earlier = 0; earlier < index; ++earlier) { // one line per procedure and day
                if (chosen.at(std::size_t(earlier)) == procedure) {
                    procedure = (procedure + 1 + random.below(int(procedures().size()) - 1)) % int(procedures().size());
                    earlier = -1;
                }
            }
            chosen.at(std::size_t(index)) = procedure;
            QDate date = item.serviceFrom.isValid() ? item.serviceFrom.addDays(std::min(index, 2)) : QDate();
            if (item.serviceTo.isValid() && date > item.serviceTo)
                date = item.serviceTo;
            dates.at(std::size_t(index)) = date;
        }
    }
    // Split the billed amount by weight; the last line takes the rounding so the lines add up.
    int totalWeight = 0;
    for (int index = 0; index < lineCount; ++index)
        totalWeight += procedures().at(std::size_t(chosen.at(std::size_t(index)))).weight;
    // Contracts pay between 45% and 85% of charges, by payer.
    const int contractPercent = contractPercentFor(item.payerId);
    qint64 remaining = item.billed.cents();
    claim.lines.reserve(lineCount);
    for (int index = 0; index < lineCount; ++index) {
        const Procedure &procedure = procedures().at(std::size_t(chosen.at(std::size_t(index))));
        models::ClaimLine line = lineOf(claim, procedure, index + 1, hospital);
        const qint64 cents = index == lineCount - 1 ? remaining : item.billed.cents() * procedure.weight / totalWeight;
        remaining -= cents;
        line.charge = Money::fromCents(cents);
        line.allowed = Money::fromCents(cents * contractPercent / 100);
        line.units = chosen.at(std::size_t(index)) == therapy ? 1 + random.below(4) : 1; // 15-minute units
        line.serviceDate = dates.at(std::size_t(index));
        claim.lines.append(std::move(line));
    }
    return claim;
}

} // namespace rcm::synthetic
