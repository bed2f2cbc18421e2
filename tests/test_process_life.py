"""A build's life and death: its worker processes die with it however it dies (``kill -9``
included), a build killed while it writes is finished or cleaned up by the next one, and two
builds of one workspace never write at once."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from brief.build.run import JOURNAL_NAME, LOCK_NAME
from brief.build.workers import Workers
from brief.fsio import is_temporary, roll_forward, write_atomic, write_temporary
from conftest import brief, copy_root, sample_workspace

needs_proc = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds processes through /proc (Linux)")

# `brief` from the command line, with another thread running: multiprocessing then starts the
# workers through a fork server (brief serve builds that way), not by forking the build itself.
WITH_A_THREAD = (
    "import sys, threading, time\n"
    "threading.Thread(target=time.sleep, args=(3600,), daemon=True).start()\n"
    "from brief.cli import main\n"
    "main(sys.argv[1:])\n"
)
# Without the kernel's parent-death signal: only the workers' own watch of their parent is left.
WITHOUT_PDEATHSIG = (
    "import sys\n"
    "import brief.build.workers as workers\n"
    "workers._parent_death_signal = lambda: None\n"
    "from brief.cli import main\n"
    "main(sys.argv[1:])\n"
)
# Killed (os._exit) after `limit` of the write phase's renames of outputs into build/.
DIE_AFTER_RENAMES = (
    "import os, sys\n"
    "from pathlib import Path\n"
    "limit, real, done = int(sys.argv[1]), os.replace, []\n"
    "def replace(src, dst, *args, **kwargs):\n"
    "    real(src, dst, *args, **kwargs)\n"
    "    if Path(dst).name != '.brief-journal.json':\n"
    "        done.append(dst)\n"
    "        if len(done) == limit:\n"
    "            os._exit(9)\n"
    "os.replace = replace\n"
    "from brief.cli import main\n"
    "main(sys.argv[2:])\n"
)
# Killed (os._exit) while it writes the temporaries of the write phase, before any rename.
DIE_WHILE_WRITING = (
    "import os, sys\n"
    "import brief.build.run as run\n"
    "limit, real, done = int(sys.argv[1]), run.write_temporary, []\n"
    "def write_temporary(path, data):\n"
    "    if len(done) == limit:\n"
    "        os._exit(9)\n"
    "    done.append(path)\n"
    "    return real(path, data)\n"
    "run.write_temporary = write_temporary\n"
    "from brief.cli import main\n"
    "main(sys.argv[2:])\n"
)


def children(pid: int) -> set[int]:
    found: set[int] = set()
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:  # the process ended while we looked: it has no children to find
        return found
    for task in tasks:
        with contextlib.suppress(OSError):
            found |= {int(child) for child in (task / "children").read_text().split()}
    return found


def descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children(todo.pop()) - found:
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return bool(condition())  # type: ignore[operator]


def kill_build_while_workers_run(ws: Path, program: list[str], workers: int) -> tuple[set[int], set[int]]:
    """Start a build of `ws`, SIGKILL it once `workers` processes below it exist; the processes
    that were below it, and those of them still alive a few seconds later."""
    proc = subprocess.Popen(
        [*program, "build", "--jobs", "2", "--quiet", "--force"], cwd=ws, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        assert wait_for(lambda: len(descendants(proc.pid)) >= workers, 60), "the build started no workers"
        time.sleep(0.3)  # into their imports and the first memos
        below = descendants(proc.pid)
    finally:
        proc.kill()
        proc.wait()
    wait_for(lambda: not any(alive(pid) for pid in below), 5)
    left = {pid for pid in below if alive(pid)}
    for pid in left:  # leave no process of this test behind
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return below, left


@needs_proc
@pytest.mark.parametrize(
    ("method", "program", "workers"),
    [
        ("fork", [sys.executable, "-m", "brief"], 2),
        # With forkserver, the fork server and the resource tracker are below the build as well.
        ("forkserver", [sys.executable, "-c", WITH_A_THREAD], 4),
    ],
)
def test_killed_build_leaves_no_process_behind(tmp_path: Path, method: str, program: list[str], workers: int) -> None:
    ws = sample_workspace(tmp_path)  # four audiences: both workers busy
    for attempt in range(3):  # the report: 9 of 10 killed builds left their workers
        below, left = kill_build_while_workers_run(ws, program, workers)
        assert len(below) >= workers
        assert not left, f"{method}, attempt {attempt + 1}: {len(left)} of {len(below)} processes outlived the build"


@needs_proc
def test_workers_watch_their_parent_without_the_kernels_signal(tmp_path: Path) -> None:
    """Where PR_SET_PDEATHSIG is not to be had, the worker's own watch ends it."""
    ws = sample_workspace(tmp_path)
    below, left = kill_build_while_workers_run(ws, [sys.executable, "-c", WITHOUT_PDEATHSIG], 2)
    assert len(below) >= 2
    assert not left


