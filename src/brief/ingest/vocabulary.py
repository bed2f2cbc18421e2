"""Word lists shared by the extraction of people, quotations and organisations.

Stage: extraction (a leaf: no other ingest module is imported). They hold general English usage of
news and government prose: the titles people carry, the words that head an organisation's name,
the words of portfolios and places that sit between a title and a name, the capitalised verbs of
headlines. Nothing here names a source, an outlet or a person.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A word of a name: capitalised, at most 60 characters so that a pattern tried at every word
# boundary never reads to the end of a run like "A.A.A.A..." from each one. "al-Gosaibi",
# "d'Estaing" and "deLaski" start with a lowercase particle glued to the name.
_JOINED_PARTICLES = ("al", "el", "ad", "bin", "ibn", "abu", "d'")  # glued by a hyphen or an apostrophe, or not
_GLUED_PARTICLES = ("de", "di", "da", "du", "la", "le", "van", "von")
_GLUED = rf"(?:(?:{'|'.join(_JOINED_PARTICLES)})[-’']?|(?:{'|'.join(_GLUED_PARTICLES)}))[A-ZÀ-Þ]"
CAPITAL_WORD = r"[A-ZÀ-Þ][\w'’.-]{0,59}"
NAME_WORD = rf"(?:{CAPITAL_WORD}|{_GLUED}[\w'’-]{{0,50}})"
# A capital right after a particle: where a text holds none, no glued word of NAME_WORD matches in
# it, and a pattern built on CAPITAL_WORD alone finds the same, fast, as the engine can scan for
# its capital. The first look back keeps the others to the rare capital after a particle's letter.
_GLUE_BEFORE = [p + sep for p in _JOINED_PARTICLES for sep in ("", "-", "’", "'")] + list(_GLUED_PARTICLES)
_MAY_GLUE = re.compile(
    "[A-ZÀ-Þ]"
    + f"(?<=[{re.escape(''.join(sorted({b[-1] for b in _GLUE_BEFORE})))}].)"
    + "(?:"
    + "|".join(f"(?<={re.escape(before)}.)" for before in _GLUE_BEFORE)
    + ")"
)


def may_glue(text: str) -> bool:
    """Whether a glued name word ("al-Gosaibi", "deLaski") may stand in the text."""
    return _MAY_GLUE.search(text) is not None


PARTICLE = r"(?:de|del|della|der|den|di|da|dos|das|du|la|le|van|von|bin|ibn|al|y|ter|ten)"
NAME = rf"{NAME_WORD}(?:\s+(?:{PARTICLE}\s+)?{NAME_WORD}){{0,3}}"
PARTICLES = frozenset(PARTICLE[3:-1].split("|"))

# Titles written before a name ("President Joe Biden", "Gov. Ron DeSantis", "Mr Smith").
TITLES = frozenset(
    """PM President Vice Secretary Undersecretary Under-Secretary Governor Gov. Gov Senator Sen. Sen Representative Rep. Rep
    Congressman Congresswoman Councilman Councilwoman Councillor Councilor Alderman Assemblyman Assemblywoman Delegate
    Mayor Minister Premier Chancellor Ambassador Envoy Administrator Commissioner Director Deputy Chief Chair Chairman Chairwoman
    Chairperson Co-Chair Co-Chairs Speaker Leader Whip Attorney General Gen. Lt. Lieutenant Colonel Col. Major Maj. Captain Capt.
    Sergeant Sgt. Admiral Adm. Commander Cmdr. Marshal Judge Justice Magistrate Prosecutor Sheriff Inspector Superintendent
    Detective Officer Agent Advisor Adviser Counsellor Counselor Counsel Clerk Head Spokesperson Spokesman Spokeswoman Nominee
    Member Trustee Fellow Founder Co-Founder CEO President-elect Acting Associate Assistant Principal Senior Executive Managing
    Professor Prof. Prof Dr. Dr Mr. Mr Mrs. Mrs Ms. Ms Mx. Miss Sir Dame Lord Lady Baroness Baron Earl Duke Duchess Prince Princess
    King Queen Emperor Empress Sheikh Emir Crown Pope Cardinal Archbishop Bishop Reverend Rev. Father Rabbi Imam Chef Coach
    Dean Provost Rector Treasurer Comptroller Auditor Surgeon Registrar Solicitor Barrister Lawyer Chargé First Lady Second
    Gentleman Ranking Majority Minority Former Then Interim Special Permanent Board Executive Presidents Ministers Secretaries
    Senators Governors Ambassadors Representatives Leaders Gen Lt Col Capt Sgt Adm Cmdr Maj Rev Supt Insp Det Cllr
    Coordinator Czar Negotiator Ombudsman Commandant Governor-elect Mayor-elect Senator-elect""".split()
)
# Lowercase role nouns written before a name: "Seoul resident Margie Kim", "defense minister Kim".
ROLE_NOUNS = frozenset(
    """president minister secretary spokesperson spokesman spokeswoman director chief leader official officer resident analyst
    economist lawyer attorney professor researcher scientist expert adviser advisor consultant chairman chairwoman chair founder
    executive ceo manager owner head ambassador envoy governor mayor senator lawmaker commissioner administrator prosecutor
    judge general commander activist author writer journalist reporter editor actor actress singer star director producer
    player coach captain striker midfielder defender goalkeeper student teacher doctor nurse farmer worker trader investor
    candidate nominee member trustee partner strategist historian diplomat negotiator premier chancellor colleague
    commentator anchor contributor host columnist presenter correspondent pundit blogger podcaster politician
    predecessor successor dean scholar lecturer provost aide staffer assistant deputy veteran survivor entrepreneur co-founder cofounder
    boss athlete footballer cricketer driver rider skipper engineer winner rival champion runner-up
    flanker hooker winger fly-half scrum-half full-back sprinter swimmer cyclist golfer jockey batsman bowler
    novelist poet composer pianist guitarist drummer rapper comedian artist photographer filmmaker playwright apostle prophet
    pm co-ordinator coordinator controller referee umpire jumper thrower compatriot musician vocalist bassist frontman
    son daughter wife husband father mother brother sister nephew niece cousin uncle aunt grandson granddaughter
    grandfather grandmother widow widower stepson stepdaughter fiancé fiancée girlfriend boyfriend
    fugitive suspect kingpin trafficker smuggler operative defendant detainee prisoner inmate victim witness plaintiff
    gunman hitman capo lord mp mep msp congressman congresswoman councillor councilman councilwoman assemblyman assemblywoman
    cfo coo cto chairperson""".split()
)
# Kin, by the pronoun that stands for them ("my dad … he"), and kin of either sex.
KIN_BY_PRONOUN = {
    "he": frozenset("dad father grandfather grandpa granddad husband son grandson brother uncle nephew pop grandpop".split()),
    "she": frozenset("mom mum mother grandmother grandma grandmom wife daughter granddaughter sister aunt niece".split()),
}
KIN_NOUNS = KIN_BY_PRONOUN["he"] | KIN_BY_PRONOUN["she"] | frozenset("cousin partner fiancé fiancée".split())
# Words that head an organisation's name ("... Department", "... University").
ORG_HEADS = frozenset(
    """Department Ministry Agency Administration Office Bureau Service Services Commission Council Committee Subcommittee
    Congress Senate Parliament Assembly Court Tribunal Guard Army Navy Police Cartel Group Center Centers Centre Centres
    Institute Institutes Institution University College School Academy Society Foundation Association Coalition Organization
    Organisation Corporation Company Bank Fund Party Union Board Authority Forces Force Corps Network Alliance Federation League
    Secretariat Embassy Consulate Hospital Clinic Laboratory Laboratories Museum Gallery Library Trust Partnership Caucus Panel
    Delegation Reserve Inc. Inc Ltd. Ltd LLC LLP PLC Plc Corp. Corp Co. GmbH Press Media Radio Broadcasting News Times Post
    Journal Herald Tribune Gazette Telegraph Guardian Church Industries Holdings Division Directorate Command Unit House
    Electronics Pharmaceuticals Pharma Airways Petroleum Steel Telecom Telecommunications Insurance Partners Ventures Software
    Labs Studios Pictures Records Entertainment Foods Brands Stores Networks Solutions Logistics Motors Nations Project
    Initiative Program Programme Campaign Forum Consortium Collaborative Cooperative Prison Prisons Jail Penitentiary Barracks""".split()
)
# Words that end the name of a thing or a place named after a person ("Kennedy Airport").
THING_HEADS = frozenset(
    """Award Awards Prize Medal Trophy Festival Cup Street Avenue Road Square Bridge Hall Stadium Park Airport Station
    Building Tower Memorial Act Law Bill Report Plan Doctrine Rule Amendment Initiative Program Programme Scholarship""".split()
)
# Institutions named by one word.
ONE_WORD_ORGS = frozenset("Congress Parliament Senate Cabinet Pentagon Kremlin Interpol Europol Taliban Treasury".split())
# Words of portfolios, subjects and places: they sit between a title and a name ("Secretary of
# Health Jorge Alcocer") and are never a word of a person's name.
NOT_NAME = frozenset(
    # Words that open spoken sentences ("So Daleep Singh said") or a page's invitations ("See Facebook’s
    # own description", "Visit Harbor Authority online"), before the vocabulary of offices.
    """So Well Okay Oh Yeah Hey Please Anyway Look See Visit Click Learn Contact Download
    Security Protection Affairs Defense Defence Health Interior Republic Justice State States Homeland Resources Management
    Policy Control Drug Drugs Crime Counterterrorism Migration Population Rights Human Risks Sanitary Mission Intelligence National
    Federal Public Safety Agriculture Transportation Transport Energy Education Commerce Labor Labour Veterans Housing Urban
    Development Environment Environmental Treasury Finance Trade Economy Economic Foreign Home Culture Tourism Industry Science
    Technology Innovation Infrastructure Communications Information Planning Budget Revenue Customs Border Immigration Citizenship
    Citizen Welfare Services Social Family Families Children Women Youth Sports Sport Fisheries Oceans Wildlife Parks Land Lands
    Mines Mining Water Climate Emergency Disaster Relief Aid International Global Regional Local Legal Counsel Staff Operations
    Programs Program Policy Strategy Strategic Cooperation Relations Diplomacy Assistance Enforcement Investigation Investigations
    Office Department Ministry Committee Council Commission Agency Bureau Board House Senate Congress Government Administration
    America American Americans Americas Europe European Asia Asian Africa African Canada Canadian Mexico Mexican China Chinese
    Russia Russian Ukraine Ukrainian Korea Korean Japan Japanese India Indian Britain British England English France French
    Germany German Israel Israeli Iran Iranian Washington London Paris Beijing Moscow Kyiv Seoul Tokyo Brussels Geneva Ottawa
    Pacific Atlantic Arctic Gulf Caribbean Latin Middle Eastern Western Northern Southern Central Nation Nations United Union
    Kingdom Empire Republic Commonwealth City County Province District Region Street Avenue Square Island Islands River Bay
    Coast Valley Mountain Mountains Lake Ocean Sea Day Week Month Year Act Law Order Report Plan Fund Initiative Summit
    Treaty Agreement Accord Convention Conference Forum Dialogue Award Awards Prize Medal Trophy Festival Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March September October November December Christmas Easter Covid COVID-19
    The This That These Those A An It Its He She They We I You Your Yours My Mine Our Their His Her But And Or In On At Of For To By From With As
    If When While After Before Since During Under Over Today Yesterday Tomorrow Tonight Now Then However Meanwhile Also Still
    Yes No Not Some Many Most All Every Each Other Another Both Such More Less First Last Next New Old Good Great Best Dear Happy Merry
    Thank Thanks Please God Mr Mrs Ms Dr Sir Madam Ladies Gentlemen Folks Here There What Who Why How Which Where Whose Let
    Later Earlier Asked Speaking Instead Finally Again Even Just Only Perhaps Indeed Together Despite Although Though Because
    Conservative Conservatives Labour Liberal Liberals Democrat Democrats Democratic Republican Republicans Tory Tories
    Socialist Socialists Communist Communists Green Greens Lib Dem Dems Independent Opposition Government Parliament Minister Secretary
    Irish Scottish Welsh Italian Spanish Catholic Catholics Jewish Muslim Christian Protestant Hispanic Latino War One Two Three
    Four Five Six Seven Eight Nine Ten Class Team Chapter Section Article Title Part Page Figure Table Appendix Annex
    Capitol Saudi Arabia Emirates Iraq Iraqi Syria Syrian Afghanistan Afghan Pakistan Pakistani Taiwan Brazil Brazilian
    Venezuela Cuba Cuban Colombia Argentina Chile Peru Australia Australian Italy Spain Poland Polish Turkey Turkish Egypt
    Nigeria Kenya Ethiopia Philippines Vietnam Indonesia Thailand Myanmar Sudan Gaza Palestine Palestinian Lebanon Qatar
    Yemen Libya Haiti Guatemala Honduras Nicaragua Panama Ecuador Bolivia Texas Florida California Ohio Michigan
    Pennsylvania Arizona Nevada Illinois Massachusetts Oregon Maryland Alaska Hawaii Kentucky Tennessee Alabama Louisiana
    Whether Unless Whereas Yet Nor Neither Either Sector Private Hurricane Storm Typhoon Cyclone Tropical Operation Project Mission Go Welcome Allies Partners
    Until Unlike Like Without Within Among Between Against Across Through Following According Including Regarding""".split()
)
# Words a place name starts with: "North Korea", "New York", "Las Vegas" are no people.
PLACE_STARTS = frozenset(
    "North South East West New Las Los San Santa Saint St. Sao São El Costa Sri Hong Puerto Cape Port Fort Mount".split()
)
# Capitalised verbs of headlines ("Biden Announces Key Nominees", "Researcher Says The Bureau").
HEADLINE_VERBS = frozenset(
    """Says Said Say Announces Announced Announce Announcing Launches Launched Launch Signs Signed Sign Celebrates Celebrate
    Continues Continue Calls Call Urges Urge Takes Take Meets Meet Visits Visit Names Nominates Appoints Hosts Host Delivers
    Highlights Releases Issues Travels Joins Welcomes Speaks Holds Makes Leads Marks Honors Honours Awards Approves Declares
    Unveils Outlines Discusses Reaffirms Reaffirming Expands Invests Protects Proclaims Designating Designates Found Finds
    Warns Warned Tells Told Asks Asked Wins Won Loses Lost Faces Plans Seeks Backs Rejects Hits Cuts Sets Gets Goes Comes
    Attends Attend Tours Represents Participates Addresses Praises Applauds Touts Thanks Talks Shares Stresses Vows Pledges
    Is Are Was Were Has Have Had Will Would Can Could May Might Must Should Does Do Did Be Been
    Honoring Honouring Celebrating Announcing Supporting Protecting Addressing Commemorating Recognizing Marking Launching
    Highlighting Strengthening Expanding Building Lowering Reducing Advancing Delivering Investing Creating Ensuring Promoting
    Combating Continuing Improving Increasing Providing Helping Tackling Uplifting Rebuilding Lifting Cracking Taking Making
    Enter Meet Consider Imagine Remarks Statement Readout Fact Sheet Proclamation Memorandum Message Letter Press Briefing Background Transcript Remarks
    Establishes Reestablishes Restores Renews Recognizes Commemorates Condemns Hails Convenes Deploys Secures Prevents Ends
    Champions Orders Directs Requests Responds Confirms Accepts Receives Opens Closes Kicks Begins Helps Brings Keeps
    Go Lose Gain Rise Fall Drop Face Get Reach Added Lost Gained Hired Created Fled See Sees Saw Hear Hears Surveys Tour
    Mourns Mourn Remembers Congratulates Observes Stands Unites Returns Arrives Reacts Dies Died Quits Resigns Retires Sues Admits
    Denies Apologises Apologizes Defends Slams Blasts Criticises Criticizes Attacks Steps Leaves Dismisses""".split()
)
# A speaker label of a transcript that names a role, not a person.
ROLE_LABELS = frozenset(
    """Q Question Answer Moderator Operator Participant Audience Member Reporter Interviewer Official Officials Staff Voice Voices
    Crowd Attendee Note End Update Editor Editor's Caller Host Narrator Announcer Speaker Panelist Student Students
    Icymi Breaking Watch Read New Flashback Fact Myth Reality Truth""".split()
)
ABBREVIATIONS = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Mx|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Adm|Prof|Rev|Jr|Sr|Inc|Corp|Co|Ltd|No|Maj|Cmdr)\."
)
INITIAL = re.compile(r"[A-Z]\.")  # a letter and its period: the "R." of "George R. Brown"


def ends_sentence(token: str) -> bool:
    """A word whose period ends a sentence: no abbreviation ("Dr.", "U.S.") and no initial."""
    return token.endswith(".") and not ABBREVIATIONS.fullmatch(token) and not INITIAL.fullmatch(token)


_NOT_NAME_ENDINGS = ("tion", "sion", "ism", "ology", "ial", "ials", "als", "inal", "ency")


def role_noun(word: str) -> bool:
    """A role noun, one or several, in any case: "lawyer", "Lawyers", "leaders"."""
    lower = word.lower()
    return lower in ROLE_NOUNS or (lower.endswith("s") and lower[:-1] in ROLE_NOUNS)


# Words that open a sentence before its subject ("Later, the spokesman urged", "Overall, Acme said
# that"), never a name; in lower case.
OPENERS = frozenset(
    """earlier later the in on at but and yesterday today this last meanwhile however also then after before when while
    overall separately instead still indeed tonight now finally again elsewhere additionally moreover furthermore
    similarly likewise nonetheless nevertheless otherwise previously recently currently originally ultimately initially
    specifically notably importantly privately publicly officially afterwards lastly meantime thus consequently
    accordingly regardless besides sadly fortunately unfortunately ironically clearly admittedly frankly""".split()
)
# Words a body's name never starts with: articles, pronouns, conjunctions, prepositions, openers.
NOT_BODY_START = frozenset(
    """The This That These Those A An It Its Our Their His Her My Your We I You He She They But And Or In On At Of For To By From
    With As If When While After Before Since During Under Over What Who Why How Which Where Whose Yes No Not Some Many Most
    All Every Each Other Another Both Such Several Dear Thank Thanks Please Here There Any Said Says""".split()
) | {word.capitalize() for word in OPENERS}
# When something was said, written between its speaker and the verb: "The minister on Sunday said".
SAID_WHEN = (
    r"(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|tonight|earlier|later|"
    r"last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning))"
)
# A full stop that ends a sentence inside a run of capitalised words: after a lower-case word, or
# after an acronym with no stops of its own ("… in the UK. Acme said"; never "U.S. Customs").
_STOP_IN_NAME = re.compile(r"(?:(?<=[a-z]{2})|(?<=(?<![\w.])[A-Z]{2}))\.\s+")


def last_sentence(words: str) -> str:
    """The words after the last full stop that ends a sentence among them."""
    return _STOP_IN_NAME.split(words)[-1]


@lru_cache(maxsize=65_536)
def bare(word: str) -> str:
    """A word without a possessive ending and without closing punctuation."""
    word = word.rstrip(",;:")
    if word.endswith(("’s", "'s")):
        return word[:-2]
    return word[:-1] if word.endswith(("’", "'")) else word


@lru_cache(maxsize=65_536)
def is_name_word(word: str, first: bool = True) -> bool:
    """A word that can be part of a person's name; a title's word ("King", "Bishop") only after
    the first word ("Martin Luther King")."""
    core = word.rstrip(".")
    return not (
        word in NOT_NAME
        or core in NOT_NAME
        or (first and (word in TITLES or word.lower() in ROLE_NOUNS or word.lower()[:-1] in ROLE_NOUNS))  # "Commentator Jane Roe"
        or (len(word) == 1 and first)  # "Y Biden": a letter without its period starts no name
        or (first and len(word) > 5 and word.endswith("ing"))  # "Imposing Sanctions", "Supporting Families"
        or word in ORG_HEADS
        or word in HEADLINE_VERBS
        or (len(core) > 1 and core.isupper() and "." not in word)
        or "." in core  # "U.S.", "St.Louis": an initial is one letter and its period
        or word.endswith("-")  # a word broken off in speech: "Wa- —"
        or bool(re.search(r"[’'](?:m|re|ll|ve|d|t)$", word))  # "I’m", "We’ll"
        or word.split("-")[0] in NOT_NAME  # "State-owned", "Labour-run"
        or core.lower().endswith(_NOT_NAME_ENDINGS)  # "Conflict Resolution", "Holocaust Denial"
        or not (word[0].isupper() or re.match(_GLUED, word))
        or any(ch.isdigit() for ch in word)
    )


def is_person_name(name: str) -> bool:
    """A person's name: one to five capitalised words, none of them a word of titles, portfolios,
    places, organisations or headlines, not an acronym, not a place ("North Korea")."""
    words = name.split()
    if not 1 <= len(words) <= 5 or words[0] in PLACE_STARTS or words[-1] in PARTICLES:
        return False
    if not all(word in PARTICLES or is_name_word(word, index == 0) for index, word in enumerate(words)):
        return False
    # A single initial is part of a name ("Stuart R. Kaplan"), never all of it or its end.
    return len(words[-1].rstrip(".")) > 1
