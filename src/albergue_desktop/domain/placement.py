"""Where should a household sleep? A pure function that ranks center/area/bed options.

:func:`suggest_placements` takes a household (:class:`~.placement_model.Member` rows with
their latest triage) and the free beds of the centers, and returns ranked
:class:`~.placement_model.Suggestion` rows, each with the rules it satisfies or relaxes. The
rules and their sources are described in ``docs/placement.md``.

How options are built and ranked (rules in :class:`~.placement_model.PlacementRule`):

1. Unaccompanied minors (see :func:`~.placement_model.is_protected_minor`; a person alone
   whose age is uncertain is presumed a minor, LGDNNA art. 5) always form their own group,
   placed only in areas where no adult is lodged, and the household is flagged for the DIF
   protection route. Separated children (SC-SC) are flagged for it too. Other groups never go
   where unaccompanied minors are lodged.
2. The rest of the household is placed whole in one area; and, as lower-ranked alternatives,
   split: cases of a positive respiratory screen (with an adult caregiver for a child case) to
   isolation and the others elsewhere; pregnant/postpartum women and infants apart from adult
   men; or, only when no area can take the whole household, in two parts of the sizes that
   fit. A split never leaves a child without an adult of the household.
3. Respiratory cases: a shared isolation area takes cases only (never a contact, so never a
   pregnant woman or an infant who is not a case). The household of a case stays together in
   a family quarantine room (one household at a time), apart from other households' cases;
   when no room is free the result says so in a notice. An area where another household's
   case sleeps outside isolation is never offered to a pregnant woman or an infant who is not
   a case, and relaxes HOUSEHOLD_APART for anyone else.
4. Within an area the beds are the shortest run of consecutive free beds that fits (long runs
   stay free for large families); without such a run, the longest runs first.
5. Options breaking a hard rule (no free bed, minor protection, segment safety) are dropped.
   The rest are ranked by the soft rules they relax, strictly by priority (ISOLATION, then
   HOUSEHOLD_APART, SAME_AREA, MATERNITY, MEDICAL_CARE, SEGMENT, SPHERE_SPACE,
   ADJACENT_BEDS), then by fewer centers and areas, the preferred segment (a single case
   prefers the shared isolation area, leaving family rooms to families), a medical-care
   center for pregnant or urgent members, and finally center code, area name and bed order
   (deterministic).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from .enums import CenterProfile
from .placement_groups import Group, partitions
from .placement_model import (
    SOFT_RULES, AreaOption, BedAssignment, CenterOption, Explanation, FreeBed, Member,
    PlacementResult, PlacementRule, Suggestion, bed_position, is_protected_minor,
)

R = PlacementRule
P = CenterProfile
TOP_AREAS_PER_GROUP = 4

# --- messages (English msgids; Spanish in i18n.ES) ------------------------------------------
ISOLATION_OK = "{names}: positive respiratory screen; respiratory isolation area {area}."
ISOLATION_CONTACTS = "The rest of the household stays with the case as contacts."
QUARANTINE_OK = ("{names}: positive respiratory screen; the household stays together in the "
                 "family quarantine room {area}, apart from other households' cases.")
SHARED_ISOLATION_HOUSEHOLD = ("{names} share the isolation area {area} with other households' "
                              "cases: a family quarantine room would keep the household apart.")
CASE_NEARBY = ("Area {area} lodges a respiratory case of another household outside "
               "isolation.")
NO_QUARANTINE_ROOM = ("No family room or quarantine area is free for the household of {names} "
                      "(positive respiratory screen): the household cannot stay together apart "
                      "from other households' cases; the coordinator must free or set up one.")
ISOLATION_RELAXED = ("No respiratory isolation bed for {names} (positive respiratory screen): "
                     "arrange isolation as soon as possible.")
CASE_AMONG_VULNERABLE = ("Area {area} lodges pregnant women, infants or chronic patients: a "
                         "respiratory case should not sleep there outside isolation.")
MATERNITY_OK = "Pregnant or postpartum women and infants: maternity area {area}."
MATERNITY_SUPERSEDED = "Respiratory isolation takes precedence over the maternity area."
MATERNITY_RELAXED = ("Not in a maternity area: none has room for this group, or the group "
                     "includes adult men.")
MEDICAL_OK = "{names}: chronic disease or obstetric warning; center {center} has medical care."
MEDICAL_RELAXED = "No center with medical care has room for {names}: arrange medical follow-up."
SEGMENT_OK = "Area {area} is for {segment}, as this group needs."
SEGMENT_RELAXED = "Area {area} is for {segment}; this group needs: {expected}."
SPHERE_RELAXED = "Area {area} goes above its Sphere space capacity (room for {free} more people)."
ADJACENT_OK = "Adjacent beds {first} to {last}."
ADJACENT_RELAXED = "The beds are not all adjacent: {beds}."
SAME_AREA_OK = "The household stays together in area {area} of center {center}."
SAME_AREA_RELAXED = "The household is split into {count} areas: {areas}."
MINOR_OK = "{names}: placed in area {area}, where no adult is lodged."
DIF_NOTICE = ("{names}: unaccompanied minor; notify the DIF child protection route "
              "(Procuraduría de Protección de Niñas, Niños y Adolescentes).")
AGE_DOUBT_NOTICE = ("{names}: age unknown or in doubt, presumed a minor (LGDNNA art. 5) and "
                    "without an adult of the household; notify the DIF child protection route "
                    "(Procuraduría de Protección de Niñas, Niños y Adolescentes).")
SEPARATED_NOTICE = ("{names}: separated child (without their parents or usual caregiver); "
                    "notify the DIF child protection route (Procuraduría de Protección de "
                    "Niñas, Niños y Adolescentes).")
URGENT_NOTICE = "{names}: urgent medical care comes before placement."
NO_OPTION = ("No bed meets the safety rules (free beds, protection of minors, segment safety): "
             "the coordinator must decide.")


@dataclass(frozen=True)
class _Slot:
    """A group placed in one area of one center."""

    group: Group
    center: CenterOption
    area: AreaOption
    beds: tuple[FreeBed, ...]
    relaxed: frozenset[PlacementRule]
    explanations: tuple[Explanation, ...]
    segment_rank: int

    @property
    def key(self) -> tuple:
        return (_penalty(self.relaxed), self.segment_rank, self.center.code, self.area.name,
                [bed_position(b) or 0 for b in self.beds])


def _penalty(relaxed: frozenset[PlacementRule] | set[PlacementRule]) -> int:
    """Lexicographic by priority: relaxing one rule costs more than all later ones together."""
    return sum(1 << (len(SOFT_RULES) - 1 - SOFT_RULES.index(r)) for r in relaxed)


def _violates_hard_rule(group: Group, area: AreaOption) -> bool:
    if group.protected and area.adults_present > 0:
        return True
    if not group.protected and area.unaccompanied_minors_present > 0 and any(
            m.may_be_adult for m in group.members):
        return True
    if area.segment is P.RESPIRATORY_ISOLATION and not group.all_cases:
        return True  # a shared isolation area holds cases only
    if area.segment is P.QUARANTINE and (not group.needs_isolation
                                         or area.other_households_present > 0):
        return True  # one case's household at a time
    if area.cases_present > 0 and area.segment is not P.RESPIRATORY_ISOLATION and any(
            m.needs_maternity and not m.needs_isolation for m in group.members):
        return True  # a pregnant woman or an infant never next to another household's case
    if area.segment in (P.WOMEN_WITH_CHILDREN, P.MATERNITY) and group.has_adult_male:
        return True
    return area.segment is P.SINGLE_MEN and not all(m.is_adult_male for m in group.members)


def _allocate(beds: tuple[FreeBed, ...], count: int) -> tuple[tuple[FreeBed, ...], bool]:
    """``count`` beds of an area and whether they are consecutive (see the module doc)."""
    positions = [bed_position(b) for b in beds]
    if any(p is None for p in positions):
        positions = list(range(len(beds)))
    runs: list[list[tuple[int, FreeBed]]] = []
    for pos, bed in sorted(zip(positions, beds, strict=True), key=lambda t: t[0]):
        if runs and pos == runs[-1][-1][0] + 1:
            runs[-1].append((pos, bed))
        else:
            runs.append([(pos, bed)])
    fitting = [run for run in runs if len(run) >= count]
    if fitting:
        return tuple(b for _, b in min(fitting, key=len)[:count]), True
    chosen: list[tuple[int, FreeBed]] = []
    for run in sorted(runs, key=len, reverse=True):
        chosen.extend(run[:count - len(chosen)])
        if len(chosen) == count:
            break
    return tuple(b for _, b in sorted(chosen, key=lambda t: t[0])), False


def _place(group: Group, center: CenterOption, area: AreaOption) -> _Slot | None:
    if len(area.free_beds) < group.size or _violates_hard_rule(group, area):
        return None
    beds, adjacent = _allocate(area.free_beds, group.size)
    seg, where = area.segment, (("area", area.name),)
    relaxed: set[PlacementRule] = set()
    out: list[Explanation] = []

    def note(rule: PlacementRule, ok: bool, msgid: str, *params: tuple[str, object]) -> None:
        out.append(Explanation(rule, ok, msgid, tuple(params)))
        if not ok:
            relaxed.add(rule)

    if group.protected:
        note(R.MINOR_PROTECTION, True, MINOR_OK, ("names", group.names), *where)
    if group.needs_isolation:
        cases = ("names", group.names_of(lambda m: m.needs_isolation))
        if seg is P.RESPIRATORY_ISOLATION:
            note(R.ISOLATION, True, ISOLATION_OK, cases, *where)
            if group.size > 1:
                note(R.HOUSEHOLD_APART, False, SHARED_ISOLATION_HOUSEHOLD,
                     ("names", group.names), *where)
        elif seg is P.QUARANTINE:
            note(R.ISOLATION, True, QUARANTINE_OK, cases, *where)
            if not group.all_cases:
                note(R.ISOLATION, True, ISOLATION_CONTACTS)
        else:
            note(R.ISOLATION, False, ISOLATION_RELAXED, cases)
    if area.cases_present > 0 and seg is not P.RESPIRATORY_ISOLATION:
        note(R.HOUSEHOLD_APART, False, CASE_NEARBY, *where)
    if group.needs_isolation and seg in (P.MATERNITY, P.CHRONIC_CARE):
        note(R.SEGMENT, False, CASE_AMONG_VULNERABLE, *where)
    if group.maternity:
        if group.needs_isolation:
            note(R.MATERNITY, False, MATERNITY_SUPERSEDED)
        elif seg is P.MATERNITY:
            note(R.MATERNITY, True, MATERNITY_OK, *where)
        else:
            note(R.MATERNITY, False, MATERNITY_RELAXED)
    if group.medical:
        names = ("names", group.names_of(lambda m: m.needs_medical_care))
        if center.has_medical_care:
            note(R.MEDICAL_CARE, True, MEDICAL_OK, names, ("center", center.name))
        else:
            note(R.MEDICAL_CARE, False, MEDICAL_RELAXED, names)
    expected = group.expected_segments
    if expected is not None:
        if seg in expected:
            note(R.SEGMENT, True, SEGMENT_OK, *where, ("segment", seg))
        else:
            note(R.SEGMENT, False, SEGMENT_RELAXED, *where, ("segment", seg),
                 ("expected", expected))
    if area.sphere_free is not None and group.size > area.sphere_free:
        note(R.SPHERE_SPACE, False, SPHERE_RELAXED, *where, ("free", area.sphere_free))
    if group.size > 1:
        if adjacent:
            note(R.ADJACENT_BEDS, True, ADJACENT_OK, ("first", beds[0].code),
                 ("last", beds[-1].code))
        else:
            note(R.ADJACENT_BEDS, False, ADJACENT_RELAXED,
                 ("beds", ", ".join(b.code for b in beds)))
    rank = expected.index(seg) if expected is not None and seg in expected else 0
    if seg is P.QUARANTINE and group.size == 1:
        rank = 1  # a single case prefers the shared isolation area: rooms are for households
    return _Slot(group, center, area, beds, frozenset(relaxed), tuple(out), rank)


# --- assembly --------------------------------------------------------------------------------

def suggest_placements(household: Sequence[Member], centers: Sequence[CenterOption], *,
                       limit: int = 5) -> PlacementResult:
    """Ranked placement options for ``household`` among ``centers`` (see the module doc).

    Returns at most ``limit`` suggestions, best first; an empty tuple when no option meets
    the hard rules (the notices then say so).
    """
    members = tuple(household)
    if not members:
        raise ValueError("a household needs at least one member")
    protected = tuple(m for m in members if is_protected_minor(m, members))
    rest = tuple(m for m in members if m not in protected)
    areas = [(c, a) for c in centers for a in c.areas]

    def slots(group: Group) -> list[_Slot]:
        placed = (_place(group, c, a) for c, a in areas)
        return sorted((s for s in placed if s is not None), key=lambda s: s.key)

    whole_rest = slots(Group(rest)) if rest else []
    plans: dict[frozenset, tuple] = {}
    for partition in (partitions(rest, bool(whole_rest)) if rest else [()]):
        groups = [Group(g) for g in partition]
        if protected:
            groups.append(Group(protected, protected=True))
        choices = [whole_rest if not g.protected and g.members == rest else slots(g)
                   for g in groups]
        if len(groups) > 1:
            choices = [c[:TOP_AREAS_PER_GROUP] for c in choices]
        for combo in itertools.product(*choices):
            if len({s.area.area_id for s in combo}) < len(combo):
                continue  # two groups of a plan never share an area
            plan = _plan(combo, split_rest=len(partition) > 1, same_area=len(rest) > 1)
            plans.setdefault(frozenset((a.person_id, a.bed_id) for a in plan[1].assignments),
                             plan)
    ranked = [s for _, s in sorted(plans.values(), key=lambda p: p[0])][:limit]
    separated = tuple(m for m in members if m.separated and not m.is_adult)
    return PlacementResult(tuple(ranked), _notices(members, protected, tuple(ranked), centers),
                           dif_protection_route=bool(protected or separated),
                           urgent_care=any(m.urgent for m in members))


def _plan(combo: Sequence[_Slot], *, split_rest: bool, same_area: bool) -> tuple[tuple, Suggestion]:
    relaxed = set().union(*(s.relaxed for s in combo))
    head: list[Explanation] = []
    rest_slots = [s for s in combo if not s.group.protected]
    if same_area and rest_slots:
        if split_rest:
            relaxed.add(R.SAME_AREA)
            head.append(Explanation(R.SAME_AREA, False, SAME_AREA_RELAXED, (
                ("count", len(rest_slots)),
                ("areas", ", ".join(f"{s.center.code}/{s.area.name}" for s in rest_slots)))))
        else:
            head.append(Explanation(R.SAME_AREA, True, SAME_AREA_OK, (
                ("area", rest_slots[0].area.name), ("center", rest_slots[0].center.name))))
    assignments = tuple(
        BedAssignment(m.person_id, s.center.center_id, s.area.area_id, bed.bed_id, bed.code)
        for s in combo for m, bed in zip(s.group.members, s.beds, strict=True))
    order = tuple(sorted(relaxed, key=SOFT_RULES.index))
    key = (_penalty(relaxed), len({s.center.center_id for s in combo}), len(combo),
           sum(s.segment_rank for s in combo),
           sum(1 for s in combo if s.group.prefers_medical and not s.center.has_medical_care),
           [s.key[2:] for s in combo])
    explanations = tuple(head) + tuple(e for s in combo for e in s.explanations)
    return key, Suggestion(assignments, order, explanations)


def _dif_notice(member: Member, protected: tuple[Member, ...]) -> str | None:
    """The DIF notice of a member, if any: presumed minor alone, separated, unaccompanied."""
    if member in protected:
        if member.age_uncertain:
            return AGE_DOUBT_NOTICE
        return SEPARATED_NOTICE if member.separated else DIF_NOTICE
    return SEPARATED_NOTICE if member.separated and not member.is_adult else None


def _in_quarantine_room(suggestion: Suggestion, cases: Sequence[Member],
                        rooms: set[str]) -> bool:
    return all(suggestion.bed_of(m.person_id).area_id in rooms for m in cases)


def _notices(members: tuple[Member, ...], protected: tuple[Member, ...],
             ranked: tuple[Suggestion, ...], centers: Sequence[CenterOption]
             ) -> tuple[Explanation, ...]:
    out: list[Explanation] = []
    by_kind: dict[str, list[str]] = {}
    for m in members:
        kind = _dif_notice(m, protected)
        if kind is not None:
            by_kind.setdefault(kind, []).append(m.label)
    for kind in (AGE_DOUBT_NOTICE, SEPARATED_NOTICE, DIF_NOTICE):
        if kind in by_kind:
            out.append(Explanation(R.MINOR_PROTECTION, True, kind,
                                   (("names", ", ".join(by_kind[kind])),)))
    cases = [m for m in members if m.needs_isolation]
    rooms = {a.area_id for c in centers for a in c.areas if a.segment is P.QUARANTINE}
    if cases and len(members) > 1 and not any(_in_quarantine_room(s, cases, rooms)
                                              for s in ranked):
        out.append(Explanation(R.HOUSEHOLD_APART, False, NO_QUARANTINE_ROOM,
                               (("names", ", ".join(m.label for m in cases)),)))
    urgent = [m.label for m in members if m.urgent]
    if urgent:
        out.append(Explanation(R.MEDICAL_CARE, False, URGENT_NOTICE,
                               (("names", ", ".join(urgent)),)))
    if not ranked:
        out.append(Explanation(R.BEDS, False, NO_OPTION))
    return tuple(out)
