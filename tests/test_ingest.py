"""`brief ingest`: readers, cleaning, metadata, extraction, the command, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.ingest.clean import clean
from brief.ingest.draft import draft_summary, sentence_spans
from brief.ingest.extract import find_people, find_quotes
from brief.ingest.figures import find_figures
from brief.ingest.readers import IngestError
from brief.inputs.models import CatalogueOption, SourceSummary
from brief.inputs.summaries import load_summaries
from brief.workspace import Workspace
from conftest import SHARED, brief

ARTICLE = """Harbor patrols doubled as seizures climbed

By Nadia Reyes and Tom Okafor

Published on March 4, 2025

Customs officers seized contraband in 340 containers in 2024, up 12 percent on the year before.
The port authority has spent $45 million on scanners since 2021, and plans to spend $1.2 billion more.

“We inspect more boxes than ever, but we still see only a fraction,” said Inspector General Lena Ortiz.
Rear Admiral Tomas Brandt said: "Joint patrols with our neighbors are the fastest fix we have."

Officials should create a shared scanning program with the neighboring port, the report argues.
In February, the two authorities signed a memorandum on data sharing.

Most Popular

Load more
"""

CATALOGUE = {
    "shared_scanning": CatalogueOption(id="shared_scanning", title="Shared scanning", terms=["shared scanning"]),
    "joint_patrols": CatalogueOption(id="joint_patrols", title="Joint patrols", terms=["joint patrols"]),
}


def figures_of(text: str) -> list[tuple[float, float | None, str]]:
    cleaned = clean(text).text
    return [(f.value, f.upper, f.unit) for f in find_figures(cleaned, sentence_spans(cleaned), 2024)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Aid reached $3 billion last year.", [(3e9, None, "USD")]),
        ("There are about 28 murders per 100,000 inhabitants.", [(28, None, "per_100k")]),
        ("Gunmen killed nine U.S. citizens in the ambush.", [(9, None, "count")]),
        ("Mexico extradited 10 to 20 suspects in January.", [(10, 20, "count")]),
        ("The plan cut funding by one-third over a decade.", [(pytest.approx(33.333, rel=1e-3), None, "percent")]),
        ("Some 70% of weapons seized came from abroad.", [(70, None, "percent")]),
        ("A record 36,685 people were killed.", [(36685, None, "count")]),
        ("Homicides rose 2.4 percent over the same period.", [(2.4, None, "percent")]),
    ],
)
def test_figures_found(sentence: str, expected: list) -> None:
    assert figures_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The law passed in 2019 after a long debate.",
        "He was arrested on October 15, 2020 at the airport.",
        "The meeting began at 3:25 pm on Friday.",
        "She finished 3rd in the race.",
        "Section 5 of the act sets the rules.",
        "The CRS report R48859 and IF10890 cover it.",
        "The COVID-19 pandemic slowed the talks.",
        "One of the officers left, and the two governments met again.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert figures_of(sentence) == []


def test_figure_quote_is_the_verbatim_span() -> None:
    cleaned = clean(ARTICLE).text
    for fig in find_figures(cleaned, sentence_spans(cleaned), 2025):
        assert cleaned[fig.start : fig.end] == fig.quote
        assert len(fig.quote.split()) <= 12


def test_quotations_and_speakers() -> None:
    text = clean(
        """The minister spoke first. “This plan will work for every port we run,” said Minister Ana Duarte.
"It is far too slow for the people who need it," according to Carlos Vega, a union leader.
Vega said, “We will strike. We will not wait another month for answers.”
The so-called “smart border” slogan was everywhere, and so were “hugs, not bullets.”"""
    ).text
    quotes = find_quotes(text, find_people(text))
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ana Duarte", "This plan will work for every port we run"),
        ("Carlos Vega", "It is far too slow for the people who need it"),
        ("Carlos Vega", "We will strike. We will not wait another month for answers."),
    ]
    for q in quotes:
        assert q.text in text


def test_report_style_attributions() -> None:
    """Reports credit documents and offices earlier in the sentence, or sign an epigraph."""
    text = clean(
        """“Ports are where our two economies meet, and where we will meet each other halfway.”

