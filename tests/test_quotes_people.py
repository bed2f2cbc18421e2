"""Quotations, their speakers, people and organisations, on short made-up sentences: one for
each way news and government prose credits words, names people and names organisations."""

from __future__ import annotations

import pytest

from brief.ingest.clean import clean
from brief.ingest.extract import find_organizations, find_people, find_quotes, named_near


def quotes_of(text: str) -> list[tuple[str, str | None, str]]:
    body = clean(text).text
    found = find_quotes(body, find_people(body))
    for q in found:
        assert body[q.start : q.end] == q.text  # verbatim
    return [(q.speaker, q.role, q.text) for q in found]


@pytest.mark.parametrize(
    ("text", "speaker", "role", "words"),
    [
        (
            "“Ports need more scanners this year,” said Jane Roe, director of the Harbor Board.",
            "Jane Roe",
            "director of the Harbor Board",
            "Ports need more scanners this year",
        ),
        ('"We will appeal the ruling at once," Tom Baker said.', "Tom Baker", None, "We will appeal the ruling at once"),
        ('Mara Lind said: "The budget is far too small for this city."', "Mara Lind", None, "The budget is far too small for this city."),
        (
            '"The plan was never funded properly," said the finance minister, Pedro Alva.',
            "Pedro Alva",
            "the finance minister",
            "The plan was never funded properly",
        ),
        ('"Rents have doubled in five years," according to Nora Quist.', "Nora Quist", None, "Rents have doubled in five years"),
        ("‘We cannot wait for another winter,’ said Omar Haddad.", "Omar Haddad", None, "We cannot wait for another winter"),
        (
            "“The river will not rise again this week,” flood officer Ann Pike told reporters.",
            "Ann Pike",
            "flood officer",
            "The river will not rise again this week",
        ),
        (
            "*Governor Ida Moss: “Every county will have a shelter by Friday.”*",
            "Ida Moss",
            "Governor",
            "Every county will have a shelter by Friday.",
        ),
        (
            '"Our reforms have opened every office to women," the Daily Ledger quoted Prince Omar Hadi as saying.',
            "Omar Hadi",
            "Prince",
            "Our reforms have opened every office to women",
        ),
        (
            "As my grandfather would say, “Never sell the boat before the storm.”",
            "My grandfather",
            None,
            "Never sell the boat before the storm.",
        ),
    ],
)
def test_a_quotation_and_its_speaker(text: str, speaker: str, role: str | None, words: str) -> None:
    assert quotes_of(text) == [(speaker, role, words)]


def test_a_quotation_over_paragraphs_takes_the_speaker_of_its_end() -> None:
    text = "“The first paragraph of a long statement goes here.\n\n“And the second paragraph ends the statement,” said Ivo Marsh."
    assert [(s, w) for s, _, w in quotes_of(text)] == [
        ("Ivo Marsh", "The first paragraph of a long statement goes here."),
        ("Ivo Marsh", "And the second paragraph ends the statement"),
    ]


def test_a_flattened_quotation_keeps_the_opening_mark_of_each_paragraph() -> None:
    text = (
        'Colin Ash, Seaside Hotel Association said: "We tried hard to keep them here. "Obviously we have failed in that. '
        '"It amazes me that they left the town." The cost is not known.'
    )
    assert quotes_of(text) == [
        ("Colin Ash", "Seaside Hotel Association", "We tried hard to keep them here."),
        ("Colin Ash", "Seaside Hotel Association", "Obviously we have failed in that."),
        ("Colin Ash", "Seaside Hotel Association", "It amazes me that they left the town."),
    ]


def test_a_quotation_introduced_by_the_paragraph_before() -> None:
    text = "The harbor master, Lena Ortiz, said:\n\n“Every crane on the east quay will be replaced by the spring.”"
    assert quotes_of(text) == [("Lena Ortiz", "The harbor master", "Every crane on the east quay will be replaced by the spring.")]


def test_a_split_quotation_has_one_speaker() -> None:
    text = "“Half of the work is done,” Lena Park says, “and the other half starts in May.”"
    assert [(s, w) for s, _, w in quotes_of(text)] == [
        ("Lena Park", "Half of the work is done"),
        ("Lena Park", "and the other half starts in May."),
    ]


