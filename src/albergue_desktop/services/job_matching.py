"""Matching people and openings, with the reasons shown to staff.

The work experience recorded at registration (``person.work_experience``: occupation as
typed, years) is coded to ISCO-08 unit groups into the local table ``person_occupation``
(refreshed for the people changed since the last refresh, ``meta.occupation_seq``), so that
finding the welders among 100,000 people is one indexed query. A candidate scores for the
same unit group (or, less, the same minor group: related trades), years of experience, and
the documents that allow formal work (Ley de Migración: TVRH or residence; CURP; RFC; NSS).
Nothing is hidden from a candidate list for lacking documents: what is missing is a reason
shown beside the name, so staff can start the paperwork. docs/pathways.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import text
from sqlmodel import Session

from ..domain import clock
from ..domain.errors import NotFoundError
from ..domain.i18n import language
from ..domain.i18n import translate as _
from ..domain.labels import label
from ..domain.occupations import same_minor_group
from ..domain.pathways import WORK_ALLOWED, HiringFile, RfcStatus, missing_to_hire
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.reference import occupations
from ..storage.tables import JobOpening, Person
from .context import Actor

SEQ_KEY = "occupation_seq"
ADULT_YEARS = 18  # formal work (Ley Federal del Trabajo art. 22: 15-17 only with limits)

# score parts (documented in docs/pathways.md)
SAME_GROUP, SAME_MINOR_GROUP, PER_YEAR, MAX_YEARS = 60, 30, 2, 10
WORK_PERMIT, EACH_DOCUMENT = 15, 5


# the person's fields copied into person_occupation (in this order in the SELECT below)
_FACTS = ("given_names", "surnames", "folio", "birth_date", "migratory_status",
          "migratory_status_until", "curp", "rfc")


def refresh_occupations(session: Session) -> int:
    """Re-code the work experience of the people changed since the last refresh. Returns
    the number of people re-coded. Runs on the caller's write transaction."""
    conn = session.connection()
    last = int(conn.execute(text("SELECT value FROM meta WHERE key = :k"),
                            {"k": SEQ_KEY}).scalar() or 0)
    rows = conn.execute(text(
        "SELECT id, work_experience, deleted, merged_into_id, change_seq, given_names, "
        "surnames, folio, birth_date, migratory_status, migratory_status_until, curp, rfc "
        "FROM person WHERE change_seq > :last"), {"last": last}).all()
    if not rows:
        return 0
    index = occupations()
    ids = [r[0] for r in rows]
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join(f":p{j}" for j in range(len(chunk)))
        conn.execute(text(f"DELETE FROM person_occupation WHERE person_id IN ({marks})"),
                     {f"p{j}": v for j, v in enumerate(chunk)})
    inserts: list[dict] = []
    for pid, raw, deleted, merged, _seq, *facts in rows:
        if deleted or merged:
            continue
        try:
            jobs = json.loads(raw) if isinstance(raw, str) else (raw or [])
        except ValueError:
            jobs = []
        seen: dict[str, dict] = {}
        for job in jobs if isinstance(jobs, list) else []:
            if not isinstance(job, dict):
                continue
            typed = str(job.get("occupation") or "")
            code = index.code_of(typed)
            if code and code not in seen:
                years = job.get("years")
                seen[code] = {"p": pid, "c": code, "y": years if isinstance(years, int)
                              else None, "o": typed[:200], **dict(zip(_FACTS, facts))}
        inserts.extend(seen.values())
    if inserts:
        names = ", ".join(_FACTS)
        marks = ", ".join(f":{f}" for f in _FACTS)
        conn.execute(text(f"INSERT INTO person_occupation (person_id, isco_code, years, "
                          f"occupation, {names}) VALUES (:p, :c, :y, :o, {marks})"), inserts)
    top = max(r[4] for r in rows)
    conn.execute(text("INSERT OR REPLACE INTO meta(key, value) VALUES (:k, :v)"),
                 {"k": SEQ_KEY, "v": str(top)})
    return len(rows)


def ensure_index(db: Database, actor: Actor) -> int:
    """Bring the occupation index up to date (cheap when nothing changed)."""
    with db.session(actor.username, audit=False) as session:
        return refresh_occupations(session)


@dataclass
class Suggestion:
    person_id: str
    name: str
    folio: str | None
    score: int
    isco_code: str | None
    reasons: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass
class OpeningSuggestion:
    opening_id: str
    position: str
    employer: str
    score: int
    reasons: list[str] = field(default_factory=list)


