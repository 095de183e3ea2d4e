"""A small curated list of the essential medicines a shelter's first-level care uses, with
the presentation it dispenses (loaded into ``stock_item`` by services/pharmacy.py).

Sources: WHO Model List of Essential Medicines, 22nd list (2021), section named on each row;
and, for presentations as supplied in Mexico, the Compendio Nacional de Insumos para la Salud
(Consejo de Salubridad General, "cuadro básico"). ``allergens`` are the active ingredients and
drug classes an allergy is matched against (casefolded, without accents): an allergy to
"penicilina" warns on amoxicillin. ``low_stock`` is a starting threshold per center, in the
item's unit, for about two weeks of a 250-person shelter; each center adjusts it.
"""

from __future__ import annotations

from dataclasses import dataclass

WHO_EML = "OMS, Lista Modelo de Medicamentos Esenciales, 22.ª lista (2021)"
CNIS = "Compendio Nacional de Insumos para la Salud (CSG)"


@dataclass(frozen=True)
class CatalogMedicine:
    code: str
    name: str
    presentation: str
    unit: str
    category: str
    allergens: tuple[str, ...]
    low_stock: int
    section: str  # where the source lists it

    @property
    def source(self) -> str:
        return f"{WHO_EML}: {self.section}" if not self.section.startswith(CNIS) \
            else self.section


_PEN = ("amoxicilina", "penicilina", "betalactamico")
MEDICINES: tuple[CatalogMedicine, ...] = (
    CatalogMedicine("paracetamol-tab-500", "Paracetamol", "tableta 500 mg", "tableta",
                    "Analgésicos y antipiréticos", ("paracetamol", "acetaminofen"), 200,
                    "2.1 analgésicos no opioides y AINE"),
    CatalogMedicine("paracetamol-susp-120", "Paracetamol", "suspensión oral 120 mg/5 ml, "
                    "frasco 120 ml", "frasco", "Analgésicos y antipiréticos",
                    ("paracetamol", "acetaminofen"), 10, "2.1 analgésicos no opioides y AINE"),
    CatalogMedicine("ibuprofeno-tab-400", "Ibuprofeno", "tableta 400 mg", "tableta",
                    "Analgésicos y antipiréticos", ("ibuprofeno", "aine"), 100,
                    "2.1 analgésicos no opioides y AINE"),
    CatalogMedicine("ibuprofeno-susp-100", "Ibuprofeno", "suspensión oral 100 mg/5 ml, "
                    "frasco 120 ml", "frasco", "Analgésicos y antipiréticos",
                    ("ibuprofeno", "aine"), 5, "2.1 analgésicos no opioides y AINE"),
    CatalogMedicine("amoxicilina-cap-500", "Amoxicilina", "cápsula 500 mg", "cápsula",
                    "Antibacterianos", _PEN, 100, "6.2.1 antibacterianos, grupo Acceso"),
    CatalogMedicine("amoxicilina-susp-250", "Amoxicilina", "polvo para suspensión oral "
                    "250 mg/5 ml, frasco 75 ml", "frasco", "Antibacterianos", _PEN, 5,
                    "6.2.1 antibacterianos, grupo Acceso"),
    CatalogMedicine("amoxi-clav-tab-500", "Amoxicilina con ácido clavulánico",
                    "tableta 500 mg + 125 mg", "tableta", "Antibacterianos",
                    (*_PEN, "clavulanico"), 40, "6.2.1 antibacterianos, grupo Acceso"),
    CatalogMedicine("azitromicina-tab-500", "Azitromicina", "tableta 500 mg", "tableta",
                    "Antibacterianos", ("azitromicina", "macrolido"), 15,
                    "6.2.1 antibacterianos, grupo Precaución (Watch)"),
    CatalogMedicine("tmp-smx-tab-80-400", "Trimetoprima con sulfametoxazol",
                    "tableta 80 mg + 400 mg", "tableta", "Antibacterianos",
                    ("trimetoprima", "sulfametoxazol", "sulfonamida", "sulfa"), 40,
                    "6.2.1 antibacterianos, grupo Acceso"),
    CatalogMedicine("metronidazol-tab-500", "Metronidazol", "tableta 500 mg", "tableta",
                    "Antibacterianos y antiprotozoarios", ("metronidazol", "nitroimidazol"),
                    40, "6.2.1 antibacterianos, grupo Acceso"),
    CatalogMedicine("sro-sobre", "Sales de rehidratación oral", "sobre para 1 litro "
                    "(osmolaridad reducida)", "sobre", "Gastrointestinales", (), 50,
                    "17.5.1 rehidratación oral"),
    CatalogMedicine("zinc-tab-20", "Sulfato de zinc", "tableta dispersable 20 mg", "tableta",
                    "Gastrointestinales", ("zinc",), 30,
                    "17.5.2 medicamentos para la diarrea (niñas y niños)"),
    CatalogMedicine("albendazol-tab-400", "Albendazol", "tableta masticable 400 mg", "tableta",
                    "Antiparasitarios", ("albendazol", "bencimidazol"), 30,
                    "6.1.1 antihelmínticos intestinales"),
    CatalogMedicine("salbutamol-inh-100", "Salbutamol", "inhalador 100 µg por dosis, "
                    "200 dosis", "inhalador", "Respiratorios", ("salbutamol",), 3,
                    "25.1 antiasmáticos y medicamentos para la EPOC"),
    CatalogMedicine("loratadina-tab-10", "Loratadina", "tableta 10 mg", "tableta",
                    "Antialérgicos", ("loratadina", "antihistaminico"), 30,
                    "3 antialérgicos y medicamentos usados en la anafilaxia"),
    CatalogMedicine("omeprazol-cap-20", "Omeprazol", "cápsula 20 mg", "cápsula",
                    "Gastrointestinales", ("omeprazol",), 30, "17.1 antiulcerosos"),
    CatalogMedicine("metformina-tab-850", "Metformina", "tableta 850 mg", "tableta",
                    "Crónicos: diabetes", ("metformina", "biguanida"), 60,
                    f"{CNIS}; OMS LME 2021, 18.5 medicamentos para la diabetes"),
    CatalogMedicine("losartan-tab-50", "Losartán", "tableta 50 mg", "tableta",
                    "Crónicos: hipertensión", ("losartan", "ara ii"), 60,
                    "12.3 antihipertensivos"),
    CatalogMedicine("enalapril-tab-10", "Enalapril", "tableta 10 mg", "tableta",
                    "Crónicos: hipertensión", ("enalapril", "ieca"), 60,
                    "12.3 antihipertensivos"),
    CatalogMedicine("hierro-folico-tab", "Hierro con ácido fólico", "tableta 60 mg de hierro "
                    "+ 400 µg de ácido fólico", "tableta", "Embarazo y nutrición",
                    ("hierro", "sulfato ferroso", "acido folico"), 60,
                    "10.1 antianémicos"),
    CatalogMedicine("acido-folico-tab-04", "Ácido fólico", "tableta 400 µg", "tableta",
                    "Embarazo y nutrición", ("acido folico",), 60, "10.1 antianémicos"),
    CatalogMedicine("clotrimazol-crema-1", "Clotrimazol", "crema 1 %, tubo 20 g", "tubo",
                    "Dermatológicos", ("clotrimazol", "imidazol"), 5,
                    "13.1 antifúngicos dermatológicos"),
    CatalogMedicine("permetrina-crema-5", "Permetrina", "crema 5 %, tubo 60 g", "tubo",
                    "Dermatológicos", ("permetrina", "piretroide"), 5,
                    "13.5 escabicidas y pediculicidas"),
)
