<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>BedBoardView</name>
    <message>
        <source>All segments</source>
        <translation>Todos los segmentos</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Read the board again (F5)</source>
        <translation>Leer de nuevo el tablero (F5)</translation>
    </message>
    <message>
        <source>Con&amp;figure center…</source>
        <translation>Con&amp;figurar centro…</translation>
    </message>
    <message>
        <source>&amp;Center</source>
        <translation>&amp;Centro</translation>
    </message>
    <message>
        <source>&amp;Segment</source>
        <translation>&amp;Segmento</translation>
    </message>
    <message>
        <source>&amp;Beds</source>
        <translation>Ca&amp;mas</translation>
    </message>
    <message>
        <source>&amp;Daily numbers</source>
        <translation>Números del &amp;día</translation>
    </message>
    <message>
        <source>There is no center yet.</source>
        <translation>Aún no hay centros.</translation>
    </message>
    <message>
        <source>&amp;Assign a person…</source>
        <translation>&amp;Asignar a una persona…</translation>
    </message>
    <message>
        <source>&amp;Move to another bed…</source>
        <translation>&amp;Mover a otra cama…</translation>
    </message>
    <message>
        <source>Check &amp;out…</source>
        <translation>Dar &amp;salida…</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>&amp;Trasladar…</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Bloquear…</translation>
    </message>
    <message>
        <source>&amp;Unblock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Open record</source>
        <translation>Abrir e&amp;xpediente</translation>
    </message>
    <message>
        <source>Bed {bed} is back in service.</source>
        <translation>La cama {bed} vuelve a estar en servicio.</translation>
    </message>
    <message>
        <source>Choose a free bed for {name}: click it, or move with the arrows and press Enter. Esc cancels.</source>
        <translation>Elija una cama libre para {name}: haga clic en ella, o muévase con las flechas y pulse Intro. Esc cancela.</translation>
    </message>
    <message>
        <source>Bed {bed} is not free.</source>
        <translation>La cama {bed} no está libre.</translation>
    </message>
    <message>
        <source>{name} is now in bed {bed}.</source>
        <translation>{name} ahora está en la cama {bed}.</translation>
    </message>
</context>
<context>
    <name>BedGrid</name>
    <message>
        <source>Bed board</source>
        <translation>Tablero de camas</translation>
    </message>
    <message>
        <source>No beds to show.</source>
        <translation>No hay camas que mostrar.</translation>
    </message>
    <message>
        <source>{occupied} of {beds} beds occupied · {free} free · {blocked} blocked · Sphere {sphere}</source>
        <translation>{occupied} de {beds} camas ocupadas · {free} libres · {blocked} bloqueadas · Esfera {sphere}</translation>
    </message>
    <message>
        <source>unknown (no m²)</source>
        <translation>desconocida (sin m²)</translation>
    </message>
    <message>
        <source>{people} people ({m2:g} m²)</source>
        <translation>{people} personas ({m2:g} m²)</translation>
    </message>
    <message>
        <source>Blocked: {reason}</source>
        <translation>Bloqueada: {reason}</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <source>Bed {bed} ({area}): {name} ({folio}), household {household}, since {date}</source>
        <translation>Cama {bed} ({area}): {name} ({folio}), núcleo {household}, desde el {date}</translation>
    </message>
    <message>
        <source>Bed {bed} ({area}): blocked. Reason: {reason}</source>
        <translation>Cama {bed} ({area}): bloqueada. Motivo: {reason}</translation>
    </message>
    <message>
        <source>Bed {bed} ({area}): free</source>
        <translation>Cama {bed} ({area}): libre</translation>
    </message>
