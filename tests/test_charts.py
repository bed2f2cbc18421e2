"""Charts: drawn deterministically, SVG in HTML and PDF, PNG in DOCX, alt text everywhere."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pypdf
import pytest

from brief.charts import EventPoint, FigurePoint, figures_chart, timeline_chart
from conftest import build_into, sample_workspace

POINTS = [
    FigurePoint("Containers with contraband", 312, "count", "312"),
    FigurePoint("Share of cargo scanned", 4.5, "percent", "4.5%"),
    FigurePoint("Inspections per day", 90, "count", "90"),
]


def test_figures_chart_has_one_panel_per_unit_and_says_what_it_shows() -> None:
    image = figures_chart(POINTS)
    assert image is not None
    assert image.svg.startswith("<svg") and image.png.startswith(b"\x89PNG")
    assert image.svg.count('<g class="panel">') == 2  # units never share an axis
    assert image.alt == (
        "Bar chart of key figures, one panel per unit. "
        "Containers with contraband: 312; Share of cargo scanned: 4.5%; Inspections per day: 90."
    )
    assert figures_chart([]) is None


def test_charts_are_deterministic() -> None:
    from brief import charts

    first = figures_chart(POINTS, width=5.0)
    charts.figures._figures_chart.cache_clear()
    second = figures_chart(POINTS, width=5.0)
    assert first is not None and second is not None and first is not second
    assert first.svg == second.svg and first.png == second.png


def test_timeline_orders_events_and_needs_two() -> None:
    events = [
        EventPoint("2024-03", "March 2024", "Scanners installed at the east gate"),
        EventPoint("2023-11-02", "November 2, 2023", "Port authority reports record seizures"),
    ]
    image = timeline_chart(events)
    assert image is not None
    assert image.alt.startswith("Timeline of 2 events from November 2, 2023 to March 2024: November 2, 2023, Port authority")
    assert timeline_chart(events[:1]) is None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return build_into(sample_workspace(tmp_path_factory.mktemp("charts")), "us-mexico-security")


def _html_chart_alts(html: Path) -> list[str]:
    text = html.read_text(encoding="utf-8")
    return re.findall(r'<figure class="chart">\s*<img src="data:image/svg\+xml;base64,[^"]+" alt="([^"]+)"', text)


def _docx_chart_alts(path: Path) -> tuple[list[str], list[str]]:
    """The pictures of a DOCX and the description of each."""
    with zipfile.ZipFile(path) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        body = archive.read("word/document.xml").decode("utf-8")
    return media, re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', body)


def test_html_carries_svg_with_alt_text(built) -> None:  # type: ignore[no-untyped-def]
    # The staff package's chronology tab draws the timeline; key figures (and their bar chart)
    # are no longer part of it. The public brief keeps both charts.
    staff = _html_chart_alts(built.out / "staff.html")
    assert len(staff) == 1 and staff[0].startswith("Timeline of 8 events")
    public = _html_chart_alts(built.out / "public.html")
    assert len(public) == 2
    assert public[0].startswith("Timeline of 8 events") and public[1].startswith("Bar chart of key figures")
    assert '<figure class="chart">' not in (built.out / "principal.html").read_text(encoding="utf-8")


def test_docx_carries_png_with_alt_text(built) -> None:  # type: ignore[no-untyped-def]
    media, descriptions = _docx_chart_alts(built.docx("staff"))
    assert len(media) == 1 and media[0].endswith(".png")
    assert [d.split(" ")[0] for d in descriptions] == ["Timeline"]
    media, descriptions = _docx_chart_alts(built.docx("public"))
    assert len(media) == 2 and all(n.endswith(".png") for n in media)
    assert [d.split(" ")[0] for d in descriptions] == ["Timeline", "Bar"]
    # The same descriptions as the HTML's alt text.
    assert [html.unescape(d) for d in descriptions] == [html.unescape(a) for a in _html_chart_alts(built.out / "public.html")]


def _figure_alts(node, found: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    node = node.get_object()
    if isinstance(node, pypdf.generic.DictionaryObject):
        if node.get("/S") == "/Figure":
            found.append(str(node.get("/Alt", "")))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pypdf.generic.ArrayObject) else [kids]:
            if isinstance(kid, (pypdf.generic.IndirectObject, pypdf.generic.DictionaryObject)):
                _figure_alts(kid, found)
    return found


def test_tagged_public_pdf_describes_each_chart(built) -> None:  # type: ignore[no-untyped-def]
    reader = pypdf.PdfReader(built.pdf("public"))
    alts = _figure_alts(reader.trailer["/Root"]["/StructTreeRoot"], [])
    assert len(alts) == 2
    assert alts[0].startswith("Timeline of 8 events from") and alts[1].startswith("Bar chart of key figures, one panel per unit.")
    assert "Americans killed by fentanyl" in alts[1]


def test_principal_memo_has_no_chart_and_stays_one_page(built) -> None:  # type: ignore[no-untyped-def]
    assert len(pypdf.PdfReader(built.pdf("principal")).pages) == 1
    with zipfile.ZipFile(built.docx("principal")) as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]


def test_unknown_chart_kind_is_a_template_error(basic: Path) -> None:
    from conftest import brief

    target = basic / "templates" / "sections"
    target.mkdir(parents=True)
    (target / "outlook.md").write_text('{% set title = "Outlook" %}\n{{ chart("pie") }}\n', encoding="utf-8")
    result = brief(basic, "build", "--quiet")
    assert result.exit_code == 1
    assert "templates/sections/outlook.md:2: error: unknown chart kind 'pie' (known: figures, timeline)" in result.output
    assert "Traceback" not in result.output
