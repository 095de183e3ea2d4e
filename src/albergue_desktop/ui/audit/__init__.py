"""The audit log viewer: supervision and administration."""
