<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>HealthSection</name>
    <message numerus="yes">
        <source>%n visit(s), the latest first.</source>
        <translation>
            <numerusform>%n visit, the latest first.</numerusform>
            <numerusform>%n visits, the latest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreeningDialog</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
</TS>
