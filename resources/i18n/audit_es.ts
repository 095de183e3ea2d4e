<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>AuditView</name>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Record opened</source>
        <translation>Registro abierto</translation>
    </message>
    <message>
        <source>Health history viewed</source>
        <translation>Historial de salud consultado</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Report printed</source>
        <translation>Reporte impreso</translation>
    </message>
    <message>
        <source>Command-line read</source>
        <translation>Consulta por línea de comandos</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Inicio de sesión fallido</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Inicio de sesión rechazado</translation>
    </message>
    <message>
        <source>Password reset by an administrator</source>
        <translation>Contraseña restablecida por un administrador</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Contraseña cambiada</translation>
    </message>
    <message>
        <source>Health or protection role granted</source>
        <translation>Rol de salud o protección otorgado</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>Usuario creado</translation>
    </message>
    <message>
        <source>New site identity (rekey)</source>
        <translation>Nueva identidad del sitio (rekey)</translation>
    </message>
    <message>
        <source>Clock corrected (reclock)</source>
        <translation>Reloj corregido (reclock)</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(todos)</translation>
    </message>
    <message>
        <source>&amp;Between</source>
        <translation>&amp;Entre</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Acción:</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Tabla:</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Fechas:</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Persona:</translation>
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
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>(health values withheld) {details}</source>
        <translation>(datos de salud ocultos) {details}</translation>
    </message>
    <message>
        <source>The newest {count} events; narrow the filters to see older ones.</source>
        <translation>Los {count} eventos más recientes; acote los filtros para ver los anteriores.</translation>
    </message>
    <message>
        <source>{count} events.</source>
        <translation>{count} eventos.</translation>
    </message>
</context>
<context>
    <name>audit_actions</name>
    <message>
        <source>A&amp;udit</source>
        <translation>A&amp;uditoría</translation>
    </message>
    <message>
        <source>Audit &amp;log</source>
        <translation>&amp;Registro de auditoría</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
</context>
</TS>
