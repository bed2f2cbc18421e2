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
    FigurePoint("Containers inspected", 90, "count", "90"),
]

# As the sample's key figures were charted before: deaths beside extraditions on one axis, a
# share beside a growth rate, panels of one bar.
UNLIKE = [
    FigurePoint("Americans killed by fentanyl in the past year (estimate)", 70000, "count", "70,000"),
    FigurePoint("Extraditions from Mexico in the two months after the visit", 37, "count", "37"),
    FigurePoint("Share of firearms recovered that are American", 70, "percent", "70%"),
    FigurePoint("Growth in fentanyl seizures", 80, "percent", "80%"),
    FigurePoint("U.S. security assistance to Mexico", 3e9, "usd", "$3 billion"),
    FigurePoint("Assistance to local police", 97e6, "usd", "$97 million"),
    FigurePoint("Fentanyl seized each month, average", 800, "pounds", "800 pounds"),
]
COMPARABLE = [
    FigurePoint("Overdose deaths in 2021, all drugs, as counted by the national vital statistics system", 107000, "count", "107,000"),
    FigurePoint("Share of overdose deaths involving synthetic opioids", 66, "percent", "66%"),
    FigurePoint("Decline in homicides", -4, "percent", "−4%"),
    FigurePoint("Rise in seizures at the border", 12, "percent", "12%"),
]


def svg_texts(svg: str) -> list[str]:
    """Every line of text drawn in an SVG, as a reader sees it."""
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def panels(svg: str) -> list[list[str]]:
    return [svg_texts(group) for group in re.findall(r'<g class="panel">(.*?)</g>', svg, re.S)]


def test_no_two_unlike_figures_are_charted_and_no_chart_repeats_the_table() -> None:
    # Each of these compares with none: unlike units, unlike kinds (a share, a growth), or the
    # same unit twenty times apart. No panel is left, and a chart would only repeat the table.
    assert figures_chart(UNLIKE) is None
    assert figures_chart([]) is None


def test_figures_share_a_panel_only_when_unit_kind_and_magnitude_match() -> None:
    image = figures_chart(UNLIKE + COMPARABLE)
    assert image is not None
    drawn = panels(image.svg)
    # Counts of one magnitude; shares; changes (one negative): three panels, none of one bar.
    assert [texts[0] for texts in drawn] == ["Number", "Share, percent", "Change, percent"]
    assert all(len([t for t in texts if t[:1].isdigit() or t[:1] in "−-$"]) >= 2 for texts in drawn)
    number, share, change = (" ".join(texts) for texts in drawn)
    assert "70,000" in number and "107,000" in number and "37" not in number.split()
    assert "70%" in share and "66%" in share and "80%" not in share
    assert "80%" in change and "−4%" in change and "12%" in change
    assert "$" not in " ".join(" ".join(texts) for texts in drawn)  # $3 billion and $97 million never meet
    assert "800 pounds" not in image.svg


def test_single_value_groups_produce_no_panel() -> None:
    image = figures_chart(POINTS)
    assert image is not None
    assert image.svg.count('<g class="panel">') == 1  # the one share has no panel of its own
    assert "4.5%" not in image.svg and "Share of cargo" not in image.svg


def test_alt_text_names_every_value_charted() -> None:
    image = figures_chart(UNLIKE + COMPARABLE)
    assert image is not None
    assert image.alt.startswith("Bar chart comparing 7 key figures in 3 panels. Number: Overdose deaths in 2021")
    for value in ("107,000", "70,000", "70%", "66%", "80%", "12%", "−4%"):
        assert value in image.alt
    assert "37" not in image.alt.split(", ")  # what is not drawn is not described
    assert image.title == "Key figures compared"


