"""The one error family of brief.

Library code raises :class:`BriefError` subclasses; third-party exceptions (YAML, pydantic, Jinja,
WeasyPrint, python-docx) are translated into them at the stage boundary that calls the library.
The CLI prints ``str(error)``, one line per problem, and exits non-zero without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file and, when known, a 1-based line."""

    path: Path | str
    line: int | None = None

    def __str__(self) -> str:
        path = _display_path(self.path)
        return f"{path}:{self.line}" if self.line else str(path)


def _display_path(path: Path | str) -> str:
    # Paths inside the current directory print relative, as compilers do, so messages stay short.
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


class BriefError(Exception):
    """A problem the user can fix; printed as ``path:line: error: message`` lines."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def lines(self) -> list[str]:
        prefix = f"{self.location}: " if self.location else ""
        return [f"{prefix}error: {self.message}"]

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

    def __init__(self, errors: list[BriefError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors

    def lines(self) -> list[str]:
        return [line for error in self.errors for line in error.lines()]


class ConfigError(BriefError):
    """The workspace configuration (brief.toml) is wrong."""


class SummaryError(BriefError):
    """A source summary (seeds/<id>.yaml) is malformed or inconsistent."""


class SpecError(BriefError):
    """A brief specification (briefs/<name>.md) is malformed or names unknown things."""


class AudienceError(BriefError):
    """An audience profile is unknown or malformed."""


class TemplateError(BriefError):
    """A template is missing, has a syntax error or fails while rendering."""


class RenderError(BriefError):
    """A renderer could not write its format."""


class LimitError(BriefError):
    """A rendered memo breaks a hard limit of its audience (pages, BLUF lines)."""

    def __init__(self, message: str, location: Location | None = None, section: str | None = None) -> None:
        super().__init__(message, location)
        self.section = section  # the section at fault, so the build can point at its prose
