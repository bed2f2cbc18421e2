"""`brief new NAME`: a first draft of a brief from the reviewed summaries, with [insert: ...]
where only the analyst can write; check lists those at their lines, a draft build shows them,
and once filled the brief builds."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from tests.conftest import brief, pdf_pages


def test_new_drafts_a_brief_that_builds_once_its_placeholders_are_filled(tmp_path: Path) -> None:
    brief(tmp_path, "init", "ws")
    ws = tmp_path / "ws"
    result = brief(ws, "new", "harbor-plan")
    assert result.exit_code == 0 and result.output.startswith("wrote briefs/harbor-plan.md"), result.output
    path = ws / "briefs" / "harbor-plan.md"
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    # What the summaries hold is drafted: sources, key figures (most important first), the options
    # they discuss with cited arguments and figures, a decision date five business days out.
    assert front["sources"] == ["coast-2025-03-04", "harbor-2025"]
    assert front["key_figures"][:2] == ["contraband-coast-2024", "contraband-harbor-2024"]
    assert [o["id"] for o in front["options"]] == ["shared_scanning", "joint_patrols"]
    pros = front["options"][0]["pros"]
    assert any("{{ cite('coast-2025-03-04') }}" in p and "“a shared scanning program”" in p for p in pros)
    assert any("{{ figure(" in p for p in pros)
    assert front["recommendation"] == "shared_scanning" and (front["decision_due"] - front["date"]).days >= 7
    assert "(U) June 2025" not in text and "Coast Guard announced doubled patrols" in text  # background from events
    # Check lists every placeholder at its line.
    checked = brief(ws, "check")
    assert checked.exit_code == 1
    lines = {n for n, t in enumerate(text.splitlines(), 1) if "[insert:" in t}
    reported = {int(m) for m in re.findall(r"briefs/harbor-plan\.md:(\d+): error: .* unresolved placeholder", checked.stderr)}
    assert reported and reported <= lines and len(reported) >= 8
    # A draft build shows them, marked DRAFT; a build refuses them.
    assert brief(ws, "build", "--quiet", "harbor-plan").exit_code == 1
    draft = brief(ws, "build", "--quiet", "--draft", "harbor-plan")
    assert draft.exit_code == 0 and "[memo/placeholder]" in draft.stderr and "warning:" in draft.stderr
    assert pdf_pages(ws / "build" / "harbor-plan" / "principal.pdf")[0].lstrip().startswith("DRAFT")
    # Filled, it builds.
    path.write_text(re.sub(r"\[insert: [^\]]*\]", "Filled by the analyst", text), encoding="utf-8")
    built = brief(ws, "build", "--quiet", "harbor-plan")
    assert built.exit_code == 0, built.output + built.stderr


def test_new_refuses_drafts_and_names_in_use(tmp_path: Path) -> None:
    brief(tmp_path, "init", "ws")
    ws = tmp_path / "ws"
    taken = brief(ws, "new", "example")
    assert taken.exit_code == 1 and "briefs/example.md: error: a brief of this name exists" in taken.stderr
    seed = ws / "seeds" / "harbor-2025.yaml"
    seed.write_text(seed.read_text(encoding="utf-8").replace("kind: report\n", "kind: report\ndraft: true\n"), encoding="utf-8")
    # Only reviewed summaries are drafted from, unless named; a named draft is refused.
    result = brief(ws, "new", "coast-only")
    assert result.exit_code == 0
    assert yaml.safe_load((ws / "briefs" / "coast-only.md").read_text(encoding="utf-8").split("---\n")[1])["sources"] == [
        "coast-2025-03-04"
    ]
    named = brief(ws, "new", "with-draft", "--sources", "harbor-2025")
    assert named.exit_code == 1 and "summary 'harbor-2025' awaits review" in named.stderr
