"""Figure labels: the noun phrase that says what a drafted figure counts.

Stage: extraction, for :mod:`brief.ingest.figures`. Reads the clause that holds a number: the noun
the number modifies ("19 suspects"), what money is spent on ("$3 billion in aid"), a change's
object ("an 80% increase in seizures"), else the noun phrase nearest before it or its clause's
subject. Words are told apart by small closed lists and suffixes, not a tagger: a label is a
draft the analyst reviews, and ingest must stay fast on a hostile megabyte of text. Each number
looks only at a bounded stretch of its sentence (LABEL_REACH characters, CLAUSES_BACK clauses).
"""

from __future__ import annotations

import re

from brief.numbers import MONTH, words_after

_LABEL_STOP = {"by", "in", "on", "at", "from", "for", "with", "since", "during", "over", "after", "before", "than", "that", "which",
               "who", "and", "or", "as", "is", "are", "was", "were", "has", "have", "had", "will", "would", "to", "into", "across",
               "between", "per", "last", "this", "each", "every", "according", "said", "says", "the", "a", "an", "its", "their", "along",
               "off", "among", "within", "without", "through", "throughout", "against", "toward", "towards", "beyond", "near",
               "via", "upon", "onto", "amid", "despite", "behind", "inside", "outside", "beneath", "under"}  # fmt: skip
_DETERMINERS = {"the", "its", "their", "all", "his", "her", "our", "these", "those", "a", "an"}
# Verbs a figure's clause often holds; a word ending in -ed counts as one too ("tied", "seized").
_VERBS = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "rose", "rise", "rises",
          "risen", "fell", "fall", "falls", "fallen", "grew", "grow", "grows", "grown", "held", "hold", "holds", "took", "take",
          "takes", "made", "make", "makes", "hit", "hits", "reach", "reaches", "total", "totals", "stood", "stand", "stands",
          "account", "accounts", "represent", "represents", "saw", "see", "sees", "got", "get", "gets", "gave", "give", "gives",
          "spent", "spend", "spends", "paid", "pay", "pays", "cost", "costs", "won", "win", "wins", "lost", "lose", "loses",
          "came", "come", "comes", "went", "go", "goes", "say", "says", "said", "remain", "remains", "will", "would", "could",
          "can", "may", "might", "should", "must", "shall", "expect", "expects", "top", "tops", "exceed", "exceeds", "climb",
          "climbs", "jump", "jumps", "drop", "drops", "increase", "increases", "decrease", "decreases", "decline", "declines",
          "show", "shows", "shown", "estimate", "estimates", "became", "become", "becomes", "left", "leave", "leaves", "sent",
          "send", "sends", "kept", "keep", "keeps", "found", "find", "finds", "owned", "own", "owns", "seize", "seizes"}  # fmt: skip
_ED_NOUNS = {"hundred", "speed", "need", "seed", "feed", "breed", "creed", "deed", "shed", "reed", "bed", "red"}
# Words that name no counted thing on their own: comparatives, quantity words, adverbs of degree.
_NOT_NOUNS = {"more", "less", "fewer", "higher", "lower", "greater", "larger", "smaller", "bigger", "up", "down", "above", "below",
              "over", "under", "new", "other", "additional", "total", "overall", "combined", "respectively", "apiece", "alone",
              "about", "around", "nearly", "almost", "roughly", "some", "approximately", "only", "just", "least", "most", "than",
              "ago", "earlier", "later", "before", "after", "since", "again", "also", "still", "already", "yet", "then", "so",
              "not", "no", "nor", "such", "much", "many", "several", "both", "either", "neither", "own", "same", "high", "low",
              "to", "of", "and", "or", "but", "if", "while", "whereas", "although", "though", "because", "when", "where", "it",
              "they", "we", "he", "she", "i", "you", "there", "here", "this", "that", "recently", "previously", "currently",
              "annually", "reportedly", "officially", "largely", "mostly", "partly", "slightly", "sharply", "significantly",
              "steadily", "further", "even", "well", "now", "today", "yesterday", "tomorrow", "ever", "never"}  # fmt: skip
_COMPARATIVES = {"more", "less", "fewer", "higher", "lower", "greater", "larger", "smaller", "bigger", "up", "down", "above", "below",
                 "over", "under", "than", "ago", "earlier", "later", "apiece", "each", "respectively"}  # fmt: skip
_LEADING_UNITS = {"percent", "per", "cent", "million", "billion", "trillion", "thousand", "hundred", "bn", "m", "times"}
_CHANGES = {"increase", "decrease", "rise", "drop", "decline", "fall", "jump", "cut", "reduction", "gain", "growth", "surge", "hike",
            "spike", "increases", "decreases", "rises", "drops", "declines", "cuts", "reductions", "gains"}  # fmt: skip
_TIME_WORD = re.compile(
    rf"(?:{MONTH}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|quarter|year|month|week|fiscal|FY|period|half|season)s?", re.I
)
_BASELINES = {"level", "levels", "peak", "peaks", "average", "baseline"}
_AUXILIARIES = {"will", "would", "can", "could", "may", "might", "shall", "should", "must", "to", "has", "have", "had", "did", "does",
                "do", "not", "also"}  # fmt: skip
