"""Markdown to Memo blocks.

Stage: assembly. Section templates and the analyst's prose are Markdown; this module turns that
Markdown into the format-neutral blocks and inline runs of :mod:`brief.assemble.memo`. Citations,
bibliography entries, charts and portion marks travel through Markdown as markers
(:mod:`.markers`); a resolver turns each marker into runs (a footnote call, a link) or a block, in
reading order, so footnotes are numbered as the reader meets them.

Only a small, known set of HTML elements is understood; anything else (raw HTML in the source
text, scripts) is reduced to its text or dropped, so no markup from a source reaches a renderer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown

from brief.assemble.markers import Kind, Markers
from brief.assemble.memo import Block, BulletList, Chart, FootnoteRef, Heading, Inline, Link, Paragraph, Table, Text
from brief.untrusted import clean_text

# A marker resolves to inline runs, or to a chart (a block, kept when it is a paragraph's only run).
Piece = Inline | Chart
Resolver = Callable[[Kind, str], Sequence[Piece]]


@dataclass(frozen=True)
class _Expand:
    """How to find this memo's markers in text, and what each stands for."""

    resolve: Resolver
    pattern: re.Pattern[str]


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    _VOID = frozenset({"br", "hr", "img", "input", "meta", "link"})
    _DROP = frozenset({"script", "style", "iframe", "object", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {})
        self.stack = [self.root]
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._DROP:
            self.dropping += 1
            return
        if self.dropping:
            return
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in self._VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._DROP:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.stack[-1].children.append(data)


_md = markdown.Markdown(extensions=["tables", "attr_list", "sane_lists"], output_format="html")


def markdown_to_blocks(text: str, resolve: Resolver, markers: Markers) -> list[Block]:
    """Convert Markdown (with markers) to blocks; `resolve(kind, key)` expands each of the
    memo's markers. Anything marker-like that is not one of them is dropped with the rest of
    the private-use and control characters."""
    expand = _Expand(resolve, markers.pattern)
    _md.reset()
    builder = _TreeBuilder()
    builder.feed(_md.convert(text))
    builder.close()
    blocks: list[Block] = []
    for child in builder.root.children:
        _block(child, blocks, expand)
    return blocks


def _block(node: _Node | str, out: list[Block], resolve: _Expand) -> None:
    if isinstance(node, str):
        if node.strip():
            out.append(Paragraph(tuple(_inlines(_pieces([node], resolve)))))
        return
    style = _style(node)
    if node.tag == "p":
        pieces = _pieces(node.children, resolve)
        runs = _trim(_inlines(pieces))
        if runs:
            out.append(Paragraph(tuple(runs), style or "body"))
        # A chart marker (on a line of its own, as chart() writes it) resolves to the chart block.
        out.extend(piece for piece in pieces if isinstance(piece, Chart))
    elif node.tag in ("ul", "ol"):
        items = [tuple(_trim(_inline(_flatten_item(li), resolve))) for li in node.children if isinstance(li, _Node) and li.tag == "li"]
        out.append(BulletList(tuple(i for i in items if i), node.tag == "ol", style or "body"))
    elif node.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        text = "".join(r.text for r in _inline(node.children, resolve) if isinstance(r, Text))
        out.append(Heading(text.strip(), max(1, int(node.tag[1]) - 2)))
    elif node.tag == "table":
        out.append(_table(node, resolve))
    elif node.tag in ("div", "blockquote", "section"):
        for child in node.children:
            _block(child, out, resolve)
    elif node.tag == "hr":
        return
    else:
        runs = _trim(_inline([node], resolve))
        if runs:
            out.append(Paragraph(tuple(runs), style or "body"))


def _style(node: _Node) -> str | None:
    classes = node.attrs.get("class", "").split()
    return classes[0] if classes else None


def _flatten_item(li: _Node) -> list[_Node | str]:
    # Loose lists wrap items in <p>; a memo bullet is one paragraph, so join them.
    parts: list[_Node | str] = []
    for child in li.children:
        if isinstance(child, _Node) and child.tag == "p":
            if parts:
                parts.append(" ")
            parts.extend(child.children)
        else:
            parts.append(child)
    return parts


def _inline(children: list[_Node | str], resolve: _Expand) -> list[Inline]:
    """Inline runs of a node's children (a chart can only stand as a paragraph of its own)."""
    return _inlines(_pieces(children, resolve))


def _inlines(pieces: list[Piece]) -> list[Inline]:
    return [piece for piece in pieces if not isinstance(piece, Chart)]


def _pieces(children: list[_Node | str], resolve: _Expand, bold: bool = False, italic: bool = False) -> list[Piece]:
    runs: list[Piece] = []
    for child in children:
        if isinstance(child, str):
            runs.extend(_text_runs(child, resolve, bold, italic))
        elif child.tag in ("strong", "b"):
            runs.extend(_pieces(child.children, resolve, True, italic))
        elif child.tag in ("em", "i"):
            runs.extend(_pieces(child.children, resolve, bold, True))
        elif child.tag == "br":
            runs.append(Text("\n", bold, italic))
        else:
            # Links written in Markdown are kept as text: URLs reach memos only through link(),
            # which the assembly controls.
            runs.extend(_pieces(child.children, resolve, bold, italic))
    return _merge(runs)


def _text_runs(text: str, resolve: _Expand, bold: bool, italic: bool) -> list[Piece]:
    runs: list[Piece] = []
    pos = 0
    for match in resolve.pattern.finditer(text):
        if match.start() > pos:
            runs.append(Text(_squash(text[pos : match.start()]), bold, italic))
        runs.extend(resolve.resolve(Kind(match.group(1)), match.group(2)))
        pos = match.end()
    if pos < len(text):
        runs.append(Text(_squash(text[pos:]), bold, italic))
    return runs


def _squash(text: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", clean_text(text))


def _merge(runs: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for run in runs:
        last = merged[-1] if merged else None
        if isinstance(run, Text) and isinstance(last, Text) and (last.bold, last.italic) == (run.bold, run.italic):
            merged[-1] = Text(last.text + run.text, run.bold, run.italic)
        elif not (isinstance(run, Text) and not run.text):
            merged.append(run)
    return merged


def _trim(runs: list[Inline]) -> list[Inline]:
    if runs and isinstance(runs[0], Text):
        runs[0] = Text(runs[0].text.lstrip(), runs[0].bold, runs[0].italic)
    if runs and isinstance(runs[-1], Text):
        runs[-1] = Text(runs[-1].text.rstrip(), runs[-1].bold, runs[-1].italic)
    # A space before a footnote call would print as a gap before the superscript.
    out: list[Inline] = []
    for run in runs:
        if isinstance(run, FootnoteRef) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text.rstrip(" "), out[-1].bold, out[-1].italic)
        out.append(run)
    return [r for r in out if not (isinstance(r, Text) and not r.text)]


def _table(node: _Node, resolve: _Expand) -> Table:
    header: list[str] = []
    rows: list[tuple[tuple[Inline, ...], ...]] = []
    align: list[str] = []
    for part in _descendants(node, ("tr",)):
        cells = [c for c in part.children if isinstance(c, _Node) and c.tag in ("th", "td")]
        if cells and all(c.tag == "th" for c in cells) and not header:
            header = ["".join(r.text for r in _inline(c.children, resolve) if isinstance(r, Text)).strip() for c in cells]
            align = [_align(c) for c in cells]
        else:
            rows.append(tuple(tuple(_trim(_inline(c.children, resolve))) for c in cells))
    columns = max([len(header)] + [len(r) for r in rows])
    header += [""] * (columns - len(header))
    align += ["left"] * (columns - len(align))
    return Table(tuple(header), tuple(rows), _widths(header, rows), None, tuple(align))


def _align(cell: _Node) -> str:
    style = cell.attrs.get("style", "") + " " + cell.attrs.get("align", "")
    for value in ("right", "center"):
        if value in style:
            return value
    return "left"


def _widths(header: list[str], rows: list[tuple[tuple[Inline, ...], ...]]) -> tuple[float, ...]:
    # Columns get room in proportion to their longest content, within bounds, so a label column
    # is wide and a number column narrow in every format alike; the cap keeps one long label from
    # squeezing short columns into wrapping.
    lengths = []
    for i, title in enumerate(header):
        longest = max([len(title)] + [_width(row[i]) for row in rows if i < len(row)])
        lengths.append(min(max(longest, 8), 36))
    total = sum(lengths) or 1
    return tuple(round(n / total, 4) for n in lengths)


def _width(cell: tuple[Inline, ...]) -> int:
    # A note call takes the room of about two characters.
    return sum(2 if isinstance(r, FootnoteRef) else len(r.text) if isinstance(r, Text | Link) else 0 for r in cell)


def _descendants(node: _Node, tags: tuple[str, ...]) -> list[_Node]:
    found: list[_Node] = []
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag in tags:
                found.append(child)
            found.extend(_descendants(child, tags))
    return found
