"""Extraction of quotations, people, organizations, policy options and dated events.

Stage: extraction (after cleaning; figures live in :mod:`.figures`). Rules are general patterns of
news prose, applied to the cleaned text; every item keeps its character span in that text.
Every step looks at a bounded stretch around its match (paragraph bounds come from one list,
not from searching back), and the collections a step compares among themselves are capped, so a
hostile source costs time in proportion to its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from brief.ingest.metadata import MONTH, MONTHS
from brief.inputs.models import CatalogueOption, Stance

_OPEN, _CLOSE = '“"', '”"'
_QUOTE = re.compile(r"(?P<q>[“\"])(?P<text>[^“”\"]{2,1500}?)(?P<c>[”\"])")
# Words of names are at most 60 characters: patterns that try every word boundary of a text must
# not read to the end of a run like "A.A.A.A..." from each one.
_NAME_WORD = r"[A-ZÀ-Þ][\w'’.-]{0,59}"
_NAME = rf"{_NAME_WORD}(?:\s+(?:de|del|la|van|von|bin|al|{_NAME_WORD})){{0,4}}"
_VERBS = r"(?:said|says|told|added|noted|explained|argued|warned|wrote|asked|stated|declared|insisted|recalled|continued|replied|tweeted|announced|according to)"
_TITLE_WORDS = (
    r"(?:President|Vice President|Secretary|Attorney General|General|Gen\.|Ambassador|Senator|Sen\.|Rep\.|Representative|Governor|Gov\.|"
    r"Mayor|Minister|Foreign Minister|Prime Minister|Director|Chief|Judge|Justice|Commissioner|Admiral|Adm\.|Colonel|Col\.|"
    r"official|spokesman|spokeswoman|spokesperson|analyst|expert|professor|adviser|advisor|consultant|officer|agent|lawmaker|"
    r"chairman|chairwoman|founder|leader|lord|kingpin)"
)
_NOMINAL = r"(?:the|a|an)\s+(?:(?:[A-Z]\.)+\s+|[^\s,;:“”\".]+\s+){0,5}?[^\s,;:“”\".]+"
_SPEAKER = rf"(?:{_NAME}|{_NOMINAL}|he|she|they|it)"
_AFTER = re.compile(
    # Possessive spaces: none of what follows starts with one, and a run of spaces must not be
    # shared out among the optional marks in every possible way.
    rf"^\s*+[,.!?]?\s*+[”\"]?\s*+(?:,\s*+)?(?:(?P<verb1>{_VERBS})\s+(?P<who1>(?:an?|the)\s+(?:[^,.;“\"]|(?<=[A-Z])\.){{3,80}}?|{_NAME})(?=[,;]|\.(?!\s+[a-z])|\s+(?:on|in|at|who|during)\b|$)"
    rf"|(?P<desc>(?:[^\s,.;“”\"]+\s+){{0,6}}?)(?P<who2>{_SPEAKER})\s+(?:\w+ly\s+|often\s+|also\s+|later\s+|then\s+)?(?P<verb2>{_VERBS}))",
)
_BEFORE = re.compile(rf"(?P<who>{_NAME}|{_NOMINAL}|[Hh]e|[Ss]he|[Tt]hey)\s+(?:{_VERBS})(?:\s+[^“”\".]{{0,50}}?)?\s*[:,]?\s*$")
_ACT_VERBS = r"\b(?:accused|called|described|denounced|dismissed|dubbed|said|says)\b"
_SPEECH_ACT = re.compile(
    # Periods are allowed only in abbreviations such as "U.S.", so the match stays in one sentence.
    rf"(?P<who>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\b(?:[^.“”\"]|(?<=[A-Z])\.){{0,120}}?{_ACT_VERBS}(?:[^.“”\"]|(?<=[A-Z])\.){{0,60}}$"
)
_SPEECH_VERB = re.compile(_ACT_VERBS)  # a cheap test before the costly pattern
# Attribution earlier in the quotation's sentence, as reports write it: "According to the
# Department's 2025 report, “...”", "USTR Jamieson Greer reported to the committee ..., stating that “...”".
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<who>(?:[^“”\",.;]|(?<=[A-Z])\.){3,140}?),\s*$")
_REPORT_VERBS = re.compile(
    r"\b(?:said|says|stated|states|asserted|asserts|argued|argues|reported|reports|noted|notes|warned|warns|wrote|writes|"
    r"indicated|indicates|concluded|concludes|claimed|claims|told|testified|acknowledged|announced|declared|cautioned|"
    r"stressed|emphasized|insisted|estimated|found|finds|described|warning|stating|saying|noting|arguing)\b"
)
_COLLECTIVE = r"(?:government|authorities|officials|agencies|ministry|military|embassy|administration|spokesperson|spokesman|spokeswoman)"
_SUBJECT_NAME = rf"(?:{_NAME_WORD}(?:\s+(?:of|for|and|de|del)?\s*{_NAME_WORD}){{0,6}}(?:\s+{_COLLECTIVE})?|(?:[a-z]+\s+)?{_COLLECTIVE})"
_SUBJECT = re.compile(rf"(?P<who>{_SUBJECT_NAME})(?:[’']s)?\s*$")
# The sentence's own subject, after an opening phrase: "In May 2026, PRC authorities issued ...".
_OPENING_SUBJECT = re.compile(
    rf"^(?:(?:In|On|By|Since|During|After|Before)\s[^,]{{1,40}},\s*)?(?P<who>{_SUBJECT_NAME})\s+(?:has\s+|have\s+|had\s+)?[a-z]+(?:ed|s)\b"
)
# A passive attribution after the verb: "described internally by then-DEA Administrator Anne Milgram".
_BY_AGENT = re.compile(
    rf"^\s*(?:\w+ly\s+)?by\s+(?:then-)?(?:(?:[A-Z][\w.-]*\s+){{0,3}}{_TITLE_WORDS}\s+)?(?P<who>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})"
)
# A name on its own line under an epigraph: "President Joe Biden" (then, perhaps, a date line).
_SIGNATURE = re.compile(rf"^(?P<who>(?:{_NAME_WORD}\s+){{1,5}}?{_NAME_WORD})\s*(?:\n|$|{MONTH}\s+\d)")
_ROLE_AFTER = re.compile(r"^,\s*(?P<role>(?:an?|the)\s+[^,.;]{3,100}?|(?:former|senior|chief)\s[^,.;]{3,100}?)\s*[,.]")
_PERSON_TITLE = re.compile(
    rf"\b(?P<title>(?:former\s+)?(?:[A-Z][\w.-]{{0,59}}\s+){{0,3}}{_TITLE_WORDS})\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})"
)
_PERSON_APPOS = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:\s+(?:de|del|{_NAME_WORD})){{1,3}}),\s+(?P<role>(?:an?|the)\s+(?:former\s+)?[^,.;“\"]{{3,90}}?)[,.]"
)
_ORG_WORDS = (
    r"(?:Department|Ministry|Agency|Administration|Office|Bureau|Service|Commission|Council|Committee|Congress|Senate|Parliament|"
    r"Court|Guard|Army|Navy|Police|Cartel|cartel|Initiative|Group|Center|Centre|Institute|University|Foundation|Association|Coalition|"
    r"Organization|Corporation|Company|Bank|Fund|Party|Union|Board|Authority|Forces|Force|Program|Programme|Network)"
)
_ORG = re.compile(
    rf"\b(?:the\s+)?(?P<org>(?:[A-Z][\w.&'’-]{{0,59}}\s+(?:of\s+(?:the\s+)?|for\s+|and\s+|de\s+)?){{0,5}}{_ORG_WORDS}(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]{{0,59}}(?:\s+[A-Z][\w'’-]{{0,59}}){{0,3}})?)"
)
_ACRONYM = re.compile(r"\((?P<acr>[A-Z]{2,6}s?)\)")
_NOT_NAMES = {"The", "This", "That", "These", "But", "And", "In", "On", "At", "It", "He", "She", "They", "We", "Mexico", "Mexican", "U.S.",
              "American", "Americans", "United", "States", "Washington", "However", "Meanwhile", "Since", "After", "Before", "When"}  # fmt: skip

_ADVOCATE = re.compile(
    r"\b(?:should|must|need(?:s)? to|ought|call(?:s|ed)? for|urge[sd]?|recommend\w*|priority|propos\w+|it is time|step up|redouble)\b", re.I
)
_CRITICIZE = re.compile(
    r"\b(?:fail\w*|mistake|critic\w+|oppos\w+|ill[- ]conceived|not favor|backfire\w*|scandal\w*|threat\w*|wrong|dysfunction\w*)\b", re.I
)
_ANNOUNCE = re.compile(r"\b(?:announc\w+|agreed|launch\w*|signed|unveil\w*|establish\w*|will (?:set up|create|begin))\b", re.I)

_ONLY_QUOTE_MARKS = re.compile(r'[ ”"\n]*')
_ONLY_EMPHASIS = re.compile(r"[ *_\n]*")
_SIGNATURE_HERE = re.compile(_SIGNATURE.pattern.removeprefix("^"))  # _SIGNATURE, matched at a position
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
MAX_QUOTATION_MARKS = 1_000  # quotations looked at; news and reports hold a few hundred at most
MAX_PEOPLE = 500  # people a source names; each quotation's speaker is looked up among them
MAX_ORGANIZATIONS = 500  # distinct names compared with each other (the draft keeps 25)

_EVENT_DATE = re.compile(
    rf"\b(?:on\s+)?(?P<full>(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d))"
    rf"|\b(?i:in|since|by|during|until|early|late|mid-?)\s+(?i:early\s+|late\s+|mid-?)?(?P<m2>{MONTH})(?:\s+(?P<y2>(?:19|20)\d\d))?\b"
    rf"|\b(?i:on\s+)(?P<m3>{MONTH})\s+(?P<d3>\d{{1,2}})\b",
)


@dataclass
class FoundQuote:
    speaker: str
    role: str | None
    text: str
    start: int
    end: int


@dataclass
class FoundOption:
    id: str
    stance: Stance
    quote: str
    start: int


@dataclass
class FoundEvent:
    date: str
    what: str
    quote: str
    start: int


def find_quotes(text: str, people: dict[str, str | None]) -> list[FoundQuote]:
    """Quotations with speakers. A quotation of fewer than four words is a scare quote or a
    slogan, not speech, unless a speech verb introduces it."""
    found: list[FoundQuote] = []
    breaks = [m.start() for m in re.finditer(r"(?=\n\n)", text)]  # where each paragraph break starts
    for index, match in enumerate(_QUOTE.finditer(text)):
        if index == MAX_QUOTATION_MARKS:
            break
        inner = match.group("text").strip()
        words = inner.split()
        # The last break before the quotation and the first after it (text.rfind and text.find).
        before_break = bisect_right(breaks, match.start() - 2)
        para_start = breaks[before_break - 1] + 1 if before_break else 0
        after_break = bisect_left(breaks, match.end())
        para_end = breaks[after_break] if after_break < len(breaks) else len(text)
        after = text[match.end() : min(para_end, match.end() + 160)]
        before = text[max(para_start, match.start() - 120) : match.start()]
        speaker = None
        m_after = _AFTER.match(after)
        # The end-anchored pattern is the costly one: try it only when nothing follows.
        m_before = None if m_after else _BEFORE.search(before)
        if m_after:
            speaker = m_after.group("who1") or m_after.group("who2")
        elif m_before:
            speaker = m_before.group("who")
        elif found and (found[-1].end >= para_start or _ONLY_QUOTE_MARKS.fullmatch(text, found[-1].end, match.start())):
            # An unattributed quotation in the paragraph of an attributed one, or right after
            # it, continues the same speaker.
            speaker = found[-1].speaker
        elif len(words) >= 4:
            speaker = _sentence_attribution(text, para_start, match.start()) or _signature(text, match, para_start, para_end)
        if len(words) < 4:
            # A word or two in quotation marks is a scare quote or a slogan, unless a named person
            # is the subject of a speech act in the same sentence: "X accused them of “lying”".
            # The act lies within 260 characters of the quotation (the pattern's own reach), so
            # only that much of the sentence is searched, and only when a speech verb is there.
            sentence = _sentence_before(text, para_start, match.start(), 260)
            act = _SPEECH_ACT.search(sentence) if _SPEECH_VERB.search(sentence) else None
            if act is None or act.group("who").split()[0] in _NOT_NAMES:
                continue
            speaker = act.group("who")
        if speaker is None:
            continue
        appositive = (
            re.match(rf"^,\s*(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s*[.,]", after[m_after.end() :])
            if m_after and m_after.group("who1")
            else None
        )
        if appositive and speaker.lower().startswith(("the ", "a ", "an ")):
            # "said the former ambassador, Arturo Sarukhán": the name, with the description as role
            people.setdefault(appositive.group("name"), speaker)
            speaker = appositive.group("name")
        if speaker.lower() in ("he", "she", "they", "it") or re.fullmatch(r"(?i:the)\s+[a-z]+", speaker):
            # A pronoun points at the person named most recently before the quotation.
            known = list(dict.fromkeys([*people, *(q.speaker for q in found)]))
            window = text[max(0, match.start() - 1200) : match.start()]
            named = max(((window.rfind(n.split()[-1]), n) for n in known if window.rfind(n.split()[-1]) >= 0), default=None)
            if named is None:
                continue
            speaker = named[1]
        speaker = re.sub(r"^(?:an?|the)\s+", lambda m: m.group(0).capitalize(), speaker.strip(" *_"))
        titled = _PERSON_TITLE.fullmatch(speaker)
        title_role = None
        if titled:  # "Minister Ana Duarte": the title is a role, not part of the name
            speaker, title_role = titled.group("name"), titled.group("title")
        speaker = _full_name(speaker, people)
        role = people.get(speaker) or title_role
        role_match = _ROLE_AFTER.match(after[m_after.end() :]) if m_after and m_after.group("who1") else None
        if role_match:
            role = role_match.group("role").strip()
        elif m_after and m_after.group("who2") and m_after.group("desc").strip() and not role:
            role = m_after.group("desc").strip()  # "former DEA official Derek Maltz told"
        # Verbatim, without the comma that hands over to "he said".
        q_start = match.start("text") + (len(match.group("text")) - len(match.group("text").lstrip()))
        q_end = q_start + len(inner.rstrip(" ,"))
        found.append(FoundQuote(speaker, role, text[q_start:q_end], q_start, q_end))
    return found


def _sentence_before(text: str, para_start: int, quote_start: int, reach: int) -> str:
    """The part of the quotation's sentence before it, looking back at most `reach` characters."""
    start = max(para_start, quote_start - reach)
    ends = [m.end() for m in re.finditer(r"(?<![A-Z])[.!?]\s", text[start:quote_start])]
    return text[start + (ends[-1] if ends else 0) : quote_start]


