"""Quotations in the forms releases, round-ups and reports print them, found on documents the
rules were not written against: a label line that introduces the words ("Statement from Governor
X:", "Rep. X (D-NY):", "From the Board:"), excerpts of remarks each in their own marks, a mark
typed twice or the wrong way round, a statement that speaks ("a BBC statement read"), a relative
clause that says who spoke, and a pronoun's sentence before the words. Every text is made up."""

from __future__ import annotations

import pytest

from brief.ingest.clean import clean
from brief.ingest.extract import find_people, find_quotes
from conftest import credits

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
        (f"Shares\n\nThe index fell. “{WORDS},” said one trader.", WORDS, "One trader"),
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
            "One hugely-disgruntled backbencher",
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


SAID = [
    "We agreed that the harbor must reopen before the storms of the winter.",
    "This is not our quarrel, and we have said so to every side.",
    "The only way to a deal is for each side to give something.",
]


def test_a_list_of_quotations_under_a_heading_that_names_who_speaks() -> None:
    text = (
        "Sunday Round-Up: The Harbor Talks\n\nThe talks went on over the weekend. Here is what you missed:\n\n"
        "Harbor Secretary Jane Roe on Morning Watch\n\n"
        f"- “{SAID[0]}” (Watch) - “{SAID[1]}” (Watch)\n\n"
        f"Secretary Roe on The Week Ahead\n\n- “{SAID[2]}” (Watch)"
    )
    found = credits(text)
    assert [found.get(words) for words in SAID] == ["Jane Roe"] * 3


def test_a_list_of_dated_quotations_under_the_sentence_that_introduces_them() -> None:
    text = (
        "Promises Kept\n\nThe plan begins today.\n\nGovernor Ana Ruiz made the promise many times:\n\n"
        f"- January 19, 2025: “{SAID[0]}” - October 30, 2024: “{SAID[1]}” - May 3: “{SAID[2]}”"
    )
    found = credits(text)
    assert [found.get(words) for words in SAID] == ["Ana Ruiz"] * 3


def test_each_item_of_a_list_in_one_paragraph_is_credited_to_its_own_label() -> None:
    text = (
        "Task Force Stood Up\n\nOfficials spoke at the launch:\n\n"
        f"- Attorney General Pam Rook: “{SAID[0]}” - Governor Lee Dunmore: “{SAID[1]}” - Harbor Chief Kas Petrov: “{SAID[2]}”"
    )
    found = credits(text)
    assert [found.get(words) for words in SAID] == ["Pam Rook", "Lee Dunmore", "Kas Petrov"]


def test_marks_around_an_elision_open_the_excerpt_after_it() -> None:
    text = (
        "Harbor Post: Leaders visit the capital\n\nMayor Lena Quist said the city had gained…“ We tried to reach every "
        "district of the county,” she said.\n\nThe mayor spoke at the forum…”Through the rescue plan we rebuilt the docks "
        "and the schools,” Quist said."
    )
    found = credits(text)
    assert found.get("We tried to reach every district of the county") == "Lena Quist"
    assert found.get("Through the rescue plan we rebuilt the docks and the schools") == "Lena Quist"


def test_a_headline_verb_ends_a_name() -> None:
    people = find_people(clean("Harbor Ledger: Mayor Quist Attends Forum in the Capital\n\nMayor Lena Quist spoke.").text)
    assert not any("Attends" in name for name in people)


def test_a_list_item_or_a_dated_one_counts_as_a_paragraph_that_opens_with_its_quotation() -> None:
    from brief.speakers import speaker_named_near

    filler = "We will rebuild the harbor and every dock along the coast, and make them safe. " * 9
    for lead in ("- ", "• ", "- May 3, 2024: "):
        text = f"Governor Ana Ruiz made the promise often:\n\n{lead}“{filler}” - “It will be the finest port in the world.”"
        at = text.index("It will be")
        assert speaker_named_near(text, "Ana Ruiz", at, at + 30), lead
    plain = f"Governor Ana Ruiz made the promise often.\n\nThe board met. {filler}{filler} Then came “the finest port.”"
    at = plain.index("the finest port")
    assert not speaker_named_near(plain, "Ana Ruiz", at, at + 15)


def test_a_given_name_inside_a_label_starts_the_name() -> None:
    text = (
        "Jobs Report\n\nEconomists reacted:\n\n- Harbor Investment Managers Head of Macro Research Florian Quell: "
        f"“{SAID[0]}” - Capital Markets Eric Stamm: “{SAID[1]}”"
    )
    found = credits(text)
    assert [found.get(SAID[0]), found.get(SAID[1])] == ["Florian Quell", "Eric Stamm"]