def test_surnames_and_pronouns_resolve_to_the_full_name() -> None:
    text = (
        "Jane Roe runs the port. Sam Ortiz runs the rail yard.\n\n"
        "'We cannot wait for another winter,' he said.\n\n"
        '"We have done our part and more besides," Roe said.\n\n'
        "“There is no other way but to build the new quay.”"
    )
    assert [(s, w[:20]) for s, _, w in quotes_of(text)] == [
        ("Sam Ortiz", "We cannot wait for a"),
        ("Jane Roe", "We have done our par"),
        ("Jane Roe", "There is no other wa"),  # a paragraph that is only a quotation goes on
    ]


def test_descriptions_and_subjects_resolve_to_the_person() -> None:
    text = (
        "Governor Carla Mendes Ruiz skipped the ferry summit. "
        "She later wrote to Omar Reyes that she would come “despite our quarrels over the harbor fees.”\n\n"
        "“The fees are a tax on every farmer,” said the former port commissioner of Lisbon, Tiago Serra.\n\n"
        "“We cannot fight a toll with a toll,” the politician often said of Mendes Ruiz."
    )
    assert [(s, r) for s, r, _ in quotes_of(text)] == [
        ("Carla Mendes Ruiz", "Governor"),  # the subject of the sentence, not the person it names after
        ("Tiago Serra", "the former port commissioner of Lisbon"),
        ("Tiago Serra", "the former port commissioner of Lisbon"),  # "the politician": the person last named
    ]


def test_scare_quotes_and_apostrophes_are_not_quotations() -> None:
    text = "The so-called “smart border” plan was 'fake news' to the workers' union, and the mayor’s aides didn’t agree."
    assert quotes_of(text) == []
    # A short quotation is speech when a speech verb credits it.
    assert quotes_of("“I’m all yours,”he tells me.\n\nDan Ruiz sells maps.") == []  # nobody named before the pronoun
    assert [w for _, _, w in quotes_of("Dan Ruiz sells maps. “I’m all yours,”he tells me.")] == ["I’m all yours"]


def test_people_with_titles_stripped_from_their_names() -> None:
    text = clean(
        "President Joe Biden met Secretary of State Antony Blinken and Gov. Ron DeSantis on Monday. "
        "Mr Smith, who runs the ferry, was there. John Smith said the ferry was late. "
        "Seoul resident Margie Kim and defense minister Kim Yong-hyun spoke."
    ).text
    people = find_people(text)
    assert people["Joe Biden"] == "President"
    assert people["Antony Blinken"] == "Secretary of State"
    assert people["Ron DeSantis"] == "Gov."
    assert "John Smith" in people and "Smith" not in people
    assert people["Margie Kim"] == "Seoul resident"
    assert people["Kim Yong-hyun"] == "defense minister"


def test_people_beside_people_and_after_a_comma() -> None:
    text = clean(
        "The film, starring Dana Vale and Omar Reyes, opened. President Hale and First Lady Mira Hale spoke. "
        "The talks followed a summit between then-President Ben Ortega and the harbor chief, Lina Park; "
        "the Federal Commissioner for Coastal Risks, Ada Brook, joined."
    ).text
    people = find_people(text)
    assert {"Dana Vale", "Omar Reyes", "Ben Ortega"} <= set(people)
    assert people["Hale"] == "President" and people["Mira Hale"] == "First Lady"  # one surname, two people
    assert people["Lina Park"] == "the harbor chief"
    assert people["Ada Brook"] == "the Federal Commissioner for Coastal Risks"
    assert find_people("Noor Haddad is the director of the Harbor Trust.") == {"Noor Haddad": "the director of the Harbor Trust"}


def test_transcript_labels_and_nominee_lists_give_people() -> None:
    transcript = clean(
        "Remarks by President Biden on Ports\n\nTHE PRESIDENT: Thank you all.\n\n"
        "MS. JEAN-PIERRE: As Karine Jean-Pierre, I will take questions.\n\nSECRETARY BLINKEN: Yes.\n\nQ Thanks."
    ).text
    people = find_people(transcript)
    assert people["Biden"] == "President"
    assert "Karine Jean-Pierre" in people
    assert people["Blinken"] == "Secretary"
    assert "Q" not in people and "Thanks" not in people
    nominees = clean(
        "President Biden Announces Key Nominees\n\n"
        "• Jane Roe, Nominee for Director of the Parks Service, Department of the Interior\n\n"
        "• Ann Lee, Nominee for Member of the Board of Directors, Corporation for Public Broadcasting"
    ).text
    people = find_people(nominees)
    assert people["Jane Roe"] == "Nominee for Director of the Parks Service, Department of the Interior"
    assert "Ann Lee" in people
    assert not any(word in " ".join(people) for word in ("Announces", "Nominees", "Parks", "Corporation"))


