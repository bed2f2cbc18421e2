"""Memo rules, checked on what was rendered.

Stage: verify. Given one memo's spec, its Memo, the portions it left out and its rendered PDF and
DOCX (with the text a reader reads in each), returns diagnostics about the conventions a reader
relies on: the banner on every page where the audience wants one, no handling marking in a public
variant, no withheld portion anywhere, an Approve/Disapprove decision with a date at least five
business days after the memo's, no unresolved placeholders, every option with a cited source and
a stated risk, and the same text in the PDF and the DOCX. Pure functions: nothing is opened again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from brief.assemble.markers import strip_markers
from brief.assemble.memo import Memo
from brief.diagnostics import Diagnostic, Location, diagnostic
from brief.inputs.spec import BriefSpec
from brief.inputs.summaries import LoadedSummary
from brief.render import Rendered

MARKINGS = re.compile(
    r"\b(?:UNCLASSIFIED|CONFIDENTIAL|TOP SECRET|SECRET|FOUO|FOR OFFICIAL USE ONLY|NOFORN|SBU|SENSITIVE BUT UNCLASSIFIED|CUI|"
    r"CONTROLLED UNCLASSIFIED|LIMITED OFFICIAL USE|LES|LAW ENFORCEMENT SENSITIVE)\b|\((?:U|C|S|TS|SBU|CUI)(?://[A-Z]+)?\)"
)
PLACEHOLDERS = re.compile(
    r"\bTODO\b|\bTBD\b|\bXXX+\b|\[(?:insert|placeholder|citation needed)[^\]]*\]|\{\{|\}\}|\{%|lorem ipsum", re.IGNORECASE
)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


def check_memo(
    spec: BriefSpec,
    memo: Memo,
    withheld: tuple[str, ...],
    rendered: Mapping[str, Rendered],
    sources: Sequence[LoadedSummary] = (),
) -> list[Diagnostic]:
    """The broken rules of one rendered memo, given the text a reader reads in its PDF pages (from
    the layout) and in its DOCX, and the summaries it drew on (to say where a placeholder that
    came from a source is)."""
    found: list[Diagnostic] = []

    def report(code: str, message: str, line: int | None) -> None:
        found.append(diagnostic(code, message, Location(spec.path, line)))

    who = f"{memo.audience} memo"
    pdf = rendered.get("pdf")
    pdf_pages = pdf.pages if pdf is not None else ()
    pages = [page.text for page in pdf_pages]
    # The PDF's flow of text, page after page, then footnotes and margins: the order a DOCX
    # paragraph split across pages can be found in.
    flow = "\n".join([p.body for p in pdf_pages] + [p.notes for p in pdf_pages] + [p.margins for p in pdf_pages])
    docx = rendered.get("docx")
    word_text = docx.text or "" if docx is not None else ""
    if memo.banner:
        for number, page in enumerate(pages, start=1):
            if page.count(memo.banner) < 2:
                report("memo/banner", f"page {number} of the {who} PDF lacks the banner at top and bottom", spec.line_of("classification"))
    if memo.form == "public":
        for name, text in (("PDF", "\n".join(pages)), ("DOCX", word_text)):
            leak = MARKINGS.search(text)
            if leak:
                report(
                    "memo/public-marking",
                    f"the public {name} carries the handling marking '{leak.group(0)}'",
                    spec.line_of("classification"),
                )
    for name, text in (("PDF", "\n".join(pages)), ("DOCX", word_text)):
        leaked = _leaked_portion(withheld, text)
        if leaked:
            report(
                "memo/portion-leak", f"the {who} {name} carries a portion it may not: “{leaked}”", spec.find(leaked.split(" … ")[0]).line
            )
    for name, text in (("PDF", "\n".join(pages)), ("DOCX", word_text)):
        # Every placeholder, once each: a drafted brief (`brief new`) has several to fill in.
        seen: set[str] = set()
        for hole in PLACEHOLDERS.finditer(text):
            if _plain(hole.group(0)) in seen:
                continue
            seen.add(_plain(hole.group(0)))
            message = f"the {who} {name} has an unresolved placeholder '{hole.group(0)}'"
            found.append(diagnostic("memo/placeholder", message, _placeholder_origin(hole, text, spec, sources)))
    if memo.form == "action":
        for text in [text for text in ("\n".join(pages), word_text) if text]:
            if not re.search(r"Approve\s*_{3,}.*Disapprove\s*_{3,}", " ".join(text.split())):
                report("memo/approve-lines", f"the {who} has no Approve / Disapprove lines", spec.line_of("recommendation"))
                break
        if spec.front.decision_due is None:
            # An early date is allowed with a printed justification: see verify.forms.
            report(
                "memo/decision-date", f"the {who} asks for a decision but the brief sets no decision_due", spec.line_of("recommendation")
            )
    if pages and word_text:
        pdf_words = " ".join(_words(flow))
        # "Page X of Y" is fields in Word; where the PDF prints no number (page one) it is no news.
        missing = [
            p for p in word_text.split("\n") if _words(p) and " ".join(_words(p)) not in pdf_words and " ".join(_words(p)) != "page of"
        ]
        if missing:
            found.append(
                diagnostic("memo/formats-differ", f"the {who} DOCX says what its PDF does not: “{missing[0][:80]}”", Location(spec.path))
            )
    return found


def _placeholder_origin(hole: re.Match[str], text: str, spec: BriefSpec, sources: Sequence[LoadedSummary]) -> Location:
    """Where a placeholder the memo prints was written: the line of the brief or of a summary that
    holds it with the words the memo prints before it. A "{{" or "TBD" from a source's text is
    the summary's to fix, not the brief's first "{{"."""
    needle = hole.group(0)
    context = _words(text[max(0, hole.start() - 80) : hole.start()])[-3:]

    def line_in(content: str, words: list[str]) -> int | None:
        for number, line in enumerate(content.splitlines(), start=1):
            if _plain(needle) in _plain(line) and all(word in " ".join(_words(line)) for word in words):
                return number
        return None

    line = line_in(spec.text, context)
    if line is not None:
        return Location(spec.path, line)
    for source in sources:
        try:
            line = line_in(source.path.read_text(encoding="utf-8"), context)
        except OSError:
            continue
        if line is not None:
            return Location(source.path, line)
    # Then alone, in the brief: a heading line ("ACTION MEMO FOR ...") prints words the brief
    # never wrote beside the placeholder.
    line = line_in(spec.text, [])
    return Location(spec.path, line) if line is not None else spec.find(needle)


def _plain(text: str) -> str:
    """Text compared as written, whatever typography or a heading's capitals made of it."""
    return text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def _leaked_portion(withheld: tuple[str, ...], rendered: str, run: int = 8) -> str | None:
    """The first withheld portion whose words (any `run` of them in a row, or all of a shorter
    portion) appear in the rendered text."""
    if not withheld or not rendered:
        return None
    text = " " + " ".join(_words(rendered)) + " "
    for portion in withheld:
        plain = strip_markers(portion)  # citation markers are not words
        words = _words(plain)
        windows = [words] if len(words) <= run else [words[i : i + run] for i in range(len(words) - run + 1)]
        for window in windows:
            if window and f" {' '.join(window)} " in text:
                return " ".join(plain.split()[:6]) + " …"
    return None


def check_options(spec: BriefSpec, cited_sources: Mapping[str, set[str]]) -> list[Diagnostic]:
    """Every option needs at least one source that discusses it or a citation, and a stated risk."""
    found: list[Diagnostic] = []
    for index, option in enumerate(spec.front.options):
        where = spec.location("options", index, "id")
        text = " ".join([option.summary or "", *option.pros, *option.cons, *option.risks, option.cost or ""])
        if not cited_sources.get(option.id) and not re.search(r"\b(?:cite|figure)\(", text):
            found.append(diagnostic("option/uncited", f"option '{option.id}' cites no source", where))
        if not option.risks:
            found.append(diagnostic("option/no-risk", f"option '{option.id}' states no risk", where))
    return found
