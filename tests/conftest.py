"""Shared fixtures: sample workspaces copied into a temporary folder, the CLI run in-process,
and text extraction from the PDFs and DOCX files a build writes."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from brief.cli import main
from brief.ingest.clean import clean
from brief.ingest.extract import find_people, find_quotes

TESTS = Path(__file__).parent
REPO = TESTS.parent
ROOTS = TESTS / "roots"
SHARED = REPO.parent / "shared"


def copy_root(name: str, dest: Path) -> Path:
    """A scenario workspace from tests/roots/<name>, copied so a test may change it."""
    target = dest / name
    shutil.copytree(ROOTS / name, target, ignore=shutil.ignore_patterns("build"))
    return target


def sample_workspace(dest: Path) -> Path:
    """The repository's sample workspace, seen through a brief.toml in a temporary folder: the
    summaries and brief are read in place (their source_file paths stay valid), while templates
    are copied and outputs go to the temporary folder."""
    ws = dest / "sample"
    ws.mkdir()
    if (REPO / "templates").is_dir():
        shutil.copytree(REPO / "templates", ws / "templates")
    (ws / "brief.toml").write_text(
        f'[paths]\nseeds = "{REPO / "seeds"}"\nbriefs = "{REPO / "briefs"}"\ncatalogue = "{REPO / "options.yaml"}"\n',
        encoding="utf-8",
    )
    return ws


def brief(ws: Path, *args: str) -> Result:
    """Run `brief ARGS` in-process with the workspace as current folder (the CLI finds its workspace
    there), and the previous folder back afterwards, even when the command raises."""
    with contextlib.chdir(ws):
        return CliRunner().invoke(main, list(args), catch_exceptions=False, env={"COLUMNS": "200"})


@pytest.fixture
def basic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ws = copy_root("basic", tmp_path)
    monkeypatch.chdir(ws)
    return ws


@dataclass(frozen=True)
class Built:
    ws: Path
    out: Path

    def pdf(self, audience: str) -> Path:
        return self.out / f"{audience}.pdf"

    def docx(self, audience: str) -> Path:
        return self.out / f"{audience}.docx"


def build_into(ws: Path, brief_name: str) -> Built:
    """Build every brief of `ws`; session fixtures use it too, where no monkeypatch.chdir is to hand,
    so the change of folder is brief()'s own, undone when it returns."""
    result = brief(ws, "build", "--quiet")
    assert result.exit_code == 0, result.output
    return Built(ws, ws / "build" / brief_name)


@pytest.fixture(scope="session")
def basic_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    ws = copy_root("basic", tmp_path_factory.mktemp("basic"))
    return build_into(ws, "port-security")


@pytest.fixture(scope="session")
def sample_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    ws = sample_workspace(tmp_path_factory.mktemp("sample"))
    return build_into(ws, "us-mexico-security")


def pdf_pages(path: Path, layout: bool = True) -> list[str]:
    """The text of each page, as poppler's pdftotext lays it out, or in content order (which
    keeps the wrapped lines of a table cell together)."""
    mode = "-layout" if layout else "-raw"
    out = subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def words(text: str) -> list[str]:
    """Alphabetic words, lower-cased: a comparison key that ignores layout, punctuation and the
    footnote numbers PDF text glues to the words they follow."""
    return re.findall(r"[^\W\d_]+", text.lower())


def credits(text: str) -> dict[str, str]:
    """Each quotation's words that ingest finds in a made-up text, mapped to its speaker."""
    body = clean(text).text
    return {q.text: q.speaker for q in find_quotes(body, find_people(body))}
