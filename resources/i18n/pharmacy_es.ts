<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>DispenseDialog</name>
    <message>
        <source>Dispense a medicine</source>
        <translation>Dispensar un medicamento</translation>
    </message>
    <message>
        <source>No person chosen.</source>
        <translation>No se ha elegido a la persona.</translation>
    </message>
    <message>
        <source>e.g. 1 tablet every 8 hours</source>
        <translation>p. ej., 1 tableta cada 8 horas</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>Substance (e.g. penicilina)</source>
        <translation>Sustancia (p. ej., penicilina)</translation>
    </message>
    <message>
        <source>Record &amp;allergy</source>
        <translation>Registrar &amp;alergia</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Persona</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>New allergy</source>
        <translation>Nueva alergia</translation>
    </message>
    <message>
        <source>&amp;Medicine</source>
        <translation>&amp;Medicamento</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>&amp;Unidades</translation>
    </message>
    <message>
        <source>&amp;Dose</source>
        <translation>&amp;Dosis</translation>
    </message>
    <message>
        <source>Da&amp;ys</source>
        <translation>Dí&amp;as</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Ninguna registrada</translation>
    </message>
    <message>
        <source>Choose the person first.</source>
        <translation>Elija primero a la persona.</translation>
    </message>
    <message>
        <source>Choose a medicine from the list.</source>
        <translation>Elija un medicamento de la lista.</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Alergia</translation>
    </message>
    <message>
        <source>Dispense anyway</source>
        <translation>Entregar de todos modos</translation>
    </message>
    <message>
        <source>Do not dispense</source>
        <translation>No entregar</translation>
    </message>
    <message>
        <source>Not dispensed: allergy.</source>
        <translation>No se entregó: alergia.</translation>
    </message>
</context>
<context>
    <name>DispensedReportDialog</name>
    <message>
        <source>Medicines dispensed</source>
        <translation>Medicamentos dispensados</translation>
    </message>
    <message>
        <source>All centers in this file</source>
        <translation>Todos los centros de este archivo</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Guardar &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>C&amp;enter</source>
        <translation>C&amp;entro</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>El final del periodo es anterior a su inicio.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Escribiendo…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Guardado: {path}</translation>
    </message>
