"""Conflicts: figures of like labels whose values differ, and what kind of difference it is.

Stage: assembly (the staff memo's "Where Sources Differ" section); ``brief check`` reports the
same pairs, one line each, in the same words (:meth:`Conflict.describe`).

A pair is found when two figures' units are of one family and their labels share most of their
words (a label must name at least two things, "homicides in Mexico", not "figure" or "day", or
any two numbers of a vague label would be set against each other), and:

- their values differ (a range against a value outside it), for overlapping periods;
- one is a monthly rate and the other a yearly total that twelve months of it do not match;
- both are called a record, and the later record is lower than the earlier one.

Every pair is then classified, because differing numbers are not always a disagreement:

- ``measure`` (different measure or scope): one label names something the other does not
  ("fentanyl" deaths against deaths of any cause; murders against violent homicides);
- ``date`` (different date): one measure, but the stated periods differ, or the figures count
  "so far" ("since", "after", "there have been") to the dates their sources were published, and
  those dates differ or are unknown;
- ``contradiction``: one measure, scope and period. Only these "cannot both hold".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from brief.assemble.citations import partial_date
from brief.inputs.models import Figure, SourceSummary
from brief.inputs.summaries import LoadedSummary
from brief.numbers import MONEY

_STOP = {"the", "a", "an", "of", "in", "to", "for", "by", "and", "or", "at", "on", "from", "with", "after", "that", "its", "their"}
# Words that say a number is there, not what it counts.
_VAGUE = {"figur", "numbe", "total", "amoun", "count", "value", "level", "about", "nearl", "more", "over", "than", "some"}

# How `brief check` and the staff memo name each kind: one wording, so they cannot drift apart.
KINDS = {"contradiction": "contradiction", "measure": "different measure or scope", "date": "different date"}


@dataclass(frozen=True)
class Conflict:
    kind: str  # a key of KINDS
    basis: str  # how the values were set against each other: "values" | "rate" | "record"
    first: tuple[LoadedSummary, Figure]
    second: tuple[LoadedSummary, Figure]
    names: tuple[str, str] = ("", "")  # what only the first, and only the second, label names
    measures: tuple[str, str] = ("", "")  # the labels as they read inside a sentence
    reason: str = ""  # why the pair is of its kind: one clause, printed by check and the memo alike

    @property
    def wording(self) -> str:
        return KINDS[self.kind]

    def describe(self) -> str:
        """The one line ``brief check`` prints: the kind's wording, both figures, the reason."""
        (sa, fa), (sb, fb) = self.first, self.second
        return f"{self.wording}: “{fa.quote}” ({sa.id}, {fa.id}) and “{fb.quote}” ({sb.id}, {fb.id}): {self.reason}"


def _num(value: float) -> str:
    return f"{round(value):,}"


def family(unit: str) -> str:
    """What a figure's values can be compared with: money in one currency, percentages, rates,
    multiples ("doubled", "4 times") or counts."""
    key = unit.strip().lower()
    if key in _OTHER_MONEY:
        return f"money {key}"  # pounds and dollars are not compared as numbers
    return {"usd": "money", "percent": "percent", "per_100k": "rate", "times": "multiple"}.get(key, "count")


_OTHER_MONEY = {code.lower() for code in MONEY} - {"usd"}


def years(period: str | None) -> tuple[int, int] | None:
    found = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", period or "")]
    return (min(found), max(found)) if found else None


# Words for one concept, so "killed" and "dying" compare as the same measure.
_DEATH = {"kille": "death", "dying": "death", "died": "death", "death": "death", "fatal": "death", "dead": "death"}
# Related enough to set side by side, not enough to be one series: murders are not all homicides.
_RELATED = {"murde": "homic"}


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    stems = {w[:5] for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if len(w) > 2 and w not in _STOP}
    return frozenset(_RELATED.get(s, s) for s in (_DEATH.get(s, s) for s in stems))


def jaccard(a: Figure, b: Figure) -> float:
    x, y = _stems(a.label), _stems(b.label)
    return len(x & y) / len(x | y) if x and y else 0.0


def overlap(a: Figure, b: Figure) -> float:
    x, y = _stems(a.label), _stems(b.label)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def _within(value: float, low: float, high: float | None) -> bool:
    top = high if high is not None else low
    return min(low, top) * 0.98 <= value <= max(low, top) * 1.02


