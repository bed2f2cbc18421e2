"""People and speakers in the ways wire news, releases and fact sheets write them, beyond the
plainest forms: names of four words with two surnames, nicknames inside a name, suffixes, names in
lists and credit lines, pronouns and descriptions that point back to a person, and attributions
written at a sentence's end. Every sentence here is made up."""

from __future__ import annotations

import pytest

from brief.ingest.clean import clean
from brief.ingest.extract import find_people, find_quotes
from conftest import credits


def people_of(text: str) -> dict[str, str | None]:
    return find_people(clean(text).text)


def speakers_of(text: str) -> list[tuple[str, str]]:
    body = clean(text).text
    return [(q.speaker, q.text[:24]) for q in find_quotes(body, find_people(body))]


def test_a_name_with_two_surnames_is_the_person_at_its_fullest() -> None:
    people = people_of(
        "Mexican President Rosalía Inés Peña Arriaga met the envoy. Peña Arriaga said the talks went well, "
        "and retired General Salvador Montes Ibarra agreed."
    )
    assert people["Rosalía Inés Peña Arriaga"] == "Mexican President"
    assert "Salvador Montes Ibarra" in people
    assert not any(name in people for name in ("Peña Arriaga", "Arriaga", "Montes Ibarra"))


def test_a_name_used_as_the_subject_again_and_again_is_a_person() -> None:
    people = people_of(
        "Under Ferrer Quiroga the port grew. Ferrer Quiroga later reasoned that the toll was fair. "
        "It was a blow to Ferrer Quiroga and his allies, and Ferrer Quiroga has rebuffed every offer since."
    )
    assert "Ferrer Quiroga" in people


def test_a_nickname_inside_a_name_marks_a_person() -> None:
    people = people_of(
        "Police caught the smuggler Ramiro “El Gato” Fuentes Olvera at dawn. Border agents also named "
        'Tomás "el 40" Ruiz Mena and Iker Salas Prado (a.k.a. “Flaco”) in the warrant.'
    )
    assert {"Ramiro Fuentes Olvera", "Tomás Ruiz Mena", "Iker Salas Prado"} <= set(people)
    assert not any("Gato" in name or "Flaco" in name for name in people)


def test_people_in_lists_of_the_charged_and_the_extradited() -> None:
    people = people_of(
        "A jury convicted Lorenzo Beltrán Ochoa, Jr., and Hugo Sandoval, Sr., of smuggling rifles. "
        "Ofelia Marín Soto was extradited to Texas on May 3. Ernesto Vidal Paredes was surrendered a week later; "
        "the indictment says Vidal Paredes moved the cash.\n\n"
        "The guests were:\n\n- Darla Quince - Benito Ayala Cruz - Carmen Ortiz Vidal: Daughter of the founder"
    )
    assert {"Lorenzo Beltrán Ochoa Jr.", "Hugo Sandoval Sr.", "Ofelia Marín Soto", "Ernesto Vidal Paredes"} <= set(people)
    assert {"Darla Quince", "Benito Ayala Cruz", "Carmen Ortiz Vidal"} <= set(people)


def test_two_people_of_one_name_apart_by_their_suffix() -> None:
    people = people_of("Prosecutors said Omar Lind, Sr., and Omar Lind, Jr., pleaded guilty on Monday.")
    assert {"Omar Lind Sr.", "Omar Lind Jr."} <= set(people)


def test_kin_and_crime_words_are_roles() -> None:
    people = people_of(
        "The raid targeted the son of the kingpin, Nestor Galindo, and his cousin Rafa Montiel. "
        "The co-founder of the Harbor Cartel and most-wanted fugitive, Ciro Valdez Luna, fled."
    )
    assert people["Nestor Galindo"] == "the son of the kingpin"
    assert people["Rafa Montiel"] == "cousin"
    assert "Ciro Valdez Luna" in people


