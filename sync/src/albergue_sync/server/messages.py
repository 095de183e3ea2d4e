"""Spanish of the sync server's and client's messages, added to the sync catalog
(``albergue_sync.i18n.ES``) when the server or the client is imported. Kept here so the
catalog of the merge engine is not edited by this feature."""

from __future__ import annotations

from ..i18n import ES

SERVER_ES: dict[str, str] = {
    # network file systems (netfs.py)
    "{path} is on a network file system ({kind}). SQLite cannot be written safely there (its "
    "locks are unreliable and WAL does not work): two centers writing at once can damage the "
    "file. Keep the central file on a local disk of the central machine and use "
    "`albergue-sync serve` (or `albergue-sync dropfolder` with a shared folder of export "
    "files).":
        "{path} está en un sistema de archivos de red ({kind}). SQLite no se puede escribir "
        "con seguridad ahí (sus bloqueos no son confiables y WAL no funciona): dos centros "
        "escribiendo a la vez pueden dañar el archivo. Guarde el archivo central en un disco "
        "local de la computadora central y use `albergue-sync serve` (o `albergue-sync "
        "dropfolder` con una carpeta compartida de archivos de exportación).",
    # enrollment (state.py, client.py)
    "That is not an enrollment code of an Albergue server; check it and type it again.":
        "Ese no es un código de inscripción de un servidor de Albergue; revíselo y "
        "escríbalo de nuevo.",
    "That enrollment code is not valid: it was already used, it expired or it was mistyped. "
    "Ask the central for a new one.":
        "Ese código de inscripción no es válido: ya se usó, venció o se escribió mal. Pida "
        "uno nuevo a la central.",
    "This server does not know this computer. Enroll it again with a new code from the "
    "central.":
        "Este servidor no reconoce esta computadora. Inscríbala de nuevo con un código nuevo "
        "de la central.",
    "The central revoked the access of this computer (center {center}). Ask the central for "
    "a new enrollment code.":
        "La central revocó el acceso de esta computadora (centro {center}). Pida a la "
        "central un código de inscripción nuevo.",
    "The request is not valid.": "La solicitud no es válida.",
    "The server does not have that upload; send it again.":
        "El servidor no tiene ese envío; envíelo de nuevo.",
    "The central changed since this download started; it starts again.":
        "La central cambió desde que empezó esta descarga; empieza de nuevo.",
    "The file arrived damaged; it is sent again.":
        "El archivo llegó dañado; se envía de nuevo.",
    "The file sent is not a compressed Albergue file ({detail}); nothing was merged.":
        "El archivo enviado no es un archivo de Albergue comprimido ({detail}); no se "
        "integró nada.",
    "This server enrolled this computer for center {center}, but the file sent belongs to "
    "center {found}; nothing was merged.":
        "Este servidor inscribió esta computadora para el centro {center}, pero el archivo "
        "enviado es del centro {found}; no se integró nada.",
    "The sync server did not start.": "El servidor de sincronización no arrancó.",
    "The central could not merge this file ({detail}); nothing of it was merged.":
        "La central no pudo integrar este archivo ({detail}); no se integró nada de él.",
    "This computer is not enrolled with a sync server yet: run albergue-sync connect --url "
    "URL --code CODE first.":
        "Esta computadora aún no está inscrita en un servidor de sincronización: ejecute "
        "primero albergue-sync connect --url URL --code CÓDIGO.",
    "The server at {url} presented a certificate other than the one this computer enrolled "
    "with: it may not be the central. Nothing was sent. If the central got a new "
    "certificate, enroll this computer again.":
        "El servidor en {url} presentó un certificado distinto del que esta computadora "
        "registró al inscribirse: puede no ser la central. No se envió nada. Si la central "
        "cambió de certificado, inscriba esta computadora de nuevo.",
    "The server at {url} presented a certificate that does not match the enrollment code: "
    "it may not be the central. Nothing was sent.":
        "El servidor en {url} presentó un certificado que no coincide con el código de "
        "inscripción: puede no ser la central. No se envió nada.",
    "Cannot reach the sync server at {url} ({detail}). The changes stay on this computer; "
    "they are sent when it is reachable.":
        "No se puede conectar con el servidor de sincronización en {url} ({detail}). Los "
        "cambios se quedan en esta computadora; se envían cuando haya conexión.",
    "The sync server answered {status}.": "El servidor de sincronización respondió {status}.",
    "The server address must look like https://HOST:PORT.":
        "La dirección del servidor debe tener la forma https://SERVIDOR:PUERTO.",
    "That code is for center {center}, but this database belongs to center {own}. Ask the "
    "central for a code of center {own}.":
        "Ese código es del centro {center}, pero esta base de datos es del centro {own}. "
        "Pida a la central un código del centro {own}.",
    "Sending was cancelled; what arrived is kept and the next send goes on from there.":
        "Se canceló el envío; lo que llegó se conserva y el próximo envío sigue desde ahí.",
    "The central received the changes but has not merged them yet; it will. Look again "
    "later.":
        "La central recibió los cambios pero aún no los integra; lo hará. Revise más tarde.",
    "The file kept arriving damaged at the server; try again on a better connection.":
        "El archivo siguió llegando dañado al servidor; intente de nuevo con una mejor "
        "conexión.",
    "The file kept arriving damaged from the server; try again on a better connection.":
        "El archivo siguió llegando dañado desde el servidor; intente de nuevo con una "
        "mejor conexión.",
    "Receiving was cancelled; nothing was changed.":
        "Se canceló la recepción; no se cambió nada.",
    # CLI (netcli.py)
    "Enrollment code for center {center} (valid 3 days, once): {code}":
        "Código de inscripción del centro {center} (vale 3 días, una sola vez): {code}",
    "On the center: albergue-sync connect --db CENTER_DB --url https://THIS_COMPUTER:PORT "
    "--code {code}":
        "En el centro: albergue-sync connect --db BASE_DEL_CENTRO --url "
        "https://ESTA_COMPUTADORA:PUERTO --code {code}",
    "Revoked {count} credentials of center {center}.":
        "Se revocaron {count} credenciales del centro {center}.",
    "Enrolled with {url} as center {center}.": "Inscrita en {url} como centro {center}.",
    "Sent: {size} bytes compressed ({raw} bytes), merged by the central.":
        "Enviado: {size} bytes comprimidos ({raw} bytes), integrado por la central.",
    "Received the central's changes up to change {seq}.":
        "Se recibieron los cambios de la central hasta el cambio {seq}.",
    "Serving {central} at https://{host}:{port} (certificate fingerprint {fp}).":
        "Sirviendo {central} en https://{host}:{port} (huella del certificado {fp}).",
    "Drop folder {folder}: merged {merged}, refused {refused}; snapshot {snapshot}.":
        "Carpeta compartida {folder}: integrados {merged}, rechazados {refused}; "
        "instantánea {snapshot}.",
    "{path} is named for center {center} but belongs to center {found}; it was not merged.":
        "{path} lleva el nombre del centro {center} pero es del centro {found}; no se "
        "integró.",
    "{path}: refused: {reason}": "{path}: rechazado: {reason}",
    "No center has been enrolled.": "No se ha inscrito ningún centro.",
    "revoked {when}": "revocada el {when}",
    "active": "activa",
    "{center}  {id}  enrolled {created}  {state}  last seen {seen}":
        "{center}  {id}  inscrita el {created}  {state}  vista por última vez {seen}",
    "This command needs the sync server's packages: install albergue-sync[server] ({name} is "
    "missing).":
        "Este comando necesita los paquetes del servidor de sincronización: instale "
        "albergue-sync[server] (falta {name}).",
    # encrypted files (app.py, worker.py, client.py; docs/sync-server.md)
    "{path} is not encrypted: the sync server serves only an encrypted central file. Sign "
    "in to it once with the app as an administrator (it is encrypted then), and start the "
    "server with --user USER.":
        "{path} no está cifrado: el servidor de sincronización solo sirve un archivo "
        "central cifrado. Inicie sesión en él una vez con la aplicación como "
        "administrador (queda cifrado) y arranque el servidor con --user USUARIO.",
    "The server does not have the key of the file sent; nothing was merged. Send it again.":
        "El servidor no tiene la clave del archivo enviado; no se integró nada. Envíelo de "
        "nuevo.",
}

ES.update(SERVER_ES)
