"""`brief serve`, driven in-process: listing, builds, downloads, errors, the file guard part by part
(each test URL reaches the handler, so the guard and not the router refuses it), the build lock, and
the guards against other sites: Origin, Sec-Fetch-Site, the form token, the Host check, the security
headers, and downloads sent from one open file."""

from __future__ import annotations

import re
from pathlib import Path

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from brief.serve import create_app
from brief.workspace import Workspace
from conftest import copy_root


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return copy_root("basic", tmp_path)


BASE = "http://127.0.0.1:8000"  # TestClient's default Host, `testserver`, is refused like any foreign name


@pytest.fixture
def client(ws: Path) -> TestClient:
    return TestClient(create_app(Workspace.at(ws)), base_url=BASE)


def token(client: TestClient) -> str:
    """The form token, as the page puts it in each build form."""
    found = re.search(r'<input type="hidden" name="csrf_token" value="([^"]+)">', client.get("/").text)
    assert found, "the page has no build form with a token"
    return found.group(1)


def post_build(client: TestClient, name: str, follow_redirects: bool = True) -> httpx.Response:
    """POST a build as a browser sends the page's form: the token in the form, from the page's own origin."""
    headers = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}
    return client.post(f"/build/{name}", data={"csrf_token": token(client)}, headers=headers, follow_redirects=follow_redirects)


