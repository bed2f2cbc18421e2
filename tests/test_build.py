"""`brief build` end to end: the files it writes and what they say, read back the way a reader
would (PDF text by page, the DOCX reopened with python-docx)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from pypdf import PdfReader

from conftest import REPO, Built, brief, build_into, copy_root, pdf_pages, words

AUDIENCES = ("principal", "staff", "public")
BANNER = "UNCLASSIFIED//SBU"
TABS = ("Tab A – Options Analysis", "Tab B – Chronology", "Tab C – Source Digest", "Tab D – Where Sources Differ", "Tab E – Sources")


@pytest.fixture(params=["basic_built", "sample_built"])
def built(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(request.param)


def front_matter(built: Built) -> dict[str, Any]:
    """The front matter of the brief a build was made from (the sample's brief is read in place)."""
    name = f"{built.out.name}.md"
    path = next(p for p in (built.ws / "briefs" / name, REPO / "briefs" / name) if p.is_file())
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    return data


def long_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def flat(text: str) -> str:
    """Text with its non-breaking spaces ("March\u00a010") read as spaces."""
    return text.replace("\u00a0", " ")


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
    date = long_date(front_matter(built)["date"])
    for number, page in enumerate(pages, start=1):
        lines = [flat(line).strip() for line in page.splitlines() if line.strip()]
        # A State memo dates itself on page one's banner line, at the right; later pages carry
        # the banner alone.
        top = re.split(r"\s{2,}", lines[0])
        assert top == ([BANNER, date] if number == 1 else [BANNER]), f"page {number} starts with {lines[0]!r}"
        assert lines[-1].startswith(BANNER), f"page {number} ends with {lines[-1]!r}"
        # Page one holds the memo heading and, as in the DOCX, no page number.
        assert (f"Page {number} of {len(pages)}" in lines[-1]) == (number > 1)


def test_principal_is_an_action_memo(built: Built) -> None:
    front = front_matter(built)
    text = flat(pdf_pages(built.pdf("principal"))[0])
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    # The State action memo's heading: a caption naming the principal, then FROM (bureau and
    # person) and a marked SUBJECT; no Defense-style "MEMORANDUM FOR:" or separate "DATE:" line.
    assert lines[1] == f"ACTION MEMO FOR {front['to']}"
    assert lines[2] == f"FROM: {front['from']}"
    assert lines[3].startswith(f"SUBJECT: {front['subject'][:40]}") and lines[3].startswith("SUBJECT: (U) ")
    assert "MEMORANDUM FOR" not in text and "DATE:" not in text
    assert re.search(r"^BLUF: \(U\) ", text, re.M)
    for label in ("Background", "Drafted:", "Cleared:"):
        assert re.search(rf"^{label}", text, re.M), label
    # One "That you ..." decision per decision in the brief (or one approving the recommended
    # option), each with its own Approve / Disapprove line and the date it is due.
    decisions = front.get("decisions") or [{"option": front["recommendation"]}]
    assert "That you" in text
    due = long_date(front["decision_due"])
    lines_due = re.findall(r"Approve\s+_{5,}\s+Disapprove\s+_{5,}\s+\(by ([^)]+)\)", text)
    assert lines_due == [due] * len(decisions)
    # A decision due within five business days prints the brief's reason, which says why.
    if front.get("decision_due_reason"):
        reason = " ".join(words(front["decision_due_reason"]))
        assert reason in " ".join(words(text))


def test_public_brief_has_no_markings_and_is_tagged(built: Built) -> None:
    path = built.pdf("public")
    text = "\n".join(pdf_pages(path))
    assert "UNCLASSIFIED" not in text and "SBU" not in text and "(U)" not in text
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
    if audience in ("principal", "staff"):
        assert {"Memo Kind", "Memo Header", "Clearance"} <= styles
        section = document.sections[0]
        # Page one's header holds the banner, centred, and the memo's date at the right margin;
        # later pages' headers and every footer hold the banner.
        assert section.different_first_page_header_footer
        date = long_date(front_matter(built)["date"])
        assert [flat(p.text) for p in section.first_page_header.paragraphs] == [f"\t{BANNER}\t{date}"]
        assert [p.text for p in section.header.paragraphs] == [BANNER]
        assert section.footer.paragraphs[0].text == BANNER and section.first_page_footer.paragraphs[0].text == BANNER
    if audience == "principal":
        assert {"Decision Item", "Decision"} <= styles
        assert [p.text for p in document.paragraphs if p.style.name == "Memo Kind"] == [f"ACTION MEMO FOR {front_matter(built)['to']}"]
    if audience == "staff":
        assert "Source Entry" in styles
        # An information memo asks for nothing; its long material follows in tabs, each from a
        # new page, and key figures are no longer part of the staff package.
        assert not {"Decision Item", "Decision"} & styles
        assert [p.text for p in document.paragraphs if p.style.name == "Memo Kind"] == [f"INFORMATION MEMO FOR {front_matter(built)['to']}"]
        tabs = [p for p in document.paragraphs if p.style.name == "Heading 1" and p.text.startswith("Tab ")]
        assert tuple(p.text for p in tabs) == TABS
        assert all(p.paragraph_format.page_break_before for p in tabs)
        assert not document.tables, "a key-figures table in the staff package"


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
    # The date on page one's banner line is in the DOCX's first-page header, not its body.
    if BANNER in pages[0]:
        furniture += len(words(long_date(front_matter(built)["date"])))
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
    pages = [flat(page) for page in pdf_pages(built.pdf("staff"))]
    heads = [line.strip() for page in pages for line in page.splitlines()]
    # The information memo (summary, background, outlook, the attachments line), then the tabs
    # in order, each opening its own page.
    order = ["Summary", "Background", "Outlook", *TABS]
    assert [h for h in heads if h in order] == order
    attachments = " ".join(" ".join(pages).split())
    assert "Attachments: " + "; ".join(TABS) in attachments
    tops = [[line.strip() for line in page.splitlines() if line.strip()][1] for page in pages]
    for tab in TABS:
        assert tops.count(tab) == 1, tab  # the first line under the banner of one page
    # Tab A weighs each option; the memo itself recommends nothing and asks for no decision.
    options = "\n".join(pages[next(i for i, page in enumerate(pages) if TABS[0] in page) :])
    for head in ("Pros", "Cons", "Risks"):
        assert re.search(rf"^{head}$", options, re.M), head
    text = " ".join(words("\n".join(pages)))
    assert "approve" not in text and "disapprove" not in text and "that you" not in text


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
    # The template's own sentence is a portion of the memo, marked as generated text.
    assert "(U) Review again in ninety days." in paragraphs


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
