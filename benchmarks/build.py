"""`brief build` speed against the tools a user would otherwise script (issue 7).

In one run, on copies of the sample workspace (the repository root) in a temporary folder:

- (a) a cold `brief build -q` (every audience as HTML, PDF and DOCX; no build/ folder yet), with
  the default `--jobs` and with `--jobs 1`;
- (b) pandoc converting the HTML memos that build wrote to DOCX, and to PDF through WeasyPrint,
  one subprocess per file, serially, as a user's script would (pandoc is installed if missing:
  from Debian's packages when root, else the pypandoc_binary wheel into this venv);
- (c) the floor: one fresh Python process that imports WeasyPrint, renders each HTML memo to PDF
  and re-saves each DOCX with python-docx;
- the ratios a/b and a/c, rebuilds after the cold build (nothing changed, one audience's CSS
  changed, one summary changed), start-up time, and the build of a generated 200-source,
  20-brief workspace (time and peak memory; see scale_workspace.py).

(a), (b) and (c) run interleaved (a, b, c, a, b, c, ...) and the medians are reported, since the
machine may be shared. Prints a Markdown table for the README.

    .venv/bin/python benchmarks/build.py [--quick] [--no-scale] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BRIEF_NAME = "us-mexico-security"
WORKSPACE_PARTS = ("seeds", "briefs", "templates", "options.yaml", "brief.toml")
TOUCHED_CSS = Path("templates") / "congressional" / "memo.css"
POLL_SECONDS = 0.05

# The floor: what any tool must do to produce these files, with nothing else in the process.
FLOOR_SCRIPT = """
import sys
from pathlib import Path

import weasyprint
import docx

base, out = sys.argv[1], Path(sys.argv[2])
for name in sys.argv[3:]:
    path = Path(name)
    if path.suffix == ".html":
        weasyprint.HTML(filename=str(path), base_url=base).write_pdf(str(out / (path.stem + ".pdf")))
    else:
        docx.Document(str(path)).save(str(out / path.name))
"""

# Runs a command and reports, besides its wall time, the largest resident set of any process in
# its tree: RUSAGE_CHILDREN counts every descendant once it has been waited for.
MAXRSS_WRAPPER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - started
maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": result.returncode, "seconds": seconds, "maxrss_kb": maxrss, "stderr": result.stderr[-4000:]}))
"""


def venv_bin() -> Path:
    """The bin folder of the interpreter running this script (the project's venv)."""
    here = Path(sys.executable).parent
    return here if (here / "brief").is_file() else REPO / ".venv" / "bin"


def tool_env() -> dict[str, str]:
    """The environment for every subprocess: the venv's bin first, so pandoc finds its weasyprint."""
    env = dict(os.environ)
    env["PATH"] = f"{venv_bin()}{os.pathsep}{env.get('PATH', '')}"
    return env


def brief(*args: str) -> list[str]:
    return [str(venv_bin() / "brief"), *args]


# --- running and timing ------------------------------------------------------------------------


@dataclass
class Timed:
    seconds: float
    returncode: int
    stderr: str


def run(command: Sequence[str], cwd: Path, check: bool = True) -> Timed:
    """Wall time of one subprocess, interpreter start-up included."""
    started = time.perf_counter()
    result = subprocess.run(list(command), cwd=cwd, env=tool_env(), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} ... failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return Timed(seconds, result.returncode, result.stderr)


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


# --- workspaces --------------------------------------------------------------------------------


def copy_sample(parent: Path) -> Path:
    """A fresh copy of the sample workspace, without build/, at parent/ws.

    The sample's summaries name their raw sources as ../../shared/...; a link beside the copy
    keeps those paths working, so the copy builds exactly what the repository does.
    """
    parent.mkdir(parents=True)
    ws = parent / "ws"
    ws.mkdir()
    for name in WORKSPACE_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, ws / name)
        elif source.is_file():
            shutil.copy2(source, ws / name)
    if SHARED.is_dir():
        (parent / "shared").symlink_to(SHARED, target_is_directory=True)
    return ws


def snapshot(folder: Path) -> dict[str, int]:
    """Modification time of each output file, to tell which ones a rebuild wrote."""
    if not folder.is_dir():
        return {}
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in sorted(folder.rglob("*")) if p.is_file()}


