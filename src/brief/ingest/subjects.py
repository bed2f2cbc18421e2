"""The subject of a sentence that gives someone's words after it: a colon ("President Ana Roe
lambasted the delay: “…”"), a comma before a whole sentence quoted ("Governor Ana Roe greeted the
graduates, “…”"), a line that only invites the reader to a list of quotations ("Here are some of
the key moments:", "In case you missed it:") under a paragraph that names who spoke, and the person a pronoun stands for when
the sentence names them only as an owner ("On Jane Roe’s first visit, she lamented “…”"), and
whose saying the words are ("Bill’s decree, “…”", "his favorite rejoinder was, “…”").

Stage: extraction (used by :mod:`.quotes`). Each function reads one sentence or one paragraph,
at most a few hundred characters; whether a subject names a person is the caller's test.
"""

from __future__ import annotations

import re

from brief.ingest.attribution import STOP_SPACE, sentence_before
from brief.ingest.speechwords import TITLED
from brief.ingest.vocabulary import NAME_WORD

# A sentence's subject and what it did, after an opening phrase: "In an interview, President Ana
# Roe reflected on …".
# ("he" or "she" only after an opening phrase: "Rather than demanding revenge, he offered …")
_SUBJECT = rf"(?P<who>{NAME_WORD}(?:\s+(?:(?:of|for|the)\s+){{0,2}}{NAME_WORD}){{0,7}}|(?<=,\s)(?:he|she))\s+"
# "has long championed", "has been clear", "was blunt": adverbs and auxiliaries, then what it did or was
_AUXILIARIES = r"(?:(?:also|then|long|always|repeatedly|once|again|\w+ly|has|have|had)\s+){0,3}"
_DONE = (
    r"[a-z]{2,}ed|made|gave|spoke|took|put|laid|set|went|began|drew|struck|hit|sat|told|said|wrote|met|held|led|won|sent|brought|"
    # not "was asked": the one spoken to
    r"(?:been|was|is)(?!\s+(?:asked|told|questioned|pressed|urged|reminded|invited|given|shown)\b)"
)
_SUBJECT_DOING = rf"{_SUBJECT}{_AUXILIARIES}(?:{_DONE})\b"
_DOING_SUBJECT = r"^[-•*\s]*(?:[A-Z][a-z]*\s[^,:]{1,80},\s*)?" + _SUBJECT_DOING
_EVENT_SUBJECT = re.compile(_DOING_SUBJECT)
# The same subject inside a sentence, after a clause's conjunction ("…, as Secretary Ana Roe made
# clear on Sunday"), or opening a sentence after two phrases ("Today, on Harbor News, Secretary
# Ana Roe laid out …"), or doing it now ("Secretary Ana Roe joins Harbor News to discuss …").
_CLAUSE_SUBJECT = re.compile(
    r"(?:\b(?:as|when|while|after|where)\s+|^\s*(?:[A-Z][a-z]*(?:\s[^,:]{1,80})?,\s*(?:[a-z]+\s[^,:]{1,60},\s*)?)?)"
    + rf"{_SUBJECT}{_AUXILIARIES}(?:[a-z]{{3,}}(?<!ss)s|{_DONE})\b"
)
# A sentence whose subject does something and then gives the words after a colon: "President
# Ana Roe lambasted the delay: “…”". The predicate runs to the colon; the sentence itself is read
# at most 260 characters back.
_COLON_SUBJECT = re.compile(rf"{_DOING_SUBJECT}[^“”\"‘:]{{0,240}}:[*_\s]*$")
# The same with a comma before a whole sentence quoted, in a clause of no commas of its own:
# "Governor Ana Roe greeted the graduates, “…”".
_COMMA_SUBJECT = re.compile(rf"{_DOING_SUBJECT}[^“”\"‘:,]{{0,160}},[*_\s]*$")


# A sentence that gives someone's view before a colon: "For Ana Roe, this is progress:".
_FOR_SUBJECT = re.compile(rf"(?:(?:But|And|Yet)\s+)?For\s+(?P<who>{TITLED}),[^“”\"‘:]{{0,160}}:[*_\s]*$")
# A line that invites the reader to what follows ("Watch below:", "Read the interview here:"),
# which the sentence before it says is whose; and a release's opening label ("ICYMI: ").
_INVITATION = re.compile(r"\s*(?:Watch|Listen|Read|See|View)\b[^.!?:“”\"]{0,40}:[*_\s]*")
_LEAD_LABEL = re.compile(r"^\s*[A-Z]{2,}:\s*")


# A paragraph that only invites the reader to the list below it ("Here are some of the key
# moments:", "Highlights from the interview:"), not to what others said ("Here is what leaders say:").
_INVITATION_LINE = re.compile(
    r"[-•*\s]*(?:Here\s+(?:are|is)|Here[’']s|Below\s+(?:are|is)|Watch|Listen|Read|See|View|"
    r"(?:Some\s+(?:of\s+(?:the|his|her)\s+)?)?(?:(?:[Kk]ey|[Tt]op|[Nn]otable)\s+)?(?:[Hh]ighlights|[Mm]oments|[Qq]uotes|[Ee]xcerpts|[Tt]akeaways))\b"
    r"(?![^:\n]{0,120}\b(?:they|them|others|leaders|officials|critics|experts|people|reactions?|praise|saying)\b)[^.!?:“”\"\n]{0,80}:[*_\s]*"
)


