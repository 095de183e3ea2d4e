<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>BasicTab</name>
    <message>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <source>Contact and arrival</source>
        <translation>Contacto y llegada</translation>
    </message>
    <message>
        <source>Relationship to the head</source>
        <translation>Parentesco con el jefe(a)</translation>
    </message>
    <message>
        <source>Given names *</source>
        <translation>Nombre(s) *</translation>
    </message>
    <message>
        <source>Surnames</source>
        <translation>Apellido(s)</translation>
    </message>
    <message>
        <source>Sex *</source>
        <translation>Sexo *</translation>
    </message>
    <message>
        <source>or estimated age (years)</source>
        <translation>o edad estimada (años)</translation>
    </message>
    <message>
        <source>Date of birth *</source>
        <translation>Fecha de nacimiento *</translation>
    </message>
    <message>
        <source>Age in doubt: presumed a minor</source>
        <translation>Edad en duda: se presume menor de edad</translation>
    </message>
    <message>
        <source>Tick when the age given or written on a document may be wrong. A person whose age is in doubt is presumed a minor (LGDNNA art. 5): placement keeps them away from unrelated adults and asks for the DIF protection route. An estimated date of birth alone is not doubt.</source>
        <translation>Marque cuando la edad declarada o escrita en un documento pueda no ser correcta. Una persona cuya edad está en duda se presume menor de edad (LGDNNA art. 5): la ubicación la mantiene lejos de adultos que no son de su familia y pide la ruta de protección del DIF. Una fecha de nacimiento estimada por sí sola no es duda.</translation>
    </message>
    <message>
        <source>Same nationality as the head</source>
        <translation>Misma nacionalidad</translation>
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
        <source>Same household address and contact</source>
        <translation>Mismo domicilio del núcleo</translation>
    </message>
    <message>
        <source>The household address is kept once for the whole household; this copies the phone and the emergency contact of the head.</source>
        <translation>El domicilio se guarda una sola vez para todo el núcleo; esta casilla copia el teléfono y el contacto de emergencia del jefe(a).</translation>
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
        <source>Emergency contact phone</source>
        <translation>Teléfono de emergencia</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>Fecha de llegada</translation>
    </message>
    <message>
        <source>estimated: {date}</source>
        <translation>estimada: {date}</translation>
    </message>
    <message>
        <source>Choose the relationship to the head of household.</source>
        <translation>Elija el parentesco con el jefe(a) de familia.</translation>
    </message>
