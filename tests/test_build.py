"""`brief build` end to end: the files it writes and what they say, read back the way a reader
would (PDF text by page, the DOCX reopened with python-docx)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from conftest import Built, brief, build_into, copy_root, pdf_pages, words

AUDIENCES = ("principal", "staff", "public")
BANNER = "UNCLASSIFIED//FOR OFFICIAL USE ONLY"


@pytest.fixture(params=["basic_built", "sample_built"])
def built(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(request.param)


def test_writes_every_audience_in_every_format(built: Built) -> None:
    names = {p.name for p in built.out.iterdir()}
    # The sample workspace adds its own congressional audience to the three built-in ones.
    audiences = AUDIENCES + (("congressional",) if built.out.name == "us-mexico-security" else ())
    expected = {f"{a}.{ext}" for a in audiences for ext in ("pdf", "docx", "html")} | {"figures.json"}
    assert names == expected


def test_principal_is_one_page(built: Built) -> None:
    assert len(PdfReader(built.pdf("principal")).pages) == 1


@pytest.mark.parametrize("audience", ["principal", "staff"])
def test_banner_top_and_bottom_of_every_page(built: Built, audience: str) -> None:
    pages = pdf_pages(built.pdf(audience))
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == BANNER, f"page {number} starts with {lines[0]!r}"
        assert lines[-1].startswith(BANNER), f"page {number} ends with {lines[-1]!r}"
        # Page one holds the memo heading and, as in the DOCX, no page number.
        assert (f"Page {number} of {len(pages)}" in lines[-1]) == (number > 1)


def test_principal_is_an_action_memo(built: Built) -> None:
    text = pdf_pages(built.pdf("principal"))[0]
    for label in ("MEMORANDUM FOR:", "FROM:", "SUBJECT:", "DATE:", "BOTTOM LINE UP FRONT", "RECOMMENDATION", "Drafted:", "Cleared:"):
        assert label in text
    assert re.search(r"Approve\s+_{5,}\s+Disapprove\s+_{5,}", text)


def test_public_brief_has_no_markings_and_is_tagged(built: Built) -> None:
    path = built.pdf("public")
    text = "\n".join(pdf_pages(path))
    assert "UNCLASSIFIED" not in text and "OFFICIAL USE" not in text
    assert "Drafted:" not in text and "Cleared:" not in text and "Approve" not in text
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-US"
    title = re.search(r"<title>(.*?)</title>", (built.out / "public.html").read_text(encoding="utf-8")).group(1)
    assert reader.metadata.title == title.replace("&amp;", "&")
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    docx_text = "\n".join(p.text for p in docx.Document(str(built.docx("public"))).paragraphs)
    assert "UNCLASSIFIED" not in docx_text


def test_pdf_footnotes_sit_at_the_foot_of_their_page(built: Built) -> None:
    page = pdf_pages(built.pdf("staff"))[0]
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    notes = [i for i, line in enumerate(lines) if re.match(r"^\d+\. \S", line)]
    assert notes, "no footnotes on page 1"
    # Footnotes come after the body text, just above the bottom banner.
    assert notes[0] > len(lines) // 2
    assert lines[notes[0]].startswith("1. ")


def _docx_footnotes(path: Path) -> dict[str, str]:
    document = docx.Document(str(path))
    part = next(p for p in document.part.package.parts if p.partname == "/word/footnotes.xml")
    from lxml import etree

    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    root = etree.fromstring(part.blob)
    notes = {}
    for note in root.findall("w:footnote", ns):
        if note.get(f"{{{ns['w']}}}type") in ("separator", "continuationSeparator"):
            continue
        notes[note.get(f"{{{ns['w']}}}id")] = "".join(note.itertext()).strip()
    return notes


@pytest.mark.parametrize("audience", AUDIENCES)
def test_docx_footnotes_are_word_footnotes(built: Built, audience: str) -> None:
    document = docx.Document(str(built.docx(audience)))
    body = document.element.body
    refs = body.xpath(".//w:footnoteReference/@w:id")
    notes = _docx_footnotes(built.docx(audience))
    assert refs, "no footnote references"
    assert sorted(refs, key=int) == sorted(notes, key=int)
    assert all(notes.values())
    # Every note cites a source by title in quotation marks, or repeats the one before ("Ibid.").
    assert all("“" in text or text.startswith("Ibid.") for text in notes.values())


@pytest.mark.parametrize("audience", AUDIENCES)
def test_docx_uses_memo_styles(built: Built, audience: str) -> None:
    document = docx.Document(str(built.docx(audience)))
    styles = {p.style.name for p in document.paragraphs}
    assert "Heading 1" in styles
    if audience == "principal":
        assert {"Memo Header", "Decision", "Clearance"} <= styles
        header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
        footer = "\n".join(p.text for p in document.sections[0].footer.paragraphs)
        assert BANNER in header and BANNER in footer
    if audience == "staff":
        assert "Source Entry" in styles
        assert document.tables, "no key-figures table"


def chart_labels(html: Path) -> list[str]:
    """The text drawn inside the SVG charts of an HTML memo."""
    import base64
    from xml.etree import ElementTree

    labels = []
    for encoded in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html.read_text(encoding="utf-8")):
        svg = ElementTree.fromstring(base64.b64decode(encoded))
        labels += ["".join(node.itertext()) for node in svg.iter() if node.tag.endswith("}text")]
    return labels


def _in_pdf(block: list[str], pdf_words: str) -> bool:
    """Are a DOCX paragraph's words in the PDF's text? A paragraph a page break splits comes out
    of the PDF in two pieces, with the page's notes and chart labels between them."""
    if " ".join(block) in pdf_words:
        return True
    return any(" ".join(block[:k]) in pdf_words and " ".join(block[k:]) in pdf_words for k in range(3, len(block) - 2))