</context>
<context>
    <name>BlockDialog</name>
    <message>
        <source>Broken cot</source>
        <translation>Catre roto</translation>
    </message>
    <message>
        <source>Wet mat</source>
        <translation>Colchoneta mojada</translation>
    </message>
    <message>
        <source>Kept free for isolation</source>
        <translation>Reservada para aislamiento</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation>Limpieza</translation>
    </message>
    <message>
        <source>Block bed {bed}</source>
        <translation>Bloquear la cama {bed}</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Cama</translation>
    </message>
    <message>
        <source>Why the bed is out of service</source>
        <translation>Por qué la cama queda fuera de servicio</translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation>&amp;Motivo (obligatorio)</translation>
    </message>
    <message>
        <source>Write why the bed is blocked: the reason is required.</source>
        <translation>Escriba por qué se bloquea la cama: el motivo es obligatorio.</translation>
    </message>
    <message>
        <source>Bed {bed} blocked.</source>
        <translation>Cama {bed} bloqueada.</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <source>Selected bed</source>
        <translation>Cama seleccionada</translation>
    </message>
    <message>
        <source>Choose a bed on the board (arrows, Enter for its actions).</source>
        <translation>Elija una cama en el tablero (flechas; Intro para sus acciones).</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Asignar…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Mover…</translation>
    </message>
    <message>
        <source>Check out…</source>
        <translation>Dar salida…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Trasladar…</translation>
    </message>
    <message>
        <source>Block…</source>
        <translation>Bloquear…</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Abrir expediente</translation>
    </message>
    <message>
        <source>Give a &amp;bed…</source>
        <translation>Asig&amp;nar cama…</translation>
    </message>
    <message>
        <source>&amp;Receive…</source>
        <translation>&amp;Recibir…</translation>
    </message>
    <message numerus="yes">
        <source>Present without a bed (%n)</source>
        <translation>
            <numerusform>En el albergue sin cama (%n)</numerusform>
            <numerusform>En el albergue sin cama (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expected arrivals (%n)</source>
        <translation>
            <numerusform>Llegadas pendientes (%n)</numerusform>
            <numerusform>Llegadas pendientes (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>from {center}</source>
        <translation>desde {center}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motivo: {reason}</translation>
    </message>
    <message>
        <source>Since {date}</source>
        <translation>Desde el {date}</translation>
    </message>
    <message>
        <source>Household {name}: beds {beds}</source>
        <translation>Núcleo {name}: camas {beds}</translation>
    </message>
</context>
<context>
    <name>CenterConfigDialog</name>
    <message>
        <source>Configure center</source>
        <translation>Configurar centro</translation>
    </message>
    <message>
        <source>The center has &amp;medical care</source>
        <translation>El centro tiene atención &amp;médica</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>Another value</source>
        <translation>Otro valor</translation>
    </message>
    <message>
        <source>&amp;Save center</source>
        <translation>&amp;Guardar centro</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Perfil</translation>
    </message>
    <message>
        <source>Daily &amp;capacity</source>
        <translation>&amp;Capacidad diaria</translation>
    </message>
    <message>
        <source>Sphere: m² per &amp;person</source>
        <translation>Esfera: m² por pe&amp;rsona</translation>
    </message>
    <message>
        <source>Sphere (the Sphere Handbook, 2018) sets the minimum humanitarian standards: here, the covered living space per person (at least 3.5 m²; 4.5-5.5 m² in a cold climate or where people cook and wash indoors). An area&apos;s Sphere capacity is its m² divided by that figure.</source>
        <translation>Esfera (el Manual Esfera, 2018) fija las normas humanitarias mínimas: aquí, el espacio cubierto para vivir por persona (al menos 3.5 m²; 4.5-5.5 m² en clima frío o donde se cocina y se lava bajo techo). La capacidad Esfera de un área es su superficie en m² dividida entre esa cifra.</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>m²</source>
        <translation>m²</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>Camas</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueadas</translation>
    </message>
    <message>
        <source>Sphere capacity</source>
        <translation>Capacidad Esfera</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Save &amp;area</source>
        <translation>Guardar ár&amp;ea</translation>
    </message>
    <message>
        <source>&amp;New area</source>
        <translation>&amp;Nueva área</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>N&amp;ombre</translation>
    </message>
    <message>
        <source>Se&amp;gment</source>
        <translation>&amp;Segmento</translation>
    </message>
    <message>
        <source>&amp;Floor area</source>
        <translation>Super&amp;ficie</translation>
    </message>
    <message>
        <source>C&amp;reate beds</source>
        <translation>Cre&amp;ar camas</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>in</source>
        <translation>en</translation>
    </message>
    <message>
        <source>code prefix</source>
        <translation>prefijo del código</translation>
    </message>
    <message>
        <source>Reason (required to block)</source>
        <translation>Motivo (obligatorio para bloquear)</translation>
    </message>
    <message>
        <source>&amp;Block selected</source>
        <translation>&amp;Bloquear las seleccionadas</translation>
    </message>
    <message>
        <source>&amp;Unblock selected</source>
        <translation>&amp;Desbloquear las seleccionadas</translation>
    </message>
    <message>
        <source>Beds of the selected area</source>
        <translation>Camas del área seleccionada</translation>
    </message>
    <message>
        <source>Areas and dormitories</source>
        <translation>Áreas y dormitorios</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
    <message>
        <source>A value set by the center, not a Sphere preset.</source>
        <translation>Un valor propio del centro, no un valor de Esfera.</translation>
    </message>
    <message>
        <source>Center saved.</source>
        <translation>Centro guardado.</translation>
    </message>
    <message>
        <source>Area saved.</source>
        <translation>Área guardada.</translation>
    </message>
    <message>
        <source>Write the name of the new area first.</source>
        <translation>Primero escriba el nombre de la nueva área.</translation>
    </message>
    <message>
        <source>Area {name} created.</source>
        <translation>Área {name} creada.</translation>
    </message>
    <message numerus="yes">
        <source>%n bed(s) created in {area}.</source>
        <translation>
            <numerusform>%n cama creada en {area}.</numerusform>
            <numerusform>%n camas creadas en {area}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write why the beds are blocked: the reason is required.</source>
        <translation>Escriba por qué se bloquean las camas: el motivo es obligatorio.</translation>
    </message>
    <message numerus="yes">
        <source>%n bed(s) blocked.</source>
        <translation>
            <numerusform>%n cama bloqueada.</numerusform>
            <numerusform>%n camas bloqueadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bed(s) unblocked.</source>
        <translation>
            <numerusform>%n cama desbloqueada.</numerusform>
            <numerusform>%n camas desbloqueadas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Check-in</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>&amp;Registrar ingreso</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Cama</translation>
    </message>
    <message>
        <source>No bed for now</source>
        <translation>Sin cama por ahora</translation>
    </message>
    <message>
        <source>&amp;Bed</source>
        <translation>&amp;Cama</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Name or folio, then Enter</source>
        <translation>Nombre o folio, luego Intro</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Persona</translation>
    </message>
    <message>
        <source>Bedding kit</source>
        <translation>Kit de cama</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>present here without a bed</source>
        <translation>en este albergue sin cama</translation>
    </message>
    <message>
        <source>expected arrival (transfer)</source>
        <translation>llegada pendiente (traslado)</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>No se encontró a nadie.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found already have a bed and are not listed (to change a bed, use Move to another bed on the board).</source>
        <translation>
            <numerusform>%n persona encontrada ya tiene cama y no se muestra (para cambiarla de cama, use Mover a otra cama en el tablero).</numerusform>
            <numerusform>%n personas encontradas ya tienen cama y no se muestran (para cambiarlas de cama, use Mover a otra cama en el tablero).</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a person.</source>
        <translation>Elija a una persona.</translation>
    </message>
    <message>
        <source>Choose a bed.</source>
        <translation>Elija una cama.</translation>
    </message>
    <message>
        <source>Bed assigned.</source>
        <translation>Cama asignada.</translation>
    </message>
    <message>
        <source>Checked in.</source>
        <translation>Ingreso registrado.</translation>
    </message>
</context>
<context>
    <name>CheckOutDialog</name>
    <message>
        <source>Check-out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>&amp;Check out</source>
        <translation>Dar &amp;salida</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>City, address, hospital…</source>
        <translation>Ciudad, domicilio, hospital…</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>&amp;Destination</source>
        <translation>&amp;Destino</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>{name} checked out; the bed is free.</source>
        <translation>Salida de {name} registrada; la cama quedó libre.</translation>
    </message>
</context>
<context>
    <name>DailyNumbersPanel</name>
    <message>
        <source>Present</source>
        <translation>Presentes</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Llegadas</translation>
    </message>
    <message>
        <source>Departures</source>
        <translation>Salidas</translation>
    </message>
    <message>
        <source>Expected (transfers)</source>
        <translation>Esperadas (traslados)</translation>
    </message>
    <message>
        <source>Free beds</source>
        <translation>Camas libres</translation>
    </message>
    <message>
        <source>Occupied beds</source>
        <translation>Camas ocupadas</translation>
    </message>
    <message>
        <source>Blocked beds</source>
        <translation>Camas bloqueadas</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>Camas</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Día</translation>
    </message>
    <message>
        <source>{code} · {name}, {day}</source>
        <translation>{code} · {name}, {day}</translation>
    </message>
    <message>
        <source>{count} ({transfers} transfers)</source>
        <translation>{count} ({transfers} por traslado)</translation>
    </message>
    <message>
        <source>Sex: {sex}</source>
        <translation>Sexo: {sex}</translation>
    </message>
    <message>
        <source>Age: unknown</source>
        <translation>Edad: desconocida</translation>
    </message>
    <message>
        <source>Age: {group} years</source>
        <translation>Edad: {group} años</translation>
    </message>
    <message>
        <source>Segment: {segment}</source>
        <translation>Segmento: {segment}</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <source>Place a household</source>
        <translation>Ubicar un núcleo familiar</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Why this option</source>
        <translation>Por qué esta opción</translation>
    </message>
    <message>
        <source>Bedding kit for each member:</source>
        <translation>Kit de cama para cada integrante:</translation>
    </message>
    <message>
        <source>Other beds (override)</source>
        <translation>Otras camas (cambio a la sugerencia)</translation>
    </message>
    <message>
        <source>Why the suggestion is not followed (required)</source>
        <translation>Por qué no se sigue la sugerencia (obligatorio)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Accept and check in</source>
        <translation>&amp;Aceptar e ingresar</translation>
    </message>
    <message>
        <source>Choose &amp;other beds…</source>
        <translation>Elegir &amp;otras camas…</translation>
    </message>
    <message>
        <source>Check in &amp;with these beds</source>
        <translation>Ingresar &amp;con estas camas</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mes</numerusform>
            <numerusform>%n meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n año</numerusform>
            <numerusform>%n años</numerusform>
        </translation>
    </message>
    <message>
        <source>no date of birth</source>
        <translation>sin fecha de nacimiento</translation>
    </message>
    <message>
        <source>age in doubt</source>
        <translation>edad en duda</translation>
    </message>
    <message>
        <source>pregnant</source>
        <translation>embarazada</translation>
    </message>
    <message>
        <source>screening {colour}</source>
        <translation>tamizaje {colour}</translation>
    </message>
    <message>
        <source>unaccompanied</source>
        <translation>no acompañado(a)</translation>
    </message>
    <message>
        <source>separated</source>
        <translation>separado(a)</translation>
    </message>
    <message>
        <source>Members to place:</source>
        <translation>Integrantes por ubicar:</translation>
    </message>
    <message>
        <source>✓ keeps every rule</source>
        <translation>✓ cumple todas las reglas</translation>
    </message>
    <message>
        <source>relaxes: {rules}</source>
        <translation>no cumple: {rules}</translation>
    </message>
    <message>
        <source>No suggestion: choose the beds and write the reason.</source>
        <translation>Sin sugerencias: elija las camas y escriba el motivo.</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>Camas</translation>
    </message>
    <message>
        <source>Checking in…</source>
        <translation>Registrando el ingreso…</translation>
    </message>
    <message>
        <source>No bed for now</source>
        <translation>Sin cama por ahora</translation>
    </message>
    <message>
        <source>Write the reason for choosing other beds: it is required and recorded.</source>
        <translation>Escriba el motivo para elegir otras camas: es obligatorio y queda registrado.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer to another center</source>
        <translation>Traslado a otro centro</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Trasladar</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>&amp;To center</source>
        <translation>&amp;Al centro</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>The bed frees now; the other center receives the person as an expected arrival, with the same record and folio.</source>
        <translation>La cama se libera ahora; el otro centro recibe a la persona como llegada pendiente, con el mismo expediente y folio.</translation>
    </message>
    <message>
        <source>No other open center is known to this file, so there is nowhere to transfer to. The other centers arrive with the next synchronization with the central, or an administrator adds them.</source>
        <translation>No hay otro centro abierto en este archivo, así que no hay a dónde trasladar. Los demás centros llegan con la próxima sincronización con la central, o los agrega un administrador.</translation>
    </message>
    <message>
        <source>There is no other open center.</source>
        <translation>No hay otro centro abierto.</translation>
    </message>
    <message>
        <source>{name} transferred to {center}.</source>
        <translation>{name} trasladado(a) a {center}.</translation>
    </message>
</context>
<context>
    <name>beds_actions</name>
    <message>
        <source>&amp;Beds</source>
        <translation>Ca&amp;mas</translation>
    </message>
    <message>
        <source>Bed &amp;board</source>
        <translation>&amp;Tablero de camas</translation>
    </message>
    <message>
        <source>&amp;Daily numbers</source>
        <translation>Números del &amp;día</translation>
    </message>
    <message>
        <source>&amp;Place the household of the selected person…</source>
        <translation>&amp;Ubicar el núcleo familiar de la persona seleccionada…</translation>
    </message>
    <message>
        <source>&amp;Configure center and beds…</source>
        <translation>&amp;Configurar centro y camas…</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>Camas</translation>
    </message>
    <message>
        <source>Next step: bed assignment, by intake or coordination staff.</source>
        <translation>Siguiente paso: asignación de cama, a cargo de registro o coordinación.</translation>
    </message>
    <message>
        <source>Select a person in the list first.</source>
        <translation>Primero seleccione a una persona en la lista.</translation>
    </message>
</context>
<context>
    <name>beds_labels</name>
    <message>
        <source>free beds</source>
        <translation>camas libres</translation>
    </message>
    <message>
        <source>protection of minors</source>
        <translation>protección de menores</translation>
    </message>
    <message>
        <source>segment safety</source>
        <translation>seguridad del segmento</translation>
    </message>
    <message>
        <source>respiratory isolation</source>
        <translation>aislamiento respiratorio</translation>
    </message>
    <message>
        <source>household apart from other cases</source>
        <translation>núcleo aparte de otros casos</translation>
    </message>
    <message>
        <source>household together</source>
        <translation>núcleo familiar junto</translation>
    </message>
    <message>
        <source>maternity</source>
        <translation>maternidad</translation>
    </message>
    <message>
        <source>medical care</source>
        <translation>atención médica</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>segmento</translation>
    </message>
    <message>
        <source>Sphere space</source>
        <translation>espacio Esfera</translation>
    </message>
    <message>
        <source>adjacent beds</source>
        <translation>camas contiguas</translation>
    </message>
    <message>
        <source>health indication</source>
        <translation>indicación de salud</translation>
    </message>
    <message>
        <source>Family quarantine room</source>
        <translation>Cuarto familiar de cuarentena</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <source>Occupied</source>
        <translation>Ocupada</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <source>without a bed</source>
        <translation>sin cama</translation>
    </message>
    <message>
        <source>Beds: {present} present · {in_service} in service · {free} free · {blocked} blocked</source>
        <translation>Camas: {present} personas presentes · {in_service} en servicio · {free} libres · {blocked} bloqueadas</translation>
    </message>
    <message>
        <source>Sphere: capacity unknown (floor area missing in an area)</source>
        <translation>Esfera: capacidad desconocida (falta la superficie de un área)</translation>
    </message>
    <message>
        <source>Sphere: {capacity} people ({m2} m² per person)</source>
        <translation>Esfera: {capacity} personas ({m2} m² por persona)</translation>
    </message>
</context>
</TS>
