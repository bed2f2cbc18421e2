"""Memo forms a front office would sign: captions, date placement, decisions with their own
Approve / Disapprove lines, tabs, portion marks, a public brief of its own, and the memo rules
that guard them. Each test builds a small workspace and reads the PDF and DOCX back."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from tests.conftest import brief, copy_root, pdf_pages

from brief.build.manifest import engine_fingerprint

DECISIONS = """decisions:
  - option: shared_scanning
    that: "(U) approve funding a shared scanning program with the neighboring port;"
    recommends: "Operations and Budget"
    opposes: "Legal"
  - option: joint_patrols
    that: "(U) approve asking the Coast Guard for a joint patrol plan."
decision_due: 2025-03-17
"""


def spec(ws: Path) -> Path:
    return ws / "briefs" / "port-security.md"


def rewrite(ws: Path, old: str, new: str) -> None:
    path = spec(ws)
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(ws: Path, *args: str) -> tuple[int, str]:
    result = brief(ws, "build", "--quiet", *args)
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


def out(ws: Path, name: str) -> Path:
    return ws / "build" / "port-security" / name


def docx_paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic workspace with two decisions (one split), a public title, subject and summary of
    its own, and a staff package with tabs."""
    ws = copy_root("basic", tmp_path_factory.mktemp("forms"))
    rewrite(ws, "decision_due: 2025-03-17\n", DECISIONS)
    rewrite(
        ws,
        "audiences: [principal, staff, public]",
        'audiences: [principal, staff, public]\npublic:\n  title: "Scanning Cargo at Westmere"\n'
        '  subject: "How the port could inspect more containers"',
    )
    rewrite(
        ws,
        'cleared: ["Legal: ok", "Budget: info"]',
        'drafted: {office: "PP/OPS", name: "R. Vale", phone: "ext. 4410"}\n'
        'cleared:\n  - {office: "Legal", name: "K. Moe", clearance: "ok"}\n  - {office: "Budget", name: "M. Poe", clearance: "info"}',
    )
    rewrite(ws, "drafted: Port Policy staff, March 10, 2025\n", "")
    text = spec(ws).read_text(encoding="utf-8")
    spec(ws).write_text(
        text + "\n## Summary (public)\n\nWestmere inspects a small share of its containers; two ways to inspect more are under study.\n",
        encoding="utf-8",
    )
    profiles = ws / "templates" / "staff"
    profiles.mkdir(parents=True)
    (profiles / "audience.yaml").write_text(
        "name: staff\nform: information\nsections: [summary, background, clearance]\n"
        "tabs: [options, key_figures, sources]\ntitles: {options: Options Analysis}\n"
        "limits: {pages: 2}\nmarkings: {banner: true, internal: true, portions: true}\n",
        encoding="utf-8",
    )
    code, output = build(ws)
    assert code == 0, output
    return ws


def test_state_action_memo_heading_puts_the_date_on_the_banner_line(built: Path) -> None:
    first = pdf_pages(out(built, "principal.pdf"))[0]
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    assert re.fullmatch(r"UNCLASSIFIED//SBU\s+March 10, 2025", lines[0])
    assert lines[1] == "ACTION MEMO FOR THE DIRECTOR"
    assert flat(lines[2]) == "FROM: Office of Port Policy"
    assert flat(lines[3]).startswith("SUBJECT: (U) Whether to fund")
    assert "MEMORANDUM FOR" not in first and "DATE:" not in first
    document = docx.Document(str(out(built, "principal.docx")))
    assert document.paragraphs[0].text == "ACTION MEMO FOR THE DIRECTOR"
    header = document.sections[0].first_page_header.paragraphs[0].text
    assert header == "\tUNCLASSIFIED//SBU\tMarch 10, 2025"


def test_each_decision_has_its_own_approve_line_and_the_split_is_stated(built: Path) -> None:
    for text in (flat(pdf_pages(out(built, "principal.pdf"))[0]), flat("\n".join(docx_paragraphs(out(built, "principal.docx"))))):
        assert "That you:" in text
        assert "(U) approve funding a shared scanning program" in text
        assert "(U) approve asking the Coast Guard" in text
        assert len(re.findall(r"Approve _{5,} Disapprove _{5,}", text)) == 2
        assert "Operations and Budget recommend; Legal opposes." in text


def test_drafted_and_cleared_lines_name_one_office_and_person_each(built: Path) -> None:
    paragraphs = docx_paragraphs(out(built, "principal.docx"))
    assert "Drafted: PP/OPS – R. Vale, ext. 4410" in paragraphs
    assert "Cleared: Legal – K. Moe (ok)" in paragraphs
    assert "Budget – M. Poe (info)" in paragraphs