# A short line that names nobody before a list: a phrase that opens with a preposition ("In case
# you missed it:", "Among the topics discussed:"), with no capitalised word after its first, or a
# heading in capitals ("HIGHLIGHTS:"); not about what others said, and no sentence with a subject
# of its own ("Harbor residents are celebrating:").
_BARE_LINE = re.compile(
    r"[-•*\s]*(?![^:\n]{0,80}\b(?:they|them|others|leaders|officials|critics|experts|people|reactions?|praise|saying)\b)"
    r"(?:(?:In|Among|From|On|During|At|Across|Throughout|Including|With)(?:[^\S\n]+[a-z][\w’'-]*){1,7}"
    r"|[A-Z][A-Z’']+(?:[^\S\n]+[A-Z][A-Z’']+){0,3}):[*_\s]*"
)


def invitation_line(text: str, line_start: int, line_end: int) -> bool:
    """The paragraph text[line_start:line_end] only invites the reader to a list below it."""
    return bool(_INVITATION_LINE.fullmatch(text, line_start, line_end) or _BARE_LINE.fullmatch(text, line_start, line_end))


def invited_subject(text: str, line_start: int, line_end: int, before_start: int) -> str | None:
    """Whose words a list is, when the line above it only invites the reader to them ("Here are
    some of the key moments:"): the subject of the paragraph before, as its last or first sentence
    gives it ("In an interview with Harbor News, Governor Ana Roe reflected on …")."""
    if before_start >= line_start or not invitation_line(text, line_start, line_end):
        return None
    paragraph = text[before_start:line_start].strip()
    stops = [m.end() for m in STOP_SPACE.finditer(paragraph)]
    for sentence in (paragraph[stops[-1] :] if stops else paragraph, paragraph):
        match = _EVENT_SUBJECT.match(sentence)
        if match:
            return match.group("who")
    # "The plan is working, as Secretary Ana Roe made clear on Sunday.": the one person any
    # sentence or clause of the paragraph has as its subject
    starts = [0, *stops]
    sentences = [paragraph[a:b] for a, b in zip(starts, [*stops, len(paragraph)], strict=True)]
    clauses = {m.group("who") for sentence in sentences for m in _CLAUSE_SUBJECT.finditer(sentence) if " " in m.group("who")}
    return clauses.pop() if len(clauses) == 1 else None


def lead_subject(text: str, breaks: list[int]) -> str | None:
    """The subject of the first sentence after the headline ("Secretary Jane Roe appeared on several
    networks on Sunday …"): who a release is about, read from at most its first 300 characters."""
    if not breaks:
        return None
    start = breaks[0] + 2
    end = breaks[1] if len(breaks) > 1 else len(text)
    match = _EVENT_SUBJECT.match(text[start : min(end, start + 300)])
    return match.group("who") if match else None


def colon_subject(text: str, para_start: int, open_at: int) -> str | None:
    """The subject of the sentence that a colon (or a comma before a whole sentence quoted) ends
    before the quotation: 'President Ana Roe lambasted the delay: “…”' -> "President Ana Roe";
    whether it names a person is the caller's test."""
    sentence = sentence_before(text, para_start, open_at, 260)
    invited = _INVITATION.fullmatch(sentence)
    if invited:  # "X joined Harbor News to discuss the bill. Watch below:": the sentence before it
        stop = len(text[: open_at - len(sentence)].rstrip()) - 1  # the stop that ends the sentence before
        sentence = _LEAD_LABEL.sub("", sentence_before(text, para_start, max(para_start, stop), 260)) + ":"
    if opinion := _FOR_SUBJECT.match(sentence):
        return opinion.group("who")  # "For Ana Roe, this is progress: “…”": whose view the sentence gives
    match = (_COMMA_SUBJECT if sentence.rstrip(" *_").endswith(",") else _COLON_SUBJECT).match(sentence)
    if match and match.group("who") in ("he", "she"):
        # what "he" did, not what he was ("…, she was the director of three series: “…”", titles)
        return None if re.match(r"\s*(?:(?:has|had)\s+been|was|is)\b", sentence[match.end("who") :]) else match.group("who").capitalize()
    return match.group("who") if match else None


def owner_before(sentence: str, pronoun: str, people: dict[str, str | None]) -> str | None:
    """The person a pronoun stands for when its sentence names them, before it, only as an owner
    ("On Governor Jane Roe’s first visit, she lamented"), which is no mention of a speaker."""
    said = re.search(rf"\b{pronoun}\b", sentence)
    lead = sentence[: said.start()] if said else ""
    owners = sorted((lead.rfind(f"{name}{s}"), name) for name in people for s in ("’s", "'s") if f"{name}{s}" in lead)
    return owners[-1][1] if owners else None


# A saying someone owns, just before the words: "Bill’s decree, “…”", "his favorite rejoinder was,
# “…”", "her fervent faith that “…”".
_OWNED_SAYING = re.compile(
    rf"(?<![\w’'])(?P<who>{TITLED}(?=[’']s\s)|[Hh]is|[Hh]er)(?:[’']s)?\s+(?:[a-z-]+\s+){{0,2}}"
    r"(?:words|decree|motto|rejoinder|refrain|mantra|creed|credo|catchphrase|watchword|saying|advice|message|"
    r"(?:faith|belief|conviction|insistence)\s+that)"
    r"(?:\s+(?:to|for)\s+(?:the\s+)?[\w-]+)?"  # "his message to the chancellor was:"
    r"(?:\s+(?:was|is|went))?[\s,:—–-]*$"
)


def owned_saying(sentence: str) -> tuple[str, int] | None:
    """Who owns the saying whose words follow the sentence so far, and where the owner is named
    in it: a name as written, or "He"/"She" for the caller to resolve from that place."""
    match = _OWNED_SAYING.search(sentence)
    if match is None:
        return None
    who = match.group("who")
    return {"his": "He", "her": "She"}.get(who.lower(), who), match.start()
