"""Untrusted text: what text from a source, a summary or a brief may not carry into brief.

Shared by every stage that takes text in (ingest reading a raw source, the input models reading
summaries and briefs) and by the renderers, which check links once more. Text from the open web
is hostile by default:

- **Private-use characters** (U+E000–U+F8FF and the two supplementary private-use planes) are
  where brief's assembler keeps its internal markers; no input may spell one.
- **Control characters** other than tab and newline draw nothing and confuse XML and terminals;
  nor may text hold lone surrogates or the noncharacters U+FFFE and U+FFFF, which no XML (the
  SVG of a chart, the parts of a DOCX) can carry.
- **Line breaks inside one-line fields** (a key point, a label, a quotation) would start a new
  Markdown block (a bullet, a heading) where the field is printed.
- **Links** keep only the schemes a memo may carry: http, https and mailto; ``javascript:``,
  ``data:``, ``file:`` and the rest never reach an ``href``, a PDF link or a Word hyperlink.

Only the standard library: summaries are read on every build.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
# C0 controls but tab, newline and carriage return; DEL; C1 controls; lone surrogates; U+FFFE, U+FFFF.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def clean_text(text: str) -> str:
    """Text without private-use or control characters; line breaks kept (prose, Markdown)."""
    if text.isascii() and text.isprintable():
        return text  # the common case, checked in one pass
    return CONTROLS.sub("", PRIVATE_USE.sub("", text)).replace("\r\n", "\n").replace("\r", "\n")


def xml_safe(text: str) -> str:
    """Text an XML document may hold: without the characters of CONTROLS (renderers call it once
    more on what they write, whatever reached them)."""
    return CONTROLS.sub("", text)


def clean_line(text: str) -> str:
    """One-line text: cleaned, every run of white space (line breaks included) one space."""
    return " ".join(clean_text(text).split())


def safe_url(url: str | None) -> str | None:
    """The link if a memo may carry it (http or https with a host, or mailto), else None."""
    if not url:
        return None
    candidate = clean_line(url)
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES:
        return None
    if scheme in ("http", "https") and not parts.netloc:
        return None
    if scheme == "mailto" and not parts.path:
        return None
    return candidate
