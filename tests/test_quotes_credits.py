"""Quotations credited in the ways found on documents the rules were not written against: two
fragments in one sentence, a passive agent after the words, a description that speaks, "it" for
the body that spoke last, a speaker's own "quote", a signature under a statement, a flattened
quotation of several paragraphs; and people named by one word beside a role, a relative pronoun
or a person named in full. Every text is made up."""

from __future__ import annotations

import pytest

from brief.ingest.clean import clean
from brief.ingest.extract import find_people, find_quotes
from conftest import credits


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # Two fragments of one sentence: the second keeps the speaker of the first, and a speech
        # act's named subject beats the speaker of the sentence before.
        (
            'Tom Hale claimed the rivals would "cut" £5bn from schools. Party chair Lena Fox accused him of '
            '"plain dishonesty and a reckless smear" and said the "panic" was showing.',
            "plain dishonesty and a reckless smear",
            "Lena Fox",
        ),
        (
            'Tom Hale claimed the rivals would "cut" £5bn from schools. Party chair Lena Fox accused him of '
            '"plain dishonesty and a reckless smear" and said the "panic" was showing.',
            "panic",
            "Lena Fox",
        ),
        (
            'The rules have been described as "reckless" and "cruel" by the Harbor Tenants Union.',
            "cruel",
            "Harbor Tenants Union",
        ),
        (
            'Tom Hale went to Leeds University in 1970. He said: "I do not regret a single day of it."',
            "I do not regret a single day of it.",
            "Tom Hale",
        ),
        (
            'In a statement the Harbor Trust said it had grave concerns. "We doubt the plan can be delivered safely," it said.',
            "We doubt the plan can be delivered safely",
            "Harbor Trust",
        ),
        (
            "I will close with words from Captain Rosa Quint. And she said, and I’ll quote, “There are only two "
            "kinds of sailors in the world.”",
            "There are only two kinds of sailors in the world.",
            "Rosa Quint",
        ),
        (
            "The Harbor Pact was signed in 1950—President Alan Truby said, “if there is one certainty, it is the will of the people.”",
            "if there is one certainty, it is the will of the people.",
            "Alan Truby",
        ),
        (
            '"Our mission was always to serve every reader," said Harbor spokeswoman, Berit Hanson.',
            "Our mission was always to serve every reader",
            "Berit Hanson",
        ),
        (
            '"These gains now outweigh the risks," wrote S&P credit analyst Lisa Brandt.',
            "These gains now outweigh the risks",
            "Lisa Brandt",
        ),
        # A readout's line of who said what: the name, the roles after commas, a colon.
        (
            "Tom Palmer, President and CEO, Harbor Mining Company: “We were glad to join today’s talks on the law.”",
            "We were glad to join today’s talks on the law.",
            "Tom Palmer",
        ),
        # The possessive's object is not the subject of "vowed"; the surname is, completed.
        (
            'Coach Harry Redd left the club last week. Redd, 57, quit his Fratton Park post in May and vowed: "I will '
            'not go down that road at all."',
            "I will not go down that road at all.",
            "Harry Redd",
        ),
        # "the news and claimed": a description never ends in "and".
        (
            'Club chairman Milan Marek said he was "disappointed" by the news and claimed the coach had talked to rivals for "some time".',
            "some time",
            "Milan Marek",
        ),
        (
            'Rowing\'s ruling body the IRF said the reasons given by the pair were "unacceptable".',
            "unacceptable",
            "IRF",
        ),
        (
            'In a further sign, the House of Commons authorities have told MPs their offices will be "deep cleaned".',
            "deep cleaned",
            "House of Commons authorities",
        ),
        # An opening adverb before the subject and its comma; an aside between spaced hyphens;
        # "it" after a sentence that ends in an acronym, and for a body whose name starts with a
        # common capitalised word.
        (
            'Overall, Northern Bank said that "the basic conditions of the market remain sound".',
            "the basic conditions of the market remain sound",
            "Northern Bank",
        ),
        (
            'Meanwhile, France\'s finance minister has said the world faced "economic catastrophe" unless it acted.',
            "economic catastrophe",
            "France's finance minister",
        ),
        (
            'But Northern Bank - which has a fifth of the market - said that growth "will go on this year".',
            "will go on this year",
            "Northern Bank",
        ),
        (
            "Paul Myers, chief executive of Wippet - a service which sells downloads - believes firms must stop giving "
            '"oxygen to the pirates who sell copies".',
            "oxygen to the pirates who sell copies",
            "Paul Myers",
        ),
        (
            'Sales slowed in the UK. Acme said the UK market had been "difficult". "By late summer, the market had '
            'cooled across the country," it added.',
            "By late summer, the market had cooled across the country",
            "Acme",
        ),
        (
            'Overall, Northern Bank said profits rose. "Rates are likely to stay low for a while," it said.',
            "Rates are likely to stay low for a while",
            "Northern Bank",
        ),
        # A short quotation after a speech act of a pronoun, a description or people described; a
        # clause's own subject right before the verb; the time between a description and its verb.
        (
            'Mr Blair spoke to the BBC. He admitted to a "sense of irritation" about the claims.',
            "sense of irritation",
            "Blair",
        ),
        (
            'Ann Lee spoke first. But the prime minister said he had seen the claims and dismissed them as a "load of rubbish".',
            "load of rubbish",
            "The prime minister",
        ),
        (
            'In the history prize Jane Roe won. The judges called it "a vivid and readable piece of research".',
            "a vivid and readable piece of research",
            "The judges",
        ),
        (
            'Tony Wilson ran the label. He had at first been reluctant, saying he "hated" young acts rapping.',
            "hated",
            "Tony Wilson",
        ),
        (
            "Coach Andy Robson named the side. Matt Tate, given little chance to shine, won praise from Robson, even if "
            'the coach admitted the ground was an "unforgiving place" for him.',
            "unforgiving place",
            "Andy Robson",
        ),
        (
            "Mr Renner spoke. However, Peter Zombic, the managing director of the Federation of Music Industry in Germany, "
            'said he did not feel the slump was as "dramatic" as Mr Renner believed.',
            "dramatic",
            "Peter Zombic",
        ),
        (
            'Ann Lee spoke. The prime minister on Sunday said the rules would be "toughened up" this year.',
            "toughened up",
            "The prime minister",
        ),
        # A colon after what the subject has long done or was ("has been clear:", "was blunt:").
        (
            "The law made the credit permanent. - President Tom Lee has long championed bigger families: "
            '"Because we want more children in this country."',
            "Because we want more children in this country.",
            "Tom Lee",
        ),
        (
            'Governor Ann Lee was blunt: "This plan is dead on arrival in our state."',
            "This plan is dead on arrival in our state.",
            "Ann Lee",
        ),
        # "He" after a party named as what it is ("the Lib Dems as the opposition"), not a person.
        (
            "Carl Kenning is far too canny to make claims. His pitch is built on the Lib Dems as the real opposition. "
            'He is prepared to go this far: "A clear conclusion has been reached that the Tories will not win."',
            "A clear conclusion has been reached that the Tories will not win.",
            "Carl Kenning",
        ),
        # "They" for people described in the plural, when nobody is named since; "as they say" is
        # a saying, nobody's words.
        (
            "Families of crash victims are urging lawmakers to pass the port bill. ‘We have waited long enough for the "
            "harbor to be safe,’ they said in an open letter.",
            "We have waited long enough for the harbor to be safe",
            "Families of crash victims",
        ),
        (
            "Rosa Diaz wrote the plan. Ministers deny they were pushed into it. Instead, they say the plans are part of "
            'an "evolving" process.',
            "evolving",
            "Ministers",
        ),
        # A role of modifiers and a web address before "told", without its closing comma; "quoted …
        # as saying" with a description or an unnamed source; "it" for the last body a sentence
        # before names, past a sentence whose subject names none.
        (
            'Local markets could help. "What we propose is a civic commons," Will Dane, senior research fellow at the '
            "Harbor Institute told the BBC.",
            "What we propose is a civic commons",
            "Will Dane",
        ),
        (
            'Sony led. "It is very good news for the console," John Holt, editor of Gamesite.com told BBC News.',
            "It is very good news for the console",
            "John Holt",
        ),
        (
            'Traders were wary. "The chief would be failing his duty if he did not talk to rivals," Reuters quoted one trader as saying.',
            "The chief would be failing his duty if he did not talk to rivals",
            "One trader",
        ),
        (
            'Qantas cut costs. "We need the lowest cost structure we can get," the newspaper quoted Qantas chief '
            "executive Geoff Dane as saying.",
            "We need the lowest cost structure we can get",
            "Geoff Dane",
        ),
        (
            "Work ran late at builder Multiplex. Multiplex will have to win claims against its suppliers. These claims "
            'could take two years. "Multiplex believes its claims are sound," it said.',
            "Multiplex believes its claims are sound",
            "Multiplex",
        ),
        # A body described, the subject of a speech act long before a short quotation.
        (
            "Volkswagen is weighing a plant in India. The German giant said it was studying the chance of opening an "
            'assembly plant in the country, but that it remained only a "potential" idea.',
            "potential",
            "The German giant",
        ),
        (
            'A harbor expert has told the inquiry that the new rules were an "absolute disaster" for the port.',
            "absolute disaster",
            "A harbor expert",
        ),
        # A subject with a long apposition and clause before its speech act.
        (
            "The panel urged longer sentences. Lord Condor, head of the Harbour Sailing Council's anti-fraud unit, who "
            "originally made the public call for much longer prison sentences, said the two-year penalty was "
            '"derisory".',
            "derisory",
            "Condor",
        ),
        (
            'Japan is ageing. "Japan has never liked that option, but it is becoming more plausible," insists Mr Wood.',
            "Japan has never liked that option, but it is becoming more plausible",
            "Wood",
        ),
        (
            'Sir Digby Jones spoke. His message to the chancellor was: "Please do not give it away in electioneering."',
            "Please do not give it away in electioneering.",
            "Digby Jones",
        ),
        # A role or a description after the words that holds a curly apostrophe.
        (
            '"We will build the new port this year," Jon Podell, President Lee’s senior adviser, told reporters.',
            "We will build the new port this year",
            "Jon Podell",
        ),
        (
            '"We will build the new port this year," the President’s senior adviser Jon Podell said.',
            "We will build the new port this year",
            "Jon Podell",
        ),
        (
            "The bill passed. “We will build the new port this year,” said Secretary Ana Roe’s spokesperson.",
            "We will build the new port this year",
            "Secretary Ana Roe’s spokesperson",
        ),
        # A body named in common words; a participle of declaring; a description with a capitalised
        # word ("The Tory leader brands …").
        ('The study says incomes fell. The Treasury dismissed the research as "complete rubbish".', "complete rubbish", "Treasury"),
        (
            'Carl Kenning was in buoyant mood, declaring the Tories were not going to be "significant players" in the poll.',
            "significant players",
            "Carl Kenning",
        ),
        (
            'Tory leader Michael Hawes spoke. The Tory leader brands such criticism as "absolutely rubbish", arguing he has '
            "been consistent.",
            "absolutely rubbish",
            "Michael Hawes",
        ),
        (
            "Ericsson made a profit. Carl-Henric Svane, the chief executive, spoke. Mr Svane, however, warned that the "
            'extra demand that had driven 2004 sales had already dissipated and it was "business as usual". He added that '
            'sales in the first three months of 2005 would be subject to "normal seasonality".',
            "normal seasonality",
            "Carl-Henric Svane",
        ),
        # A passive agent described before the name, and "called the …" without "as".
        (
            'Cyril Fetch was described as a "consummate professional" by his friend and fellow broadcaster Mike Point.',
            "consummate professional",
            "Mike Point",
        ),
        (
            'Depp charmed them. He was called the "fifth child of the group" by the film\'s director Marc Forst.',
            "fifth child of the group",
            "Marc Forst",
        ),
        (
            'Mr Sigar was jailed. Mr Sigar\'s lawyer labelled the court "illegal and incompetent".',
            "illegal and incompetent",
            "Mr Sigar's lawyer",
        ),
        # Two roles between commas after the name, before the verb.
        (
            '"We need far more storage for every film," Ivo Marsh, from Harbor Optics\' laboratory, '
            "one of the makers of the disc, told reporters.",
            "We need far more storage for every film",
            "Ivo Marsh",
        ),
        # "and" inside a body's name that describes the speaker.
        (
            'A Department for Docks and Harbors source said: "Every crew on the eastern docks counts."',
            "Every crew on the eastern docks counts.",
            "A Department for Docks and Harbors source",
        ),
        # A role that ends in a body's name, without its closing comma.
        (
            'Mark Roe, the leader of the Harbor Workers Union said: "Last year we lost a thousand jobs on the docks."',
            "Last year we lost a thousand jobs on the docks.",
            "Mark Roe",
        ),
        # "the MP": a role noun, so the person the text named, not a headline's words.
        (
            "Sacked MP Ivo Marsh's local association has dropped him.\n\nMr Marsh says he will stay. "
            'The MP, who is consulting his lawyers, said: "They chose me and they can drop me."',
            "They chose me and they can drop me.",
            "Ivo Marsh",
        ),
        # "its report" after a body described, not named, in the sentence before: by the name given earlier.
        (
            "Gifts to parties reached £68m, the Harbor Safety Commission found. "
            "There were few large gifts. The commission says a cap would cost more. "
            '"While we are not opposed to a cap, we do not think it sensible now," says its report.',
            "While we are not opposed to a cap, we do not think it sensible now",
            "Harbor Safety Commission",
        ),
        # A party's title before the name is a role: "Tory MP Ivo Marsh".
        ('"We will not apologise for the docks," said Tory MP Ivo Marsh.', "We will not apologise for the docks", "Ivo Marsh"),
        # "They" for the party named in the plural before, with "have said".
        (
            'The harbor bill is expected to be opposed by the Liberal Democrats.\n\nThey have said the scheme is "deeply flawed".',
            "deeply flawed",
            "Liberal Democrats",
        ),
        # An attribution set off inside the sentence, the verb first.
        (
            "The rules were passed late, the Harbor Affairs Committee found.\n\n"
            'As a result, says the committee, ministers may need to act again to "remove ambiguity" over fees.',
            "remove ambiguity",
            "Harbor Affairs Committee",
        ),
        # A described speaker at the sentence's end, after words that describe nothing.
        (
            'The Tories have been "a lot smarter" in the way they have run the harbor campaign, a Labour backbencher has said.',
            "a lot smarter",
            "A Labour backbencher",
        ),
        # Two quotations in one sentence, credited at its end; a portfolio with "and" in it.
        (
            'The "myth that age is a barrier" to work needs to be "exploded", the work and pensions minister has said.',
            "myth that age is a barrier",
            "The work and pensions minister",
        ),
        # Whole sentences quoted after one of the two sentences before reports someone's speech.
        (
            "Ivo Marsh, from Harbor Optics, told reporters there are two steps. The harder one is the first.\n\n"
            '"The answer is to pair what the crew knows with what the crew carries."',
            "The answer is to pair what the crew knows with what the crew carries.",
            "Ivo Marsh",
        ),
        (
            "In a statement, the Harbor Works Office said it was reviewing the plan. "
            '"Unions will of course be consulted about every change." The plan is due in May.',
            "Unions will of course be consulted about every change.",
            "Harbor Works Office",
        ),
        # "He" after a person's spokesman, described by the person's name; an apposition is no other speaker.
        (
            "On Monday, Ivo Marsh's official spokesman declined to say whether the minister backed the plans. "
            'He said: "What matters is that the process goes on, so let us wait for it to end."',
            "What matters is that the process goes on, so let us wait for it to end.",
            "Ivo Marsh's official spokesman",
        ),
        (
            "Harbor Mining made the announcement about its new crane software during a call to financial analysts "
            "to talk about its first quarter results. Tom Lowe, Harbor Mining's chief financial officer said a test "
            "version of its crane software should be ready by the end of the year.\n\n"
            '"We are going to have a great race between the three ports," he said.',
            "We are going to have a great race between the three ports",
            "Tom Lowe",
        ),
        # A word quoted in the sentence that goes on reporting the sentence before.
        (
            "Ivo Marsh argued the only test for his plan was whether it was best for the docks. "
            'It had nothing to do with putting "clear blue water" between himself and his rivals.',
            "clear blue water",
            "Ivo Marsh",
        ),
        # "X quoted a central bank official as saying": a description of three words.
        (
            'The old coins were withdrawn. "It is above all a question of pride," Harbor Wire quoted a central bank official as saying.',
            "It is above all a question of pride",
            "A central bank official",
        ),
        # An aside that says where the speaker works.
        (
            'The ministers\' remarks, said Ivo Marsh of Harbor Bank in Tokyo, were "generally too weak to move the market".',
            "generally too weak to move the market",
            "Ivo Marsh",
        ),
        # "it" for a body of five capitalised words, the subject of a sentence before.
        (
            "The North Harbor Dock Works Corp could now face a fine. Last week, it denied any breach. "
            '"The corporation has always kept to the law in building our docks," it said.',
            "The corporation has always kept to the law in building our docks",
            "North Harbor Dock Works Corp",
        ),
        # "She said that …" reports; the whole sentences quoted next are hers.
        (
            "A Harbor Board spokeswoman said Ana Roe would stay on. She said that the timetable was still to be decided. "
            'The new ferry will run on Sundays. "Hopefully the crews will find it on the early shift."',
            "Hopefully the crews will find it on the early shift.",
            "A Harbor Board spokeswoman",
        ),
        # "he" for the one person named only as an owner.
        (
            "Ivo Marsh's job as harbor master is not for the faint-hearted.\n\n"
            'This year marks Marsh\'s tenth season at the docks. "The excitement is the first ship of the spring," he says.',
            "The excitement is the first ship of the spring",
            "Ivo Marsh",
        ),
        # Words in the first person, run into a sentence that opens with a described person.
        (
            'Harbor Foods sells salads now. Chief executive Ivo Marsh attributed a rise in sales to the "vitality of our menu".',
            "vitality of our menu",
            "Ivo Marsh",
        ),
        # A spokesman described by the body, with nobody given that role: as described.
        (
            'The harbor summit agreed to a new fund. "The fund is voluntary and will help the smaller ports," said the HPA spokesman.',
            "The fund is voluntary and will help the smaller ports",
            "The HPA spokesman",
        ),
        # ... and the person given the role, when the text gave it to someone.
        (
            "Chairman Ivo Marsh says he cannot afford to sack the coach. "
            'But the Harbor chairman added: "After they spoke to their lawyer, they withdrew from the deal."',
            "After they spoke to their lawyer, they withdrew from the deal.",
            "Ivo Marsh",
        ),
        # "For X, …:": whose view the sentence gives.
        (
            'Courts now accept phone photos as evidence. For Ivo Marsh, this is progress: "I can see that happening a lot more."',
            "I can see that happening a lot more.",
            "Ivo Marsh",
        ),
        # "It added" after a body described with its owner.
        (
            'The harbor minister\'s office said auditors had found "gaps in the payroll". '
            'It added that the staff in question "appear to have received pay they did not earn".',
            "appear to have received pay they did not earn",
            "The harbor minister's office",
        ),
        # "is the dry assessment of": the quotation is the named person's judgement.
        (
            '"The voters like the plan more than the crews do," is the dry assessment of Ivo Marsh, leader of the dock group.',
            "The voters like the plan more than the crews do",
            "Ivo Marsh",
        ),
        # One description after the mark: "the chief executive of a leading carmaker", or the name after it.
        (
            '"In five years the dollar will be stronger than it is today," the chief executive of a leading harbor firm told reporters.',
            "In five years the dollar will be stronger than it is today",
            "The chief executive of a leading harbor firm",
        ),
        (
            '"We have hardly started to reach every port," the new chair of the Harbor Standards Board (HSB), Ivo Marsh, said.',
            "We have hardly started to reach every port",
            "Ivo Marsh",
        ),
        # "and" between a day and a name is no part of a body's name; a body is no person before a role.
        (
            'The two clubs met the Harbor FA on Monday and Marsh added: "We thought about calling the game off but found no precedent."',
            "We thought about calling the game off but found no precedent.",
            "Marsh",
        ),
        (
            "As the press shouted to me as I got off Harbor One, the Republican leader of the House said, "
            '"Whatever she proposes is dead on arrival."',
            "Whatever she proposes is dead on arrival.",
            "The Republican leader of the House",
        ),
        # A paragraph that is one quotation, ending in a question quoted inside it, goes on from the speaker before.
        (
            'Tory chairman Liam Vance said the plans showed the minister was "terrified of facing scrutiny".\n\n'
            "\"At a time when people want openness, this government hides - it begs the question, 'What have they got to hide?'\" "
            "The election is expected in May.",
            "At a time when people want openness, this government hides - it begs the question, 'What have they got to hide?'",
            "Liam Vance",
        ),
    ],
)
def test_a_quotation_is_credited_to_who_said_it(text: str, words: str, speaker: str) -> None:
    assert credits(text).get(words) == speaker


