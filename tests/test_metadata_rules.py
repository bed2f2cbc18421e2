"""Metadata on documents of genres ingest was not written against: headlines behind page furniture,
service lines, datelines, release dates, and the kind read from a genre's conventions."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.ingest.clean import clean
from brief.ingest.draft import draft_summary
from brief.ingest.kinds import detect_kind, official_title
from brief.ingest.metadata import Metadata, detect_metadata

BODY = (
    "The harbour board approved a new inspection plan for the northern terminal on Tuesday.\n\n"
    "Inspectors will check twice as many containers under the plan, the board's chair told members.\n\n"
    "The plan takes effect next month and will be reviewed after a year."
)


def meta_of(text: str, meta: dict[str, str] | None = None) -> Metadata:
    return detect_metadata(clean(text), meta or {})


def test_page_furniture_and_section_labels_are_not_the_title() -> None:
    found = meta_of(f"Skip to main content\n\nPRESS RELEASES\n\nHarbour board adopts a northern terminal plan\n\n{BODY}")
    assert found.title == "Harbour board adopts a northern terminal plan"


def test_a_service_line_names_the_outlet_not_the_title() -> None:
    found = meta_of(f"Port Notes is a service of the Coastal Trade Institute.\n\nHarbour board adopts a plan\n\n{BODY}")
    assert found.title == "Harbour board adopts a plan"
    assert found.outlet == "the Coastal Trade Institute"


def test_a_dateline_sentence_is_not_a_headline() -> None:
    lead = "PORTVILLE — The harbour board on Tuesday approved a plan that doubles container checks at the northern terminal."
    found = meta_of(f"{lead}\n\n{BODY}")
    assert not found.title.startswith("PORTVILLE")
    assert found.title.startswith("The harbour board")
    assert len(found.title) <= 121


def test_a_long_headline_on_the_first_line_is_kept_whole() -> None:
    headline = "Harbour Board Adopts a Northern Terminal Plan, " + "Doubles Container Checks and Hires Inspectors " * 4
    found = meta_of(f"{headline.strip()}\n\n{BODY}")
    assert found.title == headline.strip()


@pytest.mark.parametrize(
    "header",
    ["FOR IMMEDIATE RELEASE\n\nFriday, October 7, 2022", "Date 2025-04-15", "Released: 15 April 2025"],
)
def test_a_release_date_printed_under_the_headline_is_the_date(header: str) -> None:
    found = meta_of(f"Harbour board adopts a plan\n\n{header}\n\n{BODY}")
    assert found.published is not None
    assert found.published.isoformat() in ("2022-10-07", "2025-04-15")


def test_a_date_in_the_prose_is_not_the_publication_date() -> None:
    found = meta_of(f"Harbour board adopts a plan\n\nThe board first met on October 7, 2022, to discuss the terminal.\n\n{BODY}")
    assert found.published is None


def test_a_byline_run_into_its_date_gives_the_name() -> None:
    found = meta_of(BODY, {"author": "Nadia Reyes July 10, 2015"})
    assert found.authors == ["Nadia Reyes"]


@pytest.mark.parametrize(
    "title",
    [
        "FACT SHEET: The Administration Expands Harbour Inspections",
        "Statement from the Secretary on the Harbour Plan",
        "Readout of the Minister's Call with Port Leaders",
        "Remarks by the Governor at the Harbour Board",
        "Governor Reyes Announces New Harbour Inspectors",
    ],
)
def test_a_government_documents_headline_makes_it_official(title: str) -> None:
    assert official_title(title)
    assert meta_of(f"{title}\n\n{BODY}").kind == "official"


@pytest.mark.parametrize("title", ["Shipping Firm Announces Record Profits", "Harbour plan divides the board", "Readers respond"])
def test_a_news_headline_is_not_official(title: str) -> None:
    assert not official_title(title)


def test_a_press_release_ends_with_its_mark() -> None:
    assert meta_of(f"Harbour board adopts a plan\n\n{BODY}\n\n###").kind == "official"


def test_a_transcript_is_known_by_its_speaker_labels_and_time_stamps() -> None:
    text = "Harbour visit\n\n2:08 P.M. EDT\n\nTHE GOVERNOR: Thank you all for coming.\n\nQ Will the plan pass?\n\nTHE GOVERNOR: It will."
    assert meta_of(text).kind == "official"


def test_reporting_about_a_government_is_still_news() -> None:
    text = (
        "Harbour plan divides the board\n\nThe White House said in a press release that the plan was sound.\n\n"
        f"{BODY}\n\nA fact sheet issued by the ministry gave no figures."
    )
    assert meta_of(text).kind == "news"


def test_the_pages_address_files_an_opinion_piece() -> None:
    assert detect_kind("Why the harbour plan fails", [], [], None, "https://example.org/blog/harbour-plan", "news") == "opinion"
    assert detect_kind("Harbour plan", [], [], "Coastal Trade Institute", None, "news") == "report"


def test_a_release_names_its_issuer_in_its_lead(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(
        "FACT SHEET: Harbour Inspections Expand\n\nToday the Department of Ports today announced new inspections.\n\n" + BODY,
        encoding="utf-8",
    )
    summary = draft_summary(path, {}, None)
    assert summary.outlet == "Department of Ports"
    assert summary.kind == "official"


@pytest.mark.parametrize("address", ["https://reports.harbor.example.gov", "www.harbor-times.com", "harborreports.org/briefs"])
def test_a_web_address_a_pdf_prints_in_its_header_is_not_the_title(address: str) -> None:
    text = f"{address}\n\nUpdated April 16, 2026\n\nHarbor Trade Relations\n\nThe harbor's trade with its neighbours grew in 2025."
    assert meta_of(text).title == "Harbor Trade Relations"


def test_a_text_that_cites_an_editorial_is_not_one() -> None:
    cited = "“Harbor towns have waited decades,” the Harbor Times wrote in an editorial."
    text = f"Harbor Plan Wins Praise\n\nLeaders praised the harbor plan this week.\n\n{cited}"
    assert meta_of(text).kind != "editorial"
    assert meta_of("Our View\n\nThis is an editorial of the Harbor Times.\n\nThe plan is good.").kind == "editorial"


@pytest.mark.parametrize(
    "prose",
    [
        "Opinion polls suggest that voters still want the harbor plan.",
        "“In our opinion it is a generic name,” the makers said.",
        "The chief judge wrote in her opinion that the claim failed.",
        "Results may not reflect public opinion, the network said.",
    ],
)
def test_the_word_opinion_in_a_storys_prose_is_no_label(prose: str) -> None:
    assert meta_of(f"Harbor Plan Moves Ahead\n\n{prose}\n\nThe plan goes to a vote next week.").kind == "news"


def test_an_opinion_label_marks_an_opinion_piece() -> None:
    assert meta_of("Opinion\n\nWhy the Harbor Plan Fails\n\nThe plan is a mistake, and here is why.").kind == "opinion"
