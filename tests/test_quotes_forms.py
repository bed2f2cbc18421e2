"""Quotations in the forms releases, round-ups and reports print them, found on documents the
rules were not written against: a label line that introduces the words ("Statement from Governor
X:", "Rep. X (D-NY):", "From the Board:"), excerpts of remarks each in their own marks, a mark
typed twice or the wrong way round, a statement that speaks ("a BBC statement read"), a relative
clause that says who spoke, and a pronoun's sentence before the words. Every text is made up."""

from __future__ import annotations

import pytest

from brief.ingest.clean import clean
from brief.ingest.extract import find_people, find_quotes


def credits(text: str) -> dict[str, str]:
    """Each quotation's words, mapped to its speaker."""
    body = clean(text).text
    return {q.text: q.speaker for q in find_quotes(body, find_people(body))}


WORDS = "Jane is an innovator. She helped build the strategy in 2020."


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A label paragraph that introduces the next paragraph's words.
        (f"Roe Named Director\n\nToday the Governor named Jane Roe.\n\nStatement from Governor Ann Lee:\n\n“{WORDS}”", WORDS, "Ann Lee"),
        (f"Roe Named Director\n\nGovernor Ann Lee’s statement:\n\n“{WORDS}”", WORDS, "Ann Lee"),
        (f"Harbor Report\n\nFrom the Harbor Safety Board:\n\n“{WORDS}”", WORDS, "Harbor Safety Board"),
        # A party and a seat in brackets between the name and the colon.
        (f"What They Are Saying\n\nRep. Lena Fox (D-OR): “{WORDS}” [Post, 5/3/24]", WORDS, "Lena Fox"),
        (f"What They Are Saying\n\nRep. Lena Fox (D-OR), Chair of the Caucus: “{WORDS}”", WORDS, "Lena Fox"),
        # A description that ends in a role, or the verb first, before the name and the colon.
        (f"Show Returns\n\nThe host has left. Channel Two controller Rolf Keane: “{WORDS}”", WORDS, "Rolf Keane"),
        (f"Team News\n\nThe centre will recover. Said Harbor assistant coach Tom Ash: “{WORDS}”", WORDS, "Tom Ash"),
        # A sentence whose subject acts and then gives the words after a colon.
        (f"Budget\n\n- President Ana Roe lambasted the Senate’s delay: “{WORDS}”", WORDS, "Ana Roe"),
        (f"Budget\n\nMara Quist had her say on the vote, complaining: “{WORDS}”", WORDS, "Mara Quist"),
        # A statement speaks for whoever issued it.
        (f"Complaints\n\nThe complaints were upheld. “{WORDS},” a Harbor Board statement read.", WORDS, "Harbor Board"),
        (f"Collapse\n\nThe auditors face trial.\n\n“{WORDS},” Mr Tanzo's statement said.", WORDS, "Tanzo"),
        # A body's name that ends in a word that can open a title ("Board") stays whole.
        (f"Complaints\n\nThe complaints were upheld. “{WORDS},” Harbor Board said.", WORDS, "Harbor Board"),
        # Where the speaker is from, between the name and the verb; a description with "one".
        (f"Gadgets\n\nSales will grow. “{WORDS},” Kira Pfeil from the Gadget Makers Association, told reporters.", WORDS, "Kira Pfeil"),
        (f"Shares\n\nThe index fell. “{WORDS},” said one trader.", WORDS, "one trader"),
        # A relative clause that says who spoke, even a long one, and a place before the speaker.
        (f"Visit\n\nWe just heard from Omar Haddad’s wife, who said, “{WORDS}” What do you say?", WORDS, "Omar Haddad’s wife"),
        (
            "Secrets\n\nMr Oates, who sits on the intelligence and security committee and was part of the inquiry into "
            f"pre-war intelligence, told the BBC on Friday: “{WORDS}”",
            WORDS,
            "Oates",
        ),
        (
            f"Talks\n\nIn an interview on trade, the peace process and Northern Ireland, Mr Blaine said: “{WORDS}”",
            WORDS,
            "Blaine",
        ),
        # The sentence before the words: a pronoun that said something, standing for the person before it.
        (
            f"Leader\n\nTom Kilby quit in October. He said on Friday he hoped to lead the party by Christmas. “{WORDS}”",
            WORDS,
            "Tom Kilby",
        ),
        # A group a relative clause says spoke, and a description opened by "one" or "another".
        (f"Remarks\n\nWe listened. We listened to our seniors that said, “{WORDS}”", WORDS, "Our seniors"),
        (
            f"Labour\n\nAs one hugely-disgruntled backbencher said before the meeting: “{WORDS}”",
            WORDS,
            "one hugely-disgruntled backbencher",
        ),
        (f"Gaming\n\nIt is not funny. Another correspondent wrote: “{WORDS}”", WORDS, "Another correspondent"),
        # A described speaker with nobody named before stays as described.
        (f"Relief\n\nAid is on its way. The spokesman said: “{WORDS}”", WORDS, "The spokesman"),
        # A statement before the words, and a role in lower case without its closing comma.
        (f"Tories\n\nMr Crosby took the post in October. Mr Crosby's statement said: “{WORDS}”", WORDS, "Crosby"),
        (f"Security\n\nSales are up. “{WORDS},” Paul Gooden, head of Preventa told reporters.", WORDS, "Paul Gooden"),
        # The sentence before may hold a decimal point.
        (
            f"Houses\n\nPrices will rise, Mr Banner said. He said the Bank may raise rates from their current 4.75%.\n\n“{WORDS}”",
            WORDS,
            "Banner",
        ),
        # A paragraph that opens with a body's name, or a person and their roles, then the words.
        (f"Reactions\n\nHere is what they said:\n\nHarbor Workers Union (HWU): “{WORDS}” [Post, 5/3/24]", WORDS, "Harbor Workers Union"),
        (
            f"Reactions\n\nHere is what they said:\n\nFederation of State, County, and City Employees: “{WORDS}”",
            WORDS,
            "Federation of State, County, and City Employees",
        ),
        (f"Reactions\n\nHere is what they said:\n\nSenate Harbor Leader, Jane Roeby (OR): “{WORDS}”", WORDS, "Jane Roeby"),
        (f"Reactions\n\nHere is what they said:\n\nMarc Morial, President of the Harbor League: “{WORDS}”", WORDS, "Marc Morial"),
        # An excerpt under a line that names its source and headline.
        (f"Wins\n\nThe bill is a triumph.\n\nHarbor Times (Portland, Oregon): Crews rebuild the docks\n\n“{WORDS}”", WORDS, "Harbor Times"),
        # Topic lines under a heading that names who speaks.
        (
            f"Sunday Shows\n\nHere is what you missed:\n\nSecretary of Labor Jane Roeby on Meet the Press\n\n- On wages: “{WORDS}”",
            WORDS,
            "Jane Roeby",
        ),
        (
            f"Sunday Shows\n\nHere is what you missed:\n\nTreasury Secretary Tom Bessen on Face the Nation\n\n- On China: “{WORDS}”",
            WORDS,
            "Tom Bessen",
        ),
        # A list of quotations the paragraph before introduces with its subject and a colon.
        (
            f"Visit\n\nThe floods hit.\n\nPresident Ana Roe delivered remarks to local, state, and federal officials:\n\n- “{WORDS}” Watch",
            WORDS,
            "Ana Roe",
        ),
        # A signature under a block quotation marked line by line.
        (
            f"Growth\n\n> “{WORDS}\n> It is a great day.”\n\n> — White House Deputy Press Secretary Kush Dessai\n\nGDP rose.",
            WORDS + " It is a great day.",
            "Kush Dessai",
        ),
        # "As X put it", "As X taught us", a plural subject that writes, a participle that brands.
        (f"Permits\n\nAs Chairman Kate Scarlet put it in her piece, the plan reflects a simple truth: “{WORDS}”", WORDS, "Kate Scarlet"),
        (f"March\n\nAs John Lewes, the youngest speaker that day, taught us, “{WORDS}”", WORDS, "John Lewes"),
        (
            "Tax\n\nThe Tories are expected to act, with Oliver Letwen branding the duty a “classic stealth tax”.",
            "classic stealth tax",
            "Oliver Letwen",
        ),
        # A body named after "by the", and a body's name that opens with "United".
        (
            "Tariffs\n\nThe move was hailed by the United Auto Workers as a “victory for autoworkers.”",
            "victory for autoworkers.",
            "United Auto Workers",
        ),
        (f"Permits\n\nAs Chair Kate Scarlet put it, “{WORDS}”", WORDS, "Kate Scarlet"),
        # A plural subject that writes that something is so, then a colon.
        (
            "Default\n\nThe Harbor Chiefs, Leon Panett and Chuck Hagl, warned of the risks.\n\n"
            f"The chiefs write that the costs of a default on the debt would be severe for every unit: “{WORDS}”",
            WORDS,
            "Harbor Chiefs",
        ),
        # Where the speaker is from, with no comma before the verb; an adverb after the name.
        (
            f"Tech\n\nThe show opened. “{WORDS},” Jeff Josephs, from the Gadget Makers Association (GMA) told reporters.",
            WORDS,
            "Jeff Josephs",
        ),
        (f"Sport\n\nHe came fifth. “{WORDS},” said Gardener afterwards.", WORDS, "Gardener"),
        # The sentence before, reported by "he said" at its end; a pronoun that acts before a colon.
        (
            "Music\n\nThe deal was struck by strategist Glen Yearwood, who represents the industry.\n\n"
            f"The industry would halt any such song, he said. “{WORDS}”",
            WORDS,
            "Glen Yearwood",
        ),
        (f"Awards\n\nJamie Foxe won the award. He also praised the film director: “{WORDS}”", WORDS, "Jamie Foxe"),
        # A pronoun's contraction before the verb, "like" as talk says it, and kin told of before "he".
        (f"Speech\n\nJean Roeby taught me to sing. Whenever I sang, she’d say, “{WORDS}”", WORDS, "Jean Roeby"),
        (f"Speech\n\nI thank Senator Ana Roe. If my mom were here, she’d say, “{WORDS}”", WORDS, "My mom"),
        (f"Speech\n\nMy husband, Doug Emhoffer, is so very funny. He’s like, “{WORDS}”", WORDS, "Doug Emhoffer"),
        (f"Speech\n\nI thank Senator Ana Roe. My dad used to have an expression. He’d say, “{WORDS}”", WORDS, "My dad"),
        # A long opening phrase before the subject that acts before a colon.
        (
            "Statement\n\nSpeaking in the spring of 1964 about his plans for Freedom Summer, Bob Mosesson summed up "
            f"the effort with a question: “{WORDS}”",
            WORDS,
            "Bob Mosesson",
        ),
        # Whose statement or letter speaks, named after "from".
        (
            f"Ads\n\nOneTel adverts were spotted. “{WORDS},” read a statement from the discount phone firm.",
            WORDS,
            "The discount phone firm",
        ),
        (f"Bid\n\nQwest said MCI rejected a deal. “{WORDS},” the letter from Qwest said.", WORDS, "Qwest"),
        # The subject of the whole sentence between two quotations speaks the second, unless the
        # sentence reports someone else's words or the name is not its subject.
        (
            f"Cup\n\n“What a great way to end the year,” said Rafa Nadel. US coach Pat McEnrow wants Andy Rodick on clay. “{WORDS}”",
            WORDS,
            "Pat McEnrow",
        ),
        (f"Bid\n\n“What a great way to end the year,” said Ana Roe. Roe's team beat Tom Ash in the final. “{WORDS}”", WORDS, "Ana Roe"),
        (f"Spam\n\n“What a great way to end the year,” said Ana Roe. Tom Ash amassed $24m, prosecutors said. “{WORDS}”", WORDS, "Ana Roe"),
        # An aside between the subject and its verb; "of the" inside a body's name.
        (
            "Records\n\nThe records were reviewed. The Keeper of the Harbor Archives (Keeper), however, has reported that "
            f"“{WORDS}” and more.",
            WORDS,
            "Keeper of the Harbor Archives",
        ),
        # A few words after a speech act whose subject is a pronoun or a role.
        (
            "Poster\n\nTony Blare spoke first. Appearing at a poster launch, he hailed his chancellor's “brilliant” work.",
            "brilliant",
            "Tony Blare",
        ),
        (
            "Jordan\n\nVern Jordanson died. He liked to say that we had torn down what Dr. King called “sagging walls,” but "
            "we still had to deal with “the rubble” of it all.",
            "the rubble",
            "Vern Jordanson",
        ),
        # A noun after the words is no plural speech verb ("a promissory note").
        (
            "Remarks\n\nDr. King spoke to our nation. And he spoke of what he called a “promissory note” — a promissory note, a check.",
            "promissory note",
            "King",
        ),
        # An opening "As X put it" credits the sentence's words, however far they run after it.
        (
            "Permits\n\nKatherine Scarlet wrote a piece. As Chairman Scarlet put it in her opinion piece, the vision to modernize "
            f"the permitting process and deregulate so we can build now reflects a simple truth: “{WORDS}”",
            WORDS,
            "Katherine Scarlet",
        ),
        # A signature after a dash, led by a description, under a paragraph that is only the words.
        (f"Jobs\n\n“{WORDS}”\n\n— White House spokesman Kush Desaii\n\nThe report showed gains.", WORDS, "Kush Desaii"),
        (f"Release\n\n“{WORDS}”\n\n– National Security Advisor Mike Waltzer", WORDS, "Mike Waltzer"),
        # A readout's verbs of stating a position are speech acts for a few words quoted after them.
        (
            "Readout\n\nPresident Ana Roe met the Prime Minister. President Ana Roe reaffirmed the “ironclad” alliance.",
            "ironclad",
            "Ana Roe",
        ),
        # "X had said" after a quotation that ends a sentence starts a new sentence about earlier words.
        (
            "Transfer\n\nRick Parrow spoke. “Of course he is ambitious,” Parrow added. “We firmly believe he will stay. "
            "“We have an open relationship. He would have gone by now.” Steven Gerrad had said before the game he might leave.",
            "We firmly believe he will stay.",
            "Rick Parrow",
        ),
        # A pronoun that opens the sentence before is its subject, not the people the sentence names.
        (
            f"Milan\n\nMarcel Desaily played in Milan. So he is full of admiration for Paolo Maldino and Alex Costacurti. “{WORDS}”",
            WORDS,
            "Marcel Desaily",
        ),
        # "they" after a group credited just before is that group.
        (
            f"Remarks\n\nWe listened to our seniors that said, “We deserve to retire with dignity.” And they said, “{WORDS}”",
            WORDS,
            "Our seniors",
        ),
        # A long sentence between the speech act and a few quoted words; an aside between the name
        # and the verb; a programme after an owner's name is no speaker.
        (
            "Lords\n\nCharles Clark spoke first. On Thursday, Lord Bingam - a senior law lord - said the rules were incompatible "
            "with the European Convention on Human Rights as they allowed detentions “in a way that discriminates” against some.",
            "in a way that discriminates",
            "Bingam",
        ),
        (
            "Election\n\nSpeaking to the BBC's Westminster Hour on Sunday, Mr Kenedy said the coming general election - widely "
            "tipped for 5 May - would be much more unpredictable than others in “recent experience”.",
            "recent experience",
            "Kenedy",
        ),
        # A future speech act after the words.
        (f"Speech\n\nMr Howe will speak in Leeds.\n\n“{WORDS},” he will say.", WORDS, "Howe"),
    ],
)
def test_labels_statements_and_descriptions_credit_the_words(text: str, words: str, speaker: str) -> None:
    assert credits(text).get(words) == speaker


