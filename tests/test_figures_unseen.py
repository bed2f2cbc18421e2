"""Figure rules, third round (issue 17): what fact sheets and transcripts hold that counts nothing
(markup left in a saved record, abbreviated years, ages, times, vague and back-referring counts,
a speaker's counts of questions and points, lengths of time with a word between), a reporter's
question weighed below the answers, and a draft that stops at weak candidates. Every sentence here
is made up for the test."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from brief.ingest.clean import clean, without_markup
from brief.ingest.draft import sentence_spans
from brief.ingest.figures import FoundFigure, find_figures, worth_drafting


def found(text: str, year: int | None = 2024) -> list[FoundFigure]:
    cleaned = clean(text).text
    return find_figures(cleaned, sentence_spans(cleaned), year)


def values(text: str) -> list[tuple[float, float | None, str]]:
    return [(round(f.value, 2), f.upper, f.unit) for f in found(text)]


def test_markup_in_a_plain_text_record_is_furniture() -> None:
    text = (
        "The port will receive $40 million for new cranes.\n\n"
        '<figure> <img src="https://example.org/img/crane.jpg?w=640" class="wp-image-5512" '
        'srcset="https://example.org/img/crane.jpg?resize=615,310 615w, https://example.org/img/crane.jpg?resize=768,387 768w" '
        'width="3444" height="1736" /> </figure>\n\n'
        "Dockers <em>welcomed</em> the 300 new jobs."
    )
    cleaned = clean(without_markup(text)).text
    assert "<" not in cleaned and "srcset" not in cleaned
    assert "Dockers welcomed the 300 new jobs." in cleaned
    assert values(without_markup(text)) == [(4e7, None, "USD"), (300, None, "count")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Crossings fell from fiscal year ’21 to fiscal year ’23 along the river.",  # abbreviated years
        "Boosters are open to adults 65 and older at every pharmacy.",  # ages
        "Pupils under the age of 12 ride the ferry free.",
        "It is the leading cause of death among 18- to 45-year-olds in the valley.",
        "The minister will speak at 2 o’clock in the hall.",  # a time
        "The talks lasted a year and a half before the deal.",  # a length of time
        "Output fell for two consecutive quarters in the mills.",
        "Farmers have waited three straight years for rain.",
        "There may be a village or two where the wells are dry.",  # vague amounts
        "I might name two or three that worry me.",
        "I have two questions for the minister.",  # a speaker's counts of questions and points
        "Let me make three quick points about the plan.",
        "We will take two more.",
        "I just want to say two things about the storm.",
        "The order revokes Executive Orders 13901, 13902, and 13905.",  # identifiers in a list
        "Buyers may use the agency’s 203(k) loans for repairs.",  # a program's section
        "Over the past three and a half years the mill has grown.",  # a length of time
        "The plan sets out the following four steps to cut waste.",  # the size of a list that follows
    ],
)
def test_not_figures(sentence: str) -> None:
    assert values(sentence) == []


def test_real_counts_beside_those_rules_stay() -> None:
    assert values("The clinic treated 65 adults and 12 children.") == [(65, None, "count"), (12, None, "count")]
    assert values("Two or three percent of the wells are dry.") != []
    assert values("Inspectors raised 40 questions about the dam.") == [(40, None, "count")]
    assert values("The grant funds 3 new clinics, each open 12 hours a day.") == [(3, None, "count")]


def test_dozens_degrees_and_a_count_opening_an_inline_list() -> None:
    assert values("Nearly three dozen shops closed that winter.") == [(36, None, "count")]
    assert values("Leaders vowed to hold warming to a 1.5-degree limit.") == [(1.5, None, "degrees")]
    assert (4, None, "count") in values("The program grew fast. - Four agencies will share 30 new inspectors.")


def test_a_reporters_question_weighs_less_than_the_answer() -> None:
    text = (
        "THE MINISTER: We have sent 4,000 tents to the coast.\n\n"
        "Q Minister, the mayor says 4,500 families are homeless. Is that enough?\n\n"
        "THE MINISTER: We will send more."
    )
    figures = {f.value: f for f in found(text)}
    assert figures[4000].score > figures[4500].score


def test_a_draft_stops_at_weak_candidates() -> None:
    text = (
        "THE SECRETARY: The fund will spend $2 billion on levees and cut flood losses by 40 percent. It adds $600 million for pumps.\n\n"
        + "\n\n".join(f"Q Did a team of {n} visit the site? Was it the levee by the mill?" for n in (2, 3, 4))
    )
    kept = worth_drafting(found(text))
    assert {f.value for f in kept} >= {2e9, 40, 6e8}
    assert not {2, 3, 4} & {f.value for f in kept}


def test_a_draft_of_only_small_counts_keeps_them() -> None:
    kept = worth_drafting(found("The board named three judges. Two ministers resigned."))
    assert {f.value for f in kept} == {3, 2}


def test_markup_in_a_text_record_is_read_away_by_ingest_and_check_alike(tmp_path: Path) -> None:
    """A record saved as text with its page's markup: no image size becomes a figure, and a quote
    that ran across a footnote anchor is found by `brief check` where ingest found it."""
    from conftest import brief

    (tmp_path / "brief.toml").write_text("", encoding="utf-8")
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "notice.txt").write_text(
        "Harbour grants awarded\n\n"
        'The board awarded grants to 14 ports.<a href="#fn1" id="r1">[1]</a> Roughly 2,300 inspectors will be hired.\n\n'
        '<figure><img src="a.jpg" srcset="a.jpg 615w, b.jpg 1230w" /></figure>\n\n'
        "The <s>first</s> second round opens in May, the board said in its notice.\n",
        encoding="utf-8",
    )
    result = brief(tmp_path, "ingest", "raw")
    assert result.exit_code == 0, result.output
    summary = yaml.safe_load(next((tmp_path / "seeds").glob("*.yaml")).read_text(encoding="utf-8"))
    values = {f["value"] for f in summary["figures"]}
    assert {14, 2300} <= values
    assert not values & {615, 1230}
    checked = brief(tmp_path, "check")
    assert "0 errors" in checked.output, checked.output
