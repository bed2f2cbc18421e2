"""`brief ingest` on hostile sources: every bomb is refused on one located line with its code, or
drafted in bounded time and memory, and the other files of the same run are still ingested.

Each hostile file is made at run time. The ingest that reads it runs in a child process with at
most 1 GiB of address space and a few seconds of time, so a regression (a quadratic scan put
back, a limit raised) fails its test instead of hanging the suite or swapping the machine.
"""

from __future__ import annotations

import io
import itertools
import re
import resource
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
import yaml

from brief.inputs.models import SourceSummary
from conftest import brief

MEMORY = 1 << 30  # bytes of address space for the child process
# For the whole run: imports, the hostile file and the good one. A run takes a few seconds, and
# twice that on a shared machine on a slow day; a pass that is quadratic in a megabyte takes
# minutes, so this bound still tells the two apart.
SECONDS = 30

GOOD = """Harbor patrols doubled as seizures climbed

By Nadia Reyes

Published on March 4, 2025

Customs officers seized contraband in 340 containers in 2024, up 12 percent on the year before.
The port authority has spent $45 million on scanners since 2021, and plans to spend $1.2 billion more.

“We inspect more boxes than ever, but we still see only a fraction,” said Inspector General Lena Ortiz.
"""


def ingest_bounded(ws: Path, *arguments: str, seconds: float = SECONDS) -> subprocess.CompletedProcess[str]:
    """`brief ingest ARGUMENTS` in a child process, in `ws`, within MEMORY and `seconds`."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    command = [sys.executable, "-m", "brief", "ingest", *arguments]
    try:
        return subprocess.run(command, cwd=ws, capture_output=True, text=True, preexec_fn=limit, timeout=seconds, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"brief ingest {' '.join(arguments)} took longer than {seconds} s")


def errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return sorted(line for line in result.stderr.splitlines() if ": error: " in line)


def summaries(ws: Path) -> dict[str, SourceSummary]:
    """The drafted summaries of the run, by the name of their source file."""
    found = {}
    for path in (ws / "seeds").glob("*.yaml"):
        summary = SourceSummary.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        found[Path(summary.source_file or "").name] = summary
    return found


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A workspace with a folder `in/` holding one good source; tests add a hostile one."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def assert_refused(ws: Path, name: str, message: str, seconds: float = SECONDS) -> None:
    """Ingesting `in/` refuses in/NAME on the one line MESSAGE, and still drafts good.txt."""
    result = ingest_bounded(ws, "in", seconds=seconds)
    assert result.returncode == 1, result.stderr
    assert errors(result) == [f"in/{name}: error: {message}"]
    assert list(summaries(ws)) == ["good.txt"]


# --- Text: long "sentences" full of numbers and of what extraction patterns look for -------------


def one_line(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Each unit, repeated without a break, once made some step of extraction quadratic or worse.
HOSTILE_UNITS = [
    "A.",  # names and organizations tried at every word boundary, each read to the end of the run
    "A-",
    "[",  # Markdown link text looked for from every bracket to the end
    "[a](",  # link targets likewise
    "“a b c d”" + "\u2003" * 200,  # spaces after a quotation shared out among optional marks every way
    "“a b c d” she said. ",  # quotations: paragraph bounds searched from each one
    "\u2003",  # a run of spaces split at every "and" (author lines)
    "2019 ",  # years: each a possible number, rejected one by one
    "In May 2019 they met. ",  # dated events: the text before each sentence searched for years
    "$1 million in 2019 and 5 percent ",
    "'",  # single quotation marks: each a possible opening or closing mark
    "‘a’ ",
    "A B ",  # runs of capitalised words: every word a possible name, title or organisation
    "Mr. Ann Lee of the Board ",
    "\n\nSECRETARY X: hi",  # a transcript's speaker labels
    "Ann Lee, director of X, said: “a b c d” ",  # attributed quotations, each speaker resolved
]


def test_a_megabyte_line_full_of_numbers_is_drafted_in_linear_time(ws: Path) -> None:
    numbers = "officials counted 1,234 seizures worth $5 million and 12 percent more in 2019 across 56 ports while "
    (ws / "in" / "numbers.txt").write_text(one_line(numbers, 1_000_000), encoding="utf-8")
    # Numbers with no words after them, late in a long sentence: their labels come from the words
    # before them, which were looked for in the whole sentence up to each number.
    (ws / "in" / "tally.txt").write_text("Tally\n\n" + one_line("tally ", 900_000) + one_line("7 ", 100_000), encoding="utf-8")
    result = ingest_bounded(ws, "in")
    assert result.returncode == 0, result.stderr
    assert errors(result) == []
    drafted = summaries(ws)
    assert sorted(drafted) == ["good.txt", "numbers.txt", "tally.txt"]
    assert {word for f in drafted["tally.txt"].figures for word in f.label.split()} == {"tally"}
    figures = drafted["numbers.txt"].figures
    assert figures and len(figures) <= 40
    assert 12 in {f.value for f in figures}
    assert all(len(f.label.split()) <= 5 and len(f.quote) < 200 for f in figures)
    assert len(drafted["numbers.txt"].title) <= 120
    assert drafted["numbers.txt"].summary and all(len(point) <= 2000 for point in drafted["numbers.txt"].summary)


def test_a_megabyte_of_hostile_runs_is_drafted_in_linear_time(ws: Path) -> None:
    text = "Hostile runs\n\n" + " ".join(one_line(unit, 100_000) for unit in HOSTILE_UNITS)
    (ws / "in" / "runs.txt").write_text(text, encoding="utf-8")
    # Lines hyphenated into one paragraph, which was copied once per line.
    (ws / "in" / "hyphens.txt").write_text("Hyphens\n\n" + one_line("ab-\n", 3_000_000), encoding="utf-8")
    # Quotations whose speaker is a pronoun, each looked up among all the people named before it;
    # organizations, each compared with all the others.
    said = "Inspector General Lena {name} of the {name} Bureau spoke. “We inspect more boxes than ever before,” she said. "
    names = ("".join(letters) for letters in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=4))
    text = "".join(said.format(name=f"Ortiz{next(names)}") for _ in range(12_000))
    (ws / "in" / "pronouns.txt").write_text("Pronouns\n\n" + text, encoding="utf-8")
    result = ingest_bounded(ws, "in")
    assert result.returncode == 0, result.stderr
    assert errors(result) == []
    assert sorted(summaries(ws)) == ["good.txt", "hyphens.txt", "pronouns.txt", "runs.txt"]


# --- DOCX: parts that inflate past the limits, refused before python-docx opens them -----------


def docx_with(path: Path, parts: dict[str, Iterator[bytes]]) -> dict[str, zipfile.ZipInfo]:
    """A real DOCX with some parts replaced or added, each streamed from chunks; returns the
    zip directory as written."""
    blank = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("A memo with a few words in it.")
    document.save(blank)
    with zipfile.ZipFile(blank) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info, source.read(info))
        for name, chunks in parts.items():
            entry = zipfile.ZipInfo(name)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with target.open(entry, "w", force_zip64=True) as handle:
                for chunk in chunks:
                    handle.write(chunk)
    with zipfile.ZipFile(path) as written:
        return {info.filename: info for info in written.infolist()}


def document_xml(size: int) -> Iterator[bytes]:
    yield b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    paragraph = b"<w:p><w:r><w:t>" + b"a" * 64 + b"</w:t></w:r></w:p>"
    chunk = paragraph * (1_000_000 // len(paragraph))
    for _ in range(size // len(chunk)):
        yield chunk
    yield b"</w:body></w:document>"


def test_docx_whose_part_inflates_past_the_limit_is_refused(ws: Path) -> None:
    parts = docx_with(ws / "in" / "bomb.docx", {"word/document.xml": document_xml(200_000_000)})
    size = parts["word/document.xml"].file_size
    assert (ws / "in" / "bomb.docx").stat().st_size < 1_000_000  # a bomb: small on disk
    message = f"DOCX part word/document.xml inflates to {size / 1048576:,.0f} MB; brief reads parts up to 50 MB [ingest/too-large]"
    assert_refused(ws, "bomb.docx", message)


def test_docx_whose_part_inflates_absurdly_is_refused(ws: Path) -> None:
    # Under the size limit, but no Word document compresses a thousand times.
    part = docx_with(ws / "in" / "dense.docx", {"word/document.xml": document_xml(40_000_000)})["word/document.xml"]
    ratio = part.file_size // part.compress_size
    message = f"DOCX part word/document.xml inflates {ratio:,} times; brief reads parts that inflate up to 100 times [ingest/too-large]"
    assert_refused(ws, "dense.docx", message)


def test_docx_with_thousands_of_parts_is_refused(ws: Path) -> None:
    extra = {f"customXml/item{n}.xml": iter([b"<a/>"]) for n in range(6000)}
    count = len(docx_with(ws / "in" / "parts.docx", extra))
    assert_refused(ws, "parts.docx", f"the DOCX has {count:,} parts; brief reads up to 5,000 [ingest/too-large]")


# --- PDF: pages, content and streams bounded before text is read -----------------------------


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of the numbered objects (1 is the catalog), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data, 9)
    return b"<< %s/Filter /FlateDecode /Length %d >>\nstream\n" % (extra, len(packed)) + packed + b"\nendstream"


def text_operators(size: int) -> bytes:
    line = b"BT /F1 10 Tf 72 700 Td (Officials counted seizures in the port this year and last.) Tj ET\n"
    return line * (size // len(line) + 1)


def pages_pdf(pages: int, content: bytes) -> bytes:
    """`pages` pages that all show one content stream: small on disk, costly to read."""
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(pages))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            stream(content),
            *[page] * pages,
        ]
    )


def forms_pdf(form_size: int, draws: int) -> bytes:
    """One page that draws one large form XObject `draws` times."""
    form = stream(text_operators(form_size), b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> ")
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [6 0 R] >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            form,
            stream(b"q /X0 Do Q\n" * draws),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
            b"/Resources << /Font << /F1 3 0 R >> /XObject << /X0 4 0 R >> >> >>",
        ]
    )


CONTENT = "the PDF's pages inflate to over 20 MB of content; brief reads up to that [ingest/too-large]"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: pages_pdf(20_000, text_operators(100_000)), "the PDF has 20,000 pages; brief reads up to 2,000 [ingest/too-large]"),
        (lambda: pages_pdf(1_000, text_operators(100_000)), CONTENT),
        (lambda: forms_pdf(4_000_000, 100), CONTENT),
        (
            lambda: pages_pdf(1, text_operators(70_000_000)),
            "the PDF expands past brief's limits (a stream inflating past 5 MB, or too many objects) [ingest/too-large]",
        ),
    ],
    ids=["pages", "content", "forms", "stream"],
)
def test_pdf_bombs_are_refused(ws: Path, make: object, message: str) -> None:
    assert callable(make)
    (ws / "in" / "bomb.pdf").write_bytes(make())
    assert_refused(ws, "bomb.pdf", message)


def test_a_pdf_within_the_limits_is_read(ws: Path) -> None:
    (ws / "in" / "fine.pdf").write_bytes(pages_pdf(3, text_operators(3_000)))
    result = ingest_bounded(ws, "in")
    assert result.returncode == 0, result.stderr
    assert sorted(summaries(ws)) == ["fine.pdf", "good.txt"]


# --- HTML: bounded before article extraction, which slows with the square of the tags ---------


def test_html_page_over_the_size_limit_is_refused(ws: Path) -> None:
    paragraph = "<p>Customs officers seized contraband in 340 containers, up 12 percent on the year before.</p>\n"
    page = "<html><head><title>Big</title></head><body><article>" + paragraph * 120_000 + "</article></body></html>"
    (ws / "in" / "big.html").write_text(page, encoding="utf-8")
    size = (ws / "in" / "big.html").stat().st_size
    assert_refused(ws, "big.html", f"the HTML page is {size / 1048576:.1f} MB; brief reads pages up to 10 MB [ingest/too-large]")


def test_html_page_of_too_many_tags_is_refused(ws: Path) -> None:
    page = "<html><body><article><p>Some words.</p><p>" + '<a href="https://example.org/">a</a> ' * 200_000 + "</p></article></body></html>"
    (ws / "in" / "links.html").write_text(page, encoding="utf-8")
    tags = page.count("<")
    assert_refused(ws, "links.html", f"the HTML page has {tags:,} tags; brief reads pages of up to 100,000 [ingest/too-large]")


# --- Front matter ------------------------------------------------------------------------------


def test_front_matter_whose_aliases_explode_is_refused(ws: Path) -> None:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines += ["title: *i", "---", "", "Some body text with a figure of 12 percent in 2020."]
    (ws / "in" / "laughs.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert (ws / "in" / "laughs.md").stat().st_size < 1000
    message = "front matter is too large: its aliases expand to more than 200,000 values [ingest/too-large]"
    assert_refused(ws, "laughs.md", message)


# --- Characters and links that must not reach a summary ---------------------------------------

# brief's own markers (U+E000, U+E001), other private-use characters of every plane, C0 and C1
# controls and DEL. (NUL too, but a file holding one is refused as binary before it is read.)
FORBIDDEN = "\ue000\ue001\uf8ff\U000f0001\U0010fffd\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f"
FORBIDDEN_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from strings(item)


def test_private_use_control_characters_and_unsafe_links_never_reach_a_summary(ws: Path) -> None:
    dirty = "".join(f"{ch}x" for ch in FORBIDDEN)
    body = GOOD.replace("Customs officers", f"Customs{dirty} officers").replace("Lena Ortiz", "Lena\ue000 Or\x1btiz\x9b")
    (ws / "in" / "note.md").write_text(
        f"---\ntitle: 'Port note\ue001\x07: patrols'\nauthor: 'Nadia\x85 Reyes'\nurl: 'javascript:alert(1)'\n---\n\n{body}",
        encoding="utf-8",
    )
    (ws / "in" / "page.html").write_text(
        "<html><head><title>Harbor page\ue000</title><link rel='canonical' href='data:text/html,<script>alert(1)</script>'>"
        "<meta property='og:url' content='data:text/html,<script>alert(1)</script>'></head><body><article>"
        + "".join(f"<p>{paragraph}\ue001</p>" for paragraph in GOOD.split("\n\n")[3:])
        + "</article></body></html>",
        encoding="utf-8",
    )
    (ws / "in" / "header.txt").write_text(f"Harbor memo\n\nSource: javascript:alert(1)\n\n{GOOD}", encoding="utf-8")
    (ws / "in" / "safe.md").write_text(f"---\ntitle: A safe note\nurl: https://example.org/p\n---\n\n{GOOD}", encoding="utf-8")
    huge = "x" * 1_000_000
    (ws / "in" / "huge-title.md").write_text(f"---\ntitle: '{huge}'\npublisher: '{huge}'\n---\n\n{GOOD}", encoding="utf-8")
    result = brief(ws, "ingest", "in")
    assert result.exit_code == 0, result.output
    drafted = summaries(ws)
    assert sorted(drafted) == ["good.txt", "header.txt", "huge-title.md", "note.md", "page.html", "safe.md"]
    for path in (ws / "seeds").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not FORBIDDEN_RE.search(text), path.name
        assert not [s for s in strings(yaml.safe_load(text)) if FORBIDDEN_RE.search(s)], path.name
        assert not re.search(r"\\u[eE]0|\\x|\\[ae]", text), path.name  # no escaped control or private-use characters either
    # A link is kept only when it is http, https or mailto (javascript: in prose is just text).
    assert {name: s.url for name, s in drafted.items() if s.url} == {"safe.md": "https://example.org/p"}
    assert drafted["note.md"].title == "Port note: patrols"
    assert drafted["note.md"].authors == ["Nadia Reyes"]
    # A megabyte "title" is not one, nor a megabyte publisher.
    assert (drafted["huge-title.md"].title, drafted["huge-title.md"].outlet) == ("Harbor patrols doubled as seizures climbed", None)
    assert [q.speaker.rstrip(".") for q in drafted["note.md"].quotes] == ["Lena Ortiz"]


def test_text_is_cleaned_where_it_enters(tmp_path: Path) -> None:
    """Cleaning and the readers strip what must not enter, before extraction sees it (the summary
    models clean their strings again, so the test above alone would not notice)."""
    from brief.ingest.clean import clean
    from brief.ingest.readers import read_source

    assert clean(f"Title\n\nA{FORBIDDEN}B c.").text == "Title\n\nAB c."
    note = tmp_path / "note.md"
    front = f"title: 'Ti\ue000t\x07le'\nauthor: 'Nadia\x85 Reyes'\nurl: 'javascript:alert(1)'\npublisher: '{'x' * 100_000}'"
    note.write_text(f"---\n{front}\n---\n\nBody text of the note.", encoding="utf-8")
    assert read_source(note).meta == {"title": "Title", "author": "Nadia Reyes"}
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Pa\ue001ge</title><link rel='canonical' href='javascript:alert(1)'></head>"
        "<body><article><p>Body text of the page, long enough to be an article.</p></article></body></html>",
        encoding="utf-8",
    )
    meta = read_source(page).meta
    assert meta["title"] == "Page" and "url" not in meta
    memo = docx.Document()
    memo.add_paragraph("Body text of the memo, long enough to be read.")
    memo.core_properties.title, memo.core_properties.author = "Me\ue000mo", "Nadia\U000f0001 Reyes"
    memo.save(str(tmp_path / "memo.docx"))
    meta = read_source(tmp_path / "memo.docx").meta
    assert (meta["title"], meta["author"]) == ("Memo", "Nadia Reyes")


def test_a_corrupt_pdf_is_one_line_and_nothing_else(ws: Path) -> None:
    # pypdf logs what it repairs ("EOF marker not found"); that must not add a line of its own.
    (ws / "in" / "bad.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"\x00garbage" * 200)
    result = ingest_bounded(ws, "in")
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.strip() and " -> " not in line and not line.startswith("note: ")]
    assert len(problems) == 1 and problems[0].startswith("in/bad.pdf: error: corrupt PDF: "), result.stderr
    assert problems[0].endswith(" [ingest/corrupt]")
