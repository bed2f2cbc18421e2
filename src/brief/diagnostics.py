"""Diagnostics: every problem brief reports, in one shape, with a stable code.

Stage: shared by every stage (build, check, ingest, serve and the authoring commands). A
:class:`Diagnostic` is a severity, a rule code, a message and a location. It prints in one place,
:meth:`Diagnostic.__str__`, as ``path:line: severity: message [code]``, and as JSON with its code
(:meth:`Diagnostic.as_dict`).

Every code is declared once, in :data:`RULES`, with its default severity and a line of help; the
README's table of codes is generated from it and a test holds the two together. Codes are stable:
a code is never reused for another problem. A workspace changes the severity of a rule in
``brief.toml``, as linters let a project do::

    [rules]
    "memo/decision-date" = "warning"
    "memo/word-budget" = "off"

Some codes cannot be changed: input brief cannot read (it cannot go on past it) and the check that
no withheld portion reaches a memo (the guarantee portion markings exist for).

This module imports only the standard library: the no-op build path repeats stored warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]
SETTINGS = ("error", "warning", "off")  # what brief.toml may set a rule to


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file and, when known, a 1-based line."""

    path: Path | str
    line: int | None = None

    def __str__(self) -> str:
        return self.shown()

    def shown(self, base: Path | None = None) -> str:
        """``path:line``, the path relative to `base` (the current folder unless given)."""
        path = display_path(self.path, base)
        return f"{path}:{self.line}" if self.line else path


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """Text fit for one line of a terminal or a log: control characters and line separators (from
    a file name or a quoted source) written as escapes, so one diagnostic is always one line."""
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def display_path(path: Path | str, base: Path | None = None) -> str:
    """A path as diagnostics print it: relative when it is inside the current folder (or
    `base`), as compilers do, so messages stay short."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to((base or Path.cwd()).resolve()))
    except (ValueError, OSError):
        return str(path)


@dataclass(frozen=True)
class Rule:
    """One code: what it reports, its default severity, and whether a workspace may change it."""

    code: str
    severity: Severity
    help: str
    configurable: bool = True


def _fixed(code: str, help: str) -> Rule:
    return Rule(code, "error", help, configurable=False)


# Every code brief reports, grouped by what is at fault. Fixed codes are problems brief cannot go
# on past; the others are checks, whose severity a workspace may change.
RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        _fixed("config/invalid", "brief.toml is malformed, or has an unknown key, rule or setting."),
        _fixed("summary/unreadable", "A source summary cannot be read or is not UTF-8."),
        _fixed("summary/not-found", "A command names a summary id that no file in the seeds folder has."),
        _fixed("summary/syntax", "A source summary is not well-formed YAML."),
        _fixed("summary/schema", "A source summary has an unknown key, a missing key or a wrong value, or its id is not its file name."),
        _fixed("summary/duplicate-figure", "Two summaries use one figure id; figure ids are unique across the workspace."),
        _fixed("summary/duplicate-id", "Two summary files have one id (x.yaml and x.yml)."),
        _fixed("summary/draft", "A memo would use a summary that awaits review (draft: true); `brief build --draft` reads it anyway."),
        _fixed("summary/unknown-option", "A summary names an option that is not in the option catalogue."),
        _fixed("catalogue/unreadable", "The option catalogue cannot be read or is not UTF-8."),
        _fixed("catalogue/syntax", "The option catalogue is not well-formed YAML."),
        _fixed("catalogue/schema", "The option catalogue is not a list of options, or an option is malformed."),
        _fixed("catalogue/duplicate-option", "Two options of the catalogue share an id."),
        _fixed("spec/not-found", "No brief of that name, or no brief at all, in the briefs folder."),
        _fixed("spec/exists", "`brief new` names a brief that exists; it never overwrites one."),
        _fixed(
            "spec/name", "A brief's file name is not a slug (lower-case letters, digits, '.', '_', '-'), so it cannot name its outputs."
        ),
        _fixed("spec/unreadable", "A brief cannot be read or is not UTF-8."),
        _fixed(
            "spec/syntax", "A brief's front matter is missing, unclosed or not well-formed YAML, or its prose has a template syntax error."
        ),
        _fixed("spec/schema", "A brief's front matter has an unknown key, a missing key or a wrong value."),
        _fixed("spec/prose", "A brief's prose is not under a '## Heading', repeats a heading, or fails while it is evaluated."),
        _fixed("spec/unknown-source", "A brief names a source that has no summary, or cites one that is not among its sources."),
        _fixed("spec/unknown-figure", "A brief names a figure that no source of the brief has."),
        _fixed("spec/unknown-option", "A brief names an option that is not in the option catalogue."),
        _fixed("spec/duplicate-option", "A brief lists an option twice."),
        _fixed("spec/unknown-recommendation", "A brief recommends an option it does not weigh."),
        _fixed("audience/unknown", "No audience of that name, built in or in the workspace."),
        _fixed("audience/unreadable", "An audience profile cannot be read or is not UTF-8."),
        _fixed("audience/syntax", "An audience profile is not well-formed YAML."),
        _fixed("audience/schema", "An audience profile has an unknown key, a missing key or a wrong value, or a name unlike its folder."),
        _fixed("audience/missing-section", "An audience shows a section that has neither a template nor prose."),
        _fixed("audience/scaffold", "`brief templates new` cannot scaffold the audience asked for."),
        _fixed("template/syntax", "A template has a syntax error."),
        _fixed("template/not-found", "A template is not on the audience's search path."),
        _fixed("template/error", "A template fails while it renders (an undefined name, an unknown chart)."),
        _fixed("render/pdf", "WeasyPrint cannot lay out or write a PDF."),
        _fixed("render/docx", "A DOCX cannot be written."),
        _fixed("render/png", "Page images cannot be drawn (the PDF they are drawn from is missing)."),
        _fixed("render/reference-docx", "A reference .docx is missing, unreadable, lacks a style brief needs or has no page size."),
        _fixed("render/worker", "A build worker process stopped unexpectedly."),
        _fixed("output/write", "An output file cannot be written."),
        _fixed("ingest/not-found", "A path given to `brief ingest` does not exist."),
        _fixed("ingest/unsupported", "A file type `brief ingest` has no reader for."),
        _fixed("ingest/unreadable", "A raw source cannot be read: binary, or in an unknown encoding."),
        _fixed("ingest/too-large", "A raw source is too large, or expands past brief's limits once unpacked (a DOCX part, YAML aliases)."),
        _fixed("ingest/no-text", "A raw source has no text to summarise (empty, a scanned PDF, only page furniture)."),
        _fixed("ingest/corrupt", "A raw source is a corrupt PDF, DOCX or HTML file."),
        _fixed("ingest/failed", "`brief ingest` failed on a file for a reason of its own (please report it)."),
        _fixed("authoring/reference", "TEMPLATES.md's generated context reference is missing its markers or out of date."),
        Rule("memo/page-limit", "error", "A memo takes more pages than its audience allows."),
        Rule("memo/bluf-lines", "error", "A memo's BLUF takes more printed lines than its audience allows."),
        Rule("memo/bluf-words", "error", "A memo's BLUF has more words than its audience allows."),
        Rule("memo/word-budget", "warning", "A section runs over its word budget; the message names the sentences to cut first."),
        Rule("memo/banner", "error", "A page of a memo lacks the classification banner at top and bottom."),
        Rule("memo/public-marking", "error", "A public memo carries a classification or handling marking."),
        _fixed("memo/portion-leak", "A memo carries the text of a portion its audience may not see."),
        Rule("memo/placeholder", "error", "A memo has an unresolved placeholder (TODO, TBD, [insert ...], template braces)."),
        Rule("memo/approve-lines", "error", "An action memo has no Approve / Disapprove lines."),
        Rule(
            "memo/decision-date",
            "error",
            "An action memo sets no decision date, or one under five business days away without a printed decision_due_reason.",
        ),
        Rule(
            "memo/decision-mismatch", "error", "An action memo's Approve / Disapprove lines do not match its decisions and recommendation."
        ),
        Rule("memo/info-decision", "error", "An information memo asks for a decision (Approve lines, 'That you', a recommendation)."),
        Rule("memo/unmarked-portion", "error", "A portion of the analyst's prose has no marking in a memo that shows portion marks."),
        Rule("memo/obsolete-marking", "warning", "A memo is marked FOUO, which CUI replaced in 2020 (State marks SBU, Defense CUI)."),
        Rule(
            "memo/internal-vocabulary",
            "error",
            "A public variant uses internal vocabulary (a recommendation, negotiating positions, sources).",
        ),
        Rule("memo/formats-differ", "warning", "A memo's DOCX says something its PDF does not."),
        Rule("memo/note-after-digit", "error", "A note call is printed straight after a digit, where it reads as an exponent."),
        Rule("memo/repeated-note", "error", "Two notes in a row have the same text."),
        Rule("layout/row-split", "error", "A table row of a PDF is broken across pages."),
        Rule("layout/note-away", "error", "A footnote of a PDF is printed on another page than its call."),
        Rule("layout/overflow", "error", "A box of a PDF (a table, a picture, a line of text) is wider than its column or page."),
        Rule("layout/clipped-label", "error", "A chart's label is cut short or runs past the edge of the chart."),
        Rule("layout/stranded", "error", "A PDF page or column ends with a heading, or a line starts with a note number."),
        Rule("layout/docx-table-width", "error", "A table or picture of a DOCX is wider than its section's column."),
        Rule("layout/blank", "warning", "A PDF page is less than half full and the body goes on (a tab's page break is fine)."),
        Rule("option/uncited", "error", "An option of a brief has no source that discusses it and no citation."),
        Rule("option/no-risk", "error", "An option of a brief states no risk."),
        Rule("source/not-found", "error", "The raw source of a summary is not found, so its figures and quotations cannot be verified."),
        Rule("source/stale", "warning", "A raw source changed after it was summarised (its sha256 differs)."),
        Rule("figure/quote", "error", "A figure's verbatim quote does not occur in its raw source."),
        Rule("figure/value", "error", "A figure's quote does not state the figure's value."),
        Rule("figure/label", "error", "A figure's label names an organisation or person that the passage holding its quote does not."),
        Rule("quote/verbatim", "error", "A quotation does not occur verbatim in its raw source."),
        Rule(
            "quote/speaker",
            "error",
            "A quotation's speaker is not named near it in the raw source, nor, in a statement, as the author its headline names.",
        ),
        Rule("citation/unknown-source", "error", "A brief cites a source that has no summary."),
        Rule("citation/unknown-figure", "error", "A brief prints a figure that is in no summary."),
        Rule(
            "conflict/figures",
            "warning",
            "Figures of like labels differ: a contradiction, a different measure or scope, or a different date.",
        ),
    )
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem: how bad it is, which rule found it, what it is and where."""

    severity: Severity
    code: str
    message: str
    location: Location | None = None

    def __str__(self) -> str:
        return self.line()

    def line(self, base: Path | None = None) -> str:
        """The one line that reports it, its path relative to `base` (the current folder unless
        given). One line whatever a path or a quoted source holds: control characters are
        spelled out."""
        prefix = f"{one_line(self.location.shown(base))}: " if self.location else ""
        return f"{prefix}{self.severity}: {one_line(self.message)} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        """The JSON form: severity, code, message, path (as printed) and line."""
        return self._fields(display_path(self.location.path) if self.location else "")

    def to_record(self) -> dict[str, object]:
        """A form that survives JSON (the build manifest) with the path kept absolute."""
        return self._fields(str(self.location.path) if self.location else None)

    def _fields(self, path: str | None) -> dict[str, object]:
        line = self.location.line if self.location else None
        return {"severity": self.severity, "code": self.code, "message": self.message, "path": path, "line": line}

    @classmethod
    def from_record(cls, record: Mapping[str, object]) -> Diagnostic:
        path, line = record.get("path"), record.get("line")
        location = Location(Path(str(path)), line if isinstance(line, int) else None) if path else None
        severity: Severity = "error" if record.get("severity") == "error" else "warning"
        return cls(severity, str(record["code"]), str(record["message"]), location)

    def at(self, location: Location | None) -> Diagnostic:
        return replace(self, location=location)

    def demoted(self) -> Diagnostic:
        """The same finding as a warning (what a draft build makes of a placeholder)."""
        return replace(self, severity="warning")


def diagnostic(code: str, message: str, location: Location | None = None) -> Diagnostic:
    """A diagnostic of rule `code` at its default severity (a workspace may change it later)."""
    return Diagnostic(RULES[code].severity, code, message, location)


class Severities:
    """A workspace's changes to rule severities (brief.toml's ``[rules]``), applied to findings."""

    def __init__(self, settings: Mapping[str, str] | None = None) -> None:
        self.settings = dict(settings or {})

    def apply(self, found: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The findings with the workspace's severities: a rule set to "off" reports nothing."""
        out: list[Diagnostic] = []
        for item in found:
            setting = self.settings.get(item.code)
            if setting == "off":
                continue
            if setting in ("error", "warning") and setting != item.severity:
                item = replace(item, severity="error" if setting == "error" else "warning")
            out.append(item)
        return out


def check_setting(code: str, value: object) -> str | None:
    """Why `code = value` is not a valid line of brief.toml's ``[rules]``, or None when it is."""
    rule = RULES.get(code)
    if rule is None:
        return f"unknown rule '{code}' in [rules] (the codes are listed in the README)"
    if not rule.configurable:
        return f"rule '{code}' cannot be changed: it is always an error"
    if value not in SETTINGS:
        return f"rules.'{code}' must be one of {', '.join(repr(s) for s in SETTINGS)}"
    return None


def unique(found: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics without repeats, in first-seen order (two audiences of one brief often
    find the same problem in its prose)."""
    return list(dict.fromkeys(found))


def count(found: Iterable[Diagnostic]) -> tuple[int, int]:
    """(errors, warnings)."""
    items = list(found)
    errors = sum(d.severity == "error" for d in items)
    return errors, len(items) - errors


def rules_table() -> str:
    """The Markdown table of every code, for the README."""
    lines = ["| code | default | can change | what it reports |", "|---|---|---|---|"]
    for rule in RULES.values():
        lines.append(f"| `{rule.code}` | {rule.severity} | {'yes' if rule.configurable else 'no'} | {rule.help} |")
    return "\n".join(lines) + "\n"