def test_an_opening_adverb_is_no_speaker_and_the_quotation_goes_on() -> None:
    found = credits(
        'Mark Rudd led the protest. "We will not move," he said. "This is our home and we stay." Later, the '
        "mayor's chief spokesman urged calm."
    )
    assert found["This is our home and we stay."] == "Mark Rudd"


def test_he_after_a_described_speaker_is_that_speaker() -> None:
    found = credits(
        "Rosa Quint said the plan was sound. Later, the city's chief spokesman urged patience, and the "
        'work would start soon, the spokesman said.\n\n"Crews are ready and the money is in place. "We begin on Monday," he added.'
    )
    assert found["Crews are ready and the money is in place."] == "The city's chief spokesman"
    assert found["We begin on Monday"] == "The city's chief spokesman"


def test_a_statement_that_is_one_quotation_is_its_authors() -> None:
    found = credits(
        'Statement from Secretary of State Ana Ruiz\n\n"Tonight the talks ended without agreement. We remain ready to help both sides."'
    )
    assert found["Tonight the talks ended without agreement. We remain ready to help both sides."] == "Ana Ruiz"


def test_a_quotation_signed_under_a_dash_is_the_signers() -> None:
    found = credits(
        "Statement on the jobs report\n\nThe office released this today.\n\n\"Today's report shows the economy is "
        'far stronger than anyone expected."\n\n– Dana Pruitt'
    )
    assert found["Today's report shows the economy is far stronger than anyone expected."] == "Dana Pruitt"


