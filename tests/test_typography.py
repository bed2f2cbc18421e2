"""Typography: curly quotes across runs, en dashes in ranges but not in identifiers, em dashes,
non-breaking spaces in amounts and dates, links untouched; and the non-breaking space kept by the
DOCX and the PDF of the sample, whose texts still agree word for word."""

from __future__ import annotations

import datetime
import re

import docx
import pytest

from brief.assemble.memo import Footnote, FootnoteRef, HeaderLine, Link, Memo, Paragraph, Section, Table, Text
from brief.assemble.typography import NBSP, typeset, typeset_memo, typeset_runs
from conftest import Built, pdf_pages, words


@pytest.mark.parametrize(
    ("raw", "set_"),
    [
        ('He said "no" today.', "He said “no” today."),
        ("López Obrador's plan", "López Obrador’s plan"),
        ("since the '90s", "since the ’90s"),
        ("the 'quiet' option", "the ‘quiet’ option"),
        ('("Quoted") and "nested \'inner\' words"', "(“Quoted”) and “nested ‘inner’ words”"),
        ("from 2008-2020 and 2019-20", "from 2008–2020 and 2019–20"),
        ("see pp. 3-5", "see pp. 3–5"),
        ("on January 9-10", f"on January{NBSP}9–10"),
        ("Dec 2019-Feb 2020, Jan-Sep 2019", "Dec 2019–Feb 2020, Jan–Sep 2019"),
        ("Dec 2019-early 2020, but mid-2020", "Dec 2019–early 2020, but mid-2020"),
        ("report GAO-25-107431 and 25-107431", "report GAO-25-107431 and 25-107431"),
        ("dated 2019-11-05 and 2019-11", "dated 2019-11-05 and 2019-11"),
        ("a break -- then more", "a break—then more"),
        ("$3 billion and 70 percent", f"$3{NBSP}billion and 70{NBSP}percent"),
        ("on Jan. 9 and March 2019", f"on Jan.{NBSP}9 and March 2019"),
        ("36,685 murders in 10-20 cases", "36,685 murders in 10–20 cases"),
    ],
)
def test_typeset(raw: str, set_: str) -> None:
    assert typeset(raw) == set_


def test_quote_direction_carries_across_runs_and_calls() -> None:
    runs = typeset_runs((Text("He called it "), Text('"a breach', italic=True), Text(' of trust,"'), FootnoteRef(1), Text(" and left.")))
    assert "".join(r.text for r in runs if isinstance(r, Text)) == "He called it “a breach of trust,” and left."
    after_link = typeset_runs((Link("example.org", "https://example.org/a--b'c"), Text("'s page")))
    assert after_link[0] == Link("example.org", "https://example.org/a--b'c")  # links are never touched
    assert after_link[1] == Text("’s page")


def test_the_whole_memo_is_set_but_its_banner() -> None:
    memo = Memo(
        "b", "staff", "information", "Mexico's choice", "It's 2019-2020", datetime.date(2023, 1, 6), "en-US", "U//FOUO 'x'",
        (HeaderLine("FROM", "The Director's office"),),
        (Section("s", "Who's who", (Paragraph((Text("Aid of $3 billion"),)), Table(("Year's",), (((Text("'90s"),),),), (1.0,)))),),
        (Footnote(1, (Text("Wayne, 'Urgent need.'"),)),),
    )  # fmt: skip
    out = typeset_memo(memo)
    assert (out.title, out.subject, out.heading[0].value) == ("Mexico’s choice", "It’s 2019–2020", "The Director’s office")
    assert out.banner == "U//FOUO 'x'"
    assert out.sections[0].title == "Who’s who"
    paragraph, table = out.sections[0].blocks
    assert isinstance(paragraph, Paragraph) and paragraph.runs == (Text(f"Aid of $3{NBSP}billion"),)
    assert isinstance(table, Table) and table.header == ("Year’s",) and table.rows[0][0] == (Text("’90s"),)
    assert out.footnotes[0].runs == (Text("Wayne, ‘Urgent need.’"),)


def test_the_sample_keeps_non_breaking_spaces_and_its_formats_agree(sample_built: Built) -> None:
    document = docx.Document(str(sample_built.docx("staff")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"$3{NBSP}billion" in text
    assert not re.search(r"\$\d+ (?:billion|million)", text)
    pdf = "\n".join(pdf_pages(sample_built.pdf("staff"), layout=False))
    # pdftotext reads the non-breaking space as a space; the words are the same in both formats.
    assert "$3 billion" in pdf.replace(NBSP, " ")
    pdf_words = " ".join(words(pdf))
    missing = [p for p in text.split("\n") if words(p) and " ".join(words(p)) not in pdf_words and "page of" not in " ".join(words(p))]
    assert not missing, missing[:3]
