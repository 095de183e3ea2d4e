"""Health screens: the screening form with its live IITT result, and the health section of
the person record (screening history and vaccination summary)."""
