"""Template lookup and Jinja environments.

Stage: input. Finds the template files an audience uses; assembly renders section templates
with them and the HTML renderer renders layouts.

Templates are found in the workspace first and in brief's built-in templates last:

    templates/<audience>/   templates/   <package>/templates/<audience>/   <package>/templates/

A name prefixed ``builtin:`` skips the workspace, so a workspace template can extend the
original it replaces: ``{% extends "builtin:layout.html" %}`` and override one block.

Two environments share that lookup: one for HTML layouts (HTML autoescaping) and one for the
Markdown section templates, where every interpolated string is escaped for Markdown *and* HTML,
so text from a source can never become markup. Undefined variables are errors in both.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from brief.errors import BriefError, Location, MissingTemplateError, TemplateError
from brief.inputs.sandbox import BoundedSandbox, LimitExceeded
from brief.inputs.yamlio import utf8_problem

BUILTIN = Path(str(files("brief") / "templates"))

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]#|!~"})


def md_escape(value: Any) -> Any:
    """Finalize hook: escape Markdown syntax in plain strings; Markup passes through."""
    if isinstance(value, Markup) or value is None or isinstance(value, (int, float)):
        return value
    return str(value).translate(_MD_SPECIAL)


def search_path(workspace_templates: Path, audience: str) -> list[Path]:
    return [workspace_templates / audience, workspace_templates, BUILTIN / audience, BUILTIN]


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process. Each memo gets fresh
    environments (so the loader sees, and the build records, every file it uses), and without
    this each would parse and compile the same templates again. Jinja checks every entry
    against the checksum of the template's current source, so an edited template recompiles."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


class _RecordingLoader(jinja2.ChoiceLoader):
    """A ChoiceLoader that notes every file it hands out: the build keys a memo on them."""

    def __init__(self, loaders: list[jinja2.BaseLoader], seen: set[str]) -> None:
        super().__init__(loaders)
        self.seen = seen

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        try:
            source, filename, uptodate = super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            raise self._not_utf8(template, exc) from None
        if filename:
            self.seen.add(filename)
        return source, filename, uptodate

    def _not_utf8(self, template: str, exc: UnicodeDecodeError) -> TemplateError:
        """The error for a template file that is not UTF-8, at the file the loader was reading."""
        name = template.split(":", 1)[1] if template.startswith("builtin:") else template
        for loader in self.loaders:
            for folder in getattr(loader, "searchpath", []):
                path = Path(folder) / name
                if path.is_file():
                    data = path.read_bytes()
                    try:
                        data.decode("utf-8")
                    except UnicodeDecodeError as bad:
                        message, line = utf8_problem(data, bad)
                        return TemplateError(message, Location(path, line), "template/syntax")
        return TemplateError(f"not UTF-8 text (byte {exc.start})", Location(template), "template/syntax")


class Templates:
    """The HTML and Markdown environments for one audience."""

    def __init__(self, workspace_templates: Path, audience: str) -> None:
        self.path = search_path(workspace_templates, audience)
        self.loaded: set[str] = set()  # every template file found, for the build manifest
        builtin = jinja2.FileSystemLoader([str(BUILTIN / audience), str(BUILTIN)])
        self.loader = loader = _RecordingLoader(
            [
                jinja2.PrefixLoader({"builtin": builtin}, delimiter=":"),
                jinja2.FileSystemLoader([str(p) for p in self.path]),
            ],
            self.loaded,
        )
        common: dict[str, Any] = {
            "loader": loader, "undefined": jinja2.StrictUndefined, "trim_blocks": True, "lstrip_blocks": True, "bytecode_cache": _COMPILED,
        }  # fmt: skip
        # Workspace templates travel between offices: they run sandboxed and bounded, like prose.
        self.html = BoundedSandbox(autoescape=True, **common)
        self.markdown = BoundedSandbox(autoescape=True, finalize=md_escape, keep_trailing_newline=True, **common)

    def find(self, name: str) -> Path | None:
        """The file the loader picks for `name` (``builtin:`` names included), or None."""
        try:
            _, filename, _ = self.loader.get_source(self.markdown, name)
        except jinja2.TemplateNotFound:
            return None
        return Path(filename) if filename else None

    def exists(self, name: str) -> bool:
        return self.find(name) is not None

    def get(self, env: jinja2.Environment, name: str) -> jinja2.Template:
        template: jinja2.Template = guard(lambda: env.get_template(name), name, self.path)
        return template


def guard(call: Callable[[], Any], name: str, path: list[Path] | None = None) -> Any:
    """Run a Jinja call, translating its exceptions into one-line TemplateErrors."""
    try:
        return call()
    except BriefError as exc:
        if exc.location is None:  # raised by a helper the template called: point at the call
            exc.location = _location(exc, name)
        raise
    except jinja2.TemplateSyntaxError as exc:
        where = Location(exc.filename or name, exc.lineno)
        raise TemplateError(f"template syntax error: {exc.message}", where, "template/syntax") from None
    except jinja2.TemplateNotFound as exc:
        searched = ", ".join(str(p) for p in path or [])
        missing = exc.name if isinstance(exc.name, str) else name
        raise MissingTemplateError(f"template '{missing}' not found (searched {searched})", _location(exc, name), missing) from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, LookupError, ArithmeticError) as exc:
        raise TemplateError(f"template error: {exc}", _location(exc, name), "template/error") from None
    except RecursionError as exc:
        raise TemplateError(
            "template error: it calls itself without end (a recursive macro?)", _location(exc, name), "template/error"
        ) from None
    except MemoryError as exc:
        raise TemplateError("template error: it ran out of memory", _location(exc, name), "template/error") from None


def _location(exc: BaseException, name: str) -> Location:
    # Jinja rewrites tracebacks so template frames carry the template file and line; the last
    # such frame is where the template failed.
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".md", ".css", ".j2", ".xml")):
            return Location(frame.filename, frame.lineno)
    if isinstance(exc, LimitExceeded) and exc.filename:  # stopped between two chunks it wrote
        return Location(exc.filename, exc.lineno)
    return Location(name)


def prose_line(exc: BaseException, where: Location) -> Location:
    """Where in the brief a runtime error of prose happened: Jinja's rewritten traceback carries
    the line within the prose, which starts below `where`."""
    lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__) if frame.filename == "<template>" and frame.lineno]
    if not lines and isinstance(exc, LimitExceeded) and exc.lineno:
        lines = [exc.lineno]
    if not lines or where.line is None:
        return where
    return Location(where.path, where.line + lines[-1])


def template_module(template: jinja2.Template, variables: dict[str, Any]) -> Any:
    try:
        return template.make_module(variables)
    except Exception:
        # make_module skips Jinja's traceback rewriting; without it, errors carry line numbers
        # of the compiled Python instead of the template's.
        template.environment.handle_exception()
