"""Who a quotation is credited to, from the words around its marks.

Stage: extraction (used by :mod:`.quotes`). Each function reads a bounded window of the text
around one quotation (at most a few hundred characters), so its cost does not grow with the
source. The speaker comes back as written ("Secretary Ana Duarte", "he", "the minister"), with the
role the text gives when it gives one; :mod:`.quotes` resolves names, titles and pronouns.
Long because each way a text credits words (before them, after them, in a short quotation's own
sentence) is one pattern with its guards, and the guards belong next to the pattern they bound.
"""

from __future__ import annotations

import re

from brief.ingest.namewords import HONORIFICS, name_groups, person_groups
from brief.ingest.quotelabels import label_speaker, statement_owner
from brief.ingest.speechwords import (
    ACT_VERBS,
    AIDE,
    GROUPS,
    ITS_DOCUMENT,
    LEADS,
    MORE_ACT_VERBS,
    NAMING_VERBS,
    OUTLET,
    OWNED_DOCUMENTS,
    ROLE_WORD,
    TITLED,
    VERB_WORD,
    VERBS,
    VERBS_BEFORE,
)
from brief.ingest.vocabulary import (
    NAME_WORD,
    NOT_NAME,
    ONE_WORD_ORGS,
    OPENERS,
    ORG_HEADS,
    ROLE_NOUNS,
    SAID_WHEN,
    TITLES,
    bare,
    last_sentence,
)