def test_excerpts_of_remarks_each_quoted_are_the_headline_speakers() -> None:
    found = credits(
        "Excerpts of Remarks as Prepared for Delivery by President Jane Roe on Democracy\n\n"
        "“I have made the defense of democracy the central cause of my time in office.\n"
        "“From the first day I have spoken about the danger of political violence.”\n"
        "—\n"
        "“Democracy is not a partisan issue. It is an American issue.”"
    )
    assert found == {
        "I have made the defense of democracy the central cause of my time in office.": "Jane Roe",
        "From the first day I have spoken about the danger of political violence.": "Jane Roe",
        "Democracy is not a partisan issue. It is an American issue.": "Jane Roe",
    }


def test_a_mark_typed_twice_or_the_wrong_way_round() -> None:
    found = credits(
        "City Plan\n\nIn her first address, Mayor Ana Roe promised: ““We will forge a city that works for everyone.”\n\n"
        "“We will make the city safe again for every family that lives here,“ said Mayor Ana Roe."
    )
    assert found == {
        "We will forge a city that works for everyone.": "Ana Roe",
        "We will make the city safe again for every family that lives here": "Ana Roe",
    }


def test_a_label_reads_no_further_back_than_the_paragraph_before() -> None:
    # "The Senator" is nobody the text names: no speaker, rather than one run into the headline.
    found = credits(f"Roe Named Director\n\nThe Senator said in a statement:\n\n“{WORDS}”")
    assert all("Director" not in speaker for speaker in found.values())