def changed(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return sorted(name for name, mtime in after.items() if before.get(name) != mtime)


def describe_files(names: list[str]) -> str:
    """'congressional.{docx,html,pdf}, figures.json' for a list of output paths."""
    if not names:
        return "none"
    groups: dict[str, list[str]] = {}
    for name in names:
        stem, _, suffix = Path(name).name.partition(".")
        groups.setdefault(stem, []).append(suffix)
    parts = [f"{stem}.{{{','.join(s)}}}" if len(s) > 1 else f"{stem}.{s[0]}" for stem, s in groups.items()]
    return ", ".join(parts)


def audiences_of(names: list[str]) -> set[str]:
    """The audiences whose memos are among `names` (the ledger and bookkeeping files are not memos)."""
    return {Path(n).name.split(".")[0] for n in names if Path(n).suffix in (".html", ".pdf", ".docx")}


# --- (b) pandoc --------------------------------------------------------------------------------


def ensure_pandoc() -> tuple[str, str]:
    """Path to pandoc and how it was found, installing it when it is missing."""
    found = shutil.which("pandoc", path=tool_env()["PATH"])
    if found:
        return found, "already installed"
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        install = ["apt-get", "install", "-y", "--no-install-recommends", "pandoc"]
        if subprocess.run(install, env=env, capture_output=True).returncode != 0:
            # A fresh machine has no package lists yet; fetch them once, then try again.
            subprocess.run(["apt-get", "update"], env=env, capture_output=True)
            subprocess.run(install, env=env, capture_output=True)
        found = shutil.which("pandoc")
        if found:
            return found, "installed with apt-get"
    python = str(venv_bin() / "python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", "pypandoc_binary"], capture_output=True)
    located = subprocess.run([python, "-c", "import pypandoc; print(pypandoc.get_pandoc_path())"], capture_output=True, text=True)
    path = located.stdout.strip()
    if located.returncode == 0 and path and Path(path).is_file():
        return path, "installed from the pypandoc_binary wheel"
    raise RuntimeError("pandoc is not installed and could not be installed (apt-get, pip install pypandoc_binary)")


def pandoc_version(pandoc: str) -> str:
    result = subprocess.run([pandoc, "--version"], capture_output=True, text=True)
    return result.stdout.splitlines()[0] if result.returncode == 0 and result.stdout else "unknown"


def time_pandoc(pandoc: str, ws: Path, htmls: list[Path], out: Path) -> float:
    """Serial pandoc runs, one per output file, from the workspace so relative links resolve.
    The memo's <title> becomes pandoc's title; --quiet keeps warnings about the rest out."""
    out.mkdir(parents=True, exist_ok=True)
    total = 0.0
    for html in htmls:
        total += run([pandoc, str(html), "-o", str(out / f"{html.stem}.docx"), "--quiet"], ws).seconds
        total += run([pandoc, str(html), "-o", str(out / f"{html.stem}.pdf"), "--pdf-engine=weasyprint", "--quiet"], ws).seconds
    return total


# --- (c) the floor ------------------------------------------------------------------------------


def time_floor(ws: Path, htmls: list[Path], docxs: list[Path], out: Path) -> float:
    out.mkdir(parents=True, exist_ok=True)
    command = [str(venv_bin() / "python"), "-c", FLOOR_SCRIPT, str(ws), str(out), *map(str, htmls), *map(str, docxs)]
    return run(command, ws).seconds


# --- memory of a process tree ----------------------------------------------------------------------