# A speaker's own "quote" before the words: "he said, and I quote, “…”", "my predecessor says, quote, “…”".
_QUOTE_WORD = r"(?:,?\s+(?:and\s+)?(?:(?:I|I[’']ll|I\s+will|let\s+me)\s+)?quote(?:\s+(?:her|him|them|it|you))?)?"
# "The spokesman", "a Department for Education and Skills source": a description of up to seven
# words ("and" only between two capitalised words of a name, or in a portfolio: "the work and
# pensions minister")
_NOMINAL = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Oo]ne(?!\s+(?:in|of|out)\b)|[Aa]nother|[Ee]very)\s+(?:(?:[A-Z]\.)+\s+|[A-Z][\w’'&-]*\s+and\s+(?=[A-Z][\w’'&-]*\s+(?!(?:said|says|added|adds|told|warned|argued|insisted|claimed|explained)\b)[\w’'&-]+\s)|[a-z]+\s+and\s+(?=(?!(?:former|then|shadow|deputy|junior|acting)\b)[a-z]+\s+(?:secretary|minister|spokesman|spokeswoman|spokesperson)\b)|(?!(?:and|or|but|that|who|he|she|they|it|we|i|was|were|is|are|been|be|might|may|could|should|would|will|can|must)\b)[^\s,;:“”\"‘’.]+\s+){0,6}?(?!(?:and|or|but|that|who|which|on|in|at|of|by|for|to|with|he|she|they|it|we|i|was|were|is|are|been|be|might|may|could|should|would|will|can|must)\b)[^\s,;:“”\"‘’.]+"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"
# The speaker's own voice before what they say: "I said, “…”", "we’re going to say, “…”" (the
# quotation is the speaker's of the turn, or the statement's author).
_SELF = r"(?:I|[Ww]e)(?:[’'](?:re|m|ll|ve))?"
_AFTER = re.compile(
    # Possessive spaces: none of what follows starts with one, and a run of spaces must not be
    # shared out among the optional marks in every possible way.
    rf"\s*+[,.!?]?\s*+[”\"’']?\s*+(?:,\s*+)?(?:[—–-]\s*+)?"
    # '…," agreed Cram', '…," points out Steve Cram': speech only when inverted, before the speaker
    rf"(?:(?P<verb1>{VERBS}|agreed|agrees|points\s+out|pointed\s+out)\s+(?P<who1>(?:an?|the|one|another|those|some|many)\s+(?:[^,.;“”\"‘’]|(?<=[A-Z])\.){{3,80}}?|(?:[\w’'&-]+\s+){{0,6}}?{TITLED}"
    # "said Opera spokeswoman, Berit Hanson": a role, a comma, then the name
    rf"|(?:{TITLED}\s+)?(?:[a-z]+\s+){{0,2}}(?:{ROLE_WORD}),\s+{TITLED}(?=\s*[.;]|,\s)|{_PRONOUN}"
    # "said Secretary Ana Roe’s spokesperson": an aide, who speaks for the one named
    rf"|{TITLED}[’']s\s+(?:[a-z-]+\s+){{0,2}}{AIDE}|{ITS_DOCUMENT})"
    rf"(?=[,;:]|\.(?!\s+[a-z])|\s+[—–]\s|\s+(?:on|in|at|of|for|with|by|who|during|after|before|to|from|as|when|while|last|this|yesterday|today|tonight|afterwards|again|recently|about|outside)\b|\s*$)"
    rf"|(?P<desc>(?:(?:[^\s,.;“”\"‘’]|(?<=\w)’(?=\w))+\s+){{0,6}}?)(?<![\w'’-])(?P<who2>{TITLED}[’']s?\s+{OWNED_DOCUMENTS}|{TITLED}\s+{OUTLET}|(?<=[,?!][”\"’']\s)(?:[a-z]+\s+)?{GROUPS}(?=\s)|{TITLED}|{ITS_DOCUMENT}|{_NOMINAL}|{_PRONOUN})"
    # '…," Ana Roe from the Harbor Board, told': where the speaker comes from is a role
    rf"(?:\s+from\s+(?P<org2>(?:the\s+)?{TITLED}),?)?"
    # '…," Ana Roe, head of Harbor Mining told': a role in lower case may lack its closing comma;
    # '…," Ana Roe, 57, said': an age between commas; '…," Ana Roe, from X, one of its founders, told': two roles; '“…?” the cardinal will ask': asking, said ahead
    rf"(?:,\s+(?P<age>\d{{1,3}}),|,\s+(?P<role2>(?:[^,“”\"‘’]|(?<=\w)’(?=\w)){{3,80}}?(?:,\s+(?:an?|the|one|now|formerly)\s+(?:[^,“”\"‘’]|(?<=\w)’(?=\w)){{3,80}}?)?),|,\s+(?P<role3>(?:an?|the)\s+(?:[^,.“”\"‘’]|(?<=\w)’(?=\w)){{3,80}}?)|,\s+(?P<role4>(?:(?:[a-z-]+\s+){{0,2}}(?:{ROLE_WORD}|fellow)\s+(?:of|at|for)|from)\s+(?:[^,.“”\"‘’]|\.(?=\w)){{2,60}}?)"
    # '…," Ana Roe, Harbor Board director said': a short role that ends in a role's word, no comma after it
    rf"|,\s+(?P<role5>(?:[^\s,.“”\"‘’]+\s+){{0,3}}?(?:{ROLE_WORD}))(?=\s+{VERBS}\b))?"
    # '…," Ana Roe - then adviser to the governor - told': an aside between dashes
    rf"(?:\s+[-–—]\s+[^-–—“”\"\n]{{1,80}}?\s+[-–—](?=\s))?"
    # '…," shop owner Ana Roe, told AP': a stray comma before the verb
    rf",?\s+(?:(?:\w+ly|often|also|later|then|once|again|since|earlier|previously|still|has|had|will|would)\s+){{0,2}}(?P<verb2>{VERBS}|(?<=will\s)(?:ask|argue|tell|warn|insist|claim|add|say))\b"
    # '…," the paper quoted Qantas chief Geoff Dixon as saying', '…," Reuters quoted one trader as saying'
    rf"|(?:[Tt]he\s+)?(?:{TITLED}|[a-z]+)\s+quoted\s+(?P<desc3>(?:[\w’'&-]+\s+){{0,4}}?)"
    rf"(?P<who3>{TITLED}|(?<=\s)(?:an?|one|another)\s+[a-z]+(?:\s+[a-z]+){{0,3}}?)\s+as\s+saying)",
)
_BEFORE = re.compile(
    # "Jane Roe, the director, said:" (the role between two commas), or "Jane Roe, Harbor Board
    # said:" (a capitalised role); never "Asked about it again, Mr Roe replied:".
    # "she’d say, “…”", "he’s like, “…”": a pronoun's contraction, and "like" as speech says it
    rf"(?<![\w'’&-])(?:(?P<who>{_PRONOUN}(?=[’'](?:d|ll|s|re)\s)|{TITLED}[’']s?\s+{OWNED_DOCUMENTS}|{TITLED}\s+{OUTLET}|{TITLED}|{_NOMINAL}|{_PRONOUN}|{_SELF}|[Ss]cripture)(?:[’'](?:d|ll|s|re)(?=\s))?(?:,\s+(?P<role>(?!(?:and|but|who|which|then|later|as)\b)(?:[^,.“”\"‘’—–]|(?<=[A-Z])\.|(?<=\w)\.(?=\w)|(?<=\w)’(?=\w)){{3,110}}?(?:,\s+[A-Z][^,.“”\"‘’]{{2,60}}?)?),)?"
    rf"|(?P<who_b>{TITLED}),\s+(?P<role_b>[A-Z](?:[^,.“”\"‘’—–]|(?<=[A-Z])\.){{2,80}}?)"
    # "Mark Roe, the leader of the Harbor Union said:": a role that ends in a body's name may lack its comma
    rf"|(?P<who_c>{TITLED}),\s+(?P<role_c>(?:the|an?)\s+(?:[^,.“”\"‘’—–]|(?<=[A-Z])\.){{2,80}}?\s(?:of|at|for)\s(?:[^,.“”\"‘’—–]){{0,60}}?[A-Z][\w’'&-]*)(?=\s+[a-z]))"
    # "A woman stood up and said": what the speaker did first, in a few words of lower case; "she
    # would go on to say"
    rf"\s+(?:\w+ly\s+|also\s+|then\s+|later\s+|would\s+|(?:(?<=[Hh]e\s)|(?<=[Tt]hey\s)|(?<=[Ww]e\s))(?:has|have|had)\s+(?=(?!add(?:ed)?\b)\w+\s)|used\s+to\s+|likes\s+to\s+|once\s+|often\s+|always\s+|never\s+|did\s+|does\s+|will\s+|(?:was|kept)\s+(?=(?:telling|saying)\b)|(?:are\s+|is\s+|am\s+)?going\s+to\s+|(?:go|goes|went)\s+on\s+to\s+|(?:stood|got|came|went|turned|looked|sat|leaned|walked|rose|ran|took|reached|paused|[a-z]+ed)\b(?:\s+[a-z]+){{0,3}}?\s+and\s+){{0,2}}(?:{VERBS_BEFORE}|(?:(?<=\bwas\s)|(?<=\bkept\s))(?:telling|saying)|(?:is\s+|was\s+|are\s+|were\s+)?like(?=,?\s*$)|quoted\s+[^“”\"‘’.]{{1,60}}?\s+as\s+saying|[^“”\"‘’.,]{{0,40}}?,\s+{LEADS}(?=\s*:?\s*$))(?:\s+that\s+[^“”\"‘’.;:]{{1,120}}?(?=:\s*$)|\s+(?:[^“”\"‘’.:]|(?<=\w)[’'](?=\w)){{0,50}}?)?{_QUOTE_WORD}\s*[:,]?\s*$"
)
# Who a relative clause says spoke: "from Jane Roe’s sister, who said, “…”", "our seniors that said".
_WHO_SAID = re.compile(
    # "that" only after people in the plural ("our seniors that said"), not a thing ("a note that said")
    rf"(?<![\w'’-])(?:(?P<who>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}[’']s\s+[a-z]+|{_NOMINAL}),\s+who|(?P<many>{_NOMINAL}(?<=[a-rt-z]s)),?\s+that)"
    rf"\s+(?:\w+ly\s+|also\s+|then\s+)?{VERBS}"
    r"(?:\s+[^“”\"‘’.,:]{1,40}?)?\s*[:,]?\s*$"
)
_RELATIVE = re.compile(r",\s+(?:who|whose)\s[^,.;:“”\"‘’]{3,140},(?=\s+(?:\w+ly\s+)?[a-z]+(?:\s+[^,.;:“”\"‘’]{1,50}?)?\s*[:,]?\s*$)")
# An aside between dashes after a name, before its speech verb (a speech's own dashes break off words).
# A spaced hyphen stands for a dash where the text has no dashes of its own ("Acme - which has a
# fifth of the market - said that").
_DASH = r"(?:[—–]|-(?=[^\S\n]))"
_DASH_ASIDE = re.compile(rf"(?<=[A-Za-z])[^\S\n]+{_DASH}[^—–“”\"\n]{{1,80}}?(?:[—–]|[^\S\n]-)(?=[^\S\n]+{VERBS}\b)")
# A person named just before "of the …", the description the verb's subject then is.
_OF_THE = re.compile(rf"(?<![\w’'])(?P<name>(?:{NAME_WORD}[^\S\n]+){{1,3}}{NAME_WORD})[^\S\n]+(?P<link>of|at|from)[^\S\n]+$")
_SAYING = re.compile(r"\b[Aa]s\s+they\s+(?:say|put\s+it)\b[^“”\"]{0,40}$")
_ASIDE = re.compile(r"\s+[(\[][^()\[\]\n“”\"]{1,40}[)\]](?=\s+[a-z])")
_ROLE_AFTER = re.compile(
    r",\s*(?P<role>(?!(?:who|which|adding|saying|according|as|but|and|in|on|at|when)\b)"
    r"(?:[^,.;:“”\"‘’\n]|(?<=[A-Z])\.|(?<=\w)\.(?=\w)){3,110}?)\s*(?=[;:\n]|\.(?!\w)|,\s+(?:who|which|adding|saying|according|as|but|and)\b|$)"
)
_APPOSITIVE_NAME = re.compile(r"(?P<more>[^.,;“”\"]{0,80}),\s*(?P<name>[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){1,3})\s*(?:[.,;]|$)")

_WIDE_ACT_VERBS = f"(?:{ACT_VERBS}|{MORE_ACT_VERBS})"
# A passive attribution: "an effort reportedly described by then-Director Ana Ruiz as “…”".
_PASSIVE_BY = re.compile(
    rf"\b(?:{NAMING_VERBS}|quoted|cited)\s+(?:\w+ly\s+)?by\s+(?:the\s+)?(?:then-)?"
    rf"(?P<who>(?:{NAME_WORD}\s+){{0,5}}{NAME_WORD})"
)
COLLECTIVE = r"(?:government|authorities|officials|agencies|ministry|military|embassy|administration|spokesperson|spokesman|spokeswoman)"
# Periods are allowed only in abbreviations such as "U.S.", so the match stays in one sentence.
# "the House of Commons authorities have told": a body's name, and the people who speak for it.
_ACT_PATTERN = (
    rf"(?P<who>{NAME_WORD}(?:\s+(?:of\s+|for\s+)?{NAME_WORD}){{0,3}}(?:\s+{COLLECTIVE})?)\b(?:[^.“”\"]|(?<=[A-Z])\.){{0,160}}?"
    r"(?P<verb>{verbs})(?:[^.“”\"]|(?<=[A-Z])\.){0,160}$"
)
# The subject of another clause between a name and the speech verb: "… to see Raw T, but he had
# been reluctant, saying", "Tait … won praise, even if the coach admitted".
_OTHER_SUBJECT = re.compile(
    rf"(?:[,;][^\S\n]+(?:(?:but|and|so|yet|even|if|though|although|while|as)[^\S\n]+){{0,2}}|^[^\S\n]+)"
    # a role only right before the verb: ", the managing director of Acme, said" is an apposition
    rf"(?:(?:he|she|they|we|I)\b|the\s+(?:[a-z-]+\s+){{0,2}}(?:{ROLE_WORD})s?\s*$)"
)
_POST_NOMINALS = frozenset("MP MPs MEP MSP MLA AM QC KC PhD OBE MBE CBE".split())
# One lower-case word between a capitalised word and the speech verb, which is no adverb or
# auxiliary: the noun the capitalised word qualifies ("Harbor unions said").
_NOUN_BEFORE_VERB = re.compile(
    r"[^\S\n]+(?!(?:\w+ly|also|has|have|had|will|would|could|may|might|must|should|did|does|do|then|later|once|twice|again|still|just|"
    r"even|never|ever|always|often|sometimes|soon|already|first|finally|both|all|too|himself|herself|themselves|itself|now|"
    r"today|tonight|yesterday|recently|previously|earlier|last|this|however|here|there)[^\S\n])[a-z]+[^\S\n]+"
)
# An aide of the one named just before, who acts: "Mr Roe’s lawyer labelled", "the senator’s spokesman said".
_AIDE_ACTS = re.compile(rf"(?:[’']s?)?\s+(?P<aide>{AIDE})\s")
_SPEECH_ACT = re.compile(_ACT_PATTERN.replace("{verbs}", ACT_VERBS))
_WIDE_SPEECH_ACT = re.compile(_ACT_PATTERN.replace("{verbs}", _WIDE_ACT_VERBS))
_YOU_SAID = re.compile(
    r"\b[Yy]ou\s+(?:[a-z]+\s+){0,2}?(?:say|said|saying|call|called|calling|described|describing|wrote|told|telling|promised|"
    r"use[ds]?\s+the\s+(?:word|phrase|term))\b[^“”\"?.!]{0,60}$"
)
_SPEECH_VERB = re.compile(ACT_VERBS)  # a cheap test before the costly pattern
# An attribution set off inside the sentence, the verb first: "As a result, says the committee, the
# government must …", "The plan would save money, says the party - and …".
_INVERTED_ASIDE = re.compile(
    r"(?:^|,[^\S\n]*)(?:says|said|adds|added|argues|argued|claims|claimed|warns|warned)[^\S\n]+"
    r"(?P<who>(?:the|a)[^\S\n]+[a-z]+(?:[^\S\n]+[a-z]+)?|[A-Z][\w’'-]+(?:[^\S\n]+[A-Z][\w’'-]+){0,3})"
    # where the speaker works: "said Ana Roe of Harbor Bank in Tokyo,"
    r"(?:[^\S\n]+(?:of|at|from)[^\S\n]+[A-Z][^,.;:“”\"\n]{1,60})?[^\S\n]*(?:,|[^\S\n][-–—][^\S\n])"
)
_WIDE_VERB = re.compile(_WIDE_ACT_VERBS)
_WITH_ACTING = re.compile(rf"\bwith\s+(?P<who>(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})\s+{_WIDE_ACT_VERBS}")
# A stop that ends no sentence: an initial's ("U.S.") or a title's ("Dr. King", "Gov. Roe"). Every
# sentence end of attribution and of quotes.py is read with it.
NOT_AFTER_TITLE = r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr))(?<!\b(?:Mrs|Gov|Sen|Rep|Gen|Col|Rev|Sgt))(?<!\bProf)"
STOP_SPACE = re.compile(rf"{NOT_AFTER_TITLE}[.!?][”\"’]?\s")  # a stop, perhaps a quotation's closing mark, a space
_SENTENCE_END = re.compile(rf"{NOT_AFTER_TITLE}[.!?](?=\s|$)|\n")
_CLAUSE_AFTER = re.compile(r"\s+(?:his|her|their|its|that|it|he|she|they|there|we|this|these)\b")
_NAMING = re.compile(r"\b(?:so-called|known as|dubbed|nicknamed|titled|entitled|named|called|slogan|motto)[^\S\n]+[“\"‘][^“”\"‘’]{0,80}$")


