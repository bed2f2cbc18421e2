"""Quotations retold in remarks, on made-up speeches: whoever speaks in their own voice says "I",
so "she said" there is someone else; a retold exchange keeps each voice; and the names a speech
gives in passing ("the words of the great Ana Lucia Ferro. She said, …")."""

from __future__ import annotations

import pytest

from brief.ingest.extract import find_people
from brief.speakers import headline_author
from conftest import credits

REMARKS = (
    "Remarks by Vice President Mara Quist at a Harbor Reception\n\nTHE VICE PRESIDENT: Good evening. Happy Founders Day! (Applause.)\n\n"
)


def test_she_in_remarks_is_the_person_named_before_not_the_speaker() -> None:
    text = REMARKS + "Let us remember the words of the great Ana Lucia Ferro. She said, “The docks are built by each generation anew.”"
    assert credits(text) == {"The docks are built by each generation anew.": "Ana Lucia Ferro"}


def test_she_in_remarks_with_no_one_else_named_is_nobodys() -> None:
    # Without the pronoun rule the only woman the text names, the speaker herself, would be credited.
    text = REMARKS + "We honor the welders of the eastern docks. She said, “The docks are built by each generation anew.”"
    assert credits(text) == {}


def test_a_readout_reports_its_principal_as_he() -> None:
    text = (
        "Readout of Governor Tomas Brandt’s Meeting with Harbor Crews\n\n"
        "Governor Tomas Brandt met the crews of the eastern docks on Monday. "
        "He said, “Every crew will have a safe dock by the spring.”"
    )
    assert credits(text) == {"Every crew will have a safe dock by the spring.": "Tomas Brandt"}


def test_a_retold_exchange_keeps_each_voice() -> None:
    text = (
        REMARKS.replace("Vice President Mara Quist", "President Mara Quist").replace("THE VICE PRESIDENT", "THE PRESIDENT")
        + "I walked the docks with my friend Tom Lane. And I said, “I think…” — I said, “I understand the cost.” "
        + "He said, “No.” I said — I turned, I said, “Take a look at the cranes.”"
    )
    assert credits(text) == {
        "I think…": "Mara Quist",
        "I understand the cost.": "Mara Quist",
        "No.": "Tom Lane",
        "Take a look at the cranes.": "Mara Quist",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "So she would go on to say, quote, “You never know where you are going unless you know where you have been.”",
        "She went on to say: “You never know where you are going unless you know where you have been.”",
    ],
)
def test_went_on_to_say(sentence: str) -> None:
    text = "Ana Ruiz opened the port in May. " + sentence
    assert credits(text) == {"You never know where you are going unless you know where you have been.": "Ana Ruiz"}


def test_a_headline_in_title_case_names_its_author() -> None:
    assert headline_author("Remarks By President Mara Quist At the Harbor\n\nThank you.") == "President Mara Quist"
    assert headline_author("Statement From the Governor Ana Ruiz on Docks\n\n") == "Governor Ana Ruiz"


def test_a_greeting_is_no_name() -> None:
    # "Founders Day" said alone later would make "Happy Founders Day" a person by its surname
    text = "Good evening. Happy Juneteenth! (Applause.)\n\nWe made Juneteenth a federal holiday."
    assert find_people(text) == {}


def test_a_prison_a_firm_that_has_added_and_a_business_in_the_singular_are_no_speakers() -> None:
    assert find_people("He was held at Harbor Prison, ignoring a ruling that this breaks the law, he said.") == {}
    text = 'Acme Search has added the ability to "save" websites of interest.'
    assert credits(text) == {}
    text = 'Ana Ruiz met the Harbor Business Roundtable. They said, "We need a better-trained workforce."'
    assert credits(text).get("We need a better-trained workforce.") != "Harbor Business"


def test_a_sentence_that_only_mentions_a_body_reports_no_speech() -> None:
    # "economists said" reports the sentence; the body named in it says nothing
    text = (
        "The figure makes it less likely that the Harbor Reserve Bank will raise rates, economists said. "
        '"The economy regained some traction in the third quarter, but growth is weak," Acme\'s Tam.'
    )
    assert credits(text).get("The economy regained some traction in the third quarter, but growth is weak") != "Harbor Reserve Bank"


def test_an_excerpt_from_the_op_ed_is_its_authors() -> None:
    text = (
        "ICYMI: Harbor Chiefs Go Bold\n\n"
        "In a new op-ed, Harbor Board Director Dr. Ana Lucia Ferro and Port Commissioner Tomas Brandt outline the plan.\n\n"
        "From the op-ed:\n\n"
        "“We were asked to break down the walls between our agencies so we can rebuild the docks.\n\n"
        "Today we announce three steps to get every crew back to work by the spring.”\n"
    )
    assert set(credits(text).values()) == {"Ana Lucia Ferro and Tomas Brandt"}
    heading = "ICYMI: Reports\n\nFrom The National Ledger:\n\n“Every crew is back at work on the eastern docks.”\n"
    assert set(credits(heading).values()) == {"The National Ledger"}


def test_a_name_after_quoted_is_a_person_whom_he_points_to() -> None:
    text = REMARKS + "When I announced, I quoted Bertram Hollis. He said, “I will give it to you straight from the shoulder.”"
    assert credits(text) == {"I will give it to you straight from the shoulder.": "Bertram Hollis"}


def test_a_word_quoted_after_reported_speech_with_its_own_subject_is_not_the_reporters() -> None:
    text = 'Ivo Marsh said the cost could not be compared. But critics fear creating a "super port".'
    assert "super port" not in credits(text)
    text = 'Ana Ruiz said she could no longer trust him. Tom Lee likened the two to "quarrelling schoolboys".'
    assert credits(text).get("quarrelling schoolboys") != "Ana Ruiz"


def test_a_slogan_and_a_label_word_in_capitals_are_no_speakers() -> None:
    text = "Ivo Marsh oversaw the \"I'm lovin' the docks\" campaign and a new ferry."
    assert "I'm lovin' the docks" not in credits(text)
    text = "MYTHBUSTER: The Harbor Bill Is Good\n\nHOAX: The Harbor Bill is “bad for our families.”\n\nFACT: It cuts fees."
    assert find_people(text) == {}


def test_they_is_the_plural_named_last_not_a_relative_clause() -> None:
    text = (
        "The deal follows a tough meeting, harbor sources told reporters. The bill, which ministers claim will cut crime, "
        'is expected to be opposed by the Liberal Democrats.\n\nThey have said the scheme is "deeply flawed" and a waste.'
    )
    assert credits(text) == {"deeply flawed": "Liberal Democrats"}


def test_someone_met_and_never_named_speaks_as_described() -> None:
    fishing = REMARKS + "I walked the docks in hip boots. And the guy is fishing and he said, “You are taking my boat, Mara.”"
    assert credits(fishing) == {"You are taking my boat, Mara.": "The guy"}
    met = REMARKS + "In May I met an IBEW electrician who repairs the cranes. He said, and I quote, “With hard work, anything is possible.”"
    assert credits(met) == {"With hard work, anything is possible.": "An IBEW electrician"}
    known = REMARKS + "Think of what the guy who leads their party is saying. He tells his crowds, “I am your retribution.”"
    assert credits(known).get("I am your retribution.") != "The guy"


def test_kin_described_with_an_adjective_speak_as_kin() -> None:
    text = REMARKS + "My little grandson, who was then in eighth grade, took out his phone, and he said, “We know it is going to be tough.”"
    assert credits(text) == {"We know it is going to be tough.": "My little grandson"}
