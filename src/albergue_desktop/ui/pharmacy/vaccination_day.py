"""The vaccination day screen (a tab): the nurse sets the day's vaccine, lot and place once,
then scans ID cards (or searches) one after another. Each person shows their doses of that
vaccine, the next dose number and the schedule gaps; Enter records the dose and the scanner
line is ready for the next card. Esc skips the person shown (nothing is recorded).

Keyboard: the campaign form is filled with Tab; Enter on it starts the day (Ctrl+Enter from
anywhere); during the day Enter on the person records, Esc skips, Ctrl+F goes to the
scanner line; "Change the campaign" ends the day's setup.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QPushButton, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain import vaccines as vx
from ...domain.i18n import translate
from ...services import vaccination_day
from ...services.context import Actor
from ...storage.db import Database
from ..ops import ERROR_STYLE, Changes, error_text, query_op, write_op
from ..queue.scanner import ScanInput
from ..tasks import TaskManager

DAY_VACCINES = (vx.Vaccine.INFLUENZA, vx.Vaccine.COVID19, vx.Vaccine.TDAP, vx.Vaccine.MMR,
                vx.Vaccine.DPT, vx.Vaccine.HEPATITIS_B, vx.Vaccine.PNEUMOCOCCAL,
                vx.Vaccine.HEXAVALENT, vx.Vaccine.ROTAVIRUS, vx.Vaccine.BCG)


class VaccinationDayView(QWidget):
    """Signals: ``shown(candidate)`` once a person's status is on screen, ``recorded(id)``
    after a dose is saved, ``failed(text)`` when a lookup or a save is refused."""

    shown = Signal(object)
    recorded = Signal(str)
    failed = Signal(str)

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.campaign: vaccination_day.Campaign | None = None
        self.candidate: vaccination_day.Candidate | None = None
        self.saving = False
        self.count = 0

        setup = QGroupBox(self.tr("Vaccination day"), self)
        self.vaccine = QComboBox(setup)
        for v in DAY_VACCINES:
            self.vaccine.addItem(translate(vx.VACCINE_LABELS[v]), str(v))
        self.brand = QComboBox(setup)
        self.brand.addItem("", None)
        for b in vx.CovidBrand:
            self.brand.addItem(b.value.replace("_", " ").title(), str(b))
        self.lot = QLineEdit(setup)
        self.lot.setAccessibleName(self.tr("Lot"))
        self.day = QDateEdit(setup)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        today = clock.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.place = QLineEdit(setup)
        self.start_button = QPushButton(self.tr("&Start the day"), setup)
        self.start_button.setAutoDefault(False)
        self.change_button = QPushButton(self.tr("C&hange the campaign"), setup)
        self.change_button.setAutoDefault(False)
        self.change_button.hide()
        form = QFormLayout(setup)
        form.addRow(self.tr("&Vaccine"), self.vaccine)
        form.addRow(self.tr("COVID-19 &product"), self.brand)
        form.addRow(self.tr("&Lot"), self.lot)
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("&Place"), self.place)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.change_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.setup_message = QLabel(setup)
        self.setup_message.setStyleSheet(ERROR_STYLE)
        self.setup_message.setWordWrap(True)
        form.addRow(self.setup_message)

        self.scanner = ScanInput(db, actor, tasks, self)
        self.scanner.setEnabled(False)
        self.person = QLabel(self)
        self.person.setTextFormat(Qt.TextFormat.RichText)
        self.person.setWordWrap(True)
        self.person.setMinimumHeight(self.fontMetrics().height() * 6)
        self.person.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.record_button = QPushButton(self.tr("&Record dose (Enter)"), self)
        self.record_button.setEnabled(False)
        self.skip_button = QPushButton(self.tr("S&kip (Esc)"), self)
        self.skip_button.setEnabled(False)
        for b in (self.record_button, self.skip_button):
            b.setAutoDefault(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.tally = QLabel(self)
        self.done_list = QListWidget(self)
        self.done_list.setAccessibleName(self.tr("Recorded today"))
        self.done_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        left = QVBoxLayout()
        left.addWidget(setup)
        left.addWidget(QLabel(self.tr("Recorded on this screen:"), self))
        left.addWidget(self.done_list, 1)
        left.addWidget(self.tally)
        right = QVBoxLayout()
        scan_label = QLabel(self.tr("&Scan or search:"), self)
        scan_label.setBuddy(self.scanner)
        right.addWidget(scan_label)
        right.addWidget(self.scanner)
        right.addWidget(self.person, 1)
        row = QHBoxLayout()
        row.addWidget(self.record_button)
        row.addWidget(self.skip_button)
        row.addStretch(1)
        right.addLayout(row)
        right.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

        self.vaccine.currentIndexChanged.connect(self._vaccine_changed)
        self.start_button.clicked.connect(self.start)
        self.change_button.clicked.connect(self.change)
        self.scanner.person_chosen.connect(self._chosen)
        self.record_button.clicked.connect(self.record)
        self.skip_button.clicked.connect(self.skip)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.start)
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self._to_scanner)
        self._vaccine_changed()
        self.vaccine.setFocus()

    # --- the campaign ------------------------------------------------------------------------

    def _vaccine_changed(self) -> None:
        self.brand.setEnabled(self.vaccine.currentData() == vx.Vaccine.COVID19)

    def _campaign(self) -> vaccination_day.Campaign:
        d = self.day.date()
        from datetime import date
        return vaccination_day.Campaign(
            self.vaccine.currentData(), self.lot.text(), date(d.year(), d.month(), d.day()),
            self.place.text(), self.brand.currentData() if self.brand.isEnabled() else None)

    def start(self) -> None:
        if self.campaign is not None:
            return
        campaign = self._campaign()
        try:
            campaign.check()
        except Exception as error:  # noqa: BLE001 - error_text re-raises what is not ours
            self.setup_message.setText(error_text(error))
            self.lot.setFocus()
            return
        self.campaign = campaign
        self.setup_message.clear()
        for w in (self.vaccine, self.brand, self.lot, self.day, self.place, self.start_button):
            w.setEnabled(False)
        self.change_button.show()
        self.scanner.setEnabled(True)
        self.scanner.reset()
        self._refresh_tally()

    def change(self) -> None:
        self.skip()
        self.campaign = None
        for w in (self.vaccine, self.lot, self.day, self.place, self.start_button):
            w.setEnabled(True)
        self._vaccine_changed()
        self.change_button.hide()
        self.scanner.setEnabled(False)
        self.vaccine.setFocus()

    def _refresh_tally(self) -> None:
        campaign = self.campaign
        if campaign is None:
            return
        db, actor = self.db, self.actor  # the worker never touches the widget
        query_op(self, self.tasks,
                 lambda: vaccination_day.recorded_on(db, actor, campaign),
                 lambda n: self.tally.setText(self.tr("Doses of this lot recorded on this day "
                                                      "(every screen): {n}").format(n=n)),
                 on_error=lambda e: self.tally.setText(error_text(e)))

    # --- one person ----------------------------------------------------------------------------

    def _chosen(self, person_id: str, _label: str) -> None:
        campaign = self.campaign
        if campaign is None:
            return
        self.message.clear()
        db, actor = self.db, self.actor  # the worker never touches the widget
        query_op(self, self.tasks,
                 lambda: vaccination_day.candidate(db, actor, person_id, campaign),
                 self._show, on_error=self._fail)

    def _show(self, c: vaccination_day.Candidate) -> None:
        self.candidate = c
        dose_word = self.tr("dose {dose}")
        items = []
        for d, d_day, lot in c.doses:
            when = d_day.strftime("%d/%m/%Y") if d_day else "—"
            items.append(f"<li>{dose_word.format(dose=d or '?')} · {when} · {lot or '—'}</li>")
        doses = "".join(items) or "<li>" + self.tr("none recorded") + "</li>"
        prompts = "".join(f"<li>{p.text()}</li>" for p in c.summary.prompts)
        warning = ""
        if c.already_today:
            already = self.tr("Already vaccinated today with this vaccine: nothing to record.")
            warning = f"<p style='color:#b00020'><b>{already}</b></p>"
        months = c.summary.age_months
        age = "" if months is None else (
            self.tr("{years} years").format(years=months // 12) if months >= 24
            else self.tr("{months} months").format(months=months))
        gaps = ""
        if prompts:
            gaps = "<p><b>" + self.tr("Schedule gaps") + f"</b></p><ul>{prompts}</ul>"
        self.person.setText(
            f"<h3>{c.name}</h3><p>{c.folio or ''} · {age}</p>{warning}"
            "<p><b>" + self.tr("Doses of this vaccine") + f"</b></p><ul>{doses}</ul>"
            "<p><b>" + self.tr("Next dose: {n}").format(n=c.next_dose) + "</b></p>" + gaps)
        self.record_button.setEnabled(not c.already_today)
        self.skip_button.setEnabled(True)
        (self.record_button if not c.already_today else self.skip_button).setFocus()
        self.shown.emit(c)

    def _fail(self, error: BaseException) -> None:
        text = error_text(error)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        self.failed.emit(text)

    def record(self) -> None:
        c, campaign = self.candidate, self.campaign
        if c is None or campaign is None or self.saving or c.already_today:
            return
        self.saving = True
        self.record_button.setEnabled(False)

        def done(vaccination_id: str) -> None:
            self.saving = False
            self.count += 1
            self.done_list.insertItem(0, f"{c.name} · {c.folio or ''} · "
                                         f"{self.tr('dose {dose}').format(dose=c.next_dose)}")
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Recorded: {name}.").format(name=c.name))
            self._clear_person()
            self._refresh_tally()
            self.recorded.emit(vaccination_id)

        def failed(error: BaseException) -> None:
            self.saving = False
            self.record_button.setEnabled(True)
            self._fail(error)

        db, actor = self.db, self.actor  # the worker never touches the widget
        write_op(self, self.tasks,
                 lambda: vaccination_day.record(db, actor, c.person_id, campaign),
                 changes=Changes.of("vaccinations", "screenings"), on_error=failed,
                 on_done=done)

    def _to_scanner(self) -> None:
        if self.campaign is not None:
            self.scanner.line.setFocus()

    def skip(self) -> None:
        if self.saving:
            return
        self._clear_person()

    def _clear_person(self) -> None:
        self.candidate = None
        self.person.clear()
        self.record_button.setEnabled(False)
        self.skip_button.setEnabled(False)
        if self.campaign is not None:
            self.scanner.reset()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter records the person shown (or starts the day); Esc skips them."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                if focus.isEnabled():
                    focus.click()  # the button under focus does what it says
            elif self.campaign is None:
                self.start()
            elif self.candidate is not None:
                self.record()
            return
        if key == Qt.Key.Key_Escape and self.candidate is not None:
            self.skip()
            return
        super().keyPressEvent(event)
