<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>ScanInput</name>
    <message>
        <source>{age} years</source>
        <translation>{age} años</translation>
    </message>
    <message>
        <source>Scan the ID card or type a name, folio or document, then Enter</source>
        <translation>Escanee la credencial o escriba un nombre, folio o documento y pulse Intro</translation>
    </message>
    <message>
        <source>Scan or search</source>
        <translation>Escanear o buscar</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Personas encontradas</translation>
    </message>
    <message>
        <source>Nobody found for “{text}”.</source>
        <translation>No se encontró a nadie con «{text}».</translation>
    </message>
    <message>
        <source>{count} people found: choose one (Down, Enter).</source>
        <translation>Se encontraron {count} personas: elija una (flecha abajo, Intro).</translation>
    </message>
</context>
</TS>
