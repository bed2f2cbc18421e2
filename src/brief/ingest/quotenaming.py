"""Quoted words that someone gave as a name or a verdict, and who gave them.

Stage: extraction (used by :mod:`.quotes`). "what Dr. King called “sagging walls”" is the
caller's; "described as “irresponsible” by the Rights Commission" is the agent's, named after
the words. Each pattern reads at most a few hundred characters around the marks.
"""

from __future__ import annotations

import re

from brief.ingest.namewords import HONORIFICS
from brief.ingest.speechwords import NAMING_VERBS
from brief.ingest.vocabulary import NAME_WORD

# "described as “irresponsible” and “outrageous” by the Rights Commission": who called it so
# comes after the quotation (and any quoted words joined to it).
_AS_BEFORE = re.compile(rf"\b{NAMING_VERBS}\s+(?:\w+ly\s+)?(?:as\s+(?:an?\s+|the\s+)?|the\s+)$")
_AGENT_AFTER = re.compile(
    rf"(?:\s+(?:and|or)\s+[“\"‘][^“”\"‘’]{{1,60}}[”\"’])*\s+by\s+"
    # "by his friend and fellow broadcaster Michael Pointon", "by the film's director Marc Forster"
    rf"(?:(?:the|his|her|their|its)\s+(?:[a-z][\w’'-]*\s+){{0,5}}?(?=[A-Z]))?"
    rf"(?P<who>{NAME_WORD}(?:\s+(?:(?:of|for|and|on)\s+)?{NAME_WORD}){{0,6}})"
)
_WHAT_CALLED = re.compile(
    rf"\bwhat\s+(?P<who>[Hh]e|[Ss]he|[Tt]hey|(?:(?:{'|'.join(sorted(HONORIFICS))})\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})\s+"
    r"(?:has\s+|had\s+|once\s+|often\s+|later\s+)?(?:call(?:s|ed)?|describe[sd]?\s+as|term(?:s|ed)?|dub(?:s|bed)?|labell?ed)\s+"
    r"(?:(?:an?|the|its|his|her|their|our)\s+)?$"
)


def what_called(text: str, open_at: int) -> str | None:
    """Who gave the quoted words as a name: 'what Dr. King called “sagging walls”', 'what he
    calls its “infant stage”' (a pronoun, resolved by the caller)."""
    match = _WHAT_CALLED.search(text, max(0, open_at - 120), open_at)
    return match.group("who") if match else None


def passive_agent(text: str, open_at: int, close_at: int) -> str | None:
    """Who called something by the quoted words, named after them in a passive: 'were described
    as “irresponsible” by the Islamic Rights Commission'. `open_at` and `close_at` are the marks."""
    if not _AS_BEFORE.search(text, max(0, open_at - 60), open_at):
        return None
    agent = _AGENT_AFTER.match(text, close_at + 1, min(len(text), close_at + 200))
    return agent.group("who") if agent else None
