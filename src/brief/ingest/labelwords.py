"""Words of figure labels: the small closed lists and suffix tests that tell a noun from a verb,
a preposition or a quantity word, for :mod:`brief.ingest.figurelabels`.

Stage: extraction. No tagger: a label is a draft the analyst reviews, and ingest must stay fast on
a hostile megabyte of text; lists and suffixes tell most words apart, and their misses name a
figure badly rather than lose it.
"""

from __future__ import annotations

import re
from itertools import islice

from brief.numbers import MONTH

LABEL_STOP = {"by", "in", "on", "at", "from", "for", "with", "since", "during", "over", "after", "before", "than", "that", "which",
              "who", "and", "or", "as", "is", "are", "was", "were", "has", "have", "had", "will", "would", "to", "into", "across",
              "between", "per", "last", "this", "each", "every", "according", "said", "says", "the", "a", "an", "its", "their", "along",
              "off", "among", "within", "without", "through", "throughout", "against", "toward", "towards", "beyond", "near",
              "via", "upon", "onto", "amid", "despite", "behind", "inside", "outside", "beneath", "under", "until", "unless",
              "till"}  # fmt: skip
DETERMINERS = {"the", "its", "their", "all", "his", "her", "our", "these", "those", "a", "an"}
# Verbs a figure's clause often holds; a word ending in -ed counts as one too ("tied", "seized").
VERBS = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "rose", "rise", "rises",
         "risen", "fell", "fall", "falls", "fallen", "grew", "grow", "grows", "grown", "held", "hold", "holds", "took", "take",
         "takes", "made", "make", "makes", "hit", "hits", "reach", "reaches", "total", "totals", "stood", "stand", "stands",
         "account", "accounts", "represent", "represents", "saw", "see", "sees", "got", "get", "gets", "gave", "give", "gives",
         "spent", "spend", "spends", "paid", "pay", "pays", "cost", "costs", "won", "win", "wins", "lost", "lose", "loses",
         "came", "come", "comes", "went", "go", "goes", "say", "says", "said", "remain", "remains", "will", "would", "could",
         "can", "may", "might", "should", "must", "shall", "expect", "expects", "top", "tops", "exceed", "exceeds", "climb",
         "climbs", "jump", "jumps", "drop", "drops", "increase", "increases", "decrease", "decreases", "decline", "declines",
         "show", "shows", "shown", "estimate", "estimates", "became", "become", "becomes", "left", "leave", "leaves", "sent",
         "send", "sends", "kept", "keep", "keeps", "found", "find", "finds", "owned", "own", "owns", "seize", "seizes",
         # short forms in -ing that the length test of is_verb lets pass as nouns
         "going", "doing", "having", "making", "taking", "coming", "giving", "saying", "seeing", "trying", "paying",
         "buying", "asking", "using"}  # fmt: skip
# Verbs' forms in -s that are plural nouns right after a count ("12 wins", "267 total wins", "three hits").
PLURAL_COUNTS = {"wins", "hits", "shows", "drops", "jumps", "falls", "rises", "gains", "estimates", "holds"}
ED_NOUNS = {"hundred", "speed", "need", "seed", "feed", "breed", "creed", "deed", "shed", "reed", "bed", "red"}
# Words that name no counted thing on their own: comparatives, quantity words, adverbs of degree.
NOT_NOUNS = {"more", "less", "fewer", "higher", "lower", "greater", "larger", "smaller", "bigger", "up", "down", "above", "below",
             "over", "under", "new", "other", "another", "extra", "additional", "total", "overall", "combined", "respectively", "apiece", "alone",
             "about", "around", "nearly", "almost", "roughly", "some", "approximately", "only", "just", "least", "most", "than",
             "ago", "earlier", "later", "before", "after", "since", "again", "also", "still", "already", "yet", "then", "so",
             "not", "no", "nor", "such", "much", "many", "several", "both", "either", "neither", "own", "same", "high", "low",
             "to", "of", "and", "or", "but", "if", "while", "whereas", "although", "though", "because", "when", "where", "it",
             "they", "we", "he", "she", "i", "you", "there", "here", "this", "that", "recently", "previously", "currently",
             "annually", "reportedly", "officially", "largely", "mostly", "partly", "slightly", "sharply", "significantly",
             "steadily", "further", "even", "well", "now", "today", "yesterday", "tomorrow", "ever", "never", "out", "off",
             "upwards", "something", "anything", "nothing", "everything", "able", "likely", "far", "twice", "thrice", "double", "triple", "how", "what", "whatever", "me",
             "us", "him", "them", "myself", "ourselves", "yourself"}  # fmt: skip