def test_every_portion_carries_a_mark_where_marks_are_shown(built: Path) -> None:
    document = docx.Document(str(out(built, "staff.docx")))
    body = [p for p in document.paragraphs if p.text.strip()]
    skip = ("INFORMATION MEMO", "FROM:", "SUBJECT:", "Drafted:", "Cleared:", "Budget –", "Attachments:", "Tab ")
    headings = {"Summary", "Background", "Pros", "Cons", "Risks", "What the sources say", "Notes"}
    portions = [p.text for p in body if not p.text.startswith(skip) and p.text not in headings and not p.style.name.startswith("Heading")]
    assert portions, "the staff memo printed no portions"
    unmarked = [text for text in portions if not re.match(r"\((?:U|SBU|CUI)\)", text)]
    assert unmarked == []
    # Tables carry their mark in a caption; the generated key-figures table is unclassified.
    assert any(p.text.startswith("(U)") and p.style.name == "Caption" for p in document.paragraphs)


def test_tabs_start_on_pages_of_their_own_and_are_listed_as_attachments(built: Path) -> None:
    pages = pdf_pages(out(built, "staff.pdf"))
    starts = [next((line.strip() for line in page.splitlines() if line.strip() and "UNCLASSIFIED" not in line), "") for page in pages]
    assert "Tab A – Options Analysis" in starts
    assert "Tab C – Sources" in starts
    memo = flat("\n".join(pages[: starts.index("Tab A – Options Analysis")]))
    assert "Attachments: Tab A – Options Analysis; Tab B – Key Figures; Tab C – Sources" in memo
    assert "INFORMATION MEMO FOR THE DIRECTOR" in memo
    # An information memo recommends nothing: no "(recommended)" either.
    assert "recommended" not in flat("\n".join(pages))


def test_the_public_brief_has_its_own_title_subject_and_summary(built: Path) -> None:
    public = flat("\n".join(pdf_pages(out(built, "public.pdf"))))
    assert public.startswith("Scanning Cargo at Westmere How the port could inspect more containers")
    assert "two ways to inspect more are under study" in public
    staff = flat("\n".join(pdf_pages(out(built, "staff.pdf"))))
    assert "two ways to inspect more are under study" not in staff
    assert "Contraband finds at Westmere are rising" in staff
    titles = {
        re.search(r"<title>(.*?)</title>", out(built, f"{a}.html").read_text(encoding="utf-8")).group(1)
        for a in ("principal", "staff", "public")
    }  # type: ignore[union-attr]
    assert len(titles) == 3


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return copy_root("basic", tmp_path)


def test_an_early_decision_needs_a_reason_and_the_memo_must_print_it(ws: Path) -> None:
    rewrite(ws, "decision_due: 2025-03-17", "decision_due: 2025-03-12")
    code, output = build(ws, "-a", "principal")
    assert code == 1
    assert "gives no decision_due_reason [memo/decision-date]" in output
    rewrite(ws, "decision_due: 2025-03-12", 'decision_due: 2025-03-12\ndecision_due_reason: "(U) The authority board votes on March 13."')
    code, output = build(ws, "-a", "principal")
    assert code == 0, output
    assert "The authority board votes on March 13." in flat(pdf_pages(out(ws, "principal.pdf"))[0])
    # A background template that leaves the reason out is caught.
    sections = ws / "templates" / "sections"
    sections.mkdir(parents=True)
    (sections / "background.md").write_text('{% set title = "Background" %}\n{{ prose.background }}\n', encoding="utf-8")
    code, output = build(ws, "-a", "principal")
    assert code == 1 and "does not print why the decision cannot wait [memo/decision-date]" in output


def test_decision_lines_must_match_the_recommendation(ws: Path) -> None:
    rewrite(
        ws,
        "decision_due: 2025-03-17",
        'decisions:\n  - option: joint_patrols\n    that: "(U) approve joint patrols."\ndecision_due: 2025-03-17',
    )
    code, output = build(ws, "-a", "principal")
    assert code == 1
    assert "recommends 'shared_scanning' but no decision line asks to approve it [memo/decision-mismatch]" in output


def test_an_information_memo_that_asks_for_a_decision_is_rejected(ws: Path) -> None:
    rewrite(ws, "(U) Contraband finds at Westmere are rising", "(U) We recommend acting now. Contraband finds at Westmere are rising")
    code, output = build(ws, "-a", "staff")
    assert code == 1
    assert "is an information memo but it asks for a decision: “We recommend” [memo/info-decision]" in output


