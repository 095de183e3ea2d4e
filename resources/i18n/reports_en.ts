<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Sheet “{sheet}”: %n row(s)…</source>
        <translation>
            <numerusform>Sheet “{sheet}”: %n row…</numerusform>
            <numerusform>Sheet “{sheet}”: %n rows…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message numerus="yes">
        <source>Sheet “{sheet}”: %n row(s) below the headers (row {header}); {known} columns recognized.</source>
        <translation>
            <numerusform>Sheet “{sheet}”: %n row below the headers (row {header}); {known} columns recognized.</numerusform>
            <numerusform>Sheet “{sheet}”: %n rows below the headers (row {header}); {known} columns recognized.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message numerus="yes">
        <source>%n column(s) will be read.</source>
        <translation>
            <numerusform>%n column will be read.</numerusform>
            <numerusform>%n columns will be read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <source>%n row(s) read.</source>
        <translation>
            <numerusform>%n row read.</numerusform>
            <numerusform>%n rows read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) look like people already registered: tick “Import anyway” only after checking each.</source>
        <translation>
            <numerusform>%n row looks like a person already registered: tick “Import anyway” only after checking each.</numerusform>
            <numerusform>%n rows look like people already registered: tick “Import anyway” only after checking each.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message numerus="yes">
        <source>Ready: %n page(s) in {seconds} s.</source>
        <translation>
            <numerusform>Ready: %n page in {seconds} s.</numerusform>
            <numerusform>Ready: %n pages in {seconds} s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message numerus="yes">
        <source>%n row(s) were left out; the error workbook is saved in {path}</source>
        <translation>
            <numerusform>%n row were left out; the error workbook is saved in {path}</numerusform>
            <numerusform>%n rows were left out; the error workbook is saved in {path}</numerusform>
        </translation>
    </message>
</context>
</TS>