def test_a_name_after_said_ends_with_its_sentence() -> None:
    for said in ("said chief executive Alan Lovett", "said Alan Lovett"):
        text = (
            'Sale Agreed\n\nThe firm said the sale would help. "We can now rebuild the firm and return it to growth,"'
            f" {said}. Shares in Harbor were up."
        )
        assert credits(text) == {"We can now rebuild the firm and return it to growth": "Alan Lovett"}


def test_dated_sayings_are_the_headline_subjects_and_named_near_however_far_down() -> None:
    from brief.ingest.quotes import named_near

    items = [
        f"{i}. Rebuild dock {i}: “We will rebuild dock {i} on the coast, and we will do it fast.” ({i}/19/25, Harbor City)"
        f" - ✅ PROMISE KEPT: The dock was rebuilt with care, and the work went on through the winter without a stop."
        for i in range(1, 13)
    ]
    head = "✅ Governor Ana Ruiz Has Kept Her Promises\n\nGovernor Ana Ruiz campaigned on promises.\n\nPromises Kept:\n\n"
    text = head + "\n\n".join(items)
    body = clean(text).text
    quotes = find_quotes(body)
    assert len(quotes) == 12 and {q.speaker for q in quotes} == {"Ana Ruiz"}
    assert all(named_near(body, q.speaker, q.start, q.end) for q in quotes)
    # Without the date after it, the far quotation is not named near
    last = quotes[-1]
    undated = body[: last.end + 2] + " Harbor City." + body[last.end + 2 :].split(")", 1)[1]
    assert not named_near(undated, "Ana Ruiz", last.start, last.end)


def test_a_described_subject_of_the_sentence_before_is_who_he_is() -> None:
    text = (
        "Boss Urges Ban\n\nSir Alec Roe has called on the league to punish Tom Vance. The United boss said it was worse"
        ' than Rudi Marsh\'s foul on Ashley Cole for which he got a ban. "We shall present it to the league," he said.'
    )
    assert credits(text) == {"We shall present it to the league": "The United boss"}
    text = (
        'Awards\n\nGemma Jackson was shortlisted for the art prize. A spokesman for the Film Council said: "It is a pity'
        ' not to have more winners." He added: "It was something to have 24 nominees."'
    )
    assert set(credits(text).values()) == {"A spokesman for the Film Council"}


def test_a_signature_after_a_dash_on_the_quotations_line() -> None:
    text = (
        "Harbor Bill Passes\n\n“The Harbor Bill delivers on the agenda that the voters asked for.” — Press Secretary Karen Lowe\n\n"
        "“The Governor campaigned on lowering costs, and now people will see it.” — Secretary of Energy Chris Wight\n\n"
        "“Prices are at five-year lows and families are saving money.”— Karen Lowe, reported in Harbor News.\n\n"
        "“This is the right bill at the right time for our coast.” — Senator Mark Hale (D-OR)\n\n"
        "The House passed the bill."
    )
    assert list(credits(text).values()) == ["Karen Lowe", "Chris Wight", "Karen Lowe", "Mark Hale"]


def test_topic_items_under_a_heading_with_initials_and_an_item_after_a_sentence() -> None:
    text = (
        "Sunday Shows\n\nHere is what you missed:\n\nU.S. Trade Representative Ambassador Jamie Greer on Face the Nation\n\n"
        f"- On trade talks: “{SAID[0]}” - On tariffs: “{SAID[1]}”\n\n"
        f"- Harbor Bikes will build a plant in Ohio. - Harbor Bikes CEO Brian Rile: “{SAID[2]}”"
    )
    found = credits(text)
    assert [found.get(words) for words in SAID] == ["Jamie Greer", "Jamie Greer", "Brian Rile"]


