"""Key points (:mod:`brief.ingest.keypoints`): which sentences a source's draft summary picks."""

from __future__ import annotations

from pathlib import Path

from brief.ingest.draft import draft_summary
from brief.ingest.keypoints import rank_sentences, repeats_title

TITLE = "Valley towns agree to share one water treatment plant next spring"

# A short news story on one subject, with an off-topic aside, a question and a fragment.
STORY = [
    "Three valley towns agreed on Monday to share one water treatment plant, ending years of separate systems.",
    "The shared water plant will treat river water for the three towns from next spring, the council said.",
    "Each town will pay for the water plant in proportion to the water its homes use, the agreement says.",
    "Council members said the shared plant would cut the towns' water bills and make the supply safer.",
    "A bakery on the high street also won a prize for its rye bread at a regional fair.",
    "Will the towns keep their old pumping stations?",
    "Officials declined.",
    "Engineers said the river intake for the water plant would be built upstream of the towns.",
]


def test_a_central_sentence_beats_an_off_topic_one() -> None:
    picked = rank_sentences(STORY, 3, title=TITLE)
    assert len(picked) == 3
    assert 4 not in picked  # the bakery's prize shares no word with the rest
    assert picked[0] in (0, 1, 2, 3)


def test_questions_and_fragments_are_not_key_points() -> None:
    picked = rank_sentences(STORY, 6, title=TITLE)
    assert 5 not in picked  # a question
    assert 6 not in picked  # two words


def test_a_headline_repeated_as_the_first_line_is_not_picked() -> None:
    # Reports and transcripts often open with their title, or carry it as a running head.
    sentences = [TITLE, *STORY, TITLE + " | Valley Gazette"]
    for count in (1, 3, 5):
        picked = rank_sentences(sentences, count, title=TITLE)
        assert 0 not in picked
        assert len(sentences) - 1 not in picked


def test_a_sentence_that_goes_beyond_the_headline_is_kept() -> None:
    assert repeats_title(TITLE.upper(), TITLE)
    assert repeats_title(TITLE + " (updated)", TITLE)
    assert repeats_title(TITLE + " - The Valley Evening Gazette", TITLE)
    assert not repeats_title(STORY[0], TITLE)
    assert not repeats_title("Water plant", TITLE)  # two of the title's words are not the title
    # The same words at many times the title's length are the text itself, not a running head.
    assert not repeats_title(" ".join([TITLE.lower()] * 5), TITLE)
    assert not repeats_title(STORY[0], "")


def test_a_near_copy_of_a_chosen_sentence_is_skipped() -> None:
    sentences = [*STORY[:4], STORY[0].replace("Monday", "Tuesday")]
    picked = rank_sentences(sentences, 4, title=TITLE)
    assert not {0, 4} <= set(picked)


def test_no_sentences_no_key_points() -> None:
    assert rank_sentences([], 4) == []
    assert rank_sentences(["Yes?", "No."], 4) == []


def test_short_texts_still_get_key_points() -> None:
    # When nothing is of key-point length, the best of what there is stands.
    sentences = ["Rates rose again.", "Banks passed the rise on.", "Savers gained a little."]
    assert sorted(rank_sentences(sentences, 2)) != []
    assert len(rank_sentences(sentences, 2)) == 2


def test_without_a_headline_the_ranking_still_works() -> None:
    picked = rank_sentences(STORY, 3)
    assert len(picked) == 3 and 4 not in picked and 5 not in picked


def test_the_draft_never_offers_the_title_as_a_key_point(tmp_path: Path) -> None:
    text = "\n\n".join([TITLE, TITLE, " ".join(STORY[:4]), " ".join(STORY[7:])])
    source = tmp_path / "valley-water.txt"
    source.write_text(text + "\n", encoding="utf-8")
    summary = draft_summary(source, {}, None)
    assert summary.title == TITLE
    assert summary.summary
    assert all(point.strip() != TITLE for point in summary.summary)


def test_a_refrain_repeated_thousands_of_times_is_one_key_point() -> None:
    # A transcript's refrain, or a hostile file: each repeat is skipped once, not once a step.
    sentences = [STORY[3]] * 3000 + STORY[:3]
    picked = rank_sentences(sentences, 4, title=TITLE)
    assert len([i for i in picked if i < 3000]) <= 1
    assert len(picked) == len({sentences[i] for i in picked})


def test_a_posts_signature_is_no_key_point() -> None:
    sentences = [
        "Proud to stand with the crews who will build the new dock.",
        "— Rep. Mark Hale (@RepHale) May 3, 2024",
        "Leaders across the state praised the plan this week.",
    ]
    assert 1 not in rank_sentences(sentences, 3)
