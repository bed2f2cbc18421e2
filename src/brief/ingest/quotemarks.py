"""Quotation marks paired into quotations.

Stage: extraction (used by :mod:`.quotes`). Marks are paired in one pass: a mark opens or closes
by the spaces around it, as a reader tells them apart, so straight marks, curly ones and British
single marks ('text,' he said) all pair. A quotation that runs over paragraphs opens each one and
closes only at the last; a flattened text keeps the opening mark of each paragraph after a
sentence end. Typing slips are read as meant: a mark typed twice ('““We'), an opening mark typed
for a closing one ('“safe“ for all'), a closing mark lost at a paragraph's end.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

MAX_QUOTATION_MARKS = 2_000  # marks looked at; news and reports hold a few hundred at most
MAX_QUOTE = 1_500  # characters of one quotation (of one paragraph of a long one)


@dataclass
class Span:
    """A quotation between two marks, or the paragraph of a long one that does not close."""

    open: int
    close: int  # the closing mark, or where the paragraph (or the text before the next opening) ends
    closed: bool
    chain: int  # the parts of one quotation share it


def _closes_as_typed(text: str, i: int) -> bool:
    """An opening mark typed where a closing one belongs: 'make it “safe and beautiful“ for all'
    (glued to the word before it, with a space or a stop after it)."""
    return (
        i > 0
        and not text[i - 1].isspace()
        and text[i - 1] not in "([{—–-/:“‘…"  # "…“ We tried": an excerpt resumes after an elision
        and (i + 1 == len(text) or text[i + 1].isspace() or text[i + 1] in ",.;:!?)")
    )


def _opens_as_typed(text: str, i: int) -> bool:
    """A closing mark typed where an opening one belongs: 'in our communities…”Through things
    like' (after a space or an elision, glued to a capital)."""
    return text[i] == "”" and (i == 0 or text[i - 1].isspace() or text[i - 1] == "…") and text[i + 1 : i + 2].isupper()


def _double_opens(text: str, i: int) -> bool:
    if text[i] == "“":
        return not _closes_as_typed(text, i)
    if _opens_as_typed(text, i):
        return True
    return (
        text[i] == '"'
        and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-/:")
        and i + 1 < len(text)
        and not text[i + 1].isspace()
    )


def _double_closes(text: str, i: int) -> bool:
    return text[i] == "”" or (text[i] in '"“' and i > 0 and not text[i - 1].isspace() and (text[i] == '"' or _closes_as_typed(text, i)))


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    return (before.isspace() or before in "([—–“") and i + 1 < len(text) and text[i + 1].isalpha()


_SINGLE_CLOSE_AFTER = re.compile(r"[^\S\n]+(?:said|says|he|she|they|it|asked|added|according)\b|[,.;:!?)\n—–]|$")


def _single_closes(text: str, i: int) -> bool:
    """A closing single mark, not an apostrophe: after punctuation ('text,'), or followed by
    punctuation or an attribution ('text' he said). "workers' rights" is a possessive."""
    if i == 0 or text[i - 1].isspace() or (i + 1 < len(text) and text[i + 1].isalnum()):
        return False
    return text[i - 1] in ",.!?;:…" or bool(_SINGLE_CLOSE_AFTER.match(text, i + 1))


def _pair(
    text: str,
    marks: list[int],
    breaks: list[int],
    opens: Callable[[str, int], bool],
    closes: Callable[[str, int], bool],
    chain: int = 0,
) -> list[Span]:
    """Quotations from the positions of one kind of mark, in one pass: each mark closes the open
    quotation, opens one, or continues it into the next paragraph. `chain` numbers the first
    quotation (minus one), so that two kinds of marks never share a number."""
    spans: list[Span] = []
    pending: int | None = None
    inner: set[int] = set()  # the marks of a quotation inside the open one: part of its words
    for n, i in enumerate(marks):
        if i in inner:
            continue
        if pending is not None:
            after = bisect_left(breaks, pending)
            run = _run_on(text, breaks, pending, after, i, closes, chain)
            if run:
                # an excerpt of several paragraphs, opened once and closed at the end of its last
                spans += run
                pending = None
                continue
            if i - pending > MAX_QUOTE:
                if after < len(breaks) and breaks[after] < i:
                    # an excerpt whose later paragraphs were not opened again: its first paragraph
                    # still is a quotation, however far off the closing mark
                    _unclosed(text, spans, pending, breaks[after], chain)
                pending = None
            elif after < len(breaks) and breaks[after] < i:
                # The paragraph ended while the quotation was open: it goes on only if the next
                # paragraph starts with an opening mark.
                starts_next = (after + 1 == len(breaks) or breaks[after + 1] > i) and not text[breaks[after] : i].strip()
                if starts_next and opens(text, i):
                    spans.append(Span(pending, breaks[after], False, chain))
                    pending = i
                    continue
                _unclosed(text, spans, pending, breaks[after], chain)
                pending = None
        if pending is not None and closes(text, i) and i > pending + 1:
            spans.append(Span(pending, i, True, chain))
            pending = None
            continue
        if opens(text, i):
            if pending is not None and i == pending + 1 and text[i] == text[pending]:
                continue  # a mark typed twice: 'promised: ““We will …”'
            if pending is not None and _nested(text, marks, n, breaks):
                inner.add(marks[n + 1])  # '“… the summit, “United We Stand,” could not be more timely.”'
                continue
            if pending is not None and i - pending > 2 and re.search(r"[.!?…][^\S\n]*$", text[i - 3 : i]):
                spans.append(Span(pending, i, False, chain))  # a paragraph break lost: ". "Next paragraph"
            else:
                chain += 1
            pending = i
    if pending is not None:
        after = bisect_left(breaks, pending)
        _unclosed(text, spans, pending, breaks[after] if after < len(breaks) else len(text), chain)
    return spans


