"""A chronology that earns its place: events ranked by their tie to the brief and cut to the
audience's limit; and option evidence that says who speaks, in what role, on what."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from brief.assemble.events import BriefTerms, group_events, rank_events, scheduled
from brief.assemble.evidence import overlaps, speaker_of
from brief.ingest.draft import to_data
from brief.inputs.models import Event, Limits, OptionMention, Person, Quotation, SourceSummary
from brief.inputs.summaries import LoadedSummary
from conftest import brief, copy_root


def text_of(fragment: str) -> str:
    """The text of a fragment of a memo's HTML, without its note calls and notes (nor the word
    joiner that holds a call to the punctuation before it)."""
    bare = re.sub(r'<a class="fnref".*?</a>|<span class="footnote">.*?</span>|<[^>]+>', "", fragment, flags=re.S)
    return " ".join(html.unescape(bare).replace("\u2060", "").split())


def section_of(page: str, section: str) -> str:
    """The HTML of one section of a memo, by its id."""
    start = page.index(f'<section id="{section}"')
    return page[start : page.index("</section>", start)]


def source(sid: str, *events: tuple[str, str]) -> LoadedSummary:
    summary = SourceSummary(id=sid, title=f"Report {sid}", events=[Event(date=d, what=w) for d, w in events])
    return LoadedSummary(summary, Path(f"seeds/{sid}.yaml"))


TERMS = BriefTerms(
    options="Joint scanning program: scanners shared by both port authorities. Terms: scanner, joint patrols",
    figures="Containers found with contraband",
    prose="Contraband finds at Westmere are rising; the Coast Guard wants joint patrols.",
)


def test_scheduling_is_recognised() -> None:
    assert scheduled("Follow-up meeting of prosecutors scheduled")
    assert scheduled("The two presidents to meet in the capital")
    assert scheduled("The ministry plans to open a lab")
    assert not scheduled("Inspectors found contraband in 312 containers")


def test_events_tied_to_the_brief_rank_first_and_print_oldest_first() -> None:
    sources = [
        source(
            "a",
            ("2021", "The authority buys its first scanners for contraband"),
            ("2022-05", "A new ferry line opens to the islands"),
            ("2024-11", "Coast Guard and harbor police begin joint patrols against contraband"),
            ("2025-02", "Meeting of port directors scheduled to discuss joint patrols and scanners"),
            ("2019", "The harbor's old lighthouse is repainted"),
        ),
        source("b", ("2024-11", "Joint patrols against contraband start at Westmere")),
    ]
    groups = group_events(sources)
    assert len(groups) == 5  # the two reports of the joint patrols are one event
    kept = rank_events(groups, TERMS, 3)
    whats = [g[0][1].what for g in kept]
    # Oldest first; the ferry and the lighthouse share nothing with the brief, and the meeting
    # that is only scheduled weighs less than what happened.
    assert whats == [
        "The authority buys its first scanners for contraband",
        "Coast Guard and harbor police begin joint patrols against contraband",
        "Meeting of port directors scheduled to discuss joint patrols and scanners",
    ]
    top_two = [g[0][1].what for g in rank_events(groups, TERMS, 2)]
    assert "Meeting of port directors scheduled to discuss joint patrols and scanners" not in top_two
    assert len(rank_events(groups, TERMS, None)) == 5


def test_the_limit_has_a_default_and_may_be_lifted() -> None:
    assert Limits().events == 8
    assert Limits.model_validate({"events": None}).events is None
    with pytest.raises(ValueError):
        Limits.model_validate({"events": -1})


def test_staff_chronology_and_timeline_show_the_ranked_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = copy_root("basic", tmp_path)
    seed = ws / "seeds" / "coast-2025-03-04.yaml"
    many = "".join(f'  - date: "20{10 + i}"\n    what: Harbor festival number {i} is held\n' for i in range(6))
    many += '  - date: "2024-06"\n    what: Joint patrols against contraband begin at Westmere\n'
    many += '  - date: "2025-04"\n    what: Meeting on joint patrols and contraband scheduled\n'
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("events:\n", "events:\n" + many, 1), encoding="utf-8")
    profile = ws / "templates" / "staff" / "audience.yaml"
    profile.parent.mkdir(parents=True)
    shutil.copy(Path(__file__).parents[1] / "src" / "brief" / "templates" / "staff" / "audience.yaml", profile)
    builtin = profile.read_text(encoding="utf-8")
    limited, count = re.subn(r"(?m)^  events: \d+\b", "  events: 4", builtin)
    assert count == 1, "the built-in staff profile sets no events limit to change"
    profile.write_text(limited, encoding="utf-8")
    monkeypatch.chdir(ws)
    result = brief(ws, "build", "--quiet")
    assert result.exit_code == 0, result.output
    page = (ws / "build" / "port-security" / "staff.html").read_text(encoding="utf-8")
    # The chronology is the staff package's Tab B: the timeline, then the list, each event a
    # marked portion.
    chronology = section_of(page, "chronology")
    assert re.search(r'<h2 class="tab-title">Tab B – Chronology</h2>\s*<figure class="chart">', chronology)
    items = re.findall(r"<li[^>]*>(.*?)</li>", chronology, re.S)
    shown = [text_of(item) for item in items]
    assert len(shown) == 4
    assert all(re.fullmatch(r"\(U\) [^:]+: .+", s) for s in shown), shown
    assert any("Joint patrols against contraband begin" in s for s in shown)
    assert sum("festival" in s for s in shown) <= 1
    dates = [s.removeprefix("(U) ").split(":")[0] for s in shown]
    assert dates == sorted(dates, key=lambda d: re.findall(r"\d{4}", d)[0])  # oldest first
    alt = re.findall(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="([^"]+)"', chronology)
    assert len(alt) == 1 and alt[0].startswith("Timeline of 4 events")


# --- evidence: who speaks, on what ------------------------------------------------------------------


def summary_with(mention: OptionMention) -> SourceSummary:
    return SourceSummary(
        id="news",
        title="News",
        quotes=[
            Quotation(speaker="Lena Ortiz", role="Inspector General", text="We will work with them in unison to limit that flow"),
            Quotation(speaker="Tomas Brandt", text="Joint patrols are the fastest fix"),
        ],
        people=[Person(name="Tomas Brandt", role="Rear Admiral")],
        options=[mention],
    )


def test_overlapping_passages() -> None:
    assert overlaps("work with them in unison", "We will work with them in unison to limit that flow")
    assert overlaps("Joint patrols are the fastest fix, he said", "joint patrols are the fastest")
    assert not overlaps("work with them", "they will work on it with them")


def test_speaker_comes_from_the_mention_or_an_overlapping_quotation() -> None:
    taken = OptionMention(id="x", stance="reports", quote="work with them in unison")
    assert speaker_of(summary_with(taken), taken) == ("Lena Ortiz", "Inspector General")
    named = OptionMention(id="x", stance="reports", quote="a shared program", speaker="Tomas Brandt")
    assert speaker_of(summary_with(named), named) == ("Tomas Brandt", "Rear Admiral")  # role from people
    own = OptionMention(id="x", stance="reports", quote="a shared scanning program")
    assert speaker_of(summary_with(own), own) == (None, None)


def test_old_summaries_load_and_drafts_write_no_empty_fields() -> None:
    old = yaml.safe_load("id: shared_scanning\nstance: reports\nquote: new scanners since 2021\n")
    mention = OptionMention.model_validate(old)
    assert mention.speaker is None and mention.context is None
    data = to_data(SourceSummary(id="s", title="t", options=[mention]))
    assert data["options"] == [old]
    spoken = OptionMention(id="x", stance="reports", quote="q", speaker="A B", context="cooperation in general")
    assert to_data(SourceSummary(id="s", title="t", options=[spoken]))["options"][0]["context"] == "cooperation in general"


def test_staff_evidence_names_speaker_role_and_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = copy_root("basic", tmp_path)
    seed = ws / "seeds" / "coast-2025-03-04.yaml"
    text = seed.read_text(encoding="utf-8")
    text = text.replace(
        "  - id: shared_scanning\n    stance: advocates\n    quote: a shared scanning program\n",
        "  - id: shared_scanning\n    stance: advocates\n    quote: a shared scanning program\n    context: the port's inspections\n",
    )
    seed.write_text(text, encoding="utf-8")
    monkeypatch.chdir(ws)
    assert brief(ws, "build", "--quiet").exit_code == 0
    out = ws / "build" / "port-security"
    # The staff package's source digest (Tab C) lists each source's words on the options under
    # the source's own full reference, as marked portions.
    digest = section_of(out.joinpath("staff.html").read_text(encoding="utf-8"), "source_points")
    parts = re.findall(r'<p class="digest-source">(.*?)</p>\s*<ul[^>]*>(.*?)</ul>', digest, re.S)
    under = {text_of(entry): [text_of(li) for li in re.findall(r"<li[^>]*>(.*?)</li>", items, re.S)] for entry, items in parts}
    [coast_entry] = [entry for entry in under if entry.startswith("(U) Vance, Marco, and Ada Lin. “Coast Guard doubles patrols")]
    coast = under[coast_entry]
    # The mention's words are the Rear Admiral's quotation: his name and role come from the summary.
    assert "(U) On Joint patrols (advocates), Tomas Brandt, Rear Admiral: “Joint patrols with our neighbors”" in coast
    # No speaker (the source's own words), but a context.
    assert "(U) On Shared scanning program (advocates), on the port’s inspections: “a shared scanning program”" in coast
    assert not any("Joint patrols with our neighbors" in line for entry, items in under.items() if entry != coast_entry for line in items)
    # The public brief keeps the sources' words under each option, named by outlet.
    public = out.joinpath("public.html").read_text(encoding="utf-8")
    lines = [text_of(li) for li in re.findall(r"<li[^>]*>(.*?)</li>", section_of(public, "options"), re.S)]
    assert "Coastal Times (advocates) — Tomas Brandt, Rear Admiral: “Joint patrols with our neighbors”" in lines
    assert "Coastal Times (advocates) — on the port’s inspections: “a shared scanning program”" in lines
