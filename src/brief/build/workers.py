"""Build workers: memos made in parallel, one process each, results in task order.

Stage: build. :class:`Workers` is a pool of processes started before the parent reads and checks
the workspace, so that their imports (WeasyPrint alone takes most of a second) overlap that work;
:func:`run_memos` hands each :class:`~brief.build.pipeline.MemoTask` to it (or makes memos in this
process when one is enough) and reports progress as each memo is done.

A worker never outlives the build that started it, however the build ends (``kill -9``
included): see :func:`_die_with_build`.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from brief.build.pipeline import MemoResult, MemoTask, make_memo
from brief.errors import RenderError

if TYPE_CHECKING:
    from brief.progress import Progress


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_memos(tasks: Sequence[MemoTask], jobs: int, progress: Progress | None = None, workers: Workers | None = None) -> list[MemoResult]:
    """Make every memo, `jobs` at a time in worker processes (those of `workers` when the
    caller started them early); results in task order."""
    if progress:
        progress.start(len(tasks))
    results: list[MemoResult | None] = [None] * len(tasks)

    def done(index: int, result: MemoResult) -> None:
        results[index] = result
        if progress:
            progress.advance(f"{result.brief}/{result.audience}", result.seconds)

    try:
        if workers is None and min(jobs, len(tasks)) > 1:
            with Workers(min(jobs, len(tasks))) as pool:
                pool.run(tasks, done)
        elif workers is not None and len(tasks) > 1:
            workers.run(tasks, done)
        else:
            for index, task in enumerate(tasks):
                done(index, make_memo(task))
    finally:
        if progress:
            progress.finish()
    return [r for r in results if r is not None]


def _warm_up() -> None:
    """Import the renderers in a new worker, while the parent is still reading the workspace."""
    import docx  # noqa: F401
    import weasyprint  # noqa: F401

    import brief.assemble.assembler
    import brief.render.docx
    import brief.verify  # noqa: F401


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_SECONDS = 0.2  # how often a worker without the kernel's help looks at its parent


def _die_with_build(build: int, method: str) -> None:
    """The first thing each worker does. A worker waits for work on a pipe that it holds open
    itself, so it would wait forever once the build is gone; it must die with the build.

    - The kernel sends it SIGKILL when its parent exits (Linux: ``PR_SET_PDEATHSIG``; strictly,
      when the parent's thread that forked it ends: the build's only thread, since fork is used
      only when no other thread runs, or the fork server's).
    - A daemon thread looks at the parent every ``WATCH_SECONDS`` and ends the process when the
      parent changed (elsewhere, and should the kernel's signal be refused).
    - Started by fork or spawn, the parent is the build. Started by forkserver, it is the fork
      server, which multiprocessing ends when the end of its "alive" pipe that every client holds
      is closed in all of them; but it also hands that end to each worker it starts, so a killed
      build would leave the server waiting for its workers and the workers for their server. A
      worker starts no processes, so it closes its copy (:func:`_release_forkserver`): the server
      then exits with the build, and its workers with it.
    """
    _parent_death_signal()
    parent = os.getppid()
    if method != "forkserver" and parent != build:
        os._exit(1)  # the build died before this worker could ask to die with it
    # (Started by forkserver, the parent cannot be gone yet: it waits for this worker's copy
    # of the alive pipe, closed only now.)
    _release_forkserver()
    threading.Thread(target=_watch_parent, args=(parent,), name="brief-watch-parent", daemon=True).start()


def _parent_death_signal() -> None:
    """Ask the kernel for SIGKILL when this process's parent exits (Linux only)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _release_forkserver() -> None:
    """Close this process's end of the fork server's alive pipe (see :func:`_die_with_build`)."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    fd = getattr(server, "_forkserver_alive_fd", None)
    if isinstance(fd, int):
        with contextlib.suppress(OSError):
            os.close(fd)
        server._forkserver_alive_fd = None  # type: ignore[union-attr]


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


class Workers:
    """A pool of worker processes, started before the parent reads and checks the workspace so
    that their imports overlap that work."""

    def __init__(self, count: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork starts a worker in milliseconds; it is only safe when no other thread runs
        # (brief serve builds from a thread), where forkserver is used instead.
        methods = multiprocessing.get_all_start_methods()
        method = "fork" if "fork" in methods and threading.active_count() == 1 else ("forkserver" if "forkserver" in methods else "spawn")
        before = set(multiprocessing.active_children())
        context = multiprocessing.get_context(method)
        self.pool = ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_die_with_build, initargs=(os.getpid(), method))
        for _ in range(count):
            self.pool.submit(_warm_up)
        self.children = [c for c in multiprocessing.active_children() if c not in before]
        self.finished = False

    def run(self, tasks: Sequence[MemoTask], done: Callable[[int, MemoResult], None]) -> None:
        from concurrent.futures import as_completed
        from concurrent.futures.process import BrokenProcessPool

        try:
            futures = {self.pool.submit(make_memo, task): index for index, task in enumerate(tasks)}
            for future in as_completed(futures):
                done(futures[future], future.result())
        except BrokenProcessPool:
            message = "a build worker stopped unexpectedly (out of memory?); try again with --jobs 1"
            raise RenderError(message, None, "render/worker") from None
        self.finished = True

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.finished:
            # The build stopped early (an error in the workspace, Ctrl-C): do not wait for the
            # workers to finish importing or rendering what nobody will write.
            for child in self.children:
                child.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)
