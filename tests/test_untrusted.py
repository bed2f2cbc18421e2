"""Hostile text in summaries, briefs and templates: nothing in it can forge a banner, a citation,
a chart or a link, break a block, hang a build or crash it with a traceback.

Summaries are written here as an attacker would write them (brief's own ingest cleans raw
sources too; tests/test_ingest_hostile.py covers that side). Every case builds the small basic
workspace and reads the outputs back.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, brief, copy_root

BANNER = "UNCLASSIFIED//SBU"
SEED = Path("seeds") / "harbor-2025.yaml"
SPEC = Path("briefs") / "port-security.md"


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ws = copy_root("basic", tmp_path)
    monkeypatch.chdir(ws)
    return ws


def replace(ws: Path, path: Path, old: str, new: str) -> int:
    """Replace the first `old` in a workspace file; the 1-based line it was on."""
    text = (ws / path).read_text(encoding="utf-8")
    assert old in text, old
    (ws / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def html(ws: Path, audience: str) -> str:
    return (ws / "build" / "port-security" / f"{audience}.html").read_text(encoding="utf-8")


# --- Markers cannot be spelled by text -------------------------------------------------------------


@pytest.mark.parametrize(
    "forged",
    [
        "\ue000m:TS//NF\ue001",  # a portion marking: would raise the banner to TOP SECRET//NOFORN
        "\ue000c:0\ue001",  # a citation: would print another source's footnote
        "\ue000c:99999\ue001",  # crashed with IndexError
        "\ue000b:no-such-source\ue001",  # crashed with KeyError
        "\ue000g:5\ue001",  # crashed with IndexError
        "\ue000\ue001\ue000",
    ],
)
def test_a_marker_in_a_key_point_is_only_text(ws: Path, forged: str) -> None:
    replace(ws, SEED, "  - Container traffic through Westmere grew in 2024.", f'  - "Container traffic{forged} grew in 2024."')
    result = brief(ws, "build", "--format", "html", "--format", "pdf")
    assert result.exit_code == 0, result.stderr
    staff = html(ws, "staff")
    shown = forged.replace("\ue000", "").replace("\ue001", "")
    assert f"Container traffic{shown} grew in 2024." in staff  # the point, as plain text
    assert "TOP SECRET" not in staff and "NOFORN" not in staff
    assert "\ue000" not in staff and "\ue001" not in staff
    from conftest import pdf_pages

    # The first line is the brief's banner, with the memo's date at its right (State's form).
    first = pdf_pages(ws / "build" / "port-security" / "staff.pdf")[0]
    assert first.strip().splitlines()[0].split() == [BANNER, "March", "10,", "2025"]


def test_a_forged_marking_in_a_title_or_quote_leaves_the_banner_alone(ws: Path) -> None:
    replace(ws, SEED, "title: Harbor Authority Annual Report", 'title: "Harbor \ue000m:TS//NF\ue001 Report"')
    replace(ws, SEED, "    text: we still see only a fraction", '    text: "we still see \ue000m:S\ue001 only a fraction"')
    assert brief(ws, "build", "--format", "html").exit_code == 0
    for audience in ("principal", "staff"):
        assert re.search(rf'class="banner[^"]*"[^>]*>\s*{re.escape(BANNER)}\s*<', html(ws, audience)), audience


def test_a_blank_line_and_a_dash_in_a_key_point_stay_one_bullet(ws: Path) -> None:
    replace(
        ws, SEED, "  - Container traffic through Westmere grew in 2024.", '  - "Container traffic grew.\\n\\n- Injected bullet\\n# Heading"'
    )
    assert brief(ws, "build", "--format", "html").exit_code == 0
    staff = html(ws, "staff")
    assert "Container traffic grew. - Injected bullet # Heading" in staff
    assert "<h1>Heading" not in staff and "<li>Injected bullet" not in staff


def test_control_characters_never_reach_an_output(ws: Path) -> None:
    replace(
        ws, SEED, "  - Container traffic through Westmere grew in 2024.", '  - "Container\\x07 traffic\\x1b[31m grew\\x7f\\u0085 in 2024."'
    )
    replace(ws, SPEC, "Traffic through the port keeps growing.", "Traffic through the port\x0b keeps\x00 growing.")
    assert brief(ws, "build").exit_code == 0
    out = ws / "build" / "port-security"
    for path in out.iterdir():
        text = path.read_bytes().decode("utf-8", errors="ignore") if path.suffix in (".html", ".json") else ""
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]", text), path.name
    assert "Container traffic[31m grew in 2024." in html(ws, "staff")


# --- Links ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.domain)",
        " JavaScript:alert(1)",
        "data:text/html,<script>x</script>",
        "file:///etc/passwd",
        "vbscript:msgbox",
        "//evil.example/x",
    ],
)
def test_a_summary_link_must_be_http_https_or_mailto(ws: Path, url: str) -> None:
    line = replace(ws, SEED, "url: https://example.org/harbor/annual-2024", f'url: "{url}"')
    result = brief(ws, "build", "--format", "html")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"seeds/harbor-2025.yaml:{line}: error: url: only http, https and mailto links may reach a memo [summary/schema]"
    ]


def test_links_in_every_output_are_http_https_or_mailto(ws: Path) -> None:
    assert brief(ws, "build").exit_code == 0
    out = ws / "build" / "port-security"
    for path in out.glob("*.html"):
        for href in re.findall(r'href="([^"]*)"', path.read_text(encoding="utf-8")):
            assert href.startswith(("https://", "http://", "mailto:", "#")), (path.name, href)
    import zipfile

    for path in out.glob("*.docx"):
        rels = zipfile.ZipFile(path).read("word/_rels/document.xml.rels").decode("utf-8")
        for target in re.findall(r'Target="([^"]*)" TargetMode="External"', rels):
            assert target.startswith(("https://", "http://", "mailto:")), (path.name, target)


# --- Prose and templates are bounded and sandboxed ---------------------------------------------------


PROSE_BOMBS = [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "looped more than 2,000,000 times"),
    (
        "{% set ns = namespace(s='ab') %}{% for i in range(31) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "longer than 2,000,000 characters",
    ),
    ("{{ range(10**9)|list|length }}", "a range of more than 2,000,000 numbers"),
    ("{{ 'x' * 10**10 }}", "repeated a text past 2,000,000 characters"),
    ("{{ 7 ** 1000000 }}", "a number of more than 4096 bits"),
    ("{{ 'x'|center(10**9) }}", "center filter for a width past 10,000"),
    ("{{ cycler.__init__.__globals__.os.system('touch PWNED') }}", "access to attribute '__init__'"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "calls itself without end"),
    ("{{ lipsum(10**6) }}", "'lipsum' is undefined"),
]


@pytest.mark.parametrize(("bomb", "message"), PROSE_BOMBS)
def test_prose_that_would_hang_or_escape_is_a_located_error(ws: Path, bomb: str, message: str) -> None:
    line = replace(ws, SPEC, "Traffic through the port keeps growing.", f"Traffic grows.\n\n{bomb}")
    result = _build_bounded(ws)
    assert result.returncode == 1, result.stderr
    (only,) = result.stderr.splitlines()
    assert only.startswith(f"briefs/port-security.md:{line + 2}: error: ") and message in only and only.endswith(" [spec/prose]"), only
    assert not (ws / "PWNED").exists()


@pytest.mark.parametrize(("bomb", "message"), PROSE_BOMBS)
def test_a_workspace_template_that_would_hang_or_escape_is_a_located_error(ws: Path, bomb: str, message: str) -> None:
    section = ws / "templates" / "sections" / "outlook.md"
    section.parent.mkdir(parents=True)
    section.write_text(f"{{% set title = 'Outlook' %}}\n\n{bomb}\n", encoding="utf-8")
    result = _build_bounded(ws)
    assert result.returncode == 1, result.stderr
    (only,) = result.stderr.splitlines()
    if "lipsum" not in bomb:
        assert only.startswith("templates/sections/outlook.md:3: error: template error: ") and message in only, only
    assert only.endswith(" [template/error]"), only
    assert not (ws / "PWNED").exists()


def _build_bounded(ws: Path) -> subprocess.CompletedProcess[str]:
    """`brief build` in its own process, with a memory cap and a time limit, so a regression
    fails here instead of hanging or exhausting the machine."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    command = [sys.executable, "-m", "brief", "build", "--format", "html", "--quiet", "--jobs", "1"]
    return subprocess.run(command, cwd=ws, capture_output=True, text=True, timeout=20, preexec_fn=limit)


