"""What the layout checks need of each PDF page, read from WeasyPrint's boxes in one walk.

Stage: render (a helper of :mod:`brief.render.pdf`). The boxes WeasyPrint laid out say what a
reader sees and the written PDF no longer does: which table row a fragment belongs to, which
footnote a call points at, how wide a box is against its column. This module reduces them to a
small :class:`~brief.render.PageLayout` per page, facts named by the text they hold, and leaves
judging them to :mod:`brief.verify.layout`. Walking the boxes costs a few milliseconds a memo,
against the hundreds the layout itself takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from brief.render import PageLayout

# A box may stick out this far (points) before it counts: rounding, and a bold glyph's overhang.
TOLERANCE = 1.0
FORCED_BREAKS = ("page", "left", "right", "recto", "verso")
INVISIBLE = " \t\n\u00a0\u200b\u2060\ufeff"  # what a line may start with and still start with its call
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass
class _Page:
    """What one walk over a page collects."""

    rows: dict[int, str] = field(default_factory=dict)  # id(<tr> element) -> the row's text
    calls: list[tuple[int, int]] = field(default_factory=list)  # (note number, id(note element))
    notes: dict[int, int] = field(default_factory=dict)  # id(note element) -> note number
    overflows: list[str] = field(default_factory=list)
    stranded: list[str] = field(default_factory=list)
    last_lines: dict[int, tuple[str, str]] = field(default_factory=dict)  # flow (page or column) -> (tag, text) of its last line
    bottom: float = 0.0
    blocks: set[int] = field(default_factory=set)  # id() of the elements of the page's block boxes


def page_layouts(document: Any) -> tuple[PageLayout, ...]:
    """The layout summary of every page of a rendered WeasyPrint document."""
    from weasyprint.formatting_structure import boxes

    walked: list[_Page] = []
    for page in document.pages:
        page_box = page._page_box
        found = _Page()
        for child in page_box.children:
            if isinstance(child, boxes.MarginBox):
                continue
            if isinstance(child, boxes.FootnoteAreaBox):
                for note in child.children:
                    found.notes[id(note.element)] = _note_number(note)
                continue
            _walk(child, found, boxes, (id(page_box),), None)
        for tag, text in found.last_lines.values():
            if tag in HEADINGS:
                found.stranded.append(f"the heading “{_short(text)}” ends a page or column, apart from what it heads")
        walked.append(found)
    # A note's number, as printed at its call: the footnote area numbers notes by the same counter.
    numbers = {element: number for found in walked for element, number in found.notes.items()}
    out: list[PageLayout] = []
    for index, (page, found) in enumerate(zip(document.pages, walked, strict=True)):
        later = walked[index + 1].rows if index + 1 < len(walked) else {}
        split = tuple(text for row, text in found.rows.items() if row in later)
        out.append(
            PageLayout(
                fill=_fill(page._page_box, found, boxes),
                forced_break=_starts_forced(page._page_box, walked[index - 1].blocks if index else set()),
                split_rows=split,
                calls=tuple(numbers.get(element, number) for number, element in found.calls),
                notes=tuple(found.notes.values()),
                overflows=tuple(dict.fromkeys(found.overflows)),
                stranded=tuple(dict.fromkeys(found.stranded)),
            )
        )
    return tuple(out)


def _walk(box: Any, found: _Page, boxes: Any, flows: tuple[int, ...], block: Any, repeated: bool = False) -> None:
    """One box and its descendants: rows, calls, overflows and the last line of each flow (the
    page and every column, a line in a column being last of the page too). A header row repeats
    on every page by design, so `repeated` rows are not counted as split."""
    if getattr(box, "is_column", False):
        flows = (*flows, id(box))
    if box.element is not None and isinstance(box, boxes.BlockBox):
        found.blocks.add(id(box.element))
    if isinstance(box, boxes.TableRowGroupBox) and (box.is_header or box.is_footer):
        repeated = True
    if isinstance(box, boxes.TableRowBox) and not repeated:
        found.rows.setdefault(id(box.element), _short(_text(box)))
    if isinstance(box, boxes.LineBox):
        _line(box, found, flows, block)
        return
    if isinstance(box, boxes.BlockBox | boxes.TableCellBox):
        block = box
    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.BlockLevelBox | boxes.ReplacedBox):
            _check_width(child, box, found, boxes)
        _walk(child, found, boxes, flows, block, repeated)
    if isinstance(box, boxes.ReplacedBox | boxes.TableRowBox):
        found.bottom = max(found.bottom, box.position_y + box.margin_height())


def _line(line: Any, found: _Page, flows: tuple[int, ...], block: Any) -> None:
    """A printed line: its note calls, a call that starts it, text sticking out of it."""
    text = _text(line)
    found.bottom = max(found.bottom, line.position_y + line.height)
    for flow in flows:
        found.last_lines[flow] = (_heading_tag(block), text)
    first = True
    for kind, box, note in _inline_leaves(line):
        if kind == "call":
            found.calls.append((_digits(box), id(note.element)))
        if kind != "text" and first:
            found.stranded.append(f"note {_digits(box)}’s number starts a line, away from the word it follows: “{_short(text)}”")
        if kind != "text" or box.text.strip(INVISIBLE):
            first = False
        right = box.position_x + box.width
        if kind == "text" and box.text.strip() and right > line.position_x + line.width + TOLERANCE:
            found.overflows.append(f"the text “{_short(box.text)}” runs {right - line.position_x - line.width:.0f} pt past its column")


def _inline_leaves(box: Any) -> list[tuple[str, Any, Any]]:
    """(kind, box, footnote) of the text boxes and note calls of a line, in order: "call" for a
    footnote's call (with its footnote), "ref" for a link to an endnote, "text" for text."""
    from weasyprint.formatting_structure import boxes

    out: list[tuple[str, Any, Any]] = []
    for child in getattr(box, "children", ()):
        tag = getattr(child, "element_tag", "") or ""
        if getattr(child, "footnote", None) is not None and tag.endswith("::footnote-call"):
            out.append(("call", child, child.footnote))
        elif tag == "a" and "fnref" in (child.element.get("class") or "").split():
            out.append(("ref", child, None))
        elif isinstance(child, boxes.TextBox):
            out.append(("text", child, None))
        else:
            out.extend(_inline_leaves(child))
    return out


