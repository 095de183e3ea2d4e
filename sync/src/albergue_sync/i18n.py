"""Messages of the sync engine and its CLI: English source strings, Spanish by default.

The Spanish catalog of the ``"sync"`` domain of :mod:`.catalog`, the one translation
mechanism (the desktop registers its own catalog there too, and its language switch sets the
one current language: sync messages follow it). Until a language is set, ``ALBERGUE_LANG``
decides (``es`` unless it starts with ``en``, ``fr`` or ``ht``).
"""

from __future__ import annotations

from . import catalog
from .catalog import language, set_language

__all__ = ["ES", "SyncCancelled", "SyncRefused", "language", "set_language", "translate"]

DOMAIN = "sync"

ES: dict[str, str] = {
    "an encrypted file: open it as this user of the file":
        "un archivo cifrado: abrirlo como este usuario del archivo",
    "Recovery code of {path} (shown only now: write it down and keep it locked away; it "
    "opens the file if every password is lost): {code}":
        "Código de recuperación de {path} (se muestra solo ahora: anótelo y guárdelo bajo "
        "llave; abre el archivo si se pierden todas las contraseñas): {code}",
    # keys of encrypted files (crypto_keys.py, keyfile.py, docs/encryption.md)
    "The password or the recovery code is wrong.":
        "La contraseña o el código de recuperación no son correctos.",
    "The key file is damaged: {detail}": "El archivo de claves está dañado: {detail}",
    "This file was sealed for another site; it cannot be opened here.":
        "Este archivo fue sellado para otro sitio; no se puede abrir aquí.",
    "{path} is encrypted and its key file ({keys}) is missing: copy it from where the "
    "database came from (the two files travel together).":
        "{path} está cifrado y falta su archivo de claves ({keys}): cópielo de donde vino la "
        "base de datos (los dos archivos viajan juntos).",
    "{path} is encrypted and cannot be opened here: sign in to it, or to a file it "
    "synchronizes with (a center file opens on the central file it sent to, and back).":
        "{path} está cifrado y no se puede abrir aquí: inicie sesión en él, o en un archivo "
        "con el que se sincroniza (un archivo de centro se abre en el archivo central al que "
        "envió, y al revés).",
    "The key of {path} does not open it: the file or its key file is damaged, or they "
    "belong to different copies.":
        "La clave de {path} no lo abre: el archivo o su archivo de claves está dañado, o son "
        "de copias distintas.",
    # refused input
    "{path} does not exist.": "{path} no existe.",
    "Cannot read {path}: {detail}": "No se puede leer {path}: {detail}",
    "{path} is not an Albergue database (it is not an SQLite file).":
        "{path} no es una base de datos de Albergue (no es un archivo SQLite).",
    "{path} is an SQLite database from another program, not Albergue.":
        "{path} es una base de datos SQLite de otro programa, no de Albergue.",
    "{path} is damaged ({detail}). Nothing was merged; make a new copy of that file.":
        "{path} está dañado ({detail}). No se integró nada; haga una copia nueva de ese "
        "archivo.",
    "{path} uses schema {found}, newer than this albergue-sync (schema {supported}). "
    "Update Albergue on this computer first.":
        "{path} usa el esquema {found}, más reciente que este albergue-sync (esquema "
        "{supported}). Actualice Albergue en esta computadora primero.",
    "{source} is the same database as {target} (site {site}); a file cannot be merged "
    "into itself.":
        "{source} es la misma base de datos que {target} (sitio {site}); un archivo no se "
        "puede integrar en sí mismo.",
    "{first} and {second} claim the same site ({site}); merge only one of them. If one is a "
    "copy that kept being used, give it a new identity with `albergue-sync rekey FILE`.":
        "{first} y {second} dicen ser el mismo sitio ({site}); integre solo uno. Si uno es "
        "una copia que se siguió usando, dele una identidad nueva con "
        "`albergue-sync rekey ARCHIVO`.",
    "{path} has changes dated {when}, more than 24 hours ahead of this computer's clock "
    "({now}); nothing was merged. If the clock of the computer that wrote it is wrong, "
    "correct it. Once its clock is right, run `albergue-sync reclock` on that file (or sign "
    "in to Albergue there and choose Correct the clock): it re-dates those changes and "
    "loses nothing.":
        "{path} tiene cambios con fecha {when}, más de 24 horas adelante del reloj de esta "
        "computadora ({now}); no se integró nada. Si el reloj de la computadora que lo "
        "escribió está mal, corríjalo. Cuando ya esté bien, ejecute `albergue-sync reclock` "
        "sobre ese archivo (o inicie sesión en Albergue en esa computadora y elija Corregir "
        "el reloj): vuelve a fechar esos cambios sin perder nada.",
    "{path} is older (change {seq}) than what {target} already merged from that site "
    "(change {seen}). If it is an old copy there is nothing new in it; if it is a restored "
    "backup that kept being used, give it a new identity first: albergue-sync rekey {path} "
    "--against {target}":
        "{path} es más antiguo (cambio {seq}) que lo que {target} ya integró de ese sitio "
        "(cambio {seen}). Si es una copia vieja, no trae nada nuevo; si es un respaldo "
        "restaurado que se siguió usando, dele primero una identidad nueva: "
        "albergue-sync rekey {path} --against {target}",
    "{target} is older (change {seq}) than what {path} already merged from it (change "
    "{seen}): {target} looks like a restored backup. Give it a new identity first: "
    "albergue-sync rekey {target} --against {path}":
        "{target} es más antiguo (cambio {seq}) que lo que {path} ya integró de él (cambio "
        "{seen}): {target} parece un respaldo restaurado. Dele primero una identidad nueva: "
        "albergue-sync rekey {target} --against {path}",
    "{path} no longer holds the changes {target} merged from it up to change {seen}: it "
    "looks like a restored backup or a copy that kept being used. Give it a new identity "
    "first (albergue-sync rekey {path} --against {target}) and merge it again.":
        "{path} ya no contiene los cambios que {target} integró de él hasta el cambio {seen}: "
        "parece un respaldo restaurado o una copia que se siguió usando. Dele primero una "
        "identidad nueva (albergue-sync rekey {path} --against {target}) e intégrelo de "
        "nuevo.",
    "{path} changed while it was being merged; try again.":
        "{path} cambió mientras se integraba; inténtelo de nuevo.",
    "{path} cannot be merged: {detail}. Nothing of it was merged.":
        "{path} no se puede integrar: {detail}. No se integró nada de ese archivo.",
    "The disk is full; nothing of {path} was merged. Free some space and try again.":
        "El disco está lleno; no se integró nada de {path}. Libere espacio e inténtelo de "
        "nuevo.",
    "Merged: {merged}. Not merged: {left}. {reason}":
        "Se integró: {merged}. No se integró: {left}. {reason}",
    "{path} has a record with malformed synchronization data ({table} {row}, {column}): it "
    "was edited outside Albergue or is damaged. Nothing was merged; make a new copy of that "
    "file from the center's computer.":
        "{path} tiene un registro con datos de sincronización mal formados ({table} {row}, "
        "{column}): se editó fuera de Albergue o está dañado. No se integró nada; haga una "
        "copia nueva de ese archivo desde la computadora del centro.",
    "The database {path} is busy; try again in a moment.":
        "La base de datos {path} está ocupada; inténtelo de nuevo en un momento.",
    "Cannot write {path}: {detail}": "No se puede escribir {path}: {detail}",
    "Synchronization cancelled: nothing of {path} was applied.":
        "Sincronización cancelada: no se aplicó nada de {path}.",
    "The copy must go to another file than {path}.":
        "La copia debe ir a un archivo distinto de {path}.",
    # conflicts
    "No conflict {id} in {path}.": "No hay un conflicto {id} en {path}.",
    "{id} matches several conflicts; give more characters.":
        "{id} coincide con varios conflictos; escriba más caracteres.",
    "The value is not valid JSON: {detail}": "El valor no es JSON válido: {detail}",
    "The row {table} {row} of this conflict is not in {path}.":
        "El registro {table} {row} de este conflicto no está en {path}.",
    "A deleted-record conflict is resolved with true (keep it deleted) or false (restore it).":
        "Un conflicto de registro eliminado se resuelve con true (dejarlo eliminado) o false "
        "(restaurarlo).",
    # CLI output
    "{path}: {new} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts, "
    "{seconds:.2f} s ({mode}, {read} rows read)":
        "{path}: {new} nuevos, {updated} actualizados, {unchanged} sin cambios, {conflicts} "
        "conflictos, {seconds:.2f} s ({mode}, {read} filas leídas)",
    "full": "completa",
    "incremental": "incremental",
    "Created {path} (site {site}).": "Se creó {path} (sitio {site}).",
    "Exported {source} to {path} ({size} bytes, change {seq}).":
        "Se exportó {source} a {path} ({size} bytes, cambio {seq}).",
    "{path}: new site {site}, epoch {epoch}.": "{path}: sitio nuevo {site}, época {epoch}.",
    "File {path}: site {site}, schema {schema}, change {seq}.":
        "Archivo {path}: sitio {site}, esquema {schema}, cambio {seq}.",
    "Sources merged:": "Orígenes integrados:",
    "  {site} ({direction}) last merged {when}, up to change {seq}: {path}":
        "  {site} ({direction}) última integración {when}, hasta el cambio {seq}: {path}",
    "  (none)": "  (ninguno)",
    "Rows per table (live / deleted):": "Registros por tabla (vigentes / eliminados):",
    "Open conflicts: {count}": "Conflictos abiertos: {count}",
    "No open conflicts.": "No hay conflictos abiertos.",
    "{id}  {kind}  {table} {row}  {field}: kept {winner} ({wsite}), other {loser} ({lsite})":
        "{id}  {kind}  {table} {row}  {field}: se conservó {winner} ({wsite}), el otro "
        "{loser} ({lsite})",
    "  resolved: {value} by {who} at {when}": "  resuelto: {value} por {who} el {when}",
    "Conflict {id} resolved with {value}.": "Conflicto {id} resuelto con {value}.",
    "merge": "integración",
    "pull": "descarga",
    "field": "campo",
    "delete": "eliminado",
    "orphan": "huérfano",
    "duplicate": "duplicado",
    "stay": "estancia",
    "closed": "salida simultánea a una llegada o cambio",
    "deleted_person": "persona eliminada con estancia abierta",
    # argparse help
    "Merge Albergue center databases into a central file, and back.":
        "Integra las bases de datos de los centros en un archivo central, y de vuelta.",
    "print the result as JSON": "mostrar el resultado como JSON",
    # argparse
    "usage: ": "uso: ",
    "positional arguments": "argumentos posicionales",
    "options": "opciones",
    "commands": "órdenes",
    "show this help and exit": "muestra esta ayuda y termina",
    "error": "error",
    "the following arguments are required: {args}": "faltan estos argumentos: {args}",
    "unrecognized arguments: {args}": "argumentos no reconocidos: {args}",
    "argument {arg}: invalid choice: {value} (choose from {choices})":
        "argumento {arg}: opción no válida: {value} (elija entre {choices})",
    "argument {arg}: expected one value": "argumento {arg}: se esperaba un valor",
    "argument {arg}: {message}": "argumento {arg}: {message}",
    # signing in (auth.py, cli.py)
    "Wrong username or password.": "Usuario o contraseña incorrectos.",
    "Too many failed attempts. The account is locked until {time}.":
        "Demasiados intentos fallidos. La cuenta está bloqueada hasta las {time}.",
    "This account is deactivated. Ask an administrator.":
        "Esta cuenta está desactivada. Consulte a un administrador.",
    "The user {user} ({role}) may not run albergue-sync {command} on {path}.":
        "El usuario {user} ({role}) no puede ejecutar albergue-sync {command} en {path}.",
    "The password must have at least {min} characters.":
        "La contraseña debe tener al menos {min} caracteres.",
    "The administrator's username is required.":
        "Se requiere el nombre de usuario del administrador.",
    "The user {user} already exists in {path}.": "El usuario {user} ya existe en {path}.",
    "Cannot read the password file {path}: {detail}":
        "No se puede leer el archivo de contraseña {path}: {detail}",
    "There is no terminal to type the password; use {option}.":
        "No hay una terminal para escribir la contraseña; use {option}.",
    "albergue-sync {command} reads or writes people's data: say who you are with --user USER "
    "(a user of the file with the sync permission).":
        "albergue-sync {command} lee o escribe datos de personas: indique quién es con "
        "--user USUARIO (un usuario del archivo con permiso de sincronizar).",
    "{path} does not exist: a new central file needs its first account, --admin USER (and "
    "--admin-password-file FILE or the password typed on the terminal).":
        "{path} no existe: un archivo central nuevo necesita su primera cuenta, --admin "
        "USUARIO (y --admin-password-file ARCHIVO o la contraseña escrita en la terminal).",
    "Password: ": "Contraseña: ",
    "Password of the new admin account: ": "Contraseña de la nueva cuenta de administración: ",
    "Repeat the password: ": "Repita la contraseña: ",
    "The passwords do not match.": "Las contraseñas no coinciden.",
    "Created {path} (site {site}); its first account: {user}.":
        "Se creó {path} (sitio {site}); su primera cuenta: {user}.",
    "USER": "USUARIO",
    "FILE": "ARCHIVO",
    "sign in as this user of the file (role with the sync permission); the password is asked "
    "for":
        "entrar como este usuario del archivo (rol con permiso de sincronizar); se pide la "
        "contraseña",
    "read the password from the first line of FILE":
        "leer la contraseña de la primera línea de ARCHIVO",
    "creating a new central file: its first account (administrator)":
        "al crear un archivo central nuevo: su primera cuenta (administración)",
    "role of that first account (default: admin)":
        "rol de esa primera cuenta (predeterminado: admin)",
    "read that account's password from the first line of FILE":
        "leer la contraseña de esa cuenta de la primera línea de ARCHIVO",
}

