"""The weekly epidemiological notification: new respiratory and diarrhoeal cases of one
epidemiological week by age group and sex (domain/epi_week.py gives the SUIVE-1 format).

Cases come from pluggable sources (:func:`register_source`): each returns the case events of
a period (person, condition, day). Built in: the intake screenings (a positive or urgent
result of the respiratory case definition; the IITT sign "vomits everything or ongoing
diarrhoea"). A module with diagnoses (consultations with ICD-10 codes) registers its own
source and can map codes with :func:`condition_of_icd10`. A person counts once per
condition and week, whatever the number of visits or sources (a new case, not a visit).
Counts only, no names; still health surveillance, so VIEW_HEALTH is required.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import text
from sqlmodel import Session

from ..domain.enums import Sex
from ..domain.epi_week import GROUP_LABELS, EpiWeek, age_group
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.report_queries import ts_param
from .context import Actor

RESPIRATORY = "respiratory"
DIARRHOEAL = "diarrhoeal"
CONDITIONS = (RESPIRATORY, DIARRHOEAL)

# ICD-10 groups of the SUIVE-1 rows the shelter reports (acute respiratory infections,
# pneumonia, influenza, COVID-19; intestinal infections). Prefixes of the code.
ICD10_CONDITIONS: dict[str, tuple[str, ...]] = {
    RESPIRATORY: ("J00", "J01", "J02", "J03", "J04", "J05", "J06", "J09", "J10", "J11",
                  "J12", "J13", "J14", "J15", "J16", "J17", "J18", "J20", "J21", "J22",
                  "U07.1"),
    DIARRHOEAL: ("A00", "A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09"),
}


def condition_of_icd10(code: str | None) -> str | None:
    """The notified condition of an ICD-10 code (None: not notified here)."""
    code = (code or "").strip().upper()
    for condition, prefixes in ICD10_CONDITIONS.items():
        if code.startswith(prefixes):
            return condition
    return None


@dataclass(frozen=True)
class CaseEvent:
    person_id: str
    condition: str  # RESPIRATORY | DIARRHOEAL
    day: date       # local day of the visit that found it
    center_id: str | None


CaseSource = Callable[[Session, datetime, datetime], Iterable[CaseEvent]]
_SOURCES: dict[str, CaseSource] = {}


def register_source(name: str, source: CaseSource) -> None:
    """Add (or replace) a source of case events: ``source(session, start, end)`` for visits
    in [start, end)."""
    _SOURCES[name] = source


def sources() -> tuple[str, ...]:
    return tuple(_SOURCES)


def _screening_cases(session: Session, start: datetime, end: datetime) -> Iterable[CaseEvent]:
    rows = session.connection().execute(text(
        "SELECT s.person_id, s.screened_at, s.center_id, s.respiratory_screen, s.signs "
        "FROM screening s WHERE s.deleted = 0 AND s.screened_at >= :start "
        "AND s.screened_at < :end AND NOT EXISTS (SELECT 1 FROM screening c "
        "WHERE c.corrects_id = s.id AND c.deleted = 0)"),
        {"start": ts_param(start), "end": ts_param(end)})
    from ..storage.report_queries import parse_ts
    for person_id, at, center_id, screen, signs in rows:
        moment = parse_ts(at)
        day = moment.astimezone().date() if moment else start.date()
        if screen in ("positive", "urgent"):
            yield CaseEvent(person_id, RESPIRATORY, day, center_id)
        if signs and "vomiting_or_diarrhoea" in str(signs):
            yield CaseEvent(person_id, DIARRHOEAL, day, center_id)


register_source("screening", _screening_cases)


@dataclass
class Notification:
    week: EpiWeek
    center_id: str | None
    # condition -> age group -> sex ("M", "F", "X") -> cases
    counts: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def cell(self, condition: str, group: str, sex: str) -> int:
        return self.counts.get(condition, {}).get(group, {}).get(sex, 0)

    def total(self, condition: str, sex: str | None = None) -> int:
        return sum(n for g in self.counts.get(condition, {}).values()
                   for s, n in g.items() if sex is None or s == sex)


def weekly_notification(db: Database, actor: Actor, week: EpiWeek, *,
                        center_id: str | None = None) -> Notification:
    """The new cases of ``week`` (at ``center_id``, or every center in the file)."""
    actor.require(Permission.VIEW_HEALTH)
    tz = datetime.now().astimezone().tzinfo
    start = datetime.combine(week.start, time.min, tzinfo=tz)
    end = datetime.combine(week.end + timedelta(days=1), time.min, tzinfo=tz)
    note = Notification(week, center_id, {c: {g: {} for g in GROUP_LABELS}
                                          for c in CONDITIONS}, sources())
    with db.read_session() as session:
        first: dict[tuple[str, str], CaseEvent] = {}
        for source in _SOURCES.values():
            for case in source(session, start, end):
                if center_id is not None and case.center_id != center_id:
                    continue
                key = (case.person_id, case.condition)
                if key not in first or case.day < first[key].day:
                    first[key] = case
        people = _people(session, {p for p, _ in first})
    for (person_id, condition), case in first.items():
        sex, birth = people.get(person_id, (None, None))
        group = age_group(birth, case.day)
        sex_key = sex if sex in (Sex.MALE, Sex.FEMALE) else "X"
        cells = note.counts.setdefault(condition, {}).setdefault(group, {})
        cells[sex_key] = cells.get(sex_key, 0) + 1
    return note


def _people(session: Session, ids: set[str]) -> dict[str, tuple[str | None, date | None]]:
    from ..storage.report_queries import parse_date
    found: dict[str, tuple[str | None, date | None]] = {}
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i:i + 500]
        marks = ", ".join(f":p{n}" for n in range(len(chunk)))
        for pid, sex, birth in session.connection().execute(text(
                f"SELECT id, sex, birth_date FROM person WHERE id IN ({marks})"),
                {f"p{n}": v for n, v in enumerate(chunk)}):
            found[pid] = (sex, parse_date(birth))
    return found
