"""The build manifest: which outputs are up to date, decided without parsing or importing much.

Stage: build. Each memo (one brief for one audience) is keyed on
the content hash of everything it depends on: the spec, the summaries it selects, the option
catalogue, ``brief.toml``, the workspace templates its audience can load, brief itself (its version,
code and built-in templates) and the libraries that lay out and write the files. The key and the
size and modification time of each file written are kept in ``build/.brief-manifest.json``; an
output is fresh when its key is unchanged and the file on disk is the one the build wrote.

This module imports only the standard library (and the inputs' cheap listing of summary files),
so a rebuild that finds nothing to do finishes in a fraction of the time it takes to import
WeasyPrint.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from brief import __version__
from brief.inputs.project import draft_line, summary_files

MANIFEST_NAME = ".brief-manifest.json"
FORMAT = 2  # 2: warnings are stored as diagnostics, with their codes

# Libraries whose output is in the files; an upgrade changes the bytes, so it changes the keys.
_LIBRARIES = ("weasyprint", "pydyf", "docx", "PIL", "jinja2", "markdown", "fontTools", "pydantic")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ignored(name: str) -> bool:
    # Editor droppings and hidden files are not templates; a swap file must not force a rebuild.
    return name.startswith(".") or name.endswith(("~", ".swp", ".tmp")) or name == "__pycache__"


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """brief's version, the content of its package (code and built-in templates), and where and
    when each library that writes output was installed."""
    digest = hashlib.sha256(f"brief {__version__}\n".encode())
    package = Path(__file__).resolve().parents[1]  # src/brief: every stage and the built-in templates
    for path in sorted(package.rglob("*")):
        if path.is_file() and not any(_ignored(part) for part in path.relative_to(package).parts):
            digest.update(f"{path.relative_to(package).as_posix()}\n".encode())
            digest.update(path.read_bytes())
    for name in _LIBRARIES:
        spec = importlib.util.find_spec(name)  # finds the module without importing it
        origin = spec.origin if spec else None
        if origin and os.path.exists(origin):
            stat = os.stat(origin)
            digest.update(f"{name} {origin} {stat.st_size} {stat.st_mtime_ns}\n".encode())
        else:
            digest.update(f"{name} absent\n".encode())
    return digest.hexdigest()


class Inputs:
    """Content hashes of the workspace's inputs, each file read at most once per build."""

    def __init__(self, seeds: Path, templates: Path, catalogue: Path, config: Path) -> None:
        self.seeds = seeds
        self.templates = templates
        self.catalogue = catalogue
        self.config = config
        self._digests: dict[Path, str | None] = {}
        self._bytes: dict[Path, bytes] = {}
        self._seed_files: dict[str, Path] | None = None
        self._duplicate_seeds: list[tuple[Path, Path]] = []
        self._template_sets: dict[str, str] = {}

    def digest(self, path: Path) -> str | None:
        """sha256 of a file's bytes; None when it cannot be read."""
        if path not in self._digests:
            try:
                self._bytes[path] = path.read_bytes()
                self._digests[path] = sha256_bytes(self._bytes[path])
            except OSError:
                self._digests[path] = None
        return self._digests[path]

    def draft_line(self, path: Path) -> int | None:
        """The line of a summary that says it is a draft (``draft: true``), read from the bytes
        already hashed: a rebuild with nothing to do still parses no summary."""
        self.digest(path)
        return draft_line(self._bytes.get(path, b"").decode("utf-8", "replace"))

    def seed_files(self) -> dict[str, Path]:
        """Source id -> summary file. A summary's id is its file name (the loader insists)."""
        if self._seed_files is None:
            self._seed_files, self._duplicate_seeds = summary_files(self.seeds)
        return self._seed_files

    def duplicate_seeds(self) -> list[tuple[Path, Path]]:
        """Pairs of summary files with one id (x.yaml and x.yml): an error the loader reports, so
        no memo can be fresh while there is one."""
        self.seed_files()
        return self._duplicate_seeds

    def templates_digest(self, audience: str) -> str:
        """Every workspace template file the audience could load: its own folder and everything
        under templates/ that is not another audience's folder."""
        if audience not in self._template_sets:
            digest = hashlib.sha256()
            if self.templates.is_dir():
                for path in sorted(self._template_files(self.templates, audience, top=True)):
                    digest.update(f"{path.relative_to(self.templates).as_posix()}\n{self.digest(path)}\n".encode())
            self._template_sets[audience] = digest.hexdigest()
        return self._template_sets[audience]

    def _template_files(self, folder: Path, audience: str, top: bool) -> list[Path]:
        files: list[Path] = []
        for entry in os.scandir(folder):
            if _ignored(entry.name):
                continue
            path = Path(entry.path)
            if entry.is_dir():
                other_audience = top and entry.name != audience and (path / "audience.yaml").is_file()
                if not other_audience:
                    files.extend(self._template_files(path, audience, top=False))
            elif entry.is_file():
                files.append(path)
        return files


