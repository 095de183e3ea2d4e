"""The demo's pharmacy, written through the services (services/stock.py, pharmacy.py,
stock_transfers.py, vaccination_day.py) so every row is what the app itself would write:

- the curated medicine list, and at each center a donation in December (UNHCR/ACNUR kits,
  lots with a year or more of shelf life) and a purchase in January; one lot expiring in
  February (an "expires soon" alert) and, at the first center, one lot that expired on
  10 January with units left (an "expired: write it off" alert);
- a transfer of paracetamol from the first center to the second, received there;
- a few allergies (penicillin, sulfonamides, ibuprofen) among the people present;
- dispensings to people present, at the program's rate (714 medicines for 2,767 people over
  the 113 days of the program; by the demo's day, 15 January, about 8.7 per 100 people),
  skewed to the people screened with respiratory symptoms, each through the dispensing
  service (first expiring lot first, allergy-checked: an allergic person gets another
  medicine);
- an influenza vaccination day at the first center on 12 January (lot FLU-2122-MX07) for
  present children and adults who had no influenza dose recorded that day.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

from ..domain.enums import Role
from ..domain.stock import NotEnoughStock
from ..services import pharmacy, stock, stock_transfers, vaccination_day
from ..services.context import Actor
from ..storage.db import Database
from .catalog import AS_OF, MEXICALI_UTC_OFFSET_H
from .plan import HouseholdPlan

DISPENSED_PER_PERSON = 714 / 2767 * (AS_OF - date(2021, 12, 9)).days / 113
# (catalog code, units per center in the December donation, in the January purchase)
STOCKED = (
    ("paracetamol-tab-500", 1000, 500), ("paracetamol-susp-120", 60, 30),
    ("ibuprofeno-tab-400", 600, 200), ("ibuprofeno-susp-100", 30, 20),
    ("amoxicilina-cap-500", 420, 210), ("amoxicilina-susp-250", 30, 20),
    ("azitromicina-tab-500", 60, 0), ("tmp-smx-tab-80-400", 120, 0),
    ("metronidazol-tab-500", 120, 60), ("sro-sobre", 200, 100), ("zinc-tab-20", 100, 0),
    ("albendazol-tab-400", 150, 0), ("salbutamol-inh-100", 10, 5),
    ("loratadina-tab-10", 200, 0), ("omeprazol-cap-20", 140, 0),
    ("metformina-tab-850", 300, 120), ("losartan-tab-50", 300, 120),
    ("enalapril-tab-10", 200, 0), ("hierro-folico-tab", 300, 0),
    ("clotrimazol-crema-1", 20, 0), ("permetrina-crema-5", 20, 10),
)
# what a consultation most often ends with: (code, units, dose, days, weight)
REGIMENS = (
    ("paracetamol-tab-500", 10, "1 tableta cada 8 horas si hay fiebre o dolor", 3, 30),
    ("ibuprofeno-tab-400", 9, "1 tableta cada 8 horas con alimentos", 3, 10),
    ("amoxicilina-cap-500", 21, "1 cápsula cada 8 horas", 7, 12),
    ("loratadina-tab-10", 7, "1 tableta cada 24 horas", 7, 8),
    ("sro-sobre", 4, "1 sobre en 1 litro de agua, a tomar durante el día", 2, 8),
    ("albendazol-tab-400", 1, "1 tableta masticable, dosis única", 1, 6),
    ("omeprazol-cap-20", 14, "1 cápsula en ayunas", 14, 6),
    ("losartan-tab-50", 30, "1 tableta cada 24 horas", 30, 5),
    ("metformina-tab-850", 60, "1 tableta cada 12 horas con alimentos", 30, 5),
    ("metronidazol-tab-500", 21, "1 tableta cada 8 horas", 7, 4),
    ("permetrina-crema-5", 1, "aplicar en todo el cuerpo por la noche; repetir en 7 días",
     7, 3),
    ("hierro-folico-tab", 30, "1 tableta al día", 30, 3),
)
RESPIRATORY = ("paracetamol-tab-500", 10, "1 tableta cada 8 horas si hay fiebre", 3)
ALLERGIES = (("Penicilina", "urticaria"), ("Sulfonamidas", "erupción"),
             ("Ibuprofeno", "broncoespasmo"))


def _at(day: date, hour: int) -> datetime:
    """A local Mexicali hour of ``day`` as UTC."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc) + \
        timedelta(hours=MEXICALI_UTC_OFFSET_H)


Stays = list[tuple[str, date, int, date, date | None]]


def _stays(households: list[HouseholdPlan], person_ids) -> Stays:
    """(person id, birth date, center, first day, day out) of every planned stay."""
    return [(person_ids[hh.index, i], m.birth_date, s.center, s.check_in.date(),
             s.check_out.date() if s.check_out else None)
            for hh in households for i, m in enumerate(hh.members) for s in m.stays]


def _present(stays: Stays, center: int, on: date) -> list[tuple[str, date]]:
    """(person id, birth date) of the people staying at ``center`` on the day ``on``."""
    return [(pid, birth) for pid, birth, c, first, out in stays
            if c == center and first <= on and (out is None or out > on)]


