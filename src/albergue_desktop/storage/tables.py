"""Every table of the application, in one module.

Synced tables inherit :class:`SyncedBase`: a UUIDv7 text id, the site that created the row,
created/updated at and by, a tombstone (rows are never physically deleted) and the version
stamps of docs/sync-design.md (``hlc``, ``change_seq``, ``vv`` version vector, ``fv`` field dots).
The stamps are written by :mod:`.versioning` on every flush, never by callers.
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from typing import Any

from albergue_sync.rules import BOOKKEEPING
from sqlalchemy import JSON, Index, LargeBinary, text
from sqlmodel import Field, SQLModel

from .ids import new_id

# Columns maintained by the versioning hook; everything else is a data field that is merged
# field by field.
# The sync engine's list (albergue_sync.rules.BOOKKEEPING): one definition for both.
BOOKKEEPING_FIELDS = BOOKKEEPING


class SyncedBase(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    site_id: str = Field(default="", max_length=32)
    created_at: datetime | None = None
    created_by: str | None = None
    updated_at: datetime | None = None
    updated_by: str | None = None
    deleted: bool = Field(default=False)
    deleted_at: datetime | None = None
    deleted_by: str | None = None
    delete_reason: str | None = None
    hlc: int = Field(default=0)
    change_seq: int = Field(default=0, index=True)
    vv: dict[str, int] = Field(default_factory=dict, sa_type=JSON)
    fv: dict[str, list[Any]] = Field(default_factory=dict, sa_type=JSON)


class Meta(SQLModel, table=True):
    """Identity of this database file: site_id, epoch, schema_version, hlc_last, seq_last."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


# --- centers, areas, beds ---------------------------------------------------------------

class CenterBase(SQLModel):
    code: str = Field(max_length=3)
    name: str
    city_prefix: str = Field(default="MXL", max_length=4)
    address: str | None = None
    status: str = Field(default="open")
    profile: str = Field(default="families")
    daily_capacity: int | None = None
    has_medical_care: bool = False
    # Sphere covered living space per person for this center; None: the default 3.5 m2
    # (domain.capacity). Schema v3.
    m2_per_person: float | None = None


class Center(CenterBase, SyncedBase, table=True):
    __tablename__ = "center"
    # Unique per creating site, enforced by a trigger in the file of that site only: two
    # laptops set up with the same code must still merge (the sync engine logs such pairs as
    # conflicts); schema v2.
    __table_args__ = (Index("ix_center_code", "code", "site_id"),)


class AreaBase(SQLModel):
    center_id: str = Field(foreign_key="center.id", index=True)
    name: str
    segment: str = Field(default="families")
    area_m2: float | None = None


class Area(AreaBase, SyncedBase, table=True):
    __tablename__ = "area"


class BedBase(SQLModel):
    area_id: str = Field(foreign_key="area.id", index=True)
    center_id: str = Field(foreign_key="center.id", index=True)
    code: str
    kind: str = Field(default="cot")
    # What staff set: available | out_of_service. Occupancy follows from the open stays
    # (storage/bed_queries.py), never stored (schema v0010).
    status: str = Field(default="available")
    block_reason: str | None = None


class Bed(BedBase, SyncedBase, table=True):
    __tablename__ = "bed"


# --- people -------------------------------------------------------------------------------

class HouseholdBase(SQLModel):
    center_id: str | None = Field(default=None, foreign_key="center.id", index=True)
    # No FK: the head is a person of this household, created in the same transaction.
    head_person_id: str | None = Field(default=None, index=True)
    couple_civil_status: str | None = None
    address: str | None = None
    notes: str | None = None


class Household(HouseholdBase, SyncedBase, table=True):
    __tablename__ = "household"


class PersonBase(SQLModel):
    given_names: str
    surnames: str = ""
    document_name: str | None = None
    sex: str
    birth_date: date | None = None
    birth_date_estimated: bool = False
    # Schema v7: staff doubt the age (not merely estimated): presumed a minor (LGDNNA art. 5).
    age_in_doubt: bool = False
    nationality: str | None = Field(default=None, max_length=2)
    country_of_birth: str | None = Field(default=None, max_length=2)
    civil_status: str | None = None
    relationship: str | None = None
    languages: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    education_level: str | None = None
    work_experience: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    phone: str | None = None
    emergency_contact_name: str | None = None
    emergency_contact_phone: str | None = None
    migratory_status: str | None = None
    migratory_status_from: date | None = None
    migratory_status_until: date | None = None
    curp: str | None = None
    rfc: str | None = None
    specific_needs: list[str] = Field(default_factory=list, sa_type=JSON)
    consent_given: bool = False
    consent_at: datetime | None = None
    consent_by: str | None = None
    consent_purposes: str | None = None
    arrival_date: date | None = None
    notes: str | None = None


