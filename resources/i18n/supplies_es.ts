<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>DistributionView</name>
    <message>
        <source>Center</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Repeat warning period</source>
        <translation>Periodo de aviso de repetición</translation>
    </message>
    <message>
        <source>A household that received the same item within this many days is warned before handing it out again.</source>
        <translation>Un hogar que recibió el mismo artículo en estos días recibe un aviso antes de entregárselo de nuevo.</translation>
    </message>
    <message>
        <source>&amp;Center:</source>
        <translation>&amp;Centro:</translation>
    </message>
    <message>
        <source>Warn on a repeat within:</source>
        <translation>Avisar si se repite en:</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
    <message>
        <source>Item by item</source>
        <translation>Artículo por artículo</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>&amp;Agregar artículo</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>En existencia</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Items to hand out</source>
        <translation>Artículos por entregar</translation>
    </message>
    <message>
        <source>&amp;Record (Enter)</source>
        <translation>&amp;Registrar (Enter)</translation>
    </message>
    <message>
        <source>S&amp;kip (Esc)</source>
        <translation>O&amp;mitir (Esc)</translation>
    </message>
    <message>
        <source>Recorded on this screen</source>
        <translation>Registrado en esta pantalla</translation>
    </message>
    <message>
        <source>&amp;Scan or search:</source>
        <translation>&amp;Escanear o buscar:</translation>
    </message>
    <message>
        <source>Recorded on this screen:</source>
        <translation>Registrado en esta pantalla:</translation>
    </message>
    <message>
        <source>&amp;Kit:</source>
        <translation>&amp;Kit:</translation>
    </message>
    <message>
        <source>Distributions today at this center: {n}</source>
        <translation>Entregas de hoy en este centro: {n}</translation>
    </message>
    <message>
        <source>No supplies in this file yet: load the supply catalog in the warehouse screen.</source>
        <translation>Aún no hay insumos en este archivo: cargue el catálogo de insumos en la pantalla de almacén.</translation>
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
        <source>nothing in 90 days</source>
        <translation>nada en 90 días</translation>
    </message>
    <message>
        <source>household of {n}</source>
        <translation>hogar de {n}</translation>
    </message>
    <message>
        <source>Received lately</source>
        <translation>Recibido recientemente</translation>
    </message>
    <message>
        <source>Quantity of {item}</source>
        <translation>Cantidad de {item}</translation>
    </message>
    <message>
        <source>Choose a kit or add items first.</source>
        <translation>Primero elija un kit o agregue artículos.</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>{n} unidades</translation>
    </message>
    <message>
        <source>Recorded: {name}.</source>
        <translation>Registrado: {name}.</translation>
    </message>
    <message>
        <source>Repeat distribution</source>
        <translation>Entrega repetida</translation>
    </message>
    <message>
        <source>Hand them out again?</source>
        <translation>¿Entregarlos de nuevo?</translation>
    </message>
    <message>
        <source>Not recorded: nothing was handed out again.</source>
        <translation>No se registró: no se entregó nada de nuevo.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Discard the quantities typed for this household?</source>
        <translation>¿Descartar las cantidades escritas para este hogar?</translation>
    </message>
</context>
<context>
    <name>DonationDialog</name>
    <message>
        <source>Receive a donation</source>
        <translation>Recibir un donativo</translation>
    </message>
    <message>
        <source>Partner of the program</source>
        <translation>Aliado del programa</translation>
    </message>
    <message>
        <source>Organization or business</source>
        <translation>Organización o empresa</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>not declared</source>
        <translation>no declarado</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>&amp;Agregar renglón</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>&amp;Donor</source>
        <translation>&amp;Donante</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>&amp;Aliado</translation>
    </message>
    <message>
        <source>Donor &amp;name</source>
        <translation>&amp;Nombre del donante</translation>
    </message>
    <message>
        <source>D&amp;ate received</source>
        <translation>&amp;Fecha de recepción</translation>
    </message>
    <message>
        <source>In-kind &amp;value (MXN)</source>
        <translation>&amp;Valor en especie (MXN)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ota</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>&amp;Artículo</translation>
    </message>
    <message>
        <source>Choose an item and a quantity above zero.</source>
        <translation>Elija un artículo y una cantidad mayor que cero.</translation>
    </message>
</context>
<context>
    <name>MealsDialog</name>
    <message>
        <source>Meals served</source>
        <translation>Comidas servidas</translation>
    </message>
    <message>
        <source>Breakfast</source>
        <translation>Desayuno</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Comida</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>Cena</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Servicio</translation>
    </message>
    <message>
        <source>Meals s&amp;erved</source>
        <translation>Raciones s&amp;ervidas</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>&amp;Proveedor</translation>
    </message>
    <message>
        <source>Special diets: &amp;infants</source>
        <translation>Dietas especiales: &amp;lactantes</translation>
    </message>
    <message>
        <source>Special diets: p&amp;regnancy</source>
        <translation>Dietas especiales: &amp;embarazo</translation>
    </message>
    <message>
        <source>Special diets: &amp;chronic illness</source>
        <translation>Dietas especiales: enfermedad &amp;crónica</translation>
    </message>
    <message>
        <source>People present now: {n}</source>
        <translation>Personas presentes ahora: {n}</translation>
    </message>
