"""Figure labels: the noun phrase that says what a drafted figure counts.

Stage: extraction, for :mod:`brief.ingest.figures`. Reads the clause that holds a number: the noun
the number modifies ("19 suspects"), what money is spent on ("$3 billion in aid"), a change's
object ("an 80% increase in seizures"), what the verb before it measures ("weighs", "launched
at"), else the noun phrase nearest before it, a head before a name ("imports from Mexico"), or
the label of a number before it ("down from 19%"). Words are told apart by small closed lists and
suffixes (:mod:`brief.ingest.labelwords`), not a tagger: a label is a draft the analyst reviews,
and ingest must stay fast on a hostile megabyte of text. Each number looks only at a bounded
stretch of its sentence (LABEL_REACH characters, CLAUSES_BACK clauses). Long because the rules
share one clause reader and its bounds; split apart, each would re-read the clause.
"""

from __future__ import annotations

import re

from brief.ingest.labelwords import (
    ADVERBIALS,
    AUXILIARIES,
    BASELINES,
    BETWEEN_VERB_AND_AMOUNT,
    CHANGES,
    COMPARATIVES,
    DETERMINERS,
    DIMENSIONS,
    GENERIC_HEADS,
    IRREGULAR_PARTICIPLES,
    LABEL_STOP,
    LEADING_UNITS,
    MONEY_VERB_NOUNS,
    NAME_LINKS,
    NOT_NOUNS,
    NOT_PURPOSE,
    PLACE_WORDS,
    PLURAL_COUNTS,
    QUOTE_MARKS,
    STATES,
    TIME_WORD,
    UNIT_NOUNS,
    VERB_NOUNS,
    WHOLES,
    is_noun,
    is_participle,
    is_verb,
    nouny,
    tokens,
)
from brief.ingest.vocabulary import HEADLINE_VERBS
from brief.numbers import candidates, read_candidate
from brief.numberwords import NOT_A_NAME

_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
_YEAR = re.compile(r"(?:19|20)\d\d")
_POSSESSIVE = re.compile(r"['’]s?$")
_CLOSE = re.compile(r"\s*\)")
_ASIDE = re.compile(r"\s*(?:\([^()]{1,60}\)|—[^—]{1,40}—)")
_PARENS = re.compile(r"\([^()]*\)")
# What a baseline follows ("down from 19%", "compared with 12%"): the measure of a number before.
_BASELINE_BEFORE = re.compile(
    r"(?:\b(?:from|than|versus|vs\.?|against)|\bcompared\s+(?:with|to))\s+(?:(?:about|around|nearly|almost|roughly|just|some)\s+)?$", re.I
)
_DASH = re.compile(r"\s*[—–-]+\s*")
_PER = re.compile(r"\s*(?:/\s?|per\s+)([A-Za-z]+)")
_PURPOSE = re.compile(r"\s+to\s+([a-z]+)\s+(?:(?:the|its|their|a|an|his|her|our|new|more)\s+)?")
# An amount right before the parenthesis that holds another ("$22m (", "60% (").
_PAIR_BEFORE = re.compile(r"((?:[$£€¥₹]|\b[A-Z]{1,2}\$)?\d[\d,.]*(?:%|\s?(?:million|billion|trillion|bn|m)\b)?)\s*\(\s*$")
_CURRENCY_SIGN = re.compile(r"[$£€¥₹]|[A-Z]{1,2}\$")
_LAST_DIGIT = re.compile(r".*\d[\d,.]*%?", re.S)
_NAME_RIGHT_BEFORE = re.compile(r"((?:\b[A-Z][\w&'’.-]*\s+){1,4})$")
_LABEL_WORD = re.compile(r"(?<!\w)(?:[A-Z]\.){2,}|(?<!\w)[A-Za-zÀ-ÿ][\w'’-]*")  # "U.S." whole; not the tail of "13th-largest"
_NOT_IN_WORD = re.compile(r"[^\w'’-]")
LABEL_REACH = 400  # characters before a number its label may come from; five words take far fewer
LONGEST_WORD = 60  # characters; a longer "word" (a hash, a run of letters) names nothing
CLAUSES_BACK = 3  # clauses a label is looked for in, its own first
ASIDES_SKIPPED = 3  # closed parentheses a clause reaches back over
PREVIOUS_REACH = 120  # characters at a clause's end its last number is looked for in
NAME_WORDS = 8  # words of a name a label may pass over to its head ("trade between Mexico and the United States")
GENERIC_MEASURES = {"amount", "number", "quantity", "volume", "total", "figure"}
LATER_WORDS = 12  # words after a lone number its label may come from
REPEATS = 3  # times a number said again for emphasis is followed to its last
_HEDGE = re.compile(NOT_A_NAME)
# A score or a vote read as one number: two counts glued by a hyphen or dash ("5-1", "3–1").
_SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}")
REFERENCE_WORDS = {
    "page",
    "pages",
    "section",
    "sections",
    "article",
    "chapter",
    "rule",
    "no",
    "number",
    "room",
    "table",
    "figure",
    "appendix",
}
VOTES = {"vote", "votes", "ruling", "majority", "decision", "verdict", "margin"}
_CLAUSE_MARKS = (",", ";", ":", "—", "–", "(")