class PersonCreate(PersonBase):
    """A person as typed on the registration form (no folio, household or center yet)."""


class PersonUpdate(SQLModel):
    """Partial update: only the fields that were set are applied."""

    given_names: str | None = None
    surnames: str | None = None
    document_name: str | None = None
    sex: str | None = None
    birth_date: date | None = None
    birth_date_estimated: bool | None = None
    age_in_doubt: bool | None = None
    nationality: str | None = None
    country_of_birth: str | None = None
    civil_status: str | None = None
    relationship: str | None = None
    languages: list[dict[str, Any]] | None = None
    education_level: str | None = None
    work_experience: list[dict[str, Any]] | None = None
    phone: str | None = None
    emergency_contact_name: str | None = None
    emergency_contact_phone: str | None = None
    migratory_status: str | None = None
    migratory_status_from: date | None = None
    migratory_status_until: date | None = None
    curp: str | None = None
    rfc: str | None = None
    specific_needs: list[str] | None = None
    consent_given: bool | None = None
    consent_at: datetime | None = None
    consent_by: str | None = None
    consent_purposes: str | None = None
    arrival_date: date | None = None
    notes: str | None = None


class Person(PersonBase, SyncedBase, table=True):
    __tablename__ = "person"
    __table_args__ = (
        # unique per site as center codes (a trigger of schema v2; merges log clashes)
        Index("ix_person_folio", "folio", "site_id"),
        Index("ix_person_center_folio", "center_id", "folio"),
        # the live people, counted from the index (schema v11)
        Index("ix_person_live", "deleted", "merged_into_id",
              sqlite_where=text("deleted = 0 AND merged_into_id IS NULL")),
        # the erased people, a handful, found from the index at every merge (docs/erasure.md)
        Index("ix_person_erased", "id", sqlite_where=text("erased_at IS NOT NULL")),
    )
    folio: str | None = Field(default=None, max_length=20)
    center_id: str | None = Field(default=None, foreign_key="center.id")
    household_id: str | None = Field(default=None, foreign_key="household.id", index=True)
    search_key: str = ""
    # Set by the duplicates review of the sync issue: this record is the same person as
    # ``merged_into_id``; every list follows the link.
    merged_into_id: str | None = Field(default=None, index=True)
    # Erased (services/erasure.py): only de-identified fields are kept; forward-only in sync.
    erased_at: datetime | None = None
    erased_by: str | None = None


class PersonKey(SQLModel, table=True):
    """The list and full-text key of a person in this file (schema v11, kept by triggers;
    never written by the app, never synced): an explicit integer that sorts by registration,
    where person's hidden rowid sorts by arrival and may change on VACUUM.
    See docs/person-key-and-counts.md."""

    __tablename__ = "person_key"
    n: int = Field(primary_key=True)
    person_id: str = Field(unique=True)


class IdentityDocumentBase(SQLModel):
    doc_type: str
    number: str
    issuing_country: str | None = Field(default=None, max_length=2)
    issue_date: date | None = None
    expiry_date: date | None = None


class IdentityDocument(IdentityDocumentBase, SyncedBase, table=True):
    __tablename__ = "identity_document"
    person_id: str = Field(foreign_key="person.id", index=True)
    number_key: str = Field(default="", index=True)


class VaccinationBase(SQLModel):
    vaccine: str
    brand: str | None = None
    dose: int | None = None
    date: dt.date | None = None
    lot: str | None = None
    place: str | None = None


class Vaccination(VaccinationBase, SyncedBase, table=True):
    __tablename__ = "vaccination"
    person_id: str = Field(foreign_key="person.id", index=True)


class Stay(SyncedBase, table=True):
    __tablename__ = "stay"
    __table_args__ = (
        # "One open stay per person" and "one occupant per bed" are enforced by the stay
        # service under a write lock, not by unique indexes: a merge of center files must
        # never abort on them (the sync engine reports such states as conflicts instead).
        Index("ix_stay_open_person", "person_id",
              sqlite_where=text("check_out IS NULL AND deleted = 0")),
        Index("ix_stay_open_bed", "bed_id",
              sqlite_where=text("check_out IS NULL AND deleted = 0 AND bed_id IS NOT NULL")),
        Index("ix_stay_center_open", "center_id", "check_out"),
        # the people with stays, counted from the index (schema v11)
        Index("ix_stay_live_person", "person_id", "deleted", sqlite_where=text("deleted = 0")),
    )
    person_id: str = Field(foreign_key="person.id", index=True)
    center_id: str = Field(foreign_key="center.id")
    bed_id: str | None = Field(default=None, foreign_key="bed.id")
    check_in: datetime
    check_out: datetime | None = None
    reason: str | None = None
    destination: str | None = None
    notes: str | None = None
    # Schema v3. "open": the person arrived (checked in); "pending": a transfer's expected
    # arrival, no bed yet, completed by a check-in at its center (a pending stay closed
    # without arriving is an arrival that never happened). Closed is check_out, as before.
    status: str = Field(default="open")
    bedding: list[str] = Field(default_factory=list, sa_type=JSON)  # kit handed at check-in
    # The stay a transfer closed to create this one (no FK: same table, merged in any order).
    from_stay_id: str | None = None


