"""Readers for packaged documents, PDF and DOCX, with the limits that keep a hostile one from
exhausting ingest.

Stage: ingest (the first step, beside :mod:`.readers`, whose registry they join). A PDF or DOCX is
a compressed package: a few megabytes on disk can inflate to gigabytes, or draw one page a million
times. Each is weighed before its text is read, and refused (``ingest/too-large``, one line) when
it would take more than a real memo or report ever does.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from brief.errors import IngestError, Location
from brief.ingest.readers import MAX_TEXT, RawSource, flat_message, reader, too_much_text

MAX_PART = 50 * 1024 * 1024  # bytes of one DOCX part once inflated; a long memo's document.xml is a few MB
MAX_UNZIPPED = 100 * 1024 * 1024  # bytes of all DOCX parts once inflated
MAX_PARTS = 5_000  # parts of a DOCX; a real one has a few dozen
MAX_RATIO = 100  # inflated/compressed size of a DOCX part over 1 MB; Word's XML compresses about 10:1
MAX_PAGES = 2_000  # pages of a PDF; a long report has a few hundred
MAX_STREAM = 5 * 1024 * 1024  # bytes one PDF stream may inflate to while its text is read
MAX_CONTENT = 20 * 1024 * 1024  # bytes of page content text extraction may parse in all the pages of a PDF
MAX_FORMS = 100  # form XObjects drawn while one page's text is read; a page draws a few (a logo, a header)


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
                    raise refuse(too_much_text(chars))
            info: Mapping[str, Any] = pdf.metadata or {}
    except LimitReachedError:
        raise refuse(
            f"the PDF expands past brief's limits (a stream inflating past {MAX_STREAM // 1048576} MB, or too many objects)"
        ) from None
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError, IndexError, AttributeError) as exc:
        raise IngestError(f"corrupt PDF: {flat_message(exc)}", Location(path), "ingest/corrupt") from None
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
        raise IngestError(f"corrupt DOCX: {flat_message(exc)}", Location(path), "ingest/corrupt") from None

    def refuse(message: str) -> IngestError:
        return IngestError(message, Location(path), "ingest/too-large")

    if len(parts) > MAX_PARTS:
        raise refuse(f"the DOCX has {len(parts):,} parts; brief reads up to {MAX_PARTS:,}")
    for part in parts:
        name, size, ratio = flat_message(part.filename), part.file_size, part.file_size // max(part.compress_size, 1)
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
        raise IngestError(f"corrupt DOCX: {flat_message(exc)}", Location(path), "ingest/corrupt") from None
    except Exception as exc:  # python-docx raises package errors of its own for broken parts.
        raise IngestError(f"corrupt DOCX: {flat_message(exc)}", Location(path), "ingest/corrupt") from None
    text = "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
    props = document.core_properties
    meta = {k: v for k, v in (("title", props.title), ("author", props.author)) if v}
    if props.created and props.created.year > 1990:
        meta["date"] = props.created.date().isoformat()
    return RawSource(path, text, "docx", "utf-8", meta)