def _sentence_attribution(text: str, para_start: int, quote_start: int) -> str | None:
    """The source a report's sentence credits before a quotation: "according to X," or the
    subject of the sentence's first reporting verb."""
    sentence = _sentence_before(text, para_start, quote_start, 400).lstrip()  # further back is another sentence
    according = _ACCORDING.search(sentence)
    if according:
        # "the Department's 2025 review (DR) from March 2025" -> "Department's 2025 review"
        who = re.sub(r"\s*\([^()]{1,40}\)", "", according.group("who").strip())
        who = re.sub(rf"\s+(?:from|in|of|on|published|released)\s+(?:{MONTH}\s+)?(?:19|20)\d\d$", "", who)
        return re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.I)
    verb = _REPORT_VERBS.search(sentence)
    if verb is None:
        return None
    agent = _BY_AGENT.match(sentence[verb.end() :])
    if agent:
        return agent.group("who")
    # Parenthesised acronyms and dates sit between a subject and its verb: drop them.
    lead = re.sub(r"\s*\([^()]{1,40}\)", "", sentence[: verb.start()]).rstrip()
    lead = re.sub(r"\s+(?:has|have|had|also|has also|recently|reportedly|later)$", "", lead)
    subject = _SUBJECT.search(lead) or _OPENING_SUBJECT.match(lead)
    if subject is None:
        return None
    words = [w for w in subject.group("who").split() if w not in ("The", "In", "On", "At")]
    return " ".join(words) if words and not all(w in _NOT_NAMES for w in words) else None


