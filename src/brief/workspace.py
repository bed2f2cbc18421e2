"""The workspace: where summaries, briefs, templates and outputs live.

A workspace needs no configuration file; an optional ``brief.toml`` may move the folders:

    [paths]
    seeds = "seeds"
    briefs = "briefs"
    templates = "templates"
    build = "build"
    catalogue = "options.yaml"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from brief.errors import ConfigError, Location

_PATH_KEYS = ("seeds", "briefs", "templates", "build", "catalogue")


@dataclass(frozen=True)
class Workspace:
    root: Path
    seeds: Path
    briefs: Path
    templates: Path
    build: Path
    catalogue: Path

    @classmethod
    def at(cls, root: Path | str = ".") -> Workspace:
        root = Path(root).resolve()
        paths = {"seeds": "seeds", "briefs": "briefs", "templates": "templates", "build": "build", "catalogue": "options.yaml"}
        config = root / "brief.toml"
        if config.is_file():
            try:
                data = tomllib.loads(config.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                line = getattr(exc, "lineno", None)
                raise ConfigError(f"malformed TOML: {exc.args[0] if exc.args else exc}", Location(config, line)) from None
            unknown = set(data) - {"paths"} or set(data.get("paths", {})) - set(_PATH_KEYS)
            if unknown:
                raise ConfigError(f"unknown key '{sorted(unknown)[0]}' (known: paths.{', paths.'.join(_PATH_KEYS)})", Location(config))
            for key, value in data.get("paths", {}).items():
                if not isinstance(value, str):
                    raise ConfigError(f"paths.{key} must be a string", Location(config))
                paths[key] = value
        return cls(root=root, **{key: (root / value).resolve() for key, value in paths.items()})

    def brief_paths(self) -> list[Path]:
        return sorted(self.briefs.glob("*.md")) if self.briefs.is_dir() else []
