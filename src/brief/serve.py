"""``brief serve``: a local web page to browse briefs, build them and download their memos.

Stage: a front end over :mod:`brief.build`, beside the CLI. :func:`create_app` returns a Starlette application
that tests drive in-process; :func:`serve` runs it with uvicorn, bound to 127.0.0.1 unless told
otherwise. Only files under the build folder are served, after resolving symlinks, and only names
shaped like brief and audience names; everything else is 404. Builds are serialised by a lock, and
a failed build leaves the previous files in place (the build writes nothing until all succeeded).

The page is for the person at this machine, not for other sites their browser visits: requests
addressed to a host name other than loopback (or the address the server was told to bind) are
refused, which stops DNS rebinding; a build must come from the page itself (its Origin and
Sec-Fetch-Site, and a per-process token in the form); and every response carries a
Content-Security-Policy, nosniff, no framing and no referrer. A download is sent from one open file,
so a build renaming a new file into place meanwhile changes neither its bytes nor its length.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import parse_qs

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from brief.diagnostics import Diagnostic
from brief.errors import BriefError
from brief.inputs.spec import load_spec
from brief.inputs.templating import BUILTIN
from brief.workspace import Workspace

NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,80}$")  # used with fullmatch: `$` alone lets a trailing newline through
MEDIA = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")  # as they appear in a Host header
TOKEN_FIELD = "csrf_token"
FORM_LIMIT = 4096  # bytes of a build form: one token

# Every response: no MIME sniffing, no framing, no referrer. Responses that set no policy of their
# own (downloads, errors, redirects) get one that allows nothing at all. The page itself sends
# PAGE_REFERRER_POLICY instead of no-referrer: under no-referrer a browser sends `Origin: null` with
# the page's own form, which the Origin check must refuse.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}
# The HTML memo holds text from sources: no script at all (sandbox, and default-src 'none'), only its
# inline CSS and its charts, which are data: URLs.
PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"
)
PAGE_REFERRER_POLICY = "same-origin"  # a referrer (and a real Origin) to this server only; none to any other site


def page_csp(nonce: str) -> str:
    """The page's policy: its own inline script and style (by nonce, new each response), forms to itself."""
    return (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


@dataclass(frozen=True)
class BuildResult:
    """What the page says about the last build of a brief."""

    ok: bool
    diagnostics: list[Diagnostic]  # its errors when it failed, else its warnings
    seconds: float
    when: str


@dataclass
class BuildState:
    lock: threading.Lock = field(default_factory=threading.Lock)
    results: dict[str, BuildResult] = field(default_factory=dict)


def _built_file(workspace: Workspace, name: str, audience: str, ext: str) -> Path | None:
    """The built file, or None for anything that is not a file inside the build folder."""
    if not (NAME.fullmatch(name) and NAME.fullmatch(audience) and ext in MEDIA):
        return None
    root = workspace.build.resolve()
    path = (root / name / f"{audience}.{ext}").resolve()  # resolve() follows symlinks out of the folder
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


def _open_regular(path: Path) -> tuple[BinaryIO, int] | None:
    """The file at `path` opened once, with its length from that open file; None unless it is a regular
    file. Not following a last symlink, and not blocking on a FIFO, in case the folder changed since
    :func:`_built_file` looked."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            return None
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb"), info.st_size


class OpenFileResponse(Response):
    """A response streamed from a file already open, `size` bytes long (its fstat length): a new file
    renamed over the path meanwhile is a different file, so it cannot change what is sent. The file is
    closed when the response ends, however it ends."""

    chunk_size = 64 * 1024

    def __init__(self, file: BinaryIO, size: int, media_type: str, headers: dict[str, str]) -> None:
        self.file, self.size = file, size
        super().__init__(media_type=media_type, headers={**headers, "content-length": str(size)})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
            left = 0 if scope.get("method") == "HEAD" else self.size
            while left > 0:
                chunk = await run_in_threadpool(self.file.read, min(self.chunk_size, left))
                if not chunk:  # truncated in place (a build renames, it never does this): end the connection short
                    raise OSError(f"{self.file.name}: file shrank while it was being sent")
                left -= len(chunk)
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            self.file.close()


def _split_host(value: str) -> tuple[str, int | None] | None:
    """`name[:port]` of a Host header or an origin, lower-cased, IPv6 in brackets; None if malformed."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return None
        name, rest = value[: end + 1], value[end + 1 :]
    else:
        name, colon, port = value.partition(":")
        rest = colon + port
    if not name or (rest and not (rest[0] == ":" and rest[1:].isdigit() and len(rest) <= 6)):
        return None
    return name, int(rest[1:]) if rest else None


def _host_names(hosts: Iterable[str]) -> frozenset[str]:
    """The Host header names the server answers to: loopback, and each address it was told to bind."""
    names = set(LOOPBACK_HOSTS)
    for host in hosts:
        host = host.strip().lower()
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"  # an IPv6 address, as a Host header writes it
        names.add(host)
    return frozenset(names)


def _header(scope: Scope, name: bytes) -> list[str]:
    return [value.decode("latin-1") for key, value in scope["headers"] if key == name]


def _add_security_headers(message: Message) -> None:
    headers = list(message.get("headers", []))
    present = {key.lower() for key, _ in headers}
    headers += [(key.encode(), value.encode()) for key, value in SECURITY_HEADERS.items() if key.encode() not in present]
    message["headers"] = headers


class Guard:
    """ASGI middleware: refuse a request addressed to an unknown host (400) and add the security
    headers to every response that does not set its own."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app, self.hosts = app, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                _add_security_headers(message)
            await send(message)

        host = _header(scope, b"host")
        parsed = _split_host(host[0]) if len(host) == 1 else None
        if parsed is None or parsed[0] not in self.hosts:
            response = PlainTextResponse("bad request: this server answers only to " + ", ".join(sorted(self.hosts)), status_code=400)
            await response(scope, receive, secured)
            return
        await self.app(scope, receive, secured)


DEFAULT_PORTS = {"http": 80, "https": 443}


def _cross_site(request: Request) -> str | None:
    """Why a state-changing request did not come from this page, or None if it did."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return f"refused: a request from another site (Sec-Fetch-Site: {fetch_site})"
    origin = request.headers.get("origin")
    if origin is not None:
        scheme = request.url.scheme
        own = _split_host(request.headers.get("host", ""))
        theirs_scheme, sep, netloc = origin.partition("://")
        theirs = _split_host(netloc) if sep and "/" not in netloc else None
        if own is None or theirs is None or theirs_scheme.lower() != scheme:
            return "refused: a request from another site (Origin)"
        default = DEFAULT_PORTS.get(scheme)
        if (own[0], own[1] or default) != (theirs[0], theirs[1] or default):
            return "refused: a request from another site (Origin)"
    return None


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1048576:.1f} MB"


