"""``brief check``: verify what memos claim against the raw sources.

Stage: verification, after input and before (or beside) the build. For each brief it checks that
every figure's verbatim locator occurs in its raw source and holds the stated value, that every
quotation occurs verbatim and its speaker is named in the source near it, that each summary's
``source_sha256`` still matches its raw file (a stale summary is a warning), and that the brief's
citations name summaries that exist. Findings are lines ``path:line: error|warning: message``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from brief.errors import BriefError, BriefErrors, Location
from brief.models import SourceSummary
from brief.provenance import normalize
from brief.spec import BriefSpec, load_spec
from brief.summaries import LoadedSummary, load_summaries
from brief.workspace import Workspace


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" | "warning"
    message: str
    path: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _loc(path: Path, line: int | None) -> tuple[str, int | None]:
    return str(Location(path)), line


def find_raw(summary: LoadedSummary, sources_dir: Path | None) -> Path | None:
    """The raw source of a summary: its ``source_file``, else a file in `sources_dir` with the
    same name or the same hash."""
    path = summary.raw_path()
    if path is not None and path.is_file():
        return path
    if sources_dir is None or not sources_dir.is_dir():
        return None
    name = Path(summary.summary.source_file or "").name
    if name and (sources_dir / name).is_file():
        return sources_dir / name
    wanted = summary.summary.source_sha256
    if wanted:
        for candidate in sorted(sources_dir.iterdir()):
            if candidate.is_file() and hashlib.sha256(candidate.read_bytes()).hexdigest() == wanted:
                return candidate
    return None


def _holds_value(quote: str, value: float, upper: float | None) -> bool:
    """Does the locator state the number? Parsed with the same rules ingest uses."""
    from brief.ingest.figures import find_figures

    spans = [(0, len(quote))]
    for found in find_figures(quote, spans):
        if _close(found.value, value) and (upper is None or found.upper is None or _close(found.upper, upper)):
            return True
        if upper is not None and found.upper is None and (_close(found.value, upper)):
            return True
    return False


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(abs(b) * 0.002, 0.01)


def check_summary(item: LoadedSummary, raw_path: Path | None) -> list[Finding]:
    """Figures, quotations and the hash of one summary against its raw source."""
    findings: list[Finding] = []
    summary: SourceSummary = item.summary
    path = item.path
    lines = _yaml_lines(path)
    if raw_path is None:
        where = summary.source_file or "(no source_file)"
        findings.append(
            Finding(
                "error", f"raw source {where} not found; figures and quotations cannot be verified", *_loc(path, lines.get("source_file"))
            )
        )
        return findings
    data = raw_path.read_bytes()
    if summary.source_sha256 and hashlib.sha256(data).hexdigest() != summary.source_sha256:
        findings.append(
            Finding(
                "warning",
                f"stale summary: {raw_path.name} has changed since it was summarised (sha256 differs)",
                *_loc(path, lines.get("source_sha256")),
            )
        )
    raw = data.decode("utf-8", errors="replace")
    text, _ = normalize(raw)
    for fig in summary.figures:
        line = item.figure_lines.get(fig.id)
        quote, _ = normalize(fig.quote)
        if quote.strip() not in text:
            findings.append(
                Finding("error", f"figure '{fig.id}': quote “{fig.quote}” does not occur in {raw_path.name}", *_loc(path, line))
            )
        elif not _holds_value(fig.quote, fig.value, fig.upper):
            findings.append(
                Finding("error", f"figure '{fig.id}': quote “{fig.quote}” does not state the value {_num(fig.value)}", *_loc(path, line))
            )
    for index, q in enumerate(summary.quotes):
        line = lines.get(f"quotes[{index}]")
        quote, _ = normalize(q.text)
        at = text.find(quote.strip())
        if at < 0:
            findings.append(
                Finding("error", f"quotation from {q.speaker} is not verbatim in {raw_path.name}: “{q.text}”", *_loc(path, line))
            )
            continue
        window = text[max(0, at - 600) : at + len(quote) + 400]
        names = [w for w in re.findall(r"[^\W\d_]{3,}", q.speaker) if w[0].isupper()] or re.findall(r"[^\W\d_]{4,}", q.speaker)
        if names and not any(name.lower() in window.lower() for name in names):
            findings.append(
                Finding(
                    "error",
                    f"quotation “{q.text}” is attributed to {q.speaker}, who is not named near it in {raw_path.name}",
                    *_loc(path, line),
                )
            )
    return findings


def _num(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _yaml_lines(path: Path) -> dict[str, int]:
    """Lines of top-level keys and of list items such as quotes[2], for locations."""
    import yaml

    lines: dict[str, int] = {}
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return lines
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key, value in node.value:
        lines[key.value] = key.start_mark.line + 1
        if isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                lines[f"{key.value}[{i}]"] = item.start_mark.line + 1
    return lines


def check_citations(spec: BriefSpec, summaries: dict[str, LoadedSummary]) -> list[Finding]:
    findings: list[Finding] = []
    figure_ids = {f.id for s in summaries.values() for f in s.summary.figures}
    for number, text in enumerate(spec.text.splitlines(), start=1):
        for match in re.finditer(r"""cite\(\s*["']([^"']+)["']\s*\)""", text):
            if match.group(1) not in summaries:
                findings.append(
                    Finding("error", f"citation of '{match.group(1)}', which has no summary in seeds/", *_loc(spec.path, number))
                )
        for match in re.finditer(r"""figure\(\s*["']([^"']+)["']\s*\)""", text):
            if match.group(1) not in figure_ids:
                findings.append(Finding("error", f"figure '{match.group(1)}' is in no summary", *_loc(spec.path, number)))
    return findings


def check_rendered(workspace: Workspace, briefs: list[str], summaries: dict[str, LoadedSummary]) -> list[Finding]:
    """Build every memo in memory (nothing is written) and check the memo rules on the PDF and
    DOCX. A memo that cannot be rendered at all (a page limit broken) is itself a finding."""
    from brief.build import MemoTask, default_jobs, plan_builds, run_memos

    findings: list[Finding] = []
    plans, catalogue = plan_builds(workspace, briefs, [], summaries)
    tasks = [
        MemoTask(workspace, spec, sources, catalogue, audience, ("pdf", "docx")) for spec, sources, loaded in plans for audience in loaded
    ]
    paths = {spec.name: spec.path for spec, _, _ in plans}
    for result in run_memos(tasks, default_jobs()):
        for error in result.errors:
            findings.extend(_findings_of(error))
        for severity, message, line in result.rules:
            findings.append(Finding(severity, message, *_loc(paths[result.brief], line)))
    return list({str(f): f for f in findings}.values())


def run_check(workspace: Workspace, briefs: list[str], sources_dir: Path | None) -> list[Finding]:
    """All findings for the named briefs (or all), with the summaries they use."""
    from brief.assemble import select_sources
    from brief.build import find_briefs

    summaries = load_summaries(workspace)
    findings: list[Finding] = []
    used: dict[str, LoadedSummary] = {}
    for path in find_briefs(workspace, briefs):
        try:
            spec = load_spec(path)
            chosen = select_sources(spec, summaries)
        except BriefError as exc:
            findings.extend(_findings_of(exc))
            continue
        findings.extend(check_citations(spec, summaries))
        used.update({s.id: s for s in chosen})
    for item in used.values():
        findings.extend(check_summary(item, find_raw(item, sources_dir)))
    from brief.conflicts import find_conflicts

    for conflict in find_conflicts(list(used.values())):
        summary, figure = conflict.first
        findings.append(Finding("warning", conflict.describe(), *_loc(summary.path, summary.figure_lines.get(figure.id))))
    if not any(f.severity == "error" for f in findings):
        findings.extend(check_rendered(workspace, briefs, summaries))
    return findings


def _findings_of(error: BriefError) -> list[Finding]:
    """A library error (or several reported together) as findings."""
    return [_from_error(e) for e in (error.errors if isinstance(error, BriefErrors) else [error])]


def _from_error(error: BriefError) -> Finding:
    location = error.location
    return Finding("error", error.message, str(Location(location.path)) if location else "", location.line if location else None)
