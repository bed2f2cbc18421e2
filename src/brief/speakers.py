"""A quotation's speaker named near it: the one rule ``brief check`` (quote/speaker) applies and
ingest drafts by, so that a fresh draft checks clean.

A speaker is named near a quotation when one of the capitalised words of the name (or, for a name
without one, one of its longer words) appears within NEAR_BEFORE (800) characters before the quotation or 400
after it; in a paragraph that opens with a quotation mark (a quotation running on over
paragraphs, one flattened into a paragraph, or a list of quotations, each perhaps after its
date), within NEAR_BEFORE characters before the paragraph. 800 characters is two paragraphs of news
prose: a story quotes its subject again two paragraphs after naming them ("…," he said).
A statement, a message or remarks speak in their author's voice ("I directed the agency to
“…”"), and their headline names the author ("Statement from President Jane Roe on X"): the
headline names the speaker of every quotation credited to that author, however far down.
"""

from __future__ import annotations

import re

# The headline of a document in its author's own voice, at the very start of the text.
HEADLINE = re.compile(
    r"[\s#*_]*(?:(?:Excerpts|Highlights)[^\S\n]+(?:of|from)[^\S\n]+)?"
    r"(?:(?:Joint\s+|Presidential\s+)?Statement|Remarks|Message|Letter|Readout|Op-Ed|Address|Proclamation)"
    r"(?:[^\S\n]+as[^\S\n]+[Pp]repared(?:[^\S\n]+for[^\S\n]+[Dd]elivery)?)?[^\S\n]+(?:[Ff]rom|[Bb]y|[Oo]f)[^\S\n]+(?:[Tt]he[^\S\n]+)?(?P<who>[A-Z][^\n]{2,120}?)(?=[^\S\n]+(?:[Oo]n|[Aa]t|[Tt]o|[Ii]n|[Ff]or|[Aa]fter|[Bb]efore|[Uu]pon)\b|\n|$)"
)


NEAR_BEFORE = 800  # characters before a quotation (or its paragraph) that its speaker's name may stand in
QUOTE_OPENINGS = "“\"‘'"
# The date in brackets after a quotation that dates a saying: "(10/12/24, Aurora, CO)", "(2/24/26)".
DATED_SAYING = re.compile(r"\s*[(\[]\d{1,2}/\d{1,2}/\d{2,4}\b[^()\[\]\n]{0,60}[)\]]")
_DATED_WORDS_END = re.compile(r"[.,!?;:…]*[”\"’']" + DATED_SAYING.pattern)  # from the end of the words
# What opens a list item before its quotation: a mark, and perhaps a short topic or the date of
# the words and a colon ("- January 19, 2025: “…”", "- On tariffs: “…”"); no sentence.
ITEM_LEAD = re.compile(r"[\s\-–—•*]*(?:[^\W\d_][^“”\"\n.!?;:]{0,80}:\s*)?")


def _name_words(speaker: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]{3,}", speaker) if w[0].isupper()] or re.findall(r"[^\W\d_]{4,}", speaker)


def headline_author(text: str) -> str | None:
    """Who a statement, a message or remarks is from, as its headline gives it ("President Jane
    Roe"), or None when the text opens with no such headline."""
    headline = HEADLINE.match(text)
    return headline.group("who") if headline else None


def _role_head(role: str | None) -> str | None:
    """The words a role is spoken of by, at most its last two before "of", "for" or "at": "Home
    Secretary" -> "home secretary", "Secretary of State for Ports" -> "secretary"."""
    head = re.split(r"\s+(?:of|for|at|to)\s+", role or "", maxsplit=1)[0].split()[-2:]
    return " ".join(head).lower() if head and len(" ".join(head)) > 3 else None


def speaker_named_near(text: str, speaker: str, start: int, end: int, role: str | None = None) -> bool:
    """The speaker of the quotation at text[start:end] is named near it, or the speaker's role is
    ("…," the home secretary said, two paragraphs after "Home Secretary Ana Roe"), or is the author
    the headline of a statement names (see the module's docstring). Case does not matter."""
    names = [n.lower() for n in _name_words(speaker)]
    begin = max(0, start - NEAR_BEFORE)
    para = text.rfind("\n", 0, start) + 1
    lead = ITEM_LEAD.match(text, para, start)  # always matches, perhaps nothing
    if lead is not None and text[lead.end() : start][:1] in QUOTE_OPENINGS:
        # A paragraph (or a list item) that opens with a quotation goes on quoting the speaker
        # named before it: the window reaches back from the paragraph's start, however long the
        # quotation, or the list of quotations, has run.
        begin = min(begin, max(0, para - NEAR_BEFORE))
    window = text[begin : end + 400].lower()
    if not names or any(name in window for name in names):
        return True
    head = _role_head(role)
    if head and re.search(rf"\b{re.escape(head)}\b", window):
        return True
    author = headline_author(text)
    if author is not None and any(name in author.lower() for name in names):
        return True
    # A record of dated sayings ("“…” (10/12/24)") under a headline that names who said them
    headline = text[: text.find("\n")].lower() if "\n" in text else text.lower()
    return _DATED_WORDS_END.match(text, end) is not None and any(name in headline for name in names)


def named_near_in_order(text: str, quotes: list[tuple[str, int, int, str | None]]) -> list[bool]:
    """For each (speaker, start, end, role): the speaker is named near the quotation, or the
    quotation right before it in the text among those that pass is the same speaker's and ends
    within NEAR_BEFORE characters of it. One rule for ingest, which keeps what passes, and for
    ``brief check``, which reads what was kept: the run is read over passing quotations only."""
    passed = [False] * len(quotes)
    retold = headline_author(text) is not None  # remarks retell exchanges: no run goes on unnamed
    last: tuple[str, int] | None = None  # the speaker and the end of the last quotation that passed
    for i in sorted(range(len(quotes)), key=lambda i: quotes[i][1]):
        speaker, start, end, role = quotes[i]
        runs_on = not retold and last is not None and last[0] == speaker and 0 <= start - last[1] <= NEAR_BEFORE
        if runs_on or speaker_named_near(text, speaker, start, end, role):
            passed[i] = True
            last = speaker, end
    return passed
