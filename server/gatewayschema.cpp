// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewayschema.h"

#include "services/store/workitemcolumns.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

namespace {

QString workItemTable()
{
    QList<store::ColumnDefinition> columns = store::workItemColumns();
    columns.append({u"change_seq"_s, u"INTEGER"_s});
    columns.append({u"deleted"_s, u"INTEGER NOT NULL DEFAULT 0"_s});
    return store::createStrictTable(u"work_items"_s, columns);
}

store::Migration version1()
{
    return {1,
            u"users, sessions, work items with change sequence, audit log, idempotency keys"_s,
            {
                uR"(CREATE TABLE users (
            id TEXT PRIMARY KEY NOT NULL,
            username TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            active INTEGER NOT NULL,
            password_salt BLOB,
            password_hash BLOB,
            password_iterations INTEGER) STRICT)"_s,
                // Only a hash of each bearer token is kept: a copied database grants no sessions.
                uR"(CREATE TABLE sessions (
            token_hash BLOB PRIMARY KEY NOT NULL,
            user_id TEXT NOT NULL REFERENCES users (id),
            expires_at TEXT NOT NULL) STRICT)"_s,
                uR"(CREATE TABLE payers (
            id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
            timely_filing_days INTEGER NOT NULL, appeal_days INTEGER NOT NULL) STRICT)"_s,
                uR"(CREATE TABLE facilities (
            id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, is_hospital INTEGER NOT NULL) STRICT)"_s,
                // The workbench cache's columns, plus the change sequence that delta sync pages
                // by and a deleted flag that keeps a tombstone until it is purged.
                workItemTable(),
                u"CREATE UNIQUE INDEX work_items_by_change ON work_items (change_seq)"_s,
                u"CREATE INDEX work_items_by_owner ON work_items (owner_id, status)"_s,
                // The change sequence lives in meta, never derived from max(): a purged tombstone
                // must not let its number be handed out again.
                u"INSERT INTO meta (key, value) VALUES ('change_seq', 0), ('purged_through_seq', 0)"_s,
                uR"(CREATE TRIGGER work_items_sequence_insert AFTER INSERT ON work_items BEGIN
            UPDATE meta SET value = value + 1 WHERE key = 'change_seq';
            UPDATE work_items SET change_seq = (SELECT value FROM meta WHERE key = 'change_seq')
            WHERE row_id = new.row_id;
            END)"_s,
                uR"(CREATE TRIGGER work_items_sequence_update AFTER UPDATE ON work_items
            WHEN new.change_seq IS old.change_seq BEGIN
            UPDATE meta SET value = value + 1 WHERE key = 'change_seq';
            UPDATE work_items SET change_seq = (SELECT value FROM meta WHERE key = 'change_seq')
            WHERE row_id = new.row_id;
            END)"_s,
                uR"(CREATE TABLE audit_log (
            sequence INTEGER PRIMARY KEY,
            work_item_id TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            action_type TEXT NOT NULL,
            resulting_version INTEGER NOT NULL,
            occurred_at TEXT NOT NULL,
            details_json TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL) STRICT)"_s,
                u"CREATE INDEX audit_log_by_item ON audit_log (work_item_id, sequence)"_s,
                // Append-only through SQL; the hash chain catches edits made around these.
                uR"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only'); END)"_s,
                uR"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only'); END)"_s,
                uR"(CREATE TABLE idempotency_keys (
            user_id TEXT NOT NULL,
            key TEXT NOT NULL,
            request_hash TEXT NOT NULL,
            status INTEGER NOT NULL,
            response TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (user_id, key)) STRICT)"_s,
                u"CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at)"_s,
            }};
}

