"""A phonetic key for names written the French, Haitian Creole or Spanish way, for blocking in
the cross-center duplicates scan: spellings of one spoken name get one key ("Pierre",
"Piere", "Pyer"; "Mackenson", "Makenson"; "Philippe", "Filip"; "Wilner", "Vilner";
"Jn", "Jean", "Jan"). English-oriented keys (Soundex, Metaphone) keep French silent endings
("Louis" and "Lui" differ) and read "ch", "gue" and "j" the English way.

The key is a consonant skeleton: the spelling is rewritten to sounds (ordered rules below),
the first sound kept (any vowel as "A"), later vowels dropped, repeats collapsed. It is
deliberately coarse ("Marie", "Mario" and "Maria" share "MR"): it only decides which pairs
are scored; the score (:mod:`.matching`) decides what is shown.
"""

from __future__ import annotations

import re

from .normalize import name_key

# Abbreviations seen on registration sheets, by whole token.
ABBREVIATIONS = {"jn": "jean", "jb": "jean baptiste", "st": "saint", "ste": "sainte",
                 "mr": "marie", "ma": "maria", "fco": "francisco", "jse": "jose"}

# (pattern, sound), applied in order to one lowercase ASCII token. Upper-case letters are
# sounds already decided: G hard g, J the "zh"/"dj" sound, K, S, X the "sh" sound.
_RULES: tuple[tuple[str, str], ...] = (
    (r"^w", "v"),                                  # Wilner, Vilner
    (r"ph", "f"),
    (r"sch|sh|ch", "X"),
    (r"gu(?=[eiy])|gh", "G"),                      # Guerline
    (r"ge(?=[aou])|g(?=[eiy])|dj|dy|di(?=e)|j", "J"),  # Georges, Gerline, Djeudonne
    (r"qu|q|ck|c(?=[^eiy]|$)|kh", "K"),
    (r"c", "S"),                                   # before e, i, y
    (r"(?<=[aeiouy])(s+|x|z)$|(?<=n)(t|ts)$", ""), # French silent endings: Louis, Saint
    (r"(?<=[^aeiouy])(e|es)$", ""),                # Pierre, Charles
    (r"eau|au", "o"),
    (r"ou|w", "u"),                                # Creole w: Lwi
    (r"th", "t"),
    (r"(?<=a)pt", "t"),                            # Baptiste
    (r"ll(?=[aeiou])", "l"),
    (r"tion", "sion"),
    (r"x", "ks"),
    (r"z", "s"),
    (r"h", ""),
    (r"y", "i"),
)
_COMPILED = tuple((re.compile(p), s) for p, s in _RULES)
_VOWELS = frozenset("aeiou")


def token_key(token: str) -> str:
    """Key of one name token (already a :func:`~.normalize.name_key` token)."""
    word = token
    for pattern, sound in _COMPILED:
        word = pattern.sub(sound, word)
    if not word:
        return ""
    word = word.lower().replace("x", "X").replace("j", "J")  # keep the decided sounds apart
    first = "A" if word[0] in _VOWELS else word[0].upper()
    out = [first]
    for char in word[1:]:
        if char in _VOWELS:
            out.append("")  # a vowel separates repeats ("Anana" keeps two N)
            continue
        sound = char.upper()
        if out[-1] != sound:
            out.append(sound)
    return "".join(out)


def tokens(name: str | None) -> list[str]:
    """Normalized tokens of a name with the known abbreviations spelled out."""
    words: list[str] = []
    for word in name_key(name).split():
        words += ABBREVIATIONS.get(word, word).split()
    return words


def phonetic_keys(name: str | None) -> list[str]:
    """The key of each token of ``name`` ("Jean-Baptiste" -> ["JN", "PTST"])."""
    return [k for k in (token_key(t) for t in tokens(name)) if k]


def phonetic_key(name: str | None) -> str:
    """One key for a whole name, tokens in order, space separated."""
    return " ".join(phonetic_keys(name))
