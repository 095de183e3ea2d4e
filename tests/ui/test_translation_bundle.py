"""In a bundle (installer/albergue.spec) the UI sources are not shipped: the catalogs to load
are then every compiled catalog of the language, the same list the sources give."""

from __future__ import annotations

from albergue_desktop.ui import translation


def test_without_the_sources_every_shipped_catalog_is_loaded(monkeypatch, tmp_path):
    from_sources = translation.catalog_names("es")
    monkeypatch.setattr(translation, "UI_DIR", tmp_path / "ui")  # no sources there
    shipped = translation.catalog_names("es")
    assert sorted(from_sources) == shipped and "reports_es" in shipped
    assert all(name.endswith("_en") for name in translation.catalog_names("en"))