# --- users and audit ----------------------------------------------------------------------

class User(SyncedBase, table=True):
    __tablename__ = "app_user"
    __table_args__ = (Index("ux_user_username", "username", unique=True),)
    username: str
    full_name: str
    role: str
    center_id: str | None = Field(default=None, foreign_key="center.id")
    password_hash: str
    active: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = None
    # set by an administrator's reset: the next sign-in asks for a new password (v0010)
    must_change_password: bool = False


class AuditEvent(SyncedBase, table=True):
    """Append-only log of who changed what. Written by the versioning hook."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_row", "table_name", "row_id"),
                      Index("ix_audit_chain", "chain_site", "chain_seq"))
    at: datetime
    username: str | None = None
    action: str  # create, update, delete, sign_in, sign_in_failed, view_*, ...
    table_name: str | None = None
    row_id: str | None = None
    changes: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    # hash chain (schema v11, sync/src/albergue_sync/auditchain.py): set by the flush hook
    chain_site: str | None = None
    chain_seq: int | None = None
    payload_hash: str | None = Field(default=None, max_length=64)
    prev_hash: str | None = Field(default=None, max_length=64)
    chain_hash: str | None = Field(default=None, max_length=64)
    payload_redacted: bool = False


# --- sync bookkeeping (written by the albergue_sync engine, schema v2) ---------------------

class SyncSource(SQLModel, table=True):
    """Bookmark per file merged into this one: which site, its epoch, the last change_seq
    merged, when and what it brought. Local to each file (never synced)."""

    __tablename__ = "sync_source"
    site_id: str = Field(primary_key=True, max_length=32)
    epoch: str
    seq_merged: int = 0
    merged_at: datetime
    direction: str = "merge"  # merge | pull
    with_health: bool = True
    source_path: str | None = None
    rows_new: int = 0
    rows_updated: int = 0
    rows_unchanged: int = 0
    conflicts: int = 0
    # the source's last audit event at seq_merged ("seq:id:hlc"): a restored backup that
    # reused those change numbers no longer has it (engine._check_mark)
    seq_mark: str | None = None


class SyncConflict(SQLModel, table=True):
    """A value the merge did not keep, for a supervisor to review. The id is a hash of
    (kind, table, row, field, losing dot), so every file records the same conflict under the
    same id; conflicts and their resolutions sync between files. Values are JSON."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_row", "table_name", "row_id"),)
    id: str = Field(primary_key=True, max_length=64)
    kind: str  # field | delete | orphan | duplicate | stay
    table_name: str
    row_id: str = Field(max_length=36)
    field: str
    winner_value: Any = Field(default=None, sa_type=JSON, nullable=True)
    winner_dot: list[Any] | None = Field(default=None, sa_type=JSON)
    loser_value: Any = Field(default=None, sa_type=JSON, nullable=True)
    loser_dot: list[Any] | None = Field(default=None, sa_type=JSON)
    detail: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    detected_at: datetime
    detected_by: str = Field(max_length=32)
    resolved: bool = Field(default=False, index=True)
    resolved_value: Any = Field(default=None, sa_type=JSON, nullable=True)
    resolved_by: str | None = None
    resolved_at: datetime | None = None
    resolved_dot: list[Any] | None = Field(default=None, sa_type=JSON)
    change_seq: int = Field(default=0, index=True)


# --- health screening and placement (schema v3) ------------------------------------

