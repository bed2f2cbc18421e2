"""Who a quotation is credited to as reports and fact sheets credit it: "according to X," before
the words, the subject of the sentence's reporting verb ("A 2024 study … found that “…”", "The
order describes X as “…”"), a passive agent after the verb, or the signature under an epigraph.

Stage: extraction (used by :mod:`.quotes` when the speech attributions of :mod:`.attribution`
find no one, and by :mod:`.quotelists`). Each look-up reads the quotation's sentence, at most 400
characters before it.
"""

from __future__ import annotations

import re

from brief.ingest.attribution import COLLECTIVE, sentence_before
from brief.ingest.metadata import MONTH
from brief.ingest.quotelabels import epigraph_signature
from brief.ingest.vocabulary import NAME_WORD, NOT_NAME, OPENERS, ORG_HEADS

# Attribution earlier in the quotation's sentence, as reports write it: "According to the
# Department's 2025 report, “...”", "USTR Jamieson Greer reported to the committee ..., stating that “...”".
# "According to X, “…”", or a clause after it that the words finish: "According to X, the plan “will …”"
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<who>(?:[^“”\",.;]|(?<=[A-Z])\.){3,140}?),\s*(?:[^“”\",.;:]{1,80}\s)?$")
REPORT_VERBS = re.compile(
    r"\b(?:said|says|stated|states|asserted|asserts|argued|argues|reported|reports|noted|notes|warned|warns|wrote|writes|"
    r"indicated|indicates|concluded|concludes|claimed|claims|told|testified|acknowledged|announced|declared|cautioned|"
    r"stressed|emphasized|insisted|estimated|found|finds|described|describes|reads|warning|stating|saying|noting|arguing|"
    r"provides|grants|guarantees|requires|directs|authorizes|authorises|prohibits)\b"
)
# A document or an office as a sentence's subject: "The order describes X as “…”", "the certificate reads “…”".
_DOCUMENT_SUBJECT = re.compile(
    r"(?:^|\s)(?P<who>[Tt]he\s+(?:order|report|review|certificate|memo|memorandum|letter|proclamation|directive|statement|strategy|plan|"
    r"rule|law|bill|act|agreement|declaration|resolution|notice|ruling|decision|study|survey|assessment|audit|guidance|office|agency|ministry|department|"
    r"constitution|charter|treaty|statute|amendment|clause|convention|code))$"
)
# A study or a report that opens its sentence, however long the phrase after it, unless it names
# whose it is ("An analysis from the Atlantic Council found").
_DOCUMENT_OPENS = re.compile(
    r"[-•*\s]*(?P<who>(?:An?|The)\s+(?:(?:\d{4}|new|recent|latest|annual|independent|federal|joint)\s+){0,2}"
    r"(?:study|report|analysis|survey|review|audit|assessment|paper|poll))\b(?!\s+(?:from|by|of)\s+(?:the\s+)?[A-Z])[^.;]{0,200}$"
)
_SUBJECT_NAME = (
    rf"(?:{NAME_WORD}(?:\s+(?:(?:of|for|and|de|del)(?:\s+the)?)?\s*{NAME_WORD}){{0,6}}(?:\s+{COLLECTIVE})?|(?:[a-z]+\s+)?{COLLECTIVE})"
)
# (or a name of capitals joined by "&": "B&B", "AT&T", never its last letter alone)
_SUBJECT = re.compile(rf"(?<![\w&])(?P<who>[A-Z]+&[A-Z]+|{_SUBJECT_NAME})(?:[’']s)?\s*$")
# The sentence's own subject, after an opening phrase: "In May 2026, PRC authorities issued ...".
_OPENING_SUBJECT = re.compile(
    rf"^(?:[A-Z][a-z]*\s[^,]{{1,40}},\s*)?(?P<who>{_SUBJECT_NAME})\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:[a-z]+(?:ed|s)|made|told|said|met|went|took|gave|spoke|wrote|sent|came|left|held|led|won|saw|got|set|kept|brought|"
    r"thought|found|became|began)\b"
)
# A passive attribution after the verb: "described internally by then-DEA Administrator Anne Milgram".
_BY_AGENT = re.compile(rf"^\s*(?:\w+ly\s+)?by\s+(?:then-)?(?P<who>(?:{NAME_WORD}\s+){{0,5}}{NAME_WORD})")


def report_attribution(text: str, para_start: int, para_end: int, open_at: int, close_at: int) -> str | None:
    """The source a report's sentence credits before a quotation ("according to X," or the
    subject of the sentence's first reporting verb), or the signature under an epigraph."""
    return _sentence_attribution(text, para_start, open_at) or epigraph_signature(text, open_at, close_at, para_start, para_end)


def _sentence_attribution(text: str, para_start: int, quote_start: int) -> str | None:
    sentence = sentence_before(text, para_start, quote_start, 400).lstrip()  # further back is another sentence
    according = _ACCORDING.search(sentence)
    if according:
        # "the Department's 2025 review (DR) from March 2025" -> "Department's 2025 review"
        who = re.sub(r"\s*\([^()]{1,40}\)", "", according.group("who").strip())
        who = re.sub(rf"\s+(?:from|in|of|on|published|released)\s+(?:{MONTH}\s+)?(?:19|20)\d\d$", "", who)
        return re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.I)
    verb = REPORT_VERBS.search(sentence)
    if verb is None:
        return None
    if agent := _BY_AGENT.match(sentence[verb.end() :]):
        return agent.group("who")
    # Parenthesised acronyms and dates sit between a subject and its verb: drop them.
    lead = re.sub(r"\s*\([^()]{1,40}\)", "", sentence[: verb.start()]).rstrip()
    lead = re.sub(r",\s+(?:however|meanwhile|though|too|in turn|for its part),?(?=\s|$)", "", lead)  # "The Archivist, however, has"
    lead = re.sub(r"\s+(?:has|have|had|also|has also|recently|reportedly|later)$", "", lead)
    lead = re.sub(r",\s+(?:which|who)\s[^,]{1,80},?$", "", lead)  # "the Ministry, which oversees X, said"
    lead = re.sub(r",\s+(?:which|that)$", "", lead)  # "Article II of the Constitution, which grants"
    lead = re.sub(r"\s+(?:[—–]|-)\s+[^—–“”\"]{1,80}?\s+(?:[—–]|-)$", "", lead)  # "Acme - which has a fifth of the market - said"
    if opening := _DOCUMENT_OPENS.match(lead):
        return opening.group("who")  # "A 2024 study on the effects of the tariffs found that …"
    document = _DOCUMENT_SUBJECT.search(lead)
    if document:
        return document.group("who").lower()  # resolved later to the document the text last named
    subject = _SUBJECT.search(lead) or _OPENING_SUBJECT.match(lead)
    if subject is None:
        return None
    words: list[str] = [w for w in subject.group("who").split() if w not in ("The", "In", "On", "At")]
    while len(words) > 1 and words[0].lower() in OPENERS:
        words = words[1:]  # "But Harbor Bank said that …": the conjunction opens the sentence, not the name
    if len(words) == 1 and words[0] in ("He", "She", "They"):
        return words[0]  # "He … told Biden that he would meet “…”": the pronoun is resolved later
    body = len(words) >= 2 and words[-1] in ORG_HEADS  # "the Atlantic Council": a body, though each word is common
    return " ".join(words) if words and (body or not all(w in NOT_NAME for w in words)) else None
