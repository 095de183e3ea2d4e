<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>AdminDialog</name>
    <message>
        <source>Administration</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Usuarios</translation>
    </message>
    <message>
        <source>C&amp;enter</source>
        <translation>C&amp;entro</translation>
    </message>
    <message>
        <source>This &amp;computer</source>
        <translation>Este &amp;equipo</translation>
    </message>
</context>
<context>
    <name>CenterPage</name>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source> people</source>
        <translation> personas</translation>
    </message>
    <message>
        <source>The center has medical care</source>
        <translation>El centro tiene atención médica</translation>
    </message>
    <message>
        <source>&amp;Save center</source>
        <translation>&amp;Guardar centro</translation>
    </message>
    <message>
        <source>Cen&amp;ter</source>
        <translation>Cen&amp;tro</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Estado</translation>
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
        <source>Nothing to save: no field was changed.</source>
        <translation>Nada que guardar: no se cambió ningún campo.</translation>
    </message>
    <message>
        <source>Center saved.</source>
        <translation>Centro guardado.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>An administrator reset your password. Choose a new one that only you know before you go on.</source>
        <translation>Un administrador restableció su contraseña. Elija una nueva que solo usted conozca antes de continuar.</translation>
    </message>
    <message>
        <source>Choose a new password that only you know.</source>
        <translation>Elija una contraseña nueva que solo usted conozca.</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>al menos {n} caracteres</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>Contraseña &amp;actual</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password</source>
        <translation>&amp;Repita la nueva contraseña</translation>
    </message>
    <message>
        <source>The two new passwords are different.</source>
        <translation>Las dos contraseñas nuevas son distintas.</translation>
    </message>
</context>
<context>
    <name>ComputerPage</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>After this time without using the keyboard or the mouse the window is covered and asks for the password again. This setting belongs to this computer.</source>
        <translation>Tras este tiempo sin usar el teclado ni el ratón, la ventana se cubre y pide de nuevo la contraseña. Este ajuste es de este equipo.</translation>
    </message>
    <message>
        <source>&amp;Lock the session after</source>
        <translation>&amp;Bloquear la sesión tras</translation>
    </message>
    <message>
        <source>Saved: the session locks after {n} minutes without use.</source>
        <translation>Guardado: la sesión se bloquea tras {n} minutos sin uso.</translation>
    </message>
