"""Small pieces: figure formatting, verbatim spans, Markdown to blocks, the template contract."""

from __future__ import annotations

from dataclasses import fields

import jinja2
import jinja2.meta
import pytest

from brief.assemble.blocks import markdown_to_blocks
from brief.assemble.context import LayoutContext, SectionContext
from brief.assemble.figuretext import format_value
from brief.assemble.markers import Kind, Markers
from brief.assemble.memo import BulletList, FootnoteRef, Heading, Paragraph, Table, Text
from brief.inputs.templating import BUILTIN, md_escape
from brief.verify.provenance import find_span


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (3_000_000_000, "USD", "$3 billion"),
        (45_000_000, "USD", "$45 million"),
        (1_500, "USD", "$1,500"),
        (70, "percent", "70%"),
        (2.4, "percent", "2.4%"),
        (28, "per_100k", "28 per 100,000"),
        (36685, "count", "36,685"),
        (1_200_000, "count", "1.2 million"),
        (751, "pages", "751 pages"),
        (9, "count", "9"),
    ],
)
def test_format_value(value: float, unit: str, shown: str) -> None:
    assert format_value(value, unit) == shown


def test_find_span_tolerates_quotes_and_white_space() -> None:
    raw = "He said “we are\n  operating again,” and left."
    start, end = find_span(raw, '"we are operating again,"')
    assert raw[start:end] == "“we are\n  operating again,”"
    assert find_span(raw, "not there") is None
    # Two apostrophes written for a double quotation mark, as some wire copy has them
    raw = "Newry lost. ''We will appeal,'' said the manager. It's fine."
    start, end = find_span(raw, '"We will appeal,"')
    assert raw[start:end].startswith("''We will appeal,")
    # A block quotation's marks left inside a joined line, which ingest drops; a comparison stays
    raw = "Roe on > X: > “Factories are > booming” and output is > 5% up."
    start, end = find_span(raw, '"Factories are booming"')
    assert raw[start:end] == "“Factories are > booming”"
    assert find_span(raw, "output is 5% up") is None


def test_markdown_to_blocks_with_citations() -> None:
    notes: list[str] = []

    def resolve(kind: Kind, key: str) -> list:
        notes.append(key)
        return [FootnoteRef(len(notes))]

    markers = Markers()
    marker = markers.make
    text = f"""### Option

A **bold** claim{marker(Kind.CITATION, 0)} and *more*.

- first{marker(Kind.CITATION, 1)}
- second

| A | B |
|:--|--:|
| x | 1{marker(Kind.CITATION, 2)} |

Approve ___
{{: .decision }}
"""
    blocks = markdown_to_blocks(text, resolve, markers)
    assert blocks[0] == Heading("Option", 1)
    assert blocks[1] == Paragraph(
        (Text("A "), Text("bold", bold=True), Text(" claim"), FootnoteRef(1), Text(" and "), Text("more", italic=True), Text("."))
    )
    assert isinstance(blocks[2], BulletList) and blocks[2].items[0] == (Text("first"), FootnoteRef(2))
    table = blocks[3]
    assert isinstance(table, Table) and table.header == ("A", "B") and table.align == ("left", "right")
    assert table.rows[0][1] == (Text("1"), FootnoteRef(3))
    assert blocks[4].style == "decision"
    assert notes == ["0", "1", "2"]


def test_raw_html_and_scripts_never_become_markup() -> None:
    blocks = markdown_to_blocks("Hello <script>alert(1)</script><b>there</b> <a href='http://x'>link</a>", lambda k, v: [], Markers())
    assert blocks == [
        Paragraph(
            (Text("Hello "), Text("there", bold=True), Text(" link")),
        )
    ]


def test_md_escape_neutralises_markdown_and_html() -> None:
    env = jinja2.Environment(autoescape=True, finalize=md_escape)
    out = env.from_string("{{ x }}").render(x="*a* [b](c) <i>")
    blocks = markdown_to_blocks(out, lambda k, v: [], Markers())
    assert blocks == [Paragraph((Text("*a* [b](c) <i>"),))]


def _names(path: str) -> set[str]:
    env = jinja2.Environment()
    source = (BUILTIN / path).read_text(encoding="utf-8")
    tree = env.parse(source)
    # A scoped block sees the loop variables and `set` names of the template around it; Jinja's
    # meta analysis counts those as undeclared, but they are the template's own, not the context's.
    own = {n.name for node in tree.find_all((jinja2.nodes.Assign, jinja2.nodes.For)) for n in node.target.find_all(jinja2.nodes.Name)}
    own |= {node.target.name for node in tree.find_all(jinja2.nodes.Assign) if isinstance(node.target, jinja2.nodes.Name)}
    own |= {node.target.name for node in tree.find_all(jinja2.nodes.For) if isinstance(node.target, jinja2.nodes.Name)}
    return jinja2.meta.find_undeclared_variables(tree) - own


def test_section_templates_use_only_documented_names() -> None:
    documented = {f.name for f in fields(SectionContext)} | {"loop"}
    for template in sorted((BUILTIN / "sections").glob("*.md")):
        assert _names(f"sections/{template.name}") <= documented, template.name


def test_layouts_use_only_documented_names() -> None:
    documented = {f.name for f in fields(LayoutContext)} | {"runs", "block"}  # macros.html
    for name in ("layout.html", "memo.css", "macros.html"):
        assert _names(name) <= documented, name


def test_every_context_field_is_documented() -> None:
    from brief.assemble import context

    for cls in (
        SectionContext,
        LayoutContext,
        context.SourceView,
        context.FigureView,
        context.OptionView,
        context.EventView,
        context.BriefView,
        context.EvidenceView,
    ):
        for f in fields(cls):
            assert f.metadata.get("help"), f"{cls.__name__}.{f.name} has no help text"
