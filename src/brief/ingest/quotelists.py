"""Lists of quotations printed in one paragraph: where an item starts, and what leads it.

Stage: extraction, for :mod:`.quotes`. Round-ups and records print their quotations as a list run
into one paragraph, each item after a dash: "“…” (Watch) - “…”", "- May 3, 2024: “…” - June 1:
“…”", "“…” - Governor Roe: “…”", "… levels. - An analysis from the Council found that “…”". An
item's lead is a label or a date (the speaker comes from the label, or goes on from the item
before) or prose that credits its words to someone of its own.
"""

from __future__ import annotations

import re

from brief.ingest.reportcredit import REPORT_VERBS
from brief.speakers import ITEM_LEAD

# A list item that follows a closed quotation (or a sentence) in its paragraph: the closing mark
# and a note such as "(Watch)" or a signature ("— CNN"), or the sentence's stop, and the dash that
# opens the next item; or
# a closing mark and the next item's label.
_NEXT_ITEM = re.compile(
    r"(?:[”\"]\s*(?:\([^()\n]{0,40}\)\s*|[—–][^\S\n]*[^“”\"\n—–•-]{1,60}?\s+)?|[.!?]\s+)[-–•]\s+"
    # or a label and its colon right after a closed quotation: '“…” Harbor City Mayor Tom Vance: “…”'
    r"|[”\"]\s+(?=[A-Z][^“”\"\n:.!?]{2,120}:\s*[“\"])"
    # or the colon of a sentence that introduces the list, and the first item's label: '… pay for
    # drugs: - President Roe: “…”'
    r"|:[^\S\n]+[-–•][^\S\n]+(?=[A-Z][^“”\"\n:.!?]{2,120}:\s*[“\"])"
    # or the rules between a table's rows run into one paragraph: '“…” | | Jane Roe | “…”'
    r"|[”\"]\s*\|\s*\|\s*"
)
# The dash that opens an item after it: the item opens with a quotation or a label and its colon
# (a name after the dash and no colon signs the quotation before: '“…” - Jane Roe, President').
_ITEM_DASH = re.compile(r"[^\S\n]++[-–•][^\S\n]++(?=[“\"]|[A-Z][^“”\"\n:]{0,120}:\s*[“\"])")
ITEM_REACH = 300  # characters after a quotation its item's signature may take; further on is no signature
ITEM_LABEL_REACH = 200  # characters before a quotation its item's label may take


def item_start(text: str, para_start: int, open_at: int) -> int:
    """Where the list item that holds the quotation opening at `open_at` starts: after the last
    quotation closed before it and the dash between ('“…” - Governor Roe: “…”'), else the paragraph."""
    # (up to the mark itself, which a label's lookahead must see)
    items = list(_NEXT_ITEM.finditer(text, max(para_start, open_at - ITEM_LABEL_REACH), open_at + 1))
    return items[-1].end() if items else para_start


def prose_item(text: str, after: int, open_at: int) -> bool:
    """A later item of a list in one paragraph that credits its words to someone of its own ("… levels.
    - An analysis from the Council found that “…”"), not a label, a topic, a date or a clause that
    frames the same speaker's words ("- If the bill fails, “…”")."""
    items = list(_NEXT_ITEM.finditer(text, after, open_at))
    return bool(items) and (
        REPORT_VERBS.search(text, items[-1].end(), open_at) is not None
        or re.match(r"\s*[Aa]ccording\s+to\b", text[items[-1].end() : open_at]) is not None  # "- According to X, the tariffs “…”"
    )


def list_item_lead(lead: str) -> bool:
    """What opens a paragraph before its quotation is only a list's mark, perhaps with a short
    topic or a date and a colon ("- January 19, 2025: “…”", "- Controllers’ anger boils over:
    “…”"): the paragraph is an item of a list of quotations. A label naming a person is read
    before this; the rule is the one `brief check` reads such a paragraph by."""
    return ITEM_LEAD.fullmatch(lead) is not None


def item_end(text: str, close_at: int, para_end: int) -> int:
    """Where the list item that holds the quotation closing at `close_at` ends: before the dash
    that opens the next item ('“…” (CNN) - “…”'), else at the paragraph's end."""
    following = _ITEM_DASH.search(text, close_at + 1, min(para_end, close_at + ITEM_REACH))
    return following.start() if following else para_end
