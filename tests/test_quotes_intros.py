"""Quotations whose speaker a release names before them in words of its own: a line that only
invites the reader to a list of quotations ("Here are some of the key moments:") under a paragraph
that names who spoke, a long sentence that ends in the colon, a speech act in a participle
("sharing that “…”"), and a sentence whose subject gives the words after a comma. Every text is
made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.ingest.clean import clean
from brief.ingest.draft import draft_summary, sentence_spans
from brief.ingest.extract import find_events
from brief.ingest.readers import read_source
from conftest import credits

SAID = [
    "We rebuilt the docks in a year, and nobody thought we could do it.",
    "The ferries run on time now. Ask anyone who rides them every morning.",
    "I want every family in this state to have a job close to home.",
]
LIST = " - ".join(f"“{words}” (Watch)" for words in SAID)


@pytest.mark.parametrize(
    "invitation",
    ["Here are some of the key moments:", "Here’s what she said:", "Highlights from the interview:", "Some of the top quotes:"],
)
def test_a_line_that_invites_the_reader_to_a_list_leaves_it_to_the_paragraph_before(invitation: str) -> None:
    text = (
        "Roe on the Record\n\nIn a long interview with the Harbor Times, Governor Jane Roe reflected on her first"
        f" year in office.\n\n{invitation}\n\n- {LIST}"
    )
    assert credits(text) == dict.fromkeys(SAID, "Jane Roe")


def test_an_invitation_to_what_others_say_names_no_one() -> None:
    text = (
        "Roe on the Record\n\nIn a long interview with the Harbor Times, Governor Jane Roe reflected on her first"
        f" year in office.\n\nHere is what leaders across the state are saying:\n\n- {LIST}"
    )
    assert "Jane Roe" not in credits(text).values()


def test_a_long_sentence_that_ends_in_the_colon_names_who_speaks() -> None:
    text = (
        "Shutdown\n\nTransportation Secretary Jane Roe went to the Capitol today to lay out the fallout of the"
        " shutdown, which threatens to upset the plans of travellers and even the future of the state’s airports"
        f" themselves:\n\n- Anger grows: “{SAID[0]}” (Watch) - Crews go unpaid: “{SAID[1]}” (Watch)"
    )
    assert credits(text) == {SAID[0]: "Jane Roe", SAID[1]: "Jane Roe"}


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # A speech act in a participle, after what the subject did.
        ("Governor Jane Roe doubled down, claiming that new ferries “will improve public safety.”", "Jane Roe"),
        ("Governor Jane Roe toured the docks, sharing that “workers build the backbone of our towns.”", "Jane Roe"),
        # A pronoun whose person the sentence names only as an owner.
        ("- On Governor Jane Roe’s first visit to the port since 2021, she lamented “the rust and the ruin” there.", "Jane Roe"),
        # A whole sentence after a comma, when the clause before it names who acts.
        ("Governor Jane Roe greeted the graduates, “The age of the harbor is a new era for all of us.”", "Jane Roe"),
        # An attribution that a dash ends, and the words after it that go on with the same source.
        ("Fares will be “the lowest since 2020,” according to Harbor Data — and “riders can expect more relief.”", "Harbor Data"),
        # Two people a label names together, after their role in lower case.
        ("Harbor lawyers Tom Vance and Ana Ruiz: “The release of the crew is historic and overdue.”", "Tom Vance and Ana Ruiz"),
    ],
)
def test_speech_acts_a_release_writes_in_its_own_words(sentence: str, speaker: str) -> None:
    words = sentence[sentence.rindex("“") + 1 : sentence.rindex("”")]  # the last quotation
    assert credits(f"Harbor\n\n{sentence}").get(words) == speaker


def test_a_role_as_described_speaks_when_the_text_names_no_one() -> None:
    text = "Harbor\n\nThe Governor also praised the crews, sharing that “workers build the backbone of our towns.”"
    assert credits(text) == {"workers build the backbone of our towns.": "The Governor"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Tom Vance opened the fair on Monday, “The Best Fair in the State” as the posters call it.",  # a name, not a sentence
        "In 2020, the Harbor Board adopted “The Plan for the New Harbor Docks.”",  # no person acts before the comma
    ],
)
def test_a_comma_before_a_title_credits_no_one(sentence: str) -> None:
    assert "Tom Vance" not in credits(f"Harbor\n\n{sentence}").values()
    assert "Harbor Board" not in credits(f"Harbor\n\n{sentence}").values()


def test_a_things_name_in_a_headline_is_no_speaker() -> None:
    text = (
        "The One Harbor Bill Will Lift Our Towns\n\nSecretary of the Treasury Jane Roe told the committee how the"
        f" Harbor Bill will help working families:\n\n- “{SAID[0]}” (Watch) - “{SAID[1]}” (Watch)"
    )
    assert credits(text) == {SAID[0]: "Jane Roe", SAID[1]: "Jane Roe"}
    # with no one named above the list, the headline's subject would speak: a bill is nobody
    unsaid = f"The One Harbor Bill Will Lift Our Towns\n\nThe committee heard how the One Harbor Bill works:\n\n- “{SAID[0]}” (Watch)"
    assert credits(unsaid) == {}


def test_the_president_is_not_the_vice_president_named_before() -> None:
    text = (
        "Votes\n\nVice President Ana Ruiz spoke on Monday. As the President said when he marked the anniversary,"
        " the “right to vote is under assault with great force,” in a manner that is wrong."
    )
    assert credits(text) == {"right to vote is under assault with great force": "The President"}


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # A relative the speech names as an owner, and a shout as speech.
        ("Every time I walked out of my grandfather’s house in Harbor Town, he’d yell, “Joey, keep the faith.”", "My grandfather"),
        ("Every time I walked out of my Grandpop Vance’s house, he’d yell, “Joey, keep the faith!”", "My Grandpop Vance"),
        # A saying someone had, or used.
        ("My mother used to have an expression, “Nobody is better than you, but you are better than nobody.”", "My mother"),
        ("A great American named Tom Vance used the phrase, “The harbor is only as strong as its weakest dock.”", "Tom Vance"),
        # What the speaker did first, then said.
        ("A woman stood up and said, “My kids have asthma, and we have to share one inhaler between them.”", "A woman"),
        ("The harbor master looked at the plan and said, “We will build the new dock by the spring.”", "The harbor master"),
    ],
)
def test_a_speech_tells_who_said_what_in_its_own_words(sentence: str, speaker: str) -> None:
    words = sentence[sentence.rindex("“") + 1 : sentence.rindex("”")]
    assert credits(f"Remarks\n\n{sentence}").get(words) == speaker


def test_a_conjunction_without_a_subject_is_no_speaker() -> None:
    text = "Remarks\n\nWe did a survey. But went out and asked and said, “Are you more inclined to invest in the harbor now?”"
    assert "But" not in credits(text).values()


WORDS = ["The new dock will bring jobs to every family in our town this year.", "We have waited a long time for this."]


@pytest.mark.parametrize(
    "layout",
    [
        # name over title, each on a line of its own, above the words
        f"Jane Roe\nMayor of Harbor Town\n\n“{WORDS[0]}”\n\nTom Vance\nPresident, Harbor Workers Union\n\n“{WORDS[1]}”",
        # name and title on one line, the words on the next, the line break lost in cleaning
        f"Jane Roe, Mayor of Harbor Town\n“{WORDS[0]}”\n\nTom Vance, President, Harbor Workers Union\n“{WORDS[1]}”",
        # the same signed below
        f"“{WORDS[0]}”\n\nJane Roe\nMayor of Harbor Town\n\n“{WORDS[1]}”\n\nTom Vance\nPresident, Harbor Workers Union",
    ],
)
def test_a_round_ups_name_and_title_lines_credit_the_words_they_label(layout: str) -> None:
    assert credits(f"Round-Up\n\nLeaders reacted:\n\n{layout}") == {WORDS[0]: "Jane Roe", WORDS[1]: "Tom Vance"}


def test_the_start_of_a_sentence_run_into_the_words_is_no_label() -> None:
    text = f"Round-Up\n\nAccording to the Harbor Annual Review “{WORDS[0]}”"
    assert credits(text).get(WORDS[0]) != "Annual Review"


def test_a_pages_short_blocks_stay_apart_and_label_the_words_under_them(tmp_path: Path) -> None:
    page = tmp_path / "round-up.html"
    page.write_text(
        "<html><head><title>Leaders Back the Harbor Plan</title></head><body><article>"
        "<h1>Leaders Back the Harbor Plan</h1><p>Leaders across the state praised the plan this week.</p>"
        f"<p><strong>Jane Roe</strong><br>Mayor of Harbor Town</p><blockquote><p>“{WORDS[0]}”</p></blockquote>"
        f"<h3>Senator Tom Vance (D-HT)</h3><p>“{WORDS[1]}”</p></article></body></html>",
        encoding="utf-8",
    )
    raw = read_source(page)
    assert credits(raw.text) == {WORDS[0]: "Jane Roe", WORDS[1]: "Tom Vance"}


def test_a_pdfs_short_lines_keep_a_round_ups_labels_apart_from_its_prose() -> None:
    # Lines as a PDF's text gives them: no blank line between blocks, one wrap width for all.
    lines = [
        "Leaders across the state praised the harbor plan this week.",
        "Jane Roe",
        "Mayor of Harbor Town",
        "“The new dock will bring jobs to every family in our town this",
        "year.”",
        "Tom Vance, President, Harbor Workers Union",
        "“We have waited a long time for this and we are grateful it is here.”",
        "Senator Ann Lee (D-HT)",
        "“This is the biggest investment in our ports in a generation.”",
        "Crews start work on the new dock in the spring, the port said in a note.",
    ]
    paragraphs = clean("Harbor\n\n" + "\n".join(lines)).paragraphs
    assert paragraphs[1:5] == [lines[0], "Jane Roe", "Mayor of Harbor Town", f"{lines[3]} {lines[4]}"]
    found = credits("Harbor\n\n" + "\n".join(lines))
    assert [found.get(lines[k][1:-1]) for k in (6, 8)] == ["Tom Vance", "Ann Lee"]


def test_a_signatures_date_is_no_event() -> None:
    body = clean(
        "Harbor\n\nProud to stand with the crews.\n\n— Rep. Mark Hale (@RepHale) May 3, 2024\n\nThe dock opened on June 5, 2024."
    ).text
    assert [e.what for e in find_events(body, sentence_spans(body), None)] == ["The dock opened on June 5, 2024."]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("When I think of Jane Roe, I will always remember her fervent faith that “the harbor is the heart of the state.”", "Jane Roe"),
        ("Tom Vance marched with the crews. Tom’s decree, “We Are the Harbor,” shed light on their work.", "Tom Vance"),
        ("Whenever people doubted Senator Tom Vance, his favorite rejoinder was, “Let them say it.”", "Tom Vance"),
    ],
)
def test_a_saying_someone_owns_is_their_words(sentence: str, speaker: str) -> None:
    assert list(credits(f"Statement\n\n{sentence}").values()) == [speaker]


def test_a_blockquote_of_several_paragraphs_is_one_quotation_of_the_writer(tmp_path: Path) -> None:
    page = tmp_path / "letter.html"
    first, second = "The scanners are the right call, and we will install all twelve by the autumn.", "But expect delays until March."
    page.write_text(
        "<html><head><meta charset='utf-8'><title>Port Chief Warns of Delays</title></head><body><article>"
        "<h1>Port Chief Warns of Delays</h1><p>The head of the Harbor Port Authority, Jane Roe, warned on Monday that the new"
        " scanners would slow traffic. In a letter to the council she wrote:</p>"
        f"<blockquote><p>{first}</p><p>{second}</p></blockquote><p>Council members will respond this week.</p></article></body></html>",
        encoding="utf-8",
    )
    assert credits(read_source(page).text) == {first: "Jane Roe", second: "Jane Roe"}


@pytest.mark.parametrize(
    ("when", "speaker"),
    [("The other day a defeated-looking man", "A defeated-looking man"), ("Yesterday the harbor master", "The harbor master")],
)
def test_when_it_happened_is_no_part_of_who_spoke(when: str, speaker: str) -> None:
    text = f"Remarks\n\n{when} stood up and said, “We will open the gates at dawn tomorrow, come what may.”"
    assert list(credits(text).values()) == [speaker]


def test_they_with_no_person_named_is_the_body_its_sentence_names() -> None:
    text = (
        "Portlink\n\n(See Portlink’s own description of the scheme.) The company keeps the records.\n\n"
        "It would be odd if Portlink were not joining those records, given the goals they claim for them:\n\n"
        "“We use the information we have to show you relevant offers on and off our services.”"
    )
    assert credits(text) == {"We use the information we have to show you relevant offers on and off our services.": "Portlink"}


def test_with_a_person_and_a_participle_that_person_speaks() -> None:
    text = (
        "Harbor\n\nThere is a different tone to the Tom Vance approach to the docks, with Mayor Jane Roe stressing"
        " that leaders should not “stir up a false debate” about the port."
    )
    assert list(credits(text).values()) == ["Jane Roe"]


def test_two_people_one_label_names_are_people_with_its_role(tmp_path: Path) -> None:
    source = tmp_path / "freed.txt"
    source.write_text(
        "Harbor Crew Freed\n\nThe crew came home on Monday after three years.\n\n"
        "Harbor lawyers Tom Vance and Ana Ruiz: “The release of the crew is historic and long overdue for every family.”\n",
        encoding="utf-8",
    )
    summary = draft_summary(source, {}, None)
    assert [(q.speaker, q.role) for q in summary.quotes] == [("Tom Vance and Ana Ruiz", "Harbor lawyers")]
    assert {p.name: p.role for p in summary.people} == {"Tom Vance": "Harbor lawyers", "Ana Ruiz": "Harbor lawyers"}


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The charter tells us, “Every harbor is open to all.” And the Constitution says, “No port shall be preferred.”",
            "The charter",
            "The Constitution",
        ),
        (
            "“We lost the first set badly,” said Ana Ruiz. “The second went better and the crowd helped.” Lena Ortiz added: “We"
            " have to serve better tomorrow.”",
            "Ana Ruiz",
            "Lena Ortiz",
        ),
    ],
)
def test_a_speaker_whose_verb_opens_the_next_quotation_is_not_the_last_ones(text: str, first: str, second: str) -> None:
    said = list(credits(text).values())
    assert said[-2:] == [first, second] and set(said[:-1]) == {first}


def test_scripture_is_a_speaker() -> None:
    said = credits("In hard times, scripture reminds us, “Weeping may endure for a night, but joy cometh in the morning.”")
    assert list(said.values()) == ["Scripture"]


def test_a_place_and_a_dash_before_i_said_are_no_name_and_role() -> None:
    text = (
        "Remarks by Governor Jane Roe at the Harbor Clinic\n\nGOVERNOR ROE: At the clinic in Glendale, Arizona, I asked a"
        " nurse — I said, “What is the work like on a long day?”"
    )
    assert credits(text) == {"What is the work like on a long day?": "Jane Roe"}


def test_the_one_asked_is_not_who_asks() -> None:
    text = "At the dock, Mayor Tom Vance was asked, “Will the ferries run on time this winter?”"
    assert "Tom Vance" not in credits(text).values()


ROUND_UP = (
    "✅ 200 Days of Ferries: Governor Jane Roe Is Keeping Her Promises\n\n"
    "Governor Jane Roe made good on more of her promises this spring:\n\n"
    "PROMISE MADE: “We will run the ferries on time.” (10/12/24)\n\n"
    "- ✅ PROMISE KEPT: The harbor reached a new low for late sailings.\n\n"
    "PROMISE MADE: “We’re going to get your ferry fares down.” (1/16/24)\n\n"
    "- ✅ PROMISE KEPT: Harbor Daily: “Ferry Fares Set For Lowest Level in Twenty Years”"
)


def test_a_tag_before_dated_sayings_leaves_them_to_the_headlines_subject() -> None:
    said = credits(ROUND_UP)
    assert said["We’re going to get your ferry fares down."] == "Jane Roe"
    assert said["Ferry Fares Set For Lowest Level in Twenty Years"] == "Harbor Daily"


def test_a_list_under_a_groups_sentence_is_not_the_headlines_subjects() -> None:
    text = (
        "Fair Winds: Governor Jane Roe Opens the New Ferry Line\n\n"
        "Governor Jane Roe opened the line on Monday.\n\n"
        "Harbor residents are celebrating a new season:\n\n"
        "“We waited ten years for this boat and now it is here.” (Watch)\n\n"
        "“I don’t know how to thank the crews who built it.” (Watch)"
    )
    assert "Jane Roe" not in credits(text).values()


def test_the_office_a_statement_is_from_is_its_holders() -> None:
    text = (
        "FACT SHEET: GOVERNOR ROE AND LIEUTENANT GOVERNOR VANCE REPORT ON THE HARBOR\n\n"
        "Statement from the Governor: “I have spent many hours with the families of the harbor.”\n\n"
        "Today, Governor Jane Roe and Lieutenant Governor Tom Vance released the report."
    )
    assert credits(text) == {"I have spent many hours with the families of the harbor.": "Jane Roe"}


def test_a_bodys_name_with_on_before_an_office_and_a_name() -> None:
    text = "“The expo will help the harbor,” said Council on Harbor Quality Chairman Kate Scarlo. Doors open at nine."
    assert list(credits(text).values()) == ["Kate Scarlo"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Label founder Tony Wilson spoke on Monday. He pointed out that Franz Ferdinand were signed to small labels."
            " “I think that shows how useful the small labels are,” he added.",
            "Tony Wilson",
        ),
        (
            "Others on the list include Oliver Letwin and Theresa May, the party's elections chief Lord Rennard said. He said"
            " it was “nothing personal at all” and the seats were close.",
            "Rennard",
        ),
    ],
)
def test_he_points_past_names_that_are_not_the_subject(text: str, speaker: str) -> None:
    assert speaker in set(credits(text).values())


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The economy slowed. As Mr Kok's report noted: “The ink had scarcely dried on the harbor deal.”", "Kok"),
        (
            "- A 2024 study on the effects of the harbor fees in their first year found that they “strengthened the harbor"
            " economy” in shipbuilding. - According to the Harbor Institute, the fees “showed no link with prices” at all.",
            "A 2024 study",
        ),
        ("- Deputy Director Dan Bishop — known for his care with money — says he “waited for a chance like this” at last.", "Dan Bishop"),
    ],
)
def test_a_report_a_study_and_a_speaker_past_an_aside(text: str, speaker: str) -> None:
    said = credits(text)
    assert next(iter(said.values())) == speaker
    if "Harbor Institute" in text:
        assert said["showed no link with prices"] == "Harbor Institute"


def test_an_owners_spokesman_and_a_stop_after_the_mark() -> None:
    text = (
        'Singer Ana Vell was sued on Friday.\n\nThe singer\'s spokesman said the claims were "untrue" and the man was'
        ' "misusing the courts for money". The network said the claims had "no merit". The star was not charged.'
    )
    said = credits(text)
    assert said["untrue"] == said["misusing the courts for money"] == "The singer's spokesman"
    assert said["no merit"] == "The network"


def test_a_spokesman_for_a_body_with_small_words_its_acronym_and_a_clause() -> None:
    text = (
        "Dr Tim Roe warned of viruses. A spokesman for the Association of Harbor and Port Services (Ahps) which"
        " represents the ports said the risk was small. “There's no concern that any virus will hit the harbor,” he said."
    )
    assert credits(text)["There's no concern that any virus will hit the harbor"].startswith(
        "A spokesman for the Association of Harbor and Port Services"
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Asked about the date, a harbor spokeswoman would only say: “The mayor will decide when she decides.”", "A harbor spokeswoman"),
        ("The fees will rise — as my grandfather would then say, “with a little breathing room.”", "My grandfather"),
    ],
)
def test_two_words_before_the_verb_and_a_lower_case_as(text: str, speaker: str) -> None:
    assert list(credits(text).values()) == [speaker]


def test_no_speaker_across_a_colon_or_another_clauses_subject() -> None:
    text = "THE GOVERNOR: I will also say this: I eat “no” for breakfast."
    assert "no" not in credits(text)
    text = "Label founder Tony Wilson spoke. His son took him to see Raw Tide, but he was reluctant, saying he “detested” it."
    assert credits(text).get("detested") != "Raw Tide"


def test_he_after_a_name_that_is_an_object_points_back_past_it() -> None:
    text = (
        'Speaking in London, Gen Pervez Rahim said the gangs were "on the run" in the hills.\n\n'
        'But standing next to Mr Tony Blane he added that it was crucial to tackle the "core of what creates the gangs in'
        ' the hills".'
    )
    assert set(credits(text).values()) == {"Pervez Rahim"}


@pytest.mark.parametrize(
    "intro", ["In case you missed it:", "HIGHLIGHTS:", "Among the topics discussed:", "The Governor touched on a range of issues:"]
)
def test_topic_items_under_a_line_that_names_nobody_or_only_an_office_are_the_paragraph_befores_subjects(intro: str) -> None:
    text = (
        "Roe Tours the Docks\n\nGovernor Jane Roe traveled to Harbor City on Monday to tour the docks with the mayor.\n\n"
        f"{intro}\n\non steel tariffs: “We will protect every worker on these docks.” energy prices under the last"
        " governor: “Prices doubled and the families here paid for it.”"
    )
    assert set(credits(text).values()) == {"Jane Roe"}


# Items of a list that each open with their topic, run into one paragraph.
TOPIC_ITEMS = (
    "- On the harbor plan: “This plan will bring jobs to every port town in the country.”"
    " - On costs: “It pays for itself within ten years, and the numbers show it.”"
)


def test_topic_items_under_a_programmes_name_are_the_one_who_made_the_rounds() -> None:
    rounds = (
        "The Harbor Plan Is Working\n\n"
        "Secretary of Transportation Jane Roe appeared on several networks on Sunday to make the case for the plan.\n\n"
        f"Harbor News Sunday:\n\n{TOPIC_ITEMS}"
    )
    assert set(credits(rounds).values()) == {"Jane Roe"}
    # a line that names an office is someone else's heading, not the one the release opens with
    other = rounds.replace("Harbor News Sunday:", "Her deputy, on Harbor News:")
    assert "Jane Roe" not in credits(other).values()


@pytest.mark.parametrize(
    "lead",
    [
        # the subject of a clause or a sentence, though the host is named too
        "The plan is working, as Secretary of Transportation Jane Roe made clear to host Tom Vance on Sunday. It shows.",
        "The plan is working. Today, on Harbor News Sunday, Secretary of Transportation Jane Roe laid out the numbers to Tom Vance.",
        "The plan is working. Secretary of Transportation Jane Roe joins Tom Vance on Harbor News to lay out the numbers.",
        # the one person named, whatever the sentence makes of her
        "The plan is working. Harbor News sat down with Secretary of Transportation Jane Roe on Sunday. Roe was blunt.",
    ],
)
def test_a_list_under_an_invitation_is_the_one_person_the_paragraph_before_is_about(lead: str) -> None:
    text = f"Sunday Shows: The Harbor Plan Delivers\n\n{lead}\n\nHere’s what you missed:\n\n{TOPIC_ITEMS}"
    assert set(credits(text).values()) == {"Jane Roe"}


def test_a_list_under_an_invitation_after_a_paragraph_naming_two_people_is_nobodys() -> None:
    text = (
        "Sunday Shows: The Harbor Plan Delivers\n\nThe plan is working. Harbor News host Tom Vance sat down with"
        " Secretary of Transportation Jane Roe on Sunday.\n\nHere’s what you missed:\n\n"
        "- On the harbor plan: “This plan will bring jobs to every port town in the country.”"
    )
    assert credits(text) == {}


def test_kin_the_speaker_spoke_to_is_who_answers() -> None:
    text = (
        "Remarks by Governor Jane Roe at a Rally\n\nTHE GOVERNOR: Thank you.\n\n"
        "I remember asking my mom one day, “What’s the matter with Dad?” She said, “Honey, we just lost our insurance.”"
    )
    assert credits(text).get("Honey, we just lost our insurance.") == "My mom"


def test_every_one_of_a_kind_who_was_telling_the_speaker_says_the_words() -> None:
    text = (
        "Remarks\n\nTHE GOVERNOR: Still what it was: very low. As you noticed, every economist was telling me, every six"
        " months, “We’re going to have a recession.” So far, so good."
    )
    assert credits(text) == {"We’re going to have a recession.": "Every economist"}
