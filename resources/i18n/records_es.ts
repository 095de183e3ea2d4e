<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>DeletePersonDialog</name>
    <message>
        <source>Delete {folio}</source>
        <translation>Eliminar {folio}</translation>
    </message>
    <message>
        <source>The record of {name} ({folio}) will be marked as deleted: it disappears from lists and searches but stays in the history. If the person is lodged, the stay is closed and the bed is freed.</source>
        <translation>El registro de {name} ({folio}) se marcará como eliminado: desaparece de listas y búsquedas pero permanece en el historial. Si la persona está albergada, se cierra su estancia y se libera la cama.</translation>
    </message>
    <message>
        <source>The personal data of {name} ({folio}) will be erased in this file and, when it syncs, in every file: names, documents, photo, contact, notes, health and protection records. Only sex, nationality, birth year and the dates of the stays are kept for the counts. This cannot be undone.</source>
        <translation>Los datos personales de {name} ({folio}) se borrarán en este archivo y, al sincronizar, en todos los archivos: nombres, documentos, fotografía, contacto, notas, registros de salud y de protección. Solo se conservan el sexo, la nacionalidad, el año de nacimiento y las fechas de las estancias para las cifras. Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>&amp;Erase the personal data (cannot be undone)</source>
        <translation>&amp;Borrar los datos personales (no se puede deshacer)</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Motivo (obligatorio):</translation>
    </message>
    <message>
        <source>e.g. registered twice by mistake</source>
        <translation>p. ej. registrado dos veces por error</translation>
    </message>
    <message>
        <source>&amp;Delete record</source>
        <translation>&amp;Eliminar registro</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Erase data</source>
        <translation>&amp;Borrar los datos</translation>
    </message>
</context>
<context>
    <name>EditPersonDialog</name>
    <message>
        <source>Edit {folio}</source>
        <translation>Editar {folio}</translation>
    </message>
    <message>
        <source>Identity documents</source>
        <translation>Documentos de identidad</translation>
    </message>
    <message>
        <source>Doses received</source>
        <translation>Dosis recibidas</translation>
    </message>
    <message>
        <source>Basic data</source>
        <translation>Datos básicos</translation>
    </message>
    <message>
        <source>Documents and migratory status</source>
        <translation>Documentos y situación migratoria</translation>
    </message>
    <message>
        <source>Languages, education and work</source>
        <translation>Idiomas, escolaridad y trabajo</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>Vacunación</translation>
    </message>
    <message>
        <source>Specific needs and consent</source>
        <translation>Necesidades específicas y consentimiento</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Correct the marked fields; nothing was saved.</source>
        <translation>Corrija los campos marcados; no se guardó nada.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>The changes to this record have not been saved. Discard them?</source>
        <translation>Los cambios de este registro no se han guardado. ¿Descartarlos?</translation>
    </message>
</context>
<context>
    <name>FieldsPage</name>
    <message>
        <source>The date of birth is estimated</source>
        <translation>La fecha de nacimiento es estimada</translation>
    </message>
    <message>
        <source>Age in doubt: presumed a minor</source>
        <translation>Edad en duda: se presume menor de edad</translation>
    </message>
    <message>
        <source>Tick when the age given or written on a document may be wrong. A person whose age is in doubt is presumed a minor (LGDNNA art. 5): placement keeps them away from unrelated adults and asks for the DIF protection route. An estimated date of birth alone is not doubt.</source>
        <translation>Marque cuando la edad declarada o escrita en un documento pueda no ser correcta. Una persona cuya edad está en duda se presume menor de edad (LGDNNA art. 5): la ubicación la mantiene lejos de adultos que no son de su familia y pide la ruta de protección del DIF. Una fecha de nacimiento estimada por sí sola no es duda.</translation>
    </message>
</context>
<context>
    <name>NeedsConsentPage</name>
    <message>
        <source>Consent to data processing</source>
        <translation>Consentimiento para el tratamiento de datos</translation>
    </message>
    <message>
        <source>The person consents to the processing of their personal data for:</source>
        <translation>La persona consiente el tratamiento de sus datos personales para:</translation>
    </message>
    <message>
        <source>Last recorded by {user} on {date}.</source>
        <translation>Registrado por última vez por {user} el {date}.</translation>
    </message>
    <message>
        <source>Last recorded by {user}.</source>
        <translation>Registrado por última vez por {user}.</translation>
    </message>
    <message>
        <source>Not recorded yet.</source>
        <translation>Aún no se ha registrado.</translation>
    </message>
    <message>
        <source>A change is recorded with your user name ({user}) and the date and time of saving.</source>
        <translation>Un cambio se registra con su usuario ({user}) y la fecha y hora en que se guarde.</translation>
    </message>