_PLACE_WORDS = {"in", "among", "across", "inside", "within"}
_ING_NOUNS = {"funding", "spending", "housing", "training", "building", "buildings", "lending", "financing", "trafficking",
              "smuggling", "shooting", "shootings", "bombing", "bombings", "killing", "killings", "earnings", "savings",
              "offering", "hearing", "hearings", "meeting", "meetings", "manufacturing", "mining", "shipping", "policing",
              "screening", "screenings", "processing", "planning", "warning", "warnings", "marketing", "banking", "polling",
              "voting", "timing", "clothing", "morning", "evening", "beginning", "ending", "setting", "listing", "listings",
              "filing", "filings", "rating", "ratings", "ranking", "rankings", "holding", "holdings", "opening", "crossing",
              "crossings", "landing", "landings", "booking", "bookings", "painting", "paintings", "fishing", "logging", "outing"}  # fmt: skip
_CONTRACTION = re.compile(r"['’](?:ve|s|re|ll|d|m)$")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
_LAST_DIGIT = re.compile(r".*\d[\d,.]*%?", re.S)
_NAME_RIGHT_BEFORE = re.compile(r"((?:\b[A-Z][\w&'’.-]*\s+){1,4})$")
_LABEL_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'’-]*")
_NOT_IN_WORD = re.compile(r"[^\w'’-]")
LABEL_REACH = 400  # characters before a number its label may come from; five words take far fewer
LONGEST_WORD = 60  # characters; a longer "word" (a hash, a run of letters) names nothing
CLAUSES_BACK = 3  # clauses a label is looked for in, its own first


def draft_label(sentence: str, start: int, end: int, kind: str) -> str:
    """A noun phrase naming what the number counts, from the clause that holds it: the noun it
    modifies ("19 suspects", "70% of weapons seized", "$3 billion in aid", "an 80% increase in
    seizures"), else the noun phrase nearest before it in its clause ("drug seizures up 28
    percent"), or the clause's subject when the number measures it ("Exports tied at 40
    percent"), else a clause before it; never a lone verb or adjective. A clause ends at , ; : or
    a dash, and starts after the number before it, so a neighbour in a list ("A held 42%, B 18%")
    never names the number."""
    after = _noun_after(sentence, end, kind)
    low = _clause_start(sentence, start)
    number = _LAST_DIGIT.match(sentence, low, start)
    own = number.end() if number else low  # the words after the number before, in the clause
    name = _name_before(sentence, own, start) if kind in ("percent", "range") else ""
    if name:  # "Borealis Lines 18%": a list of entities and their shares
        return f"{name} share of {after}" if after and sentence[end : end + 4].strip().lower() == "of" else name
    if after and not _baseline(after):
        return after
    found = _noun_before(_LABEL_WORD.findall(sentence, own, start))
    # A clause with no noun of its own ("up 12 percent", "tied at 15 percent") takes its
    # clause's, then the one before it, a few clauses back at most.
    edge = start
    for _ in range(CLAUSES_BACK):
        if found:
            return found
        found = _noun_before(_LABEL_WORD.findall(sentence, low, edge))
        if low <= max(0, start - LABEL_REACH):
            break
        edge = low - 1
        low = _clause_start(sentence, edge, start - LABEL_REACH)
    return found or after or "figure"


def _noun_after(sentence: str, end: int, kind: str = "number") -> str:
    """The noun phrase right after a number ("suspects", "arrest warrants", "of heavy weapons",
    money's "in aid", a change's "increase in seizures"), or "" when a verb, a comparative or a
    preposition follows it."""
    after = words_after(sentence, 12, end)
    skip = ("of", "in", "for", "on", "from") if kind == "money" else ("of",)
    through = ""
    if after and after[0].lower() in skip:
        through = after[0].lower()
        after = after[1:]
        if after and after[0].lower() in _DETERMINERS:
            after = after[1:]
    words: list[str] = []
    if after and after[0].lower() in _CHANGES:  # "a 40 percent increase in the number of traces"
        words.append(after[0].rstrip(".,;:"))
        if len(after) > 1 and after[1].lower() in ("in", "of") and after[0][-1:] not in ".,;:":
            words.append(after[1])
            after = [w for w in after[2:] if w.lower() not in _DETERMINERS]
            if len(after) > 1 and after[0].lower() in ("number", "amount", "volume") and after[1].lower() == "of":
                after = [w for w in after[2:] if w.lower() not in _DETERMINERS]
        else:
            after = []
    for index, word in enumerate(after):
        lowered = word.lower().rstrip(".,;:")
        # "Customs and Border Protection": "and" inside a name joins it
        name_and = (
            lowered == "and" and words and words[-1][:1].isupper() and after[index + 1 : index + 2] != [] and after[index + 1][:1].isupper()
        )
        if not name_and and (not re.match(r"[A-Za-zÀ-ÿ]", word) or lowered in _LABEL_STOP or len(word) > LONGEST_WORD or _is_verb(word)):
            break
        if lowered in _COMPARATIVES:
            break  # "12 percent higher", "3 more": no noun follows
        abbreviation = bool(_ABBREVIATION.fullmatch(word))
        words.append(word if abbreviation else word.rstrip(".,;:"))
        if len(words) == 6 or (word[-1:] in ".,;:" and not abbreviation):  # the clause ends with this word
            break
    while words and (words[-1].lower() in _NOT_NOUNS or words[-1].lower() in ("in", "of") or _is_participle(words[-1])):
        words.pop()  # "19 injured", "300 killed": a participle alone names nothing
    if words and not any(_is_noun(w) or w.lower() in _CHANGES for w in words):
        return ""
    if through != "of" and any(_TIME_WORD.fullmatch(w) for w in words):
        return ""  # "$3 million in the first quarter", "on Monday": when, not what
    return " ".join(words)


