"""The forms of the exit pathways: a :class:`~.form.FormSpec` per record, each saving through
one service on the worker. ``save_*`` are worker functions (called only inside ``write_op``
by :class:`~.form.PathwayForm`); ``*_form`` build the specs (no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.labels import choices
from ...services import discharge, housing, jobs, legal, schooling
from ...services.context import Actor
from ...services.discharge import DischargePlan
from ...services.housing import HomeInput
from ...services.jobs import OpeningInput, PaperworkInput
from ...services.legal import AsylumInput
from ...services.schooling import SCHOOL_DOCUMENTS, EnrollmentInput
from ...storage.db import Database
from ..ops import Changes
from .form import Field, FormSpec



@dataclass
class Choices:
    """Rows the forms choose from, read on the worker by :func:`load_choices`."""

    employers: list[tuple[str, str]] = field(default_factory=list)
    fairs: list[tuple[str, str]] = field(default_factory=list)
    openings: list[tuple[str, str]] = field(default_factory=list)
    landlords: list[tuple[str, str]] = field(default_factory=list)
    homes: list[tuple[str, str]] = field(default_factory=list)  # available to lease
    leases: list[tuple[str, str]] = field(default_factory=list)  # not ended


def load_choices(db: Database) -> Choices:
    """Worker function: employers, fairs, open openings, landlords, homes, active leases."""
    from sqlalchemy import text
    with db.read_session() as session:
        conn = session.connection()
        rows = lambda sql: [(r[0], r[1]) for r in conn.execute(text(sql))]  # noqa: E731
        return Choices(
            employers=rows("SELECT id, name FROM employer WHERE deleted = 0 ORDER BY name"),
            fairs=rows("SELECT id, name || ' (' || held_on || ')' FROM job_fair "
                       "WHERE deleted = 0 ORDER BY held_on DESC"),
            openings=rows("SELECT o.id, o.position || ' — ' || e.name FROM job_opening o "
                          "JOIN employer e ON e.id = o.employer_id WHERE o.deleted = 0 "
                          "AND o.status = 'open' ORDER BY o.position"),
            landlords=rows("SELECT id, name FROM landlord WHERE deleted = 0 ORDER BY name"),
            homes=rows("SELECT id, address FROM home WHERE deleted = 0 AND status IN "
                       "('available', 'recovered', 'prospect') ORDER BY address"),
            leases=rows("SELECT l.id, h.address FROM lease l JOIN home h ON h.id = l.home_id "
                        "WHERE l.deleted = 0 AND l.ended_on IS NULL ORDER BY h.address"))


# --- discharge ----------------------------------------------------------------------------

def save_discharge(db: Database, actor: Actor, household_id: str | None,
                   person_id: str | None, v: dict[str, Any]):
    plan = DischargePlan(destination=v["destination"],
                         destination_detail=v["destination_detail"],
                         transport=v["transport"] or "none",
                         transport_detail=v["transport_detail"], reason=v["reason"],
                         lease_id=v.get("lease_id"))
    if person_id:
        return discharge.discharge_person(db, actor, person_id=person_id, plan=plan)
    assert household_id is not None
    return discharge.discharge_household(db, actor, household_id=household_id, plan=plan)


def discharge_form(db: Database, actor: Actor, *, household_id: str | None = None,
                   person_id: str | None = None, who: str = "",
                   ch: Choices | None = None) -> FormSpec:
    fields = [
        Field("destination", QT_TRANSLATE_NOOP("pathway_fields", "Destination"), "choice", True,
              choices("discharge_destination")),
        Field("destination_detail",
              QT_TRANSLATE_NOOP("pathway_fields", "Where (address, city, country or shelter)")),
        Field("lease_id", QT_TRANSLATE_NOOP("pathway_fields", "Lease (home)"), "choice",
              choices=(ch.leases if ch else [])),
        Field("transport", QT_TRANSLATE_NOOP("pathway_fields", "Transport"), "choice", True,
              choices("transport"), value="none"),
        Field("transport_detail", QT_TRANSLATE_NOOP("pathway_fields", "Transport detail")),
        Field("reason", QT_TRANSLATE_NOOP("pathway_fields", "Reason"), "note"),
    ]
    title = QCoreApplication.translate("pathway_forms", "Discharge: {who}").format(who=who) if who else QCoreApplication.translate("pathway_forms", "Discharge")
    intro = QCoreApplication.translate("pathway_forms", "Every member still in a shelter leaves in this one step.") if household_id \
        else QCoreApplication.translate("pathway_forms", "This person leaves alone; the household stays.")
    return FormSpec(title, fields, partial(save_discharge, db, actor, household_id, person_id),
                    Changes.of("people", "households", "stays", "beds"), intro)


# --- job bank -----------------------------------------------------------------------------

def save_employer(db: Database, actor: Actor, v: dict[str, Any]):
    return jobs.save_employer(db, actor, name=v["name"] or "", sector=v["sector"],
                              rfc=v["rfc"], contact_name=v["contact"], phone=v["phone"],
                              email=v["email"], address=v["address"])


def employer_form(db: Database, actor: Actor) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "New employer"), [
        Field("name", QT_TRANSLATE_NOOP("pathway_fields", "Name"), required=True),
        Field("sector", QT_TRANSLATE_NOOP("pathway_fields", "Sector")),
        Field("rfc", QT_TRANSLATE_NOOP("pathway_fields", "RFC")),
        Field("contact", QT_TRANSLATE_NOOP("pathway_fields", "Contact person")),
        Field("phone", QT_TRANSLATE_NOOP("pathway_fields", "Phone")),
        Field("email", QT_TRANSLATE_NOOP("pathway_fields", "Email")),
        Field("address", QT_TRANSLATE_NOOP("pathway_fields", "Address")),
    ], partial(save_employer, db, actor), Changes.of("settings"))


def save_opening(db: Database, actor: Actor, v: dict[str, Any]):
    return jobs.save_opening(db, actor, OpeningInput(
        employer_id=v["employer_id"], position=v["position"] or "", count=v["count"] or 1,
        wage=v["wage"], wage_period=v["wage_period"] or "week", shift=v["shift"],
        requirements=v["requirements"], place=v["place"], opened_on=v["opened_on"],
        fair_id=v["fair_id"]))


def opening_form(db: Database, actor: Actor, ch: Choices) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "New job opening"), [
        Field("employer_id", QT_TRANSLATE_NOOP("pathway_fields", "Employer"), "choice", True, ch.employers),
        Field("position", QT_TRANSLATE_NOOP("pathway_fields", "Position (e.g. Soldador, soudeur)"),
              required=True),
        Field("count", QT_TRANSLATE_NOOP("pathway_fields", "Places"), "int", value=1),
        Field("wage", QT_TRANSLATE_NOOP("pathway_fields", "Wage (MXN)"), "money"),
        Field("wage_period", QT_TRANSLATE_NOOP("pathway_fields", "Paid per"), "choice", True,
              choices("wage_period"), value="week"),
        Field("shift", QT_TRANSLATE_NOOP("pathway_fields", "Shift")),
        Field("requirements", QT_TRANSLATE_NOOP("pathway_fields", "Requirements"), "note"),
        Field("place", QT_TRANSLATE_NOOP("pathway_fields", "Where")),
        Field("opened_on", QT_TRANSLATE_NOOP("pathway_fields", "Activated on"), "date"),
        Field("fair_id", QT_TRANSLATE_NOOP("pathway_fields", "Job fair"), "choice", choices=ch.fairs),
    ], partial(save_opening, db, actor), Changes.of("settings"))


def save_paperwork(db: Database, actor: Actor, person_id: str, v: dict[str, Any]):
    return jobs.save_paperwork(db, actor, person_id, PaperworkInput(
        rfc_status=v["rfc_status"], rfc=v["rfc"], rfc_appointment=v["rfc_appointment"],
        curp_status=v["curp_status"], nss=v["nss"], notes=v["notes"]))


def paperwork_form(db: Database, actor: Actor, person_id: str, who: str) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "Work paperwork: {who}").format(who=who), [
        Field("rfc_status", QT_TRANSLATE_NOOP("pathway_fields", "RFC"), "choice", True, choices("rfc_status"),
              value="not_started"),
        Field("rfc_appointment", QT_TRANSLATE_NOOP("pathway_fields", "SAT appointment"), "optional_date"),
        Field("rfc", QT_TRANSLATE_NOOP("pathway_fields", "RFC issued (13 characters)")),
        Field("curp_status", QT_TRANSLATE_NOOP("pathway_fields", "CURP"), "choice", True,
              choices("curp_status"), value="none"),
        Field("nss", QT_TRANSLATE_NOOP("pathway_fields", "Social security number (NSS)")),
        Field("notes", QT_TRANSLATE_NOOP("pathway_fields", "Notes"), "note"),
    ], partial(save_paperwork, db, actor, person_id), Changes.of("people"))


def save_placement(db: Database, actor: Actor, person_id: str, v: dict[str, Any]):
    return jobs.place(db, actor, person_id=person_id, opening_id=v["opening_id"],
                      start_date=v["start_date"], outcome=v["outcome"], notes=v["notes"])


def placement_form(db: Database, actor: Actor, person_id: str, who: str,
                   ch: Choices) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "Job placement: {who}").format(who=who), [
        Field("opening_id", QT_TRANSLATE_NOOP("pathway_fields", "Opening"), "choice", True, ch.openings),
        Field("outcome", QT_TRANSLATE_NOOP("pathway_fields", "Outcome"), "choice", True,
              choices("placement_outcome"), value="proposed"),
        Field("start_date", QT_TRANSLATE_NOOP("pathway_fields", "Start date"), "optional_date"),
        Field("notes", QT_TRANSLATE_NOOP("pathway_fields", "Notes"), "note"),
    ], partial(save_placement, db, actor, person_id), Changes.of("people"))


# --- housing ------------------------------------------------------------------------------

def save_landlord(db: Database, actor: Actor, v: dict[str, Any]):
    return housing.save_landlord(db, actor, name=v["name"] or "", phone=v["phone"],
                                 address=v["address"], notes=v["notes"])


def landlord_form(db: Database, actor: Actor) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "New landlord"), [
        Field("name", QT_TRANSLATE_NOOP("pathway_fields", "Name"), required=True),
        Field("phone", QT_TRANSLATE_NOOP("pathway_fields", "Phone")),
        Field("address", QT_TRANSLATE_NOOP("pathway_fields", "Address")),
        Field("notes", QT_TRANSLATE_NOOP("pathway_fields", "Notes"), "note"),
    ], partial(save_landlord, db, actor), Changes.of("settings"))


def save_home(db: Database, actor: Actor, v: dict[str, Any]):
    return housing.save_home(db, actor, HomeInput(
        address=v["address"] or "", landlord_id=v["landlord_id"],
        neighborhood=v["neighborhood"], rooms=v["rooms"] or 1, rent=v["rent"],
        deposit=v["deposit"], dif_guarantor=v["dif"], conditions=v["conditions"],
        status=v["status"] or "available"))


def home_form(db: Database, actor: Actor, ch: Choices) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "New home"), [
        Field("address", QT_TRANSLATE_NOOP("pathway_fields", "Address"), required=True),
        Field("neighborhood", QT_TRANSLATE_NOOP("pathway_fields", "Neighborhood")),
        Field("landlord_id", QT_TRANSLATE_NOOP("pathway_fields", "Landlord"), "choice", choices=ch.landlords),
        Field("rooms", QT_TRANSLATE_NOOP("pathway_fields", "Rooms"), "int", value=2),
        Field("rent", QT_TRANSLATE_NOOP("pathway_fields", "Monthly rent (MXN)"), "money"),
        Field("deposit", QT_TRANSLATE_NOOP("pathway_fields", "Deposit (MXN)"), "money"),
        Field("dif", QT_TRANSLATE_NOOP("pathway_fields", "DIF stands as moral guarantor (aval moral)"),
              "check"),
        Field("status", QT_TRANSLATE_NOOP("pathway_fields", "Status"), "choice", True, choices("home_status"),
              value="available"),
        Field("conditions", QT_TRANSLATE_NOOP("pathway_fields", "Conditions"), "note"),
    ], partial(save_home, db, actor), Changes.of("settings"))


def save_lease(db: Database, actor: Actor, v: dict[str, Any]):
    return housing.create_lease(db, actor, home_id=v["home_id"], start_date=v["start_date"],
                                end_date=v["end_date"], rent=v["rent"])


def lease_form(db: Database, actor: Actor, ch: Choices) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "New lease"), [
        Field("home_id", QT_TRANSLATE_NOOP("pathway_fields", "Home"), "choice", True, ch.homes),
        Field("start_date", QT_TRANSLATE_NOOP("pathway_fields", "Start date"), "date"),
        Field("end_date", QT_TRANSLATE_NOOP("pathway_fields", "Agreed end"), "optional_date"),
        Field("rent", QT_TRANSLATE_NOOP("pathway_fields", "Monthly rent (MXN; empty: the home's)"), "money"),
    ], partial(save_lease, db, actor), Changes.of("settings"))


def save_move_in(db: Database, actor: Actor, household_id: str, v: dict[str, Any]):
    return housing.move_in(db, actor, lease_id=v["lease_id"], household_id=household_id,
                           moved_in=v["moved_in"], rent_share=v["rent_share"],
                           discharge=v["discharge"], transport=v["transport"] or "none",
                           transport_detail=v["transport_detail"])


def move_in_form(db: Database, actor: Actor, household_id: str, who: str,
                 ch: Choices) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "Move into a home: {who}").format(who=who), [
        Field("lease_id", QT_TRANSLATE_NOOP("pathway_fields", "Lease (home)"), "choice", True, ch.leases),
        Field("moved_in", QT_TRANSLATE_NOOP("pathway_fields", "Move-in date"), "date"),
        Field("rent_share", QT_TRANSLATE_NOOP("pathway_fields", "Rent share (MXN)"), "money"),
        Field("discharge", QT_TRANSLATE_NOOP("pathway_fields", "Discharge from the shelter now"), "check",
              value=True),
        Field("transport", QT_TRANSLATE_NOOP("pathway_fields", "Transport"), "choice", True,
              choices("transport"), value="program_vehicle"),
        Field("transport_detail", QT_TRANSLATE_NOOP("pathway_fields", "Transport detail")),
    ], partial(save_move_in, db, actor, household_id),
        Changes.of("people", "households", "stays", "beds"))


# --- legal and protection -----------------------------------------------------------------

def save_asylum(db: Database, actor: Actor, person_id: str, v: dict[str, Any]):
    return legal.save_asylum(db, actor, person_id, AsylumInput(
        filed_on=v["filed_on"], office=v["office"], case_number=v["case_number"],
        status=v["status"], next_appointment=v["next_appointment"], notes=v["notes"]))


def asylum_form(db: Database, actor: Actor, person_id: str, who: str) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "COMAR application: {who}").format(who=who), [
        Field("filed_on", QT_TRANSLATE_NOOP("pathway_fields", "Filed on"), "date"),
        Field("office", QT_TRANSLATE_NOOP("pathway_fields", "COMAR office")),
        Field("case_number", QT_TRANSLATE_NOOP("pathway_fields", "Case number")),
        Field("status", QT_TRANSLATE_NOOP("pathway_fields", "Status"), "choice", True,
              choices("asylum_status"), value="filed"),
        Field("next_appointment", QT_TRANSLATE_NOOP("pathway_fields", "Next appointment"), "optional_date"),
        Field("notes", QT_TRANSLATE_NOOP("pathway_fields", "Notes"), "note"),
    ], partial(save_asylum, db, actor, person_id), Changes.of("people"))


def save_referral(db: Database, actor: Actor, person_id: str, v: dict[str, Any]):
    return legal.refer_child(db, actor, person_id, referred_on=v["referred_on"],
                             office=v["office"], reason=v["reason"], status=v["status"])


def referral_form(db: Database, actor: Actor, person_id: str, who: str) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "Referral to the Procuraduría de Protección: {who}").format(who=who), [
        Field("referred_on", QT_TRANSLATE_NOOP("pathway_fields", "Referred on"), "date"),
        Field("office", QT_TRANSLATE_NOOP("pathway_fields", "Office")),
        Field("status", QT_TRANSLATE_NOOP("pathway_fields", "Status"), "choice", True,
              choices("referral_status"), value="referred"),
        Field("reason", QT_TRANSLATE_NOOP("pathway_fields", "Reason"), "note"),
    ], partial(save_referral, db, actor, person_id), Changes.of("people"))


# --- school and language ------------------------------------------------------------------

def save_school(db: Database, actor: Actor, person_id: str, v: dict[str, Any]):
    return schooling.save_enrollment(db, actor, person_id, EnrollmentInput(
        school=v["school"] or "", level=v["level"], grade=v["grade"], status=v["status"],
        missing_documents=tuple(v["missing"])))


def school_form(db: Database, actor: Actor, person_id: str, who: str) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "School enrollment: {who}").format(who=who), [
        Field("school", QT_TRANSLATE_NOOP("pathway_fields", "School"), required=True),
        Field("level", QT_TRANSLATE_NOOP("pathway_fields", "Level"), "choice", True, choices("school_level"),
              value="primaria"),
        Field("grade", QT_TRANSLATE_NOOP("pathway_fields", "Grade"), "int"),
        Field("status", QT_TRANSLATE_NOOP("pathway_fields", "Status"), "choice", True,
              choices("enrollment_status"), value="gathering_documents"),
        Field("missing", QT_TRANSLATE_NOOP("pathway_fields", "Documents missing"), "multi",
              choices=[(c, lbl) for c, lbl in choices("school_document")
                       if c in SCHOOL_DOCUMENTS]),
    ], partial(save_school, db, actor, person_id), Changes.of("people"))


def save_inea(db: Database, actor: Actor, person_id: str, v: dict[str, Any]):
    return schooling.save_inea(db, actor, person_id, level=v["level"], status=v["status"],
                               started_on=v["started_on"], certified_on=v["certified_on"])


def inea_form(db: Database, actor: Actor, person_id: str, who: str) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "INEA: {who}").format(who=who), [
        Field("level", QT_TRANSLATE_NOOP("pathway_fields", "Level"), "choice", True, choices("inea_level"),
              value="primaria"),
        Field("status", QT_TRANSLATE_NOOP("pathway_fields", "Status"), "choice", True, choices("inea_status"),
              value="enrolled"),
        Field("started_on", QT_TRANSLATE_NOOP("pathway_fields", "Started on"), "date"),
        Field("certified_on", QT_TRANSLATE_NOOP("pathway_fields", "Certified on"), "optional_date"),
    ], partial(save_inea, db, actor, person_id), Changes.of("people"))


def save_group(db: Database, actor: Actor, center_id: str | None, v: dict[str, Any]):
    return schooling.save_group(db, actor, name=v["name"] or "", center_id=center_id,
                                level=v["level"], teacher=v["teacher"],
                                member_ids=v["members"])


def spanish_group_form(db: Database, actor: Actor, center_id: str | None,
                       people: list[tuple[str, str]]) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "Spanish class group"), [
        Field("name", QT_TRANSLATE_NOOP("pathway_fields", "Name"), required=True),
        Field("level", QT_TRANSLATE_NOOP("pathway_fields", "Level")),
        Field("teacher", QT_TRANSLATE_NOOP("pathway_fields", "Teacher")),
        Field("members", QT_TRANSLATE_NOOP("pathway_fields", "Members"), "multi", choices=people),
    ], partial(save_group, db, actor, center_id), Changes.of("people"))


# --- follow-up: job outcome, move-out -------------------------------------------------------

def placements_of(db: Database, person_id: str) -> list[tuple[str, str]]:
    """Worker function: the person's placements as (id, "position — employer (outcome)")."""
    from sqlalchemy import text

    from ...domain.labels import label
    with db.read_session() as session:
        rows = session.connection().execute(text(
            "SELECT jp.id, o.position, e.name, jp.outcome FROM job_placement jp "
            "JOIN job_opening o ON o.id = jp.opening_id JOIN employer e ON e.id = o.employer_id "
            "WHERE jp.person_id = :p AND jp.deleted = 0 ORDER BY jp.start_date DESC"),
            {"p": person_id}).all()
    return [(r[0], f"{r[1]} — {r[2]} ({label('placement_outcome', r[3])})") for r in rows]