def draft_label(sentence: str, start: int, end: int, kind: str) -> str:
    """A noun phrase naming what the number counts, from the clause that holds it: the noun it
    modifies ("19 suspects", "70% of weapons seized", "$3 billion in aid", "an 80% increase in
    seizures"), what the verb before it measures ("weighs 8 pounds", "launched at $400"), money's
    purpose ("$12 to unlock maps") or holder ("X led with $11m"), else the noun phrase nearest
    before it in its clause ("drug seizures up 28 percent"), else the label of the number in a
    clause before it, or that clause's nearest noun; never a lone verb, a unit, a rank or a month.
    A clause ends at , ; : or a dash, and starts after the number before it, so a neighbour in a
    list ("A held 42%, B 18%") never names the number. An amount restated in parentheses ("$22m
    (£11.7m)") is labelled as the amount it restates; one in parentheses after a noun phrase
    ("the total ($40.9 billion)") by that phrase."""
    start, end = _last_of_repeat(sentence, start, end)
    end += 5 if sentence.startswith("-plus", end) else 1 if sentence.startswith("+", end) else 0  # "800,000-plus jobs"
    if kind == "number" and (score := _score(sentence, start, end)):
        return score
    close = _CLOSE.match(sentence, end)
    if close and (outer := _PAIR_BEFORE.search(sentence, max(0, start - 48), start)):
        token = outer.group(1)
        outer_kind = "money" if _CURRENCY_SIGN.match(token) else "percent" if "%" in token else "number"
        return _label(sentence, outer.start(1), close.end(), outer_kind)
    if close and sentence[max(0, start - 3) : start].rstrip().endswith("("):
        paren = sentence.rfind("(", 0, start)
        # From the clause's start or the aside before ("Canada ($716 billion) and China ($408 billion)")
        low = max(_clause_start(sentence, paren), sentence.rfind(")", max(0, paren - LABEL_REACH), paren) + 1)
        words = _clause_words(sentence, low, paren)
        found = words[-1] if words and words[-1].lower() in WHOLES else _noun_before(words)
        if found:
            return found
    aside = _ASIDE.match(sentence, end)  # "60% ($752.0 billion) of total trade": the noun after the aside
    return _label(sentence, start, aside.end() if aside else end, kind)


def _score(sentence: str, start: int, end: int) -> str:
    """ "score" for a result written as two small counts, the higher first ("crushed 5-1", "the
    3-1 defeat", "at 2-0"), and "vote" when a vote or ruling follows ("a 5-4 ruling"); a pair
    after a section or a page word is a reference ("Rule 9-2")."""
    # A rising pair is read as a range, never as a number ("3-5 years"): only a score or a vote reaches here.
    if not _SCORE.fullmatch(sentence, start, end):
        return ""
    before = _clause_words(sentence, max(0, start - 24), start)
    if before and before[-1].lower().rstrip(".") in REFERENCE_WORDS:
        return ""
    after = tokens(sentence, end, 2)
    following = next((w.lower().rstrip(".,;:") for w in after if w.lower() not in DETERMINERS), "")
    voted = bool(before) and before[-1].lower() in ("voted", "ruled", "passed", "approved", "rejected")
    return "vote" if voted or following in VOTES else "score"


