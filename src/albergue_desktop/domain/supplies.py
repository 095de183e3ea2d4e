"""Supplies: the catalog of items handed out at the shelters (bedding, hygiene, food,
diapers and clothing by size, infant formula), the kits (lists of items), the partners that
donate, meal services and the water and sanitation indicators. Pure data and rules; the
service is :mod:`albergue_desktop.services.supplies` and the design note docs/supplies.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


@dataclass(frozen=True)
class SupplyItem:
    code: str
    name: str  # Spanish, as printed on the warehouse shelves and receipts
    unit: str  # what a quantity counts
    category: str  # bedding | hygiene | food | infant | clothing
    low_stock: int | None = None  # per center: a local stock-rotation setting


SUPPLY_CATALOG_SOURCE = "Catálogo de insumos del albergue"

SUPPLIES: tuple[SupplyItem, ...] = (
    SupplyItem("cobija", "Cobija", "pieza", "bedding", 40),
    SupplyItem("colchoneta", "Colchoneta", "pieza", "bedding", 20),
    SupplyItem("almohada", "Almohada", "pieza", "bedding", 20),
    SupplyItem("toalla-bano", "Toalla de baño", "pieza", "hygiene", 30),
    SupplyItem("jabon", "Jabón de tocador", "barra", "hygiene", 50),
    SupplyItem("cepillo-dental", "Cepillo dental", "pieza", "hygiene", 50),
    SupplyItem("pasta-dental", "Pasta dental", "tubo", "hygiene", 40),
    SupplyItem("shampoo", "Shampoo", "frasco", "hygiene", 30),
    SupplyItem("desodorante", "Desodorante", "pieza", "hygiene", 30),
    SupplyItem("papel-higienico", "Papel higiénico", "rollo", "hygiene", 100),
    SupplyItem("toalla-sanitaria", "Toallas sanitarias", "paquete", "hygiene", 30),
    SupplyItem("peine", "Peine", "pieza", "hygiene", 20),
    SupplyItem("despensa", "Despensa", "paquete", "food", 20),
    SupplyItem("agua-garrafon", "Agua purificada (garrafón 20 L)", "garrafón", "food", 10),
    SupplyItem("formula-lactea", "Fórmula infantil (lata)", "lata", "infant", 10),
    SupplyItem("toallitas-humedas", "Toallitas húmedas", "paquete", "infant", 20),
    SupplyItem("panal-1", "Pañal etapa 1 (0–3 meses)", "pieza", "infant", 100),
    SupplyItem("panal-2", "Pañal etapa 2 (3–6 meses)", "pieza", "infant", 100),
    SupplyItem("panal-3", "Pañal etapa 3 (6–12 meses)", "pieza", "infant", 100),
    SupplyItem("panal-4", "Pañal etapa 4 (1–2 años)", "pieza", "infant", 100),
    SupplyItem("panal-5", "Pañal etapa 5 (2–3 años)", "pieza", "infant", 100),
    SupplyItem("ropa-bebe", "Ropa de bebé (0–2 años)", "pieza", "clothing", 20),
    SupplyItem("ropa-nino-3-5", "Ropa infantil talla 4 (3–5 años)", "pieza", "clothing", 20),
    SupplyItem("ropa-nino-6-9", "Ropa infantil talla 8 (6–9 años)", "pieza", "clothing", 20),
    SupplyItem("ropa-nino-10-13", "Ropa infantil talla 12 (10–13 años)", "pieza", "clothing",
               20),
    SupplyItem("ropa-adulto-ch", "Ropa de adulto talla CH", "pieza", "clothing", 20),
    SupplyItem("ropa-adulto-m", "Ropa de adulto talla M", "pieza", "clothing", 20),
    SupplyItem("ropa-adulto-g", "Ropa de adulto talla G", "pieza", "clothing", 20),
    SupplyItem("ropa-adulto-eg", "Ropa de adulto talla EG", "pieza", "clothing", 20),
    SupplyItem("chamarra", "Chamarra", "pieza", "clothing", 20),
)
SUPPLY_BY_CODE = {s.code: s for s in SUPPLIES}


class Per(StrEnum):
    """What a kit line's quantity is multiplied by."""

    HOUSEHOLD = "household"  # once per household
    PERSON = "person"  # each member
    WOMAN = "woman"  # each woman aged 12 to 49 (menstrual hygiene)
    CHILD_UNDER_3 = "child_under_3"  # each child in diapers (code chosen by age)
    INFANT = "infant"  # each baby under 12 months (formula: only after assessment)
    BY_AGE = "by_age"  # each member, clothing by age (code chosen by age)


@dataclass(frozen=True)
class KitLine:
    code: str  # a SUPPLIES code, or "panal" / "ropa" resolved by age
    quantity: int
    per: Per = Per.HOUSEHOLD


