"""The faster footnote area lays out pages exactly as WeasyPrint's own method does."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.render import footnote_area
from conftest import Built

NOTE = "with a note long enough to wrap onto a second line of the footnote area"


def _render(html: Path, patched: bool) -> tuple[int, bytes]:
    import weasyprint

    footnote_area.install() if patched else footnote_area.uninstall()
    try:
        document = weasyprint.HTML(filename=str(html), base_url=str(html.parent)).render()
        return len(document.pages), bytes(document.write_pdf(pdf_identifier=b"0" * 32))
    finally:
        footnote_area.install()


def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the notes the fast path lays out."""
    calls: list[int] = []
    real = footnote_area._note_height

    def counting(*args: object) -> float:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(footnote_area, "_note_height", counting)
    return calls


def page(tmp_path: Path, style: str, body: str) -> Path:
    html = tmp_path / "notes.html"
    html.write_text(f"<html><head><style>{style}</style></head><body>{body}</body></html>", encoding="utf-8")
    return html


@pytest.mark.parametrize("audience", ["staff", "public", "principal"])
def test_same_pdf_as_weasyprint_alone(sample_built: Built, audience: str) -> None:
    html = sample_built.out / f"{audience}.html"
    assert "float: footnote" in html.read_text(encoding="utf-8")
    assert _render(html, patched=True) == _render(html, patched=False)


def test_many_notes_per_page_match(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "".join(f'<p>Claim {i} holds.<span class="fn">Source {i}: “{NOTE}, {i * "x"}”.</span></p>' for i in range(60))
    html = page(tmp_path, "@page { size: A5 } .fn { float: footnote; font-size: 8pt }", body)
    calls = counted(monkeypatch)
    pages, pdf = _render(html, patched=True)
    assert pages > 2
    assert 60 <= len(calls) < 120  # each note laid out about once, not once per note before it
    assert (pages, pdf) == _render(html, patched=False)


def test_falls_back_when_notes_have_margins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "".join(f'<p>Claim {i}.<span class="fn">Source {i}, {NOTE}.</span></p>' for i in range(40))
    html = page(tmp_path, "@page { size: A6 } .fn { float: footnote; margin-top: 6pt }", body)
    calls = counted(monkeypatch)
    assert _render(html, patched=True) == _render(html, patched=False)
    assert not calls  # margins between notes: WeasyPrint's own method did the work
