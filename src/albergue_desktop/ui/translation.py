"""Qt translations: the app's own catalog (``resources/i18n/albergue_<lang>.qm``, compiled from
the ``.ts`` with ``pyside6-lrelease``) plus Qt's catalog for its standard dialogs and menus.

Source strings are English; Spanish (Mexico) is the default language. Messages that come from
domain and services are translated by :mod:`albergue_desktop.domain.i18n`, whose language is
set here too, so a screen never mixes languages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..domain import i18n

_PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Installed package first (a wheel ships resources inside the package), then the source tree.
RESOURCE_DIRS = (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parents[1] / "resources")

_installed: list[QTranslator] = []


def i18n_dir() -> Path:
    for base in RESOURCE_DIRS:
        if (base / "i18n").is_dir():
            return base / "i18n"
    return RESOURCE_DIRS[-1] / "i18n"


UI_DIR = Path(__file__).resolve().parent


def catalog_parts() -> dict[str, list[Path]]:
    """One catalog per part of the UI: ``albergue`` for the modules directly in ui/, and one
    per subpackage (``ui/intake/`` -> ``intake``), so screens can be translated separately."""
    parts = {"albergue": sorted(UI_DIR.glob("*.py"))}
    for sub in sorted(p for p in UI_DIR.iterdir() if (p / "__init__.py").exists()):
        parts[sub.name] = sorted(sub.rglob("*.py"))
    return parts


def catalog_names(lang: str) -> list[str]:
    if not (UI_DIR / "__init__.py").is_file():
        # a bundle (installer/) has no sources beside it: every catalog that was shipped
        return sorted(qm.stem for qm in i18n_dir().glob(f"*_{lang}.qm"))
    return [f"{part}_{lang}" for part in catalog_parts()]


def install_translators(app: QCoreApplication, lang: str = "es") -> list[QTranslator]:
    """Switch the UI language (``es`` or ``en``): Qt translators, number formatting and the
    domain messages. Returns the translators now installed."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(lang)
    if i18n.language() == "en":
        # English is the source language; its catalog only holds plural forms.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        catalogs = [(i18n_dir(), name) for name in catalog_names("en")]
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico))
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        catalogs = [(i18n_dir(), name) for name in catalog_names("es")]
        catalogs.append((qt_dir, "qtbase_es"))
    for directory, name in catalogs:
        translator = QTranslator(app)
        if translator.load(name, str(directory)):
            app.installTranslator(translator)
            _installed.append(translator)
    return list(_installed)
