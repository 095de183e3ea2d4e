"""Placement of a household: the domain's ranked suggestions built from the database, and what
staff do with them (accept one, or choose other beds with a reason), recorded in
``placement_decision``.

Inputs of :func:`albergue_desktop.domain.placement.suggest_placements`, from the database:
each member's age, sex and relationship; the latest screening (its triage computed again with
the current rule table); pregnancy (screening, or the specific needs CR-TP / SM-DP); postpartum
(WR-LC lactating); chronic disease (SM-CI, or chronic conditions in the screening); the
unaccompanied flag (SC-UC); separated children (SC-SC); the "edad en duda" flag
(``person.age_in_doubt``; without a birth date the age is uncertain too, an estimated birth
date alone is not). Centers: open ones (or those asked for), their areas in order with free
beds, Sphere room left, and who is lodged there (adults, unaccompanied minors, other
households and their respiratory cases, by the isolation flag of their latest screening).
The rules are described in ``docs/placement.md``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from datetime import date, datetime

from sqlalchemy.orm import Session
from sqlmodel import select

from ..domain import clock
from ..domain import capacity as cap
from ..domain.clinical_rules import age_in_months
from ..domain.enums import CenterProfile, CenterStatus, Relationship, Sex
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain import placement as dp
from ..domain.i18n import translate
from ..domain.permissions import CONDITION_SEGMENTS, Permission, reveals_condition
from ..domain.placement import suggest_placements
from ..domain.placement_model import (
    ADULT_FROM_MONTHS, AreaOption, CenterOption, Explanation, FreeBed, Member, PlacementResult,
    Suggestion,
)
from ..domain.placement_model import PlacementRule as R
from ..storage import bed_queries as bq
from ..storage.db import Database
from ..storage.tables import Center, Household, Person, PlacementDecision, Stay
from .context import Actor
from .screening import latest_of
from .stays import bedding_items, check_in_in_session, current_stay, take_write_lock

PREGNANCY_NEEDS = frozenset({"CR-TP", "SM-DP"})
POSTPARTUM_NEEDS = frozenset({"WR-LC"})
CHRONIC_NEEDS = frozenset({"SM-CI"})
UNACCOMPANIED_NEED = "SC-UC"
SEPARATED_NEED = "SC-SC"


@dataclass(frozen=True)
class PlacementProposal:
    """The household, the members to place (domain rows) and the ranked suggestions."""

    household_id: str
    members: tuple[Member, ...]
    centers: tuple[CenterOption, ...]
    result: PlacementResult

    @property
    def suggestions(self) -> tuple[Suggestion, ...]:
        return self.result.suggestions


@dataclass(frozen=True)
class ChosenBed:
    """One member's place chosen by staff: a bed of a center, or the center without a bed."""

    person_id: str
    center_id: str
    bed_id: str | None = None


def _live_members(session: Session, household_id: str) -> list[Person]:
    return list(session.exec(select(Person).where(
        Person.household_id == household_id, Person.deleted == False,  # noqa: E712
        Person.merged_into_id == None).order_by(Person.folio)))  # noqa: E711


def household_members(session: Session, household: Household, *, today: date,
                      person_ids: Sequence[str] | None = None) -> tuple[Member, ...]:
    """The domain rows of the members to place: ``person_ids``, else every live member who
    is not present at a center (members expected by a transfer are included)."""
    people = _live_members(session, household.id)
    if person_ids is not None:
        wanted = set(person_ids)
        unknown = wanted - {p.id for p in people}
        if unknown:
            raise NotFoundError("person", sorted(unknown)[0])
        people = [p for p in people if p.id in wanted]
    else:
        people = [p for p in people if (s := current_stay(session, p.id)) is None
                  or s.status == "pending"]
    members = []
    for p in people:
        needs = set(p.specific_needs or ())
        latest = latest_of(session, p.id)
        # Act on the final colour: a clinician's raise (never below the rules) reaches placement.
        triage = (replace(latest.triage, colour=latest.final_colour)
                  if latest is not None else None)
        if p.id == household.head_person_id:
            relationship = Relationship.HEAD
        elif p.relationship in Relationship._value2member_map_:
            relationship = Relationship(p.relationship)
        else:
            relationship = Relationship.OTHER_RELATIVE
        members.append(Member(
            person_id=p.id, sex=Sex(p.sex) if p.sex in Sex._value2member_map_ else Sex.OTHER,
            age_months=age_in_months(p.birth_date, today) if p.birth_date else None,
            relationship=relationship, name=f"{p.given_names} {p.surnames}".strip(),
            pregnant=bool(needs & PREGNANCY_NEEDS), postpartum=bool(needs & POSTPARTUM_NEEDS),
            triage=triage, chronic_disease=bool(needs & CHRONIC_NEEDS),
            unaccompanied=UNACCOMPANIED_NEED in needs, age_in_doubt=bool(p.age_in_doubt),
            separated=SEPARATED_NEED in needs))
    return tuple(members)


