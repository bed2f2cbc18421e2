"""Metadata: title, outlet, authors, publication date and kind of a source.

Stage: after cleaning. Uses what the format carries (HTML metadata) first, then patterns in the
text: bylines ("By A and B", "(by A in X, Outlet)"), author bios at the end, reprint and
publisher lines, and dates next to "Published", "Posted" or "Updated". Dates are parsed only from
these short matches, never by searching the prose.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from brief.ingest.clean import CleanText
from brief.ingest.kinds import detect_kind, official_title
from brief.ingest.publishers import publisher_from_series, publisher_from_url
from brief.inputs.models import Kind
from brief.numbers import MONTH
from brief.quickre import lowered, may_hold
from brief.untrusted import safe_url

MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"), ("jul", "july"),
         ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}  # fmt: skip
DATE_MDY = re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)\b")
DATE_DMY = re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{MONTH})\s+(?P<y>(?:19|20)\d\d)\b")
DATE_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")

_NAME = r"[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:de|del|da|van|von|la|le|bin|al|[A-ZÀ-Þ][\w'’.-]*)){1,3}"
_BYLINE = re.compile(r"^\(?\s*by\s+(?P<body>[^)\n]{3,200}?)(?:\)|\s+[—–-]\s|$)", re.I)
_PERSON = re.compile(rf"^{_NAME}$")
# A labelled field in a document's header: "Authors: Doe, Jane; Roe, Richard", "| Source: | https://...".
_FIELD = re.compile(r"^[|*_\s]*(?P<label>[A-Za-z][A-Za-z ]{1,30}?)\s*:[|*_\s]*(?P<value>\S.*?)[|\s]*$")
_URL = re.compile(r"https?://\S+")
_OUTLET_WORDS = re.compile(
    r"^The\b|\b(?:Journal|Times|Post|News|Press|Review|Magazine|Herald|Tribune|Daily|Weekly|Wire|Reuters|Bloomberg)\b"
)
# Each with words its match holds, looked for first: a pattern that opens with a word boundary is
# tried at every position of a line, and most lines hold none of its words.
_OUTLET_PATTERNS = [
    ("not the view", re.compile(r"\bnot the views? of (?P<o>(?:The )?[A-Z][\w&.'’ ]{1,40}?)\s*$")),
    ("", re.compile(r"^More from (?P<o>[A-Z][\w&.'’ ]{1,40}?)\s*$")),
    ("", re.compile(r"^Source:\s*(?P<o>[A-Z][\w&.'’ ]{1,40}?)\s*$")),
    ("without permission from ", re.compile(r"\bwithout permission from (?P<o>(?:The )?[A-Z][\w&.'’ ]{1,40}?)\.?\s*$")),
    ("Published by ", re.compile(r"\bPublished by (?P<o>[\w .]{2,30}?) on\b")),
    # A report's publisher line: "Congressional Research Service, In Focus ...".
    (
        "",
        re.compile(
            r"^(?P<o>(?:[A-Z][\w&'’]+ ){1,4}(?:Service|Office|Institute|Center|Centre|Council|Foundation|Agency|Commission|Bureau|Department))(?:,|\s*\(|\s*$)"
        ),
    ),
    ("", re.compile(r"^(?:Copyright|©)\s*(?:\d{4}\s+)?(?P<o>[A-Z][\w&.'’ ]{1,40}?)(?:,? Inc\.?|\.)")),
]
_PREPARED = re.compile(
    r"\b(?:prepared|published|issued|produced) by (?:the )?(?P<o>[A-Z][\w&'’]+(?: (?:of |for |and )?[A-Z][\w&'’]+){1,5})"
)
# A news outlet quoting its own interviews: "..., Maltz told USA TODAY." (twice or more).
_TOLD = re.compile(r"\btold (?P<o>[A-Z]{2,}(?: [A-Z]{2,}){0,2})\b")
# Disclaimers and labels that say what a text is. A government document's type is read from its
# headline and furniture by :mod:`brief.ingest.kinds`; the words "the White House" or "press
# release" in a news story's prose say nothing about the story's own kind.
# Each with the words (lower-cased) one of its matches holds: the pattern is searched for only in a
# sample whose lower-cased copy holds one of them.
_KIND_PATTERNS: list[tuple[Kind, tuple[str, ...], re.Pattern[str]]] = [
    # "…, the Harbor Times wrote in an editorial": a text that cites an editorial is not one
    ("editorial", ("editor",), re.compile(r"\b(?:the editors|editorial board|(?<!\bin )an? editorial)\b", re.I)),
    # "Opinion" as a label ("Opinion | …", "an opinion piece"), not a word of the prose ("opinion
    # polls", "in our opinion", "the judge wrote in her opinion")
    (
        "opinion",
        ("views expressed", "op-ed", "commentary", "contributor", "opinion"),
        re.compile(
            r"\b(?:views expressed|op-ed|commentary|contributors? are their own)\b"
            r"|\b[Oo]pinion\s+(?:piece|column|section|writer|editor|contributor|essay)\b|(?:^|\n)(?:OPINION|Opinion)\b(?!\s+polls?\b)"
        ),
    ),
    (
        "report",
        ("research service", "crs report", "in focus", "summary"),
        re.compile(r"\b(?:congressional research service|crs report|in focus|summary of findings|executive summary)\b", re.I),
    ),
]
# A date stamped on a page, by the word before it, in order of trust.
_STAMPS = [
    (word, re.compile(rf"\b{word}\b(?:\s+by\s+[^,;]{{1,30}}?)?\W+(?:on\s+|in\s+)?(?P<date>.{{6,24}})", re.I))
    for word in ("published", "dated", "posted", "updated")
]
# A line that labels a page's section, not its headline: "BRIEFING ROOM", "PRESS RELEASES",
# "Skip to main content", a line of capitals of a few words.
_SECTION_LABEL = re.compile(
    r"^(?:(?i:skip\ to\b.*|jump\ to\b.*|menu|search|home|share|print|listen\b.*|toggle\b.*|breadcrumbs?|you\ are\ here\b.*)"
    r"|[A-Z][A-Z&/,’' -]{1,40})$",
    re.X,
)
# "Country Reports is a service of the Example Institute": a service line names its publisher.
_SERVICE_OF = re.compile(
    r"^(?P<what>.{2,80}?)\s+is\s+(?:a\s+)?(?:service|publication|project|product)\s+of\s+(?P<o>(?:the\s+)?[A-Z][\w&.'’ -]{1,60}?)\.?$"
)
# A dateline: "WASHINGTON —", "MEXICO CITY, March 3 (Reuters) -", "WASHINGTON, D.C. (October 7, 2022) –".
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([^)]{0,40}\))?\s*[—–-]{1,2}\s+(?=\S)")
_ISSUER = re.compile(
    r"\b(?:[Tt]he )?(?P<o>(?:White House|(?:[A-Z][\w&'’.-]+ ){0,4}(?:Department|Ministry|Office|Agency|Commission|Bureau|Embassy)"
    r"(?: of(?: the)?(?: [A-Z][\w&'’.-]+){1,4})?)) (?:today|this week|on [A-Z][a-z]+day) announced\b"
)
_DATE_LABEL = re.compile(r"^(?:date[d]?|released|issued|for\s+release)\b\W*(?P<date>.{6,40})$", re.I)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"


@dataclass
class Metadata:
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    kind: Kind = "news"
    url: str | None = None


def parse_date(text: str) -> date | None:
    for pattern in (DATE_MDY, DATE_DMY, DATE_ISO):
        match = pattern.search(text)
        if match:
            month = match["m"]
            number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."), 0)
            try:
                return date(int(match["y"]), number, int(match["d"]))
            except ValueError:
                continue
    return None


def _clean_title(line: str) -> str:
    line = re.sub(r"^#+\s*", "", line).strip(" *_")
    # A column label such as "World #1 –" before a headline.
    line = re.sub(r"^[\w ]{1,20}#\d+\s*[–—:-]?\s*", "", line)
    return line.strip()


def parse_byline(body: str) -> tuple[list[str], str | None]:
    """'A in Mexico City and B in Washington, The Wall Street Journal' -> ([A, B], outlet)."""
    parts = [p.strip(" .") for p in body.split(",")]
    outlet = None
    if len(parts) > 1 and _OUTLET_WORDS.search(parts[-1]):
        outlet = parts.pop()
    names: list[str] = []
    for part in parts:
        for name in re.split(r"\s+and\s+|\s*&\s*", part):
            name = re.sub(r"\s+in\s+[A-Z].*$", "", name.strip(" ."))  # "A in Mexico City"
            if _PERSON.match(name):
                names.append(name)
    return names, outlet


def detect_metadata(clean: CleanText, meta: dict[str, str]) -> Metadata:
    result = Metadata(url=safe_url(meta.get("url")))  # never a javascript:, data: or file: address
    paragraphs = clean.paragraphs
    # The page's first visible lines (from an HTML reader) hold datelines an extractor may drop.
    page_head = [re.sub(r"\s+", " ", line).strip() for line in meta.get("head", "").split("\n") if line.strip()]
    head = paragraphs[:6] + page_head
    everything = paragraphs + clean.furniture + clean.bios

    title, service_outlet = _title(clean, paragraphs)
    title = _page_headline(page_head, meta.get("sitename")) or meta.get("title") or title
    if title and len(title) <= 300:
        result.title = title
    elif paragraphs:
        result.title = _first_sentence(paragraphs[0])

    if meta.get("author") and meta["author"].lower() not in ("python-docx", "unknown", "admin"):
        result.authors = _author_list(meta["author"])[:6]
    fields = _labelled_fields(paragraphs[:30] + clean.furniture[:10])
    if not result.authors and (listed := fields.get("authors") or fields.get("author")):
        result.authors = _author_list(listed)
    if not result.url and (url := _URL.search(fields.get("source") or fields.get("url") or "")):
        result.url = safe_url(url.group(0))
    if not result.authors:
        for para in head:
            match = _BYLINE.match(para.strip("*_ "))
            if match:
                result.authors, byline_outlet = parse_byline(match["body"])
                result.outlet = result.outlet or byline_outlet
                if result.authors:
                    break
    if not result.authors:
        # A report's author line: two or more names and nothing else ("A; B", "A, B and C").
        for para in head[1:5]:
            if len(para) >= 200:
                continue  # not an author line; splitting a long run of spaces at "and" is quadratic
            parts = [p.strip(" .") for p in re.split(r";|,\s*(?:and\s+)?|\s+and\s+", para)]
            if 2 <= len(parts) <= 8 and all(_PERSON.match(p) for p in parts):
                result.authors = parts
                break
    if not result.authors:
        result.authors = [m[1] for bio in clean.bios if (m := re.match(r"^((?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w'’-]+)", bio))]

    # The page's own address names its publisher more surely than any line of text.
    result.outlet = meta.get("sitename") or publisher_from_url(result.url) or result.outlet or service_outlet
    if not result.outlet and official_title(result.title or ""):
        # A government release names its issuer in its lead: "the White House today announced".
        issuer = next((m["o"] for p in paragraphs[:4] if (m := _ISSUER.search(p))), None)
        result.outlet = "The White House" if issuer == "White House" else issuer  # its proper name has "The"
    if not result.outlet:
        # Patterns in order of trust; a publisher's copyright line is the last resort.
        # Such lines are short; long paragraphs are prose and need not be searched.
        lines = [para.strip("*_ ") for para in reversed(everything) if len(para) < 400]
        for needed, pattern in _OUTLET_PATTERNS:
            match = next((m for line in lines if needed in line and (m := pattern.search(line))), None)
            if match:
                result.outlet = match["o"].strip()
                break
        else:
            # A disclaimer at the end: "These documents were prepared by the Congressional Research Service".
            closing = paragraphs[-6:] + clean.furniture
            prepared = next((m for p in closing if (m := _PREPARED.search(p))), None)
            if prepared:
                result.outlet = prepared["o"]
        if not result.outlet:
            result.outlet = publisher_from_series(paragraphs[:4] + page_head[:6])
        if not result.outlet:
            told = Counter(m["o"] for p in paragraphs if "told " in p for m in _TOLD.finditer(p))
            if told and told.most_common(1)[0][1] >= 2:
                result.outlet = told.most_common(1)[0][0]

    if meta.get("date"):
        result.published = parse_date(meta["date"]) or _iso(meta["date"])
    if result.published is None:
        # A date right after "Published" beats "Posted" (a reprint's date) and "Updated"; failing
        # those, a short dateline-like paragraph near the top. Dates in prose are events.
        stamped = None
        for scope in (head + clean.furniture + clean.bios, everything):
            scope_lower = [p.lower() for p in scope]
            for word, stamp in _STAMPS:
                found = (stamp.finditer(p) for p, low in zip(scope, scope_lower, strict=True) if word in low)
                stamped = next((d for matches in found for m in matches if (d := parse_date(m["date"]))), None)
                if stamped:
                    break
            if stamped:
                break
        if stamped:
            result.published = stamped
        else:
            # "Date: 2025-04-15", "Released Friday, October 7, 2022", or a short line near the
            # top that is a date and little else (under "FOR IMMEDIATE RELEASE", under a title).
            labelled = next((d for p in head[:10] if len(p) < 60 and (m := _DATE_LABEL.match(p)) and (d := parse_date(m["date"]))), None)
            result.published = labelled or next((d for p in head[:8] if _date_line(p) and (d := parse_date(p))), None)

    sample = " ".join(paragraphs[:3] + paragraphs[-3:] + clean.furniture + page_head[:6])
    folded = lowered(sample)
    for kind, needs, pattern in _KIND_PATTERNS:
        if may_hold(folded, needs) and pattern.search(sample):
            result.kind = kind
            break
    else:
        if clean.bios:
            result.kind = "opinion"
    lines = [clean.first_line, *paragraphs[:8], *page_head[:8]]
    result.kind = detect_kind(result.title or "", lines, paragraphs[-4:] + clean.furniture[-4:], result.outlet, result.url, result.kind)
    return result


# A line that is only a web address, as a PDF prints in its header ("https://crsreports.example.gov").
_ADDRESS_LINE = re.compile(r"\s*(?:https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+)*\.(?:gov|com|org|net|edu|int|mil|io|uk|eu)(?:/\S*)?)\s*")


def _title(clean: CleanText, paragraphs: list[str]) -> tuple[str, str | None]:
    """The headline: the first line that is not furniture, a section label, a service line
    ("X is a service of Y", whose Y is the publisher, returned second) or a date; a dateline's
    first sentence ("WASHINGTON — The agency said ...") is the story, not its headline."""
    outlet = None
    candidates = [clean.first_line, *paragraphs[:4]]
    for line in candidates:
        line = _clean_title(line)
        if not line or line in clean.furniture or _SECTION_LABEL.match(line) or _date_line(line) or _ADDRESS_LINE.fullmatch(line):
            continue
        if service := _SERVICE_OF.match(line):
            outlet = outlet or service["o"].strip()
            continue
        if _DATELINE.match(line) and len(line.split()) > 12:
            continue
        return line, outlet
    first = next((p for p in paragraphs if not _SECTION_LABEL.match(p)), "")
    return _first_sentence(_DATELINE.sub("", first)), outlet


def _page_headline(head: list[str], site: str | None) -> str | None:
    """The page's headline when its <title> is "Headline - Site" and the headline is also a line
    of its own on the page: an extractor's title may come from a promotion box instead."""
    if not site:
        return None
    for line in head[:3]:
        match = re.match(rf"^(?P<t>.{{10,300}}?)\s+[-|–—:]\s+{re.escape(site)}$", line)
        if match and match["t"] in head:
            return match["t"]
    return None