# --- Where a problem in source text is reported ------------------------------------------------


def test_a_placeholder_in_source_text_is_reported_at_the_summary(ws: Path) -> None:
    line = replace(
        ws, SEED, "  - The authority has invested in scanners since 2021.", "  - The authority has invested in scanners since TBD."
    )
    result = brief(ws, "check")
    errors = [x for x in result.stderr.splitlines() if "[memo/placeholder]" in x]
    assert errors and all(x.startswith(f"seeds/harbor-2025.yaml:{line}: error: ") for x in errors), errors


def test_braces_in_source_text_are_reported_at_the_summary(ws: Path) -> None:
    line = replace(
        ws, SEED, "  - The authority has invested in scanners since 2021.", '  - "The authority spends {{ budget }} on scanners."'
    )
    result = brief(ws, "check")
    errors = [x for x in result.stderr.splitlines() if "[memo/placeholder]" in x]
    assert errors and all(x.startswith(f"seeds/harbor-2025.yaml:{line}: error: ") for x in errors), errors


# --- Property: whatever a summary says, the memo's structure is the brief's -------------------------


def _assemble(ws: Path, audience: str) -> tuple[str, int]:
    """The staff memo's HTML and number of footnotes, made in this process."""
    from brief.assemble.assembler import assemble_memo
    from brief.inputs.project import read_briefs
    from brief.inputs.templating import Templates
    from brief.render.html import render_html
    from brief.workspace import Workspace

    workspace = Workspace.at(ws)
    (item,), catalogue = read_briefs(workspace, [ws / SPEC], {"port-security": [audience]})
    templates = Templates(workspace.templates, audience)
    memo = assemble_memo(item.spec, item.sources, catalogue, item.audiences[0], templates).memo
    return render_html(memo, item.audiences[0], templates, memo.date), len(memo.footnotes)


HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xE000, max_codepoint=0xE002),
        st.sampled_from(list("cbgm:0123456789()/STNF-#*_[]{}<>&\"' \n\t\x00\x07\x1b\x7f\x85")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=60,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(point=HOSTILE, title=HOSTILE, quote=HOSTILE)
def test_any_text_in_a_summary_leaves_banner_citations_and_links_as_the_brief_has_them(
    tmp_path_factory: pytest.TempPathFactory, point: str, title: str, quote: str
) -> None:
    import yaml

    ws = copy_root("basic", tmp_path_factory.mktemp("prop"))
    data = yaml.safe_load((ws / SEED).read_text(encoding="utf-8"))
    # Each field keeps a visible word: text that cleans to nothing is an error of its own (a
    # located summary/schema line), not what this property is about.
    data["summary"][0] = f"Point {point}"
    data["title"] = f"Title {title}"
    data["quotes"][0]["text"] = f"we said {quote}"
    # Written with escapes, as an attacker's YAML may be; the summary model cleans what it reads.
    (ws / SEED).write_text(yaml.safe_dump(data, allow_unicode=False), encoding="utf-8")
    baseline = _baseline_footnotes()
    page, footnotes = _assemble(ws, "staff")
    assert footnotes == baseline
    banners = set(re.findall(r'class="banner[^"]*"[^>]*>\s*([^<]*?)\s*<', page))
    assert banners == {BANNER}
    assert "\ue000" not in page and "\ue001" not in page and "\ue002" not in page
    assert all(href.startswith(("https://", "http://", "mailto:", "#")) for href in re.findall(r'href="([^"]*)"', page))


_BASELINE: list[int] = []


def _baseline_footnotes() -> int:
    if not _BASELINE:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            ws = copy_root("basic", Path(tmp))
            _BASELINE.append(_assemble(ws, "staff")[1])
    return _BASELINE[0]


def test_cleaning_changes_nothing_in_honest_summaries() -> None:
    # The sample's summaries and the test fixtures load exactly as written.
    import yaml

    from brief.untrusted import clean_line

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [s for item in value for s in strings(item)]
        if isinstance(value, dict):
            return [s for item in value.values() for s in strings(item)]
        return []

    paths = sorted((REPO / "seeds").glob("*.yaml")) + sorted((REPO / "tests" / "roots" / "basic" / "seeds").glob("*.yaml"))
    assert paths
    for path in paths:
        for text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            assert clean_line(text) == text, (path.name, text)


# --- Every problem is one located line, never a traceback -----------------------------------------


def _fails_with(ws: Path, expected: str, *args: str) -> None:
    result = brief(ws, *(args or ("build", "--format", "html")))
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [expected]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("date", ["2019-13", "2019-02-30", "2019-00", "2019-04-31"])
def test_an_event_date_that_is_no_day_of_the_calendar(ws: Path, date: str) -> None:
    line = replace(ws, SEED, '  - date: "2021"', f'  - date: "{date}"')
    expected = f"seeds/harbor-2025.yaml:{line}: error: events[0].date: date '{date}' is not a day of the calendar [summary/schema]"
    _fails_with(ws, expected)
    _fails_with(ws, expected, "check")


def test_files_that_are_not_utf8_are_located_at_the_bad_byte(ws: Path) -> None:
    section = ws / "templates" / "sections" / "outlook.md"
    section.parent.mkdir(parents=True)
    section.write_bytes(b"{% set title = 'Outlook' %}\n\nbad \xff byte\n")
    _fails_with(
        ws, "templates/sections/outlook.md:3: error: not UTF-8 text (byte 0xff at column 5); save the file as UTF-8 [template/syntax]"
    )
    section.unlink()
    profile = ws / "templates" / "staff" / "audience.yaml"
    profile.parent.mkdir(parents=True)
    profile.write_bytes((REPO / "src" / "brief" / "templates" / "staff" / "audience.yaml").read_bytes() + b"# \xe9t\xe9\n")
    line = profile.read_bytes().count(b"\n")
    problem = "not UTF-8 text (byte 0xe9 at column 3); save the file as UTF-8"
    _fails_with(ws, f"templates/staff/audience.yaml:{line}: error: {problem} [audience/unreadable]")
    profile.unlink()
    (ws / SPEC).write_bytes((ws / SPEC).read_bytes().replace(b"keeps growing", b"keeps gr\xf6wing"))
    # Line 45 is "(U) Traffic through the port keeps gr\xf6wing.": the bad byte is its 38th.
    _fails_with(ws, "briefs/port-security.md:45: error: not UTF-8 text (byte 0xf6 at column 38); save the file as UTF-8 [spec/unreadable]")


def _profile(ws: Path, extra: str) -> tuple[Path, int]:
    """A workspace staff profile: the built-in one with `extra` appended; the line of `extra`."""
    profile = ws / "templates" / "staff" / "audience.yaml"
    profile.parent.mkdir(parents=True, exist_ok=True)
    text = (REPO / "src" / "brief" / "templates" / "staff" / "audience.yaml").read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.startswith(extra.split(":")[0] + ":"))
    profile.write_text(text + "\n" + extra + "\n", encoding="utf-8")
    return profile, text.count("\n") + 2