def test_a_flattened_quotation_of_several_paragraphs_keeps_the_speaker() -> None:
    found = credits(
        'Coach Tom Hale defended the squad. "I want to be clear about this," he said.\n\n'
        '"The first point is about money. "The second point is about time in camp. "The third point ends it."'
    )
    assert found["The first point is about money."] == "Tom Hale"
    assert found["The third point ends it."] == "Tom Hale"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rock singer Marlo won best newcomer at the awards on Sunday.", "Marlo"),
        ("Our thoughts turned to Delphine, who we have met many times, and to her family.", "Delphine"),
        ("Rosa Quint said the team played well. Goals came from Rosa Quint and Tavi, both in the second half.", "Tavi"),
        ("I want to thank Debbie Stavros. Where are you? She has been with us from the start.", "Debbie Stavros"),
        ("It is my honor to introduce our next speaker, Samara Doyle. She runs the shelter.", "Samara Doyle"),
        ("AIDE: Let’s go to Jennifer Jakes from the Daily Post.\n\nQ Thank you.", "Jennifer Jakes"),
        ("AIDE: Let’s go to Molly from the Daily Post.\n\nQ Thank you.", "Molly"),
        ("Q But if you believe Pavlov has made up his mind, what leverage is left?", "Pavlov"),
        ("Dara Quinn, Lena Fox and Tom Hale were shortlisted. Tom Hale, who won, thanked the jury.", "Dara Quinn"),
    ],
)
def test_a_person_named_by_one_word_greeted_called_on_or_listed(text: str, name: str) -> None:
    assert name in find_people(clean(text).text)