def _protected_counts(occupants: list[bq.AreaOccupant], today: date
                      ) -> tuple[dict[str, int], dict[str, int]]:
    """Per area: people who may be adults, and unaccompanied minors lodged, read as the domain
    reads a household (:func:`~..domain.placement_model.is_protected_minor`). An occupant of
    uncertain age (no birth date, or age in doubt) is presumed a minor: alone (flagged SC-UC,
    related as unaccompanied / non-relative, or without an adult of certain age of their
    household in the area) they count as an unaccompanied minor; with such an adult, as
    someone who may be an adult."""
    def certain_adult(o: bq.AreaOccupant) -> bool:
        return (o.birth_date is not None and not o.age_in_doubt
                and age_in_months(o.birth_date, today) >= ADULT_FROM_MONTHS)

    adults: dict[str, int] = defaultdict(int)
    minors: dict[str, int] = defaultdict(int)
    household_adults = {(o.area_id, o.household_id) for o in occupants if certain_adult(o)}
    for o in occupants:
        if certain_adult(o):
            adults[o.area_id] += 1
        elif (UNACCOMPANIED_NEED in o.specific_needs
              or o.relationship in (Relationship.UNACCOMPANIED, Relationship.NON_RELATIVE)
              or (o.area_id, o.household_id) not in household_adults):
            minors[o.area_id] += 1
        elif o.birth_date is None or o.age_in_doubt:
            adults[o.area_id] += 1
    return adults, minors


def _other_households(occupants: list[bq.AreaOccupant], household_id: str | None
                      ) -> tuple[dict[str, int], dict[str, int]]:
    """Per area: how many households other than ``household_id`` are lodged there, and how
    many of their members are respiratory cases (latest screening)."""
    found: dict[str, set[str]] = defaultdict(set)
    cases: dict[str, int] = defaultdict(int)
    for o in occupants:
        if o.household_id != household_id or o.household_id is None:
            found[o.area_id].add(o.household_id or o.person_id)
            cases[o.area_id] += o.respiratory_case
    return {area_id: len(ids) for area_id, ids in found.items()}, cases


