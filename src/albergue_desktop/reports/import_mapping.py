"""Reading a legacy census spreadsheet: which column holds which field (guessed from Spanish,
English or French headers) and how each cell value becomes a stored value. Pure functions:
each parser returns the value or raises :class:`CellError` with a translatable message."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from openpyxl.utils.datetime import from_excel

from ..domain.labels import COUNTRIES
from ..domain.normalize import identifier_key, name_key

# field -> (English label, header synonyms). Headers are compared with name_key (case,
# accents and punctuation ignored), as whole words.
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "given_names": ("Given names", ("nombre", "nombres", "nombre s", "nombre de pila",
                                    "given name", "given names", "first name", "first names",
                                    "prenom", "prenoms")),
    "surnames": ("Surnames", ("apellido", "apellidos", "apellido s", "primer apellido",
                              "surname", "surnames", "last name", "family name",
                              "nom de famille", "nom")),
    "full_name": ("Full name", ("nombre completo", "nombre y apellidos", "full name", "name",
                                "nom complet")),
    "sex": ("Sex", ("sexo", "sex", "genero", "gender", "sexe")),
    "birth_date": ("Date of birth", ("fecha de nacimiento", "fecha nacimiento", "f nac",
                                     "fec nac", "nacimiento", "date of birth", "birth date",
                                     "birthdate", "dob", "date de naissance")),
    "age": ("Age", ("edad", "age", "anos", "edad anos")),
    # Staff's "edad en duda" (person.age_in_doubt): the person is presumed a minor
    # (LGDNNA art. 5, docs/placement.md); the column of the partner workbook reads back.
    "age_in_doubt": ("Age in doubt", ("edad en duda", "edad dudosa", "age in doubt",
                                      "age doubtful", "age douteux")),
    "nationality": ("Nationality", ("nacionalidad", "nationality", "pais de origen", "pais",
                                    "country", "nationalite")),
    "curp": ("CURP", ("curp",)),
    "passport": ("Passport", ("pasaporte", "no pasaporte", "numero de pasaporte", "passport",
                              "passport number", "passeport")),
    "phone": ("Phone", ("telefono", "tel", "celular", "movil", "whatsapp", "phone",
                        "phone number", "mobile", "telephone")),
    "household": ("Household", ("familia", "nucleo", "nucleo familiar", "grupo familiar",
                                "id familia", "no familia", "folio familia", "family",
                                "household", "family id", "household id", "famille")),
    "relationship": ("Relationship", ("parentesco", "relacion", "relationship",
                                      "relation", "lien de parente")),
    "arrival_date": ("Arrival date", ("fecha de llegada", "fecha de ingreso", "llegada",
                                      "ingreso", "arrival", "arrival date",
                                      "date d arrivee")),
    "notes": ("Notes", ("observaciones", "notas", "comentarios", "notes", "remarks",
                        "comments")),
}
REQUIRED_GROUPS: tuple[tuple[str, ...], ...] = (
    ("given_names", "full_name"), ("sex",), ("birth_date", "age"))


class CellError(Exception):
    def __init__(self, msgid: str, **params: object) -> None:
        super().__init__(msgid)
        self.msgid, self.params = msgid, params


def _contains(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(words[i:i + n] == phrase for i in range(len(words) - n + 1))


def guess_field(header: object) -> str | None:
    """The field a header names: an exact synonym first, else the longest synonym found
    as whole words inside it ("Fecha de nacimiento (dd/mm/aaaa)")."""
    key = name_key(str(header or ""))
    if not key:
        return None
    words = key.split()
    best: tuple[int, str] | None = None
    for fld, (_label, synonyms) in FIELDS.items():
        for syn in synonyms:
            if key == syn:
                return fld
            if _contains(words, syn.split()) and (best is None or len(syn) > best[0]):
                best = (len(syn), fld)
    return best[1] if best else None


# Fields that may span several columns, joined in column order ("Apellido paterno",
# "Apellido materno").
MULTI_COLUMN = frozenset({"given_names", "surnames", "notes"})


def guess_mapping(headers: list[object]) -> dict[int, str]:
    """Column index -> field; a field is taken by its first column (several columns for
    names and notes)."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        fld = guess_field(header)
        if fld and (fld in MULTI_COLUMN or fld not in mapping.values()):
            mapping[index] = fld
    return mapping


