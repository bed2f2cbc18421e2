"""Notes and the sources list: where calls go, which calls share a note, what notes say, the
sources list's order and punctuation, partial dates, figures as written, and the two note rules;
then the sample built and read back from its PDF and DOCX."""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

import docx
import pytest

from brief.assemble import citations
from brief.assemble.figuretext import format_figure
from brief.assemble.memo import BulletList, Footnote, FootnoteRef, Inline, Link, Memo, Paragraph, Section, Table, Text
from brief.assemble.notes import Request, clause_end, place_notes, sentence_ends
from brief.inputs.dates import PartialDate, long_date
from brief.inputs.models import Figure, SourceSummary
from brief.inputs.spec import BriefSpec
from brief.inputs.summaries import LoadedSummary
from brief.verify.notes import calls_after_digits, check_notes, repeated_notes
from conftest import REPO, Built, pdf_pages

# --- where a call goes ------------------------------------------------------------------------


def _moved(text: str) -> str:
    """`text` with its "^" call moved to where it belongs, shown as "^"."""
    at = text.index("^")
    plain = text.replace("^", "")
    target = clause_end(plain, at)
    return plain[:target] + "^" + plain[target:]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("killed 70,000^ Americans last year, and more", "killed 70,000 Americans last year,^ and more"),
        ("a record 36,685^ in 2018. Then", "a record 36,685 in 2018.^ Then"),
        ("rose 2.4^ percent in 2019; murders fell", "rose 2.4 percent in 2019;^ murders fell"),
        ("guns from the U.S.^ make up 70% of those seized. Next", "guns from the U.S. make up 70% of those seized.^ Next"),
        ("met on Jan.^ 9 in Mexico City: talks", "met on Jan. 9 in Mexico City:^ talks"),
        ("called it “a breach of trust,”^ and moved on", "called it “a breach of trust,”^ and moved on"),
        ("called it “a breach^ of trust.” Later", "called it “a breach of trust.”^ Later"),
        ("as Mr.^ Barr said (in 2019). Then", "as Mr. Barr said (in 2019).^ Then"),
        ("aid worth $3 billion^ since 2008", "aid worth $3 billion since 2008^"),
        ("37 extraditions^ by 10:30 a.m. on Friday? Yes", "37 extraditions by 10:30 a.m. on Friday?^ Yes"),
        ("the aid went to the U.S.^", "the aid went to the U.S.^"),
        ("already placed.^ Next", "already placed.^ Next"),
        ("see example.com^ for more, then", "see example.com for more,^ then"),
    ],
)
def test_a_call_moves_past_the_end_of_its_clause(before: str, after: str) -> None:
    assert _moved(before) == after


def test_sentence_ends_skip_abbreviations_and_decimals() -> None:
    text = "The U.S. gave $2.5 billion on Jan. 9. Mexico agreed. Done"
    ends = sentence_ends(text)
    assert [text[:e] for e in ends] == ["The U.S. gave $2.5 billion on Jan. 9.", "The U.S. gave $2.5 billion on Jan. 9. Mexico agreed."]


# --- notes -----------------------------------------------------------------------------------


def _source(sid: str, title: str = "A title", outlet: str | None = "The Outlet", authors: list[str] | None = None) -> LoadedSummary:
    summary = SourceSummary(id=sid, title=title, outlet=outlet, authors=authors or [], published="2019-11")
    return LoadedSummary(summary, Path(f"/seeds/{sid}.yaml"))


WSJ = _source("wsj", "Mexican president reverses policy on fighting drug cartels to aid U.S.", "The Wall Street Journal",
              ["José de Córdoba", "Sadie Gurman"])  # fmt: skip
USAT = _source("usat", "Can the US and AMLO stop the cartel’s deadly flow of fentanyl?", "USA TODAY")
HILL = _source("hill", "The urgent need to bolster US-Mexico security cooperation", "The Hill", ["Earl Anthony Wayne"])