def test_no_chart_label_is_cut() -> None:
    long_word = "Supercalifragilisticexpialidocious" * 3
    points = [
        FigurePoint(f"A label with a word longer than any column: {long_word} and more words after it", 10, "count", "10"),
        FigurePoint("Containers inspected by hand at the gates of the three northern terminals in the year", 12, "count", "12"),
    ]
    events = [
        EventPoint("2019-06", "June 2019", "Under a tariff threat the government agrees to tighten border enforcement " * 3),
        EventPoint("2020-01-15", "January 15, 2020", f"Ministers sign {long_word}"),
    ]
    for image, labels in ((figures_chart(points), [p.label for p in points]), (timeline_chart(events), [e.what for e in events])):
        assert image is not None
        texts = svg_texts(image.svg)
        assert texts and not any(t.rstrip().endswith(("…", "...")) for t in texts)
        drawn = " ".join(texts).replace(" ", "")
        for label in labels:  # every letter of every label is drawn, in order
            assert " ".join(label.split()).replace(" ", "") in drawn


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
    assert image.title == "Timeline of the chronology, 2023–2024"
    assert svg_texts(image.svg)[:2] == ["November 2, 2023", "Port authority reports record seizures"]
    assert timeline_chart(events[:1]) is None


def test_timeline_grows_with_its_labels_and_marks_long_pauses() -> None:
    short = [EventPoint(f"20{10 + i}-01", f"20{10 + i}", "Short") for i in range(3)]
    long = [EventPoint(e.date, e.shown_date, "A long account of what happened that day " * 6) for e in short]
    small, tall = timeline_chart(short), timeline_chart(long)
    assert small is not None and tall is not None
    assert tall.height_in > small.height_in + 0.3 and tall.width_in == small.width_in
    events = [EventPoint("2008", "2008", "Start"), *(EventPoint(f"2019-0{m}", f"2019-0{m}", "Event") for m in (1, 3, 5, 7))]
    image = timeline_chart(events)
    assert image is not None and "11 years" in svg_texts(image.svg) and "stroke-dasharray" in image.svg


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return build_into(sample_workspace(tmp_path_factory.mktemp("charts")), "us-mexico-security")


def _html_chart_alts(html: Path) -> list[str]:
    text = html.read_text(encoding="utf-8")
    return re.findall(
        r'<figure class="chart">(?:<figcaption>[^<]*</figcaption>)?\s*<img src="data:image/svg\+xml;base64,[^"]+" alt="([^"]+)"', text
    )


def _docx_chart_alts(path: Path) -> tuple[list[str], list[str]]:
    """The pictures of a DOCX and the description of each."""
    with zipfile.ZipFile(path) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        body = archive.read("word/document.xml").decode("utf-8")
    return media, re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', body)


def test_html_carries_svg_with_alt_text(built) -> None:  # type: ignore[no-untyped-def]
    # The staff package's chronology tab draws the timeline; the public brief too, and no
    # key-figures chart: no two of the sample's key figures compare (see UNLIKE).
    staff = _html_chart_alts(built.out / "staff.html")
    assert len(staff) == 1 and staff[0].startswith("Timeline of 8 events")
    public = _html_chart_alts(built.out / "public.html")
    assert len(public) == 1 and public[0].startswith("Timeline of 8 events")
    assert '<figure class="chart">' not in (built.out / "principal.html").read_text(encoding="utf-8")


def _chart_figure(page: Path) -> str:
    return re.search(r'<figure class="chart">.*?</figure>', page.read_text(encoding="utf-8"), re.S).group(0)  # type: ignore[union-attr]


def test_html_chart_scales_to_its_column(built) -> None:  # type: ignore[no-untyped-def]
    figure = _chart_figure(built.out / "public.html")
    img = re.search(r"<img [^>]*>", figure).group(0)  # type: ignore[union-attr]
    # No fixed size on the image: it takes its column's width, up to the size it was drawn at.
    assert not re.search(r"(?<!max-)(width|height)\s*[:=]", img), img
    assert re.search(r'style="max-width: \d+\.\d+in"', img)
    css = (built.out / "public.html").read_text(encoding="utf-8")
    assert re.search(r"figure\.chart img \{[^}]*width: 100%; height: auto;", css)
    import base64

    svg = base64.b64decode(re.search(r"base64,([^\"]+)", img).group(1)).decode("utf-8")  # type: ignore[union-attr]
    assert re.match(r'<svg [^>]*viewBox="0 0 [\d.]+ [\d.]+"', svg)


