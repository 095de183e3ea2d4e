"""Papers handed to the people, in their paper language: the welcome papers of a selection
(one person, a household...: the shelter's rules and rights notice once per paper language
among them, then a consent form for each person) and the letter of stay, each in the
person's paper language (reports/paper_language.py; the texts are in
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

from sqlalchemy import text

from ..domain import clock
from ..domain.i18n import translate as _
from ..domain.permissions import Permission
from ..services import access_log
from ..services.context import Actor
from ..storage import dashboard_queries as dq
from ..storage import report_queries as rq
from ..storage.db import Database
from . import common
from .frame import FONT, FONT_BOLD, MUTED, PrintInfo, build_pdf, fmt_date, styles
from .migrant_texts import (
    CONSENT_INTRO, CONSENT_PURPOSES, LANGUAGE_NAMES, PRIVACY_NOTICE, RIGHTS, RULES,
    STAY_LETTER, is_draft, say,
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
    # the simplified privacy notice (LGPDPPSO art. 27), before the person decides
    small = ParagraphStyle("psmall", parent=st["body"], fontSize=8.5, leading=10, spaceAfter=0)
    story += [_p(say_("Privacy notice"), st["h"]),
              *(_p(say_(m), small) for m in PRIVACY_NOTICE)]
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


def stay_letter_story(lang: str, *, name: str, folio: str, center: str, arrival: str,
                      departure: str | None, issued: str, who: str, st) -> list:
    """The letter in ``lang``; a letter not in Spanish is followed by its Spanish version
    (the offices that read it work in Spanish)."""
    def body(in_lang: str) -> list:
        gone = departure or say("still staying", in_lang)
        texts = [say(STAY_LETTER[0], in_lang, name=name, folio=folio, center=center),
                 say(STAY_LETTER[1], in_lang, arrival=arrival),
                 say(STAY_LETTER[2], in_lang, departure=gone),
                 say(STAY_LETTER[3], in_lang),
                 say("Issued on {date} by {who}.", in_lang, date=issued, who=who)]
        return [_p(t, st["body"]) for t in texts]

    story = [_p(say("Letter of stay", lang), st["title"]), *body(lang),
             Spacer(0, 30), _p("_" * 40, st["body"]), _p(say("Signature and stamp", lang),
                                                         st["body"])]
    story += _draft_note(lang, st)
    if lang != "es":
        story += [Spacer(0, 24), _p(say("Spanish version", "es"), st["h"]),
                  _p(say("Letter of stay", "es"), st["h"]), *body("es")]
    return story


@access_log.audited(access_log.PRINT, "stay_letter")
def stay_letter_pdf(db: Database, actor: Actor, out, *, person: str, lang: str | None = None,
                    tz: tzinfo | None = None) -> Path:
    """The letter of stay (constancia de estancia) of ``person`` (folio or id): the center,
    arrival and departure days of the latest stay, in the person's paper language (and in
    Spanish). No reason or destination is printed (a hospital is health data)."""
    actor.require(Permission.VIEW_PEOPLE)
    tz = tz or common.local_tz()
    with db.session(actor.username) as session:
        try:
            ids = rq.card_person_ids(session=session, selection=rq.CardSelection(person=person))
        except rq.SelectionError as error:
            raise ReportError(error.msgid, **error.params) from None
        cards = rq.id_card_rows(session=session, person_ids=ids)
        stay = session.connection().execute(text(
            "SELECT c.name, s.check_in, s.check_out FROM stay s JOIN center c"
            " ON c.id = s.center_id WHERE s.person_id = :p AND s.deleted = 0"
            " AND s.status <> 'pending' ORDER BY s.check_in DESC LIMIT 1"), {"p": ids[0]}).first()
        recorded = rq.person_languages(session=session, person_ids=ids)
    if not cards or stay is None:
        raise ReportError("There is no stay to certify for {folio}.", folio=person)
    card = cards[0]
    paper_lang = lang or paper_language(*recorded.get(ids[0], ([], None)))
    when = lambda value: fmt_date(dq.instant(value).astimezone(tz))  # noqa: E731
    info = PrintInfo(_("Letter of stay"), common.printed_by(db, actor), stay.name,
                     f"{card.full_name} · {card.folio}")
    story = stay_letter_story(paper_lang, name=card.full_name, folio=card.folio,
                              center=stay.name, arrival=when(stay.check_in),
                              departure=when(stay.check_out) if stay.check_out else None,
                              issued=fmt_date(clock.today()), who=info.printed_by,
                              st=_styles())
    return build_pdf(out, story, info)