</context>
<context>
    <name>PersonRecordView</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit this record (Ctrl+E)</source>
        <translation>Editar este registro (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>Personal &amp;data…</source>
        <translation>&amp;Datos personales…</translation>
    </message>
    <message>
        <source>Print everything held about this person (a data-protection access request)</source>
        <translation>Imprimir todo lo que se tiene de esta persona (solicitud de acceso a datos personales)</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>Datos personales</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Migratory status and identifiers</source>
        <translation>Situación migratoria e identificadores</translation>
    </message>
    <message>
        <source>Consent and notes</source>
        <translation>Consentimiento y notas</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Núcleo familiar</translation>
    </message>
    <message>
        <source>Specific needs</source>
        <translation>Necesidades específicas</translation>
    </message>
    <message>
        <source>Identity documents</source>
        <translation>Documentos de identidad</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Estancias</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <source>Who viewed this record</source>
        <translation>Quién consultó este registro</translation>
    </message>
    <message>
        <source>record</source>
        <translation>registro</translation>
    </message>
    <message>
        <source>health history</source>
        <translation>historial de salud</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Cuándo (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Consultó</translation>
    </message>
    <message>
        <source>No one has viewed this record yet.</source>
        <translation>Nadie ha consultado este registro todavía.</translation>
    </message>
    <message>
        <source>This record cannot be shown</source>
        <translation>No se puede mostrar este registro</translation>
    </message>
    <message>
        <source>Center {center}</source>
        <translation>Centro {center}</translation>
    </message>
    <message>
        <source>{doc} expired on {date}</source>
        <translation>{doc} vencido el {date}</translation>
    </message>
    <message>
        <source>No consent recorded</source>
        <translation>Sin consentimiento registrado</translation>
    </message>
    <message>
        <source>{date} (estimated; about {age} years)</source>
        <translation>{date} (estimada; unos {age} años)</translation>
    </message>
    <message>
        <source>{date} ({age} years)</source>
        <translation>{date} ({age} años)</translation>
    </message>
    <message>
        <source>age in doubt: presumed a minor</source>
        <translation>edad en duda: se presume menor de edad</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Ninguna registrada.</translation>
    </message>
    <message>
        <source>health information</source>
        <translation>información de salud</translation>
    </message>
    <message>
        <source>confidential: protection</source>
        <translation>confidencial: protección</translation>
    </message>
    <message>
        <source>This record was deleted on {date} by {user}. Reason: {reason}</source>
        <translation>Este registro fue eliminado el {date} por {user}. Motivo: {reason}</translation>
    </message>
    <message>
        <source>Duplicate record of {folio}: the lists and counts show that record instead of this one.</source>
        <translation>Registro duplicado de {folio}: las listas y los conteos muestran ese registro en lugar de este.</translation>
    </message>
    <message>
        <source>personal-data.pdf</source>
        <translation>datos-personales.pdf</translation>
    </message>
    <message>
        <source>Linked duplicate records</source>
        <translation>Registros duplicados vinculados</translation>
    </message>
    <message>
        <source>No household.</source>
        <translation>Sin núcleo familiar.</translation>
    </message>
    <message>
        <source>Open this person&apos;s record</source>
        <translation>Abrir la ficha de esta persona</translation>
    </message>
    <message>
        <source>{relationship}, {sex}, {age} years</source>
        <translation>{relationship}, {sex}, {age} años</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Sin foto</translation>
    </message>
    <message>
        <source>P&amp;hoto…</source>
        <translation>&amp;Foto…</translation>
    </message>
    <message>
        <source>Choose a JPEG or PNG file; it is reduced to {side} px before saving.</source>
        <translation>Elija un archivo JPEG o PNG; se reduce a {side} px antes de guardarlo.</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Quitar foto</translation>
    </message>
    <message>
        <source>Taken on {date} by {user}.</source>
        <translation>Tomada el {date} por {user}.</translation>
    </message>
    <message>
        <source>Remove this person&apos;s photo? The removal is kept in the history of changes.</source>
        <translation>¿Quitar la foto de esta persona? El retiro queda en el historial de cambios.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Why is “{what}” removed? The reason is kept in the history of changes.</source>
        <translation>¿Por qué se quita «{what}»? El motivo queda en el historial de cambios.</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Motivo (obligatorio):</translation>
    </message>
    <message>
        <source>e.g. typed twice, belongs to another person</source>
        <translation>p. ej. capturado dos veces, es de otra persona</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>StoredVaccinationEditor</name>
    <message>
        <source>dose {n}</source>
        <translation>dosis {n}</translation>
    </message>
</context>
<context>
    <name>record_fields</name>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Nombre(s)</translation>
    </message>
    <message>
        <source>Surnames</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Name as in the document</source>
        <translation>Nombre como en el documento</translation>
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
        <source>Estimated date of birth</source>
        <translation>Fecha de nacimiento estimada</translation>
    </message>
    <message>
        <source>Age in doubt</source>
        <translation>Edad en duda</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Country of birth</source>
        <translation>País de nacimiento</translation>
    </message>
    <message>
        <source>Civil status</source>
        <translation>Estado civil</translation>
    </message>
    <message>
        <source>Relationship to the head</source>
        <translation>Parentesco con el jefe(a)</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Escolaridad</translation>
    </message>
    <message>
        <source>Work experience</source>
        <translation>Experiencia laboral</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Emergency phone</source>
        <translation>Teléfono de emergencia</translation>
    </message>
    <message>
        <source>Migratory status</source>
        <translation>Situación migratoria</translation>
    </message>
    <message>
        <source>Migratory status from</source>
        <translation>Situación migratoria desde</translation>
    </message>
    <message>
        <source>Migratory status until</source>
        <translation>Situación migratoria hasta</translation>
    </message>
    <message>
        <source>CURP</source>
        <translation>CURP</translation>
    </message>
    <message>
        <source>RFC</source>
        <translation>RFC</translation>
    </message>
    <message>
        <source>Specific needs</source>
        <translation>Necesidades específicas</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consentimiento otorgado</translation>
    </message>
    <message>
        <source>Consent recorded on</source>
        <translation>Consentimiento registrado el</translation>
    </message>
    <message>
        <source>Consent recorded by</source>
        <translation>Consentimiento registrado por</translation>
    </message>
    <message>
        <source>Consent purposes</source>
        <translation>Fines del consentimiento</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>Fecha de llegada</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Reason for deletion</source>
        <translation>Motivo de la eliminación</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Núcleo familiar</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Fusionado con</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Tipo de documento</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Issuing country</source>
        <translation>País emisor</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Fecha de expedición</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Cama</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Bedding</source>
        <translation>Ropa de cama</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Vacuna</translation>
    </message>
    <message>
        <source>COVID-19 product</source>
        <translation>Marca COVID-19</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Taken on</source>
        <translation>Tomada el</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{what} ({years} years)</source>
        <translation>{what} ({years} años)</translation>
    </message>
</context>
<context>
    <name>record_sections</name>
    <message>
        <source>Record created</source>
        <translation>Registro creado</translation>
    </message>
    <message>
        <source>Record changed</source>
        <translation>Registro modificado</translation>
    </message>
    <message>
        <source>Record deleted</source>
        <translation>Registro eliminado</translation>
    </message>
    <message>
        <source>Document added</source>
        <translation>Documento agregado</translation>
    </message>
    <message>
        <source>Document changed</source>
        <translation>Documento modificado</translation>
    </message>
    <message>
        <source>Document removed</source>
        <translation>Documento eliminado</translation>
    </message>
    <message>
        <source>Stay started</source>
        <translation>Estancia iniciada</translation>
    </message>
    <message>
        <source>Stay changed</source>
        <translation>Estancia modificada</translation>
    </message>
    <message>
        <source>Stay removed</source>
        <translation>Estancia eliminada</translation>
    </message>
    <message>
        <source>Vaccine added</source>
        <translation>Vacuna agregada</translation>
    </message>
    <message>
        <source>Vaccine changed</source>
        <translation>Vacuna modificada</translation>
    </message>
    <message>
        <source>Vaccine removed</source>
        <translation>Vacuna quitada</translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation>Foto agregada</translation>
    </message>
    <message>
        <source>Photo changed</source>
        <translation>Foto modificada</translation>
    </message>
    <message>
        <source>Photo removed</source>
        <translation>Foto quitada</translation>
    </message>
    <message>
        <source>replaced by a new photo</source>
        <translation>reemplazada por una foto nueva</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Expedición</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Vacuna</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Cama</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>No documents recorded.</source>
        <translation>Sin documentos registrados.</translation>
    </message>
    <message>
        <source>No vaccinations recorded.</source>
        <translation>Sin vacunas registradas.</translation>
    </message>
    <message>
        <source>No stays: registered but never lodged.</source>
        <translation>Sin estancias: registrado, nunca albergado.</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>Sin cambios registrados.</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motivo: {reason}</translation>
    </message>
</context>
<context>
    <name>records_photo</name>
    <message>
        <source>{name} is not an image that can be read (choose a JPEG or PNG photo).</source>
        <translation>{name} no es una imagen que se pueda leer (elija una foto JPEG o PNG).</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Elegir una foto</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Fotos (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
</TS>
