"""Incremental and parallel builds: what a rebuild skips, what it redoes, and that outputs are the
same however many processes made them."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from brief.build.manifest import MANIFEST_NAME
from brief.inputs.project import resolve_sources
from brief.progress import LogProgress, TerminalProgress, for_streams
from conftest import REPO, brief, copy_root

OUT = Path("build/port-security")


def stamps(ws: Path) -> dict[str, int]:
    """Modification time of every output, by path relative to the build folder (not the build's
    own hidden files: the manifest and the lock)."""
    build = ws / "build"
    return {str(p.relative_to(build)): p.stat().st_mtime_ns for p in sorted(build.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, stamp in after.items() if before.get(name) != stamp}


def run(ws: Path, *args: str) -> str:
    result = brief(ws, "build", *args)
    assert result.exit_code == 0, result.output
    return result.output


def second_brief(ws: Path) -> None:
    """A brief that uses only the harbor summary, for one staff memo."""
    text = (ws / "briefs/port-security.md").read_text(encoding="utf-8")
    text = text.replace('sources: ["*"]', "sources: [harbor-2025]").replace('cite("coast-2025-03-04")', 'cite("harbor-2025")')
    text = text.replace("audiences: [principal, staff, public]", "audiences: [staff]")
    (ws / "briefs/harbor-only.md").write_text(text, encoding="utf-8")


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ws = copy_root("basic", tmp_path)
    second_brief(ws)
    monkeypatch.chdir(ws)
    run(ws, "--quiet", "--jobs", "1")
    return ws


def test_noop_rebuild_writes_nothing_and_says_so(built: Path) -> None:
    before = stamps(built)
    output = run(built)
    assert changed(before, stamps(built)) == set()
    assert "wrote" not in output
    assert "nothing to do: 12 files up to date" in output  # four memos, three formats each
    manifest = json.loads((built / "build" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert sorted(manifest["memos"]) == ["harbor-only/staff", "port-security/principal", "port-security/public", "port-security/staff"]


def test_noop_rebuild_imports_no_renderer(built: Path) -> None:
    probe = (
        "import sys\n"
        "from brief.cli import main\n"
        "try:\n    main(['build', '--quiet'])\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "heavy = sorted(m for m in ('weasyprint', 'docx', 'PIL', 'jinja2', 'pydantic', 'yaml') if m in sys.modules)\n"
        "print(' '.join(heavy) or 'none')\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=built, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "none", result.stdout + result.stderr


def test_one_template_change_rebuilds_only_its_audience(built: Path) -> None:
    # A workspace override of the public audience's layout: only public memos depend on it.
    target = built / "templates" / "public"
    target.mkdir(parents=True)
    (target / "layout.html").write_text('{% extends "builtin:layout.html" %}\n', encoding="utf-8")
    (target / "audience.yaml").write_text((REPO / "src/brief/templates/public/audience.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = stamps(built)
    run(built, "--quiet")
    assert changed(before, stamps(built)) == {
        "port-security/public.html", "port-security/public.pdf", "port-security/public.docx", "port-security/figures.json",
    }  # fmt: skip
    # Editing it again rebuilds the public memo again, and nothing else.
    before = stamps(built)
    (target / "layout.html").write_text('{% extends "builtin:layout.html" %}\n{# tweak #}\n', encoding="utf-8")
    run(built, "--quiet")
    assert {name.split("/")[1].split(".")[0] for name in changed(before, stamps(built))} <= {"public", "figures"}
    assert "port-security/public.pdf" in changed(before, stamps(built))


def test_one_summary_change_rebuilds_only_the_briefs_using_it(built: Path) -> None:
    coast = built / "seeds" / "coast-2025-03-04.yaml"
    before = stamps(built)
    coast.write_text(coast.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    run(built, "--quiet")
    rebuilt = changed(before, stamps(built))
    assert rebuilt and all(name.startswith("port-security/") for name in rebuilt)
    harbor = built / "seeds" / "harbor-2025.yaml"
    before = stamps(built)
    harbor.write_text(harbor.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    run(built, "--quiet")
    assert {name.split("/")[0] for name in changed(before, stamps(built))} == {"port-security", "harbor-only"}


def test_spec_edit_deleted_output_and_force(built: Path) -> None:
    spec = built / "briefs" / "harbor-only.md"
    before = stamps(built)
    spec.write_text(spec.read_text(encoding="utf-8").replace("Westmere Port Security Options", "Westmere Harbor Options"), encoding="utf-8")
    run(built, "--quiet")
    assert {name.split("/")[0] for name in changed(before, stamps(built))} == {"harbor-only"}
    assert "Westmere Harbor Options" in (built / "build/harbor-only/staff.html").read_text(encoding="utf-8")

    (built / OUT / "principal.pdf").unlink()
    before = stamps(built)
    run(built, "--quiet")
    assert changed(before, stamps(built)) >= {"port-security/principal.pdf"}
    assert not any("staff" in name or "public" in name for name in changed(before, stamps(built)))

    before = stamps(built)
    output = run(built, "--force")
    assert len(changed(before, stamps(built))) == len(before)
    assert "up to date" not in output


def test_source_date_epoch_is_an_input(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = stamps(built)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1741600000")
    run(built, "--quiet")
    assert len(changed(before, stamps(built))) == len(before)


def test_warnings_are_repeated_when_nothing_is_rebuilt(built: Path) -> None:
    spec = built / "briefs" / "harbor-only.md"
    profile = built / "templates" / "staff"
    profile.mkdir(parents=True)
    staff = (REPO / "src/brief/templates/staff/audience.yaml").read_text(encoding="utf-8")
    budget = re.search(r"\bbackground: \d+", staff)
    assert budget, "the built-in staff profile gives its background no word budget"
    (profile / "audience.yaml").write_text(staff.replace(budget.group(), "background: 5", 1), encoding="utf-8")
    first = brief(built, "build", "--quiet", str(spec))
    assert first.exit_code == 0, first.output
    warnings = [line for line in first.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 1, first.stderr
    assert warnings[0].startswith("briefs/harbor-only.md:")
    assert "section 'background' of the staff memo has " in warnings[0] and ", over its budget of 5;" in warnings[0]
    assert warnings[0].endswith("[memo/word-budget]")
    again = brief(built, "build", "--quiet", str(spec))
    assert [line for line in again.stderr.splitlines() if ": warning: " in line] == warnings


def test_failed_rebuild_keeps_outputs_and_manifest(built: Path) -> None:
    manifest = (built / "build" / MANIFEST_NAME).read_bytes()
    before = stamps(built)
    spec = built / "briefs" / "port-security.md"
    spec.write_text(spec.read_text(encoding="utf-8").replace("key_figures: [", "key_figures: [no-such-figure, "), encoding="utf-8")
    result = brief(built, "build")
    assert result.exit_code == 1
    assert "no-such-figure" in result.stderr
    assert stamps(built) == before
    assert (built / "build" / MANIFEST_NAME).read_bytes() == manifest


def test_parallel_build_matches_serial_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs = {}
    for jobs in ("1", "3"):
        ws = copy_root("basic", tmp_path / jobs)
        second_brief(ws)
        monkeypatch.chdir(ws)
        output = run(ws, "--jobs", jobs)
        assert "built 14 files" in output  # four memos in three formats, two ledgers
        files = [p for p in sorted((ws / "build").rglob("*")) if p.is_file() and not p.name.startswith(".")]
        outputs[jobs] = {p.relative_to(ws): p.read_bytes() for p in files}
    assert outputs["1"].keys() == outputs["3"].keys()
    for name in outputs["1"]:
        assert outputs["1"][name] == outputs["3"][name], name


def test_parallel_build_reports_every_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = copy_root("basic", tmp_path)
    monkeypatch.chdir(ws)
    profile = ws / "templates" / "principal"
    profile.mkdir(parents=True)
    principal = (REPO / "src/brief/templates/principal/audience.yaml").read_text(encoding="utf-8")
    (profile / "audience.yaml").write_text(principal, encoding="utf-8")
    (profile / "sections").mkdir()
    (profile / "sections" / "bluf.md").write_text("{{ no_such_helper() }}\n", encoding="utf-8")
    result = brief(ws, "build", "--jobs", "2")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors and all("Traceback" not in line for line in errors)
    assert any("bluf.md" in line and "no_such_helper" in line for line in errors), errors
    assert not (ws / "build").exists() or not any((ws / "build").rglob("*.pdf"))


def test_progress_log_and_terminal_line() -> None:
    log = io.StringIO()
    progress = LogProgress(log)
    progress.start(2)
    progress.advance("brief/staff", 1.25)
    progress.advance("brief/public", 0.5)
    progress.finish()
    assert log.getvalue().splitlines() == ["[1/2] rendered brief/staff in 1.2 s", "[2/2] rendered brief/public in 0.5 s"]

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Tty()
    live = for_streams(io.StringIO(), screen)
    assert isinstance(live, TerminalProgress)
    live.start(4)
    live.advance("brief/staff", 1.0)
    live.finish()
    text = screen.getvalue()
    assert "\n" not in text  # one line, redrawn in place
    assert "1/4 memos" in text and "brief/staff" in text and text.endswith("\r\x1b[K")
    plain = io.StringIO()
    assert isinstance(for_streams(plain, io.StringIO()), LogProgress)


def test_plain_log_when_output_is_not_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = copy_root("basic", tmp_path)
    monkeypatch.chdir(ws)
    result = brief(ws, "build", "--jobs", "2", "--format", "html")
    assert result.exit_code == 0, result.output
    assert not result.stderr  # problems only
    lines = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert sorted(line.split(" rendered ")[1].split(" in ")[0] for line in lines) == [
        "port-security/principal", "port-security/public", "port-security/staff",
    ]  # fmt: skip
    assert {line.split("]")[0] for line in lines} == {"[1/3", "[2/3", "[3/3"}


def test_resolve_sources_follows_the_spec_order() -> None:
    ids = ["b-2", "a-1", "c-3"]
    assert resolve_sources(["c-3", "*"], ids) == (["c-3", "a-1", "b-2"], None)
    assert resolve_sources(["a-*", "zz"], ids) == (["a-1"], 1)


def test_manifest_survives_corruption(built: Path) -> None:
    (built / "build" / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    before = stamps(built)
    run(built, "--quiet")
    assert len(changed(before, stamps(built))) == len(before)  # everything rebuilt, safely
    assert json.loads((built / "build" / MANIFEST_NAME).read_text(encoding="utf-8"))["format"] == 2


def test_outputs_get_ordinary_file_modes(built: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    assert (built / OUT / "staff.pdf").stat().st_mode & 0o777 == 0o666 & ~mask


def test_one_summary_id_in_two_files_is_an_error_even_with_nothing_to_rebuild(built: Path) -> None:
    # Freshness would key on one file and the memo show the other: neither may be chosen.
    seeds = built / "seeds"
    shutil.copy(seeds / "harbor-2025.yaml", seeds / "harbor-2025.yml")
    before = stamps(built)
    for command in ("build", "check"):
        result = brief(built, command)
        assert result.exit_code == 1
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("seeds/harbor-2025.yml:1: error: "), lines
        assert lines[0].endswith("[summary/duplicate-id]")
    assert stamps(built) == before