def test_listing_before_and_after_a_build(client: TestClient, ws: Path) -> None:
    page = client.get("/").text
    assert "Westmere Port Security Options" in page and "Whether to fund a shared scanning program" in page
    assert "2025-03-10 · 2 sources · 3 audiences" in page
    # Progress: a live status region per brief, which the page's script fills while a build runs.
    assert 'id="status-port-security" role="status" aria-live="polite"' in page and "Building…" in page
    assert page.count("not built") == 9
    response = post_build(client, "port-security", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/?built=port-security")
    page = client.get("/").text
    assert "not built" not in page
    assert 'href="/files/port-security/principal.pdf"' in page and "Download DOCX" in page and "Built at" in page


def test_downloads_carry_type_and_name(client: TestClient, ws: Path) -> None:
    post_build(client, "port-security")
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
    post_build(client, "port-security")
    out = ws / "build" / "port-security"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    spec = ws / "briefs" / "port-security.md"
    spec.write_text(spec.read_text(encoding="utf-8").replace('figure("contraband-harbor-2024")', 'figure("nope")'), encoding="utf-8")
    page = post_build(client, "port-security").text
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
    response = TestClient(create_app(Workspace.at(planted)), base_url=BASE).get("/files/port-security/principal.pdf")
    assert response.status_code == 200 and response.content == b"%PDF principal"
    assert calls == [("port-security", "principal", "pdf")]


@pytest.mark.parametrize(("url", "params"), TRAPS.values(), ids=TRAPS.keys())
def test_the_guard_refuses_what_routing_lets_through(
    planted: Path, calls: list[tuple[str, str, str]], url: str, params: tuple[str, str, str]
) -> None:
    # Server errors come back as responses, so serving a trap reads as 200 (or 500) against 404.
    client = TestClient(create_app(Workspace.at(planted)), base_url=BASE, raise_server_exceptions=False)
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
    assert TestClient(create_app(Workspace.at(planted)), base_url=BASE).get(url).status_code == 404
    assert calls == []


def test_builds_run_one_at_a_time(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two build requests at once: the lock makes the second wait for the first. A stand-in build
    counts the calls inside it and waits for a second call to join it; with the lock none can, so
    each call waits its half second out alone, and without the lock the two meet at once."""
    import asyncio
    import threading
    from types import SimpleNamespace

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
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE) as client:
            form = {"csrf_token": re.findall(r'name="csrf_token" value="([^"]+)"', (await client.get("/")).text)[0]}
            responses = await asyncio.gather(*(client.post("/build/port-security", data=form) for _ in range(2)))
            return [r.status_code for r in responses]

    assert asyncio.run(both()) == [303, 303]
    assert (entered, most) == (2, 1), "two builds ran at once"


def test_unknown_brief_cannot_be_built(client: TestClient) -> None:
    form = {"csrf_token": token(client)}
    assert client.post("/build/..%2Fetc", data=form).status_code == 404
    assert client.post("/build/nothing", data=form).status_code == 404
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
    page = post_build(client, "port-security").text
    assert "Built at" in page and "Build failed" not in page
    assert 'class="warning"' in page and "warning: decision_due 2025-03-12 is less than five business days" in page
    assert "[memo/decision-date]" in page


# Other sites: a page elsewhere that the user's browser visits must not drive this one.


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The briefs of each build the server starts, run by a stand-in that builds nothing."""
    from types import SimpleNamespace

    seen: list[list[str]] = []

    def stand_in(workspace: Workspace, names: list[str]) -> SimpleNamespace:
        seen.append(names)
        return SimpleNamespace(warnings=[])

    monkeypatch.setattr("brief.build.run.build", stand_in)
    return seen


def test_a_post_from_the_page_builds(client: TestClient, builds: list[list[str]]) -> None:
    # The control for the refusals below: the same request with the page's token and origin builds.
    response = post_build(client, "port-security", follow_redirects=False)
    assert response.status_code == 303 and builds == [["port-security"]]
    # Without Origin and Sec-Fetch-Site (a browser that sends neither, or a script), the token suffices.
    assert client.post("/build/port-security", data={"csrf_token": token(client)}, follow_redirects=False).status_code == 303
    # A navigation typed into the address bar says `none`.
    form, headers = {"csrf_token": token(client)}, {"Sec-Fetch-Site": "none"}
    assert client.post("/build/port-security", data=form, headers=headers, follow_redirects=False).status_code == 303
    assert len(builds) == 3


@pytest.mark.parametrize(
    "origin", ["http://evil.example", "null", "http://127.0.0.1:9000", "https://127.0.0.1:8000", "http://localhost:8000"]
)
def test_a_post_from_another_origin_is_refused(client: TestClient, builds: list[list[str]], origin: str) -> None:
    # The token is right (another site cannot read it, but the Origin check must not rely on that).
    response = client.post("/build/port-security", data={"csrf_token": token(client)}, headers={"Origin": origin})
    assert response.status_code == 403 and response.text.startswith("refused: a request from another site")
    assert builds == []


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_post_that_the_browser_calls_cross_site_is_refused(client: TestClient, builds: list[list[str]], site: str) -> None:
    response = client.post("/build/port-security", data={"csrf_token": token(client)}, headers={"Sec-Fetch-Site": site})
    assert response.status_code == 403 and f"Sec-Fetch-Site: {site}" in response.text
    assert builds == []


@pytest.mark.parametrize(
    "form", [{}, {"csrf_token": ""}, {"csrf_token": "x" * 43}, {"token": "anything"}], ids=["none", "empty", "wrong", "other-field"]
)
def test_a_post_without_the_pages_token_is_refused(client: TestClient, builds: list[list[str]], form: dict[str, str]) -> None:
    headers = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}
    response = client.post("/build/port-security", data=form, headers=headers)
    assert response.status_code == 403 and "form token" in response.text
    assert builds == []


def test_the_token_belongs_to_one_server(ws: Path, builds: list[list[str]]) -> None:
    # Another server's token (a page left open across a restart) is refused: the token is random per app.
    first, second = (TestClient(create_app(Workspace.at(ws)), base_url=BASE) for _ in range(2))
    assert token(first) != token(second)
    assert second.post("/build/port-security", data={"csrf_token": token(first)}).status_code == 403
    assert builds == []


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost", "localhost:80", "LocalHost:8000", "[::1]", "[::1]:8000"])
def test_loopback_host_names_are_answered(ws: Path, host: str) -> None:
    response = TestClient(create_app(Workspace.at(ws)), base_url=BASE).get("/", headers={"Host": host})
    assert response.status_code == 200 and "Westmere Port Security Options" in response.text


@pytest.mark.parametrize(
    "host",
    [
        "testserver",
        "evil.example",
        "evil.example:8000",
        "127.0.0.1.evil.example",
        "localhost.evil.example",
        "192.168.1.5:8000",
        "::1",
        "[::1",
        "127.0.0.1:x",
    ],
)
def test_other_host_names_are_refused(ws: Path, builds: list[list[str]], host: str) -> None:
    """DNS rebinding: a page at evil.example whose name now points at 127.0.0.1 reaches this server
    as same-origin to itself, but its requests say `Host: evil.example`."""
    client = TestClient(create_app(Workspace.at(ws)), base_url=BASE)
    form = {"csrf_token": token(client)}
    for response in (
        client.get("/", headers={"Host": host}),
        client.get("/files/port-security/principal.pdf", headers={"Host": host}),
        client.post("/build/port-security", data=form, headers={"Host": host}),
    ):
        assert response.status_code == 400 and response.text.startswith("bad request: this server answers only to")
    assert builds == []


def test_the_host_given_to_create_app_is_answered(ws: Path) -> None:
    app = create_app(Workspace.at(ws), hosts=["192.168.1.5", "fe80::1"])
    for base in ("http://192.168.1.5:8000", "http://[fe80::1]:8000", BASE):
        assert TestClient(app, base_url=base).get("/").status_code == 200, base
    assert TestClient(app, base_url="http://192.168.1.6:8000").get("/").status_code == 400
    assert TestClient(create_app(Workspace.at(ws)), base_url="http://192.168.1.5:8000").get("/").status_code == 400


def test_serve_answers_to_the_host_it_binds(monkeypatch: pytest.MonkeyPatch, ws: Path) -> None:
    import uvicorn

    from brief.serve import serve

    apps: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, log_level: apps.append(app))
    serve(Workspace.at(ws), warn=lambda message: None)
    serve(Workspace.at(ws), host="192.168.1.5", warn=lambda message: None)
    loopback, lan = (TestClient(app, base_url="http://192.168.1.5:8000") for app in apps)
    assert (loopback.get("/").status_code, lan.get("/").status_code) == (400, 200)


