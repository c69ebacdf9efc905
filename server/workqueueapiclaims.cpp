// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Work Queue API's file intakes beside the 835's: POST /v1/claims (an 837 into the
// claim register, server/claimimporter.h) and POST /v1/acknowledgments (TA1, 999, 277CA,
// server/acknowledgmentimporter.h), and which uploads are spooled to disk. The rest is in
// workqueueapi.cpp.
#include "server/workqueueapi.h"

#include "server/acknowledgmentimporter.h"
#include "server/claimimporter.h"
#include "server/requestguard.h"
#include "services/rules/actionpolicy.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::User;

bool WorkQueueApi::takesFile(QByteArrayView method, QByteArrayView path)
{
    return isFileUpload(method, path);
}

std::optional<Problem> WorkQueueApi::uploadRefusal(const QString &route, const User &user, qint64 length) const
{
    if (route == u"/v1/remittances"_s)
        return importRefusal(user, length);
    if (route.startsWith(u"/v1/sources/"))
        return sourceRefusal(user, length);
    return claimImportRefusal(user, length);
}

std::optional<Problem> WorkQueueApi::claimImportRefusal(const User &user, qint64 length) const
{
    if (!ActionPolicy::mayImportClaims(user.role))
        return problem(403, u"forbidden"_s, u"Not allowed"_s,
                       u"Only supervisors and the integration account send claims and acknowledgments"_s);
    if (length > m_options.maximumRemittanceBytes) {
        return problem(413, u"body-too-large"_s, u"Request too large"_s,
                       u"An X12 file may be at most %1 bytes"_s.arg(m_options.maximumRemittanceBytes));
    }
    return std::nullopt;
}

ApiResponse WorkQueueApi::importClaims(const ApiRequest &request, const User &user)
{
    if (const std::optional<Problem> refused = claimImportRefusal(user, request.bodySize()))
        return problemResponse(*refused);
    if (request.bodySize() == 0)
        return problemResponse(problem(400, u"empty-body"_s, u"No file"_s, u"Send the 837 file as the body"_s));
    const bool preview = request.query.queryItemValue(u"preview"_s) == u"true"_s;
    ClaimImporter importer(
        m_store,
        {m_options.acceptTestInterchanges ? posting::TestInterchanges::Accept : posting::TestInterchanges::Refuse});
    const ClaimImporter::Mode mode = preview ? ClaimImporter::Mode::Preview : ClaimImporter::Mode::Import;
    const ClaimImporter::Result result
        = request.bodyFile ? importer.import(request.bodyFile, user, mode) : importer.import(request.body, user, mode);
    return fileAnswer(result, u"837"_s);
}

ApiResponse WorkQueueApi::importAcknowledgments(const ApiRequest &request, const User &user)
{
    if (const std::optional<Problem> refused = claimImportRefusal(user, request.bodySize()))
        return problemResponse(*refused);
    if (request.bodySize() == 0) {
        return problemResponse(
            problem(400, u"empty-body"_s, u"No file"_s, u"Send the TA1, 999 or 277CA file as the body"_s));
    }
    const bool preview = request.query.queryItemValue(u"preview"_s) == u"true"_s;
    AcknowledgmentImporter importer(
        m_store,
        {m_options.acceptTestInterchanges ? posting::TestInterchanges::Accept : posting::TestInterchanges::Refuse});
    const AcknowledgmentImporter::Mode mode
        = preview ? AcknowledgmentImporter::Mode::Preview : AcknowledgmentImporter::Mode::Import;
    const AcknowledgmentImporter::Result result
        = request.bodyFile ? importer.import(request.bodyFile, user, mode) : importer.import(request.body, user, mode);
    return fileAnswer(result, u"acknowledgment"_s);
}

ApiResponse WorkQueueApi::fileAnswer(const x12intake::Result &result, const QString &what)
{
    using Outcome = x12intake::Result::Outcome;
    Problem refused;
    switch (result.outcome) {
    case Outcome::Imported:
        return json(result.report, 201);
    case Outcome::Previewed:
        return json(result.report, 200);
    case Outcome::Duplicate:
        refused = problem(409, u"duplicate-file"_s, u"Already received"_s, result.error);
        break;
    case Outcome::Unreadable:
        refused = problem(422, u"unreadable-file"_s, u"Not a usable %1 file"_s.arg(what),
                          result.error + u"; nothing was taken"_s);
        break;
    case Outcome::Failed:
        return problemResponse(problem(503, u"store-error"_s, u"Could not store the file"_s, result.error));
    }
    refused.extra = QJsonObject {{u"report"_s, result.report}};
    return problemResponse(refused);
}

} // namespace rcm::server
