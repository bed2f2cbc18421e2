"""Diagnostics: one shape and one place that prints them, stable codes documented in the README,
and severities a workspace changes in brief.toml."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from brief import errors
from brief.authoring import reference
from brief.diagnostics import RULES, Diagnostic, Location, Severities, diagnostic
from conftest import REPO, brief, copy_root

SRC = REPO / "src" / "brief"


def test_one_line_per_diagnostic_with_its_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    found = Diagnostic("warning", "memo/word-budget", "too long", Location(tmp_path / "briefs" / "a.md", 12))
    assert str(found) == "briefs/a.md:12: warning: too long [memo/word-budget]"
    assert str(Diagnostic("error", "spec/not-found", "no briefs")) == "error: no briefs [spec/not-found]"
    assert found.as_dict() == {"severity": "warning", "code": "memo/word-budget", "message": "too long", "path": "briefs/a.md", "line": 12}
    assert Diagnostic.from_record(json.loads(json.dumps(found.to_record()))) == found


def test_an_error_prints_its_diagnostics() -> None:
    error = errors.SpecError("bad", Location("briefs/a.md", 3), "spec/syntax")
    assert error.diagnostics() == [Diagnostic("error", "spec/syntax", "bad", Location("briefs/a.md", 3))]
    several = errors.BriefErrors([Diagnostic("error", "spec/syntax", "one"), Diagnostic("error", "spec/schema", "two")])
    assert several.lines() == ["error: one [spec/syntax]", "error: two [spec/schema]"]


def test_severities_change_and_silence_rules() -> None:
    found = [diagnostic("memo/decision-date", "soon"), diagnostic("memo/word-budget", "long"), diagnostic("memo/banner", "gone")]
    changed = Severities({"memo/decision-date": "warning", "memo/word-budget": "off", "memo/banner": "error"}).apply(found)
    assert [(d.code, d.severity) for d in changed] == [("memo/decision-date", "warning"), ("memo/banner", "error")]
    assert Severities({"memo/word-budget": "error"}).apply(found)[1].severity == "error"


# --- Every code is declared, documented, and used with its declared name ----------------------


def _codes_in_source() -> dict[str, str]:
    """Code literals in brief's source ("spec/syntax"), with where each is first seen."""
    prefixes = {code.split("/")[0] for code in RULES}
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if re.fullmatch(r"[a-z]+/[a-z][a-z-]*", node.value) and node.value.split("/")[0] in prefixes:
                found.setdefault(node.value, f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def test_every_code_used_is_declared() -> None:
    unknown = {code: where for code, where in _codes_in_source().items() if code not in RULES}
    assert not unknown, f"codes used but not declared in brief.diagnostics.RULES: {unknown}"


def test_every_error_kind_has_its_codes() -> None:
    # YAML inputs report f"{kind}/unreadable", f"{kind}/syntax" and f"{kind}/schema"; every error
    # class has a default code; all of them must be declared.
    kinds = [errors.SummaryError, errors.CatalogueError, errors.SpecError, errors.AudienceError]
    wanted = {f"{cls.kind}/{what}" for cls in kinds for what in ("unreadable", "syntax", "schema")}
    classes = [getattr(errors, name) for name in errors.__all__ if isinstance(getattr(errors, name), type)]
    wanted |= {
        f"{cls.kind}/{cls.default}"
        for cls in classes
        if issubclass(cls, errors.BriefError) and cls not in (errors.BriefError, errors.BriefErrors)
    }
    assert wanted <= set(RULES), sorted(wanted - set(RULES))


def test_readme_lists_every_code() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    markers = (reference.RULES_BEGIN, reference.RULES_END)
    stale = "README's table of codes is stale: run `python -m brief.authoring.reference --rules README.md`"
    assert reference.generated_part(text, "README.md", markers) == reference.rules_reference(), stale
    for code in RULES:
        assert f"| `{code}` |" in text


# --- brief.toml [rules], end to end ------------------------------------------------------------------


@pytest.fixture
def basic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ws = copy_root("basic", tmp_path)
    monkeypatch.chdir(ws)
    spec = ws / "briefs" / "port-security.md"
    # A decision date two business days out and no reason given: the principal memo breaks memo/decision-date.
    spec.write_text(spec.read_text(encoding="utf-8").replace("decision_due: 2025-03-17", "decision_due: 2025-03-12"), encoding="utf-8")
    return ws


DUE = (
    "error: decision_due 2025-03-12 is less than five business days after the memo date"
    " (the earliest is 2025-03-17) and the brief gives no decision_due_reason"
    " [memo/decision-date]"
)


def test_a_broken_rule_stops_the_build_by_default(basic: Path) -> None:
    result = brief(basic, "build", "--format", "html")
    assert result.exit_code == 1
    assert [line.split(": ", 1)[1] for line in result.stderr.splitlines()] == [DUE]
    assert not (basic / "build").exists()


def test_a_rule_set_to_warning_reports_and_lets_the_build_go_on(basic: Path) -> None:
    (basic / "brief.toml").write_text('[rules]\n"memo/decision-date" = "warning"\n', encoding="utf-8")
    result = brief(basic, "build", "--format", "html", "--quiet")
    assert result.exit_code == 0, result.stderr
    assert DUE.replace("error: ", "warning: ", 1) in result.stderr
    assert (basic / "build" / "port-security" / "principal.html").is_file()
    # The rebuild skips every memo and still repeats the warning, with its code.
    again = brief(basic, "build", "--format", "html", "--quiet")
    assert again.exit_code == 0 and DUE.replace("error: ", "warning: ", 1) in again.stderr
    check = brief(basic, "check", "--json")
    assert check.exit_code == 0
    assert {"severity": "warning", "code": "memo/decision-date"}.items() <= json.loads(check.stdout)[-1].items()


def test_a_rule_set_off_reports_nothing(basic: Path) -> None:
    (basic / "brief.toml").write_text('[rules]\n"memo/decision-date" = "off"\n', encoding="utf-8")
    result = brief(basic, "build", "--format", "html", "--quiet")
    assert result.exit_code == 0 and "decision" not in result.stderr


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('"memo/decision-dates" = "warning"', "unknown rule 'memo/decision-dates' in [rules] (the codes are listed in the README)"),
        ('"memo/portion-leak" = "warning"', "rule 'memo/portion-leak' cannot be changed: it is always an error"),
        ('"spec/syntax" = "off"', "rule 'spec/syntax' cannot be changed: it is always an error"),
        ('"memo/banner" = "ignore"', "rules.'memo/banner' must be one of 'error', 'warning', 'off'"),
    ],
)
def test_a_bad_rule_setting_is_one_located_line(basic: Path, setting: str, message: str) -> None:
    (basic / "brief.toml").write_text(f'[paths]\nbuild = "out"\n\n[rules]\n{setting}\n', encoding="utf-8")
    result = brief(basic, "build")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"brief.toml:5: error: {message} [config/invalid]"]


def test_an_unknown_table_in_brief_toml(basic: Path) -> None:
    (basic / "brief.toml").write_text("[path]\nbuild = 'out'\n", encoding="utf-8")
    result = brief(basic, "check")
    assert result.stderr.splitlines() == ["brief.toml:1: error: unknown table 'path' (known: paths, rules) [config/invalid]"]


def test_a_diagnostic_is_one_line_whatever_its_path_or_message_hold() -> None:
    found = Diagnostic("error", "ingest/no-text", "empty file\n\x1b[31mred", Location("in/bad\nname.txt", 3))
    assert str(found) == "in/bad\\nname.txt:3: error: empty file\\n\\x1b[31mred [ingest/no-text]"
    assert "\n" not in str(found)
