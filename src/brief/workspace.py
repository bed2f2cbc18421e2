"""The workspace: where summaries, briefs, templates and outputs live, and its rule settings.

A workspace needs no configuration file; an optional ``brief.toml`` may move the folders and
change the severity of rules (the codes are listed in :data:`brief.diagnostics.RULES`):

    [paths]
    seeds = "seeds"
    briefs = "briefs"
    templates = "templates"
    build = "build"
    catalogue = "options.yaml"

    [rules]
    "memo/decision-date" = "warning"

This module imports only the standard library: every command starts here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from brief.diagnostics import Severities, check_setting
from brief.errors import ConfigError, Location

_PATH_KEYS = ("seeds", "briefs", "templates", "build", "catalogue")
_DEFAULTS = {"seeds": "seeds", "briefs": "briefs", "templates": "templates", "build": "build", "catalogue": "options.yaml"}


@dataclass(frozen=True)
class Workspace:
    root: Path
    seeds: Path
    briefs: Path
    templates: Path
    build: Path
    catalogue: Path
    rules: dict[str, str] = field(default_factory=dict)  # rule code -> "error" | "warning" | "off"

    @classmethod
    def at(cls, root: Path | str = ".") -> Workspace:
        root = Path(root).resolve()
        paths = dict(_DEFAULTS)
        rules: dict[str, str] = {}
        config = root / "brief.toml"
        if config.is_file():
            text = config.read_text(encoding="utf-8")
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                # tomllib (before Python 3.14) gives the place only inside its message: move it
                # to the location, where every diagnostic has it.
                message = str(exc.args[0] if exc.args else exc)
                place = re.search(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$", message)
                line = int(place.group(1)) if place and place.group(1) else len(text.splitlines()) or None
                problem = message[: place.start()] if place else message
                raise ConfigError(f"malformed TOML: {problem}", Location(config, line)) from None
            unknown = sorted(set(data) - {"paths", "rules"})
            if unknown:
                raise ConfigError(f"unknown table '{unknown[0]}' (known: paths, rules)", Location(config, _line_of(text, unknown[0])))
            paths.update(_paths(data.get("paths", {}), config, text))
            rules = _rules(data.get("rules", {}), config, text)
        return cls(root=root, **{key: (root / value).resolve() for key, value in paths.items()}, rules=rules)

    @classmethod
    def find(cls, start: Path | str = ".") -> Workspace:
        """The workspace that holds `start`, found as git finds its repository: the nearest
        folder at or above it with a ``brief.toml``, or with both ``briefs/`` and ``seeds/``;
        `start` itself when none is."""
        here = Path(start).resolve()
        for folder in (here, *here.parents):
            if (folder / "brief.toml").is_file() or ((folder / "briefs").is_dir() and (folder / "seeds").is_dir()):
                return cls.at(folder)
        return cls.at(here)

    def severities(self) -> Severities:
        return Severities(self.rules)

    def brief_paths(self) -> list[Path]:
        return sorted(self.briefs.glob("*.md")) if self.briefs.is_dir() else []


def _paths(table: object, config: Path, text: str) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ConfigError("paths must be a table", Location(config, _line_of(text, "paths")))
    for key, value in table.items():
        if key not in _PATH_KEYS:
            known = "paths." + ", paths.".join(_PATH_KEYS)
            raise ConfigError(f"unknown key 'paths.{key}' (known: {known})", Location(config, _line_of(text, key)))
        if not isinstance(value, str):
            raise ConfigError(f"paths.{key} must be a string", Location(config, _line_of(text, key)))
    return dict(table)


def _rules(table: object, config: Path, text: str) -> dict[str, str]:
    if not isinstance(table, dict):
        raise ConfigError("rules must be a table", Location(config, _line_of(text, "rules")))
    problems = [(key, why) for key, value in table.items() if (why := check_setting(key, value)) is not None]
    if problems:
        key, why = problems[0]
        raise ConfigError(why, Location(config, _line_of(text, key)))
    return {key: str(value) for key, value in table.items()}


def _line_of(text: str, key: str) -> int | None:
    """The line of brief.toml where `key` is set or its table opens (tomllib gives no positions)."""
    pattern = re.compile(rf"""^\s*(?:\[\s*{re.escape(key)}\s*\]|["']?{re.escape(key)}["']?\s*=)""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None
