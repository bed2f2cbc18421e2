"""Citation text: note forms and sources-list entries for source summaries, in Chicago notes style.

Stage: assembly.

The first note for a source is full (authors, "title," outlet, date, URL); later notes are short:
the authors' surnames (or the outlet of an unsigned piece), a short title of at most four key
words, and the locator. A note may quote the passage it relies on, so a reader can find it. The
sources list is alphabetical by the first author's surname, inverted ("Córdoba, José de"); an
unsigned piece is led, and sorted, by its outlet. No title is followed by doubled punctuation:
a title that ends in "?", "!" or "." takes no period or comma of ours after it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from brief.assemble.memo import Inline, Link, Text
from brief.inputs.dates import PartialDate
from brief.inputs.dates import long_date as _long
from brief.inputs.models import SourceSummary


def long_date(value: PartialDate | date | None) -> str:
    """'February 7, 2020', 'November 2019', '2019'; 'n.d.' only when the date is unknown."""
    return _long(value)


def partial_date(value: str) -> str:
    """'2019-11' -> 'November 2019'; '2019-11-05' -> 'November 5, 2019'; '2019' -> '2019'."""
    return PartialDate.parse(value).long


def authors_text(authors: Sequence[str]) -> str:
    if not authors:
        return ""
    if len(authors) == 1:
        return authors[0]
    if len(authors) == 2:
        return f"{authors[0]} and {authors[1]}"
    return f"{', '.join(authors[:-1])}, and {authors[-1]}"


_PARTICLES = {"de", "del", "della", "der", "di", "da", "do", "dos", "du", "la", "le", "van", "von", "bin", "al"}
_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}


def _name_parts(name: str) -> tuple[str, str, str]:
    """(given names, particles, surname): 'José de Córdoba' -> ('José', 'de', 'Córdoba')."""
    parts = name.split()
    if parts and parts[-1].lower() in _SUFFIXES and len(parts) > 2:
        parts = parts[:-1]  # "Jr." stays out of the sort key; the name is printed whole elsewhere
    if len(parts) < 2:
        return "", "", name.strip()
    start = len(parts) - 1
    while start > 1 and parts[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(parts[:start]), " ".join(parts[start : len(parts) - 1]), parts[-1]


def surname(name: str) -> str:
    """As a short note names a person: 'José de Córdoba' -> 'de Córdoba'; 'Ryan C. Berg' -> 'Berg'."""
    _, particles, last = _name_parts(name)
    return f"{particles} {last}".strip()


def inverted(name: str) -> str:
    """As a sources list leads with a person: 'José de Córdoba' -> 'Córdoba, José de'."""
    given, particles, last = _name_parts(name)
    rest = f"{given} {particles}".strip()
    return f"{last}, {rest}" if rest else last


def _surnames(authors: Sequence[str]) -> str:
    names = [surname(a) for a in authors]
    if len(names) > 3:
        return f"{names[0]} et al."
    return authors_text(names)


# Words a short title neither counts nor ends on.
_FUNCTION = {
    "a", "an", "the", "and", "or", "but", "nor", "for", "so", "yet", "of", "in", "on", "at", "to", "by", "with", "from",
    "into", "onto", "as", "than", "via", "over", "under", "about", "after", "before", "between", "against", "amid",
    "per", "vs", "vs.", "its", "his", "her", "their", "our", "your", "my", "that", "which", "who", "whom", "whose",
    "this", "these", "those", "if", "then", "up", "out", "off", "through", "across", "toward", "towards", "without",
}  # fmt: skip
_ARTICLES = ("a", "an", "the")
_TRIM = " ,;:.—–-\"'“”‘’"


def short_title(title: str, key_words: int = 4) -> str:
    """A short title: the title's opening words up to `key_words` key words, without a leading
    article, cut at a colon or question mark, never ending on a function word and never with an
    ellipsis. 'The urgent need to bolster US-Mexico security' -> 'Urgent need to bolster US-Mexico'."""
    head = title.strip()
    label, colon, rest = head.partition(":")
    # "FACT SHEET: Second Meeting of ...": a label in capitals before the colon names the
    # kind of document, not the document, so the short title is what follows it.
    if colon and rest.strip() and label.isupper():
        head = rest.strip()
    for stop in (":", "?", "!"):
        cut = head.find(stop)
        if cut > 0:
            head = head[:cut]
    words = head.split()
    if len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]
    kept: list[str] = []
    counted = 0
    for word in words:
        if counted == key_words:
            break
        kept.append(word)
        if word.strip(_TRIM).lower() not in _FUNCTION:
            counted += 1
    while len(kept) > 1 and kept[-1].strip(_TRIM).lower() in _FUNCTION:
        kept.pop()
    text = " ".join(kept).rstrip(_TRIM) if len(kept) < len(words) else " ".join(kept).rstrip(" ,;:—–-")
    if not text:
        return title.strip()
    return text[0].upper() + text[1:]


def _closes(text: str) -> bool:
    """Whether text ends in its own terminal punctuation ('Worse?', 'aid U.S.')."""
    return text.rstrip("”’\"')").endswith((".", "?", "!"))


def _quoted_title(title: str, after: str) -> str:
    """“Title,” or “Title.”: the comma or period goes inside the quotation marks, and is left
    out when the title ends with a question mark or exclamation point (or, for a period, with
    one of its own)."""
    title = title.strip()
    if title.endswith(("?", "!")) or (after == "." and _closes(title)):
        return f"“{title}”"
    return f"“{title}{after}”"


def _nested(span: str) -> str:
    """Quotation marks inside a quoted passage become single ones: “a new ‘national security’ law”."""
    span = re.sub(r'(^|[\s(\[—–-])"', "\\1‘", span).replace('"', "’")
    return span.replace("“", "‘").replace("”", "’")


def _locators(locators: Sequence[str], lead: str = ": ") -> list[Inline]:
    """‘: “first” and “second.”’ — the passages a note quotes, American style (the period inside)."""
    spans = [_nested(loc.strip().rstrip(".").strip()) for loc in locators if loc and loc.strip()]
    spans = list(dict.fromkeys(span for span in spans if span))
    if not spans:
        return []
    quoted = [f"“{span}”" for span in spans]
    quoted[-1] = quoted[-1][:-1] + ".”"
    joined = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
    return [Text(f"{lead}{joined}")]


def full_note(source: SourceSummary, locators: Sequence[str] = ()) -> list[Inline]:
    """The first note for a source: Authors, “Title,” *Outlet*, date, URL: “passage.”"""
    runs: list[Inline] = []
    who = authors_text(source.authors)
    if who:
        runs.append(Text(f"{who}, "))
    runs.append(Text(_quoted_title(source.title, ",") + " "))
    if source.outlet:
        runs.append(Text(source.outlet, italic=True))
        runs.append(Text(", "))
    runs.append(Text(long_date(source.published)))
    if source.url:
        runs.append(Text(", "))
        runs.append(Link(source.url, source.url))
    return _end(runs, locators)


def distinct_short_titles(sources: Sequence[SourceSummary]) -> dict[str, str]:
    """Short titles that tell a memo's sources apart: where two sources of one author or outlet
    would share one ("Fact Sheet"), each keeps more of its title, down to the whole of it."""
    chosen = {s.id: short_title(s.title) for s in sources}

    def fuller(source: SourceSummary, step: int) -> str:
        _, colon, rest = source.title.partition(":")
        if step == 0 and colon and rest.strip():
            return short_title(rest.strip())  # what follows a label such as "Fact Sheet:"
        return short_title(source.title, 4 + 4 * step) if step < 3 else source.title

    for step in range(4):
        seen: dict[tuple[str, str], list[SourceSummary]] = {}
        for source in sources:
            seen.setdefault((_who(source), chosen[source.id].casefold()), []).append(source)
        clashes = [source for group in seen.values() if len({s.id for s in group}) > 1 for source in group]
        if not clashes:
            break
        for source in clashes:
            chosen[source.id] = fuller(source, step)
    return chosen


def _who(source: SourceSummary) -> str:
    return _surnames(source.authors) if source.authors else (source.outlet or "")


def short_note(source: SourceSummary, locators: Sequence[str] = (), title: str | None = None) -> list[Inline]:
    """A later note: Surname(s) or outlet, “Short Title”: “passage.” (or “Short Title.”);
    `title` is the short title that tells this source from the memo's others."""
    who = _who(source)
    title = title or short_title(source.title)
    quoted = f"“{title}”" if _locators(locators) else _quoted_title(title, ".")
    return _end([Text(f"{who}, {quoted}" if who else quoted)], locators)


