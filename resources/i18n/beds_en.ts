<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>BoardPanel</name>
    <message numerus="yes">
        <source>Present without a bed (%n)</source>
        <translation>
            <numerusform>Present without a bed (%n)</numerusform>
            <numerusform>Present without a bed (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expected arrivals (%n)</source>
        <translation>
            <numerusform>Expected arrival (%n)</numerusform>
            <numerusform>Expected arrivals (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CenterConfigDialog</name>
    <message numerus="yes">
        <source>%n bed(s) created in {area}.</source>
        <translation>
            <numerusform>%n bed created in {area}.</numerusform>
            <numerusform>%n beds created in {area}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bed(s) blocked.</source>
        <translation>
            <numerusform>%n bed blocked.</numerusform>
            <numerusform>%n beds blocked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bed(s) unblocked.</source>
        <translation>
            <numerusform>%n bed unblocked.</numerusform>
            <numerusform>%n beds unblocked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message numerus="yes">
        <source>%n person(s) found already have a bed and are not listed (to change a bed, use Move to another bed on the board).</source>
        <translation>
            <numerusform>%n person found already has a bed and is not listed (to change a bed, use Move to another bed on the board).</numerusform>
            <numerusform>%n people found already have a bed and are not listed (to change a bed, use Move to another bed on the board).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
</TS>
