"""Welcome papers for the people of a selection (one person, a household...): the shelter's
rules and rights notice once per paper language among them, then a consent form for each
person, each in the person's paper language (reports/paper_language.py; the texts are in
reports/migrant_texts.py). The header stays in the staff's language; the body is the
person's. A draft translation says so in small print at the foot of its page."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, ListFlowable, ListItem, PageBreak, Paragraph
from reportlab.platypus import Spacer, Table

from ..domain.i18n import translate as _
from ..domain.permissions import Permission
from ..services import access_log
from ..services.context import Actor
from ..storage import report_queries as rq
from ..storage.db import Database
from . import common
from .frame import FONT, FONT_BOLD, MUTED, PrintInfo, build_pdf, styles
from .migrant_texts import (
    CONSENT_INTRO, CONSENT_PURPOSES, LANGUAGE_NAMES, RIGHTS, RULES, is_draft, say,
)
from .output import ReportError
from .paper_language import paper_language

BOX = "☐"


def _styles() -> dict[str, ParagraphStyle]:
    st = styles()
    body = ParagraphStyle("paper", parent=st["body"], fontSize=12, leading=16, spaceAfter=4)
    return {
        "title": ParagraphStyle("ptitle", parent=body, fontName=FONT_BOLD, fontSize=18,
                                leading=22, spaceAfter=10),
        "h": ParagraphStyle("ph", parent=body, fontName=FONT_BOLD, fontSize=14, leading=18,
                            spaceBefore=8, spaceAfter=6),
        "body": body,
        "note": ParagraphStyle("pnote", parent=st["note"], fontSize=8, leading=10,
                               textColor=MUTED),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _bullets(msgids, lang: str, st) -> ListFlowable:
    return ListFlowable([ListItem(_p(say(m, lang), st["body"]), leftIndent=18)
                         for m in msgids], bulletType="bullet", start="•", leftIndent=18,
                        bulletFontName=FONT, bulletFontSize=12)


def _draft_note(lang: str, st) -> list:
    if not is_draft(lang):
        return []
    return [Spacer(0, 10), _p(_("Draft translation, awaiting review by a native speaker.")
                              + f" ({LANGUAGE_NAMES[lang]})", st["note"])]


def rules_story(lang: str, center: str, st) -> list:
    story = [_p(say("Welcome to the shelter", lang), st["title"])]
    if center:
        story.append(_p(center, st["body"]))
    story += [_p(say("Your rights", lang), st["h"]), _bullets(RIGHTS, lang, st),
              _p(say("The rules of the shelter", lang), st["h"]), _bullets(RULES, lang, st)]
    return story + _draft_note(lang, st)


def consent_story(lang: str, name: str, folio: str, st) -> list:
    say_ = lambda m: say(m, lang)  # noqa: E731
    story = [_p(say_("Consent to the use of your personal data"), st["title"]),
             _p(f"{say_('Name')}: {name}    {say_('Folio')}: {folio}", st["body"]),
             Spacer(0, 6)]
    story += [_p(say_(m), st["body"]) for m in CONSENT_INTRO]
    story.append(_p(say_("Mark what you agree to:"), st["h"]))
    rows = [[_p(say_(m), st["body"]), f"{BOX} {say_('Yes')}", f"{BOX} {say_('No')}"]
            for m in CONSENT_PURPOSES]
    story.append(Table(rows, colWidths=[4.6 * inch, 1.1 * inch, 1.1 * inch], hAlign="LEFT",
                       style=[("FONT", (1, 0), (-1, -1), FONT, 13),
                              ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#B0B0B0")),
                              ("TOPPADDING", (0, 0), (-1, -1), 5),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    story += [Spacer(0, 10),
              _p(say_("I read this paper, or someone read it to me in a language I "
                      "understand."), st["body"]),
              _p(say_("For a child, the mother, father or guardian signs."), st["body"]),
              Spacer(0, 18)]
    line = "_" * 34
    fields = [[f"{say_('Signature or fingerprint')}:", line],
              [f"{say_('Date')}:", line],
              [f"{say_('Staff member')}:", line],
              [f"{say_('Interpreter, if any')}:", line]]
    story.append(KeepTogether(Table(fields, colWidths=[2.6 * inch, 4.2 * inch], hAlign="LEFT",
                                    style=[("FONT", (0, 0), (-1, -1), FONT, 12),
                                           ("TOPPADDING", (0, 0), (-1, -1), 12)])))
    return story + _draft_note(lang, st)


@access_log.audited(access_log.PRINT, "welcome_papers")
def welcome_pdf(db: Database, actor: Actor, out, *, selection: rq.CardSelection,
                center: str | None = None, lang: str | None = None,
                tz: tzinfo | None = None) -> Path:
    """The rules and rights notice (once per paper language) and a consent form per person
    of ``selection``, each in the person's paper language, or in ``lang`` for everyone."""
    actor.require(Permission.VIEW_PEOPLE)
    if selection.is_everyone():
        raise ReportError("Choose a person or a household for the welcome papers.")
    center_id, center_label = common.resolve_center(db, center)
    with db.session(actor.username) as session:
        try:
            ids = rq.card_person_ids(session=session, selection=selection, center_id=center_id,
                                     tz=tz or common.local_tz())
        except rq.SelectionError as error:
            raise ReportError(error.msgid, **error.params) from None
        cards = rq.id_card_rows(session=session, person_ids=ids)
        recorded = rq.person_languages(session=session, person_ids=ids)
    langs = {card.person_id: lang or paper_language(*recorded.get(card.person_id, ([], None)))
             for card in cards}
    st = _styles()
    story: list = []
    shelter = cards[0].center_name if cards else ""
    for paper_lang in dict.fromkeys(langs.values()):
        if story:
            story.append(PageBreak())
        story += rules_story(paper_lang, shelter, st)
    for card in cards:
        story.append(PageBreak())
        story += consent_story(langs[card.person_id], card.full_name, card.folio, st)
    if not cards:
        story.append(_p(_("Nobody in this selection."), st["body"]))
    info = PrintInfo(_("Welcome papers"), common.printed_by(db, actor),
                     center_label if center else shelter,
                     _("Papers in each person's language: Spanish, Haitian Creole or French."))
    return build_pdf(out, story, info)