@dataclass
class FileRecord:
    """An output as the build wrote it: the key it was built for and what is on disk."""

    name: str
    size: int
    mtime_ns: int

    def matches(self, folder: Path) -> bool:
        try:
            stat = (folder / self.name).stat()
        except OSError:
            return False
        return stat.st_size == self.size and stat.st_mtime_ns == self.mtime_ns

    @classmethod
    def of(cls, path: Path, name: str | None = None) -> FileRecord:
        """The record of a file; `name` is the name it will have when `path` is a temporary
        (a rename keeps the size and modification time)."""
        stat = path.stat()
        return cls(name or path.name, stat.st_size, stat.st_mtime_ns)


@dataclass
class MemoRecord:
    """What the manifest keeps about one memo: its key, its files by format, the warnings its
    build reported (repeated by a rebuild that skips it), the figures it shows (for the ledger),
    the template files it loaded from outside its own set, and how long it took."""

    key: str
    files: dict[str, FileRecord] = field(default_factory=dict)
    warnings: list[dict[str, Any]] = field(default_factory=list)  # Diagnostic.to_record() of each warning
    figures: list[dict[str, Any]] = field(default_factory=list)
    extra_deps: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class Manifest:
    path: Path
    specs: dict[str, dict[str, Any]] = field(default_factory=dict)  # brief -> {sha, sources, audiences}
    raw: dict[str, str | None] = field(default_factory=dict)  # source id -> raw file (for the ledger)
    memos: dict[str, MemoRecord] = field(default_factory=dict)  # "brief/audience" -> record
    ledgers: dict[str, dict[str, Any]] = field(default_factory=dict)  # brief -> {key, file}

    @classmethod
    def load(cls, build_dir: Path) -> Manifest:
        """The manifest of a build folder; an empty one when it is missing, unreadable or from
        another version of the format (everything is then rebuilt, which is always safe)."""
        path = build_dir / MANIFEST_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls(path)
            memos = {}
            for name, entry in data.get("memos", {}).items():
                files = {fmt: FileRecord(**record) for fmt, record in entry.pop("files", {}).items()}
                memos[name] = MemoRecord(files=files, **entry)
            ledgers = data.get("ledgers", {})
            return cls(path, data.get("specs", {}), data.get("raw", {}), memos, ledgers)
        except (OSError, ValueError, TypeError, AttributeError):
            return cls(path)

    def dumps(self) -> bytes:
        memos = {
            name: {
                "key": r.key,
                "files": {fmt: vars(f) for fmt, f in sorted(r.files.items())},
                "warnings": r.warnings,
                "figures": r.figures,
                "extra_deps": r.extra_deps,
                "seconds": round(r.seconds, 3),
            }
            for name, r in sorted(self.memos.items())
        }
        document = {"format": FORMAT, "specs": self.specs, "raw": self.raw, "memos": memos, "ledgers": self.ledgers}
        return (json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def memo_key(inputs: Inputs, spec_sha: str, sources: list[str], audience: str, extra_deps: list[str], draft: bool = False) -> str:
    """The key of one memo: a hash over the hashes of everything it is made from, and whether it
    is a draft (watermarked)."""
    seed_files = inputs.seed_files()
    parts = [
        f"engine {engine_fingerprint()}",
        f"draft {draft}",
        f"spec {spec_sha}",
        f"catalogue {inputs.digest(inputs.catalogue)}",
        f"config {inputs.digest(inputs.config)}",
        f"audience {audience} {inputs.templates_digest(audience)}",
        # Outputs embed the date; SOURCE_DATE_EPOCH changes it.
        f"epoch {os.environ.get('SOURCE_DATE_EPOCH', '')}",
    ]
    parts += [f"source {sid} {inputs.digest(seed_files[sid])}" for sid in sources]
    parts += [f"dep {dep} {inputs.digest(Path(dep))}" for dep in sorted(set(extra_deps))]
    return sha256_bytes("\n".join(parts).encode("utf-8"))


def raw_stamp(path: str | None) -> str:
    """Size and modification time of a raw source (the ledger records spans in it); raw files
    can be large PDFs, so they are not hashed on every build."""
    if not path:
        return "none"
    try:
        stat = os.stat(path)
    except OSError:
        return "missing"
    return f"{stat.st_size} {stat.st_mtime_ns}"
