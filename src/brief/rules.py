"""Memo rules, checked on what was rendered.

Stage: verification of outputs. Given one memo's spec, Memo model and rendered PDF and DOCX bytes,
returns findings about the conventions a reader relies on: the banner on every page where the
audience wants one, no handling marking in a public variant, an Approve/Disapprove decision with a
date at least five business days after the memo's, no unresolved placeholders, every option with
a cited source and a stated risk, and the same text in the PDF and the DOCX. ``brief build`` runs
the hard rules before writing; ``brief check`` reports all of them.
"""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

from brief.blocks import MARKER
from brief.memo import Memo
from brief.render.pdf import PageText
from brief.spec import BriefSpec

MARKINGS = re.compile(
    r"\b(?:UNCLASSIFIED|CONFIDENTIAL|TOP SECRET|SECRET|FOUO|FOR OFFICIAL USE ONLY|NOFORN|SBU|SENSITIVE BUT UNCLASSIFIED|CUI|"
    r"CONTROLLED UNCLASSIFIED|LIMITED OFFICIAL USE|LES|LAW ENFORCEMENT SENSITIVE)\b|\((?:U|C|S|TS|SBU|CUI)(?://[A-Z]+)?\)"
)
PLACEHOLDERS = re.compile(
    r"\bTODO\b|\bTBD\b|\bXXX+\b|\[(?:insert|placeholder|citation needed)[^\]]*\]|\{\{|\}\}|\{%|lorem ipsum", re.IGNORECASE
)


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def business_days_after(start: date, days: int) -> date:
    current, left = start, days
    while left:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


def check_memo(spec: BriefSpec, memo: Memo, pdf_pages: list[PageText] | None, docx: bytes | None) -> list[tuple[str, str, int | None]]:
    """(severity, message, spec line) for each broken rule of one rendered memo, given the text
    of each page of its PDF (from the layout) and its DOCX."""
    found: list[tuple[str, str, int | None]] = []
    who = f"{memo.audience} memo"
    pages = [page.text for page in pdf_pages or []]
    # The PDF's flow of text, page after page, then footnotes and margins: the order a DOCX
    # paragraph split across pages can be found in.
    flow = "\n".join([p.body for p in pdf_pages or []] + [p.notes for p in pdf_pages or []] + [p.margins for p in pdf_pages or []])
    word_text = docx_text(docx) if docx is not None else ""
    if memo.banner:
        for number, page in enumerate(pages, start=1):
            if page.count(memo.banner) < 2:
                found.append(
                    ("error", f"page {number} of the {who} PDF lacks the banner at top and bottom", spec.line_of("classification"))
                )
    if memo.form == "public":
        for name, text in (("PDF", "\n".join(pages)), ("DOCX", word_text)):
            leak = MARKINGS.search(text)
            if leak:
                found.append(("error", f"the public {name} carries the handling marking '{leak.group(0)}'", spec.line_of("classification")))
    for name, text in (("PDF", "\n".join(pages)), ("DOCX", word_text)):
        leaked = _leaked_portion(memo.withheld, text)
        if leaked:
            found.append(("error", f"the {who} {name} carries a portion it may not: “{leaked}”", spec.find(leaked.split(" … ")[0]).line))
    for name, text in (("PDF", "\n".join(pages)), ("DOCX", word_text)):
        hole = PLACEHOLDERS.search(text)
        if hole:
            found.append(("error", f"the {who} {name} has an unresolved placeholder '{hole.group(0)}'", spec.find(hole.group(0)).line))
    if memo.form == "action":
        rendered = [text for text in ("\n".join(pages), word_text) if text]
        for text in rendered:
            if not re.search(r"Approve\s*_{3,}.*Disapprove\s*_{3,}", " ".join(text.split())):
                found.append(("error", f"the {who} has no Approve / Disapprove lines", spec.line_of("recommendation")))
                break
        due = spec.front.decision_due
        earliest = business_days_after(spec.front.date, 5)
        if due is None:
            found.append(("error", f"the {who} asks for a decision but the brief sets no decision_due", spec.line_of("recommendation")))
        elif due < earliest:
            found.append(
                (
                    "error",
                    f"decision_due {due.isoformat()} is less than five business days after the memo date; "
                    f"the earliest is {earliest.isoformat()}",
                    spec.line_of("decision_due"),
                )
            )
    for section_id, message in memo.over_budget:
        prose = spec.prose.get(section_id)
        found.append(("warning", message, prose.line if prose else None))
    if pages and word_text:
        pdf_words = " ".join(_words(flow))
        # "Page X of Y" is fields in Word; where the PDF prints no number (page one) it is no news.
        missing = [
            p for p in word_text.split("\n") if _words(p) and " ".join(_words(p)) not in pdf_words and " ".join(_words(p)) != "page of"
        ]
        if missing:
            found.append(("warning", f"the {who} DOCX says what its PDF does not: “{missing[0][:80]}”", None))
    return found


def _leaked_portion(withheld: tuple[str, ...], rendered: str, run: int = 8) -> str | None:
    """The first withheld portion whose words (any `run` of them in a row, or all of a shorter
    portion) appear in the rendered text."""
    if not withheld or not rendered:
        return None
    text = " " + " ".join(_words(rendered)) + " "
    for portion in withheld:
        plain = MARKER.sub(" ", portion)  # citation markers are not words
        words = _words(plain)
        windows = [words] if len(words) <= run else [words[i : i + run] for i in range(len(words) - run + 1)]
        for window in windows:
            if window and f" {' '.join(window)} " in text:
                return " ".join(plain.split()[:6]) + " …"
    return None


def check_options(spec: BriefSpec, cited_sources: dict[str, set[str]]) -> list[tuple[str, str, int | None]]:
    """Every option needs at least one source that discusses it or a citation, and a stated risk."""
    found: list[tuple[str, str, int | None]] = []
    for index, option in enumerate(spec.front.options):
        text = " ".join([option.summary or "", *option.pros, *option.cons, *option.risks, option.cost or ""])
        if not cited_sources.get(option.id) and not re.search(r"\b(?:cite|figure)\(", text):
            found.append(("error", f"option '{option.id}' cites no source", spec.line_of("options", index, "id")))
        if not option.risks:
            found.append(("error", f"option '{option.id}' states no risk", spec.line_of("options", index, "id")))
    return found