def _is_record(fig: Figure) -> bool:
    return "record" in (fig.label + " " + fig.quote).lower()


def _specific(fig: Figure) -> bool:
    return len(_stems(fig.label) - _VAGUE) >= 2


def find_conflicts(sources: list[LoadedSummary]) -> list[Conflict]:
    figures = [(s, f) for s in sources for f in s.summary.figures if _specific(f)]
    conflicts: list[Conflict] = []
    for i, (sa, fa) in enumerate(figures):
        for sb, fb in figures[i + 1 :]:
            if family(fa.unit) != family(fb.unit) or overlap(fa, fb) < 0.3:
                continue
            conflict = _compare((sa, fa), (sb, fb))
            if conflict is not None:
                conflicts.append(conflict)
    proper = _proper_words(sources)
    return [_classify(c, proper) for c in _one_to_one(conflicts)]


def _one_to_one(conflicts: list[Conflict]) -> list[Conflict]:
    """Drop "values" pairs where a figure is set against several figures of one other source: a
    list of amounts ("$85 billion for roads, $50 billion for rail") read under one vague label
    is several measures, and sources disagree about one measure at a time."""
    partners: dict[tuple[str, str, str], int] = {}
    for c in conflicts:
        if c.basis == "values":
            for mine, other in ((c.first, c.second), (c.second, c.first)):
                key = (mine[0].id, mine[1].id, other[0].id)
                partners[key] = partners.get(key, 0) + 1
    return [
        c
        for c in conflicts
        if c.basis != "values"
        or (
            partners[(c.first[0].id, c.first[1].id, c.second[0].id)] == 1 and partners[(c.second[0].id, c.second[1].id, c.first[0].id)] == 1
        )
    ]


def _compare(a: tuple[LoadedSummary, Figure], b: tuple[LoadedSummary, Figure]) -> Conflict | None:
    """A pair whose values do not agree, with the basis of the comparison; its kind comes later."""
    fa, fb = a[1], b[1]
    pa, pb = (fa.period or "").lower(), (fb.period or "").lower()
    # A monthly rate against a yearly total: the structure says they may measure one thing, so
    # labels need share only a little.
    if {pa, pb} & {"monthly"} and pa != pb:
        monthly, other = (a, b) if pa == "monthly" else (b, a)
        annual = other[1]
        if years(annual.period) or (annual.period or "").lower() in ("annual", "yearly"):
            expected = monthly[1].value * 12
            if not 0.75 <= annual.value / expected <= 1.25:
                return Conflict("contradiction", "rate", other, monthly)
        return None
    ya, yb = years(fa.period), years(fb.period)
    if ya and yb and ya != yb and _is_record(fa) and _is_record(fb) and overlap(fa, fb) >= 0.6:
        earlier, later = (a, b) if ya[1] < yb[1] else (b, a)
        if later[1].value < earlier[1].value:
            return Conflict("contradiction", "record", earlier, later)
        return None
    if ya and yb and (ya[1] < yb[0] or yb[1] < ya[0]):
        return None  # different periods measure different things
    if not ya and not yb and pa != pb:
        return None
    # Otherwise the labels must say nearly the same thing: "children killed" is part of "women
    # and children killed", and a state's murder rate is not the national one.
    if jaccard(fa, fb) < 0.5:
        return None
    # One source's two numbers for like labels are two measures, not a disagreement (a rate or
    # a record that contradicts itself, above, still is).
    if a[0].id == b[0].id:
        return None
    if _within(fa.value, fb.value, fb.upper) or _within(fb.value, fa.value, fa.upper):
        return None
    return Conflict("contradiction", "values", a, b)


# --- classification -------------------------------------------------------------------------------

