"""Quotations and who said them.

Stage: extraction (after cleaning; people come from :mod:`.names`). Quotation marks are paired in
one pass: a mark opens or closes by the spaces around it, as a reader tells them apart, so
straight marks, curly ones and British single marks ('text,' he said) all pair. A quotation that
runs over paragraphs opens each one and closes only at the last; a flattened text keeps the
opening mark of each paragraph after a sentence end; every part takes the speaker of the whole.
The speaker comes from the words after the closing mark ("…," said Jane Roe, director of X), or
before the opening one (Jane Roe said: "…"), or the end of the quotation's sentence ('a “huge
number” of them, Roe said'), or the attribution of the quotation just before it; a pronoun, a bare
surname or a description resolves to a person (:mod:`.mentions`), and "I" in a statement or a
speech to the person its headline names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from brief.ingest.attribution import (
    added_later,
    attribution_after,
    attribution_before,
    report_attribution,
    sentence_before,
    sentence_end_attribution,
    short_quote_speaker,
)
from brief.ingest.mentions import Mentions
from brief.ingest.names import people_and_index, speaker_labels
from brief.ingest.namewords import name_groups
from brief.ingest.vocabulary import ABBREVIATIONS, NOT_NAME, ROLE_NOUNS, TITLES, bare
from brief.speakers import HEADLINE, speaker_named_near

MAX_QUOTATION_MARKS = 2_000  # marks looked at; news and reports hold a few hundred at most
MAX_QUOTE = 1_500  # characters of one quotation (of one paragraph of a long one)
_PRONOUNS = ("he", "she", "they", "it")
_LINKS = frozenset("of for to the and on at".split())
_HONORIFICS = frozenset("Mr Mrs Ms Mx Miss Sir Dame Dr Lord Lady".split())
_PREVIOUS_SENTENCE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n\n))[A-Z][^.!?\n“”\"]{0,250}[.!?]\s*(?:\n\n)?$")
# A description of a person: "the Tory leader", "the former chief executive", "the 34-year-old", "the Frenchman".
_DESCRIPTION = re.compile(
    r"(?:the|his|her)\s+(?P<words>(?:[\w’'-]+\s+){0,3}?(?:(?P<person>\d+-year-old|[a-z]+(?:man|woman)|american|briton|scot|"
    r"spaniard|swede|dane|swiss|argentine|brazilian|australian|canadian|frenchman|german|italian|mexican|russian)|[a-z-]+))"
)
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:The\s+)?(?P<who>(?:[A-Z][\w&.'’-]{0,40}\s+){0,3}[A-Z][\w&.'’-]{0,40})\s+"
    r"(?:has|have|had|is|was|were|are|said|says|will|would|could|may|[a-z]+ed|[a-z]+s)\b"
)


@dataclass
class FoundQuote:
    speaker: str
    role: str | None
    text: str
    start: int
    end: int


@dataclass
class _Span:
    """A quotation between two marks, or the paragraph of a long one that does not close."""

    open: int
    close: int  # the closing mark, or where the paragraph (or the text before the next opening) ends
    closed: bool
    chain: int  # the parts of one quotation share it


def _double_opens(text: str, i: int) -> bool:
    if text[i] == "“":
        return True
    return (
        text[i] == '"'
        and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-/:")
        and i + 1 < len(text)
        and not text[i + 1].isspace()
    )


def _double_closes(text: str, i: int) -> bool:
    return text[i] == "”" or (text[i] == '"' and i > 0 and not text[i - 1].isspace())


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    return (before.isspace() or before in "([—–“") and i + 1 < len(text) and text[i + 1].isalpha()


_SINGLE_CLOSE_AFTER = re.compile(r"[^\S\n]+(?:said|says|he|she|they|it|asked|added|according)\b|[,.;:!?)\n—–]|$")


def _single_closes(text: str, i: int) -> bool:
    """A closing single mark, not an apostrophe: after punctuation ('text,'), or followed by
    punctuation or an attribution ('text' he said). "workers' rights" is a possessive."""
    if i == 0 or text[i - 1].isspace() or (i + 1 < len(text) and text[i + 1].isalnum()):
        return False
    return text[i - 1] in ",.!?;:…" or bool(_SINGLE_CLOSE_AFTER.match(text, i + 1))


def _pair(
    text: str,
    marks: list[int],
    breaks: list[int],
    opens: Callable[[str, int], bool],
    closes: Callable[[str, int], bool],
    chain: int = 0,
) -> list[_Span]:
    """Quotations from the positions of one kind of mark, in one pass: each mark closes the open
    quotation, opens one, or continues it into the next paragraph. `chain` numbers the first
    quotation (minus one), so that two kinds of marks never share a number."""
    spans: list[_Span] = []
    pending: int | None = None
    for i in marks:
        if pending is not None:
            after = bisect_left(breaks, pending)
            if i - pending > MAX_QUOTE:
                pending = None
            elif after < len(breaks) and breaks[after] < i:
                # The paragraph ended while the quotation was open: it goes on only if the next
                # paragraph starts with an opening mark.
                starts_next = (after + 1 == len(breaks) or breaks[after + 1] > i) and not text[breaks[after] : i].strip()
                if starts_next and opens(text, i):
                    spans.append(_Span(pending, breaks[after], False, chain))
                    pending = i
                    continue
                pending = None
        if pending is not None and closes(text, i) and i > pending + 1:
            spans.append(_Span(pending, i, True, chain))
            pending = None
            continue
        if opens(text, i):
            if pending is not None and i - pending > 2 and re.search(r"[.!?…][^\S\n]*$", text[i - 3 : i]):
                spans.append(_Span(pending, i, False, chain))  # a paragraph break lost: ". "Next paragraph"
            else:
                chain += 1
            pending = i
    return spans


def quotation_spans(text: str, breaks: list[int]) -> list[_Span]:
    """Quotations in double marks, then in single marks outside them."""
    doubles = [m.start() for _, m in zip(range(MAX_QUOTATION_MARKS), re.finditer(r"[“”\"]", text), strict=False)]
    spans = _pair(text, doubles, breaks, _double_opens, _double_closes)
    covered = [(s.open, s.close) for s in spans]
    starts = [a for a, _ in covered]
    singles = []
    for _, m in zip(range(MAX_QUOTATION_MARKS), re.finditer(r"[‘’']", text), strict=False):
        k = bisect_right(starts, m.start()) - 1
        if k < 0 or covered[k][1] < m.start():
            singles.append(m.start())
    spans += _pair(text, singles, breaks, _single_opens, _single_closes, chain=len(doubles) + 1)
    return sorted(spans, key=lambda s: s.open)


def find_quotes(text: str, people: dict[str, str | None] | None = None) -> list[FoundQuote]:
    """Quotations with speakers. A quotation of fewer than four words is a scare quote or a
    slogan, not speech, unless a speech verb introduces it."""
    found_people, index = people_and_index(text)
    people = found_people if people is None else people
    for name, role in found_people.items():
        people.setdefault(name, role)
    mentions = Mentions(text, people, index)
    labels = speaker_labels(text, people, index)
    label_at = [at for at, _, _ in labels]
    breaks = [m.start() for m in re.finditer(r"\n\n", text)]
    spans = quotation_spans(text, breaks)
    mentions.quoted = [(s.open, s.close) for s in spans]
    author = _document_speaker(text)
    found: list[FoundQuote] = []
    chains: dict[int, tuple[str, str | None] | None] = {}
    for n, span in enumerate(spans):
        k = bisect_right(breaks, span.open - 1)
        para_start = breaks[k - 1] + 2 if k else 0
        para_end = breaks[k] if k < len(breaks) else len(text)
        inner_start, inner_end = span.open + 1, span.close
        inner = text[inner_start:inner_end]
        words = inner.split()
        speaker: tuple[str, str | None] | None = chains.get(span.chain)
        position = span.open
        window = max(para_start, span.open - 160)
        first = span.chain not in chains
        # 'Mr Lowe asked: "…" The spokeswoman said': words a colon introduces are the colon's.
        introduced = first and text[window : span.open].rstrip(" *_").endswith(":")
        before = attribution_before(text, window, span.open) if introduced else None
        speaker = speaker or before
        credited_after = False
        if speaker is None and span.closed:
            speaker = attribution_after(text, span.close + 1, min(para_end, span.close + 200))
            # '… to “keep their boats”, Ana Roe stressed.': a comma after the mark, then who said it.
            credited_after = speaker is not None and text.startswith(",", span.close + 1)
        if speaker is None and first:
            speaker = before = attribution_before(text, window, span.open)
        if before and before[0].lower() in _PRONOUNS:
            # 'He said the arrest “…” in May, Roe said': a name at the sentence's end beats the
            # pronoun; else the pronoun points to whom the text names before the pronoun.
            at_end = sentence_end_attribution(text, span.close + 1, para_end) if span.closed else None
            speaker = at_end if at_end and at_end[0].lower() not in _PRONOUNS else before
            said = [m.start() for m in re.finditer(rf"\b{re.escape(before[0])}\b", text[window : span.open])]
            position = window + said[-1] if speaker is before and said else position
        if speaker is None and not span.closed:
            speaker = _chain_end_attribution(text, spans, n, breaks)
        if speaker is None and k and para_start == span.open and text[: para_start - 2].rstrip().endswith(":"):
            # A paragraph-long quotation that the paragraph before introduces: "Jane Roe said:"
            speaker = attribution_before(text, max(0, para_start - 162), para_start - 2)
        if speaker is None and first and span.closed:  # '… a “huge number” of smugglers, Mara Quist told reporters.'
            speaker = sentence_end_attribution(text, span.close + 1, para_end)
            credited_after = speaker is not None
        direct = speaker is not None
        alone = not text[para_start : span.open].strip(" *_") and not text[span.close + 1 : para_end].strip(" .*_")
        previous_para = breaks[k - 2] + 2 if k >= 2 else 0
        if (
            speaker is None
            and found
            and (
                found[-1].end >= para_start
                or re.fullmatch(r"[\s”\"’']*", text[found[-1].end : span.open])
                or (alone and found[-1].start >= previous_para)  # a paragraph that is only a quotation goes on
                # as does a paragraph that opens with a whole sentence quoted, after one that credits a quotation
                or (para_start == span.open and span.closed and inner.rstrip()[-1:] in ".!?" and found[-1].start >= previous_para)
            )
        ):
            # An unattributed quotation in the paragraph of an attributed one, or right after
            # it, continues the same speaker.
            speaker = (found[-1].speaker, found[-1].role)
        if speaker is None and len(words) >= 4:
            who = report_attribution(text, para_start, para_end, span.open, span.close)
            speaker = (who, None) if who else None
            if who in ("He", "She", "They"):  # the subject of the sentence: its antecedent comes before it
                position = span.open - len(sentence_before(text, para_start, span.open, 400))
        if speaker is None and len(words) >= 4 and span.closed and inner.rstrip()[-1:] in ".!?":
            speaker = added_later(text, span.close + 1, para_end)  # '“…” Work starts in May, Roe added.'
        if speaker is None and len(words) >= 4 and span.chain not in chains:
            # 'Jane Roe criticised the plans. "If you want …"': a quotation that opens a sentence
            # after one whose subject is a person, with nothing else to credit it.
            sentence = _PREVIOUS_SENTENCE.search(text, max(0, span.open - 300), span.open)
            named = mentions.last_before(span.open) if sentence else None
            if named and sentence and mentions.position_of_last(span.open) >= sentence.start():
                speaker = (named, None)
        if speaker is None and len(words) >= 4 and span.chain not in chains:
            # 'I called on Congress to “pass the bill without delay”': a speech act of the document's
            # own "I" in the quotation's sentence (a named subject is left to the rules above).
            speaker = ("I", None) if short_quote_speaker(text, para_start, span.open) == "I" else None
        speech = direct and span.closed and inner.rstrip()[-1:] in ",.!?"  # '“I’m all yours,” he tells me'
        if len(words) < 4 and span.chain not in chains and not speech and not credited_after:
            # A word or two in quotation marks is a scare quote or a slogan, unless a named person
            # is the subject of a speech act in the same sentence: "X accused them of “lying”".
            who = short_quote_speaker(text, para_start, span.open)
            if who is None:
                continue
            speaker = (who, None)
        if speaker is None:
            continue
        voice = re.sub(r"^(?:and|but|so|as|then)\s+", "", speaker[0].lower()).split("’")[0].split("'")[0]
        if voice in ("i", "we"):
            # "I said, “…”" in a transcript: the speaker of the turn, if a label names one; in a
            # statement or a speech, the person its headline names ("Statement from President X").
            k = bisect_right(label_at, span.open) - 1
            if k >= 0 and labels[k][1]:
                speaker = labels[k][1], labels[k][2]
            elif author:
                speaker = author
            else:
                continue
        resolved, role = _resolve(text, speaker, position, people, mentions)
        if resolved is None:
            continue
        name = resolved
        chains[span.chain] = (name, role)
        lead = len(inner) - len(inner.lstrip())
        q_start = inner_start + lead
        q_end = q_start + len(inner.strip().rstrip(" ,"))
        if q_end > q_start:
            found.append(FoundQuote(name, role, text[q_start:q_end], q_start, q_end))
    return found


def _document_speaker(text: str) -> tuple[str, str | None] | None:
    """Who speaks in a statement, a message or remarks, as the headline names them: "Statement
    from President Jane Roe on …" -> ("Jane Roe", "President")."""
    headline = HEADLINE.match(text)
    if headline is None:
        return None
    tokens = headline.group("who").split()
    groups = [g for g in name_groups(tokens) if g[1] - g[0] >= 2 or (g[0] and tokens[g[0] - 1] in TITLES)]
    if not groups:
        return None
    i, j = groups[0]
    return " ".join(bare(t) for t in tokens[i:j]), " ".join(tokens[:i]) or None


