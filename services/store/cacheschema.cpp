// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"

#include "services/store/database.h"
#include "services/store/workitemcolumns.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

namespace {

// Version 1: the tables.
Migration tables()
{
    return {1,
            u"work items and reference data"_s,
            {
                uR"(CREATE TABLE payers (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            timely_filing_days INTEGER NOT NULL,
            appeal_days INTEGER NOT NULL) STRICT)"_s,
                uR"(CREATE TABLE facilities (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            is_hospital INTEGER NOT NULL) STRICT)"_s,
                uR"(CREATE TABLE users (
            id TEXT PRIMARY KEY NOT NULL,
            username TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            active INTEGER NOT NULL) STRICT)"_s,
                createStrictTable(u"work_items"_s, workItemColumns()),
            }};
}

// Version 2: what the queue views sort and filter on.
Migration queueIndexes()
{
    return {2,
            u"indexes for the queue views"_s,
            {
                // The default sort of a queue and of a person's work: most urgent first, then due.
                u"CREATE INDEX work_items_by_queue ON work_items (queue, priority DESC, due_date)"_s,
                u"CREATE INDEX work_items_by_owner ON work_items (owner_id, priority DESC, due_date)"_s,
                // Status filters and due-date views across queues ("everything overdue").
                u"CREATE INDEX work_items_by_status ON work_items (status, due_date)"_s,
                u"CREATE INDEX work_items_by_payer ON work_items (payer_id, queue)"_s,
            }};
}

// Version 3: search. An external-content FTS5 table kept in step by triggers, filled
// from the rows an older cache already holds.
Migration search()
{
    return {3,
            u"full-text search"_s,
            {
                uR"(CREATE VIRTUAL TABLE work_items_search USING fts5 (
            claim_number, account_number, patient_display_name, payer_name,
            content = 'work_items', content_rowid = 'row_id',
            tokenize = "unicode61 remove_diacritics 2 tokenchars '-'",
            detail = column, columnsize = 0))"_s,
                uR"(CREATE TRIGGER work_items_search_insert AFTER INSERT ON work_items BEGIN
            INSERT INTO work_items_search (rowid, claim_number, account_number, patient_display_name, payer_name)
            VALUES (new.row_id, new.claim_number, new.account_number, new.patient_display_name, new.payer_name);
            END)"_s,
                uR"(CREATE TRIGGER work_items_search_delete AFTER DELETE ON work_items BEGIN
            INSERT INTO work_items_search (work_items_search, rowid, claim_number, account_number,
                                           patient_display_name, payer_name)
            VALUES ('delete', old.row_id, old.claim_number, old.account_number, old.patient_display_name,
                    old.payer_name);
            END)"_s,
                uR"(CREATE TRIGGER work_items_search_update
            AFTER UPDATE OF claim_number, account_number, patient_display_name, payer_name ON work_items BEGIN
            INSERT INTO work_items_search (work_items_search, rowid, claim_number, account_number,
                                           patient_display_name, payer_name)
            VALUES ('delete', old.row_id, old.claim_number, old.account_number, old.patient_display_name,
                    old.payer_name);
            INSERT INTO work_items_search (rowid, claim_number, account_number, patient_display_name, payer_name)
            VALUES (new.row_id, new.claim_number, new.account_number, new.patient_display_name, new.payer_name);
            END)"_s,
                u"INSERT INTO work_items_search (work_items_search) VALUES ('rebuild')"_s,
            }};
}

// Version 4: sync state and the outbox. Each sync page's rows and its cursor commit
// together; removals wait in pending_removals until the run is known not to remove too
// much; every user action waits in the outbox until the server has it.
Migration syncAndOutbox()
{
    return {4,
            u"sync state and outbox"_s,
            {
                u"CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value ANY) STRICT"_s,
                u"CREATE TABLE pending_removals (id TEXT PRIMARY KEY NOT NULL) STRICT"_s,
                // Ids seen by a full resync in progress, so that a killed resync resumes and
                // then sweeps exactly the items the server no longer has.
                u"CREATE TABLE resync_seen (id TEXT PRIMARY KEY NOT NULL) STRICT"_s,
                uR"(CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE,
            work_item_id TEXT NOT NULL,
            action_json TEXT NOT NULL,
            base_version INTEGER NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            last_attempt_at TEXT,
            last_error TEXT,
            conflict_item_json TEXT) STRICT)"_s,
                u"CREATE INDEX outbox_by_item ON outbox (work_item_id, id)"_s,
                u"CREATE INDEX outbox_by_state ON outbox (state, id)"_s,
            }};
}

// Version 5: counting a queue's open items from indexes alone (open = all - resolved,
// with status and queue in one index), instead of visiting every row.
Migration countableStatus()
{
    return {5,
            u"status index with the queue"_s,
            {
                u"DROP INDEX work_items_by_status"_s,
                u"CREATE INDEX work_items_by_status ON work_items (status, queue, due_date)"_s,
            }};
}

