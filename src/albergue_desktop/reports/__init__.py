"""Printed reports (reportlab) and spreadsheets (openpyxl). No Qt here.

Each PDF function takes a Database (or rows already loaded), an Actor (its role decides
whether health detail is printed) and an output path, and writes the file atomically:

- :func:`.roster.roster_pdf`    lista de albergados, by center, area and household
- :func:`.bedlist.bedlist_pdf`  bed list for the night count
- :func:`.census.census_pdf`    parte diario (numbers from ``services.census``)
- :func:`.idcards.idcards_pdf`  ID cards with a QR code of the folio
- :func:`.impact.impact_pdf`    "Impactos y resultados"
- :func:`.excel_export.export_workbook`        the supervisor's workbook
- :mod:`.excel_import`  read_sheet -> preview_import -> confirm_import (legacy census)

Errors meant for the user are :class:`.output.ReportError` (translated messages).
"""
