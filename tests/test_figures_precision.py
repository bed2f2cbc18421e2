"""Figure rules, second round (issue 17): fewer drafts that are not figures (slideshow and gallery
furniture, rank phrases, digits of a longer token, numbers of names a document uses elsewhere,
inline list markers, ages, addresses, scores), money ranges read whole, and labels that say what
a number measures (the verb's noun, the head before a name, an amount in parentheses, a pair of
currencies, a baseline's measure). Every sentence here is made up for the test."""

from __future__ import annotations

import pytest

from brief.ingest.clean import clean
from brief.ingest.draft import sentence_spans
from brief.ingest.figures import FoundFigure, find_figures
from brief.labels import states_value as _holds_value


def found(text: str, year: int | None = 2024) -> list[FoundFigure]:
    cleaned = clean(text).text
    return find_figures(cleaned, sentence_spans(cleaned), year)


def values(text: str) -> list[tuple[float, float | None, str]]:
    return [(round(f.value, 2), f.upper, f.unit) for f in found(text)]


def labels(text: str) -> dict[float, str]:
    """Each value's label (the first figure of a value)."""
    out: dict[float, str] = {}
    for fig in found(text):
        out.setdefault(round(fig.value, 2), fig.label)
    return out


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
        "The club backed a 50-50 split of the gate.",  # a split, and a vote's tally
        "The bill passed 52-48 in the chamber.",
        "Buyers met on the Night Market 3.0 forum.",  # a version in a name
        "Output should recover in 2027.14 Analysts agree.",  # a year and its footnote's number
        "The boys were seven and eight years old when the mill shut.",  # the first of two ages
        "The ministers met in Ottawa on January 9-10 to plan the work.",  # a date's range of days
        "The envoys agreed to act, including by: 1) cutting supply; 2) tracing guns.",  # a list run into a sentence
        "The spirit of 1776 is never far from this square.",  # an early year after "of"
        "The club reached the last 16 of the cup for the first time.",  # a stage of a contest
        "He can play scrum-half or fly-half for the club.",  # a word's own half
    ],
)
def test_not_figures(sentence: str) -> None:
    assert values(sentence) == []


def test_a_score_is_the_winners_count_not_a_range() -> None:
    assert values("Rovers won 4-2 at home, and the final set went 7-6.") == [(4, None, "count"), (7, None, "count")]


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


@pytest.mark.parametrize(
    ("sentence", "value", "words"),
    [
        # the verb's noun: what a weight, a price, a takings, an award measures
        ("The lamp weighs 3.2 pounds, the maker says.", 3.2, {"weight"}),
        ("The rival tablet launched at $450 last spring.", 450, {"price"}),
        ("A suite should rent on average for $250/night.", 250, {"night"}),
        ("The comedy took more than the expected $9m on its first weekend.", 9e6, {"takings"}),
        ("Coach Lane fell two places to number four, taking $3m in its second week.", 3e6, {"takings"}),
        ("The mill will receive $4 million to expand its kilns.", 4e6, {"award"}),
        ("Drivers can shell out $12 to unlock offline maps.", 12, {"maps"}),
        # the head before a name, not the name
        ("Imports from Peru increased from $12.5 billion in 2010.", 12.5e9, {"imports"}),
        ("Chile's FDI in the United States rose to $4.2 billion.", 4.2e9, {"fdi"}),
        ("Canada had a surplus in wood trade with Japan of $2.1 billion in 2022.", 2.1e9, {"surplus"}),
        ("Rail freight between Chile and the United Kingdom was $3 billion.", 3e9, {"rail", "freight"}),
        ("Its top partners were Peru ($70 billion) and Brazil ($40 billion).", 4e10, {"brazil"}),
        # amounts in parentheses
        ("Germany accounted for 40% ($90.5 billion) of Austria's 2023 total trade in goods.", 40, {"trade"}),
        ("Germany accounted for 40% ($90.5 billion) of Austria's 2023 total trade in goods.", 90.5e9, {"trade"}),
        ("Spain supplied 25% ($3.1 billion) of the total ($12.4 billion) last year.", 12.4e9, {"total"}),
        # adjectives that look like verbs, quoted words, a possessive before a number
        ("Officials counted 45 opioid-related deaths in the county.", 45, {"opioid-related", "deaths"}),
        ("The deck holds 22 “trump” cards and a fool.", 22, {"trump", "cards"}),
        ("Shops now stock 100 percent recycled bags.", 100, {"recycled", "bags"}),
        ("The board kept 20% of the unallocated RELIEF funds.", 20, {"unallocated", "relief", "funds"}),
        ("The fund aims at $90 billion in public and private investment.", 9e10, {"public", "private", "investment"}),
        ("Peru was the 11th-largest source of imports, at $700 million.", 7e8, {"source", "imports"}),
        ("The union suspended four top officials on Monday.", 4, {"officials"}),
        ("The coalition holds 151 of the assembly’s 250 seats.", 151, {"seats"}),
        ("For every $500 invested in a stall, vendors earn more.", 500, {"stall"}),
        # what befell the people counted, a rate, a measure glued to its number, an adverb after
        ("Of the 17 people found guilty of arson, four were minors.", 17, {"people", "found", "guilty"}),
        ("The blast killed 12 people in the market.", 12, {"people", "killed"}),
        ("The scanner prints at 300 dots per inch in colour.", 300, {"dots", "per", "inch"}),
        ("The plane will bring 42 million 8-ounce bottles into the country.", 42e6, {"8-ounce", "bottles"}),
        ("Players wade through five 2D side-scrolling levels.", 5, {"2d", "side-scrolling", "levels"}),
        ("Cargo worth more than $18 trillion dollars annually passes the ports.", 18e12, {"cargo", "worth"}),
        ("Some 50 percent or more of the adults are vaccinated.", 50, {"adults"}),
        # a clause with no noun of its own: the previous number's noun, never a month
        ("The agency has spent $80 million on relief since March 2021, including nearly $30 million in the past month.", 3e7, {"relief"}),
        ("Many growers cannot get farm loans that, on average, are about $20 billion a year.", 2e10, {"loans"}),
        ("A survey put the governor's approval rating at 41%, down from 48% a month earlier.", 48, {"approval", "rating"}),
        ("We have authorized 100 percent — 100 percent federal funding for repairs.", 100, {"funding"}),
    ],
)
def test_labels_say_what_is_measured(sentence: str, value: float, words: set[str]) -> None:
    label = labels(sentence)[round(value, 2)]
    assert words <= set(label.lower().split()), label