def _text(runs: tuple[Inline, ...] | list[Inline]) -> str:
    return "".join(r.text if isinstance(r, Text | Link) else f"[{r.number}]" for r in runs)


def _place(*units: list[Inline | tuple[LoadedSummary, str | None]]) -> tuple[list[str], list[str]]:
    """Place the calls of paragraphs written as runs and (source, locator) pairs; returns the
    paragraphs' text with [n] calls and the notes' text."""
    requests: list[Request] = []
    calls: list[int] = []
    blocks = []
    for unit in units:
        runs: list[Inline] = []
        for item in unit:
            if isinstance(item, tuple):
                requests.append(Request(item[0], item[1]))
                calls.append(len(requests) - 1)
                runs.append(FootnoteRef(len(calls) - 1))
            else:
                runs.append(item)
        blocks.append(Paragraph(tuple(runs)))
    notes = place_notes([Section("s", None, tuple(blocks))], calls, requests)
    placed = notes.sections[0].blocks
    return [_text(b.runs) for b in placed if isinstance(b, Paragraph)], [_text(n.runs) for n in notes.footnotes]


def test_calls_to_one_source_in_one_sentence_make_one_note_quoting_both() -> None:
    paragraphs, notes = _place(
        [
            Text("Mexico made 37"),
            (WSJ, "there have been 37 extraditions"),
            Text(" extraditions against 58"),
            (WSJ, "the 58 extraditions in all of 2019"),
            Text(" in 2019, and the U.S. pledged more."),
            (WSJ, None),
        ]
    )
    assert paragraphs == ["Mexico made 37 extraditions against 58 in 2019, and the U.S. pledged more.[1]"]
    assert len(notes) == 1
    title = "Mexican president reverses policy on fighting drug cartels to aid U.S."
    assert notes[0].startswith(f"José de Córdoba and Sadie Gurman, “{title},”")
    assert notes[0].endswith(": “there have been 37 extraditions” and “the 58 extraditions in all of 2019.”")


def test_one_source_cited_twice_in_a_sentence_gets_one_note_at_its_last_call() -> None:
    paragraphs, notes = _place(
        [Text("One says a,"), (HILL, "a"), Text(" another says b,"), (USAT, None), Text(" and the first adds c."), (HILL, "c")]
    )
    assert paragraphs == ["One says a, another says b,[1] and the first adds c.[2]"]
    assert len(notes) == 2 and notes[1].startswith("Earl Anthony Wayne") and notes[1].endswith(": “a” and “c.”")


def test_calls_at_one_place_share_a_note_and_later_notes_are_short() -> None:
    paragraphs, notes = _place(
        [Text("Fentanyl killed 70,000"), (USAT, "70,000 Americans"), Text(" people by one count"), (HILL, None), Text(".")],
        [Text("Then it fell.")],
        [Text("Later it rose"), (USAT, None), Text(" and rose.")],
    )
    assert paragraphs[0] == "Fentanyl killed 70,000 people by one count.[1]"
    assert "fentanyl?” USA TODAY, November 2019: “70,000 Americans”; Earl Anthony Wayne," in notes[0]
    assert paragraphs[2] == "Later it rose and rose.[2]"
    assert notes[1] == "USA TODAY, “Can the US and AMLO stop.”"


def test_neighbouring_sentences_from_one_source_share_a_note_but_not_across_an_uncited_one() -> None:
    paragraphs, notes = _place(
        [Text("One."), (HILL, None), Text(" Two."), (HILL, None), Text(" Analyst's view. Three."), (HILL, None)],
    )
    assert paragraphs == ["One. Two.[1] Analyst's view. Three.[2]"]
    assert notes[1] == "Ibid."