def _age(birth: date | str | None, today: date) -> int | None:
    if birth is None:
        return None
    b = birth if isinstance(birth, date) else date.fromisoformat(str(birth)[:10])
    return today.year - b.year - ((today.month, today.day) < (b.month, b.day))


# The person's fields come from person_occupation's copy (live people only): the wide
# person row is never read.
_COLUMNS = """po.person_id, po.given_names, po.surnames, po.folio, po.birth_date,
       po.migratory_status, po.migratory_status_until, po.curp, po.rfc, po.isco_code,
       po.years, po.occupation, w.rfc_status, w.nss,
       EXISTS (SELECT 1 FROM identity_document d WHERE d.person_id = po.person_id
               AND d.deleted = 0 AND d.doc_type IN ('tvrh_card', 'resident_card')
               AND (d.expiry_date IS NULL OR d.expiry_date >= :today)) AS permit_doc"""
_FROM = """
FROM person_occupation po
LEFT JOIN work_paperwork w ON w.person_id = po.person_id AND w.deleted = 0
WHERE po.isco_code BETWEEN :lo AND :hi
  AND (po.birth_date IS NULL OR po.birth_date <= :adult)
  AND NOT EXISTS (SELECT 1 FROM job_placement jp WHERE jp.person_id = po.person_id
                  AND jp.deleted = 0 AND jp.outcome IN ('started', 'working_30_days'))
"""
_PRESENT = (" AND EXISTS (SELECT 1 FROM stay s WHERE s.person_id = po.person_id "
            "AND s.deleted = 0 AND s.check_out IS NULL)")
_ALLOWED = ", ".join(f"'{s}'" for s in sorted(WORK_ALLOWED))
# The score of _score() in SQL, so that only the best rows leave SQLite.
# (over the columns of _COLUMNS)
_SCORE = f"""(CASE WHEN isco_code = :code THEN {SAME_GROUP} ELSE {SAME_MINOR_GROUP} END
  + min(max(coalesce(years, 0), 0), {MAX_YEARS}) * {PER_YEAR}
  + CASE WHEN (migratory_status IN ({_ALLOWED}) AND (migratory_status_until IS NULL
               OR migratory_status_until >= :today)) OR permit_doc THEN {WORK_PERMIT} ELSE 0 END
  + CASE WHEN coalesce(curp, '') != '' THEN {EACH_DOCUMENT} ELSE 0 END
  + CASE WHEN coalesce(rfc, '') != '' AND coalesce(rfc_status, 'issued') = 'issued'
         THEN {EACH_DOCUMENT} ELSE 0 END
  + CASE WHEN nss IS NOT NULL THEN {EACH_DOCUMENT} ELSE 0 END)"""


def _params(isco: str, today: date) -> dict:
    adult = today.replace(year=today.year - ADULT_YEARS) if not (
        today.month == 2 and today.day == 29) else date(today.year - ADULT_YEARS, 2, 28)
    return {"lo": isco[:3] + "0", "hi": isco[:3] + "9", "code": isco,
            "today": today.isoformat(), "adult": adult.isoformat()}


def candidate_rows(session: Session, isco: str, today: date, present_only: bool) -> list:
    """The bare query of matching: every person coded in ``isco``'s minor group (the bench's
    baseline; matching itself sorts and keeps the best in SQL)."""
    return list(session.connection().execute(
        text(f"SELECT {_COLUMNS} {_FROM}" + (_PRESENT if present_only else "")),
        _params(isco, today)))


def best_rows(session: Session, isco: str, today: date, present_only: bool,
              limit: int) -> list:
    sql = (f"SELECT *, {_SCORE} AS score FROM (SELECT {_COLUMNS} {_FROM}"
           + (_PRESENT if present_only else "")
           + ") ORDER BY score DESC, given_names, surnames LIMIT :limit")
    return list(session.connection().execute(text(sql), {**_params(isco, today),
                                                         "limit": limit}))


def experience_text(typed: str, years_text: str, code: str) -> str:
    """"Experiencia: Soldador, 8 años (CIUO-08 7212)"; in English with the ILO's title (the
    classification ships its English titles only)."""
    if language() == "en":
        return _("Experience: {occupation}{years} (ISCO-08 {code}, {title})", occupation=typed,
                 years=years_text, code=code, title=occupations().title(code))
    return _("Experience: {occupation}{years} (ISCO-08 {code})", occupation=typed,
             years=years_text, code=code)