def _check_width(child: Any, parent: Any, found: _Page, boxes: Any) -> None:
    """A block, table or picture whose border box ends right of its container's content box."""
    if isinstance(parent, boxes.LineBox | boxes.TableRowBox | boxes.TableRowGroupBox) or child.style["position"] in ("absolute", "fixed"):
        return
    if getattr(parent, "is_table_wrapper", False):
        return  # the wrapper is as wide as its table and is checked against the column
    right = child.border_box_x() + child.border_width()
    room = parent.content_box_x() + parent.width
    if right > room + TOLERANCE:
        found.overflows.append(f"{_describe(child, boxes)} is {right - room:.0f} pt wider than its column")


def _describe(box: Any, boxes: Any) -> str:
    if getattr(box, "is_table_wrapper", False) or isinstance(box, boxes.TableBox):
        return f"the table “{_short(_text(box))}”"
    if isinstance(box, boxes.ReplacedBox) or (box.element_tag or "") in ("figure", "img"):
        alt = box.element.get("alt") if box.element is not None else None
        return f"the picture “{_short(alt or _text(box) or box.element_tag)}”"
    return f"the {box.element_tag or 'box'} “{_short(_text(box))}”"


def _fill(page: Any, found: _Page, boxes: Any) -> float:
    """The share of the page's content height its body and its notes take."""
    top = page.content_box_y()
    height = page.height or 1.0
    notes = sum(child.margin_height() for child in page.children if isinstance(child, boxes.FootnoteAreaBox) and child.children)
    used = max(0.0, found.bottom - top) + notes
    return float(min(1.0, used / height))


def _starts_forced(page: Any, before: set[int]) -> bool:
    """Whether an element that opens the page asks for a page break before it (an element going
    on from the page before keeps its style but started there)."""
    box = page.children[0] if page.children else None
    while box is not None:
        if box.style["break_before"] in FORCED_BREAKS and id(box.element) not in before:
            return True
        children = getattr(box, "children", ())
        box = children[0] if children and not hasattr(children[0], "text") else None
    return False


def _heading_tag(block: Any) -> str:
    return (getattr(block, "element_tag", "") or "") if block is not None else ""


def _note_number(note: Any) -> int:
    """The number the footnote marker prints before a note's text."""
    for child in note.descendants():
        if (getattr(child, "element_tag", "") or "").endswith("::footnote-marker"):
            return _digits(child)
    return 0


def _digits(box: Any) -> int:
    match = re.search(r"\d+", _text(box))
    return int(match.group(0)) if match else 0


def _text(box: Any) -> str:
    if hasattr(box, "text"):
        return str(box.text)
    return " ".join(" ".join(_text(child) for child in getattr(box, "children", ())).split())


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
