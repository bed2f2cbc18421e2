"""Portion markings applied to a memo: which portions an audience keeps, and its banner.

Stage: assembly. An analyst marks a portion of the prose by starting it with a marking in
parentheses. For each audience this module keeps the portions the audience may carry, drops the
rest (a public brief carries only unclassified portions without dissemination controls), shows or
hides the marks as the audience asks, and computes the banner from the highest marking left.

A portion is a paragraph (lines up to a blank line) or a list item (a ``-``, ``*``, ``+`` or
``1.`` line and the indented lines under it). Unmarked portions take no level of their own; the
brief's ``classification`` stays the floor of the banner.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from brief.assemble.memo import Block, BulletList, Chart, Inline, Link, Paragraph, PortionMark, Section, Table, Text
from brief.inputs.markings import CONTROLLED, LEVELS, TOKEN, Marking, parse_marking

_LEVEL_NAMES = {0: "UNCLASSIFIED", 1: "CUI", 2: "CONFIDENTIAL", 3: "SECRET", 4: "TOP SECRET"}
# State marks its controlled unclassified information SBU, on an unclassified banner; Defense
# marks it CUI. FOUO is obsolete (CUI replaced it in 2020) but still read.
_CODE_NAMES = {"SBU": "UNCLASSIFIED//SBU", "FOUO": "UNCLASSIFIED//FOR OFFICIAL USE ONLY"}
_CONTROLS = {
    "NF": "NOFORN", "NOFORN": "NOFORN", "FOUO": "FOR OFFICIAL USE ONLY", "LES": "LAW ENFORCEMENT SENSITIVE",
    "SBU": "SBU", "PROPIN": "PROPIN", "ORCON": "ORCON", "SCI": "SCI",
}  # fmt: skip
_ITEM = re.compile(r"^(?P<lead>\s*(?:[-*+]|\d+[.)])\s+)")
_PORTION_START = re.compile(rf"^(?P<lead>\s*(?:(?:[-*+]|\d+[.)])\s+)?)(?P<mark>{TOKEN})[ \t]*")


@dataclass(frozen=True)
class Portions:
    """The result of applying an audience's rules to a piece of prose."""

    text: str  # what the audience sees
    withheld: tuple[str, ...]  # text of the portions dropped (for the leak check)


def apply_portions(text: str, ceiling: Marking | None, show: bool, tag: Callable[[Marking | None], str] | None = None) -> Portions:
    """Drop portions above `ceiling`, and show or strip the marks of the others. `tag(marking)`,
    when given, is put at the start of each kept portion (an invisible marker for the caller);
    `tag(None)` at the start of a portion the analyst left unmarked."""
    lines = text.split("\n")
    out: list[str] = []
    withheld: list[str] = []
    i = 0
    while i < len(lines):
        start = i
        i = _portion_end(lines, start)
        block = lines[start:i]
        first = _PORTION_START.match(block[0])
        if first is None:
            if tag is not None and _is_portion(block[0]):
                lead = _ITEM.match(block[0])
                cut = lead.end() if lead else len(block[0]) - len(block[0].lstrip())
                block[0] = block[0][:cut] + tag(None) + block[0][cut:]
            out.extend(block)
            continue
        marking = parse_marking(first.group("mark"))
        assert marking is not None  # the pattern only matches markings
        if ceiling is not None and not marking.allowed_under(ceiling):
            withheld.append("\n".join([block[0][first.end() :], *block[1:]]))
            continue
        rest = block[0][first.end() :]
        block[0] = first.group("lead") + (tag(marking) if tag else "") + (f"{marking.text} {rest}" if show else rest)
        out.extend(block)
    return Portions("\n".join(out), tuple(withheld))