def leases_of(db: Database, household_id: str) -> list[tuple[str, str]]:
    """Worker function: the leases the household lives on, as (lease id, address)."""
    from sqlalchemy import text
    with db.read_session() as session:
        rows = session.connection().execute(text(
            "SELECT l.id, h.address FROM lease_household lh JOIN lease l ON l.id = lh.lease_id "
            "JOIN home h ON h.id = l.home_id WHERE lh.household_id = :h AND lh.deleted = 0 "
            "AND lh.moved_out IS NULL"), {"h": household_id}).all()
    return [(r[0], r[1]) for r in rows]


def save_outcome(db: Database, actor: Actor, v: dict[str, Any]):
    return jobs.set_outcome(db, actor, v["placement_id"], v["outcome"], on=v["on"],
                            start_date=v["start_date"])


def outcome_form(db: Database, actor: Actor, who: str,
                 placements: list[tuple[str, str]]) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "Job follow-up: {who}").format(
        who=who), [
        Field("placement_id", QT_TRANSLATE_NOOP("pathway_fields", "Placement"), "choice",
                 True, placements),
        Field("outcome", QT_TRANSLATE_NOOP("pathway_fields", "Outcome"), "choice", True,
                 choices("placement_outcome"), value="started"),
        Field("start_date", QT_TRANSLATE_NOOP("pathway_fields", "Start date"),
                 "optional_date"),
        Field("on", QT_TRANSLATE_NOOP("pathway_fields", "Recorded on"), "date"),
    ], partial(save_outcome, db, actor), Changes.of("people"))


