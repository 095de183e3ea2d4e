<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>CentralSetupDialog</name>
    <message>
        <source>Albergue — Central file</source>
        <translation>Albergue — Archivo central</translation>
    </message>
    <message>
        <source>This is a central file: it gathers the records of the centers {codes}. Create its first administrator, who will then create the supervisors&apos; accounts.</source>
        <translation>Este es un archivo central: reúne los registros de los centros {codes}. Cree su primer administrador, quien después creará las cuentas de supervisión.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Open record &amp;A</source>
        <translation>Abrir registro &amp;A</translation>
    </message>
    <message>
        <source>Open record &amp;B</source>
        <translation>Abrir registro &amp;B</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Show &amp;resolved ones too</source>
        <translation>Mostrar también los &amp;resueltos</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Open the record</source>
        <translation>A&amp;brir el registro</translation>
    </message>
    <message>
        <source>Value kept by the merge</source>
        <translation>Valor que conservó la integración</translation>
    </message>
    <message>
        <source>&amp;Keep this value</source>
        <translation>&amp;Conservar este valor</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Otro valor</translation>
    </message>
    <message>
        <source>&amp;Use this value</source>
        <translation>&amp;Usar este valor</translation>
    </message>
    <message>
        <source>or type the right value</source>
        <translation>o escriba el valor correcto</translation>
    </message>
    <message>
        <source>Use the &amp;typed value</source>
        <translation>Usar el valor &amp;escrito</translation>
    </message>
    <message>
        <source>&amp;Mark as reviewed</source>
        <translation>&amp;Marcar como revisado</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n conflicto abierto</numerusform>
            <numerusform>%n conflictos abiertos</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved by {who}</source>
        <translation>Resuelto por {who}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Record deleted</source>
        <translation>Registro eliminado</translation>
    </message>
    <message>
        <source>No conflict selected.</source>
        <translation>Ningún conflicto seleccionado.</translation>
    </message>
    <message>
        <source>&amp;Keep deleted</source>
        <translation>&amp;Dejar eliminado</translation>
    </message>
    <message>
        <source>&amp;Restore the record</source>
        <translation>&amp;Restaurar el registro</translation>
    </message>
    <message>
        <source>Resolved by {who} on {when}: {value}</source>
        <translation>Resuelto por {who} el {when}: {value}</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect with the central&apos;s server</source>
        <translation>Conectar con el servidor de la central</translation>
    </message>
    <message>
        <source>Type the address of the central&apos;s sync server and the enrollment code the central gave for this center. Once connected, this computer sends its changes and brings the central&apos;s by itself whenever the server can be reached.</source>
        <translation>Escriba la dirección del servidor de sincronización de la central y el código de inscripción que la central dio para este centro. Una vez conectada, esta computadora envía sus cambios y trae los de la central por sí sola cada vez que el servidor esté al alcance.</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
        <source>Enrollment &amp;code:</source>
        <translation>&amp;Código de inscripción:</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>Co&amp;nectar</translation>
    </message>
    <message>
        <source>Type the server&apos;s address and the code.</source>
        <translation>Escriba la dirección del servidor y el código.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Close without connecting?</source>
        <translation>¿Cerrar sin conectar?</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>&amp;Look for duplicates</source>
        <translation>&amp;Buscar duplicados</translation>
    </message>
    <message>
        <source>Likely (score 80 or more)</source>
        <translation>Probables (puntaje de 80 o más)</translation>
    </message>
    <message>
        <source>Very likely (90 or more)</source>
        <translation>Muy probables (90 o más)</translation>
    </message>
    <message>
        <source>Possible (70 or more)</source>
        <translation>Posibles (70 o más)</translation>
    </message>
    <message>
        <source>Only between &amp;different centers</source>
        <translation>Solo entre centros &amp;distintos</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntaje</translation>
    </message>
    <message>
        <source>Record A</source>
        <translation>Registro A</translation>
    </message>
    <message>
        <source>Record B</source>
        <translation>Registro B</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivos</translation>
    </message>
    <message>
        <source>&amp;Confirm duplicate</source>
        <translation>&amp;Confirmar duplicado</translation>
    </message>
    <message>
        <source>&amp;Not a duplicate</source>
        <translation>&amp;No es duplicado</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>Conservar:</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Por revisar</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicado</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>Vinculado a</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>&amp;Undo the link</source>
        <translation>&amp;Deshacer el vínculo</translation>
    </message>
    <message>
        <source>&amp;Open the kept record</source>
        <translation>&amp;Abrir el registro conservado</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmados</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Buscando duplicados…</translation>
    </message>
    <message>
        <source>{records} records compared in {seconds} s</source>
        <translation>{records} registros comparados en {seconds} s</translation>
    </message>
    <message>
        <source>To review ({count})</source>
        <translation>Por revisar ({count})</translation>
    </message>
    <message>
        <source>{letter}: {record}; the other is its duplicate</source>
        <translation>{letter}: {record}; el otro es su duplicado</translation>
    </message>
    <message>
        <source>{duplicate} is now linked to {kept}.</source>
        <translation>{duplicate} quedó vinculado a {kept}.</translation>
    </message>
    <message>
        <source>The pair will not be proposed again.</source>
        <translation>Esta pareja no se volverá a proponer.</translation>
    </message>
    <message>
        <source>Confirmed ({count})</source>
        <translation>Confirmados ({count})</translation>
    </message>
    <message>
        <source>{duplicate} is listed again.</source>
        <translation>{duplicate} vuelve a aparecer en las listas.</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <source>Synchronized</source>
        <translation>Sincronizado</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) pending</source>
        <translation>
            <numerusform>%n cambio pendiente</numerusform>
            <numerusform>%n cambios pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline since {time}</source>
        <translation>Sin conexión desde {time}</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Rechazado: {reason}</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>The central file gathers the databases of every center. Send this database to it (over a shared folder or a USB stick), and bring back the people registered at other centers.</source>
        <translation>El archivo central reúne las bases de datos de todos los centros. Envíe esta base de datos (por una carpeta compartida o una memoria USB) y traiga a las personas registradas en otros centros.</translation>
    </message>
    <message>
        <source>e.g. E:\albergue-central.sqlite</source>
        <translation>p. ej. E:\albergue-central.sqlite</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>Central &amp;file:</source>
        <translation>&amp;Archivo central:</translation>
    </message>
    <message>
        <source>&amp;Send to the central file</source>
        <translation>En&amp;viar al archivo central</translation>
    </message>
    <message>
        <source>&amp;Bring from the central file</source>
        <translation>&amp;Traer del archivo central</translation>
    </message>
    <message>
        <source>Also bring &amp;health records of other centers</source>
        <translation>Traer también datos de &amp;salud de otros centros</translation>
    </message>
    <message>
        <source>Vaccinations and screenings of people of other centers. Off unless this center cares for them.</source>
        <translation>Vacunas y tamizajes de personas de otros centros. Desactivado salvo que este centro las atienda.</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncelar</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué cambió</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizados</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Integración</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Central file</source>
        <translation>Archivo central</translation>
    </message>
    <message>
        <source>Albergue databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de datos de Albergue (*.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose the central file first.</source>
        <translation>Primero elija el archivo central.</translation>
    </message>
    <message>
        <source>Copying this database…</source>
        <translation>Copiando esta base de datos…</translation>
    </message>
    <message>
        <source>Checking the central file…</source>
        <translation>Revisando el archivo central…</translation>
    </message>
    <message>
        <source>synchronization in progress</source>
        <translation>sincronización en curso</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Merging: {table}</source>
        <translation>Integrando: {table}</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Revisando {file}…</translation>
    </message>
    <message>
        <source>This database was sent to the new central file {file}.</source>
        <translation>Esta base de datos se envió al nuevo archivo central {file}.</translation>
    </message>
    <message>
        <source>This database was sent to {file}.</source>
        <translation>Esta base de datos se envió a {file}.</translation>
    </message>
    <message>
        <source>The central file {file} was brought into this database.</source>
        <translation>Se trajo el archivo central {file} a esta base de datos.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) new or updated.</source>
        <translation>
            <numerusform>%n registro nuevo o actualizado.</numerusform>
            <numerusform>%n registros nuevos o actualizados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recovery code of the central file (write it down and keep it locked away; it is shown only now): {code}.</source>
        <translation>Código de recuperación del archivo central (anótelo y guárdelo bajo llave; solo se muestra ahora): {code}.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review.</source>
        <translation>
            <numerusform>%n conflicto por revisar.</numerusform>
            <numerusform>%n conflictos por revisar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished at {time}.</source>
        <translation>Terminó el {time}.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Cancelado. No se cambió nada.</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>completa</translation>
    </message>
    <message>
        <source>changes only</source>
        <translation>solo cambios</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>What changed in the central file</source>
        <translation>Qué cambió en el archivo central</translation>
    </message>
    <message>
        <source>What changed in this database</source>
        <translation>Qué cambió en esta base de datos</translation>
    </message>
