// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/synthetic/syntheticclaimfile.h"

#include "services/synthetic/syntheticclaims.h"

#include <QBuffer>

using namespace Qt::Literals::StringLiterals;

namespace rcm::synthetic {

namespace {

/// Ten digits derived from a name, starting with 1 like an NPI (not a real one: the check
/// digit is not computed).
QString madeUpNumber(QStringView text, char16_t lead, int digits)
{
    quint64 hash = 0xCBF29CE484222325ULL;
    for (const QChar character : text) {
        hash ^= character.unicode();
        hash *= 0x100000001B3ULL;
    }
    QString number(1, QChar(lead));
    for (int index = 1; index < digits; ++index) {
        number += QChar(char16_t(u'0' + hash % 10));
        hash /= 10;
    }
    return number;
}

QString payerName(const SyntheticGenerator &generator, const QString &payerId)
{
    for (const models::Payer &payer : generator.payers()) {
        if (payer.id == payerId)
            return payer.name.toUpper();
    }
    return payerId;
}

} // namespace

x12::ClaimParties partiesFor(const SyntheticGenerator &generator, const models::WorkItem &item)
{
    x12::ClaimParties parties;
    QString facilityName = item.facilityId;
    for (const models::Facility &facility : generator.facilities()) {
        if (facility.id == item.facilityId)
            facilityName = facility.name.toUpper();
    }
    parties.billingProvider = {u"85"_s,
                               facilityName,
                               u"XX"_s,
                               madeUpNumber(item.facilityId, u'1', 10),
                               madeUpNumber(item.facilityId, u'9', 9),
                               SyntheticGenerator::isHospital(item.facilityId) ? u"282N00000X"_s : u"207Q00000X"_s};
    parties.payerName = payerName(generator, item.payerId);
    const models::Claim claim = claimFor(item);
    parties.secondaryPayerName
        = claim.secondaryPayerId.isEmpty() ? QString() : payerName(generator, claim.secondaryPayerId);
    parties.tertiaryPayerName
        = claim.tertiaryPayerId.isEmpty() ? QString() : payerName(generator, claim.tertiaryPayerId);
    const std::optional<models::PayerKind> kind = SyntheticGenerator::payerKindOf(item.payerId);
    parties.filingIndicator = !kind                     ? u"CI"_s
        : *kind == models::PayerKind::Medicare          ? u"MB"_s
        : *kind == models::PayerKind::MedicareAdvantage ? u"16"_s
        : *kind == models::PayerKind::Medicaid          ? u"MC"_s
                                                        : u"CI"_s;
    // The generator's names are "Zzlast, First M."; an 837 wants them in capitals.
    const QString &name = item.patientDisplayName;
    const qsizetype comma = name.indexOf(u',');
    parties.subscriberLastName = (comma < 0 ? name : name.first(comma)).trimmed().toUpper();
    parties.subscriberFirstName
        = comma < 0 ? QString() : name.sliced(comma + 1).trimmed().section(u' ', 0, 0).toUpper();
    parties.subscriberId = u"ZZ"_s + madeUpNumber(item.id, u'0', 9);
    parties.relationship = u"18"_s;
    return parties;
}

models::Claim billedClaimFor(const models::WorkItem &item)
{
    models::Claim claim = claimFor(item);
    if (SyntheticGenerator::isHospital(item.facilityId)) {
        claim.form = models::ClaimForm::Institutional;
        if (claim.facilityCode.isEmpty())
            claim.facilityCode = u"13"_s;
        if (!claim.statementFrom.isValid()) {
            for (const models::ClaimLine &line : std::as_const(claim.lines)) {
                const QDate last = line.serviceDateTo.isValid() ? line.serviceDateTo : line.serviceDate;
                if (line.serviceDate.isValid()
                    && (!claim.statementFrom.isValid() || line.serviceDate < claim.statementFrom))
                    claim.statementFrom = line.serviceDate;
                if (last.isValid() && (!claim.statementTo.isValid() || last > claim.statementTo))
                    claim.statementTo = last;
            }
        }
    } else {
        claim.form = models::ClaimForm::Professional;
        if (claim.facilityCode.isEmpty())
            claim.facilityCode = u"11"_s;
    }
    if (claim.frequencyCode.isEmpty())
        claim.frequencyCode = u"1"_s;
    return claim;
}

bool writeSyntheticClaimFile(QIODevice *device, const SyntheticGenerator &generator,
                             const SyntheticClaimFileOptions &options)
{
    x12::ClaimWriter writer(device, options.writer);
    const qint64 end = options.first + options.count;
    for (qint64 first = options.first; first < end;) {
        QList<x12::ClaimToWrite> batch;
        const qint64 last = std::min(end, first + std::max(1, options.claimsPerInterchange));
        batch.reserve(last - first);
        for (; first < last; ++first) {
            const models::WorkItem item = generator.item(first);
            batch.append({billedClaimFor(item), partiesFor(generator, item)});
        }
        if (!writer.writeInterchange(x12::claimTransactionsOf(batch, options.writer, options.claimsPerTransaction)))
            return false;
    }
    return true;
}

QByteArray syntheticClaimFile(const SyntheticGenerator &generator, const SyntheticClaimFileOptions &options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    writeSyntheticClaimFile(&buffer, generator, options);
    buffer.close();
    return bytes;
}

} // namespace rcm::synthetic
