"""`brief templates list | show | new`: what they print, what `new` writes, and that a change made in
a scaffolded audience reaches the PDF and the DOCX that `brief build` writes. Also holds TEMPLATES.md's
generated context reference to the code it is generated from."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import docx
import pytest
import yaml
from pypdf import PdfReader

from brief.assemble import context
from brief.authoring import reference as docgen
from brief.inputs.audiences import load_audience
from brief.inputs.templating import BUILTIN
from conftest import REPO, brief, sample_workspace, words

COLUMNS = ("KIND", "AUDIENCE", "NAME", "ORIGIN", "FILE")


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ws = sample_workspace(tmp_path)
    monkeypatch.chdir(ws)
    return ws


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def listing(output: str) -> dict[tuple[str, str], dict[str, str]]:
    """The rows of `brief templates list`, keyed by (audience, name), split at the header's columns."""
    lines = output.splitlines()
    header = lines[0]
    starts = [header.index(column) for column in COLUMNS]
    ends = [*starts[1:], None]
    table: dict[tuple[str, str], dict[str, str]] = {}
    for line in lines[1:]:
        if not line.strip():
            break
        row = {column: line[start:end].strip() for column, start, end in zip(COLUMNS, starts, ends, strict=True)}
        table[(row["AUDIENCE"], row["NAME"])] = row
    return table


def builtin_sections(audience: str) -> list[str]:
    return list(yaml.safe_load((BUILTIN / audience / "audience.yaml").read_text(encoding="utf-8"))["sections"])


def builtin_tabs(audience: str) -> list[str]:
    return list(yaml.safe_load((BUILTIN / audience / "audience.yaml").read_text(encoding="utf-8")).get("tabs") or [])


def show_rows(output: str) -> list[list[str]]:
    """The section rows of `brief templates show`: [number, id, ..., rendered by]."""
    lines = output.splitlines()
    start = lines.index("sections, in order (tabs after the memo, lettered):") + 2  # skip the table's header
    rows = []
    for line in lines[start:]:
        if not line.strip():
            break
        rows.append(re.split(r"\s{2,}", line.strip()))
    return rows


# --- list ------------------------------------------------------------------------------------------


def test_list_shows_every_builtin_audience_and_template(sample: Path) -> None:
    result = brief(sample, "templates", "list")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split() == list(COLUMNS)
    table = listing(result.output)
    for audience in ("principal", "staff", "public"):
        assert table[(audience, "audience.yaml")] == {
            "KIND": "audience",
            "AUDIENCE": audience,
            "NAME": "audience.yaml",
            "ORIGIN": "built-in",
            "FILE": f"builtin:{audience}/audience.yaml",
        }
    assert table[("*", "layout.html")]["KIND"] == "layout"
    assert table[("*", "memo.css")]["KIND"] == "stylesheet"
    assert table[("*", "reference.docx")]["KIND"] == "reference"
    for template in sorted((BUILTIN / "sections").glob("*.md")):
        row = table[("*", f"sections/{template.name}")]
        assert (row["KIND"], row["ORIGIN"], row["FILE"]) == ("section", "built-in", f"builtin:sections/{template.name}")
    # The workspace's templates/README.md is documentation, not a template.
    assert not any("README" in name for _, name in table)
    kinds = [row["KIND"] for row in table.values()]
    assert kinds == sorted(kinds, key=["audience", "layout", "stylesheet", "section", "reference"].index)


