"""Which tables merge, in which order, and the per-table rules of docs/sync-design.md."""

from __future__ import annotations

# Every table with the synced columns is merged (see tablemerge.synced_tables), parents
# before children; this is the preferred order among independent tables. app_user is local
# to each file (usernames collide across centers) and is never merged; meta and the sync
# bookkeeping are handled apart. A new synced table merges field by field unless listed in
# APPEND_ONLY, and is pulled by every center unless listed in HEALTH_TABLES.
MERGED_TABLES: tuple[str, ...] = (
    "center", "area", "bed", "household", "person", "identity_document", "vaccination",
    "stay", "screening", "placement_decision", "duplicate_review", "consultation",
    "referral", "pregnancy_visit", "birth", "mental_health_note",
    "stock_item", "stock_lot", "stock_movement", "allergy", "dispensing",
    # exit pathways: job bank, housing, discharges, legal, schooling
    "employer", "job_fair", "job_opening", "work_paperwork", "job_placement", "landlord",
    "home", "lease", "lease_household", "discharge", "asylum_application",
    "protection_referral", "school_enrollment", "inea_enrollment", "spanish_group",
    "spanish_session", "spanish_attendance",
    # supplies: donations, distributions, meals, water and sanitation (docs/supplies.md)
    "donation", "distribution", "meal_service", "wash_status",
    "audit_event",
)
LOCAL_TABLES = frozenset({"app_user", "meta", "sync_source", "sync_conflict"})
SYNCED_COLUMNS = frozenset({"id", "site_id", "deleted", "hlc", "change_seq", "vv", "fv"})

# Append-only: a row is inserted if missing and never updated (the stock ledger: the stock
# on hand is the sum of every center's movements, docs/stock-ledger.md). Other event tables
# (screening, placement_decision) are never edited, so their field merge never conflicts,
# and a tombstone, should one ever be written, still travels.
APPEND_ONLY = frozenset({"audit_event", "stock_movement"})

# Health records: a center pulling the central registry gets those of other centers only
# when asked (``--with-health``).
# The legal and protection pathway (COMAR applications, referrals of children to the
# Procuraduría de Protección) travels with them: a pull without health data also withholds
# the protection codes of other centers' people (redact.py).
PROTECTION_TABLES = frozenset({"asylum_application", "protection_referral"})
HEALTH_TABLES = frozenset({"vaccination", "screening",  # each has person_id
                           "consultation", "referral", "pregnancy_visit", "birth",
                           "mental_health_note", "allergy", "dispensing"}) | PROTECTION_TABLES

# Stamped by the desktop's versioning hook on every write: not merged field by field.
BOOKKEEPING = frozenset({
    "id", "site_id", "created_at", "created_by", "updated_at", "updated_by",
    "hlc", "change_seq", "vv", "fv",
})
CREATION_FIELDS = ("site_id", "created_at", "created_by")

# Values that only move forward: a set value beats NULL (a stay's check-out).
FORWARD_FIELDS = frozenset({("stay", "check_out"), ("person", "erased_at"),
                            ("person", "erased_by")})

# A closing write (table -> field) and the fields an edit of which, made without seeing the
# close, is logged as a 'closed' conflict: a "did not arrive" check-out at the sending
# center and the arrival (check-in of the pending stay) at the receiving one.
CLOSING_FIELDS_BY_TABLE: dict[str, dict[str, tuple[str, ...]]] = {
    "stay": {"check_out": ("status", "bed_id", "check_in")},
}

# Fields whose concurrent differences are not worth a supervisor's time: who/when of a
# delete (two centers deleting the same record), and keys derived from other fields.
QUIET_FIELDS = frozenset({"deleted_at", "deleted_by", "delete_reason", "search_key",
                          "number_key"})
DELETE_FIELDS = frozenset({"deleted", "deleted_at", "deleted_by", "delete_reason"})

# Human keys that must not be shared by two records; shared ones become conflicts.
DUPLICATE_KEYS: dict[str, str] = {"center": "code", "person": "folio"}
