"""Spanish texts of the supplies (donations, distributions, meals, water and sanitation):
Qt-free messages and report texts, merged into :data:`albergue_desktop.domain.i18n.ES`."""

from __future__ import annotations

ES_SUPPLIES: dict[str, str] = {
    "donation": "la donación",
    "distribution": "la entrega",
    "Add at least one item.": "Agregue al menos un artículo.",
    "Already received in the last {days} days: {items}. Confirm to hand them out again.":
        "Ya recibió en los últimos {days} días: {items}. Confirme para entregarlo de nuevo.",
    "per household": "por hogar",
    "per person": "por persona",
    "per woman aged 12 to 49": "por mujer de 12 a 49 años",
    "per child under 3": "por niña o niño menor de 3 años",
    "per baby under 12 months, after assessing the need (IFE Operational Guidance 2017)":
        "por bebé menor de 12 meses, solo tras valorar la necesidad (Guía Operativa IFE 2017)",
    "by age": "según la edad",
    "{people} people and {toilets} toilets: Sphere asks for at most {limit} people per "
    "toilet ({needed} toilets).":
        "{people} personas y {toilets} sanitarios: Esfera pide como máximo {limit} personas "
        "por sanitario ({needed} sanitarios).",
    "{people} people and {showers} showers: at most {limit} people per shower "
    "({needed} showers).":
        "{people} personas y {showers} regaderas: como máximo {limit} personas por regadera "
        "({needed} regaderas).",
    "{people} people and {points} water points: Sphere asks for at most {limit} people per "
    "tap ({needed} water points).":
        "{people} personas y {points} tomas de agua: Esfera pide como máximo {limit} personas "
        "por toma ({needed} tomas).",
    "{litres} litres a day for {people} people is {each} litres per person; Sphere asks for "
    "at least {limit}.":
        "{litres} litros al día para {people} personas son {each} litros por persona; Esfera "
        "pide al menos {limit}.",
    # reports
    "Donation receipt": "Recibo de donativo",
    "Receipt number": "Número de recibo",
    "Donor": "Donante",
    "Received on": "Fecha de recepción",
    "Received at": "Recibido en",
    "Received by": "Recibió",
    "Item": "Artículo",
    "Unit": "Unidad",
    "Quantity": "Cantidad",
    "Total units": "Total de unidades",
    "Declared in-kind value": "Valor en especie declarado",
    "not declared": "no declarado",
    "Note": "Nota",
    "Received with thanks. This receipt lists the goods as counted on arrival; it is not "
    "a tax receipt (CFDI).":
        "Recibido con agradecimiento. Este recibo enumera los bienes contados a su llegada; "
        "no es un comprobante fiscal (CFDI).",
    "Signature of who received": "Firma de quien recibe",
    "Signature of the donor": "Firma del donante",
    "Donated articles": "Artículos donados",
    "Units of supplies received as donations in the period (donations module: each item "
    "counted on arrival, medicines apart).":
        "Unidades de insumos recibidas como donativo en el periodo (módulo de donativos: cada "
        "artículo contado a su llegada, sin medicamentos).",
    "Distributions": "Entregas",
    "Distributions of supplies": "Entregas de insumos",
    "Stock on hand": "Existencias",
    "Low stock": "Mínimo",
    "People": "Personas",
    "Donations": "Donativos",
    "Donations by donor": "Donativos por donante",
}
