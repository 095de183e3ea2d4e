"""docs/translations-review.md, generated from the catalogs of reports/migrant_texts.py so
that the reviewer sees exactly the texts that are printed::

    uv run python -m albergue_desktop.reports.translation_review > docs/translations-review.md
"""

from __future__ import annotations

from . import migrant_texts as mt

HEAD = """# Translations awaiting review: papers for the sheltered people

The papers handed to the people in the shelters (ID card back, rules and rights notice,
consent form, letter of stay) are printed in Spanish, Haitian Creole or French, in the
person's paper language (`reports/paper_language.py`: the language of the person's record marked
preferred, else the best-known of Creole, French and Spanish, else Creole for Haitian
nationals). The texts live in `src/albergue_desktop/reports/migrant_texts.py`, one catalog
per language keyed by the English source text.

**Status: the Haitian Creole and French texts are DRAFTS written by a non-native speaker.**
Every page printed from a draft says so in small print ("Traducción en borrador, pendiente
de revisión por una persona hablante nativa"). A native speaker should review them, ideally
someone who works with the people served (a Haitian community interpreter), before a paper
is the only version a person receives; until then staff read the Spanish version with an
interpreter.

## How to review

- Read each row. The goal is short, plain sentences that a person with little schooling
  understands when read aloud; change the words freely (the English is only the key).
- Check the register (ou / vous), the words for places (abri, klinik, centre d'accueil) and
  that nothing promises more than the Spanish does.
- Put the corrected text in the `HT` or `FR` dictionary of `migrant_texts.py` and add the
  language to `REVIEWED`: the draft note leaves its papers. Then regenerate this file:
  `uv run python -m albergue_desktop.reports.translation_review > docs/translations-review.md`
  (`tests/reports/test_migrant_papers.py` fails while it differs from the catalogs).
"""

SECTIONS = (
    ("ID card back", mt.CARD_BACK),
    ("Rules and rights notice", ("Welcome to the shelter", "Your rights", *mt.RIGHTS,
                                 "The rules of the shelter", *mt.RULES)),
    ("Consent form", ("Consent to the use of your personal data", *mt.CONSENT_INTRO,
                      "Privacy notice", *mt.PRIVACY_NOTICE,
                      "Mark what you agree to:", "Yes", "No", *mt.CONSENT_PURPOSES,
                      "I read this paper, or someone read it to me in a language I "
                      "understand.",
                      "For a child, the mother, father or guardian signs.",
                      "Name", "Folio", "Signature or fingerprint", "Date", "Staff member",
                      "Interpreter, if any")),
    ("Letter of stay", ("Letter of stay", *mt.STAY_LETTER, "still staying",
                        "Issued on {date} by {who}.", "Signature and stamp",
                        "Spanish version")),
)


def review_markdown() -> str:
    out = [HEAD]
    n = 0
    for title, keys in SECTIONS:
        out += [f"## {title}", ""]
        for key in keys:
            n += 1
            out += [f"{n}. Español: {mt.ES[key]}",
                    f"   - Kreyòl ayisyen (borrador): {mt.HT[key]}",
                    f"   - Français (brouillon) : {mt.FR[key]}",
                    "   - Revisado por / fecha: ____________________", ""]
    return "\n".join(out)


def listed_keys() -> set[str]:
    return {key for _title, keys in SECTIONS for key in keys}


if __name__ == "__main__":
    print(review_markdown(), end="")
