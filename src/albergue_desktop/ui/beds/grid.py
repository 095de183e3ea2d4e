"""The bed tiles of a center, painted by one widget (hundreds of beds stay fast: no widget
per bed). Areas are blocks with a header (name, segment, capacity and warnings); each bed
is a tile: free (white, "Libre"), occupied (household colour, household name and the
occupant's name) or blocked (grey hatching with the reason). The current tile has a blue
frame and the beds of its household a dashed one.

Mouse: click selects, double-click activates, right-click opens the menu. Keyboard: arrows,
Home/End, Enter or Space activates, the menu key or Shift+F10 opens the menu."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...domain.capacity import NO_AREA
from ...services.bed_board import BoardArea
from ...storage.bed_queries import BedTile
from .labels import household_colour, segment_label

TILE_W, TILE_H, GAP, MARGIN = 136, 48, 6, 8
FREE_BORDER, CURRENT, BLOCKED_BG = QColor("#43a047"), QColor("#1565c0"), QColor("#e0e0e0")
WARNING = QColor("#b00020")


@dataclass
class _Placed:
    rect: QRect
    tile: BedTile
    area: int


def fit_name(occupant, metrics: QFontMetrics, width: int) -> str:
    """The occupant's name in ``width``: whole, else with the given names as initials
    ("M. Y. LUBIN"), else elided."""
    name = occupant.full_name
    if metrics.horizontalAdvance(name) <= width:
        return name
    initials = " ".join(f"{part[0]}." for part in occupant.given_names.split() if part)
    short = f"{initials} {occupant.surnames.upper()}".strip()
    return metrics.elidedText(short, Qt.TextElideMode.ElideRight, width)


class BedGrid(QWidget):
    """Signals: ``current_changed(tile | None)``, ``activated(tile)`` (Enter or
    double-click), ``menu_requested(tile, global QPoint)``, ``ensure_visible(QRect)``."""

    current_changed = Signal(object)
    activated = Signal(object)
    menu_requested = Signal(object, QPoint)
    ensure_visible = Signal(QRect)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(False)
        self.areas: tuple[BoardArea, ...] = ()
        self.placed: list[_Placed] = []
        self.headers: list[tuple[QRect, BoardArea]] = []
        self.index_of: dict[str, int] = {}
        self.current: int | None = None
        self.targeting = False  # choosing a free bed (move / assign): free tiles stand out
        self._laid_width = -1
        self.bold = QFont(self.font())
        self.bold.setBold(True)
        self.small = QFont(self.font())
        self.small.setPointSizeF(self.font().pointSizeF() * 0.85)
        self.setAccessibleName(self.tr("Bed board"))

    # --- content ------------------------------------------------------------------------

    def set_areas(self, areas: tuple[BoardArea, ...]) -> None:
        """Show these areas; the current bed stays current if it is still shown."""
        current_id = self.current_tile().bed_id if self.current_tile() else None
        self.areas = areas
        self._layout(self.width())
        self.current = self.index_of.get(current_id) if current_id else None
        self.update()
        self.current_changed.emit(self.current_tile())

    def current_tile(self) -> BedTile | None:
        return self.placed[self.current].tile if self.current is not None else None

    def tile_rect(self, bed_id: str) -> QRect | None:
        index = self.index_of.get(bed_id)
        return self.placed[index].rect if index is not None else None

    def set_current(self, bed_id: str | None) -> None:
        self._select(self.index_of.get(bed_id) if bed_id else None)

    def set_targeting(self, on: bool) -> None:
        self.targeting = on
        self.update()

    def _select(self, index: int | None) -> None:
        if index == self.current:
            return
        self.current = index
        self.update()
        tile = self.current_tile()
        if tile is not None:
            self.ensure_visible.emit(self.placed[index].rect.adjusted(0, -40, 0, 8))
            self.setAccessibleDescription(self.describe(tile))
        self.current_changed.emit(tile)

    # --- layout -------------------------------------------------------------------------

    def _layout(self, width: int) -> None:
        self._laid_width = width
        per_row = max(1, (max(width, TILE_W + 2 * MARGIN) - 2 * MARGIN + GAP) // (TILE_W + GAP))
        line = QFontMetrics(self.bold).height()
        y = MARGIN
        self.placed, self.headers, self.index_of = [], [], {}
        for a, area in enumerate(self.areas):
            header_h = line * 2 + 8
            self.headers.append((QRect(MARGIN, y, width - 2 * MARGIN, header_h), area))
            y += header_h
            for i, tile in enumerate(area.beds):
                row, col = divmod(i, per_row)
                rect = QRect(MARGIN + col * (TILE_W + GAP), y + row * (TILE_H + GAP),
                             TILE_W, TILE_H)
                self.index_of[tile.bed_id] = len(self.placed)
                self.placed.append(_Placed(rect, tile, a))
            rows = -(-len(area.beds) // per_row)
            y += rows * (TILE_H + GAP) + 2 * GAP
        self.setFixedHeight(max(y + MARGIN, 60))

    def resizeEvent(self, event) -> None:
        if event.size().width() != self._laid_width:
            self._layout(event.size().width())
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(8 * (TILE_W + GAP), self.height())

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        clip = event.rect()
        for rect, area in self.headers:
            if rect.intersects(clip):
                self._paint_header(painter, rect, area)
        household = None
        tile = self.current_tile()
        if tile is not None and tile.occupant is not None:
            household = tile.occupant.household_id
        for index, placed in enumerate(self.placed):
            if placed.rect.intersects(clip):
                self._paint_tile(painter, placed, index == self.current,
                                 household is not None
                                 and placed.tile.occupant is not None
                                 and placed.tile.occupant.household_id == household)
        if not self.placed:
            painter.drawText(self.rect().adjusted(MARGIN, MARGIN, 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             self.tr("No beds to show."))

    def _paint_header(self, painter: QPainter, rect: QRect, area: BoardArea) -> None:
        line = QFontMetrics(self.bold).height()
        cap = area.capacity
        painter.setFont(self.bold)
        painter.setPen(self.palette().windowText().color())
        title = f"{area.name} · {segment_label(area.segment)}"
        painter.drawText(rect.x(), rect.y() + line - 3, title)
        sphere = cap.status.sphere_capacity
        text = self.tr("{occupied} of {beds} beds occupied · {free} free · {blocked} blocked · "
                       "Sphere {sphere}").format(
            occupied=cap.occupied, beds=cap.beds, free=cap.free, blocked=cap.blocked,
            sphere=self.tr("unknown (no m²)") if sphere is None else
            self.tr("{people} people ({m2:g} m²)").format(people=sphere, m2=cap.area_m2))
        warnings = [w.text() for w in cap.warnings if w.msgid != NO_AREA]
        painter.setFont(self.font())
        painter.drawText(rect.x(), rect.y() + 2 * line - 1, text)
        if warnings:
            painter.setPen(WARNING)
            x = rect.x() + QFontMetrics(self.font()).horizontalAdvance(text) + 12
            painter.drawText(QRect(x, rect.y() + line, rect.right() - x, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine,
                             "⚠ " + " ".join(warnings))

    def _paint_tile(self, painter: QPainter, placed: _Placed, current: bool,
                    same_household: bool) -> None:
        rect, tile = placed.rect, placed.tile
        state = tile.state
        inner = rect.adjusted(6, 3, -5, -3)
        small = QFontMetrics(self.small)
        if state == "occupied":
            colour = household_colour(tile.occupant.household_id)
            painter.fillRect(rect, colour)
            painter.fillRect(QRect(rect.x(), rect.y(), 4, rect.height()), colour.darker(160))
            painter.setPen(QPen(colour.darker(130), 1))
            second = fit_name(tile.occupant, QFontMetrics(self.font()), inner.width())
            tag = tile.occupant.household_label
        elif state == "blocked":
            painter.fillRect(rect, BLOCKED_BG)
            painter.fillRect(rect, QBrush(QColor("#9e9e9e"), Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(QColor("#757575"), 1))
            second = self.tr("Blocked: {reason}").format(reason=tile.block_reason or "—")
            tag = ""
        else:
            painter.fillRect(rect, QColor("#ffffff"))
            width = 3 if self.targeting else 1
            painter.setPen(QPen(FREE_BORDER, width))
            second = self.tr("Free")
            tag = ""
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setPen(QColor("#1a1a1a"))
        painter.setFont(self.bold)
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         tile.code)
        if tag:
            painter.setFont(self.small)
            code_w = QFontMetrics(self.bold).horizontalAdvance(tile.code) + 6
            painter.drawText(inner.adjusted(code_w, 1, 0, 0),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             small.elidedText(tag, Qt.TextElideMode.ElideRight,
                                              inner.width() - code_w))
        painter.setFont(self.small if state != "occupied" else self.font())
        metrics = QFontMetrics(painter.font())
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                         metrics.elidedText(second, Qt.TextElideMode.ElideRight,
                                            inner.width()))
        if same_household and not current:
            painter.setPen(QPen(QColor("#37474f"), 2, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        if current:
            painter.setPen(QPen(CURRENT, 3))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

    # --- interaction --------------------------------------------------------------------

    def index_at(self, pos: QPoint) -> int | None:
        return next((i for i, p in enumerate(self.placed) if p.rect.contains(pos)), None)

    def mousePressEvent(self, event) -> None:
        index = self.index_at(event.position().toPoint())
        if index is not None:
            self._select(index)
            if self.targeting and event.button() == Qt.MouseButton.LeftButton:
                self.activated.emit(self.placed[index].tile)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        index = self.index_at(event.position().toPoint())
        if index is not None and not self.targeting:
            self.activated.emit(self.placed[index].tile)

    def contextMenuEvent(self, event) -> None:
        if event.reason() == event.Reason.Mouse:
            index = self.index_at(event.pos())
            if index is not None:
                self._select(index)
        if self.current is not None:
            pos = (event.globalPos() if event.reason() == event.Reason.Mouse
                   else self.mapToGlobal(self.placed[self.current].rect.center()))
            self.menu_requested.emit(self.current_tile(), pos)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if not self.placed:
            return super().keyPressEvent(event)
        if self.current is None and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up,
                                            Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End):
            self._select(0)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            self._select(min(max(self.current + step, 0), len(self.placed) - 1))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._select(self._vertical(self.current, key == Qt.Key.Key_Down))
        elif key == Qt.Key.Key_Home:
            self._select(0)
        elif key == Qt.Key.Key_End:
            self._select(len(self.placed) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.current is not None:
                self.activated.emit(self.current_tile())
        else:
            return super().keyPressEvent(event)
        event.accept()

    def _vertical(self, index: int, down: bool) -> int:
        here = self.placed[index].rect.center()
        rows = [p.rect.center().y() for p in self.placed
                if (p.rect.center().y() > here.y() if down else p.rect.center().y() < here.y())]
        if not rows:
            return index
        y = min(rows) if down else max(rows)
        return min((i for i, p in enumerate(self.placed) if p.rect.center().y() == y),
                   key=lambda i: abs(self.placed[i].rect.center().x() - here.x()))

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.index_at(event.pos())
            if index is not None:
                QToolTip.showText(event.globalPos(), self.describe(self.placed[index].tile),
                                  self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def describe(self, tile: BedTile) -> str:
        area = self.areas[self.placed[self.index_of[tile.bed_id]].area].name
        if tile.state == "occupied":
            o = tile.occupant
            return self.tr("Bed {bed} ({area}): {name} ({folio}), household {household}, "
                           "since {date}").format(
                bed=tile.code, area=area, name=o.full_name, folio=o.folio or "—",
                household=o.household_label or "—",
                date=o.check_in.astimezone().strftime("%d/%m/%Y"))
        if tile.state == "blocked":
            return self.tr("Bed {bed} ({area}): blocked. Reason: {reason}").format(
                bed=tile.code, area=area, reason=tile.block_reason or "—")
        return self.tr("Bed {bed} ({area}): free").format(bed=tile.code, area=area)
