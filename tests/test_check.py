"""`brief check`: seeded faults in a copy of the sample workspace are caught with the right
message and location; the untouched sample passes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, SHARED, brief, pdf_pages

pytestmark = pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="the raw sample sources are in ../shared/seeds")


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample workspace whose summaries point at the raw sources in ../shared."""
    ws = tmp_path / "ws"
    for name in ("seeds", "briefs", "templates"):
        shutil.copytree(REPO / name, ws / name)
    shutil.copy(REPO / "options.yaml", ws / "options.yaml")
    for path in (ws / "seeds").glob("*.yaml"):
        # Every raw source lives under ../shared (seeds/ and corpus/), so the whole prefix moves.
        text = path.read_text(encoding="utf-8").replace("../../shared/", f"{SHARED}/")
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(ws)
    return ws


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` and return its 1-based line."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:at].count("\n") + 1


def findings(ws: Path, *args: str) -> tuple[int, list[str]]:
    result = brief(ws, "check", *args)
    return result.exit_code, [line for line in result.stderr.splitlines() if ": error: " in line or ": warning: " in line]


def test_untouched_sample_passes_and_finds_its_conflicts(sample: Path) -> None:
    result = brief(sample, "check")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == "0 errors, 3 warnings"
    conflicts = sorted(line.split(": warning: ")[1].split(":")[0] for line in lines[:-1])
    # None of the sample's pairs is a contradiction: fentanyl deaths against overdose deaths of
    # every drug, murders against violent homicides, and two counts of extraditions after one
    # visit over different periods.
    assert conflicts == ["different date", "different measure or scope", "different measure or scope"]
    assert not any("cannot both" in line for line in lines)
    extraditions = next(line for line in lines if "“there have been 37 extraditions”" in line)
    assert "“extradited 10 to 20 criminals”" in extraditions and ": different date: " in extraditions
    # The summaries give each count its period, and the check names both.
    assert "they cover different periods (Dec 2019-early 2020 and Dec 2019-Feb 2020), so both can hold" in extraditions
    homicides = next(line for line in lines if "“a record 36,685 in 2018”" in line)
    assert "the first names murders, the second violent homicides: likely two series, so both records can hold" in homicides
    fentanyl = next(line for line in lines if "9,000 Americans dying every month" in line)
    assert "different measure or scope" in fentanyl and "names fentanyl" in fentanyl and "make 108,000" in fentanyl


def figure_block(seed: Path) -> tuple[str, str]:
    """The first figure's value line and quote of a seed file."""
    lines = seed.read_text(encoding="utf-8").splitlines()
    start = lines.index("figures:")
    value = next(line for line in lines[start:] if line.strip().startswith("value:"))
    return value, next(line for line in lines[start:] if line.strip().startswith("quote:"))


def test_changed_value(sample: Path) -> None:
    seed = sample / "seeds" / "wsj-2020-02-07.yaml"
    value_line, _ = figure_block(seed)
    edit(seed, value_line, value_line.replace(value_line.split(":")[1].strip(), "99999"))
    code, lines = findings(sample)
    assert code == 1
    errors = [line for line in lines if ": error: " in line]
    assert len(errors) == 1 and "does not state the value 99,999" in errors[0]
    assert errors[0].startswith("seeds/wsj-2020-02-07.yaml:")


def test_altered_quotation(sample: Path) -> None:
    seed = sample / "seeds" / "usatoday-fentanyl-summit.yaml"
    line = edit(seed, "significant steps", "very significant steps") if "significant steps" in seed.read_text(encoding="utf-8") else None
    if line is None:
        text = seed.read_text(encoding="utf-8")
        quote = text.split("quotes:")[1].split("text:")[1].split("\n")[0].strip().strip('"')
        line = edit(seed, quote, quote + " indeed")
    code, lines = findings(sample)
    assert code == 1
    errors = [line for line in lines if ": error: " in line]
    assert len(errors) == 1 and "is not verbatim in 003_2162f3271b77d49c.txt" in errors[0]


def test_missing_source_file(sample: Path) -> None:
    seed = sample / "seeds" / "fp-amlo-first-year.yaml"
    line = edit(seed, "001_eec86e7047721f88.txt", "001_missing.txt")
    code, lines = findings(sample)
    assert code == 1
    assert [x for x in lines if ": error: " in x] == [
        f"seeds/fp-amlo-first-year.yaml:{line}: error: raw source {SHARED / 'seeds'}/001_missing.txt not found; "
        "figures and quotations cannot be verified [source/not-found]"
    ]


def test_missing_source_found_in_sources_folder(sample: Path) -> None:
    seed = sample / "seeds" / "fp-amlo-first-year.yaml"
    edit(seed, f"{SHARED / 'seeds'}/001_eec86e7047721f88.txt", "elsewhere/001_eec86e7047721f88.txt")
    assert findings(sample)[0] == 1
    code, lines = findings(sample, "--sources", str(SHARED / "seeds"))
    assert code == 0 and not any(": error: " in line for line in lines)


def test_stale_hash_is_a_warning(sample: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw.txt"
    raw.write_text((SHARED / "seeds" / "002_0f7587aa79fd9e51.txt").read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    seed = sample / "seeds" / "bloomberg-security-cooperation.yaml"
    text = seed.read_text(encoding="utf-8")
    old = next(line.split("source_file:")[1].strip() for line in text.splitlines() if line.startswith("source_file:"))
    edit(seed, old, str(raw))
    line = next(i for i, text in enumerate(seed.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("source_sha256:"))
    code, lines = findings(sample)
    assert code == 0
    assert (
        f"seeds/bloomberg-security-cooperation.yaml:{line}: warning: "
        "stale summary: raw.txt has changed since it was summarised (sha256 differs) [source/stale]" in lines
    )
    assert findings(sample, "--strict")[0] == 1


def test_unknown_citation(sample: Path) -> None:
    brief_path = sample / "briefs" / "us-mexico-security.md"
    text = brief_path.read_text(encoding="utf-8")
    old = 'cite("wsj-2020-02-07")'
    line = edit(brief_path, old, 'cite("wsj-2020-02-08")')
    code, lines = findings(sample)
    assert code == 1
    assert (
        f"briefs/us-mexico-security.md:{line}: error: citation of 'wsj-2020-02-08', which has no summary in seeds/"
        " [citation/unknown-source]" in lines
    )
    assert old in text


def test_json_output(sample: Path) -> None:
    seed = sample / "seeds" / "wsj-2020-02-07.yaml"
    value_line, _ = figure_block(seed)
    edit(seed, value_line, value_line.replace(value_line.split(":")[1].strip(), "99999"))
    result = brief(sample, "check", "--json")
    assert result.exit_code == 1
    [finding] = [f for f in json.loads(result.stdout) if f["severity"] == "error"]
    assert finding["severity"] == "error" and finding["path"] == "seeds/wsj-2020-02-07.yaml" and finding["line"] > 1
    assert finding["code"] == "figure/value" and "does not state the value 99,999" in finding["message"]


# Memo rules, checked on the rendered memos of the small basic workspace (fast to render).


@pytest.fixture
def basic_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import copy_root

    ws = copy_root("basic", tmp_path)
    monkeypatch.chdir(ws)
    return ws


def rule_errors(ws: Path) -> list[str]:
    result = brief(ws, "check")
    return [line for line in result.stderr.splitlines() if ": error: " in line]


def test_basic_workspace_passes_every_rule(basic_ws: Path) -> None:
    result = brief(basic_ws, "check")
    assert result.exit_code == 0, result.stderr
    # Its two sources count the 2024 contraband finds differently, and the check says so.
    assert result.stderr.splitlines() == [
        "seeds/coast-2025-03-04.yaml:15: warning: contradiction: "
        "“rose to 340 containers in 2024” (coast-2025-03-04, contraband-coast-2024) and "
        "“contraband in 312 containers” (harbor-2025, contraband-harbor-2024): "
        "one measure, scope and period: the two cannot both hold [conflict/figures]",
        "0 errors, 1 warnings",
    ]


def test_marking_leaks_into_public(basic_ws: Path) -> None:
    spec = basic_ws / "briefs" / "port-security.md"
    # A portion mark is taken off for the public; a marking inside the text is a leak.
    edit(spec, "Contraband finds at Westmere are rising", "Contraband finds at Westmere (a FOUO count) are rising")
    line = next(i for i, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if t.startswith("classification:"))
    assert rule_errors(basic_ws) == [
        f"briefs/port-security.md:{line}: error: the public PDF carries the handling marking 'FOUO' [memo/public-marking]",
        f"briefs/port-security.md:{line}: error: the public DOCX carries the handling marking 'FOUO' [memo/public-marking]",
    ]
    result = brief(basic_ws, "build", "--quiet")
    assert result.exit_code == 1 and "handling marking 'FOUO'" in result.stderr
    assert not (basic_ws / "build").exists()


def test_decision_date_too_soon(basic_ws: Path) -> None:
    spec = basic_ws / "briefs" / "port-security.md"
    line = edit(spec, "decision_due: 2025-03-17", "decision_due: 2025-03-12")
    assert rule_errors(basic_ws) == [
        f"briefs/port-security.md:{line}: error: "
        "decision_due 2025-03-12 is less than five business days after the memo date"
        " (the earliest is 2025-03-17) and the brief gives no decision_due_reason"
        " [memo/decision-date]"
    ]
    # A stated reason (which the principal memo's background prints) is the justified exception.
    edit(spec, "decision_due: 2025-03-12", 'decision_due: 2025-03-12\ndecision_due_reason: "(U) The board votes on March 13."')
    code, lines = findings(basic_ws)
    assert code == 0 and not [x for x in lines if "[memo/decision-date]" in x]


def test_unresolved_placeholder(basic_ws: Path) -> None:
    spec = basic_ws / "briefs" / "port-security.md"
    line = edit(spec, "Expect the neighbor to ask for cost sharing.", "Expect the neighbor to ask for cost sharing. TBD: figures.")
    errors = rule_errors(basic_ws)
    assert f"briefs/port-security.md:{line}: error: the staff memo PDF has an unresolved placeholder 'TBD' [memo/placeholder]" in errors


def test_option_without_a_risk(basic_ws: Path) -> None:
    spec = basic_ws / "briefs" / "port-security.md"
    edit(spec, "    risks:\n      - (U) Crew fatigue.\n", "")
    line = next(i for i, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "id: joint_patrols" in t)
    assert f"briefs/port-security.md:{line}: error: option 'joint_patrols' states no risk [option/no-risk]" in rule_errors(basic_ws)


def _memo_pages(pdf: Path) -> int:
    """The pages of a memo before its first tab (all of them when it has none)."""
    pages = pdf_pages(pdf)
    return next((i for i, page in enumerate(pages) if re.search(r"^\s*Tab A – ", page, re.M)), len(pages))


def test_extra_page_and_long_bluf_are_reported(basic_ws: Path) -> None:
    spec = basic_ws / "briefs" / "port-security.md"
    # The background is printed by the principal memo and the staff information memo alike.
    filler = "\n\n".join(["(U) The harbor keeps growing, and so does the work of inspecting it."] * 60)
    edit(spec, "(U) Traffic through the port keeps growing.", filler + "\n\n(U) Traffic through the port keeps growing.")
    errors = rule_errors(basic_ws)
    # The page counts reported are those of the memos as built; the staff memo's tabs do not count.
    (basic_ws / "brief.toml").write_text('[rules]\n"memo/page-limit" = "warning"\n', encoding="utf-8")
    assert brief(basic_ws, "build", "--format", "pdf", "--quiet").exit_code == 0
    out = basic_ws / "build" / "port-security"
    principal, staff = _memo_pages(out / "principal.pdf"), _memo_pages(out / "staff.pdf")
    assert principal > 1 and 2 < staff < len(pdf_pages(out / "staff.pdf"))
    assert errors == [
        f"briefs/port-security.md: error: the principal memo takes {principal} pages; its audience allows 1 [memo/page-limit]",
        f"briefs/port-security.md: error: the staff memo (tabs not counted) takes {staff} pages; its audience allows 2 [memo/page-limit]",
    ]


def test_over_long_bluf_is_reported(basic_ws: Path) -> None:
    spec = basic_ws / "briefs" / "port-security.md"
    line = edit(spec, "## BLUF", "## BLUF")
    long = " ".join(
        ["Notwithstanding interdictions, transshipment irregularities multiplied considerably throughout westernmost maritime approaches."]
        * 5
    )
    edit(spec, "Approve a shared scanning program", long + " Approve a shared scanning program")
    errors = rule_errors(basic_ws)
    # The lines counted are the BLUF's lines in the principal memo as printed (at 12 pt).
    (basic_ws / "brief.toml").write_text('[rules]\n"memo/bluf-lines" = "warning"\n', encoding="utf-8")
    assert brief(basic_ws, "build", "--audience", "principal", "--format", "pdf", "--quiet").exit_code == 0
    page = [line.strip() for line in pdf_pages(basic_ws / "build" / "port-security" / "principal.pdf")[0].splitlines()]
    start = next(i for i, text in enumerate(page) if text.startswith("BLUF: (U) "))
    printed = page.index("Recommendation") - start
    assert printed > 4
    assert errors == [
        f"briefs/port-security.md:{line}: error: the BLUF takes {printed} printed lines in the principal memo; its audience allows 4"
        " [memo/bluf-lines]"
    ]