def _signature(text: str, match: re.Match[str], para_start: int, para_end: int) -> str | None:
    """An epigraph: a paragraph that is only the quotation, signed by a name on the next line."""
    if not _ONLY_EMPHASIS.fullmatch(text, para_start, match.start()) or not _ONLY_EMPHASIS.fullmatch(text, match.end(), para_end):
        return None
    skipped = _ONLY_EMPHASIS.match(text, para_end)  # always matches, perhaps nothing
    signed = _SIGNATURE_HERE.match(text, skipped.end() if skipped else para_end)
    return signed.group("who") if signed and signed.group("who").split()[0] not in _NOT_NAMES else None


def _full_name(name: str, people: dict[str, str | None]) -> str:
    """'Maltz' -> 'Derek Maltz' when the text named him in full before."""
    if " " in name:
        return name
    return next((full for full in people if full.split()[-1] == name), None) or next(
        (full for full in people if name in full.split()[1:]), name
    )


def find_people(text: str) -> dict[str, str | None]:
    """People with roles: "Attorney General William Barr", "Eduardo Guerrero, a security consultant"."""
    people: dict[str, str | None] = {}
    for match in _PERSON_TITLE.finditer(text):
        if len(people) == MAX_PEOPLE:
            break
        name = match.group("name").rstrip(".")
        if name.split()[0] in _NOT_NAMES or len(name.split()) < 2 or re.search(r"[’']s\b", name):
            continue
        people.setdefault(name, re.sub(r"\s+", " ", match.group("title")))
    for match in _PERSON_APPOS.finditer(text):
        if len(people) == MAX_PEOPLE:
            break
        name = match.group("name")
        if name.split()[0] in _NOT_NAMES or any(w in _NOT_NAMES for w in name.split()) or re.search(_ORG_WORDS, name):
            continue
        if people.get(name) is None:
            people[name] = match.group("role").strip(' “”"')
    return people


