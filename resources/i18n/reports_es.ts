<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to Excel</source>
        <translation>Exportar a Excel</translation>
    </message>
    <message>
        <source>albergue-{date}.xlsx</source>
        <translation>albergue-{date}.xlsx</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>&amp;Census day:</source>
        <translation>Día del &amp;parte diario:</translation>
    </message>
    <message>
        <source>One sheet per entity (centers, households, people, documents, stays) and one per report (roster, beds, daily census, impact).</source>
        <translation>Una hoja por entidad (centros, núcleos, personas, documentos, estancias) y una por reporte (lista de albergados, camas, parte diario, impactos).</translation>
    </message>
    <message>
        <source>Health data is included (vaccinations, clinical needs): keep the file confidential.</source>
        <translation>Incluye datos de salud (vacunas, necesidades clínicas): guarde el archivo como confidencial.</translation>
    </message>
    <message>
        <source>Without health data: your role may not view it.</source>
        <translation>Sin datos de salud: su rol no puede verlos.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>&amp;Open the workbook</source>
        <translation>A&amp;brir el libro</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Elija el archivo que se escribirá.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncelar</translation>
    </message>
    <message numerus="yes">
        <source>Sheet “{sheet}”: %n row(s)…</source>
        <translation>
            <numerusform>Hoja «{sheet}»: %n fila…</numerusform>
            <numerusform>Hoja «{sheet}»: %n filas…</numerusform>
        </translation>
    </message>
    <message>
        <source>The workbook was saved in {path}</source>
        <translation>El libro se guardó en {path}</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Exportación cancelada: no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Algo salió mal: {error}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Spreadsheet</source>
        <translation>Hoja de cálculo</translation>
    </message>
    <message>
        <source>Choose the census workbook (.xlsx) that the shelter kept and the center that registers its people.</source>
        <translation>Elija el libro del censo (.xlsx) que llevaba el albergue y el centro que registra a sus personas.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>S&amp;heet:</source>
        <translation>&amp;Hoja:</translation>
    </message>
    <message>
        <source>C&amp;enter:</source>
        <translation>C&amp;entro:</translation>
    </message>
    <message>
        <source>Census spreadsheet</source>
        <translation>Censo en Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Libros de Excel (*.xlsx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message numerus="yes">
        <source>Sheet “{sheet}”: %n row(s) below the headers (row {header}); {known} columns recognized.</source>
        <translation>
            <numerusform>Hoja «{sheet}»: %n fila bajo los encabezados (fila {header}); {known} columnas reconocidas.</numerusform>
            <numerusform>Hoja «{sheet}»: %n filas bajo los encabezados (fila {header}); {known} columnas reconocidas.</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} could not be read: {error}</source>
        <translation>No se pudo leer {name}: {error}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a census spreadsheet</source>
        <translation>Importar un censo en Excel</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Siguiente &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Atrás</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <source>import in progress</source>
        <translation>importación en curso</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Check which field of Albergue each column holds. Correct a guess with its list; choose “Do not import” to skip a column.</source>
        <translation>Revise qué dato de Albergue tiene cada columna. Corrija una suposición con su lista; elija «No importar» para omitir una columna.</translation>
    </message>
    <message>
        <source>Column of the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Primeros valores</translation>
    </message>
    <message>
        <source>Field in Albergue</source>
        <translation>Dato en Albergue</translation>
    </message>
    <message>
        <source>Column {n}</source>
        <translation>Columna {n}</translation>
    </message>
    <message>
        <source>— Do not import —</source>
        <translation>— No importar —</translation>
    </message>
    <message>
        <source>Field of column {name}</source>
        <translation>Dato de la columna {name}</translation>
    </message>
    <message>
        <source>Choose the columns for: {fields}.</source>
        <translation>Elija las columnas de: {fields}.</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) will be read.</source>
        <translation>
            <numerusform>Se leerá %n columna.</numerusform>
            <numerusform>Se leerán %n columnas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <source>No report yet: choose one and press Generate.</source>
        <translation>Aún no hay reporte: elija uno y pulse Generar.</translation>
    </message>
    <message>
        <source>No pages</source>
        <translation>Sin páginas</translation>
    </message>
    <message>
        <source>Opening the preview…</source>
        <translation>Abriendo la vista previa…</translation>
    </message>
    <message>
        <source>The preview could not be shown: {error}</source>
        <translation>No se pudo mostrar la vista previa: {error}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <source>Page {page}…</source>
        <translation>Página {page}…</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>Importar de todos modos</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Queda fuera</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Se importa</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Check the rows left out and why; they are saved in an error workbook after the import.</source>
        <translation>Todavía no se ha escrito nada. Revise las filas que quedan fuera y por qué; se guardan en un libro de errores después de importar.</translation>
    </message>
    <message>
        <source>Show only the rows with &amp;problems</source>
        <translation>Mostrar solo las filas con &amp;problemas</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Revisando cada fila…</translation>
    </message>
    <message>
        <source>Row {row}: {why}</source>
        <translation>Fila {row}: {why}</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read.</source>
        <translation>
            <numerusform>%n fila leída.</numerusform>
            <numerusform>%n filas leídas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Can be imported: {people} people in {households} households. Left out: {left_out} rows.</source>
        <translation>Se pueden importar: {people} personas en {households} núcleos. Quedan fuera: {left_out} filas.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) look like people already registered: tick “Import anyway” only after checking each.</source>
        <translation>
            <numerusform>%n fila parece una persona ya registrada: marque «Importar de todos modos» solo después de revisarla.</numerusform>
            <numerusform>%n filas parecen personas ya registradas: marque «Importar de todos modos» solo después de revisar cada una.</numerusform>
        </translation>
    </message>
    <message>
        <source>I checked the preview: import {people} people in {households} households.</source>
        <translation>Revisé la vista previa: importar {people} personas en {households} núcleos.</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Roster of sheltered people</source>
        <translation>Lista de albergados</translation>
    </message>
    <message>
        <source>Everyone present, by center, area and household.</source>
        <translation>Todas las personas presentes, por centro, área y núcleo.</translation>
    </message>
    <message>
        <source>Bed list</source>
        <translation>Lista de camas</translation>
    </message>
    <message>
        <source>Every bed with its occupant, free or blocked, for the night count.</source>
        <translation>Cada cama con su ocupante, libre o bloqueada, para el conteo nocturno.</translation>
    </message>
    <message>
        <source>Daily census</source>
        <translation>Parte diario</translation>
    </message>
    <message>
        <source>Present, arrivals and departures of a day; free beds and meals.</source>
        <translation>Presentes, llegadas y salidas de un día; camas libres y comidas.</translation>
    </message>
    <message>
        <source>ID cards</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <source>Cards with a QR code of the folio, eight per sheet.</source>
        <translation>Credenciales con código QR del folio, ocho por hoja.</translation>
    </message>
    <message>
        <source>Impact and results</source>
        <translation>Impactos y resultados</translation>
    </message>
    <message>
        <source>Admissions, discharges and the program&apos;s indicators for a period.</source>
        <translation>Ingresos, egresos e indicadores del programa en un periodo.</translation>
    </message>
    <message>
        <source>Welcome papers</source>
        <translation>Papeles de bienvenida</translation>
    </message>
    <message>
        <source>Rules and rights notice and consent forms of a household or person, in each person&apos;s language (Spanish, Haitian Creole or French).</source>
        <translation>Reglas y derechos del albergue y consentimientos de un núcleo o una persona, en el idioma de cada persona (español, criollo haitiano o francés).</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <source>Charts: occupancy of each center against its capacity, arrivals and departures per day, triage colours.</source>
        <translation>Gráficas: ocupación de cada centro frente a su capacidad, ingresos y egresos por día, colores de triaje.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Reporte</translation>
    </message>
    <message>
        <source>All centers</source>
        <translation>Todos los centros</translation>
    </message>
    <message>
        <source>Everyone present</source>
        <translation>Todas las personas presentes</translation>
    </message>
    <message>
        <source>One area</source>
        <translation>Un área</translation>
    </message>
    <message>
        <source>One household</source>
        <translation>Un núcleo familiar</translation>
    </message>
    <message>
        <source>Registered today</source>
        <translation>Registradas hoy</translation>
    </message>
    <message>
        <source>Folio of any member</source>
        <translation>Folio de cualquier integrante</translation>
    </message>
    <message>
        <source>The folio of any member of the household: every member gets a card.</source>
        <translation>El folio de cualquier integrante del núcleo: cada integrante recibe su credencial.</translation>
    </message>
    <message>
        <source>Print the backs (two-sided)</source>
        <translation>Imprimir el reverso (doble cara)</translation>
    </message>
    <message>
        <source>After each sheet, the backs of its cards in each person&apos;s language, placed for long-edge duplex.</source>
        <translation>Después de cada hoja, el reverso de sus credenciales en el idioma de cada persona, colocado para doble cara por el borde largo.</translation>
    </message>
    <message>
        <source>Each person&apos;s</source>
        <translation>El de cada persona</translation>
    </message>
    <message>
        <source>Everything recorded</source>
        <translation>&amp;Todo lo registrado</translation>
    </message>
    <message>
        <source>Medical flags are included: your role may view health data.</source>
        <translation>Se incluyen los indicadores médicos: su rol puede ver datos de salud.</translation>
    </message>
    <message>
        <source>Medical flags are left out: your role may not view health data.</source>
        <translation>Se omiten los indicadores médicos: su rol no puede ver datos de salud.</translation>
    </message>
    <message>
        <source>&amp;Center:</source>
        <translation>&amp;Centro:</translation>
    </message>
    <message>
        <source>For &amp;whom:</source>
        <translation>&amp;Para quién:</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>Ár&amp;ea:</translation>
    </message>
    <message>
        <source>House&amp;hold:</source>
        <translation>&amp;Núcleo:</translation>
    </message>
    <message>
        <source>Paper lang&amp;uage:</source>
        <translation>Idio&amp;ma de los papeles:</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>Rep&amp;orte:</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Todas las áreas</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generar</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncelar</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>G&amp;uardar como…</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>Imprimir (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save a copy of the PDF (Ctrl+S)</source>
        <translation>Guardar una copia del PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Choose a report and press Generate.</source>
        <translation>Elija un reporte y pulse Generar.</translation>
    </message>
    <message>
        <source>The choices changed: press Generate again.</source>
        <translation>Cambió la selección: pulse Generar otra vez.</translation>
    </message>
    <message>
        <source>Generating the report…</source>
        <translation>Generando el reporte…</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Generando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Printing page {page} of {pages}…</source>
        <translation>Imprimiendo la página {page} de {pages}…</translation>
    </message>
    <message>
        <source>Generating… page {page}</source>
        <translation>Generando… página {page}</translation>
    </message>
    <message>
        <source>Opening the preview…</source>
        <translation>Abriendo la vista previa…</translation>
    </message>
    <message>
        <source>The report was generated but cannot be shown.</source>
        <translation>El reporte se generó pero no se puede mostrar.</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n page(s) in {seconds} s.</source>
        <translation>
            <numerusform>Listo: %n página en {seconds} s.</numerusform>
            <numerusform>Listo: %n páginas en {seconds} s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Impresión cancelada.</translation>
    </message>
    <message>
        <source>Cancelled: no report was generated.</source>
        <translation>Cancelado: no se generó ningún reporte.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Algo salió mal: {error}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Se envió %n página a la impresora.</numerusform>
            <numerusform>Se enviaron %n páginas a la impresora.</numerusform>
        </translation>
    </message>
    <message>
        <source>roster</source>
        <translation>lista-de-albergados</translation>
    </message>
    <message>
        <source>bed-list</source>
        <translation>lista-de-camas</translation>
    </message>
    <message>
        <source>daily-census</source>
        <translation>parte-diario</translation>
    </message>
    <message>
        <source>id-cards</source>
        <translation>credenciales</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>impactos-y-resultados</translation>
    </message>
    <message>
        <source>dashboard</source>
        <translation>tablero</translation>
    </message>
    <message>
        <source>welcome-papers</source>
        <translation>papeles-bienvenida</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Guardar el reporte como</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved in {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>&amp;Open the error workbook</source>
        <translation>&amp;Abrir el libro de errores</translation>
    </message>
    <message>
        <source>&amp;Save the error workbook as…</source>
        <translation>&amp;Guardar el libro de errores como…</translation>
    </message>
    <message>
        <source>Importing… do not close this window.</source>
        <translation>Importando… no cierre esta ventana.</translation>
    </message>
    <message>
        <source>Imported {people} people in {households} households.</source>
        <translation>Se importaron {people} personas en {households} núcleos.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were left out; the error workbook is saved in {path}</source>
        <translation>
            <numerusform>%n fila quedó fuera; el libro de errores está guardado en {path}</numerusform>
            <numerusform>%n filas quedaron fuera; el libro de errores está guardado en {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>No se importó nada: {error}</translation>
    </message>
    <message>
        <source>Save the error workbook as</source>
        <translation>Guardar el libro de errores como</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The error workbook is saved in {path}</source>
        <translation>El libro de errores está guardado en {path}</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>The printer could not be opened.</source>
        <translation>No se pudo abrir la impresora.</translation>
    </message>
</context>
<context>
    <name>reports_actions</name>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Reportes</translation>
    </message>
    <message>
        <source>&amp;Reports and printing</source>
        <translation>&amp;Reportes e impresión</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>&amp;Exportar a Excel…</translation>
    </message>
    <message>
        <source>&amp;Import a census spreadsheet…</source>
        <translation>&amp;Importar un censo en Excel…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reportes</translation>
    </message>
</context>
</TS>