def test_a_colon_after_a_subject_that_is_no_person_credits_nobody() -> None:
    found = credits(
        "Arrests\n\nArrests have more than tripled: “Looking at this year, 47% are on people already charged.”\n\n"
        "The report examined two cases: “The first is that of a man who lost his home in the fire.”\n\n"
        "Paris hosted the summit: “Leaders agreed on nothing at all this year.”"
    )
    assert found == {}


def test_a_stray_closing_mark_typed_the_wrong_way_opens_nothing() -> None:
    found = credits(
        "Plan\n\nThe city was made safe“ again for all of the families on the coast. "
        "“We will win this race for every family,” said Ana Roe."
    )
    assert found == {"We will win this race for every family": "Ana Roe"}


def test_labels_that_are_turns_invitations_or_sentences_name_no_speaker() -> None:
    found = credits(
        f"Plan\n\nThe plan was launched.\n\nSee the President’s Video Announcing the Plan HERE: “{WORDS}”\n\n"
        f"MS. ROEBY: “Dance” is generous.\n\nThe council discussed Three Issues and more: “{WORDS}”"
    )
    assert "See the President’s Video Announcing the Plan HERE" not in found.values()
    assert "MS. ROEBY" not in found.values()
    assert not any("council" in speaker.lower() for speaker in found.values())