def write_pharmacy(db: Database, households: list[HouseholdPlan],
                   person_ids: dict[tuple[int, int], str], center_ids: list[str],
                   seed: int, respiratory: set[str], nurse_name: str) -> dict[str, int]:
    """Write the demo's pharmacy (see the module docstring). ``respiratory``: the ids of
    the people screened as respiratory suspects. Returns counts of what was written."""
    rng = random.Random(f"pharmacy:{seed}")
    stays = _stays(households, person_ids)
    nurse = Actor(nurse_name, Role.HEALTH)
    pharmacy.load_catalog(db, nurse)
    counts = {"received": 0, "dispensed": 0, "vaccinated": 0, "allergies": 0}
    for n, center_id in enumerate(center_ids):
        with db.session(nurse.username) as session:   # a center's receipts: one transaction
            counts["received"] += _receive_all(session, nurse, n, center_id)
    if len(center_ids) > 1:
        sent = stock_transfers.send(
            db, nurse, from_center_id=center_ids[0], to_center_id=center_ids[1],
            item_id=stock.item_id_for("paracetamol-tab-500"), quantity=200,
            note="apoyo por brote respiratorio", when=_at(date(2022, 1, 8), 9))
        for sent_id in sent.movement_ids:
            stock_transfers.receive_sent(db, nurse, sent_id=sent_id,
                                         when=_at(date(2022, 1, 8), 13))
    # allergies, dispensings
    allergic: dict[str, str] = {}
    for n, center_id in enumerate(center_ids):
        people = _present(stays, n, AS_OF - timedelta(days=1))
        for person_id, _birth in rng.sample(people, k=min(len(people),
                                                          max(1, len(people) // 60))):
            substance, reaction = rng.choice(ALLERGIES)
            pharmacy.record_allergy(db, nurse, person_id=person_id, substance=substance,
                                    reaction=reaction, when=_at(date(2021, 12, 20), 10))
            allergic[person_id] = substance
            counts["allergies"] += 1
    weights = [r[4] for r in REGIMENS]
    for n, center_id in enumerate(center_ids):
        days = [date(2021, 12, 10) + timedelta(days=d)
                for d in range((AS_OF - date(2021, 12, 10)).days)]
        for day in days:
            people = _present(stays, n, day)
            wanted = rng.random() * 2 * DISPENSED_PER_PERSON * len(people) / len(days)
            for _ in range(int(wanted) + (rng.random() < wanted % 1)):
                if not people:
                    break
                person_id, _birth = rng.choice(people)
                code, units, dose, days_n = (RESPIRATORY if person_id in respiratory
                                             else rng.choices(REGIMENS, weights)[0][:4])
                if code == "amoxicilina-cap-500" and person_id in allergic:
                    code, units, dose, days_n = "azitromicina-tab-500", 3, \
                        "1 tableta cada 24 horas", 3
                if code.startswith("ibuprofeno") and allergic.get(person_id) == "Ibuprofeno":
                    code, units, dose, days_n = RESPIRATORY
                try:
                    pharmacy.dispense(db, nurse, person_id=person_id,
                                      item_id=stock.item_id_for(code), quantity=units,
                                      dose=dose, days=days_n, center_id=center_id,
                                      reason="consulta", when=_at(day, rng.randint(9, 18)))
                except (NotEnoughStock, pharmacy.AllergyWarning):
                    continue
                counts["dispensed"] += 1
    # the vaccination day
    campaign = vaccination_day.Campaign("influenza", "FLU-2122-MX07", date(2022, 1, 12),
                                        "Mexicali, B.C.")
    present = _present(stays, 0, campaign.day)
    for person_id, _birth in rng.sample(present, k=min(len(present), 40)):
        vaccination_day.record(db, nurse, person_id, campaign)
        counts["vaccinated"] += 1
    return counts


def _receive_all(session, nurse: Actor, n: int, center_id: str) -> int:
    """The December donation and the January purchase of center ``n`` (and, at the first
    center, a lot that expires before the demo's day)."""
    received = 0
    for k, (code, donated, bought) in enumerate(STOCKED):
        item = stock.item_id_for(code)
        lot = f"{code.split('-')[0][:4].upper()}-{2100 + 7 * n + k}"
        expiry = date(2022, 2, 28) if k == 1 else date(2023, 6 + k % 6, 28)
        stock.receive_in(session, nurse, center_id=center_id, item_id=item, quantity=donated,
                         lot_code=lot, expiry=expiry, note="ACNUR, donativo en especie",
                         when=_at(date(2021, 12, 12 + n % 5), 11))
        received += 1
        if bought:
            stock.receive_in(session, nurse, center_id=center_id, item_id=item,
                             quantity=bought, reason="purchase_in", lot_code=f"{lot}B",
                             expiry=date(2024, 1 + k % 12, 28), note="DIF Municipal",
                             when=_at(date(2022, 1, 5), 12))
            received += 1
    if n == 0:
        stock.receive_in(session, nurse, center_id=center_id,
                         item_id=stock.item_id_for("ibuprofeno-tab-400"), quantity=40,
                         lot_code="IBUP-EXP1", expiry=date(2022, 1, 10),
                         note="donativo de particulares", when=_at(date(2021, 12, 20), 10))
        received += 1
    return received