def _first_sentence(paragraph: str, limit: int = 120) -> str:
    """A paragraph's first sentence, cut at a word boundary after at most `limit` characters."""
    end = re.search(r"[.!?](?:\s|$)", paragraph)
    sentence = paragraph[: end.start() + 1] if end else paragraph
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + "…"
    return sentence.strip()


def _date_line(line: str) -> bool:
    """A short line that is a date and little else ("Friday, October 7, 2022", "7 October 2022")."""
    if len(line) > 48:
        return False
    match = next((m for pattern in (DATE_MDY, DATE_DMY, DATE_ISO) if (m := pattern.search(line))), None)
    if match is None:
        return False
    rest = line[: match.start()] + line[match.end() :]
    rest = re.sub(rf"^\W*{_WEEKDAY}?", "", rest, flags=re.I)
    return len(re.findall(r"[A-Za-z]+", rest)) <= 2


def _labelled_fields(lines: list[str]) -> dict[str, str]:
    """Header fields written as "Label: value" (also as Markdown table rows), first one wins."""
    fields: dict[str, str] = {}
    for line in lines:
        match = _FIELD.match(line) if len(line) < 300 else None
        if match:
            fields.setdefault(match["label"].strip().lower(), match["value"].strip(" |*_"))
    return fields


def _author_list(value: str) -> list[str]:
    """ "Doe, Jane M.; Roe, Richard" or "Jane Doe and Richard Roe" -> ["Jane M. Doe", "Richard Roe"]."""
    if ";" in value or (re.fullmatch(r"[^,]+,\s*[^,]+", value) and len(value.split(",")[0].split()) == 1):
        names = []
        for part in value.split(";"):
            last, _, first = part.partition(",")
            names.append(f"{first.strip()} {last.strip()}".strip() if first.strip() else last.strip())
    else:
        names = [n.strip(" .") for n in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", value)]
    # A byline run into its dateline: "Jane Roe July 10, 2015" or "Jane Roe July".
    names = [re.sub(rf"\s+{MONTH}(?:\s+\d.*)?$", "", n) for n in names]
    return [n for n in names if _PERSON.match(n)][:8]


def _iso(value: str) -> date | None:
    try:
        return datetime.fromisoformat(value[:10]).date()
    except ValueError:
        return None
