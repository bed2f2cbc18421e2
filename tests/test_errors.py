"""Bad input: one line `path:line: error: message`, a non-zero exit, no traceback, and earlier
outputs left as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import brief


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fails_with(ws: Path, line: str, *args: str) -> None:
    result = brief(ws, "build", "--format", "html", *args)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [line]
    assert "Traceback" not in result.output


def test_malformed_yaml(basic: Path) -> None:
    (basic / "seeds" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    fails_with(basic, "seeds/broken.yaml:2: error: malformed YAML: did not find expected ',' or ']' [summary/syntax]")


def test_unknown_key_in_summary(basic: Path) -> None:
    edit(basic / "seeds" / "harbor-2025.yaml", "    importance: 3\n  - id: scanner", "    importance: 3\n    colour: red\n  - id: scanner")
    fails_with(basic, "seeds/harbor-2025.yaml:29: error: unknown key 'colour' in figures[1] [summary/schema]")


def test_unknown_key_in_brief_front_matter(basic: Path) -> None:
    edit(basic / "briefs" / "port-security.md", "subject:", "colour: red\nsubject:")
    fails_with(basic, "briefs/port-security.md:3: error: unknown key 'colour' [spec/schema]")


def test_wrong_type_names_the_field(basic: Path) -> None:
    edit(basic / "seeds" / "harbor-2025.yaml", "    value: 312\n", "    value: lots\n")
    fails_with(
        basic, "seeds/harbor-2025.yaml:23: error: figures[1].value: Input should be a valid number, unable to parse string as a number [summary/schema]"
    )


def test_source_without_summary(basic: Path) -> None:
    edit(basic / "briefs" / "port-security.md", 'sources: ["*"]', "sources: [harbor-2025, missing-source]")
    fails_with(basic, "briefs/port-security.md:8: error: source 'missing-source' has no summary in seeds/ [spec/unknown-source]")


def test_unknown_figure_in_prose(basic: Path) -> None:
    edit(basic / "briefs" / "port-security.md", 'reached {{ figure("contraband-harbor-2024") }}', 'reached {{ figure("no-such-figure") }}')
    fails_with(basic, "briefs/port-security.md:37: error: figure 'no-such-figure' is not a figure of the brief's sources [spec/unknown-figure]")


def test_unknown_key_figure(basic: Path) -> None:
    edit(basic / "briefs" / "port-security.md", "key_figures: [contraband-harbor-2024,", "key_figures: [nope,")
    fails_with(basic, "briefs/port-security.md:9: error: key figure 'nope' is not a figure of the brief's sources [spec/unknown-figure]")


def test_unknown_citation(basic: Path) -> None:
    edit(basic / "briefs" / "port-security.md", '{{ cite("harbor-2025") }}', '{{ cite("harbour-2025") }}')
    fails_with(basic, "briefs/port-security.md:45: error: source 'harbour-2025' is not one of the brief's sources [spec/unknown-source]")


def test_unknown_audience_in_brief(basic: Path) -> None:
    edit(basic / "briefs" / "port-security.md", "audiences: [principal, staff, public]", "audiences: [principal, cabinet]")
    fails_with(basic, "briefs/port-security.md:30: error: unknown audience 'cabinet' (known: principal, public, staff) [audience/unknown]")


def test_unknown_audience_on_command_line(basic: Path) -> None:
    fails_with(basic, "error: unknown audience 'cabinet' (known: principal, public, staff) [audience/unknown]", "--audience", "cabinet")


def test_unknown_option(basic: Path) -> None:
    edit(basic / "briefs" / "port-security.md", "  - id: joint_patrols", "  - id: blockade")
    fails_with(basic, "briefs/port-security.md:20: error: option 'blockade' is not in the option catalogue [spec/unknown-option]")


def test_jinja_syntax_error_in_workspace_template(basic: Path) -> None:
    layout = basic / "templates" / "staff" / "layout.html"
    layout.parent.mkdir(parents=True)
    layout.write_text('{% extends "builtin:layout.html" %}\n{% block heading %}\n{% if %}\n{% endblock %}\n', encoding="utf-8")
    fails_with(basic, "templates/staff/layout.html:3: error: template syntax error: Expected an expression, got 'end of statement block' [template/syntax]")


def test_jinja_syntax_error_in_brief_prose(basic: Path) -> None:
    edit(basic / "briefs" / "port-security.md", "Traffic through the port", "Traffic {% if %} through the port")
    fails_with(basic, "briefs/port-security.md:45: error: template syntax error: Expected an expression, got 'end of statement block' [spec/syntax]")


def test_undefined_variable_in_section_template(basic: Path) -> None:
    section = basic / "templates" / "sections" / "outlook.md"
    section.parent.mkdir(parents=True)
    section.write_text("{% set title = 'Outlook' %}\n\n{{ prose.outlok }}\n", encoding="utf-8")
    fails_with(basic, "templates/sections/outlook.md:3: error: template error: 'dict object' has no attribute 'outlok' [template/error]")


def test_unclosed_front_matter(basic: Path) -> None:
    (basic / "briefs" / "draft.md").write_text("---\ntitle: x\n", encoding="utf-8")
    fails_with(basic, "briefs/draft.md:1: error: the front matter is not closed by a '---' line [spec/syntax]")


def test_several_problems_are_reported_together(basic: Path) -> None:
    edit(basic / "seeds" / "harbor-2025.yaml", "kind: report", "kind: rumour\nmood: calm")
    result = brief(basic, "build", "--format", "html")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "seeds/harbor-2025.yaml:9: error: kind: Input should be 'news', 'opinion', 'editorial', 'report', 'official' or 'other' [summary/schema]",
        "seeds/harbor-2025.yaml:10: error: unknown key 'mood' [summary/schema]",
    ]


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_failed_build_leaves_earlier_outputs(basic: Path, fmt: str) -> None:
    assert brief(basic, "build", "--format", fmt, "--quiet").exit_code == 0
    out = basic / "build" / "port-security"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    # Break one audience only: the others would render, but nothing may be written.
    edit(basic / "briefs" / "port-security.md", "Traffic through the port", "Traffic {{ figure('nope') }} through the port")
    assert brief(basic, "build", "--format", fmt).exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_bluf_over_four_printed_lines(basic: Path) -> None:
    # 71 words, many of them long: within the principal's 75-word budget, but far more than four printed lines.
    long = " ".join(
        ["Notwithstanding interdictions, transshipment irregularities multiplied considerably throughout westernmost maritime approaches."]
        * 5
    )
    edit(basic / "briefs" / "port-security.md", "Approve a shared scanning program", long + " Approve a shared scanning program")
    result = brief(basic, "build", "--audience", "principal", "--format", "pdf")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "briefs/port-security.md:35: error: the BLUF takes 8 printed lines in the principal memo; its audience allows 4 [memo/bluf-lines]"
    ]


def test_bluf_over_its_word_budget(basic: Path) -> None:
    edit(basic / "briefs" / "port-security.md", "Approve a shared scanning program", "word " * 80 + "Approve a shared scanning program")
    fails_with(basic, "briefs/port-security.md:35: error: the BLUF has 101 words; the principal audience allows 75 [memo/bluf-words]")


def test_page_limit(basic: Path) -> None:
    filler = "\n\n".join(["The harbor keeps growing, and so does the work of inspecting it."] * 60)
    edit(
        basic / "briefs" / "port-security.md",
        "Approve the shared scanning program and ask",
        filler + "\n\nApprove the shared scanning program and ask",
    )
    result = brief(basic, "build", "--audience", "principal", "--format", "pdf")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("briefs/port-security.md: error: the principal memo takes ")
    assert result.stderr.splitlines()[0].endswith(" pages; its audience allows 1 [memo/page-limit]")


def test_unknown_key_in_option_catalogue(basic: Path) -> None:
    edit(basic / "options.yaml", "  terms: [joint patrols]", "  terms: [joint patrols]\n  owner: navy")
    fails_with(basic, "options.yaml:9: error: unknown key 'owner' in options[1] [catalogue/schema]")