def test_the_listener_as_the_speaker_imagines_them_is_no_speaker() -> None:
    assert credits(f"Speech\n\nYou’re like, “{WORDS}”") == {}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Someone else's kin, or kin inside a quotation, is not whom "he" or "she" points to.
        (f"Mice\n\nIBM researcher Jim Levene built it. His uncle has Parkinson's disease. “{WORDS}” he said.", "Jim Levene"),
        (
            f"Phones\n\nGeorgeta Mincu, a cleaner, said: “I am a single parent. My daughter is far away.” “{WORDS},” she said.",
            "Georgeta Mincu",
        ),
        # A share of people is no speaker; a thing "that said" is not either.
        (f"Phones\n\nDavid Noon of Intervoice spoke. One in three women said: “{WORDS}”", None),
        (f"Books\n\nOne judge, Stewart O'Nann, carried a note written on a napkin that said: “{WORDS}”", "Stewart O'Nann"),
    ],
)
def test_descriptions_that_are_not_the_speaker(text: str, speaker: str | None) -> None:
    assert credits(text).get(WORDS) == speaker


def test_a_headline_subject_speaks_a_list_of_quotations() -> None:
    highlights = credits(
        "At West Point, President Jane Roe Lauds the Cadets\n\nYesterday, President Jane Roe addressed the cadets.\n\n"
        f"Here are the highlights:\n\n- “{WORDS}” Watch - She thanked the staff on the field: “Hold on to your culture.”"
    )
    assert highlights == {WORDS: "Jane Roe", "Hold on to your culture.": "Jane Roe"}
    dated = credits(
        "74 Times President Jane Roe Has Made Clear That She Will Act\n\nShe has been consistent for decades: she acts.\n\n"
        f"- “{WORDS}” (2/24/26) - “We will act, and we will act soon.” (10/23/24)"
    )
    assert dated == {WORDS: "Jane Roe", "We will act, and we will act soon.": "Jane Roe"}
    # The headline's person is its object, not its subject: nobody is credited.
    assert credits(f"President Roe’s Tariffs Win Over Farmers\n\nThe farmers spoke of President Roe.\n\n- “{WORDS}” (2/24/26)") == {}


def test_a_quotation_inside_a_quotation_is_part_of_its_words() -> None:
    found = credits(
        "Summit\n\nSee what they say:\n\nSister Donna Markam, President of Harbor Charities: “At a time of division, the "
        "summit, “United We Stand,” could not be more timely.”\n\nThe Sikh Coalition: “Today, the summit was announced to us all.”"
    )
    assert found == {
        "At a time of division, the summit, “United We Stand,” could not be more timely.": "Donna Markam",
        "Today, the summit was announced to us all.": "The Sikh Coalition",
    }


def test_someone_described_in_the_passive_is_not_who_described_them() -> None:
    assert "a proud grandfather" not in credits(
        "Doctors\n\nAl Greenway trained in London. He is described as “a proud grandfather” of four."
    )