class Screening(SyncedBase, table=True):
    """One screening visit of one person. Append-only: the services never update a row; a
    correction is a new row whose ``corrects_id`` names the row it replaces. The inputs are
    those of :class:`~albergue_desktop.domain.triage.ScreeningInput`; the result columns keep
    what the rule table (fingerprint ``rule_table``) gave when it was recorded."""

    __tablename__ = "screening"
    __table_args__ = (Index("ix_screening_person_at", "person_id", "screened_at"),)
    person_id: str = Field(foreign_key="person.id")
    center_id: str | None = Field(default=None, foreign_key="center.id")
    screened_at: datetime
    screened_by: str
    corrects_id: str | None = Field(default=None, index=True)  # no FK: same table
    age_months: int | None = None  # age at the visit (None: unknown)
    temperature_c: float | None = None
    heart_rate: int | None = None
    respiratory_rate: int | None = None
    systolic_bp: int | None = None
    diastolic_bp: int | None = None
    spo2: int | None = None
    avpu: str | None = None
    weight_kg: float | None = None
    height_cm: float | None = None
    symptoms: list[str] = Field(default_factory=list, sa_type=JSON)  # within the 7-day window
    symptom_onsets: dict[str, str] = Field(default_factory=dict, sa_type=JSON)  # code -> date
    chronic_conditions: list[str] = Field(default_factory=list, sa_type=JSON)
    pregnant: bool = False
    gestation_weeks: int | None = None
    obstetric_signs: list[str] = Field(default_factory=list, sa_type=JSON)
    disabilities: list[str] = Field(default_factory=list, sa_type=JSON)
    notes: str | None = None
    colour: str
    flags: list[str] = Field(default_factory=list, sa_type=JSON)
    high_risk_vitals: list[str] = Field(default_factory=list, sa_type=JSON)
    respiratory_screen: str
    needs_isolation: bool = False
    urgent_care: bool = False
    consultation: bool = False
    obstetric_warning: bool = False
    rules_fired: list[str] = Field(default_factory=list, sa_type=JSON)
    rule_table: str = ""
    # schema v6: the IITT signs ticked, the apparent age band (no date of birth),
    # and a clinician's up-triage: ``colour`` above is what the rules computed, ``final_colour``
    # what the clinician set (never lower), with the reason and who raised it.
    signs: list[str] | None = Field(default=None, sa_type=JSON)
    apparent_age: str | None = None
    final_colour: str | None = None
    raise_reason: str | None = None
    raised_by: str | None = None


class PlacementDecision(SyncedBase, table=True):
    """What staff did with the placement suggestions of a household: accepted one, or chose
    other beds with a reason. ``suggestion`` is the option shown (assignments, relaxed rules,
    explanations), ``choice`` the beds taken ([{person_id, center_id, bed_id}])."""

    __tablename__ = "placement_decision"
    household_id: str = Field(foreign_key="household.id", index=True)
    decided_at: datetime
    decided_by: str
    kind: str  # accepted | override
    suggestion_rank: int | None = None
    suggestion: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    choice: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    reason: str | None = None


# --- the cross-center duplicates review (schema v4) ---------------------------------

class DuplicateReview(SyncedBase, table=True):
    """A reviewer's decision on a pair of person records the duplicates scan proposed
    (``person_a_id`` < ``person_b_id``). ``decision`` "not_duplicate" keeps the pair out of
    the review queue for good (on every file, as it syncs); a tombstone takes it back. A
    confirmed duplicate is not recorded here but as ``person.merged_into_id``."""

    __tablename__ = "duplicate_review"
    __table_args__ = (Index("ix_duplicate_review_pair", "person_a_id", "person_b_id"),)
    person_a_id: str = Field(foreign_key="person.id")
    person_b_id: str = Field(foreign_key="person.id")
    decision: str = "not_duplicate"
    decided_at: datetime
    decided_by: str
    note: str | None = None


# --- the person's photo (schema v5) --------------------------------------------------

class PersonPhoto(SyncedBase, table=True):
    """A person's photo: a JPEG (or PNG) already downscaled by the desktop (about 480 px on
    the long side, some 60 KB). Personal data, not health data: every center pulls it. A new
    photo tombstones the previous row and adds its own, so the image of a row never changes
    and a merge never has to choose between two images; the live row taken last is the
    photo (services/photos.py)."""

    __tablename__ = "person_photo"
    person_id: str = Field(foreign_key="person.id", index=True)
    image: bytes = Field(sa_type=LargeBinary)
    mime: str = "image/jpeg"
    taken_at: datetime | None = None


# --- medical care after arrival (schema v13, docs/health-followup.md) ---------------------------

class Consultation(SyncedBase, table=True):
    """One medical consultation. Append-only as screenings: a correction is a new row whose
    ``corrects_id`` names the row it replaces. ``colour`` and ``rules_fired`` keep what the
    screening's rule table gave for the vital signs when it was recorded."""

    __tablename__ = "consultation"
    __table_args__ = (Index("ix_consultation_person_at", "person_id", "attended_at"),
                      Index("ix_consultation_follow_up", "follow_up_date"),
                      Index("ix_consultation_center_at", "center_id", "attended_at"))
    person_id: str = Field(foreign_key="person.id")
    center_id: str | None = Field(default=None, foreign_key="center.id")
    attended_at: datetime
    attended_by: str
    corrects_id: str | None = Field(default=None, index=True)  # no FK: same table
    age_months: int | None = None
    reason: str
    temperature_c: float | None = None
    heart_rate: int | None = None
    respiratory_rate: int | None = None
    systolic_bp: int | None = None
    diastolic_bp: int | None = None
    spo2: int | None = None
    avpu: str | None = None
    weight_kg: float | None = None
    height_cm: float | None = None
    colour: str = "green"
    rules_fired: list[str] = Field(default_factory=list, sa_type=JSON)
    findings: str | None = None
    diagnosis_code: str | None = None
    diagnosis_text: str | None = None
    plan: str | None = None
    follow_up_date: date | None = None


