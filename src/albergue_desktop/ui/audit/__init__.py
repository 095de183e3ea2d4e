"""The audit log viewer (issue 12): supervision and administration."""
