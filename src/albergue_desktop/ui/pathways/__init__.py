"""Screens of the exit pathways: the pathway board and the forms of each module."""