def center_options(session: Session, *, today: date,
                   center_ids: Sequence[str] | None = None,
                   household_id: str | None = None) -> tuple[CenterOption, ...]:
    """Open centers (or ``center_ids``, unless closed), by code, with their areas and free
    beds in board order. ``household_id``: the household being placed (its own members
    lodged in an area are not "other households")."""
    query = select(Center).where(Center.deleted == False)  # noqa: E712
    if center_ids is not None:
        query = query.where(Center.id.in_(list(center_ids)),
                            Center.status != CenterStatus.CLOSED)
    else:
        query = query.where(Center.status == CenterStatus.OPEN)
    centers = list(session.exec(query.order_by(Center.code)))
    ids = [c.id for c in centers]
    areas = bq.area_rows(session=session)
    beds: dict[str, list[FreeBed]] = defaultdict(list)
    for b in bq.free_beds(session=session, center_ids=ids):
        beds[b.area_id].append(FreeBed(b.bed_id, b.code))
    occupants = bq.area_occupants(session=session, center_ids=ids)
    adults, minors = _protected_counts(occupants, today)
    others, cases = _other_households(occupants, household_id)
    out = []
    for c in centers:
        m2 = c.m2_per_person or cap.M2_PER_PERSON_DEFAULT
        options = []
        for a in (a for a in areas if a.center_id == c.id):
            sphere = cap.sphere_capacity(a.area_m2, m2)
            segment = (CenterProfile(a.segment) if a.segment in CenterProfile._value2member_map_
                       else CenterProfile.FAMILIES)
            options.append(AreaOption(
                a.area_id, a.name, segment, tuple(beds.get(a.area_id, ())),
                None if sphere is None else max(sphere - a.present, 0),
                adults.get(a.area_id, 0), minors.get(a.area_id, 0),
                others.get(a.area_id, 0), cases.get(a.area_id, 0)))
        profile = (CenterProfile(c.profile) if c.profile in CenterProfile._value2member_map_
                   else CenterProfile.FAMILIES)
        out.append(CenterOption(c.id, c.code, c.name, profile, bool(c.has_medical_care),
                                tuple(options)))
    return tuple(out)


def suggest_for_household(db: Database, actor: Actor, household_id: str, *,
                          person_ids: Sequence[str] | None = None,
                          center_ids: Sequence[str] | None = None, today: date | None = None,
                          limit: int = 5) -> PlacementProposal:
    """Ranked placement suggestions for the members of a household not yet present."""
    actor.require(Permission.MANAGE_STAYS)
    today = today or clock.today()
    with db.session(actor.username) as session:
        household = session.get(Household, household_id)
        if household is None or household.deleted:
            raise NotFoundError("household", household_id)
        members = household_members(session, household, today=today, person_ids=person_ids)
        if not members:
            raise RuleViolation("Every member of this household is already lodged.")
        centers = center_options(session, today=today, center_ids=center_ids,
                                 household_id=household_id)
    result = suggest_placements(members, centers, limit=limit)
    if not actor.can(Permission.VIEW_HEALTH):
        # The ranking used the screenings; a role without health permission gets the beds,
        # not the vitals, findings or conditions behind them (docs/placement.md).
        members = tuple(replace(m, triage=None, chronic_disease=False, pregnant=False,
                                postpartum=False) for m in members)
        centers, result = redact_for_intake(centers, result)
    return PlacementProposal(household_id, members, centers, result)


# --- what a role without health permission sees --------------------------------------------

HEALTH_OK = "Health indication taken into account: ask the health staff."
HEALTH_RELAXED = ("A health indication is not met by this option: ask the health staff before "
                  "accepting it.")
HEALTH_NO_ROOM = ("No free room keeps this household together and apart from other households, "
                  "as a health indication requires: the coordinator must free or set up one "
                  "(ask the health staff).")
RESERVED_AREA = "Reserved area"
RESERVED_CENTER = "Reserved center"

# Explanations that tell a condition (respiratory case, isolation, pregnancy, infant with a
# mother in maternity, chronic disease, another household's case): replaced as a whole.
_HEALTH_MSGIDS = frozenset({
    dp.ISOLATION_OK, dp.ISOLATION_CONTACTS, dp.QUARANTINE_OK, dp.SHARED_ISOLATION_HOUSEHOLD,
    dp.CASE_NEARBY, dp.ISOLATION_RELAXED, dp.CASE_AMONG_VULNERABLE, dp.MATERNITY_OK,
    dp.MATERNITY_SUPERSEDED, dp.MATERNITY_RELAXED, dp.MEDICAL_OK, dp.MEDICAL_RELAXED,
})
_HEALTH_RULES = frozenset({R.ISOLATION, R.HOUSEHOLD_APART, R.MATERNITY, R.MEDICAL_CARE})