# What follows a speech verb that introduces the next quotation: "says, “", "tells us: “".
# Words after the closing mark that call the quotation someone's judgement: '“…,” is the dry
# assessment of Ana Roe', '“…” was the verdict of the chief inspector, Tom Lee'.
_VERDICT_OF = re.compile(
    rf"[\s,]*(?:is|was)\s+the\s+(?:[a-z]+\s+)?(?:assessment|verdict|view|opinion|conclusion|message|warning|advice|judgement|judgment)"
    rf"\s+of\s+(?P<who>{TITLED})(?=\s*[,.;]|\s*$)"
)
# After "I said": a few words (or an aside: "I said — I turn, I said,") and a comma or a colon
# before the next opening mark, in one sentence.
_INTRODUCES_NEXT = re.compile(r"(?:(?:\s+[a-z]+){0,2}?|\s*[—–][^.!?“”\"\n]{0,50}?)\s*[,:]\s*[“\"]")
_TITLE_WORD = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
_OFFICE_THEN_NAME = re.compile(
    rf"(?P<office>\s+(?:on|of|for)\s+(?:[A-Z][\w’'&-]*\s+){{0,6}}?(?:{_TITLE_WORD}))\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})(?=[.,;]|\s*$)"
)
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}(?=\s*[,.;]|\s*$)")
_SENTENCE_AFTER_NAME = re.compile(r"(?<=[a-z]{2})\.\s+[A-Z].*$", re.S)


