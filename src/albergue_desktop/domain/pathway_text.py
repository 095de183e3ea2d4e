"""Spanish texts and code labels of the exit pathways (discharge, job bank, housing, legal,
schooling), kept apart from the shared catalogs and merged into them by
:mod:`.i18n` and :mod:`.labels` at import."""

from __future__ import annotations

ES: dict[str, str] = {
    # discharge
    "Say where the household goes.": "Indique a dónde va el núcleo familiar.",
    "Give the address of the home or choose its lease.":
        "Indique el domicilio de la vivienda o elija su contrato de arrendamiento.",
    "Say which partner arranges the transport.": "Indique qué organización aporta el traslado.",
    "A lease goes with the destination housing.":
        "Un contrato de arrendamiento solo corresponde al destino vivienda.",
    "Only members of the household can leave with it.":
        "Solo los integrantes del núcleo familiar pueden egresar con él.",
    "No member of this household is in a shelter.":
        "Ningún integrante de este núcleo familiar está en un albergue.",
    "lease": "el contrato de arrendamiento",
    "home": "la vivienda",
    "landlord": "el arrendador",
    "employer": "el empleador",
    "job opening": "la vacante",
    "job fair": "la feria del empleo",
    "placement": "la colocación",
    "record": "el registro",
    "Spanish class group": "el grupo de clases de español",
    "class session": "la sesión de clase",
    # job bank
    "The name is required.": "El nombre es obligatorio.",
    "The number of places must be between 1 and 500.":
        "El número de plazas debe estar entre 1 y 500.",
    "The wage cannot be negative.": "El salario no puede ser negativo.",
    "An issued RFC needs the RFC itself.": "Un RFC emitido requiere la clave del RFC.",
    "An appointment needs its date.": "Una cita requiere su fecha.",
    "Invalid NSS: it has 11 digits.": "NSS no válido: tiene 11 dígitos.",
    "Invalid NSS: wrong check digit.": "NSS no válido: dígito verificador incorrecto.",
    "The start date is required.": "La fecha de inicio es obligatoria.",
    "This opening is not open.": "Esta vacante no está abierta.",
    "All places of this opening are taken.": "Todas las plazas de esta vacante están ocupadas.",
    "{name} is already placed in this opening.": "{name} ya está colocado(a) en esta vacante.",
    "Still working at 30 days can only be recorded 30 days after the start.":
        "«Sigue trabajando a los 30 días» solo se registra 30 días después del inicio.",
    ", {years} years": ", {years} años",
    "Experience: {occupation}{years} (ISCO-08 {code}, {title})":
        "Experiencia: {occupation}{years} (CIUO-08 {code}, {title})",
    "Experience: {occupation}{years} (ISCO-08 {code})":
        "Experiencia: {occupation}{years} (CIUO-08 {code})",
    "related trade": "oficio afín",
    "May work: {status}": "Puede trabajar: {status}",
    "RFC issued": "RFC emitido",
    "Missing: {what}": "Falta: {what}",
    "Wage: ${wage:,.0f} per {period}": "Salario: ${wage:,.0f} por {period}",
    "Shift: {shift}": "Turno: {shift}",
    "Where: {place}": "Lugar: {place}",
    # housing
    "The address is required.": "El domicilio es obligatorio.",
    "The number of rooms must be between 1 and 20.":
        "El número de cuartos debe estar entre 1 y 20.",
    "The rent cannot be negative.": "La renta no puede ser negativa.",
    "This home is not available.": "Esta vivienda no está disponible.",
    "The lease has ended.": "El contrato de arrendamiento ya terminó.",
    "The household already lives in this home.": "El núcleo familiar ya vive en esta vivienda.",
    "The household is not on this lease.": "El núcleo familiar no está en este contrato.",
    "The move-in cannot be before the start of the lease.":
        "La mudanza no puede ser anterior al inicio del contrato.",
    "The rent shares add up to more than the rent.":
        "Las partes de la renta suman más que la renta.",
    # legal and protection
    "Only children (under 18) are referred to the Procuraduría de Protección.":
        "Solo se canaliza a niñas, niños y adolescentes (menores de 18) a la Procuraduría "
        "de Protección.",
    # schooling
    "The grade must be between 1 and 6.": "El grado debe estar entre 1 y 6.",
    "The school is required.": "La escuela es obligatoria.",
    "Adults only (15 and over) study with INEA.":
        "Solo personas de 15 años o más estudian con el INEA.",
    "The person is not in this group.": "La persona no está en este grupo.",
    "The certification date is required.": "La fecha de certificación es obligatoria.",
    # permissions
    "manage the job bank, housing and schooling":
        "gestionar la bolsa de trabajo, la vivienda y la escolarización",
    "discharge households": "registrar egresos de núcleos familiares",
    # command line
    "play the program to its end (31 March 2022): job bank, housing and schooling "
    "recorded, everyone discharged, centers closed":
        "reproducir el programa hasta su fin (31 de marzo de 2022): bolsa de trabajo, "
        "vivienda y escolarización registradas, todos egresados, centros cerrados",
    "Users: admin, registro, salud, coordinacion, supervision, vinculacion; "
    "password: {password}":
        "Usuarios: admin, registro, salud, coordinacion, supervision, vinculacion; "
        "contraseña: {password}",
    # impact report
    "Homes with a lease that began in the period (housing module).":
        "Viviendas con un contrato de arrendamiento iniciado en el periodo (módulo de "
        "vivienda).",
    "Families housed in rented homes": "Familias instaladas en viviendas arrendadas",
    "Households that moved into a leased home in the period (about two per home in the "
    "program).":
        "Núcleos familiares que se mudaron a una vivienda arrendada en el periodo (unos dos "
        "por vivienda en el programa).",
    "Homes recovered from disuse and rented": "Casas deshabitadas recuperadas y arrendadas",
    "Homes marked as recovered from disuse whose lease began in the period.":
        "Viviendas marcadas como recuperadas (deshabitadas) cuyo arrendamiento inició en el "
        "periodo.",
    "People discharged with transport": "Personas egresadas con traslado",
    "People whose discharge in the period had transport arranged by the program or a "
    "partner.":
        "Personas cuyo egreso en el periodo tuvo traslado gestionado por el programa o por "
        "una organización aliada.",
    "Children enrolled in preescolar, primaria or secundaria, enrolment date in the period.":
        "Niñas, niños y adolescentes inscritos en preescolar, primaria o secundaria, con "
        "fecha de inscripción en el periodo.",
    "Adults whose INEA certificate is dated in the period.":
        "Personas adultas con certificado del INEA fechado en el periodo.",
    "People in Spanish classes": "Personas en clases de español",
    "People present at one Spanish class or more in the period.":
        "Personas que asistieron a una clase de español o más en el periodo.",
    "RFCs the program obtained: paperwork marked issued, issue date in the period (an RFC a "
    "person already had is not counted).":
        "RFC que gestionó el programa: trámite marcado como emitido, con fecha de emisión en "
        "el periodo (no cuenta un RFC que la persona ya tenía).",
    "Places of the formal openings activated in the period (the seed's 2,000 counts "
    "openings, not people).":
        "Plazas de las vacantes formales activadas en el periodo (las 2,000 del programa "
        "cuentan plazas, no personas).",
    "People placed in a job": "Personas colocadas en un empleo",
    "People who started a job in the period (each person once).":
        "Personas que comenzaron a trabajar en el periodo (cada persona una vez).",
    "Still working at 30 days": "Siguen trabajando a los 30 días",
    "Placements confirmed 30 days after the start, confirmed in the period.":
        "Colocaciones confirmadas 30 días después del inicio, confirmadas en el periodo.",
    # report
    "Program time zone": "Zona horaria del programa",
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "discharge_destination": {
        "housing": ("Home (lease)", "Vivienda (arrendamiento)"),
        "other_city": ("Another city", "Otra ciudad"),
        "return": ("Return", "Retorno"),
        "other_shelter": ("Another shelter", "Otro albergue"),
        "other": ("Other", "Otro"),
    },
    "transport": {
        "none": ("Own means", "Por sus propios medios"),
        "program_vehicle": ("Program vehicle", "Vehículo del programa"),
        "bus_ticket": ("Bus ticket", "Boleto de autobús"),
        "flight": ("Flight", "Vuelo"),
        "partner": ("Arranged by a partner", "Gestionado por una organización"),
    },
    "rfc_status": {
        "not_started": ("Not started", "Sin iniciar"),
        "documents_gathered": ("Documents gathered", "Documentos reunidos"),
        "appointment": ("Appointment (SAT)", "Cita en el SAT"),
        "issued": ("Issued", "Emitido"),
    },
    "curp_status": {
        "none": ("None", "Sin CURP"),
        "temporary": ("Temporary (180 days)", "Temporal (180 días)"),
        "permanent": ("Permanent", "Definitiva"),
    },
    "wage_period": {
        "day": ("day", "día"), "week": ("week", "semana"),
        "fortnight": ("fortnight", "quincena"), "month": ("month", "mes"),
    },
    "opening_status": {
        "open": ("Open", "Abierta"), "filled": ("Filled", "Cubierta"),
        "closed": ("Closed", "Cerrada"),
    },
    "placement_outcome": {
        "proposed": ("Sent to interview", "Enviado(a) a entrevista"),
        "started": ("Started", "Comenzó a trabajar"),
        "left": ("Left the job", "Dejó el empleo"),
        "working_30_days": ("Still working at 30 days", "Sigue trabajando a los 30 días"),
    },
    "home_status": {
        "prospect": ("Offered (to check)", "Ofrecida (por revisar)"),
        "recovered": ("Recovered from disuse", "Recuperada (casa deshabitada)"),
        "available": ("Available", "Disponible"),
        "leased": ("Leased", "Arrendada"),
        "withdrawn": ("Withdrawn", "Retirada"),
    },
    "asylum_status": {
        "filed": ("Application filed", "Solicitud presentada"),
        "constancia": ("Constancia issued", "Constancia de trámite emitida"),
        "interview": ("Interview", "Entrevista"),
        "recognized": ("Refugee status recognized", "Condición de refugiado reconocida"),
        "complementary_protection": ("Complementary protection", "Protección complementaria"),
        "denied": ("Denied", "Negada"),
        "abandoned": ("Abandoned", "Abandonada"),
    },
    "referral_status": {
        "referred": ("Referred", "Canalizado(a)"),
        "accepted": ("Accepted", "Aceptado(a)"),
        "in_care": ("In care", "En atención"),
        "closed": ("Closed", "Cerrado"),
    },
    "school_level": {
        "preescolar": ("Preschool", "Preescolar"), "primaria": ("Primary", "Primaria"),
        "secundaria": ("Lower secondary", "Secundaria"),
    },
    "enrollment_status": {
        "gathering_documents": ("Gathering documents", "Reuniendo documentos"),
        "enrolled": ("Enrolled", "Inscrito(a)"),
        "attending": ("Attending", "Asistiendo"),
        "left": ("Left", "Dejó la escuela"),
    },
    "inea_level": {
        "alfabetizacion": ("Literacy", "Alfabetización"), "primaria": ("Primary", "Primaria"),
        "secundaria": ("Lower secondary", "Secundaria"),
    },
    "inea_status": {
        "enrolled": ("Enrolled", "Inscrito(a)"), "in_progress": ("Studying", "En estudio"),
        "certified": ("Certified (revalidated)", "Certificado (revalidación)"),
        "left": ("Left", "Abandonó"),
    },
    "pathway_stage": {
        "arrived": ("Arrived", "Llegada"),
        "documents": ("Documents", "Documentos"),
        "job": ("Job", "Empleo"),
        "housing": ("Housing", "Vivienda"),
        "ready": ("Ready to leave", "Listo para egresar"),
        "left": ("Left", "Egresado"),
    },
    "hiring_missing": {
        "work_permit": ("A status that allows work (TVRH or residence)",
                        "Condición que permita trabajar (TVRH o residencia)"),
        "curp": ("CURP", "CURP"),
        "rfc": ("RFC", "RFC"),
        "nss": ("Social security number (NSS)", "Número de Seguridad Social (NSS)"),
    },
    "school_document": {
        "birth_certificate": ("Birth certificate", "Acta de nacimiento"),
        "curp": ("CURP", "CURP"),
        "previous_grades": ("Previous school records", "Boletas o constancia de estudios"),
        "vaccination_card": ("Vaccination card", "Cartilla de vacunación"),
        "proof_of_address": ("Proof of address", "Comprobante de domicilio"),
    },
}
