"""`brief serve`, driven in-process: listing, builds, downloads, errors, the file guard part by part
(each test URL reaches the handler, so the guard and not the router refuses it) and the build lock."""

from __future__ import annotations

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


@pytest.fixture
def planted(ws: Path) -> Path:
    """A build folder holding one servable file and, beside it, a trap for each part of the file guard:
    each trap is a URL that the router hands to the download handler and that names something readable,
    so only that part of the guard stands between the request and the file."""
    out = ws / "build" / "port-security"
    out.mkdir(parents=True)
    (out / "principal.pdf").write_bytes(b"%PDF principal")
    # Name and audience shapes: real files inside the build folder, but not named like briefs or audiences.
    (ws / "build" / "Port-Security").mkdir()
    (ws / "build" / "Port-Security" / "principal.pdf").write_bytes(b"%PDF upper")
    (out / ".draft.pdf").write_bytes(b"%PDF hidden")
    # Extensions: files a build leaves in the folder (figures.json) or someone might, which are not memos.
    (out / "figures.json").write_text("{}", encoding="utf-8")
    (out / "principal.md").write_text("# source", encoding="utf-8")
    # Outside the build folder, reached through symlinks that sit inside it: a file, and a whole brief folder.
    (ws / "secret.pdf").write_bytes(b"%PDF secret")
    (out / "escape.pdf").symlink_to(ws / "secret.pdf")
    (ws / "build" / "link").symlink_to("..", target_is_directory=True)
    # A directory named like a file.
    (out / "folder.pdf").mkdir()
    return ws


# (URL, the path parameters the handler sees): each routes to the download handler, and each names
# something that exists, so a 404 can only come from the guard.
TRAPS = {
    "name-uppercase": ("/files/Port-Security/principal.pdf", ("Port-Security", "principal", "pdf")),
    "audience-hidden": ("/files/port-security/.draft.pdf", ("port-security", ".draft", "pdf")),
    "ext-json": ("/files/port-security/figures.json", ("port-security", "figures", "json")),
    "ext-md": ("/files/port-security/principal.md", ("port-security", "principal", "md")),
    "symlinked-file": ("/files/port-security/escape.pdf", ("port-security", "escape", "pdf")),
    "symlinked-folder": ("/files/link/secret.pdf", ("link", "secret", "pdf")),
    "dot-dot-name": ("/files/%2e%2e/secret.pdf", ("..", "secret", "pdf")),  # both the name check and containment refuse it
    "directory": ("/files/port-security/folder.pdf", ("port-security", "folder", "pdf")),
}


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """The guard's arguments, each time the download handler (or the listing) consults it."""
    from brief import serve

    seen: list[tuple[str, str, str]] = []
    guard = serve._built_file

    def recording(workspace: Workspace, name: str, audience: str, ext: str) -> Path | None:
        seen.append((name, audience, ext))
        return guard(workspace, name, audience, ext)

    monkeypatch.setattr(serve, "_built_file", recording)
    return seen


def test_the_guard_serves_a_built_file(planted: Path, calls: list[tuple[str, str, str]]) -> None:
    # The control for the traps below: the fixture's own file is served, so their 404s are refusals.
    response = TestClient(create_app(Workspace.at(planted))).get("/files/port-security/principal.pdf")
    assert response.status_code == 200 and response.content == b"%PDF principal"
    assert calls == [("port-security", "principal", "pdf")]


@pytest.mark.parametrize(("url", "params"), TRAPS.values(), ids=TRAPS.keys())
def test_the_guard_refuses_what_routing_lets_through(
    planted: Path, calls: list[tuple[str, str, str]], url: str, params: tuple[str, str, str]
) -> None:
    # Server errors come back as responses, so serving a trap reads as 200 (or 500) against 404.
    client = TestClient(create_app(Workspace.at(planted)), raise_server_exceptions=False)
    response = client.get(url)
    assert calls == [params], "the URL did not reach the guard"
    assert (response.status_code, response.text) == (404, "not found")


@pytest.mark.parametrize("params", [params for _, params in TRAPS.values()], ids=TRAPS.keys())
def test_built_file_refuses_each_trap(planted: Path, params: tuple[str, str, str]) -> None:
    from brief.serve import _built_file

    workspace = Workspace.at(planted)
    assert _built_file(workspace, "port-security", "principal", "pdf") == (planted / "build" / "port-security" / "principal.pdf").resolve()
    assert _built_file(workspace, *params) is None


@pytest.mark.parametrize(
    "url",
    [
        "/files/../../etc/passwd",
        "/files/port-security/..%2F..%2Fbriefs%2Fport-security.pdf",
        "/files/port-security/%2Fetc%2Fpasswd.pdf",
        "/files/%2e%2e/%2e%2e/etc/passwd.pdf",
    ],
)
def test_traversal_with_slashes_never_routes(planted: Path, calls: list[tuple[str, str, str]], url: str) -> None:
    # The client folds the dot segments and Starlette matches path parameters without slashes, so these
    # never reach the guard: this pins the router's share, the tests above pin the guard's.
    assert TestClient(create_app(Workspace.at(planted))).get(url).status_code == 404
    assert calls == []


def test_builds_run_one_at_a_time(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two build requests at once: the lock makes the second wait for the first. A stand-in build
    counts the calls inside it and waits for a second call to join it; with the lock none can, so
    each call waits its half second out alone, and without the lock the two meet at once."""
    import asyncio
    import threading
    from types import SimpleNamespace

    import httpx2 as httpx

    count = threading.Lock()
    inside = most = entered = 0
    joined = threading.Event()

    def stand_in(workspace: Workspace, names: list[str]) -> SimpleNamespace:
        nonlocal inside, most, entered
        with count:
            inside += 1
            entered += 1
            most = max(most, inside)
            if inside > 1:
                joined.set()
        joined.wait(0.5)
        with count:
            inside -= 1
        return SimpleNamespace(warnings=[])  # all the handler reads of a build report

    monkeypatch.setattr("brief.build.run.build", stand_in)
    app = create_app(Workspace.at(ws))

    async def both() -> list[int]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
            responses = await asyncio.gather(*(client.post("/build/port-security") for _ in range(2)))
            return [r.status_code for r in responses]

    assert asyncio.run(both()) == [303, 303]
    assert (entered, most) == (2, 1), "two builds ran at once"


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


def test_a_build_with_warnings_shows_them_with_their_codes(client: TestClient, ws: Path) -> None:
    # The page reports what `brief build` prints: here a rule the workspace turned into a warning.
    (ws / "brief.toml").write_text('[rules]\n"memo/decision-date" = "warning"\n', encoding="utf-8")
    spec = ws / "briefs" / "port-security.md"
    spec.write_text(spec.read_text(encoding="utf-8").replace("decision_due: 2025-03-17", "decision_due: 2025-03-12"), encoding="utf-8")
    page = client.post("/build/port-security").text
    assert "Built at" in page and "Build failed" not in page
    assert 'class="warning"' in page and "warning: decision_due 2025-03-12 is less than five business days" in page
    assert "[memo/decision-date]" in page