def missing_fields(mapping: dict[int, str]) -> list[str]:
    """English labels of the required fields the mapping lacks."""
    fields = set(mapping.values())
    return [FIELDS[group[0]][0] for group in REQUIRED_GROUPS if not fields & set(group)]


# --- values ---------------------------------------------------------------------------------

MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7,
    "ago": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dic": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "apr": 4,
    "aug": 8, "dec": 12, "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
    "juin": 6, "juillet": 7, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "decembre": 12, "janv": 1, "fevr": 2, "avr": 4, "juil": 7,
}
_NUMERIC = re.compile(r"^(\d{1,4})[/\-. ](\d{1,2})[/\-. ](\d{1,4})$")
_WORDY = re.compile(r"^(\d{1,2}) (?:de )?([a-z]+)(?: de| del)? (\d{4})$")


def _year(text: str, today: date) -> int:
    year = int(text)
    if len(text) <= 2:  # 2-digit year: the most recent past one
        year += 2000 if 2000 + year <= today.year else 1900
    return year


def _make(year: int, month: int, day: int, raw: object) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError("Impossible date: {value}.", value=raw) from None


def parse_date(value: object, *, today: date) -> date | None:
    """Real dates, Excel serial numbers, and text written dd/mm/yyyy (Mexican usage),
    yyyy-mm-dd or "5 de mayo de 1990". A text like 05/13/1990 that can only be
    month-first is read month-first."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2_958_466:
            return from_excel(value).date()
        raise CellError("Unrecognized date: {value}.", value=value)
    raw = str(value).strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d", raw):  # ISO date and time
        try:
            return datetime.fromisoformat(raw).date()
        except ValueError:
            raise CellError("Impossible date: {value}.", value=value) from None
    text = raw if re.search(r"\d[/\-.]\d", raw) else name_key(raw)
    if m := _NUMERIC.match(text):
        a, b, c = m.groups()
        if len(a) == 4:
            return _make(int(a), int(b), int(c), value)
        day, month = int(a), int(b)
        if month > 12 and day <= 12:
            day, month = month, day
        return _make(_year(c, today), month, day, value)
    if (m := _WORDY.match(text)) and m.group(2) in MONTHS:
        return _make(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)), value)
    raise CellError("Unrecognized date: {value}.", value=value)


def birth_from_age(value: object, *, today: date) -> date:
    """An age in years -> an estimated date of birth that gives that age today."""
    try:
        age = int(float(str(value).strip()))
    except ValueError:
        raise CellError("Unrecognized age: {value}.", value=value) from None
    if not 0 <= age <= 120:
        raise CellError("Unrecognized age: {value}.", value=value)
    try:
        anniversary = today.replace(year=today.year - age)
    except ValueError:  # 29 February
        anniversary = today.replace(year=today.year - age, day=28)
    return anniversary - timedelta(days=182)


_SEX = {"f": "F", "mujer": "F", "femenino": "F", "female": "F", "femme": "F", "feminin": "F",
        "h": "M", "hombre": "M", "masculino": "M", "male": "M", "homme": "M", "masculin": "M",
        "x": "X", "otro": "X", "other": "X"}


def sex_reader(values: list[object]):
    """A parser for the sex column. "M" means Mujer in a column that also uses "H"
    (Spanish H/M), Male in one that uses "F"; otherwise it is ambiguous."""
    keys = {name_key(str(v)) for v in values if v is not None}
    m_means = "F" if "h" in keys else ("M" if "f" in keys else None)

    def parse(value: object) -> str | None:
        key = name_key(str(value)) if value is not None else ""
        if not key:
            return None
        if key == "m":
            if m_means is None:
                raise CellError("Ambiguous sex \"M\": write Mujer or Hombre (or use H/M).")
            return m_means
        if key in _SEX:
            return _SEX[key]
        raise CellError("Unrecognized sex: {value}.", value=value)

    return parse


_DEMONYMS = {
    "HT": ("haitiana", "haitiano", "haitian", "haitien", "haitienne", "haiti", "ayiti"),
    "MX": ("mexicana", "mexicano", "mexican", "mexicain", "mexicaine"),
    "HN": ("hondurena", "hondureno", "honduran"), "GT": ("guatemalteca", "guatemalteco"),
    "SV": ("salvadorena", "salvadoreno"), "NI": ("nicaraguense",),
    "VE": ("venezolana", "venezolano", "venezuelan"), "CU": ("cubana", "cubano", "cuban"),
    "CO": ("colombiana", "colombiano"), "EC": ("ecuatoriana", "ecuatoriano"),
    "BR": ("brasilena", "brasileno", "brazilian", "bresilien", "bresilienne"),
    "CL": ("chilena", "chileno", "chilean"), "DO": ("dominicana", "dominicano"),
    "US": ("estadounidense", "american", "usa", "eua", "eeuu"), "PE": ("peruana", "peruano"),
}
_COUNTRY_KEYS = {name_key(word): code for code, words in _DEMONYMS.items() for word in words}
_COUNTRY_KEYS.update({name_key(n): code for code, names in COUNTRIES.items() for n in names})
_COUNTRY_KEYS.update({code.lower(): code for code in COUNTRIES})


def parse_country(value: object) -> str | None:
    key = name_key(str(value)) if value is not None else ""
    if not key:
        return None
    if key in _COUNTRY_KEYS:
        return _COUNTRY_KEYS[key]
    raise CellError("Unrecognized nationality: {value}.", value=value)


_RELATIONSHIPS = {
    "head": ("jefe", "jefa", "jefe a", "jefe de familia", "jefa de familia", "titular",
             "jefe a de familia",
             "head", "head of household", "chef de famille"),
    "spouse": ("esposa", "esposo", "conyuge", "pareja", "conyuge o pareja", "concubina",
               "concubino", "spouse", "wife", "husband", "partner", "epouse", "epoux"),
    "child": ("hijo", "hija", "hijo a", "child", "son", "daughter", "fils", "fille"),
    "other_relative": ("otro familiar", "hermano", "hermana", "madre", "padre", "abuela",
                       "abuelo", "nieto", "nieta", "sobrino", "sobrina", "tio", "tia", "primo",
                       "prima", "relative", "other relative"),
    "non_relative": ("sin parentesco", "amigo", "amiga", "conocido", "non relative", "friend"),
}
# (the Spanish labels of the partner workbook, "Jefe(a) de familia", read back too)
_RELATIONSHIP_KEYS = {w: code for code, words in _RELATIONSHIPS.items() for w in words}


def parse_relationship(value: object) -> str | None:
    key = name_key(str(value)) if value is not None else ""
    if not key:
        return None
    if key in _RELATIONSHIP_KEYS:
        return _RELATIONSHIP_KEYS[key]
    raise CellError("Unrecognized relationship: {value}.", value=value)


def parse_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # phone numbers and household numbers typed as numbers
    text = str(value).strip()
    return text or None


_YES = frozenset({"si", "s", "yes", "y", "x", "1", "true", "verdadero", "oui"})
_NO = frozenset({"no", "n", "0", "false", "falso", "non"})


def parse_yes_no(value: object) -> bool:
    """A yes/no cell ("Sí", "No", "x", 1, TRUE...); empty is no."""
    if value is None or value is False or value is True:
        return bool(value)
    key = name_key(str(parse_text(value) or ""))
    if not key or key in _NO:
        return False
    if key in _YES:
        return True
    raise CellError("Not a yes/no value: {value}.", value=value)


def parse_identifier(value: object) -> str | None:
    text = parse_text(value)
    return identifier_key(text) or None if text else None


def split_full_name(value: object) -> tuple[str, str]:
    """"Marie-Claude Saint-Vil" -> ("Marie-Claude", "Saint-Vil"): the last word is the
    surname (Haitian names often carry one surname; compound ones are hyphenated)."""
    words = (parse_text(value) or "").split()
    if len(words) < 2:
        return " ".join(words), ""
    return " ".join(words[:-1]), words[-1]