def _score(row, isco: str, today: date) -> Suggestion | None:
    (pid, given, surnames, folio, birth, status, until, curp, rfc, code, years, typed,
     rfc_status, nss, permit_doc) = row[:15]
    age = _age(birth, today)
    if age is not None and age < ADULT_YEARS:
        return None
    exact = code == isco
    score = SAME_GROUP if exact else SAME_MINOR_GROUP
    years_text = _(", {years} years", years=years) if years else ""
    reasons = [experience_text(typed, years_text, code)]
    if not exact and same_minor_group(code, isco):
        reasons[0] += " — " + _("related trade")
    score += min(years or 0, MAX_YEARS) * PER_YEAR
    if permit_doc and status not in WORK_ALLOWED:
        status, until = "tvrh", None
    until_d = date.fromisoformat(str(until)[:10]) if until else None
    hf = HiringFile(migratory_status=status, status_until=until_d, curp=curp,
                    rfc_status=rfc_status, rfc=rfc, nss=nss)
    missing = missing_to_hire(hf, today)
    if "work_permit" not in missing:
        score += WORK_PERMIT
        reasons.append(_("May work: {status}", status=label("migratory_status", status)
                         if status else ""))
    for code_ in ("curp", "rfc", "nss"):
        if code_ not in missing:
            score += EACH_DOCUMENT
    if rfc and rfc_status == RfcStatus.ISSUED:
        reasons.append(_("RFC issued"))
    if missing:
        reasons.append(_("Missing: {what}", what=", ".join(label("hiring_missing", m)
                                                           for m in missing)))
    return Suggestion(pid, f"{given} {surnames}".strip(), folio, score, code, reasons, missing)


def match_people(db: Database, actor: Actor, opening_id: str, *, limit: int = 50,
                 present_only: bool = False, refresh: bool = True) -> list[Suggestion]:
    """People for an opening, best first, each with the reasons."""
    actor.require(Permission.VIEW_PEOPLE)
    if refresh:
        ensure_index(db, actor)
    today = clock.today()
    with db.read_session() as session:
        opening = session.get(JobOpening, opening_id)
        if opening is None or opening.deleted:
            raise NotFoundError("job opening", opening_id)
        if not opening.isco_code:
            return []
        best: dict[str, Suggestion] = {}
        # twice the limit: a person coded twice in the minor group appears twice
        for row in best_rows(session, opening.isco_code, today, present_only, limit * 2):
            s = _score(row, opening.isco_code, today)
            if s and (s.person_id not in best or best[s.person_id].score < s.score):
                best[s.person_id] = s
    return sorted(best.values(), key=lambda s: (-s.score, s.name))[:limit]


def match_openings(db: Database, actor: Actor, person_id: str, *,
                   limit: int = 20) -> list[OpeningSuggestion]:
    """Open openings for a person, by their coded experience, with the reasons."""
    actor.require(Permission.VIEW_PEOPLE)
    ensure_index(db, actor)
    with db.read_session() as session:
        person = session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFoundError("person", person_id)
        conn = session.connection()
        mine = conn.execute(text("SELECT isco_code, years, occupation FROM person_occupation "
                                 "WHERE person_id = :p"), {"p": person_id}).all()
        rows = conn.execute(text(
            "SELECT o.id, o.position, o.isco_code, e.name, o.count, o.wage, o.wage_period, "
            "o.shift, o.place FROM job_opening o JOIN employer e ON e.id = o.employer_id "
            "WHERE o.deleted = 0 AND o.status = 'open'")).all()
    out = []
    for oid, position, code, employer, _count, wage, period, shift, place in rows:
        best = None
        for my_code, years, typed in mine:
            if not code:
                continue
            if my_code == code:
                score = SAME_GROUP + min(years or 0, MAX_YEARS) * PER_YEAR
            elif same_minor_group(my_code, code):
                score = SAME_MINOR_GROUP + min(years or 0, MAX_YEARS) * PER_YEAR
            else:
                continue
            if best is None or score > best[0]:
                best = (score, typed, my_code)
        if best is None:
            continue
        reasons = [experience_text(best[1], "", best[2])]
        if wage:
            reasons.append(_("Wage: ${wage:,.0f} per {period}", wage=wage,
                             period=label("wage_period", period)))
        if shift:
            reasons.append(_("Shift: {shift}", shift=shift))
        if place:
            reasons.append(_("Where: {place}", place=place))
        out.append(OpeningSuggestion(oid, position, employer, best[0], reasons))
    return sorted(out, key=lambda o: (-o.score, o.position))[:limit]
