"""`brief init`: a new workspace that builds at once, found again from any of its subfolders."""

from __future__ import annotations

import contextlib
from pathlib import Path

from click.testing import CliRunner
from tests.conftest import pdf_pages

from brief.cli import main


def run(cwd: Path, *args: str) -> tuple[int, str]:
    with contextlib.chdir(cwd):
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


def test_init_makes_a_workspace_that_builds_and_checks_clean(tmp_path: Path) -> None:
    code, output = run(tmp_path, "init", "mine")
    assert code == 0, output
    ws = tmp_path / "mine"
    for name in ("README.md", "brief.toml", "options.yaml", "briefs/example.md", "seeds/harbor-2025.yaml", "sources/harbor-report.txt"):
        assert (ws / name).is_file(), name
        assert f"created {Path('mine') / name}" in output
    assert (ws / "templates").is_dir()
    assert "next: cd mine && brief build" in output
    # The commented brief.toml and options.yaml are valid as they are.
    code, output = run(ws, "build", "--quiet")
    assert code == 0, output
    page = " ".join(pdf_pages(ws / "build" / "example" / "principal.pdf")[0].split())
    assert "ACTION MEMO FOR THE DIRECTOR" in page and "Approve" in page
    code, output = run(ws, "check")
    assert code == 0 and "0 errors" in output, output


def test_init_keeps_what_is_there(tmp_path: Path) -> None:
    (tmp_path / "options.yaml").write_text("- id: mine\n  title: Mine\n", encoding="utf-8")
    code, output = run(tmp_path, "init")
    assert code == 0, output
    assert "kept options.yaml (already there)" in output
    assert (tmp_path / "options.yaml").read_text(encoding="utf-8") == "- id: mine\n  title: Mine\n"
    assert "next: brief build" in output


def test_commands_find_the_workspace_from_a_subfolder(tmp_path: Path) -> None:
    run(tmp_path, "init", "ws")
    ws = tmp_path / "ws"
    code, output = run(ws / "seeds", "build", "--quiet", "--audience", "principal")
    assert code == 0, output
    assert (ws / "build" / "example" / "principal.pdf").is_file()
    assert not (ws / "seeds" / "build").exists()
    code, output = run(ws / "briefs", "templates", "list")
    assert code == 0 and "principal" in output
    # --workspace is taken as given, not searched above.
    code, output = run(ws / "seeds", "build", "--workspace", ".")
    assert code == 1 and "no briefs found" in output


def test_a_brief_is_named_by_name_file_name_or_path(tmp_path: Path) -> None:
    run(tmp_path, "init", "ws")
    ws = tmp_path / "ws"
    for how in ("example", "example.md", "briefs/example.md"):
        code, output = run(ws, "build", how, "--audience", "principal", "--format", "html", "--force")
        assert code == 0 and "wrote build/example/principal.html" in output, (how, output)
    code, output = run(ws / "seeds", "build", "../briefs/example.md", "--audience", "principal", "--format", "html")
    assert code == 0, output
    code, output = run(ws, "build", "nothing.md")
    assert code == 1 and "no brief named 'nothing.md' (looked for" in output and "briefs/nothing.md)" in output
