// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/sync/exportregistrations.h"

#include "services/api/requests.h"

namespace rcm::sync {

ExportRegistrations::ExportRegistrations(store::Database &cache)
    : m_store(cache)
{ }

store::StoreError ExportRegistrations::keep(const models::ExportRecord &record, const QString &username)
{
    return m_store.keep(record, username);
}

store::StoreError ExportRegistrations::forget(const QString &sha256)
{
    return m_store.remove(sha256);
}

qint64 ExportRegistrations::waitingCount()
{
    return m_store.waitingCount();
}

struct ExportRegistrations::Sending
{
    QList<models::ExportRecord> records;
    qsizetype next = 0;
    SendResult result;
    std::function<void(const SendResult &)> done;
};

void ExportRegistrations::send(api::ApiClient &client, const QString &username, const QObject *context,
                               std::function<void(const SendResult &)> done)
{
    auto sending = std::make_shared<Sending>();
    sending->done = std::move(done);
    store::StoreError error;
    sending->records = m_store.waiting(username, &error);
    if (error) {
        sending->result.stoppedBy.kind = api::ApiError::Kind::Network;
        sending->result.stoppedBy.detail = error.message();
    }
    sendNext(client, context, sending);
}

void ExportRegistrations::sendNext(api::ApiClient &client, const QObject *context,
                                   const std::shared_ptr<Sending> &sending)
{
    if (sending->result.stoppedBy || sending->next >= sending->records.size()) {
        sending->done(sending->result);
        return;
    }
    const models::ExportRecord record = sending->records.at(sending->next++);
    if (const store::StoreError error = m_store.recordAttempt(record.sha256)) {
        sending->result.stoppedBy.kind = api::ApiError::Kind::Network;
        sending->result.stoppedBy.detail = error.message();
        sending->done(sending->result);
        return;
    }
    auto request = std::make_shared<api::RegisterExportRequest>(record);
    client.send(request, context, [this, &client, context, sending, record](const api::ApiError &error) {
        if (!error) {
            m_store.remove(record.sha256);
            ++sending->result.registered;
        } else if (error.kind == api::ApiError::Kind::Refused) {
            // Another user registered the same bytes first (409), or the record is not one
            // the gateway takes: resending would get the same answer.
            m_store.recordRefusal(record.sha256, error.message());
            ++sending->result.refused;
        } else if (error.kind == api::ApiError::Kind::Server || error.kind == api::ApiError::Kind::BadReply) {
            // This one failed (after the client's retries); the others may well go through.
            // It stays, to be sent again at the next sync.
            ++sending->result.failed;
        } else {
            sending->result.stoppedBy = error; // offline or signed out: the rest would meet the same
        }
        sendNext(client, context, sending);
    });
}

} // namespace rcm::sync
