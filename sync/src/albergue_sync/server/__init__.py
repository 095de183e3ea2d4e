"""``albergue-sync serve``: the one process that owns the central file and speaks HTTPS to
the centers (docs/sync-server.md)."""

from . import messages  # noqa: F401  (the Spanish of the messages below)