def _label(sentence: str, start: int, end: int, kind: str) -> str:
    if kind == "multiple" and (measure := _multiple_of(sentence, end)):
        return measure  # "doubled the level at which", "500 times the resolution of": what is multiplied
    after, unit = _noun_after(sentence, end, kind)
    low = _clause_start(sentence, start)
    number = _LAST_DIGIT.match(sentence, low, start)
    own = number.end() if number else low  # the words after the number before, in the clause
    if number and sentence.rfind("(", low, number.end()) > sentence.rfind(")", low, number.end()) and ")" in sentence[number.end() : start]:
        own = low  # the number before is in an aside: "the bill (P.L. 118-47) directed $125 million"
    name = _name_before(sentence, own, start) if kind in ("percent", "range") else ""
    if name:  # "Borealis Lines 18%": a list of entities and their shares
        return f"{name} share of {after}" if after and sentence[end : end + 4].strip().lower() == "of" else name
    words = _clause_words(sentence, own, start)
    if after in DIMENSIONS.values() and after != "distance" and (thing := _noun_before(words)) and thing != after:
        return f"{thing} {after}"  # "the wall is 30 feet high": the wall's height, not any height
    if after and (kind in ("number", "words") or not _baseline(after)):  # "five levels" counts levels
        return _acted_on(after, words) + _rate_after(sentence, end, after)
    rate = _rate(sentence, end)
    purpose = _purpose(sentence, end) if kind == "money" else ""
    measured = _verb_noun(words, kind, unit, bool(purpose))
    if measured:
        return f"{measured}{rate}"
    if purpose:
        return purpose
    if kind == "money" and _holder_clause(words):  # "X led the field with $11.8m": X's
        # The clause's subject, else the sentence's ("The Aviator, a film ..., was sixth with $7.5m").
        holder = _subject(_clause_words(sentence, low, start))
        if not holder and start <= LABEL_REACH:
            holder = _subject(_clause_words(sentence, 0, _clause_end(sentence, 0, start)))
        if holder:
            return holder
    found = _noun_before(words)
    if not found and _BASELINE_BEFORE.search(sentence, max(low, start - 40), start):
        found = _previous_label(sentence, max(0, start - LABEL_REACH), low)  # ", down from 19%": the rating's
    # A clause with no noun of its own ("up 12 percent", "tied at 15 percent") takes its
    # clause's, then the label of the number in a clause before it (", down from 19%",
    # ", including $107 million") or that clause's nearest noun, a few clauses back at most.
    edge = start
    for _ in range(CLAUSES_BACK):
        if found:
            return f"{found}{rate}"
        found = _previous_label(sentence, low, edge) if edge < start else _noun_before(_clause_words(sentence, low, edge))
        if low <= max(0, start - LABEL_REACH):
            break
        edge = low - 1
        low = _clause_start(sentence, edge, start - LABEL_REACH)
    return f"{found}{rate}" if found else after or _noun_later(sentence, end) or "figure"


def _verb_index(words: list[str]) -> int:
    """Where the verb (or preposition) before an amount stands in its clause's words, past the
    hedges between them ("weighs about", "with nearly"); -1 when none does."""
    index = len(words) - 1
    while index >= 0 and words[index].lower() in BETWEEN_VERB_AND_AMOUNT:
        index -= 1
    return index


def _acted_on(after: str, words: list[str]) -> str:
    """People counted by what was done to them: "killed 12 people" -> people killed."""
    index = _verb_index(words)
    if after.lower() in GENERIC_HEADS and index >= 0 and is_participle(words[index]):
        return f"{after} {words[index].lower()}"
    return after


def _rate(sentence: str, at: int) -> str:
    """ " per night" when a rate's "per" or "/" stands at `at` ("$250/night", "300 dots per inch")."""
    per = _PER.match(sentence, at) if at >= 0 else None
    return f" per {per.group(1)}" if per and per.group(1).lower() not in ("cent", "capita") else ""


def _rate_after(sentence: str, end: int, after: str) -> str:
    """The rate after the noun that follows a number ("300 dots per inch")."""
    last = after.split()[-1]
    at = sentence.find(last, end, end + LABEL_REACH)
    return _rate(sentence, at + len(last) if at >= 0 else -1)


