// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/itemdetail.h"

#include "services/reference/reasoncodecatalogue.h"
#include "ui/itemmodels/displaynames.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

using namespace rcm::models;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rcm::ui", text);
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString money(Money amount)
{
    return QLocale().toCurrencyString(static_cast<double>(amount.cents()) / 100.0, u"$"_s);
}

QString dateText(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : u"—"_s;
}

QString deadlineText(const QDate &deadline, const QDate &today)
{
    if (!deadline.isValid())
        return tr("none");
    const int days = static_cast<int>(today.daysTo(deadline));
    const QString when = days < 0 ? QCoreApplication::translate("rcm::ui", "passed %n day(s) ago", nullptr, -days)
                                  : QCoreApplication::translate("rcm::ui", "in %n day(s)", nullptr, days);
    const QString colour = days <= 7 ? u"#a40e26"_s : days <= 30 ? u"#7d4e00"_s : u"#1a7f37"_s;
    return u"%1 <span style='color:%2; font-weight:bold'>(%3)</span>"_s.arg(dateText(deadline), colour, when);
}

/// "CO-197: No precertification ... was on file.", or the code flagged as unknown.
QString codeWithMeaning(reference::ReasonCode::Kind kind, const QString &shown, const QString &code)
{
    const auto known = reference::ReasonCodeCatalogue::builtIn().find(kind, code);
    if (!known)
        return u"%1 <i>(%2)</i>"_s.arg(shown.toHtmlEscaped(), tr("not in the reason-code catalogue"));
    return u"<b>%1</b>: %2"_s.arg(shown.toHtmlEscaped(), known->description.toHtmlEscaped());
}

QString row(const QString &label, const QString &value)
{
    return u"<tr><td style='color:#57606a; padding-right:12px'>%1</td><td>%2</td></tr>"_s.arg(escaped(label), value);
}

} // namespace

QString itemDetailHtml(const WorkItem &item, const QString &ownerName, const QDate &today,
                       const QList<HistoryLine> &history, const QList<models::PostedPayment> &payments)
{
    using itemmodels::displayName;
    QString html = u"<h2 style='margin-bottom:2px'>%1</h2>"_s.arg(escaped(item.claimNumber));
    html += u"<p style='margin-top:0; color:#57606a'>%1 · %2 · %3</p>"_s.arg(
        escaped(displayName(item.queue)), escaped(displayName(item.status)), escaped(displayName(item.priority)));

    // The system the item came from closed it while someone works it: the owner decides.
    const auto sourceSaid = std::find_if(history.crbegin(), history.crend(), [](const HistoryLine &line) {
        return line.type == u"source_closed"_s || line.type == u"source_reopened"_s;
    });
    if (item.isOpen() && sourceSaid != history.crend() && sourceSaid->type == u"source_closed"_s) {
        html += u"<p style='background:#fff8c5; border:1px solid #d4a72c; padding:6px'><b>%1</b> %2</p>"_s.arg(
            tr("Closed at its source."), escaped(sourceSaid->text));
    }
    html += u"<h3>%1</h3><table>"_s.arg(tr("Claim and account"));
    html += row(tr("Patient"), escaped(item.patientDisplayName));
    html += row(tr("Account"), escaped(item.accountNumber));
    html += row(tr("Payer"), escaped(item.payerName));
    html += row(tr("Facility"), escaped(item.facilityId));
    html += row(tr("Service dates"),
                item.serviceFrom == item.serviceTo ? dateText(item.serviceFrom)
                                                   : dateText(item.serviceFrom) + u" – "_s + dateText(item.serviceTo));
    html += u"</table>"_s;

    html += u"<h3>%1</h3><table>"_s.arg(tr("Amounts"));
    html += row(tr("Billed"), money(item.billed));
    html += row(tr("Balance"), u"<b>%1</b>"_s.arg(money(item.balance)));
    html += row(tr("At risk"), money(item.atRisk));
    html += u"</table>"_s;

    html += u"<h3>%1</h3><table>"_s.arg(tr("Reason"));
    html += row(tr("Category"), escaped(displayName(item.denialCategory)));
    if (!item.carc.isEmpty())
        html += row(tr("Adjustment"),
                    codeWithMeaning(reference::ReasonCode::Kind::Carc, item.groupCode + u'-' + item.carc, item.carc));
    for (const QString &rarc : item.rarcs)
        html += row(tr("Remark"), codeWithMeaning(reference::ReasonCode::Kind::Rarc, rarc, rarc));
    html += u"</table>"_s;

    if (!payments.isEmpty()) {
        // What the payer's remittances said about this claim: the cash poster's evidence.
        html += u"<h3>%1</h3>"_s.arg(tr("Remittances"));
        for (const models::PostedPayment &payment : payments) {
            // CLP02: 1, 2 and 3 paid as primary, secondary, tertiary; 4 denied; 22 a reversal.
            static const QHash<QString, const char *> statuses = {
                {u"1"_s, QT_TRANSLATE_NOOP("rcm::ui", "paid as primary")},
                {u"2"_s, QT_TRANSLATE_NOOP("rcm::ui", "paid as secondary")},
                {u"3"_s, QT_TRANSLATE_NOOP("rcm::ui", "paid as tertiary")},
                {u"4"_s, QT_TRANSLATE_NOOP("rcm::ui", "denied")},
                {u"22"_s, QT_TRANSLATE_NOOP("rcm::ui", "reversal")},
            };
            const char *known = statuses.value(payment.statusCode);
            QString status = known ? tr(known) : tr("processed (%1)").arg(payment.statusCode);
            if (payment.reversed)
                status += u", "_s + tr("later reversed");
            html += u"<p style='margin:2px 0'><span style='color:#57606a'>%1</span> %2 · <b>%3</b><br>%4</p>"_s.arg(
                dateText(payment.paymentDate), escaped(payment.traceNumber), escaped(status),
                escaped(tr("charge %1, paid %2, patient %3")
                            .arg(money(payment.charge), money(payment.paid), money(payment.patientResponsibility))));
        }
    }

    html += u"<h3>%1</h3><table>"_s.arg(tr("Deadlines"));
    html += row(tr("Timely filing"), deadlineText(item.timelyFilingDeadline, today));
    html += row(tr("Appeal"), deadlineText(item.appealDeadline, today));
    html += row(tr("Due"), dateText(item.dueDate));
    html += u"</table>"_s;

    html += u"<h3>%1</h3><table>"_s.arg(tr("Work"));
    html += row(tr("Owner"), escaped(ownerName.isEmpty() ? tr("Unassigned") : ownerName));
    html += row(tr("Opened"), escaped(QLocale().toString(item.createdAt.toLocalTime(), QLocale::ShortFormat)));
    html += row(tr("Last change"), escaped(QLocale().toString(item.updatedAt.toLocalTime(), QLocale::ShortFormat)));
    html += row(tr("Version"), QString::number(item.version));
    html += u"</table>"_s;
    html += u"<h3>%1</h3>"_s.arg(tr("History"));
    if (history.isEmpty())
        html += u"<p style='color:#57606a'>%1</p>"_s.arg(tr("Nothing recorded yet."));
    for (const HistoryLine &line : history) {
        html += u"<p style='margin:2px 0'><span style='color:#57606a'>%1</span> <b>%2</b> %3%4</p>"_s.arg(
            escaped(QLocale().toString(line.occurredAt.toLocalTime(), QLocale::ShortFormat)), escaped(line.type),
            escaped(line.actorName), line.text.isEmpty() ? QString() : u": "_s + escaped(line.text));
    }
    return html;
}

} // namespace rcm::ui
