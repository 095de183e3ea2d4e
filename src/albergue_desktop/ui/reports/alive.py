"""Callbacks of background work that arrive after their widget is gone (a tab closed, a
dialog deleted) are dropped instead of touching a deleted Qt object."""

from __future__ import annotations

from collections.abc import Callable

from shiboken6 import isValid


def alive(widget, fn: Callable[..., None]) -> Callable[..., None]:
    def call(*args) -> None:
        if isValid(widget):
            fn(*args)
    return call