def _parent_death_signal() -> int:
    import ctypes

    value = ctypes.c_int()
    ctypes.CDLL(None, use_errno=True).prctl(2, ctypes.byref(value), 0, 0, 0)  # PR_GET_PDEATHSIG
    return value.value


def _thread_names() -> list[str]:
    import threading

    return [thread.name for thread in threading.enumerate()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_ask_the_kernel_to_kill_them_with_their_parent() -> None:
    with Workers(2) as workers:
        assert workers.pool.submit(_parent_death_signal).result(timeout=120) == signal.SIGKILL
        assert "brief-watch-parent" in workers.pool.submit(_thread_names).result(timeout=120)


# The write phase ------------------------------------------------------------------------------

FORMATS = ("-f", "html", "-f", "docx")
OLD, NEW = "Westmere Port Security Options", "Westmere Harbor Options"


@pytest.fixture
def built(tmp_path: Path) -> Path:
    ws = copy_root("basic", tmp_path)
    result = brief(ws, "build", "--jobs", "1", "--quiet", *FORMATS)
    assert result.exit_code == 0, result.output
    return ws


def retitle(ws: Path) -> None:
    spec = ws / "briefs" / "port-security.md"
    spec.write_text(spec.read_text(encoding="utf-8").replace(f"title: {OLD}", f"title: {NEW}"), encoding="utf-8")


def edition(path: Path) -> str:
    """Which build made an output: the title it carries."""
    title = docx.Document(str(path)).core_properties.title if path.suffix == ".docx" else path.read_text(encoding="utf-8")
    assert (OLD in title) != (NEW in title), path
    return "new" if NEW in title else "old"


def editions(ws: Path) -> dict[str, set[str]]:
    """Audience -> the editions of its files: one each when every memo is whole."""
    out = ws / "build" / "port-security"
    found: dict[str, set[str]] = {}
    for path in sorted(out.glob("*.*")):
        if path.suffix in (".html", ".docx"):
            found.setdefault(path.stem, set()).add(edition(path))
    return found


def leftovers(ws: Path) -> list[Path]:
    """Temporaries and journals anywhere in the build folder."""
    return [p for p in (ws / "build").rglob("*") if is_temporary(p.name) or p.name == JOURNAL_NAME]


def build_in_subprocess(ws: Path, program: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", program, *args], cwd=ws, capture_output=True, text=True, timeout=300)


def test_build_killed_while_renaming_is_finished_by_the_next(built: Path) -> None:
    retitle(built)
    # Three renames: the first memo's HTML and DOCX, the second memo's HTML; then killed.
    died = build_in_subprocess(built, DIE_AFTER_RENAMES, "3", "build", "--jobs", "1", "--quiet", *FORMATS)
    assert died.returncode == 9, died.stdout + died.stderr
    assert (built / "build" / JOURNAL_NAME).is_file()
    assert {"old", "new"} in editions(built).values()  # one memo half new: what the journal is for

    result = brief(built, "build", "--jobs", "1", *FORMATS)
    assert result.exit_code == 0, result.output
    assert leftovers(built) == []
    assert all(found == {"new"} for found in editions(built).values()), editions(built)
    # The journal carried the killed build's manifest too: its work is kept, not redone.
    assert "nothing to do" in result.output, result.output


def test_build_killed_while_writing_temporaries_leaves_no_debris(built: Path) -> None:
    before = {p: p.read_bytes() for p in (built / "build").rglob("*") if p.is_file()}
    died = build_in_subprocess(built, DIE_WHILE_WRITING, "3", "build", "--force", "--jobs", "1", "--quiet", *FORMATS)
    assert died.returncode == 9, died.stdout + died.stderr
    assert len([p for p in leftovers(built) if is_temporary(p.name)]) == 3  # the debris the report found

    result = brief(built, "build", "--jobs", "1", *FORMATS)
    assert result.exit_code == 0, result.output
    assert "nothing to do" in result.output  # the killed build renamed nothing
    assert leftovers(built) == []
    assert {p: p.read_bytes() for p in (built / "build").rglob("*") if p.is_file()} == before


def test_two_builds_at_once_both_succeed_with_whole_files(built: Path) -> None:
    retitle(built)
    command = [sys.executable, "-m", "brief", "build", "--jobs", "1", "--quiet", *FORMATS]
    procs = [subprocess.Popen(command, cwd=built, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [proc.communicate(timeout=300)[0] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outputs
    assert leftovers(built) == []
    assert all(found == {"new"} for found in editions(built).values())
    for path in (built / "build" / "port-security").glob("*.docx"):
        docx.Document(str(path))  # a whole zip
    json.loads((built / "build" / "port-security" / "figures.json").read_text(encoding="utf-8"))
    again = brief(built, "build", "--jobs", "1", *FORMATS)
    assert "nothing to do" in again.output, again.output  # the manifest describes what is on disk


@contextlib.contextmanager
def holding_lock(path: Path) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def test_a_build_waits_for_the_writer_and_spares_its_temporaries(built: Path) -> None:
    """A temporary is only debris once no writer holds the lock: while another process writes,
    a build neither removes its temporaries nor writes its own files."""
    out = built / "build" / "port-security"
    live = out / ".staff.html.abcd1234.tmp"
    stamp = (out / "staff.html").stat().st_mtime_ns
    with holding_lock(built / "build" / LOCK_NAME):
        live.write_bytes(b"half of a file another build is writing")
        proc = subprocess.Popen(
            [sys.executable, "-m", "brief", "build", "--force", "--jobs", "1", "-f", "html"],
            cwd=built, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        try:
            time.sleep(3)
            assert proc.poll() is None, proc.communicate()[0]
            assert live.exists()
            assert (out / "staff.html").stat().st_mtime_ns == stamp
        except BaseException:
            proc.kill()
            raise
    output = proc.communicate(timeout=300)[0]
    assert proc.returncode == 0, output
    assert not live.exists()  # the writer is gone: its temporary was debris
    assert (out / "staff.html").stat().st_mtime_ns != stamp


def test_roll_forward_renames_only_temporaries_onto_their_own_names(tmp_path: Path) -> None:
    root = tmp_path / "build"
    (root / "memo").mkdir(parents=True)
    outside = tmp_path / "victim.txt"
    outside.write_text("keep", encoding="utf-8")
    (root / "memo" / "a.pdf").write_text("old a", encoding="utf-8")
    (root / "memo" / "b.pdf").write_text("old b", encoding="utf-8")
    tmp_a = write_temporary(root / "memo" / "a.pdf", b"new a")
    tmp_b = write_temporary(root / "memo" / "b.pdf", b"new b")
    renames = [
        [tmp_a.relative_to(root).as_posix(), "memo/a.pdf"],
        [tmp_b.relative_to(root).as_posix(), "../victim.txt"],  # outside the journal's folder
        [tmp_b.relative_to(root).as_posix(), "memo/a.pdf"],  # not the temporary's own name
        ["memo/gone.pdf.abcd1234.tmp", "memo/gone.pdf"],  # renamed before the crash
    ]
    write_atomic(root / JOURNAL_NAME, json.dumps({"renames": renames}).encode())
    assert roll_forward(root / JOURNAL_NAME) == [(root / "memo" / "a.pdf").resolve()]
    assert (root / "memo" / "a.pdf").read_text(encoding="utf-8") == "new a"
    assert outside.read_text(encoding="utf-8") == "keep"
    assert not (root / JOURNAL_NAME).exists()
    assert roll_forward(root / JOURNAL_NAME) == []  # no journal: nothing to do
