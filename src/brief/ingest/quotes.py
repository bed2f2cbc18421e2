"""Quotations and who said them.

Stage: extraction (after cleaning; people come from :mod:`.names`, marks are paired by :mod:`.quotemarks`);
every part of a quotation that runs over paragraphs takes the speaker of the whole. The speaker comes
from the words after the closing mark ("…," said Jane Roe, director of X), or before the opening one
(Jane Roe said: "…"), a label before the words ("Rep. Jane Roe (D-NY): “…”", a heading over a list)
or a signature after them ("— Jane Roe", "(CNN)"), read by :mod:`.quotelabels`, each item of a list
run into one paragraph on its own (:mod:`.quotelists`); or the end of the quotation's sentence ('a
“huge number” of them, Roe said'), or the attribution of the quotation just before it. A pronoun, a
bare surname or a description resolves to a person (:mod:`.speakerresolve`), and "I" in a statement
or a speech to the person its headline names, as does a statement whose body is quotations only. A
second quoted fragment of a sentence keeps the speaker of the first; a named subject of a speech act
in the quotation's own sentence beats the speaker of the paragraph's quotation before.

Long because the rules are tried in one order, in one loop over the quotations, and each reads
what the earlier ones leave: the speaker of the chain, of the paragraph's last quotation, and
whether the words were introduced by a colon, set off by a dash or led by a comma.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from brief.ingest.attribution import (
    NOT_AFTER_TITLE,
    added_later,
    addressed_speech,
    attribution_after,
    attribution_before,
    sentence_before,
    sentence_end_attribution,
    short_quote_speaker,
)
from brief.ingest.headlinesubject import document_authors, headline_subject
from brief.ingest.mentions import Mentions
from brief.ingest.names import people_and_index
from brief.ingest.namewords import fullest, person_groups
from brief.ingest.quotelabels import (
    bare_label,
    heading_speaker,
    line_label,
    paragraph_label,
    paragraph_label_before,
    signatures_below,
    signed_after,
    source_of_excerpt,
    titled_heading,
)
from brief.ingest.quotelists import item_end, item_start, list_item_lead, prose_item
from brief.ingest.quotemarks import Span, only_quotations, quotation_spans
from brief.ingest.quotenaming import passive_agent, what_called
from brief.ingest.reportcredit import report_attribution
from brief.ingest.speakerlabels import speaker_labels, turn_opening
from brief.ingest.speakerresolve import PRONOUNS, resolve
from brief.ingest.speechwords import NAMING_VERBS, VERBS
from brief.ingest.subjects import colon_subject, invitation_line, invited_subject, lead_subject, owned_saying, owner_before
from brief.ingest.vocabulary import NAME_WORD, ORG_HEADS, ROLE_NOUNS, TITLES, bare, role_noun
from brief.speakers import DATED_SAYING, HEADLINE, named_near_in_order, speaker_named_near

# A sentence's end between two quotations: a stop and a space, outside an abbreviation ("U.S.").
_SENTENCE_BREAK = re.compile(rf"{NOT_AFTER_TITLE}[.!?][”\"’']?\s+(?=(?:[-–•]\s+)?[A-Z“\"‘])|\n")  # perhaps a list's item after it
_SET_OFF = re.compile(r"(?:\s[—–-]|\s?\|)[*_\s]*$")  # a label's dash or a table's rule before the words
_READOUT = re.compile(r"[\s#*_]*Readout\b")
_EXCERPTS = re.compile(r"[\s#*_]*(?:Excerpts|Highlights)\s+(?:of|from)\s")  # a headline over excerpts of one author
_DESCRIBING = frozenset("the a an former then new acting deputy senior chief assistant interim head".split())
_REPORTED_BY = re.compile(r",\s+[^,]{1,40}\s+(?:said|says|added|reported|told\s+[^,.]{1,40})\.\s*$")
_PRONOUN_SUBJECT = re.compile(
    r"(?:(?:So|And|But|Yet|Now),?\s+)?([Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|is\s+|was\s+)?[a-z]+"
)
_SAID_AT_END = re.compile(rf",\s+(?P<who>[Hh]e|[Ss]he|{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})\s+(?:said|says|added)\.\s*(?:\n\n)?$")
_PREVIOUS_SENTENCE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n\n))[A-Z](?:[^.!?\n“”\"]|\.(?=\d)){0,250}[.!?]\s*(?:\n\n)?$")


@dataclass
class FoundQuote:
    speaker: str
    role: str | None
    text: str
    start: int
    end: int


# A sentence whose subject is a group, not a person ("Iranian-Americans are celebrating …:",
# "Harbor residents are …"): a plural is not whose words the list below it holds.
_GROUP_SUBJECT = re.compile(r"(?:The\s+)?(?P<who>[A-Z][\w-]+(?:\s+[\w-]+){0,3}?)\s+(?:are|were|have|had|[a-z]+ed)\b")
_WORDS_NOUNS = frozenset("Highlights Excerpts Remarks Quotes Comments Moments Words Statements Thoughts".split())


def _group_subject(sentence: str, people: dict[str, str | None]) -> bool:
    match = _GROUP_SUBJECT.match(sentence.strip(" -•*"))
    who = match.group("who") if match else ""
    last = who.split()[-1] if who else ""
    return last.endswith("s") and last.capitalize() not in _WORDS_NOUNS and not (_names_person(who) or who in people)


_SO_CALLED = re.compile(r"\bso-called\s*$")


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
    excerpts = author if author and _EXCERPTS.match(text) else None
    own = None if _READOUT.match(text) else author  # a readout reports its principal in the third person
    found: list[FoundQuote] = []
    chains: dict[int, tuple[str, str | None] | None] = {}
    named_only = -1  # the index in `found` of the last quotation that only names a thing
    # Read once, and only when a rule asks: the headline's subject, and which paragraphs hold
    # nothing but quotations.
    headline: list[tuple[str, str | None] | None] = []
    quotations_only: dict[int, bool] = {}
    below: list[bool] = []
    opens = [s.open for s in spans]

    def person_like(who: str) -> bool:
        """A speaker written as a person's name, or one the text knows as a person."""
        return _names_person(who) or who in people

    def list_intro(k: int) -> str:
        """The sentence that ends the paragraph before paragraph k's run of quotation-only paragraphs."""
        bounds = [(breaks[m - 1] + 2 if m else 0, breaks[m] if m < len(breaks) else len(text)) for m in range(max(0, k - 30), k)]
        while bounds and only_quoted(*bounds[-1]):
            bounds.pop()
        return sentence_before(text, bounds[-1][0], bounds[-1][1] + 1, 260) if bounds else ""

    def signed_below() -> bool:
        """Whether the text signs its quotations on the line below them, not above (read once)."""
        if not below:
            starts = [0] + [b + 2 for b in breaks]
            ends = [*breaks, len(text)]
            opening = [(a, b, text[a:b].lstrip(" -•*_")[:1] in '“"' and only_quoted(a, b)) for a, b in zip(starts, ends, strict=True)]
            below.append(signatures_below(text, opening))
        return below[0]

    def only_quoted(para_start: int, para_end: int) -> bool:
        if para_start not in quotations_only:
            quotations_only[para_start] = only_quotations(text, spans, opens, para_start, para_end)
        return quotations_only[para_start]

    for n, span in enumerate(spans):
        k = bisect_right(breaks, span.open - 1)
        para_start = breaks[k - 1] + 2 if k else 0
        para_end = breaks[k] if k < len(breaks) else len(text)
        inner_start, inner_end = span.open + 1, span.close
        inner = text[inner_start:inner_end]
        words = inner.split()
        # the mark that ends the words, past a quotation inside them: "… ask, 'What have they got to hide?'"
        last_mark = inner.rstrip().rstrip("'’\"”").rstrip()[-1:]
        speaker: tuple[str, str | None] | None = chains.get(span.chain)
        position = span.open
        window = max(para_start, span.open - 160)
        first = span.chain not in chains
        previous_para = breaks[k - 2] + 2 if k >= 2 else 0
        # 'Mr Lowe asked: "…" The spokeswoman said': words a colon introduces are the colon's.
        introduced = first and text[window : span.open].rstrip(" *_").endswith(":")
        # "Harbor Workers Union (HWU): “…”": a paragraph that opens with who speaks; a body's name
        # is final, as printed, which no resolution rewrites.
        # A dash or a table's rule may stand for the colon: "Senator Jane Roe — “…”", "| Jane Roe | “…”"
        set_off = introduced or (first and _SET_OFF.search(text, window, span.open) is not None)
        item = item_start(text, para_start, span.open)  # the list item that holds the quotation, else the paragraph
        labelled = paragraph_label(text, item, span.open) if set_off and k else None
        fixed = labelled if labelled and not _names_person(labelled[0]) else None  # a speaker no resolution rewrites
        before = labelled or (attribution_before(text, window, span.open) if introduced else None)
        # 'Governor Jane Roe greeted the graduates, “The …”': a whole sentence after a comma is said
        comma_led = (
            first
            and len(words) >= 4
            and inner[:1].isupper()
            and last_mark in ".!?"
            and text[window : span.open].rstrip(" *_").endswith(",")
        )
        if (introduced or comma_led) and before is None and (subject := colon_subject(text, para_start, span.open)):
            # "He also praised the director: “…”": a pronoun is resolved like any other
            before = (subject, None) if person_like(subject) or subject in ("He", "She") else None
        speaker = speaker or before
        credited_after = False
        if speaker is None and span.closed:
            speaker = attribution_after(text, span.close + 1, min(para_end, span.close + 200))
            # '… to “keep their boats”, Ana Roe stressed.': a comma after the mark, then who said it.
            credited_after = speaker is not None and text.startswith(",", span.close + 1)
        if speaker is None and first:
            speaker = before = attribution_before(text, window, span.open)
        if before and before[0].lower() in PRONOUNS:
            # 'He said the arrest “…” in May, Roe said': a name at the sentence's end beats the
            # pronoun; else the pronoun points to whom the text names before the pronoun.
            at_end = sentence_end_attribution(text, span.close + 1, para_end) if span.closed else None
            speaker = at_end if at_end and at_end[0].lower() not in PRONOUNS else before
            said = [m.start() for m in re.finditer(rf"\b{re.escape(before[0])}\b", text[window : span.open])]
            position = window + said[-1] if speaker is before and said else position
        if speaker is None and not span.closed:
            speaker = _chain_end_attribution(text, spans, n, breaks)
        if (
            speaker is None
            and first
            and span.closed
            and (signed := signed_after(text, span.open, span.close, item, item_end(text, span.close, para_end)))
        ):
            speaker, credited_after = (signed, None), True  # '“…” — Press Secretary Karen Lowe', and '“Thugs” — Tom Vance'
        if speaker is None and first and span.closed and k and not text[span.close + 1 : para_end].strip(" .*_"):
            speaker = bare_label(text, item, span.open)  # 'Tom Vance, President, Harbor Union “…”'
        if speaker is None and first and (item_label := paragraph_label_before(text, item, span.open)):
            # '- Governor Jane Roe: officers are “secret police.”': the item's label speaks what it holds
            speaker, credited_after = item_label, True
        if speaker is None and k and list_item_lead(text[para_start : span.open]) and text[: para_start - 2].rstrip().endswith(":"):
            # A paragraph-long quotation (or a list of them) that the paragraph before introduces:
            # "Jane Roe said:", "President Jane Roe spoke with the crews:"
            speaker = attribution_before(text, max(previous_para, para_start - 162), para_start - 2)
            subject = colon_subject(text, previous_para, para_start - 2) if speaker is None else None
            if speaker is None and subject is None and k >= 2:  # "Here are some of the key moments:"
                before_start = breaks[k - 3] + 2 if k >= 3 else 0
                subject = invited_subject(text, previous_para, para_start - 2, before_start)
                if not (subject and person_like(subject)) and invitation_line(text, previous_para, para_start - 2):
                    # "Harbor News sat down with Secretary Jane Roe. … Here’s what you missed:": the one
                    # person the paragraph before names, however it names them
                    persons = [p for p in people if " " in p and p in text[before_start:previous_para]]
                    subject = max(persons, key=len) if len({n.split()[-1] for n in persons}) == 1 else None
            office = _OFFICE_SUBJECT.fullmatch(subject) if subject else None
            if office and all(word in TITLES for word in office.group("office").split()):
                speaker = (office.group("office"), None)  # "The President did not hold back:": whom the text gives the office
            elif subject and person_like(subject):
                speaker = (subject, None)
        if (
            speaker is None
            and introduced
            and k >= 2
            and re.fullmatch(r"[-•*\s]*[A-Z][^“”\"\n]{0,120}:[*_\s]*", text[para_start : span.open])
        ):
            # "- On tariffs: “…”" under a heading that names who speaks: "Secretary Jane Roe on Meet the Press"
            who = heading_speaker(text, previous_para, para_start - 2)
            speaker = (who, None) if who else None
        if speaker is None and first and k >= 2 and not text[para_start : span.open].strip(" -•*"):
            # An excerpt under the line that names its source and headline: "Harbor Times: Crews rebuild …"
            source = source_of_excerpt(text, previous_para, para_start - 2)
            speaker = fixed = (source, None) if source else None
            if source and _names_person(source):
                fixed = None  # "Rep. Jane Roe: The Harbor Plan Delivers" over her op-ed: resolved, title and all
            if speaker is None and (
                authors := document_authors(text, previous_para, para_start - 2, breaks[k - 3] + 2 if k >= 3 else 0, people)
            ):
                speaker = fixed = (authors, None)  # "In a new op-ed, Ana Ruiz and Tom Lee …" over "From the op-ed:"
            if speaker is None and only_quoted(para_start, para_end):
                # A line of its own names who speaks: "Senator Tamara Bell (D-WI)", "National Association of
                # Harbor Towns", or a heading over a list: '- “…” (Watch)' under "Secretary Jane Roe on Meet the Press"
                if signed_below():  # "“…”" over "Jane Roe, President, Harbor Union": the line after
                    next_end = breaks[k + 1] if k + 1 < len(breaks) else len(text)
                    named_line = line_label(text, para_end + 2, next_end) if para_end < len(text) else None
                else:
                    named_line = line_label(text, previous_para, para_start - 2, breaks[k - 3] + 2 if k >= 3 else 0)
                who = None if named_line else titled_heading(text, previous_para, para_start - 2)
                speaker = named_line[:2] if named_line else ((who, None) if who else None)
                fixed = named_line[:2] if named_line and not named_line[2] else fixed  # a body's name, as printed
        if speaker is None and first and span.closed:  # '… a “huge number” of smugglers, Mara Quist told reporters.'
            speaker = sentence_end_attribution(text, span.close + 1, para_end)
            credited_after = speaker is not None
        turn = bisect_right(label_at, span.open) - 1
        if speaker is None and first and turn >= 0 and label_at[turn] == para_start:
            speaker = turn_opening(text, labels[turn], span.open)  # "PRESIDENT ROE: “…”"
        asking = bool(re.match(r"Q\b", text[para_start : para_start + 2])) or (turn >= 0 and not labels[turn][1])
        if speaker is None and first and asking and addressed_speech(text, para_start, span.open):
            # A reporter's "you said “…”": the words of whoever answers the question
            answer = next((label for label in labels[turn + 1 : turn + 4] if label[1]), None)
            speaker, credited_after = ((answer[1], answer[2]), True) if answer else (None, False)
        if speaker is None and first and (caller := what_called(text, span.open)):
            # 'what Dr. King called “…”': his name for a thing, which no later words in the sentence go on
            speaker, credited_after, named_only = (caller, None), True, len(found)
        direct = speaker is not None
        alone = not text[para_start : span.open].strip(" *_") and not text[span.close + 1 : para_end].strip(" .*_")
        if not alone and not span.closed and para_start == span.open:
            # '"A … "B … "C …."': a quotation of several paragraphs flattened into one, which fills it
            last = next((later for later in spans[n + 1 : n + 21] if later.chain == span.chain and later.closed), None)
            alone = last is not None and last.close < para_end and not text[last.close + 1 : para_end].strip(" .*_")
        same_sentence = bool(found) and found[-1].end >= para_start and not _SENTENCE_BREAK.search(text, found[-1].end - 1, span.open)
        if speaker is None and first and not same_sentence:
            # 'Tony Blair claimed … “cut” … . Liam Fox accused Labour of “…”': a person who is the
            # subject of a speech act in the quotation's own sentence beats the paragraph's last speaker.
            who = short_quote_speaker(text, para_start, span.open, wide=len(words) >= 4)
            known = who is not None and (person_like(who) or (" " not in who and mentions.is_person(who)))
            speaker = (who, None) if who and known else None
            if who and not known and re.fullmatch(r"(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+", who) and who.split()[-1].lower() in ROLE_NOUNS:
                speaker = (f"The {who}", None)  # "The Governor also praised the crews, sharing that “…”": as described
            if who and not known and re.fullmatch(r"The(?:\s+[a-z-]+){1,3}s", who) and role_noun(who.split()[-1]):
                speaker = (who, None)  # "The judges called it “…”": people described, whom no name stands for
            if who in ("he", "she", "He", "She"):  # "Jane Roe’s first visit …, she lamented “…”"
                lead = sentence_before(text, para_start, span.open, 260)
                speaker = (owner_before(lead, who, people) or who.capitalize(), None)
                position = span.open - len(lead) + max(0, lead.find(f" {who} "))
        if speaker is None and first and len(words) >= 4 and inner[:1].islower() and _FIRST_PERSON.search(inner):
            # 'Chief executive Jim Roe attributed the rise to the “vitality of our new menu”': words in
            # the first person, run into the sentence, are the words of the person it opens with
            opener = _first_person_opener(text, mentions, para_start, span.open, people)
            speaker = (opener, None) if opener else None
        if speaker is None and first and found and found[-1].end >= para_start and len(words) >= 4:
            # '"…," said Nadal. US coach Patrick McEnroe wants more clay. "I think …"': a person who is
            # the subject of the whole sentence between two quotations speaks the second.
            subject = _sentence_subject(text, mentions, max(found[-1].end + 1, span.open - 300), span.open)
            speaker = (subject, None) if subject and subject != found[-1].speaker else None
        stop_after = span.closed and len(words) >= 4 and text[span.close + 1 : span.close + 2] in (".", "!", "?")
        if (
            speaker is None
            and found
            and len(found) - 1 != named_only
            and (
                # a later item of a list in one paragraph ("… levels. - An analysis found “…”") is its own
                (found[-1].end >= para_start and not prose_item(text, found[-1].end, span.open))
                or re.fullmatch(r"[\s”\"’']*", text[found[-1].end : span.open])
                or (alone and found[-1].start >= previous_para)  # a paragraph that is only a quotation goes on
                # as does a paragraph that opens with a whole sentence quoted, after one that credits a quotation
                # (or a quotation that goes on past it: '"Everything is new. "Since then …."')
                # (its stop inside the mark, or after it as British style sets it: '"… of fear". It is …')
                or (para_start == span.open and (not span.closed or last_mark in ".!?" or stop_after) and found[-1].start >= previous_para)
            )
        ):
            # An unattributed quotation in the paragraph of an attributed one, or right after
            # it, continues the same speaker.
            speaker = (found[-1].speaker, found[-1].role)
        if speaker is None and first and (owned := owned_saying(lead := sentence_before(text, para_start, span.open, 200))):
            speaker, position = (owned[0], None), span.open - len(lead) + owned[1]  # "Bill’s decree, “…”"
        if speaker is None and len(words) >= 4:
            who = report_attribution(text, para_start, para_end, span.open, span.close)
            speaker = (who, None) if who else None
            if who in ("He", "She", "They"):  # the subject of the sentence: its antecedent comes before it
                position = span.open - len(sentence_before(text, para_start, span.open, 400))
        if speaker is None and excerpts and not text[para_start : span.open].strip(" *_"):
            # "Excerpts of Remarks … by Governor Ana Ruiz": each quoted paragraph is an excerpt of hers
            speaker = excerpts
        if speaker is None and author and not found and k <= 2 and (alone or only_quoted(para_start, para_end)):
            # "Statement from Secretary Ana Ruiz" and a body that is one quotation (or excerpts of
            # her remarks, each quoted, with dashes between them): hers.
            speaker = author
        # "- On costs: “…”" under a line that names no one ("Fox News Sunday:", not "Her deputy on CNN:")
        topic = _TOPIC_ITEM.fullmatch(text, para_start, span.open) is not None and not any(
            word in TITLES or role_noun(bare(word)) or word.lower() in ("his", "her", "their")
            for word in text[previous_para:para_start].split()
        )
        if (
            speaker is None
            and first
            and not (found and found[-1].end >= para_start)
            and (not text[para_start : span.open].strip(" -•*") or topic)
            and (only_quoted(para_start, para_end) or (k > 0 and text[: para_start - 2].rstrip().endswith(":")))
            # "Iranian-Americans are celebrating:" over the list: the sentence's own subject, who are no person
            and not _group_subject(list_intro(k), people)
        ):
            # "74 Times President Jane Roe Has Said …" over a list of dated quotations, or "At West Point,
            # President Jane Roe Lauds …" over "Here are the highlights:" and a list: the headline's subject speaks.
            if not headline:
                headline.append(headline_subject(text))
            speaker = headline[0]
            if speaker is None and topic and (opener := lead_subject(text, breaks)) and person_like(opener):
                # "Fox News Sunday:" over "- On costs: “…”", in a release whose first sentence says who
                # made the rounds ("Secretary Jane Roe appeared on several networks …"): hers
                speaker = (opener, None)
        if speaker is None and first and span.closed and DATED_SAYING.match(text, span.close + 1):
            # '1. Seal the harbor: “We will close the harbor.” (10/12/24, Aurora, CO)': a saying dated
            # like the entries of a record, in a document whose headline's subject said them
            if not headline:
                headline.append(headline_subject(text))
            speaker = headline[0]
        if speaker is None and len(words) >= 4 and span.closed and last_mark in ".!?":
            speaker = added_later(text, span.close + 1, para_end)  # '“…” Work starts in May, Roe added.'
        if speaker is None and len(words) >= 4 and span.chain not in chains:
            # 'Jane Roe criticised the plans. "If you want …"': a quotation that opens a sentence
            # after one whose subject is a person, with nothing else to credit it.
            sentence = _PREVIOUS_SENTENCE.search(text, max(0, span.open - 300), span.open)
            named = mentions.last_before(span.open) if sentence else None
            pronoun = _PRONOUN_SUBJECT.match(text, sentence.start()) if sentence else None
            if pronoun and sentence:
                # 'So he is full of admiration for Paolo Maldini. "I'm happy …"': the pronoun is the
                # sentence's subject, not the people it names; whom it stands for speaks
                speaker, position = (pronoun.group(1).capitalize(), None), sentence.start()
            elif named and sentence and mentions.position_of_last(span.open) >= sentence.start():
                speaker = (named, None)
            elif sentence and (reported := _SAID_AT_END.search(text, sentence.start(), span.open)):
                # 'The industry would halt it, he said. "We will advise …"': who reported the sentence
                speaker, position = (reported.group("who"), None), sentence.start()
        if speaker is None and len(words) >= 4 and span.chain not in chains and inner.lstrip('“"')[:1].isupper():
            # 'Ana Roe told the BBC there are two steps. The harder is the first. ¶ "The answer is …"', 'The
            # Harbor Office said it was reviewing the plan. "Unions will be consulted …"': whole sentences
            # quoted after one of the two sentences before reports what someone says.
            reporter = _reported_before(text, previous_para, span.open, person_like)
            speaker, position = ((reporter[0], None), reporter[1]) if reporter else (None, position)
        if speaker is None and len(words) >= 4 and span.chain not in chains:
            # 'I called on Congress to “pass the bill without delay”': a speech act of the document's
            # own "I" in the quotation's sentence (a named subject is left to the rules above).
            speaker = ("I", None) if short_quote_speaker(text, para_start, span.open) == "I" else None
        speech = direct and span.closed and last_mark in ",.!?"  # '“I’m all yours,” he tells me'
        if speaker is None and first and span.closed:
            agent = passive_agent(text, span.open, span.close)  # 'described as “…” by X'
            speaker = (agent, None) if agent else None
            credited_after = speaker is not None
        if len(words) < 4 and span.chain not in chains and not speech and not credited_after and not (same_sentence and speaker):
            # A word or two in quotation marks is a scare quote or a slogan, unless a named person
            # is the subject of a speech act in the same sentence: "X accused them of “lying”", or
            # the words follow a speech verb closely: 'The minister said it was the “worst” case'.
            who = short_quote_speaker(text, para_start, span.open)
            if _SO_CALLED.search(text, max(0, span.open - 12), span.open):
                continue  # 'politicians in so-called “sanctuary” towns': a name, whoever speaks
            if who is None and not before and inner[:1].islower() and _FIRST_PERSON.search(inner):
                who = _first_person_opener(text, mentions, para_start, span.open, people)  # "the “vitality of our menu”"
            if who is None and not before and inner[:1].islower():
                # 'Lord Roe said the rules were not written down. The issue had been “overlooked” when …':
                # a word of the sentence that goes on reporting the one before, in the same paragraph
                lead = sentence_before(text, para_start, span.open, 260)
                reporter = _reported_before(text, para_start, span.open - len(lead), person_like, reach=1)
                others = _SPEECH_OR_NAMING.search(lead) or re.search(r"\s[A-Z]", lead.strip())  # its own subject or verb
                who = reporter[0] if reporter and not others and reporter[0] not in ("He", "She") else None
            if who is None and not before:
                continue
            speaker = (who, None) if who else before
            if who in ("He", "She", "They"):  # the sentence's subject: its antecedent comes before the sentence
                position = span.open - len(sentence_before(text, para_start, span.open, 260))
        if (
            speaker is None
            and first
            and len(words) >= 4
            and inner.lstrip('“"')[:1].isupper()
            and found
            and previous_para <= found[-1].start < para_start
            and author is None
            and not labels
            and (para_start == span.open or re.search(r"[.!?][”\"’']?\s*$", text[para_start : span.open]))
            and _told_on(text, mentions, found[-1], span.open)
        ):
            # '"…," Ana Roe said. ¶ The club is funding the move by selling land. "We have two …"': a
            # paragraph that goes on in the narrator's words, naming no one, then quotes whole
            # sentences again, goes on with the speaker of the paragraph before (not in remarks or a
            # transcript, where no words are the narrator's)
            speaker = (found[-1].speaker, found[-1].role)
        if speaker is None:
            continue
        if speaker[0].lower() == "they" and found and found[-1].start >= previous_para and found[-1].speaker not in people:
            # 'our seniors that said, “…” And they said, “…”': the group credited just before
            speaker = (found[-1].speaker, found[-1].role)
        voice = re.sub(r"^(?:and|but|so|as|then)\s+", "", speaker[0].lower()).split("’")[0].split("'")[0]
        if voice in ("i", "we"):
            # "I said, “…”" in a transcript: the speaker of the turn, if a label names one; in a
            # statement or a speech, the person its headline names ("Statement from President X").
            if turn >= 0 and labels[turn][1]:
                speaker = labels[turn][1], labels[turn][2]
            elif author:
                speaker = author
            else:
                continue
        # A later part of a quotation keeps the speaker its first part resolved to.
        settled = speaker == fixed or speaker == chains.get(span.chain)
        resolved, role = speaker if settled else resolve(text, speaker, position, people, mentions)
        if not resolved or not resolved.strip(" .,"):
            continue
        if not settled and speaker[0].lower() in ("he", "she") and _own_voice(resolved, labels[turn] if turn >= 0 else None, own):
            # "Let us remember Coretta Scott King. She said, “…”" in remarks: whoever speaks in their own
            # voice says "I", so "she" is someone else, even when no one else is named
            continue
        name = resolved
        chains[span.chain] = (name, role)
        words_said = inner.lstrip().lstrip('“"').lstrip()  # past spaces, and a mark typed twice
        q_start = inner_end - len(words_said)
        q_end = q_start + len(words_said.rstrip().rstrip(" ,"))
        if q_end > q_start:
            found.append(FoundQuote(name, role, text[q_start:q_end], q_start, q_end))
    return found


