"""Word budgets: a section over its budget warns, names the section and suggests cuts."""

from __future__ import annotations

from pathlib import Path

from brief.assemble.memo import BulletList, FootnoteRef, Paragraph, Section, Text
from brief.build.run import build
from brief.verify.budgets import count_words, over_budget
from brief.workspace import Workspace
from conftest import brief


def _section() -> Section:
    return Section(
        "background",
        "Background",
        (
            Paragraph((Text("Traffic through the port grew by 12 percent last year."), FootnoteRef(1))),
            Paragraph((Text("Some observers find the harbor rather picturesque in the early morning light. Inspections are slow."),)),
            BulletList(((Text("The authority and the Coast Guard count seizures differently."), FootnoteRef(2)),)),
        ),
    )


def test_count_and_cut_least_important_first() -> None:
    section = _section()
    assert count_words(section) == 34
    assert over_budget(section, 34) is None
    found = over_budget(section, 25)
    assert found is not None and (found.words, found.budget) == (34, 25)
    # Prose without evidence goes first; the cited and numeric sentences stay, and cutting the
    # suggested sentences is enough to fit.
    assert set(found.cut_first) == {
        "Inspections are slow.",
        "Some observers find the harbor rather picturesque in the early morning light.",
    }
    assert 34 - sum(len(s.split()) for s in found.cut_first) <= 25
    message = found.message("staff")
    assert message.startswith("section 'background' of the staff memo has 34 words, over its budget of 25; cut first: “")
    # A tighter budget reaches the evidence only after all the prose.
    tight = over_budget(section, 5)
    assert tight is not None and set(tight.cut_first[:2]) == set(found.cut_first)


def test_build_warns_and_still_writes(basic: Path) -> None:
    profile = basic / "templates" / "staff" / "audience.yaml"
    profile.parent.mkdir(parents=True)
    builtin = Path(__file__).parents[1] / "src" / "brief" / "templates" / "staff" / "audience.yaml"
    text = builtin.read_text(encoding="utf-8")
    assert "background: 420" in text
    profile.write_text(text.replace("background: 420", "background: 15"), encoding="utf-8")
    report = build(Workspace.at(basic), formats=["pdf"])
    assert report.written
    (found,) = [w for w in report.warnings if w.code == "memo/word-budget"]
    warning = str(found)
    assert warning.startswith("briefs/port-security.md:") and warning.endswith(" [memo/word-budget]")
    assert ": warning: section 'background' of the staff memo has " in warning and "over its budget of 15; cut first: “" in warning
    result = brief(basic, "check")
    assert "section 'background' of the staff memo" in result.output
    built = brief(basic, "build", "--quiet")
    assert built.exit_code == 0 and built.stdout == ""
    assert "warning: section 'background' of the staff memo has " in built.stderr


def test_sentences_that_end_in_a_note_call_are_cut_one_by_one() -> None:
    """Calls follow a sentence's period; the cut suggestions still name each sentence alone."""
    from brief.assemble.memo import FootnoteRef, Paragraph, Section, Text
    from brief.verify.budgets import over_budget

    runs = (
        Text("(U) Traffic through the port keeps growing."),
        FootnoteRef(1),
        Text(" The Coast Guard counts more seizures than the authority does."),
        FootnoteRef(2),
    )
    over = over_budget(Section("background", "Background", (Paragraph(runs),)), 10)
    assert over is not None
    # 16 words against 10: one sentence of the two is enough to cut, and it is named alone.
    assert len(over.cut_first) == 1
    assert over.cut_first[0] in (
        "(U) Traffic through the port keeps growing.",
        "The Coast Guard counts more seizures than the authority does.",
    )
