"""The supplies screens: the distribution queue and the warehouse."""