def test_a_missing_layout_or_reference_docx_is_located_at_the_profile(ws: Path) -> None:
    _, line = _profile(ws, "layout: nothere.html")
    result = brief(ws, "build", "--format", "html")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"templates/staff/audience.yaml:{line}: error: template 'nothere.html' not found (searched ")
    assert result.stderr.rstrip().endswith("[template/not-found]")
    _, line = _profile(ws, "reference_docx: missing.docx")
    _fails_with(ws, f"templates/staff/audience.yaml:{line}: error: reference_docx 'missing.docx' does not exist [audience/schema]")


def test_a_section_without_template_or_prose_is_located_at_the_profile(ws: Path) -> None:
    profile, _ = _profile(ws, "layout: layout.html")
    text = profile.read_text(encoding="utf-8")
    assert "sections: [summary, " in text
    text = text.replace("sections: [summary, ", "sections: [summary, nothing_here, ")
    profile.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("sections:"))
    result = brief(ws, "build", "--format", "html")
    assert result.exit_code == 1 and result.stderr.startswith(
        f"templates/staff/audience.yaml:{line}: error: audience 'staff' shows section"
    )
    assert result.stderr.rstrip().endswith("[audience/missing-section]")


def test_a_tab_without_template_or_prose_is_located_at_the_profile(ws: Path) -> None:
    profile, _ = _profile(ws, "layout: layout.html")
    text = profile.read_text(encoding="utf-8")
    assert "tabs: [options, " in text
    text = text.replace("tabs: [options, ", "tabs: [options, nothing_here, ")
    profile.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("tabs:"))
    result = brief(ws, "build", "--format", "html")
    assert result.exit_code == 1 and result.stderr.startswith(f"templates/staff/audience.yaml:{line}: error: audience 'staff' shows ")
    assert "'nothing_here'" in result.stderr and result.stderr.rstrip().endswith("[audience/missing-section]")
    assert len(result.stderr.splitlines()) == 1


