"""Labels and colours of the bed screens: segments (center profiles), placement rules, the
state of a bed, household colours and the capacity line."""

from __future__ import annotations

import zlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from ...domain.enums import CenterProfile
from ...domain.placement_model import PlacementRule
from ...services.beds import CenterCapacity
from ..auth.labels import CENTER_PROFILE_LABELS
from ..auth.labels import tr as auth_tr

CONTEXT = "beds_labels"

RULE_LABELS: dict[PlacementRule, str] = {
    PlacementRule.BEDS: QT_TRANSLATE_NOOP("beds_labels", "free beds"),
    PlacementRule.MINOR_PROTECTION: QT_TRANSLATE_NOOP("beds_labels", "protection of minors"),
    PlacementRule.SEGMENT_SAFETY: QT_TRANSLATE_NOOP("beds_labels", "segment safety"),
    PlacementRule.ISOLATION: QT_TRANSLATE_NOOP("beds_labels", "respiratory isolation"),
    PlacementRule.HOUSEHOLD_APART: QT_TRANSLATE_NOOP("beds_labels",
                                                     "household apart from other cases"),
    PlacementRule.SAME_AREA: QT_TRANSLATE_NOOP("beds_labels", "household together"),
    PlacementRule.MATERNITY: QT_TRANSLATE_NOOP("beds_labels", "maternity"),
    PlacementRule.MEDICAL_CARE: QT_TRANSLATE_NOOP("beds_labels", "medical care"),
    PlacementRule.SEGMENT: QT_TRANSLATE_NOOP("beds_labels", "segment"),
    PlacementRule.SPHERE_SPACE: QT_TRANSLATE_NOOP("beds_labels", "Sphere space"),
    PlacementRule.ADJACENT_BEDS: QT_TRANSLATE_NOOP("beds_labels", "adjacent beds"),
    PlacementRule.HEALTH_INDICATION: QT_TRANSLATE_NOOP("beds_labels", "health indication"),
}

# Segments of an area that are not center profiles.
AREA_ONLY_SEGMENTS: dict[str, str] = {
    CenterProfile.QUARANTINE: QT_TRANSLATE_NOOP("beds_labels", "Family quarantine room"),
}

STATE_LABELS = {
    "free": QT_TRANSLATE_NOOP("beds_labels", "Free"),
    "occupied": QT_TRANSLATE_NOOP("beds_labels", "Occupied"),
    "blocked": QT_TRANSLATE_NOOP("beds_labels", "Blocked"),
}

# Pastel backgrounds for households (the household's name is always written on the tile
# too: colour is never the only sign).
HOUSEHOLD_COLOURS = ("#ffe0b2", "#c8e6c9", "#bbdefb", "#f8bbd0", "#d1c4e9", "#fff59d",
                     "#b2ebf2", "#dcedc8", "#ffccbc", "#cfd8dc", "#f0f4c3", "#e1bee7")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def segment_label(code: str | None) -> str:
    if code is None:
        return tr(QT_TRANSLATE_NOOP("beds_labels", "without a bed"))
    if code in AREA_ONLY_SEGMENTS:
        return tr(AREA_ONLY_SEGMENTS[code])
    return auth_tr(CENTER_PROFILE_LABELS[code]) if code in CENTER_PROFILE_LABELS else code


def segment_pairs(*, areas: bool = True) -> list[tuple[str, str]]:
    """Center profiles, and with ``areas`` the segments only an area can have."""
    out = [(str(code), auth_tr(text)) for code, text in CENTER_PROFILE_LABELS.items()]
    if areas:
        out += [(str(code), tr(text)) for code, text in AREA_ONLY_SEGMENTS.items()]
    return out


def rule_label(rule: PlacementRule) -> str:
    return tr(RULE_LABELS[rule])


def state_label(state: str) -> str:
    return tr(STATE_LABELS.get(state, state))


def household_colour(household_id: str | None) -> QColor:
    if not household_id:
        return QColor("#eeeeee")
    return QColor(HOUSEHOLD_COLOURS[zlib.crc32(household_id.encode()) % len(HOUSEHOLD_COLOURS)])


def capacity_lines(capacity: CenterCapacity) -> tuple[str, str]:
    """(beds line, Sphere line) of a center's capacity."""
    status = capacity.status
    beds = QCoreApplication.translate(
        "beds_labels", "Beds: {present} present · {in_service} in service · {free} free · "
        "{blocked} blocked").format(
        present=capacity.present, in_service=status.beds_in_service, free=capacity.free,
        blocked=sum(a.blocked for a in capacity.areas))
    if status.sphere_capacity is None:
        sphere = QCoreApplication.translate(
            "beds_labels", "Sphere: capacity unknown (floor area missing in an area)")
    else:
        sphere = QCoreApplication.translate(
            "beds_labels", "Sphere: {capacity} people ({m2} m² per person)").format(
            capacity=status.sphere_capacity, m2=f"{capacity.m2_per_person:g}")
    return beds, sphere