store::Migration version2()
{
    // The claim register (what was billed, line by line: fed by the 837s a deployment
    // sends, and by the demo seed) and the remittances posted against it.
    return {2,
            u"claim register, remittances, claim payments, remittance exceptions"_s,
            {
                uR"(CREATE TABLE claims (
            claim_number TEXT PRIMARY KEY NOT NULL,
            account_number TEXT NOT NULL,
            payer_id TEXT NOT NULL,
            payer_claim_number TEXT,
            work_item_id TEXT) STRICT, WITHOUT ROWID)"_s,
                u"CREATE INDEX claims_by_payer_claim_number ON claims (payer_claim_number)"_s,
                uR"(CREATE TABLE claim_lines (
            claim_number TEXT NOT NULL,
            line_number INTEGER NOT NULL,
            procedure_code TEXT NOT NULL,
            modifiers TEXT NOT NULL,
            charge_cents INTEGER NOT NULL,
            allowed_cents INTEGER NOT NULL,
            units INTEGER NOT NULL,
            service_date TEXT,
            PRIMARY KEY (claim_number, line_number)) STRICT, WITHOUT ROWID)"_s,
                uR"(CREATE TABLE remittances (
            id INTEGER PRIMARY KEY,
            trace_number TEXT NOT NULL,
            payer_id TEXT NOT NULL,
            payment_cents INTEGER NOT NULL,
            method TEXT NOT NULL,
            payment_date TEXT,
            claim_count INTEGER NOT NULL,
            balanced INTEGER NOT NULL,
            file_sha256 TEXT NOT NULL,
            received_at TEXT NOT NULL,
            received_by TEXT NOT NULL,
            UNIQUE (trace_number, payer_id)) STRICT)"_s,
                uR"(CREATE TABLE claim_payments (
            id INTEGER PRIMARY KEY,
            remittance_id INTEGER NOT NULL REFERENCES remittances (id),
            claim_number TEXT,
            patient_control_number TEXT NOT NULL,
            payer_claim_number TEXT,
            status_code TEXT NOT NULL,
            charge_cents INTEGER NOT NULL,
            paid_cents INTEGER NOT NULL,
            patient_responsibility_cents INTEGER NOT NULL,
            reverses INTEGER REFERENCES claim_payments (id),
            reversed_by INTEGER REFERENCES claim_payments (id)) STRICT)"_s,
                u"CREATE INDEX claim_payments_by_control_number ON claim_payments (patient_control_number)"_s,
                u"CREATE INDEX claim_payments_by_claim ON claim_payments (claim_number)"_s,
                uR"(CREATE TABLE remittance_exceptions (
            work_item_id TEXT PRIMARY KEY NOT NULL,
            remittance_id INTEGER NOT NULL REFERENCES remittances (id),
            kind TEXT NOT NULL,
            segment_number INTEGER NOT NULL,
            explanation TEXT NOT NULL) STRICT)"_s,
            }};
}

store::Migration version3()
{
    // The register of exported report files: a file whose SHA-256 is not here was not
    // issued by this gateway, or was edited after it was.
    return {3,
            u"export register"_s,
            {
                uR"(CREATE TABLE exports (
            sha256 TEXT PRIMARY KEY NOT NULL,
            report TEXT NOT NULL,
            parameters_json TEXT NOT NULL,
            format TEXT NOT NULL,
            exported_by TEXT NOT NULL REFERENCES users (id),
            exported_at TEXT NOT NULL,
            registered_at TEXT NOT NULL) STRICT, WITHOUT ROWID)"_s,
                u"CREATE INDEX exports_by_user ON exports (exported_by, exported_at)"_s,
            }};
}

