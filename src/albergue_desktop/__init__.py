"""Albergue: offline-first intake and shelter management for migrant shelters."""

__version__ = "0.1.0"

# A laptop whose clock is earlier than this date has a wrong clock (the app did not exist
# yet): its writes would carry old timestamps, so the app warns before anyone registers.
RELEASE_DATE = "2026-11-26"
