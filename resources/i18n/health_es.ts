<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>BirthDialog</name>
    <message>
        <source>Birth</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>&amp;Given names of the baby:</source>
        <translation>&amp;Nombres del bebé:</translation>
    </message>
    <message>
        <source>S&amp;urnames:</source>
        <translation>A&amp;pellidos:</translation>
    </message>
    <message>
        <source>empty: the mother&apos;s</source>
        <translation>vacío: los de la madre</translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation>Se&amp;xo:</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>&amp;Born on:</source>
        <translation>&amp;Nació el:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>&amp;Delivery:</source>
        <translation>&amp;Parto:</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— sin indicar —</translation>
    </message>
    <message>
        <source>Vaginal</source>
        <translation>Vaginal</translation>
    </message>
    <message>
        <source>Caesarean</source>
        <translation>Cesárea</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>P&amp;eso:</translation>
    </message>
    <message>
        <source>Birth &amp;certificate number:</source>
        <translation>Número de &amp;acta de nacimiento:</translation>
    </message>
    <message>
        <source>empty if not issued yet</source>
        <translation>vacío si aún no se expide</translation>
    </message>
    <message>
        <source>The baby is registered in the mother&apos;s household: born in Mexicali, Mexican by birth; CURP pending.</source>
        <translation>El bebé se registra en el núcleo familiar de la madre: nacido en Mexicali, mexicano por nacimiento; CURP en trámite.</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Nombres</translation>
    </message>
</context>
<context>
    <name>CareDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Discard?</source>
        <translation>¿Descartar?</translation>
    </message>
    <message>
        <source>What was typed has not been saved. Discard it?</source>
        <translation>Lo escrito no se ha guardado. ¿Descartarlo?</translation>
    </message>
</context>
<context>
    <name>ColourBadge</name>
    <message>
        <source>IITT colour: {colour}</source>
        <translation>Color IITT: {colour}</translation>
    </message>
</context>
<context>
    <name>ConsultationDialog</name>
    <message>
        <source>Correct consultation</source>
        <translation>Corregir consulta</translation>
    </message>
    <message>
        <source>Medical consultation</source>
        <translation>Consulta médica</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Why the person comes (required)</source>
        <translation>Por qué acude la persona (obligatorio)</translation>
    </message>
    <message>
        <source>/min</source>
        <translation>/min</translation>
    </message>
    <message>
        <source>— not recorded —</source>
        <translation>— no registrado —</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Signos vitales</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>&amp;Temperatura:</translation>
    </message>
    <message>
        <source>&amp;Heart rate:</source>
        <translation>Frecuencia &amp;cardiaca:</translation>
    </message>
    <message>
        <source>&amp;Respiratory rate:</source>
        <translation>Frecuencia &amp;respiratoria:</translation>
    </message>
    <message>
        <source>S&amp;ystolic pressure:</source>
        <translation>Presión s&amp;istólica:</translation>
    </message>
    <message>
        <source>Dias&amp;tolic pressure:</source>
        <translation>Presión dias&amp;tólica:</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>P&amp;eso:</translation>
    </message>
    <message>
        <source>H&amp;eight:</source>
        <translation>T&amp;alla:</translation>
    </message>
    <message>
        <source>A&amp;VPU:</source>
        <translation>A&amp;VPU:</translation>
    </message>
    <message>
        <source>Search ICD-10 by code or words (Spanish or English)</source>
        <translation>Buscar en la CIE-10 por código o palabras (español o inglés)</translation>
    </message>
    <message>
        <source>Diagnosis as written on the record</source>
        <translation>Diagnóstico como queda en el expediente</translation>
    </message>
    <message>
        <source>Follow-up on</source>
        <translation>Seguimiento el</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Findings:</source>
        <translation>&amp;Hallazgos:</translation>
    </message>
    <message>
        <source>&amp;Diagnosis:</source>
        <translation>&amp;Diagnóstico:</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Seguimiento:</translation>
    </message>
    <message>
        <source>Attended &amp;by:</source>
        <translation>A&amp;tendió:</translation>
    </message>
    <message>
        <source>&amp;Save consultation</source>
        <translation>&amp;Guardar consulta</translation>
    </message>
    <message>
        <source>This consultation corrects the one of {date}; that one is kept in the history.</source>
        <translation>Esta consulta corrige la del {date}; aquella se conserva en el historial.</translation>
    </message>
    <message>
        <source>pregnant (pressure judged with the pregnancy rows)</source>
        <translation>embarazada (la presión se valora con los criterios del embarazo)</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>(sin código)</translation>
    </message>
    <message>
        <source>No vital signs</source>
        <translation>Sin signos vitales</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Discard consultation?</source>
        <translation>¿Descartar la consulta?</translation>
    </message>
    <message>
        <source>What was typed in this consultation has not been saved. Discard it?</source>
        <translation>Lo escrito en esta consulta no se ha guardado. ¿Descartarlo?</translation>
    </message>