store::Migration version4()
{
    // Posting rules (docs/posting-rules.md): each claim's coverage and its lines' control
    // numbers for matching, transactions held while out of balance, provider-level
    // adjustments kept and classified, and each payer's refund deadline for overpayments.
    return {4,
            u"claim coverage and line identity, held remittances, provider adjustments, payer settings"_s,
            {
                u"ALTER TABLE claims ADD COLUMN secondary_payer_id TEXT"_s,
                u"ALTER TABLE claims ADD COLUMN tertiary_payer_id TEXT"_s,
                u"ALTER TABLE claim_lines ADD COLUMN service_date_to TEXT"_s,
                u"ALTER TABLE claim_lines ADD COLUMN line_control_number TEXT"_s,
                u"ALTER TABLE claim_lines ADD COLUMN revenue_code TEXT"_s,
                // posted, held (out of balance: nothing of it posted) or released (posted
                // after a person accepted or corrected the difference).
                u"ALTER TABLE remittances ADD COLUMN status TEXT NOT NULL DEFAULT 'posted'"_s,
                u"ALTER TABLE claim_payments ADD COLUMN payer_id TEXT"_s,
                u"ALTER TABLE claim_payments ADD COLUMN forwarded_to TEXT"_s, // NM1*TT, CLP02 19-21
                u"ALTER TABLE claim_payments ADD COLUMN original_reference TEXT"_s, // REF*F8
                u"ALTER TABLE claim_payments ADD COLUMN interest_cents INTEGER"_s, // AMT*I
                u"CREATE INDEX claim_payments_by_payer_claim_number ON claim_payments (payer_claim_number)"_s,
                uR"(CREATE TABLE held_remittances (
            remittance_id INTEGER PRIMARY KEY NOT NULL REFERENCES remittances (id),
            x12 BLOB NOT NULL,
            difference_cents INTEGER NOT NULL,
            explanation TEXT NOT NULL,
            work_item_id TEXT,
            released_at TEXT,
            released_by TEXT,
            release_note TEXT) STRICT)"_s,
                uR"(CREATE TABLE provider_adjustments (
            id INTEGER PRIMARY KEY,
            remittance_id INTEGER NOT NULL REFERENCES remittances (id),
            segment_number INTEGER NOT NULL,
            provider_id TEXT NOT NULL,
            fiscal_period_end TEXT,
            reason_code TEXT NOT NULL,
            reference TEXT NOT NULL,
            amount_cents INTEGER NOT NULL,
            classification TEXT NOT NULL,
            claim_number TEXT,
            work_item_id TEXT) STRICT)"_s,
                u"CREATE INDEX provider_adjustments_by_remittance ON provider_adjustments (remittance_id)"_s,
                u"CREATE INDEX provider_adjustments_by_reference ON provider_adjustments (reference, reason_code)"_s,
                // Days to refund an overpayment once identified, by contract; Medicare and
                // Medicaid's 60 days (42 CFR 401.305) need no row.
                uR"(CREATE TABLE payer_settings (
            payer_id TEXT PRIMARY KEY NOT NULL,
            refund_days INTEGER NOT NULL) STRICT, WITHOUT ROWID)"_s,
            }};
}

store::Migration version5()
{
    // Sign-in limits and session expiry (docs/api/openapi.yaml, /session): failures counted per user name
    // (as an HMAC of its lower-cased form) and per client address, shared by every gateway
    // process on the file; sessions end after an idle time as well as at their absolute
    // expiry (expires_at), so they remember when they were last used.
    return {5,
            u"sign-in throttle, session idle expiry"_s,
            {
                uR"(CREATE TABLE signin_throttle (
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            failures INTEGER NOT NULL,
            window_started_at TEXT NOT NULL,
            last_failure_at TEXT NOT NULL,
            locked_until TEXT,
            refusal_recorded INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (kind, subject)) STRICT, WITHOUT ROWID)"_s,
                u"CREATE INDEX signin_throttle_by_age ON signin_throttle (last_failure_at)"_s,
                u"ALTER TABLE sessions ADD COLUMN last_seen_at TEXT"_s,
                u"UPDATE sessions SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"_s,
                u"CREATE INDEX sessions_by_user ON sessions (user_id)"_s,
            }};
}

store::Migration version6()
{
    // The audit chain is keyed from here on (HMAC-SHA256 with the key kept outside the
    // database, server/auditkey.h); the entries already written keep their SHA-256 links.
    // The boundary is fixed: moving it would let rewritten entries pass as unkeyed ones.
    return {6,
            u"keyed audit chain"_s,
            {
                u"INSERT INTO meta (key, value) VALUES ('audit_keyed_from', "
                "(SELECT coalesce(max(sequence), 0) + 1 FROM audit_log))"_s,
                uR"(CREATE TRIGGER meta_audit_keyed_from_fixed BEFORE UPDATE ON meta
            WHEN old.key = 'audit_keyed_from' BEGIN
            SELECT RAISE(ABORT, 'where the keyed audit chain starts is fixed'); END)"_s,
                uR"(CREATE TRIGGER meta_audit_keyed_from_kept BEFORE DELETE ON meta
            WHEN old.key = 'audit_keyed_from' BEGIN
            SELECT RAISE(ABORT, 'where the keyed audit chain starts is fixed'); END)"_s,
            }};
}

