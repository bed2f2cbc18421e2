"""Readers: one per file type, chosen by extension through a registry.

Stage: the first of ingest. A reader turns a file into text plus whatever metadata the format
carries (an HTML page's title, byline, date and site name). Bad files raise an IngestError that
names the file: empty, binary, too large, undecodable, an HTML page with no article, a PDF with no
text layer, a corrupt DOCX.

Sources are hostile until read. Every limit below is checked before the work it bounds: a DOCX's
zip directory before any part is inflated, a PDF's page count and each page's content before its
text is extracted, front matter's aliases before they are expanded. Metadata values leave here
cleaned (:func:`~brief.ingest.clean.plain`) and bounded in length, and a URL only when it is http,
https or mailto.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief.errors import IngestError, Location
from brief.ingest.clean import normalize, plain
from brief.untrusted import clean_text, safe_url

__all__ = ["READERS", "IngestError", "RawSource", "read_source"]

MAX_BYTES = 20 * 1024 * 1024  # larger files are not articles; reading them would only stall a batch
MAX_TEXT = 20_000_000  # characters a reader may return: a DOCX or PDF may hold more text than its size
MAX_PART = 50 * 1024 * 1024  # bytes of one DOCX part once inflated; a long memo's document.xml is a few MB
MAX_UNZIPPED = 100 * 1024 * 1024  # bytes of all DOCX parts once inflated
MAX_PARTS = 5_000  # parts of a DOCX; a real one has a few dozen
MAX_RATIO = 100  # inflated/compressed size of a DOCX part over 1 MB; Word's XML compresses about 10:1
MAX_PAGES = 2_000  # pages of a PDF; a long report has a few hundred
MAX_STREAM = 5 * 1024 * 1024  # bytes one PDF stream may inflate to while its text is read
MAX_CONTENT = 20 * 1024 * 1024  # bytes of page content text extraction may parse in all the pages of a PDF
MAX_FORMS = 100  # form XObjects drawn while one page's text is read; a page draws a few (a logo, a header)
MAX_HTML = 10 * 1024 * 1024  # bytes of HTML given to article extraction; pages over this are mostly scripts
MAX_TAGS = 100_000  # tags ('<') of an HTML page; a long article has a few thousand, and extraction slows with their square
# Longest value of each metadata field; a longer one is garbage, not metadata, and is dropped.
META_LIMITS = {"title": 500, "author": 1_000, "date": 100, "sitename": 200, "head": 2_000, "url": 2_000}


@dataclass
class RawSource:
    path: Path
    text: str
    format: str
    encoding: str = "utf-8"
    meta: dict[str, str] = field(default_factory=dict)  # title, author, date, sitename, url


Reader = Callable[[Path, bytes], RawSource]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    def register(function: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = function
        return function

    return register


def read_source(path: Path) -> RawSource:
    """Read one raw source with the reader registered for its extension."""
    function = READERS.get(path.suffix.lower())
    if function is None:
        known = ", ".join(sorted(READERS))
        raise IngestError(f"unknown file type '{path.suffix or path.name}' (brief reads {known})", Location(path), "ingest/unsupported")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(
                f"file is {size / 1048576:.0f} MB; brief ingests sources up to {MAX_BYTES // 1048576} MB",
                Location(path),
                "ingest/too-large",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror}", Location(path), "ingest/unreadable") from None
    if not data.strip():
        raise IngestError("empty file", Location(path), "ingest/no-text")
    source = function(path, data)
    if len(source.text) > MAX_TEXT:
        raise IngestError(_too_much_text(len(source.text)), Location(path), "ingest/too-large")
    if not source.text.strip():
        raise IngestError("no text found", Location(path), "ingest/no-text")
    source.meta = clean_meta(source.meta)
    return source


def clean_meta(meta: Mapping[str, str]) -> dict[str, str]:
    """Metadata as text brief can trust: hostile characters stripped, values longer than their
    limit dropped, and a URL kept only when it is http, https or mailto."""
    kept: dict[str, str] = {}
    for key, value in meta.items():
        cleaned = plain(value, META_LIMITS.get(key, 500))
        cleaned = safe_url(cleaned) if key == "url" else cleaned
        if cleaned is not None:
            kept[key] = cleaned
    return kept


def _too_much_text(chars: int) -> str:
    return f"the text is {chars / 1e6:.0f} million characters; brief ingests up to {MAX_TEXT // 1_000_000} million"


def _one_line(value: object) -> str:
    """A library's error message (or a name from inside a file) on one line, short and without
    control characters: it ends up in a one-line diagnostic."""
    text = " ".join(normalize(str(value)[:1000]).split())
    return text if len(text) <= 200 else text[:197] + "..."


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Text and encoding of a text file: UTF-8 when valid, else the detected encoding."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError("binary file, not text", Location(path), "ingest/unreadable")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    if best is None or best.encoding is None:
        raise IngestError("cannot tell the text encoding", Location(path), "ingest/unreadable")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise IngestError(f"text is not valid {best.encoding}", Location(path), "ingest/unreadable") from None


@reader(".txt", ".text")
def read_text(path: Path, data: bytes) -> RawSource:
    text, encoding = decode(path, data)
    return RawSource(path, text, "text", encoding)


_FRONT_KEYS = {
    "title": "title", "date": "date", "published": "date", "published_time": "date", "author": "author", "authors": "author",
    "source_url": "url", "url": "url", "publisher": "sitename", "site": "sitename", "site_name": "sitename", "outlet": "sitename",
}  # fmt: skip


@reader(".md", ".markdown")
def read_markdown(path: Path, data: bytes) -> RawSource:
    # Markdown is read as text: cleaning strips its markers, and a leading '# ' heading is a title.
    # YAML front matter, when present, is metadata, not content. YAML refuses control characters,
    # which cleaning would drop anyway: they go first, so that they cannot hide the metadata.
    text, encoding = decode(path, data)
    text = clean_text(text)
    meta: dict[str, str] = {}
    match = re.match(r"^---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", text, re.S)
    if match:
        import yaml

        from brief.inputs.yamlio import YamlTooLarge, load_untrusted

        try:
            front = load_untrusted(match.group(1))
        except YamlTooLarge as exc:
            # Refused, not ignored: front matter that expands past the limit is an attack or a
            # mistake, and the source's metadata would be silently wrong without it.
            raise IngestError(f"front matter is too large: {exc}", Location(path), "ingest/too-large") from None
        except yaml.YAMLError:
            front = None  # not YAML after all: the text keeps it, as it keeps any text
        if isinstance(front, dict):
            text = text[match.end() :]
            for key, value in front.items():
                target = _FRONT_KEYS.get(str(key).lower())
                if target and value and target not in meta:
                    # Only scalars and lists of scalars are metadata; str() of a deep structure
                    # costs as much as the structure, and is not a title or an author either.
                    if isinstance(value, list) and all(_scalar(item) for item in value):
                        meta[target] = "; ".join(map(str, value))
                    elif _scalar(value):
                        meta[target] = str(value)
    return RawSource(path, text, "markdown", encoding, meta)


def _scalar(value: object) -> bool:
    return isinstance(value, (str, int, float))


@reader(".html", ".htm", ".xhtml")
def read_html(path: Path, data: bytes) -> RawSource:
    import trafilatura

    if len(data) > MAX_HTML:
        message = f"the HTML page is {len(data) / 1048576:.1f} MB; brief reads pages up to {MAX_HTML // 1048576} MB"
        raise IngestError(message, Location(path), "ingest/too-large")
    if (tags := data.count(b"<")) > MAX_TAGS:
        raise IngestError(f"the HTML page has {tags:,} tags; brief reads pages of up to {MAX_TAGS:,}", Location(path), "ingest/too-large")
    text, encoding = decode(path, data)
    try:
        doc = trafilatura.bare_extraction(
            text, include_comments=False, include_tables=False, with_metadata=True, favor_precision=False,
            # Dates guessed from link URLs in the body are other documents' dates.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )  # fmt: skip
    except Exception as exc:  # trafilatura raises many types on hostile markup.
        raise IngestError(f"cannot parse HTML: {_one_line(exc)}", Location(path), "ingest/corrupt") from None

    def field(key: str) -> Any:
        # A Document, or a dict from trafilatura versions that return one.
        return doc.get(key) if isinstance(doc, dict) else getattr(doc, key, None)

    body = field("text")
    if not body:
        raise IngestError("no article text found in the HTML page", Location(path), "ingest/no-text")
    meta = {key: str(value) for key in ("title", "author", "date", "sitename", "url") if (value := field(key))}
    head = _visible_head(text)
    if head:
        meta["head"] = "\n".join(head)
        if not re.search(r"<title[\s>]|og:title", text, re.I):
            # A page fragment without <title>: its first visible line is the headline.
            meta["title"] = head[0]
    return RawSource(path, str(body), "html", encoding, meta)


def _visible_head(html: str, lines: int = 8) -> list[str]:
    """The first visible lines of a page (headline, byline, dateline), which article extraction
    may leave out."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = root.xpath("//script|//style|//noscript|//nav|//header//nav")
    for bad in found if isinstance(found, list) else []:
        if isinstance(bad, lxml.html.HtmlElement):
            bad.drop_tree()
    body = root.find("body")
    texts = [t.strip() for t in (body if body is not None else root).itertext() if isinstance(t, str)]
    return [t for t in texts if t and len(t) <= 200][:lines]