def test_one_capitalised_word_beside_a_person_is_not_always_a_person() -> None:
    people = find_people(clean("Rosa Quint said the harbor was busy. However, Rosa Quint and Harbor staff agreed.").text)
    assert "However" not in people and "Harbor" not in people


def test_a_speaker_broken_off_by_a_dash_is_dropped_not_left_empty() -> None:
    """ "My aunt used to have — especially say, “…”": the words before the dash are no speaker, and
    nothing is credited to an empty name."""
    body = clean(
        "The harbor was quiet that spring. My aunt used to have — especially say, “You know, the best gift of all "
        "is the ability to forget the bad winters.”"
    ).text
    assert all(q.speaker.strip() for q in find_quotes(body, find_people(body)))


def test_i_in_a_transcript_is_the_speaker_of_the_turn() -> None:
    found = credits(
        "Remarks by President Joe Roe at a Rally\n\nTHE PRESIDENT: They said I had no right to criticize China. "
        "And I said, “Look, I am President of this country and I will speak.”"
    )
    assert found["Look, I am President of this country and I will speak."] == "Joe Roe"
    alone = credits(
        "Remarks by President Joe Roe at a Rally\n\nTHE PRESIDENT: They said I had no right. So on that day we’re "
        "going to say, “Yes, the power was with the people all along.”"
    )
    assert alone["Yes, the power was with the people all along."] == "Joe Roe"