</context>
<context>
    <name>EpiNotificationDialog</name>
    <message>
        <source>Weekly epidemiological notification</source>
        <translation>Notificación epidemiológica semanal</translation>
    </message>
    <message>
        <source>All centers in this file</source>
        <translation>Todos los centros de este archivo</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Guardar &amp;PDF…</translation>
    </message>
    <message>
        <source>Save &amp;Excel…</source>
        <translation>Guardar &amp;Excel…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>A &amp;day of the week</source>
        <translation>Un &amp;día de la semana</translation>
    </message>
    <message>
        <source>Epidemiological week</source>
        <translation>Semana epidemiológica</translation>
    </message>
    <message>
        <source>C&amp;enter</source>
        <translation>C&amp;entro</translation>
    </message>
    <message>
        <source>New respiratory and diarrhoeal cases by age group and sex (SINAVE/DGE, SUIVE-1).</source>
        <translation>Casos nuevos respiratorios y diarreicos por grupo de edad y sexo (SINAVE/DGE, SUIVE-1).</translation>
    </message>
    <message>
        <source>{week} of {year}: {start} to {end}</source>
        <translation>{week} de {year}: del {start} al {end}</translation>
    </message>
    <message>
        <source>Save the notification</source>
        <translation>Guardar la notificación</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Escribiendo…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Guardado: {path}</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <source>Discard?</source>
        <translation>¿Descartar?</translation>
    </message>
    <message>
        <source>Discard what was typed? Nothing has been saved.</source>
        <translation>¿Descartar lo escrito? No se ha guardado nada.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>PharmacyView</name>
    <message>
        <source>Center</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>&amp;Receive…</source>
        <translation>&amp;Recibir…</translation>
    </message>
    <message>
        <source>&amp;Dispense…</source>
        <translation>&amp;Dispensar…</translation>
    </message>
    <message>
        <source>&amp;Write off…</source>
        <translation>Dar de &amp;baja…</translation>
    </message>
    <message>
        <source>An expired lot or a loss of the medicine selected</source>
        <translation>Un lote caducado o una merma del medicamento seleccionado</translation>
    </message>
    <message>
        <source>Send to another c&amp;enter…</source>
        <translation>Enviar a &amp;otro centro…</translation>
    </message>
    <message>
        <source>Dispensed re&amp;port…</source>
        <translation>I&amp;nforme de dispensados…</translation>
    </message>
    <message>
        <source>Load the medicine &amp;list</source>
        <translation>Cargar la &amp;lista de medicamentos</translation>
    </message>
    <message>
        <source>Adds the essential medicines of the curated list (WHO Model List 2021, Cuadro Básico) that this file does not have yet.</source>
        <translation>Agrega los medicamentos esenciales de la lista depurada (Lista Modelo de la OMS 2021, Cuadro Básico) que este archivo aún no tiene.</translation>
    </message>
    <message>
        <source>&amp;Center:</source>
        <translation>&amp;Centro:</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Presentación</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Existencia</translation>
    </message>
    <message>
        <source>Usable</source>
        <translation>Utilizable</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Next expiry</source>
        <translation>Próxima caducidad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Existencias</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Caducidad</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>Lotes</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Movimiento</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Movimientos</translation>
    </message>
    <message>
        <source>&amp;Stock</source>
        <translation>&amp;Existencias</translation>
    </message>
    <message>
        <source>&amp;Movements</source>
        <translation>&amp;Movimientos</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Transfers in transit</source>
        <translation>Transferencias en tránsito</translation>
    </message>
    <message>
        <source>The selected transfer &amp;arrived</source>
        <translation>Llegó la transferencia &amp;seleccionada</translation>
    </message>
    <message>
        <source>&amp;In transit</source>
        <translation>En &amp;tránsito</translation>
    </message>
    <message>
        <source>No medicines in this file yet: load the medicine list first.</source>
        <translation>Aún no hay medicamentos en este archivo: cargue primero la lista de medicamentos.</translation>
    </message>
    <message>
        <source>Negative: count it</source>
        <translation>Negativo: haga un conteo</translation>
    </message>
    <message>
        <source>Expired lot</source>
        <translation>Lote caducado</translation>
    </message>
    <message>
        <source>Low (≤ {n})</source>
        <translation>Bajo (≤ {n})</translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation>Caduca pronto</translation>
    </message>
    <message>
        <source>Expired: write it off</source>
        <translation>Caducado: dar de baja</translation>
    </message>
    <message>
        <source>No stock alerts.</source>
        <translation>Sin alertas de existencias.</translation>
    </message>
    <message>
        <source>{n} expired lots</source>
        <translation>lotes caducados: {n}</translation>
    </message>
    <message>
        <source>{n} lots expiring soon</source>
        <translation>lotes por caducar: {n}</translation>
    </message>
    <message>
        <source>{n} medicines low</source>
        <translation>medicamentos con existencia baja: {n}</translation>
    </message>
    <message>
        <source>{n} negative balances</source>
        <translation>saldos negativos: {n}</translation>
    </message>
    <message>
        <source>Alerts:</source>
        <translation>Alertas:</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>Donación</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Compra</translation>
    </message>
    <message>
        <source>Transfer received</source>
        <translation>Transferencia recibida</translation>
    </message>
    <message>
        <source>Dispensed</source>
        <translation>Dispensado</translation>
    </message>
    <message>
        <source>Handed out</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Transfer sent</source>
        <translation>Transferencia enviada</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Merma</translation>
    </message>
    <message>
        <source>Expired, written off</source>
        <translation>Baja por caducidad</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Conteo</translation>
    </message>
    <message>
        <source>Received.</source>
        <translation>Recibido.</translation>
    </message>
    <message>
        <source>Dispensed from lot(s) {lots}.</source>
        <translation>Dispensado de los lotes {lots}.</translation>
    </message>
    <message>
        <source>&amp;In transit ({n})</source>
        <translation>En &amp;tránsito ({n})</translation>
    </message>
    <message>
        <source>Select the transfer that arrived.</source>
        <translation>Seleccione la transferencia que llegó.</translation>
    </message>
    <message>
        <source>Received from {center}: {units} {unit} of {item}.</source>
        <translation>Recibido de {center}: {units} {unit} de {item}.</translation>
    </message>
    <message>
        <source>Select a medicine with stock first.</source>
        <translation>Seleccione primero un medicamento con existencia.</translation>
    </message>
    <message>
        <source>Written off.</source>
        <translation>Dado de baja.</translation>
    </message>
    <message>
        <source>This file knows no other center.</source>
        <translation>Este archivo no conoce ningún otro centro.</translation>
    </message>
    <message>
        <source>Sent; the other center records the arrival.</source>
        <translation>Enviado; el otro centro registra la llegada.</translation>
    </message>
    <message>
        <source>{n} medicines added to the list.</source>
        <translation>{n} medicamentos agregados a la lista.</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive medicines</source>
        <translation>Recibir medicamentos</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>Donación</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Compra</translation>
    </message>
    <message>
        <source>Donor or supplier, document number</source>
        <translation>Donante o proveedor, número de documento</translation>
    </message>
    <message>
        <source>&amp;Medicine</source>
        <translation>&amp;Medicamento</translation>
    </message>
    <message>
        <source>&amp;Origin</source>
        <translation>&amp;Origen</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>&amp;Unidades</translation>
    </message>
    <message>
        <source>&amp;Lot</source>
        <translation>&amp;Lote</translation>
    </message>
    <message>
        <source>&amp;Expiry</source>
        <translation>&amp;Caducidad</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>Choose a medicine from the list.</source>
        <translation>Elija un medicamento de la lista.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Send to another center</source>
        <translation>Enviar a otro centro</translation>
    </message>
    <message>
        <source>&amp;Medicine</source>
        <translation>&amp;Medicamento</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;A</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>&amp;Unidades</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>Choose the medicine and the center.</source>
        <translation>Elija el medicamento y el centro.</translation>
    </message>
