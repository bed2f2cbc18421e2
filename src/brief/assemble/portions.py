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
from dataclasses import dataclass

from brief.inputs.markings import CONTROLLED, LEVELS, TOKEN, Marking, parse_marking

_LEVEL_NAMES = {0: "UNCLASSIFIED", 1: "CUI", 2: "CONFIDENTIAL", 3: "SECRET", 4: "TOP SECRET"}
_CODE_NAMES = {"SBU": "SENSITIVE BUT UNCLASSIFIED", "FOUO": "UNCLASSIFIED//FOR OFFICIAL USE ONLY"}
_CONTROLS = {
    "NF": "NOFORN", "NOFORN": "NOFORN", "FOUO": "FOR OFFICIAL USE ONLY", "LES": "LAW ENFORCEMENT SENSITIVE",
    "SBU": "SENSITIVE BUT UNCLASSIFIED", "PROPIN": "PROPIN", "ORCON": "ORCON", "SCI": "SCI",
}  # fmt: skip
_ITEM = re.compile(r"^(?P<lead>\s*(?:[-*+]|\d+[.)])\s+)")
_PORTION_START = re.compile(rf"^(?P<lead>\s*(?:(?:[-*+]|\d+[.)])\s+)?)(?P<mark>{TOKEN})[ \t]*")


@dataclass(frozen=True)
class Portions:
    """The result of applying an audience's rules to a piece of prose."""

    text: str  # what the audience sees
    withheld: tuple[str, ...]  # text of the portions dropped (for the leak check)


def apply_portions(text: str, ceiling: Marking | None, show: bool, tag: Callable[[Marking], str] | None = None) -> Portions:
    """Drop portions above `ceiling`, and show or strip the marks of the others. `tag(marking)`,
    when given, is put at the start of each kept portion (an invisible marker for the caller)."""
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
    if re.search(r"FOUO|OFFICIAL USE|SENSITIVE|\bCUI\b|CONTROLLED", upper):
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
