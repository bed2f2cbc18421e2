"""Partial dates: a source dated only by its year, or its year and month, is still dated.

Stage: inputs (the ``published`` field of a source summary), read by assembly (notes, the sources
list, the templates' ``published``) and ingest. A :class:`PartialDate` is as precise as the
source: "2019", "2019-11" or "2019-11-05". YAML may give it as an int (2019), a string or a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

_SHAPE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A year, a year and month, or a full date; `month` and `day` are None when unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # The calendar decides: 2019-02-30 is no date.
        dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """From 2019, "2019", "2019-11", "2019-11-05" or a date."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        match = _SHAPE.match(value.strip())
        if not match:
            raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            return cls(year or 0, month, day)
        except ValueError:
            raise ValueError(f"date {value!r} is not a day of the calendar") from None

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Orders dates of any precision; a year sorts before its months."""
        return (self.year, self.month or 0, self.day or 0)

    @property
    def iso(self) -> str:
        """'2019', '2019-11' or '2019-11-05'."""
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)

    @property
    def long(self) -> str:
        """'2019', 'November 2019' or 'November 5, 2019'."""
        if self.month is None:
            return str(self.year)
        name = f"{dt.date(self.year, self.month, 1):%B}"
        return f"{name} {self.day}, {self.year}" if self.day is not None else f"{name} {self.year}"

    def isoformat(self) -> str:
        """As :meth:`datetime.date.isoformat`, to the source's precision."""
        return self.iso

    def __str__(self) -> str:
        return self.iso


def _validate(value: Any) -> Any:
    return None if value is None else PartialDate.parse(value)


# The model field type: parsed from an int, a string or a date; written back as its ISO form.
Published = Annotated[
    PartialDate,
    BeforeValidator(_validate),
    PlainSerializer(lambda d: d.iso, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}),
]


def long_date(value: PartialDate | dt.date | None) -> str:
    """A date as a reader reads it; 'n.d.' only when it is unknown."""
    if value is None:
        return "n.d."
    return PartialDate.parse(value).long


def business_days_after(start: dt.date, days: int) -> dt.date:
    """The day `days` business days (Monday to Friday) after `start`: the earliest decision date
    a memo may ask for without saying why, and the one `brief new` drafts."""
    current, left = start, days
    while left:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current
