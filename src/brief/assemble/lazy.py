"""Lazy markup: citation markers made only when a template prints them.

Stage: assembly. A view's ``cite`` field must not ask for a footnote until a template prints it,
or every source and figure would get a note whether a reader sees it or not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup

# Markup subclasses, so that templates and Jinja's escaping treat them as the markup they print;
# their __html__ returns the marker made on demand, hence the override of Markup's own type.


class Join(Markup):
    """Several lazy citation markers printed together."""

    _parts: Sequence[Markup]

    def __new__(cls, parts: Sequence[Markup]) -> Join:
        obj = super().__new__(cls, "")
        obj._parts = parts
        return obj

    def __html__(self) -> Markup:  # type: ignore[override]
        return Markup("").join(p.__html__() for p in self._parts)

    def __str__(self) -> str:
        return str(self.__html__())


class Lazy(Markup):
    """A citation marker created only when a template prints it, so a footnote exists only for
    citations a reader sees."""

    _make: Callable[[], Markup]

    def __new__(cls, make: Callable[[], Markup]) -> Lazy:
        obj = super().__new__(cls, "")
        obj._make = make
        return obj

    def __html__(self) -> Markup:  # type: ignore[override]
        return self._make()

    def __str__(self) -> str:
        return str(self._make())