def _multiple_of(sentence: str, end: int) -> str:
    """The noun phrase a multiple is of, after its determiner ("doubled the level at which ...",
    "500 times the resolution of ..."); "" when no determiner follows."""
    after = tokens(sentence, end, 2)
    if len(after) < 2 or after[0].lower() not in DETERMINERS or not after[1][:1].islower():
        return ""
    found, _ = _noun_after(sentence, end + sentence[end:].index(after[0]) + len(after[0]))
    return "" if found.lower() in GENERIC_MEASURES else found  # "four times the amount seized": of what, said before


def _noun_later(sentence: str, end: int) -> str:
    """The first common noun phrase later in a number's clause, for a number standing alone as
    its subject ("Some 56,000 were waiting in Mexico for asylum decisions" -> asylum decisions);
    names, times and verbs are passed over."""
    words = _clause_words(sentence, end, _clause_end(sentence, end, min(len(sentence), end + LABEL_REACH)))
    phrase: list[str] = []
    for word in words[:LATER_WORDS]:
        if word[:1].islower() and is_noun(word) and not TIME_WORD.fullmatch(word):
            phrase.append(word)
            if len(phrase) == 3:
                break
        elif phrase:
            break
    return " ".join(phrase)


def _last_of_repeat(sentence: str, start: int, end: int) -> tuple[int, int]:
    """A number said twice for emphasis ("100 percent — 100 percent federal funding") is
    labelled where it is said last, beside its noun."""
    token = sentence[start:end]
    for _ in range(REPEATS):
        dash = _DASH.match(sentence, end)
        if not dash or not sentence.startswith(token, dash.end()):
            break
        start, end = dash.end(), dash.end() + len(token)
    return start, end


def _previous_label(sentence: str, low: int, edge: int) -> str:
    """The noun a number in the clause [low, edge) counts ("$159 million in humanitarian
    assistance"), else the noun phrase nearest before that number or the clause's end."""
    # Only the clause's tail is read for its last number, from its end back: a clause of many
    # numbers is not read whole for each label.
    cut = _NOT_IN_WORD.search(sentence, max(low, edge - PREVIOUS_REACH), edge) if edge - low > PREVIOUS_REACH else None
    tail = cut.end() if cut else low
    clause = sentence[tail:edge]
    last = next((n for m in reversed(list(candidates(clause))) if (n := read_candidate(m, clause))), None)
    if last is None:
        return _noun_before(_clause_words(sentence, low, edge))
    after, _ = _noun_after(sentence, tail + last.end, last.kind)
    return after or _noun_before(_clause_words(sentence, low, tail + last.start)) or _noun_before(_clause_words(sentence, low, edge))


def _verb_noun(words: list[str], kind: str, unit: str, purpose: bool) -> str:
    """What the verb before an amount says it is ("the console weighs" 8 pounds -> console
    weight, "launched at" $400 -> price, "taking" $8m -> takings), with the noun phrase before
    the verb; "" when no such verb stands there."""
    index = _verb_index(words)
    if index < 0:
        return ""
    verb = words[index].lower()
    noun = VERB_NOUNS.get(verb, "") if unit or kind != "money" else VERB_NOUNS.get(verb) or MONEY_VERB_NOUNS.get(verb, "")
    if not noun or (noun == "takings" and purpose):
        return ""  # "it will take $5 billion to fix the roads": a cost, not takings
    before = index
    while before > 0 and (words[before - 1].lower() in AUXILIARIES or words[before - 1].lower() in ("that", "which", "who")):
        before -= 1  # "the lamp should weigh", "the clinic will receive", "a room that cost"
    # "the console weighs": the console's weight; not "the group aims to save": an infinitive has no owner
    infinitive = any(w.lower() == "to" for w in words[before:index])
    owner = _noun_before(words[:before]) if before and is_noun(words[before - 1]) and not infinitive else ""
    return f"{owner} {noun}".strip()