def _is_portion(line: str) -> bool:
    """A line that starts prose a reader reads as a portion: not a blank line, a heading, a table
    row, a fence or an attribute list (a marker there would break the Markdown)."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(("#", "|", "```", "~~~", "{:", "<"))


def _portion_end(lines: list[str], start: int) -> int:
    """Index after the portion that starts at `start`: a list item runs to the next item or a
    blank line; a paragraph runs to a blank line or a list item."""
    if not lines[start].strip() or lines[start].lstrip().startswith("#"):
        return start + 1
    end = start + 1
    while end < len(lines) and lines[end].strip() and not _ITEM.match(lines[end]) and not lines[end].lstrip().startswith("#"):
        end += 1
    return end


def highest(markings: Iterable[Marking]) -> Marking | None:
    found = list(markings)
    if not found:
        return None
    top = max(m.level for m in found)
    # Unclassified handling controls (FOUO, LES) do not carry into a classified banner.
    controls = tuple(dict.fromkeys(c for m in found for c in m.controls if top < 2 or c not in CONTROLLED))
    codes = [m.code for m in found if m.level == top]
    # "(U//FOUO)" at the controlled level keeps its U code: its banner reads UNCLASSIFIED//FOUO.
    code = next((c for c in ("TS", "S", "C", "CUI", "SBU", "FOUO") if c in codes), codes[0])
    return Marking(code, controls)


def banner_text(marking: Marking) -> str:
    """The banner line for a marking: ``(S//NF)`` -> ``SECRET//NOFORN``."""
    if marking.code in _CODE_NAMES and not marking.controls:
        return _CODE_NAMES[marking.code]
    base = _LEVEL_NAMES[LEVELS[marking.code]] if marking.code not in ("SBU", "FOUO") else _CODE_NAMES[marking.code]
    controls = [_CONTROLS.get(c, c) for c in marking.controls if _CONTROLS.get(c, c) not in base]
    return "//".join([base, *dict.fromkeys(controls)])


def classification_level(banner: str) -> int:
    """The level a written banner (the brief's ``classification``) states."""
    upper = banner.upper()
    for words, level in (("TOP SECRET", 4), ("SECRET", 3), ("CONFIDENTIAL", 2)):
        if words in upper:
            return level
    if re.search(r"FOUO|OFFICIAL USE|SENSITIVE|\bSBU\b|\bCUI\b|CONTROLLED", upper):
        return 1
    return 0


def memo_banner(front: str | None, markings: Iterable[Marking]) -> str | None:
    """The banner of a memo: the highest portion marking present, unless the brief's own
    classification is higher (it is the floor)."""
    top = highest(markings)
    if top is None:
        return front
    if front and classification_level(front) >= top.level:
        return front
    return banner_text(top)


# --- marks on the page ------------------------------------------------------------------------------

# Paragraph styles that are not portions: the decision's Approve / Disapprove line and the
# drafting and clearance lines are form, not content.
NOT_PORTIONS = frozenset({"decision", "decision-lead", "clearance", "clearance-more"})
GENERATED = "(U)"  # what brief writes itself, from published sources, is unclassified


@dataclass(frozen=True)
class Marked:
    """Sections with each portion's marking printed (or removed), and the portions of the
    analyst's prose that carry no marking although the audience shows marks."""

    sections: tuple[Section, ...]
    unmarked: tuple[tuple[str, int | None], ...]  # the text of each, and the line of the brief it was written on


def mark_portions(sections: Iterable[Section], show: bool) -> Marked:
    """Print one marking at the start of every portion when `show`: each paragraph, list item,
    table (in its caption) and chart caption. A portion of the analyst's prose shows its own
    marking (the highest, when a block joins several); text brief generated from the sources
    shows ``(U)``; analyst prose left unmarked shows none and is reported."""
    unmarked: list[tuple[str, int | None]] = []

    def runs(items: tuple[Inline, ...]) -> tuple[Inline, ...]:
        marks = [r.marking for r in items if isinstance(r, PortionMark)]
        rest = tuple(r for r in items if not isinstance(r, PortionMark))
        if not show:
            return rest
        found = [m for mark in marks if mark and (m := parse_marking(mark)) is not None]
        if not found and marks:
            unmarked.append((_plain(rest), next((r.line for r in items if isinstance(r, PortionMark) and r.line), None)))
            return rest
        top = highest(found)
        text = top.text if top is not None else GENERATED
        # After a form's label ("**BLUF:**", "**RECOMMENDATION:**"), as the forms print it; before
        # anything else, a run-in head ("**Cost.**") included.
        # A form label is in capitals; a bold date ("**2021:**") is content and takes the mark before it.
        label = rest[0].text.strip() if rest and isinstance(rest[0], Text) and rest[0].bold else ""
        at = 1 if label.endswith(":") and label[:-1].isupper() else 0
        return (*rest[:at], Text(f"{text} " if at == 0 else f" {text}"), *_lstrip(rest[at:], at))

    def caption(text: str | None, cells: Iterable[tuple[Inline, ...]] = ()) -> str | None:
        marks = [r.marking for cell in cells for r in cell if isinstance(r, PortionMark)]
        if not show:
            return text
        found = [m for mark in marks if mark and (m := parse_marking(mark)) is not None]
        top = highest(found)
        mark = top.text if top is not None else GENERATED
        return f"{mark} {text}" if text else mark

    def block(b: Block) -> Block:
        if isinstance(b, Paragraph):
            # A paragraph all in bold ("**Pros**") heads what follows; it is no portion itself.
            head = all(r.bold for r in b.runs if isinstance(r, Text) and r.text.strip())
            if b.style in NOT_PORTIONS or (head and not any(isinstance(r, PortionMark) for r in b.runs)):
                return Paragraph(tuple(r for r in b.runs if not isinstance(r, PortionMark)), b.style)
            return Paragraph(runs(b.runs), b.style)
        if isinstance(b, BulletList):
            return BulletList(tuple(runs(item) for item in b.items), b.ordered, b.style)
        if isinstance(b, Table):
            cells = [cell for row in b.rows for cell in row]
            rows = tuple(tuple(tuple(r for r in cell if not isinstance(r, PortionMark)) for cell in row) for row in b.rows)
            return replace(b, rows=rows, caption=caption(b.caption, cells))
        if isinstance(b, Chart):
            return replace(b, caption=caption(b.caption))
        return b

    marked = tuple(replace(s, blocks=tuple(block(b) for b in s.blocks)) for s in sections)
    return Marked(marked, tuple(unmarked))


def split_marking(text: str) -> tuple[Marking | None, str]:
    """A one-line text (a subject) and the marking it starts with: ``"(U) Fentanyl"``."""
    match = re.match(rf"^\s*{TOKEN}\s*", text)
    if match is None:
        return None, text
    return parse_marking(match.group(0)), text[match.end() :]


def _plain(items: tuple[Inline, ...]) -> str:
    text = " ".join("".join(r.text for r in items if isinstance(r, Text | Link)).split())
    return text[:70] + ("…" if len(text) > 70 else "")


def _lstrip(items: tuple[Inline, ...], at: int) -> tuple[Inline, ...]:
    """The runs after the inserted mark, without the space that already separated the mark when
    it was text: "(U) approve" rather than "(U)  approve"."""
    if at == 0 and items and isinstance(items[0], Text) and items[0].text[:1].isspace():
        return (replace(items[0], text=items[0].text.lstrip()), *items[1:])
    return items