</context>
<context>
    <name>SupplyTransferDialog</name>
    <message>
        <source>Send to another center</source>
        <translation>Enviar a otro centro</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>&amp;Artículo</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Para</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Cantidad</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>Choose the item and the center.</source>
        <translation>Elija el artículo y el centro.</translation>
    </message>
</context>
<context>
    <name>WarehouseView</name>
    <message>
        <source>Center</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>&amp;Receive a donation…</source>
        <translation>&amp;Recibir un donativo…</translation>
    </message>
    <message>
        <source>Send to another c&amp;enter…</source>
        <translation>Enviar a otro c&amp;entro…</translation>
    </message>
    <message>
        <source>Load the supply &amp;catalog</source>
        <translation>Cargar el &amp;catálogo de insumos</translation>
    </message>
    <message>
        <source>&amp;Meals served…</source>
        <translation>Co&amp;midas servidas…</translation>
    </message>
    <message>
        <source>&amp;Water and sanitation…</source>
        <translation>A&amp;gua y saneamiento…</translation>
    </message>
    <message>
        <source>&amp;Center:</source>
        <translation>&amp;Centro:</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Existencia</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Low at</source>
        <translation>Mínimo</translation>
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
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Movimiento</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
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
        <translation>La transferencia seleccionada &amp;llegó</translation>
    </message>
    <message>
        <source>&amp;Stock</source>
        <translation>E&amp;xistencias</translation>
    </message>
    <message>
        <source>&amp;Movements</source>
        <translation>&amp;Movimientos</translation>
    </message>
    <message>
        <source>&amp;In transit</source>
        <translation>&amp;En tránsito</translation>
    </message>
    <message>
        <source>Negative: count it</source>
        <translation>Negativo: cuéntelo</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>Donativo</translation>
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
        <source>Handed out</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Transfer sent</source>
        <translation>Transferencia enviada</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Expired, written off</source>
        <translation>Caducado, dado de baja</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Conteo</translation>
    </message>
    <message>
        <source>{n} items low</source>
        <translation>{n} artículos bajos</translation>
    </message>
    <message>
        <source>No stock alerts.</source>
        <translation>Sin alertas de existencias.</translation>
    </message>
    <message>
        <source>No supplies in this file yet: load the supply catalog first.</source>
        <translation>Aún no hay insumos en este archivo: primero cargue el catálogo de insumos.</translation>
    </message>
    <message>
        <source>Donation received.</source>
        <translation>Donativo recibido.</translation>
    </message>
    <message>
        <source>This file knows no other center.</source>
        <translation>Este archivo no conoce otro centro.</translation>
    </message>
    <message>
        <source>Sent; the other center records the arrival.</source>
        <translation>Enviado; el otro centro registra la llegada.</translation>
    </message>
    <message>
        <source>Meals recorded.</source>
        <translation>Comidas registradas.</translation>
    </message>
    <message>
        <source>Water and sanitation recorded: the center meets the Sphere indicators.</source>
        <translation>Agua y saneamiento registrados: el centro cumple los indicadores de Esfera.</translation>
    </message>
    <message>
        <source>Below the Sphere indicators:</source>
        <translation>Por debajo de los indicadores de Esfera:</translation>
    </message>
    <message>
        <source>Select the transfer that arrived.</source>
        <translation>Seleccione la transferencia que llegó.</translation>
    </message>
    <message>
        <source>Transfer received.</source>
        <translation>Transferencia recibida.</translation>
    </message>
    <message>
        <source>{n} supplies added to the catalog.</source>
        <translation>{n} insumos agregados al catálogo.</translation>
    </message>
</context>
<context>
    <name>WashDialog</name>
    <message>
        <source>Water and sanitation</source>
        <translation>Agua y saneamiento</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;Toilets working</source>
        <translation>&amp;Sanitarios en servicio</translation>
    </message>
    <message>
        <source>&amp;Showers working</source>
        <translation>&amp;Regaderas en servicio</translation>
    </message>
    <message>
        <source>&amp;Water points (taps)</source>
        <translation>&amp;Tomas de agua (llaves)</translation>
    </message>
    <message>
        <source>&amp;Litres of water a day</source>
        <translation>&amp;Litros de agua al día</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>Sphere Handbook 2018: at least 15 litres per person a day, at most 20 people per toilet and 250 per tap; UNHCR: at most 50 people per shower.</source>
        <translation>Manual Esfera 2018: al menos 15 litros por persona al día, como máximo 20 personas por sanitario y 250 por toma; ACNUR: como máximo 50 personas por regadera.</translation>
    </message>
</context>
<context>
    <name>supplies_actions</name>
    <message>
        <source>S&amp;upplies</source>
        <translation>&amp;Insumos</translation>
    </message>
    <message>
        <source>&amp;Distribution queue</source>
        <translation>&amp;Fila de entregas</translation>
    </message>
    <message>
        <source>&amp;Warehouse</source>
        <translation>&amp;Almacén</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Entregas</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Almacén</translation>
    </message>
</context>
</TS>