</context>
<context>
    <name>FirstAdminForm</name>
    <message>
        <source>First administrator</source>
        <translation>Primer administrador</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>al menos {n} caracteres</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nombre &amp;completo</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>C&amp;ontraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repetir contraseña</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s username.</source>
        <translation>Escriba el nombre de usuario del administrador.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s full name.</source>
        <translation>Escriba el nombre completo del administrador.</translation>
    </message>
    <message>
        <source>The password must have at least {n} characters.</source>
        <translation>La contraseña debe tener al menos {n} caracteres.</translation>
    </message>
    <message>
        <source>The two passwords are different.</source>
        <translation>Las dos contraseñas son distintas.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Albergue — First run</source>
        <translation>Albergue — Primer uso</translation>
    </message>
    <message>
        <source>This database is new. Enter the center this computer serves and create its first administrator, who will then create the other users.</source>
        <translation>Esta base de datos es nueva. Indique el centro al que sirve este equipo y cree su primer administrador, quien después creará a los demás usuarios.</translation>
    </message>
    <message>
        <source>e.g. 03</source>
        <translation>p. ej. 03</translation>
    </message>
    <message>
        <source>e.g. Centro Comunitario 3</source>
        <translation>p. ej. Centro Comunitario 3</translation>
    </message>
    <message>
        <source>First part of every folio, e.g. MXL-03-000001</source>
        <translation>Primera parte de cada folio, p. ej. MXL-03-000001</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Center &amp;code</source>
        <translation>&amp;Código del centro</translation>
    </message>
    <message>
        <source>Center &amp;name</source>
        <translation>&amp;Nombre del centro</translation>
    </message>
    <message>
        <source>City &amp;prefix</source>
        <translation>&amp;Prefijo de ciudad</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Enter the center code (1 to 3 digits).</source>
        <translation>Escriba el código del centro (1 a 3 dígitos).</translation>
    </message>
    <message>
        <source>Enter the center name.</source>
        <translation>Escriba el nombre del centro.</translation>
    </message>
    <message>
        <source>Enter the city prefix (2 to 4 letters).</source>
        <translation>Escriba el prefijo de ciudad (2 a 4 letras).</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Session locked</source>
        <translation>Sesión bloqueada</translation>
    </message>
    <message>
        <source>{name} ({role}): type your password to continue.</source>
        <translation>{name} ({role}): escriba su contraseña para continuar.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Sign in as another user</source>
        <translation>Iniciar sesión con otro usuario</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Sign in as another user:</source>
        <translation>Iniciar sesión con otro usuario:</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Albergue — Sign in</source>
        <translation>Albergue — Iniciar sesión</translation>
    </message>
    <message>
        <source>Albergue</source>
        <translation>Albergue</translation>
    </message>
    <message>
        <source>Center {center}</source>
        <translation>Centro {center}</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>Type your username.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nuevo usuario</translation>
    </message>
    <message>
        <source>All centers</source>
        <translation>Todos los centros</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>al menos {n} caracteres</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nombre &amp;completo</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <source>&amp;Center</source>
        <translation>C&amp;entro</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>C&amp;ontraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repetir contraseña</translation>
    </message>
    <message>
        <source>Enter the username.</source>
        <translation>Escriba el nombre de usuario.</translation>
    </message>
    <message>
        <source>Enter the full name.</source>
        <translation>Escriba el nombre completo.</translation>
    </message>
    <message>
        <source>The password must have at least {n} characters.</source>
        <translation>La contraseña debe tener al menos {n} caracteres.</translation>
    </message>
    <message>
        <source>The two passwords are different.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Nuevo usuario…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Restablecer &amp;contraseña…</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Nuevo rol</translation>
    </message>
    <message>
        <source>Change &amp;role</source>
        <translation>Cambiar &amp;rol</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>Health and protection roles granted</source>
        <translation>Roles de salud y protección otorgados</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Password reset: a new one at the next sign-in</source>
        <translation>Contraseña restablecida: una nueva al próximo inicio de sesión</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>Bloqueada hasta las {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>All centers</source>
        <translation>Todos los centros</translation>
    </message>
    <message>
        <source>health</source>
        <translation>salud</translation>
    </message>
    <message>
        <source>protection</source>
        <translation>protección</translation>
    </message>
    <message>
        <source>{when}: {user} became {role} ({access}), by {by}</source>
        <translation>{when}: {user} pasó a {role} ({access}), por {by}</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Re&amp;activar</translation>
    </message>
    <message>
        <source>User {username} created.</source>
        <translation>Usuario {username} creado.</translation>
    </message>
    <message>
        <source>New password set for {username}.</source>
        <translation>Nueva contraseña asignada a {username}.</translation>
    </message>
    <message>
        <source>{username} now has the role {role}.</source>
        <translation>{username} tiene ahora el rol {role}.</translation>
    </message>
    <message>
        <source>Account {username} reactivated.</source>
        <translation>Cuenta {username} reactivada.</translation>
    </message>
    <message>
        <source>Account {username} deactivated.</source>
        <translation>Cuenta {username} desactivada.</translation>
    </message>
</context>
<context>
    <name>auth_labels</name>
    <message>
        <source>Intake</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Center coordination</source>
        <translation>Coordinación del centro</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervisión</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>Job bank, housing and schooling</source>
        <translation>Vinculación: empleo, vivienda y escuela</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>En preparación</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>En cierre</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Familias</translation>
    </message>
    <message>
        <source>Single men</source>
        <translation>Hombres solos</translation>
    </message>
    <message>
        <source>Women with children</source>
        <translation>Mujeres con hijos</translation>
    </message>
    <message>
        <source>Maternity</source>
        <translation>Maternidad</translation>
    </message>
    <message>
        <source>Respiratory isolation</source>
        <translation>Aislamiento respiratorio</translation>
    </message>
    <message>
        <source>Chronic care</source>
        <translation>Atención a pacientes crónicos</translation>
    </message>
</context>
<context>
    <name>first_admin</name>
    <message>
        <source>Creating…</source>
        <translation>Creando…</translation>
    </message>
</context>
</TS>
