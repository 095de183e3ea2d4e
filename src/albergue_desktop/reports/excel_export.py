"""The supervisor's workbook: a sheet per entity (centers, households, people, documents,
stays, and vaccinations for roles that may view health data) plus the roster, bed list,
daily census and impact reports. Written in write-only mode, atomically."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path

from ..domain import clock
from ..domain import labels
from ..domain.i18n import translate as _
from ..domain.labels import label
from ..domain.permissions import Permission
from ..domain.validation import age_on
from ..services import access_log
from ..services.context import Actor
from ..storage import export_queries as eq
from ..storage import report_queries as rq
from ..storage.db import Database
from . import common
from .bedlist import bed_state
from .census import compute_census, main_columns, main_values
from .impact import INDICATORS, compute_impact, value_text
from .output import write_atomically
from .roster import flags
from .xlsx import Column, Progress, discard, new_workbook, write_sheet


def _date(value) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) and value else value


class _Local:
    """Stored UTC text -> naive local datetime (Excel has no time zones). The UTC offset is
    looked up once per hour of the stored time (offsets change on the hour, if at all)."""

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self.offsets: dict[str, timedelta] = {}

    def __call__(self, value) -> datetime | None:
        if not value:
            return None
        if isinstance(value, datetime):
            moment = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
            return moment.astimezone(self.tz).replace(tzinfo=None)
        naive = datetime.fromisoformat(value)
        offset = self.offsets.get(value[:13])
        if offset is None:
            offset = naive.replace(tzinfo=timezone.utc).astimezone(self.tz).utcoffset()
            self.offsets[value[:13]] = offset
        return naive + offset


def _yes_no(value) -> str:
    return _("Yes") if value else _("No")


def _name(given: str | None, surnames: str | None) -> str:
    return f"{given or ''} {(surnames or '').upper()}".strip()


def _needs(raw, role: str) -> str:
    if raw == "[]" or not raw:  # most people: skip the JSON parser
        return ""
    codes = json.loads(raw) if isinstance(raw, str) else (raw or [])
    return ", ".join(common.visible_needs(codes, role=role))


def _people_rows(session, *, today: date, local: _Local, role: str, label=label):
    for r in eq.people(session=session):
        birth = _date(r.birth_date)
        yield (r.folio, r.given_names, r.surnames, r.document_name, label("sex", r.sex), birth,
               _yes_no(r.birth_date_estimated), _yes_no(r.age_in_doubt),
               age_on(birth, today) if birth else None,
               label("country", r.nationality), label("country", r.country_of_birth),
               label("civil_status", r.civil_status), label("relationship", r.relationship),
               r.household_folio,
               r.center, r.bed, label("person_status", r.status), r.phone,
               label("migratory_status", r.migratory_status), _date(r.migratory_status_from),
               _date(r.migratory_status_until), r.curp, r.rfc, _needs(r.specific_needs, role),
               _date(r.arrival_date), local(r.created_at))


def _cols(*spec: str) -> list[Column]:
    """'Header' or 'Header:kind' -> columns with translated headers."""
    out = []
    for item in spec:
        header, _sep, kind = item.partition(":")
        out.append(Column(_(header), kind or "text"))
    return out


PEOPLE = ("Folio", "Given names", "Surnames", "Name on document", "Sex", "Date of birth:date",
          "Estimated date", "Age in doubt", "Age:int", "Nationality", "Country of birth",
          "Civil status",
          "Relationship", "Household (head's folio)", "Center", "Bed", "Status", "Phone",
          "Migratory status", "Valid from:date", "Valid until:date", "CURP", "RFC",
          "Specific needs", "Arrival date:date", "Registered on:datetime")


@access_log.audited(access_log.EXPORT, "workbook")
def export_workbook(db: Database, actor: Actor, out, *, day: date | None = None,
                    tz: tzinfo | None = None, progress: Progress | None = None) -> Path:
    """Write the workbook to ``out``. ``progress(sheet, rows)`` is called as rows are
    written; an exception raised from it cancels the export (nothing is written)."""
    actor.require(Permission.VIEW_PEOPLE)
    day = day or clock.today()
    tz = tz or common.local_tz()
    health = common.can_see_health(actor)
    census = compute_census(db, actor, day, tz=tz)
    impact = compute_impact(db, actor, tz=tz)

    def write(path: Path) -> None:
        wb = new_workbook()
        try:
            _write_sheets(wb)
            wb.save(path)
        except BaseException:
            discard(wb)
            raise

    def _write_sheets(wb) -> None:
        # Labels are looked up once per code (hundreds of thousands of cells, few codes).
        label = lru_cache(maxsize=None)(labels.label)
        local = _Local(tz)
        area = lru_cache(maxsize=None)(  # (name, segment) as the role may see them
            lambda name, seg: common.area_label(name, seg, role=actor.role))
        with db.session(actor.username) as s:
            sheet = lambda title, cols, rows: write_sheet(  # noqa: E731
                wb, _(title), cols, rows, progress=progress)
            sheet("Centers", _cols("Code", "Name", "Folio prefix", "Address", "Status",
                                   "Profile", "Daily capacity:int", "Medical care", "Areas:int",
                                   "Beds:int", "Present:int"),
                  ((r.code, r.name, r.city_prefix, r.address,
                    common.center_status_label(r.status),
                    common.segment_label(r.profile), r.daily_capacity,
                    _yes_no(r.has_medical_care), r.areas, r.beds, r.present)
                   for r in eq.centers(session=s)))
            sheet("Households", _cols("Head's folio", "Head of household", "Center",
                                      "Members:int", "Couple's civil status", "Address", "Notes",
                                      "Registered on:datetime"),
                  ((r.head_folio, _name(r.head_given, r.head_surnames), r.center_code, r.size,
                    label("civil_status", r.couple_civil_status), r.address, r.notes,
                    local(r.created_at))
                   for r in eq.households(session=s)))
            sheet("People", _cols(*PEOPLE), _people_rows(s, today=day, local=local,
                                                          role=actor.role, label=label))
            sheet("Documents", _cols("Folio", "Name", "Document", "Number", "Issuing country",
                                     "Issued:date", "Expires:date"),
                  ((r.folio, _name(r.given_names, r.surnames), label("doc_type", r.doc_type),
                    r.number, label("country", r.issuing_country), _date(r.issue_date),
                    _date(r.expiry_date)) for r in eq.documents(session=s)))
            sheet("Stays", _cols("Folio", "Name", "Center", "Area", "Bed", "Check-in:datetime",
                                 "Check-out:datetime", "Reason for leaving", "Destination",
                                 "Notes"),
                  ((r.folio, _name(r.given_names, r.surnames), r.center,
                    area(r.area, r.area_segment)[0] if r.area else r.area, r.bed,
                    local(r.check_in), local(r.check_out),
                    label("checkout_reason", r.reason), r.destination, r.notes)
                   for r in eq.stays(session=s)))
            if health:
                sheet("Vaccinations", _cols("Folio", "Name", "Vaccine", "Brand", "Dose:int",
                                            "Date:date", "Lot", "Place"),
                      ((r.folio, _name(r.given_names, r.surnames), r.vaccine, r.brand, r.dose,
                        _date(r.date), r.lot, r.place) for r in eq.vaccinations(session=s)))
            sheet("Roster", _cols("Center", "Area", "Segment", "Bed", "Folio", "Name", "Sex",
                                  "Age:int", "Nationality", "Household", "Check-in:datetime",
                                  "Flags"),
                  ((r.center_code, *(area(r.area_name, r.area_segment) if r.area_name
                                     else (None, None)), r.bed_code, r.folio, r.full_name,
                    label("sex", r.sex), age_on(r.birth_date, day) if r.birth_date else None,
                    label("country", r.nationality), r.household_label,
                    local(r.check_in), flags(r, on=day, role=actor.role))
                   for r in rq.roster_rows(session=s)))
            sheet("Beds", _cols("Center", "Area", "Segment", "Bed", "Type", "Occupant or state",
                                "Folio"),
                  ((r.center_code, *area(r.area_name, r.area_segment),
                    r.bed_code, label("bed_kind", r.bed_kind), bed_state(r), r.folio)
                   for r in rq.bed_rows(session=s)))
        segments = common.segment_columns(census.segments, role=actor.role)
        columns = [Column(_("Center")), *(Column(h, "int") for h in main_columns(census)),
                   *(Column(header, "int") for header, _keys in segments)]
        write_sheet(wb, f"{_('Daily census')} {day:%d-%m-%Y}", columns,
                    ([f"{r.code} {r.name}".strip(), *main_values(r, census),
                      *(sum(r.by_segment[k] for k in keys) for _h, keys in segments)]
                     for r in [*census.centers, census.total]), progress=progress)
        sheet("Impact", _cols("Area", "Indicator", "Value", "How it is computed"),
              ((_(i.category), _(i.name), impact[i.key] if impact[i.key] is not None
                else value_text(None), _(i.method)) for i in INDICATORS))

    return write_atomically(out, write)