def test_list_tells_workspace_files_and_overrides_apart(sample: Path) -> None:
    write(sample / "templates" / "sections" / "bluf.md", "{{ prose.bluf }}\n")
    write(sample / "templates" / "staff" / "layout.html", '{% extends "builtin:layout.html" %}\n')
    write(sample / "templates" / "cabinet" / "audience.yaml", "name: cabinet\nsections: [bluf]\n")
    write(sample / "templates" / "cabinet" / "sections" / "talking-points.md", "Talking points.\n")
    (sample / "templates" / "cabinet" / "house.docx").write_bytes((BUILTIN / "reference.docx").read_bytes())

    result = brief(sample, "templates", "list")
    assert result.exit_code == 0, result.output
    table = listing(result.output)
    origin = {key: (row["ORIGIN"], row["FILE"]) for key, row in table.items()}
    assert origin[("*", "sections/bluf.md")] == ("workspace, overrides built-in", "templates/sections/bluf.md")
    assert origin[("staff", "layout.html")] == ("workspace, overrides built-in", "templates/staff/layout.html")
    assert origin[("cabinet", "audience.yaml")] == ("workspace", "templates/cabinet/audience.yaml")
    assert origin[("cabinet", "sections/talking-points.md")] == ("workspace", "templates/cabinet/sections/talking-points.md")
    # A reference .docx is used only where a profile names it, so it never replaces the default.
    assert origin[("cabinet", "house.docx")] == ("workspace", "templates/cabinet/house.docx")
    # The built-in layout still serves every other audience, so it keeps its own row.
    assert origin[("*", "layout.html")] == ("built-in", "builtin:layout.html")
    assert origin[("staff", "audience.yaml")] == ("built-in", "builtin:staff/audience.yaml")


# --- show ------------------------------------------------------------------------------------------


def test_show_prints_the_profile_and_the_file_behind_each_section(sample: Path) -> None:
    result = brief(sample, "templates", "show", "staff")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "profile:        builtin:staff/audience.yaml (built-in)" in lines
    assert "form:           information" in lines
    assert "convention:     state" in lines
    assert "list_notes:     list" in lines
    assert "layout:         layout.html -> builtin:layout.html" in lines
    assert "stylesheet:     memo.css -> builtin:memo.css" in lines
    assert "reference_docx: builtin:reference.docx (the default)" in lines
    assert "tagged_pdf:     no" in lines
    rows = show_rows(result.output)
    # The options analysis, chronology, source digest, disagreements and sources follow the memo
    # as tabs, lettered, each with the file that renders it.
    sections, tabs = builtin_sections("staff"), builtin_tabs("staff")
    assert tabs == ["options", "chronology", "source_points", "disagreements", "sources"]
    assert [row[1] for row in rows] == sections + tabs
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(sections) + 1)] + [f"Tab {c}" for c in "ABCDE"]
    assert {row[1]: row for row in rows}["source_points"][2:] == ["Source Digest", "-", "builtin:sections/source_points.md"]
    by_id = {row[1]: row for row in rows}
    assert by_id["summary"] == ["1", "summary", "Summary", "120", "builtin:sections/summary.md"]
    assert by_id["background"][2:] == ["Background", "420", "builtin:sections/background.md"]
    assert by_id["clearance"][2:] == ["(none)", "-", "builtin:sections/clearance.md"]
    # An information memo recommends nothing, and key figures are no longer the staff memo's.
    assert not {"bluf", "recommendation", "decision", "key_figures"} & set(by_id)
    assert lines[-1] == "search path: templates/staff/, templates/, builtin:staff/, builtin:"


def test_show_follows_the_search_path_and_the_workspace_profile(sample: Path) -> None:
    write(sample / "templates" / "sections" / "background.md", "{% set title = 'Context' %}\n{{ prose.background }}\n")
    write(sample / "templates" / "principal" / "sections" / "bluf.md", "{% set title = 'Bottom Line' %}\n{{ prose.bluf }}\n")
    write(sample / "templates" / "principal" / "sections" / "key_figures.md", '{% extends "builtin:sections/key_figures.md" %}\n')
    write(
        sample / "templates" / "principal" / "audience.yaml",
        "name: principal\nform: action\nsections: [bluf, background, key_figures, talking-points]\n"
        "titles: {background: null}\nlimits: {words: {background: 80}}\n",
    )
    result = brief(sample, "templates", "show", "principal")
    assert result.exit_code == 0, result.output
    assert "profile:        templates/principal/audience.yaml (workspace, overrides built-in)" in result.output.splitlines()
    assert show_rows(result.output) == [
        ["1", "bluf", "Bottom Line", "-", "templates/principal/sections/bluf.md"],
        ["2", "background", "(hidden)", "80", "templates/sections/background.md"],
        # The title comes from the built-in template it extends.
        ["3", "key_figures", "Key Figures", "-", "templates/principal/sections/key_figures.md (extends builtin:sections/key_figures.md)"],
        ["4", "talking-points", "(the brief's heading)", "-", "no template: the brief's own '## Talking Points' prose"],
    ]