def test_a_repeated_note_is_ibid_and_never_twice_in_a_row() -> None:
    _, notes = _place([Text("A."), (HILL, None)], [Text("B."), (HILL, None)], [Text("C."), (HILL, None)], [Text("D."), (HILL, None)])
    assert notes[0].startswith("Earl Anthony Wayne, “The urgent need")
    assert notes[1:] == ["Ibid.", "Wayne, “Urgent need to bolster US-Mexico.”", "Ibid."]
    assert all(a != b for a, b in itertools.pairwise(notes))


def test_a_figure_passage_is_quoted_once() -> None:
    _, notes = _place(
        [Text("It killed 70,000"), (USAT, "70,000 Americans"), Text(" people.")],
        [Text("B."), (HILL, None)],
        [Text("Again 70,000"), (USAT, "70,000 Americans"), Text(" died.")],
    )
    assert notes[0].endswith(": “70,000 Americans.”")
    assert notes[2] == "USA TODAY, “Can the US and AMLO stop.”"


def test_calls_in_lists_and_tables_are_placed_too() -> None:
    request = [Request(HILL), Request(USAT)]
    items = BulletList(((Text("worth 80%"), FootnoteRef(0), Text(" of it, says one")),))
    table = Table(("Figure", "Source"), (((Text("80%"),), (Text("The Hill"), FootnoteRef(1))),), (0.5, 0.5))
    notes = place_notes([Section("s", None, (items, table))], [0, 1], request)
    placed_items, placed_table = notes.sections[0].blocks
    assert isinstance(placed_items, BulletList) and isinstance(placed_table, Table)
    assert _text(placed_items.items[0]) == "worth 80% of it,[1] says one"
    assert _text(placed_table.rows[0][1]) == "The Hill[2]"


# --- citation forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("Can the US and AMLO stop the cartel’s deadly flow of fentanyl?", "Can the US and AMLO stop"),
        ("Is Mexico’s Drug War Taking a Turn for the Worse?", "Is Mexico’s Drug War"),
        ("The urgent need to bolster US-Mexico security cooperation", "Urgent need to bolster US-Mexico"),
        ("Mexican president reverses policy on fighting drug cartels to aid U.S.", "Mexican president reverses policy"),
        ("A Plan: Details of the Deal", "Plan"),
        ("Security in the Americas", "Security in the Americas"),
        ("Money for the border and the wall of the south, and more", "Money for the border and the wall of the south"),
        ("Talks with: Mexico and Canada", "Talks"),
    ],
)
def test_short_titles_have_at_most_four_key_words_and_no_ellipsis(title: str, short: str) -> None:
    assert citations.short_title(title) == short
    assert "…" not in citations.short_title(title)


def test_a_full_note_after_a_question_title_has_no_comma_and_dates_are_partial() -> None:
    text = _text(citations.full_note(USAT.summary))
    assert text == "“Can the US and AMLO stop the cartel’s deadly flow of fentanyl?” USA TODAY, November 2019."
    assert "?," not in text and "?." not in text


def test_bibliography_is_alphabetical_inverted_and_without_doubled_punctuation() -> None:
    fp = _source("fp", "In Mexico, AMLO’s Presidency Turned One", "Foreign Policy", ["Ryan C. Berg", "Alejandro Poiré"])
    bloomberg = _source("bloomberg", "Is Mexico’s Drug War Taking a Turn for the Worse?", "Bloomberg")
    ordered = citations.bibliography_order([s.summary for s in (USAT, WSJ, HILL, fp, bloomberg)])
    assert [s.id for s in ordered] == ["fp", "bloomberg", "wsj", "usat", "hill"]  # Berg, Bloomberg, Córdoba, USA, Wayne
    entries = [_text(citations.bibliography(s)) for s in ordered]
    assert entries[0] == "Berg, Ryan C., and Alejandro Poiré. “In Mexico, AMLO’s Presidency Turned One.” Foreign Policy, November 2019."
    assert entries[1] == "Bloomberg. “Is Mexico’s Drug War Taking a Turn for the Worse?” November 2019."
    title = "Mexican president reverses policy on fighting drug cartels to aid U.S."
    assert entries[2].startswith(f"Córdoba, José de, and Sadie Gurman. “{title}” The Wall Street Journal")
    for entry in entries:
        assert not re.search(r"[?!]”?[.,]|\.”?\.", entry), entry