def _purpose(sentence: str, end: int) -> str:
    """What money is for when an infinitive follows it: "$12 to unlock offline maps" -> offline
    maps; "" for "to be" or a verb with no object ("cost $300,000 to build")."""
    match = _PURPOSE.match(sentence, end)
    if not match or match.group(1).lower() in NOT_PURPOSE or match.group(1).endswith(("ing", "ed")):
        return ""  # "to be"; "$302 million to supporting": a preposition's object
    found, _ = _noun_after(sentence, match.end())
    if found and all(w[:1].isupper() for w in found.split()):
        return f"{match.group(1)} {found}"  # "to conserve the Amazon": what is done with the money, to a name
    return found


def _holder_clause(words: list[str]) -> bool:
    """The amount follows "with" ("led the Oscar hopefuls with $11.8m")."""
    index = _verb_index(words)
    return index >= 0 and words[index].lower() == "with"


def _clause_words(sentence: str, low: int, high: int) -> list[str]:
    """The words of a stretch, without adverbials that hold a noun but name nothing ("on
    average", "in total")."""
    text = sentence[low:high]
    words = _LABEL_WORD.findall(_PARENS.sub(" ", text) if "(" in text else text)  # an aside names nothing
    if len(words) < 2:
        return words
    drop = {i for i in range(1, len(words)) if (words[i - 1].lower(), words[i].lower()) in ADVERBIALS}
    return [w for i, w in enumerate(words) if i not in drop and i + 1 not in drop] if drop else words


def _clause_end(sentence: str, low: int, high: int) -> int:
    """Where the first clause of [low, high) ends."""
    marks = [at for mark in _CLAUSE_MARKS if (at := sentence.find(mark, low, high)) >= 0]
    return min(marks, default=high)