def find_organizations(text: str) -> list[str]:
    found: dict[str, None] = {}
    for match in _ORG.finditer(text):
        if len(found) == MAX_ORGANIZATIONS:
            break
        org = re.sub(r"\s+", " ", match.group("org")).strip()
        if len(org.split()) >= 2 and org.split()[0] not in ("A", "An", "This", "That", "Its", "Their"):
            found.setdefault(org, None)
    for match in _ACRONYM.finditer(text):
        if len(found) == MAX_ORGANIZATIONS:
            break
        found.setdefault(match.group("acr"), None)
    # Drop names contained in a longer one ("Security Group" inside "High-level Security Group").
    names = list(found)
    return [n for n in names if not any(n != other and n in other for other in names)][:25]


def find_options(text: str, sentences: list[tuple[int, int]], catalogue: dict[str, CatalogueOption]) -> list[FoundOption]:
    """Catalogue options a source discusses, each with the source's stance and a short locator."""
    found: dict[str, FoundOption] = {}
    for option in catalogue.values():
        terms = [t for t in option.terms if t.strip()]
        if not terms:
            continue
        pattern = re.compile("|".join(rf"\b{re.escape(t)}" for t in sorted(terms, key=len, reverse=True)), re.I)
        for start, end in sentences:
            sentence = text[start:end]
            match = pattern.search(sentence)
            if not match:
                continue
            stance: Stance = (
                "advocates"
                if _ADVOCATE.search(sentence)
                else "criticizes"
                if _CRITICIZE.search(sentence)
                else "announces"
                if _ANNOUNCE.search(sentence)
                else "reports"
            )
            previous = found.get(option.id)
            # Prefer a sentence that takes a stance over one that only reports.
            if previous is None or (previous.stance == "reports" and stance != "reports"):
                found[option.id] = FoundOption(option.id, stance, _locator(sentence, match.start(), match.end()), start + match.start())
    return sorted(found.values(), key=lambda o: o.start)