def test_names_listed_beside_a_person_are_people_but_not_what_he_points_to() -> None:
    text = (
        'Singer Britney Spears was named best female. "This means so much to me," Spears said. She beat '
        'Anastacia, Avril Lavigne, Robbie Williams and Britney Spears for the prize. "I am thrilled," she said.'
    )
    people = find_people(clean(text).text)
    assert {"Avril Lavigne", "Robbie Williams", "Anastacia"} <= set(people)
    assert credits(text)["I am thrilled"] == "Britney Spears"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Ana liked to quote the great Reverend Gardner Tate, and his words ring true today: “Something vast and "
            "noble has passed from among us.”",
            "Something vast and noble has passed from among us.",
            "Gardner Tate",
        ),
        (
            "In the words of Seamus Harte, “hope and history can rhyme on a good day.”",
            "hope and history can rhyme on a good day.",
            "Seamus Harte",
        ),
        (
            "Section 3 of the Charter, which grants the Council the power to act, allows “such measures as it shall "
            "judge necessary,” if any.",
            "such measures as it shall judge necessary",
            "Charter",
        ),
    ],
)
def test_words_of_another_and_of_a_document(text: str, words: str, speaker: str) -> None:
    assert credits(text).get(words, "").lower().removeprefix("the ") == speaker.lower()