def _noun_after(sentence: str, end: int, kind: str = "number") -> tuple[str, str]:
    """The noun phrase right after a number ("suspects", "arrest warrants", "of heavy weapons",
    money's "in aid", a change's "increase in seizures", "tons of plastic"), or "" when a verb, a
    comparative or a preposition follows it; and the unit of measure it skipped ("pounds")."""
    after = tokens(sentence, end, 14)
    unit = ""
    if after and after[0].lower().rstrip(".,;:") in UNIT_NOUNS:
        unit = after.pop(0).lower().rstrip(".,;:")
        if after and after[0].lower().rstrip(".,;:") in DIMENSIONS:
            return DIMENSIONS[after[0].lower().rstrip(".,;:")], unit  # "eight feet away", "2 miles long"
        if not after or after[0].lower() != "of":
            return "", unit  # "weighs 8.4 pounds", "100 miles off the coast": no noun after
    if len(after) > 1 and after[0].lower() == "or" and after[1].lower().rstrip(".,;:") in ("more", "fewer", "less", "so"):
        after = after[2:] if after[1][-1:] not in ".,;:" else []  # "50 percent or more of the adults"
    if after and after[0].lower() in ("dollars", "dollar", "euros", "pesos"):
        after, kind = after[1:], "money"  # "$18 trillion dollars", "a billion dollars in funding": money, and no thing
    skip = ("of", "in", "for", "on", "from") if kind == "money" else ("of",)
    if kind == "money" and len(after) > 2 and is_participle(after[0]) and after[1].lower() in ("in", "on", "for", "into"):
        after = after[1:]  # "$1000 invested in a room"
    if (
        kind in ("number", "words")
        and len(after) > 1
        and after[0].lower() in ("more", "fewer")
        and after[1][:1].islower()
        and is_noun(after[1])
    ):
        after = after[1:]  # "nine more states", "1,200 more local firefighters"
    through = ""
    if after and after[0].lower() in skip:
        through = after[0].lower()
        after = after[1:]
        if after and after[0].lower() in DETERMINERS:
            after = after[1:]
        if through == "in" and after and after[0].lower() in ("attempt", "effort", "bid", "order"):
            return "", unit  # "by £2,000 in an attempt to": why, not what
    words: list[str] = []
    if after and after[0].lower() in CHANGES:  # "a 40 percent increase in the number of traces"
        words.append(after[0].rstrip(".,;:"))
        if len(after) > 1 and after[1].lower() in ("in", "of") and after[0][-1:] not in ".,;:":
            words.append(after[1])
            after = [w for w in after[2:] if w.lower() not in DETERMINERS]
            if len(after) > 1 and after[0].lower() in ("number", "amount", "volume") and after[1].lower() == "of":
                after = [w for w in after[2:] if w.lower() not in DETERMINERS]
        else:
            after = []
    for index, word in enumerate(after):
        lowered = word.lower().rstrip(".,;:")
        following = after[index + 1] if index + 1 < len(after) else ""
        second = after[index + 2] if index + 2 < len(after) else ""
        if word in QUOTE_MARKS:
            continue  # 10 “pip” cards
        if word[:1].isdigit() and (_YEAR.fullmatch(word) or (words and _POSSESSIVE.search(words[-1]))):
            continue  # "Mexico's 2024 total trade", "of the assembly’s 300 seats"
        if word[:1].isdigit() and re.search(r"[A-Za-z]", word) and following[:1].islower():
            words.append(word)  # "42 million 8-ounce bottles", "five 2D levels": a measure before the noun
            continue
        # "Customs and Border Protection", "goods and services trade", "domestic and foreign
        # investment": "and" joins names, plural nouns, or words before a noun
        name_and = (
            lowered == "and"
            and bool(words)
            and is_noun(following)
            and (
                (following[:1].isupper() and words[-1][:1].isupper())
                or (following.islower() and (following.endswith("s") or (second[:1].islower() and is_noun(second))))
            )
        )
        # "100 percent recycled materials", "three top commanders": an adjective before its noun
        # ("of the unspecified INCLE funds"; but "one in 10 recognised Charles Kennedy" is a verb's)
        adjective = (
            (
                is_participle(word)
                or lowered in ("top", "total")
                or ("-" in word and lowered.endswith("ing"))
                or (not words and lowered.endswith("ing") and following.lower().rstrip(".,;:").endswith("s"))  # "500,000 charging stations"
            )
            and (is_noun(following) or following.lower().rstrip(".,;:") in PLURAL_COUNTS)
            and (following[:1].islower() or through == "of")
        )  # "side-scrolling levels", "267 total wins"
        # "12 wins", "total wins": a verb's form in -s right after a count or its adjective is a plural noun
        counted = lowered in PLURAL_COUNTS and kind in ("number", "words") and (not words or words[-1].lower() in ("top", "total"))
        if counted:
            words.append(word.rstrip(".,;:"))
            if word[-1:] in ".,;:":
                break
            continue
        if (
            not name_and
            and not adjective
            and (not re.match(r"[A-Za-zÀ-ÿ]", word) or lowered in LABEL_STOP or len(word) > LONGEST_WORD or is_verb(word))
        ):
            break
        if lowered in COMPARATIVES:
            break  # "12 percent higher", "3 more": no noun follows
        if words and words[-1][:1].isupper() and word.rstrip(".,;:") in HEADLINE_VERBS:
            break  # a headline's verb in capitals: "100,000+ Workers Go Without Pay"
        if word[:1].islower() and len(lowered) > 6 and lowered.endswith("ly") and not lowered.endswith(("ply", "bly", "ily")):
            break  # "$18 trillion annually": an adverb ends the phrase ("supply", "assembly", "family" are nouns)
        abbreviation = bool(_ABBREVIATION.fullmatch(word))
        words.append(word if abbreviation else word.rstrip(".,;:"))
        if len(words) == 6 or (word[-1:] in ".,;:" and not abbreviation):  # the clause ends with this word
            break
    while words and (words[-1].lower() in NOT_NOUNS or words[-1].lower() in ("in", "of") or is_participle(words[-1])):
        words.pop()  # "19 injured", "300 killed": a participle alone names nothing
    if len(words) == 1 and words[0].lower() in GENERIC_HEADS:
        words += _what_befell(after, words[0])  # "17 people found guilty of"
    if words and not any(is_noun(w) or w.lower() in CHANGES or w.lower() in PLURAL_COUNTS for w in words):
        return "", unit
    if through != "of" and any(TIME_WORD.fullmatch(w) for w in words):
        return "", unit  # "$3 million in the first quarter", "on Monday": when, not what
    return " ".join(words), unit