def save_move_out(db: Database, actor: Actor, household_id: str, v: dict[str, Any]):
    return housing.move_out(db, actor, lease_id=v["lease_id"], household_id=household_id,
                            on=v["on"])


def move_out_form(db: Database, actor: Actor, household_id: str, who: str,
                  leases: list[tuple[str, str]]) -> FormSpec:
    return FormSpec(QCoreApplication.translate("pathway_forms", "Move out: {who}").format(
        who=who), [
        Field("lease_id", QT_TRANSLATE_NOOP("pathway_fields", "Lease (home)"), "choice",
                 True, leases),
        Field("on", QT_TRANSLATE_NOOP("pathway_fields", "Move-out date"), "date"),
    ], partial(save_move_out, db, actor, household_id), Changes.of("households"))



# --- Spanish class sessions ---------------------------------------------------------------

@dataclass
class Group:
    id: str
    name: str
    members: list[tuple[str, str]]  # (person id, name)


def spanish_groups(db: Database, center_id: str | None) -> list[Group]:
    """Worker function: the Spanish groups (of the center, if given) and their members."""
    from sqlmodel import select

    from ...storage.tables import Person, SpanishGroup
    with db.read_session() as session:
        query = select(SpanishGroup).where(SpanishGroup.deleted == False)  # noqa: E712
        if center_id:
            query = query.where(SpanishGroup.center_id == center_id)
        groups = session.exec(query.order_by(SpanishGroup.name)).all()
        ids = {pid for g in groups for pid in g.member_ids}
        names = {p.id: f"{p.given_names} {p.surnames}".strip() for p in session.exec(
            select(Person).where(Person.id.in_(ids)))}  # type: ignore[attr-defined]
    return [Group(g.id, g.name, [(pid, names.get(pid, "?")) for pid in g.member_ids])
            for g in groups]