def _redact_explanations(explanations: Iterable[Explanation], names: Mapping[str, str]
                         ) -> tuple[Explanation, ...]:
    out: list[Explanation] = []
    for e in explanations:
        params: dict[str, Any] = dict(e.params)
        segs = [params.get("segment"), *(params.get("expected") or ())]
        if e.msgid in _HEALTH_MSGIDS or (
                e.msgid in (dp.SEGMENT_OK, dp.SEGMENT_RELAXED)
                and any(str(g) in CONDITION_SEGMENTS for g in segs if g is not None)):
            generic = Explanation(R.HEALTH_INDICATION, e.satisfied,
                                  HEALTH_OK if e.satisfied else HEALTH_RELAXED)
        elif e.msgid == dp.NO_QUARANTINE_ROOM:
            generic = Explanation(R.HEALTH_INDICATION, False, HEALTH_NO_ROOM)
        else:
            for key in ("area", "center"):
                value = params.get(key)
                if isinstance(value, str):
                    params[key] = names.get(value, value)
            generic = replace(e, params=tuple(params.items()))
        if generic not in out:
            out.append(generic)
    return tuple(out)


def redact_for_intake(centers: Sequence[CenterOption], result: PlacementResult
                      ) -> tuple[tuple[CenterOption, ...], PlacementResult]:
    """The centers and the result as a role without VIEW_HEALTH sees them: explanations and
    notices that tell a health condition become a generic "health indication: ask the health
    staff" (which beds, the household together, the DIF notices, urgent care first and "no
    room" stay), the health rules among the relaxed ones become that one indication, and
    areas whose name or segment reveals a condition (permissions.reveals_condition) are
    "Reserved area N", as on paper (services/report_areas.py); a center whose name does is
    "Reserved center N"."""
    by_name: dict[str, str] = {}       # real name -> shown name (explanation parameters)
    out_centers, count, centers_count = [], 0, 0
    for c in centers:
        areas = []
        for a in c.areas:
            if reveals_condition(a.name, str(a.segment)):
                count += 1
                shown = f"{translate(RESERVED_AREA)} {count}"
                by_name[a.name] = shown
                a = replace(a, name=shown)
            areas.append(a)
        if reveals_condition(c.name, None):
            centers_count += 1
            by_name[c.name] = f"{translate(RESERVED_CENTER)} {centers_count}"
            c = replace(c, name=by_name[c.name])
        out_centers.append(replace(c, areas=tuple(areas)))
    shown_centers = {c.center_id: c for c in out_centers}
    shown_area = {a.area_id: a.name for c in out_centers for a in c.areas}

    def suggestion(s: Suggestion) -> Suggestion:
        relaxed = tuple(dict.fromkeys(
            R.HEALTH_INDICATION if r in _HEALTH_RULES else r for r in s.relaxed))
        explanations = _redact_explanations(s.explanations, by_name)
        fixed = []
        for e in explanations:  # "areas": code/name of each area, rebuilt with shown names
            if e.msgid == dp.SAME_AREA_RELAXED:
                where = dict.fromkeys((a.center_id, a.area_id) for a in s.assignments)
                e = replace(e, params=(("count", len(where)), ("areas", ", ".join(
                    f"{shown_centers[c].code}/{shown_area[a]}" for c, a in where))))
            fixed.append(e)
        return Suggestion(s.assignments, relaxed, tuple(fixed))

    notices = _redact_explanations(result.notices, by_name)
    return tuple(out_centers), replace(
        result, suggestions=tuple(suggestion(s) for s in result.suggestions), notices=notices)


# --- decisions ----------------------------------------------------------------------------------

def _plain(value: object) -> object:
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value if isinstance(value, (int, float, bool)) or value is None else str(value)


def suggestion_json(suggestion: Suggestion) -> dict:
    """A suggestion as stored in ``placement_decision.suggestion``."""
    return {
        "assignments": [{"person_id": a.person_id, "center_id": a.center_id,
                         "area_id": a.area_id, "bed_id": a.bed_id, "bed_code": a.bed_code}
                        for a in suggestion.assignments],
        "relaxed": [str(r) for r in suggestion.relaxed],
        "explanations": [{"rule": str(e.rule), "satisfied": e.satisfied, "msgid": e.msgid,
                          "params": {k: _plain(v) for k, v in e.params}}
                         for e in suggestion.explanations],
    }