@dataclass(frozen=True)
class Kit:
    code: str
    name: str
    lines: tuple[KitLine, ...]


# Diapers: 5 a day for a week (the default repeat period), a local setting the warehouse
# adjusts to what is in stock. Formula: the Operational Guidance on Infant and Young Child
# Feeding in Emergencies (IFE Core Group, v3.0, 2017, sections 6.4 and 6.5) says breast-milk
# substitutes are given only to infants who need them after an individual assessment, never
# in a general distribution: the screen suggests it for babies under 12 months and says so.
DIAPERS_PER_WEEK = 35
FORMULA_TINS_PER_WEEK = 2

KITS: tuple[Kit, ...] = (
    Kit("kit-aseo", "Kit de aseo", (
        KitLine("jabon", 1, Per.PERSON), KitLine("cepillo-dental", 1, Per.PERSON),
        KitLine("pasta-dental", 1, Per.HOUSEHOLD), KitLine("shampoo", 1, Per.HOUSEHOLD),
        KitLine("desodorante", 1, Per.HOUSEHOLD), KitLine("papel-higienico", 4, Per.HOUSEHOLD),
        KitLine("peine", 1, Per.HOUSEHOLD), KitLine("toalla-sanitaria", 2, Per.WOMAN))),
    Kit("kit-cama", "Kit de cama", (
        KitLine("cobija", 1, Per.PERSON), KitLine("colchoneta", 1, Per.PERSON),
        KitLine("almohada", 1, Per.PERSON))),
    Kit("kit-bebe", "Kit de bebé", (
        KitLine("panal", DIAPERS_PER_WEEK, Per.CHILD_UNDER_3),
        KitLine("toallitas-humedas", 1, Per.CHILD_UNDER_3),
        KitLine("formula-lactea", FORMULA_TINS_PER_WEEK, Per.INFANT))),
    Kit("kit-ropa", "Kit de ropa", (KitLine("ropa", 2, Per.BY_AGE),
                                    KitLine("chamarra", 1, Per.PERSON))),
    Kit("despensa", "Despensa", (KitLine("despensa", 1, Per.HOUSEHOLD),)),
)
KIT_BY_CODE = {k.code: k for k in KITS}


@dataclass(frozen=True)
class Member:
    """A household member as the suggestion needs them: no name."""

    sex: str | None
    birth_date: date | None


