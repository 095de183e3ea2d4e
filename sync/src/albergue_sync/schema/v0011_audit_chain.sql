-- Schema version 11: the tamper-evident audit log (issue 12, docs/audit-chain.md).
-- A hash chain per site over payload hashes. After this script the upgrade chains the
-- file's own audit rows in Python (albergue_sync.auditchain.backfill: SQLite has no SHA-256).

ALTER TABLE audit_event ADD COLUMN chain_site VARCHAR;

ALTER TABLE audit_event ADD COLUMN chain_seq INTEGER;

ALTER TABLE audit_event ADD COLUMN payload_hash VARCHAR(64);

ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64);

ALTER TABLE audit_event ADD COLUMN chain_hash VARCHAR(64);

ALTER TABLE audit_event ADD COLUMN payload_redacted BOOLEAN NOT NULL DEFAULT 0;

CREATE INDEX ix_audit_chain ON audit_event (chain_site, chain_seq);