def _what_befell(after: list[str], head: str) -> list[str]:
    """The participle after a head that counts people ("people found guilty", "people killed")."""
    k = next((n for n, w in enumerate(after) if w == head), -1)
    if k < 0 or k + 1 >= len(after) or not (is_participle(after[k + 1]) or after[k + 1].lower() in IRREGULAR_PARTICIPLES):
        return []
    found = [after[k + 1].rstrip(".,;:")]
    if after[k + 1][-1:] not in ".,;:" and k + 2 < len(after) and after[k + 2].lower().rstrip(".,;:") in STATES:
        found.append(after[k + 2].rstrip(".,;:"))
    return found


def _noun_before(words: list[str]) -> str:
    """The noun phrase nearest before a number in its clause ("a room that cost", "drug seizures
    up", "approval rating at", "homicides with"); a phrase of place or group after its head gives
    the head ("homicides in Mexico rose", "the rate among teens has increased")."""
    words = [w for w in words if len(w) <= LONGEST_WORD]
    index = len(words) - 1
    while index >= 0 and not nouny(words, index):
        index -= 1
    phrase: list[str] = []
    name = False  # the phrase so far is a name ("Mexico and the United States")
    while index >= 0 and len(phrase) < (NAME_WORDS if name else 5):
        word = words[index]
        lowered = word.lower()
        joins = lowered in ("of", "and") and phrase and index > 0 and nouny(words, index - 1)
        # "Mexico and the United States", "Bank of the Philippines": "the" inside a name
        joins = joins or (lowered == "the" and name and index > 1 and words[index - 1].lower() in ("of", "and") and nouny(words, index - 2))
        if not joins and not nouny(words, index):
            link, back = lowered, index - 1
            if link == "the" and back >= 0:
                link, back = words[back].lower(), back - 1  # "in the United States"
            if phrase and back >= 0 and nouny(words, back) and (link in PLACE_WORDS or (name and link in NAME_LINKS)):
                phrase, index, name = [], back, False  # the head before "in Mexico", "among teens", "from Peru"
                continue
            break
        phrase.insert(0, word)
        name = all(w[:1].isupper() or w.lower() in ("of", "and", "the") for w in phrase)
        index -= 1
    while phrase and not is_noun(phrase[0]):
        phrase.pop(0)
    return " ".join(phrase)


def _clause_start(sentence: str, start: int, reach: int | None = None) -> int:
    """Where the clause holding `start` begins: after the last clause mark before it, no further
    back than `reach` (LABEL_REACH before `start`)."""
    low = max(0, start - LABEL_REACH if reach is None else reach)
    clause = max(sentence.rfind(mark, low, start) for mark in _CLAUSE_MARKS)
    for _ in range(ASIDES_SKIPPED):
        if clause < low or sentence[clause] != "(" or sentence.find(")", clause, start) < 0:
            break
        clause = max(sentence.rfind(mark, low, clause) for mark in _CLAUSE_MARKS)  # "(P.L. 118-47)" closed: an aside
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
    # "Some 50%": a hedge or a sentence's first word is no name (the rule numbers reads names by)
    words = [
        w for w in match.group(1).split() if w.lower() not in LABEL_STOP and w.lower() not in LEADING_UNITS and not _HEDGE.fullmatch(w)
    ]
    return " ".join(words) if words and not is_verb(words[-1]) else ""


def _subject(words: list[str]) -> str:
    """The noun phrase a clause opens with, up to its verb: "the port authority has spent" ->
    "port authority"; "" when the clause opens with a verb, a preposition or a comparative."""
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    phrase: list[str] = []
    for index, word in enumerate(words):
        joins = word.lower() in ("of", "and") and phrase and index + 1 < len(words) and is_noun(words[index + 1])
        name = phrase and word[:1].isupper() and phrase[-1][:1].isupper()  # "Million Dollar Baby": a title's words
        if not joins and not name and not is_noun(word):
            break
        phrase.append(word)
        if len(phrase) == 5:
            break
    while phrase and not is_noun(phrase[-1]):
        phrase.pop()
    return " ".join(phrase)


def _baseline(phrase: str) -> bool:
    """'80 percent of pre-crisis levels' measures the clause's subject against a baseline."""
    return phrase.split()[-1].lower() in BASELINES