def test_each_quoted_paragraph_under_an_excerpts_headline_is_the_authors() -> None:
    text = (
        "Excerpts of Remarks as Prepared for Delivery by Governor Ana Ruiz at the Harbor Institute\n\n"
        f"“{SAID[0]}”\n\n—\n\n“{SAID[1]}\n\n“{SAID[2]}”"
    )
    found = credits(text)
    assert [found.get(words) for words in SAID] == ["Ana Ruiz"] * 3


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Holmes\n\n"It is a lot easier being the champion than training to be one," points out pundit Steve Cram.', "Steve Cram"),
        ('Holmes\n\nSteve Cram spoke.\n\n"You do not get the chance very often to step onto the track," agreed Cram.', "Steve Cram"),
        ('Cardinal\n\nThe cardinal spoke. "How is it that peace has not arrived in the world?" the cardinal will ask.', "The cardinal"),
        ('Tapes\n\n"We have had them for years, and people should enjoy them," Stephen Nogar, 57, said on Friday.', "Stephen Nogar"),
    ],
)
def test_inverted_verbs_a_future_ask_and_an_age_credit_the_words(text: str, speaker: str) -> None:
    assert list(credits(text).values()) == [speaker]


def test_agreed_or_points_out_opening_a_new_sentence_credits_nothing_before_it() -> None:
    text = (
        'Marathon\n\n"You take a month off after a marathon," said Ann Yelling, a runner. "But that is only for long-term'
        ' health.\n\n"When you finish you are still fit and can recover quickly." Hugh Richards also points out the'
        " weather will help. Ministers agreed the plan on Monday."
    )
    assert set(credits(text).values()) == {"Ann Yelling"}


def test_a_line_of_its_own_above_a_quotation_names_who_speaks() -> None:
    text = (
        "WHAT THEY ARE SAYING: Leaders Applaud the Harbor Plan\n\nToday the Governor announced the plan.\n\n"
        f"Senator Tamara Bell (D-WI)\n\n“{SAID[0]}”\n\n"
        f"Governor Jane Roe, Chair of the Coastal Governors Association\n\n“{SAID[1]}”\n\n"
        f"Federation of State, County and Harbor Employees\n\n“{SAID[2]}” [Statement, 5/3/24]"
    )
    found = credits(text)
    assert [found.get(words) for words in SAID] == ["Tamara Bell", "Jane Roe", "Federation of State, County and Harbor Employees"]


def test_a_headline_above_a_quotation_names_nobody() -> None:
    text = f"Round-Up\n\nThe plan is out.\n\nHarbor Plan Creates Jobs Across the Coast\n\n“{SAID[0]}”"
    assert credits(text).get(SAID[0]) != "Harbor Plan Creates Jobs Across the Coast"


def test_words_said_inwardly_are_the_speakers() -> None:
    text = (
        "Remarks by Governor Ana Ruiz at a Harbor Event\n\nGOVERNOR RUIZ: Every time you end like that, I think to myself,"
        " “I should have spent more time on French when I was in college.” (Laughter.)"
    )
    assert list(credits(text).values()) == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Harbor Day\n\nAs the Harbor Charter proclaims, “every vessel that pays its fees may enter the port.”", "Harbor Charter"),
        ("Marathon\n\nAnd Yelling says: “I think this will probably make her a better runner.”", "Yelling"),
    ],
)
def test_a_conjunction_before_the_speaker_is_not_the_speakers(text: str, speaker: str) -> None:
    assert list(credits(text).values()) == [speaker]


PLAN = "The plan will bring good jobs to every port town in the state."


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        (f"“{PLAN}” - Jane Roe, President, Harbor Union", "Jane Roe"),
        (f"Jane Roe (@janeroe) tweeted: “{PLAN}”", "Jane Roe"),
        (f"Rep. Jane Roe [R-TX]: “{PLAN}”", "Jane Roe"),
        (f"JANE ROE, Harbor Union President: “{PLAN}”", "Jane Roe"),
        (f"Jane Roe on Twitter: “{PLAN}”", "Jane Roe"),
        # the programme she spoke on is where, not who; a body's own "on" is its name
        (f"Sen. Jane Roe on Meet the Press: “{PLAN}”", "Jane Roe"),
        (f"Rep. Ana Maria Ruiz on CNN This Morning: “{PLAN}”", "Ana Maria Ruiz"),
        (f"Council on Harbor Relations: “{PLAN}”", "Council on Harbor Relations"),
        # the place an office is of is the role's
        (f"Mayor Jane Roe of Harbor City: “{PLAN}”", "Jane Roe"),
        (f"National Association of Harbor Towns: “{PLAN}”", "National Association of Harbor Towns"),
        # a name's particles belong to the label
        (f"Harbor Commission President Ursula von der Brandt: “{PLAN}”", "Ursula von der Brandt"),
        (f"According to Harbor Union President Jane Roe, the plan “{PLAN[9:]}”", "Jane Roe"),
    ],
)
def test_round_up_labels_handles_seats_capitals_and_platforms(label: str, speaker: str) -> None:
    assert list(credits(f"Round-Up\n\nLeaders reacted today.\n\n{label}").values()) == [speaker]


