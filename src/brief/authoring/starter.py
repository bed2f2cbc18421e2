"""`brief init`: a new workspace a new user can build at once.

Stage: authoring. Copies the starter workspace shipped with brief (``brief/starter/``: two short
example sources, their reviewed summaries, an example brief, a commented ``options.yaml`` and
``brief.toml``, and a README of next steps) into a folder, and makes the empty ``templates/``
folder. A file that is already there is kept, never overwritten: running it in a workspace in
use adds only what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from brief.errors import ConfigError, Location

STARTER = Path(str(files("brief") / "starter"))
FOLDERS = ("sources", "seeds", "briefs", "templates")


@dataclass
class Started:
    root: Path
    created: list[str] = field(default_factory=list)  # paths relative to the root
    kept: list[str] = field(default_factory=list)  # already there, left alone


def init_workspace(dest: Path) -> Started:
    """Make (or complete) a workspace at `dest`."""
    if dest.exists() and not dest.is_dir():
        raise ConfigError("a workspace is a folder; this is a file", Location(dest), "config/invalid")
    dest.mkdir(parents=True, exist_ok=True)
    report = Started(dest.resolve())
    for folder in FOLDERS:
        (dest / folder).mkdir(exist_ok=True)
    for source in sorted(p for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        relative = source.relative_to(STARTER)
        target = dest / relative
        if target.exists():
            report.kept.append(relative.as_posix())
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
        report.created.append(relative.as_posix())
    return report