def attribution_after(text: str, start: int, end: int) -> tuple[str, str | None] | None:
    """'…," said Jane Roe, director of X.' / '…," Jane Roe said.' / '…," the minister, Ana Duarte,
    said.' / '…,' he said. `start` is just after the closing mark."""
    if verdict := _VERDICT_OF.match(text, start, end):
        return verdict.group("who"), None  # '“…,” is the dry assessment of Ana Roe, leader of …'
    match = _AFTER.match(text, start, end)
    if match is None:
        return None
    if text[start - 2 : start - 1] in ".!?" and _INTRODUCES_NEXT.match(text, match.end(), end):
        return None  # '“… peacemakers.” And the charter says, “…”': a new sentence that opens the next words
    if match.group("who1"):
        # '…," said Alan Lovell. Shares rose …': the name ends with its sentence ("Jr." and initials go on)
        who, role = _SENTENCE_AFTER_NAME.sub("", match.group("who1")), None
        rest = match.end()
        office = _OFFICE_THEN_NAME.match(text, rest, end)
        if office:  # '…," said Council on Environmental Quality Chairman Kate Scarlo.': the body's "on" is no end
            return office.group("name"), who + office.group("office")
        named = _APPOSITIVE_NAME.match(text, rest, end) if who.lower().startswith(("the ", "a ", "an ")) else None
        if named:  # "said the former ambassador to Peru, Jane Roe": the description is the role
            return named.group("name"), who + named.group("more").rstrip()
        seat = _OF_PLACE.match(text, rest, end) if who.lower().startswith("the ") else None
        if seat:  # "said the Archbishop of Canterbury": the office is named by its seat
            who, rest = who + seat.group(0), seat.end()
        sender = re.match(r"\s+from\s+(?P<who>[^,.;“”\"‘’]{2,60}?)(?=[,.;]|\s*$)", text[rest:end])
        if sender and (owner := _sent_by(who, sender.group("who"))):  # '…," read a statement from the firm.'
            return owner, None
        role_match = _ROLE_AFTER.match(text, rest, end)
        if role_match and not re.match(r"(?:he|she|they|it)\b", who, re.I):
            role = role_match.group("role").strip()
        return who, role
    if match.group("who3"):  # '…," the paper quoted Prince Saud as saying.'
        return match.group("who3"), (match.group("desc3").strip() or None)
    if re.match(r"(?:The|An?|His|Her|Their|My|Our)\s", match.group("who2")) and text[start - 2 : start - 1] not in ",?!—–-":
        return None  # '"… the plan" The general was asked': a new sentence, not an attribution
    if text[start - 2 : start - 1] == "." and match.group("desc").strip() and match.group("who2")[:1].islower():
        return None  # '"… in spring." Nobody will lose a berth, the crews added': the next sentence's object
    desc_words = match.group("desc").split()
    if desc_words and re.match(r"(?:the|an?|his|her|their)\s", match.group("who2")):
        if desc_words[0].lower() in ("the", "a", "an") and desc_words[-1] in ("of", "at", "for", "from"):
            # '“…,” the chief executive of a leading carmaker told BBC News': one description
            whole = " ".join([*desc_words, match.group("who2")])
            apposed = (match.group("role2") or "").split()
            if apposed and any(i == 0 and j == len(apposed) for i, j in person_groups(apposed)):
                return " ".join(apposed), whole  # '“…,” the new chair of the Harbor Board, Ana Roe, said'
            return whole[:1].upper() + whole[1:], None
        return None  # '“a lot smarter” in the way they ran the campaign, a backbencher said': no description before "the"
    if text[start - 2 : start - 1] == "." and _CLAUSE_AFTER.match(text, match.end()):
        return None  # '"… it will come." Ana Roe conceded her team …': a new sentence that reports, not a credit
    if text[start - 2 : start - 1] == "." and re.search(r"\bhad\s+$", text[max(0, match.start("verb2") - 6) : match.start("verb2")]):
        return None  # '"… gone by now." Roe had said before the game …': a new sentence about earlier words
    stray = "," in text[match.end("who2") : match.start("verb2")] and not any(
        match.group(g) for g in ("age", "role2", "role3", "role4", "role5")
    )
    if stray and (len(match.group("who2").split()) < 2 or not _role_desc(match)):
        return None  # "… the journalist was Jewish, said Mr Blair": a stray comma only after a name in full
    if text[start : start + 1] == "." and not re.match(r"\s*[.,;:]", text[match.end() : match.end() + 2]):
        return None  # '“…”. ABC said the claims had …': the stop after the mark ended the sentence
    if match.group("who2").lower() in OPENERS:
        return None  # '"…" Later, the spokesman urged …': an opening adverb, not who spoke
    desc = match.group("desc").split()
    # "former DEA official Derek Maltz told": a description that ends in a role; not "And I think".
    # "Nogar's son Stephen": someone's kin or aide, described by whose they are
    described = bool(desc) and (
        desc[-1].lower() in ROLE_NOUNS
        or desc[-1] in TITLES
        or (len(desc) == 2 and re.fullmatch(r"[A-Z][\w-]*[’']s", desc[0]) is not None and desc[1].islower())
    )
    role = (
        match.group("role2")
        or match.group("role3")
        or match.group("role4")
        or match.group("role5")
        or match.group("org2")
        or (" ".join(desc) if described else "")
    )
    who = match.group("who2")
    if owner := _sent_by(who, match.group("org2")):
        return owner, None  # '…," the letter from Qwest said.'
    return statement_owner(who), (role.strip() or None)


