"""Bed screens: the bed board of a center (with the day's numbers), check-in, check-out,
transfer and blocking dialogs, the placement of a household and the center configuration."""