</context>
<context>
    <name>HealthDesk</name>
    <message>
        <source>Health desk</source>
        <translation>Escritorio de salud</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Open referrals &amp;PDF…</source>
        <translation>&amp;PDF de referencias abiertas…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Enter or double click opens the person&apos;s record.</source>
        <translation>Intro o doble clic abre el expediente de la persona.</translation>
    </message>
    <message>
        <source>Nothing pending.</source>
        <translation>Nada pendiente.</translation>
    </message>
    <message>
        <source>all centers</source>
        <translation>todos los centros</translation>
    </message>
    <message>
        <source>{where} · {day} · {n} pending</source>
        <translation>{where} · {day} · {n} pendientes</translation>
    </message>
</context>
<context>
    <name>HealthSection</name>
    <message>
        <source>Health: screenings and vaccination</source>
        <translation>Salud: tamizajes y vacunación</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Motivos</translation>
    </message>
    <message>
        <source>Screened by</source>
        <translation>Tamizó</translation>
    </message>
    <message>
        <source>No screening recorded.</source>
        <translation>Sin tamizajes registrados.</translation>
    </message>
    <message>
        <source>New &amp;screening…</source>
        <translation>Nuevo &amp;tamizaje…</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>Vacunación</translation>
    </message>
    <message>
        <source>(corrected later)</source>
        <translation>(corregido después)</translation>
    </message>
    <message>
        <source>(computed: {colour})</source>
        <translation>(calculado: {colour})</translation>
    </message>
    <message>
        <source>Raised to {colour} by {user}: {reason}</source>
        <translation>Subido a {colour} por {user}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s), the latest first.</source>
        <translation>
            <numerusform>%n visita, la más reciente primero.</numerusform>
            <numerusform>%n visitas, la más reciente primero.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MentalHealthNoteDialog</name>
    <message>
        <source>Mental health note</source>
        <translation>Nota de salud mental</translation>
    </message>
    <message>
        <source>Psychological first aid</source>
        <translation>Primeros auxilios psicológicos</translation>
    </message>
    <message>
        <source>Psychology</source>
        <translation>Psicología</translation>
    </message>
    <message>
        <source>Psychiatry</source>
        <translation>Psiquiatría</translation>
    </message>
    <message>
        <source>Group support</source>
        <translation>Apoyo grupal</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>— not assessed —</source>
        <translation>— no valorado —</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderado</translation>
    </message>
    <message>
        <source>High: refer the same day</source>
        <translation>Alto: referir el mismo día</translation>
    </message>
    <message>
        <source>&amp;Risk:</source>
        <translation>&amp;Riesgo:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Follow-up on</source>
        <translation>Seguimiento el</translation>
    </message>
    <message>
        <source>Confidential: only the health staff who treat see these notes.</source>
        <translation>Confidencial: solo el personal de salud tratante ve estas notas.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>Between {low} and {high} {unit}; leave empty if not measured.</source>
        <translation>Entre {low} y {high} {unit}; déjelo vacío si no se midió.</translation>
    </message>