def test_show_unknown_audience_is_one_error_line(basic: Path) -> None:
    result = brief(basic, "templates", "show", "cabinet")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["error: unknown audience 'cabinet' (known: principal, public, staff) [audience/unknown]"]
    assert "Traceback" not in result.output


# --- new -------------------------------------------------------------------------------------------


def test_new_scaffolds_an_audience_that_loads(sample: Path) -> None:
    result = brief(sample, "templates", "new", "committee", "--from", "staff")
    assert result.exit_code == 0, result.output
    folder = sample / "templates" / "committee"
    sections = builtin_sections("staff")
    tabs = builtin_tabs("staff")

    audience = load_audience("committee", sample / "templates")
    assert audience.path == folder / "audience.yaml"
    assert audience.profile.name == "committee"
    assert audience.profile.sections == sections
    assert audience.profile.tabs == tabs
    assert audience.profile.limits == load_audience("staff", BUILTIN).profile.limits

    for section in sections + tabs:  # the tabs' templates are scaffolded too
        copy = (folder / "sections" / f"{section}.md").read_text(encoding="utf-8")
        assert copy.startswith("{#- Scaffolded by `brief templates new` from builtin:sections/")
        assert f"the '{section}' section of the 'committee' memo" in copy
        assert copy.endswith((BUILTIN / "sections" / f"{section}.md").read_text(encoding="utf-8"))

    layout = (folder / "layout.html").read_text(encoding="utf-8")
    assert layout.startswith("{#-") and "page layout of the 'committee' memo" in layout
    assert '\n{% extends "builtin:layout.html" %}\n' in layout
    for block in ("banner_top", "banner_bottom", "heading", "sections", "endnotes"):
        assert f"{{% block {block} %}}{{{{ super() }}}}{{% endblock %}}" in layout
    stylesheet = (folder / "memo.css").read_text(encoding="utf-8")
    assert stylesheet.startswith("/* Scaffolded by") and '\n{% include "builtin:memo.css" %}\n' in stylesheet
    profile = (folder / "audience.yaml").read_text(encoding="utf-8")
    assert profile.startswith("# Scaffolded by `brief templates new` from builtin:staff/audience.yaml.")
    assert "\nname: committee\n" in profile

    out = result.output.splitlines()
    assert out[0] == "created templates/committee/ from 'staff':"
    listed = [line.split()[0] for line in out[1:-1]]
    assert listed == ["audience.yaml", *(f"sections/{s}.md" for s in sections + tabs), "layout.html", "memo.css"]
    assert out[-1].startswith("audience 'committee' loads; build it with `brief build --audience committee`")

    shown = brief(sample, "templates", "show", "committee")
    assert shown.exit_code == 0, shown.output
    assert "layout:         layout.html -> templates/committee/layout.html (extends builtin:layout.html)" in shown.output
    assert [row[-1] for row in show_rows(shown.output)] == [f"templates/committee/sections/{s}.md" for s in sections + tabs]


