<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CandidatesDialog</name>
    <message>
        <source>Candidates for an opening</source>
        <translation>Candidatos para una vacante</translation>
    </message>
    <message>
        <source>Opening:</source>
        <translation>Vacante:</translation>
    </message>
    <message>
        <source>Send to interview</source>
        <translation>Enviar a entrevista</translation>
    </message>
    <message>
        <source>Looking for people…</source>
        <translation>Buscando personas…</translation>
    </message>
    <message>
        <source>Choose a person in the list first.</source>
        <translation>Primero elija a una persona de la lista.</translation>
    </message>
    <message>
        <source>{name} was sent to the interview.</source>
        <translation>{name} fue enviado(a) a la entrevista.</translation>
    </message>
</context>
<context>
    <name>ExpiringDialog</name>
    <message>
        <source>Documents expiring in the next 30 days</source>
        <translation>Documentos que vencen en los próximos 30 días</translation>
    </message>
    <message>
        <source>Migratory condition</source>
        <translation>Condición migratoria</translation>
    </message>
    <message>
        <source> (issue date + 180 days)</source>
        <translation> (expedición + 180 días)</translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>{n} encontrados</translation>
    </message>
</context>
<context>
    <name>OpeningsDialog</name>
    <message>
        <source>Openings for {who}</source>
        <translation>Vacantes para {who}</translation>
    </message>
</context>
<context>
    <name>PathwayBoard</name>
    <message>
        <source>Exit pathways</source>
        <translation>Rutas de salida</translation>
    </message>
    <message>
        <source>Center:</source>
        <translation>Centro:</translation>
    </message>
    <message>
        <source>All centers</source>
        <translation>Todos los centros</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Núcleo familiar</translation>
    </message>
    <message>
        <source>Choose a household on the board.</source>
        <translation>Elija un núcleo familiar en el tablero.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>{n} days in the shelter</source>
        <translation>{n} días en albergue</translation>
    </message>
    <message>
        <source>never lodged</source>
        <translation>nunca alojado</translation>
    </message>
    <message>
        <source>Documents: {ok} of {n} adults may work and have a CURP; {rfc} with RFC</source>
        <translation>Documentos: {ok} de {n} adultos pueden trabajar y tienen CURP; {rfc} con RFC</translation>
    </message>
    <message>
        <source>Job: {n} working</source>
        <translation>Empleo: {n} trabajando</translation>
    </message>
    <message>
        <source>Job: nobody placed yet</source>
        <translation>Empleo: nadie colocado todavía</translation>
    </message>
    <message>
        <source>Housing: {home}</source>
        <translation>Vivienda: {home}</translation>
    </message>
    <message>
        <source>Housing: no home yet</source>
        <translation>Vivienda: sin vivienda todavía</translation>
    </message>
    <message>
        <source>School: {e} of {n} children enrolled</source>
        <translation>Escuela: {e} de {n} niñas y niños inscritos</translation>
    </message>
    <message>
        <source>School: no school-age children</source>
        <translation>Escuela: sin niñas ni niños en edad escolar</translation>
    </message>
    <message>
        <source>Left: {where}</source>
        <translation>Egresó: {where}</translation>
    </message>
    <message>
        <source>Discharge the household…</source>
        <translation>Egresar al núcleo familiar…</translation>
    </message>
    <message>
        <source>Selected member leaves alone…</source>
        <translation>El integrante elegido egresa solo…</translation>
    </message>
    <message>
        <source>Work paperwork…</source>
        <translation>Trámites laborales…</translation>
    </message>
    <message>
        <source>Job placement…</source>
        <translation>Colocación laboral…</translation>
    </message>
    <message>
        <source>Openings for this member…</source>
        <translation>Vacantes para este integrante…</translation>
    </message>
    <message>
        <source>Job follow-up…</source>
        <translation>Seguimiento laboral…</translation>
    </message>
    <message>
        <source>Move out of the home…</source>
        <translation>Salida de la vivienda…</translation>
    </message>
    <message>
        <source>Move into a home…</source>
        <translation>Mudanza a vivienda…</translation>
    </message>
    <message>
        <source>School enrollment…</source>
        <translation>Inscripción escolar…</translation>
    </message>
    <message>
        <source>INEA…</source>
        <translation>INEA…</translation>
    </message>
    <message>
        <source>COMAR application…</source>
        <translation>Solicitud ante COMAR…</translation>
    </message>
    <message>
        <source>Refer to the Procuraduría…</source>
        <translation>Canalizar a la Procuraduría…</translation>
    </message>
    <message>
        <source>Candidates for an opening…</source>
        <translation>Candidatos para una vacante…</translation>
    </message>
    <message>
        <source>Documents expiring…</source>
        <translation>Documentos por vencer…</translation>
    </message>
    <message>
        <source>New employer…</source>
        <translation>Nuevo empleador…</translation>
    </message>
    <message>
        <source>New opening…</source>
        <translation>Nueva vacante…</translation>
    </message>
    <message>
        <source>New landlord…</source>
        <translation>Nuevo arrendador…</translation>
    </message>
    <message>
        <source>New home…</source>
        <translation>Nueva vivienda…</translation>
    </message>
    <message>
        <source>New lease…</source>
        <translation>Nuevo arrendamiento…</translation>
    </message>
    <message>
        <source>Spanish group…</source>
        <translation>Grupo de español…</translation>
    </message>
    <message>
        <source>Spanish class session…</source>
        <translation>Sesión de clase de español…</translation>
    </message>
    <message>
        <source>Create a Spanish group first.</source>
        <translation>Primero cree un grupo de español.</translation>
    </message>
    <message>
        <source>Choose a member of the household first.</source>
        <translation>Primero elija a un integrante del núcleo familiar.</translation>
    </message>
    <message>
        <source>{who} has no job placement yet.</source>
        <translation>{who} todavía no tiene colocación laboral.</translation>
    </message>
    <message>
        <source>The household lives in no leased home.</source>
        <translation>El núcleo familiar no vive en una vivienda arrendada.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source> · {n} d</source>
        <translation> · {n} d</translation>
    </message>
    <message>
        <source>{n} households</source>
        <translation>{n} núcleos familiares</translation>
    </message>
    <message>
        <source>, {n} years</source>
        <translation>, {n} años</translation>
    </message>
    <message>
        <source> — not in a shelter</source>
        <translation> — fuera del albergue</translation>
    </message>
    <message>
        <source>Missing to be hired: {what}</source>
        <translation>Falta para ser contratado(a): {what}</translation>
    </message>
    <message>
        <source> — missing: {what}</source>
        <translation> — falta: {what}</translation>
    </message>
    <message>
        <source>work permit</source>
        <translation>permiso para trabajar</translation>
    </message>
