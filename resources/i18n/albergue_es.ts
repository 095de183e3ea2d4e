<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>FilterBar</name>
    <message>
        <source>All centers</source>
        <translation>Todos los centros</translation>
    </message>
    <message>
        <source>Filter by center</source>
        <translation>Filtrar por centro</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <source>All nationalities</source>
        <translation>Todas las nacionalidades</translation>
    </message>
    <message>
        <source>Filter by nationality</source>
        <translation>Filtrar por nacionalidad</translation>
    </message>
    <message>
        <source>Any specific need</source>
        <translation>Cualquier necesidad específica</translation>
    </message>
    <message>
        <source>Filter by specific need</source>
        <translation>Filtrar por necesidad específica</translation>
    </message>
    <message>
        <source>Stop showing only this household</source>
        <translation>Dejar de mostrar solo este núcleo familiar</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>&amp;Quitar filtros</translation>
    </message>
    <message>
        <source>Household of {name}</source>
        <translation>Núcleo familiar de {name}</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New registration…</source>
        <translation>&amp;Nuevo registro…</translation>
    </message>
    <message>
        <source>&amp;Lock session</source>
        <translation>&amp;Bloquear sesión</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>&amp;Cambiar mi contraseña…</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personas</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Show only the &amp;household of the selected person</source>
        <translation>Mostrar solo el &amp;núcleo familiar de la persona seleccionada</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>&amp;Quitar filtros</translation>
    </message>
    <message>
        <source>&amp;Edit record…</source>
        <translation>&amp;Editar ficha…</translation>
    </message>
    <message>
        <source>&amp;Delete record…</source>
        <translation>E&amp;liminar ficha…</translation>
    </message>
    <message>
        <source>Close &amp;record</source>
        <translation>Cerrar &amp;ficha</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>A&amp;dministración</translation>
    </message>
    <message>
        <source>&amp;Users and center…</source>
        <translation>&amp;Usuarios y centro…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Albergue — {file}</source>
        <translation>Albergue — {file}</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <source>MMMM d, yyyy</source>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>DEMO — synthetic data as of {date}</source>
        <translation>DEMOSTRACIÓN — datos sintéticos al {date}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln persona</numerusform>
            <numerusform>%Ln personas</numerusform>
        </translation>
    </message>
    <message>
        <source>Center {code} · {name}</source>
        <translation>Centro {code} · {name}</translation>
    </message>
    <message>
        <source>All centers · site {site}</source>
        <translation>Todos los centros · sitio {site}</translation>
    </message>
    <message>
        <source>Showing the first {count} results for “{text}”</source>
        <translation>Se muestran los primeros {count} resultados de “{text}”</translation>
    </message>
    <message numerus="yes">
        <source>%Ln result(s) for “{text}”</source>
        <translation>
            <numerusform>%Ln resultado para “{text}”</numerusform>
            <numerusform>%Ln resultados para “{text}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s) match the filters</source>
        <translation>
            <numerusform>%Ln persona cumple los filtros</numerusform>
            <numerusform>%Ln personas cumplen los filtros</numerusform>
        </translation>
    </message>
    <message>
        <source>No person has the folio {folio}.</source>
        <translation>Ninguna persona tiene el folio {folio}.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ficha</translation>
    </message>
    <message>
        <source>The record was deleted.</source>
        <translation>El registro fue eliminado.</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>Nuevo registro</translation>
    </message>
    <message>
        <source>This file is a central file and belongs to no center. Register people on the laptop of the center that receives them; they arrive here with the next synchronization.</source>
        <translation>Este es un archivo central y no pertenece a ningún centro. Registre a las personas en la computadora del centro que las recibe; llegarán aquí con la siguiente sincronización.</translation>
    </message>
    <message>
        <source>the new registration</source>
        <translation>el nuevo registro</translation>
    </message>
</context>
<context>
    <name>PeopleList</name>
    <message>
        <source>Search by name, folio or document…</source>
        <translation>Buscar por nombre, folio o documento…</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Buscar personas</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
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
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
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
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Estimated age</source>
        <translation>Edad estimada</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Recovery code</source>
        <translation>Código de recuperación</translation>
    </message>
    <message>
        <source>{path} is encrypted. Write this recovery code on paper and keep it locked away: it opens the file if every password is lost. It is shown only now.

{code}</source>
        <translation>{path} está cifrado. Anote este código de recuperación en papel y guárdelo bajo llave: abre el archivo si se pierden todas las contraseñas. Solo se muestra ahora.

{code}</translation>
    </message>
    <message>
        <source>Check the date and time</source>
        <translation>Revise la fecha y la hora</translation>
    </message>
    <message>
        <source>This computer&apos;s date is {today}, earlier than this version of Albergue ({release}). Correct the date and time before registering anyone: records and synchronization are ordered by the clock.</source>
        <translation>La fecha de este equipo es {today}, anterior a esta versión de Albergue ({release}). Corrija la fecha y la hora antes de registrar a nadie: los registros y la sincronización se ordenan por el reloj.</translation>
    </message>
    <message>
        <source>Albergue: the database cannot be opened</source>
        <translation>Albergue: no se puede abrir la base de datos</translation>
    </message>
</context>
<context>
    <name>clock</name>
    <message>
        <source>Check the date and time</source>
        <translation>Revise la fecha y la hora</translation>
    </message>
    <message>
        <source>Correct the clock</source>
        <translation>Corregir el reloj</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>¿Guardar de todos modos?</translation>
    </message>
    <message>
        <source>{count} changes saved while the clock was ahead were re-dated; nothing was lost.</source>
        <translation>Se volvieron a fechar {count} cambios guardados mientras el reloj estaba adelantado; no se perdió nada.</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <source>New registration</source>
        <translation>Nuevo registro</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Tamizaje</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>Camas</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Everyday actions</source>
        <translation>Acciones de cada día</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Manual</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>A&amp;tajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About Albergue</source>
        <translation>A&amp;cerca de Albergue</translation>
    </message>
    <message>
        <source>The manual is not installed with this copy.</source>
        <translation>El manual no está instalado en esta copia.</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Albergue {version}: registration, beds, health and follow-up of the people received at the community centers. Works without internet; the centers&apos; files are synchronized with the central.</source>
        <translation>Albergue {version}: registro, camas, salud y seguimiento de las personas recibidas en los centros comunitarios. Funciona sin internet; los archivos de los centros se sincronizan con la central.</translation>
    </message>
    <message>
        <source>About Albergue</source>
        <translation>Acerca de Albergue</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>another task is running</source>
        <translation>otra tarea está en curso</translation>
    </message>
    <message>
        <source>Saving waits: {job}…</source>
        <translation>Guardado en espera: {job}…</translation>
    </message>
</context>
</TS>