def test_a_bibliography_entry_ends_with_its_address() -> None:
    source = SourceSummary(id="x", title="Report", outlet="Agency", url="https://example.org/r", published=2021)
    runs = citations.bibliography(source)
    assert _text(runs) == "Agency. “Report.” 2021. https://example.org/r."
    assert any(isinstance(r, Link) and r.url == "https://example.org/r" for r in runs)


def test_names_invert_with_their_particles_after_the_given_names() -> None:
    assert citations.inverted("José de Córdoba") == "Córdoba, José de"
    assert citations.inverted("Earl Anthony Wayne") == "Wayne, Earl Anthony"
    assert citations.surname("José de Córdoba") == "de Córdoba"


# --- dates and figures -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "long", "iso"),
    [(2019, "2019", "2019"), ("2019-11", "November 2019", "2019-11"), ("2019-11-05", "November 5, 2019", "2019-11-05")],
)
def test_published_takes_a_year_a_month_or_a_day(value: object, long: str, iso: str) -> None:
    summary = SourceSummary(id="x", title="t", published=value)
    assert summary.published is not None
    assert summary.published.long == long == long_date(summary.published)
    assert summary.model_dump(mode="json")["published"] == iso
    assert long_date(None) == "n.d."


def test_partial_dates_sort_and_refuse_what_is_no_date() -> None:
    assert sorted([PartialDate.parse("2020-02-07"), PartialDate.parse(2019), PartialDate.parse("2019-11")]) == [
        PartialDate(2019), PartialDate(2019, 11), PartialDate(2020, 2, 7)
    ]  # fmt: skip
    for bad in ("2019-13", "2019-02-30", "November 2019", True):
        with pytest.raises(ValueError):
            SourceSummary(id="x", title="t", published=bad)


def test_a_figure_prints_as_the_source_wrote_it_unless_asked_otherwise() -> None:
    fig = Figure(id="cut", value=33.3, unit="percent", label="Cut", quote="cutting by one-third", as_written="one-third")
    assert format_figure(fig) == "one-third"
    assert format_figure(fig, as_written=False) == "33.3%"
    assert format_figure(Figure(id="n", value=3e9, unit="USD", label="Aid", quote="$3 billion")) == "$3 billion"


# --- the rules ---------------------------------------------------------------------------------


def _memo(blocks: tuple[Paragraph, ...], notes: tuple[Footnote, ...]) -> Memo:
    import datetime

    return Memo("b", "staff", "information", "T", "S", datetime.date(2023, 1, 6), "en-US", None, (), (Section("s", None, blocks),), notes)


def test_the_note_rules_find_a_call_after_a_digit_and_a_repeated_note(tmp_path: Path) -> None:
    glued = Paragraph((Text("Mexico made 37"), FootnoteRef(1), Text(" extraditions.")))
    fine = Paragraph((Text("It fell 5%,"), FootnoteRef(2), Text(" then rose.")))
    notes = (Footnote(1, (Text("Wayne, “Urgent need.”"),)), Footnote(2, (Text("Wayne, “Urgent need.”"),)))
    memo = _memo((glued, fine), notes)
    assert calls_after_digits(memo) == [(1, "Mexico made 37")]
    assert repeated_notes(memo) == [(2, "Wayne, “Urgent need.”")]
    path = tmp_path / "b.md"
    path.write_text("---\ntitle: T\nsubject: S\ndate: 2023-01-06\n---\n## BLUF\nMexico made 37 extraditions.\n", encoding="utf-8")
    from brief.inputs.spec import load_spec

    spec: BriefSpec = load_spec(path)
    codes = [d.code for d in check_notes(spec, memo)]
    assert codes == ["memo/note-after-digit", "memo/repeated-note"]
    clean = _memo((fine,), notes[:1])
    assert check_notes(spec, clean) == []