store::Migration version7()
{
    // User administration (docs/emergency-access.md): demo accounts marked so that only a
    // gateway started with --demo lets them in (those of a database seeded before this
    // step are known by their ids), an account's own expiry (the break-glass account) and
    // a time-limited emergency grant of a wider role.
    return {7,
            u"demo accounts, account expiry, emergency access"_s,
            {
                u"ALTER TABLE users ADD COLUMN demo INTEGER NOT NULL DEFAULT 0"_s,
                u"ALTER TABLE users ADD COLUMN expires_at TEXT"_s,
                u"ALTER TABLE users ADD COLUMN emergency_role TEXT"_s,
                u"ALTER TABLE users ADD COLUMN emergency_until TEXT"_s,
                u"ALTER TABLE users ADD COLUMN emergency_reason TEXT"_s,
                u"ALTER TABLE users ADD COLUMN emergency_granted_by TEXT"_s,
                u"UPDATE users SET demo = 1 WHERE id IN ('DEMO-BILLER', 'DEMO-CODER', 'DEMO-AUTHSPEC', 'DEMO-POSTER', "
                "'DEMO-SUPERVISOR', 'DEMO-FINANCE')"_s,
            }};
}

store::Migration version8()
{
    // Claims and their acknowledgments come in (docs/claims-in.md): what each 837 said about
    // a claim, every file received (a replayed file is known by its SHA-256), each claim's
    // submissions with the control numbers an acknowledgment names, and the rejections
    // worked in the claim rejection queue.
    return {8,
            u"837 claim intake, acknowledgments, claim rejections"_s,
            {
                u"ALTER TABLE claims ADD COLUMN form TEXT NOT NULL DEFAULT 'professional'"_s,
                u"ALTER TABLE claims ADD COLUMN facility_code TEXT"_s,
                u"ALTER TABLE claims ADD COLUMN frequency_code TEXT"_s,
                u"ALTER TABLE claims ADD COLUMN voided INTEGER NOT NULL DEFAULT 0"_s,
                u"ALTER TABLE claims ADD COLUMN drg TEXT"_s,
                u"ALTER TABLE claims ADD COLUMN statement_from TEXT"_s,
                u"ALTER TABLE claims ADD COLUMN statement_to TEXT"_s,
                u"CREATE INDEX work_items_by_claim ON work_items (claim_number)"_s,
                uR"(CREATE TABLE x12_files (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            received_at TEXT NOT NULL,
            received_by TEXT NOT NULL,
            summary TEXT NOT NULL) STRICT)"_s,
                // Control numbers without leading zeros ("000000907" and "907" are one number).
                uR"(CREATE TABLE claim_submissions (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES x12_files (id),
            claim_number TEXT NOT NULL,
            frequency_code TEXT NOT NULL,
            sender_id TEXT NOT NULL,
            interchange_control_number TEXT NOT NULL,
            group_control_number TEXT NOT NULL,
            transaction_control_number TEXT NOT NULL,
            batch_reference TEXT NOT NULL,
            billing_provider_npi TEXT NOT NULL,
            payer_id TEXT NOT NULL,
            charge_cents INTEGER NOT NULL,
            segment_number INTEGER NOT NULL,
            patient_name TEXT NOT NULL,
            facility_id TEXT NOT NULL,
            service_from TEXT,
            service_to TEXT,
            status TEXT NOT NULL DEFAULT 'sent',
            status_at TEXT) STRICT)"_s,
                u"CREATE INDEX claim_submissions_by_claim ON claim_submissions (claim_number, id)"_s,
                u"CREATE INDEX claim_submissions_by_transaction ON claim_submissions (sender_id, "
                "group_control_number, transaction_control_number)"_s,
                u"CREATE INDEX claim_submissions_by_interchange ON claim_submissions (sender_id, "
                "interchange_control_number)"_s,
                uR"(CREATE TABLE claim_rejections (
            work_item_id TEXT PRIMARY KEY NOT NULL,
            claim_number TEXT NOT NULL,
            submission_id INTEGER NOT NULL REFERENCES claim_submissions (id),
            file_id INTEGER NOT NULL REFERENCES x12_files (id),
            source TEXT NOT NULL,
            explanation TEXT NOT NULL,
            closed_at TEXT,
            closed_by TEXT) STRICT, WITHOUT ROWID)"_s,
                u"CREATE INDEX claim_rejections_open ON claim_rejections (claim_number) WHERE closed_at IS NULL"_s,
            }};
}

