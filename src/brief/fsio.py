"""Writing files so that a reader never sees half of one, and a set of files so that a crash
never leaves some of them new and the others old.

Shared by the build (memos, ledgers, the manifest) and ingest (summaries). Every file goes through
a temporary file in its own folder, named ``.<name>.<random>.tmp``, and a rename, so a failed or
interrupted write leaves the previous file as it was.

A set of files is replaced through a journal (:func:`replace_all`): every new file is written to
its temporary first, then the planned renames are recorded in a small journal file (itself written
atomically), then each temporary is renamed into place, then the journal is removed. A process
killed part way leaves the journal; :func:`roll_forward` finishes its renames, since every
temporary a journal names was whole before the journal was written. Temporaries that no journal
names are debris of a write that never got that far (:func:`remove_temporaries`). Both run under
an exclusive lock (:func:`exclusive_lock`), which the writer holds, so that no process removes or
renames the live temporaries of another.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from brief.errors import Location, OutputError

try:
    import fcntl
except ImportError:  # not on a POSIX system: writers are not serialised
    fcntl = None  # type: ignore[assignment]

# What tempfile.mkstemp(prefix=".<name>.", suffix=".tmp") makes: eight random characters.
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")


@lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return mask


def is_temporary(name: str) -> bool:
    """Whether a file name is that of a temporary :func:`write_temporary` makes."""
    return _TEMPORARY.fullmatch(name) is not None


def write_temporary(path: Path, data: bytes) -> Path:
    """Write `data` to a new temporary file beside `path` (``.<name>.<random>.tmp``), with the mode
    any new file would get, and return it; the caller renames it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            # mkstemp makes the file private; an output gets the mode any new file would.
            os.fchmod(fd, 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", Location(path), "output/write") from None
    return Path(tmp)


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and rename it into place."""
    tmp = write_temporary(path, data)
    try:
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror}", Location(path), "output/write") from None


def replace_all(renames: Sequence[tuple[Path, Path]], journal: Path) -> None:
    """Rename each (temporary, target) pair, as a set: the renames are recorded in `journal` first,
    so that a process killed part way has them finished by the next :func:`roll_forward`. Paths
    are recorded relative to the journal's folder, and must lie inside it."""
    root = journal.parent
    entries = [[tmp.relative_to(root).as_posix(), target.relative_to(root).as_posix()] for tmp, target in renames]
    write_atomic(journal, (json.dumps({"renames": entries}, indent=1) + "\n").encode("utf-8"))
    for tmp, target in renames:
        try:
            os.replace(tmp, target)
        except OSError as exc:
            # The journal stays: the next build under the lock finishes what is left.
            raise OutputError(f"cannot write: {exc.strerror}", Location(target), "output/write") from None
    _remove(journal)


def roll_forward(journal: Path) -> list[Path]:
    """Finish the renames of a journal that a killed process left (each temporary it names was
    whole before the journal was written), then remove the journal; the files put in place. A
    journal that cannot be read, or an entry that is not a temporary renamed onto its own name
    inside the journal's folder, is ignored (its temporaries are then only debris)."""
    try:
        text = journal.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise OutputError(f"cannot read: {exc.strerror}", Location(journal), "output/write") from None
    try:
        entries = json.loads(text)["renames"]
    except (ValueError, TypeError, KeyError):
        entries = []
    root = journal.parent.resolve()
    done: list[Path] = []
    for entry in entries if isinstance(entries, list) else []:
        if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(part, str) for part in entry)):
            continue
        tmp, target = (root / entry[0]).resolve(), (root / entry[1]).resolve()
        match = _TEMPORARY.fullmatch(tmp.name)
        if not (match and match["name"] == target.name and tmp.parent == target.parent and target.is_relative_to(root)):
            continue
        try:
            os.replace(tmp, target)
        except FileNotFoundError:  # renamed before the process died
            continue
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror}", Location(target), "output/write") from None
        done.append(target)
    _remove(journal)
    return done


def remove_temporaries(folders: Iterable[Path]) -> list[Path]:
    """Remove the temporaries in `folders` (not below them): what a killed write left. Call it
    only under the lock that writers hold, or it removes a live write's files."""
    removed: list[Path] = []
    for folder in folders:
        for path in temporaries(folder):
            _remove(path)
            removed.append(path)
    return removed


def temporaries(folder: Path) -> list[Path]:
    """The temporaries in a folder (not below it)."""
    try:
        with os.scandir(folder) as entries:
            return [Path(e.path) for e in entries if is_temporary(e.name) and e.is_file(follow_symlinks=False)]
    except (FileNotFoundError, NotADirectoryError):
        return []


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot remove: {exc.strerror}", Location(path), "output/write") from None


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file `path` (made when missing) until the block ends; other
    processes wait for it. The kernel releases it when the process dies, however it dies."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise OutputError(f"cannot lock: {exc.strerror}", Location(path), "output/write") from None
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock
