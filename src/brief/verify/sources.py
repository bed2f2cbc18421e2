"""Sources: what summaries and briefs claim, verified against the raw sources.

Stage: verify (``brief check``). Checks that every figure's verbatim locator occurs in its raw
source and states the figure's value, read by the rules ingest reads numbers with
(:mod:`brief.numbers`); that every quotation occurs verbatim with its speaker named near it; that
each summary's ``source_sha256`` still matches its raw file (a stale summary is a warning); that a
brief's citations name summaries and figures that exist; and which figures' values differ, and
why (a contradiction, a different measure or scope, a different date). Returns diagnostics.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from brief.assemble.conflicts import find_conflicts
from brief.diagnostics import Diagnostic, Location, diagnostic
from brief.errors import BriefError
from brief.inputs.models import SourceSummary
from brief.inputs.spec import BriefSpec
from brief.inputs.summaries import LoadedSummary
from brief.labels import misnamed, states_value
from brief.speakers import named_near_in_order
from brief.verify.provenance import normalize


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


# What a reader reads in a raw file (PDF, DOCX, HTML, Markdown, text): ingest's readers, passed in
# by the command, since verification comes before ingest in the order of the stages.
TextReader = Callable[[Path], str]


def check_summary(item: LoadedSummary, raw_path: Path | None, reader: TextReader | None = None) -> list[Diagnostic]:
    """Figures, quotations and the hash of one summary against its raw source, read as `reader`
    reads it (the text ingest drafted from), else as UTF-8."""
    findings: list[Diagnostic] = []
    summary: SourceSummary = item.summary
    path = item.path
    lines = _yaml_lines(path)
    if raw_path is None:
        where = summary.source_file or "(no source_file)"
        findings.append(
            diagnostic(
                "source/not-found",
                f"raw source {where} not found; figures and quotations cannot be verified",
                Location(path, lines.get("source_file")),
            )
        )
        return findings
    data = raw_path.read_bytes()
    if summary.source_sha256 and hashlib.sha256(data).hexdigest() != summary.source_sha256:
        findings.append(
            diagnostic(
                "source/stale",
                f"stale summary: {raw_path.name} has changed since it was summarised (sha256 differs)",
                Location(path, lines.get("source_sha256")),
            )
        )
    raw = data.decode("utf-8", errors="replace")
    if reader is not None:
        # A file ingest cannot read is checked as its bytes say; ingest reports the file itself.
        with contextlib.suppress(BriefError):
            raw = reader(raw_path)
    text, offsets = normalize(raw)
    for fig in summary.figures:
        line = item.figure_lines.get(fig.id)
        quote, _ = normalize(fig.quote)
        if quote.strip() not in text:
            findings.append(
                diagnostic(
                    "figure/quote", f"figure '{fig.id}': quote “{fig.quote}” does not occur in {raw_path.name}", Location(path, line)
                )
            )
        elif not states_value(fig.quote, fig.value, fig.upper):
            findings.append(
                diagnostic(
                    "figure/value",
                    f"figure '{fig.id}': quote “{fig.quote}” does not state the value {_num(fig.value)}",
                    Location(path, line),
                )
            )
        elif (name := misnamed(fig.label, fig.quote, text, summary.organizations, [p.name for p in summary.people])) is not None:
            message = f"figure '{fig.id}': its label names {name}, whom the passage holding its quote does not name"
            findings.append(diagnostic("figure/label", message, Location(path, line)))
    placed: list[tuple[int, int, int]] = []  # (index, start, end) in the text as written
    for index, q in enumerate(summary.quotes):
        quote, _ = normalize(q.text)
        at = text.find(quote.strip())
        if at < 0:
            findings.append(
                diagnostic(
                    "quote/verbatim",
                    f"quotation from {q.speaker} is not verbatim in {raw_path.name}: “{q.text}”",
                    Location(path, lines.get(f"quotes[{index}]")),
                )
            )
            continue
        # Named near is read in the text as written, whose line breaks say where a paragraph or a
        # list of quotations starts (the rule ingest drafted by); the match maps back to it.
        end = at + len(quote.strip())
        placed.append((index, offsets[at], offsets[end - 1] + 1 if end > at else offsets[at]))
    quoted = [(summary.quotes[i].speaker, start, end, summary.quotes[i].role) for i, start, end in placed]
    for (index, _, _), passed in zip(placed, named_near_in_order(raw, quoted), strict=True):
        if not passed:
            q = summary.quotes[index]
            findings.append(
                diagnostic(
                    "quote/speaker",
                    f"quotation “{q.text}” is attributed to {q.speaker}, who is not named near it in {raw_path.name}",
                    Location(path, lines.get(f"quotes[{index}]")),
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


def check_citations(spec: BriefSpec, summaries: Mapping[str, LoadedSummary]) -> list[Diagnostic]:
    """Every cite() and figure() of a brief's text names a summary and a figure that exist."""
    findings: list[Diagnostic] = []
    figure_ids = {f.id for s in summaries.values() for f in s.summary.figures}
    for number, text in enumerate(spec.text.splitlines(), start=1):
        for match in re.finditer(r"""cite\(\s*["']([^"']+)["']\s*\)""", text):
            if match.group(1) not in summaries:
                findings.append(
                    diagnostic(
                        "citation/unknown-source",
                        f"citation of '{match.group(1)}', which has no summary in seeds/",
                        Location(spec.path, number),
                    )
                )
        for match in re.finditer(r"""figure\(\s*["']([^"']+)["']\s*\)""", text):
            if match.group(1) not in figure_ids:
                findings.append(
                    diagnostic("citation/unknown-figure", f"figure '{match.group(1)}' is in no summary", Location(spec.path, number))
                )
    return findings


def check_conflicts(sources: Sequence[LoadedSummary]) -> list[Diagnostic]:
    """One warning per pair of figures whose values differ, at the first figure's line, worded
    as the staff memo's "Where Sources Differ" words it: a contradiction, a different measure or
    scope, or a different date (:meth:`Conflict.describe`)."""
    found = []
    for conflict in find_conflicts(list(sources)):
        summary, figure = conflict.first
        found.append(diagnostic("conflict/figures", conflict.describe(), Location(summary.path, summary.figure_lines.get(figure.id))))
    return found