@contextmanager
def _quiet(logger: str) -> Iterator[None]:
    """No log lines or warnings from a library while it reads one file."""
    log = logging.getLogger(logger)
    level = log.level
    log.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        log.setLevel(level)


@reader(".pdf")
def read_pdf(path: Path, data: bytes) -> RawSource:
    from pypdf import PdfReader, apply_configuration, get_configuration
    from pypdf.errors import LimitReachedError, PyPdfError

    def refuse(message: str) -> IngestError:
        return IngestError(message, Location(path), "ingest/too-large")

    kinds = ("zlib", "lzw", "run_length", "jbig2", "brotli", "array_based_stream")
    limits = {f"{kind}_maximum_output_length": MAX_STREAM for kind in kinds}
    try:
        # pypdf logs what it repairs ("EOF marker not found") and warns; brief reports a file in
        # one line of its own, so the library's lines are kept off the terminal.
        with (
            _quiet("pypdf"),
            apply_configuration(get_configuration().with_overwrites(**limits, xform_maximum_invocations_per_extraction=MAX_FORMS)),
        ):
            pdf = PdfReader(io.BytesIO(data))
            if len(pdf.pages) > MAX_PAGES:
                raise refuse(f"the PDF has {len(pdf.pages):,} pages; brief reads up to {MAX_PAGES:,}")
            # Reading text costs far more per byte than inflating, so every page's content is
            # inflated (each stream within MAX_STREAM) and weighed before any text is read.
            if sum(_page_weight(page) for page in pdf.pages) > MAX_CONTENT:
                raise refuse(f"the PDF's pages inflate to over {MAX_CONTENT // 1048576} MB of content; brief reads up to that")
            pages, chars = [], 0
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
                chars += len(pages[-1]) + 2
                if chars > MAX_TEXT:
                    raise refuse(_too_much_text(chars))
            info: Mapping[str, Any] = pdf.metadata or {}
    except LimitReachedError:
        raise refuse(
            f"the PDF expands past brief's limits (a stream inflating past {MAX_STREAM // 1048576} MB, or too many objects)"
        ) from None
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError, IndexError, AttributeError) as exc:
        raise IngestError(f"corrupt PDF: {_one_line(exc)}", Location(path), "ingest/corrupt") from None
    text = "\n\n".join(pages)
    if len(text.split()) < 5:
        raise IngestError("the PDF has no text layer (a scan?); run OCR first", Location(path), "ingest/no-text")
    meta = {}
    if info.get("/Title"):
        meta["title"] = str(info["/Title"])
    if info.get("/Author"):
        meta["author"] = str(info["/Author"])
    return RawSource(path, text, "pdf", "utf-8", meta)


