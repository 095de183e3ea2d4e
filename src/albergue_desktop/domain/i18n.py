"""The desktop's catalog of messages produced outside Qt (validation errors, CLI output,
labels, reports), in the one translation mechanism of ``albergue_sync.catalog``.

Source strings are English; Spanish (es_MX) is the default language. :data:`ES` is registered
as the ``"desktop"`` domain; :func:`set_language` sets the one language of the process (sync
messages follow it too) and :func:`translate` takes a language per call (a printout in the
language of the person it is for). The Qt UI translates its own strings with ``tr()`` and
.ts files, and calls :func:`translate` for messages from the domain and services so a user
never sees an untranslated error. docs/i18n.md.
"""

from __future__ import annotations

from albergue_sync import catalog
from albergue_sync.catalog import language, set_language

__all__ = ["ES", "language", "set_language", "translate"]

DOMAIN = "desktop"

ES: dict[str, str] = {
    # validation
    "This field is required.": "Este campo es obligatorio.",
    "The name may only contain letters, spaces, hyphens, apostrophes and periods.":
        "El nombre solo puede contener letras, espacios, guiones, apóstrofos y puntos.",
    "The name is too long (at most {max} characters).":
        "El nombre es demasiado largo (máximo {max} caracteres).",
    "The date of birth cannot be in the future.": "La fecha de nacimiento no puede ser futura.",
    "The age cannot be more than {max} years.": "La edad no puede ser mayor de {max} años.",
    "Invalid CURP: {reason}.": "CURP no válida: {reason}.",
    "Invalid RFC: {reason}.": "RFC no válido: {reason}.",
    "wrong length (must be 18 characters)": "longitud incorrecta (deben ser 18 caracteres)",
    "wrong length": "longitud incorrecta",
    "invalid format": "formato incorrecto",
    "invalid check digit": "dígito verificador incorrecto",
    "invalid date of birth in the code": "fecha de nacimiento inválida dentro de la clave",
    "invalid component": "componente inválido",
    "The CURP does not match the date of birth.":
        "La CURP no coincide con la fecha de nacimiento.",
    "The CURP does not match the sex.": "La CURP no coincide con el sexo.",
    "Unknown value: {value}.": "Valor desconocido: {value}.",
    "The end date is before the start date.": "La fecha final es anterior a la fecha inicial.",
    "The expiry date is before the issue date.":
        "La fecha de vencimiento es anterior a la de expedición.",
    "The date cannot be in the future.": "La fecha no puede ser futura.",
    "Invalid phone number.": "Número de teléfono no válido.",
    "The dose must be between 1 and 10.": "La dosis debe estar entre 1 y 10.",
    "Years of experience must be between 0 and 80.":
        "Los años de experiencia deben estar entre 0 y 80.",
    "A household needs exactly one head.": "Un núcleo familiar necesita exactamente un jefe o jefa.",
    "A household needs at least one member.": "Un núcleo familiar necesita al menos un integrante.",
    "Consent needs who recorded it and its purpose.":
        "El consentimiento requiere quién lo registró y para qué fin.",
    "The data has errors; nothing was saved.": "Los datos tienen errores; no se guardó nada.",
    # services
    "{what} not found.": "No se encontró {what}.",
    "person": "la persona",
    "household": "el núcleo familiar",
    "center": "el centro",
    "bed": "la cama",
    "stay": "la estancia",
    "user": "el usuario",
    "area": "el área",
    "This database is already set up.": "Esta base de datos ya está configurada.",
    "{name} already has an open stay at {center}.":
        "{name} ya tiene una estancia abierta en {center}.",
    "{name} has no open stay.": "{name} no tiene una estancia abierta.",
    "Bed {bed} is not available ({status}).": "La cama {bed} no está disponible ({status}).",
    "Bed {bed} does not belong to center {center}.": "La cama {bed} no pertenece al centro {center}.",
    "The person is already at this center.": "La persona ya está en este centro.",
    "The check-out cannot be before the check-in.":
        "La salida no puede ser anterior al ingreso.",
    "This record was deleted.": "Este registro fue eliminado.",
    "A reason is required.": "Se requiere un motivo.",
    # corrections after registration and photos (person_details.py, photos.py)
    "document": "el documento",
    "vaccination": "la vacuna",
    "Choose at least one purpose of the consent.":
        "Elija al menos una finalidad del consentimiento.",
    "The file is not a JPEG or PNG image.": "El archivo no es una imagen JPEG o PNG.",
    "The image is damaged or cannot be read.": "La imagen está dañada o no se puede leer.",
    "The image declares a size far too large for a photo.":
        "La imagen declara un tamaño demasiado grande para una foto.",
    "The image is too large ({width} × {height} pixels; at most {max} megapixels).":
        "La imagen es demasiado grande ({width} × {height} píxeles; como máximo {max} "
        "megapíxeles).",
    "The photo is too large ({size} KB; at most {max} KB).":
        "La foto es demasiado grande ({size} KB; máximo {max} KB).",
    "You do not have permission to {action}.": "No tiene permiso para {action}.",
    "The username {username} is already taken.": "El usuario {username} ya existe.",
    "The center code {code} is already in use.": "El código de centro {code} ya está en uso.",
    "The center code must be 1 to 3 digits.": "El código del centro debe tener de 1 a 3 dígitos.",
    "The city prefix must be 2 to 4 letters.": "El prefijo de ciudad debe tener de 2 a 4 letras.",
    "The password must have at least {min} characters.":
        "La contraseña debe tener al menos {min} caracteres.",
    # accounts
    "Wrong username or password.": "Usuario o contraseña incorrectos.",
    "You cannot deactivate your own account or change your own role.":
        "No puede desactivar su propia cuenta ni cambiar su propio rol.",
    "This account is deactivated. Ask an administrator.":
        "Esta cuenta está desactivada. Consulte a un administrador.",
    "Too many failed attempts. The account is locked until {time}.":
        "Demasiados intentos fallidos. La cuenta está bloqueada hasta las {time}.",
    # storage
    "{path} is not an Albergue database (it is not an SQLite file).":
        "{path} no es una base de datos de Albergue (no es un archivo SQLite).",
    "{path} is an SQLite database from another program, not Albergue.":
        "{path} es una base de datos SQLite de otro programa, no de Albergue.",
    "{path} was created by a newer version of Albergue (schema {found}); this version "
    "understands schema {supported} or older. Update Albergue to open it.":
        "{path} fue creado por una versión más reciente de Albergue (esquema {found}); esta "
        "versión entiende hasta el esquema {supported}. Actualice Albergue para abrirlo.",
    "{path} is damaged: {detail}": "{path} está dañado: {detail}",
    "{path} is now encrypted. Its recovery code (shown only now: write it down and keep it "
    "locked away; it opens the file if every password is lost): {code}":
        "{path} ahora está cifrado. Su código de recuperación (se muestra solo ahora: anótelo "
        "y guárdelo bajo llave; abre el archivo si se pierden todas las contraseñas): {code}",
    "{path} could not be encrypted ({detail}); it was left as it was.":
        "{path} no se pudo cifrar ({detail}); se dejó como estaba.",
    "The recovery code is wrong.": "El código de recuperación no es correcto.",
    "{path} is encrypted. Its recovery code (shown only now: write it down and keep it locked "
    "away; it opens the file if every password is lost): {code}":
        "{path} está cifrado. Su código de recuperación (se muestra solo ahora: anótelo y "
        "guárdelo bajo llave; abre el archivo si se pierden todas las contraseñas): {code}",
    "The user {username} does not exist in this file.":
        "El usuario {username} no existe en este archivo.",
    "Recovery code: ": "Código de recuperación: ",
    "There is no terminal to type the recovery code; use --code-file.":
        "No hay una terminal para escribir el código de recuperación; use --code-file.",
    "{user} has a new password. The recovery code you used no longer works; the new one "
    "(shown only now: write it down and keep it locked away): {code}":
        "{user} tiene una contraseña nueva. El código de recuperación que usó ya no sirve; el "
        "nuevo (se muestra solo ahora: anótelo y guárdelo bajo llave): {code}",
    "every password lost: open the file with its recovery code and give a user a new "
    "password":
        "se perdieron todas las contraseñas: abrir el archivo con su código de recuperación "
        "y dar una contraseña nueva a un usuario",
    "the user who gets the new password": "el usuario que recibe la contraseña nueva",
    "read the recovery code from FILE instead of asking":
        "leer el código de recuperación de ARCHIVO en lugar de preguntarlo",
    "read the new password from the first line of FILE instead of asking":
        "leer la contraseña nueva de la primera línea de ARCHIVO en lugar de preguntarla",
    "{path} is encrypted: sign in to open it.":
        "{path} está cifrado: inicie sesión para abrirlo.",
    "{path} is damaged: its key does not open it (the file or its key file is damaged, or "
    "they are of different copies). Nothing was changed in it; restore it from a backup.":
        "{path} está dañado: su clave no lo abre (el archivo o su archivo de claves está "
        "dañado, o son de copias distintas). No se modificó nada en él; restáurelo desde una "
        "copia de seguridad.",
    "{path} is incomplete ({size} of {expected} bytes): the copy was cut short. Nothing was "
    "changed in it; restore it from a backup or copy it again.":
        "{path} está incompleto ({size} de {expected} bytes): la copia quedó cortada. No se "
        "modificó nada en él; restáurelo desde una copia de seguridad o cópielo de nuevo.",
    "{path} is damaged ({detail}). Nothing was changed in it; restore it from a backup or "
    "ask for help.":
        "{path} está dañado ({detail}). No se modificó nada en él; restáurelo desde una copia "
        "de seguridad o pida ayuda.",
    "{path} is empty (0 bytes): it is not an Albergue database. If it should hold data, "
    "restore it from a backup or copy it again; to start a new database, choose a file name "
    "that does not exist.":
        "{path} está vacío (0 bytes): no es una base de datos de Albergue. Si debería tener "
        "datos, restáurelo desde una copia de seguridad o cópielo de nuevo; para empezar una "
        "base de datos nueva, elija un nombre de archivo que no exista.",
    "The disk is full; nothing was saved. Free some space and try again.":
        "El disco está lleno; no se guardó nada. Libere espacio e inténtelo de nuevo.",
    "Cannot open {path}: {detail}": "No se puede abrir {path}: {detail}",
    "The database is busy; try again in a moment.":
        "La base de datos está ocupada; inténtelo de nuevo en un momento.",
    # permissions (used in "You do not have permission to {action}.")
    "register people": "registrar personas",
    "edit people": "editar personas",
    "delete people": "eliminar personas",
    "view people": "consultar personas",
    "manage stays": "gestionar estancias",
    "manage centers and beds": "gestionar centros y camas",
    "manage users": "gestionar usuarios",
    "view health data": "ver datos de salud",
    "edit health data": "editar datos de salud",
    "view and record protection-sensitive data": "ver y registrar datos sensibles de protección",
    "synchronize with the central file": "sincronizar con el archivo central",
    "review sync conflicts and duplicates": "revisar conflictos y duplicados",
    "view the audit log": "consultar el registro de auditoría",
    # duplicates review and conflicts (services/sync_links.py, sync_conflicts.py)
    "The record {folio} was deleted.": "El registro {folio} fue eliminado.",
    "A record cannot be a duplicate of itself.":
        "Un registro no puede ser duplicado de sí mismo.",
    "{folio} is itself a duplicate of {other}; link to {other} instead.":
        "{folio} ya es un duplicado de {other}; vincule con {other}.",
    "{folio} is already linked as a duplicate.": "{folio} ya está vinculado como duplicado.",
    "Both records have an open stay (centers {first} and {second}): record the departure "
    "of one of them first.":
        "Los dos registros tienen una estancia abierta (centros {first} y {second}): registre "
        "primero la salida de uno de ellos.",
    "{folio} is not linked as a duplicate.": "{folio} no está vinculado como duplicado.",
    "This value cannot be used for this field.":
        "Este valor no se puede usar en este campo.",
    # command line and demo data (cli.py, cli_commands.py, demo/)
    "usage: ": "uso: ",
    "error": "error",
    "options": "opciones",
    "positional arguments": "argumentos",
    "commands": "comandos",
    "show this help and exit": "muestra esta ayuda y termina",
    "the following arguments are required: {args}": "faltan los argumentos: {args}",
    "unrecognized arguments: {args}": "argumentos no reconocidos: {args}",
    "argument {arg}: invalid choice: {value} (choose from {choices})":
        "argumento {arg}: opción no válida: {value} (elija entre {choices})",
    "argument {arg}: invalid value: {value}": "argumento {arg}: valor no válido: {value}",
    "argument {arg}: expected one value": "argumento {arg}: falta el valor",
    "argument {arg}: not allowed with {other}": "argumento {arg}: no se permite junto con {other}",
    "argument {arg}: {message}": "argumento {arg}: {message}",
    "{value} is not a number from {low} to {high}":
        "{value} no es un número entre {low} y {high}",
    "Albergue: intake and shelter management for migrant shelters. Without a command it "
    "opens the desktop app.":
        "Albergue: registro y gestión de albergues para personas migrantes. Sin comando abre "
        "la aplicación de escritorio.",
    "PATH": "RUTA", "CODE": "CÓDIGO", "NAME": "NOMBRE", "USER": "USUARIO", "FILE": "ARCHIVO",
    "PREFIX": "PREFIJO", "TEXT": "TEXTO", "COMMAND": "COMANDO",
    "database file (default: $ALBERGUE_DB or the user data folder)":
        "archivo de base de datos (por omisión: $ALBERGUE_DB o la carpeta de datos del usuario)",
    "language of messages (default: es)": "idioma de los mensajes (por omisión: es)",
    "open the demo database (created on first use)":
        "abre la base de datos de demostración (se crea la primera vez)",
    "set up a center database and its first administrator":
        "configura la base de datos de un centro y su primer administrador",
    "center code, 1 to 3 digits (e.g. 03)": "código del centro, de 1 a 3 dígitos (p. ej. 03)",
    "center name": "nombre del centro",
    "username of the first administrator": "usuario del primer administrador",
    "full name of the administrator": "nombre completo del administrador",
    "city prefix of the folios (default: MXL)": "prefijo de ciudad de los folios (por omisión: MXL)",
    "read the password from the first line of FILE instead of asking":
        "lee la contraseña de la primera línea de ARCHIVO en lugar de preguntarla",
    "fill a new database with synthetic demo data":
        "llena una base de datos nueva con datos sintéticos de demostración",
    "database file to create and fill": "archivo de base de datos a crear y llenar",
    "number of people (default: 2767; one twelfth with --center-code)":
        "número de personas (por omisión: 2767; la doceava parte con --center-code)",
    "number of centers (default: 12)": "número de centros (por omisión: 12)",
    "only this center and its people (a center laptop's database)":
        "solo este centro y su gente (la base de datos de la laptop de un centro)",
    "random seed: the same seed gives the same people (default: 0)":
        "semilla aleatoria: la misma semilla da las mismas personas (por omisión: 0)",
    "find people by name, folio or document number":
        "busca personas por nombre, folio o número de documento",
    "what to look for": "lo que se busca",
    "at most N results (default: 50)": "como máximo N resultados (por omisión: 50)",
    "print JSON": "imprime JSON",
    "headline numbers of a database": "cifras principales de una base de datos",
    "Interrupted.": "Interrumpido.",
    "{path} does not exist.": "{path} no existe.",
    "Cannot read the password file {path}: {detail}":
        "No se puede leer el archivo de contraseña {path}: {detail}",
    "There is no terminal to type the password; use --admin-password-file.":
        "No hay una terminal para escribir la contraseña; use --admin-password-file.",
    "Password for {user}: ": "Contraseña de {user}: ",
    # signing in on the command line (cli_auth.py)
    "There is no terminal to type the password; use --password-file.":
        "No hay una terminal para escribir la contraseña; use --password-file.",
    "albergue {command} reads or writes people's data: say who you are with --user USER (the "
    "password is asked for, or read with --password-file FILE).":
        "albergue {command} lee o escribe datos de personas: indique quién es con --user "
        "USUARIO (se pide la contraseña, o se lee con --password-file ARCHIVO).",
    "sign in as this user of the file (required: the command reads or writes people's data); "
    "the password is asked for":
        "entrar como este usuario del archivo (obligatorio: el comando lee o escribe datos de "
        "personas); se pide la contraseña",
    "An administrator reset your password: sign in to the app and choose a new one first.":
        "Un administrador restableció su contraseña: entre a la aplicación y elija una nueva "
        "primero.",
    "Choose a password different from the current one.":
        "Elija una contraseña distinta de la actual.",
    "Repeat the password: ": "Repita la contraseña: ",
    "The passwords do not match.": "Las contraseñas no coinciden.",
    "The center name is required.": "El nombre del centro es obligatorio.",
    "The administrator's username is required.": "El usuario del administrador es obligatorio.",
    "Center {code} ({name}) is set up in {path}; administrator: {user}.":
        "El centro {code} ({name}) quedó configurado en {path}; administrador: {user}.",
    "The desktop interface cannot start: {detail}":
        "No se puede iniciar la interfaz de escritorio: {detail}",
    "Generating demo data: {done} of {total} people ({percent} %)":
        "Generando datos de demostración: {done} de {total} personas ({percent} %)",
    "Demo database ready: {path} (users admin, registro, salud, coordinacion, supervision; "
    "password {password})":
        "Base de datos de demostración lista: {path} (usuarios admin, registro, salud, "
        "coordinacion, supervision; contraseña {password})",
    "The demo database {path} was made by an older version (no demo day): a new "
    "one is made; the old one is kept as {old}.":
        "La base de datos de demostración {path} es de una versión anterior (sin día de "
        "demostración): se crea una nueva; la anterior se conserva como {old}.",
    "The demo database {path} was made by an older version (a central file, where "
    "nobody can register): a new one is made as the file of center 01; the old one is kept "
    "as {old}.":
        "La base de datos de demostración {path} es de una versión anterior (un archivo "
        "central, donde no se puede registrar): se crea una nueva como archivo del centro "
        "01; la anterior se conserva como {old}.",
    "People: {persons}; households: {households}; centers: {centers}; beds: {beds} "
    "({present} occupied); {seconds} s: {path}":
        "Personas: {persons}; núcleos familiares: {households}; centros: {centers}; camas: "
        "{beds} ({present} ocupadas); {seconds} s: {path}",
    "Users: admin, registro, salud, coordinacion, supervision; password: {password}":
        "Usuarios: admin, registro, salud, coordinacion, supervision; contraseña: {password}",
    "This database already has data; demo data needs a new, empty file.":
        "Esta base de datos ya tiene datos; los datos de demostración requieren un archivo "
        "nuevo y vacío.",
    "No one found.": "No se encontró a nadie.",
    "the file does not exist": "el archivo no existe",
    "it is a folder, not a file": "es una carpeta, no un archivo",
    "permission denied": "permiso denegado",
    "Database: {path}": "Base de datos: {path}",
    "Discharged": "Egresados",
    # reports and spreadsheets
    "Printed {when} by {who}": "Impreso el {when} por {who}",
    "Page {page} of {pages}": "Página {page} de {pages}",
    "All centers": "Todos los centros",
    "All centers, total people: {people}": "Todos los centros, total de personas: {people}",
    "Nobody is present.": "No hay personas albergadas.",
    "Total": "Total",
    "Yes": "Sí",
    "No": "No",
    "Folio": "Folio",
    "Name": "Nombre",
    "Sex": "Sexo",
    "Age": "Edad",
    "Age in days": "Edad en días",
    "Nationality": "Nacionalidad",
    "Household": "Núcleo",
    "Bed": "Cama",
    "Check-in": "Ingreso",
    "Flags": "Indicadores",
    "Center": "Centro",
    "Area": "Área",
    "Type": "Tipo",
    "Minor": "Menor",
    "Age in doubt": "Edad en duda",
    "Isolation": "Aislamiento",
    "Pregnant": "Embarazo",
    "Chronic": "Crónico",
    "No bed assigned": "Sin cama asignada",
    "Families": "Familias",
    "Single men": "Hombres solos",
    "Women with children": "Mujeres con hijos",
    "Maternity": "Maternidad",
    "Respiratory isolation": "Aislamiento respiratorio",
    "Chronic care": "Atención a crónicos",
    "Family quarantine room": "Cuarto familiar de cuarentena",
    "Preparing": "En preparación",
    "Open": "Abierto",
    "Closing": "En cierre",
    "Closed and restored": "Cerrado y restaurado",
    "Roster of sheltered people": "Lista de albergados",
    "People present when printed · ages on {date}":
        "Personas presentes al imprimir · edades al {date}",
    "{group} · people: {n}": "{group} · personas: {n}",
    "Total people: {people} · households: {households}":
        "Total de personas: {people} · núcleos familiares: {households}",
    "Flags: Minor = under 18; codes are UNHCR specific needs; ~ = estimated age.":
        "Indicadores: Menor = menor de 18 años; los códigos son necesidades específicas de "
        "ACNUR; ~ = edad estimada.",
    "Includes medical data: confidential document.":
        "Incluye datos médicos: documento confidencial.",
    "Reserved area": "Área reservada",
    "Reserved center": "Centro reservado",
    "Health indication taken into account: ask the health staff.":
        "Indicación de salud atendida: consulte al personal de salud.",
    "A health indication is not met by this option: ask the health staff before accepting it.":
        "Esta opción no cumple una indicación de salud: consulte al personal de salud antes "
        "de aceptarla.",
    "No free room keeps this household together and apart from other households, as a "
    "health indication requires: the coordinator must free or set up one (ask the health "
    "staff).":
        "No hay un cuarto libre que mantenga a este hogar junto y aparte de otros hogares, "
        "como lo requiere una indicación de salud: la coordinación debe liberar o habilitar "
        "uno (consulte al personal de salud).",
    "This file did not receive all the specific needs of this person (the central file was "
    "taken without health data): they can only be changed at the person's center, or after "
    "taking the central file with health data.":
        "Este archivo no recibió todas las necesidades específicas de esta persona (el archivo "
        "central se tomó sin datos de salud): solo pueden cambiarse en el centro de la persona "
        "o después de tomar el archivo central con datos de salud.",
    "Includes medical and protection data: confidential document.":
        "Incluye datos médicos y de protección: documento confidencial.",
    "Includes medical data: confidential document. Protection-sensitive codes left out.":
        "Incluye datos médicos: documento confidencial. Se omiten los códigos sensibles de "
        "protección.",
    "Includes protection-sensitive codes: confidential document. Medical data left out: the "
    "role {role} may not view health data.":
        "Incluye códigos sensibles de protección: documento confidencial. Se omiten los datos "
        "médicos: el rol {role} no puede ver datos de salud.",
    "Medical data left out: the role {role} may not view health data.":
        "Se omiten los datos médicos: el rol {role} no puede ver datos de salud.",
    "Bed list": "Lista de camas",
    "Night count of {date}": "Pase de lista nocturno del {date}",
    "Occupant": "Ocupante",
    "Night count": "Conteo nocturno",
    "FREE": "LIBRE",
    "BLOCKED": "BLOQUEADA",
    "Counted by:": "Contó:",
    "Signature:": "Firma:",
    "Date and time:": "Fecha y hora:",
    "People counted:": "Personas contadas:",
    "Beds: {beds} · occupied {occupied} · free {free} · blocked {blocked}":
        "Camas: {beds} · ocupadas {occupied} · libres {free} · bloqueadas {blocked}",
    " · people present without a bed: {n}": " · personas presentes sin cama: {n}",
    "No beds are registered.": "No hay camas registradas.",
    "Daily census": "Parte diario",
    "Day: {date} (people present at the end of the day)":
        "Día: {date} (personas presentes al cierre del día)",
    "Population, movements, beds and meals": "Población, movimientos, camas y comidas",
    "People present by segment": "Personas presentes por segmento",
    "Present": "Presentes",
    "Arrivals": "Ingresos",
    "Departures": "Egresos",
    "Free beds": "Camas libres",
    "Meals": "Comidas",
    "Meals to prepare = people present × {n} meals (breakfast, lunch and dinner).":
        "Comidas a preparar = personas presentes × {n} comidas (desayuno, comida y cena).",
    "Free beds = beds in service with nobody in them at the end of the day; blocked beds are "
    "taken as they are today.":
        "Camas libres = camas en servicio sin ocupante al cierre del día; las camas bloqueadas "
        "se toman según su estado actual.",
    "Age groups are ages on the day of the census.":
        "Los grupos de edad usan la edad cumplida el día del parte.",
    "Arrivals include {t_in} transfers from another center and departures {t_out} transfers "
    "to another center.":
        "Los ingresos incluyen {t_in} traslados desde otro centro y los egresos {t_out} "
        "traslados a otro centro.",
    "The total leaves transfers between centers out.":
        "El total no cuenta los traslados entre centros.",
    "Arrivals and departures of the day": "Ingresos y egresos del día",
    "Transfers": "Traslados",
    "Transfers expected but not arrived at the end of the day: {n}.":
        "Traslados esperados que no habían llegado al cierre del día: {n}.",
    "ID cards": "Credenciales",
    "{n} cards · cut along the marks": "{n} credenciales · recorte por las marcas",
    "1 card · cut along the marks": "1 credencial · recorte por las marcas",
    "No photo": "Sin foto",
    "Person {folio}": "Persona {folio}",
    "Household of {folio}": "Núcleo de {folio}",
    "Area {area}": "Área {area}",
    "Registered on {date}": "Registradas el {date}",
    "Nobody in this selection.": "No hay personas en esta selección.",
    "Draft translation, awaiting review by a native speaker.":
        "Traducción en borrador, pendiente de revisión por una persona hablante nativa.",
    "Welcome papers": "Papeles de bienvenida",
    "Letter of stay": "Constancia de estancia",
    "There is no stay to certify for {folio}.":
        "No hay ninguna estancia que hacer constar para {folio}.",
    "The letter of stay is for one person (--person FOLIO).":
        "La constancia de estancia es de una persona (--person FOLIO).",
    "Dashboard": "Tablero",
    "{now} of {capacity}": "{now} de {capacity}",
    "People present (end of day)": "Personas presentes (al cierre del día)",
    "Capacity": "Capacidad",
    "Not screened": "Sin tamizaje",
    "Arrivals and departures per day": "Ingresos y egresos por día",
    "Occupancy of each center against its capacity":
        "Ocupación de cada centro frente a su capacidad",
    "No centers in this file.": "No hay centros en este archivo.",
    "Capacity: the daily capacity set for the center, else its beds in service.":
        "Capacidad: la capacidad diaria fijada para el centro o, si no la tiene, sus camas en "
        "servicio.",
    "Triage colours of the people present": "Colores de triaje de las personas presentes",
    "Latest triage of each person present (IITT colours); a clinician's up-triage counts. "
    "Includes medical data: confidential document.":
        "Último triaje de cada persona presente (colores de la IITT); cuenta la "
        "reclasificación hacia arriba del personal clínico. Incluye datos médicos: documento "
        "confidencial.",
    "Left out: the role {role} may not view health data.":
        "Se omite: el rol {role} no puede ver datos de salud.",
    "Choose a person or a household for the welcome papers.":
        "Elija una persona o un núcleo familiar para los papeles de bienvenida.",
    "language of the welcome papers and ID card backs (default: each person's)":
        "idioma de los papeles de bienvenida y del reverso de las credenciales "
        "(predeterminado: el de cada persona)",
    "also print the back of each card, for two-sided printing":
        "imprimir también el reverso de cada credencial, para impresión a doble cara",
    "Rules and rights · {language}": "Reglas y derechos · {language}",
    "Consent form · {name} · {folio}": "Consentimiento · {name} · {folio}",
    "Papers in each person's language: Spanish, Haitian Creole or French.":
        "Papeles en el idioma de cada persona: español, criollo haitiano o francés.",
    "Shelter: {center}": "Albergue: {center}",
    "Type the folio of any member of the household.":
        "Escriba el folio de cualquier integrante del núcleo familiar.",
    "There is no person with the folio {folio} in this file.":
        "No hay ninguna persona con el folio {folio} en este archivo.",
    "There is no household with the folio {folio} in this file.":
        "No hay ningún núcleo familiar con el folio {folio} en este archivo.",
    "There is no area {area} in this file.": "No hay ninguna área {area} en este archivo.",
    "The area {area} exists in several centers: choose the center.":
        "El área {area} existe en varios centros: elija el centro.",
    "Only one of --area, --household, --person and --today.":
        "Solo una de las opciones --area, --household, --person y --today.",
    "only this area (bed list; ID cards: people present in it)":
        "solo esta área (lista de camas; credenciales: las personas presentes en ella)",
    "FOLIO": "FOLIO",
    "ID cards of one household (its id or any member's folio)":
        "credenciales de un núcleo familiar (su id o el folio de cualquier integrante)",
    "ID card of one person": "credencial de una persona",
    "ID cards of the people registered today": "credenciales de las personas registradas hoy",
    "Household: {name}": "Núcleo: {name}",
    "Impact and results": "Impactos y resultados",
    "Results of the Plan Integral de Atención al Migrante":
        "Resultados del Plan Integral de Atención al Migrante",
    "Indicator": "Indicador",
    "Value": "Valor",
    "How it is computed": "Cómo se calcula",
    "not recorded": "no registrado",
    "\"Not recorded\": Albergue has no module that records this indicator yet; no number is "
    "printed rather than an invented one.":
        "«No registrado»: Albergue todavía no tiene un módulo que registre este indicador; "
        "no se imprime ninguna cifra en lugar de una inventada.",
    "Period: {start} to {end}": "Periodo: del {start} al {end}",
    "Period: from {start}": "Periodo: desde el {start}",
    "Period: up to {end}": "Periodo: hasta el {end}",
    "Period: everything recorded": "Periodo: todo lo registrado",
    "Census": "Censo",
    "Education": "Educación",
    "Employment": "Laboral",
    "Health": "Salud",
    "Donations": "Donativos",
    "Admissions": "Ingresos",
    "Discharges": "Egresos",
    "Families discharged": "Familias egresadas",
    "Homes rented": "Viviendas arrendadas",
    "Enrollments in basic education": "Ingresos a educación básica",
    "Adults with educational revalidation (INEA)":
        "Adultos con revalidación educativa (INEA)",
    "RFC tax IDs processed": "Gestión de Registros Federales de Contribuyentes (RFC)",
    "Formal jobs active": "Plazas laborales formalmente activas",
    "Medication dispensed": "Medicamentos entregados",
    "Medical consultations and follow-up": "Consulta médica y seguimiento",
    "Donated articles": "Artículos donados",
    "People whose first check-in falls in the period (a transfer is not an admission).":
        "Personas cuyo primer ingreso cae en el periodo (un traslado no es un ingreso).",
    "People with no open stay whose last check-out falls in the period.":
        "Personas sin estancia abierta cuya última salida cae en el periodo.",
    "Households whose lodged members have all left, the last one in the period.":
        "Núcleos familiares cuyos integrantes albergados ya salieron todos, el último en el "
        "periodo.",
    "Needs the housing module (landlords and leases).":
        "Requiere el módulo de vivienda (arrendadores y contratos).",
    "Needs the schooling module.": "Requiere el módulo de educación.",
    "People with an RFC on record; RFCs carry no paperwork date, so the period does not "
    "apply.":
        "Personas con RFC registrado; el RFC no lleva fecha de trámite, así que el periodo no "
        "se aplica.",
    "Needs the job bank module.": "Requiere el módulo de bolsa de trabajo.",
    "Needs the health care module.": "Requiere el módulo de atención médica.",
    "Needs the donations module.": "Requiere el módulo de donativos.",
    # files
    "The folder {folder} does not exist.": "La carpeta {folder} no existe.",
    "The disk is full; the file {path} was not saved. Free some space and try again.":
        "El disco está lleno; no se guardó el archivo {path}. Libere espacio e inténtelo de "
        "nuevo.",
    "Cannot write {path}: permission denied.": "No se puede escribir {path}: permiso denegado.",
    "Cannot write {path}: {detail}": "No se puede escribir {path}: {detail}",
    # spreadsheet export
    "Centers": "Centros",
    "Households": "Núcleos",
    "People": "Personas",
    "Documents": "Documentos",
    "Stays": "Estancias",
    "Vaccinations": "Vacunas",
    "Roster": "Lista de albergados",
    "Beds": "Camas",
    "Impact": "Impacto",
    "Code": "Código",
    "Folio prefix": "Prefijo de folio",
    "Address": "Dirección",
    "Status": "Situación",
    "Profile": "Perfil",
    "Daily capacity": "Capacidad diaria",
    "Medical care": "Atención médica",
    "Areas": "Áreas",
    "Head's folio": "Folio del jefe(a)",
    "Head of household": "Jefe(a) de familia",
    "Members": "Integrantes",
    "Couple's civil status": "Estado civil de la pareja",
    "Notes": "Notas",
    "Registered on": "Registrado el",
    "Given names": "Nombres",
    "Surnames": "Apellidos",
    "Name on document": "Nombre en el documento",
    "Date of birth": "Fecha de nacimiento",
    "Estimated date": "Fecha estimada",
    "Country of birth": "País de nacimiento",
    "Civil status": "Estado civil",
    "Relationship": "Parentesco",
    "Household (head's folio)": "Núcleo (folio del jefe(a))",
    "Phone": "Teléfono",
    "Migratory status": "Situación migratoria",
    "Valid from": "Vigente desde",
    "Valid until": "Vigente hasta",
    "Specific needs": "Necesidades específicas",
    "Arrival date": "Fecha de llegada",
    "Document": "Documento",
    "Number": "Número",
    "Issuing country": "País emisor",
    "Issued": "Expedición",
    "Expires": "Vencimiento",
    "Check-out": "Salida",
    "Reason for leaving": "Motivo de salida",
    "Destination": "Destino",
    "Vaccine": "Vacuna",
    "Brand": "Marca",
    "Dose": "Dosis",
    "Date": "Fecha",
    "Lot": "Lote",
    "Place": "Lugar",
    "Segment": "Segmento",
    "Occupant or state": "Ocupante o estado",
    # spreadsheet import
    "Full name": "Nombre completo",
    "CURP": "CURP",
    "Passport": "Pasaporte",
    "Impossible date: {value}.": "Fecha imposible: {value}.",
    "Unrecognized date: {value}.": "Fecha no reconocida: {value}.",
    "Not a yes/no value: {value}.": "No es un valor sí/no: {value}.",
    "Unrecognized age: {value}.": "Edad no reconocida: {value}.",
    "Unrecognized sex: {value}.": "Sexo no reconocido: {value}.",
    "Ambiguous sex \"M\": write Mujer or Hombre (or use H/M).":
        "Sexo ambiguo «M»: escriba Mujer u Hombre (o use H/M).",
    "Unrecognized nationality: {value}.": "Nacionalidad no reconocida: {value}.",
    "Unrecognized relationship: {value}.": "Parentesco no reconocido: {value}.",
    "{name} is an old Excel file (.xls). Open it in Excel or LibreOffice, save it as .xlsx "
    "and try again.":
        "{name} es un archivo de Excel antiguo (.xls). Ábralo en Excel o LibreOffice, "
        "guárdelo como .xlsx e inténtelo de nuevo.",
    "{name} is not an Excel workbook (.xlsx).": "{name} no es un libro de Excel (.xlsx).",
    # untrusted workbooks (reports/excel_import.py, docs/threat-model.md)
    "{name} is too large to be a census ({size} MB; at most {limit} MB).":
        "{name} es demasiado grande para ser un censo ({size} MB; como máximo {limit} MB).",
    "{name} is not a normal workbook: it would expand to {size} MB. Nothing was read.":
        "{name} no es un libro normal: se expandiría a {size} MB. No se leyó nada.",
    "Workbooks cannot be read safely on this computer (defusedxml is missing).":
        "En esta computadora no se pueden leer libros de forma segura (falta defusedxml).",
    "{name} is damaged and cannot be read ({detail}).":
        "{name} está dañado y no se puede leer ({detail}).",
    "The sheet {sheet} of {name} declares {rows} rows and {columns} columns; a census can "
    "have at most {max_rows} rows and {max_columns} columns.":
        "La hoja {sheet} de {name} declara {rows} filas y {columns} columnas; un censo puede "
        "tener como máximo {max_rows} filas y {max_columns} columnas.",
    "Row {row}, column {column} of {name} holds {size} characters; a cell can have at most "
    "{limit}.":
        "La fila {row}, columna {column} de {name} tiene {size} caracteres; una celda puede "
        "tener como máximo {limit}.",
    "The sheet {sheet} of {name} has more than {max_rows} rows; split it into several "
    "workbooks.":
        "La hoja {sheet} de {name} tiene más de {max_rows} filas; divídala en varios libros.",
    "The workbook has no sheet named {sheet}.": "El libro no tiene una hoja llamada {sheet}.",
    "The sheet {sheet} of {name} is empty.": "La hoja {sheet} de {name} está vacía.",
    "No census columns were recognized in {name} (first row: {first}). Expected headers such "
    "as nombre, apellidos, sexo, fecha de nacimiento.":
        "No se reconocieron columnas del censo en {name} (primera fila: {first}). Se esperan "
        "encabezados como nombre, apellidos, sexo, fecha de nacimiento.",
    "Unknown field in the column mapping: {fields}.":
        "Campo desconocido en la asignación de columnas: {fields}.",
    "The columns for {fields} are missing; nothing was imported.":
        "Faltan las columnas de {fields}; no se importó nada.",
    "Same person as row {row} of this file.": "Misma persona que la fila {row} de este archivo.",
    "Possibly already registered: {folio} {name} ({center}).":
        "Posiblemente ya registrada: {folio} {name} ({center}).",
    "Another member of household {key} (row {row}) has errors; the household is left out "
    "whole.":
        "Otro integrante del núcleo {key} (fila {row}) tiene errores; el núcleo completo "
        "queda fuera.",
    "Household {key} needs exactly one head (jefe or jefa).":
        "El núcleo {key} necesita exactamente un jefe o jefa.",
    "Row": "Fila",
    "Errors": "Errores",
    "Rows left out": "Filas no importadas",
    # health screening, triage rule table, capacity, vaccines, placement
    "Heart rate below 60/min (12 years and over)":
        "Frecuencia cardiaca menor de 60/min (12 años o más)",
    "Heart rate above 130/min (12 years and over)":
        "Frecuencia cardiaca mayor de 130/min (12 años o más)",
    "Heart rate below 50/min (12 years and over)":
        "Frecuencia cardiaca menor de 50/min (12 años o más)",
    "Heart rate above 150/min (12 years and over)":
        "Frecuencia cardiaca mayor de 150/min (12 años o más)",
    "Respiratory rate below 10/min (12 years and over)":
        "Frecuencia respiratoria menor de 10/min (12 años o más)",
    "Respiratory rate above 30/min (12 years and over)":
        "Frecuencia respiratoria mayor de 30/min (12 años o más)",
    "Respiratory rate below 25/min (under 1 year)":
        "Frecuencia respiratoria menor de 25/min (menor de 1 año)",
    "Respiratory rate above 50/min (under 1 year)":
        "Frecuencia respiratoria mayor de 50/min (menor de 1 año)",
    "Heart rate below 90/min (under 1 year)": "Frecuencia cardiaca menor de 90/min (menor de 1 año)",
    "Heart rate above 180/min (under 1 year)":
        "Frecuencia cardiaca mayor de 180/min (menor de 1 año)",
    "Respiratory rate below 20/min (1 to 4 years)":
        "Frecuencia respiratoria menor de 20/min (de 1 a 4 años)",
    "Respiratory rate above 40/min (1 to 4 years)":
        "Frecuencia respiratoria mayor de 40/min (de 1 a 4 años)",
    "Heart rate below 80/min (1 to 4 years)": "Frecuencia cardiaca menor de 80/min (de 1 a 4 años)",
    "Heart rate above 160/min (1 to 4 years)":
        "Frecuencia cardiaca mayor de 160/min (de 1 a 4 años)",
    "Respiratory rate below 10/min (5 to 11 years)":
        "Frecuencia respiratoria menor de 10/min (de 5 a 11 años)",
    "Respiratory rate above 30/min (5 to 11 years)":
        "Frecuencia respiratoria mayor de 30/min (de 5 a 11 años)",
    "Heart rate below 70/min (5 to 11 years)":
        "Frecuencia cardiaca menor de 70/min (de 5 a 11 años)",
    "Heart rate above 140/min (5 to 11 years)":
        "Frecuencia cardiaca mayor de 140/min (de 5 a 11 años)",
    "Temperature below 36 °C": "Temperatura menor de 36 °C",
    "Temperature above 39 °C": "Temperatura mayor de 39 °C",
    "Oxygen saturation below 92 %": "Saturación de oxígeno menor de 92 %",
    "Consciousness other than alert (AVPU)": "Estado de conciencia distinto de alerta (AVDI)",
    "Pregnant with heavy bleeding": "Embarazada con sangrado abundante",
    "Pregnant with severe abdominal pain": "Embarazada con dolor abdominal intenso",
    "Pregnant with seizures or altered mental status":
        "Embarazada con convulsiones o alteración del estado mental",
    "Pregnant with severe headache": "Embarazada con dolor de cabeza intenso",
    "Pregnant with visual changes": "Embarazada con alteraciones visuales",
    "Pregnant in active labour": "Embarazada en trabajo de parto activo",
    "Pregnant with systolic blood pressure 160 mmHg or more":
        "Embarazada con presión sistólica de 160 mmHg o más",
    "Pregnant with diastolic blood pressure 110 mmHg or more":
        "Embarazada con presión diastólica de 110 mmHg o más",
    "Oxygen saturation below 90 %: urgent care":
        "Saturación de oxígeno menor de 90 %: atención urgente",
    "Chronic-degenerative condition: medical consultation":
        "Padecimiento crónico-degenerativo: consulta médica",
    "Pregnancy: prenatal consultation": "Embarazo: consulta prenatal",
    "Green": "Verde",
    "Yellow": "Amarillo",
    "Red": "Rojo",
    "Alert": "Alerta",
    "Responds to voice": "Responde a la voz",
    "Responds to pain": "Responde al dolor",
    "Unresponsive": "No responde",
    "Cough": "Tos",
    "Fever": "Fiebre",
    "Headache": "Dolor de cabeza",
    "Shortness of breath": "Dificultad para respirar",
    "Joint pain": "Dolor de articulaciones",
    "Muscle pain": "Dolor muscular",
    "Sore throat": "Dolor de garganta",
    "Runny nose": "Escurrimiento nasal",
    "Conjunctivitis": "Conjuntivitis",
    "Chest pain": "Dolor en el pecho",
    "Heavy bleeding": "Sangrado abundante",
    "Severe abdominal pain": "Dolor abdominal intenso",
    "Seizures or altered mental status": "Convulsiones o alteración del estado mental",
    "Severe headache": "Dolor de cabeza intenso",
    "Visual changes": "Alteraciones visuales",
    "Active labour": "Trabajo de parto activo",
    "Hypertension": "Hipertensión",
    "Heart disease": "Enfermedad del corazón",
    "Chronic lung disease (asthma, COPD)": "Enfermedad pulmonar crónica (asma, EPOC)",
    "Chronic kidney disease": "Enfermedad renal crónica",
    "Obesity": "Obesidad",
    "Cancer": "Cáncer",
    "HIV": "VIH",
    "Other chronic condition": "Otro padecimiento crónico",
    "Temperature": "Temperatura",
    "Heart rate": "Frecuencia cardiaca",
    "Respiratory rate": "Frecuencia respiratoria",
    "Oxygen saturation (SpO2)": "Saturación de oxígeno (SpO2)",
    "Systolic blood pressure": "Presión arterial sistólica",
    "Diastolic blood pressure": "Presión arterial diastólica",
    "Consciousness (AVPU)": "Estado de conciencia (AVDI)",
    "Negative": "Negativo",
    "Positive": "Positivo",
    "Positive with warning signs (urgent)": "Positivo con signos de alarma (urgente)",
    # IITT signs, apparent age, DGE 2021 definition, up-triage
    "A clinician may only raise the colour the rules computed ({computed}), never lower it or "
    "keep it.":
        "El personal clínico solo puede subir el color que calcularon las reglas ({computed}), "
        "nunca bajarlo ni dejarlo igual.",
    "Write why the colour is raised.": "Escriba por qué se sube el color.",
    "Active convulsions": "Convulsiones activas",
    "Acute abdominal pain": "Dolor abdominal agudo",
    "Acute abdominal pain over 50 years": "Dolor abdominal agudo en mayor de 50 años",
    "Acute chest pain": "Dolor torácico agudo",
    "Acute chest pain over 50 years": "Dolor torácico agudo en mayor de 50 años",
    "Acute focal neurologic complaint": "Déficit neurológico focal agudo",
    "Acute general weakness": "Debilidad general aguda",
    "Acute testicular or scrotal pain, or priapism":
        "Dolor testicular o escrotal agudo, o priapismo",
    "Acute visual disturbance": "Alteración visual aguda",
    "Adult (appears 12 to 50 years)": "Adulto (aparenta de 12 a 50 años)",
    "Agitation": "Agitación",
    "Altered mental status": "Alteración del estado mental",
    "Capillary refill over 3 seconds": "Llenado capilar mayor de 3 segundos",
    "Chest pain in the last 10 days: urgent care":
        "Dolor en el pecho en los últimos 10 días: atención urgente",
    "Child (appears 1 to 11 years)": "Niña o niño (aparenta de 1 a 11 años)",
    "Chills": "Escalofríos",
    "Definition not met": "No cumple la definición",
    "Diabetes": "Diabetes",
    "ECG with acute ischaemia": "ECG con isquemia aguda",
    "ECG with acute ischaemia (if done)": "ECG con isquemia aguda (si se hizo)",
    "Exposure needing time-sensitive prophylaxis":
        "Exposición que requiere profilaxis urgente",
    "Exposure needing time-sensitive prophylaxis (animal bite, needlestick)":
        "Exposición que requiere profilaxis urgente (mordedura de animal, pinchazo)",
    "Fast breathing": "Respiración rápida (polipnea)",
    "Cold extremities": "Extremidades frías",
    "Cold extremities (child)": "Extremidades frías (menor)",
    "Hypoglycaemia": "Hipoglucemia",
    "Hypoglycaemia (if known)": "Hipoglucemia (si se conoce)",
    "Acute testicular or scrotal pain, or priapism (child)":
        "Dolor testicular o escrotal agudo, o priapismo (menor)",
    "Pregnant with trauma": "Embarazada con traumatismo",
    "Trauma": "Traumatismo",
    "Any two of: altered mental status, stiff neck, hypothermia or fever, headache":
        "Dos de: alteración del estado mental, rigidez de nuca, hipotermia o fiebre, dolor "
        "de cabeza",
    "High-risk trauma": "Traumatismo de alto riesgo",
    "Hypothermia or fever": "Hipotermia o fiebre",
    "Infant (appears under 1 year)": "Lactante (aparenta menos de 1 año)",
    "Irritability (under 5 years)": "Irritabilidad (menores de 5 años)",
    "Known diagnosis requiring urgent surgery":
        "Diagnóstico conocido que requiere cirugía urgente",
    "Loss of smell": "Pérdida del olfato",
    "Loss of taste": "Pérdida del gusto",
    "Measured fever (38.0 °C or more) with a respiratory symptom: medical consultation":
        "Fiebre medida (38.0 °C o más) con un síntoma respiratorio: consulta médica",
    "New rash worsening over hours or peeling":
        "Erupción nueva que empeora en horas o se descama",
    "No date of birth and no apparent age band: judged by the strictest band (the thresholds "
    "of every age).":
        "Sin fecha de nacimiento ni edad aparente: se valoró con la banda más estricta (los "
        "umbrales de todas las edades).",
    "No date of birth: judged by the apparent age band recorded.":
        "Sin fecha de nacimiento: se valoró con la edad aparente registrada.",
    "Older adult (appears over 50 years)": "Adulto mayor (aparenta más de 50 años)",
    "Ongoing bleeding": "Sangrado persistente",
    "Open fracture": "Fractura expuesta",
    "Other trauma or burns": "Otro traumatismo o quemaduras",
    "Poisoning, ingestion or dangerous chemical exposure":
        "Intoxicación, ingestión o exposición química peligrosa",
    "Recent fainting": "Desmayo reciente",
    "Respiratory distress or central cyanosis": "Dificultad respiratoria o cianosis central",
    "Restless, continuously irritable or lethargic":
        "Inquieto, irritable todo el tiempo o letárgico",
    "Restless, continuously irritable or lethargic (child)":
        "Inquieto, irritable todo el tiempo o letárgico (menor)",
    "Severe dehydration (child)": "Deshidratación grave (menor)",
    "Severe dehydration (diarrhoea with two of: lethargy, sunken eyes, very slow skin pinch)":
        "Deshidratación grave (diarrea con dos de: letargo, ojos hundidos, pliegue cutáneo muy "
        "lento)",
    "Severe pain": "Dolor intenso",
    "Severe pallor": "Palidez intensa",
    "Sexual assault": "Agresión sexual",
    "Shortness of breath in the last 10 days: urgent care":
        "Dificultad para respirar en los últimos 10 días: atención urgente",
    "Snake bite": "Mordedura de serpiente",
    "Stiff neck": "Rigidez de nuca",
    "Stridor": "Estridor",
    "Suspected dislocation": "Sospecha de luxación",
    "Suspected respiratory case: respiratory isolation and medical consultation":
        "Caso sospechoso de enfermedad respiratoria viral: aislamiento respiratorio y consulta "
        "médica",
    "Swelling or mass of mouth, throat or neck": "Hinchazón o masa en boca, garganta o cuello",
    "Threatened limb": "Extremidad en riesgo",
    "Tiny baby (under 2 months)": "Bebé menor de 2 meses",
    "Any infant under 8 days": "Cualquier bebé menor de 8 días",
    "Infant under 2 months with temperature below 36 °C":
        "Bebé menor de 2 meses con temperatura menor de 36 °C",
    "Infant under 2 months with temperature above 39 °C":
        "Bebé menor de 2 meses con temperatura mayor de 39 °C",
    "Infant 8 days to 6 months": "Bebé de 8 días a 6 meses",
    "Measured fever (38.0 °C or more): medical consultation":
        "Fiebre medida (38.0 °C o más): consulta médica",
    "Measured fever (38.0 °C or more) in an infant under 3 months":
        "Fiebre medida (38.0 °C o más) en un bebé menor de 3 meses",
    "Unable to feed or drink": "No puede comer ni beber",
    "Unable to pass urine": "No puede orinar",
    "Unresponsive (AVPU: U)": "No responde (AVPU: U)",
    "Violent or aggressive": "Violento o agresivo",
    "Visible acute limb deformity": "Deformidad aguda visible de una extremidad",
    "Visible severe wasting or oedema of both feet":
        "Emaciación grave visible o edema en ambos pies",
    "Visible severe wasting or oedema of both feet (child)":
        "Emaciación grave visible o edema en ambos pies (menor)",
    "Vomits everything or ongoing diarrhoea": "Vomita todo o diarrea persistente",
    "Weak and fast pulse": "Pulso débil y rápido",
    "Wheezing": "Sibilancias",
    "missing: at least one minor symptom": "falta: al menos un síntoma menor",
    "missing: at least one major symptom": "falta: al menos un síntoma mayor",
    "The value must be between {min} and {max}.": "El valor debe estar entre {min} y {max}.",
    "The diastolic pressure must be lower than the systolic pressure.":
        "La presión diastólica debe ser menor que la sistólica.",
    "Only recorded for a pregnancy.": "Solo se registra en un embarazo.",
    "Occupancy {occupancy} is above the {beds} beds in service.":
        "La ocupación de {occupancy} supera las {beds} camas en servicio.",
    "Occupancy {occupancy} is above the Sphere capacity of {capacity} people "
    "({m2_per_person} m² per person).":
        "La ocupación de {occupancy} supera la capacidad Sphere de {capacity} personas "
        "({m2_per_person} m² por persona).",
    "Floor area not recorded: Sphere capacity unknown.":
        "Superficie no registrada: capacidad Sphere desconocida.",
    "Hexavalent (DTaP-IPV-Hib-HB)": "Hexavalente (DPaT-VIP-Hib-HB)",
    "Pneumococcal conjugate": "Neumocócica conjugada",
    "MMR (SRP)": "SRP (triple viral)",
    "Tdap": "Tdpa",
    "COVID-19: no dose recorded.": "COVID-19: sin dosis registradas.",
    "COVID-19: {received} dose(s), product unknown: check the card.":
        "COVID-19: {received} dosis, producto desconocido: revise la cartilla.",
    "COVID-19: full course ({received} of {required} doses).":
        "COVID-19: esquema completo ({received} de {required} dosis).",
    "COVID-19: partial course ({received} of {required} doses).":
        "COVID-19: esquema incompleto ({received} de {required} dosis).",
    "Tdap is recommended between weeks 20 and 32 of pregnancy (now week {weeks}).":
        "Se recomienda Tdpa entre las semanas 20 y 32 del embarazo (semana actual: {weeks}).",
    "{vaccine}: dose {dose} is due (from birth).":
        "{vaccine}: la dosis {dose} corresponde (desde el nacimiento).",
    "{vaccine}: dose {dose} is due (from {months} months of age).":
        "{vaccine}: la dosis {dose} corresponde (desde los {months} meses de edad).",
    "{vaccine}: the yearly dose is due (none in the last 12 months).":
        "{vaccine}: corresponde la dosis anual (ninguna en los últimos 12 meses).",
    "{names}: positive respiratory screen; respiratory isolation area {area}.":
        "{names}: tamizaje respiratorio positivo; área de aislamiento respiratorio {area}.",
    "The rest of the household stays with the case as contacts.":
        "El resto del núcleo familiar permanece con el caso como contactos.",
    "No respiratory isolation bed for {names} (positive respiratory screen): "
    "arrange isolation as soon as possible.":
        "No hay cama de aislamiento respiratorio para {names} (tamizaje respiratorio "
        "positivo): organice el aislamiento lo antes posible.",
    "Area {area} lodges pregnant women, infants or chronic patients: a respiratory case "
    "should not sleep there outside isolation.":
        "El área {area} aloja a embarazadas, lactantes o pacientes crónicos: un caso "
        "respiratorio no debe dormir ahí fuera de aislamiento.",
    "Pregnant or postpartum women and infants: maternity area {area}.":
        "Embarazadas, puérperas y lactantes: área de maternidad {area}.",
    "Respiratory isolation takes precedence over the maternity area.":
        "El aislamiento respiratorio tiene prioridad sobre el área de maternidad.",
    "Not in a maternity area: none has room for this group, or the group includes adult men.":
        "Fuera del área de maternidad: ninguna tiene lugar para este grupo, o el grupo incluye "
        "hombres adultos.",
    "{names}: chronic disease or obstetric warning; center {center} has medical care.":
        "{names}: enfermedad crónica o alarma obstétrica; el centro {center} tiene atención "
        "médica.",
    "No center with medical care has room for {names}: arrange medical follow-up.":
        "Ningún centro con atención médica tiene lugar para {names}: organice el seguimiento "
        "médico.",
    "Area {area} is for {segment}, as this group needs.":
        "El área {area} es para {segment}, como necesita este grupo.",
    "Area {area} is for {segment}; this group needs: {expected}.":
        "El área {area} es para {segment}; este grupo necesita: {expected}.",
    "Area {area} goes above its Sphere space capacity (room for {free} more people).":
        "El área {area} supera su capacidad de espacio Sphere (caben {free} personas más).",
    "Adjacent beds {first} to {last}.": "Camas contiguas de {first} a {last}.",
    "The beds are not all adjacent: {beds}.": "Las camas no son todas contiguas: {beds}.",
    "The household stays together in area {area} of center {center}.":
        "El núcleo familiar permanece junto en el área {area} del centro {center}.",
    "The household is split into {count} areas: {areas}.":
        "El núcleo familiar queda dividido en {count} áreas: {areas}.",
    "{names}: placed in area {area}, where no adult is lodged.":
        "{names}: ubicado(a) en el área {area}, donde no se aloja ningún adulto.",
    "{names}: unaccompanied minor; notify the DIF child protection route (Procuraduría de "
    "Protección de Niñas, Niños y Adolescentes).":
        "{names}: menor no acompañado(a); notifique a la ruta de protección del DIF "
        "(Procuraduría de Protección de Niñas, Niños y Adolescentes).",
    "{names}: urgent medical care comes before placement.":
        "{names}: la atención médica urgente va antes de la ubicación.",
    "No bed meets the safety rules (free beds, protection of minors, segment safety): the "
    "coordinator must decide.":
        "Ninguna cama cumple las reglas de seguridad (camas libres, protección de menores, "
        "seguridad del segmento): la coordinación debe decidir.",
    "families": "familias",
    "single men": "hombres solos",
    "women and children": "mujeres con hijos",
    "maternity": "maternidad",
    "respiratory isolation": "aislamiento respiratorio",
    "chronic care": "atención a pacientes crónicos",
    # capacity presets
    "Sphere minimum ({m2} m² per person)": "Mínimo Esfera ({m2} m² por persona)",
    "Sphere, cold climate ({m2} m² per person)": "Esfera, clima frío ({m2} m² por persona)",
    "The Sphere Handbook 2018, Shelter and settlement standard 3 (covered living space), key "
    "indicator: at least 3.5 m² of living space per person.":
        "Manual Esfera 2018, norma 3 sobre alojamiento y asentamiento (espacio vital "
        "cubierto), indicador clave: al menos 3.5 m² de espacio vital por persona.",
    "The Sphere Handbook 2018, Shelter and settlement standard 3 (covered living space), key "
    "indicator and guidance note 1: 4.5-5.5 m² per person in cold climates, where household "
    "activities take place indoors.":
        "Manual Esfera 2018, norma 3 sobre alojamiento y asentamiento (espacio vital "
        "cubierto), indicador clave y nota de orientación 1: 4.5-5.5 m² por persona en climas "
        "fríos, donde las actividades del hogar se realizan bajo techo.",
    # placement: protect the people around a case, presumed minors
    "A family quarantine room is an area of a center, not a center profile.":
        "Un cuarto familiar de cuarentena es un área de un centro, no un perfil de centro.",
    "family quarantine room": "cuarto familiar de cuarentena",
    "Area {area} lodges a respiratory case of another household outside isolation.":
        "El área {area} aloja un caso respiratorio de otro núcleo familiar fuera de "
        "aislamiento.",
    "{names}: positive respiratory screen; the household stays together in the family "
    "quarantine room {area}, apart from other households' cases.":
        "{names}: tamizaje respiratorio positivo; el núcleo familiar permanece junto en el "
        "cuarto familiar de cuarentena {area}, aparte de los casos de otros núcleos.",
    "{names} share the isolation area {area} with other households' cases: a family "
    "quarantine room would keep the household apart.":
        "{names} comparten el área de aislamiento {area} con casos de otros núcleos "
        "familiares: un cuarto familiar de cuarentena mantendría aparte al núcleo.",
    "No family room or quarantine area is free for the household of {names} (positive "
    "respiratory screen): the household cannot stay together apart from other households' "
    "cases; the coordinator must free or set up one.":
        "No hay cuarto familiar ni área de cuarentena libre para el núcleo familiar de "
        "{names} (tamizaje respiratorio positivo): el núcleo no puede permanecer junto y "
        "aparte de los casos de otros núcleos; la coordinación debe liberar o habilitar uno.",
    "{names}: age unknown or in doubt, presumed a minor (LGDNNA art. 5) and without an adult "
    "of the household; notify the DIF child protection route (Procuraduría de Protección de "
    "Niñas, Niños y Adolescentes).":
        "{names}: edad desconocida o en duda, se presume menor de edad (LGDNNA art. 5) y sin "
        "un adulto de su núcleo familiar; notifique a la ruta de protección del DIF "
        "(Procuraduría de Protección de Niñas, Niños y Adolescentes).",
    "{names}: separated child (without their parents or usual caregiver); notify the DIF "
    "child protection route (Procuraduría de Protección de Niñas, Niños y Adolescentes).":
        "{names}: niña, niño o adolescente separado(a) (sin sus padres ni su cuidador "
        "habitual); notifique a la ruta de protección del DIF (Procuraduría de Protección de "
        "Niñas, Niños y Adolescentes).",
    # screening, beds, stays, placement and daily numbers services
    "screening": "la valoración de salud",
    "Center {center} is closed.": "El centro {center} está cerrado.",
    "The arrival cannot be before the transfer.":
        "La llegada no puede ser anterior al traslado.",
    "{name} is expected at {center} (pending transfer); record there that the person did "
    "not arrive first.":
        "Se espera a {name} en {center} (traslado pendiente); registre primero allí que la "
        "persona no llegó.",
    "{name} has not arrived at {center} yet.": "{name} todavía no ha llegado a {center}.",
    "The value cannot be negative.": "El valor no puede ser negativo.",
    "Center {center} still has {count} people present or expected.":
        "El centro {center} todavía tiene {count} personas albergadas o por llegar.",
    "Bed {bed} is occupied; move or check out its occupant first.":
        "La cama {bed} está ocupada; primero cambie de cama o dé salida a quien la ocupa.",
    "Occupancy {occupancy} is above the daily capacity of {capacity} people.":
        "La ocupación de {occupancy} supera la capacidad diaria de {capacity} personas.",
    "A pregnancy cannot be recorded for a man.":
        "No se puede registrar un embarazo para un hombre.",
    "This screening was already corrected; correct the latest version.":
        "Esta valoración ya fue corregida; corrija la versión más reciente.",
    "Every member of this household is already lodged.":
        "Todos los integrantes de este núcleo familiar ya están albergados.",
    "Each person and each bed only once.": "Cada persona y cada cama una sola vez.",
    "{person} is not a member of this household.":
        "{person} no es integrante de este núcleo familiar.",
    # reports command line
    "{value} is not a date (YYYY-MM-DD)": "{value} no es una fecha (AAAA-MM-DD)",
    "print a report to PDF": "imprimir un reporte en PDF",
    "only this center": "solo este centro",
    "which report": "qué reporte",
    "PDF file to write": "archivo PDF a escribir",
    "day of the census (default: today)": "día del parte (predeterminado: hoy)",
    "first day of the period (impact report, dashboard)":
        "primer día del periodo (reporte de impacto, tablero)",
    "last day of the period (impact report, dashboard)":
        "último día del periodo (reporte de impacto, tablero)",
    "print as this user": "imprimir como este usuario",
    "export the database to an Excel workbook": "exportar la base de datos a un libro de Excel",
    "workbook to write (.xlsx)": "libro a escribir (.xlsx)",
    "day of the census sheet (default: today)": "día de la hoja del parte (predeterminado: hoy)",
    "export as this user": "exportar como este usuario",
    "import a census spreadsheet (.xlsx)": "importar una hoja de censo (.xlsx)",
    "the spreadsheet": "la hoja de cálculo",
    "center that registers the people (default: this file's center)":
        "centro que registra a las personas (predeterminado: el centro de este archivo)",
    "sheet to read (default: the first)": "hoja a leer (predeterminado: la primera)",
    "check the rows and report errors; import nothing":
        "revisar las filas y reportar errores; no importar nada",
    "workbook for the rows left out (default: FILE-errores.xlsx)":
        "libro para las filas no importadas (predeterminado: ARCHIVO-errores.xlsx)",
    "ROW": "FILA",
    "import this row although it looks like a registered person":
        "importar esta fila aunque parezca una persona ya registrada",
    "import as this user": "importar como este usuario",
    "There is no active user {username} in this file.":
        "No hay un usuario activo {username} en este archivo.",
    "Saved {path}": "Se guardó {path}",
    "{rows} rows read: {people} people in {households} households can be imported; "
    "{left_out} rows are left out.":
        "{rows} filas leídas: se pueden importar {people} personas en {households} núcleos; "
        "{left_out} filas quedan fuera.",
    "Row {row}: {errors}": "Fila {row}: {errors}",
    "... and {n} more rows with errors.": "... y {n} filas más con errores.",
    "Dry run: nothing was imported.": "Prueba: no se importó nada.",
    "Imported {people} people in {households} households.":
        "Se importaron {people} personas en {households} núcleos.",
    "Say which center registers the people (--center CODE).":
        "Indique qué centro registra a las personas (--center CÓDIGO).",
    "command line": "línea de comandos",
    "The impact report covers the whole program; it takes no --center.":
        "El informe de impacto abarca todo el programa; no admite --center.",
    "Say what to look for: a name, a folio or a document number.":
        "Indique qué buscar: un nombre, un folio o un número de documento.",
    "There is no center with the code {code} in this file.":
        "No hay ningún centro con el código {code} en este archivo.",
    # clock checks (services/clock.py)
    "This computer's date ({now}) is earlier than this version of Albergue ({ref}). "
    "Correct the date and time before saving anything: records and synchronization are "
    "ordered by the clock.":
        "La fecha de esta computadora ({now}) es anterior a esta versión de Albergue ({ref}). "
        "Corrija la fecha y la hora antes de guardar nada: los registros y la sincronización "
        "se ordenan por el reloj.",
    "This computer's date ({now}) is more than three years after this version of "
    "Albergue ({ref}). Check the date and time before saving anything.":
        "La fecha de esta computadora ({now}) es más de tres años posterior a esta versión de "
        "Albergue ({ref}). Revise la fecha y la hora antes de guardar nada.",
    "The last change saved in this file is dated {ref}, later than this computer's "
    "clock ({now}). If the date and time shown now are wrong, correct them. If they are "
    "right, the clock was ahead when those changes were saved: new changes will be "
    "dated after {ref} and win over edits made elsewhere in the meantime.":
        "El último cambio guardado en este archivo tiene fecha {ref}, posterior al reloj de "
        "esta computadora ({now}). Si la fecha y la hora que se muestran ahora están mal, "
        "corríjalas. Si están bien, el reloj estaba adelantado cuando se guardaron esos "
        "cambios: los cambios nuevos llevarán fecha posterior a {ref} y ganarán sobre las "
        "ediciones hechas en otros lugares mientras tanto.",
    "The last change saved in this file is dated {ref}, more than a day after this "
    "computer's clock ({now}): no central file will accept this center's changes. If the "
    "date and time shown now are wrong, correct them. If they are right, choose "
    "\"Correct the clock\": the changes saved while the clock was ahead are re-dated, "
    "in the same order, and nothing is lost.":
        "El último cambio guardado en este archivo tiene fecha {ref}, más de un día después "
        "del reloj de esta computadora ({now}): ningún archivo central aceptará los cambios "
        "de este centro. Si la fecha y la hora que se muestran ahora están mal, corríjalas. "
        "Si están bien, elija \"Corregir el reloj\": los cambios guardados mientras el reloj "
        "estaba adelantado se vuelven a fechar, en el mismo orden, sin perder nada.",
    "A change from another center is dated {ref}, later than this computer's clock "
    "({now}). One of the two clocks is wrong: check this computer's date and time.":
        "Un cambio de otro centro tiene fecha {ref}, posterior al reloj de esta computadora "
        "({now}). Uno de los dos relojes está mal: revise la fecha y la hora de esta "
        "computadora.",
    "This computer's date ({now}) is more than a month after the latest change known "
    "({ref}). If the date is wrong, correct it before saving: changes dated ahead win "
    "over later edits everywhere.":
        "La fecha de esta computadora ({now}) es más de un mes posterior al último cambio "
        "conocido ({ref}). Si la fecha está mal, corríjala antes de guardar: los cambios con "
        "fecha adelantada ganan sobre las ediciones posteriores en todas partes.",
    "The latest changes of this file are dated more than a month after the latest "
    "change from other centers ({ref}). If this computer's clock was ahead, correct it; "
    "then choose \"Correct the clock\" if a merge refuses this file.":
        "Los últimos cambios de este archivo tienen fecha más de un mes posterior al último "
        "cambio de otros centros ({ref}). Si el reloj de esta computadora estaba adelantado, "
        "corríjalo; después elija \"Corregir el reloj\" si una integración rechaza este "
        "archivo.",
}

from .i18n_health import HEALTH_ES  # noqa: E402  (the health modules' catalog)

ES.update(HEALTH_ES)

from .i18n_stock import ES_STOCK  # noqa: E402  (the stock ledger's catalog)

ES.update(ES_STOCK)

from .i18n_supplies import ES_SUPPLIES  # noqa: E402  (donations, distributions, meals)

ES.update(ES_SUPPLIES)

# The exit pathways keep their texts in their own module (merged here, one catalog).
from .pathway_text import ES as _PATHWAY_ES  # noqa: E402

ES.update(_PATHWAY_ES)

from .erasure_text import ES as _ERASURE_ES  # noqa: E402  (erasure and data requests)

ES.update(_ERASURE_ES)


catalog.register(DOMAIN, "es", ES)  # by reference: entries added to ES later count too


def translate(text: str, /, lang: object = None, **params: object) -> str:
    """An English source string in ``lang`` (None: the current language), params filled
    in; the desktop's catalog first, then the sync engine's."""
    return catalog.translate(text, lang, domain=DOMAIN, **params)
