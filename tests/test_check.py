"""`brief check`: seeded faults in a copy of the sample workspace are caught with the right
message and location; the untouched sample passes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO, SHARED, brief

pytestmark = pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="the raw sample sources are in ../shared/seeds")


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample workspace whose summaries point at the raw sources in ../shared."""
    ws = tmp_path / "ws"
    for name in ("seeds", "briefs"):
        shutil.copytree(REPO / name, ws / name)
    shutil.copy(REPO / "options.yaml", ws / "options.yaml")
    for path in (ws / "seeds").glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace("../../shared/seeds/", f"{SHARED / 'seeds'}/")
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
    assert conflicts == ["figures cannot both hold", "records cannot both hold", "sources differ"]
    assert any("“there have been 37 extraditions”" in line and "“extradited 10 to 20 criminals”" in line for line in lines)
    assert any("which is 108,000 a year" in line for line in lines)


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
        "figures and quotations cannot be verified"
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
        "stale summary: raw.txt has changed since it was summarised (sha256 differs)" in lines
    )
    assert findings(sample, "--strict")[0] == 1


def test_unknown_citation(sample: Path) -> None:
    brief_path = sample / "briefs" / "us-mexico-security.md"
    text = brief_path.read_text(encoding="utf-8")
    old = 'cite("wsj-2020-02-07")'
    line = edit(brief_path, old, 'cite("wsj-2020-02-08")')
    code, lines = findings(sample)
    assert code == 1
    assert f"briefs/us-mexico-security.md:{line}: error: citation of 'wsj-2020-02-08', which has no summary in seeds/" in lines
    assert old in text


def test_json_output(sample: Path) -> None:
    seed = sample / "seeds" / "wsj-2020-02-07.yaml"
    value_line, _ = figure_block(seed)
    edit(seed, value_line, value_line.replace(value_line.split(":")[1].strip(), "99999"))
    result = brief(sample, "check", "--json")
    assert result.exit_code == 1
    [finding] = [f for f in json.loads(result.stdout) if f["severity"] == "error"]
    assert finding["severity"] == "error" and finding["path"] == "seeds/wsj-2020-02-07.yaml" and finding["line"] > 1