// Version 6: each item's history as the server last told it, for the detail panel.
Migration itemHistory()
{
    return {6,
            u"item history"_s,
            {
                uR"(CREATE TABLE item_history (
            work_item_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            type TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            details_json TEXT NOT NULL,
            PRIMARY KEY (work_item_id, sequence)) STRICT)"_s,
            }};
}

// Version 7: the sorts billers use most (balance, filing deadline) within a queue walk an
// index and stop at the first page, instead of sorting every open row of the queue
// (1.7 s for a 600,000-item queue before). Across all queues they still sort in full.
Migration sortIndexes()
{
    return {7,
            u"balance and filing deadline sort indexes"_s,
            {
                u"CREATE INDEX work_items_by_balance ON work_items (queue, balance_cents)"_s,
                u"CREATE INDEX work_items_by_filing_deadline ON work_items (queue, timely_filing_deadline)"_s,
            }};
}

// Version 8: what remittances posted against each item's claim, as the server last said.
Migration itemPayments()
{
    return {8,
            u"item payments"_s,
            {
                uR"(CREATE TABLE item_payments (
            work_item_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            trace_number TEXT NOT NULL,
            payment_date TEXT,
            status_code TEXT NOT NULL,
            charge_cents INTEGER NOT NULL,
            paid_cents INTEGER NOT NULL,
            patient_responsibility_cents INTEGER NOT NULL,
            reversed INTEGER NOT NULL,
            PRIMARY KEY (work_item_id, position)) STRICT)"_s,
            }};
}

// Version 9: report exports waiting to be registered with the gateway (written offline,
// or while the gateway did not answer); each is sent at the next sync under its exporter's
// session and leaves the table when the gateway has it.
Migration pendingExports()
{
    return {9,
            u"pending export registrations"_s,
            {
                uR"(CREATE TABLE pending_exports (
            sha256 TEXT PRIMARY KEY NOT NULL,
            report TEXT NOT NULL,
            format TEXT NOT NULL,
            parameters_json TEXT NOT NULL,
            exported_at TEXT NOT NULL,
            exported_by TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            refused TEXT) STRICT)"_s,
            }};
}

// Version 10: who wrote each outbox action, and for which gateway, so that only its author
// sends it (another person signing in on the same workstation never sends it as theirs).
// A pending action written before cannot be attributed: it waits for a person to check it
// and retry it, which sends it as whoever retries it.
Migration outboxAuthors()
{
    return {10,
            u"outbox authors"_s,
            {
                u"ALTER TABLE outbox ADD COLUMN author_id TEXT NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE outbox ADD COLUMN server TEXT NOT NULL DEFAULT ''"_s,
                uR"(UPDATE outbox SET state = 'review',
            last_error = 'Written before the outbox recorded who wrote it: check it and retry to send it as yourself.'
            WHERE state = 'pending')"_s,
                u"CREATE INDEX outbox_by_author ON outbox (author_id, server, id)"_s,
            }};
}

Schema makeSchema()
{
    Schema schema;
    schema.name = u"workbench cache"_s;
    schema.applicationId = 0x52434D57; // "RCMW"
    // 8 KiB pages, measured against both workloads: a bulk load of 1,000,000 items was
    // 2.76x the bare-API floor (4 KiB: 3.05x; 16 KiB: 2.62x) and 1,000 random upserts
    // into a 300,000-item cache took 0.09 s (4 KiB: 0.10 s; 16 KiB: 0.22 s).
    schema.pageSize = 8192;
    schema.migrations = {tables(),      queueIndexes(), search(),       syncAndOutbox(),  countableStatus(),
                         itemHistory(), sortIndexes(),  itemPayments(), pendingExports(), outboxAuthors()};
    schema.afterIndexRestore = {u"INSERT INTO work_items_search (work_items_search) VALUES ('rebuild')"_s};
    return schema;
}

} // namespace

const Schema &workbenchCacheSchema()
{
    static const Schema schema = makeSchema();
    return schema;
}

bool isSyntheticCache(const QString &path)
{
    const QString connectionName = u"rcm-synthetic-check"_s;
    bool synthetic = false;
    {
        QSqlDatabase existing = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        // immutable=1: no locks, no -wal or -shm files created by looking.
        existing.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + u"?immutable=1"_s);
        existing.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s);
        if (existing.open()) {
            QSqlQuery query(existing);
            const bool ours = query.exec(u"PRAGMA application_id"_s) && query.next()
                && query.value(0).toInt() == workbenchCacheSchema().applicationId;
            synthetic = ours && query.exec(u"SELECT value FROM meta WHERE key = 'synthetic_seed'"_s) && query.next();
        }
        existing.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return synthetic;
}

StoreError markSyntheticCache(Database &cache, quint64 seed, const QDate &asOf)
{
    QSqlQuery query(cache.connection());
    query.prepare(u"INSERT INTO meta (key, value) VALUES ('synthetic_seed', ?), ('synthetic_as_of', ?)"_s);
    query.addBindValue(QString::number(seed));
    query.addBindValue(asOf.toString(Qt::ISODate));
    if (!query.exec())
        return StoreError(StoreError::Code::Query, query.lastError().text());
    return {};
}

} // namespace rcm::store