@pytest.mark.parametrize("audience", AUDIENCES)
def test_pdf_and_docx_carry_the_same_text(built: Built, audience: str) -> None:
    pdf_words = " ".join(words("\n".join(pdf_pages(built.pdf(audience), layout=False))))
    document = docx.Document(str(built.docx(audience)))
    docx_blocks = [p.text for p in document.paragraphs if p.text.strip()]
    docx_blocks += [cell.text for table in document.tables for row in table.rows for cell in row.cells if cell.text.strip()]
    docx_blocks += list(_docx_footnotes(built.docx(audience)).values())
    missing = [text for text in docx_blocks if not _in_pdf(words(text), pdf_words)]
    assert not missing, f"in the DOCX but not the PDF: {missing[:3]}"
    # And nothing extra in the PDF beyond page furniture: word counts agree closely.
    pages = pdf_pages(built.pdf(audience))
    numbered = sum(bool(re.search(r"Page \d+ of \d+", page)) for page in pages)
    furniture = numbered * len(words("page of")) + sum(2 * len(words(BANNER)) for page in pages if BANNER in page)
    # Chart labels are text in the PDF's SVG; in the DOCX the chart is a picture (with alt text).
    furniture += len(words(" ".join(chart_labels(built.out / f"{audience}.html"))))
    docx_count = sum(len(words(t)) for t in docx_blocks)
    assert abs(len(pdf_words.split()) - furniture - docx_count) <= 0.03 * docx_count + 8


def test_figure_ledger(built: Built) -> None:
    ledger = json.loads((built.out / "figures.json").read_text(encoding="utf-8"))
    assert ledger["figures"], "no figures recorded"
    for entry in ledger["figures"]:
        assert {"id", "value", "unit", "period", "source", "quote", "span", "audiences"} <= set(entry)
        assert entry["span"] is not None, f"{entry['id']}: quote not found in its raw source"
        assert entry["audiences"]


def test_staff_memo_content(built: Built) -> None:
    text = " ".join(words("\n".join(pdf_pages(built.pdf("staff")))))
    for heading in ("background", "key figures", "options", "recommendation", "sources", "pros", "cons", "what the sources say"):
        assert heading in text


def test_two_builds_with_source_date_epoch_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build_into(copy_root("basic", tmp_path / "one"), "port-security")
    second = build_into(copy_root("basic", tmp_path / "two"), "port-security")
    for audience in AUDIENCES:
        assert first.pdf(audience).read_bytes() == second.pdf(audience).read_bytes()
        assert first.docx(audience).read_bytes() == second.docx(audience).read_bytes()


def test_build_selects_briefs_audiences_and_formats(basic: Path) -> None:
    result = brief(basic, "build", "port-security", "--audience", "staff", "--format", "html")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (basic / "build" / "port-security").iterdir()) == ["figures.json", "staff.html"]
    assert "wrote build/port-security/staff.html" in result.output