store::Migration version9()
{
    // Payer contracts (docs/contracts.md): what each payer allows, by fee schedule, DRG case
    // rate, per diem or percent of charges, over effective periods. A claim line the
    // register holds no allowed amount for is judged against these.
    return {9,
            u"payer contracts"_s,
            {
                uR"(CREATE TABLE contracts (
            payer_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('fee', 'drg', 'per_diem', 'percent_of_charges')),
            code TEXT NOT NULL,
            modifier TEXT NOT NULL,
            amount_cents INTEGER,
            percent_basis_points INTEGER,
            effective_from TEXT NOT NULL,
            effective_to TEXT,
            PRIMARY KEY (payer_id, kind, code, modifier, effective_from)) STRICT)"_s,
            }};
}

store::Migration version10()
{
    // Work items from upstream systems (docs/work-items-in.md): each source's own id for
    // an item, what the source last said of it (open or closed) and whether its close
    // resolved the item (nobody had taken it), so that reopening it at the source reopens it.
    return {10,
            u"work items from sources: ingest API and extracts"_s,
            {
                uR"(CREATE TABLE work_item_sources (
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            work_item_id TEXT NOT NULL,
            closed INTEGER NOT NULL DEFAULT 0,
            resolved_by_source INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (source, external_id)) STRICT, WITHOUT ROWID)"_s,
                u"INSERT INTO meta (key, value) VALUES ('source_item_seq', 0)"_s,
            }};
}

store::Migration version11()
{
    // GET /v1/users counts each person's open items on every sync: from the owner index
    // alone, skipping resolved ones, instead of visiting every row an owner ever had
    // (1.5 s per call with a million items).
    return {11,
            u"open items per owner counted from the owner index"_s,
            {
                // A bulk load interrupted before this version keeps the old index suspended
                // (dropped, its DDL in suspended_schema): it is not to come back.
                u"DROP INDEX IF EXISTS work_items_by_owner"_s,
                u"DELETE FROM suspended_schema WHERE name = 'work_items_by_owner'"_s,
                u"CREATE INDEX work_items_by_owner ON work_items (owner_id, status, deleted)"_s,
            }};
}

store::Schema makeSchema()
{
    store::Schema schema;
    schema.name = u"gateway database"_s;
    schema.applicationId = 0x52434D47; // "RCMG"
    schema.pageSize = 8192; // as the workbench cache: see cacheschema.cpp
    // A server's: a batch of 10,000 items from a source touches items, their sources and
    // the audit log, more than a desktop's 64 MiB hold once a database reaches 100,000 items.
    schema.cacheMebibytes = 256;
    schema.migrations = {version1(), version2(), version3(), version4(),  version5(), version6(),
                         version7(), version8(), version9(), version10(), version11()};
    // Rows bulk-loaded with the triggers suspended get their change numbers in row order.
    schema.afterIndexRestore = {
        u"UPDATE work_items SET change_seq = (SELECT value FROM meta WHERE key = 'change_seq') + row_id "
        "WHERE change_seq IS NULL"_s,
        u"UPDATE meta SET value = (SELECT max(change_seq) FROM work_items) WHERE key = 'change_seq' "
        "AND (SELECT max(change_seq) FROM work_items) > value"_s,
    };
    return schema;
}

} // namespace

const store::Schema &gatewaySchema()
{
    static const store::Schema schema = makeSchema();
    return schema;
}

} // namespace rcm::server
