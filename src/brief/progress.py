"""Progress of a long command: one updating status line on a terminal, a plain log otherwise.

Shared by the build and ingest; the CLI chooses where it goes. A command calls :meth:`start`
once, :meth:`advance` as each item (a memo, a file) is done, :meth:`note` for a line that must
not be lost under the status line, and :meth:`finish` at the end. On a terminal, one status line
on standard error is rewritten in place; otherwise each item gets one line on standard output,
beside the "wrote" lines, so standard error holds only problems.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, label: str, seconds: float) -> None: ...

    def note(self, line: str) -> None: ...

    def finish(self) -> None: ...


class LogProgress:
    """One line per memo, for output that is not a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = self.done = 0

    def start(self, total: int) -> None:
        self.total, self.done = total, 0

    def advance(self, label: str, seconds: float) -> None:
        self.done += 1
        print(f"[{self.done}/{self.total}] rendered {label} in {seconds:.1f} s", file=self.stream, flush=True)

    def note(self, line: str) -> None:
        print(line, file=self.stream, flush=True)

    def finish(self) -> None:
        pass


class TerminalProgress:
    """A status line rewritten in place: a bar, the count, the last item done and time elapsed."""

    WIDTH = 24

    def __init__(self, stream: TextIO | None = None, noun: str = "memos") -> None:
        self.stream = stream or sys.stderr
        self.noun = noun
        self.total = self.done = 0
        self.started = time.perf_counter()
        self.label = ""

    def start(self, total: int) -> None:
        self.total, self.done, self.started = total, 0, time.perf_counter()
        self._draw("starting")

    def advance(self, label: str, seconds: float) -> None:
        self.done += 1
        self._draw(label)

    def note(self, line: str) -> None:
        # The line goes where the status line was, and the status line is drawn again below it.
        self.stream.write(f"\r\033[K{line}\n")
        self._draw(self.label)

    def finish(self) -> None:
        self.stream.write("\r\033[K")  # leave the terminal as it was: the summary follows
        self.stream.flush()

    def _draw(self, label: str) -> None:
        self.label = label
        filled = round(self.WIDTH * self.done / self.total) if self.total else self.WIDTH
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        elapsed = time.perf_counter() - self.started
        self.stream.write(f"\r\033[K[{bar}] {self.done}/{self.total} {self.noun}  {elapsed:5.1f} s  {label}")
        self.stream.flush()


def for_streams(out: TextIO, err: TextIO) -> Progress:
    """A live status line when standard error is a terminal, else a log on standard output."""
    return TerminalProgress(err) if err.isatty() else LogProgress(out)
