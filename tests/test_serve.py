"""`brief serve`, driven in-process: listing, builds, downloads, errors and path traversal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from brief.serve import create_app
from brief.workspace import Workspace
from conftest import copy_root


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return copy_root("basic", tmp_path)


@pytest.fixture
def client(ws: Path) -> TestClient:
    return TestClient(create_app(Workspace.at(ws)))


def test_listing_before_and_after_a_build(client: TestClient, ws: Path) -> None:
    page = client.get("/").text
    assert "Westmere Port Security Options" in page and "Whether to fund a shared scanning program" in page
    assert "2025-03-10 · 2 sources · 3 audiences" in page
    # Progress: a live status region per brief, which the page's script fills while a build runs.
    assert 'id="status-port-security" role="status" aria-live="polite"' in page and "Building…" in page
    assert page.count("not built") == 9
    response = client.post("/build/port-security", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/?built=port-security")
    page = client.get("/").text
    assert "not built" not in page
    assert 'href="/files/port-security/principal.pdf"' in page and "Download DOCX" in page and "Built at" in page


def test_downloads_carry_type_and_name(client: TestClient, ws: Path) -> None:
    client.post("/build/port-security")
    pdf = client.get("/files/port-security/principal.pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert 'filename="port-security-principal.pdf"' in pdf.headers["content-disposition"]
    assert pdf.content == (ws / "build" / "port-security" / "principal.pdf").read_bytes()
    docx = client.get("/files/port-security/staff.docx")
    assert docx.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    assert 'filename="port-security-staff.docx"' in docx.headers["content-disposition"]
    preview = client.get("/files/port-security/public.html")
    assert preview.headers["content-type"].startswith("text/html") and "attachment" not in preview.headers.get("content-disposition", "")


def test_failed_build_shows_the_error_and_keeps_previous_files(client: TestClient, ws: Path) -> None:
    client.post("/build/port-security")
    out = ws / "build" / "port-security"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    spec = ws / "briefs" / "port-security.md"
    spec.write_text(spec.read_text(encoding="utf-8").replace('figure("contraband-harbor-2024")', 'figure("nope")'), encoding="utf-8")
    page = client.post("/build/port-security").text
    assert "Build failed" in page
    assert "briefs/port-security.md:37: error: figure &#39;nope&#39; is not a figure of the brief&#39;s sources" in page
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize(
    "url",
    [
        "/files/../../etc/passwd",
        "/files/port-security/..%2F..%2Fbriefs%2Fport-security.pdf",
        "/files/%2e%2e/principal.pdf",
        "/files/port-security/%2Fetc%2Fpasswd.pdf",
        "/files/port-security/principal.md",
        "/files/Port-Security/principal.pdf",
        "/files/port-security/escape.pdf",
    ],
)
def test_nothing_outside_the_build_folder(client: TestClient, ws: Path, url: str) -> None:
    client.post("/build/port-security")
    outside = ws / "secret.pdf"
    outside.write_bytes(b"%PDF secret")
    os.symlink(outside, ws / "build" / "port-security" / "escape.pdf")
    assert client.get(url).status_code == 404


def test_unknown_brief_cannot_be_built(client: TestClient) -> None:
    assert client.post("/build/..%2Fetc").status_code == 404
    assert client.post("/build/nothing").status_code == 404
    assert client.get("/build/port-security").status_code == 405


def test_page_escapes_brief_text(client: TestClient, ws: Path) -> None:
    spec = ws / "briefs" / "port-security.md"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("title: Westmere Port Security Options", 'title: "<script>alert(1)</script>"'),
        encoding="utf-8",
    )
    page = client.get("/").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_serve_binds_loopback_and_warns_otherwise(monkeypatch: pytest.MonkeyPatch, ws: Path) -> None:
    import uvicorn

    from brief.serve import serve

    calls: list[tuple[str, int]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, log_level: calls.append((host, port)))
    warnings: list[str] = []
    serve(Workspace.at(ws), warn=warnings.append)
    assert calls == [("127.0.0.1", 8000)] and warnings == []
    serve(Workspace.at(ws), host="0.0.0.0", port=9000, warn=warnings.append)
    assert calls[-1] == ("0.0.0.0", 9000) and warnings and warnings[0].startswith("warning: serving on 0.0.0.0")
