"""Synthetic demo data: 12 community centers of Mexicali and the Haitian and Central American
households they sheltered, as of 15 January 2022 (docs/demo-data.md), made up from name
lists and rates. Only synthetic data; nothing here describes a real person."""

from .generator import DEMO_PASSWORD, DEMO_USERS, DemoResult, generate_demo

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "DemoResult", "generate_demo"]
