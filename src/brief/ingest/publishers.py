"""Publishers known by their web address or by their report numbers.

Stage: part of metadata. Many official documents never name their publisher in the text: a White
House fact sheet is simply on the White House's site, and a Congressional Research Service report
is known by its product number. Two tables answer for them: web hosts (matched on the host and its
parent domains, so ``www.`` and sub-sites count) and report-number formats of government series.
Both are lists of publishers in general, not of any document; an unknown host gives nothing rather
than a guess.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# host (or parent domain), optionally with a first path segment -> publisher name. Government first, then major news organisations.
HOSTS: dict[str, str] = {
    "whitehouse.gov": "The White House",
    "congress.gov": "Congress.gov",
    "crsreports.congress.gov": "Congressional Research Service",
    "congress.gov/crs-product": "Congressional Research Service",
    "gao.gov": "Government Accountability Office",
    "cbo.gov": "Congressional Budget Office",
    "state.gov": "U.S. Department of State",
    "dhs.gov": "U.S. Department of Homeland Security",
    "cbp.gov": "U.S. Customs and Border Protection",
    "justice.gov": "U.S. Department of Justice",
    "dea.gov": "Drug Enforcement Administration",
    "fbi.gov": "Federal Bureau of Investigation",
    "treasury.gov": "U.S. Department of the Treasury",
    "defense.gov": "U.S. Department of Defense",
    "commerce.gov": "U.S. Department of Commerce",
    "ustr.gov": "Office of the United States Trade Representative",
    "usaid.gov": "U.S. Agency for International Development",
    "cdc.gov": "Centers for Disease Control and Prevention",
    "hhs.gov": "U.S. Department of Health and Human Services",
    "federalregister.gov": "Federal Register",
    "gob.mx": "Gobierno de México",
    "un.org": "United Nations",
    "unodc.org": "United Nations Office on Drugs and Crime",
    "oas.org": "Organization of American States",
    "worldbank.org": "World Bank",
    "imf.org": "International Monetary Fund",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "bloomberg.com": "Bloomberg",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "politico.com": "Politico",
    "thehill.com": "The Hill",
    "usatoday.com": "USA TODAY",
    "foreignpolicy.com": "Foreign Policy",
    "foreignaffairs.com": "Foreign Affairs",
    "latimes.com": "Los Angeles Times",
    "npr.org": "NPR",
    "cnn.com": "CNN",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "bbc.co.uk": "BBC News",
    "bbc.com": "BBC News",
    "theguardian.com": "The Guardian",
    "aljazeera.com": "Al Jazeera",
    "elpais.com": "El País",
    "brookings.edu": "Brookings Institution",
    "csis.org": "Center for Strategic and International Studies",
    "cfr.org": "Council on Foreign Relations",
    "rand.org": "RAND Corporation",
    "wilsoncenter.org": "Wilson Center",
    "crisisgroup.org": "International Crisis Group",
}

# The National Archives keeps each administration's site as <name>whitehouse.archives.gov.
_ARCHIVED = re.compile(r"^(?:[a-z0-9-]+\.)*(?P<site>[a-z]*whitehouse)\.archives\.gov$")

# Report numbers printed in a document's header, with the series that uses the format.
SERIES: list[tuple[re.Pattern[str], str]] = [
    # CRS products: R, RL, RS (reports), IF (In Focus), IN (Insights), followed by five digits.
    # Only the bare number in parentheses counts: other documents cite "CRS Report R12345" too.
    (re.compile(r"\((?:R|RL|RS|IF|IN)\d{5}\)"), "Congressional Research Service"),
    (re.compile(r"^GAO-\d{2}-\d{3,6}[A-Z]*$"), "Government Accountability Office"),
]


def publisher_from_url(url: str | None) -> str | None:
    """The publisher of a known host, trying the host and then each parent domain."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if _ARCHIVED.match(host):
        return HOSTS["whitehouse.gov"]
    labels = host.split(".")
    section = parts.path.strip("/").split("/")[0].lower()
    for i in range(len(labels) - 1):
        domain = ".".join(labels[i:])
        # A site's section published by someone else ("congress.gov/crs-product") beats the site.
        name = HOSTS.get(f"{domain}/{section}") or HOSTS.get(domain)
        if name:
            return name
    return None


def publisher_from_series(header: list[str]) -> str | None:
    """The series whose report-number format appears in a document's header lines."""
    for pattern, name in SERIES:
        if any(pattern.search(line.strip()) for line in header):
            return name
    return None
