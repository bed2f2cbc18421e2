"""Honest conflicts: every pair of differing figures is a contradiction, a different measure or
scope, or a different date, and `brief check` and the staff memo's "Where Sources Differ" say
the same of each pair."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from brief.assemble.conflicts import KINDS, find_conflicts, inline_label, published
from brief.inputs.models import Figure, SourceSummary
from brief.inputs.summaries import LoadedSummary
from conftest import brief, copy_root


def source(sid: str, *figures: Figure, date: Any = None, **fields: Any) -> LoadedSummary:
    summary = SourceSummary(id=sid, title=f"Report {sid}", outlet=f"Outlet {sid.upper()}", figures=list(figures), **fields)
    # Set without validation: a partial date ("2020-01") may reach `published` once the model takes one.
    return LoadedSummary(summary.model_copy(update={"published": date}), Path(f"seeds/{sid}.yaml"))


def fig(fid: str, value: float, label: str, period: str | None, quote: str, upper: float | None = None) -> Figure:
    return Figure(id=fid, value=value, upper=upper, unit="count", label=label, period=period, quote=quote)


def only(sources: list[LoadedSummary]):  # type: ignore[no-untyped-def]
    found = find_conflicts(sources)
    assert len(found) == 1, [c.describe() for c in found]
    return found[0]


# --- the three kinds ---------------------------------------------------------------------------


def test_a_rate_of_another_measure_is_not_a_contradiction() -> None:
    # Twelve months of the second are far above the first, but only the first is about fentanyl.
    c = only(
        [
            source(
                "a",
                fig("year", 70000, "Americans killed by fentanyl in the past year (estimate)", "2022", "70,000 Americans last year"),
                fig(
                    "month",
                    9000,
                    "Americans dying each month, according to a former official",
                    "monthly",
                    "9,000 Americans dying every month",
                ),
            )
        ]
    )
    assert (c.kind, c.wording, c.basis) == ("measure", "different measure or scope", "rate")
    assert c.names == ("fentanyl", "")
    assert (
        c.reason
        == "twelve months at 9,000 make 108,000, but only the first names fentanyl: they measure different things, so both can hold"
    )
    assert "cannot" not in c.describe()


def test_a_rate_of_the_same_measure_contradicts_the_yearly_total() -> None:
    c = only(
        [
            source(
                "a",
                fig("year", 70000, "Americans killed by fentanyl in the past year", "2022", "70,000 Americans last year"),
                fig("month", 9000, "Americans killed by fentanyl each month", "monthly", "9,000 Americans every month"),
            )
        ]
    )
    assert (c.kind, c.basis) == ("contradiction", "rate")
    assert c.reason == "twelve months at 9,000 make 108,000, against 70,000 for the year: the two cannot both hold"


def test_records_of_two_series_are_a_difference_of_measure() -> None:
    c = only(
        [
            source("a", fig("m18", 36685, "Murders in Mexico (a record)", "2018", "a record 36,685 in 2018")),
            source("b", fig("h19", 34500, "Violent homicides in Mexico (described as a new record)", "2019", "record with 34,500 killed")),
        ]
    )
    assert (c.kind, c.basis) == ("measure", "record")
    assert c.names == ("murders", "violent homicides")
    assert c.reason == "the first names murders, the second violent homicides: likely two series, so both records can hold"
    assert c.measures == ("murders in Mexico (a record)", "violent homicides in Mexico (described as a new record)")


def test_records_of_one_series_contradict() -> None:
    c = only(
        [
            source("a", fig("m18", 36685, "Murders in Mexico (a record)", "2018", "a record 36,685 in 2018")),
            source("b", fig("m19", 34500, "Murders in Mexico (a new record)", "2019", "a new record of 34,500")),
        ]
    )
    assert (c.kind, c.basis) == ("contradiction", "record")
    assert "cannot both be records" in c.reason


def test_jurisdictions_are_a_difference_of_scope() -> None:
    c = only(
        [
            source("a", fig("fed", 150000, "Federal prison population", "2023", "150,000 in federal prisons")),
            source("b", fig("st", 1000000, "State prison population", "2023", "a million in state prisons")),
        ]
    )
    assert c.kind == "measure" and c.names == ("federal", "state")
    assert c.reason.startswith("the first names federal, the second state:")


def test_counts_so_far_at_different_dates_differ_by_date() -> None:
    label = "Criminals extradited after the minister's December visit"
    a = fig("a37", 37, "Extraditions after the minister's December visit", "Dec 2019-Feb 2020", "there have been 37 extraditions")
    b = fig("b10", 10, label, "Dec 2019-Feb 2020", "extradited 10 to 20 criminals", upper=20)
    dated = only([source("a", a, date=dt.date(2020, 2, 7)), source("b", b, date="2020-01")])
    assert dated.kind == "date" and dated.wording == "different date"
    assert dated.reason == "each counts up to its source’s date (February 7, 2020 and January 2020), so both can hold"
    undated = only([source("a", a, date=dt.date(2020, 2, 7)), source("b", b)])
    assert undated.kind == "date"
    assert undated.reason == "each counts up to its source’s date, and the second source is undated, so the two need not disagree"
    # The same count taken on the same day is a contradiction.
    same = only([source("a", a, date=dt.date(2020, 2, 7)), source("b", b, date=dt.date(2020, 2, 7))])
    assert same.kind == "contradiction" and same.reason == "one measure, scope and period: the two cannot both hold"


def test_different_periods_of_one_measure_differ_by_date() -> None:
    c = only(
        [
            source("a", fig("a", 340, "Containers with contraband seized", "2024", "340 containers in 2024")),
            source("b", fig("b", 250, "Containers found with contraband", "Jan-Sep 2024", "contraband in 250 containers")),
        ]
    )
    assert c.kind == "date" and c.reason == "they cover different periods (2024 and Jan-Sep 2024), so both can hold"


def test_one_measure_scope_and_period_is_a_contradiction() -> None:
    # "seized" and "found" say how a count was made, not what it counts.
    c = only(
        [
            source("a", fig("a", 340, "Containers with contraband seized", "2024", "340 containers in 2024")),
            source("b", fig("b", 312, "Containers found with contraband", "2024", "contraband in 312 containers")),
        ]
    )
    assert (c.kind, c.basis) == ("contradiction", "values")
    assert c.describe() == (
        "contradiction: “340 containers in 2024” (a, a) and “contraband in 312 containers” (b, b): "
        "one measure, scope and period: the two cannot both hold"
    )


def test_agreeing_figures_are_no_pair() -> None:
    assert (
        find_conflicts(
            [
                source("a", fig("a", 340, "Containers with contraband seized", "2024", "340 containers in 2024")),
                source("b", fig("b", 341, "Containers found with contraband", "2024", "contraband in 341 containers")),
            ]
        )
        == []
    )


# --- helpers -------------------------------------------------------------------------------------


@dataclass
class _YearMonth:
    year: int
    month: int | None = None


def test_published_reads_any_partial_date() -> None:
    def of(value: Any) -> str | None:
        return published(SourceSummary.model_construct(id="x", title="t", published=value))

    assert of(dt.date(2020, 2, 7)) == "2020-02-07"
    assert of("2020-01") == "2020-01" and of("2019") == "2019"
    assert of(_YearMonth(2019, 12)) == "2019-12" and of(_YearMonth(2019)) == "2019"
    assert of(None) is None and of("soon") is None


def test_inline_label_keeps_names_capitalised() -> None:
    assert inline_label("Murders in Mexico", frozenset({"Americans"})) == "murders in Mexico"
    assert inline_label("Americans killed", frozenset({"Americans"})) == "Americans killed"
    assert inline_label("U.S. citizens killed", frozenset()) == "U.S. citizens killed"


# --- brief check and the staff memo agree ---------------------------------------------------------

COAST_ADDED = "Fentanyl killed 12 dock workers at Westmere in 2024.\nSince January, 41 vessels have been boarded at Westmere.\n"
HARBOR_ADDED = "In 2024, 30 dock workers at Westmere died.\nInspectors have boarded 55 vessels at Westmere since January.\n"
COAST_FIGURES = """  - id: coast-dock-deaths
    value: 12
    unit: count
    label: Dock workers at Westmere killed by fentanyl
    period: "2024"
    quote: Fentanyl killed 12 dock workers
  - id: coast-boardings
    value: 41
    unit: count
    label: Vessels boarded at Westmere since January
    period: "2025"
    quote: 41 vessels have been boarded
