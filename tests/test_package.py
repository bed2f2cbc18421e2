"""The distribution: built-in templates, audiences, the reference .docx and the memo fonts with
their licence ship as package data, and the command starts without importing the renderers."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from brief.bundled_fonts import FOLDER as FONTS
from brief.inputs.templating import BUILTIN
from conftest import REPO


def test_wheel_contains_templates(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("brief-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"brief/templates/{p.relative_to(BUILTIN).as_posix()}" for p in BUILTIN.rglob("*") if p.is_file()}
    assert "brief/templates/reference.docx" in expected
    assert "brief/templates/principal/audience.yaml" in expected
    expected |= {f"brief/fonts/{p.name}" for p in FONTS.iterdir() if p.suffix in (".ttf", ".txt")}
    assert "brief/fonts/LiberationSerif-Regular.ttf" in expected and "brief/fonts/OFL.txt" in expected
    from brief.authoring.starter import STARTER

    # The starter workspace `brief init` copies.
    expected |= {f"brief/starter/{p.relative_to(STARTER).as_posix()}" for p in STARTER.rglob("*") if p.is_file()}
    assert "brief/starter/briefs/example.md" in expected
    assert expected <= names, sorted(expected - names)


def test_help_does_not_import_renderers() -> None:
    code = (
        "import sys; from brief.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'docx', 'markdown')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