def _place(db: Database, actor: Actor, *, household_id: str, choice: Sequence[ChosenBed],
           kind: str, suggestion: Suggestion | None, rank: int | None, reason: str | None,
           when: datetime | None, bedding: Mapping[str, Iterable[str]] | Iterable[str]
           ) -> list[Stay]:
    actor.require(Permission.MANAGE_STAYS)
    when = when or clock.now()
    if not choice:
        raise ValidationError([FieldError("choice", "This field is required.")])
    persons = [c.person_id for c in choice]
    beds = [c.bed_id for c in choice if c.bed_id is not None]
    if len(set(persons)) < len(persons) or len(set(beds)) < len(beds):
        raise ValidationError([FieldError("choice", "Each person and each bed only once.")])
    kits = ({pid: bedding_items(items) for pid, items in bedding.items()}
            if isinstance(bedding, Mapping) else dict.fromkeys(persons, bedding_items(bedding)))
    with db.session(actor.username) as session:
        take_write_lock(session)
        household = session.get(Household, household_id)
        if household is None or household.deleted:
            raise NotFoundError("household", household_id)
        members = {p.id for p in _live_members(session, household_id)}
        strangers = [pid for pid in persons if pid not in members]
        if strangers:
            raise RuleViolation("{person} is not a member of this household.",
                                person=strangers[0])
        stays = [check_in_in_session(session, person_id=c.person_id, center_id=c.center_id,
                                     bed_id=c.bed_id, when=when,
                                     bedding=list(kits.get(c.person_id, ())))
                 for c in choice]
        session.add(PlacementDecision(
            household_id=household_id, decided_at=when, decided_by=actor.username, kind=kind,
            suggestion_rank=rank,
            suggestion=suggestion_json(suggestion) if suggestion is not None else {},
            choice=[{"person_id": c.person_id, "center_id": c.center_id, "bed_id": c.bed_id}
                    for c in choice], reason=reason))
    return stays


def accept_placement(db: Database, actor: Actor, *, household_id: str,
                     suggestion: Suggestion, rank: int | None = None,
                     when: datetime | None = None,
                     bedding: Mapping[str, Iterable[str]] | Iterable[str] = ()) -> list[Stay]:
    """Check every member in to the suggested beds, in one transaction (all or nothing),
    and record the decision. ``bedding``: one kit for everyone, or per person id."""
    choice = [ChosenBed(a.person_id, a.center_id, a.bed_id) for a in suggestion.assignments]
    return _place(db, actor, household_id=household_id, choice=choice, kind="accepted",
                  suggestion=suggestion, rank=rank, reason=None, when=when, bedding=bedding)


def override_placement(db: Database, actor: Actor, *, household_id: str,
                       choice: Sequence[ChosenBed], reason: str,
                       suggestion: Suggestion | None = None, rank: int | None = None,
                       when: datetime | None = None,
                       bedding: Mapping[str, Iterable[str]] | Iterable[str] = ()) -> list[Stay]:
    """Check the members in where staff chose instead of the suggestion, in one transaction,
    recording the suggestion set aside, the choice and the reason (required)."""
    if not reason or not reason.strip():
        raise ValidationError([FieldError("reason", "A reason is required.")])
    return _place(db, actor, household_id=household_id, choice=choice, kind="override",
                  suggestion=suggestion, rank=rank, reason=reason.strip(), when=when,
                  bedding=bedding)


def decisions_of(db: Database, actor: Actor, household_id: str) -> list[PlacementDecision]:
    """The placement decisions of a household, oldest first (detached rows)."""
    actor.require(Permission.VIEW_PEOPLE)
    with db.session(actor.username) as session:
        rows = list(session.exec(select(PlacementDecision).where(
            PlacementDecision.household_id == household_id,
            PlacementDecision.deleted == False)  # noqa: E712
            .order_by(PlacementDecision.decided_at, PlacementDecision.change_seq)))
        session.expunge_all()
    return rows