def _role_desc(match: re.Match[str]) -> bool:
    """The words before the name are empty or a description ending in a role ("shop owner")."""
    desc = match.group("desc").split()
    return not desc or desc[-1].lower() in ROLE_NOUNS or desc[-1] in TITLES


def _sent_by(who: str, sender: str | None) -> str | None:
    """Who sent the statement or letter `who` names, when "from" names them: "a statement from the
    firm" -> "the firm"."""
    return statement_owner(f"{who} from {sender}") if sender and re.search(r"\b(?:statement|letter|release)$", who) else None


_WHEN = re.compile(r"^(?:[Tt]he other day|Yesterday|Today|Last (?:week|month|year|night)|Once|Later),? (?=(?:an?|the|my|our|one) )")


# What a window before a quotation holds when a speaker is named in it; the window is read
# further only then.
_CUE_BEFORE = re.compile(rf"{VERBS_BEFORE}|{LEADS}|quoted|\blike\b")
_NAME_THEN_DASH = re.compile(rf"[A-Z][\w’'.-]*[^\S\n]+{_DASH}")
_WHEN_AT_END = re.compile(rf"\s+{SAID_WHEN}$")


def attribution_before(text: str, start: int, end: int) -> tuple[str, str | None] | None:
    """'Jane Roe said: "…' / 'Jane Roe, the director, said "…' / 'He added: "…'."""
    window = text[start:end]
    if labelled := label_speaker(text, start, end):
        return labelled
    if not _CUE_BEFORE.search(window):
        return None
    if _SAYING.search(window):
        return None  # "As they say in Delaware, “…”": a saying, nobody's in particular
    if relative := _WHO_SAID.search(window):
        return relative.group("who") or relative.group("many"), None  # "we heard from Jane Roe’s sister, who said, “…”"
    # "Jane Roe, whose feud with Tom Lee was not eased, said:": the relative clause is no role, and
    # the name inside it is not the subject.
    window = _RELATIVE.sub("", window)
    window = _ASIDE.sub("", window)  # "Jane Roe (@janeroe) tweeted:": a handle or a seat between name and verb
    if _NAME_THEN_DASH.search(window):
        # "Dan Bishop — known for his care — says he “…”"; after a role, the aside ends it as its
        # comma would ("Ann Roe, head of Acme - a music service - believes").
        window = _DASH_ASIDE.sub(lambda m: "," if "," in last_sentence(window[: m.start()]) else "", window)
    match = _BEFORE.search(window)
    if match is None:
        return None
    if match.group("who_c") and not any(j == len(match.group("who_c").split()) for _, j in person_groups(match.group("who_c").split())):
        # "As I got off Air Force One, the speaker of the House said": no person before the role, which speaks
        role_c = match.group("role_c")
        return role_c[:1].upper() + role_c[1:], None
    who = match.group("who") or match.group("who_b") or match.group("who_c")
    role = match.group("role") or match.group("role_b") or match.group("role_c")
    if role:
        role = re.sub(r"\s+(?:has|have|had)$", "", role)  # "Meanwhile, France's finance minister has said"
    if role and role.lower() in ("however", "meanwhile", "though", "too", "also", "in turn"):
        role = None  # "The Keeper of the Archives (Keeper), however, has reported": an adverb set off, no role
    who = re.sub(r"\s+\([^()]{1,20}\)$", "", who)  # "The Keeper of the Archives (Keeper)": its short form
    if re.search(r"\blike,?\s*$", window) and not re.fullmatch(r"[Hh]e|[Ss]he|[Tt]hey|(?:\S+\s+)+\S+", who):
        return None  # "You’re like, “…”": the listener's words as the speaker imagines them
    if match.group("role_b") and role and role.split()[0].rstrip(".") in HONORIFICS | TITLES:
        return role, None  # "… and Northern Ireland, Mr Blair said:": the honorific names who speaks
    if role and who.lower() in OPENERS:
        return statement_owner(role), None  # "Overall, Northern Bank said that": an adverb, then who
    owner = _OF_THE.search(window, 0, match.start("who")) if match.group("who") and re.match(r"the\s", who) else None
    tokens = owner.group("name").split() if owner else []
    named = [(i, j) for i, j in name_groups(tokens) if j == len(tokens) and j - i >= 2]
    if owner and named:  # "As Gavin Cox of the buildyourown website put it:": the person, whom the body's words describe
        return " ".join(tokens[named[-1][0] :]), f"{owner.group('link')} {who}"
    who = last_sentence(who)  # "… criticize China. And I said", "… in the UK. Acme said": the last sentence's
    who = re.sub(
        r"^(?i:as|and|but|so|yet|now)\s+(?=the\s|my\s|our\s|[A-Z])", "", who
    )  # "As the Declaration proclaims,", "as my dad would say"
    who = _WHEN.sub("", who)  # "The other day a defeated-looking man came up and said": when, then who
    who = _WHEN_AT_END.sub("", who)  # "The prime minister on Sunday said": who, then when
    if who in ("As", "And", "But", "So", "Yet", "Now", "Then"):
        return None  # "But went out and asked and said": a conjunction, and no subject
    if (
        role
        and re.match(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s", who)
        and any(j - i >= 2 and j == len(role.split()) and i == 0 for i, j in name_groups(role.split()))
    ):
        return role.strip(), who  # "The harbor master, Lena Ortiz, said:": the name, and the description as role
    return statement_owner(who), (role.strip() if role else None)


def sentence_end_attribution(text: str, start: int, end: int) -> tuple[str, str | None] | None:
    """An attribution that ends the quotation's sentence after more words of its own: 'a “huge
    number” of smugglers, Mara Quist told reporters.', '“…” in the coming weeks,” said Ana Ruiz.'
    `start` is just after the closing mark; the sentence is read to its end, at most 300 characters."""
    if text[start - 2 : start - 1] in ".!?" or text[start:end].lstrip()[:1].isupper():
        return None  # the quotation ends its sentence: what follows is another one
    stop = _SENTENCE_END.search(text, start, min(end, start + 300))
    if stop is None:
        return None
    # 'The “myth” needs to be “exploded”, the minister said': the attribution after the sentence's
    # last quotation, when every quotation that opens before the sentence ends closes in it
    rest = text[start : stop.start()]
    if "‘" in rest or rest.rfind("“") > rest.rfind("”") or rest.count('"') % 2:
        return None  # another quotation opens before the sentence ends (a stray closing mark is no matter)
    opens = [i for i in (rest.find("“"), rest.find('"')) if i >= 0]
    if opens and VERB_WORD.search(rest[: min(opens)]):
        return None  # 'Critics called it “a disaster” and said the “waste” …, Roe said': the first has its own speaker
    after_marks = max(rest.rfind("”") if "“" in rest else -1, rest.rfind('"'))
    if _NAMING.search(text, max(0, start - 200), start - 1):
        return None  # 'the so-called “smart border”': a name, not words said
    commas = [m.start() for m in re.finditer(r",", rest) if m.start() > after_marks][-3:]
    for comma in reversed(commas):
        found = attribution_after(text, start + comma, stop.end())
        if found:
            return found
    return None


def sentence_before(text: str, para_start: int, quote_start: int, reach: int) -> str:
    """The part of the quotation's sentence before it, looking back at most `reach` characters."""
    start = max(para_start, quote_start - reach)
    ends = [m.end() for m in STOP_SPACE.finditer(text[start:quote_start])]
    return text[start + (ends[-1] if ends else 0) : quote_start]


# A sentence whose subject is a pronoun or a role, after an opening phrase, and a speech act:
# "Appearing together, the prime minister hailed his chancellor's “brilliant” work".
# A body described rather than named: "the German giant said", "the firm insisted".
_BODY_NOUN = (
    "firm|company|group|giant|carmaker|bank|retailer|airline|lender|insurer|chain|operator|maker|manufacturer|producer|"
    "supplier|watchdog|regulator|broadcaster|network|union|club|ministry|agency|department|government|administration"
)
_DESCRIBED_SUBJECT = (
    rf"[-•*\s]*(?:[A-Z][^,.“”\"]{{0,100}},\s+)?(?:(?:But|And|So|Yet)\s+)?"
    rf"(?P<who>[Hh]e|[Ss]he|[Tt]he\s+(?:[A-Za-z-]+\s+){{0,2}}(?:(?:{ROLE_WORD})s?|{_BODY_NOUN})"
    rf"|[Aa]n?\s+(?:[A-Za-z-]+\s+){{0,2}}(?:{ROLE_WORD})"  # "A PR expert has told the trial"
    r"|[Pp]olice|[Pp]rosecutors|[Ii]nvestigators|[Ww]itnesses|[Cc]ritics|[Cc]ampaigners)\s+"  # "At the time, police said"
)
# "He liked to say", never a passive ("He is described as")
_NOT_PASSIVE = r"(?:(?!(?:is|was|are|were|be|been|being|has\s+been)\b)[a-z]+\s+){0,3}?"
# or a clause of its own, then "saying": "He had been reluctant at first, saying he “hated” it"
_DESCRIBED_ACT = re.compile(rf"{_DESCRIBED_SUBJECT}(?:{_NOT_PASSIVE}(?:{ACT_VERBS}|\bsay\b)|[^.“”\"]{{0,100}}?,\s+(?:saying|adding)\b)")
# or what they did, then a participle that gives longer words: "The Governor also praised the
# crews, sharing that “…”"
_WIDE_DESCRIBED_ACT = re.compile(rf"{_DESCRIBED_SUBJECT}(?:{_NOT_PASSIVE}(?:{_WIDE_ACT_VERBS}|\bsay\b)|[^.“”\"]{{0,100}}?,\s+{LEADS}\b)")


def short_quote_speaker(text: str, para_start: int, quote_start: int, wide: bool = False) -> str | None:
    """A named person who is the subject of a speech act in the quotation's sentence. The act
    lies within 260 characters of the quotation (the pattern's own reach), so only that much of
    the sentence is searched, and only when a speech verb is there."""
    sentence = sentence_before(text, para_start, quote_start, 260)
    verbs, acts, described_act = (
        (_WIDE_VERB, _WIDE_SPEECH_ACT, _WIDE_DESCRIBED_ACT) if wide else (_SPEECH_VERB, _SPEECH_ACT, _DESCRIBED_ACT)
    )
    if not verbs.search(sentence):
        return None
    if passive := _PASSIVE_BY.search(sentence):
        return passive.group("who")
    if aside := _INVERTED_ASIDE.search(sentence):
        return aside.group("who")  # "The plan would save £100, says the party - so using the money more “intelligently”"
    if wide and (absolute := _WITH_ACTING.search(sentence)):
        return absolute.group("who")  # "…, with Mr Kennedy stressing that": the participle's own subject
    first: str | None = None
    for capital in re.finditer(r"\b[A-Z]", sentence):
        act = acts.match(sentence, capital.start())
        if act is None or "&" in sentence[capital.start() - 1 : capital.start()] + sentence[act.end("who") : act.end("who") + 1]:
            continue  # "B&B said": a name this pattern cannot read whole, which reports credit whole
        # "…, with Mr Roe stressing that": the subject of the participle, not the object of "with"
        acting = re.match(rf"\s+{_WIDE_ACT_VERBS}", sentence[act.end("who") :]) and sentence[: capital.start()].endswith("with ")
        if not acting and re.search(
            r"(?:^|[^\w\s][^\S\n]*|\b[a-z][\w’'-]*\s+)(?:his|her|their|its|of|at|in|on|to|from|for|with|by)\s+$|[’']s\s+$",
            sentence[: capital.start()],
        ):
            continue  # "quit his Fratton Park post and vowed", "the BBC's Westminster Hour": an object or an owner's thing
        if re.search(r"\b(?:is|was|are|were|be|been|being)\s+(?:\w+ly\s+)?$", sentence[: act.start("verb")]):
            continue  # "the President was asked, “…”": the one spoken to
        if _OTHER_SUBJECT.search(sentence[act.end("who") : act.start("verb")]):
            continue  # "… to see Raw T, but he had been reluctant, saying …": another clause's subject speaks
        words = act.group("who").split()
        title = re.search(r"\b([A-Z][a-z]{1,4}\.)\s+$", sentence[: capital.start()])
        if title and title.group(1) in TITLES:
            words.insert(0, title.group(1))  # "what Dr. King called": the title's stop is no sentence end
        following = re.match(r"\s+([a-z]+)", sentence[act.end("who") :])
        possessive = re.search(r"[’'](?:s)?$", words[-1]) or sentence[act.end("who") : act.end("who") + 1] in ("’", "'")
        aide = _AIDE_ACTS.match(sentence, act.end("who")) if possessive else None
        if aide and aide.end("aide") + 1 == act.start("verb") and person_groups([bare(w) for w in words]):
            return f"{sentence[capital.start() : act.end('who')]}{aide.group(0).rstrip()}"  # "Mr Roe's lawyer labelled it “…”"
        if possessive or (following and following.group(1) in ROLE_NOUNS):
            continue  # "Athletics' ruling body", "A PR expert": the words qualify a noun, they say nothing
        if _NOUN_BEFORE_VERB.fullmatch(sentence, act.end("who"), act.start("verb")):
            continue  # "Harbor unions said": the capitalised word qualifies the noun that speaks
        while len(words) > 2 and words[-1].rstrip(",.") in _POST_NOMINALS:
            words = words[:-1]  # "Andrew Tyrie MP demanded": the letters after a name are no part of it
        while words and words[0] in NOT_NAME and words[0].lower() in OPENERS:
            words = words[1:]  # "Earlier this week, the local Arab News said ..." -> Arab News
        if not words or any(w in NOT_NAME and w.lower() in OPENERS for w in words) or not _can_speak(words):
            continue
        # A person's name is the speaker ("On Tuesday, harbor spokesman Elias Grant said"); the
        # first other subject only when no name comes before the verb ("the local Arab News said").
        # "the BBC's Westminster Hour": a name after an owner's is a thing of the owner's
        named = [g for g in person_groups(words) if g[1] == len(words) and not (g[0] and re.search(r"[’']s$", words[g[0] - 1]))]
        if named:
            return " ".join(words[named[-1][0] - (1 if named[-1][1] - named[-1][0] < 2 else 0) :])
        first = first or " ".join(words)
    if re.search(r"(?<![\w.’'-])I\s", sentence):
        return "I"  # "In April I directed the Department to “preserve” it": the document's own speaker
    described = None if first else described_act.match(sentence)
    return first or (described.group("who") if described else None)


def addressed_speech(text: str, para_start: int, quote_start: int) -> bool:
    """The quotation's sentence puts the words in the listener's mouth: 'I heard you say, “…”',
    'do you regret calling them a “pariah”' (in a reporter's question, the one who answers)."""
    return bool(_YOU_SAID.search(sentence_before(text, para_start, quote_start, 160)))


def _can_speak(words: list[str]) -> bool:
    """Words that can be a speaker: not a day, a month, a lone letter or an -ing word ("Speaking
    in Leeds, ..."); a body's name of common words is one ("the Treasury", "the Home Office")."""
    if words[-1] in ORG_HEADS or all(w in ONE_WORD_ORGS for w in words):
        return len(words[0]) > 1
    return not (
        all(w in NOT_NAME or re.sub(r"[’'](?:s|re|ll|ve|d|t|m)$", "", w) in NOT_NAME for w in words)
        or len(words[0]) == 1
        or (len(words) == 1 and words[0].endswith("ing"))
        or words[0] in ("Speaking",)
    )


def added_later(text: str, start: int, para_end: int) -> tuple[str, str | None] | None:
    """A quotation that a later sentence of its paragraph credits with "added": '“…” The work
    starts in May, Lena Ortiz added.' — whoever added something said what came before. `start` is
    just after the closing mark; at most 300 characters are read, and never past another quotation."""
    end = min(para_end, start + 300)
    mark = re.compile(r"[“”\"‘]").search(text, start, end)
    end = mark.start() if mark else end
    added = re.compile(r"\badded\b").search(text, start, end)
    if added is None:
        return None
    comma = text.rfind(",", start, added.start())
    if comma < 0:
        return None
    stop = _SENTENCE_END.search(text, added.end(), end)
    found = attribution_after(text, comma, stop.end() if stop else end)
    return found if found and not found[0][:1].islower() else None
