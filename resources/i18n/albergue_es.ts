<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Albergue — {file}</source>
        <translation>Albergue — {file}</translation>
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
    <message>
        <source>No person has the folio {folio}.</source>
        <translation>Ninguna persona tiene el folio {folio}.</translation>
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
        <source>Albergue: the database cannot be opened</source>
        <translation>Albergue: no se puede abrir la base de datos</translation>
    </message>
</context>
</TS>