def ibid(locators: Sequence[str] = ()) -> list[Inline]:
    """The same source as the note just before."""
    return _end([Text("Ibid.")], locators, lead=", ")


def _end(runs: list[Inline], locators: Sequence[str], lead: str = ": ") -> list[Inline]:
    quoted = _locators(locators, lead)
    if quoted:
        return runs + quoted
    if not _closes(_last_text(runs)):
        runs.append(Text("."))
    return runs


def _last_text(runs: list[Inline]) -> str:
    last = runs[-1] if runs else None
    return last.text if isinstance(last, Text) else ""


def join_notes(parts: Sequence[list[Inline]]) -> list[Inline]:
    """Several citations in one note, separated by semicolons (each loses its final period but
    the last)."""
    out: list[Inline] = []
    for index, part in enumerate(parts):
        part = list(part)
        if index < len(parts) - 1 and part and part[-1] == Text("."):
            part.pop()  # the period _end added; an abbreviation's ("n.d.", "Ibid.") stays
        elif index < len(parts) - 1 and isinstance(part[-1], Text) and re.search(r"[^.\s]{2}\.”$", part[-1].text):
            part[-1] = Text(part[-1].text[:-2] + "”", part[-1].bold, part[-1].italic)
        out.extend(part)
        if index < len(parts) - 1:
            out.append(Text("; "))
    return out