def test_credit_lines_name_people() -> None:
    people = people_of(
        "Ports reopen after the storm\n\nThe ports reopened on Monday after a week of repairs.\n\n"
        "Contributions: Maren Holt, Devon Pike\n\nReporting by Ilse Brandt and Tomas Weir; editing by Ada Lowe"
    )
    assert {"Maren Holt", "Devon Pike", "Ilse Brandt", "Tomas Weir", "Ada Lowe"} <= set(people)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A day or an opening phrase before the subject is not the speaker.
        ("On Tuesday, harbor spokesman Elias Grant said the port made “real progress” on the backlog.", "Elias Grant"),
        ('Speaking in Leeds on Monday, Gen Ravi Kohli said the rebels were "on the run" at last.', "Ravi Kohli"),
        ('London mayor Mr Lorne Duffy says he is "standing firm" on the fares.', "Lorne Duffy"),
        # The attribution at the end of the quotation's sentence.
        ("The agency charged a “huge number” of smugglers last year, Mara Quist told reporters.", "Mara Quist"),
    ],
)
def test_a_short_quotation_and_the_subject_that_says_it(text: str, speaker: str) -> None:
    assert [s for s, _ in speakers_of(text)] == [speaker]


def test_a_quotation_credited_at_the_end_of_its_sentence_past_a_stray_mark() -> None:
    text = (
        "Ana Ruiz spoke last.\n\nTo move on, the minister himself “needs to take charge of the talks” in the coming weeks,” "
        "said Ana Ruiz, a former envoy. “Nobody else can bring the two sides back to the table now.”"
    )
    assert [s for s, _ in speakers_of(text)] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_pronoun_points_to_the_person_named_before_the_pronoun() -> None:
    text = (
        "Mara Quist led the inquiry for a decade.\n\n“We seized more than ever at the border this year,” Quist said.\n\n"
        "She said the arrest of General Tomás Ibarra “set the whole investigation back by years and nobody is cooperating now” "
        "at the port."
    )
    assert [s for s, _ in speakers_of(text)] == ["Mara Quist", "Mara Quist"]


def test_a_pronoun_points_to_the_subject_before_an_object() -> None:
    text = (
        "Lena Holt has now beaten Mia Ford, the world number one, in two of their three finals.\n\n"
        '"I had a plan and I kept to it all match," she said.'
    )
    assert [s for s, _ in speakers_of(text)] == ["Lena Holt"]


def test_names_inside_a_quotation_are_not_what_a_pronoun_points_to() -> None:
    text = (
        'Omar Diaz spoke first at the hall. "Nobody here blames Mayor Pablo Ruiz for the long delay," he said.\n\n'
        'The crowd cheered. "The rest of the work is now up to the council," he added.'
    )
    assert [s for s, _ in speakers_of(text)] == ["Omar Diaz", "Omar Diaz"]


def test_the_next_sentence_is_not_an_attribution() -> None:
    text = (
        'Gen Ravi Kohli told the radio: "Some people will never agree with the plan" The general was also asked '
        'about the border.\n\nMr Lowe asked: "Would it not be simpler to wait a year" The party spokeswoman, '
        "Ada Brook, said she agreed with the plan."
    )
    assert [s for s, _ in speakers_of(text)] == ["Ravi Kohli", "Lowe"]


def test_an_organisation_or_a_role_before_the_name_is_the_role() -> None:
    body = clean(
        '"Prices will fall before the summer," said Harbor Bank\'s Eddie Lam. '
        '"Be ready for a hard winter," warned Delta Group economist Lars Berg.'
    ).text
    found = [(q.speaker, q.role) for q in find_quotes(body, find_people(body))]
    assert found == [("Eddie Lam", "Harbor Bank"), ("Lars Berg", "Delta Group economist")]


def test_a_description_points_to_the_person_who_holds_it() -> None:
    text = (
        'Tory leader Ian Moss spoke at the rally. Ann Reed replied at once.\n\n"We will win every seat in the north," the Tory leader said.'
    )
    assert [s for s, _ in speakers_of(text)] == ["Ian Moss"]


