"""Evidence: who says what a source says of an option.

Stage: assembly (each option's "What the sources say"). A source's words on an option are often a
person's words it quotes: a bare fragment filed under an option reads as the outlet's own view,
so the line names the speaker, with a role, as the summary records them.
"""

from __future__ import annotations

import re

from brief.inputs.models import OptionMention, SourceSummary

_RUN = 4  # words two passages must share in a row to be one passage


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:[’'][^\W_]+)?", text.lower().replace("’", "'"))


def overlaps(a: str, b: str) -> bool:
    """Are two verbatim spans parts of one passage: one inside the other, or sharing a run of
    words (four, or all of the shorter)?"""
    x, y = _words(a), _words(b)
    if not x or not y:
        return False
    shorter, longer = (x, y) if len(x) <= len(y) else (y, x)
    run = min(_RUN, len(shorter))
    grams = {tuple(longer[i : i + run]) for i in range(len(longer) - run + 1)}
    return any(tuple(shorter[i : i + run]) in grams for i in range(len(shorter) - run + 1))


def speaker_of(summary: SourceSummary, mention: OptionMention) -> tuple[str | None, str | None]:
    """The speaker of a mention's words and the speaker's role: the mention's own speaker, else
    that of a quotation of the summary whose text overlaps the mention's; (None, None) when the
    words are the source's own."""
    speaker = mention.speaker
    role = None
    if speaker is None:
        quoted = next((q for q in summary.quotes if overlaps(q.text, mention.quote)), None)
        if quoted is None:
            return None, None
        speaker, role = quoted.speaker, quoted.role
    if role is None:
        role = next((q.role for q in summary.quotes if q.speaker == speaker and q.role), None)
    if role is None:
        role = next((p.role for p in summary.people if p.name == speaker and p.role), None)
    return speaker, role