def test_an_unmarked_paragraph_is_located_where_it_was_written(ws: Path) -> None:
    rewrite(ws, "(U) Traffic through the port keeps growing.", "Traffic through the port keeps growing.")
    code, output = build(ws, "-a", "staff")
    assert code == 1
    line = next(i for i, text in enumerate(spec(ws).read_text(encoding="utf-8").splitlines(), 1) if text == "## Background")
    assert f"briefs/port-security.md:{line}: error: the staff memo shows portion marks, but this portion has none: “Traffic" in output
    assert "[memo/unmarked-portion]" in output


def test_internal_vocabulary_in_a_public_brief_is_flagged(ws: Path) -> None:
    rewrite(
        ws, "(U) Contraband finds at Westmere are rising", "(U) Our negotiating position is firm. Contraband finds at Westmere are rising"
    )
    code, output = build(ws, "-a", "public")
    assert code == 1
    assert "brief's PDF uses internal vocabulary: “negotiating position” [memo/internal-vocabulary]" in output


def test_fouo_is_reported_as_an_obsolete_marking(ws: Path) -> None:
    rewrite(ws, "classification: UNCLASSIFIED//SBU", "classification: UNCLASSIFIED//FOR OFFICIAL USE ONLY")
    code, output = build(ws, "-a", "principal")
    assert code == 0
    assert "which CUI replaced in 2020: State marks SBU, Defense CUI [memo/obsolete-marking]" in output


def test_defense_action_memo_centres_its_caption_and_ends_with_a_recommendation(ws: Path) -> None:
    profile = ws / "templates" / "principal"
    profile.mkdir(parents=True)
    (profile / "audience.yaml").write_text(
        "name: principal\nform: action\nconvention: defense\nsections: [background, decision, clearance]\n"
        "markings: {banner: true, internal: true, portions: true}\n",
        encoding="utf-8",
    )
    rewrite(ws, "to: THE DIRECTOR", "to: THE DIRECTOR\nto_short: the Director")
    code, output = build(ws, "-a", "principal")
    assert code == 0, output
    page = pdf_pages(out(ws, "principal.pdf"))[0]
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    assert [flat(line) for line in lines[1:4]] == ["ACTION MEMO", "March 10, 2025", "FOR: THE DIRECTOR"]
    text = flat(page)
    assert "RECOMMENDATION: (U) That the Director approve the option “Shared scanning program.”" in text
    assert re.search(r"Approve _{5,} Disapprove _{5,} Other _{5,}", text)
    assert "COORDINATION: Legal: ok; Budget: info" in text
    assert "Prepared By: Port Policy staff, March 10, 2025" in text
    document = docx.Document(str(out(ws, "principal.docx")))
    assert [p.text for p in document.paragraphs[:2]] == ["ACTION MEMO", "March 10, 2025"]
    assert document.paragraphs[0].alignment == 1  # centred


def test_the_engine_fingerprint_covers_the_built_in_templates() -> None:
    """A change to a built-in template must rebuild memos: the fingerprint hashes the whole
    package, not only the build stage's folder."""
    import brief

    package = Path(brief.__file__).parent
    template = package / "templates" / "sections" / "summary.md"
    before = engine_fingerprint()
    original = template.read_bytes()
    try:
        template.write_bytes(original + b"\n")
        engine_fingerprint.cache_clear()
        assert engine_fingerprint() != before
    finally:
        template.write_bytes(original)
        engine_fingerprint.cache_clear()


def test_words_quoted_from_a_source_ask_the_principal_for_nothing(ws: Path) -> None:
    old = "(U) Contraband finds at Westmere are rising"
    rewrite(ws, old, "(U) The harbor master said “we ask that you approve more scanners.” " + old[4:])
    code, output = build(ws, "-a", "staff")
    assert code == 0, output
    assert "memo/info-decision" not in output


def test_defense_info_memo_has_its_caption_and_asks_for_nothing(ws: Path) -> None:
    profile = ws / "templates" / "staff"
    profile.mkdir(parents=True)
    (profile / "audience.yaml").write_text(
        "name: staff\nform: information\nconvention: defense\nsections: [summary, background, clearance]\ntabs: [options]\n"
        "markings: {banner: true, internal: true, portions: true}\n",
        encoding="utf-8",
    )
    code, output = build(ws, "-a", "staff")
    assert code == 0, output
    pages = pdf_pages(out(ws, "staff.pdf"))
    lines = [flat(line) for line in pages[0].splitlines() if line.strip()]
    assert lines[1:4] == ["INFO MEMO", "March 10, 2025", "FOR: THE DIRECTOR"]
    memo = flat(pages[0])
    assert "Attachments: As stated" in memo and "Prepared By: Port Policy staff, March 10, 2025" in memo
    assert "Approve" not in memo and "RECOMMENDATION" not in memo
    assert flat(pages[1]).split("UNCLASSIFIED//SBU")[1].strip().startswith("Tab A – Options")