def _noun_before(words: list[str]) -> str:
    """The noun phrase nearest before a number in its clause ("a room that cost", "drug seizures
    up", "approval rating at", "homicides with"); a phrase of place or group after its head gives
    the head ("homicides in Mexico rose", "the rate among teens has increased")."""
    words = [w for w in words if len(w) <= LONGEST_WORD]
    index = len(words) - 1
    while index >= 0 and not _nouny(words, index):
        index -= 1
    phrase: list[str] = []
    while index >= 0 and len(phrase) < 5:
        word = words[index]
        joins = word.lower() in ("of", "and") and phrase and index > 0 and _nouny(words, index - 1)
        if not joins and not _nouny(words, index):
            if word.lower() in _PLACE_WORDS and phrase and index > 0 and _nouny(words, index - 1):
                phrase, index = [], index - 1  # the head before "in Mexico", "among teens"
                continue
            break
        phrase.insert(0, word)
        index -= 1
    while phrase and not _is_noun(phrase[0]):
        phrase.pop(0)
    return " ".join(phrase)


def _nouny(words: list[str], index: int) -> bool:
    """A noun where it stands: not after "will", "to", "has" ("will receive", "to facilitate")."""
    return _is_noun(words[index]) and not (index > 0 and words[index - 1].lower() in _AUXILIARIES)


def _clause_start(sentence: str, start: int, reach: int | None = None) -> int:
    """Where the clause holding `start` begins: after the last clause mark before it, no further
    back than `reach` (LABEL_REACH before `start`)."""
    low = max(0, start - LABEL_REACH if reach is None else reach)
    clause = max(sentence.rfind(mark, low, start) for mark in (",", ";", ":", "—", "–", "("))
    if clause >= low:  # the clause starts after its mark: words before it are another clause's
        return clause + 1
    if low:
        # Words are read from the first break in the window on, so none is cut at its start.
        cut = _NOT_IN_WORD.search(sentence, low, start)
        return cut.end() if cut else start
    return 0


def _name_before(sentence: str, low: int, start: int) -> str:
    """The capitalised name right before a number, nothing between ("Borealis Lines 18%")."""
    match = _NAME_RIGHT_BEFORE.search(sentence, max(low, start - 80), start)
    if not match:
        return ""
    words = [w for w in match.group(1).split() if w.lower() not in _LABEL_STOP and w.lower() not in _LEADING_UNITS]
    return " ".join(words) if words and not _is_verb(words[-1]) else ""


def _subject(words: list[str]) -> str:
    """The noun phrase a clause opens with, up to its verb: "the port authority has spent" ->
    "port authority"; "" when the clause opens with a verb or a comparative."""
    while words and (words[0].lower() in _LABEL_STOP or words[0].lower() in _LEADING_UNITS):
        words = words[1:]
    phrase: list[str] = []
    for index, word in enumerate(words):
        joins = word.lower() in ("of", "and") and phrase and index + 1 < len(words) and _is_noun(words[index + 1])
        if not joins and not _is_noun(word):
            break
        phrase.append(word)
        if len(phrase) == 5:
            break
    while phrase and not _is_noun(phrase[-1]):
        phrase.pop()
    return " ".join(phrase)


def _baseline(phrase: str) -> bool:
    """'80 percent of pre-crisis levels' measures the clause's subject against a baseline."""
    return phrase.split()[-1].lower() in _BASELINES


def _is_verb(word: str) -> bool:
    """A verb or participle ("rose", "tied", "including"); a capitalised word is a name's
    ("United States")."""
    lowered = word.lower()
    if word[:1].isupper():
        return False
    return lowered in _VERBS or _is_participle(word) or (len(lowered) > 5 and lowered.endswith("ing") and lowered not in _ING_NOUNS)


def _is_participle(word: str) -> bool:
    lowered = word.lower()
    return not word[:1].isupper() and len(lowered) >= 4 and lowered.endswith("ed") and lowered not in _ED_NOUNS


def _is_noun(word: str) -> bool:
    lowered = word.lower()
    if _CONTRACTION.search(lowered):
        return False  # "we’ve", "it’s"
    return not (lowered in _LABEL_STOP or lowered in _NOT_NOUNS or lowered in _LEADING_UNITS or _is_verb(word))