# Number words and ordinals are quantities and ranks, never what is counted ("number four", "came in seventh").
NOT_NOUNS |= {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
              "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "millions", "billions", "dozen", "dozens", "first",
              "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "next"}  # fmt: skip
COMPARATIVES = {"more", "less", "fewer", "higher", "lower", "greater", "larger", "smaller", "bigger", "up", "down", "above", "below",
                "over", "under", "than", "ago", "earlier", "later", "apiece", "each", "respectively"}  # fmt: skip
LEADING_UNITS = {"percent", "per", "cent", "million", "billion", "trillion", "thousand", "hundred", "bn", "m", "times"}
CHANGES = {"increase", "decrease", "rise", "drop", "decline", "fall", "jump", "cut", "reduction", "gain", "growth", "surge", "hike",
           "spike", "increases", "decreases", "rises", "drops", "declines", "cuts", "reductions", "gains"}  # fmt: skip
TIME_WORD = re.compile(
    rf"(?:{MONTH}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|quarter|year|month|week|weekend|day|fiscal|FY|period|half|season)s?"
    r"|FY\s?\d{2,4}(?:\.\d+)?|Q[1-4]",
    re.I,
)
BASELINES = {"level", "levels", "peak", "peaks", "average", "baseline"}
AUXILIARIES = {"will", "would", "can", "could", "may", "might", "shall", "should", "must", "to", "has", "have", "had", "did", "does",
               "do", "not", "also"}  # fmt: skip
PLACE_WORDS = {"in", "among", "across", "inside", "within"}
# Words that join a name to the head before it ("imports from Mexico", "FDI in the United States").
NAME_LINKS = PLACE_WORDS | {"from", "with", "to", "at", "for", "by", "against", "between", "into", "on"}
# Adverbials that hold a noun but name nothing: "on average", "in total", "at least".
ADVERBIALS = {("on", "average"), ("in", "total"), ("in", "all"), ("at", "least"), ("at", "most"), ("in", "particular")}
# What a verb right before an amount says it measures ("weighs 8.4 pounds", "launched at $400").
VERB_NOUNS = {"weigh": "weight", "weighs": "weight", "weighed": "weight", "weighing": "weight"}
MONEY_VERB_NOUNS = {**dict.fromkeys(("cost", "costs", "costing"), "cost"),
                    **dict.fromkeys(("priced", "launched", "launches", "launch", "sell", "sells", "sold", "selling", "retail",
                                     "retails", "retailed", "rent", "rents", "rented", "listed", "lists"), "price"),
                    **dict.fromkeys(("took", "take", "takes", "taking", "grossed", "grosses", "grossing"), "takings"),
                    **dict.fromkeys(("earned", "earn", "earns", "earning"), "earnings"),
                    **dict.fromkeys(("receive", "receives", "received", "receiving", "awarded", "granted", "won"), "award"),
                    **dict.fromkeys(("fined", "fine", "fines"), "fine"), **dict.fromkeys(("sued", "sues", "suing"), "lawsuit"),
                    **dict.fromkeys(("raised", "raise", "raises", "raising"), "funds raised"),
                    **dict.fromkeys(("donated", "donate", "donates", "donating"), "donation"),
                    **dict.fromkeys(("pledged", "pledge", "pledges", "pledging"), "pledge"),
                    **dict.fromkeys(("settled", "settle", "settles"), "settlement"),
                    **dict.fromkeys(("save", "saves", "saved", "saving"), "savings")}  # fmt: skip
# Words between such a verb and its amount ("took more than the expected $18m", "sell on average for").
BETWEEN_VERB_AND_AMOUNT = {"more", "than", "less", "about", "around", "nearly", "almost", "roughly", "approximately", "some",
                           "over", "under", "just", "only", "the", "a", "an", "expected", "estimated", "at", "for", "on",
                           "average", "another", "additional", "extra", "up", "to", "least", "as", "much", "little", "in", "between"}  # fmt: skip
# Units of measure written after a number: the unit, not what is measured ("8.4 pounds", "100 miles").
UNIT_NOUNS = {"pounds", "pound", "miles", "mile", "tons", "ton", "tonnes", "tonne", "kilograms", "kg", "kilometers", "kilometres",
              "km", "feet", "foot", "meters", "metres", "inches", "inch", "acres", "hectares", "gallons", "barrels", "liters",
              "litres", "ounces", "grams", "yards"}  # fmt: skip
# Heads that count people without saying which: what befell them says it ("people killed").
GENERIC_HEADS = {"people", "persons", "individuals", "adults", "children", "men", "women", "residents", "civilians", "others"}
IRREGULAR_PARTICIPLES = {"found", "held", "hurt", "left", "taken", "seen", "shot", "caught", "kept", "made", "given", "sent",
                         "born", "hit", "slain", "struck"}  # fmt: skip
STATES = {"guilty", "dead", "alive", "hostage", "missing", "homeless", "unemployed", "ill"}  # "found guilty", "left homeless"
QUOTE_MARKS = {"“", "”", '"', "‘"}
# Infinitives after an amount that say nothing of what it buys ("$5 billion to be spent").
NOT_PURPOSE = {"be", "have", "do", "go", "the", "a", "an", "about", "around", "date"}
# What a length measures by the word after its unit ("eight feet away", "2 miles long").
DIMENSIONS = {"away": "distance", "long": "length", "wide": "width", "high": "height", "tall": "height", "deep": "depth"}
# Words for a whole that name an amount in parentheses after them ("the total ($40.9 billion)").
WHOLES = {"total", "sum", "remainder", "rest", "balance"}
# Months, weekdays and fiscal periods say when, never what ("since October", "for FY2024").
WHEN = re.compile(rf"(?:{MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|FY\s?\d{{2,4}}|Q[1-4])")
ING_NOUNS = {"funding", "spending", "housing", "training", "building", "buildings", "lending", "financing", "trafficking",
             "smuggling", "shooting", "shootings", "bombing", "bombings", "killing", "killings", "earnings", "savings",
             "offering", "hearing", "hearings", "meeting", "meetings", "manufacturing", "mining", "shipping", "policing",
             "screening", "screenings", "processing", "planning", "warning", "warnings", "marketing", "banking", "polling",
             "voting", "timing", "clothing", "morning", "evening", "beginning", "ending", "setting", "listing", "listings",
             "filing", "filings", "rating", "ratings", "ranking", "rankings", "holding", "holdings", "opening", "crossing",
             "crossings", "landing", "landings", "booking", "bookings", "painting", "paintings", "fishing", "logging", "outing", "ceiling", "ceilings"}  # fmt: skip
# A number glued to a word is one token: "2D", "8-ounce", "24-hour" modify the noun after them.
_TOKEN = re.compile(r"\d[\d.]*-?[A-Za-z][\w'’-]*|[A-Za-zÀ-ÿ][\w.'’-]*|\d[\d,.]*\d|\S")
CONTRACTION = re.compile(r"['’](?:ve|s|re|ll|d|m)$")
_PRONOUNS = {"it", "he", "she", "that", "there", "what", "here", "let", "who", "where", "how", "when", "why", "this", "everyone", "one"}


def is_verb(word: str) -> bool:
    """A verb or participle ("rose", "tied", "including"); a capitalised word is a name's
    ("United States")."""
    lowered = word.lower()
    if word[:1].isupper():
        return False
    return lowered in VERBS or is_participle(word) or (len(lowered) > 5 and lowered.endswith("ing") and lowered not in ING_NOUNS)


def is_participle(word: str) -> bool:
    lowered = word.lower()
    # "fentanyl-related", "state-owned": a hyphenated word in -ed is an adjective
    return not word[:1].isupper() and len(lowered) >= 4 and lowered.endswith("ed") and lowered not in ED_NOUNS and "-" not in word


def is_noun(word: str) -> bool:
    lowered = word.lower()
    contraction = CONTRACTION.search(lowered)
    if contraction and (contraction.group(0)[1:] != "s" or lowered[: contraction.start()] in _PRONOUNS):
        return False  # "we’ve", "it’s" (but "Mexico's", "the assembly’s")
    if word[:1].isupper() and WHEN.fullmatch(word):
        return False  # "October", "FY2024"
    if lowered in ("north", "south") and word[:1].islower():
        return False  # "something north of 80 percent"; "South East" is a name
    return not (lowered in LABEL_STOP or lowered in NOT_NOUNS or lowered in LEADING_UNITS or is_verb(word))


def nouny(words: list[str], index: int) -> bool:
    """A noun where it stands: not after "will", "to", "has" ("will receive", "to facilitate"),
    and not a time ("year", "quarter"), which says when, not what."""
    word = words[index]
    return is_noun(word) and not TIME_WORD.fullmatch(word) and not (index > 0 and words[index - 1].lower() in AUXILIARIES)


def tokens(sentence: str, start: int, limit: int) -> list[str]:
    """The first `limit` words, numbers and other marks of `sentence` from `start` (read only as
    far as they go)."""
    return [match.group(0) for match in islice(_TOKEN.finditer(sentence, start), limit)]
