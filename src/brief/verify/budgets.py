"""Word budgets: how long each section of a memo may run, and what to cut when it runs over.

Stage: verify. An audience sets ``limits.words`` per section id. A section over budget is a
warning, not an error (the analyst decides), and the warning names the sentences to cut first:
the least important ones, ranked the way ingest ranks key points (centrality and position), with
sentences that carry a figure or a citation ranked higher because they are the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief.assemble.memo import Block, BulletList, FootnoteRef, Heading, Inline, Link, Memo, Paragraph, Section, Table, Text
from brief.diagnostics import Diagnostic, Location, diagnostic
from brief.inputs.models import AudienceProfile
from brief.inputs.spec import BriefSpec
from brief.textrank import centrality, position_weight, terms

_CITED = "\u2020"  # stands in for a footnote call while sentences are ranked


@dataclass(frozen=True)
class OverBudget:
    section: str
    words: int
    budget: int
    cut_first: tuple[str, ...]  # sentences to cut, least important first, enough to fit

    def message(self, audience: str) -> str:
        cuts = "; ".join(f"“{_short(s)}”" for s in self.cut_first)
        return (
            f"section '{self.section}' of the {audience} memo has {self.words} words, over its budget of {self.budget}; cut first: {cuts}"
        )


def check_budgets(spec: BriefSpec, memo: Memo, profile: AudienceProfile) -> list[Diagnostic]:
    """A warning for each section of the memo over its word budget, at its prose in the brief."""
    found: list[Diagnostic] = []
    budgets = profile.limits.words
    for section in memo.sections:
        over = over_budget(section, budgets[section.id]) if section.id in budgets else None
        if over is not None:
            prose = spec.prose_for(profile.name, profile.form).get(section.id)
            found.append(diagnostic("memo/word-budget", over.message(profile.name), Location(spec.path, prose.line if prose else None)))
    return found


def count_words(section: Section) -> int:
    return sum(len(re.findall(r"\S+", _plain(text))) for text in _texts(section.blocks))


def over_budget(section: Section, budget: int) -> OverBudget | None:
    words = count_words(section)
    if words <= budget:
        return None
    # Headings count toward the words but are never suggested for cutting: they head what follows.
    sentences = [s for text in _texts(section.blocks, heads=False) for s in _sentences(text)]
    ranked = _least_important_first(sentences)
    cut: list[str] = []
    left = words
    for index in ranked:
        if left <= budget:
            break
        cut.append(_plain(sentences[index]))
        left -= len(_plain(sentences[index]).split())
    return OverBudget(section.id, words, budget, tuple(cut))


def _least_important_first(sentences: list[str]) -> list[int]:
    """Sentence indexes, the one to cut first first. Importance is TextRank centrality weighted
    by position (the point comes first); evidence (a figure or a footnote) outranks any prose."""
    central = centrality([set(terms(_plain(s))) for s in sentences])

    def importance(i: int) -> float:
        evidence = _CITED in sentences[i] or bool(re.search(r"\d", sentences[i]))
        return (10.0 if evidence else 0.0) + central[i] * position_weight(i, len(sentences))

    return sorted(range(len(sentences)), key=importance)


def _texts(blocks: tuple[Block, ...], heads: bool = True) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            head = all(r.bold for r in block.runs if isinstance(r, Text) and r.text.strip())
            if heads or not head:
                out.append(_runs(block.runs))
        elif isinstance(block, BulletList):
            out.extend(_runs(item) for item in block.items)
        elif isinstance(block, Heading) and heads:
            out.append(block.text)
        elif isinstance(block, Table):
            out.extend(_runs(cell) for row in block.rows for cell in row)
    return [t for t in out if t.strip()]


def _runs(runs: tuple[Inline, ...]) -> str:
    """The text, a note call marked where its sentence is: calls follow the punctuation, and a
    mark after a sentence's period would keep the sentence splitter from seeing its end."""
    text = ""
    for r in runs:
        if isinstance(r, FootnoteRef):
            end = re.search(r"[.?!,;:”’)\]]+$", text)
            cut = end.start() if end else len(text)
            text = text[:cut] + _CITED + text[cut:]
        elif isinstance(r, Text | Link):
            text += r.text
    return text


def _sentences(text: str) -> list[str]:
    from nupunkt import sent_tokenize

    # nupunkt returns strings unless asked for spans.
    return [s.strip() for s in sent_tokenize(text) if isinstance(s, str) and s.strip()]


def _plain(text: str) -> str:
    return " ".join(text.replace(_CITED, "").split())


def _short(sentence: str, limit: int = 70) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + " …"