# Recovery (recovery.py, docs/sync-recovery.md), conflict resolutions, clock flags.
ES.update({
    "{target} no longer holds the changes {path} took from it up to change {seen}: it looks "
    "like a restored backup or a copy that kept being used. Nothing was changed. Give it a "
    "new identity first (albergue-sync rekey {target} --against {path}), then try again.":
        "{target} ya no contiene los cambios que {path} tomó de él hasta el cambio {seen}: "
        "parece un respaldo restaurado o una copia que se siguió usando. No se cambió nada. "
        "Dele primero una identidad nueva (albergue-sync rekey {target} --against {path}) y "
        "vuelva a intentarlo.",
    "Warning: {path} has changes dated {hours:.1f} hours ahead of this computer's clock; "
    "they win over later edits everywhere. Check the date and time of the computer that "
    "wrote it.":
        "Aviso: {path} tiene cambios con fecha {hours:.1f} horas adelante del reloj de esta "
        "computadora; ganan sobre ediciones posteriores en todas partes. Revise la fecha y "
        "hora de la computadora que lo escribió.",
    "{writes} changes made after the copy or restore (after change {fork}) now belong to "
    "the new site; nothing was lost.":
        "{writes} cambios hechos después de la copia o restauración (después del cambio "
        "{fork}) pertenecen ahora al sitio nuevo; no se perdió nada.",
    "{path}: {writes} changes dated up to {before} re-dated from {after}; nothing was lost. "
    "The jump is in the audit log.":
        "{path}: {writes} cambios con fecha hasta {before} se volvieron a fechar a partir de "
        "{after}; no se perdió nada. El salto queda en la bitácora.",
    "{path}: no change is dated ahead of this computer's clock; nothing to do.":
        "{path}: ningún cambio tiene fecha adelantada respecto al reloj de esta computadora; "
        "no hay nada que hacer.",
    "{count} changes from other sites are still dated ahead: run reclock on the computers "
    "that wrote them.":
        "{count} cambios de otros sitios siguen con fecha adelantada: ejecute reclock en las "
        "computadoras que los escribieron.",
    "The field {field} is not in the table {table} of this file.":
        "El campo {field} no está en la tabla {table} de este archivo.",
    "{field} cannot be left empty.": "{field} no puede quedar vacío.",
    "{value} is not a valid value for {field} ({kind}).":
        "{value} no es un valor válido para {field} ({kind}).",
    "{value} is not a record of {parent} in this file.":
        "{value} no es un registro de {parent} en este archivo.",
    "This value would be undone by the next merge: {field} only moves forward and {other} "
    "would win again. Choose a set value.":
        "La siguiente integración desharía este valor: {field} solo avanza y {other} "
        "volvería a ganar. Elija un valor definido.",
    "true/false": "verdadero/falso",
    "integer": "número entero",
    "number": "número",
    "date YYYY-MM-DD": "fecha AAAA-MM-DD",
    "date and time YYYY-MM-DD HH:MM:SS": "fecha y hora AAAA-MM-DD HH:MM:SS",
    "text": "texto",
})


catalog.register(DOMAIN, "es", ES)  # by reference: later ES.update(...) entries count


def translate(msgid: str, /, lang: object = None, **params: object) -> str:
    """``msgid`` in ``lang`` (None: the current language), sync catalog first."""
    return catalog.translate(msgid, lang, domain=DOMAIN, **params)


class SyncRefused(Exception):
    """Input the engine will not merge (or a target it will not write). The target is left
    as it was. ``str()`` gives the message in the current language."""

    exit_code = 1

    def __init__(self, msgid: str, /, **params: object) -> None:
        self.msgid, self.params = msgid, params
        super().__init__(self.message())

    def message(self) -> str:
        return translate(self.msgid, **self.params)

    def __str__(self) -> str:
        return self.message()


class SyncCancelled(SyncRefused):
    """The caller asked to stop (:attr:`engine.Options.cancelled`); the source being merged
    was rolled back."""