# --- the sample, read back ---------------------------------------------------------------------


def _docx_text(path: Path) -> tuple[str, list[str]]:
    """The DOCX body text, and each footnote call written as '^' after the text it follows."""
    document = docx.Document(str(path))
    body = []
    for paragraph in document.element.body.iter(docx.oxml.ns.qn("w:p")):
        parts = []
        for node in paragraph.iter():
            if node.tag == docx.oxml.ns.qn("w:t") and node.text:
                parts.append(node.text)
            elif node.tag == docx.oxml.ns.qn("w:footnoteReference"):
                parts.append("^")
        body.append("".join(parts))
    return "\n".join(body), body


@pytest.mark.parametrize("audience", ["principal", "staff", "public"])
def test_the_sample_prints_notes_and_sources_as_a_front_office_expects(sample_built: Built, audience: str) -> None:
    text, paragraphs = _docx_text(sample_built.docx(audience))
    assert "^" in text
    # No call straight after a digit, in the DOCX (where calls are real references).
    assert not re.search(r"\d\^", text), re.search(r".{30}\d\^", text)
    # No doubled punctuation, in either format.
    pdf = "\n".join(pdf_pages(sample_built.pdf(audience), layout=False))
    assert "“" in pdf  # in the notes at least
    for found in (text, pdf):
        assert not re.search(r"[?!]”?[.,]|[^.]\.\.”|\.”\.", found), re.search(r".{20}(?:[?!]”?[.,]|\.\.”|\.”\.).{5}", found)
        # Curly quotes, and no straight apostrophe or quotation mark in the text.
        assert "’" in found
        assert "'" not in found and '"' not in found, re.search(r".{20}['\"].{20}", found)
        # No hyphenated range of years.
        assert not re.search(r"\b(?:19|20)\d\d-(?:19|20)\d\d\b", found)
    # The sources list is alphabetical by what leads each entry.
    # (The staff memo's list is its last tab, "Tab E – Sources", its entries portion-marked "(U)".)
    if audience != "principal":
        start = paragraphs.index(next(p for p in paragraphs if re.fullmatch(r"(?:tab [a-z] – )?sources", p.strip().lower())))
        entries = [re.sub(r"^\((?:U|SBU)\) ", "", p) for p in paragraphs[start + 1 :] if "“" in p]
        assert len(entries) == len(list((REPO / "seeds").glob("*.yaml")))  # every source of the sample, once
        keys = [_fold(e.split(".")[0].split(",")[0]) for e in entries]
        assert keys == sorted(keys)
        assert "Córdoba, José de" in text


def _fold(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    return plain.removeprefix("the ")


def test_the_sample_pdf_never_breaks_an_amount_from_its_scale(sample_built: Built) -> None:
    for audience in ("principal", "staff", "public"):
        lines = "\n".join(pdf_pages(sample_built.pdf(audience))).splitlines()
        for first, second in itertools.pairwise(lines):
            if re.search(r"\$?\d[\d,.]*$", first.rstrip()):
                assert not re.match(r"\s*(?:billion|million|percent|trillion)\b", second), (first, second)
        # No line starts with a lone note number after a clause's punctuation.
        body = [line.strip() for line in lines if line.strip()]
        stranded = [(a, b) for a, b in itertools.pairwise(body) if re.search(r"[,;:.?!”]$", a) and re.fullmatch(r"\d{1,3}", b)]
        assert not stranded, (audience, stranded)


def test_the_staff_memo_has_fewer_notes_than_calls_it_was_asked_for(sample_built: Built) -> None:
    _, paragraphs = _docx_text(sample_built.docx("staff"))
    calls = sum(p.count("^") for p in paragraphs)
    # The sample's staff memo had 108 notes before calls were merged by source and sentence, and one
    # note per source per list in the tabs; a front office reads at most 40.
    assert 0 < calls <= 40