class Referral(SyncedBase, table=True):
    """A referral to a hospital or specialist. ``status`` moves under the transitions of
    :mod:`albergue_desktop.services.referrals` (sent, attended, returned, not_attended)."""

    __tablename__ = "referral"
    __table_args__ = (Index("ix_referral_person", "person_id"),
                      Index("ix_referral_center_status", "center_id", "status"))
    person_id: str = Field(foreign_key="person.id")
    center_id: str | None = Field(default=None, foreign_key="center.id")
    consultation_id: str | None = None  # no FK: merged in any order
    referred_at: datetime
    referred_by: str
    destination: str
    specialty: str | None = None
    reason: str
    urgency: str
    transport: str | None = None
    status: str = "sent"
    status_at: datetime | None = None
    status_by: str | None = None
    appointment_date: date | None = None
    counter_referral: str | None = None


class PregnancyVisit(SyncedBase, table=True):
    """A prenatal visit or a postnatal check (``kind``); append-only, corrections as for
    consultations. ``recommendation`` and ``rules_fired`` keep what the pregnancy rule table
    (:mod:`albergue_desktop.domain.pregnancy`) gave when recorded."""

    __tablename__ = "pregnancy_visit"
    __table_args__ = (Index("ix_pregnancy_visit_person_at", "person_id", "visited_at"),
                      Index("ix_pregnancy_visit_next", "next_visit_date"))
    person_id: str = Field(foreign_key="person.id")
    center_id: str | None = Field(default=None, foreign_key="center.id")
    visited_at: datetime
    visited_by: str
    corrects_id: str | None = Field(default=None, index=True)
    kind: str  # prenatal | postnatal
    gestation_weeks: int | None = None
    due_date: date | None = None
    delivery_date: date | None = None
    systolic_bp: int | None = None
    diastolic_bp: int | None = None
    warning_signs: list[str] = Field(default_factory=list, sa_type=JSON)
    recommendation: str = "routine"
    rules_fired: list[str] = Field(default_factory=list, sa_type=JSON)
    next_visit_date: date | None = None
    notes: str | None = None


class Birth(SyncedBase, table=True):
    """A birth: the mother (``person_id``) and the newborn, registered into her household."""

    __tablename__ = "birth"
    __table_args__ = (Index("ix_birth_person", "person_id"),
                      Index("ix_birth_born_on", "born_on"))
    person_id: str = Field(foreign_key="person.id")
    newborn_id: str = Field(foreign_key="person.id")
    center_id: str | None = Field(default=None, foreign_key="center.id")
    born_on: date
    place: str | None = None
    delivery: str | None = None
    weight_g: int | None = None
    recorded_by: str
    notes: str | None = None


class MentalHealthNote(SyncedBase, table=True):
    """A mental health or psychosocial support note, seen only with the MENTAL_HEALTH
    permission; append-only (a correction names the note it replaces)."""

    __tablename__ = "mental_health_note"
    __table_args__ = (Index("ix_mental_health_note_person", "person_id", "noted_at"),)
    person_id: str = Field(foreign_key="person.id")
    center_id: str | None = Field(default=None, foreign_key="center.id")
    noted_at: datetime
    noted_by: str
    corrects_id: str | None = None
    kind: str
    note: str
    risk: str | None = None
    follow_up_date: date | None = None
# --- the stock ledger, the pharmacy and allergies (docs/stock-ledger.md) --------------------

class StockItem(SyncedBase, table=True):
    """A thing kept in stock: a medicine in one presentation, or a supply. Catalog items get
    an id derived from ``code`` (services/stock.item_id_for), so two centers that load the
    same catalog hold the same row and merge it without a conflict."""

    __tablename__ = "stock_item"
    kind: str  # medicine | supply
    code: str  # catalog key, unique in practice ("paracetamol-tab-500")
    name: str  # "Paracetamol"
    presentation: str = ""  # "tableta 500 mg"
    unit: str = "unidad"  # the unit a quantity counts: tableta, frasco, sobre, pieza
    category: str | None = None
    # words an allergy is matched against (active ingredients and drug classes), casefolded
    allergens: list[str] = Field(default_factory=list, sa_type=JSON)
    low_stock: int | None = None  # warn at or below this many units per center
    source: str | None = None  # the list the item comes from (a catalog's citation)
    active: bool = True