</context>
<context>
    <name>WriteBox</name>
    <message>
        <source>unknown user</source>
        <translation>usuario desconocido</translation>
    </message>
    <message>
        <source>site {site}</source>
        <translation>sitio {site}</translation>
    </message>
    <message>
        <source>By {who} · {where}
On {when}</source>
        <translation>Por {who} · {where}
El {when}</translation>
    </message>
</context>
<context>
    <name>sync_actions</name>
    <message>
        <source>S&amp;ync</source>
        <translation>Sincroni&amp;zación</translation>
    </message>
    <message>
        <source>&amp;Synchronize with the central file…</source>
        <translation>&amp;Sincronizar con el archivo central…</translation>
    </message>
    <message>
        <source>Co&amp;nnect with the central&apos;s server…</source>
        <translation>Co&amp;nectar con el servidor de la central…</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts</source>
        <translation>&amp;Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Possible &amp;duplicates</source>
        <translation>Posibles &amp;duplicados</translation>
    </message>
    <message>
        <source>Never synchronized</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message>
        <source>Last sync: {time}</source>
        <translation>Última sincronización: {time}</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicados</translation>
    </message>
</context>
<context>
    <name>sync_labels</name>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Documento de identidad</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>Vacuna</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Estancia</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Cama</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Tamizaje</translation>
    </message>
    <message>
        <source>Placement decision</source>
        <translation>Decisión de ubicación</translation>
    </message>
    <message>
        <source>Duplicates review</source>
        <translation>Revisión de duplicados</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <source>Different values</source>
        <translation>Valores distintos</translation>
    </message>
    <message>
        <source>Edited while deleted</source>
        <translation>Editado mientras se eliminaba</translation>
    </message>
    <message>
        <source>Missing related record</source>
        <translation>Falta el registro relacionado</translation>
    </message>
    <message>
        <source>Repeated folio or code</source>
        <translation>Folio o clave repetidos</translation>
    </message>
    <message>
        <source>Overlapping stays</source>
        <translation>Estancias simultáneas</translation>
    </message>
    <message>
        <source>Check-out at the same time as an arrival</source>
        <translation>Salida simultánea a una llegada</translation>
    </message>
    <message>
        <source>Deleted person with an open stay</source>
        <translation>Persona eliminada con estancia abierta</translation>
    </message>
    <message>
        <source>same document {detail}</source>
        <translation>mismo documento {detail}</translation>
    </message>
    <message>
        <source>same date of birth</source>
        <translation>misma fecha de nacimiento</translation>
    </message>
    <message>
        <source>names {detail} %</source>
        <translation>nombres al {detail} %</translation>
    </message>
    <message>
        <source>sound alike</source>
        <translation>suenan igual</translation>
    </message>
    <message>
        <source>same year of birth</source>
        <translation>mismo año de nacimiento</translation>
    </message>
    <message>
        <source>centers {detail}</source>
        <translation>centros {detail}</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Registered at</source>
        <translation>Registrado en</translation>
    </message>
    <message>
        <source>Lodged now at</source>
        <translation>Albergado ahora en</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Fecha de registro</translation>
    </message>
    <message>
        <source>{date} (estimated)</source>
        <translation>{date} (estimada)</translation>
    </message>
    <message>
        <source>not lodged</source>
        <translation>no albergado</translation>
    </message>
</context>
</TS>
