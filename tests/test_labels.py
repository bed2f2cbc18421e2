"""Figure labels that name the right organisation or person: one rule, used by `brief check`
(figure/label) and by ingest (which drops a draft the rule rejects)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import brief

from brief.labels import misnamed

SHARES = "Lam Research took 42% of the market in 2023. Tokyo Electron held 18%.\n\n“We lead,” said Jane Roe. Sales rose 12% last year."


def test_a_label_naming_the_neighbouring_company_is_caught() -> None:
    names = ["Lam Research", "Tokyo Electron"]
    assert misnamed("Market share of Tokyo Electron", "took 42% of the market", SHARES, names) == "Tokyo Electron"
    assert misnamed("Market share of Lam Research", "took 42% of the market", SHARES, names) is None


def test_speakers_accents_acronyms_and_abbreviations_are_not_misnamings() -> None:
    assert misnamed("Sales growth, according to Jane Roe", "Sales rose 12%", SHARES, [], ["Jane Roe"]) is None
    assert misnamed("FDI in Mexico", "rose 12%", "Foreign direct investment in Mexico rose 12% in 2022.", ["FDI"]) is None
    text = "Opposition lawmakers seek to revise the Mérida Initiative, which the U.S. funded with $3 billion since 2008."
    assert misnamed("Aid under the Merida Initiative", "$3 billion since 2008", text, ["Mérida Initiative"]) is None


def test_check_reports_a_misnamed_label_at_its_line(tmp_path: Path) -> None:
    brief(tmp_path, "init", "ws")
    ws = tmp_path / "ws"
    seed = ws / "seeds" / "coast-2025-03-04.yaml"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(
        text.replace("label: Containers with contraband seized", "label: Containers with contraband seized by Budget Office") + "",
        encoding="utf-8",
    )
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("organizations: [Coast Guard]", "organizations: [Coast Guard, Budget Office]"),
        encoding="utf-8",
    )
    result = brief(ws, "check")
    line = next(n for n, t in enumerate(seed.read_text(encoding="utf-8").splitlines(), 1) if t.startswith("  - id: contraband-coast-2024"))
    assert result.exit_code == 1
    assert (
        f"seeds/coast-2025-03-04.yaml:{line}: error: figure 'contraband-coast-2024': its label names Budget Office, "
        "whom the passage holding its quote does not name [figure/label]"
    ) in result.stderr
