"""Bad input: one line `path:line: error: message [code]` per problem, a non-zero exit, no
traceback, and earlier outputs left as they were.

Fixtures are overlays. Each scenario is a folder tests/roots/errors/<scenario>/ holding only the
files that differ from tests/roots/basic, each one complete; a test copies basic into a temporary
folder, copies the overlay over it and builds there. The line number in an expected message is
the line of the overlay file, so it can be read straight off the fixture. Only inputs that are
generated (the page filler) or changed after a first build are still edited in code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOTS, brief, copy_root, pdf_pages

ERRORS = ROOTS / "errors"


def overlay(ws: Path, scenario: str) -> None:
    """Copy tests/roots/errors/<scenario> over the workspace. Every file must be new or differ from
    the one it replaces: an overlay holds nothing but its changes."""
    source = ERRORS / scenario
    assert source.is_dir(), f"no overlay {source}"
    for path in source.rglob("*"):
        target = ws / path.relative_to(source)
        if path.is_file() and target.is_file():
            assert path.read_bytes() != target.read_bytes(), f"{path} is the same as in basic: leave it out of the overlay"
    shutil.copytree(source, ws, dirs_exist_ok=True)


def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scenario: str | None = None) -> Path:
    """A copy of tests/roots/basic with the scenario's overlay on top, as the current folder."""
    ws = copy_root("basic", tmp_path)
    if scenario is not None:
        overlay(ws, scenario)
    monkeypatch.chdir(ws)
    return ws


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fails_with(ws: Path, *lines: str, args: tuple[str, ...] = ("--format", "html")) -> None:
    """`brief build ARGS` exits 1 and writes exactly these lines to stderr, with no traceback."""
    result = brief(ws, "build", *args)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == list(lines)
    assert "Traceback" not in result.output


# (overlay folder under tests/roots/errors, the one line an HTML build writes to stderr)
ONE_LINE = [
    (
        "malformed-yaml",
        "seeds/broken.yaml:2: error: malformed YAML: did not find expected ',' or ']' [summary/syntax]",
    ),
    (
        "unknown-key-in-summary",
        "seeds/harbor-2025.yaml:29: error: unknown key 'colour' in figures[1] [summary/schema]",
    ),
    (
        "unknown-key-in-brief-front-matter",
        "briefs/port-security.md:3: error: unknown key 'colour' [spec/schema]",
    ),
    (
        "wrong-type",
        "seeds/harbor-2025.yaml:23: error: figures[1].value: Input should be a valid number, unable to parse string as a number [summary/schema]",  # noqa: E501
    ),
    (
        "source-without-summary",
        "briefs/port-security.md:8: error: source 'missing-source' has no summary in seeds/ [spec/unknown-source]",
    ),
    (
        "unknown-figure-in-prose",
        "briefs/port-security.md:37: error: figure 'no-such-figure' is not a figure of the brief's sources [spec/unknown-figure]",
    ),
    (
        "unknown-key-figure",
        "briefs/port-security.md:9: error: key figure 'nope' is not a figure of the brief's sources [spec/unknown-figure]",
    ),
    (
        "unknown-citation",
        "briefs/port-security.md:45: error: source 'harbour-2025' is not one of the brief's sources [spec/unknown-source]",
    ),
    (
        "unknown-audience-in-brief",
        "briefs/port-security.md:30: error: unknown audience 'cabinet' (known: principal, public, staff) [audience/unknown]",
    ),
    (
        "unknown-option",
        "briefs/port-security.md:20: error: option 'blockade' is not in the option catalogue [spec/unknown-option]",
    ),
    (
        "jinja-syntax-error-in-workspace-template",
        "templates/staff/layout.html:3: error: template syntax error: Expected an expression, got 'end of statement block' [template/syntax]",  # noqa: E501
    ),
    (
        "jinja-syntax-error-in-brief-prose",
        "briefs/port-security.md:45: error: template syntax error: Expected an expression, got 'end of statement block' [spec/syntax]",
    ),
    (
        "undefined-variable-in-section-template",
        "templates/sections/outlook.md:3: error: template error: 'dict object' has no attribute 'outlok' [template/error]",
    ),
    (
        "unclosed-front-matter",
        "briefs/draft.md:1: error: the front matter is not closed by a '---' line [spec/syntax]",
    ),
    (
        "unknown-key-in-option-catalogue",
        "options.yaml:9: error: unknown key 'owner' in options[1] [catalogue/schema]",
    ),
    (
        "bluf-over-word-budget",
        # 101 words of prose, plus the run-in "BLUF:" label and the "(U)" mark the memo prints before them.
        "briefs/port-security.md:35: error: the BLUF has 103 words; the principal audience allows 75 [memo/bluf-words]",
    ),
]