def test_an_apposition_is_no_list_of_people() -> None:
    people = find_people(clean("The BBC's correspondent in Jakarta, Rachel Harvey, told the programme the talks failed.").text)
    assert "Jakarta" not in people and "Rachel Harvey" in people


def test_a_speaker_named_before_a_long_run_of_quotation_is_near_it() -> None:
    from brief.speakers import speaker_named_near

    filler = "We did the work that was asked of us, and more, in every port on the coast. " * 10
    text = f'Director Dana Quill said the figures were sound.\n\n"{filler}"However, it does not mean that fees will rise."'
    at = text.index("However")
    assert speaker_named_near(text, "Dana Quill", at, at + 40)
    # A paragraph that does not open with a quotation keeps the plain window.
    plain = f"Director Dana Quill said the figures were sound.\n\nThe board met. {filler} Then came “a sharp rise in fees.”"
    at = plain.index("a sharp rise")
    assert not speaker_named_near(plain, "Dana Quill", at, at + 20)


def test_people_listed_after_a_plural_role() -> None:
    people = find_people(
        clean(
            "Harbor Rail managers Anton Wade and Nico Jaffe, and Railco managers Alia Cook, Sean Fugate and Kit Lea "
            "all face charges. The dinner was hosted by deputy PM Joan Prest in May."
        ).text
    )
    assert {"Anton Wade", "Nico Jaffe", "Alia Cook", "Sean Fugate", "Kit Lea", "Joan Prest"} <= set(people)
    assert "Railco" not in people  # the word before "managers" names their employer


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # what someone called a thing, a title's stop inside the sentence
        (
            "Judge Ada Bright spoke at the hearing. She said the city had torn down what Dr. Bright called “walls of neglect,” "
            "and had left the “rubble” behind.",
            "walls of neglect",
            "Ada Bright",
        ),
        ("Fans of Elsa Marr know the sound. The genre is in what Marr calls its “teenage years”.", "teenage years", "Elsa Marr"),
        # a few words after a speech verb in the same sentence, a pronoun for the last person named
        (
            "Lord Pym, the reviewer of the laws, spoke on Monday. He said the ruling was an “embarrassment” for ministers.",
            "embarrassment",
            "Pym",
        ),
        ("But Mr Corr denied it amounted to a “crisis of trust”.", "crisis of trust", "Corr"),
        # a peer's seat is part of the name; a closing mark lost at a paragraph's end
        (
            'Lord Vance of Tarbet, in his ruling, said: "Detention without trial has no place in a free country.\n\n'
            "The ministers will reply next week.",
            "Detention without trial has no place in a free country.",
            "Lord Vance of Tarbet",
        ),
        # a paragraph that opens a quotation which goes on goes on with the last speaker
        (
            'Mira Olsen joined the club in May. "The whole club is new now," she said.\n\n'
            '"Everything is new and there is a hunger to win. "Since the final we have grown." Olsen has won six titles.',
            "Everything is new and there is a hunger to win.",
            "Mira Olsen",
        ),
        # a reporter's "you said" is the answerer's words
        (
            "Remarks by President Joe Roe\n\nQ Mr. President, do you regret calling the rivals “cowards” last year?\n\n"
            "THE PRESIDENT: I regret nothing.",
            "cowards",
            "Joe Roe",
        ),
    ],
)
def test_names_for_things_short_words_after_a_verb_and_questions(text: str, words: str, speaker: str) -> None:
    assert credits(text).get(words) == speaker