RUN_ON_PARAGRAPHS = 6  # paragraphs an excerpt opened once may run over before its closing mark


def _run_on(text: str, breaks: list[int], pending: int, after: int, i: int, closes: Callable[[str, int], bool], chain: int) -> list[Span]:
    """The paragraphs of an excerpt opened once and closed once, at the end of its last paragraph
    ('“Across the border … ¶ More than four months in … ¶ But as the border … funds.”'), as
    published excerpts run: the mark at `i`, the next after the opening at `pending`, must close
    and end its paragraph, the next paragraph must not open with a mark of its own, and at most
    RUN_ON_PARAGRAPHS paragraphs of at most MAX_QUOTE characters each are run over. Each
    paragraph after the first is a span from just before its first character."""
    if i - pending > RUN_ON_PARAGRAPHS * MAX_QUOTE or after >= len(breaks) or breaks[after] >= i or not closes(text, i):
        return []  # (the bound first: nothing further is read for a mark far off)
    last = bisect_left(breaks, i)  # the closing mark's paragraph ends at breaks[last]
    if last - after > RUN_ON_PARAGRAPHS or text[breaks[after] : breaks[after] + 3].lstrip()[:1] in "“\"‘'":
        return []
    end = breaks[last] if last < len(breaks) else len(text)
    if text[i + 1 : end].strip(" .,;*_") or text[pending:i].count("\n\n") != last - after:
        return []
    starts = [pending, *(breaks[k] + 1 for k in range(after, last))]
    ends = [*(breaks[k] for k in range(after, last)), i]
    if any(b - a > MAX_QUOTE for a, b in zip(starts, ends, strict=True)):
        return []
    return [Span(a, b, b == i, chain) for a, b in zip(starts, ends, strict=True)]


def _nested(text: str, marks: list[int], n: int, breaks: list[int]) -> bool:
    """The curly opening mark marks[n], inside an open quotation, opens a quotation within it: the
    next two marks of its paragraph both close ('“… the summit, “United We Stand,” was timely.”')."""
    if text[marks[n]] != "“" or n + 2 >= len(marks):
        return False
    first, second = marks[n + 1], marks[n + 2]
    end = bisect_left(breaks, marks[n])
    para_end = breaks[end] if end < len(breaks) else len(text)
    return second < para_end and text[first] == "”" and text[second] == "”"


def _unclosed(text: str, spans: list[Span], pending: int, para_end: int, chain: int) -> None:
    """A quotation whose closing mark was lost ('said: "Indefinite detention is wrong.' and the
    paragraph ends) runs to its paragraph's end, when that ends a sentence and is near."""
    if para_end - pending <= MAX_QUOTE and text[pending:para_end].rstrip()[-1:] in ".!?…":
        spans.append(Span(pending, len(text[:para_end].rstrip()), False, chain))


def quotation_spans(text: str, breaks: list[int]) -> list[Span]:
    """Quotations in double marks, then in single marks outside them."""
    doubles = [m.start() for _, m in zip(range(MAX_QUOTATION_MARKS), re.finditer(r"[“”\"]", text), strict=False)]
    spans = _pair(text, doubles, breaks, _double_opens, _double_closes)
    covered = [(s.open, s.close) for s in spans]
    starts = [a for a, _ in covered]
    singles = []
    for _, m in zip(range(MAX_QUOTATION_MARKS), re.finditer(r"[‘’']", text), strict=False):
        k = bisect_right(starts, m.start()) - 1
        if k < 0 or covered[k][1] < m.start():
            singles.append(m.start())
    spans += _pair(text, singles, breaks, _single_opens, _single_closes, chain=len(doubles) + 1)
    return sorted(spans, key=lambda s: s.open)


# What a list of quotations holds between them: dashes and bullets, the date and place of each in
# brackets, a "Watch" link's word.
_BETWEEN_QUOTATIONS = re.compile(r"(?:[\s.,;*_—–•-]|\([^()\n]{1,60}\)|\[[^\[\]\n]{1,60}\]|\bWatch\b|✅)*")


def only_quotations(text: str, spans: list[Span], opens: list[int], start: int, end: int) -> bool:
    """The paragraph text[start:end] holds nothing but quotations and what a list puts between
    them (dashes, "(10/29/24)", "Watch"); `opens` are the spans' opening marks, in order."""
    outside, at = [], start
    for span in spans[bisect_left(opens, start) :]:
        if span.open >= end:
            break
        outside.append(text[at : span.open])
        at = span.close + 1
    outside.append(text[at:end])
    return _BETWEEN_QUOTATIONS.fullmatch("".join(outside)) is not None
