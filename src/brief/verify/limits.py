"""Hard limits of an audience: pages, printed lines of the BLUF, words of the BLUF.

Stage: verify. A principal reads one page and a four-line BLUF; an audience profile sets those
limits (``limits.pages``, ``limits.bluf_lines``, ``limits.bluf_words``), and a memo that breaks
one is unfit to send. Pages and printed lines are counted in the PDF's layout (the
:class:`~brief.render.Rendered` result); words in the Memo.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from brief.assemble.memo import Block, Inline, Memo, Text
from brief.diagnostics import Diagnostic, Location, diagnostic
from brief.inputs.models import AudienceProfile
from brief.inputs.spec import BriefSpec
from brief.render import Rendered


def check_limits(spec: BriefSpec, memo: Memo, profile: AudienceProfile, rendered: Mapping[str, Rendered]) -> list[Diagnostic]:
    """The limits one memo breaks, located at the brief (and at its BLUF's heading)."""
    found: list[Diagnostic] = []
    limits = profile.limits
    bluf_prose = spec.prose_for(profile.name, profile.form).get("bluf")
    at_bluf = Location(spec.path, bluf_prose.line if bluf_prose else None)
    pdf = rendered.get("pdf")
    pages = memo_pages(memo, pdf) if pdf is not None else 0
    if limits.pages is not None and pages > limits.pages:
        part = "memo (tabs not counted)" if memo.tabs else "memo"
        message = f"the {memo.audience} {part} takes {pages} pages; its audience allows {limits.pages}"
        found.append(diagnostic("memo/page-limit", message, Location(spec.path)))
    if pdf is not None and limits.bluf_lines is not None:
        lines = pdf.section_lines.get("bluf", 0)
        if lines > limits.bluf_lines:
            message = f"the BLUF takes {lines} printed lines in the {memo.audience} memo; its audience allows {limits.bluf_lines}"
            found.append(diagnostic("memo/bluf-lines", message, at_bluf))
    bluf = next((s for s in memo.sections if s.id == "bluf"), None)
    if bluf is not None and limits.bluf_words is not None:
        words = len(re.findall(r"\S+", " ".join(_block_text(b) for b in bluf.blocks)))
        if words > limits.bluf_words:
            message = f"the BLUF has {words} words; the {profile.name} audience allows {limits.bluf_words}"
            found.append(diagnostic("memo/bluf-words", message, at_bluf))
    return found


def memo_pages(memo: Memo, pdf: Rendered) -> int:
    """Pages of the memo itself: every page before the first tab, which starts a page of its own
    with its title ("Tab A – Options Analysis")."""
    if not memo.tabs:
        return len(pdf.pages)
    first = re.compile(rf"^\s*Tab {re.escape(memo.tabs[0].tab or '')}\b", re.IGNORECASE)
    for number, page in enumerate(pdf.pages):
        if first.search(page.body):
            return number
    return len(pdf.pages)


def _block_text(block: Block) -> str:
    runs: tuple[Inline, ...] = getattr(block, "runs", ())
    return "".join(r.text for r in runs if isinstance(r, Text))
