// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/reasoncodecheck.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

namespace {

using reference::ReasonCode;

class ReasonCodeAudit final
{
public:
    ReasonCodeAudit(const reference::ReasonCodeCatalogue &catalogue, const QDate &paymentDate)
        : m_catalogue(catalogue)
        , m_paymentDate(paymentDate)
    { }

    void check(ReasonCode::Kind kind, const QString &code, qint64 segmentNumber, const QString &segmentId)
    {
        if (code.isEmpty())
            return;
        const QString kindName = kind == ReasonCode::Kind::Carc ? u"CARC"_s : u"RARC"_s;
        if (m_seen.contains(kindName + code))
            return;
        m_seen.insert(kindName + code);
        const std::optional<ReasonCode> known = m_catalogue.find(kind, code);
        if (!known) {
            m_defects.append(
                {Severity::Warning, defectcode::ReasonCodeUnknown, segmentNumber, segmentId,
                 u"%1 %2 is not in the reason-code catalogue: kept as sent, to be looked up."_s.arg(kindName, code)});
        } else if (m_paymentDate.isValid() && !known->isActiveOn(m_paymentDate)) {
            const QString when = known->stop.isValid() && known->stop < m_paymentDate
                ? u"was retired on %1"_s.arg(known->stop.toString(Qt::ISODate))
                : u"only took effect on %1"_s.arg(known->start.toString(Qt::ISODate));
            m_defects.append({Severity::Warning, defectcode::ReasonCodeExpired, segmentNumber, segmentId,
                              u"%1 %2 %3, but the payment is dated %4."_s.arg(kindName, code, when,
                                                                              m_paymentDate.toString(Qt::ISODate))});
        }
    }

    QList<Defect> defects() const { return m_defects; }

private:
    const reference::ReasonCodeCatalogue &m_catalogue;
    QDate m_paymentDate;
    QSet<QString> m_seen;
    QList<Defect> m_defects;
};

} // namespace

QList<Defect> checkReasonCodes(const Remittance &remittance, const reference::ReasonCodeCatalogue &catalogue)
{
    ReasonCodeAudit audit(catalogue, remittance.payment.date);
    for (const ClaimPayment &claim : remittance.claims) {
        for (const Adjustment &adjustment : claim.adjustments)
            audit.check(ReasonCode::Kind::Carc, adjustment.reasonCode, claim.segmentNumber, u"CAS"_s);
        for (const QString &remark : claim.remarkCodes)
            audit.check(ReasonCode::Kind::Rarc, remark, claim.segmentNumber, u"MOA"_s);
        for (const ServiceLine &line : claim.lines) {
            for (const Adjustment &adjustment : line.adjustments)
                audit.check(ReasonCode::Kind::Carc, adjustment.reasonCode, line.segmentNumber, u"CAS"_s);
            for (const QString &remark : line.remarkCodes)
                audit.check(ReasonCode::Kind::Rarc, remark, line.segmentNumber, u"LQ"_s);
        }
    }
    return audit.defects();
}

} // namespace rcm::x12
