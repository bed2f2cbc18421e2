"""Typography: what a typesetter would fix before a memo goes out.

Stage: assembly, the last step: applied to every text run of the Memo (paragraphs, list items,
table cells and headers, headings, chart captions, notes, the heading block, title and subject),
never to a link. Straight quotation marks become curly ones (“ ” ‘ ’, and ’ for apostrophes,
’90s included), the direction read from the character before, which may end the previous run; a
hyphen in a range of years or numbers becomes an en dash (2008–2020, pp. 3–5, January 9–10), but
not in an identifier (25-107431), an ISO date (2019-11-05) or a year and month (2019-11); "--"
becomes an em dash; and a non-breaking space (U+00A0) holds an amount to its scale or unit
("$3 billion", "70 percent") and a month to its day ("Jan. 9"), so neither breaks across lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from brief.assemble.memo import Block, BulletList, Chart, Footnote, HeaderLine, Heading, Inline, Link, Memo, Paragraph, Table, Text

NBSP = "\u00a0"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR_MONTHS = r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Jun\.|Jul\."
_SHORT_MONTHS = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"

_EM = re.compile(r"\s*(?<!-)--(?!-)\s*")
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
# A hyphen between two numbers, neither of them part of a longer identifier or date.
_RANGE = re.compile(rf"(?<![\w.,/-])({_NUMBER})-({_NUMBER})(?![\w/-]|[.,:]\d)")
_MONTH_RANGE = re.compile(rf"\b((?:{_MONTHS}|{_SHORT_MONTHS})\.?)-((?:{_MONTHS}|{_SHORT_MONTHS})\b\.?)")
# "Dec 2019-Feb 2020", "Dec 2019-early 2020": a range from a year to a month or part of a year.
_YEAR_MONTH = re.compile(rf"\b((?:1[89]|20)\d\d)-((?:{_MONTHS}|{_SHORT_MONTHS}|early|mid|late)\b)")
_UNIT = re.compile(r"(\d)[ \t]+(million|billion|trillion|thousand|percent|percentage point|per cent)\b")
_DAY = re.compile(rf"\b({_MONTHS}|{_ABBR_MONTHS})[ \t]+(\d{{1,2}})(?![\d,]\d)")
_OPENS_AFTER = set(" \t\n\u00a0([{<—–-/“‘")


def _is_range(low: str, high: str) -> bool:
    a, b = int(low.replace(",", "")), int(high.replace(",", ""))
    if len(low) == 4 and len(high) == 2 and a >= 1000:
        # "2019-20" is a range; "2019-11" is a year and month.
        return b > a % 100
    # A range runs upward between numbers of like size; 25-107431 is a report number.
    return b > a and len(high.replace(",", "")) <= len(low.replace(",", "")) + 1


def _ranges(text: str) -> str:
    def dash(match: re.Match[str]) -> str:
        low, high = match.group(1), match.group(2)
        return f"{low}–{high}" if _is_range(low, high) else match.group(0)

    text = _RANGE.sub(dash, text)
    return _YEAR_MONTH.sub(r"\1–\2", _MONTH_RANGE.sub(r"\1–\2", text))


def _quotes(text: str, before: str) -> str:
    """Curly quotation marks and apostrophes; `before` is the character ahead of `text`."""
    if '"' not in text and "'" not in text:
        return text
    out: list[str] = []
    prev = before
    for i, c in enumerate(text):
        if c == '"':
            c = "“" if prev == "" or prev in _OPENS_AFTER else "”"
        elif c == "'":
            rest = text[i + 1 : i + 4]
            opening = prev == "" or prev in _OPENS_AFTER
            # An elided decade or year ('90s, '19) takes an apostrophe, not an opening quote.
            c = "’" if not opening or re.match(r"\d\d", rest) else "‘"
        out.append(c)
        prev = c
    return "".join(out)


def typeset(text: str, before: str = "") -> str:
    """`text` set for print; `before` is the character that precedes it, if any."""
    if not text:
        return text
    text = _EM.sub("—", text) if "--" in text else text
    text = _ranges(text) if "-" in text else text
    text = _UNIT.sub(rf"\1{NBSP}\2", text)
    text = _DAY.sub(rf"\1{NBSP}\2", text)
    return _quotes(text, before)


def typeset_runs(runs: Sequence[Inline]) -> tuple[Inline, ...]:
    """Runs set for print, quote direction carried from one run to the next; links untouched."""
    out: list[Inline] = []
    before = ""
    for run in runs:
        if isinstance(run, Text):
            text = typeset(run.text, before)
            out.append(replace(run, text=text) if text != run.text else run)
            before = text[-1:] or before
        else:
            out.append(run)
            if isinstance(run, Link):
                before = run.text[-1:] or before  # a call leaves the character before it in force
    return tuple(out)


def _block(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return replace(block, runs=typeset_runs(block.runs))
    if isinstance(block, BulletList):
        return replace(block, items=tuple(typeset_runs(item) for item in block.items))
    if isinstance(block, Table):
        return replace(
            block,
            header=tuple(typeset(h) for h in block.header),
            rows=tuple(tuple(typeset_runs(cell) for cell in row) for row in block.rows),
            caption=typeset(block.caption) if block.caption else block.caption,
        )
    if isinstance(block, Heading):
        return replace(block, text=typeset(block.text))
    if isinstance(block, Chart):
        return replace(
            block,
            caption=typeset(block.caption) if block.caption else block.caption,
            source=typeset(block.source) if block.source else block.source,
        )
    return block


def typeset_memo(memo: Memo) -> Memo:
    """Every text of the memo set for print (the banner is a marking, and stays as written)."""
    return replace(
        memo,
        title=typeset(memo.title),
        subject=typeset(memo.subject),
        heading=tuple(HeaderLine(line.label, typeset(line.value)) for line in memo.heading),
        sections=tuple(
            replace(s, title=typeset(s.title) if s.title else s.title, blocks=tuple(_block(b) for b in s.blocks)) for s in memo.sections
        ),
        footnotes=tuple(Footnote(f.number, typeset_runs(f.runs)) for f in memo.footnotes),
        author_line=typeset(memo.author_line) if memo.author_line else memo.author_line,
    )
