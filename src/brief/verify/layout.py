"""Layout rules: what a reader sees go wrong on the page, however right the words are.

Stage: verify. The PDF renderer reads a small summary of each page from WeasyPrint's layout
(:class:`~brief.render.PageLayout`), the DOCX renderer the width of each table and picture against
its section's column (:class:`~brief.render.WideBox`); this module turns them into findings, each
naming the memo, the format and the page. Charts are checked on their SVG: a label must fit the
chart's viewBox and must not end cut short in an ellipsis.

Every rule is an error but ``layout/blank``: a page left half empty because a table or chart that
may not split moved on is sometimes the best the layout can do, and the memo reads right, so it
is advice a workspace may raise to an error in ``brief.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from xml.etree import ElementTree

from brief.assemble.memo import Chart, Memo
from brief.charts.fonts import text_width as chart_text_width
from brief.diagnostics import Diagnostic, Location, diagnostic
from brief.inputs.spec import BriefSpec
from brief.render import Rendered

HALF = 0.5  # a page less full than this, with more body after it, is blank
_SVG = "{http://www.w3.org/2000/svg}"


def check_layout(spec: BriefSpec, memo: Memo, rendered: Mapping[str, Rendered]) -> list[Diagnostic]:
    """The layout faults of one memo's PDF pages, DOCX tables and charts."""
    found: list[Diagnostic] = []
    who = f"{memo.audience} memo"
    here = Location(spec.path)
    pdf = rendered.get("pdf")
    pages = pdf.layout if pdf is not None else ()
    for number, page in enumerate(pages, start=1):
        at = f"page {number} of the {who} PDF"
        for row in page.split_rows:
            found.append(diagnostic("layout/row-split", f"{at} breaks the table row “{row}” onto the next page", _found(spec, row)))
        for note in page.calls:
            if note not in page.notes:
                printed = next((n for n, p in enumerate(pages, start=1) if note in p.notes), None)
                where = f"page {printed}" if printed else "no page"
                found.append(diagnostic("layout/note-away", f"{at} calls note {note}, which is printed on {where}", here))
        for what in page.overflows:
            found.append(diagnostic("layout/overflow", f"{at}: {what}", here))
        for what in page.stranded:
            found.append(diagnostic("layout/stranded", f"{at}: {what}", _heading(spec, what)))
        later = pages[number] if number < len(pages) else None
        if later is not None and page.fill < HALF and not later.forced_break:
            message = f"{at} is {page.fill:.0%} full and the body goes on over the page; keep what moved on with what came before"
            found.append(diagnostic("layout/blank", message, here))
    docx = rendered.get("docx")
    for box in docx.boxes if docx is not None else ():
        if box.width > box.room + 1:
            message = (
                f"the {who} DOCX sets {box.what} {box.width / 72:.2f} in wide in a column of {box.room / 72:.2f} in (section {box.section})"
            )
            found.append(diagnostic("layout/docx-table-width", message, here))
    for chart in _charts(memo):
        for label in clipped_labels(chart.svg, chart.alt):
            title = chart.caption or "a chart"
            found.append(diagnostic("layout/clipped-label", f"the {who}: in “{title[:60]}”, {label}", here))
    return found


def _written_so(label: str, alt: str) -> bool:
    """Whether a label that ends in an ellipsis was written so (the alt text has it whole)."""
    words = " ".join(alt.split())
    stem = label.rstrip(".…").rstrip()
    return bool(stem) and any(f"{stem}{end}" in words for end in ("…", "...", " …"))


def clipped_labels(svg: str, alt: str = "") -> list[str]:
    """What is wrong with each text of an SVG chart that does not fit it: a label cut short with an
    ellipsis, or one whose estimated extent crosses the viewBox. Text under a transform (a
    rotated axis title) is left alone: its extent is not a matter of x alone. Charts wrap their
    labels, so a cut one is a fault, unless the text itself ends so: the chart's alt text, which
    states every label whole, holds the same words before the same ellipsis."""
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError:
        return []
    box = [float(v) for v in re.split(r"[\s,]+", root.get("viewBox", "").strip()) if v] or [0.0, 0.0, 0.0, 0.0]
    if len(box) != 4:
        return []
    left, top, width, height = box
    out: list[str] = []
    for text, size, anchor, x, y, bold in _texts(root, 10.0, "start", False):
        label = " ".join(text.split())
        if not label:
            continue
        if label.endswith(("…", "...")):
            if not _written_so(label, alt):
                out.append(f"the label “{label}” is cut short")
            continue
        # Measured with the bundled face the chart is set in, as the chart measured it.
        extent = chart_text_width(label, size, bold)
        start = x - (extent if anchor == "end" else extent / 2 if anchor == "middle" else 0.0)
        if start < left - 1 or start + extent > left + width + 1 or y > top + height + 1 or y - size < top - 1:
            out.append(f"the label “{label}” runs past the edge of the chart")
    return out


def _texts(node: ElementTree.Element, size: float, anchor: str, bold: bool) -> Iterator[tuple[str, float, str, float, float, bool]]:
    """(text, font size, anchor, x, y, bold) of each <text> (each <tspan> of it)."""
    size = _size(node.get("font-size"), size)
    anchor = node.get("text-anchor", anchor)
    bold = node.get("font-weight", "bold" if bold else "normal") in ("bold", "bolder", "600", "700", "800", "900")
    if node.get("transform"):
        return
    if node.tag in (f"{_SVG}text", "text"):
        spans = [s for s in node if s.tag in (f"{_SVG}tspan", "tspan")]
        if not spans:
            yield "".join(node.itertext()), size, anchor, _number(node.get("x")), _number(node.get("y")), bold
            return
        x, y = _number(node.get("x")), _number(node.get("y"))
        for span in spans:
            x = _number(span.get("x"), x)
            y = _number(span.get("y"), y + _number(span.get("dy")))
            yield "".join(span.itertext()), _size(span.get("font-size"), size), span.get("text-anchor", anchor), x, y, bold
        return
    for child in node:
        yield from _texts(child, size, anchor, bold)


def _number(value: str | None, default: float = 0.0) -> float:
    match = re.match(r"\s*(-?[\d.]+)", value or "")
    return float(match.group(1)) if match else default


def _size(value: str | None, default: float) -> float:
    return _number(value, default) if value else default


def _charts(memo: Memo) -> Iterator[Chart]:
    for section in memo.sections:
        for block in section.blocks:
            if isinstance(block, Chart):
                yield block


def _found(spec: BriefSpec, text: str) -> Location:
    """The brief's line that holds the first words of `text`, else the brief."""
    words = " ".join(text.replace("…", "").split()[:3])
    return spec.find(words) if words else Location(spec.path)


def _heading(spec: BriefSpec, what: str) -> Location:
    """A stranded heading is located at its ``## Heading`` in the brief when the brief writes it."""
    match = re.search(r"heading “(.+?)”", what)
    if match:
        return spec.find(f"## {match.group(1)}")
    return Location(spec.path)
