"""The kind of a source (news, opinion, editorial, report, official, other) from the conventions
of its genre, not from its topic.

Stage: metadata. A document's type shows in its headline ("Fact Sheet: ...", "Remarks by ...",
"Statement from ...", "Readout of ..."), in the furniture a genre always carries (a press release
ends with "###" and opens "FOR IMMEDIATE RELEASE"; a transcript labels its speakers "THE
PRESIDENT:" and stamps its times "2:08 P.M. EDT"), in who publishes it (a research service, an
institute) and in where it is filed (an address under /opinion/ or /blog/). Words about a genre
inside reporting ("said in a press release", "the White House said") are not its genre, so prose
is never searched for them: only the headline, the first and last lines and the page's address.
"""

from __future__ import annotations

import re

from brief.inputs.models import Kind

# Headlines that name the document's own type. "X Announces ..." counts only for a government
# actor: a company's news is reported with the same verb.
_OFFICIAL_TITLE = re.compile(
    r"""^(?:fact\ sheet|(?:joint\ |presidential\ )?statement\s+(?:from|by|of|on)|joint\ (?:statement|declaration|communiqu[eé])
      |readout|remarks\s+(?:by|of|as|at)|press\ (?:briefing|gaggle|call|conference|release)|background\ (?:press\ )?call
      |on-the-record\ press|transcript|executive\ order|proclamation|presidential\ (?:message|memorandum|determination|action)
      |memorandum\s+(?:for|on)|message\s+(?:from|to|of)\ (?:the\ )?president|letter\s+(?:from|to)\ (?:the\ )?(?:president|speaker)
      |nominations?\s+(?:sent|withdrawn)|news\ release|media\ advisory|notice\s+(?:on|of|regarding))\b""",
    re.I | re.X,
)
_GOVERNMENT_ACTOR = re.compile(
    r"\b(?:President|Vice\ President|First\ Lady|Secretary|Administration|White\ House|Department|Ministry|Minister|Governor"
    r"|Mayor|Embassy|Agency|Commission|Office\ of|Senator|Congressman|Congresswoman|Attorney\ General)\b",
    re.X,
)
_ANNOUNCES = re.compile(r"\b(?:Announces?|Launch(?:es)?|Signs?|Nominates?|Appoints?|Unveils?|Awards?|Issues?|Designates?)\b")
_RELEASE_LINE = re.compile(
    r"^(?:\#{3}|-{1,3}\s*end\s*-{1,3}|end|for\ immediate\ release\b.*|(?:media|press)\ contacts?\b.*|contact:.*|embargoed\b.*)$",
    re.I | re.X,
)
# "THE PRESIDENT:", "MS. JEAN-PIERRE:", "SENIOR ADMINISTRATION OFFICIAL:", "Q" - a speaker's label.
_SPEAKER_LABEL = re.compile(r"^(?:Q|[A-Z][A-Z.'’ -]{2,60}):(?:\s|$)|^Q\s{1,3}\S")
_TIME_STAMP = re.compile(r"^(?:END\s+)?\d{1,2}:\d\d\s*[AP]\.?M\.?(?:\s+[A-Z]{2,4})?$")
_DELIVERY = re.compile(r"^as\ prepared\ for\ delivery$", re.I | re.X)
_OFFICE_LABEL = re.compile(r"\b(?:PRESIDENT|SECRETARY|AMBASSADOR|OFFICIAL|GOVERNOR|SENATOR|MINISTER|PRESS SECRETARY|FIRST LADY)\b")
_REPORT_OUTLET = re.compile(
    r"\b(?:Research\ Service|Accountability\ Office|Budget\ Office|Institute|Institution|Center\ for|Centre\ for|Council\ on"
    r"|Foundation|Think\ Tank|RAND|Brookings|Inspector\ General)\b",
    re.X,
)
_OFFICIAL_OUTLET = re.compile(r"^(?:The\ )?White\ House$|\b(?:Department\ of|Ministry\ of|Office\ of\ the)\b", re.X)
_OPINION_URL = re.compile(r"/(?:opinions?|commentary|op-?eds?|blogs?|perspectives?|columns?|views?|analysis)/", re.I)
_EDITORIAL_URL = re.compile(r"/editorials?/", re.I)


def official_title(title: str) -> bool:
    """The headline names a government document's own type, or a government actor announcing."""
    title = title.strip(" *_#")
    if _OFFICIAL_TITLE.match(title):
        return True
    head = _ANNOUNCES.search(title)
    return bool(head and _GOVERNMENT_ACTOR.search(title[: head.start()]))


def without_genre(title: str) -> str:
    """The headline without the words that name its document type ("Fact Sheet:", "Remarks by",
    "Statement from"): what is left tells one document of a genre from another."""
    match = _OFFICIAL_TITLE.match(title)
    return title[match.end() :].lstrip(" :–—-") if match else title


def genre_marks(lines: list[str]) -> tuple[int, int]:
    """(press-release lines, transcript lines) among a document's first and last lines."""
    release = sum(bool(_RELEASE_LINE.match(line.strip())) for line in lines if len(line) < 120)
    transcript = sum(
        bool(_TIME_STAMP.match(line.strip()) or _DELIVERY.match(line.strip()))
        or bool(_SPEAKER_LABEL.match(line) and _OFFICE_LABEL.search(line.split(":", 1)[0]))
        for line in lines
    )
    return release, transcript


def detect_kind(title: str, head: list[str], tail: list[str], outlet: str | None, url: str | None, default: Kind) -> Kind:
    """The kind by the strongest sign: the page's address, the headline, the genre's furniture,
    the publisher; else `default` (what the caller read from disclaimers and bios)."""
    if url and _EDITORIAL_URL.search(url):
        return "editorial"
    if url and _OPINION_URL.search(url):
        return "opinion"
    if default in ("editorial", "opinion"):
        return default
    if official_title(title):
        return "official"
    release, transcript = genre_marks(head[:8] + tail[-4:])
    if release or transcript:
        return "official"
    if outlet and _REPORT_OUTLET.search(outlet):
        return "report"
    if outlet and _OFFICIAL_OUTLET.search(outlet):
        return "official"
    return default