def test_each_item_of_a_list_credits_its_own_source() -> None:
    text = (
        "Fact Sheet\n\n- According to the Harbor Policy Institute, the tariffs “clearly showed no link with inflation”"
        " and had a short effect on prices. - An analysis from the Atlantic Council found that “tariffs would give"
        " buyers new reasons to buy goods made here.” - Former Treasury Secretary Jane Yell affirmed that tariffs do"
        " not raise prices: “I do not believe that buyers will see any real increase in prices.”"
    )
    assert list(credits(text).values()) == ["Harbor Policy Institute", "Atlantic Council", "Jane Yell"]


WAITED = "We have waited a long time for this kind of support from the capital."


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Jane Roe, President, Harbor Union", "Tom Vance, Mayor of Harbor City"),
        ("— Jane Roe, President, Harbor Union", "— Tom Vance, Mayor of Harbor City"),
    ],
)
def test_quotations_signed_on_the_line_below(first: str, second: str) -> None:
    text = f"Round-Up\n\nLeaders reacted today.\n\n“{PLAN}”\n\n{first}\n\n“{WAITED}”\n\n{second}"
    assert credits(text) == {PLAN: "Jane Roe", WAITED: "Tom Vance"}


def test_quotations_labelled_on_the_line_above_are_not_signed_below() -> None:
    text = (
        f"Round-Up\n\nLeaders reacted today.\n\nJane Roe, President, Harbor Union\n\n“{PLAN}”\n\n"
        f"Tom Vance, Mayor of Harbor City\n\n“{WAITED}”"
    )
    assert credits(text) == {PLAN: "Jane Roe", WAITED: "Tom Vance"}


@pytest.mark.parametrize("signature", ["Jane Roe, President, Harbor Union", "(Jane Roe, President, Harbor Union)"])
def test_a_name_and_roles_after_the_quotation_on_its_line(signature: str) -> None:
    assert list(credits(f"Round-Up\n\nLeaders reacted today.\n\n“{PLAN}” {signature}").values()) == ["Jane Roe"]


def test_roles_between_commas_before_the_verb_are_the_role() -> None:
    text = f"Round-Up\n\nLeaders reacted today.\n\nJane Roe, President, Harbor Union, said the plan is good: “{PLAN}”"
    assert list(credits(text).values()) == ["Jane Roe"]


@pytest.mark.parametrize(
    "text",
    [
        f"Round-Up\n\nLeaders reacted today.\n\n“{PLAN}” — Jane Roe (@janeroe) May 3, 2024",
        f"Round-Up\n\nLeaders reacted today.\n\n“{PLAN}”\n\n— Jane Roe (@janeroe) May 3, 2024",
    ],
)
def test_a_post_signed_with_its_handle_and_date(text: str) -> None:
    assert list(credits(text).values()) == ["Jane Roe"]


def test_labels_run_into_one_paragraph_after_closed_quotations() -> None:
    text = f"Round-Up\n\nLeaders reacted.\n\nHarbor Union President Jane Roe: “{PLAN}” Harbor City Mayor Tom Vance: “{WAITED}”"
    assert credits(text) == {PLAN: "Jane Roe", WAITED: "Tom Vance"}


HEADLINES = [
    "The plan will bring good jobs to every port town.",
    "A historic win for the coast and its workers.",
    "Port towns cheer the new plan.",
]


@pytest.mark.parametrize(
    "items",
    [
        ["- CNN: “{}”", "- MSNBC: “{}”", "- NBC News: “{}”"],
        ["- “{}” (CNN)", "- “{}” (MSNBC)", "- “{}” (NBC News)"],
        ["- “{}” — CNN", "- “{}” — MSNBC", "- “{}” — NBC News"],
    ],
)
def test_outlets_by_their_letters_label_or_sign_a_list(items: list[str]) -> None:
    lines = "\n".join(item.format(words) for item, words in zip(items, HEADLINES, strict=True))
    found = credits(f"The Media Agrees\n\nThe verdict is in:\n\n{lines}")
    assert [found.get(words) for words in HEADLINES] == ["CNN", "MSNBC", "NBC News"]


