"""The demo's supplies, written through the services (services/supplies.py) so every row is
what the app itself would write:

- the supply catalog; at each center three donations in kind, scaled to the people the
  center lodged (the program received 48,963 donated articles for about 3,000 people, some
  16 per person): ACNUR (hygiene, diapers, clothing) in December, DIF Estatal (blankets and
  food packages) in December, and a private donor in January;
- distributions of a "kit de aseo" and a "despensa" to households present, through the
  distribution service (never negative, repeat-checked), for up to ``DISTRIBUTED_PER_CENTER``
  households per center (each distribution is one service transaction: the cap keeps the
  generation quick; the donations carry the program's volume);
- the meals of the last three days at each center (three services a day, SEDENA's lunch), the
  present count as served.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..domain.enums import Role
from ..domain.stock import NotEnoughStock
from ..services import supplies
from ..services.context import Actor
from ..services.stock import item_id_for
from ..storage.db import Database
from .catalog import AS_OF
from .pharmacy import _at, _present, _stays
from .plan import HouseholdPlan

DISTRIBUTED_PER_CENTER = 10
ARTICLES_PER_PERSON = 48_963 / 3_000
# (donor kind, donor, day, value MXN per unit, {item code: share of the donation})
DONATIONS = (
    ("partner", "ACNUR", date(2021, 12, 14), 35.0,
     {"jabon": 0.14, "cepillo-dental": 0.12, "pasta-dental": 0.07, "shampoo": 0.06,
      "desodorante": 0.06, "papel-higienico": 0.2, "toalla-sanitaria": 0.06, "peine": 0.04,
      "panal-2": 0.03, "panal-3": 0.04, "panal-4": 0.05, "panal-5": 0.03,
      "toallitas-humedas": 0.03, "formula-lactea": 0.01, "ropa-bebe": 0.02,
      "ropa-nino-3-5": 0.02, "ropa-nino-6-9": 0.02}),
    ("partner", "DIF-ESTATAL", date(2021, 12, 18), 180.0,
     {"cobija": 0.45, "colchoneta": 0.2, "almohada": 0.15, "despensa": 0.2}),
    ("person", "Donativo ciudadano (colecta)", date(2022, 1, 6), None,
     {"chamarra": 0.3, "ropa-adulto-m": 0.25, "ropa-adulto-g": 0.25, "toalla-bano": 0.2}),
)
SHARE = (0.6, 0.3, 0.1)  # of a center's articles, per donation above


def write_supplies(db: Database, households: list[HouseholdPlan],
                   person_ids: dict[tuple[int, int], str], center_ids: list[str],
                   seed: int, user: str) -> dict[str, int]:
    """Write the demo's supplies (see the module docstring). Returns counts."""
    rng = random.Random(f"supplies:{seed}")
    staff = Actor(user, Role.COORDINATOR)
    supplies.load_catalog(db, staff)
    stays = _stays(households, person_ids)
    counts = {"donations": 0, "articles": 0, "distributions": 0, "meals": 0}
    for n, center_id in enumerate(center_ids):
        lodged = len({pid for pid, _b, c, _f, _o in stays if c == n})
        if not lodged:
            continue
        for (kind, donor, day, unit_value, shares), share in zip(DONATIONS, SHARE,
                                                                   strict=True):
            units = lodged * ARTICLES_PER_PERSON * share
            lines = [supplies.DonationLine(item_id_for(code), max(1, round(units * s)))
                     for code, s in shares.items()]
            total = sum(ln.quantity for ln in lines)
            supplies.record_donation(
                db, staff, center_id=center_id, received_on=day, donor_kind=kind,
                donor=donor, lines=lines, when=_at(day, 11),
                value_mxn=round(total * unit_value, 2) if unit_value else None)
            counts["donations"] += 1
            counts["articles"] += total
    by_person = {person_ids[hh.index, i]: hh for hh in households
                 for i in range(len(hh.members))}
    for n, center_id in enumerate(center_ids):
        day = AS_OF - timedelta(days=3)
        people = _present(stays, n, day)
        done: set[int] = set()
        rng.shuffle(people)
        for person_id, _birth in people:
            hh = by_person.get(person_id)
            if hh is None or hh.index in done or len(done) >= DISTRIBUTED_PER_CENTER:
                continue
            done.add(hh.index)
            recipient = supplies.recipient(db, staff, person_id, today=day)
            for kit, hour in (("kit-aseo", 10), ("despensa", 12)):
                lines = [supplies.DistributionLine(i, q)
                         for i, q, _w in supplies.suggest(recipient, kit, day)]
                try:
                    supplies.distribute(db, staff, center_id=center_id, person_id=person_id,
                                        lines=lines, kit_code=kit, when=_at(day, hour))
                except NotEnoughStock:
                    continue
                counts["distributions"] += 1
        for back in range(3):
            meal_day = AS_OF - timedelta(days=back + 1)
            present = len(_present(stays, n, meal_day))
            if not present:
                continue
            for service, provider in (("breakfast", "DIF-MUNICIPAL"), ("lunch", "SEDENA"),
                                      ("dinner", "DIF-MUNICIPAL")):
                supplies.record_meals(db, staff, center_id=center_id, day=meal_day,
                                      service=service, served=present, provider=provider,
                                      present=present)
                counts["meals"] += 1
    return counts
