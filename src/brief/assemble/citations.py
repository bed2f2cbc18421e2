"""Citation text: footnotes and bibliography entries for source summaries.

Stage: assembly.

Notes follow the Chicago notes style memo writers use: the first note for a source is full
(authors, "title," outlet, date, URL); later notes for it are short (authors or outlet, short
title). A note for a figure or quotation ends with its verbatim locator, so a reader can find the
passage in the source.
"""

from __future__ import annotations

from datetime import date

from brief.assemble.memo import Inline, Link, Text
from brief.inputs.models import SourceSummary


def long_date(value: date | None) -> str:
    if value is None:
        return "n.d."
    return f"{value:%B} {value.day}, {value.year}"


def partial_date(value: str) -> str:
    """'2019-11' -> 'November 2019'; '2019-11-05' -> 'November 5, 2019'; '2019' -> '2019'."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = date(int(parts[0]), int(parts[1]), 1)
    if len(parts) == 2:
        return f"{month:%B} {parts[0]}"
    return long_date(date(int(parts[0]), int(parts[1]), int(parts[2])))


def authors_text(authors: list[str]) -> str:
    if not authors:
        return ""
    if len(authors) == 1:
        return authors[0]
    if len(authors) == 2:
        return f"{authors[0]} and {authors[1]}"
    return f"{', '.join(authors[:-1])}, and {authors[-1]}"


_PARTICLES = {"de", "del", "della", "der", "di", "da", "do", "dos", "du", "la", "le", "van", "von", "bin", "al"}


def surname(name: str) -> str:
    """'José de Córdoba' -> 'de Córdoba'; 'Ryan C. Berg' -> 'Berg'."""
    parts = name.split()
    start = len(parts) - 1
    while start > 0 and parts[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(parts[start:])


def _surnames(authors: list[str]) -> str:
    names = [surname(a) for a in authors]
    if len(names) > 3:
        return f"{names[0]} et al."
    return authors_text(names)


def _short_title(title: str, words: int = 5) -> str:
    parts = title.split()
    return title if len(parts) <= words else " ".join(parts[:words]) + "…"


def note(source: SourceSummary, first: bool, locator: str | None = None) -> list[Inline]:
    """Footnote runs citing `source`; `locator` is a verbatim span to quote."""
    runs: list[Inline] = []
    if first:
        who = authors_text(source.authors)
        if who:
            runs.append(Text(f"{who}, "))
        runs.append(Text(f"“{source.title},” "))
        if source.outlet:
            runs.append(Text(source.outlet, italic=True))
            runs.append(Text(", "))
        runs.append(Text(long_date(source.published)))
        if source.url:
            runs.append(Text(", "))
            runs.append(Link(source.url, source.url))
    else:
        who = _surnames(source.authors) if source.authors else (source.outlet or "")
        if who:
            runs.append(Text(f"{who}, "))
        runs.append(Text(f"“{_short_title(source.title)}”"))
    if locator:
        # American style: the closing period goes inside the quotation marks.
        runs.append(Text(f": “{locator.strip().rstrip('.')}.”"))
    elif not _last_text(runs).endswith("."):
        runs.append(Text("."))
    return runs


def _last_text(runs: list[Inline]) -> str:
    last = runs[-1] if runs else None
    return last.text if isinstance(last, Text) else ""


def bibliography(source: SourceSummary) -> list[Inline]:
    """A sources-list entry: Authors. "Title." Outlet, date. URL."""
    runs: list[Inline] = []
    who = authors_text(source.authors)
    if who:
        runs.append(Text(f"{who}. "))
    runs.append(Text(f"“{source.title}.” "))
    if source.outlet:
        runs.append(Text(source.outlet, italic=True))
        runs.append(Text(", "))
    when = long_date(source.published)
    runs.append(Text(when if when.endswith(".") else when + "."))
    if source.url:
        runs.append(Text(" "))
        runs.append(Link(source.url, source.url))
    return runs