# Words that place a figure in time, not say what it counts.
_TIME = {
    "year", "years", "yearly", "annual", "annually", "month", "months", "monthly", "week", "weeks", "weekly", "day", "days",
    "daily", "past", "last", "each", "every", "per", "since", "after", "before", "first", "recent", "recently", "whole",
    "calendar", "fiscal", "quarter", "far", "date", "through", "until", "end", "now", "same", "current", "one", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "all", "new", "estimate", "estimated",
}  # fmt: skip
# Words that join a label's words, naming nothing.
_FUNCTION = {
    "who", "whom", "which", "what", "were", "was", "are", "been", "being", "have", "has", "had", "into", "than", "more", "less",
    "about", "over", "under", "out", "this", "these", "those", "they", "them", "there", "not", "among", "such", "any", "both",
}  # fmt: skip
# Participles that name how a count was made ("seized", "found"), not what it counts.
_IRREGULAR = {
    "found", "made", "held", "taken", "seen", "sold", "shot", "caught", "known", "given", "brought", "kept", "lost", "paid",
    "sent", "built", "spent", "rose", "fell", "grew", "led", "put", "hit", "cut", "set", "done",
}  # fmt: skip
# The rest of a label after these is who says it, not what is counted.
_ATTRIBUTION = re.compile(r",?\s*\b(?:according to|as reported by|reported by|as described by|says|said|per)\b.*$", re.I)
# A figure that counts "so far" stands as of the day its source was published.
_SO_FAR = re.compile(r"\b(?:since|so far|to date|thus far|as of|until now|there have been|have been|has been|after|subsequently)\b", re.I)
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


def _measure_text(label: str) -> str:
    """A label without its asides: "(a record)", "(estimate)", "according to a former official"."""
    return _ATTRIBUTION.sub("", re.sub(r"\s*\([^()]*\)", "", label)).strip()


def _tokens(text: str) -> list[tuple[str, str | None]]:
    """Each word of `text` with its stem, or None for a word that says nothing of the measure."""
    out: list[tuple[str, str | None]] = []
    for word in _WORD.findall(text):
        w = word.lower().strip(".’'")
        w = re.sub(r"[’']s$", "", w)
        if len(w) <= 2 or w in _STOP or w in _TIME or w in _FUNCTION:
            out.append((word, None))
            continue
        out.append((word, _DEATH.get(w[:5], w[:5])))
    return out


def _verb(word: str) -> bool:
    w = word.lower()
    return (w.endswith("ed") and len(w) > 4 and not word[0].isupper()) or w in _IRREGULAR


def _only_in(a: Figure, b: Figure, b_source: SourceSummary) -> list[str]:
    """The words of a's label that name something b's label and quote do not: "fentanyl" in
    "Americans killed by fentanyl" against "Americans dying each month". Verbs of counting do
    not count; nor does a name (a capitalised word) that b's source names in its title, key
    points or labels, which is b's setting left unsaid; nor a label's first word when the other
    label's first word is in it ("Criminals Mexico extradited" counts what "Extraditions from
    Mexico" counts)."""
    mine = [(w, s) for w, s in _tokens(_measure_text(a.label)) if s]
    theirs = [(w, s) for w, s in _tokens(_measure_text(b.label)) if s]
    other = {s for _, s in theirs} | {s for _, s in _tokens(b.quote) if s}
    setting = _setting(b_source)
    mine_stems = {s for _, s in mine}
    head, their_head = (mine[0][1] if mine else None), (theirs[0][1] if theirs else None)
    drop_head = head != their_head and their_head in mine_stems and head not in {s for _, s in theirs}
    words = []
    for index, (word, stem) in enumerate(mine):
        if stem in other or _verb(word) or (index == 0 and drop_head) or (word[:1].isupper() and index > 0 and stem in setting):
            continue
        words.append(stem)
    return list(dict.fromkeys(words))


def _setting(summary: SourceSummary) -> frozenset[str]:
    texts = [summary.title, *summary.summary, *(f.label for f in summary.figures)]
    return frozenset(s for text in texts for _, s in _tokens(text) if s)


def _named(label: str, stems: list[str], proper: frozenset[str]) -> str:
    """The words of `label` with these stems, as the label writes them: neighbouring words stay
    together, across one small word ("violent homicides", "state of Guerrero"); runs are joined
    by "and"."""
    wanted = set(stems)
    runs: list[list[str]] = []
    open_run = False
    pending: list[str] = []
    for index, (word, stem) in enumerate(_tokens(_measure_text(label))):
        shown = _inline(word, proper) if index == 0 else word
        if stem is not None and stem in wanted:
            if open_run and len(pending) <= 1:
                runs[-1].extend([*pending, shown])
            else:
                runs.append([shown])
            open_run, pending = True, []
        elif open_run and stem is None and not pending:
            pending = [shown]
        else:
            open_run, pending = False, []
    return " and ".join(" ".join(run) for run in runs)


