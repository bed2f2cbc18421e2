"""Writing files so that a reader never sees half of one.

Shared by the build (memos, ledgers, the manifest) and ingest (summaries). Every file goes through
a temporary file in its own folder and a rename, so a failed or interrupted write leaves the
previous file as it was.
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

from brief.errors import Location, OutputError


@lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and rename it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            # mkstemp makes the file private; an output gets the mode any new file would.
            os.fchmod(fd, 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", Location(path), "output/write") from None