def _first_person_opener(text: str, mentions: Mentions, para_start: int, open_at: int, people: dict[str, str | None]) -> str | None:
    """The person the quotation's sentence opens with, only described before the name ("Chief
    executive Jim Roe attributed …"), whose words in the first person the quotation holds."""
    lead_start = open_at - len(sentence_before(text, para_start, open_at, 260))
    opener = mentions.first_person_in(lead_start, open_at)
    if opener is None or opener[0] not in people:
        return None
    lead = re.findall(r"\b[a-z][\w’'-]*", text[lead_start : opener[1]])
    return opener[0] if all(w in ROLE_NOUNS or w in _DESCRIBING for w in lead) else None


def _reported_before(text: str, since: int, at: int, person_like: Callable[[str], bool], reach: int = 2) -> tuple[str, int] | None:
    """Who reports speech in one of the `reach` sentences before `at` (from `since` on): a person
    (perhaps as "he" or "she", resolved from where that sentence starts), or a body by its
    capitalised name ("the Harbor Office said it was …"), and where that sentence starts."""
    end = at
    for _ in range(reach):
        sentence = _PREVIOUS_SENTENCE.search(text, max(since, end - 300), end)
        if sentence is None:
            return None
        stop = sentence.start() + len(text[sentence.start() : end].rstrip()) - 1
        if described := _DESCRIBED_REPORTER.match(text, sentence.start(), end):
            return described.group("who"), sentence.start()  # "The 31-year-old insisted he …": the person named before
        who = short_quote_speaker(text, sentence.start(), stop, wide=True)
        named_at = text.find(who, sentence.start(), end) if who else -1
        speaks = named_at >= 0 and _ITS_VERB.match(text, named_at + len(who or ""), end) is not None
        if speaks and who and (who in ("He", "She") or person_like(who) or _body_named(who)):
            return who, sentence.start()
        end = sentence.start()
    return None


def _told_on(text: str, mentions: Mentions, last: FoundQuote, open_at: int) -> bool:
    """Between the quotation `last` and `open_at`, nobody but its speaker is named outside
    quotations, and the words after the paragraph break report no one's speech."""
    para = text.rfind("\n\n", last.end, open_at) + 2
    for m in range(bisect_right(mentions.positions, last.end), bisect_left(mentions.positions, open_at)):
        if (
            mentions.people[m]
            and fullest(mentions.names[m], {last.speaker: None}) != last.speaker
            and not mentions.in_quotation(mentions.positions[m])
        ):
            return False
    narration = re.sub(r"[“\"][^“”\"]*[”\"]", " ", text[para:open_at])
    return para >= 2 and _SPEECH_OR_NAMING.search(narration) is None


def _body_named(who: str) -> bool:
    """A body's capitalised name that ends in a word that heads one: "Cabinet Office"."""
    return who[:1].isupper() and who.split()[-1] in ORG_HEADS


_FIRST_PERSON = re.compile(r"\b(?:our|we|us|my|me|I)\b")
# A verb in the quotation's own sentence that gives its words to someone else or names a thing.
_SPEECH_OR_NAMING = re.compile(
    rf"\b(?:{VERBS}|{NAMING_VERBS}|calls|named|titled|known\s+as|likened|compared|accused|attacked|"
    r"fears?|feared|believed?|think|thought|warn|urges?)\b"
)
# A person described by age or as a man or woman of somewhere, reporting speech: "The 31-year-old
# insisted", "The Frenchman said" (resolved to the person named before; not "the spokesman", a role).
_DESCRIBED_REPORTER = re.compile(rf"(?P<who>[Tt]he\s+(?:\d{{1,3}}-year-old|[A-Z][a-z]+(?:man|woman)))\s+(?:also\s+|later\s+)?{VERBS}\b")
# The speech verb of the name just before it, past an apposition: "Ana Roe, from Acme, told the BBC".
_ITS_VERB = re.compile(rf"(?:,[^,.“”\"]{{1,80}},)?\s+(?:\w+ly\s+|also\s+|has\s+|had\s+)?{VERBS}\b")


def _sentence_subject(text: str, mentions: Mentions, start: int, open_at: int) -> str | None:
    """The person named at the start of the whole sentence that text[start:open_at] ends with."""
    sentence = _PREVIOUS_SENTENCE.search(text, start, open_at)
    if sentence is None or _REPORTED_BY.search(sentence.group(0)):
        return None  # "Roe amassed $24m, prosecutors said.": the sentence reports, its subject does not speak
    first = mentions.first_person_in(sentence.start(), sentence.end())
    if first is None:
        return None
    # Only a description may come before the name ("US coach Patrick Roe"), no verb ("Roe's team beat Tom Ash")
    lead = re.findall(r"\b[a-z][\w’'-]*", text[sentence.start() : first[1]])
    return first[0] if all(w in ROLE_NOUNS or w in _DESCRIBING for w in lead) else None


def _names_person(who: str) -> bool:
    """A speaker written as a person's name: two name words at the end, or a title and a surname."""
    tokens = who.split()
    return any(j == len(tokens) for _, j in person_groups(tokens))


def _document_speaker(text: str) -> tuple[str, str | None] | None:
    """Who speaks in a statement, a message or remarks, as the headline names them: "Statement
    from President Jane Roe on …" -> ("Jane Roe", "President")."""
    headline = HEADLINE.match(text)
    if headline is None:
        return None
    tokens = headline.group("who").split()
    groups = person_groups(tokens)
    if not groups:
        return None
    i, j = groups[0]
    return " ".join(bare(t) for t in tokens[i:j]), " ".join(tokens[:i]) or None