def save_session(db: Database, actor: Actor, v: dict[str, Any]):
    return schooling.record_session(db, actor, v["group_id"], held_on=v["held_on"],
                                    present_ids=v["present"], topic=v["topic"])


def session_form(db: Database, actor: Actor, groups: list[Group]) -> FormSpec:
    everyone = [(f"{g.id}:{pid}", f"{name} — {g.name}") for g in groups for pid, name in g.members]
    return FormSpec(QCoreApplication.translate("pathway_forms", "Spanish class session"), [
        Field("group_id", QT_TRANSLATE_NOOP("pathway_fields", "Group"), "choice", True,
              [(g.id, g.name) for g in groups]),
        Field("held_on", QT_TRANSLATE_NOOP("pathway_fields", "Date"), "date"),
        Field("topic", QT_TRANSLATE_NOOP("pathway_fields", "Topic")),
        Field("present", QT_TRANSLATE_NOOP("pathway_fields", "Present"), "multi",
              choices=everyone),
    ], partial(_save_session_values, db, actor), Changes.of("people"))


def _save_session_values(db: Database, actor: Actor, v: dict[str, Any]):
    group = v["group_id"]
    present = [key.split(":", 1)[1] for key in v["present"] if key.startswith(f"{group}:")]
    return save_session(db, actor, {**v, "present": present})
