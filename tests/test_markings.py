"""Portion markings: parsing, what each audience keeps, the banner, and the leak check."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from brief.assemble.portions import apply_portions, banner_text, highest, memo_banner
from brief.inputs.markings import parse_marking
from conftest import REPO, brief, build_into, pdf_pages, sample_workspace, words

PROSE = """(U) Open paragraph
that wraps.

- (S//NF) secret bullet
- (U) open bullet
  with a second line
- unmarked bullet

(U//FOUO) Internal paragraph."""


def test_parse_and_rank_markings() -> None:
    assert parse_marking("(S//NF)").controls == ("NF",)
    assert parse_marking("TS").level == 4
    assert parse_marking("(U//FOUO)").level == 1  # handling controls raise unclassified text
    assert parse_marking("(X)") is None
    assert banner_text(highest([parse_marking("(S//NF)"), parse_marking("(U//FOUO)")])) == "SECRET//NOFORN"
    assert banner_text(parse_marking("(U//FOUO)")) == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert banner_text(parse_marking("CUI")) == "CUI"
    # The brief's classification is a floor; a higher portion raises the banner.
    assert memo_banner("UNCLASSIFIED//FOR OFFICIAL USE ONLY", [parse_marking("U")]) == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert memo_banner("UNCLASSIFIED", [parse_marking("C")]) == "CONFIDENTIAL"
    assert memo_banner(None, []) is None
    # State marks controlled unclassified text SBU, Defense CUI; either raises an unclassified banner.
    assert parse_marking("(SBU)").level == parse_marking("(CUI)").level == 1 > parse_marking("(U)").level
    assert banner_text(highest([parse_marking("(U)"), parse_marking("(SBU)")])) == "UNCLASSIFIED//SBU"
    assert banner_text(parse_marking("(U//SBU)")) == "UNCLASSIFIED//SBU"
    assert memo_banner("UNCLASSIFIED", [parse_marking("(SBU)")]) == "UNCLASSIFIED//SBU"
    assert memo_banner("UNCLASSIFIED//SBU", [parse_marking("(U)")]) == "UNCLASSIFIED//SBU"


def test_portions_kept_shown_or_withheld() -> None:
    shown = apply_portions(PROSE, None, show=True)
    assert shown.text == PROSE and not shown.withheld
    public = apply_portions(PROSE, parse_marking("U"), show=False)
    assert public.text.split("\n") == [
        "Open paragraph",
        "that wraps.",
        "",
        "- open bullet",
        "  with a second line",
        "- unmarked bullet",
        "",
    ]
    assert public.withheld == ("secret bullet", "Internal paragraph.")
    cui = apply_portions(PROSE, parse_marking("CUI"), show=True)
    assert "(U//FOUO) Internal paragraph." in cui.text and "secret" not in cui.text


def test_sample_marks_shown_to_staff_and_withheld_from_public(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = build_into(sample_workspace(tmp_path), "us-mexico-security")
    # The staff and principal memos mark every portion, in the PDF and the DOCX alike.
    staff = " ".join("\n".join(pdf_pages(built.pdf("staff"))).split())
    assert "(SBU) Over the next 90 days, watch whether Mexico eases" in staff
    assert "(U) Counternarcotics cooperation has been at a low ebb" in staff
    assert "SUBJECT: (U) Proposing a Binational Fentanyl Task Force" in staff
    staff_docx = [p.text for p in docx.Document(built.docx("staff")).paragraphs]
    assert any(t.startswith("(SBU) Over the next 90 days, watch whether") for t in staff_docx)
    principal = " ".join("\n".join(pdf_pages(built.pdf("principal"))).split())
    assert "BLUF: (U) Propose a binational fentanyl task force" in principal
    assert "(U) Cooperation has run since October 2021" in principal
    for paragraph in docx.Document(built.docx("principal")).paragraphs:
        if paragraph.style.name in ("Normal", "Decision Item"):  # the background and each "That you ..."
            assert paragraph.text.startswith("(U) "), paragraph.text
    # The public brief shows no marking and never the SBU portion, in either format.
    public_pdf = "\n".join(pdf_pages(built.pdf("public")))
    public_paragraphs = " ".join(p.text for p in docx.Document(built.docx("public")).paragraphs)
    for text in (public_pdf, public_paragraphs):
        assert "(U)" not in text and "(SBU)" not in text and "SBU" not in text
        plain = " ".join(words(text))
        assert "officials of both countries have been preparing announcements" in plain  # its own, unclassified outlook
        assert "over the next days watch" not in plain
    assert (REPO / "briefs" / "us-mexico-security.md").read_text(encoding="utf-8").count("(SBU)") == 1


def _mark(ws: Path, background: str) -> None:
    spec = ws / "briefs" / "port-security.md"
    text = spec.read_text(encoding="utf-8")
    head, _, rest = text.partition("## Background\n")
    _, _, tail = rest.partition("\n## Recommendation")
    spec.write_text(f"{head}## Background\n\n{background}\n\n## Recommendation{tail}", encoding="utf-8")


def test_a_secret_portion_raises_the_banner_and_stays_out_of_public(basic: Path) -> None:
    _mark(basic, "(U) Traffic keeps growing.\n\n(S//NF) The harbor pilots report two unlisted vessels each week near the north jetty.")
    built = build_into(basic, "port-security")
    for page in pdf_pages(built.pdf("staff")):
        assert page.count("SECRET//NOFORN") == 2
    staff_docx = docx.Document(built.docx("staff"))
    assert staff_docx.sections[0].header.paragraphs[0].text == "SECRET//NOFORN"
    public = " ".join(pdf_pages(built.pdf("public")))
    assert "unlisted vessels" not in public and "Traffic keeps growing" in public


def test_the_check_catches_a_withheld_portion_repeated_unmarked(basic: Path) -> None:
    secret = "The harbor pilots report two unlisted vessels each week near the north jetty."
    _mark(basic, f"(S) {secret}\n\n{secret}")
    result = brief(basic, "build", "--quiet")
    assert result.exit_code == 1
    assert "public memo PDF carries a portion it may not: “The harbor pilots report two unlisted" in result.output
    assert "Traceback" not in result.output


def test_unknown_ceiling_is_a_profile_error(basic: Path) -> None:
    target = basic / "templates" / "public"
    target.mkdir(parents=True)
    source = Path(__file__).parents[1] / "src" / "brief" / "templates" / "public" / "audience.yaml"
    (target / "audience.yaml").write_text(source.read_text(encoding="utf-8").replace("ceiling: U", "ceiling: RESTRICTED"), encoding="utf-8")
    result = brief(basic, "build", "--quiet")
    assert result.exit_code == 1
    assert "templates/public/audience.yaml:" in result.output and "'RESTRICTED' is not a portion marking" in result.output