def test_a_what_called_name_does_not_go_on_to_the_sentences_other_quoted_words() -> None:
    # The caller's name for one thing is his; the sentence's other quoted words are its speaker's,
    # as annotators credit them.
    found = credits(
        "Judge Ada Bright spoke at the hearing. She said the city had torn down what Dr. Tom Kingsley called “walls of "
        "neglect,” and had left the “rubble” behind."
    )
    assert found == {"walls of neglect": "Tom Kingsley", "rubble": "Ada Bright"}


def test_a_common_given_name_makes_a_person_of_a_passing_mention() -> None:
    people = find_people(
        clean(
            "The first leg ended 3-1, with two goals from Tore Ande Flovik and one by Gianfranco Zolani. He was signed "
            "by Ruud Gullivan and later played alongside the likes of Frank Leboeuf-Marin, Josep Guardano and Titi Kamara. "
            "The Adam Smith Lecture and the Catherine Tate Show were both cancelled."
        ).text
    )
    assert {"Gianfranco Zolani", "Ruud Gullivan", "Josep Guardano"} <= set(people)
    assert not {"Adam Smith Lecture", "Catherine Tate Show", "Adam Smith", "Catherine Tate"} & set(people)


def test_as_they_say_is_a_saying() -> None:
    text = 'Ann Lee led the class. Lots of classes beat Navy. As they say in Delaware, "You done good, all of you."'
    assert "You done good, all of you." not in credits(text)


def test_a_short_quotation_after_a_sentence_that_ends_in_a_quotation() -> None:
    found = credits(
        'In an interview, Mr Blair said: "When you get to the top you get a swell around you. "All sorts of people make '
        'claims and counter-claims." He admitted to a "sense of frustration" about the allegations which he said had been made '
        '"countless times".'
    )
    assert found["sense of frustration"] == "Blair"


def test_a_so_called_name_is_no_quotation() -> None:
    text = 'Mayor Ann Lee said the city would help, but politicians in so-called "sanctuary" towns had their way.'
    assert "sanctuary" not in credits(text)


def test_two_apostrophes_are_a_double_quotation_mark() -> None:
    found = credits("Newry lost. ''A law firm will put our case to the board,'' said Newry boss Roy Mack. ''This is big.''")
    assert found == {"A law firm will put our case to the board": "Roy Mack", "This is big.": "Roy Mack"}


def test_he_after_a_role_the_text_gave_someone_is_that_person() -> None:
    found = credits(
        "Migrants must pass a test, Home Secretary Carl Clark has said. Tory Liam Fax said his party offered a "
        '"clear choice". The home secretary said he wanted everyone to be fingerprinted. Speaking on the radio, he '
        'said "economic migrants are of great value to this country", but stressed policing.'
    )
    assert found["economic migrants are of great value to this country"] == "Carl Clark"


def test_a_long_role_with_an_apostrophe_before_said_and_a_colon() -> None:
    found = credits(
        "The guide lists each program.\n\nIn a letter at the start of the guide, Jon Podell, President Lee’s Senior "
        "Advisor for Clean Energy Innovation and Implementation, said:\n\n“When the law was signed, it changed the "
        "way we build. The law makes a historic commitment.”"
    )
    assert found == {"When the law was signed, it changed the way we build. The law makes a historic commitment.": "Jon Podell"}


def test_a_role_without_its_closing_comma_or_an_aside_between_dashes_before_the_verb() -> None:
    said = credits(
        'Harbor Board\n\nThe board met. "We are encouraged by the new direction at the docks," Ana Ruiz, HPA director said.'
        ' "We used to see street hustlers do this kind of thing," Tom Vance - then adviser to the governor - told reporters.'
        ' "Now officials are doing it."'
    )
    assert said == {
        "We are encouraged by the new direction at the docks": "Ana Ruiz",
        "We used to see street hustlers do this kind of thing": "Tom Vance",
        "Now officials are doing it.": "Tom Vance",
    }


def test_an_inverted_verb_before_some_or_many_of_a_kind() -> None:
    said = credits('Talks\n\n"It will not work," say many in the harbor industry. "It never has."')
    assert said == {"It will not work": "Many in the harbor industry", "It never has.": "Many in the harbor industry"}


def test_a_form_of_address_is_no_role_and_what_comes_before_it_is_no_title() -> None:
    body = clean(
        'The plan was unveiled. And on Thursday Mr Vane is saying: "I want to talk about prosperity for every family."'
        ' "It is a good plan for the country," Chancellor Mr Brook said.'
    ).text
    people = find_people(body)
    assert people["Vane"] is None and people["Brook"] == "Chancellor"
    found = [(q.speaker, q.role) for q in find_quotes(body, people)]
    assert found == [("Vane", None), ("Brook", "Chancellor")]


def test_someones_kin_named_after_the_words_with_an_age() -> None:
    body = clean(
        "The tapes hold banter between the band and engineer Thorne Nagel.\n\n"
        '"We have had them for a lot of years, and people should enjoy them," Nagel\'s son Stephen, 57, said.'
    ).text
    assert [(q.speaker, q.role) for q in find_quotes(body, find_people(body))] == [("Stephen", "Nagel's son")]