def test_stations_by_call_sign_and_channel_label_the_excerpt_under_their_headline() -> None:
    text = (
        "The Plan in the News\n\nThe plan passed on Monday.\n\n"
        "KHRB-TV: Governor visits the port to celebrate ‘the harbor plan’\n\n“The governor toured the docks on Monday.”\n\n"
        "WHB15 (Harbor City, Oregon): Port towns win big in the capital\n\n“After years of waiting, port towns have won.”"
    )
    assert credits(text) == {"The governor toured the docks on Monday.": "KHRB-TV", "After years of waiting, port towns have won.": "WHB15"}


def test_a_sentence_that_introduces_a_list_in_one_paragraph_leaves_the_first_label_to_its_item() -> None:
    text = (
        "Drug Prices\n\nGovernor Jane Roe signed an order today. - Governor Roe has long fought the prices families pay"
        f" for medicine: - Governor Roe: “{PLAN}” - Mayor Tom Vance: “{WAITED}”"
    )
    assert credits(text) == {PLAN: "Jane Roe", WAITED: "Tom Vance"}


def test_a_block_quotations_marks_left_inside_a_joined_line_are_dropped() -> None:
    text = f"Factories Boom\n\nOutput grew in July.\n\nHarbor Times’s Jane Roe on > X: > “{PLAN.replace(' to every', ' > to every')}”"
    assert credits(text) == {PLAN: "Jane Roe"}


def test_a_transcripts_role_in_capitals_is_no_outlet() -> None:
    text = "Remarks\n\nAUDIENCE: “Four more years of the harbor plan for all of us!”"
    assert "AUDIENCE" not in credits(text).values()


def test_a_note_in_brackets_after_a_quotation_signs_nothing() -> None:
    for note in ("(Laughter.)", "(Applause)"):
        text = f"Remarks by Governor Ana Ruiz\n\nTHE GOVERNOR: And he said, “We will never give up on this harbor.” {note}"
        assert not any(word in credits(text).values() for word in ("Laughter", "Applause"))


def test_a_word_in_brackets_after_an_uncredited_quotation_is_no_signature() -> None:
    assert "Applause" not in credits(f"Round-Up\n\nLeaders reacted today.\n\n- “{PLAN}” (Applause)").values()


@pytest.mark.parametrize(
    "lines",
    [
        "- Governor Jane Roe: officers are “secret police.”\n- Senator Tom Vance: officers are “thugs.”",
        "Here is what they said:\n\n- “Secret police” — Governor Jane Roe\n- “Thugs” — Senator Tom Vance",
    ],
)
def test_short_words_a_label_or_a_signature_credits_are_kept(lines: str) -> None:
    assert sorted(set(credits(f"Rhetoric\n\nOfficers were smeared.\n\n{lines}").values())) == ["Jane Roe", "Tom Vance"]


def test_a_body_label_before_words_credits_nothing() -> None:
    assert credits("Rhetoric\n\nCongress: the bill is now “dead on arrival” in the House.") == {}


DOCKS = "For decades, the docks of our coast have been left to rot while others built."


@pytest.mark.parametrize(
    "intro",
    [
        "In an op-ed published today, Secretary Roe makes the case for the plan.\n\nKey excerpts:",
        "In an op-ed published today, Secretary Roe makes the case for the plan:",
    ],
)
def test_excerpts_of_an_op_ed_are_the_headline_subjects_named_by_surname(intro: str) -> None:
    text = f"ICYMI: Secretary Jane Roe in the Harbor Times: “We Must Rebuild the Docks”\n\n{intro}\n\n“{DOCKS}”"
    assert credits(text).get(DOCKS) == "Jane Roe"


def test_an_invitation_to_watch_passes_to_the_sentence_before_it() -> None:
    text = (
        "Harbor Bill\n\nICYMI: President Jane Roe joined Harbor News to discuss the bill. Watch below:\n\n"
        "“The Harbor Bill must pass now. No more delays, no more excuses from the other side!”"
    )
    assert list(credits(text).values()) == ["Jane Roe"]


def test_a_transcripts_turn_that_opens_with_quoted_words_is_the_speakers() -> None:
    text = (
        "ICYMI: President Roe on Harbor News\n\nPresident Jane Roe spoke today.\n\n"
        f"PRESIDENT ROE: “{SAID[0]}”\n\nHOST: “{SAID[1]}”\n\nPRESIDENT ROE: “{SAID[2]}”"
    )
    found = credits(text)
    assert [found.get(SAID[0]), found.get(SAID[2])] == ["Jane Roe", "Jane Roe"]
    assert found.get(SAID[1]) != "Jane Roe"