def test_people_named_only_as_objects_by_a_common_given_name() -> None:
    text = clean(
        "She will pair with Daniela Varga in the doubles and with Leander Osei in the mixed. Tom Hale lost to "
        "Ivan Petic, who replaced Paradorn Wongsa. The club hopes to block Stilian Dobrev's call-up. The "
        "Abraham Accords held."
    ).text
    assert set(find_people(text)) == {"Daniela Varga", "Leander Osei", "Tom Hale", "Ivan Petic", "Paradorn Wongsa", "Stilian Dobrev"}


def test_chinese_names_surname_first() -> None:
    text = clean("I met Xi Jinping, then Li Keqiang and Wang Yi. Sun Microsystems grew, and Tang Dynasty vases sold.").text
    assert set(find_people(text)) == {"Xi Jinping", "Li Keqiang", "Wang Yi"}


def test_places_organisations_and_works_are_not_people() -> None:
    text = clean(
        "North Korea and Hong Kong said nothing. The Supreme Court said it would rule. "
        "Las Vegas said the Bright Harbor Group would build. Officials read The Lair of the White Worm."
    ).text
    assert find_people(text) == {}


def test_organisation_names_start_and_end_where_the_name_does() -> None:
    text = clean(
        "Researcher Says The Bureau of Industry and Security Is Slow\n\n"
        "What GAO Found Funding for Commerce’s export office fell. Paul Roe, Nominee for Director of the Community "
        "Relations Service, spoke. She is a Trustee of the Citizens Budget Committee. The Department of Homeland "
        "Security’s National Threat Assessment Center met. Acme Widgets, Inc. and Globex Ltd and Initech Corp. sued. "
        "She studied at Stanford University and the University of Leeds. The Labour Party and the World Health "
        "Organization agreed. The Drug Enforcement Administration (DEA) said so, and the DEA acted. The Civil Rights "
        "Division of the U.S. Department of Justice sued. The State of the Union was long. It is a Foreign Terrorist "
        "Organization."
    ).text
    assert find_organizations(text) == [
        "Bureau of Industry and Security", "Community Relations Service", "Citizens Budget Committee",
        "Department of Homeland Security", "National Threat Assessment Center", "Acme Widgets, Inc.", "Globex Ltd",
        "Initech Corp.", "Stanford University", "University of Leeds", "Labour Party", "World Health Organization",
        "Drug Enforcement Administration", "Civil Rights Division", "U.S. Department of Justice",
    ]  # fmt: skip


def test_a_draft_quotation_names_its_speaker_near_it() -> None:
    """`brief check` wants a quotation's speaker named near it; a draft keeps only those."""
    text = "Jane Roe runs the port. " + "The cranes are old. " * 60 + '"We will replace every crane by the spring," she said.'
    [quote] = find_quotes(text, find_people(text))
    assert quote.speaker == "Jane Roe"
    assert not named_near(text, quote.speaker, quote.start, quote.end)
    assert named_near(text, quote.speaker, quote.start - 1200, quote.end)  # as if it stood near the name


def test_given_names_that_share_one_surname_are_each_a_person() -> None:
    people = find_people(
        "The tree was presented by David, Sam, and Jim Cartwell of the farm. Thanks to Ted and Mary Kellson. "
        "Stars Clive Owen and Natalie Portmann won, as did the William and Mary Law School. Visitors came from "
        "Paris, Rome and Berlin Smithson."
    )
    assert {"David Cartwell", "Sam Cartwell", "Jim Cartwell", "Ted Kellson", "Mary Kellson"} <= set(people)
    assert not {"Owen Portmann", "William Law", "Mary Law", "Paris Smithson", "Rome Smithson"} & set(people)


def test_kin_named_beside_the_word_for_them_are_people() -> None:
    people = find_people(
        "Jean Carnahew arrived weeks after losing her husband, Tom, and their son, Randy, in a crash. "
        "I thank my granddaughter Maisy Roebuck. Their son, Harbor Mining, grew."
    )
    assert {"Tom", "Randy", "Maisy Roebuck"} <= set(people)
    assert "Harbor Mining" not in people