</context>
<context>
    <name>PregnancyVisitDialog</name>
    <message>
        <source>not known</source>
        <translation>se desconoce</translation>
    </message>
    <message>
        <source>&amp;Weeks of gestation:</source>
        <translation>&amp;Semanas de gestación:</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha probable de parto</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>Parto el</translation>
    </message>
    <message>
        <source>&amp;Systolic pressure:</source>
        <translation>Presión &amp;sistólica:</translation>
    </message>
    <message>
        <source>D&amp;iastolic pressure:</source>
        <translation>Presión d&amp;iastólica:</translation>
    </message>
    <message>
        <source>Warning signs:</source>
        <translation>Datos de alarma:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>Any warning sign or a pressure of 140/90 or more recommends a referral today (NOM-007-SSA2-2016, WHO 2016).</source>
        <translation>Cualquier dato de alarma o una presión de 140/90 o más recomienda referir hoy (NOM-007-SSA2-2016, OMS 2016).</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Destino:</translation>
    </message>
    <message>
        <source>Hospital, clinic or specialist</source>
        <translation>Hospital, clínica o especialista</translation>
    </message>
    <message>
        <source>S&amp;pecialty:</source>
        <translation>&amp;Especialidad:</translation>
    </message>
    <message>
        <source>e.g. Gynaecology</source>
        <translation>p. ej. Ginecología</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>&amp;Urgencia:</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Traslado:</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— sin indicar —</translation>
    </message>
    <message>
        <source>Appointment on</source>
        <translation>Cita el</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>ReferralStatusDialog</name>
    <message>
        <source>Referral status</source>
        <translation>Estado de la referencia</translation>
    </message>
    <message>
        <source>&amp;New status:</source>
        <translation>&amp;Nuevo estado:</translation>
    </message>
    <message>
        <source>&amp;Counter-referral:</source>
        <translation>&amp;Contrarreferencia:</translation>
    </message>
    <message>
        <source>New appointment on</source>
        <translation>Nueva cita el</translation>
    </message>
    <message>
        <source>{destination}: {status} since {day}</source>
        <translation>{destination}: {status} desde el {day}</translation>
    </message>
    <message>
        <source>This referral is closed.</source>
        <translation>Esta referencia está cerrada.</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>IITT triage colour (WHO/ICRC/MSF)</source>
        <translation>Color de triaje IITT (OMS/CICR/MSF)</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Motivos</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>High-risk vital signs:</source>
        <translation>Signos vitales de alto riesgo:</translation>
    </message>
    <message>
        <source>Respiratory screen:</source>
        <translation>Tamizaje respiratorio:</translation>
    </message>
    <message>
        <source>Respiratory isolation:</source>
        <translation>Aislamiento respiratorio:</translation>
    </message>
    <message>
        <source>Urgent care:</source>
        <translation>Atención urgente:</translation>
    </message>
    <message>
        <source>Medical consultation:</source>
        <translation>Consulta médica:</translation>
    </message>
    <message>
        <source>Obstetric warning:</source>
        <translation>Alerta obstétrica:</translation>
    </message>
    <message>
        <source>Not recorded yet:</source>
        <translation>Falta registrar:</translation>
    </message>
    <message>
        <source>Raised by clinical judgement; the IITT rules computed {colour}</source>
        <translation>Subido por criterio clínico; las reglas IITT calcularon {colour}</translation>
    </message>
    <message>
        <source>Source: {source} · rule {rule}</source>
        <translation>Fuente: {source} · regla {rule}</translation>
    </message>
    <message>
        <source>No rule of the table fired: nothing raises the colour.</source>
        <translation>Ninguna regla de la tabla se cumple: nada eleva el color.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>({major} major, {minor} minor)</source>
        <translation>({major} mayores, {minor} menores)</translation>
    </message>
    <message>
        <source>measured fever</source>
        <translation>fiebre medida</translation>
    </message>
    <message>
        <source>Yes, candidate</source>
        <translation>Sí, candidato(a)</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ScreeningDialog</name>
    <message>
        <source>Health screening</source>
        <translation>Tamizaje de salud</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Why (required to raise)</source>
        <translation>Por qué (obligatorio para subir)</translation>
    </message>
    <message>
        <source>Clinical judgement: raise the colour</source>
        <translation>Criterio clínico: subir el color</translation>
    </message>
    <message>
        <source>Ra&amp;ise to:</source>
        <translation>S&amp;ubir a:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>Moti&amp;vo:</translation>
    </message>
    <message>
        <source>The colour the rules computed is kept too; it can be raised, never lowered.</source>
        <translation>También se guarda el color que calcularon las reglas; se puede subir, nunca bajar.</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>Vacunación</translation>
    </message>
    <message>
        <source>&amp;Save visit</source>
        <translation>&amp;Guardar visita</translation>
    </message>
    <message>
        <source>Record this visit as a new entry (Ctrl+S)</source>
        <translation>Registrar esta visita como un registro nuevo (Ctrl+S)</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n año</numerusform>
            <numerusform>%n años</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mes</numerusform>
            <numerusform>%n meses</numerusform>
        </translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>edad desconocida</translation>
    </message>
    <message>
        <source>First screening of this person.</source>
        <translation>Primer tamizaje de esta persona.</translation>
    </message>
    <message>
        <source>Previous visits: {count}; the latest on {date}: {colour}. This visit is added as a new entry.</source>
        <translation>Visitas anteriores: {count}; la última el {date}: {colour}. Esta visita se agrega como un registro nuevo.</translation>
    </message>
    <message>
        <source>— no change —</source>
        <translation>— sin cambio —</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Frecuencia cardiaca</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>Frecuencia respiratoria</translation>
    </message>
    <message>
        <source>Systolic pressure</source>
        <translation>Presión sistólica</translation>
    </message>
    <message>
        <source>Diastolic pressure</source>
        <translation>Presión diastólica</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Talla</translation>
    </message>
    <message>
        <source>Weeks of gestation</source>
        <translation>Semanas de gestación</translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation>Signos de alarma</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Embarazo</translation>
    </message>
    <message>
        <source>Raise the colour</source>
        <translation>Subir el color</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Visit of {name} saved: {colour}. Earlier visits are kept as they were.</source>
        <translation>Visita de {name} guardada: {colour}. Las visitas anteriores se conservan sin cambios.</translation>
    </message>