class StockLot(SyncedBase, table=True):
    """A lot of an item: its code and expiry as printed on the box. The id is derived from
    (item, lot code), so the same lot received at two centers is one row."""

    __tablename__ = "stock_lot"
    item_id: str = Field(foreign_key="stock_item.id", index=True)
    lot_code: str
    expiry: date | None = None


class StockMovement(SyncedBase, table=True):
    """One movement of stock at one center: a signed quantity of an item (and lot).
    Append-only (albergue_sync.rules.APPEND_ONLY): never updated, so the stock on hand, the
    sum of the movements, merges between files without conflicts. References without a
    foreign key point to records another file may not hold (a dispensing is health data; a
    transfer's other half is written by the other center)."""

    __tablename__ = "stock_movement"
    __table_args__ = (
        Index("ix_stock_movement_balance", "center_id", "item_id", "lot_id", "deleted",
              "quantity"),
        Index("ix_stock_movement_at", "center_id", "moved_at"),
        Index("ix_stock_movement_counterpart", "counterpart_id"),
        Index("ix_stock_movement_household", "household_id", "moved_at"),
        Index("ix_stock_movement_person", "person_id", "moved_at"),
        Index("ix_stock_movement_donation", "donation_id"),
    )
    center_id: str = Field(foreign_key="center.id")
    item_id: str = Field(foreign_key="stock_item.id", index=True)
    lot_id: str | None = Field(default=None, foreign_key="stock_lot.id")
    quantity: int  # units of the item: positive in, negative out
    reason: str  # domain.stock.MovementReason
    moved_at: datetime
    moved_by: str
    note: str | None = None  # why (a loss, an adjustment), the supplier of a purchase
    other_center_id: str | None = Field(default=None, foreign_key="center.id")
    counterpart_id: str | None = None  # a transfer received: the movement that sent it
    person_id: str | None = Field(default=None, foreign_key="person.id")  # a distribution
    household_id: str | None = Field(default=None, foreign_key="household.id")
    donation_id: str | None = None
    dispensing_id: str | None = Field(default=None, index=True)  # health: see Dispensing
    distribution_id: str | None = None  # a supply distribution (services/supplies.py)


class Allergy(SyncedBase, table=True):
    """A person's known allergy (health data). Removed by a tombstone, with the reason."""

    __tablename__ = "allergy"
    person_id: str = Field(foreign_key="person.id", index=True)
    substance: str
    reaction: str | None = None
    severity: str | None = None  # mild | moderate | severe
    recorded_at: datetime
    recorded_by: str


class Dispensing(SyncedBase, table=True):
    """Medicine handed to a person (health data): what, how much, the dose and days. The
    stock it took is in the ledger (stock_movement.dispensing_id), which names no person."""

    __tablename__ = "dispensing"
    __table_args__ = (Index("ix_dispensing_center_at", "center_id", "dispensed_at"),
                      Index("ix_dispensing_person_at", "person_id", "dispensed_at"))
    person_id: str = Field(foreign_key="person.id")
    center_id: str = Field(foreign_key="center.id")
    item_id: str = Field(foreign_key="stock_item.id")
    quantity: int
    dose: str
    days: int | None = None
    reason: str | None = None
    consultation_id: str | None = None  # no FK: consultations may live in another module
    dispensed_at: datetime
    dispensed_by: str
    allergy_warning: str | None = None  # the warning the dispenser saw and went past
# --- exit pathways: discharge, job bank, housing, legal, schooling (docs/pathways.md) -------

class Discharge(SyncedBase, table=True):
    """One departure: a whole household (``household_id``) or one person who leaves alone
    (``person_id``), with where they go, the transport arranged and the reason. The stays
    are closed by services/discharge.py in the same transaction; ``person_ids`` are those
    whose stay it closed."""

    __tablename__ = "discharge"
    household_id: str | None = Field(default=None, foreign_key="household.id", index=True)
    person_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    person_ids: list[str] = Field(default_factory=list, sa_type=JSON)
    center_id: str | None = Field(default=None, foreign_key="center.id")
    discharged_at: datetime
    destination: str  # domain.pathways.DischargeDestination
    destination_detail: str | None = None  # address, city, country or shelter
    lease_id: str | None = Field(default=None, foreign_key="lease.id")
    transport: str = "none"
    transport_detail: str | None = None
    reason: str | None = None


class Employer(SyncedBase, table=True):
    __tablename__ = "employer"
    name: str
    sector: str | None = None
    rfc: str | None = None  # persona moral (12) or física (13), stdnum.mx.rfc
    contact_name: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    notes: str | None = None


