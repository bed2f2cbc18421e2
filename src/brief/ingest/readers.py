"""Readers: one per file type, chosen by extension through a registry.

Stage: the first of ingest. A reader turns a file into text plus whatever metadata the format
carries (an HTML page's title, byline, date and site name). Bad files raise an IngestError that
names the file: empty, binary, too large, undecodable, an HTML page with no article, a PDF with no
text layer, a corrupt DOCX.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief.errors import IngestError, Location

__all__ = ["READERS", "IngestError", "RawSource", "read_source"]

MAX_BYTES = 20 * 1024 * 1024  # larger files are not articles; reading them would only stall a batch


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
                "ingest/unreadable",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror}", Location(path), "ingest/unreadable") from None
    if not data.strip():
        raise IngestError("empty file", Location(path), "ingest/no-text")
    source = function(path, data)
    if not source.text.strip():
        raise IngestError("no text found", Location(path), "ingest/no-text")
    return source


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
    # YAML front matter, when present, is metadata, not content.
    text, encoding = decode(path, data)
    meta: dict[str, str] = {}
    match = re.match(r"^---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", text, re.S)
    if match:
        import yaml

        try:
            front = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            front = None
        if isinstance(front, dict):
            text = text[match.end() :]
            for key, value in front.items():
                target = _FRONT_KEYS.get(str(key).lower())
                if target and value and target not in meta:
                    meta[target] = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    return RawSource(path, text, "markdown", encoding, meta)


@reader(".html", ".htm", ".xhtml")
def read_html(path: Path, data: bytes) -> RawSource:
    import trafilatura

    text, encoding = decode(path, data)
    try:
        doc = trafilatura.bare_extraction(
            text, include_comments=False, include_tables=False, with_metadata=True, favor_precision=False,
            # Dates guessed from link URLs in the body are other documents' dates.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )  # fmt: skip
    except Exception as exc:  # trafilatura raises many types on hostile markup.
        raise IngestError(f"cannot parse HTML: {exc}", Location(path), "ingest/corrupt") from None

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


@reader(".pdf")
def read_pdf(path: Path, data: bytes) -> RawSource:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pdf = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in pdf.pages]
        info: Mapping[str, Any] = pdf.metadata or {}
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"corrupt PDF: {exc}", Location(path), "ingest/corrupt") from None
    text = "\n\n".join(pages)
    if len(text.split()) < 5:
        raise IngestError("the PDF has no text layer (a scan?); run OCR first", Location(path), "ingest/no-text")
    meta = {}
    if info.get("/Title"):
        meta["title"] = str(info["/Title"])
    if info.get("/Author"):
        meta["author"] = str(info["/Author"])
    return RawSource(path, text, "pdf", "utf-8", meta)


@reader(".docx")
def read_docx(path: Path, data: bytes) -> RawSource:
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"corrupt DOCX: {exc}", Location(path), "ingest/corrupt") from None
    except Exception as exc:  # python-docx raises package errors of its own for broken parts.
        raise IngestError(f"corrupt DOCX: {exc}", Location(path), "ingest/corrupt") from None
    text = "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
    props = document.core_properties
    meta = {k: v for k, v in (("title", props.title), ("author", props.author)) if v}
    if props.created and props.created.year > 1990:
        meta["date"] = props.created.date().isoformat()
    return RawSource(path, text, "docx", "utf-8", meta)