Governor Lena Ortiz
March 3, 2024

According to the Port Authority's 2024 Annual Review (PAR), "container dwell times fell by a fifth after the scanners arrived."

The Customs Service (CS) asserts that "inspections remain uneven across the eastern terminals" in its review.

In May 2024, harbor authorities issued a notice warning shippers to keep manifests from being "filed late or left incomplete."

Commissioner Ray Patel testified that the agency had spent the year training staff and had “cleared the backlog at last.”"""
    ).text
    quotes = {q.text[:20]: q.speaker for q in find_quotes(text, find_people(text))}
    assert quotes == {
        "Ports are where our ": "Lena Ortiz",
        "container dwell time": "Port Authority's 2024 Annual Review",
        "inspections remain u": "Customs Service",
        "filed late or left i": "Harbor authorities",
        "cleared the backlog ": "Ray Patel",
    }


def test_publisher_from_address_and_report_number(tmp_path: Path) -> None:
    from brief.ingest.publishers import publisher_from_series, publisher_from_url

    assert publisher_from_url("https://www.whitehouse.gov/briefing-room/x/") == "The White House"
    assert publisher_from_url("https://obamawhitehouse.archives.gov/the-press-office/x") == "The White House"
    assert publisher_from_url("https://www.congress.gov/crs-product/IF99999") == "Congressional Research Service"
    assert publisher_from_url("https://www.congress.gov/bill/118th-congress") == "Congress.gov"
    assert publisher_from_url("https://example.org/news") is None
    assert publisher_from_url("not a url") is None
    assert publisher_from_series(["Port Security in Brief", "Updated May 1, 2024 (IF99999)"]) == "Congressional Research Service"
    assert publisher_from_series(["See CRS Report R12345 for more."]) is None

    path = tmp_path / "fact.md"
    body = "\n\n".join(ARTICLE.split("\n\n")[3:])
    path.write_text(f"---\ntitle: 'Fact sheet: ports'\nsource_url: https://www.whitehouse.gov/briefing-room/p/\n---\n\n{body}")
    assert draft_summary(path, CATALOGUE, tmp_path).outlet == "The White House"


def test_labelled_header_fields_give_authors(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    body = "\n\n".join(ARTICLE.split("\n\n")[3:])
    path.write_text(f"# Port patrols\n\n| **Authors:** | Reyes, Nadia M.; Okafor, Tom\n\n**Source:** https://www.gao.gov/x\n\n{body}")
    summary = draft_summary(path, CATALOGUE, tmp_path)
    assert summary.authors == ["Nadia M. Reyes", "Tom Okafor"]
    assert summary.outlet == "Government Accountability Office"


def test_clean_drops_furniture_and_repeats() -> None:
    text = "Title here\n\nFirst real paragraph of the story, long enough.\n\nFirst real paragraph of the story, long enough.\n\nShare this article\n\nCopyright 2024 Example Media. All rights reserved.\n\nTags Ports Trade\n\nLast paragraph.\n"  # noqa: E501
    cleaned = clean(text)
    assert cleaned.paragraphs == ["Title here", "First real paragraph of the story, long enough.", "Last paragraph."]


def test_draft_summary_from_an_article(tmp_path: Path) -> None:
    path = tmp_path / "harbor.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    summary = draft_summary(path, CATALOGUE, tmp_path)
    assert summary.title == "Harbor patrols doubled as seizures climbed"
    assert summary.authors == ["Nadia Reyes", "Tom Okafor"]
    assert summary.published.isoformat() == "2025-03-04"
    assert summary.draft is True
    assert 3 <= len(summary.summary) <= 5
    values = {(f.value, f.unit) for f in summary.figures}
    assert {(340, "count"), (12, "percent"), (45e6, "USD"), (1.2e9, "USD")} <= values
    assert {(q.speaker, q.text) for q in summary.quotes} == {
        ("Lena Ortiz", "We inspect more boxes than ever, but we still see only a fraction"),
        ("Tomas Brandt", "Joint patrols with our neighbors are the fastest fix we have."),
    }
    # A news article reports an option, even one a quoted official says should be taken.
    stances = {o.id: o.stance for o in summary.options}
    assert stances == {"shared_scanning": "reports", "joint_patrols": "reports"}
    assert ("2025-02", True) in {(e.date, "memorandum" in e.what) for e in summary.events}
    assert "Most Popular" not in " ".join(summary.summary)


def test_ingest_command_writes_yaml_and_keeps_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "harbor.txt").write_text(ARTICLE, encoding="utf-8")
    result = brief(tmp_path, "ingest", "raw/harbor.txt")
    assert result.exit_code == 0, result.output
    [path] = (tmp_path / "seeds").glob("*.yaml")
    # Without options.yaml, ingest says once that it drafts no option stances.
    note, wrote = result.stderr.strip().splitlines()
    assert note.startswith("note: no option catalogue (options.yaml), so no option stances are drafted")
    assert wrote == f"raw/harbor.txt -> seeds/{path.name}"
    text = path.read_text(encoding="utf-8")
    assert "draft: true" in text and "source_file: ../raw/harbor.txt" in text
    # Only the title is edited: the headline's "doubled" is a figure too, whose quote stays as drafted.
    edited = text.replace("title: Harbor patrols doubled as seizures climbed", "title: Patrols double at Westmere")
    path.write_text(edited, encoding="utf-8")
    result = brief(tmp_path, "ingest", "raw/harbor.txt")
    assert result.stderr.strip().splitlines()[-1] == f"raw/harbor.txt -> seeds/{path.name} (kept your edits to title)"
    assert "title: Patrols double at Westmere" in path.read_text(encoding="utf-8")
    # Renamed by the analyst, the summary is still the one its source updates: no second summary.
    renamed = path.with_name("westmere-patrols.yaml")
    renamed.write_text(path.read_text(encoding="utf-8").replace(f"id: {path.stem}\n", "id: westmere-patrols\n"), encoding="utf-8")
    path.unlink()
    result = brief(tmp_path, "ingest", "raw/harbor.txt")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "seeds").glob("*.yaml")] == ["westmere-patrols.yaml"]
    assert result.stderr.strip().splitlines()[-1].startswith("raw/harbor.txt -> seeds/westmere-patrols.yaml")


def test_two_sources_with_one_id_get_two_summaries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Same outlet and date, so the same drafted id: the second must not merge into the first.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "morning.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "raw" / "evening.txt").write_text(ARTICLE + "\nA later edition added this closing line.\n", encoding="utf-8")
    result = brief(tmp_path, "ingest", "raw/morning.txt", "raw/evening.txt")
    assert result.exit_code == 0, result.output
    paths = sorted((tmp_path / "seeds").glob("*.yaml"), key=lambda p: len(p.stem))
    assert len(paths) == 2 and paths[1].stem == paths[0].stem + "-2"
    files = {yaml.safe_load(p.read_text(encoding="utf-8"))["source_file"] for p in paths}
    assert files == {"../raw/morning.txt", "../raw/evening.txt"}
    assert all(yaml.safe_load(p.read_text(encoding="utf-8"))["id"] == p.stem for p in paths)
    # Their figures got the same drafted ids; the second's carry a suffix, so the workspace loads.
    figure_ids = [[f["id"] for f in yaml.safe_load(p.read_text(encoding="utf-8"))["figures"]] for p in paths]
    assert figure_ids[0] and len(figure_ids[0]) == len(figure_ids[1])
    assert not set(figure_ids[0]) & set(figure_ids[1])
    assert len(load_summaries(Workspace.at(tmp_path))) == 2
    # Ingesting the first again updates its own summary (keeping its figure ids), not a third.
    assert brief(tmp_path, "ingest", "raw/morning.txt").exit_code == 0
    assert len(list((tmp_path / "seeds").glob("*.yaml"))) == 2
    assert [f["id"] for f in yaml.safe_load(paths[0].read_text(encoding="utf-8"))["figures"]] == figure_ids[0]


def test_ingest_json(tmp_path: Path) -> None:
    (tmp_path / "harbor.md").write_text("# " + ARTICLE, encoding="utf-8")
    result = brief(tmp_path, "ingest", str(tmp_path / "harbor.md"), "--json")
    assert result.exit_code == 0
    [data] = json.loads(result.stdout)
    assert SourceSummary.model_validate(data).title == "Harbor patrols doubled as seizures climbed"
    assert not (tmp_path / "seeds").exists()


def _bad_files(folder: Path) -> dict[str, str]:
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "notes.xyz").write_text("text", encoding="utf-8")
    (folder / "scripts.html").write_text("<html><head><script>var a = 1;</script></head><body><script>alert(1)</script></body></html>")
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not a real package")
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    with open(folder / "scan.pdf", "wb") as handle:
        writer.write(handle)
    big = folder / "huge.txt"
    with open(big, "wb") as handle:
        handle.seek(50 * 1024 * 1024)
        handle.write(b"x")
    return {
        "binary.txt": "binary file, not text [ingest/unreadable]",
        "corrupt.docx": "corrupt DOCX: File is not a zip file [ingest/corrupt]",
        "empty.txt": "empty file [ingest/no-text]",
        "huge.txt": "file is 50 MB; brief ingests sources up to 20 MB [ingest/too-large]",
        "notes.xyz": "unknown file type '.xyz' (brief reads .docx, .htm, .html, .markdown, .md, .pdf, .text, .txt, .xhtml)"
        " [ingest/unsupported]",
        "scan.pdf": "the PDF has no text layer (a scan?); run OCR first [ingest/no-text]",
        "scripts.html": "no article text found in the HTML page [ingest/no-text]",
    }


def test_bad_files_get_one_line_each_and_the_rest_are_ingested(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    expected = _bad_files(tmp_path / "in")
    (tmp_path / "in" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = brief(tmp_path, "ingest", "in", "missing.txt")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    errors = sorted(line for line in lines if ": error: " in line)
    assert errors == sorted(
        [f"in/{name}: error: {message}" for name, message in expected.items()] + ["missing.txt: error: no such file [ingest/not-found]"]
    )
    assert "Traceback" not in result.output
    assert len(list((tmp_path / "seeds").glob("*.yaml"))) == 1


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(("Café owners in Zürich raised prices by 12 percent after the “reform” passed.\n\n" * 3).encode(encoding, "replace"))
    summary = draft_summary(path, {}, tmp_path)
    assert summary.title.startswith("Café owners in Zürich")
    assert [f.value for f in summary.figures] == [12]


def test_docx_and_html_readers(tmp_path: Path) -> None:
    document = docx.Document()
    for paragraph in ARTICLE.split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(str(tmp_path / "harbor.docx"))
    assert draft_summary(tmp_path / "harbor.docx", CATALOGUE, tmp_path).title == "Harbor patrols doubled as seizures climbed"
    html = "<html><head><title>Harbor patrols doubled</title><script>evil()</script></head><body><article>"
    html += "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[3:7]) + "</article></body></html>"
    (tmp_path / "harbor.html").write_text(html, encoding="utf-8")
    summary = draft_summary(tmp_path / "harbor.html", CATALOGUE, tmp_path)
    assert summary.title == "Harbor patrols doubled"
    assert "evil" not in json.dumps(summary.model_dump(mode="json"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=0, max_size=3000))
def test_arbitrary_text_never_crashes_ingest(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        summary = draft_summary(path, CATALOGUE, tmp_path)
    except IngestError:
        return
    assert isinstance(summary, SourceSummary)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="the shared corpus is not here")
def test_sample_sources_metadata() -> None:
    summary = draft_summary(next((SHARED / "seeds").glob("000_*.txt")), {}, None)
    assert summary.authors == ["José de Córdoba", "Sadie Gurman"]
    assert summary.outlet == "The Wall Street Journal"
    assert summary.published.isoformat() == "2020-02-07"
    assert any(f.value == 36685 for f in summary.figures)


def test_markdown_front_matter_is_metadata(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    body = "\n\n".join(ARTICLE.split("\n\n")[3:])
    path.write_text(
        f"---\ntitle: 'Port note: patrols'\ndate: '2025-03-05'\nauthor: [Nadia Reyes]\nsource_url: https://example.org/p\n---\n\n{body}",
        encoding="utf-8",
    )
    summary = draft_summary(path, CATALOGUE, tmp_path)
    assert (summary.title, summary.published.isoformat(), summary.authors, summary.url) == (
        "Port note: patrols",
        "2025-03-05",
        ["Nadia Reyes"],
        "https://example.org/p",
    )
    assert "source_url" not in " ".join(summary.summary)


def test_parallel_jobs_give_the_same_summaries(tmp_path: Path) -> None:
    for index in range(4):
        (tmp_path / f"story{index}.txt").write_text(ARTICLE.replace("340", str(340 + index)), encoding="utf-8")
    files = sorted(str(p) for p in tmp_path.glob("story*.txt"))
    serial = json.loads(brief(tmp_path, "ingest", *files, "--json").stdout)
    parallel = json.loads(brief(tmp_path, "ingest", *files, "--json", "--jobs", "2").stdout)
    assert serial == parallel
    assert [next(f["value"] for f in s["figures"] if f["unit"] == "count") for s in serial] == [340, 341, 342, 343]


def test_drafted_ids_end_at_a_word() -> None:
    from brief.ingest.draft import slug

    title = "Fact sheet: second meeting of the United States-Mexico high-level security dialogue"
    drafted = slug(title, 10)
    assert len(drafted) <= 60 and drafted == "fact-sheet-second-meeting-of-united-states-mexico-high-level"
    assert slug("Harbor patrols doubled") == "harbor-patrols-doubled"


def test_a_label_comes_from_the_clause_that_holds_its_number() -> None:
    """In a list of companies and their shares, each share is labelled from its own clause, never
    with the neighbour's name."""
    text = "Shares of the chip equipment market in 2024: Lam Research 42 percent, Tokyo Electron 18 percent."
    found = {f.value: f.label for f in find_figures(text, sentence_spans(text), 2024)}
    assert "Research" not in found[18] and "Tokyo Electron" in found[18]
    assert "Lam Research" in found[42] and "Tokyo" not in found[42]


def test_a_round_up_of_a_hundred_reactions_keeps_them_all(tmp_path: Path) -> None:
    # Reactions from many quarters, each labelled: a draft that stopped at the first sixty would
    # drop whichever came last (the foreign leaders, the unions), which no rule of worth decides.
    given = ["Ana", "Tom", "Lena", "Carlos", "Maria", "James", "Nadia", "Peter", "Grace", "Oscar"]
    surnames = ["Vance", "Ruiz", "Okafor", "Brandt", "Lowe", "Marsh", "Quist", "Reyes", "Tomsen", "Halvar"]
    people = [f"{a} {b}" for a in given for b in surnames]
    lines = [f"Mayor {name} of Port {k}: “The harbor plan is good news for port town number {k}.”" for k, name in enumerate(people)]
    path = tmp_path / "reactions.txt"
    head = "Leaders Praise the Harbor Plan\n\nLeaders across the coast praised the plan.\n\n"
    path.write_text(head + "\n\n".join(lines), encoding="utf-8")
    summary = draft_summary(path, CATALOGUE, tmp_path)
    assert [q.speaker for q in summary.quotes] == people
