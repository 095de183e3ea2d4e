"""Spanish texts of erasure, retention and data-protection requests (merged into the
Qt-free catalog by ``domain/i18n.py``)."""

from __future__ import annotations

ES: dict[str, str] = {
    # permissions
    "answer data-protection requests and erase people":
        "atender solicitudes de protección de datos y borrar personas",
    # erasure and retention
    "The months must be 1 or more.": "Los meses deben ser 1 o más.",
    "Retention: left more than {months} months ago.":
        "Conservación: egresó hace más de {months} meses.",
    "erase the people who left more than N months ago (only de-identified counts are kept; "
    "cannot be undone)":
        "borrar a las personas que egresaron hace más de N meses (solo se conservan datos "
        "no identificables para las cifras; no se puede deshacer)",
    "months since the person left": "meses desde el egreso de la persona",
    "only say how many people would be erased": "solo decir cuántas personas se borrarían",
    "{count} people left more than {months} months ago and would be erased.":
        "{count} personas egresaron hace más de {months} meses y se borrarían.",
    "{count} people who left more than {months} months ago were erased.":
        "Se borraron {count} personas que egresaron hace más de {months} meses.",
    "This person's data were erased.": "Los datos de esta persona fueron borrados.",
    # access printout (ARCO)
    "Personal data held about this person": "Datos personales que se tienen de esta persona",
    "Access to personal data": "Acceso a datos personales",
    "Identity documents": "Documentos de identidad",
    "Stays": "Estancias",
    "Photo": "Fotografía",
    "Vaccinations": "Vacunas",
    "Health screenings": "Tamizajes de salud",
    "Consultations": "Consultas",
    "Referrals": "Referencias",
    "Pregnancy visits": "Controles prenatales",
    "Births": "Nacimientos",
    "Mental health notes": "Notas de salud mental",
    "Allergies": "Alergias",
    "Discharge": "Egreso",
    "Work paperwork": "Trámites laborales",
    "Job placements": "Colocaciones laborales",
    "School enrolment": "Inscripción escolar",
    "INEA enrolment": "Inscripción en el INEA",
    "Spanish classes": "Clases de español",
    "Asylum application": "Solicitud de refugio",
    "Protection referrals": "Canalizaciones de protección",
    "Recorded on": "Registrado el",
    "Name on the document": "Nombre en el documento",
    "Date of birth estimated": "Fecha de nacimiento estimada",
    "Age in doubt": "Edad en duda",
    "Country of birth": "País de nacimiento",
    "Civil status": "Estado civil",
    "Relationship": "Parentesco",
    "Languages": "Idiomas",
    "Work experience": "Experiencia laboral",
    "Emergency contact": "Contacto de emergencia",
    "Emergency contact phone": "Teléfono del contacto de emergencia",
    "Migratory status since": "Situación migratoria desde",
    "Migratory status until": "Situación migratoria hasta",
    "Specific needs": "Necesidades específicas",
    "Consent given": "Consentimiento otorgado",
    "Consent date": "Fecha del consentimiento",
    "Consent recorded by": "Consentimiento registrado por",
    "Consent purposes": "Finalidades consentidas",
    "Issued by": "Expedido por",
    "Arrival": "Llegada",
    "Departure": "Salida",
    "Destination": "Destino",
    "Health records are printed by the health staff.":
        "Los registros de salud los imprime el personal de salud.",
    "Protection records are printed by the protection focal point.":
        "Los registros de protección los imprime la persona enlace de protección.",
}
