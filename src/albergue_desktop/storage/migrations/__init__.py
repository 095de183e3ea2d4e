"""The database file format lives in the Qt-free sync package (``albergue_sync.schema``) so
the sync engine can be installed on its own; this module re-exports it for the desktop."""

from albergue_sync.schema import (  # noqa: F401
    APP_ID, CURRENT_SCHEMA_VERSION, MIGRATIONS, SQLITE_HEADER, apply, initialize, load,
    new_identity, split_statements,
)