def _shown(workspace: Workspace) -> str:
    """The workspace as the page names it: its folder's name, never the path to it."""
    return workspace.root.name or "workspace"


def _scrub(workspace: Workspace, text: str) -> str:
    """Text for the page with the workspace's absolute path made relative, and the home folder as ~."""
    root = str(workspace.root)
    text = text.replace(root + os.sep, "").replace(root, _shown(workspace))
    home = str(Path.home())
    return text.replace(home, "~") if len(home) > 1 else text


def _line(workspace: Workspace, diagnostic: Diagnostic) -> str:
    """A diagnostic as `brief build` prints it, its path relative to the workspace whatever the current folder."""
    return _scrub(workspace, diagnostic.line(workspace.root))


def _listing(workspace: Workspace) -> list[dict[str, object]]:
    from brief.inputs.project import select_sources
    from brief.inputs.summaries import load_summaries

    briefs: list[dict[str, object]] = []
    try:
        summaries = load_summaries(workspace)
    except BriefError:
        summaries = {}  # a broken summary shows up as the brief's error when it is built
    for path in workspace.brief_paths():
        if not NAME.fullmatch(path.stem):
            # Listed, without a Build button: its file name is not a brief name, so no URL can name it.
            briefs.append({"name": path.name, "slug": False, "error": None, "audiences": []})
            continue
        entry: dict[str, object] = {"name": path.stem, "slug": True, "error": None, "audiences": []}
        try:
            spec = load_spec(path)
            sources = len(select_sources(spec, summaries)) if summaries else 0
        except BriefError as exc:
            entry["error"] = "\n".join(_line(workspace, d) for d in exc.diagnostics())
            briefs.append(entry)
            continue
        entry.update(title=spec.front.title, subject=spec.front.subject, date=spec.front.date.isoformat(), sources=sources)
        audiences = []
        for audience in spec.front.audiences:
            files = {}
            for ext in ("html", "pdf", "docx"):
                built = _built_file(workspace, path.stem, audience, ext) if NAME.fullmatch(audience) else None
                if built is not None:
                    info = built.stat()
                    stamp = datetime.fromtimestamp(info.st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
                    files[ext] = {"size": _size(info.st_size), "built": stamp}
            audiences.append({"name": audience, "files": files})
        entry["audiences"] = audiences
        briefs.append(entry)
    return briefs


def create_app(workspace: Workspace, hosts: Iterable[str] = ()) -> Starlette:
    """The application. It answers to loopback Host names and to each of `hosts` (the address
    :func:`serve` was told to bind), with or without a port."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(BUILTIN / "serve")), autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["diagnostic"] = lambda d: _line(workspace, d)
    state = BuildState()
    token = secrets.token_urlsafe(32)  # one per process: a page from before a restart must be reloaded

    async def index(request: Request) -> Response:
        nonce = secrets.token_urlsafe(16)
        page = env.get_template("index.html").render(
            briefs=await run_in_threadpool(_listing, workspace),
            results=state.results,
            workspace=_shown(workspace),
            token=token,
            token_field=TOKEN_FIELD,
            nonce=nonce,
        )
        return HTMLResponse(page, headers={"content-security-policy": page_csp(nonce), "referrer-policy": PAGE_REFERRER_POLICY})

    async def download(request: Request) -> Response:
        name, audience, ext = request.path_params["name"], request.path_params["audience"], request.path_params["ext"]
        path = _built_file(workspace, name, audience, ext)
        opened = await run_in_threadpool(_open_regular, path) if path is not None else None
        if opened is None:
            return PlainTextResponse("not found", status_code=404)
        file, size = opened
        if ext == "html":
            return OpenFileResponse(file, size, MEDIA[ext], {"content-security-policy": PREVIEW_CSP})
        return OpenFileResponse(file, size, MEDIA[ext], {"content-disposition": f'attachment; filename="{name}-{audience}.{ext}"'})

    async def build(request: Request) -> Response:
        refusal = _cross_site(request)
        if refusal is not None:
            return PlainTextResponse(refusal, status_code=403)
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > FORM_LIMIT:
                return PlainTextResponse("refused: form too large", status_code=413)
        sent = parse_qs(body.decode("latin-1")).get(TOKEN_FIELD, [""])[0]
        if not secrets.compare_digest(sent.encode("latin-1", "replace"), token.encode()):
            return PlainTextResponse("refused: missing or stale form token; reload the page and try again", status_code=403)
        name = request.path_params["name"]
        if not NAME.fullmatch(name) or not (workspace.briefs / f"{name}.md").is_file():
            return PlainTextResponse("not found", status_code=404)

        def run() -> BuildResult:
            from brief.build.run import build as run_build

            started = time.perf_counter()
            with state.lock:  # two builds never write the same files at once
                try:
                    report = run_build(Workspace.at(workspace.root), [name])
                except BriefError as exc:
                    ok, found = False, exc.diagnostics()
                else:
                    ok, found = True, report.warnings
            return BuildResult(ok, found, time.perf_counter() - started, datetime.now(UTC).strftime("%H:%M:%S UTC"))

        state.results[name] = await run_in_threadpool(run)
        return RedirectResponse(f"/?built={name}#{name}", status_code=303)

    async def server_error(request: Request, exc: Exception) -> Response:
        # Sent by Starlette's outermost middleware, outside Guard: so it carries the headers itself.
        return PlainTextResponse("internal server error", status_code=500, headers=SECURITY_HEADERS)

    routes = [
        Route("/", index),
        Route("/files/{name}/{audience}.{ext}", download),
        Route("/build/{name}", build, methods=["POST"]),
    ]
    return Starlette(routes=routes, middleware=[Middleware(Guard, hosts=_host_names(hosts))], exception_handlers={Exception: server_error})


def serve(workspace: Workspace, host: str = "127.0.0.1", port: int = 8000, warn: Callable[[str], None] = print) -> None:
    import uvicorn

    if host not in LOOPBACK:
        wildcard = "; to be reached by others, give --host this machine's address" if host in ("0.0.0.0", "::") else ""
        warn(
            f"warning: serving on {host}: anyone who can reach this address can read and rebuild your memos"
            f" (the page answers requests addressed to {host} or to loopback, and refuses other host names{wildcard})"
        )
    uvicorn.run(create_app(workspace, hosts=[host]), host=host, port=port, log_level="warning")
