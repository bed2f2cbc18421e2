"""Note rules, read from the assembled Memo's runs.

Stage: verify. A note call printed straight after a digit reads as an exponent ("37⁵
extraditions"), so ``memo/note-after-digit`` reports one wherever the memo's text puts it (a
sentence that ends in a bare number, a template that prints a call after a figure). Two notes in
a row that say the same thing are one note too many, so ``memo/repeated-note`` reports them.
Pure functions: the Memo is all they read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from brief.assemble.memo import BulletList, FootnoteRef, Inline, Link, Memo, Paragraph, Table, Text
from brief.diagnostics import Diagnostic, diagnostic
from brief.inputs.spec import BriefSpec


def _units(memo: Memo) -> Iterator[Sequence[Inline]]:
    """Every run of inline text a call may sit in: paragraphs, list items, table cells."""
    for section in memo.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield block.runs
            elif isinstance(block, BulletList):
                yield from block.items
            elif isinstance(block, Table):
                for row in block.rows:
                    yield from row


def calls_after_digits(memo: Memo) -> list[tuple[int, str]]:
    """(note number, the words before it) for each call printed straight after a digit."""
    found: list[tuple[int, str]] = []
    for runs in _units(memo):
        text = ""
        for run in runs:
            if isinstance(run, FootnoteRef):
                if text[-1:].isdigit():
                    found.append((run.number, " ".join(text.split()[-4:])))
            elif isinstance(run, Text | Link):
                text += run.text
    return found


def repeated_notes(memo: Memo) -> list[tuple[int, str]]:
    """(number, text) of each note whose text is that of the note just before it."""
    texts = ["".join(r.text for r in note.runs if isinstance(r, Text | Link)).strip() for note in memo.footnotes]
    return [(memo.footnotes[i].number, texts[i]) for i in range(1, len(texts)) if texts[i] and texts[i] == texts[i - 1]]


def check_notes(spec: BriefSpec, memo: Memo) -> list[Diagnostic]:
    """Calls that read as exponents, and notes that repeat the note before."""
    who = f"{memo.audience} memo"
    found: list[Diagnostic] = []
    for number, before in calls_after_digits(memo):
        where = spec.find(before.split()[-1]) if before else spec.location()
        message = f"the {who} prints note {number} straight after a number (“{before}”), where it reads as an exponent"
        found.append(diagnostic("memo/note-after-digit", message, where))
    for number, text in repeated_notes(memo):
        message = f"notes {number - 1} and {number} of the {who} say the same thing: “{text[:80]}”"
        found.append(diagnostic("memo/repeated-note", message, spec.location()))
    return found
