"""Spanish catalog of the Qt-free text of the health care modules (consultations,
referrals, pregnancy, births, mental health, the health desk, their PDFs); merged into
:data:`albergue_desktop.domain.i18n.ES`."""

from __future__ import annotations

HEALTH_ES: dict[str, str] = {
    # the pharmacy's records on the health timeline
    "Allergy": "Alergia",
    "{n} days": "{n} días",
    "mild": "leve",
    "moderate": "moderada",
    "severe": "grave",
    "view and record mental health and psychosocial notes":
        "ver y registrar notas de salud mental y apoyo psicosocial",
    # services
    "The text is too long (at most {max} characters).":
        "El texto es demasiado largo (máximo {max} caracteres).",
    "{code} is not an ICD-10 diagnosis code.": "{code} no es un código de diagnóstico CIE-10.",
    "The follow-up date is before the consultation.":
        "La fecha de seguimiento es anterior a la consulta.",
    "The follow-up date is more than a year away.":
        "La fecha de seguimiento está a más de un año.",
    "This record was already corrected; correct the latest version.":
        "Este registro ya fue corregido; corrija la versión más reciente.",
    "consultation": "la consulta",
    "referral": "la referencia",
    "visit": "la visita",
    "note": "la nota",
    "A referral {old} cannot become {new}.": "Una referencia {old} no puede pasar a {new}.",
    "sent": "enviada",
    "attended": "atendida",
    "returned": "con contrarreferencia",
    "did not attend": "no acudió",
    "Write the counter-referral note.": "Escriba la nota de contrarreferencia.",
    "Must be between {min} and {max}.": "Debe estar entre {min} y {max}.",
    "The diastolic pressure must be below the systolic.":
        "La presión diastólica debe ser menor que la sistólica.",
    "Only a woman can be recorded as the mother of a birth.":
        "Solo una mujer puede registrarse como madre en un nacimiento.",
    "The mother has no household to register the newborn in.":
        "La madre no tiene un núcleo familiar donde registrar al recién nacido.",
    "The mother has no center to register the newborn in.":
        "La madre no tiene un centro donde registrar al recién nacido.",
    "CURP pending (birth registered in Mexicali).":
        "CURP en trámite (nacimiento registrado en Mexicali).",
    "Born during the mother's stay.": "Nació durante la estancia de su madre.",
    # health desk
    "due today": "para hoy",
    "1 day overdue": "1 día de retraso",
    "{n} days overdue": "{n} días de retraso",
    "Consultation follow-up": "Seguimiento de consulta",
    "Prenatal visit": "Consulta prenatal",
    "Postnatal check": "Revisión posparto",
    "Health screening pending": "Tamizaje de salud pendiente",
    "{n} days left (until {day})": "Faltan {n} días (hasta el {day})",
    "Referral to {destination}": "Referencia a {destination}",
    "{status}, {n} days waiting": "{status}, {n} días de espera",
    "Psychosocial follow-up": "Seguimiento psicosocial",
    "Follow-ups due": "Seguimientos para hoy",
    "Pending screening": "Tamizaje pendiente",
    "In isolation": "En aislamiento",
    "Open referrals": "Referencias abiertas",
    "Psychosocial follow-ups": "Seguimientos psicosociales",
    "Low or expiring stock": "Existencias bajas o por caducar",
    # impact report
    "Consultations attended in the period (a correction does not count twice).":
        "Consultas atendidas en el periodo (una corrección no cuenta dos veces).",
    "Births": "Nacimientos",
    "Children born in the period, registered into their mother's household.":
        "Niñas y niños nacidos en el periodo, registrados en el núcleo familiar de su madre.",
    # pregnancy labels (domain.pregnancy.LABELS)
    "Vaginal bleeding": "Sangrado vaginal",
    "Loss of fluid through the vagina": "Salida de líquido por la vagina",
    "Visual disturbances (flashes of light)": "Alteraciones visuales (fosfenos)",
    "Ringing in the ears": "Zumbido de oídos (acúfenos)",
    "Pain in the pit of the stomach": "Dolor en la boca del estómago (epigastralgia)",
    "Swelling of face or hands": "Hinchazón de cara o manos",
    "Seizures": "Convulsiones",
    "Baby moves less or not at all": "El bebé se mueve menos o no se mueve",
    "Contractions before 37 weeks": "Contracciones antes de las 37 semanas",
    "Abdominal pain": "Dolor abdominal",
    "Persistent vomiting": "Vómito persistente",
    "Burning on urination": "Ardor al orinar",
    "Heavy bleeding after delivery": "Sangrado abundante después del parto",
    "Foul-smelling discharge": "Flujo con mal olor",
    "Difficulty breathing": "Dificultad para respirar",
    "Pain or swelling of a calf": "Dolor o hinchazón de una pantorrilla",
    "Persistent sadness or thoughts of self-harm":
        "Tristeza persistente o ideas de hacerse daño",
    "Routine follow-up": "Seguimiento de rutina",
    "Medical consultation today": "Consulta médica hoy",
    "Refer to obstetric emergency today": "Referir hoy a urgencias obstétricas",
    # timeline and PDFs
    "Screening": "Tamizaje",
    "Consultation": "Consulta",
    "Referral": "Referencia",
    "Birth": "Nacimiento",
    "Mental health note": "Nota de salud mental",
    "corrected by a later record": "corregido por un registro posterior",
    "corrects an earlier record": "corrige un registro anterior",
    "Consultation summary": "Resumen de consulta",
    "Referral letter": "Hoja de referencia",
    "Patient": "Paciente",
    "Reason for consultation": "Motivo de consulta",
    "Vital signs": "Signos vitales",
    "Findings": "Exploración y hallazgos",
    "Diagnosis (ICD-10)": "Diagnóstico (CIE-10)",
    "Plan": "Plan",
    "Follow-up": "Seguimiento",
    "Attended by": "Atendió",
    "Referred to": "Se refiere a",
    "Specialty": "Especialidad",
    "Urgency": "Urgencia",
    "Transport": "Traslado",
    "Reason for referral": "Motivo de la referencia",
    "Triage colour of the vital signs": "Color de triaje de los signos vitales",
    "Signature and professional licence": "Firma y cédula profesional",
    "Referred": "Referido",
    "Days waiting": "Días de espera",
    "Reason": "Motivo",
    "Person": "Persona",
    "No open referrals.": "No hay referencias abiertas.",
    "Confidential health information: share only with the receiving clinician.":
        "Información de salud confidencial: compártase solo con el personal clínico que "
        "recibe.",
    "routine": "ordinaria",
    "priority": "prioritaria",
    "urgent": "urgente",
    "ambulance": "ambulancia",
    "dif_vehicle": "vehículo del DIF",
    "public": "transporte público",
    "accompanied": "a pie, acompañado",
    "own": "por su cuenta",
    "Open referrals, {center}": "Referencias abiertas, {center}",
    "dose {n}": "dosis {n}",
    "Blood pressure": "Presión arterial",
    "Weight": "Peso",
    "Height": "Talla",
    "{field}: this field is required.": "{field}: este campo es obligatorio.",
    "{n} weeks": "{n} semanas",
}
