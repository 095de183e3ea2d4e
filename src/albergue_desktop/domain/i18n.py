"""Translation of messages produced outside Qt (validation errors, CLI output, labels).

Source strings are English; Spanish (es_MX) is the default language. The Qt UI translates
its own strings with ``tr()`` and .ts files, and calls :func:`translate` for messages that
come from the domain and services so a user never sees an untranslated error.
"""

from __future__ import annotations

import os

_language = os.environ.get("ALBERGUE_LANG", "es")

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
    "You do not have permission to {action}.": "No tiene permiso para {action}.",
    "The username {username} is already taken.": "El usuario {username} ya existe.",
    "The center code {code} is already in use.": "El código de centro {code} ya está en uso.",
    "The center code must be 1 to 3 digits.": "El código del centro debe tener de 1 a 3 dígitos.",
    "The city prefix must be 2 to 4 letters.": "El prefijo de ciudad debe tener de 2 a 4 letras.",
    "The password must have at least {min} characters.":
        "La contraseña debe tener al menos {min} caracteres.",
    # accounts
    "Wrong username or password.": "Usuario o contraseña incorrectos.",
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
}


def set_language(lang: str) -> None:
    global _language
    _language = "en" if lang.lower().startswith("en") else "es"


def language() -> str:
    return _language


def translate(text: str, **params: object) -> str:
    """Translate an English source string to the current language and fill in params."""
    if _language == "es":
        text = ES.get(text, text)
    return text.format(**params) if params else text