def test_a_quotation_opening_a_paragraph_after_the_speakers_sentence() -> None:
    text = (
        "Ana Luz, a former official, said the administration had waited far too long.\n\n"
        "“Nobody acted when it mattered and the cartels knew it.”"
    )
    assert [s for s, _ in speakers_of(text)] == ["Ana Luz"]


def test_more_ways_a_short_quotation_is_credited() -> None:
    statement = (
        "Statement from President Jane Roe on the Harbor\n\nMy office is committed to the port. That is why in April "
        "I announced a plan, and directed the Department of Ports to “preserve and fortify” the old quay."
    )
    assert [s for s, _ in speakers_of(statement)] == ["Jane Roe"]  # "I" in a statement: its headline's speaker
    passive = 'The agency closed two offices, a move reportedly described by then-Director Ana Ruiz as an effort to "harness" its staff.'
    assert [s for s, _ in speakers_of(passive)] == ["Ana Ruiz"]


def test_an_age_or_a_nationality_points_to_the_person_named_before() -> None:
    text = 'Lena Holt retired hurt in the second set on Monday.\n\n"My hip gave way after the first hour," said the 34-year-old.'
    assert [s for s, _ in speakers_of(text)] == ["Lena Holt"]


def test_a_capitalised_description_after_the_marks_starts_a_new_sentence() -> None:
    text = (
        "Tory leader Ian Moss spoke at the rally. Ann Reed, a Labour councillor, was blunt.\n\n"
        '"We will build the new quay before next year" The Tory leader told reporters nothing.'
    )
    assert [s for s, _ in speakers_of(text)] == ["Ann Reed"]


def test_an_appositive_role_that_starts_with_s_makes_a_person() -> None:
    people = people_of("Tomas Verbeek, skipper for the evening and scorer of the opener, praised the crowd.")
    assert people["Tomas Verbeek"] == "skipper for the evening and scorer of the opener"


def test_a_word_of_a_persons_role_names_a_body_not_a_person() -> None:
    text = (
        "Harbor United beat a stubborn Lower Brampton side 2-0. Brampton defended deep all night, and "
        "Brampton coach Ivo Marsh was not pleased.\n\n"
        '"We gave away two goals from set pieces and that cost us the game," he said.'
    )
    people = people_of(text)
    assert "Lower Brampton" not in people
    assert people["Ivo Marsh"] == "Brampton coach"
    assert [s for s, _ in speakers_of(text)] == ["Ivo Marsh"]


def test_a_description_skips_a_body_named_after_the_person() -> None:
    text = (
        "Brampton coach Ivo Marsh had warned of a long night. Kai Doran, captain for the day, scored twice.\n\n"
        "He admitted the win over Lower Brampton, with goals from Tim Sole and Rui, was not pretty. "
        '"It was a poor game but we got the points we came for," the Welshman said. '
        '"The wind made it hard to pass. "We stayed calm and the chances came in the end." '
        "Brampton coach Ivo Marsh conceded his team had no answer."
    )
    assert [s for s, _ in speakers_of(text)] == ["Kai Doran"] * 3


def test_a_short_quotation_after_a_claim_or_praise_is_credited() -> None:
    claimed = 'Harbor chief Ana Roe claimed a new board would "gut" the dredging budget.'
    hailed = 'At the launch, Mayor Ivo Marsh hailed the crew\'s "heroic" work on the quay.'
    assert [s for s, _ in speakers_of(claimed)] == ["Ana Roe"]
    assert [s for s, _ in speakers_of(hailed)] == ["Ivo Marsh"]


def test_a_title_in_the_plural_before_a_headlines_verb_names_nobody() -> None:
    assert find_people("Leaders Back the Harbor Plan\n\nLeaders across the state praised the plan this week.") == {}
    assert "Roe" in find_people("Governors Roe and Vance Met\n\nThe two governors met on Monday.")


def test_nominees_are_people_with_the_office_they_are_named_to() -> None:
    text = (
        "Nominations Sent to the Senate\n\n"
        "Anton Georg Halvar, of Maryland, to be a Governor of the Harbor Service for a term expiring June 1, 2027, vice"
        " Carla L. Gallo, term expired.\n\n"
        "Bonita D. Jensky, of the District of Columbia, to be Under Secretary of State for Port Security, vice Andrea L."
        " Tomsen, resigned."
    )
    people = people_of(text)
    assert people["Anton Georg Halvar"] == "Governor of the Harbor Service"
    assert people["Bonita D. Jensky"] == "Under Secretary of State for Port Security"
    assert {"Carla L. Gallo", "Andrea L. Tomsen"} <= set(people)


def test_a_name_that_will_be_named_something_is_a_persons() -> None:
    assert "Cate Blanchard" in people_of("Bookmakers predict Cate Blanchard will be named best supporting actress.")


def test_a_coordinator_a_glued_particle_and_a_projects_name() -> None:
    people = people_of(
        "Officials included Harbor Recovery Plan Coordinator Gene Sperlo.\n\n"
        "Andrew deLasko, Executive Director, Harbor Standards Awareness Project: “The lamps are a fine product.”"
    )
    assert (people.get("Gene Sperlo") or "").endswith("Coordinator")
    assert "Andrew deLasko" in people
    assert not any("Awareness" in name for name in people)


def test_a_titled_label_is_not_a_namesake_named_in_full() -> None:
    people = people_of(
        "Remarks by President Roe and President Ortiz at the Harbor Dinner\n\n"
        "PRESIDENT ORTIZ: Mr. President, Dr. Jane Roe, distinguished guests. Welcome.\n\n"
        "PRESIDENT ROE: Mr. President, distinguished guests. Thank you all."
    )
    assert people.get("Roe") == "President"
    assert "Jane Roe" in people and people["Jane Roe"] != "President"


def test_a_headline_verb_is_no_surname() -> None:
    people = people_of("FACT SHEET: President Roe Reestablishes the Harbor Office\n\nToday, President Roe signed an order.")
    assert "Roe Reestablishes" not in people and people.get("Roe") == "President"


def test_whom_a_nominee_succeeds_at_the_end_of_the_line() -> None:
    people = people_of("Nominations\n\nBrent Nimlo, of Illinois, to be a Deputy Under Secretary of the Treasury, vice Ramin Tolu.")
    assert "Ramin Tolu" in people and people.get("Brent Nimlo") == "Deputy Under Secretary of the Treasury"


def test_one_word_after_the_and_a_role_in_lower_case_is_a_person() -> None:
    people = people_of("The apostle Paul wrote about power, and the rapper Eminem sang. The company Apple and the city Paris agreed.")
    assert people.get("Paul") == "apostle" and people.get("Eminem") == "rapper"
    assert "Apple" not in people and "Paris" not in people


def test_a_name_whose_next_sentence_goes_on_with_he_is_a_persons() -> None:
    assert "Oyel Durbo" in people_of("And I don’t know whether Oyel Durbo is here. He was supposed to be coming down.")
    assert people_of("Harbor Bank is strong. He said so.") == {}


def test_kin_in_apposition_and_children_listed_by_name() -> None:
    people = people_of(
        "Senator Jean Carvel died today. She arrived in Washington weeks after losing her husband, Mel, in a crash. I am"
        " grateful for her brilliant, strong children, Russ, Tam, and especially Robin."
    )
    assert {"Mel", "Russ", "Tam", "Robin"} <= set(people)
    assert "Senate" not in people_of("She thanked her husband, Senate colleagues and friends.")


def test_a_title_before_a_shared_surname_picks_who_holds_it() -> None:
    text = (
        "Governor Roe, First Gentleman See Steady Resolve in Harbor City\n\n"
        "Yesterday, Governor Jane A. Roe and First Gentleman Tom Roe traveled to Harbor City after the storm.\n\n"
        "Governor Roe delivered remarks to the crews:\n\n"
        "- “We will rebuild every dock in this town, and we will do it this year.” Watch"
        " - “The crews here have done an unbelievable job.” Watch"
    )
    people = people_of(text)
    assert people.get("Tom Roe") == "First Gentleman"
    assert not any("Resolve" in name for name in people)  # a headline's verb ends the title's run
    assert set(credits(text).values()) == {"Jane A. Roe"}


def test_talking_about_or_speaking_of_quoted_words_is_saying_them() -> None:
    said = credits(
        'Port Speech\n\nThere was little new, although Tony Vance talked about a "harbor plan that will be aimed at every town".'
        ' Ana Ruiz spoke of "a new era for the docks and the crews" on Monday.'
    )
    assert said == {"harbor plan that will be aimed at every town": "Tony Vance", "a new era for the docks and the crews": "Ana Ruiz"}


def test_a_partys_or_a_common_word_after_a_given_name_or_a_form_of_address_is_a_surname() -> None:
    text = (
        'Tickets Gone\n\n"Nothing like it has ever been seen here before," said Justin Green, spokesman for the promoters.\n\n'
        'Mr Green said that ticket outlets had been "bombarded" by fans. George Best was at the first show.\n\n'
        "The Green Party and the English Channel were not."
    )
    people = people_of(text)
    assert people.get("Justin Green") == "spokesman for the promoters" and "George Best" in people
    assert not any(name.startswith(("The", "English")) for name in people)
    assert set(credits(text).values()) == {"Justin Green"}


def test_an_adverb_or_two_before_the_verb_after_the_words() -> None:
    said = credits('Obituary\n\n"I have never been able to write quickly or easily," Arthur Haley once said. He moved in 1969.')
    assert said == {"I have never been able to write quickly or easily": "Arthur Haley"}


def test_agreeing_or_questioning_in_a_short_quotations_sentence_says_it() -> None:
    said = credits(
        'Commons Row\n\nHarbor MP Tom Vance said it was a "very serious matter". Deputy Speaker Ana Ruiz agreed it was'
        ' "of concern" but said nothing could be done. Opposition leader Jane Roe questioned why there was "such a rush".'
        ' Both sides agreed to a "ceasefire" later.'
    )
    assert said == {"very serious matter": "Tom Vance", "of concern": "Ana Ruiz", "such a rush": "Jane Roe"}


def test_a_capitalised_word_before_a_noun_that_speaks_is_no_speaker() -> None:
    assert credits('Plan Row\n\nHarbor unions said the plan is "a disaster" for the ports.') == {}
    said = credits(
        'Plan Row\n\nHarbor officials also argue Mr Vance has not been "straightforward" with them. Or as Ana Ruiz'
        ' sometimes told her students, "You are my legacy now."'
    )
    assert said == {"straightforward": "Harbor officials", "You are my legacy now.": "Ana Ruiz"}


def test_police_an_apology_and_a_lower_case_role_before_a_name_and_its_firm() -> None:
    said = credits(
        'Band Fight\n\nThe singer was asleep at the time. At the time, police said a "physical altercation" broke out.'
        ' Tom Vance was suspended. He apologised for his "deplorable actions" on Monday.'
        ' "People were slightly over-ambitious about the field," said analyst Jason Kenney at Harbor Bank.'
    )
    assert said == {
        "physical altercation": "Police",
        "deplorable actions": "Tom Vance",
        "People were slightly over-ambitious about the field": "Jason Kenney",
    }


def test_a_party_abbreviated_is_no_person_and_a_description_keeps_a_name_at_its_end() -> None:
    text = (
        'Migrants\n\nThe Lib Dems say they will look at his plans, but Tory Liam Fox said his party offered a "clear choice".'
        ' "Free trade is not a customs union," a statement issued on behalf of Robert Zoellick, the trade chief, said.'
    )
    assert "Lib Dems" not in people_of(text)
    assert credits(text) == {"clear choice": "Liam Fox", "Free trade is not a customs union": "Robert Zoellick"}
