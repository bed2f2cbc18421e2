"""Figure rules, second round (issue 17): fewer drafts that are not figures (slideshow and gallery
furniture, rank phrases, digits of a longer token, numbers of names a document uses elsewhere,
inline list markers, ages, addresses, scores) and money ranges read whole. Every sentence here is
made up for the test."""

from __future__ import annotations

import pytest

from brief.ingest.clean import clean
from brief.ingest.draft import sentence_spans
from brief.ingest.figures import FoundFigure, find_figures
from brief.verify.sources import _holds_value


def found(text: str, year: int | None = 2024) -> list[FoundFigure]:
    cleaned = clean(text).text
    return find_figures(cleaned, sentence_spans(cleaned), year)


def values(text: str) -> list[tuple[float, float | None, str]]:
    return [(round(f.value, 2), f.upper, f.unit) for f in found(text)]


def test_a_slideshow_of_numbered_captions_is_furniture() -> None:
    slides = "\n\n".join(
        f"- {n}/9 Tin slides again Tin fell {n + 3} per cent as smelters in the north cut {n * 40} jobs. Getty" for n in range(1, 10)
    )
    text = f"Lamps at the inn cost $40 each, the owner said.\n\nMarkets in pictures\n\n{slides}\n\nThe inn charges $12 for tea."
    cleaned = clean(text)
    assert not any("Tin slides" in p for p in cleaned.paragraphs)
    assert "Markets in pictures" not in cleaned.paragraphs
    assert values(text) == [(40, None, "USD"), (12, None, "USD")]


def test_a_gallery_line_is_furniture_alone_or_at_a_paragraph_end() -> None:
    text = "The Lumen Deck costs $300. Gallery: Lumen Deck | 11 Photos\n\nGallery: Lumen Deck screenshots | 7 Photos\n\nIt weighs 2 pounds."
    assert [v for v, _, _ in values(text)] == [300, 2]
    assert "Gallery" not in clean(text).text


@pytest.mark.parametrize(
    "sentence",
    [
        "I usually play at 1,440p on the desk monitor.",  # digits of a longer token
        "The new tablet runs apps built for the iPad 2 without changes.",  # a camel-cased name
        "The band entered the top ten for the first time.",  # a rank phrase
        "Rounding out the top five was a quiet comedy.",
        "When she was three, the family moved north.",  # an age
        "Applicants may hold a degree (a two- to four-year course) 2.",  # an inline list marker
        "The envoy stayed at 12 Harbour Street in the capital.",  # an address
        "The reader drew a 3 of Cups twice.",  # a card's name
        "Repairs may take a week or two.",  # the second of two lengths of time
        "Rovers won 4-2 at home, and the final set went 7-6.",  # scores
        "The club backed a 50-50 split of the gate.",
        "Buyers met on the Night Market 3.0 forum.",  # a version in a name
        "Output should recover in 2027.14 Analysts agree.",  # a year and its footnote's number
    ],
)
def test_not_figures(sentence: str) -> None:
    assert values(sentence) == []


def test_a_number_a_document_names_a_thing_by_is_no_count_elsewhere() -> None:
    text = "Owners of the Vortex 480 console can stream films. Do not expect your whole 480 library to play, though 120 titles will."
    assert values(text) == [(120, None, "count")]


def test_a_money_range_with_two_signs() -> None:
    assert values("A decent laptop costs between $600 and $800 today.") == [(600, 800, "USD")]
    assert _holds_value("costs between $600 and $800", 600, 800)
    # the scale written once applies to both ends, when the first is the smaller
    assert values("Lenders with between $50 and $90 billion in assets must report.") == [(5e10, 9e10, "USD")]
    assert values("Bids ran from $400 to $2 million.") == [(400, 2e6, "USD")]
    assert values("The bridge will cost £5m to £7m, or $4bn-$6bn for the line.") == [(5e6, 7e6, "GBP"), (4e9, 6e9, "USD")]


def test_units_read_beside_a_number() -> None:
    assert values("Yields reached 70 or 80 percent in the south.") == [(70, None, "percent"), (80, None, "percent")]
    assert values("Each test costs 40 Euro per sample.") == [(40, None, "EUR")]


def test_a_falling_count_is_still_read() -> None:
    assert values("Break-ins fell from 300 to 200 this year.") == [(300, 200, "count")]