def _inline(word: str, proper: frozenset[str]) -> str:
    """A label's first word as it reads inside a sentence: "murders", but "Americans"."""
    if word[:1].isupper() and word[1:2].islower() and word not in proper:
        return word[0].lower() + word[1:]
    return word


def inline_label(label: str, proper: frozenset[str]) -> str:
    """A label as it reads after "counts": its first letter lower case unless it is a name."""
    first = _WORD.match(label)
    if first is None or first.start() != 0:
        return label
    return _inline(first.group(0), proper) + label[first.end() :]


def _proper_words(sources: list[LoadedSummary]) -> frozenset[str]:
    """Words the sources capitalise inside a sentence (after a lower-case word or a comma): names,
    such as "Americans", which keep their capital inside a sentence."""
    found: set[str] = set()
    for s in sources:
        m = s.summary
        texts = [*m.summary, *(f.label for f in m.figures), *(f.quote for f in m.figures), *(q.text for q in m.quotes)]
        for text in texts:
            found.update(re.findall(r"(?<=[a-z,;] )([A-Z][\w’'-]+)", text))
    return frozenset(found)


def published(summary: SourceSummary) -> str | None:
    """A source's publication date as "YYYY", "YYYY-MM" or "YYYY-MM-DD", whatever type the model
    holds it in (a date, a partial-date string, or an object with year and perhaps month and day)."""
    value: Any = getattr(summary, "published", None)
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return text
    year = getattr(value, "year", None)
    if isinstance(year, int):
        month, day = getattr(value, "month", None), getattr(value, "day", None)
        if not isinstance(month, int):
            return f"{year:04d}"
        return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if isinstance(day, int) else "")
    return None


def _shown_date(iso: str | None) -> str:
    return partial_date(iso) if iso else "undated"


def _period(fig: Figure) -> str:
    return re.sub(r"\s*[-–—]\s*", "-", " ".join((fig.period or "").lower().split()))


def _classify(c: Conflict, proper: frozenset[str]) -> Conflict:
    (sa, fa), (sb, fb) = c.first, c.second
    measures = (inline_label(fa.label, proper), inline_label(fb.label, proper))
    only_a, only_b = _only_in(fa, fb, sb.summary), _only_in(fb, fa, sa.summary)
    if only_a or only_b:
        names = (_named(fa.label, only_a, proper), _named(fb.label, only_b, proper))
        if names[0] and names[1]:
            said = f"the first names {names[0]}, the second {names[1]}"
        else:
            said = f"only the {'first' if names[0] else 'second'} names {names[0] or names[1]}"
        tail = "likely two series, so both records can hold" if c.basis == "record" else "they measure different things, so both can hold"
        if c.basis == "rate":  # the sum a reader would make, and why it proves nothing
            said = f"twelve months at {_num(fb.value)} make {_num(fb.value * 12)}, but {said}"
        return replace(c, kind="measure", names=names, measures=measures, reason=f"{said}: {tail}")
    c = replace(c, measures=measures)
    if c.basis == "rate":
        annual, monthly = _num(fa.value), fb.value
        why = f"twelve months at {_num(monthly)} make {_num(monthly * 12)}, against {annual} for the year: the two cannot both hold"
        return replace(c, reason=why)
    if c.basis == "record":
        return replace(c, reason="the later record is below the earlier one: the two cannot both be records of one series")
    pa, pb = _period(fa), _period(fb)
    if pa and pb and pa != pb:
        return replace(c, kind="date", reason=f"they cover different periods ({fa.period} and {fb.period}), so both can hold")
    if (not pa and not pb) or _SO_FAR.search(f"{fa.label} {fa.quote}") or _SO_FAR.search(f"{fb.label} {fb.quote}"):
        # Counted "so far": each figure stands as of its source's date.
        da, db = published(sa.summary), published(sb.summary)
        if da is None or db is None or da != db:
            undated = [n for n, d in (("first", da), ("second", db)) if d is None]
            if undated:
                whose = "both sources are" if len(undated) == 2 else f"the {undated[0]} source is"
                why = f"each counts up to its source’s date, and {whose} undated, so the two need not disagree"
            else:
                why = f"each counts up to its source’s date ({_shown_date(da)} and {_shown_date(db)}), so both can hold"
            return replace(c, kind="date", reason=why)
    return replace(c, reason="one measure, scope and period: the two cannot both hold")
