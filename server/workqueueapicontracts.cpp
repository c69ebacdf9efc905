// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Work Queue API's POST /v1/contracts: a payer contract file (docs/contracts.md) read,
// checked and loaded into the contract register. The rest is in workqueueapi.cpp.
#include "server/workqueueapi.h"

#include "server/contractregister.h"
#include "services/rules/actionpolicy.h"
#include "services/store/transactionguard.h"

#include <QCryptographicHash>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using namespace rcm::models;
using posting::ContractTermKind;

namespace {

QJsonObject countsJson(const QMap<ContractTermKind, int> &counts)
{
    QJsonObject result;
    for (ContractTermKind kind :
         {ContractTermKind::Fee, ContractTermKind::Drg, ContractTermKind::PerDiem, ContractTermKind::PercentOfCharges})
        result.insert(posting::contractTermKindName(kind), counts.value(kind));
    return result;
}

} // namespace

ApiResponse WorkQueueApi::importContracts(const ApiRequest &request, const User &user)
{
    if (!ActionPolicy::mayLoadContracts(user.role)) {
        return problemResponse(problem(403, u"forbidden"_s, u"Not allowed"_s,
                                       u"Only supervisors and the integration account load payer contracts"_s));
    }
    const QByteArray contentType = request.headers.value("content-type").split(';').constFirst().trimmed().toLower();
    if (contentType != "text/csv") {
        return problemResponse(
            problem(415, u"unsupported-media-type"_s, u"CSV required"_s, u"Send the contract file as text/csv"_s));
    }
    const bool preview = request.query.queryItemValue(u"preview"_s) == u"true"_s;
    const QByteArray &body = request.body; // within the API's body limit: contract files are small
    const posting::ContractFile file = posting::readContracts(body);
    if (!file.isValid()) {
        Problem invalid = problem(422, u"invalid-contracts"_s, u"Not a usable contract file"_s,
                                  u"%1 of the file's rows cannot be read, so nothing was loaded; the first, on line "
                                  "%2: %3"_s.arg(QString::number(file.problems.size()),
                                                 QString::number(file.problems.constFirst().lineNumber),
                                                 file.problems.constFirst().message));
        QJsonArray errors;
        for (const posting::ContractFileProblem &bad : file.problems)
            errors.append(QJsonObject {{u"line"_s, bad.lineNumber}, {u"message"_s, bad.message}});
        invalid.extra = QJsonObject {{u"errors"_s, errors}};
        return problemResponse(invalid);
    }
    store::TransactionGuard transaction(m_store.database().connection());
    if (transaction.beginError())
        return problemResponse(problem(503, u"store-error"_s, u"Try again"_s, transaction.beginError().message()));
    ContractRegister contracts(m_store.database());
    const ContractRegister::Replacement replacement
        = contracts.replace(file.terms, preview ? ContractRegister::Mode::Preview : ContractRegister::Mode::Replace);
    if (replacement.error)
        return problemResponse(problem(503, u"store-error"_s, u"Could not load"_s, replacement.error.message()));
    QJsonArray payers;
    int changedPayers = 0;
    for (const ContractRegister::PayerChange &change : replacement.payers) {
        changedPayers += change.changed ? 1 : 0;
        payers.append(QJsonObject {{u"payerId"_s, change.payerId},
                                   {u"terms"_s, countsJson(change.termCounts)},
                                   {u"termsBefore"_s, change.termsBefore},
                                   {u"changed"_s, change.changed}});
    }
    const QByteArray digest = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    if (!preview && replacement.changed()) {
        // Counts only in the audit chain: the file's digest, the payers and their terms by kind.
        QJsonObject counts;
        for (const ContractRegister::PayerChange &change : replacement.payers)
            counts.insert(change.payerId, countsJson(change.termCounts));
        const QJsonObject details {{u"file"_s, QString::fromLatin1(digest)},
                                   {u"terms"_s, qint64(file.terms.size())},
                                   {u"payersChanged"_s, changedPayers},
                                   {u"payers"_s, counts}};
        // Counts only: which payers' terms changed, never the amounts.
        if (const store::StoreError error
            = m_store.appendAuditEntry(u"contracts:"_s + QString::fromLatin1(digest), user.id,
                                       ActionType::ContractsLoaded, 0, details, QDateTime::currentDateTimeUtc())) {
            return problemResponse(problem(503, u"store-error"_s, u"Could not load"_s, error.message()));
        }
    }
    if (preview)
        transaction.rollback();
    else if (const store::StoreError error = transaction.commit())
        return problemResponse(problem(503, u"store-error"_s, u"Could not load"_s, error.message()));
    QString message;
    if (!replacement.changed())
        message = u"Every payer's contract was already as in this file: nothing changed."_s;
    else if (preview)
        message = u"%1 of %2 payers' contracts would be replaced (preview: nothing was loaded)."_s.arg(
            QString::number(changedPayers), QString::number(replacement.payers.size()));
    else
        message = u"%1 of %2 payers' contracts were replaced."_s.arg(QString::number(changedPayers),
                                                                     QString::number(replacement.payers.size()));
    return json(QJsonObject {{u"preview"_s, preview},
                             {u"changed"_s, replacement.changed()},
                             {u"file"_s, QString::fromLatin1(digest)},
                             {u"termCount"_s, qint64(file.terms.size())},
                             {u"payers"_s, payers},
                             {u"message"_s, message}});
}

} // namespace rcm::server
