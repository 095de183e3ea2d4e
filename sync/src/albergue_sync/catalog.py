"""The one translation mechanism of Albergue for text made outside Qt (the sync engine and its
command line, and the desktop's domain, services, reports and command line).

Source strings (msgids) are English. Each part of the program registers its catalogs under a
*domain* name (``"sync"`` here in ``albergue_sync.i18n``, ``"desktop"`` in
``albergue_desktop.domain.i18n``): ``register(domain, lang, messages)`` keeps a reference to
the dict, so entries added to it later (``ES.update({...})`` in another module) count too.

There is one current language for the whole process (:func:`set_language`; the desktop's
language switch calls it, so sync messages follow it). Until it is set, ``ALBERGUE_LANG``
decides (``es`` unless it names another supported language). :func:`translate` also takes a
language per call: a printout follows the language of the person it is for.

A msgid missing from a language's catalog falls back along :data:`FALLBACK` (Haitian Creole
to French, then the English source): a message is never lost, only less local.

The desktop depends on this package, never the reverse (docs/i18n.md).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

SOURCE = "en"
LANGUAGES = ("es", "en", "fr", "ht")
DEFAULT = "es"
FALLBACK: dict[str, tuple[str, ...]] = {"es": (), "en": (), "fr": (), "ht": ("fr",)}

# domain -> language -> the catalogs registered (by reference, in registration order)
_catalogs: dict[str, dict[str, list[Mapping[str, str]]]] = {}
_language: str | None = None


def normalize(lang: str | None) -> str:
    """``"en_US"`` -> ``"en"``; an unsupported or empty language -> :data:`DEFAULT`."""
    code = (lang or "").strip().lower()[:2]
    return code if code in LANGUAGES else DEFAULT


def register(domain: str, lang: str, messages: Mapping[str, str]) -> None:
    """Add the catalog ``messages`` (msgid -> text in ``lang``) to ``domain``. The dict is
    kept by reference. Registering the same dict again changes nothing."""
    lang = normalize(lang)
    found = _catalogs.setdefault(domain, {}).setdefault(lang, [])
    if not any(existing is messages for existing in found):
        found.append(messages)


def set_language(lang: str | None) -> None:
    """The language of every message from now on, in every domain (the sync engine's too)."""
    global _language
    _language = normalize(lang)


def language() -> str:
    """The current language: the one set, else ``ALBERGUE_LANG``, else Spanish."""
    return _language if _language is not None else normalize(
        os.environ.get("ALBERGUE_LANG", DEFAULT))


def lookup(msgid: str, lang: str, domain: str | None = None) -> str | None:
    """The text of ``msgid`` in ``lang`` (exactly that language), from ``domain`` first and
    then from any other domain; None when no catalog has it."""
    domains = list(_catalogs)
    if domain is not None and domain in _catalogs:
        domains.remove(domain)
        domains.insert(0, domain)
    for name in domains:
        for messages in _catalogs[name].get(lang, ()):
            text = messages.get(msgid)
            if text is not None:
                return text
    return None


def translate(msgid: str, /, lang: object = None, *, domain: str | None = None,
              **params: object) -> str:
    """``msgid`` in ``lang`` (None: the current language), with ``params`` filled in.
    ``lang`` is reserved: never a message parameter. (Typed ``object`` because callers pass
    ``**params`` dicts of objects; anything but a ``str`` or None is a TypeError.)"""
    if lang is not None and not isinstance(lang, str):
        raise TypeError(f"lang must be a language code, not {lang!r}")
    lang = normalize(lang) if lang is not None else language()
    text = msgid
    if lang != SOURCE:
        for candidate in (lang, *FALLBACK.get(lang, ())):
            found = lookup(msgid, candidate, domain)
            if found is not None:
                text = found
                break
    return text.format(**params) if params else text