def _fold(text: str) -> str:
    """A sort key: accents and case folded, a leading article dropped ('The Hill' sorts under H)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold().strip()
    for article in ("the ", "a ", "an "):
        if plain.startswith(article):
            return plain[len(article) :]
    return plain


def sort_key(source: SourceSummary) -> tuple[str, str, str]:
    """Sources-list order: first author's surname (then given names), else outlet, else title."""
    if source.authors:
        given, _, last = _name_parts(source.authors[0])
        return (_fold(last), _fold(given), _fold(source.title))
    return (_fold(source.outlet or source.title), "", _fold(source.title))


def bibliography_order(sources: Sequence[SourceSummary]) -> list[SourceSummary]:
    return sorted(sources, key=sort_key)


def bibliography(source: SourceSummary) -> list[Inline]:
    """A sources-list entry: Córdoba, José de, and Sadie Gurman. “Title.” *Outlet*, date. URL.
    An unsigned piece is led by its outlet: *Outlet*. “Title.” Date. URL."""
    runs: list[Inline] = []
    when = long_date(source.published)
    if source.authors:
        names = [inverted(source.authors[0]), *source.authors[1:]]
        who = authors_text(names) if len(names) != 2 else f"{names[0]}, and {names[1]}"
        runs.append(Text(who if _closes(who) else who + "."))
        runs.append(Text(" " + _quoted_title(source.title, ".") + " "))
        if source.outlet:
            runs.append(Text(source.outlet, italic=True))
            runs.append(Text(", "))
        runs.append(Text(when if when.endswith(".") else when + "."))
    elif source.outlet:
        runs.append(Text(source.outlet, italic=True))
        runs.append(Text(". " + _quoted_title(source.title, ".") + " "))
        runs.append(Text((when[0].upper() + when[1:]) if when.endswith(".") else when + "."))
    else:
        runs.append(Text(_quoted_title(source.title, ".") + " "))
        runs.append(Text((when[0].upper() + when[1:]) if when.endswith(".") else when + "."))
    if source.url:
        runs.append(Text(" "))
        runs.append(Link(source.url, source.url))
        runs.append(Text("."))
    return runs