def test_new_refuses_to_overwrite_unless_forced(sample: Path) -> None:
    assert brief(sample, "templates", "new", "committee").exit_code == 0
    summary = sample / "templates" / "committee" / "sections" / "summary.md"
    scaffolded = summary.read_text(encoding="utf-8")
    summary.write_text("{{ prose.summary }}\n", encoding="utf-8")
    extra = sample / "templates" / "committee" / "sections" / "talking-points.md"
    write(extra, "Mine.\n")

    refused = brief(sample, "templates", "new", "committee", "--from", "principal")
    assert refused.exit_code == 1
    expected = "templates/committee: error: already exists; pass --force to overwrite the scaffold's files in it [audience/scaffold]"
    assert refused.stderr.splitlines() == [expected]
    assert "Traceback" not in refused.output
    assert summary.read_text(encoding="utf-8") == "{{ prose.summary }}\n"

    forced = brief(sample, "templates", "new", "committee", "--force")
    assert forced.exit_code == 0, forced.output
    assert summary.read_text(encoding="utf-8") == scaffolded
    assert extra.read_text(encoding="utf-8") == "Mine.\n"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Committee", "error: 'Committee' is not a valid audience name: use lower-case letters, digits, '.', '_' and '-', "
         "starting with a letter or digit [audience/scaffold]"),
        ("../up", "error: '../up' is not a valid audience name: use lower-case letters, digits, '.', '_' and '-', "
         "starting with a letter or digit [audience/scaffold]"),
        ("sections", "error: 'sections' is the folder of shared section templates; choose another audience name [audience/scaffold]"),
    ],
)  # fmt: skip
def test_new_rejects_a_bad_name(sample: Path, name: str, message: str) -> None:
    result = brief(sample, "templates", "new", name)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [message]
    assert not (sample / "templates" / name).exists()


def test_new_from_an_unknown_audience(basic: Path) -> None:
    result = brief(basic, "templates", "new", "committee", "--from", "cabinet")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["error: unknown audience 'cabinet' (known: principal, public, staff) [audience/unknown]"]
    assert not (basic / "templates" / "committee").exists()


def test_a_broken_source_profile_leaves_nothing_behind(sample: Path) -> None:
    # The source names a layout that does not exist: the scaffold fails before writing anything.
    write(sample / "templates" / "cabinet" / "audience.yaml", "name: cabinet\nsections: [bluf]\nlayout: nowhere.html\n")
    result = brief(sample, "templates", "new", "committee", "--from", "cabinet")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("templates/cabinet/audience.yaml: error: template 'nowhere.html' not found")
    assert not (sample / "templates" / "committee").exists()


def test_a_change_in_the_scaffold_reaches_pdf_and_docx(basic: Path) -> None:
    assert brief(basic, "templates", "new", "committee", "--from", "staff").exit_code == 0
    folder = basic / "templates" / "committee"
    # One section template: a line added after the summary.
    summary = folder / "sections" / "summary.md"
    summary.write_text(summary.read_text(encoding="utf-8") + "\nPrepared for the committee's closed session.\n", encoding="utf-8")
    # One title in the profile.
    profile_path = folder / "audience.yaml"
    profile = yaml.safe_load(profile_path.read_text(encoding="utf-8"))
    profile.setdefault("titles", {})["background"] = "How We Got Here"
    profile_path.write_text(yaml.safe_dump(profile, sort_keys=False), encoding="utf-8")
    spec = basic / "briefs" / "port-security.md"
    text = spec.read_text(encoding="utf-8")
    assert "audiences: [principal, staff, public]" in text
    spec.write_text(text.replace("audiences: [principal, staff, public]", "audiences: [staff, committee]"), encoding="utf-8")

    result = brief(basic, "build")
    assert result.exit_code == 0, result.output
    out = basic / "build" / "port-security"
    assert "wrote build/port-security/committee.pdf" in result.output.splitlines()

    added = " ".join(words("Prepared for the committee's closed session."))
    pdf_text = " ".join(words("\n".join(page.extract_text() for page in PdfReader(out / "committee.pdf").pages)))
    assert added in pdf_text
    staff_pdf = " ".join(words("\n".join(page.extract_text() for page in PdfReader(out / "staff.pdf").pages)))
    assert added not in staff_pdf and "how we got here" not in staff_pdf
    # The new title replaces the old one: one "background" fewer than in the staff memo.
    assert "how we got here" in pdf_text
    assert pdf_text.split().count("background") == staff_pdf.split().count("background") - 1

    paragraphs = docx.Document(str(out / "committee.docx")).paragraphs
    # Typography sets the apostrophe curly in every format; text a template writes is marked "(U)",
    # as the memo marks every portion.
    added_paragraphs = [p for p in paragraphs if p.text == "(U) Prepared for the committee’s closed session."]
    assert len(added_paragraphs) == 1
    assert added_paragraphs[0].style.name == "BLUF"  # the section's style carries over to the added line
    assert "(U) Prepared for the committee’s closed session." in " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(out / "committee.pdf").pages
    )
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert "How We Got Here" in headings and "Background" not in headings
    assert "Background" in [p.text for p in docx.Document(str(out / "staff.docx")).paragraphs if p.style.name == "Heading 1"]

    # Everything not edited renders as the staff memo does: the scaffold changes nothing by itself.
    committee_html = (out / "committee.html").read_text(encoding="utf-8")
    staff_html = (out / "staff.html").read_text(encoding="utf-8")
    for section in ("options", "chronology", "source_points", "disagreements", "sources"):  # the tabs
        pattern = re.compile(rf'<section id="{section}".*?</section>', re.DOTALL)
        found = pattern.search(committee_html)
        assert found is not None and pattern.search(staff_html) is not None
        assert found.group(0) == pattern.search(staff_html).group(0)  # type: ignore[union-attr]