def test_malformed_brief_toml_has_its_line_in_the_location_only(ws: Path) -> None:
    (ws / "brief.toml").write_text('[paths]\nseeds = "seeds"\nbuild = \n', encoding="utf-8")
    _fails_with(ws, "brief.toml:3: error: malformed TOML: Invalid value [config/invalid]")


def test_a_runtime_error_in_prose_is_located_at_its_line(ws: Path) -> None:
    line = replace(ws, SPEC, "Traffic through the port keeps growing.", "Traffic grows.\n\nAnd {{ 1 / 0 }} more.")
    _fails_with(ws, f"briefs/port-security.md:{line + 2}: error: error in prose: division by zero [spec/prose]")


def test_a_summary_option_missing_from_the_catalogue_is_located(ws: Path) -> None:
    line = replace(ws, SEED, "options:", "options:\n  - id: no_such_option\n    stance: advocates\n    quote: scanners") + 1
    expected = f"seeds/harbor-2025.yaml:{line}: error: option 'no_such_option' is not in the option catalogue [summary/unknown-option]"
    _fails_with(ws, expected)
    _fails_with(ws, expected, "check")


RAW = """Harbor patrols doubled as seizures climbed

By Dana Whitfield
March 4, 2025

The Westmere harbor authority said on Tuesday that inspectors found contraband in 312 containers
last year, up from 240 the year before. "We still see only a fraction," said Lena Ortiz, the
inspector general. The authority spent $45 million on new scanners since 2021.
"""


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=HOSTILE, url=st.sampled_from(["javascript:alert(1)", "https://example.org/a", "data:x", " file:///etc/passwd"]))
def test_any_raw_text_through_ingest_and_build_keeps_the_briefs_structure(
    tmp_path_factory: pytest.TempPathFactory, body: str, url: str
) -> None:
    ws = copy_root("basic", tmp_path_factory.mktemp("raw"))
    raw = ws / "raw" / "hostile.md"
    raw.write_text(f'---\ntitle: "Hostile \\ue000m:TS\\ue001 note"\nurl: "{url}"\n---\n\n{RAW}\n{body}\n', encoding="utf-8")
    result = brief(ws, "ingest", str(raw))
    assert "Traceback" not in result.output
    assert result.exit_code == 0 or all(
        line.endswith("]") and ": error: " in line for line in result.stderr.splitlines() if "error" in line
    )
    for path in (ws / "seeds").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search("[\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text), path.name
        assert not re.search(r"^url: .*(javascript|data:|file:)", text, re.M | re.I), path.name
    page, _ = _assemble(ws, "staff")
    assert set(re.findall(r'class="banner[^"]*"[^>]*>\s*([^<]*?)\s*<', page)) == {BANNER}
    calls = [int(n) for n in re.findall(r'href="#fn(\d+)"', page)]
    assert calls == sorted(calls) and calls == list(range(1, len(calls) + 1))  # every call has its note, in order
    assert "\ue000" not in page and all(h.startswith(("https://", "http://", "mailto:", "#")) for h in re.findall(r'href="([^"]*)"', page))