def _proc_tree_rss_kb(root: int) -> int:
    """Summed VmRSS of root's descendants (not root itself), read from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and parentheses; the fields after its last ')' do not.
        fields = stat[stat.rfind(")") + 2 :].split()
        parents[int(entry)] = int(fields[1])
    descendants: list[int] = []
    frontier = [root]
    while frontier:
        pid = frontier.pop()
        kids = [child for child, parent in parents.items() if parent == pid]
        descendants.extend(kids)
        frontier.extend(kids)
    total = 0
    for pid in descendants:
        try:
            match = re.search(r"^VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text(), re.M)
        except OSError:
            continue
        total += int(match.group(1)) if match else 0
    return total


@dataclass
class Measured:
    seconds: float
    returncode: int
    stderr: str
    max_process_mb: float
    peak_tree_mb: float


def measure_memory(command: Sequence[str], cwd: Path) -> Measured:
    """Wall time, largest single-process RSS and peak summed RSS of the whole process tree."""
    wrapper = subprocess.Popen([sys.executable, "-c", MAXRSS_WRAPPER, *command], cwd=cwd, env=tool_env(), stdout=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def poll() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _proc_tree_rss_kb(wrapper.pid))
            stop.wait(POLL_SECONDS)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    out, _ = wrapper.communicate()
    stop.set()
    poller.join()
    report = json.loads(out.strip().splitlines()[-1])
    return Measured(report["seconds"], report["rc"], report["stderr"], report["maxrss_kb"] / 1024, peak / 1024)


# --- the table ---------------------------------------------------------------------------------


@dataclass
class Table:
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, measurement: str, value: str, target: str = "", passed: bool | None = None) -> None:
        result = "" if passed is None else ("PASS" if passed else "FAIL")
        self.rows.append((measurement, value, target, result))

    def print(self) -> None:
        print("| measurement | value | target | result |")
        print("|---|--:|---|---|")
        for row in self.rows:
            print("| " + " | ".join(row) + " |")
        if self.notes:
            print()
            for note in self.notes:
                print(f"- {note}")


def seconds_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


# --- the measurements -----------------------------------------------------------------------------


@dataclass
class ColdRuns:
    default: list[float] = field(default_factory=list)
    one_job: list[float] = field(default_factory=list)
    pandoc: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    workspace: Path | None = None  # the last cold-built workspace, for the rebuilds


def cold_runs(tmp: Path, repeats: int, pandoc: str) -> ColdRuns:
    runs = ColdRuns()
    for index in range(repeats):
        ws = copy_sample(tmp / f"cold-{index}")
        runs.default.append(run(brief("build", "-q"), ws).seconds)
        single = copy_sample(tmp / f"cold-{index}-j1")
        runs.one_job.append(run(brief("build", "-q", "--jobs", "1"), single).seconds)
        shutil.rmtree(single.parent)
        out = ws / "build" / BRIEF_NAME
        htmls = sorted(out.glob("*.html"))
        docxs = sorted(out.glob("*.docx"))
        if not htmls:
            raise RuntimeError(f"brief build wrote no HTML memos in {out}")
        runs.pandoc.append(time_pandoc(pandoc, ws, htmls, tmp / f"pandoc-{index}"))
        runs.floor.append(time_floor(ws, htmls, docxs, tmp / f"floor-{index}"))
        if runs.workspace is not None:
            shutil.rmtree(runs.workspace.parent)
        runs.workspace = ws
    return runs


def rebuilds(ws: Path, cold: float, table: Table) -> None:
    """No-op, one-template and one-summary rebuilds in a workspace that was just built."""
    out = ws / "build"
    noop: list[float] = []
    rewritten: set[str] = set()
    for _ in range(3):
        before = snapshot(out)
        noop.append(run(brief("build", "-q"), ws).seconds)
        rewritten.update(changed(before, snapshot(out)))
    noop_s = statistics.median(noop)
    table.add("no-op rebuild (median of 3)", seconds_text(noop_s), "≤ 0.2 s", noop_s <= 0.2)
    table.add("cold / no-op rebuild", f"{cold / noop_s:.1f}×", "≥ 8×", cold / noop_s >= 8)
    table.notes.append(f"No-op rebuilds rewrote: {describe_files(sorted(rewritten))}.")

    css = ws / TOUCHED_CSS
    if css.is_file():
        with css.open("a", encoding="utf-8") as handle:
            handle.write("\n/* benchmark: a harmless change */\n")
        before = snapshot(out)
        seconds = run(brief("build", "-q"), ws).seconds
        files = changed(before, snapshot(out))
        only = audiences_of(files) == {"congressional"}
        table.add(f"rebuild after editing {TOUCHED_CSS.as_posix()}", seconds_text(seconds), "only congressional rebuilt", only)
        table.notes.append(f"After the CSS edit the build wrote: {describe_files(files)}.")
    else:
        table.add(f"rebuild after editing {TOUCHED_CSS.as_posix()}", "n/a", "only congressional rebuilt")

    seed = first_seed(ws)
    if seed is not None:
        edit_summary(seed)
        before = snapshot(out)
        seconds = run(brief("build", "-q"), ws).seconds
        files = changed(before, snapshot(out))
        table.add(f"rebuild after editing seeds/{seed.name}", seconds_text(seconds), "", None)
        table.notes.append(f"After the summary edit the build wrote: {describe_files(files)}.")


def first_seed(ws: Path) -> Path | None:
    seeds = sorted((ws / "seeds").glob("*.yaml"))
    return seeds[0] if seeds else None


def edit_summary(path: Path) -> None:
    """A trivial edit of the first key point, through a YAML round trip."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    points = data.get("summary") or []
    if points:
        points[0] = points[0].rstrip() + " (Reviewed.)"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")


def startup(table: Table) -> None:
    help_times = [run(brief("--help"), REPO).seconds for _ in range(5)]
    import_times = [run([str(venv_bin() / "python"), "-c", "import brief"], REPO).seconds for _ in range(5)]
    for label, values in (("`brief --help` (median of 5)", help_times), ('`python -c "import brief"` (median of 5)', import_times)):
        value = statistics.median(values)
        table.add(label, seconds_text(value), "≤ 0.15 s", value <= 0.15)


