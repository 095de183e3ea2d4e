"""The acting user of a service call."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.enums import Role
from ..domain.errors import PermissionDenied
from ..domain.permissions import Permission, allows


@dataclass(frozen=True)
class Actor:
    username: str
    role: str
    center_id: str | None = None

    def require(self, permission: Permission) -> None:
        if not allows(self.role, permission):
            raise PermissionDenied(str(permission))

    def can(self, permission: Permission) -> bool:
        return allows(self.role, permission)


# The headless tools (demo generator, CLI for scripting) act as this system user.
SYSTEM = Actor(username="system", role=Role.SUPERVISOR)