</context>
<context>
    <name>ConfirmationPage</name>
    <message>
        <source>Write the folio on each person&apos;s wristband or card.</source>
        <translation>Anote el folio en la pulsera o tarjeta de cada persona.</translation>
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
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <source>Next step for this household:</source>
        <translation>Siguiente paso para este núcleo:</translation>
    </message>
    <message>
        <source>Health &amp;screening</source>
        <translation>&amp;Tamizaje de salud</translation>
    </message>
    <message>
        <source>Assign &amp;beds</source>
        <translation>Asignar &amp;camas</translation>
    </message>
    <message>
        <source>Print &amp;ID cards</source>
        <translation>Imprimir cre&amp;denciales</translation>
    </message>
    <message>
        <source>Register &amp;another household</source>
        <translation>Registrar &amp;otro núcleo</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message numerus="yes">
        <source>Household registered: %n person(s)</source>
        <translation>
            <numerusform>Núcleo familiar registrado: %n persona</numerusform>
            <numerusform>Núcleo familiar registrado: %n personas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentsEditor</name>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>País emisor</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Expedición</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Add document</source>
        <translation>Agregar documento</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Name on the documents and Mexican keys</source>
        <translation>Nombre en documentos y claves mexicanas</translation>
    </message>
    <message>
        <source>Migratory status</source>
        <translation>Situación migratoria</translation>
    </message>
    <message>
        <source>only if different from the name</source>
        <translation>solo si es distinto del nombre</translation>
    </message>
    <message>
        <source>Name as on the document</source>
        <translation>Nombre como en el documento</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 caracteres</translation>
    </message>
    <message>
        <source>CURP</source>
        <translation>CURP</translation>
    </message>
    <message>
        <source>13 characters</source>
        <translation>13 caracteres</translation>
    </message>
    <message>
        <source>RFC</source>
        <translation>RFC</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Vigente desde</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Vigente hasta</translation>
    </message>
    <message>
        <source>Identity documents</source>
        <translation>Documentos de identidad</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <source>Possible duplicate</source>
        <translation>Posible registro duplicado</translation>
    </message>
    <message>
        <source>You are registering &lt;b&gt;{typed}&lt;/b&gt;.</source>
        <translation>Está registrando a &lt;b&gt;{typed}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Other possible matches:</source>
        <translation>Otras coincidencias posibles:</translation>
    </message>
    <message>
        <source>&amp;Open that record instead</source>
        <translation>&amp;Abrir ese registro</translation>
    </message>
    <message>
        <source>It is a &amp;different person</source>
        <translation>Es &amp;otra persona</translation>
    </message>
    <message>
        <source>Go &amp;back</source>
        <translation>&amp;Regresar</translation>
    </message>
    <message>
        <source>{name}, {folio}, center {center}, {date}</source>
        <translation>{name}, {folio}, centro {center}, {date}</translation>
    </message>
    <message>
        <source>This person may be {name}, {folio}, registered at center {center} on {date}.</source>
        <translation>Esta persona podría ser {name}, {folio}, registrada en el centro {center} el {date}.</translation>
    </message>
    <message>
        <source>Born {born} · {center_name} · similarity {score}%</source>
        <translation>Nacimiento: {born} · {center_name} · similitud {score} %</translation>
    </message>
</context>
<context>
    <name>NeedsTab</name>
    <message>
        <source>Specific needs (UNHCR codes)</source>
        <translation>Necesidades específicas (códigos ACNUR)</translation>
    </message>
    <message>
        <source>Consent to data processing</source>
        <translation>Consentimiento para el tratamiento de datos</translation>
    </message>
    <message>
        <source>The person consents to the processing of their personal data for:</source>
        <translation>La persona da su consentimiento para el tratamiento de sus datos personales para:</translation>
    </message>
    <message>
        <source>Recorded with your user name ({user}) and the date and time of saving.</source>
        <translation>Se registra con su usuario ({user}) y la fecha y hora en que se guarde.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
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
        <source>Specific needs, consent and notes</source>
        <translation>Necesidades, consentimiento y notas</translation>
    </message>
</context>
<context>
    <name>PhotoBox</name>
    <message>
        <source>Photo (optional)</source>
        <translation>Foto (opcional)</translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation>Foto…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Quitar foto</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Sin foto</translation>
    </message>
    <message>
        <source>Chosen ({kb} KB); it is saved with the household.</source>
        <translation>Elegida ({kb} KB); se guarda con el núcleo familiar.</translation>
    </message>
    <message>
        <source>A JPEG or PNG file; it is reduced before saving.</source>
        <translation>Un archivo JPEG o PNG; se reduce antes de guardarlo.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <source>Register a household</source>
        <translation>Registrar núcleo familiar</translation>
    </message>
    <message>
        <source>Household members</source>
        <translation>Integrantes del núcleo</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Agregar integrante</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Quitar integrante</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Núcleo familiar</translation>
    </message>
    <message>
        <source>address in Mexico, if any</source>
        <translation>domicilio en México, si tiene</translation>
    </message>
    <message>
        <source>Household address</source>
        <translation>Domicilio del núcleo</translation>
    </message>
    <message>
        <source>Household notes</source>
        <translation>Notas del núcleo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save household</source>
        <translation>Guardar núcleo</translation>
    </message>
    <message>
        <source>{save} save · {new} add member · {page} change page · {member} change member · Esc cancel</source>
        <translation>{save} guardar · {new} agregar integrante · {page} cambiar página · {member} cambiar integrante · Esc cancelar</translation>
    </message>
    <message>
        <source>Remove {name} from this registration?</source>
        <translation>¿Quitar a {name} de este registro?</translation>
    </message>
    <message>
        <source>this member</source>
        <translation>este integrante</translation>
    </message>
    <message numerus="yes">
        <source>Members of the household: %n</source>
        <translation>
            <numerusform>Integrantes del núcleo: %n</numerusform>
            <numerusform>Integrantes del núcleo: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(sin nombre aún)</translation>
    </message>
    <message>
        <source>Cancel the registration</source>
        <translation>Cancelar el registro</translation>
    </message>
    <message>
        <source>Discard what was typed? Nothing has been saved.</source>
        <translation>¿Descartar lo que se escribió? No se ha guardado nada.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Keep registering</source>
        <translation>Seguir registrando</translation>
    </message>
