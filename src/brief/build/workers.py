"""Build workers: memos made in parallel, one process each, results in task order.

Stage: build. :class:`Workers` is a pool of processes started before the parent reads and checks
the workspace, so that their imports (WeasyPrint alone takes most of a second) overlap that work;
:func:`run_memos` hands each :class:`~brief.build.pipeline.MemoTask` to it (or makes memos in this
process when one is enough) and reports progress as each memo is done.
"""

from __future__ import annotations

import os
import threading
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
        self.pool = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context(method))
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