# Headers: every response says nosniff, no framing, no referrer, and carries a policy.

COMMON = {"x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer"}


def test_every_response_carries_the_security_headers(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from brief import serve

    client = TestClient(create_app(Workspace.at(ws)), base_url=BASE, raise_server_exceptions=False)
    responses = {
        "page": client.get("/"),
        "redirect": post_build(client, "port-security", follow_redirects=False),
        "pdf": client.get("/files/port-security/principal.pdf"),
        "docx": client.get("/files/port-security/staff.docx"),
        "preview": client.get("/files/port-security/public.html"),
        "head": client.head("/files/port-security/principal.pdf"),
        "not-found": client.get("/files/port-security/nobody.pdf"),
        "no-route": client.get("/nowhere"),
        "wrong-method": client.get("/build/port-security"),
        "forbidden": client.post("/build/port-security"),
        "bad-host": client.get("/", headers={"Host": "evil.example"}),
    }
    monkeypatch.setattr(serve, "_listing", lambda workspace: 1 / 0)
    responses["server-error"] = client.get("/")
    expected = {
        "page": 200, "redirect": 303, "pdf": 200, "docx": 200, "preview": 200, "head": 200, "not-found": 404,
        "no-route": 404, "wrong-method": 405, "forbidden": 403, "bad-host": 400, "server-error": 500,
    }  # fmt: skip
    assert {kind: r.status_code for kind, r in responses.items()} == expected
    for kind, response in responses.items():
        # The page's referrer goes to this server only: under no-referrer its form would post `Origin: null`.
        common = {**COMMON, "referrer-policy": "same-origin"} if kind == "page" else COMMON
        assert {key: response.headers.get(key) for key in COMMON} == common, kind
        assert len(response.headers.get_list("referrer-policy")) == 1, kind
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy and "base-uri 'none'" in policy, kind
        assert len(response.headers.get_list("content-security-policy")) == 1, kind
        if kind not in ("page", "preview"):
            assert policy == "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'", kind


def _directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def test_the_page_allows_only_its_own_script_and_style(client: TestClient) -> None:
    first, second = client.get("/"), client.get("/")
    policy = _directives(first.headers["content-security-policy"])
    nonce = re.fullmatch(r"'nonce-([A-Za-z0-9_-]{16,})'", policy["script-src"][0])
    assert nonce and policy["script-src"] == policy["style-src"] == [f"'nonce-{nonce.group(1)}'"]
    assert policy["default-src"] == ["'none'"] and policy["form-action"] == ["'self'"] and policy["frame-ancestors"] == ["'none'"]
    # Each inline block carries the nonce, and there are no others (nor inline handlers) it would block.
    assert first.text.count(f'<script nonce="{nonce.group(1)}">') == 1 and first.text.count("<script") == 1
    assert first.text.count(f'<style nonce="{nonce.group(1)}">') == 1 and first.text.count("<style") == 1
    assert not re.search(r"\son[a-z]+=|style=", first.text)
    assert second.headers["content-security-policy"] != first.headers["content-security-policy"], "the nonce is reused"


def test_the_memo_preview_may_run_no_script(client: TestClient, ws: Path) -> None:
    post_build(client, "port-security")
    for audience in ("principal", "staff", "public"):
        response = client.get(f"/files/port-security/{audience}.html")
        policy = _directives(response.headers["content-security-policy"])
        assert "script-src" not in policy and "script-src-elem" not in policy and policy["default-src"] == ["'none'"]
        assert policy["sandbox"] == [], "sandbox without allow-scripts"
        assert policy["style-src"] == ["'unsafe-inline'"] and policy["img-src"] == ["data:"]
        # What the memo needs is what the policy allows: inline CSS, and images (the charts) as data: URLs.
        memo = response.text
        assert "<style>" in memo and "<script" not in memo and "<link" not in memo
        images = re.findall(r'<img[^>]*\ssrc="([^"]*)"', memo)
        assert all(src.startswith("data:image/") for src in images) and (audience == "principal" or images)


def test_the_page_shows_no_absolute_path(client: TestClient, ws: Path) -> None:
    # A brief that cannot be read (its error in the listing), a failed build (its diagnostics), and the title.
    (ws / "briefs" / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    spec = ws / "briefs" / "port-security.md"
    spec.write_text(spec.read_text(encoding="utf-8").replace('figure("contraband-harbor-2024")', 'figure("nope")'), encoding="utf-8")
    page = post_build(client, "port-security").text
    assert "Build failed" in page and 'id="title-broken"' in page
    assert "briefs/port-security.md:37: error" in page and "briefs/broken.md" in page
    assert "<title>brief: memos in basic</title>" in page and "<h1>Memos in basic</h1>" in page
    for absolute in {str(ws), str(ws.resolve()), str(Path.home())}:
        assert absolute not in page


def test_a_brief_whose_file_name_is_not_a_slug_has_no_build_button(client: TestClient, ws: Path) -> None:
    # Listed with a note and without a form: its name could not be posted to /build/<name>.
    spec = (ws / "briefs" / "port-security.md").read_text(encoding="utf-8")
    for name in ("Port Security.md", "port_security_v2 (copy).md", "-draft.md"):
        (ws / "briefs" / name).write_text(spec, encoding="utf-8")
    page = client.get("/").text
    assert re.findall(r'<form method="post" action="([^"]+)"', page) == ["/build/port-security"]
    for name in ("Port Security.md", "port_security_v2 (copy).md", "-draft.md"):
        assert f'<h2>{name}</h2>\n<p class="note">Not buildable from this page: a brief\'s file name must be a slug' in page


def test_a_download_is_the_file_that_was_opened(ws: Path) -> None:
    """A build renames a new file over the memo just after the download started: the download is still
    the old file, whole, and as long as it said. The rename happens when the response starts (the app's
    first message), before any of the body is read, so it is deterministic."""
    import os

    out = ws / "build" / "port-security"
    out.mkdir(parents=True)
    old, new = os.urandom(300_000), os.urandom(500_000)  # several chunks each; the new one longer
    (out / "principal.pdf").write_bytes(old)
    app = create_app(Workspace.at(ws))

    async def renaming(scope: Scope, receive: Receive, send: Send) -> None:
        async def on_start(message: Message) -> None:
            if message["type"] == "http.response.start":
                (out / ".principal.pdf.tmp").write_bytes(new)
                (out / ".principal.pdf.tmp").replace(out / "principal.pdf")
            await send(message)

        await app(scope, receive, on_start)

    with TestClient(renaming, base_url=BASE).stream("GET", "/files/port-security/principal.pdf") as response:
        assert response.status_code == 200 and int(response.headers["content-length"]) == len(old)
        assert (out / "principal.pdf").read_bytes() == new, "the rename happened before the body was read"
        body = b"".join(response.iter_raw())
    assert body == old
    # And the next download is the new file.
    assert TestClient(app, base_url=BASE).get("/files/port-security/principal.pdf").content == new


def test_a_head_request_sends_the_length_and_no_body(client: TestClient, ws: Path) -> None:
    out = ws / "build" / "port-security"
    out.mkdir(parents=True)
    (out / "principal.pdf").write_bytes(b"%PDF 12345")
    response = client.head("/files/port-security/principal.pdf")
    assert response.status_code == 200 and response.headers["content-length"] == "10" and response.content == b""


def test_the_open_file_is_rechecked(tmp_path: Path) -> None:
    """What the download handler opens is checked again on the open file: a directory, a FIFO (which
    would block the open) or a symlink put in place after the guard looked is not served."""
    import os

    from brief.serve import _open_regular

    (tmp_path / "memo.pdf").write_bytes(b"%PDF memo")
    (tmp_path / "folder.pdf").mkdir()
    os.mkfifo(tmp_path / "fifo.pdf")
    (tmp_path / "link.pdf").symlink_to(tmp_path / "memo.pdf")
    opened = _open_regular(tmp_path / "memo.pdf")
    assert opened is not None and opened[1] == 9 and opened[0].read() == b"%PDF memo"
    opened[0].close()
    for name in ("folder.pdf", "fifo.pdf", "link.pdf", "absent.pdf"):
        assert _open_regular(tmp_path / name) is None, name