</context>
<context>
    <name>VaccinationDayView</name>
    <message>
        <source>Vaccination day</source>
        <translation>Jornada de vacunación</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>&amp;Start the day</source>
        <translation>&amp;Iniciar la jornada</translation>
    </message>
    <message>
        <source>C&amp;hange the campaign</source>
        <translation>Ca&amp;mbiar la campaña</translation>
    </message>
    <message>
        <source>&amp;Vaccine</source>
        <translation>&amp;Vacuna</translation>
    </message>
    <message>
        <source>COVID-19 &amp;product</source>
        <translation>&amp;Producto COVID-19</translation>
    </message>
    <message>
        <source>&amp;Lot</source>
        <translation>&amp;Lote</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>Lu&amp;gar</translation>
    </message>
    <message>
        <source>&amp;Record dose (Enter)</source>
        <translation>&amp;Registrar dosis (Intro)</translation>
    </message>
    <message>
        <source>S&amp;kip (Esc)</source>
        <translation>&amp;Omitir (Esc)</translation>
    </message>
    <message>
        <source>Recorded today</source>
        <translation>Registradas hoy</translation>
    </message>
    <message>
        <source>Recorded on this screen:</source>
        <translation>Registradas en esta pantalla:</translation>
    </message>
    <message>
        <source>&amp;Scan or search:</source>
        <translation>&amp;Escanear o buscar:</translation>
    </message>
    <message>
        <source>Doses of this lot recorded on this day (every screen): {n}</source>
        <translation>Dosis de este lote registradas este día (en todas las pantallas): {n}</translation>
    </message>
    <message>
        <source>dose {dose}</source>
        <translation>dosis {dose}</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>ninguna registrada</translation>
    </message>
    <message>
        <source>Already vaccinated today with this vaccine: nothing to record.</source>
        <translation>Ya se vacunó hoy con esta vacuna: no hay nada que registrar.</translation>
    </message>
    <message>
        <source>{years} years</source>
        <translation>{years} años</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} meses</translation>
    </message>
    <message>
        <source>Schedule gaps</source>
        <translation>Faltantes del esquema</translation>
    </message>
    <message>
        <source>Doses of this vaccine</source>
        <translation>Dosis de esta vacuna</translation>
    </message>
    <message>
        <source>Next dose: {n}</source>
        <translation>Siguiente dosis: {n}</translation>
    </message>
    <message>
        <source>Recorded: {name}.</source>
        <translation>Registrado: {name}.</translation>
    </message>
</context>
<context>
    <name>WriteOffDialog</name>
    <message>
        <source>Write off stock</source>
        <translation>Dar de baja existencias</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducado</translation>
    </message>
    <message>
        <source>Loss (broken, spoiled, missing)</source>
        <translation>Merma (roto, echado a perder, faltante)</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>&amp;Lot</source>
        <translation>&amp;Lote</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>&amp;Unidades</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
</context>
<context>
    <name>pharmacy_actions</name>
    <message>
        <source>P&amp;harmacy</source>
        <translation>F&amp;armacia</translation>
    </message>
    <message>
        <source>Pharmacy &amp;stock</source>
        <translation>&amp;Existencias de farmacia</translation>
    </message>
    <message>
        <source>&amp;Dispense to the selected person…</source>
        <translation>&amp;Dispensar a la persona seleccionada…</translation>
    </message>
    <message>
        <source>&amp;Vaccination day</source>
        <translation>&amp;Jornada de vacunación</translation>
    </message>
    <message>
        <source>Weekly &amp;epidemiological notification…</source>
        <translation>Notificación &amp;epidemiológica semanal…</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Farmacia</translation>
    </message>
    <message>
        <source>Vaccination day</source>
        <translation>Jornada de vacunación</translation>
    </message>
</context>
</TS>