</context>
<context>
    <name>PathwayForm</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/aaaa</translation>
    </message>
    <message>
        <source>Invalid format</source>
        <translation>Formato no válido</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Discard what was typed? Nothing has been saved.</source>
        <translation>¿Descartar lo escrito? No se ha guardado nada.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>pathway_actions</name>
    <message>
        <source>Pa&amp;thways</source>
        <translation>&amp;Rutas de salida</translation>
    </message>
    <message>
        <source>Pathway &amp;board…</source>
        <translation>&amp;Tablero de rutas…</translation>
    </message>
</context>
<context>
    <name>pathway_fields</name>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Where (address, city, country or shelter)</source>
        <translation>A dónde (domicilio, ciudad, país o albergue)</translation>
    </message>
    <message>
        <source>Lease (home)</source>
        <translation>Arrendamiento (vivienda)</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Traslado</translation>
    </message>
    <message>
        <source>Transport detail</source>
        <translation>Detalle del traslado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Giro</translation>
    </message>
    <message>
        <source>RFC</source>
        <translation>RFC</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Persona de contacto</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Domicilio</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <source>Position (e.g. Soldador, soudeur)</source>
        <translation>Puesto (p. ej. Soldador, soudeur)</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plazas</translation>
    </message>
    <message>
        <source>Wage (MXN)</source>
        <translation>Salario (MXN)</translation>
    </message>
    <message>
        <source>Paid per</source>
        <translation>Pago por</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Turno</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Requisitos</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Activated on</source>
        <translation>Activada el</translation>
    </message>
    <message>
        <source>Job fair</source>
        <translation>Feria del empleo</translation>
    </message>
    <message>
        <source>SAT appointment</source>
        <translation>Cita en el SAT</translation>
    </message>
    <message>
        <source>RFC issued (13 characters)</source>
        <translation>RFC emitido (13 caracteres)</translation>
    </message>
    <message>
        <source>CURP</source>
        <translation>CURP</translation>
    </message>
    <message>
        <source>Social security number (NSS)</source>
        <translation>Número de Seguridad Social (NSS)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Vacante</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>Neighborhood</source>
        <translation>Colonia</translation>
    </message>
    <message>
        <source>Landlord</source>
        <translation>Arrendador</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Cuartos</translation>
    </message>
    <message>
        <source>Monthly rent (MXN)</source>
        <translation>Renta mensual (MXN)</translation>
    </message>
    <message>
        <source>Deposit (MXN)</source>
        <translation>Depósito (MXN)</translation>
    </message>
    <message>
        <source>DIF stands as moral guarantor (aval moral)</source>
        <translation>El DIF funge como aval moral</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Condiciones</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <source>Agreed end</source>
        <translation>Fin pactado</translation>
    </message>
    <message>
        <source>Monthly rent (MXN; empty: the home&apos;s)</source>
        <translation>Renta mensual (MXN; vacío: la de la vivienda)</translation>
    </message>
    <message>
        <source>Move-in date</source>
        <translation>Fecha de mudanza</translation>
    </message>
    <message>
        <source>Rent share (MXN)</source>
        <translation>Parte de la renta (MXN)</translation>
    </message>
    <message>
        <source>Discharge from the shelter now</source>
        <translation>Egresar del albergue ahora</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Presentada el</translation>
    </message>
    <message>
        <source>COMAR office</source>
        <translation>Oficina de COMAR</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <source>Next appointment</source>
        <translation>Próxima cita</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Canalizado el</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Oficina</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <source>Documents missing</source>
        <translation>Documentos faltantes</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Inició el</translation>
    </message>
    <message>
        <source>Certified on</source>
        <translation>Certificado el</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Integrantes</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Colocación</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>Registrado el</translation>
    </message>
    <message>
        <source>Move-out date</source>
        <translation>Fecha de salida</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Asistieron</translation>
    </message>