def _page_weight(page: Any) -> int:
    """Bytes of content text extraction parses on a PDF page: its content streams, and its form
    XObjects as often as they may be drawn ("Do"; at most MAX_FORMS times, as the reader is
    told), counted at the largest form's size."""
    size = calls = largest = 0
    for stream in _streams(page.get("/Contents")):
        data = _inflated(stream)
        size, calls = size + len(data), calls + data.count(b"Do")
    for form in _forms(page.get("/Resources")):
        data = _inflated(form)
        largest, calls = max(largest, len(data)), calls + data.count(b"Do")
    return size + min(calls, MAX_FORMS) * largest


def _inflated(stream: Any) -> bytes:
    """A stream's data; nothing when it cannot be decoded (reading the text meets the same
    problem and deals with it), but a stream past the limits is past them."""
    from pypdf.errors import LimitReachedError

    try:
        return bytes(stream.get_data())
    except LimitReachedError:
        raise
    except Exception:  # unsupported filters, broken data: not this check's business
        return b""


def _streams(value: Any) -> list[Any]:
    """The stream objects of a /Contents entry: one stream or an array of them."""
    value = value.get_object() if value is not None else None
    items = [item.get_object() for item in value] if isinstance(value, list) else [value]
    return [item for item in items if hasattr(item, "get_data")]