</context>
<context>
    <name>SaveFlow</name>
    <message>
        <source>Correct the marked fields; nothing was saved.</source>
        <translation>Corrija los campos marcados; no se guardó nada.</translation>
    </message>
    <message>
        <source>Looking for people already registered…</source>
        <translation>Buscando personas ya registradas…</translation>
    </message>
    <message>
        <source>Not saved: check the date and time of this computer.</source>
        <translation>No se guardó: revise la fecha y la hora de esta computadora.</translation>
    </message>
    <message>
        <source>Not saved yet: check the data and save again.</source>
        <translation>Aún no se guarda: revise los datos y vuelva a guardar.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>SkillsTab</name>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>does not speak it</source>
        <translation>no lo habla</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Escolaridad</translation>
    </message>
    <message>
        <source>Highest level completed</source>
        <translation>Último nivel terminado</translation>
    </message>
    <message>
        <source>Work experience and skills</source>
        <translation>Experiencia laboral y habilidades</translation>
    </message>
</context>
<context>
    <name>VaccinationEditor</name>
    <message>
        <source>Vaccine</source>
        <translation>Vacuna</translation>
    </message>
    <message>
        <source>Other vaccine (name)</source>
        <translation>Otra vacuna (nombre)</translation>
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
        <source>Add vaccine</source>
        <translation>Agregar vacuna</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Otra…</translation>
    </message>
</context>
<context>
    <name>VaccinationTab</name>
    <message>
        <source>Doses received</source>
        <translation>Dosis recibidas</translation>
    </message>
    <message>
        <source>One row per dose, as written on the vaccination card.</source>
        <translation>Una fila por dosis, como aparece en la cartilla de vacunación.</translation>
    </message>
