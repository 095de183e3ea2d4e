<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ConfirmationPage</name>
    <message numerus="yes">
        <source>Household registered: %n person(s)</source>
        <translation>
            <numerusform>Household registered: %n person</numerusform>
            <numerusform>Household registered: %n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message numerus="yes">
        <source>Members of the household: %n</source>
        <translation>
            <numerusform>Members of the household: %n</numerusform>
            <numerusform>Members of the household: %n</numerusform>
        </translation>
    </message>
</context>
</TS>