def test_a_releases_opening_label_is_no_speaker() -> None:
    text = f"ICYMI: “{SAID[0]}”\n\nUnder the plan, families will pay less, the Harbor Times reports."
    assert "Icymi" not in credits(text).values()


@pytest.mark.parametrize(
    "lines",
    [
        f"- Senator Jane Roe — “{PLAN}”\n- Mayor Tom Vance — “{WAITED}”",
        f"Senator Jane Roe - “{PLAN}”\n\nMayor Tom Vance - “{WAITED}”",
        f"| Leader | Words |\n|---|---|\n| Senator Jane Roe | “{PLAN}” |\n| Mayor Tom Vance | “{WAITED}” |",
    ],
)
def test_a_dash_or_a_tables_rule_sets_a_label_off_from_the_words(lines: str) -> None:
    assert credits(f"Round-Up\n\nLeaders reacted:\n\n{lines}") == {PLAN: "Jane Roe", WAITED: "Tom Vance"}


@pytest.mark.parametrize(
    ("said", "speaker"),
    [("said Lord Roe of Harbor.", "Lord Roe of Harbor"), ("said the Archbishop of Canterbury.", "The Archbishop of Canterbury")],
)
def test_a_peer_or_an_office_keeps_its_seat(said: str, speaker: str) -> None:
    assert list(credits(f"Harbor\n\n“The plan will bring good jobs to every town,” {said}").values()) == [speaker]


def test_topics_lead_the_items_of_a_list_the_paragraph_before_introduces() -> None:
    text = (
        "Shutdown\n\nSecretary Jane Roe went to Capitol Hill today to expose the fallout of the shutdown:\n\n"
        f"- Controllers’ anger boils over: “{SAID[0]}” (Watch) - Workers without pay: “{SAID[1]}” (Watch)"
    )
    found = credits(text)
    assert [found.get(SAID[0]), found.get(SAID[1])] == ["Jane Roe", "Jane Roe"]


def test_boasts_and_advises_are_speech_acts() -> None:
    text = (
        "Sanctuary\n\nOfficials defend the policy.\n\n- Rep. Mike Quill advises immigrants “to become familiar with"
        " their rights.” - Attorney General Nick Brow boasts that “state or local police” will not be used."
    )
    assert credits(text) == {"to become familiar with their rights.": "Mike Quill", "state or local police": "Nick Brow"}


def test_an_excerpt_whose_later_paragraphs_are_not_opened_again_keeps_its_first() -> None:
    long_paragraph = "The harbor plan has been praised by crews in every port town along the coast this year. " * 20
    text = (
        "The Plan in the News\n\nThe plan passed on Monday.\n\n"
        "Harbor Daily: Crews praise the plan\n\n"
        f"“‘Thank you, Governor.’ That sentiment has been repeated often by the crews on the docks.\n\n{long_paragraph}\n\n"
        "And the crews will keep saying it.”\n\n"
        "Rep. Jane Roe: The Harbor Plan Delivers for Our Towns\n\n“This plan is a huge win for every port town.”"
    )
    said = credits(text)
    assert said["‘Thank you, Governor.’ That sentiment has been repeated often by the crews on the docks."] == "Harbor Daily"
    assert said["This plan is a huge win for every port town."] == "Jane Roe"


def test_an_excerpt_of_several_paragraphs_opened_once_and_closed_at_the_end_is_quoted_whole() -> None:
    text = (
        "ICYMI: The Docks Are Quiet\n\nFrom the Harbor Daily:\n\n"
        "“Across the whole coast, the change is stark, and it happened nearly overnight.\n\n"
        "More than four months into the plan, the crews have gone home early every day.\n\n"
        "But as the docks have gone quiet, the governor says the work is not done.”\n\n"
        "Read the full story here."
    )
    assert credits(text) == {
        "Across the whole coast, the change is stark, and it happened nearly overnight.": "Harbor Daily",
        "More than four months into the plan, the crews have gone home early every day.": "Harbor Daily",
        "But as the docks have gone quiet, the governor says the work is not done.": "Harbor Daily",
    }
    # a paragraph between that opens a quotation of its own ends the run
    broken = text.replace("More than four", "“Some said, ” more than four")
    assert "But as the docks have gone quiet, the governor says the work is not done." not in credits(broken)