"""
HARBOR_FIGURES = """  - id: harbor-dock-deaths
    value: 30
    unit: count
    label: Dock workers at Westmere who died
    period: "2024"
    quote: 30 dock workers at Westmere died
  - id: harbor-boardings
    value: 55
    unit: count
    label: Vessels boarded at Westmere since January
    period: "2025"
    quote: boarded 55 vessels
"""


def _add(ws: Path, seed: str, raw: str, text: str, figures: str) -> None:
    raw_path = ws / "raw" / raw
    raw_path.write_text(raw_path.read_text(encoding="utf-8") + text, encoding="utf-8")
    seed_path = ws / "seeds" / seed
    yaml_text = seed_path.read_text(encoding="utf-8").replace("quotes:\n", figures + "quotes:\n", 1)
    digest = hashlib.sha256(raw_path.read_bytes()).hexdigest()
    seed_path.write_text(re.sub(r"source_sha256: \w+", f"source_sha256: {digest}", yaml_text), encoding="utf-8")


@pytest.fixture
def three_kinds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ws = copy_root("basic", tmp_path)
    _add(ws, "coast-2025-03-04.yaml", "coast-news.txt", COAST_ADDED, COAST_FIGURES)
    _add(ws, "harbor-2025.yaml", "harbor-report.txt", HARBOR_ADDED, HARBOR_FIGURES)
    monkeypatch.chdir(ws)
    return ws


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _staff_items(ws: Path) -> list[str]:
    """The bullets of the staff package's "Where Sources Differ" tab, as text without note calls
    and without the portion mark each carries (which they must)."""
    page = (ws / "build" / "port-security" / "staff.html").read_text(encoding="utf-8")
    start = page.index('<section id="disagreements"')
    section = page[start : page.index("</section>", start)]
    assert '<h2 class="tab-title">Tab D – Where Sources Differ</h2>' in section
    items = re.findall(r"<li[^>]*>(.*?)</li>", section, re.S)
    bare = [re.sub(r'<a class="fnref".*?</a>|<span class="footnote">.*?</span>|<[^>]+>', "", item, flags=re.S) for item in items]
    texts = [" ".join(html.unescape(t).replace("\u2060", "").split()) for t in bare]
    assert all(text.startswith("(U) ") for text in texts), texts
    return [text.removeprefix("(U) ") for text in texts]


def test_check_and_staff_memo_classify_alike(three_kinds: Path) -> None:
    check = brief(three_kinds, "check")
    assert check.exit_code == 0, check.stderr
    lines = [line for line in check.stderr.splitlines() if line.endswith("[conflict/figures]")]
    said = {}
    for line in lines:
        message = line.split(": warning: ", 1)[1].removesuffix(" [conflict/figures]")
        wording = message.split(":", 1)[0]
        said[wording] = message.rsplit("): ", 1)[1]
    assert sorted(said) == sorted(KINDS.values())
    assert brief(three_kinds, "build", "--quiet").exit_code == 0
    items = _staff_items(three_kinds)
    assert len(items) == len(lines) == 3
    # Each check line's kind and reason open and close one bullet of the memo, in the same words.
    for wording, reason in said.items():
        assert sum(item.startswith(_sentence(wording)) and item.endswith(_sentence(reason)) for item in items) == 1, (wording, items)
    # Only the contradiction says the two cannot both hold.
    assert [item.split(".")[0] for item in items if "cannot both hold" in item] == ["Contradiction"]
    fentanyl = next(item for item in items if "fentanyl" in item)
    assert fentanyl.startswith("Different measure or scope. Coastal Times’s 12 (2024) counts dock workers at Westmere killed by fentanyl;")
    assert "Only the first names fentanyl: they measure different things, so both can hold." in fentanyl
    boardings = next(item for item in items if "vessels" in item.lower())
    assert "(March 4, 2025 and January 15, 2025)" in boardings or "(January 15, 2025 and March 4, 2025)" in boardings