def named_near(text: str, speaker: str, start: int, end: int) -> bool:
    """The speaker is named near the quotation at text[start:end], as `brief check`
    (quote/speaker) asks (:func:`brief.speakers.speaker_named_near`)."""
    return speaker_named_near(text, speaker, start, end)


def _chain_end_attribution(text: str, spans: list[_Span], k: int, breaks: list[int]) -> tuple[str, str | None] | None:
    """The attribution after the closing mark of the last paragraph of a long quotation (the
    span at index `k` is one of its paragraphs)."""
    span = spans[k]
    for later in spans[k + 1 : k + 21]:
        if later.chain != span.chain:
            return None
        if later.closed:
            b = bisect_left(breaks, later.close)
            end = breaks[b] if b < len(breaks) else len(text)
            return attribution_after(text, later.close + 1, min(end, later.close + 200))
    return None


def _fullest(name: str, people: dict[str, str | None]) -> str:
    """'López Obrador' -> 'Andrés Manuel López Obrador' when the people hold one such name."""
    fuller = [n for n in people if n.endswith(" " + name)]
    return fuller[0] if len(fuller) == 1 or (fuller and " " not in name) else name


def _holder(words: list[str], people: dict[str, str | None], mentions: Mentions, position: int) -> str | None:
    """The person whose role holds every word of a description ("the Tory leader" -> the person
    the text called "Tory leader"), the one named last before `position` when several do."""
    words = [w for w in words if w not in ("former", "then")]
    holders = {n for n, r in people.items() if r and r.lower().split()[-1:] == words[-1:] and set(words) <= set(r.lower().split())}
    if not holders:
        return None
    k = mentions.position_of_last(position)
    named = [n for p, n in zip(mentions.positions, mentions.names, strict=True) if p <= k and _fullest(n, people) in holders]
    return _fullest(named[-1], people) if named else (next(iter(holders)) if len(holders) == 1 else None)


