"""Inputs, outputs and rules of the placement suggestion (see :mod:`.placement`).

The caller builds :class:`Member` rows for a household (with each member's latest
:class:`~.triage.TriageResult`) and :class:`CenterOption` rows for the centers that accept
arrivals (open centers, beds in service and free, listed in order). The result only suggests;
staff accept one or override it with a reason, which is recorded elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from .clinical_enums import TriageColour
from .enums import CenterProfile, Relationship, Sex
from .i18n import translate
from .triage import TriageResult

ADULT_FROM_MONTHS = 18 * 12   # under 18 is a minor (UNHCR, Ley General de los Derechos de NNA)
INFANT_UNTIL_MONTHS = 12      # an infant is under 1 year
# LGDNNA art. 5 (Ley General de los Derechos de Niñas, Niños y Adolescentes, DOF 4-12-2014):
# "Cuando exista la duda de si se trata de una persona mayor de dieciocho años de edad, se
# presumirá que es adolescente." A person without a birth date, or whose age staff marked as
# in doubt, is presumed a minor (an estimated birth date alone is not doubt).


class PlacementRule(StrEnum):
    """Placement rules. The first three are never relaxed; the rest are listed by priority
    (an option relaxing an earlier rule always ranks below one that relaxes only later ones).
    """

    BEDS = "beds"                          # hard: only free beds, one person per bed
    MINOR_PROTECTION = "minor_protection"  # hard: unaccompanied minors never with unrelated adults
    SEGMENT_SAFETY = "segment_safety"      # hard: a shared isolation area takes cases only; a
    #                                        family quarantine room one case's household at a
    #                                        time; no man who may be an adult in women/maternity
    #                                        areas; single-men areas take adult men only; no
    #                                        pregnant woman or infant who is not a case where
    #                                        another household's case sleeps
    ISOLATION = "isolation"                # a positive respiratory screen goes to isolation
    HOUSEHOLD_APART = "household_apart"    # a household stays apart from other households'
    #                                        cases: a case's household in a family quarantine
    #                                        room; nobody next to a case lodged outside isolation
    SAME_AREA = "same_area"                # the household stays together in one area
    MATERNITY = "maternity"                # pregnant/postpartum women and infants to maternity
    MEDICAL_CARE = "medical_care"          # chronic disease / obstetric warning: medical care
    SEGMENT = "segment"                    # single adults by sex, families in family areas
    SPHERE_SPACE = "sphere_space"          # Sphere m2 per person (a standard, never a block)
    ADJACENT_BEDS = "adjacent_beds"        # the household's beds are consecutive
    # Not a rule of its own: what a role without health permission sees instead of the health
    # rules (isolation, household apart from cases, maternity, medical care), so that neither
    # the reasons nor the list of relaxed rules tell a condition (services/placement.py).
    HEALTH_INDICATION = "health_indication"


HARD_RULES = frozenset({PlacementRule.BEDS, PlacementRule.MINOR_PROTECTION,
                        PlacementRule.SEGMENT_SAFETY})
SOFT_RULES: tuple[PlacementRule, ...] = tuple(
    r for r in PlacementRule if r not in HARD_RULES and r is not PlacementRule.HEALTH_INDICATION)

SEGMENT_LABELS: dict[CenterProfile, str] = {
    CenterProfile.FAMILIES: "families",
    CenterProfile.SINGLE_MEN: "single men",
    CenterProfile.WOMEN_WITH_CHILDREN: "women and children",
    CenterProfile.MATERNITY: "maternity",
    CenterProfile.RESPIRATORY_ISOLATION: "respiratory isolation",
    CenterProfile.CHRONIC_CARE: "chronic care",
    CenterProfile.QUARANTINE: "family quarantine room",
}


@dataclass(frozen=True)
class Member:
    """One household member.

    Age: ``age_months`` ``None`` (no birth date) or ``age_in_doubt`` (ticked by staff) make
    the age uncertain, and an uncertain age is presumed a minor (LGDNNA art. 5, see
    ``ADULT_FROM_MONTHS``): such a person is never :attr:`is_adult`, so alone they are a
    protected minor. For the safety of others they still count as someone who *may* be an
    adult (:attr:`may_be_adult`): never where unaccompanied minors sleep, and a man never in
    a women's or maternity area. ``separated``: UNHCR SC-SC (separated child).
    """

    person_id: str
    sex: Sex
    age_months: int | None
    relationship: Relationship
    name: str = ""
    pregnant: bool = False
    postpartum: bool = False
    triage: TriageResult | None = None
    chronic_disease: bool = False
    unaccompanied: bool = False
    age_in_doubt: bool = False
    separated: bool = False

    @property
    def label(self) -> str:
        return self.name or self.person_id

    @property
    def age_uncertain(self) -> bool:
        """No birth date, or staff marked the age as in doubt: presumed a minor."""
        return self.age_months is None or self.age_in_doubt

    @property
    def is_adult(self) -> bool:
        """Certainly an adult: a known age of 18 or more, not in doubt."""
        return self.age_months is not None and not self.age_in_doubt and (
            self.age_months >= ADULT_FROM_MONTHS)

    @property
    def may_be_adult(self) -> bool:
        """An adult, or someone whose age is uncertain (for the safety of other people)."""
        return self.is_adult or self.age_uncertain

    @property
    def is_infant(self) -> bool:
        return self.age_months is not None and self.age_months < INFANT_UNTIL_MONTHS

    @property
    def is_adult_male(self) -> bool:
        return self.is_adult and self.sex is Sex.MALE

    @property
    def may_be_adult_male(self) -> bool:
        return self.may_be_adult and self.sex is Sex.MALE

    @property
    def needs_isolation(self) -> bool:
        return self.triage is not None and self.triage.needs_isolation

    @property
    def needs_maternity(self) -> bool:
        pregnant = self.pregnant or (self.triage is not None and self.triage.pregnant)
        return self.is_infant or (self.sex is Sex.FEMALE and (pregnant or self.postpartum))

    @property
    def needs_medical_care(self) -> bool:
        t = self.triage
        return self.chronic_disease or (t is not None and (bool(t.chronic_conditions)
                                                           or t.obstetric_warning))

    @property
    def urgent(self) -> bool:
        t = self.triage
        return t is not None and (t.colour is TriageColour.RED or t.urgent_care)


@dataclass(frozen=True)
class FreeBed:
    """A free bed. Adjacency is by ``position`` (consecutive integers); when it is not given,
    the number at the end of the code is used ("A-07" -> 7)."""

    bed_id: str
    code: str
    position: int | None = None


@dataclass(frozen=True)
class AreaOption:
    """An area with its free beds in order. ``sphere_free`` is how many more people fit by
    Sphere space (``None``: unknown). The occupant counts protect unaccompanied minors
    (``adults_present`` counts whoever may be an adult: a person of uncertain age lodged with
    an adult of their household too; alone, they count as an unaccompanied minor, as
    :func:`is_protected_minor` reads them); ``other_households_present`` (other
    households than the one being placed) keeps a family quarantine room to one household;
    ``cases_present``: respiratory cases of other households lodged there."""

    area_id: str
    name: str
    segment: CenterProfile
    free_beds: tuple[FreeBed, ...]
    sphere_free: int | None = None
    adults_present: int = 0
    unaccompanied_minors_present: int = 0
    other_households_present: int = 0
    cases_present: int = 0


@dataclass(frozen=True)
class CenterOption:
    center_id: str
    code: str
    name: str
    profile: CenterProfile
    has_medical_care: bool
    areas: tuple[AreaOption, ...]


@dataclass(frozen=True)
class Explanation:
    """Why an option is what it is: English ``msgid`` plus parameters. A parameter that is a
    :class:`CenterProfile` (or a tuple of them) is shown as the translated segment name."""

    rule: PlacementRule
    satisfied: bool
    msgid: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self) -> str:
        return translate(self.msgid, **{k: _render(v) for k, v in self.params})


def _render(value: object) -> object:
    if isinstance(value, CenterProfile):
        return translate(SEGMENT_LABELS[value])
    if isinstance(value, tuple):
        return ", ".join(str(_render(v)) for v in value)
    return value


@dataclass(frozen=True)
class BedAssignment:
    person_id: str
    center_id: str
    area_id: str
    bed_id: str
    bed_code: str


@dataclass(frozen=True)
class Suggestion:
    """One ranked option: a bed for every member, the soft rules it relaxes (by priority) and
    the explanations (satisfied and relaxed rules)."""

    assignments: tuple[BedAssignment, ...]
    relaxed: tuple[PlacementRule, ...]
    explanations: tuple[Explanation, ...]

    @property
    def satisfies_all(self) -> bool:
        return not self.relaxed

    @property
    def area_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.area_id for a in self.assignments))

    @property
    def center_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.center_id for a in self.assignments))

    def bed_of(self, person_id: str) -> BedAssignment:
        return next(a for a in self.assignments if a.person_id == person_id)


@dataclass(frozen=True)
class PlacementResult:
    """Suggestions best first. ``notices`` concern the household whatever the option (DIF
    protection route, urgent care, no option). ``all_rules_satisfied`` is False when even the
    best option relaxes a rule (listed in ``relaxed``) or when there is no option at all."""

    suggestions: tuple[Suggestion, ...]
    notices: tuple[Explanation, ...]
    dif_protection_route: bool
    urgent_care: bool

    @property
    def all_rules_satisfied(self) -> bool:
        return bool(self.suggestions) and self.suggestions[0].satisfies_all

    @property
    def relaxed(self) -> tuple[PlacementRule, ...]:
        return self.suggestions[0].relaxed if self.suggestions else ()

    @property
    def best(self) -> Suggestion | None:
        return self.suggestions[0] if self.suggestions else None


_TRAILING_NUMBER = re.compile(r"(\d+)\D*$")


def bed_position(bed: FreeBed) -> int | None:
    """Position of a bed for adjacency: explicit, else the last number in its code."""
    if bed.position is not None:
        return bed.position
    match = _TRAILING_NUMBER.search(bed.code)
    return int(match.group(1)) if match else None


def is_protected_minor(member: Member, household: tuple[Member, ...]) -> bool:
    """An unaccompanied minor for the DIF protection route: a minor (or a person presumed a
    minor, whose age is uncertain) flagged unaccompanied, or related to the head as
    unaccompanied / non-relative, or in a household without any adult of certain age."""
    if member.is_adult:
        return False
    if member.unaccompanied or member.relationship in (Relationship.UNACCOMPANIED,
                                                       Relationship.NON_RELATIVE):
        return True
    return not any(m.is_adult for m in household)
