"""Human labels for stored codes, in the current language (English source, Spanish default)."""

from __future__ import annotations

from .i18n import language

_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    # kind -> code -> (English, Spanish)
    "sex": {"F": ("Female", "Mujer"), "M": ("Male", "Hombre"), "X": ("Other", "Otro")},
    "person_status": {
        "present": ("Present", "En albergue"),
        "discharged": ("Discharged", "Egresado"),
        "registered": ("Registered", "Registrado"),
        "in_transit": ("In transit (transfer)", "En traslado"),
    },
    "stay_status": {
        "open": ("Present", "En albergue"),
        "pending": ("Expected arrival", "Llegada pendiente"),
        "closed": ("Closed", "Cerrada"),
    },
    "bedding": {
        "cot": ("Cot", "Catre"), "mat": ("Mat", "Colchoneta"),
        "blanket": ("Blanket", "Cobija"), "pillow": ("Pillow", "Almohada"),
    },
    "bed_status": {
        "available": ("available", "disponible"),
        "occupied": ("occupied", "ocupada"),
        "out_of_service": ("out of service", "fuera de servicio"),
    },
    "bed_kind": {"cot": ("Cot", "Catre"), "mat": ("Mat", "Colchoneta"), "crib": ("Crib", "Cuna")},
    "relationship": {
        "head": ("Head of household", "Jefe(a) de familia"),
        "spouse": ("Spouse or partner", "Cónyuge o pareja"),
        "child": ("Son or daughter", "Hijo(a)"),
        "other_relative": ("Other relative", "Otro familiar"),
        "non_relative": ("Not related", "Sin parentesco"),
        "unaccompanied": ("Unaccompanied", "No acompañado(a)"),
    },
    "civil_status": {
        "single": ("Single", "Soltero(a)"),
        "married": ("Married", "Casado(a)"),
        "cohabiting": ("Cohabiting", "Unión libre"),
        "divorced": ("Divorced", "Divorciado(a)"),
        "separated": ("Separated", "Separado(a)"),
        "widowed": ("Widowed", "Viudo(a)"),
    },
    "checkout_reason": {
        "transfer": ("Transfer to another center", "Traslado a otro centro"),
        "housing": ("Discharge to housing", "Egreso a vivienda"),
        "hospital": ("Hospital", "Hospital"),
        "voluntary": ("Voluntary departure", "Salida voluntaria"),
        "other_city": ("Other city", "Otra ciudad"),
        "return": ("Return", "Retorno"),
        "other": ("Other", "Otro"),
    },
    "migratory_status": {
        "visitante": ("Visitor without work permit", "Visitante sin permiso para trabajar"),
        "visitante_con_permiso": ("Visitor with work permit",
                                  "Visitante con permiso para trabajar"),
        "tvrh": ("Humanitarian visitor (TVRH)", "Visitante por razones humanitarias (TVRH)"),
        "residente_temporal": ("Temporary resident", "Residente temporal"),
        "residente_permanente": ("Permanent resident", "Residente permanente"),
        "solicitante_refugio": ("Asylum seeker (COMAR)", "Solicitante de refugio (COMAR)"),
        "fmm": ("Multiple migratory form (FMM)", "Forma migratoria múltiple (FMM)"),
        "irregular": ("Irregular / no document", "Irregular / sin documento"),
    },
    "doc_type": {
        "passport": ("Passport", "Pasaporte"),
        "ht_cin": ("Haitian national ID (CIN)", "Cédula haitiana (CIN)"),
        "ht_nif": ("Haitian tax ID (NIF)", "NIF haitiano"),
        "ht_ninu": ("Haitian unique ID (NINU)", "NINU haitiano"),
        "curp": ("CURP", "CURP"),
        "rfc": ("RFC", "RFC"),
        "tvrh_card": ("TVRH card", "Tarjeta TVRH"),
        "resident_card": ("Resident card", "Tarjeta de residente"),
        "comar_constancia": ("COMAR certificate", "Constancia de trámite COMAR"),
        "fmm": ("FMM", "FMM"),
        "birth_certificate": ("Birth certificate", "Acta de nacimiento"),
        "national_id": ("National ID", "Identificación nacional"),
        "other": ("Other", "Otro"),
    },
}

COUNTRIES: dict[str, tuple[str, str]] = {
    "HT": ("Haiti", "Haití"), "MX": ("Mexico", "México"), "HN": ("Honduras", "Honduras"),
    "GT": ("Guatemala", "Guatemala"), "SV": ("El Salvador", "El Salvador"),
    "NI": ("Nicaragua", "Nicaragua"), "VE": ("Venezuela", "Venezuela"), "CU": ("Cuba", "Cuba"),
    "CO": ("Colombia", "Colombia"), "EC": ("Ecuador", "Ecuador"), "BR": ("Brazil", "Brasil"),
    "CL": ("Chile", "Chile"), "DO": ("Dominican Republic", "República Dominicana"),
    "US": ("United States", "Estados Unidos"), "PE": ("Peru", "Perú"),
}

# The exit pathways' vocabularies (discharge, job bank, housing, legal, schooling).
from .pathway_text import LABELS as _PATHWAY_LABELS  # noqa: E402

_LABELS.update(_PATHWAY_LABELS)


def label(kind: str, code: str | None) -> str:
    """Label of ``code`` in vocabulary ``kind``; the code itself when unknown."""
    if code is None:
        return ""
    if kind == "country":
        pair = COUNTRIES.get(code.upper())
    else:
        pair = _LABELS.get(kind, {}).get(code)
    if pair is None:
        return code
    return pair[1] if language() == "es" else pair[0]


def choices(kind: str) -> list[tuple[str, str]]:
    """(code, label) pairs of a vocabulary, for combo boxes."""
    codes = COUNTRIES if kind == "country" else _LABELS[kind]
    return [(code, label(kind, code)) for code in codes]