class JobFair(SyncedBase, table=True):
    __tablename__ = "job_fair"
    held_on: date
    name: str
    place: str | None = None
    employer_ids: list[str] = Field(default_factory=list, sa_type=JSON)


class JobOpening(SyncedBase, table=True):
    """A formal opening an employer activated (``count`` places), at a fair or not."""

    __tablename__ = "job_opening"
    __table_args__ = (Index("ix_job_opening_isco", "isco_code", "status"),)
    employer_id: str = Field(foreign_key="employer.id", index=True)
    fair_id: str | None = Field(default=None, foreign_key="job_fair.id")
    position: str
    isco_code: str | None = Field(default=None, max_length=4)
    count: int = 1
    wage: float | None = None  # MXN
    wage_period: str = "week"  # day | week | month
    shift: str | None = None
    requirements: str | None = None
    place: str | None = None
    opened_on: date
    status: str = "open"


class WorkPaperwork(SyncedBase, table=True):
    """A person's paperwork towards formal work: RFC (status, appointment, issue date; the
    RFC itself is person.rfc), CURP kind and the NSS (IMSS). One row per person."""

    __tablename__ = "work_paperwork"
    person_id: str = Field(foreign_key="person.id", index=True)
    rfc_status: str = "not_started"
    rfc_appointment: date | None = None
    rfc_issued_on: date | None = None
    curp_status: str = "none"
    nss: str | None = None
    notes: str | None = None


class JobPlacement(SyncedBase, table=True):
    __tablename__ = "job_placement"
    person_id: str = Field(foreign_key="person.id", index=True)
    opening_id: str = Field(foreign_key="job_opening.id", index=True)
    start_date: date | None = None
    outcome: str = "proposed"
    outcome_on: date | None = None
    notes: str | None = None


class PersonOccupation(SQLModel, table=True):
    """The ISCO-08 unit groups of each person's recorded work experience, coded from the
    free text (domain/occupations.py), with a copy of the person's fields matching reads
    (so that it never reads the wide person row). Local and derived (never synced): rebuilt
    for the people changed since ``meta.occupation_seq`` by services/job_matching.py before
    matching; deleted and merged people have no rows."""

    __tablename__ = "person_occupation"
    __table_args__ = (Index("ix_person_occupation_code", "isco_code", "person_id"),)
    n: int | None = Field(default=None, primary_key=True)
    person_id: str = Field(index=True)
    isco_code: str = Field(max_length=4)
    years: int | None = None
    occupation: str = ""
    given_names: str = ""
    surnames: str = ""
    folio: str | None = None
    birth_date: date | None = None
    migratory_status: str | None = None
    migratory_status_until: date | None = None
    curp: str | None = None
    rfc: str | None = None


class Landlord(SyncedBase, table=True):
    __tablename__ = "landlord"
    name: str
    phone: str | None = None
    address: str | None = None
    notes: str | None = None


class Home(SyncedBase, table=True):
    __tablename__ = "home"
    landlord_id: str | None = Field(default=None, foreign_key="landlord.id", index=True)
    address: str
    neighborhood: str | None = None
    rooms: int = 1
    rent: float | None = None  # MXN a month
    deposit: float | None = None
    dif_guarantor: bool = False  # the DIF stands as "aval moral" before the landlord
    conditions: str | None = None
    status: str = "available"
    # recovered from disuse (the plan's "recuperación de casas deshabitadas"); kept when the
    # home is later leased
    recovered: bool = False


class Lease(SyncedBase, table=True):
    __tablename__ = "lease"
    home_id: str = Field(foreign_key="home.id", index=True)
    start_date: date
    end_date: date | None = None  # agreed end
    rent: float | None = None
    ended_on: date | None = None  # move-out of the last household
    notes: str | None = None


class LeaseHousehold(SyncedBase, table=True):
    __tablename__ = "lease_household"
    lease_id: str = Field(foreign_key="lease.id", index=True)
    household_id: str = Field(foreign_key="household.id", index=True)
    rent_share: float | None = None
    moved_in: date
    moved_out: date | None = None


class AsylumApplication(SyncedBase, table=True):
    """A COMAR application (protection data: PROTECTION permission)."""

    __tablename__ = "asylum_application"
    person_id: str = Field(foreign_key="person.id", index=True)
    filed_on: date
    office: str | None = None
    case_number: str | None = None
    status: str = "filed"
    next_appointment: date | None = None
    notes: str | None = None


class ProtectionReferral(SyncedBase, table=True):
    """A child referred to the Procuraduría de Protección de Niñas, Niños y Adolescentes
    (protection data: PROTECTION permission)."""

    __tablename__ = "protection_referral"
    person_id: str = Field(foreign_key="person.id", index=True)
    referred_on: date
    office: str | None = None
    reason: str | None = None
    status: str = "referred"
    notes: str | None = None


