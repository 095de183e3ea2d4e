"""A new identity for this database after a restore or a copy, against the central file
that refused it (``albergue-sync rekey FILE --against CENTRAL`` for the desktop; design in
docs/sync-recovery.md). The writes this file made after the fork move to its new site, so
the central file keeps both histories (or logs their differences as conflicts)."""

from __future__ import annotations

from pathlib import Path

from albergue_sync import SyncRefused, recovery
from albergue_sync.files import inspect

from ..domain.permissions import Permission
from ..storage.db import Database
from .context import Actor


def rekey_against(db: Database, actor: Actor, central: Path) -> recovery.RecoveryReport:
    """Give this database a new site and move its writes made after it forked from what
    ``central`` holds. Needs the sync permission; ``central`` is only read."""
    actor.require(Permission.SYNC)
    central = Path(central).expanduser().resolve()
    if inspect(central).site_id == inspect(db.path).site_id:
        raise SyncRefused("{source} is the same database as {target} (site {site}); a file "
                          "cannot be merged into itself.", source=str(db.path),
                          target=str(central), site=inspect(central).site_id[:8])
    db.engine.dispose()  # no pooled connection keeps the old identity cached
    return recovery.rekey(db.path, against=central, user=actor.username)
