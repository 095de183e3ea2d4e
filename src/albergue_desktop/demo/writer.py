"""Bulk insertion of demo rows. Rows are plain mappings stamped by
:func:`storage.versioning.stamp_new_rows` (the same stamps, clock and ``change_seq`` as the
ORM flush hook), then inserted set-based with SQLAlchemy Core. The full-text index is kept
by the database triggers, as for any other write."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ..domain.enums import CheckoutReason, Relationship
from ..domain.errors import FieldError
from ..domain.normalize import clean_name, identifier_key, name_key
from ..domain.validation import validate_document, validate_person, validate_vaccination
from ..storage.tables import (
    Household, IdentityDocument, Person, Stay, SyncedBase, Vaccination,
)
from ..storage.bulk import RowFactory, insert_new_rows
from .details import household_data
from .plan import HouseholdPlan


def insert_rows(session: Session, model: type[SyncedBase], rows: list[dict[str, Any]]) -> None:
    """Stamp and insert ``rows`` of ``model`` set-based (the demo's sessions write no audit
    events): :func:`storage.bulk.insert_new_rows`, the path of the spreadsheet import."""
    insert_new_rows(session, [(model, rows)])


def tidy_person(data: dict[str, Any]) -> dict[str, Any]:
    """The same tidying the people service applies to a typed registration."""
    for name in ("given_names", "surnames", "document_name"):
        if data.get(name):
            data[name] = clean_name(data[name])
    for name in ("curp", "rfc"):
        data[name] = identifier_key(data[name]) if data.get(name) else None
    data["search_key"] = name_key(" ".join(filter(None, (
        data["given_names"], data["surnames"], data.get("document_name")))))
    return data


def check(person: dict[str, Any], documents: list[dict], vaccinations: list[dict],
          today: date) -> list[FieldError]:
    """Run the domain validators a registration must pass."""
    errors = validate_person(person, today=today)
    for i, doc in enumerate(documents):
        errors += validate_document(doc, today=today, prefix=f"documents.{i}.")
    for i, vac in enumerate(vaccinations):
        errors += validate_vaccination(vac, today=today, prefix=f"vaccinations.{i}.")
    return errors


PEOPLE_TABLES = (Household, IdentityDocument, Person, Vaccination, Stay)


class PeopleRows:
    """Builds the rows of a chunk of planned households: details drawn, validated, tidied,
    folios numbered per center in arrival order. Pure: touches no database."""

    def __init__(self, *, seed: int, today: date, center_ids: list[str],
                 bed_ids: list[list[str]], prefixes: list[str]) -> None:
        self.seed, self.today = seed, today
        self.center_ids, self.bed_ids, self.prefixes = center_ids, bed_ids, prefixes
        self.folios = [0] * len(center_ids)
        self.make = {model: RowFactory(model) for model in PEOPLE_TABLES}
        self.person_ids: dict[tuple[int, int], str] = {}  # (household, member) -> person id

    def build(self, chunk: list[HouseholdPlan]) -> tuple[dict[type, list[dict]], int]:
        rows: dict[type, list[dict]] = {model: [] for model in PEOPLE_TABLES}
        make, count = self.make, 0
        for hh in chunk:
            data = household_data(hh, self.seed)
            center = hh.center
            last = hh.legs[-1]
            household = make[Household](
                center_id=self.center_ids[center],
                couple_civil_status=data.couple_civil_status,
                address=last.destination if last.reason == CheckoutReason.HOUSING else None)
            rows[Household].append(household)
            for index, (member, person, docs, vacs) in enumerate(zip(
                    hh.members, data.people, data.documents, data.vaccinations)):
                errors = check(person, docs, vacs, self.today)
                if errors:
                    raise AssertionError(f"demo data fails validation: {errors}")
                self.folios[center] += 1
                row = make[Person](**tidy_person(person), household_id=household["id"],
                                   center_id=self.center_ids[center],
                                   folio=f"{self.prefixes[center]}{self.folios[center]:06d}")
                rows[Person].append(row)
                self.person_ids[hh.index, index] = row["id"]
                if member.relationship == Relationship.HEAD:
                    household["head_person_id"] = row["id"]
                for doc in docs:
                    rows[IdentityDocument].append(make[IdentityDocument](
                        **doc, person_id=row["id"], number_key=identifier_key(doc["number"])))
                for vac in vacs:
                    rows[Vaccination].append(make[Vaccination](**vac, person_id=row["id"]))
                for stay in member.stays:
                    rows[Stay].append(make[Stay](
                        person_id=row["id"], center_id=self.center_ids[stay.center],
                        bed_id=self.bed_ids[stay.area][stay.bed], check_in=stay.check_in,
                        check_out=stay.check_out, reason=stay.reason,
                        destination=stay.destination))
                count += 1
        return rows, count


def insert_people(session: Session, rows: dict[type, list[dict]]) -> None:
    # Documents go in before their people, with foreign keys checked at commit: the person's
    # insert trigger then indexes name and documents at once, instead of each document's
    # trigger re-indexing the person (three full-text writes per person instead of one).
    session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for model in PEOPLE_TABLES:
        insert_rows(session, model, rows[model])
