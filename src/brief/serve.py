"""``brief serve``: a local web page to browse briefs, build them and download their memos.

Stage: a front end over :mod:`brief.build`, beside the CLI. :func:`create_app` returns a Starlette application
that tests drive in-process; :func:`serve` runs it with uvicorn, bound to 127.0.0.1 unless told
otherwise. Only files under the build folder are served, after resolving symlinks, and only names
shaped like brief and audience names; everything else is 404. Builds are serialised by a lock, and
a failed build leaves the previous files in place (the build writes nothing until all succeeded).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from brief.diagnostics import Diagnostic
from brief.errors import BriefError
from brief.inputs.spec import load_spec
from brief.inputs.templating import BUILTIN
from brief.workspace import Workspace

NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,80}$")
MEDIA = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


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
    if not (NAME.match(name) and NAME.match(audience) and ext in MEDIA):
        return None
    root = workspace.build.resolve()
    path = (root / name / f"{audience}.{ext}").resolve()  # resolve() follows symlinks out of the folder
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1048576:.1f} MB"


def _listing(workspace: Workspace) -> list[dict[str, object]]:
    from brief.inputs.project import select_sources
    from brief.inputs.summaries import load_summaries

    briefs = []
    try:
        summaries = load_summaries(workspace)
    except BriefError:
        summaries = {}  # a broken summary shows up as the brief's error when it is built
    for path in workspace.brief_paths():
        entry: dict[str, object] = {"name": path.stem, "error": None, "audiences": []}
        try:
            spec = load_spec(path)
            sources = len(select_sources(spec, summaries)) if summaries else 0
        except BriefError as exc:
            entry["error"] = str(exc)
            briefs.append(entry)
            continue
        entry.update(title=spec.front.title, subject=spec.front.subject, date=spec.front.date.isoformat(), sources=sources)
        audiences = []
        for audience in spec.front.audiences:
            files = {}
            for ext in ("html", "pdf", "docx"):
                built = _built_file(workspace, path.stem, audience, ext) if NAME.match(audience) else None
                if built is not None:
                    stamp = datetime.fromtimestamp(built.stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
                    files[ext] = {"size": _size(built), "built": stamp}
            audiences.append({"name": audience, "files": files})
        entry["audiences"] = audiences
        briefs.append(entry)
    return briefs


def create_app(workspace: Workspace) -> Starlette:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(BUILTIN / "serve")), autoescape=True, undefined=jinja2.StrictUndefined)
    state = BuildState()

    async def index(request: Request) -> Response:
        page = env.get_template("index.html").render(
            briefs=_listing(workspace), results=state.results, workspace=str(workspace.root), built=request.query_params.get("built", "")
        )
        return HTMLResponse(page)

    async def download(request: Request) -> Response:
        name, audience, ext = request.path_params["name"], request.path_params["audience"], request.path_params["ext"]
        path = _built_file(workspace, name, audience, ext)
        if path is None:
            return Response("not found", status_code=404, media_type="text/plain")
        if ext == "html":
            return FileResponse(path, media_type=MEDIA[ext])
        return FileResponse(path, media_type=MEDIA[ext], filename=f"{name}-{audience}.{ext}")

    async def build(request: Request) -> Response:
        name = request.path_params["name"]
        if not NAME.match(name) or not (workspace.briefs / f"{name}.md").is_file():
            return Response("not found", status_code=404, media_type="text/plain")

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

    routes = [
        Route("/", index),
        Route("/files/{name}/{audience}.{ext}", download),
        Route("/build/{name}", build, methods=["POST"]),
    ]
    return Starlette(routes=routes)


def serve(workspace: Workspace, host: str = "127.0.0.1", port: int = 8000, warn: Callable[[str], None] = print) -> None:
    import uvicorn

    if host not in LOOPBACK:
        warn(f"warning: serving on {host}: anyone who can reach this address can read and rebuild your memos")
    uvicorn.run(create_app(workspace), host=host, port=port, log_level="warning")