def age_months(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    months = (today.year - birth.year) * 12 + today.month - birth.month
    if today.day < birth.day:
        months -= 1
    return max(months, 0)


def diaper_code(months: int) -> str:
    for limit, code in ((3, "panal-1"), (6, "panal-2"), (12, "panal-3"), (24, "panal-4")):
        if months < limit:
            return code
    return "panal-5"


def clothing_code(months: int | None) -> str:
    if months is None:
        return "ropa-adulto-m"
    years = months // 12
    if years < 3:
        return "ropa-bebe"
    if years < 6:
        return "ropa-nino-3-5"
    if years < 10:
        return "ropa-nino-6-9"
    if years < 14:
        return "ropa-nino-10-13"
    return "ropa-adulto-m"


@dataclass(frozen=True)
class Suggested:
    code: str
    quantity: int
    why: str  # English source text, translated when shown ("per person", "2 babies"...)


def suggest(kit: Kit, members: list[Member], today: date) -> list[Suggested]:
    """The quantities of a kit for a household: each line times the members it is for.
    Lines that apply to nobody are left out; the same item from two lines is added up."""
    totals: dict[str, int] = {}
    why: dict[str, str] = {}
    ages = [age_months(m.birth_date, today) for m in members]
    for line in kit.lines:
        if line.per is Per.HOUSEHOLD:
            totals[line.code] = totals.get(line.code, 0) + line.quantity
            why.setdefault(line.code, "per household")
        elif line.per is Per.PERSON:
            totals[line.code] = totals.get(line.code, 0) + line.quantity * max(len(members), 1)
            why.setdefault(line.code, "per person")
        elif line.per is Per.WOMAN:
            n = sum(1 for m, a in zip(members, ages, strict=True)
                    if m.sex == "F" and a is not None and 12 * 12 <= a < 50 * 12)
            if n:
                totals[line.code] = totals.get(line.code, 0) + line.quantity * n
                why.setdefault(line.code, "per woman aged 12 to 49")
        elif line.per in (Per.CHILD_UNDER_3, Per.INFANT):
            limit = 36 if line.per is Per.CHILD_UNDER_3 else 12
            for a in ages:
                if a is None or a >= limit:
                    continue
                code = diaper_code(a) if line.code == "panal" else line.code
                totals[code] = totals.get(code, 0) + line.quantity
                why.setdefault(code, "per child under 3" if limit == 36 else
                               "per baby under 12 months, after assessing the need "
                               "(IFE Operational Guidance 2017)")
        else:  # BY_AGE
            for a in ages:
                code = clothing_code(a) if line.code == "ropa" else line.code
                totals[code] = totals.get(code, 0) + line.quantity
                why.setdefault(code, "by age")
    return [Suggested(c, q, why[c]) for c, q in totals.items() if q > 0]


# --- donors --------------------------------------------------------------------------------

class DonorKind(StrEnum):
    PARTNER = "partner"  # one of PARTNERS
    ORGANIZATION = "organization"  # another organization or business, by name
    PERSON = "person"  # a private donor, by name


# The partners of the Mexicali 2021 program that gave goods or food (program sheet,
# "Articulación con otros actores"); code -> name as printed.
PARTNERS: dict[str, str] = {
    "ACNUR": "ACNUR – Alto Comisionado de las Naciones Unidas para los Refugiados",
    "DIF-ESTATAL": "DIF Estatal – Sistema Estatal para el Desarrollo Integral de la Familia",
    "DIF-MUNICIPAL": "DIF Municipal Mexicali",
    "SEDENA": "SEDENA – Secretaría de la Defensa Nacional",
    "ISESALUD": "ISESALUD – Instituto de Servicios de Salud Pública",
    "UNICEF": "UNICEF",
    "OIM": "OIM – Organización Internacional para las Migraciones",
    "BISOM": "BISOM – Bienestar Social Municipal",
    "PCE": "Protección Civil Estatal",
}


def donor_label(kind: str, donor: str) -> str:
    return PARTNERS.get(donor, donor) if kind == DonorKind.PARTNER else donor


# --- meals -----------------------------------------------------------------------------------

class MealKind(StrEnum):
    BREAKFAST = "breakfast"
    LUNCH = "lunch"
    DINNER = "dinner"


# --- water, sanitation and hygiene ---------------------------------------------------------
# Sphere Handbook 2018 (Sphere Association, 4th edition), WASH chapter:
# - Water supply standard 2.1, key indicator: average water volume for drinking and
#   domestic hygiene of at least 15 litres per person per day;
# - Water supply standard 2.1, guidance (maximum numbers of people per water source): 250
#   people per tap at a flow of 7.5 litres per minute;
# - Excreta management standard 3.2 and its appendix table (communal settings): one toilet
#   per 20 people (the 1 per 50 of the first days is not a target for a shelter that stays
#   open for weeks: the stricter number is used, to err toward more care).
# Showers: UNHCR Emergency Handbook (4th edition), WASH in camps and collective centres:
# one shower per 50 people.
SPHERE_LITRES_PER_PERSON_DAY = 15
SPHERE_PEOPLE_PER_TOILET = 20
SPHERE_PEOPLE_PER_WATER_POINT = 250
UNHCR_PEOPLE_PER_SHOWER = 50


@dataclass(frozen=True)
class WashShortfall:
    msgid: str  # English source text
    params: dict[str, object]


def wash_shortfalls(people: int, *, toilets: int, showers: int, water_points: int,
                    litres_per_day: int) -> list[WashShortfall]:
    """Where a center with ``people`` present falls short of the Sphere (and UNHCR showers)
    indicators. Empty when nobody is present or every indicator is met."""
    if people <= 0:
        return []
    out = []
    if toilets * SPHERE_PEOPLE_PER_TOILET < people:
        out.append(WashShortfall(
            "{people} people and {toilets} toilets: Sphere asks for at most {limit} people "
            "per toilet ({needed} toilets).",
            {"people": people, "toilets": toilets, "limit": SPHERE_PEOPLE_PER_TOILET,
             "needed": -(-people // SPHERE_PEOPLE_PER_TOILET)}))
    if showers * UNHCR_PEOPLE_PER_SHOWER < people:
        out.append(WashShortfall(
            "{people} people and {showers} showers: at most {limit} people per shower "
            "({needed} showers).",
            {"people": people, "showers": showers, "limit": UNHCR_PEOPLE_PER_SHOWER,
             "needed": -(-people // UNHCR_PEOPLE_PER_SHOWER)}))
    if water_points * SPHERE_PEOPLE_PER_WATER_POINT < people:
        out.append(WashShortfall(
            "{people} people and {points} water points: Sphere asks for at most {limit} "
            "people per tap ({needed} water points).",
            {"people": people, "points": water_points, "limit": SPHERE_PEOPLE_PER_WATER_POINT,
             "needed": -(-people // SPHERE_PEOPLE_PER_WATER_POINT)}))
    if litres_per_day < people * SPHERE_LITRES_PER_PERSON_DAY:
        out.append(WashShortfall(
            "{litres} litres a day for {people} people is {each} litres per person; Sphere "
            "asks for at least {limit}.",
            {"litres": litres_per_day, "people": people,
             "each": round(litres_per_day / people, 1), "limit": SPHERE_LITRES_PER_PERSON_DAY}))
    return out