def test_a_pair_of_currencies_shares_one_label() -> None:
    got = labels("The comedy shot to the top after taking $9m (£7m) at the box office.")
    assert got[9e6] == got[7e6]
    assert "takings" in got[9e6]


@pytest.mark.parametrize(
    ("sentence", "value", "wrong"),
    [
        ("The ridge lies about 60 miles off the coast of Maine.", 60, "miles"),
        ("It came in fifth with $4m.", 4e6, "fifth"),
        ("The fund relied on grants: it was something north of 70 percent.", 70, "north"),
        ("The law directed $125 million for FY2024 to the ports.", 1.25e8, "FY2024"),
        ("Aid fell to $40 million in FY2021 and $35 million in FY2022.", 3.5e7, "FY2022"),
    ],
)
def test_labels_are_never_units_ordinals_or_periods(sentence: str, value: float, wrong: str) -> None:
    assert labels(sentence)[round(value, 2)] != wrong


def test_a_run_of_bare_numbers_is_a_list_of_citations_not_figures() -> None:
    text = (
        "Several provisions, including sections 364(a), 383(d), 737, 851, 1070, 1235, 1245, 1253, 1546, 3111, 6303, "
        "6521, 6524, 6712, 7213, and 8521, purport to require "
        "reports to the Congress, and 14 agencies must answer."
    )
    assert values(text) == [(14, None, "count")]
    assert values("A crowd of 1500 people came, and the last 3 ships left.") == [(1500, None, "count"), (3, None, "count")]
    # Figures a sentence states one after another, with what they count, are still figures.
    text = "The ports seized 95 tons in 2024, 96 tons in 2023, 97 tons in 2022, 120 tons in 2021 and 80 tons in 2020."
    assert [v for v, _, unit in values(text) if unit == "tons"] == [95, 96, 97, 120, 80]


def test_a_line_up_under_a_match_report_holds_no_figures() -> None:
    text = (
        "Rovers beat City 2-1 before a crowd of 9,500 fans, and Lee scored twice in 12 minutes.\n\n"
        "Jones, Hale, Sawyer (Martin 89), Ampadu (Afful 69), Clay. Subs Not Used: Rice, Todd.\n\n"
        "Lee 9, Lee 87.\n\n"
        "9,033.\n\n"
        "REP. WALL: About 1,300."
    )
    assert [(v, unit) for v, _, unit in values(text)] == [(2, "count"), (9500, "count"), (1300, "count")]
