"""Supplies reports (PDF): the donation receipt, distributions per period (optionally of the
goods one partner donated), stock on hand per center. Needs SUPPLIES; no person is named
(a distribution counts households)."""

from __future__ import annotations

from datetime import date, tzinfo
from pathlib import Path

from ..domain.i18n import translate as _
from ..domain.permissions import Permission
from ..services import access_log, stock_views, supplies
from ..services.context import Actor
from ..storage import supply_queries as sq
from ..storage.db import Database
from ..storage.report_queries import ts_param
from . import common
from reportlab.platypus import Spacer, Table

from .frame import FONT, PrintInfo, build_pdf, fit, fmt_date, long_table, para, styles
from .impact import period_bounds, period_text


def receipt_number(donation_id: str) -> str:
    """A short number for the receipt, from the donation's id (the same in every file)."""
    return "DON-" + donation_id.replace("-", "")[-8:].upper()


@access_log.audited(access_log.PRINT, "donation receipt")
def donation_receipt_pdf(db: Database, actor: Actor, out, donation_id: str) -> Path:
    d = supplies.donation(db, actor, donation_id)
    info = PrintInfo(_("Donation receipt"), common.printed_by(db, actor), d.center_name,
                     f"{_('Receipt number')}: {receipt_number(d.id)}")
    st = styles()
    facts: list[list] = [
        [_("Receipt number"), receipt_number(d.id)],
        [_("Donor"), fit(d.donor_label, 380, st["cell"])],
        [_("Received on"), fmt_date(d.received_on)],
        [_("Received at"), d.center_name],
        [_("Received by"), d.received_by],
        [_("Declared in-kind value"),
         f"$ {d.value_mxn:,.2f} MXN" if d.value_mxn is not None else _("not declared")],
    ]
    if d.note:
        facts.append([_("Note"), fit(d.note, 380, st["cell"])])
    widths = (300, 120, 100)
    rows: list[list] = [[_("Item"), _("Unit"), _("Quantity")]]
    for name, unit, qty in d.lines:
        rows.append([fit(name, widths[0], st["cell"]), unit, f"{qty:,}"])
    rows.append([_("Total units"), "", f"{d.units:,}"])
    right = [("ALIGN", (2, 1), (2, -1), "RIGHT"), ("LINEABOVE", (0, -1), (-1, -1), 0.8, "black")]
    story = [long_table(facts, (140, 380)),
             para(" ", st["note"]), long_table(rows, widths, right),
             para(_("Received with thanks. This receipt lists the goods as counted on arrival; "
                    "it is not a tax receipt (CFDI)."), st["note"]),
             Spacer(1, 48),
             Table([["_" * 34, "_" * 34],
                    [_("Signature of who received"), _("Signature of the donor")]],
                   colWidths=[260, 260], hAlign="LEFT",
                   style=[("FONT", (0, 0), (-1, -1), FONT, 9),
                          ("ALIGN", (0, 0), (-1, -1), "CENTER")])]
    return build_pdf(out, story, info)


@access_log.audited(access_log.PRINT, "supplies distributed")
def distributions_pdf(db: Database, actor: Actor, out, *, center: str | None = None,
                      start: date | None = None, end: date | None = None,
                      tz: tzinfo | None = None) -> Path:
    """Per item: distributions, units and households reached; then the donations received
    in the period per donor (what each partner gave)."""
    actor.require(Permission.SUPPLIES)
    center_id, center_label = common.resolve_center(db, center)
    since, until = period_bounds(start, end, tz or common.local_tz())
    s, e = (ts_param(since) if since else None), (ts_param(until) if until else None)
    with db.read_session() as session:
        totals = sq.distribution_totals(session=session, center_id=center_id, start=s, end=e)
    received = supplies.donations(db, actor, center_id=center_id, start=start, end=end)
    info = PrintInfo(_("Distributions of supplies"), common.printed_by(db, actor),
                     center_label, period_text(start, end))
    st = styles()
    widths = (230, 80, 90, 70, 90)
    data: list[list] = [[_("Item"), _("Distributions"), _("Quantity"), _("Unit"),
                         _("Households")]]
    for name, unit, count, units, households in totals:
        data.append([fit(name, widths[0], st["cell"]), f"{count:,}", f"{units:,}", unit,
                     f"{households:,}"])
    data.append([_("Total"), "", f"{sum(r[3] for r in totals):,}", "", ""])
    right = [("ALIGN", (1, 1), (2, -1), "RIGHT"), ("ALIGN", (4, 1), (4, -1), "RIGHT"),
             ("LINEABOVE", (0, -1), (-1, -1), 0.8, "black")]
    by_donor: dict[str, list[int | float]] = {}
    for d in received:
        entry = by_donor.setdefault(d.donor_label, [0, 0, 0.0])
        entry[0] += 1
        entry[1] += d.units
        entry[2] += d.value_mxn or 0.0
    dwidths = (240, 70, 80, 150)
    donors: list[list] = [[_("Donor"), _("Donations"), _("Quantity"),
                           _("Declared in-kind value")]]
    for label, (n, units, value) in sorted(by_donor.items(), key=lambda kv: -kv[1][1]):
        donors.append([fit(label, dwidths[0], st["cell"]), f"{int(n):,}", f"{int(units):,}",
                       f"$ {value:,.2f}" if value else "—"])
    story = [para(_("Distributions"), st["h2"]), long_table(data, widths, right),
             para(_("Donations by donor"), st["h2"]),
             long_table(donors, dwidths, [("ALIGN", (1, 1), (-1, -1), "RIGHT")])]
    return build_pdf(out, story, info)


@access_log.audited(access_log.PRINT, "supplies on hand")
def stock_on_hand_pdf(db: Database, actor: Actor, out, *, center: str) -> Path:
    actor.require(Permission.SUPPLIES)
    center_id, center_label = common.resolve_center(db, center)
    assert center_id is not None
    rows = stock_views.balances(db, actor, center_id, "supply")
    info = PrintInfo(_("Stock on hand"), common.printed_by(db, actor), center_label)
    st = styles()
    widths = (260, 80, 80, 100)
    data: list[list] = [[_("Item"), _("Quantity"), _("Unit"), _("Low stock")]]
    low_rows = []
    for r in sorted(rows, key=lambda r: r.name):
        if r.low:
            low_rows.append(len(data))
        data.append([fit(r.name, widths[0], st["cell"]), f"{r.quantity:,}", r.unit,
                     f"≤ {r.low_stock}" if r.low_stock is not None else ""])
    extra = [("ALIGN", (1, 1), (1, -1), "RIGHT")]
    extra += [("TEXTCOLOR", (0, i), (-1, i), "#b00020") for i in low_rows]
    return build_pdf(out, [long_table(data, widths, extra)], info)