class SchoolEnrollment(SyncedBase, table=True):
    __tablename__ = "school_enrollment"
    person_id: str = Field(foreign_key="person.id", index=True)
    school: str
    level: str
    grade: int | None = None
    status: str = "gathering_documents"
    enrolled_on: date | None = None
    missing_documents: list[str] = Field(default_factory=list, sa_type=JSON)


class IneaEnrollment(SyncedBase, table=True):
    __tablename__ = "inea_enrollment"
    person_id: str = Field(foreign_key="person.id", index=True)
    level: str
    status: str = "enrolled"
    started_on: date
    certified_on: date | None = None


class SpanishGroup(SyncedBase, table=True):
    __tablename__ = "spanish_group"
    center_id: str | None = Field(default=None, foreign_key="center.id")
    name: str
    level: str | None = None
    teacher: str | None = None
    member_ids: list[str] = Field(default_factory=list, sa_type=JSON)


class SpanishSession(SyncedBase, table=True):
    __tablename__ = "spanish_session"
    group_id: str = Field(foreign_key="spanish_group.id", index=True)
    held_on: date
    topic: str | None = None


class SpanishAttendance(SyncedBase, table=True):
    __tablename__ = "spanish_attendance"
    session_id: str = Field(foreign_key="spanish_session.id", index=True)
    person_id: str = Field(foreign_key="person.id", index=True)
    present: bool = True


# --- supplies: donations, distributions, meals, water and sanitation (docs/supplies.md) --

class Donation(SyncedBase, table=True):
    """Goods received from a donor at a center; the items are the ledger's ``donation_in``
    movements that name this donation (stock_movement.donation_id)."""

    __tablename__ = "donation"
    __table_args__ = (Index("ix_donation_center_on", "center_id", "received_on"),)
    center_id: str = Field(foreign_key="center.id")
    received_on: date
    donor_kind: str  # partner | person | organization
    donor: str  # the partner's code (domain.supplies.PARTNERS) or the donor's name
    value_mxn: float | None = None  # in-kind value declared, when known
    note: str | None = None
    received_by: str


class Distribution(SyncedBase, table=True):
    """Supplies handed to a household or one person; the units are the ledger's
    ``distribution_out`` movements naming it (stock_movement.distribution_id)."""

    __tablename__ = "distribution"
    __table_args__ = (Index("ix_distribution_center_at", "center_id", "distributed_at"),
                      Index("ix_distribution_household_at", "household_id", "distributed_at"))
    center_id: str = Field(foreign_key="center.id")
    household_id: str | None = Field(default=None, foreign_key="household.id")
    person_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    kit_code: str | None = None  # domain.supplies.KITS, or None item by item
    distributed_at: datetime
    distributed_by: str
    repeat_confirmed: str | None = None  # the repeat warning the user saw and confirmed
    note: str | None = None


class MealService(SyncedBase, table=True):
    """Meals served at one center on one day and service; the id is derived from
    (center, day, service), so two files recording the same service hold one row."""

    __tablename__ = "meal_service"
    __table_args__ = (Index("ix_meal_service_center_day", "center_id", "day"),)
    center_id: str = Field(foreign_key="center.id")
    day: date
    service: str  # breakfast | lunch | dinner
    served: int
    provider: str | None = None  # a partner code or a name (SEDENA cooked for 1,000)
    present: int | None = None  # people present when recorded (the default offered)
    infants: int = 0  # special diets: name-free totals
    pregnant: int = 0
    chronic: int = 0
    recorded_by: str


class WashStatus(SyncedBase, table=True):
    """Water, sanitation and hygiene facilities of a center as counted on one day; the id
    is derived from (center, day)."""

    __tablename__ = "wash_status"
    __table_args__ = (Index("ix_wash_status_center_day", "center_id", "day"),)
    center_id: str = Field(foreign_key="center.id")
    day: date
    toilets: int
    showers: int
    water_points: int
    litres_per_day: int
    note: str | None = None
    recorded_by: str


SYNCED_TABLES: tuple[type[SyncedBase], ...] = (
    Center, Area, Bed, Household, Person, IdentityDocument, Vaccination, Stay, User, AuditEvent,
    Screening, PlacementDecision, DuplicateReview, PersonPhoto, Consultation, Referral,
    PregnancyVisit, Birth, MentalHealthNote, StockItem, StockLot, StockMovement, Allergy,
    Dispensing, Discharge, Employer, JobFair, JobOpening, WorkPaperwork, JobPlacement, Landlord,
    Home, Lease, LeaseHousehold, AsylumApplication, ProtectionReferral, SchoolEnrollment,
    IneaEnrollment, SpanishGroup, SpanishSession, SpanishAttendance, Donation, Distribution,
    MealService, WashStatus,
)
