"""People and speakers in the ways transcripts, speeches and fact sheets write them: one-word names
of people called on, thanked or addressed, a surname alone as the subject of what a person does,
people named in a descriptive list, and an attribution whose subject carries a relative clause.
Every sentence here is made up."""

from __future__ import annotations

from brief.ingest.clean import clean
from brief.ingest.extract import find_people, find_quotes


def people_of(text: str) -> dict[str, str | None]:
    return find_people(clean(text).text)


def speakers_of(text: str) -> list[tuple[str, str]]:
    body = clean(text).text
    return [(q.speaker, q.text[:24]) for q in find_quotes(body, find_people(body))]


TRANSCRIPT = (
    "Remarks by the Governor in a Press Gaggle\n\n"
    "THE GOVERNOR: Good morning, everyone. Any questions?\n\n"
    "STAFF: Marisol, Harbor Daily.\n\n"
    "Q Governor, will the port reopen?\n\n"
    "THE GOVERNOR: Thank you, Bertrand. Yes, it will.\n\n"
    "STAFF: Quentin.\n\n"
    "Q Thank you. And what about the bridge?\n\n"
    "THE GOVERNOR: On the question you raised, Ysolde: we are working on it. And, Corwin, I will miss you, pal.\n\n"
    "Q I’m Philippa. (Laughs.) A last one?\n\n"
    "THE GOVERNOR: Go ahead, Leontyne. And Monday we start.\n\n"
    "Q Thank you, Governor.\n"
)


def test_people_called_on_thanked_and_addressed_in_a_transcript() -> None:
    people = people_of(TRANSCRIPT)
    for name in ("Marisol", "Bertrand", "Quentin", "Ysolde", "Corwin", "Philippa", "Leontyne"):
        assert name in people, name
    for word in ("Governor", "Monday", "Harbor Daily", "Good", "Yes", "Laughs", "Staff"):
        assert word not in people, word


def test_people_thanked_by_first_name_or_named_beside_a_relation() -> None:
    people = people_of(
        "Statement on the Passing of a Singer\n\n"
        "Greta and I send our love to her husband Anselm and to my friend Torvald. "
        "Dariela, I thank you for all you have done. Thank you, Ohio. Thank you, Harbor Council."
    )
    for name in ("Greta", "Anselm", "Torvald", "Dariela"):
        assert name in people, name
    for word in ("Ohio", "Harbor Council", "Council", "Statement"):
        assert word not in people, word


def test_a_surname_alone_is_a_person_as_the_subject_of_what_a_person_does() -> None:
    people = people_of(
        "Prices rose after Vostrikov invaded the province. Since Vostrikov accelerated his build-up, the "
        "allies have helped. The plan holds Vostrikov and his cronies to account. Later Drummel told me the "
        "roads were open. Kestrel Mining said profits rose. Brazil invaded nothing."
    )
    assert "Vostrikov" in people
    assert "Drummel" in people
    assert not any(word in people for word in ("Prices", "Kestrel Mining", "Kestrel", "Brazil", "Later"))


def test_a_surname_alone_goes_into_the_fuller_form_the_text_gives() -> None:
    people = people_of("Admiral Vera Lindqvist spoke first. Afterwards Lindqvist told reporters the fleet was ready.")
    assert "Vera Lindqvist" in people
    assert "Lindqvist" not in people


def test_people_named_in_a_descriptive_list() -> None:
    people = people_of(
        "The victims included 17-year-old Abel Norrick and 36-year-old Tobias Quell. Leaders from across the "
        "country, including Ida C. Marlowe-Penn, J.R.T. Everly, and Hester Vane Collier, called for change. Two Black men, "
        "Rufus Denton and Amos Carrow, were killed."
    )
    names = ("Abel Norrick", "Tobias Quell", "Ida C. Marlowe-Penn", "J.R.T. Everly", "Hester Vane Collier", "Rufus Denton", "Amos Carrow")
    for name in names:
        assert name in people, name


def test_people_in_a_list_of_three_after_a_naming_verb() -> None:
    people = people_of("The three schools are named for Opal Wexford, Linus Carrow and Beatrix Hollin.")
    for name in ("Opal Wexford", "Linus Carrow", "Beatrix Hollin"):
        assert name in people, name


def test_places_and_organisations_in_a_list_are_no_people() -> None:
    people = people_of("Offices opened in Carver City, Port Alden, and Lake Simmons, including Harbor Works and Delta Foods.")
    assert not people


def test_the_subject_before_a_relative_clause_says_the_paragraph() -> None:
    found = speakers_of(
        'The visiting coach Ruben Alcott said: "We were lucky tonight." Home keeper Dario Venn, whose long personal feud '
        'with the rival home striker Paolo Marz was not eased by the result, said: "Do I blame myself? Of course I do. '
        '"We will go there and fight for every ball."'
    )
    assert found[0][0] == "Ruben Alcott"
    assert [name for name, _ in found[1:]] == ["Dario Venn", "Dario Venn"]
