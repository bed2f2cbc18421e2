"""The sample build's DOCX files opened by a real client: LibreOffice converts each audience's
DOCX to PDF, which must succeed, say what the memo is about and run about as long as the
WeasyPrint PDF of the same audience.

Needs ``soffice`` (Debian's libreoffice-writer-nogui, which ``./dev test`` installs); without it
the tests skip, except under CI, where they fail so a missing install is not mistaken for a pass.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from conftest import Built, words

TIMEOUT = 180  # seconds for one conversion; a first start of LibreOffice takes a few


@dataclass(frozen=True)
class Conversion:
    docx: Path
    weasyprint_pdf: Path
    pdf: Path
    returncode: int | None  # None when the conversion timed out
    output: str

    def describe(self) -> str:
        return f"soffice on {self.docx.name} exited {self.returncode}: {self.output.strip()}"


def convert(soffice: str, source: Path, outdir: Path) -> tuple[int | None, str]:
    """Convert `source` to PDF in `outdir`; the exit code (None on timeout) and what soffice said."""
    # LibreOffice lets one process use a profile: a second conversion with the same profile hands
    # its work to the first process and fails silently, so each conversion gets a fresh one.
    with tempfile.TemporaryDirectory(prefix="brief-soffice-profile-", ignore_cleanup_errors=True) as profile:
        command = [
            soffice, "--headless", "--norestore", f"-env:UserInstallation={Path(profile).as_uri()}",
            "--convert-to", "pdf", "--outdir", str(outdir), str(source),
        ]  # fmt: skip
        # A session of its own, so a timeout kills soffice.bin too and not just the wrapper script.
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        try:
            output, _ = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
            return None, f"timed out after {TIMEOUT} s\n{output}"
        return process.returncode, output


@pytest.fixture(scope="module")
def conversions(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[Conversion]:
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is not on PATH; CI must install libreoffice-writer-nogui (./dev test does)")
        pytest.skip("soffice is not on PATH; install libreoffice-writer-nogui (./dev test does as root)")
    # Only now build the sample, so a skip costs nothing.
    built: Built = request.getfixturevalue("sample_built")
    # Whatever audiences the sample has: the list grows with the sample.
    sources = sorted(built.out.glob("*.docx"))
    assert sources, f"the sample build wrote no DOCX files into {built.out}"
    outdirs = [tmp_path_factory.mktemp(f"soffice-{source.stem}") for source in sources]
    with ThreadPoolExecutor(max_workers=min(4, len(sources))) as pool:
        results = list(pool.map(lambda source, outdir: convert(soffice, source, outdir), sources, outdirs))
    return [
        Conversion(source, source.with_suffix(".pdf"), outdir / f"{source.stem}.pdf", returncode, output)
        for source, outdir, (returncode, output) in zip(sources, outdirs, results, strict=True)
    ]


def test_every_audience_converts_to_a_pdf(conversions: list[Conversion]) -> None:
    for conversion in conversions:
        assert conversion.returncode == 0, conversion.describe()
        # soffice exits 0 even when it cannot load the file, so the PDF itself is the proof.
        assert conversion.pdf.is_file() and conversion.pdf.stat().st_size > 0, conversion.describe()
        assert conversion.pdf.read_bytes().startswith(b"%PDF-"), conversion.describe()


def test_converted_pdf_says_what_the_memo_is_about(conversions: list[Conversion]) -> None:
    for conversion in conversions:
        props = docx.Document(str(conversion.docx)).core_properties
        assert props.title and props.subject, f"{conversion.docx.name} has no title or subject"
        text = " ".join(words("\n".join(page.extract_text() for page in PdfReader(conversion.pdf).pages)))
        # An action or information memo shows its subject, a public brief its title.
        shown = [field for field in (props.title, props.subject) if " ".join(words(field)) in text]
        assert shown, f"{conversion.pdf.name} shows neither {props.title!r} nor {props.subject!r}"


def test_converted_pdf_runs_as_long_as_the_weasyprint_pdf(conversions: list[Conversion]) -> None:
    counts = {c.docx.stem: (len(PdfReader(c.pdf).pages), len(PdfReader(c.weasyprint_pdf).pages)) for c in conversions}
    far = {audience: pages for audience, pages in counts.items() if abs(pages[0] - pages[1]) > 1}
    assert not far, f"(LibreOffice, WeasyPrint) page counts more than a page apart: {far}"
