"""Labels of roles and of center status and profile (English source, auth catalog)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.enums import CenterProfile, CenterStatus, Role

CONTEXT = "auth_labels"

ROLE_LABELS: dict[str, str] = {
    Role.INTAKE: QT_TRANSLATE_NOOP("auth_labels", "Intake"),
    Role.HEALTH: QT_TRANSLATE_NOOP("auth_labels", "Health"),
    Role.COORDINATOR: QT_TRANSLATE_NOOP("auth_labels", "Center coordination"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("auth_labels", "Supervision"),
    Role.ADMIN: QT_TRANSLATE_NOOP("auth_labels", "Administration"),
    Role.PATHWAYS: QT_TRANSLATE_NOOP("auth_labels", "Job bank, housing and schooling"),
}

CENTER_STATUS_LABELS: dict[str, str] = {
    CenterStatus.PREPARING: QT_TRANSLATE_NOOP("auth_labels", "Preparing"),
    CenterStatus.OPEN: QT_TRANSLATE_NOOP("auth_labels", "Open"),
    CenterStatus.CLOSING: QT_TRANSLATE_NOOP("auth_labels", "Closing"),
    CenterStatus.CLOSED: QT_TRANSLATE_NOOP("auth_labels", "Closed"),
}

CENTER_PROFILE_LABELS: dict[str, str] = {
    CenterProfile.FAMILIES: QT_TRANSLATE_NOOP("auth_labels", "Families"),
    CenterProfile.SINGLE_MEN: QT_TRANSLATE_NOOP("auth_labels", "Single men"),
    CenterProfile.WOMEN_WITH_CHILDREN: QT_TRANSLATE_NOOP("auth_labels", "Women with children"),
    CenterProfile.MATERNITY: QT_TRANSLATE_NOOP("auth_labels", "Maternity"),
    CenterProfile.RESPIRATORY_ISOLATION: QT_TRANSLATE_NOOP("auth_labels",
                                                           "Respiratory isolation"),
    CenterProfile.CHRONIC_CARE: QT_TRANSLATE_NOOP("auth_labels", "Chronic care"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def role_label(code: str) -> str:
    return tr(ROLE_LABELS[code]) if code in ROLE_LABELS else code


def pairs(table: dict[str, str]) -> list[tuple[str, str]]:
    """(code, translated label) in the table's order."""
    return [(str(code), tr(text)) for code, text in table.items()]
