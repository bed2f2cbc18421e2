"""The command line: each command parses options and calls one library function.

Heavy imports happen inside the commands, so ``brief --help`` stays instant. Library errors
(:class:`~brief.errors.BriefError`) print as ``path:line: error: message [code]`` lines, exit 1,
and show no traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from brief import __version__

if TYPE_CHECKING:
    from brief.workspace import Workspace

BUILD_HELP = "Build memos: every brief (or those named) for each of its audiences, as PDF, DOCX and HTML."
AUDIENCE_HELP = "Build only this audience (repeatable)."
FORMAT_HELP = "Build only this format (repeatable): pdf, docx, html (the default: all three), or png, the PDF's pages as one image."
DPI_HELP = "Resolution of the page images of --format png."
JOBS_HELP = "Memos to render at once, each in its own process (default: the number of cores)."
INGEST_HELP = "Draft a structured summary of each raw source (.txt .md .html .pdf .docx) for review."
CHECK_HELP = "Verify figures and quotations against the raw sources, source hashes and citations."
SERVE_HELP = "Serve a local page to browse briefs, build them and download their PDF and DOCX memos."
WORKSPACE_HELP = (
    "The workspace folder (default: the one that holds the current folder: the nearest with a brief.toml, or with briefs/ and seeds/)."
)
TEMPLATES_HELP = "List, inspect and scaffold audiences and the templates that render them."
TEMPLATES_LIST_HELP = "List built-in and workspace audiences and templates, and where each one comes from."
TEMPLATES_SHOW_HELP = "Show an audience's profile in effect and the template file that renders each of its sections."
TEMPLATES_NEW_HELP = "Scaffold templates/NAME/ from an existing audience: its profile and templates, ready to edit."


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Print BriefErrors as one line each and exit 1 instead of showing a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from brief.errors import BriefError

        try:
            return command(*args, **kwargs)
        except BriefError as exc:
            for line in exc.lines():
                click.echo(line, err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            sys.exit(130)

    return wrapper


def with_workspace(command: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--workspace`` option every command takes, declared once: the command receives the
    :class:`~brief.workspace.Workspace` it names (brief.toml read and checked)."""

    @click.option("--workspace", "-w", "workspace_dir", default=None, type=click.Path(file_okay=False), help=WORKSPACE_HELP)
    @wraps(command)
    def wrapper(*args: Any, workspace_dir: str | None, **kwargs: Any) -> Any:
        from brief.workspace import Workspace

        # Without --workspace, the workspace that holds the current folder (as git finds its
        # repository), so every command works from a subfolder such as seeds/.
        workspace = Workspace.at(workspace_dir) if workspace_dir is not None else Workspace.find(".")
        return command(*args, workspace=workspace, **kwargs)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="brief")
def main() -> None:
    """brief turns a library of sources into policy memos for several audiences."""


