"""How figures read in a memo: "$3 billion", "£600 million", "70%", "28 per 100,000", "36,685",
"twice", "4 times", or as the source wrote them ("one-third").

Stage: assembly (the ``figure()`` helper, key-figure tables); the figure ledger records the text
it printed.
"""

from __future__ import annotations

from brief.inputs.models import Figure
from brief.numbers import MONEY

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Signs printed before an amount; another currency prints its code after it ("3 million CHF").
_SIGNS = {"usd": "$", "$": "$", "mxn": "MX$", "gbp": "£", "eur": "€", "cad": "C$", "aud": "A$", "jpy": "¥", "inr": "₹"}


def number(value: float) -> str:
    """A number with thousands separators and no needless decimals."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _scaled(value: float) -> str:
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{number(round(value / size, 2))} {word}"
    return number(value)


def format_value(value: float, unit: str) -> str:
    """The value as a reader expects it for its unit."""
    unit_key = unit.strip().lower()
    if unit_key in _SIGNS:
        return f"{_SIGNS[unit_key]}{_scaled(value)}"
    if unit_key in {code.lower() for code in MONEY}:
        return f"{_scaled(value)} {unit.strip().upper()}"
    if unit_key == "times":
        return "twice" if value == 2 else f"{number(value)} times"
    if unit_key in ("percent", "%", "pct"):
        return f"{number(value)}%"
    if unit_key in ("percentage_points", "pp"):
        return f"{number(value)} percentage points"
    if unit_key in ("per_100k", "per 100,000"):
        return f"{number(value)} per 100,000"
    if unit_key in ("count", "number", "people", ""):
        return _scaled(value) if abs(value) >= 1e6 else number(value)
    return f"{number(value)} {unit.replace('_', ' ')}"


def format_figure(figure: Figure, as_written: bool = True) -> str:
    """The figure as the source wrote it ("one-third") when the summary records that and
    `as_written` holds; else the number formatted for its unit."""
    if as_written and figure.as_written:
        return figure.as_written
    if figure.upper is not None and figure.upper != figure.value and figure.unit.strip().lower() == "times":
        return f"{number(figure.value)} to {number(figure.upper)} times"  # not "twice to 3 times"
    if figure.upper is not None and figure.upper != figure.value:
        # "10 to 20", "$1 billion to $2 billion": the unit is printed on both ends so each
        # reads on its own.
        return f"{format_value(figure.value, figure.unit)} to {format_value(figure.upper, figure.unit)}"
    return format_value(figure.value, figure.unit)