</context>
<context>
    <name>pathway_forms</name>
    <message>
        <source>Discharge: {who}</source>
        <translation>Egreso: {who}</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Egreso</translation>
    </message>
    <message>
        <source>Every member still in a shelter leaves in this one step.</source>
        <translation>Todos los integrantes que siguen en un albergue egresan en este único paso.</translation>
    </message>
    <message>
        <source>This person leaves alone; the household stays.</source>
        <translation>Esta persona egresa sola; el núcleo familiar se queda.</translation>
    </message>
    <message>
        <source>New employer</source>
        <translation>Nuevo empleador</translation>
    </message>
    <message>
        <source>New job opening</source>
        <translation>Nueva vacante</translation>
    </message>
    <message>
        <source>Work paperwork: {who}</source>
        <translation>Trámites laborales: {who}</translation>
    </message>
    <message>
        <source>Job placement: {who}</source>
        <translation>Colocación laboral: {who}</translation>
    </message>
    <message>
        <source>New landlord</source>
        <translation>Nuevo arrendador</translation>
    </message>
    <message>
        <source>New home</source>
        <translation>Nueva vivienda</translation>
    </message>
    <message>
        <source>New lease</source>
        <translation>Nuevo arrendamiento</translation>
    </message>
    <message>
        <source>Move into a home: {who}</source>
        <translation>Mudanza a vivienda: {who}</translation>
    </message>
    <message>
        <source>COMAR application: {who}</source>
        <translation>Solicitud ante COMAR: {who}</translation>
    </message>
    <message>
        <source>Referral to the Procuraduría de Protección: {who}</source>
        <translation>Canalización a la Procuraduría de Protección: {who}</translation>
    </message>
    <message>
        <source>School enrollment: {who}</source>
        <translation>Inscripción escolar: {who}</translation>
    </message>
    <message>
        <source>INEA: {who}</source>
        <translation>INEA: {who}</translation>
    </message>
    <message>
        <source>Spanish class group</source>
        <translation>Grupo de clases de español</translation>
    </message>
    <message>
        <source>Job follow-up: {who}</source>
        <translation>Seguimiento laboral: {who}</translation>
    </message>
    <message>
        <source>Move out: {who}</source>
        <translation>Salida de la vivienda: {who}</translation>
    </message>
    <message>
        <source>Spanish class session</source>
        <translation>Sesión de clase de español</translation>
    </message>
</context>
</TS>