</context>
<context>
    <name>ScreeningForm</name>
    <message>
        <source>/min</source>
        <translation>/min</translation>
    </message>
    <message>
        <source>— not recorded —</source>
        <translation>— sin registrar —</translation>
    </message>
    <message>
        <source>— not recorded (strictest band) —</source>
        <translation>— sin registrar (banda más estricta) —</translation>
    </message>
    <message>
        <source>Any two of these:</source>
        <translation>Dos o más de estos:</translation>
    </message>
    <message>
        <source>&amp;Pregnant</source>
        <translation>&amp;Embarazada</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semanas</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>&amp;Apparent age (no date of birth):</source>
        <translation>E&amp;dad aparente (sin fecha de nacimiento):</translation>
    </message>
    <message>
        <source>Emergency signs (RED): IITT card</source>
        <translation>Signos de emergencia (ROJO): tarjeta IITT</translation>
    </message>
    <message>
        <source>Priority signs (YELLOW): IITT card</source>
        <translation>Signos de prioridad (AMARILLO): tarjeta IITT</translation>
    </message>
    <message>
        <source>Respiratory case definition (DGE 2021): symptoms that began in the last 10 days</source>
        <translation>Definición de caso respiratorio (DGE 2021): síntomas que iniciaron en los últimos 10 días</translation>
    </message>
    <message>
        <source>Chronic-degenerative conditions</source>
        <translation>Padecimientos crónico-degenerativos</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Embarazo</translation>
    </message>
    <message>
        <source>Weeks of gestation</source>
        <translation>Semanas de gestación</translation>
    </message>
    <message>
        <source>Warning signs:</source>
        <translation>Signos de alarma:</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Discapacidad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Vital signs (leave empty what was not measured)</source>
        <translation>Signos vitales (deje vacío lo que no se midió)</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Temperatura</translation>
    </message>
    <message>
        <source>&amp;Heart rate</source>
        <translation>&amp;Frecuencia cardiaca</translation>
    </message>
    <message>
        <source>&amp;Respiratory rate</source>
        <translation>Frecuencia &amp;respiratoria</translation>
    </message>
    <message>
        <source>Systolic pressure</source>
        <translation>Presión sistólica</translation>
    </message>
    <message>
        <source>Diastolic pressure</source>
        <translation>Presión diastólica</translation>
    </message>
    <message>
        <source>&amp;Blood pressure</source>
        <translation>&amp;Presión arterial</translation>
    </message>
    <message>
        <source>&amp;Oxygen saturation (SpO2)</source>
        <translation>Saturación de &amp;oxígeno (SpO2)</translation>
    </message>
    <message>
        <source>&amp;Consciousness (AVPU)</source>
        <translation>Estado de &amp;conciencia (AVDI)</translation>
    </message>
    <message>
        <source>&amp;Weight</source>
        <translation>Pe&amp;so</translation>
    </message>
    <message>
        <source>Hei&amp;ght</source>
        <translation>T&amp;alla</translation>
    </message>
    <message>
        <source>Weight and height: record them for children.</source>
        <translation>Peso y talla: regístrelos en niñas y niños.</translation>
    </message>
    <message>
        <source>(red over 50 years)</source>
        <translation>(rojo en mayores de 50 años)</translation>
    </message>
    <message>
        <source>(child under 12)</source>
        <translation>(menores de 12 años)</translation>
    </message>
    <message>
        <source>(red under 12 years, else yellow)</source>
        <translation>(rojo en menores de 12 años; si no, amarillo)</translation>
    </message>
    <message>
        <source>The age comes from the date of birth.</source>
        <translation>La edad se calcula con la fecha de nacimiento.</translation>
    </message>
    <message>
        <source>No date of birth: without an apparent age the strictest band is used.</source>
        <translation>Sin fecha de nacimiento: si no se registra la edad aparente se usa la banda más estricta.</translation>
    </message>
    <message>
        <source>No date of birth: the apparent age is used.</source>
        <translation>Sin fecha de nacimiento: se usa la edad aparente.</translation>
    </message>
    <message>
        <source>IITT high risk: {limits}</source>
        <translation>Alto riesgo IITT: {limits}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
