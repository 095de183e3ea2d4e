"""Albergue's sync engine: merges center databases into a central file and back, with the
guarantees of docs/sync-design.md (convergence, nothing silently lost, atomic, incremental,
safe on bad input). Standard library plus uuid6 and argon2-cffi; no Qt."""

from .engine import Options, SourceReport, merge_files
from .i18n import SyncCancelled, SyncRefused

__all__ = ["Options", "SourceReport", "SyncCancelled", "SyncRefused", "merge_files"]
__version__ = "0.1.0"
