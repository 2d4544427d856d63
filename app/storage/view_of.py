"""A row into its frozen view (app/domain/views.py): the one place rows become views."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

V = TypeVar("V")


def view_of(cls: type[V], row: object, **extra: Any) -> V:
    """Each of the view's fields read from the row's column of the same name, except
    those given in `extra` (what the row does not hold)."""
    names = [f.name for f in fields(cls) if f.name not in extra]  # type: ignore[arg-type]
    return cls(**{name: getattr(row, name) for name in names}, **extra)