def test_a_quotation_paragraph_after_a_credited_one_goes_on_when_its_stop_is_outside_the_mark() -> None:
    said = credits(
        'Talks\n\nFormer union leader Sir Bill Moss has accused both parties of a "bidding war over who can be harshest".'
        '\n\n"My concern is that fringe parties will exploit this and spread a lot of fear". It is that concern that counts.'
    )
    assert said["My concern is that fringe parties will exploit this and spread a lot of fear"] == "Bill Moss"


def test_remarks_as_a_speech_verb() -> None:
    said = credits('The archive\n\nShelves run for miles. As Mr Prior remarks as we walk: "All human life is here."')
    assert said == {"All human life is here.": "Prior"}


def test_a_paragraph_of_narration_naming_no_one_goes_on_with_the_speaker_before() -> None:
    said = credits(
        'Harbor club\n\n"We must watch the quality of the product," said club director Tom Vance.\n\n'
        "The club is paying for its new ground from several sources. It is also looking for new income abroad. "
        '"We have two executives travelling round Japan at the moment building relationships."'
    )
    assert said["We have two executives travelling round Japan at the moment building relationships."] == "Tom Vance"


@pytest.mark.parametrize(
    "narration",
    [
        # someone else is named, a body reports something, or the words are introduced as a slogan
        "The club hopes to bring in Ana Ruiz from abroad. It is also looking for new income.",
        "The league said the club is looking for new income abroad.",
        "The club's new slogan will be:",
    ],
)
def test_narration_that_names_or_reports_someone_else_does_not_go_on(narration: str) -> None:
    said = credits(
        f'Harbor club\n\n"We must watch the quality of the product," said club director Tom Vance.\n\n{narration} '
        '"We have two executives travelling round Japan at the moment building relationships."'
    )
    assert said.get("We have two executives travelling round Japan at the moment building relationships.") != "Tom Vance"


def test_will_and_a_bare_speech_verb_after_the_words() -> None:
    said = credits(
        "Pitch\n\nTom Vance will make a pitch today. But the Tory leader will argue against quotas, saying they are "
        '"outdated and unjust".\n\n"It sets family against family," he will argue.'
    )
    assert said["It sets family against family"] == "Tom Vance"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a conjunction opens the sentence, not the body's name; an aside between dashes after the name
        (
            "Lending slowed. But Harbor Bank said that while rates of growth were moderating in most regions of the country "
            'this winter, the sector "continues to grow faster than the market".',
            "Harbor Bank",
        ),
        (
            "Lending slowed. Harbor Bank - which has a 22% share of the buy-to-let market - said that while rates of growth "
            'were moderating, the sector "continues to grow faster than the market".',
            "Harbor Bank",
        ),
        ('Lending slowed. But B&B said that while growth was slowing, the sector "continues to grow faster than the market".', "B&B"),
    ],
)
def test_a_body_that_reports_what_the_words_finish(text: str, speaker: str) -> None:
    assert credits(text) == {"continues to grow faster than the market": speaker}


def test_a_person_described_by_age_reports_the_words_after() -> None:
    said = credits(
        "Doping\n\nSprinter Kostas Verin blamed his coach. The 31-year-old insisted he will be happy to be charged. "
        '"If a decision is taken to file charges against me, I will accept it gladly."'
    )
    assert said == {"If a decision is taken to file charges against me, I will accept it gladly.": "Kostas Verin"}


def test_a_role_holds_a_web_address_whole() -> None:
    body = clean(
        "Games\n\nThe studio was sold. Cleo Arran, editor of fansite Halo.Harbor.Org, said: "
        '"They got everything right. They were really careful to make sure it all worked."'
        '\n\n"It was superior," said Tom Vance, editor of news site gamesharbor.biz. Shares rose.'
    ).text
    people = find_people(body)
    assert people["Cleo Arran"] == "editor of fansite Halo.Harbor.Org"
    assert [(q.speaker, q.role) for q in find_quotes(body, people)] == [
        ("Cleo Arran", "editor of fansite Halo.Harbor.Org"),
        ("Tom Vance", "editor of news site gamesharbor.biz"),
    ]


def test_he_after_an_opening_phrase_gives_the_words_after_a_colon() -> None:
    said = credits(
        "Peace\n\nGeneral Tomas Brandt knew that peace turned on the terms. Rather than demanding harsh punishment, "
        "he offered a unifying message: “The war is over. They are our countrymen again.”"
        "\n\nAna Ruiz ran the station. Before that, she was the director of its series: “Main Street”, “Harbor Hour” and “The Docks”."
    )
    assert said == {"The war is over. They are our countrymen again.": "Tomas Brandt"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The show fared badly.\n\nHarbor Broadcast magazine said: "British TV never knew how low it could go."',
            "Harbor Broadcast magazine",
        ),
        ('The show fared badly. "British TV never knew how low it could go," Harbor Times newspaper said.', "Harbor Times newspaper"),
        (
            'The show fared badly. "British TV never knew how low it could go," festival organisers said in a statement.',
            "Festival organisers",
        ),
        ('The raid was at dawn. "British TV never knew how low it could go," police said.', "Police"),
    ],
)
def test_a_publication_or_a_group_of_one_kind_speaks(text: str, speaker: str) -> None:
    assert list(credits(text).values()) == [speaker]