@pytest.mark.parametrize(("scenario", "expected"), ONE_LINE, ids=[scenario for scenario, _ in ONE_LINE])
def test_bad_input_gets_one_located_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scenario: str, expected: str) -> None:
    fails_with(workspace(tmp_path, monkeypatch, scenario), expected)


def test_several_problems_are_reported_together(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fails_with(
        workspace(tmp_path, monkeypatch, "several-problems"),
        "seeds/harbor-2025.yaml:9: error: kind: Input should be 'news', 'opinion', 'editorial', 'report', 'official' or 'other' [summary/schema]",  # noqa: E501
        "seeds/harbor-2025.yaml:10: error: unknown key 'mood' [summary/schema]",
    )


def test_bluf_over_four_printed_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 71 words, many of them long: within the principal's 75-word budget, but far more than four
    # printed lines at the action memo's 12 pt on a one-inch-margin page, run in after "BLUF: (U)".
    fails_with(
        workspace(tmp_path, monkeypatch, "bluf-over-four-printed-lines"),
        "briefs/port-security.md:35: error: the BLUF takes 9 printed lines in the principal memo; its audience allows 4 [memo/bluf-lines]",
        args=("--audience", "principal", "--format", "pdf"),
    )


def test_unknown_audience_on_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fails_with(
        workspace(tmp_path, monkeypatch),
        "error: unknown audience 'cabinet' (known: principal, public, staff) [audience/unknown]",
        args=("--format", "html", "--audience", "cabinet"),
    )


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_failed_build_leaves_earlier_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    ws = workspace(tmp_path, monkeypatch)
    assert brief(ws, "build", "--format", fmt, "--quiet").exit_code == 0
    out = ws / "build" / "port-security"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    # Break one audience only: the others would render, but nothing may be written.
    overlay(ws, "unknown-figure-in-one-audience")
    assert brief(ws, "build", "--format", fmt).exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Sixty generated paragraphs in the background, which the principal memo prints (portion-marked,
    # as analyst prose must be): the message names no line, so the filler is written here.
    ws = workspace(tmp_path, monkeypatch)
    filler = "\n\n".join(["(U) The harbor keeps growing, and so does the work of inspecting it."] * 60)
    edit(
        ws / "briefs" / "port-security.md",
        "(U) Traffic through the port keeps growing.",
        filler + "\n\n(U) Traffic through the port keeps growing.",
    )
    result = brief(ws, "build", "--audience", "principal", "--format", "pdf")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("briefs/port-security.md: error: the principal memo takes ")
    assert result.stderr.splitlines()[0].endswith(" pages; its audience allows 1 [memo/page-limit]")


def test_page_limit_counts_the_memo_without_its_tabs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The staff package runs to several pages with its tabs, each from a new page, yet its memo
    # fits on one: within the two pages the audience allows.
    ws = workspace(tmp_path, monkeypatch)
    assert brief(ws, "build", "--audience", "staff", "--format", "pdf", "--quiet").exit_code == 0
    pages = pdf_pages(ws / "build" / "port-security" / "staff.pdf")
    assert len(pages) > 2 and "Tab A – Options Analysis" in pages[1]
    # Sixty more paragraphs of background push the memo itself past two pages.
    filler = "\n\n".join(["(U) The harbor keeps growing, and so does the work of inspecting it."] * 60)
    edit(
        ws / "briefs" / "port-security.md",
        "(U) Traffic through the port keeps growing.",
        filler + "\n\n(U) Traffic through the port keeps growing.",
    )
    fails_with(
        ws,
        "briefs/port-security.md: error: the staff memo (tabs not counted) takes 3 pages; its audience allows 2 [memo/page-limit]",
        args=("--audience", "staff", "--format", "pdf"),
    )