</context>
<context>
    <name>WorkEditor</name>
    <message>
        <source>Occupation, trade or skill</source>
        <translation>Ocupación, oficio o habilidad</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Años</translation>
    </message>
    <message>
        <source>Add occupation</source>
        <translation>Agregar oficio</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>intake_codes</name>
    <message>
        <source>Unaccompanied child</source>
        <translation>Niña(o) no acompañada(o)</translation>
    </message>
    <message>
        <source>Separated child</source>
        <translation>Niña(o) separada(o)</translation>
    </message>
    <message>
        <source>Teenage pregnancy</source>
        <translation>Embarazo adolescente</translation>
    </message>
    <message>
        <source>Woman at risk</source>
        <translation>Mujer en riesgo</translation>
    </message>
    <message>
        <source>Lactating woman</source>
        <translation>Mujer lactante</translation>
    </message>
    <message>
        <source>Single older person</source>
        <translation>Adulto(a) mayor solo(a)</translation>
    </message>
    <message>
        <source>Older person unable to care for self</source>
        <translation>Adulto(a) mayor sin autonomía</translation>
    </message>
    <message>
        <source>Single parent</source>
        <translation>Madre o padre solo</translation>
    </message>
    <message>
        <source>Visual impairment</source>
        <translation>Discapacidad visual</translation>
    </message>
    <message>
        <source>Hearing impairment</source>
        <translation>Discapacidad auditiva</translation>
    </message>
    <message>
        <source>Physical disability, moderate</source>
        <translation>Discapacidad física moderada</translation>
    </message>
    <message>
        <source>Physical disability, severe</source>
        <translation>Discapacidad física grave</translation>
    </message>
    <message>
        <source>Mental disability, moderate</source>
        <translation>Discapacidad mental moderada</translation>
    </message>
    <message>
        <source>Mental disability, severe</source>
        <translation>Discapacidad mental grave</translation>
    </message>
    <message>
        <source>Speech impairment</source>
        <translation>Discapacidad del habla</translation>
    </message>
    <message>
        <source>Chronic illness</source>
        <translation>Enfermedad crónica</translation>
    </message>
    <message>
        <source>Difficult pregnancy</source>
        <translation>Embarazo de riesgo</translation>
    </message>
    <message>
        <source>Mental illness</source>
        <translation>Enfermedad mental</translation>
    </message>
    <message>
        <source>Malnutrition</source>
        <translation>Desnutrición</translation>
    </message>
    <message>
        <source>No legal documentation</source>
        <translation>Sin documentación legal</translation>
    </message>
    <message>
        <source>Family tracing required</source>
        <translation>Requiere búsqueda familiar</translation>
    </message>
    <message>
        <source>Female genital mutilation</source>
        <translation>Mutilación genital femenina</translation>
    </message>
    <message>
        <source>Survival sex</source>
        <translation>Sexo por supervivencia</translation>
    </message>
    <message>
        <source>Survivor of sexual or gender-based violence</source>
        <translation>Violencia sexual o de género</translation>
    </message>
    <message>
        <source>Haitian Creole</source>
        <translation>Criollo haitiano</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>Native</source>
        <translation>Lengua materna</translation>
    </message>
    <message>
        <source>Fluent</source>
        <translation>Fluido</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Básico</translation>
    </message>
    <message>
        <source>Needs an interpreter</source>
        <translation>Necesita intérprete</translation>
    </message>
    <message>
        <source>No schooling</source>
        <translation>Sin escolaridad</translation>
    </message>
    <message>
        <source>Primary school</source>
        <translation>Primaria</translation>
    </message>
    <message>
        <source>Secondary school</source>
        <translation>Secundaria</translation>
    </message>
    <message>
        <source>High school</source>
        <translation>Preparatoria o bachillerato</translation>
    </message>
    <message>
        <source>Technical training</source>
        <translation>Carrera técnica</translation>
    </message>
    <message>
        <source>University degree</source>
        <translation>Licenciatura</translation>
    </message>
    <message>
        <source>Postgraduate</source>
        <translation>Posgrado</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Soltero(a)</translation>
    </message>
    <message>
        <source>Married</source>
        <translation>Casado(a)</translation>
    </message>
    <message>
        <source>Common-law union</source>
        <translation>Unión libre</translation>
    </message>
    <message>
        <source>Divorced</source>
        <translation>Divorciado(a)</translation>
    </message>
    <message>
        <source>Separated</source>
        <translation>Separado(a)</translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation>Viudo(a)</translation>
    </message>
    <message>
        <source>Census registration</source>
        <translation>Registro censal</translation>
    </message>
    <message>
        <source>Medical care</source>
        <translation>Atención médica</translation>
    </message>
    <message>
        <source>Referral to programs (work, housing, school)</source>
        <translation>Canalización a programas (empleo, vivienda, escuela)</translation>
    </message>
    <message>
        <source>Sharing with partner agencies (UNHCR, IOM)</source>
        <translation>Compartir con organismos aliados (ACNUR, OIM)</translation>
    </message>
</context>
<context>
    <name>intake_fields</name>
    <message>
        <source>Write the date as dd/mm/yyyy.</source>
        <translation>Escriba la fecha como dd/mm/aaaa.</translation>
    </message>
    <message>
        <source>This date does not exist.</source>
        <translation>Esa fecha no existe.</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/aaaa</translation>
    </message>
    <message>
        <source>Write a number from {low} to {high}.</source>
        <translation>Escriba un número de {low} a {high}.</translation>
    </message>
</context>
</TS>
