"""Groups of a household for placement, and the ways to divide a household into groups.

Helpers of :mod:`.placement`: a :class:`Group` is placed in one area; a partition is a tuple
of member tuples. Every split keeps each child with at least one adult of the household.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from .enums import CenterProfile, Relationship, Sex
from .placement_model import Member

P = CenterProfile
Partition = tuple[tuple[Member, ...], ...]


@dataclass(frozen=True)
class Group:
    """Members placed together in one area (``protected``: unaccompanied minors)."""

    members: tuple[Member, ...]
    protected: bool = False

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def names(self) -> str:
        return ", ".join(m.label for m in self.members)

    def names_of(self, predicate: Callable[[Member], bool]) -> str:
        return ", ".join(m.label for m in self.members if predicate(m))

    @cached_property
    def needs_isolation(self) -> bool:
        return any(m.needs_isolation for m in self.members)

    @cached_property
    def all_cases(self) -> bool:
        """Every member is a respiratory case (the only people a shared isolation area takes)."""
        return all(m.needs_isolation for m in self.members)

    @cached_property
    def maternity(self) -> bool:
        return any(m.needs_maternity for m in self.members)

    @cached_property
    def medical(self) -> bool:
        return any(m.needs_medical_care for m in self.members)

    @cached_property
    def has_adult_male(self) -> bool:
        """A man who is, or may be (age uncertain), an adult: kept out of women's areas."""
        return any(m.may_be_adult_male for m in self.members)

    @cached_property
    def prefers_medical(self) -> bool:
        return any(m.urgent or m.needs_maternity for m in self.members)

    @cached_property
    def expected_segments(self) -> tuple[CenterProfile, ...] | None:
        """Segments that satisfy SEGMENT; None when the rule does not apply."""
        if self.protected or self.needs_isolation or self.maternity:
            return None
        if all(m.is_adult_male for m in self.members):
            expected = (P.SINGLE_MEN,) if self.size == 1 else (P.SINGLE_MEN, P.FAMILIES)
        elif self.size == 1 and self.members[0].sex is Sex.FEMALE:
            expected = (P.WOMEN_WITH_CHILDREN,)
        elif not self.has_adult_male:
            expected = (P.WOMEN_WITH_CHILDREN, P.FAMILIES)
        else:
            expected = (P.FAMILIES,)
        return expected + ((P.CHRONIC_CARE,) if self.medical else ())


# --- ways to divide a household --------------------------------------------------------------

def adults_first(members: Sequence[Member], *, mother_first: bool) -> list[Member]:
    order = {Relationship.HEAD: 0, Relationship.SPOUSE: 1, Relationship.OTHER_RELATIVE: 2}
    adults = sorted((m for m in members if m.is_adult),
                    key=lambda m: (not (mother_first and m.sex is Sex.FEMALE),
                                   order.get(m.relationship, 3)))
    return adults


def valid(groups: Sequence[Sequence[Member]]) -> bool:
    """Every group is non-empty and none has a child without an adult."""
    return all(g and any(m.is_adult for m in g) for g in groups)


def isolation_split(members: Sequence[Member]) -> Partition | None:
    cases = [m for m in members if m.needs_isolation]
    if not cases or len(cases) == len(members):
        return None
    if not any(m.is_adult for m in cases):
        carers = adults_first([m for m in members if m not in cases], mother_first=True)
        if not carers:
            return None
        cases.append(carers[0])
    others = [m for m in members if m not in cases]
    return (tuple(cases), tuple(others)) if others and valid([cases, others]) else None


def maternity_split(members: Sequence[Member]) -> Partition | None:
    mothers = [m for m in members if m.needs_maternity and m.is_adult]
    infants = [m for m in members if m.is_infant]
    if not any(m.needs_maternity for m in members) or not any(m.may_be_adult_male
                                                              for m in members):
        return None
    if infants and not mothers:
        mothers = [m for m in adults_first(members, mother_first=True) if m.sex is Sex.FEMALE][:1]
    first = mothers + [m for m in infants if m not in mothers]
    others = [m for m in members if m not in first]
    return (tuple(first), tuple(others)) if first and others and valid([first, others]) else None


def size_split(members: Sequence[Member], size: int) -> Partition | None:
    adults = adults_first(members, mother_first=any(m.is_infant for m in members))
    minors = sorted((m for m in members if not m.is_adult), key=lambda m: m.age_months or 0)
    if not adults:
        return None
    first = [adults[0], *minors[:size - 1]]
    first += [a for a in adults[1:]][:size - len(first)]
    others = [m for m in members if m not in first]
    return (tuple(first), tuple(others)) if others and valid([first, others]) else None


def partitions(rest: tuple[Member, ...], fits_whole: bool) -> list[Partition]:
    """The whole household first, then the splits worth ranking (see :mod:`.placement`)."""
    out: list[Partition] = [(rest,)]
    for split in (isolation_split(rest), maternity_split(rest)):
        if split:
            out.append(split)
    if not fits_whole:
        out += [s for size in range(len(rest) - 1, 0, -1) if (s := size_split(rest, size))]
    return list(dict.fromkeys(out))