# --- TEMPLATES.md's generated reference ------------------------------------------------------------


def test_templates_md_context_reference_is_current() -> None:
    text = (REPO / "TEMPLATES.md").read_text(encoding="utf-8")
    assert docgen.generated_part(text) == docgen.context_reference(), (
        "TEMPLATES.md is stale: run `python -m brief.authoring.reference TEMPLATES.md`"
    )


def test_context_reference_lists_every_field_with_its_help() -> None:
    reference = docgen.context_reference()
    classes = (
        context.SectionContext,
        context.LayoutContext,
        context.BriefView,
        context.SourceView,
        context.FigureView,
        context.OptionView,
        context.EvidenceView,
        context.EventView,
        context.ConflictView,
    )
    for cls in classes:
        assert f"`{cls.__name__}`" in reference
        for f in fields(cls):
            help_text = docgen._cell(f.metadata["help"])
            row = rf"^\| `{f.name}` \| `[^\n]+` \| {re.escape(help_text)} \|$"
            assert re.search(row, reference, re.MULTILINE), f"{cls.__name__}.{f.name}"
    assert "| `recommendation` | `OptionView \\| None` | The recommended option, if any. |" in reference
    assert "| `cite` | `Callable[[str], Markup]` |" in reference
    assert "seeds/&lt;id&gt;.yaml" in reference  # '<id>' would otherwise be taken for an HTML tag


def test_docgen_rewrites_a_stale_reference_and_check_fails_on_it(tmp_path: Path) -> None:
    guide = tmp_path / "TEMPLATES.md"
    guide.write_text(f"# Guide\n\n{docgen.BEGIN}\nold text\n{docgen.END}\n\nAfter.\n", encoding="utf-8")
    said: list[str] = []
    assert docgen.main([str(guide), "--check"], echo=said.append) == 1
    assert said == [
        f"{guide}: error: the context reference is out of date; run `python -m brief.authoring.reference {guide}` [authoring/reference]"
    ]
    assert docgen.main([str(guide)], echo=said.append) == 0
    text = guide.read_text(encoding="utf-8")
    assert text.startswith(f"# Guide\n\n{docgen.BEGIN}\n<!-- Generated from src/brief/assemble/context.py")
    assert text.endswith(f"{docgen.END}\n\nAfter.\n") and "old text" not in text
    assert docgen.main([str(guide), "--check"], echo=said.append) == 0
