"""Household registration (intake): :class:`RegistrationDialog`."""

from .registration import RegistrationDialog

__all__ = ["RegistrationDialog"]