def scale(tmp: Path, table: Table) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from scale_workspace import make_scale_workspace

    started = time.perf_counter()
    ws = make_scale_workspace(tmp / "scale" / "ws", jobs=os.cpu_count() or 1)
    generated = time.perf_counter() - started
    summaries = len(list((ws / "seeds").glob("*.yaml")))
    briefs = sorted((ws / "briefs").glob("*.md"))
    measured = measure_memory(brief("build", "-q"), ws)
    if measured.returncode != 0:
        table.add(f"scale build ({summaries} sources, {len(briefs)} briefs)", "failed", "≤ 30 s", False)
        table.notes.append("Scale build errors: " + " / ".join(measured.stderr.strip().splitlines()[:5]))
        return
    outputs = sum(1 for p in (ws / "build").rglob("*") if p.is_file())
    label = f"scale build ({summaries} sources, {len(briefs)} briefs, {outputs} files)"
    table.add(label, seconds_text(measured.seconds), "≤ 30 s", measured.seconds <= 30)
    table.add("scale build peak memory, whole process tree", f"{measured.peak_tree_mb:.0f} MB", "≤ 1 GB", measured.peak_tree_mb <= 1024)
    table.add("scale build largest single process", f"{measured.max_process_mb:.0f} MB", "", None)
    table.notes.append(
        f"Scale workspace generated (ingest with --jobs {os.cpu_count()}) in {generated:.1f} s. Tree memory is the peak of the "
        f"summed RSS of brief and its workers, sampled every {POLL_SECONDS * 1000:.0f} ms (/proc VmRSS); shared pages count "
        "once per process. The single-process figure is getrusage(RUSAGE_CHILDREN).ru_maxrss."
    )


def code_stamp() -> float:
    """Latest change to brief's code and built-in templates: rebuild rows mean nothing if the
    package changes mid-run, since a changed package rightly makes every memo stale."""
    located = subprocess.run([str(venv_bin() / "python"), "-c", "import brief; print(brief.__file__)"], capture_output=True, text=True)
    if located.returncode != 0:
        return 0.0
    package = Path(located.stdout.strip()).parent
    return max((p.stat().st_mtime for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts), default=0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one repeat, no scale workspace")
    parser.add_argument("--no-scale", action="store_true", help="skip the generated scale workspace")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved repeats of (a), (b) and (c)")
    args = parser.parse_args()
    repeats = 1 if args.quick else max(1, args.repeats)
    if not (venv_bin() / "brief").is_file():
        print(f"brief not found in {venv_bin()}; run ./dev build first", file=sys.stderr)
        return 2
    if not SHARED.is_dir():
        print(f"evaluation corpus not found: {SHARED} (the sample summaries' raw sources and the scale corpus)", file=sys.stderr)
    # An editable install leaves brief's own modules uncompiled, and where PYTHONDONTWRITEBYTECODE
    # is set every run would compile them again; ./dev does the same before building.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], capture_output=True, check=False)
    started = time.perf_counter()
    stamp = code_stamp()
    table = Table()
    try:
        pandoc, how = ensure_pandoc()
        with tempfile.TemporaryDirectory(prefix="brief-bench-") as name:
            tmp = Path(name)
            runs = cold_runs(tmp, repeats, pandoc)
            a, b, c = median(runs.default), median(runs.pandoc), median(runs.floor)
            assert a is not None and b is not None and c is not None
            cores = os.cpu_count() or 1
            table.add(f"(a) cold `brief build`, default jobs ({cores} cores)", seconds_text(a))
            table.add("(a) cold `brief build --jobs 1`", seconds_text(median(runs.one_job)))
            table.add("(b) pandoc: HTML → DOCX, and → PDF with WeasyPrint", seconds_text(b))
            table.add("(c) floor: WeasyPrint + python-docx in one process", seconds_text(c))
            table.add("a / b", f"{a / b:.2f}", "≤ 0.5", a / b <= 0.5)
            table.add("a / c", f"{a / c:.2f}", "≤ 1.25", a / c <= 1.25)
            assert runs.workspace is not None
            rebuilds(runs.workspace, a, table)
            startup(table)
            if not (args.quick or args.no_scale):
                if (SHARED / "corpus").is_dir():
                    scale(tmp, table)
                else:
                    table.add("scale build", "n/a (corpus absent)", "≤ 30 s")
            table.notes.insert(0, f"{pandoc_version(pandoc)} ({how}); medians of {repeats} interleaved run(s) of (a), (b), (c).")
            if code_stamp() != stamp:
                table.notes.append("brief's code or built-in templates changed during this run; the timings are not comparable.")
    except RuntimeError as exc:
        table.print()
        print(f"\nerror: {exc}", file=sys.stderr)
        return 1
    table.print()
    print(f"\n(benchmark ran for {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
