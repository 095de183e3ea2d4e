"""Queue screens' shared widgets (the scanner input)."""
