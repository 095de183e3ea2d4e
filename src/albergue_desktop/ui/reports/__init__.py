"""Reports screens: choose a report, generate it in the background, preview its pages,
print it or save it; the Excel export dialog and the legacy census import wizard."""