@main.command(help=BUILD_HELP)
@click.argument("briefs", nargs=-1)
@click.option("--audience", "-a", "audiences", multiple=True, help=AUDIENCE_HELP)
@click.option("--format", "-f", "formats", multiple=True, type=click.Choice(["pdf", "docx", "html", "png"]), help=FORMAT_HELP)
@click.option("--dpi", type=click.IntRange(20, 300), default=60, show_default=True, help=DPI_HELP)
@click.option("--jobs", "-j", type=click.IntRange(1, 256), help=JOBS_HELP)
@click.option("--force", is_flag=True, help="Rebuild every memo, even those that are up to date.")
@click.option("--draft", is_flag=True, help="Allow summaries that await review; every page of every memo says DRAFT.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success but warnings.")
@reports_errors
@with_workspace
def build(
    briefs: tuple[str, ...],
    audiences: tuple[str, ...],
    formats: tuple[str, ...],
    jobs: int | None,
    dpi: int,
    force: bool,
    draft: bool,
    workspace: Workspace,
    quiet: bool,
) -> None:
    from brief.build.run import build as run_build

    progress = None
    if not quiet:
        from brief.progress import for_streams

        progress = for_streams(sys.stdout, sys.stderr)
    report = run_build(
        workspace, list(briefs), list(audiences), list(formats), jobs=jobs, force=force, progress=progress, dpi=dpi, draft=draft
    )
    for warning in report.warnings:  # even with --quiet: a warning asks for the analyst's attention
        click.echo(str(warning), err=True)
    if not quiet:
        root = workspace.root
        for path in report.written:
            click.echo(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
        current = f", {len(report.up_to_date)} up to date" if report.up_to_date else ""
        if report.written:
            click.echo(f"built {len(report.written)} files in {report.seconds:.1f} s{current}")
        else:
            click.echo(f"nothing to do: {len(report.up_to_date)} files up to date ({report.seconds:.2f} s)")


@main.command(name="new")
@click.argument("name")
@click.option("--sources", "source_ids", multiple=True, help="A summary id to draft from (repeatable; default: every reviewed summary).")
@reports_errors
@with_workspace
def new_command(name: str, source_ids: tuple[str, ...], workspace: Workspace) -> None:
    """Draft briefs/NAME.md from the reviewed summaries: sources, key figures, the options they
    discuss with arguments drafted from them, a background skeleton, and [insert: ...] where only
    you can write; `brief build --draft` shows it while you fill it in."""
    from brief.authoring.newbrief import new_brief

    path = new_brief(workspace, name.removesuffix(".md"), list(source_ids) or None)
    click.echo(f"wrote {_shown(path, workspace)}: fill in each [insert: ...], then `brief build`")


@main.command()
@click.argument("kind", type=click.Choice(["summary", "brief", "options"]))
def schema(kind: str) -> None:
    """Print the JSON Schema of a file format (a summary, a brief's front matter, options.yaml),
    for an editor to check and complete YAML with. FORMATS.md documents the same keys."""
    import json

    from brief.authoring.formats import schema as json_schema

    click.echo(json.dumps(json_schema(kind), indent=2, ensure_ascii=False))


@main.command()
@click.argument("ids", nargs=-1, required=True)
@reports_errors
@with_workspace
def review(ids: tuple[str, ...], workspace: Workspace) -> None:
    """Mark the summaries IDS reviewed (draft: false), once read against their sources: builds
    refuse a summary that is still a draft."""
    from brief.authoring.review import review as mark_reviewed

    report = mark_reviewed(workspace, list(ids))
    for path in report.marked:
        click.echo(f"reviewed {_shown(Path(path), workspace)}")
    for path in report.already:
        click.echo(f"{_shown(Path(path), workspace)} was already marked reviewed")


def _shown(path: Path, workspace: Workspace) -> str:
    return str(path.relative_to(workspace.root)) if path.is_relative_to(workspace.root) else str(path)


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@reports_errors
def init(folder: str) -> None:
    """Make a workspace in FOLDER (default: here) that builds at once: example sources, summaries
    and brief, a commented options.yaml and brief.toml, and a README of next steps. Files
    already there are kept."""
    from brief.authoring.starter import init_workspace

    report = init_workspace(Path(folder))
    where = Path(folder)
    for name in report.created:
        click.echo(f"created {where / name}")
    for name in report.kept:
        click.echo(f"kept {where / name} (already there)")
    go = "" if where == Path(".") else f"cd {where} && "
    click.echo(f"next: {go}brief build, then open build/example/principal.pdf; README.md says what to do after")


@main.command(help=INGEST_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of summaries instead of writing YAML files.")
@click.option("--out", "out", type=click.Path(file_okay=False), help="Folder for the YAML summaries (default: the workspace's seeds/).")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64), help="Files to ingest in parallel.")
@reports_errors
@with_workspace
def ingest(paths: tuple[str, ...], as_json: bool, out: str | None, jobs: int, workspace: Workspace) -> None:
    from brief.ingest.run import run_ingest
    from brief.progress import TerminalProgress

    progress = TerminalProgress(sys.stderr, noun="files") if sys.stderr.isatty() else None
    failures = run_ingest(
        workspace,
        list(paths),
        as_json=as_json,
        out=out,
        jobs=jobs,
        say=click.echo,
        tell=lambda line: click.echo(line, err=True),
        progress=progress,
    )
    if failures:
        sys.exit(1)


@main.command(help=CHECK_HELP)
@click.argument("briefs", nargs=-1)
@click.option("--sources", "sources", type=click.Path(file_okay=False), help="Folder of raw sources, found by file name or hash.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@reports_errors
@with_workspace
def check(briefs: tuple[str, ...], sources: str | None, as_json: bool, strict: bool, workspace: Workspace) -> None:
    import json
    from pathlib import Path

    from brief.build.check import run_check
    from brief.diagnostics import count
    from brief.ingest.readers import read_source

    # Raw sources are read as ingest read them (PDF, DOCX and HTML text), so what it drafted holds.
    findings = run_check(workspace, list(briefs), Path(sources).resolve() if sources else None, lambda path: read_source(path).text)
    if as_json:
        click.echo(json.dumps([f.as_dict() for f in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(str(finding), err=True)
    errors, warnings = count(findings)
    if not as_json:
        click.echo(f"{errors} errors, {warnings} warnings", err=True)
    if errors or (strict and warnings):
        sys.exit(1)


@main.command(help=SERVE_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; anything but loopback is reachable by others.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@reports_errors
@with_workspace
def serve(host: str, port: int, workspace: Workspace) -> None:
    from brief.serve import serve as run_server

    click.echo(f"serving on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    run_server(workspace, host, port, warn=lambda message: click.echo(message, err=True))


@main.group(help=TEMPLATES_HELP)
def templates() -> None:
    pass


@templates.command("list", help=TEMPLATES_LIST_HELP)
@reports_errors
@with_workspace
def templates_list(workspace: Workspace) -> None:
    from brief.authoring.listing import templates_table

    click.echo(templates_table(workspace))


@templates.command("show", help=TEMPLATES_SHOW_HELP)
@click.argument("name")
@reports_errors
@with_workspace
def templates_show(name: str, workspace: Workspace) -> None:
    from brief.authoring.show import describe_audience

    click.echo(describe_audience(workspace, name))


@templates.command("new", help=TEMPLATES_NEW_HELP)
@click.argument("name")
@click.option("--from", "source", default="staff", show_default=True, help="The audience to start from (built-in or workspace).")
@click.option("--force", is_flag=True, help="Overwrite the scaffold's files in an existing folder (other files there are kept).")
@reports_errors
@with_workspace
def templates_new(name: str, source: str, force: bool, workspace: Workspace) -> None:
    from brief.authoring.scaffold import new_audience

    for line in new_audience(workspace, name, source, force).lines(workspace):
        click.echo(line)