def test_html_escapes_source_text(basic: Path) -> None:
    seed = basic / "seeds" / "harbor-2025.yaml"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("Scanner purchases began", "'<script>alert(1)</script> *bold* [x](http://evil)'"),
        encoding="utf-8",
    )
    assert brief(basic, "build", "--format", "html", "--audience", "staff").exit_code == 0
    html = (basic / "build" / "port-security" / "staff.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *bold* [x](http://evil)" in html
    assert 'href="http://evil"' not in html


def test_pdf_renderer_fetches_nothing_outside_the_workspace(basic: Path) -> None:
    from brief.render.pdf import make_fetcher

    fetcher = make_fetcher(basic)
    (basic / "logo.txt").write_text("ok", encoding="utf-8")
    assert fetcher.fetch((basic / "logo.txt").as_uri()).read() == b"ok"
    assert fetcher.fetch("data:text/plain,hi").read() == b"hi"
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x.png", (basic / ".." / "escape.txt").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_workspace_template_overrides_one_block(basic: Path) -> None:
    layout = basic / "templates" / "staff" / "layout.html"
    layout.parent.mkdir(parents=True)
    layout.write_text(
        '{% extends "builtin:layout.html" %}\n'
        '{% block heading %}<p class="note">Prepared for the staff retreat</p>{{ super() }}{% endblock %}\n',
        encoding="utf-8",
    )
    section = basic / "templates" / "sections" / "outlook.md"
    section.parent.mkdir(parents=True)
    section.write_text('{% extends "builtin:sections/outlook.md" %}\n', encoding="utf-8")
    assert brief(basic, "build", "--audience", "staff", "--audience", "principal", "--quiet").exit_code == 0
    out = basic / "build" / "port-security"
    staff = " ".join(words("\n".join(pdf_pages(out / "staff.pdf"))))
    assert "prepared for the staff retreat" in staff
    assert "information memo" in staff  # the rest of the built-in block is still there
    assert "prepared for the staff retreat" not in " ".join(words("\n".join(pdf_pages(out / "principal.pdf"))))


def test_workspace_section_template_changes_pdf_and_docx(basic: Path) -> None:
    section = basic / "templates" / "sections" / "outlook.md"
    section.parent.mkdir(parents=True)
    section.write_text("{% set title = 'What Comes Next' %}\n{{ prose.outlook }}\n\nReview again in ninety days.\n", encoding="utf-8")
    assert brief(basic, "build", "--audience", "staff", "--quiet").exit_code == 0
    out = basic / "build" / "port-security"
    assert "review again in ninety days" in " ".join(words("\n".join(pdf_pages(out / "staff.pdf"))))
    paragraphs = [p.text for p in docx.Document(str(out / "staff.docx")).paragraphs]
    assert "What Comes Next" in paragraphs
    assert "Review again in ninety days." in paragraphs


def test_no_build_folder_is_written_for_help(tmp_path: Path) -> None:
    result = brief(tmp_path, "--help")  # run from tmp_path, where a stray build folder would appear
    assert result.exit_code == 0 and "build" in result.output
    assert not (tmp_path / "build").exists()


def test_templates_cannot_pull_files_from_outside_the_workspace(basic: Path, tmp_path: Path) -> None:
    import base64

    # A 1x1 PNG, once outside the workspace and once inside it.
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    outside = tmp_path / "outside.png"
    outside.write_bytes(png)
    (basic / "inside.png").write_bytes(png)
    layout = basic / "templates" / "staff" / "layout.html"
    layout.parent.mkdir(parents=True)
    layout.write_text(
        '{% extends "builtin:layout.html" %}{% block heading %}'
        f'<img src="{outside.as_uri()}" alt="outside"><img src="file:///etc/passwd" alt="passwd">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/evil.css">{{ super() }}{% endblock %}\n',
        encoding="utf-8",
    )
    assert brief(basic, "build", "--audience", "staff", "--format", "pdf", "--quiet").exit_code == 0
    reader = PdfReader(basic / "build" / "port-security" / "staff.pdf")
    images = [name for page in reader.pages for name in page.images]
    assert images == []  # neither the outside image nor /etc/passwd reached the PDF
    layout.write_text(
        '{% extends "builtin:layout.html" %}{% block heading %}<img src="inside.png" alt="inside">{{ super() }}{% endblock %}\n',
        encoding="utf-8",
    )
    assert brief(basic, "build", "--audience", "staff", "--format", "pdf", "--quiet").exit_code == 0
    reader = PdfReader(basic / "build" / "port-security" / "staff.pdf")
    assert [name for page in reader.pages for name in page.images]  # a workspace file is allowed


def all_files(ws: Path) -> set[str]:
    return {str(p.relative_to(ws)) for p in ws.rglob("*") if p.is_file()}


@pytest.mark.parametrize("named", [False, True], ids=["every-brief", "named"])
@pytest.mark.parametrize("filename", ["...md", "Bad Name.md"])
def test_brief_names_must_be_slugs(basic: Path, filename: str, named: bool) -> None:
    # "...md" is the brief ".." whose outputs would land in the workspace folder, outside build/.
    shutil.copy(basic / "briefs" / "port-security.md", basic / "briefs" / filename)
    before = all_files(basic)
    for command in ("build", "check"):
        result = brief(basic, command, *([filename.removesuffix(".md")] if named else []))
        assert result.exit_code == 1
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith(f"briefs/{filename}: error: brief name "), lines
        assert lines[0].endswith("[spec/name]")
    assert all_files(basic) == before  # nothing written, inside build/ or out


def test_outputs_are_written_only_inside_the_build_folder(basic: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (basic / "build").mkdir()
    (basic / "build" / "port-security").symlink_to(elsewhere)  # a brief's folder leading out
    result = brief(basic, "build", "--format", "html")
    assert result.exit_code == 1
    assert "outside" in result.stderr and "[output/write]" in result.stderr
    assert list(elsewhere.iterdir()) == []