</context>
<context>
    <name>SymptomChecklist</name>
    <message>
        <source>Major symptoms (1 or more)</source>
        <translation>Síntomas mayores (1 o más)</translation>
    </message>
    <message>
        <source>Minor symptoms (1 or more)</source>
        <translation>Síntomas menores (1 o más)</translation>
    </message>
    <message>
        <source>began </source>
        <translation>inició hace </translation>
    </message>
    <message>
        <source> day(s) ago</source>
        <translation> día(s)</translation>
    </message>
    <message>
        <source>began today</source>
        <translation>inició hoy</translation>
    </message>
    <message>
        <source>Days since {symptom} began</source>
        <translation>Días desde que inició: {symptom}</translation>
    </message>
    <message>
        <source>more than {days} days: does not count</source>
        <translation>más de {days} días: no cuenta</translation>
    </message>
</context>
<context>
    <name>TimelineSection</name>
    <message>
        <source>Health timeline</source>
        <translation>Historial de salud</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>New &amp;consultation…</source>
        <translation>Nueva &amp;consulta…</translation>
    </message>
    <message>
        <source>C&amp;orrect…</source>
        <translation>C&amp;orregir…</translation>
    </message>
    <message>
        <source>&amp;Print summary…</source>
        <translation>&amp;Imprimir resumen…</translation>
    </message>
    <message>
        <source>&amp;Refer…</source>
        <translation>&amp;Referir…</translation>
    </message>
    <message>
        <source>Referral s&amp;tatus…</source>
        <translation>Es&amp;tado de la referencia…</translation>
    </message>
    <message>
        <source>Prenata&amp;l visit…</source>
        <translation>Consulta prenata&amp;l…</translation>
    </message>
    <message>
        <source>Post&amp;natal check…</source>
        <translation>Revisión pos&amp;parto…</translation>
    </message>
    <message>
        <source>Bi&amp;rth…</source>
        <translation>Naci&amp;miento…</translation>
    </message>
    <message>
        <source>&amp;Mental health note…</source>
        <translation>Nota de salud &amp;mental…</translation>
    </message>
    <message>
        <source>No health record yet.</source>
        <translation>Aún no hay registros de salud.</translation>
    </message>
    <message>
        <source>[corrected] </source>
        <translation>[corregido] </translation>
    </message>
    <message>
        <source>[correction] </source>
        <translation>[corrección] </translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
</context>
<context>
    <name>health</name>
    <message>
        <source>RED</source>
        <translation>ROJO</translation>
    </message>
    <message>
        <source>YELLOW</source>
        <translation>AMARILLO</translation>
    </message>
    <message>
        <source>GREEN</source>
        <translation>VERDE</translation>
    </message>
</context>
<context>
    <name>health_actions</name>
    <message>
        <source>&amp;Health</source>
        <translation>&amp;Salud</translation>
    </message>
    <message>
        <source>&amp;Screening of the selected person…</source>
        <translation>&amp;Tamizaje de la persona seleccionada…</translation>
    </message>
    <message>
        <source>&amp;Consultation of the selected person…</source>
        <translation>&amp;Consulta de la persona seleccionada…</translation>
    </message>
    <message>
        <source>Health &amp;desk</source>
        <translation>&amp;Escritorio de salud</translation>
    </message>
    <message>
        <source>Select a person in the list first.</source>
        <translation>Primero seleccione a una persona en la lista.</translation>
    </message>
    <message>
        <source>Health desk</source>
        <translation>Escritorio de salud</translation>
    </message>
    <message>
        <source>Next step: health screening, by the health staff (the household is shown in the list).</source>
        <translation>Siguiente paso: tamizaje de salud, a cargo del personal de salud (el núcleo familiar se muestra en la lista).</translation>
    </message>
</context>
<context>
    <name>health_printing</name>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <source>PDF saved</source>
        <translation>PDF guardado</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Se guardó {path}</translation>
    </message>
    <message>
        <source>The PDF was not saved</source>
        <translation>No se guardó el PDF</translation>
    </message>
    <message>
        <source>consultation.pdf</source>
        <translation>consulta.pdf</translation>
    </message>
    <message>
        <source>open-referrals.pdf</source>
        <translation>referencias-abiertas.pdf</translation>
    </message>
</context>
<context>
    <name>health_vaccination</name>
    <message>
        <source>To offer (prompt, never blocks):</source>
        <translation>Para ofrecer (sugerencia, nunca bloquea):</translation>
    </message>
    <message>
        <source>Children&apos;s schedule: no gap found in the recorded doses.</source>
        <translation>Esquema infantil: no falta ninguna dosis entre las registradas.</translation>
    </message>
</context>
</TS>
