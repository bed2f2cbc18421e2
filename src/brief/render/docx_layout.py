"""The room a DOCX gives its tables and pictures, read from the document model.

Stage: render (a helper of :mod:`brief.render.docx`). Word and LibreOffice lay a table out at the
widths of its grid whatever the column around it: a 6.5 in table in a 3.1 in column runs over
the next column or off the page. This module reads, from the finished document's XML, each
section's column width (page width less margins, divided among ``w:cols`` less their gaps) and
each table's and picture's width, for :mod:`brief.verify.layout` to compare. It also gives the
writer the column width of a section, so tables and charts are sized to it.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from brief.render import WideBox

EMU_PER_TWIP = 635
EMU_PER_POINT = 12700


def column_width(sect_pr: Any) -> int:
    """The width of one column of a section, in EMU: the text width between the margins, less
    the gaps, shared among its columns (or the first column's own width when they differ)."""
    size, margins, cols = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar")), sect_pr.find(qn("w:cols"))
    width = _twips(size, "w:w") - _twips(margins, "w:left") - _twips(margins, "w:right")
    if cols is None:
        return width * EMU_PER_TWIP
    own = [_twips(col, "w:w") for col in cols.findall(qn("w:col"))]
    if own and cols.get(qn("w:equalWidth")) in ("0", "false"):
        return own[0] * EMU_PER_TWIP
    count = max(1, int(cols.get(qn("w:num")) or 1))
    gap = _twips(cols, "w:space") if cols.get(qn("w:space")) else 720  # Word's default gap, 0.5 in
    return (width - gap * (count - 1)) // count * EMU_PER_TWIP


def wide_boxes(body: Any) -> tuple[WideBox, ...]:
    """Every table and picture of a document body, with its width and its section's column width,
    in points. A paragraph that carries a ``w:sectPr`` ends a section; the body's own ends the last."""
    pending: list[tuple[str, int]] = []  # (what, width in EMU) of the section being read
    out: list[WideBox] = []
    section = 0

    def close(sect_pr: Any) -> None:
        nonlocal section
        section += 1
        room = column_width(sect_pr) if sect_pr is not None else 0
        for what, width in pending:
            out.append(WideBox(what, width / EMU_PER_POINT, room / EMU_PER_POINT, section))
        pending.clear()

    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            pending.append((_table_name(child), _table_width(child)))
        elif child.tag == qn("w:p"):
            for extent in child.iter(qn("wp:extent")):
                pending.append(("a picture", int(extent.get("cx") or 0)))
            sect_pr = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
            if sect_pr is not None:
                close(sect_pr)
        elif child.tag == qn("w:sectPr"):
            close(child)
    return tuple(out)


def _table_width(table: Any) -> int:
    """A table's width in EMU: its grid's columns, which LibreOffice lays out by (Word reads the
    cells', which brief sets alike)."""
    grid = table.find(qn("w:tblGrid"))
    columns = grid.findall(qn("w:gridCol")) if grid is not None else []
    return sum(_twips(column, "w:w") for column in columns) * EMU_PER_TWIP


def _table_name(table: Any) -> str:
    """The table as a reader knows it: the text of its first row."""
    row = table.find(qn("w:tr"))
    text = " ".join("".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in row.findall(qn("w:tc"))) if row is not None else ""
    return f"the table “{' '.join(text.split()[:8])}”"


def _twips(element: Any, name: str) -> int:
    value = element.get(qn(name)) if element is not None else None
    try:
        return int(float(value)) if value else 0
    except ValueError:
        return 0
