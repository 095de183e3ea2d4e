<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln result(s) for “{text}”</source>
        <translation>
            <numerusform>%Ln result for “{text}”</numerusform>
            <numerusform>%Ln results for “{text}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s) match the filters</source>
        <translation>
            <numerusform>%Ln person matches the filters</numerusform>
            <numerusform>%Ln people match the filters</numerusform>
        </translation>
    </message>
</context>
</TS>
