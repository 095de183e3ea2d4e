"""The Sync screens: sending this database to the central file and bringing the central
registry back, the conflicts review, the cross-center duplicates review, and the first run
of a central file."""