def _resolve(
    text: str, speaker: tuple[str, str | None], position: int, people: dict[str, str | None], mentions: Mentions
) -> tuple[str | None, str | None]:
    """The speaker's name as the text gives it in full, and a role: titles move to the role,
    pronouns and surnames resolve to the person last named."""
    who, role = speaker
    who = who.strip(" *_,")
    lower = who.lower()
    nominal = re.fullmatch(r"(?:the|his|her)\s+([a-z]+)", lower)
    if lower == "it":  # "…," it said: the company or office that is the subject of the sentence before
        subjects = [m.group("who") for m in _SUBJECT_BEFORE.finditer(text, max(0, position - 600), position)]
        who_it = subjects[-1] if subjects else None
        if who_it and who_it.split()[0] not in NOT_NAME and not (who_it in people or mentions.is_person(who_it)):
            return who_it, role
        return None, None
    described = _DESCRIPTION.fullmatch(lower)
    holder = _holder(described.group("words").split(), people, mentions, position) if described else None
    if holder:  # "the Tory leader said": the person the text gave that role
        return holder, people.get(holder) or role
    if lower in _PRONOUNS or (nominal and nominal.group(1) in ROLE_NOUNS) or (described and described.group("person")):
        named = mentions.last_before(position)  # "the minister said", "said the 34-year-old"
        if named is None:
            return None, None
        named = _fullest(named, people)
        return named, people.get(named) or role
    if nominal and nominal.group(1) not in ROLE_NOUNS:
        named = mentions.named_before(text, nominal.group(1), position)  # "the report said": the report last named
        if named:
            return named, role
    if lower.startswith(("the ", "a ", "an ")) or not who[:1].isupper():
        tokens = who.split()
        groups = name_groups(tokens)
        if groups and groups[-1][1] == len(tokens) and groups[-1][1] - groups[-1][0] >= 2:
            i, j = groups[-1]  # "the English poet John Milton": the name, the rest its role
            return " ".join(bare(t) for t in tokens[i:j]).rstrip("."), role or " ".join(tokens[:i])
        # "the harbor authority", "my mother": a description, capitalised as a speaker
        return re.sub(r"^(?:an?|the|his|her|their|my|our)\s", lambda m: m.group(0).capitalize(), who), role
    tokens = who.split()
    ends = [k for k, t in enumerate(tokens[:-1]) if t.endswith(".") and not ABBREVIATIONS.fullmatch(t) and not re.fullmatch(r"[A-Z]\.", t)]
    tokens = tokens[ends[-1] + 1 :] if ends else tokens  # "Lena Ortiz. Rear Admiral Tomas Brandt": another sentence
    groups = name_groups(tokens)
    i, j = groups[-1] if groups else (0, 0)
    lead = tokens[:i]
    affiliated = bool(lead) and (bare(lead[-1]) != lead[-1] or lead[-1] in ROLE_NOUNS) and j - i >= 2
    # "Secretary of State Antony Blinken", "Yesterday Tom Baker": the name is the last group; a
    # document ("Port Authority's 2024 Annual Review") is kept whole.
    if (
        j
        and (j == len(tokens) or tokens[j] in TITLES)
        and (any(t in TITLES for t in lead) or all(t in NOT_NAME or t in _LINKS for t in lead) or "and" in lead or affiliated)
    ):
        title = " ".join(tokens[:i]).strip() or None
        name = " ".join(bare(t) for t in tokens[i:j])
        if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
            name = name[:-1]  # "said Ivo Marsh." ends a sentence
        if affiliated:  # "Harbor Bank's Eddie Lam", "Delta Group economist Lars Berg"
            return _fullest(mentions.complete(name, position), people), role or bare(title or "")
        if title and (title.rstrip(".") in _HONORIFICS or not any(t in TITLES for t in tokens[:i])):
            title = None  # "Sir Paul", "Mr Roe": a form of address, not a role
        name = _fullest(mentions.complete(name, position), people)
        return name, role or people.get(name) or title
    return " ".join(tokens).rstrip("."), role
