"""The bundled fonts: the memos are set in them whatever fonts the machine has, the PDF fetcher
hands out those files and nothing else of the package, and the build fingerprint covers them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from brief import bundled_fonts as fonts
from brief.build.manifest import engine_fingerprint
from brief.charts.fonts import load_font, text_width
from brief.render.pdf import make_fetcher
from conftest import REPO, sample_workspace

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
BUNDLED = re.compile(r"^[A-Z]{6}\+brief-(Serif|Sans)(-Bold|-Italic|-BoldItalic)?$")


def dejavu_only(tmp_path: Path) -> dict[str, str]:
    """The environment of a machine whose fontconfig knows DejaVu and nothing else (with a cache
    folder of its own, so the system's cache is neither used nor written)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{DEJAVU}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return {"FONTCONFIG_FILE": str(conf)}


def build(ws: Path, extra_env: dict[str, str]) -> Path:
    """`brief build` of the sample's PDFs in a fresh process (fontconfig reads its configuration
    once per process), with a fixed SOURCE_DATE_EPOCH."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "SOURCE_DATE_EPOCH": "1700000000", **extra_env}
    result = subprocess.run(
        [sys.executable, "-m", "brief", "build", "--quiet", "--force", "--format", "pdf"], cwd=ws, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return ws / "build" / "us-mexico-security"


def pdf_fonts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines()[2:]]


NEEDS = pytest.mark.skipif(
    not DEJAVU.is_dir() or shutil.which("pdffonts") is None or shutil.which("fc-list") is None,
    reason="needs DejaVu, fontconfig and poppler",
)


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample's PDFs built twice: with the machine's fonts, and where fontconfig offers only
    DejaVu (no Liberation, no Times New Roman)."""
    tmp = tmp_path_factory.mktemp("fonts")
    bare = dejavu_only(tmp)
    families = subprocess.run(["fc-list", ":", "family"], env={**os.environ, **bare}, capture_output=True, text=True, check=True).stdout
    assert "DejaVu" in families and "Liberation" not in families, families  # the tests' premise
    (tmp / "usual").mkdir()
    (tmp / "without").mkdir()
    return build(sample_workspace(tmp / "usual"), {}), build(sample_workspace(tmp / "without"), bare)


@NEEDS
def test_the_pdfs_are_the_same_without_the_system_liberation_fonts(both: tuple[Path, Path]) -> None:
    """Every PDF of the sample, the principal memo first, is byte for byte the same whatever fonts
    the system has, and embeds only the bundled faces: no text fell back to a system font."""
    usual, without = both
    pdfs = sorted(p.name for p in usual.glob("*.pdf"))
    assert "principal.pdf" in pdfs and pdfs == sorted(p.name for p in without.glob("*.pdf"))
    for name in pdfs:
        assert (usual / name).read_bytes() == (without / name).read_bytes(), name
        embedded = pdf_fonts(without / name)
        assert embedded and all(BUNDLED.match(font) for font in embedded), (name, embedded)


@NEEDS
def test_the_principal_memo_holds_to_one_page_without_liberation(both: tuple[Path, Path]) -> None:
    """Without bundled fonts, a machine lacking Liberation set the memo in DejaVu: two pages."""
    _, without = both
    assert len(PdfReader(without / "principal.pdf").pages) == 1


def test_the_fetcher_hands_out_the_bundled_fonts_and_nothing_else_of_the_package(tmp_path: Path) -> None:
    fetcher = make_fetcher(tmp_path)
    for name in fonts.FACES.values():
        assert fetcher.fetch(f"brief-font:{name}").read() == (fonts.FOLDER / name).read_bytes()
    # Other files of the folder, paths out of it, and the folder by its file: URL stay closed.
    for url in (
        "brief-font:OFL.txt",
        "brief-font:__init__.py",
        "brief-font:../render/pdf.py",
        "brief-font:",
        (fonts.FOLDER / "LiberationSans-Regular.ttf").as_uri(),
    ):
        with pytest.raises(ValueError, match="does not fetch"):
            fetcher.fetch(url)


def test_every_face_the_stylesheet_names_ships_with_its_licence() -> None:
    css = (REPO / "src" / "brief" / "templates" / "memo.css").read_text(encoding="utf-8")
    named = re.findall(r'url\("brief-font:([^"]+)"\)', css)
    assert sorted(named) == sorted(fonts.FACES.values())
    assert all((fonts.FOLDER / name).is_file() for name in named)
    licence = (fonts.FOLDER / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Copyright (c) 2012 Red Hat, Inc." in licence
    # No text of the built-in stylesheet names a system family before the bundled one.
    for stack in re.findall(r"(?<![\w-])font(?:-family)?:\s*([^;]+);", css):
        assert "brief S" in stack.split(",")[0], stack


def test_charts_measure_with_the_bundled_sans() -> None:
    assert Path(load_font(False, 100).path) == fonts.font_file(fonts.SANS)
    assert Path(load_font(True, 100).path) == fonts.font_file(fonts.SANS, bold=True)
    assert text_width("Mexico", 10, bold=True) > text_width("Mexico", 10) > 0


def test_the_build_fingerprint_reads_the_font_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new font file changes every memo's layout, so it must make every memo stale."""
    read: list[Path] = []
    original = Path.read_bytes

    def recording(self: Path) -> bytes:
        read.append(self.resolve())
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", recording)
    engine_fingerprint.cache_clear()
    try:
        engine_fingerprint()
    finally:
        engine_fingerprint.cache_clear()
    shipped = {path.resolve() for path in fonts.FOLDER.iterdir() if path.suffix in (".ttf", ".txt")}
    assert len(shipped) == 9 and shipped <= set(read)


def test_the_docx_names_fonts_word_has_with_the_bundled_twins_as_alternatives() -> None:
    """Word has Times New Roman and Arial everywhere; LibreOffice substitutes their metric twins,
    the Liberation faces the PDF is set in; the font table says which twin stands for which."""
    import docx
    from docx.oxml.ns import qn

    from brief.inputs.templating import BUILTIN

    document = docx.Document(str(BUILTIN / "reference.docx"))
    assert document.styles["Normal"].font.name == "Times New Roman"
    named = {f.get(qn("w:ascii")) for f in document.styles.element.iter(qn("w:rFonts"))}
    assert named <= {"Times New Roman", "Arial", "Courier"}, named
    table = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    alternatives = {
        font.get(qn("w:name")): font.find(qn("w:altName")).get(qn("w:val"))
        for font in docx.oxml.parse_xml(table.blob).findall(qn("w:font"))
        if font.find(qn("w:altName")) is not None
    }
    assert alternatives == {"Times New Roman": "Liberation Serif", "Arial": "Liberation Sans"}


def test_a_build_leaves_no_copied_fonts_in_the_temporary_folder(tmp_path: Path) -> None:
    """WeasyPrint copies the memos' @font-face fonts into a temporary folder per document and
    removes it only when its font configuration is collected; the renderer removes it itself, so
    builds do not fill the temporary folder (four memos left about 12 MB each time)."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    (tmp_path / "ws").mkdir()
    built = build(sample_workspace(tmp_path / "ws"), {"TMPDIR": str(scratch)})
    assert (built / "principal.pdf").is_file()
    assert not [p.name for p in scratch.iterdir() if p.name.startswith("weasyprint-")]
