"""Registering many households at once (the spreadsheet import): the import's transaction.

:func:`register_households` is the bulk twin of :func:`services.people.register_household`:
the same validation (:func:`services.people.check_household`), the same folios (the next of
the center, in order), the same rows, stamps and ``create`` audit events, written set-based
in ONE transaction (all or nothing) instead of one ORM round per household.

``reports.excel_import`` reads the workbook and writes the error workbook; it calls this
service for the writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..domain.errors import NotFoundError, ValidationError
from ..domain.normalize import identifier_key, name_key
from ..storage import queries
from ..storage.bulk import RowFactory, insert_new_rows
from ..storage.db import Database
from ..storage.tables import Center, Household, IdentityDocument, Person, Vaccination
from .context import Actor
from .people import MemberInput, Registration, check_household, folio_prefix


def register_households(db: Database, actor: Actor, *, center_id: str,
                        households: Sequence[Sequence[MemberInput]],
                        today: date | None = None) -> list[Registration]:
    """Register every household (a list of members each) at ``center_id`` in one
    transaction. Every household is validated first; with any error nothing is written and
    :class:`ValidationError` names the household (``households.N.members.M.field``)."""
    today = today or date.today()
    checked, errors = [], []
    for n, members in enumerate(households):
        try:
            checked.append(check_household(actor, list(members), today))
        except ValidationError as exc:
            errors += [replace(e, field=f"households.{n}.{e.field}") for e in exc.errors]
    if errors:
        raise ValidationError(errors)
    make = {model: RowFactory(model) for model in (Household, Person, IdentityDocument,
                                                   Vaccination)}
    rows: dict[type, list[dict]] = {model: [] for model in make}
    registrations: list[Registration] = []
    with db.session(actor.username) as session:  # BEGIN IMMEDIATE: folios read under lock
        center = session.get(Center, center_id)
        if center is None or center.deleted:
            raise NotFoundError("center", center_id)
        prefix = folio_prefix(center)
        number = queries.next_folio_number(session=session, prefix=prefix)
        for members, (datas, head) in zip(households, checked):
            household = make[Household](center_id=center_id)
            rows[Household].append(household)
            ids, folios = [], []
            for member, data in zip(members, datas):
                folio = f"{prefix}{number:06d}"
                number += 1
                person = make[Person](**data, folio=folio, center_id=center_id,
                                      household_id=household["id"])
                person["search_key"] = name_key(" ".join(filter(None, (
                    person["given_names"], person["surnames"], person["document_name"]))))
                rows[Person].append(person)
                ids.append(person["id"])
                folios.append(folio)
                for doc in member.documents:
                    rows[IdentityDocument].append(make[IdentityDocument](
                        **doc.model_dump(), person_id=person["id"],
                        number_key=identifier_key(doc.number)))
                for vac in member.vaccinations:
                    rows[Vaccination].append(make[Vaccination](**vac.model_dump(),
                                                               person_id=person["id"]))
            household["head_person_id"] = ids[head]
            registrations.append(Registration(household["id"], ids, folios))
        # Documents before their people, foreign keys checked at commit: the person's
        # insert trigger indexes the name and every document at once.
        session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        insert_new_rows(session, [(Household, rows[Household]),
                                  (IdentityDocument, rows[IdentityDocument]),
                                  (Person, rows[Person]), (Vaccination, rows[Vaccination])])
    return registrations