def test_timeline_shows_the_chronology_in_full_with_title_source_and_mark(built) -> None:  # type: ignore[no-untyped-def]
    import base64

    for audience, mark in (("staff", "(U) "), ("public", "")):
        figure = _chart_figure(built.out / f"{audience}.html")
        assert re.search(rf"<figcaption>{re.escape(mark)}Timeline of the chronology, \d{{4}}–\d{{4}}</figcaption>", figure), figure[:300]
        assert re.search(r'<p class="chart-source">Source: [^<]*Bloomberg[^<]*\.</p>', figure)
        svg = base64.b64decode(re.search(r"base64,([^\"]+)", figure).group(1)).decode("utf-8")  # type: ignore[union-attr]
        drawn = " ".join(svg_texts(svg))
        assert "…" not in drawn
        # Every event of the chronology's list, its full text, is drawn in the chart.
        page = (built.out / f"{audience}.html").read_text(encoding="utf-8")
        chronology = page[page.index(figure) :]
        items = [
            re.sub(r"<[^>]+>", "", item.split('<a class="fnref"')[0]) for item in re.findall(r"<li[^>]*>(.*?)</li>", chronology, re.S)[:8]
        ]
        whats = [html.unescape(item.split(":", 1)[1]).strip(" \u2060") for item in items]
        assert len(whats) == 8
        for what in whats:
            assert what in drawn, what
    # The PDF prints the title with its mark above the chart, and the source line below it.
    text = pypdf.PdfReader(built.pdf("staff")).pages
    joined = " ".join(" ".join(p.extract_text().split()) for p in text)
    assert "(U) Timeline of the chronology, 2008–2022" in joined and "Source: Bloomberg;" in joined


def test_docx_carries_png_with_alt_text(built) -> None:  # type: ignore[no-untyped-def]
    media, descriptions = _docx_chart_alts(built.docx("staff"))
    assert len(media) == 1 and media[0].endswith(".png")
    assert [d.split(" ")[0] for d in descriptions] == ["Timeline"]
    media, descriptions = _docx_chart_alts(built.docx("public"))
    assert len(media) == 1 and all(n.endswith(".png") for n in media)
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
    assert len(alts) == 1
    assert alts[0].startswith("Timeline of 8 events from 2008 to October 13, 2022: 2008, The Mérida Initiative")


def test_key_figures_chart_in_a_built_memo(tmp_path: Path) -> None:
    from conftest import copy_root

    # The two counts of containers with contraband compare; the containers handled (a thousand
    # times more) and the spending (dollars) stand alone, in the table only.
    ws = copy_root("basic", tmp_path)
    spec = ws / "briefs" / "port-security.md"
    text = spec.read_text(encoding="utf-8")
    assert "key_figures: [contraband-harbor-2024," in text
    spec.write_text(text.replace("key_figures: [", "key_figures: [contraband-coast-2024, "), encoding="utf-8")
    built = build_into(ws, "port-security")
    bars = [a for a in _html_chart_alts(built.out / "public.html") if a.startswith("Bar chart")]
    assert bars == [
        "Bar chart comparing 2 key figures. Number: Containers with contraband seized, 340; Containers found with contraband, 312."
    ]
    page = (built.out / "public.html").read_text(encoding="utf-8")
    assert "<figcaption>Key figures compared: number</figcaption>" in page
    # In the PDF: the title above, the values by their bars, the source line below.
    words = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(built.pdf("public")).pages)
    # (pypdf reads the SVG's text after the page's other text.)
    assert "Key figures compared: number Source: Coastal Times; Westmere Harbor Authority." in words
    assert "Number Containers with contraband seized 340 Containers found with contraband 312" in words


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
