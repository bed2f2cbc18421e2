"""Scoring one drafted summary against one annotation (benchmarks/annotations/GUIDE.md).

A `Score` holds counts, so scores of many documents add up to the scores of a kind or a part of
the set. Every miss is kept with what was expected and what was drafted, for the confusion list.
A figure matches an annotated one when the values agree, the units are of one family, and the two
verbatim quotes overlap in the text (so a "19" elsewhere in the document does not count).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from brief.inputs.models import SourceSummary

CURRENCIES = {"USD", "GBP", "EUR", "MXN", "CAD"}
MEASURES = (
    "key figure recall", "figure recall", "key figure precision", "figure precision", "labels right", "metadata", "kind", "quote recall",
    "speakers right", "people recall", "organization recall", "organization precision", "options F1", "option stances",
    "core in key points",
    "key points not the title",
)  # fmt: skip


@dataclass
class Score:
    counts: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (measure, document, what)

    def tally(self, measure: str, hit: bool, doc: str = "", what: str = "") -> None:
        self.counts[measure + ":hit"] += int(hit)
        self.counts[measure + ":n"] += 1
        if not hit and what:
            self.misses.append((measure, doc, what))

    def add(self, other: Score) -> None:
        self.counts.update(other.counts)
        self.misses.extend(other.misses)

    def rate(self, measure: str) -> tuple[float, int, int]:
        if measure == "options F1":
            tp, fp, fn = (self.counts[f"options:{k}"] for k in ("tp", "fp", "fn"))
            return (2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan")), tp, tp + fp + fn
        hit, n = self.counts[measure + ":hit"], self.counts[measure + ":n"]
        return (hit / n if n else float("nan")), hit, n


def norm(text: object) -> str:
    words = re.findall(r"\w+", str(text or "").casefold().replace("’", "'").replace("\u2060", ""))
    return " ".join(words)


def family(unit: str) -> str:
    if unit in CURRENCIES:
        return unit
    return {"percent": "percent", "percentage points": "percent", "per_100k": "rate", "times": "times"}.get(unit, "count")


def same_value(a: float, b: float, unit: str = "") -> bool:
    """Within half a percent; a share written as a fraction ("nearly a third", 33.3) is also the
    whole percent an annotator may write for it (33)."""
    if family(unit) == "percent" and (float(a).is_integer() or float(b).is_integer()) and abs(a - b) < 0.5:
        return True
    return abs(a - b) <= max(0.005 * abs(b), 0.05)


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s", "ed", "ing"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def label_right(label: str, accept: list[str]) -> bool:
    words = {_stem(w) for w in norm(label).split()}
    return any(set(map(_stem, norm(a).split())) <= words for a in accept if norm(a))


def _span(haystack: str, needle: str) -> tuple[int, int] | None:
    at = haystack.find(f" {needle} ") if needle else -1
    return (at, at + len(needle) + 2) if at >= 0 else None


def _near(text: str, a: str, b: str) -> bool:
    """The two quotes overlap in the (normalised) text; either one not found there: true."""
    x, y = _span(text, norm(a)), _span(text, norm(b))
    if x is None or y is None:
        return True
    return x[0] < y[1] and y[0] < x[1]


def person_match(drafted: str, gold: dict[str, Any]) -> bool:
    """The drafted name is the annotated one (or a form the annotation accepts), or holds it whole
    ("President Joe Biden" holds "Joe Biden"); a bare surname is not the person."""
    ours = norm(drafted)
    forms = [norm(gold.get("name"))] + [norm(a) for a in gold.get("also") or []]
    return any(f and (ours == f or (len(f.split()) > 1 and f" {f} " in f" {ours} ")) for f in forms)


def org_match(drafted: str, gold: dict[str, Any]) -> bool:
    """The drafted name is the organisation, or holds it with at most two more words ("the U.S.
    Department of Justice" for "Department of Justice")."""
    ours = norm(drafted)
    forms = [norm(gold.get("name"))] + [norm(a) for a in gold.get("also") or []]
    return any(f and (ours == f or (f" {f} " in f" {ours} " and len(ours.split()) - len(f.split()) <= 2)) for f in forms)


def score(doc: str, pred: SourceSummary, gold: dict[str, Any], text: str) -> Score:
    """`text`: the document's cleaned text, to place quotes; `gold`: the annotation's fields."""
    s = Score()
    body = f" {norm(text)} "
    figures = gold.get("figures")
    if figures is not None:
        _figures(s, doc, pred, figures, body)
    meta = gold.get("metadata") or {}
    if meta:
        for name, ours, want in (
            ("title", pred.title, meta.get("title")),
            ("outlet", pred.outlet, meta.get("outlet")),
            ("published", str(pred.published or ""), str(meta.get("published") or "")),
        ):
            if name == "title" and want is None:
                continue
            # A long headline is annotated by its first words and "…" (the project copies no
            # source's sentences): the drafted title must begin with them.
            prefix = name == "title" and str(want).endswith("…")
            hit = f"{norm(ours)} ".startswith(f"{norm(want)} ") if prefix else norm(ours) == norm(want)
            s.tally("metadata", hit, doc, f"{name}: drafted {ours!r}, annotated {want!r}")
        want_authors = meta.get("authors") or []
        hit = {norm(a) for a in pred.authors} == {norm(a) for a in want_authors}
        s.tally("metadata", hit, doc, f"authors: drafted {pred.authors}, annotated {want_authors}")
        if meta.get("kind"):
            s.tally("kind", pred.kind == meta["kind"], doc, f"drafted {pred.kind}, annotated {meta['kind']}")
    for q in gold.get("quotes") or []:
        match = next((p for p in pred.quotes if norm(q["text"]) in norm(p.text)), None)
        s.tally("quote recall", match is not None, doc, f"missed {q['text']!r} ({q['speaker'][0]})")
        if match is not None:
            accepted = [norm(a) for a in q["speaker"]]
            ours = norm(match.speaker)
            hit = any(a and (ours == a or f" {a} " in f" {ours} ") for a in accepted)
            s.tally("speakers right", hit, doc, f"{q['text'][:40]!r}: drafted {match.speaker!r}, annotated {q['speaker']}")
    drafted_people = [p.name for p in pred.people]
    for person in gold.get("people") or []:
        hit = any(person_match(d, person) for d in drafted_people)
        s.tally("people recall", hit, doc, f"missed {person['name']}")
    golden_orgs = gold.get("organizations")
    if golden_orgs is not None:
        for org in golden_orgs:
            s.tally("organization recall", any(org_match(d, org) for d in pred.organizations), doc, f"missed {org['name']}")
        for drafted in pred.organizations:
            s.tally("organization precision", any(org_match(drafted, o) for o in golden_orgs), doc, f"not an organization: {drafted!r}")
    if "options" in gold:
        got, want = {o.id for o in pred.options}, {o["id"] for o in gold["options"] or []}
        s.counts["options:tp"] += len(got & want)
        s.counts["options:fp"] += len(got - want)
        s.counts["options:fn"] += len(want - got)
        s.misses += [("options F1", doc, f"drafted {i}, not discussed") for i in sorted(got - want)]
        s.misses += [("options F1", doc, f"missed {i}") for i in sorted(want - got)]
        drafted = {o.id: o for o in pred.options}
        for option in gold["options"] or []:  # the stance of each option both list
            if option["id"] in drafted:
                mine = drafted[option["id"]]
                s.tally(
                    "option stances",
                    mine.stance == option["stance"],
                    doc,
                    f"{option['id']}: drafted {mine.stance}, annotated {option['stance']} ({mine.quote!r})",
                )
    core = gold.get("core") or []
    if core:
        hit = any(norm(c) in norm(k) for c in core for k in pred.summary)
        s.tally("core in key points", hit, doc, f"none of {len(core)} core sentences ({core[0][:50]!r}…)")
    title = norm(pred.title)
    for point in pred.summary:
        repeats = bool(title) and (norm(point) == title or (title in norm(point) and len(norm(point)) < len(title) + 30))
        s.tally("key points not the title", not repeats, doc, f"repeats the title: {point[:60]!r}")
    return s


def _figures(s: Score, doc: str, pred: SourceSummary, gold: list[dict[str, Any]], body: str) -> None:
    def matches(f: Any, g: dict[str, Any]) -> bool:
        return (
            same_value(f.value, float(g["value"]), f.unit)
            and (g["unit"] == "other" or family(f.unit) == family(g["unit"]))
            and _near(body, f.quote, str(g.get("locator") or ""))
        )

    for g in gold:
        found = next((f for f in pred.figures if matches(f, g)), None)
        where = f"{g['value']:g} {g['unit']} ({g.get('locator')!r})"
        s.tally("figure recall", found is not None, doc, "")
        if g.get("key", True):
            s.tally("key figure recall", found is not None, doc, f"missed {where}")
        if found is not None and g.get("accept"):
            s.tally("labels right", label_right(found.label, g["accept"]), doc, f"{where}: drafted label {found.label!r}")

    def repeats(f: Any, g: dict[str, Any]) -> bool:
        # The same figure stated again elsewhere (a headline, a summary, a transcript's repeats):
        # an annotation lists a fact once. Small counts ("two") are too common to count by value.
        same_unit = g["unit"] == "other" or family(f.unit) == family(g["unit"])
        return same_unit and same_value(f.value, float(g["value"]), f.unit) and (family(f.unit) != "count" or f.value > 10)

    for f in pred.figures:
        hit = any(matches(f, g) or repeats(f, g) for g in gold)
        if f.importance == 3:  # the figures the draft ranks first, which a memo's key figures come from
            s.tally("key figure precision", hit, doc, f"ranked key, not a figure: {f.value:g} {f.unit} from {f.quote!r}")
        s.tally("figure precision", hit, doc, f"not a figure: {f.value:g} {f.unit} from {f.quote!r}")
