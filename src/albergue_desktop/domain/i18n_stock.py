"""Spanish texts of the stock ledger, the pharmacy and the vaccination days (Qt-free
messages), merged into :data:`albergue_desktop.domain.i18n.ES`."""

from __future__ import annotations

ES_STOCK: dict[str, str] = {
    "item": "el artículo",
    "transfer": "la transferencia",
    "manage the pharmacy stock": "administrar el inventario de la farmacia",
    "manage the supplies stock": "administrar el inventario de insumos",
    "There are only {available} {unit} of {item} in stock; {wanted} were asked for.":
        "Solo hay {available} {unit} de {item} en existencia; se pidieron {wanted}.",
    "There are only {available} {unit} of {item} in usable lots; {expired} more are "
    "in expired lots, which are never handed out. Write them off as expired.":
        "Solo hay {available} {unit} de {item} en lotes vigentes; otras {expired} están en "
        "lotes caducados, que nunca se entregan. Délas de baja por caducidad.",
    "The quantity must be more than zero.": "La cantidad debe ser mayor que cero.",
    "An item with the code {code} already exists.": "Ya existe un artículo con la clave {code}.",
    "Lot {lot} of {item} is recorded with expiry {recorded}; check the box (a different "
    "expiry is a different lot code).":
        "El lote {lot} de {item} está registrado con caducidad {recorded}; revise la caja (otra "
        "caducidad es otro número de lote).",
    "The quantity must be a whole number above zero.":
        "La cantidad debe ser un número entero mayor que cero.",
    "Write the reason.": "Escriba el motivo.",
    "Use a donation or a purchase to receive stock.":
        "Para dar entrada use una donación o una compra.",
    "A medicine needs its lot and expiry.": "Un medicamento requiere su lote y su caducidad.",
    "Lot {lot} expired on {expiry}: expired stock is not received.":
        "El lote {lot} caducó el {expiry}: no se reciben existencias caducadas.",
    "Lot {lot} expires on {expiry}, less than a year from now (WHO guidelines for "
    "medicine donations ask for at least one year of shelf life on arrival).":
        "El lote {lot} caduca el {expiry}, en menos de un año (las directrices de la OMS sobre "
        "donativos de medicamentos piden al menos un año de vida útil al llegar).",
    "Lot {lot} expired on {expiry}: {quantity} units are still in stock; write them off "
    "as expired.":
        "El lote {lot} venció el {expiry}: quedan {quantity} unidades en existencia; délas de "
        "baja por caducidad.",
    "Use a dispensing, a distribution, a transfer or a loss to take stock out.":
        "Para dar salida use una dispensación, una entrega, una transferencia o una merma.",
    "Lot {lot} expired on {expiry}: it is never handed out; write it off as expired.":
        "El lote {lot} venció el {expiry}: nunca se entrega; dé de baja el lote por caducidad.",
    "The count must be zero or more.": "El conteo debe ser cero o más.",
    "A transfer goes to another center.": "Una transferencia va a otro centro.",
    "This transfer was already received.": "Esta transferencia ya se recibió.",
    "Between 0 and {sent} units were sent.": "Se enviaron entre 0 y {sent} unidades.",
    "Say what happened to the units that did not arrive.":
        "Indique qué pasó con las unidades que no llegaron.",
    # the pharmacy (services/pharmacy.py)
    "allergy": "la alergia",
    "This allergy is already recorded.": "Esta alergia ya está registrada.",
    "{name} has a recorded allergy to {allergies}. Dispense {item} anyway?":
        "{name} tiene registrada alergia a {allergies}. ¿Entregar {item} de todos modos?",
    "The days must be between 1 and 365.": "Los días deben estar entre 1 y 365.",
    "Choose the center whose pharmacy hands out the medicine.":
        "Elija el centro cuya farmacia entrega el medicamento.",
    # reports
    "Medicines handed to people in the period (one per medicine and person dispensed), "
    "counted from the pharmacy's stock ledger.":
        "Medicamentos entregados a personas en el periodo (uno por medicamento y persona en "
        "cada dispensación), contados en el libro de inventario de la farmacia.",
    "Medicines dispensed": "Medicamentos dispensados",
    "Medicine": "Medicamento",
    "Dispensings": "Dispensaciones",
    "Units": "Unidades",
    "Unit": "Unidad",
    "Totals per medicine": "Totales por medicamento",
    "Counted from the pharmacy's stock ledger: one dispensing is one medicine handed to one "
    "person. \"People\" counts the people whose dispensing record this file holds.":
        "Contado en el libro de inventario de la farmacia: una dispensación es un medicamento "
        "entregado a una persona. «Personas» cuenta a las personas cuyo registro de "
        "dispensación contiene este archivo.",
    "Person": "Persona",
    "Dispensed by": "Entregó",
    " for {days} days": " durante {days} días",
    "allergy warned: {allergies}": "alergia advertida: {allergies}",
    "The list of people is health data: it is printed only for roles that may see health "
    "data.":
        "La lista de personas es información de salud: solo se imprime para los roles que "
        "pueden ver datos de salud.",
    # the weekly epidemiological notification (reports/epi_notification.py)
    "Acute respiratory infections (suspected viral respiratory disease)":
        "Infecciones respiratorias agudas (sospecha de enfermedad respiratoria viral)",
    "Acute diarrhoeal disease": "Enfermedad diarreica aguda",
    "intake health screenings": "tamizajes de salud al ingreso",
    "consultations": "consultas",
    "Condition": "Padecimiento",
    "Cases": "Casos",
    "Sex not recorded": "Sexo no registrado",
    "Epidemiological week {week}: {start} to {end}":
        "Semana epidemiológica {week}: del {start} al {end}",
    "Weekly notification of new cases": "Notificación semanal de casos nuevos",
    "New cases by age group (years) and sex": "Casos nuevos por grupo de edad (años) y sexo",
    "Format: SINAVE/DGE weekly report of new cases of disease (SUIVE-1): age groups and sex "
    "as on the form; epidemiological weeks from Sunday to Saturday.":
        "Formato: Informe semanal de casos nuevos de enfermedades del SINAVE/DGE (SUIVE-1): "
        "grupos de edad y sexo como en el formato; semanas epidemiológicas de domingo a "
        "sábado.",
    "Sources: {sources}. A person counts once per condition and week, whatever the number "
    "of visits. From screenings: a positive or urgent result of the respiratory case "
    "definition (DGE), and the IITT sign \"vomits everything or ongoing diarrhoea\"; from "
    "diagnoses: ICD-10 J00-J22 and U07.1 (respiratory), A00-A09 (diarrhoeal).":
        "Fuentes: {sources}. Una persona cuenta una vez por padecimiento y semana, sin importar "
        "el número de visitas. De los tamizajes: resultado positivo o urgente de la definición "
        "operacional de caso respiratorio (DGE) y el signo de la herramienta IITT «vomita todo "
        "o diarrea persistente»; de los diagnósticos: CIE-10 J00-J22 y U07.1 (respiratorios), "
        "A00-A09 (diarreicos).",
    # vaccination days (services/vaccination_day.py)
    "Choose the COVID-19 vaccine product.": "Elija el producto de la vacuna contra COVID-19.",
    "{name} already has this vaccine recorded on {day}.":
        "{name} ya tiene registrada esta vacuna el {day}.",
    # stock to-do items (services/stock_todo.py)
    "Expired stock to write off: {item}": "Existencia caducada por dar de baja: {item}",
    "Lot {lot} expired on {expiry}; {quantity} units left.":
        "El lote {lot} caducó el {expiry}; quedan {quantity} unidades.",
    "Stock expiring soon: {item}": "Existencia por caducar: {item}",
    "Lot {lot} expires on {expiry}; {quantity} units left.":
        "El lote {lot} caduca el {expiry}; quedan {quantity} unidades.",
    "Low stock: {item}": "Existencia baja: {item}",
    "{quantity} usable units (warning at {threshold}).":
        "{quantity} unidades utilizables (aviso en {threshold}).",
    "Stock count needed: {item}": "Hace falta un conteo: {item}",
    "Lot {lot} shows {quantity} units after a merge; count it.":
        "El lote {lot} muestra {quantity} unidades después de una integración; cuéntelo.",
}
