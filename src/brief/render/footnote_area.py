"""A faster footnote area for WeasyPrint: the height of each footnote is laid out once.

Stage: render (a helper of :mod:`brief.render.pdf`). WeasyPrint recomputes the footnote area of a
page each time a footnote joins it, by laying out every footnote already there again, so a page
with n notes lays out n²/2 of them; on a memo that cites on every line this was a fifth of the
whole build. When the notes stack as plain blocks (no vertical margins, no maximum height on the
area, not inside columns), the area's height is the sum of the notes' heights, and each note's
height depends only on the note and the page width: this version lays out each note once per
page width and adds. Anything else (a stylesheet that gives notes margins, say) falls back to
WeasyPrint's own method, so the pages are the same either way; a test holds the two to
byte-identical PDFs.
"""

from __future__ import annotations

from math import inf
from typing import Any

_installed = False


def install() -> None:
    """Replace LayoutContext._update_footnote_area (once per process)."""
    global _installed
    if _installed:
        return
    from weasyprint.layout import LayoutContext

    original = LayoutContext._update_footnote_area

    def update(self: Any) -> bool:
        if not _stackable(self):
            return bool(original(self))
        return _update(self)

    update.original = original  # type: ignore[attr-defined]
    LayoutContext._update_footnote_area = update
    _installed = True


def uninstall() -> None:
    """Put WeasyPrint's own method back (for the test that compares the two)."""
    global _installed
    from weasyprint.layout import LayoutContext

    original = getattr(LayoutContext._update_footnote_area, "original", None)
    if original is not None:
        LayoutContext._update_footnote_area = original
    _installed = False


def _zero(value: Any) -> bool:
    return bool(getattr(value, "value", value) == 0)


def _stackable(context: Any) -> bool:
    area = context.current_footnote_area
    if context.in_column or area is None or getattr(area.style["max_height"], "value", None) != inf:
        return False
    return all(
        note.style["footnote_display"] == "block" and _zero(note.style["margin_top"]) and _zero(note.style["margin_bottom"])
        for note in context.current_page_footnotes
    )


def _update(context: Any) -> bool:
    area = context.current_footnote_area
    if area.height != "auto" and not context.in_column:
        context.page_bottom += area.margin_height()
    notes = context.current_page_footnotes
    area.children = notes
    if not notes:
        area.height = 0
        context.page_bottom -= area.margin_height()
        return False
    heights = context.__dict__.setdefault("_brief_note_heights", {})
    width = area.page.width
    total = 0.0
    for note in notes:
        key = (id(note), width)
        if key not in heights:
            heights[key] = (_note_height(context, area, note), note)  # keep the note alive: ids stay unique
        total += heights[key][0]
    area.height = total
    context.page_bottom -= area.margin_height()
    return False


def _note_height(context: Any, area: Any, note: Any) -> float:
    """The margin height of one note laid out alone in the page's footnote area."""
    from weasyprint.formatting_structure import build
    from weasyprint.layout.block import block_level_layout

    saved = area.children
    area.children = [note]
    try:
        alone = build.create_anonymous_boxes(area.deepcopy())
        laid = block_level_layout(context, alone, -inf, None, area.page)[0]
    finally:
        area.children = saved
    return float(laid.height)
