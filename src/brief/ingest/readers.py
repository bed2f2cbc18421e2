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

Kept libraries where they beat a rule: an HTML page's article and its metadata come from
trafilatura, whose boilerplate removal (jusText's paragraph classes) and date finding (htmldate,
which reads a page's meta tags, its JSON-LD and its URL before any visible text) were measured on
the saved web pages of the evaluation corpus and are better than rules of our own would be. A
record saved as text or Markdown keeps no markup: :func:`~brief.ingest.clean.without_markup`
removes the tags a page left in it, here, so that `brief check` reads the text ingest drafted from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief.errors import IngestError, Location
from brief.ingest.clean import normalize, plain, without_markup
from brief.untrusted import clean_text, safe_url

__all__ = ["READERS", "IngestError", "RawSource", "read_source"]

MAX_BYTES = 20 * 1024 * 1024  # larger files are not articles; reading them would only stall a batch
MAX_TEXT = 20_000_000  # characters a reader may return: a DOCX or PDF may hold more text than its size
MAX_HTML = 10 * 1024 * 1024  # bytes of HTML given to article extraction; pages over this are mostly scripts
MAX_BLOCKQUOTES = 200  # <blockquote> elements marked as quotations; an article has a handful
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
        raise IngestError(too_much_text(len(source.text)), Location(path), "ingest/too-large")
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


def too_much_text(chars: int) -> str:
    return f"the text is {chars / 1e6:.0f} million characters; brief ingests up to {MAX_TEXT // 1_000_000} million"


def flat_message(value: object) -> str:
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
    return RawSource(path, without_markup(text), "text", encoding)


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
    text = without_markup(clean_text(text))
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
            _quoted_blockquotes(text), include_comments=False, include_tables=False, with_metadata=True, favor_precision=False,
            # Dates guessed from link URLs in the body are other documents' dates.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )  # fmt: skip
    except Exception as exc:  # trafilatura raises many types on hostile markup.
        raise IngestError(f"cannot parse HTML: {flat_message(exc)}", Location(path), "ingest/corrupt") from None

    def field(key: str) -> Any:
        # A Document, or a dict from trafilatura versions that return one.
        return doc.get(key) if isinstance(doc, dict) else getattr(doc, key, None)

    body = field("text")
    if not body:
        raise IngestError("no article text found in the HTML page", Location(path), "ingest/no-text")
    # Each line of the extraction is a block of the page (a paragraph, a heading, a line after a
    # <br>), never a line wrapped by width: kept apart, so that cleaning does not join short ones
    # ("Jane Roe" over "Mayor of Harbor Town" over "“…”") as it joins a PDF's wrapped lines.
    body = re.sub(r"\n+", "\n\n", str(body))
    meta = {key: str(value) for key in ("title", "author", "date", "sitename", "url") if (value := field(key))}
    head = _visible_head(text)
    if head:
        meta["head"] = "\n".join(head)
        if not re.search(r"<title[\s>]|og:title", text, re.I):
            # A page fragment without <title>: its first visible line is the headline.
            meta["title"] = head[0]
    return RawSource(path, str(body), "html", encoding, meta)


_BLOCKQUOTE = re.compile(r"<blockquote(?P<attrs>\s[^>]{0,500})?>(?P<body>(?:(?!</?blockquote\b).){1,20000}?)</blockquote\s*>", re.I | re.S)
_EMBED = re.compile(r"tweet|twitter|instagram|tiktok|embed|pullquote|pull-quote", re.I)


def _quoted_blockquotes(html: str) -> str:
    """A page's <blockquote> holds someone's words; article extraction keeps its text but not what
    it is. Its text is put between quotation marks (unless it has its own), so that it reads as a
    quotation. Embedded posts and pull quotes (the article's own words, repeated) are left alone."""
    count = html.lower().count("<blockquote")
    if not count or count > MAX_BLOCKQUOTES:  # each one is read to its end once, at most 20,000 characters
        return html

    def mark(match: re.Match[str]) -> str:
        body = match.group("body")
        words = re.sub(r"<[^>]*>", "", body).strip()
        if _EMBED.search(match.group("attrs") or "") or not words or words[0] in "“\"‘'":
            return match.group(0)
        opening = re.match(r"(?:\s*<(?!/)[^>]*>)*\s*", body)
        at = opening.end() if opening else 0
        closing = re.search(r"\s*(?:</[^>]*>\s*)*$", body)
        end = closing.start() if closing else len(body)
        inner = body[at:end]
        # A quotation of several paragraphs opens each of them and closes only the last, as print does.
        inner = re.sub(r"(<p\b[^>]{0,500}>\s*)(?=[^<\s])", r"\1“", inner)
        return f"{match.group(0)[: match.start('body') - match.start()]}{body[:at]}“{inner}”{body[end:]}</blockquote>"

    return _BLOCKQUOTE.sub(mark, html)


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


# The PDF and DOCX readers register themselves; they live apart, with their limits.
from brief.ingest import documents  # noqa: E402, F401