def _locator(sentence: str, start: int, end: int, words: int = 10) -> str:
    """At most `words` words of the sentence around a match: a contiguous slice of the text, so
    it stays verbatim."""
    lefts = [m.start() for m in re.finditer(r"\S+", sentence[:start])]
    left = lefts[-3] if len(lefts) >= 3 else (lefts[0] if lefts else start)
    budget = max(0, words - 3 - len(sentence[start:end].split()))
    rights = [m.end() for m in re.finditer(r"\S+", sentence[end:])][:budget]
    right = end + rights[-1] if rights else end
    text = sentence[left:right]
    # A locator ends at a clause boundary when there is one, and never inside a quotation mark.
    cut = re.search(r"[.;:!?”\"]\s", text[end - left :])
    if cut:
        text = text[: end - left + cut.start()]
    return text.strip(' ,;:.“”"*')


def find_events(text: str, sentences: list[tuple[int, int]], published: date | None) -> list[FoundEvent]:
    """Dated events: sentences that say when something happened, dates resolved against the
    publication date ("in November" in an article of February 2020 is November 2019)."""
    events: list[FoundEvent] = []
    seen: set[str] = set()
    # The latest year named before each sentence, from one pass over the text (not one per sentence).
    years = [(m.end(), int(m.group(0))) for m in _YEAR.finditer(text)]
    ends = [end for end, _ in years]
    latest = [0] * len(years)
    for index, (_, year) in enumerate(years):
        latest[index] = max(year, latest[index - 1] if index else 0)
    for start, end in sentences:
        sentence = text[start:end].strip()
        match = _EVENT_DATE.search(sentence)
        if not match or re.search(r"\b(?:posted|published|updated|reprinted)\b", sentence, re.I):
            continue  # a dateline is metadata, not an event
        # Without a publication date, a bare month belongs to the latest year named before it.
        before = bisect_right(ends, start)  # years that end before the sentence starts
        context = date(latest[before - 1], 12, 31) if before else None
        iso = _resolve(match, published or context)
        if iso is None:
            continue
        what = re.sub(r"\s+", " ", sentence)
        what = what if len(what) <= 160 else what[:157].rsplit(" ", 1)[0] + "…"
        key = iso + what[:40]
        if key in seen:
            continue
        seen.add(key)
        events.append(FoundEvent(iso, what, _locator(sentence, match.start(), match.end(), 8), start + match.start()))
    return events[:15]


def _resolve(match: re.Match[str], published: date | None) -> str | None:
    month_text = match.group("m1") or match.group("m2") or match.group("m3")
    month = MONTHS.get(month_text.lower().rstrip("."), 0) if month_text else 0
    if not month:
        return None
    year_text = match.group("y1") or match.group("y2")
    day = match.group("d1") or match.group("d3")
    if year_text:
        year = int(year_text)
    elif published is not None:
        year = published.year if month <= published.month else published.year - 1
    else:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")