def _forms(resources: Any) -> list[Any]:
    """Form XObjects a page's resources reach, nested ones too, each once (at most MAX_FORMS)."""
    found: dict[int, Any] = {}
    pending = [resources]
    while pending and len(found) < MAX_FORMS:
        current = pending.pop()
        current = current.get_object() if current is not None else None
        xobjects = current.get("/XObject") if isinstance(current, dict) else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        for item in xobjects.values() if isinstance(xobjects, dict) else []:
            form = item.get_object()
            if isinstance(form, dict) and form.get("/Subtype") == "/Form" and id(form) not in found and hasattr(form, "get_data"):
                found[id(form)] = form
                pending.append(form.get("/Resources"))
    return list(found.values())


def _check_zip(path: Path, data: bytes) -> None:
    """Refuse a DOCX whose zip directory declares parts that inflate past brief's limits, before
    any part is inflated. zipfile stops reading a part at its declared size, so declaring less
    than a part holds does not get past this."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise IngestError(f"corrupt DOCX: {_one_line(exc)}", Location(path), "ingest/corrupt") from None

    def refuse(message: str) -> IngestError:
        return IngestError(message, Location(path), "ingest/too-large")

    if len(parts) > MAX_PARTS:
        raise refuse(f"the DOCX has {len(parts):,} parts; brief reads up to {MAX_PARTS:,}")
    for part in parts:
        name, size, ratio = _one_line(part.filename), part.file_size, part.file_size // max(part.compress_size, 1)
        if size > MAX_PART:
            raise refuse(f"DOCX part {name} inflates to {size / 1048576:,.0f} MB; brief reads parts up to {MAX_PART // 1048576} MB")
        if size > 1048576 and ratio > MAX_RATIO:
            raise refuse(f"DOCX part {name} inflates {ratio:,} times; brief reads parts that inflate up to {MAX_RATIO} times")
    total = sum(part.file_size for part in parts)
    if total > MAX_UNZIPPED:
        raise refuse(f"the DOCX inflates to {total / 1048576:,.0f} MB; brief reads up to {MAX_UNZIPPED // 1048576} MB")


@reader(".docx")
def read_docx(path: Path, data: bytes) -> RawSource:
    import zipfile

    import docx

    _check_zip(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"corrupt DOCX: {_one_line(exc)}", Location(path), "ingest/corrupt") from None
    except Exception as exc:  # python-docx raises package errors of its own for broken parts.
        raise IngestError(f"corrupt DOCX: {_one_line(exc)}", Location(path), "ingest/corrupt") from None
    text = "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
    props = document.core_properties
    meta = {k: v for k, v in (("title", props.title), ("author", props.author)) if v}
    if props.created and props.created.year > 1990:
        meta["date"] = props.created.date().isoformat()
    return RawSource(path, text, "docx", "utf-8", meta)
