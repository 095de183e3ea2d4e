"""Albergue: offline-first intake and shelter management for migrant shelters."""

__version__ = "0.1.0"
