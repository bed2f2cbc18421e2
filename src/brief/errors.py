"""The one error family of brief.

Library code raises :class:`BriefError` subclasses; third-party exceptions (YAML, pydantic, Jinja,
WeasyPrint, python-docx) are translated into them at the stage boundary that calls the library.
An error is a problem brief cannot go on past; it carries one or more
:class:`~brief.diagnostics.Diagnostic` objects, which the CLI prints one line each, before exiting
non-zero without a traceback. Checks that may only warn return diagnostics instead of raising.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from brief.diagnostics import Diagnostic, Location

__all__ = [
    "AudienceError",
    "BriefError",
    "BriefErrors",
    "CatalogueError",
    "ConfigError",
    "IngestError",
    "Location",
    "MissingTemplateError",
    "OutputError",
    "RenderError",
    "SpecError",
    "SummaryError",
    "TemplateError",
    "raise_all",
]


class BriefError(Exception):
    """A problem the user can fix; printed as ``path:line: error: message [code]`` lines.

    `kind` names the input at fault; codes of its problems start with it (``spec/syntax``), and
    an error raised without a code gets ``<kind>/<default>``.
    """

    kind: ClassVar[str] = "brief"
    default: ClassVar[str] = "error"

    def __init__(self, message: str, location: Location | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.code = code or f"{self.kind}/{self.default}"

    def diagnostics(self) -> list[Diagnostic]:
        return [Diagnostic("error", self.code, self.message, self.location)]

    def lines(self) -> list[str]:
        return [str(d) for d in self.diagnostics()]

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross from build workers to the parent process; the default pickling of an
        # exception keeps only its message and would drop the location.
        return (_restore, (type(self), self.message, dict(self.__dict__)))


def _restore(cls: type[BriefError], message: str, state: dict[str, object]) -> BriefError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class BriefErrors(BriefError):
    """Several problems found in one pass, reported together."""

    def __init__(self, found: list[Diagnostic]) -> None:
        super().__init__(f"{len(found)} errors", found[0].location if found else None, found[0].code if found else None)
        self.found = found

    def diagnostics(self) -> list[Diagnostic]:
        return list(self.found)


def raise_all(problems: Iterable[BriefError | Diagnostic]) -> None:
    """Raise every problem at once (one error as itself); do nothing when there are none."""
    items = list(problems)
    if not items:
        return
    if len(items) == 1 and isinstance(items[0], BriefError):
        raise items[0]
    found: list[Diagnostic] = []
    for item in items:
        found.extend(item.diagnostics() if isinstance(item, BriefError) else [item])
    raise BriefErrors(found)


class ConfigError(BriefError):
    """The workspace configuration (brief.toml) is wrong."""

    kind = "config"
    default = "invalid"


class SummaryError(BriefError):
    """A source summary (seeds/<id>.yaml) is malformed or inconsistent."""

    kind = "summary"
    default = "schema"


class CatalogueError(BriefError):
    """The option catalogue (options.yaml) is malformed."""

    kind = "catalogue"
    default = "schema"


class SpecError(BriefError):
    """A brief specification (briefs/<name>.md) is malformed or names unknown things."""

    kind = "spec"
    default = "schema"


class AudienceError(BriefError):
    """An audience profile is unknown or malformed."""

    kind = "audience"
    default = "schema"


class TemplateError(BriefError):
    """A template is missing, has a syntax error or fails while rendering."""

    kind = "template"
    default = "error"


class MissingTemplateError(TemplateError):
    """A template is not on the search path; `missing` is the name that was looked up, so the
    caller that named it (an audience profile) can point at where it is named."""

    def __init__(self, message: str, location: Location | None, missing: str) -> None:
        super().__init__(message, location, "template/not-found")
        self.missing = missing


class RenderError(BriefError):
    """A renderer could not write its format."""

    kind = "render"
    default = "docx"


class OutputError(BriefError):
    """An output file cannot be written."""

    kind = "output"
    default = "write"


class IngestError(BriefError):
    """A raw source cannot be read or has no usable text."""

    kind = "ingest"
    default = "unreadable"
