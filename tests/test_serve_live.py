"""`brief serve` over a real socket on loopback: a headless Chromium clicks Build and downloads the
principal PDF (the page's script running under its Content-Security-Policy, and the memo preview
displayed, styles and charts, under its own), 200 concurrent downloads all arrive whole, and two
builds asked for at once run one after the other. Skips when Debian's chromium or Playwright is absent (`./dev test` installs both
on Debian)."""

from __future__ import annotations

import asyncio
import hashlib
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from brief.serve import create_app
from brief.workspace import Workspace
from conftest import copy_root

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    import uvicorn

    ws = copy_root("basic", tmp_path)
    port = _free_port()
    config = uvicorn.Config(create_app(Workspace.at(ws)), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "server did not start"
    yield f"http://127.0.0.1:{port}", ws
    running.should_exit = True
    thread.join(timeout=10)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_browser_builds_and_downloads_the_principal_pdf(server: tuple[str, Path], tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    url, ws = server
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        try:
            page = browser.new_page(accept_downloads=True)
            refused: list[str] = []  # the browser reports each thing a policy blocks on the console
            page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
            page.goto(url)
            assert page.get_by_role("heading", name="Westmere Port Security Options").is_visible()
            # The page's inline script runs under its policy: held back from posting, a submit shows progress.
            page.evaluate("document.querySelector('form.build-form').addEventListener('submit', e => e.preventDefault())")
            page.get_by_role("button", name="Build port-security").click()
            assert page.get_by_role("button", name="Building…").is_disabled()
            assert "Building: rendering every audience" in page.get_by_role("status").first.inner_text()
            page.reload()
            # click() waits for the navigation the form starts, so it returns once the build is done.
            page.get_by_role("button", name="Build port-security").click()
            page.wait_for_url("**/?built=port-security*", timeout=120_000)
            assert "Built at" in page.get_by_role("status").first.inner_text()
            with page.expect_download() as info:
                page.locator('a[href="/files/port-security/principal.pdf"]').click()
            download = info.value
            saved = tmp_path / download.suggested_filename
            download.save_as(saved)
            # The preview under its policy (no script, a sandbox): its inline CSS applies and its charts load.
            page.goto(f"{url}/files/port-security/staff.html")
            assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none"  # 46rem from the memo's <style>
            # Section heads at 12 pt (16px; a browser's own h2 is 1.5em), in title case as the memo writes them.
            assert page.evaluate("getComputedStyle(document.querySelector('h2')).fontSize") == "16px"
            assert page.evaluate("getComputedStyle(document.querySelector('h2')).textTransform") == "none"
            assert page.evaluate("document.querySelector('h2').textContent.trim()") == "Summary"
            assert page.evaluate("getComputedStyle(document.querySelector('.banner')).backgroundColor") == "rgb(242, 242, 242)"
            sizes = page.evaluate("Array.from(document.images, i => i.complete && i.naturalWidth)")
            assert sizes and all(sizes), "a chart did not load"
            assert refused == [], refused
        finally:
            browser.close()
    assert saved.name == "port-security-principal.pdf"
    assert saved.read_bytes() == (ws / "build" / "port-security" / "principal.pdf").read_bytes()


def test_two_hundred_concurrent_downloads(server: tuple[str, Path]) -> None:
    import httpx2 as httpx

    url, ws = server
    from brief.build.run import build

    build(Workspace.at(ws), formats=["pdf", "docx"])
    files = ["principal.pdf", "staff.pdf", "public.pdf", "staff.docx"]
    expected = {name: hashlib.sha256((ws / "build" / "port-security" / name).read_bytes()).hexdigest() for name in files}

    async def fetch_all() -> list[tuple[str, int, str]]:
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=0)
        async with httpx.AsyncClient(timeout=60, limits=limits) as client:

            async def one(index: int) -> tuple[str, int, str]:
                name = files[index % len(files)]
                response = await client.get(f"{url}/files/port-security/{name}")
                return name, response.status_code, hashlib.sha256(response.content).hexdigest()

            return await asyncio.gather(*(one(i) for i in range(200)))

    results = asyncio.run(fetch_all())
    assert len(results) == 200
    assert all(status == 200 for _, status, _ in results)
    assert all(digest == expected[name] for name, _, digest in results)


def test_concurrent_builds_are_serialised(server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Two real builds requested at once over the socket: both succeed, one after the other, and
    leave whole files. The server runs in this process, so counting the calls inside the build
    function sees whether the lock kept them apart (tests/test_serve.py checks the same in-process,
    with a stand-in build that waits for company)."""
    import httpx2 as httpx
    from pypdf import PdfReader

    from brief.build import run

    url, ws = server
    real = run.build
    count = threading.Lock()
    inside = [0]
    most = [0]

    def counted(*args: object, **kwargs: object) -> object:
        with count:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        try:
            return real(*args, **kwargs)
        finally:
            with count:
                inside[0] -= 1

    monkeypatch.setattr(run, "build", counted)  # the handler imports it per request

    async def both() -> list[int]:
        async with httpx.AsyncClient(timeout=180) as client:
            form = {"csrf_token": re.findall(r'name="csrf_token" value="([^"]+)"', (await client.get(url)).text)[0]}
            responses = await asyncio.gather(*(client.post(f"{url}/build/port-security", data=form) for _ in range(2)))
            return [r.status_code for r in responses]

    assert asyncio.run(both()) == [303, 303]
    assert most[0] == 1, "two builds ran at once"
    page = httpx.get(url).text
    assert "Build failed" not in page and "Built at" in page
    out = ws / "build" / "port-security"
    assert not list(out.glob(".*.tmp"))  # no half-written temporary files left behind
    for audience in ("principal", "staff", "public"):
        assert len(PdfReader(out / f"{audience}.pdf").pages) >= 1
