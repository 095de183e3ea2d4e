"""Synthetic demo data: 12 community centers of Mexicali and the Haitian and Central American
households they sheltered in December 2021 - March 2022, made up from name lists and rates.
Only synthetic data; nothing here describes a real person."""

from .generator import DEMO_PASSWORD, DEMO_USERS, DemoResult, generate_demo

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "DemoResult", "generate_demo"]