def _own_voice(name: str, turn: tuple[int, str, str | None] | None, author: tuple[str, str | None] | None) -> bool:
    """The person is the one speaking in their own voice where a quotation stands: the speaker of
    the transcript's turn, else the author of a statement, remarks or a message (not a readout,
    which reports its principal in the third person)."""
    voice = turn[1] if turn and turn[1] else (author[0] if author else None)
    return bool(voice) and name.split()[-1:] == (voice or "").split()[-1:]


# A list item that opens with its topic: "- On the harbor plan: “…”".
_TOPIC_ITEM = re.compile(r"[-•*\s]*(?:On|About|Regarding)\s[^“”\"\n.!?;:]{1,80}:\s*")
# An office as a sentence's subject: "The President", "The First Lady".
_OFFICE_SUBJECT = re.compile(r"The\s+(?P<office>(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)")


def named_near(text: str, speaker: str, start: int, end: int, role: str | None = None) -> bool:
    """The speaker (or the speaker's role) is named near the quotation at text[start:end], as
    `brief check` (quote/speaker) asks (:func:`brief.speakers.speaker_named_near`)."""
    return speaker_named_near(text, speaker, start, end, role)


def near_quotes(text: str, quotes: list[FoundQuote], roles: dict[int, str | None]) -> list[FoundQuote]:
    """The quotations whose speaker `brief check` finds named near them, or who goes on speaking
    from the quotation just before (:func:`brief.speakers.named_near_in_order`); `roles` by start."""
    passed = named_near_in_order(text, [(q.speaker, q.start, q.end, roles.get(q.start)) for q in quotes])
    return [q for q, ok in zip(quotes, passed, strict=True) if ok]


def _chain_end_attribution(text: str, spans: list[Span], k: int, breaks: list[int]) -> tuple[str, str | None] | None:
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
