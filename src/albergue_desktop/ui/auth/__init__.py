"""Accounts in the UI: first-run setup, sign-in, the idle lock and the administration screen."""
