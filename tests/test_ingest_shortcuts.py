"""The shortcuts ingest takes for speed give what the long way gives: a search kept to the end of
the text before a number, a test for a month's name before the search for a date, a case-folded
copy searched instead of a case-blind pattern, cached groups of name words, one BLAS thread.
Every sentence here is made up for the test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from brief import numbers
from brief.ingest import addressed, namewords
from brief.ingest.clean import clean, is_furniture, normalize
from brief.ingest.extract import find_events
from brief.ingest.figures import find_figures, last_word
from brief.ingest.metadata import MONTHS, detect_metadata
from brief.ingest.namewords import name_groups
from brief.ingest.organizations import find_organizations
from brief.ingest.vocabulary import may_glue
from brief.numbers import MONTH, MONTH_STARTS, read_numbers
from brief.numberwords import ID_BEFORE, ID_WORDS_SPAN, id_before
from brief.quickre import YEAR, lowered, prefix_tree, word_start


def test_every_identifier_word_fits_the_span_searched() -> None:
    words = re._parser.parse(ID_BEFORE.pattern)[:1]  # type: ignore[attr-defined]  # the words, without the spaces after
    assert words.getwidth()[1] <= ID_WORDS_SPAN


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("signed Section ", True),
        ("x" * 60 + " under Proclamation ", True),
        ("the rules under E.O.  ", True),
        ("children between the ages   of ", True),
        ("the FY", True),
        ("subsection ", False),  # a word boundary, read from the character before the span
        ("a" * 40 + "subsection ", False),
        ("in a town of ", False),
    ],
)
def test_an_identifier_word_ends_the_text_before_a_number(before: str, expected: bool) -> None:
    assert id_before(before) is expected


def test_an_identifier_far_into_a_long_sentence_is_no_figure() -> None:
    sentence = "After a debate that ran through most of a long afternoon, the President signed Proclamation 9705 for 20 countries."
    assert [n.value for n in read_numbers(sentence)] == [20.0]


def test_number_words_in_capitals_are_still_read() -> None:
    assert [n.value for n in read_numbers("FIFTY people came.")] == [50.0]
    assert [n.value for n in read_numbers("Twenty-five people came.")] == [25.0]


def test_every_month_starts_with_a_word_the_date_test_looks_for() -> None:
    names = [name.capitalize() for name in MONTHS if re.fullmatch(MONTH, name.capitalize())]
    assert len(names) >= 24  # full names and abbreviations
    assert all(name[:3] in MONTH_STARTS for name in names)


@pytest.mark.parametrize("when", ["on Sept. 9, 2021", "in June 2021", "on Dec. 3, 2020", "since May 2020"])
def test_dates_of_events_are_still_found(when: str) -> None:
    body = f"The port reopened {when}, the agency said."
    assert [e.what for e in find_events(body, [(0, len(body))], None)] == [body]


def test_cached_name_groups_cannot_be_changed_by_a_caller() -> None:
    tokens = ["Attorney", "General", "Jane", "Roe"]
    first = name_groups(tokens)
    assert isinstance(first, tuple) and all(isinstance(group, tuple) for group in first)
    assert name_groups(tokens) == name_groups(list(tokens)) == first == ((2, 4),)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_centrality_keeps_to_one_thread() -> None:
    # OpenBLAS's threads spin after each product: a second core busy through a whole ingest.
    code = (
        "import os; from brief.textrank import centrality;"
        "centrality([{'a', 'b', 'c'}, {'a', 'b'}, {'b', 'c'}] * 30);"
        "print(len(os.listdir('/proc/self/task')))"
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=60)
    assert done.stdout.strip() == "1"


WORDS = ["my", "His", "go", "call", "vice"]


@example("dummy ThisHis, My go; ago, xcall call. advice vice’my")
@given(st.text(alphabet="myHisgocalnvie .,-\n'’Á", max_size=60))
def test_words_at_a_word_start_match_as_a_word_boundary_would(text: str) -> None:
    fast = re.compile(word_start(*WORDS))
    plain = re.compile(r"\b(?:my|His|go|call|vice)")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_words_at_a_word_start_are_scanned_for() -> None:
    # The engine's scan: a pattern that opens with letters gets a set of first letters or a
    # prefix to look for (flags in the compiled code's INFO block); with \b first, it does not.
    from re import _compiler  # type: ignore[attr-defined]

    def scanned(pattern: str) -> bool:
        code = _compiler._code(re._parser.parse(pattern), 0)  # type: ignore[attr-defined]
        return code[0] == _compiler.INFO and bool(code[2] & (_compiler.SRE_INFO_CHARSET | _compiler.SRE_INFO_PREFIX))

    assert scanned(word_start(*WORDS)) and not scanned(r"\b(?:my|His|vice)")


def _scanned(pattern: re.Pattern[str]) -> bool:
    """Whether the engine scans for the first characters of a compiled pattern (see above)."""
    from re import _compiler  # type: ignore[attr-defined]

    code = _compiler._code(re._parser.parse(pattern.pattern, pattern.flags), pattern.flags)  # type: ignore[attr-defined]
    return code[0] == _compiler.INFO and bool(code[2] & (_compiler.SRE_INFO_CHARSET | _compiler.SRE_INFO_PREFIX))


# Pieces the number patterns read, in capitals and not, with the three letters IGNORECASE and
# str.lower() fold differently (İ, ı, ſ) and the Kelvin sign, which both fold to "k".
NUMBER_PIECES = [
    "US$", "usd ", "USD", "$", "£", "€", "3", "1,200", "2.5", "%", " percent", " Percent", "PER CENT", " bn", "m ", " million",
    " Billion", "Twice", "twice as", "DOUBLED", "tripling", "ten-fold", " times ", "one in ", "Four", "fifty-five", "twenty",
    " half", "a Third", "a dozen ", "Hundreds of thousands of", "between ", " and ", " to ", "-", "sıx", "ſix", "SİX", "\u212a",
    " of ", "the ", "Sept. ", "2020", " people", ".", ",", " ", "(", ")", "x", "Roe ", "at least ", "More than ", "a\t",
    "tens of ", "fourfold", " in ", "every ", "nearly ",
]  # fmt: skip


@example("The US$3 Billion plan doubled; USD 4 million, ſix and sİx people, 40 Percent.")
@given(st.lists(st.sampled_from(NUMBER_PIECES), max_size=14).map("".join))
def test_figures_found_in_a_lower_cased_copy_are_those_found_case_blind(text: str) -> None:
    # The long way: the case-blind pattern, where the lower-cased copy may hold a number.
    expected = [(m.span(), m.lastgroup) for m in numbers.FIGURE.finditer(text)] if numbers.MAY_HOLD_NUMBER.search(text.lower()) else []
    assert [(m.span(), m.lastgroup) for m in numbers.candidates(text)] == expected
    assert numbers.may_hold_number(text.lower()) == bool(numbers.MAY_HOLD_NUMBER.search(text.lower()))


def test_every_word_that_may_make_a_number_is_looked_for() -> None:
    words = set(re.findall(r"[a-z]{3,}", numbers.MAY_HOLD_NUMBER.pattern))
    assert {"thrice", "quarters", "seventy", "doubl", "fold"} <= words
    for word in words:
        for text in (f"it {word} now", f"it {word}s, now", f"it {word}ed", f"{word}-one", f"x{word}", f"{word}_"):
            assert numbers.may_hold_number(text) == bool(numbers.MAY_HOLD_NUMBER.search(text)), text


@example("Twenty-one in five, US$3 and usd 4 rose tenfold, at least half; A dozen, between 2 and 3.")
@given(st.lists(st.sampled_from(NUMBER_PIECES), max_size=14).map("".join))
def test_the_gate_of_the_figure_pattern_lets_every_figure_through(text: str) -> None:
    # The same pattern behind the plain gate (a digit, a sign or any word's start) finds the same.
    gate = f"\\b(?:{numbers._STARTS})"
    assert gate in numbers.FIGURE.pattern
    plain = re.compile(numbers.FIGURE.pattern.replace(gate, "\\b[a-z]"), numbers.FIGURE.flags)
    assert [m.span() for m in numbers.FIGURE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_every_hedge_and_number_word_opens_a_figure_as_before() -> None:
    gate = f"\\b(?:{numbers._STARTS})"
    plain = re.compile(numbers.FIGURE.pattern.replace(gate, "\\b[a-z]"), numbers.FIGURE.flags)
    words = set(re.findall(r"[a-z]{2,}", numbers.FIGURE.pattern)) - {"d", "s"}
    for word in words:
        for text in (
            f"{word} half",
            f"{word} Times the",
            f"{word}-fold",
            f"{word} in four",
            f"{word} million",
            f"A {word} of 5",
            f"{word} as big",
        ):
            assert [m.span() for m in numbers.FIGURE.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@given(st.lists(st.text(alphabet="abcs.", min_size=1, max_size=5), min_size=1, max_size=6), st.text(alphabet="abcs.", max_size=7))
def test_a_prefix_tree_matches_where_a_word_of_its_list_starts(words: list[str], text: str) -> None:
    tree = re.compile(prefix_tree(words))
    assert bool(tree.match(text)) == text.startswith(tuple(words))


def test_the_lower_cased_figure_pattern_holds_no_capital_letter() -> None:
    # A capital left in it would never match the lower-cased copy.
    literals = re.findall(r"(?<!\\)[A-Z]", re.sub(r"\\.|\(\?P[<=]\w+", "", numbers._FIGURE_LOWERED.pattern))
    assert literals == [] and not numbers._FIGURE_LOWERED.flags & re.IGNORECASE


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Roe Paid $5", "roe paid $5"), ("SİX", None), ("sıx", None), ("ſix", None), ("\u212aELVIN", "kelvin")],
)
def test_a_text_is_lowered_only_where_lower_case_folds_as_ignorecase_does(text: str, folded: str | None) -> None:
    assert lowered(text) == folded


@pytest.mark.parametrize(
    ("para", "furniture"),
    [
        ("Most Popular", True),
        ("This article may not be reproduced without permission.", True),
        ("Reprınted with permission of the author.", True),  # a dotless ı: the case-blind search decides
        ("Gallery: Xbox One X | 14 Photos", True),
        ("Xbox One X | 14 Photos", True),
        ("The views expressed by contributors are their own.", True),
        ("The board may not be able to meet before May.", False),
        ("Sales rose | fell in 14 markets.", False),
    ],
)
def test_furniture_by_words_further_in_is_still_dropped(para: str, furniture: bool) -> None:
    assert is_furniture(para) is furniture


NAME_PIECES = [
    "Tom",
    "LEE",
    "al-Assad",
    "deLaski",
    "d'Estaing",
    "van",
    "de",
    " ",
    "  ",
    "\n",
    "then-",
    "ex-",
    "Jr.",
    "of ",
    "the",
    "-",
    "’s",
    ",",
    ".",
    "É",
    "x",
]


@example("then-Senator Tom Lee met al-Assad and the deLaski family of Rome. ex-Gov. Lee")
@example("then-Senator Tom Lee met ex-Gov. Lee")
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=16).map("".join))
def test_runs_of_capitalised_words_are_read_alike_with_or_without_glued_names(text: str) -> None:
    assert [m.span() for m in namewords._RUN.finditer(text)] == [
        m.span() for m in (namewords._RUN if may_glue(text) else namewords._CAPITALS_RUN).finditer(text)
    ]
    if not may_glue(text):  # no glued word in the text: none of the general pattern's matches holds one
        assert not any(
            re.search(r"\b(?:al|el|ad|bin|ibn|abu|d'|de|di|da|du|la|le|van|von)[-’']?[A-ZÀ-Þ]", m.group())
            for m in namewords._RUN.finditer(text)
        )


def test_the_shortcut_patterns_are_scanned_for() -> None:
    assert _scanned(namewords._CAPITALS_RUN) and not _scanned(namewords._RUN)


HEAD_PIECES = [
    "including", "re", "includes", "include", "included", "men,", "women", "officers", "named for", "named after", "such as",
    "among them", " ", "  ", "\t", "\n", "Tom", "Éva", "x", "s", ",", "-", "a" * 29, "class", "leaders",
]  # fmt: skip


@example("x " + "a" * 29 + "s" + "\t" * 12 + "Tom")  # a long plural, then more tabs than the reach: counted from the spaces
@example("the reincludes Tom, such as Ana, such as  Ana, named after Éva, among them Bo, women, Al and officers Ted")
@given(st.lists(st.sampled_from(HEAD_PIECES), max_size=12).map("".join))
def test_the_heads_of_lists_are_found_as_the_plain_search_finds_them(text: str) -> None:
    def found(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], str | None]]:
        return [(m.span(), m.group("role")) for m in matches]

    assert found(addressed.list_heads(text)) == found(addressed._LIST_HEAD.finditer(text))


def test_invisible_characters_are_dropped_and_odd_spaces_made_plain() -> None:
    text = "Pay\u00adroll of\u00a0$5\u202fm rose\u200b\u2060 in\u3000March\tand\ufeff April."
    assert normalize(text) == "Payroll of $5 m rose in March and April."


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("EXECUTIVE SUMMARY", "report"),
        ("In Focus", "report"),
        ("From the Editorial Board", "editorial"),
        ("An opinion piece by a reader", "opinion"),
    ],
)
def test_a_kind_named_in_capitals_is_still_read(heading: str, kind: str) -> None:
    # The kinds' patterns are searched only where the lower-cased sample holds their words.
    text = f"Trade in the Region\n\n{heading}\n\nThe region traded goods worth $5 billion in 2019.\n\nMore on it.\n\nAnd more."
    assert detect_metadata(clean(text), {}).kind == kind


@pytest.mark.parametrize(
    ("when", "period"),
    [
        ("annually in 2019", "annual"),
        ("Every Month in 2019", "monthly"),
        ("daily in 2019", None),
        ("last year", "2019"),
        ("This Year", "2020"),
    ],
)
def test_the_period_of_a_figure_is_read_from_words_in_any_case(when: str, period: str | None) -> None:
    sentence = f"Exports grew by 5 million tonnes {when}, officials said."
    assert [f.period for f in find_figures(sentence, [(0, len(sentence))], 2020)] == [period]


@example("In 1999, 2020s, x2019, 2019x, 1920-2021, A2020 and 20201 on 2000.")
@given(st.text(alphabet="12090 ax-,\n", max_size=30))
def test_years_are_found_as_a_word_boundary_would_find_them(text: str) -> None:
    plain = re.compile(r"\b(?:19|20)\d\d\b")
    assert [m.span() for m in re.finditer(YEAR, text)] == [m.span() for m in plain.finditer(text)]
    assert _scanned(re.compile(YEAR)) and not _scanned(plain)


def test_the_lower_case_words_read_once_are_those_of_the_text_asked_about() -> None:
    capitalised, lower = "SORRY, LOOK.", "look, " + "sorry"
    assert addressed.lower_words(capitalised) == frozenset()
    assert addressed.lower_words(lower) == {"look", "sorry"}
    assert addressed.lower_words(capitalised) == frozenset()


@pytest.mark.parametrize(
    "text",
    ["The report went to the Department of Justice.", "The Department of Justice. Federal officials agreed.", "Department of Justice"],
)
def test_an_organisation_s_name_ends_before_a_sentence_s_period(text: str) -> None:
    assert find_organizations(text) == ["Department of Justice"]


@example("a  bc\t ")
@example("abc ")
@example("abc")
@given(st.text(alphabet="ab \t\n\u00a0\u2003.", max_size=12))
def test_the_last_word_is_what_the_end_anchored_search_finds(chunk: str) -> None:
    found = re.search(r"(\S+\s+)$", chunk)
    assert last_word(chunk) == (found.group(1) if found else "")


GREETING_PIECES = [
    "thank", "Thank", "go", "ago", " to ", "turn", "call", " on ", "our", "the", " speaker,", " ", "\n", "Tom", "Lee", "my ", "good ",
    "friend", ", ", "x", "welcome",
]  # fmt: skip


@example("I thank Tom Lee, ago to Ann Roe, and call on our good friend, Sam Ortiz. Let’s go to Bo Diaz, turn to Al Ruiz")
@given(st.lists(st.sampled_from(GREETING_PIECES), max_size=12).map("".join))
def test_greetings_are_found_alike_without_the_speaker_s_alternative(text: str) -> None:
    def found(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], str | None]]:
        return [(m.span(), m.group("name") or m.groupdict().get("name2")) for m in pattern.finditer(text)]

    if "speaker," not in text:
        assert found(addressed._GREETED_ONLY) == found(addressed._GREETED)
    assert _scanned(addressed._GREETED_ONLY)


def test_the_people_greeted_are_found_with_or_without_a_speaker_introduced() -> None:
    assert addressed.greeted("Please welcome our next speaker, Samara Donahue.") == ["Samara Donahue"]
    assert addressed.greeted("Let’s go to Jennifer Jacobs. I want to thank Debbie Stabenow.") == ["Jennifer Jacobs", "Debbie Stabenow"]
