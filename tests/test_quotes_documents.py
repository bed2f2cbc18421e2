"""Quotations credited to a statement's own voice, to a document or an office, and by "added"
later in the paragraph, on made-up sentences; and the quote/speaker rule ingest and check share."""

from __future__ import annotations

from pathlib import Path

from brief.ingest.draft import draft_summary
from brief.ingest.extract import find_people, find_quotes, named_near
from brief.inputs.models import Quotation, SourceSummary
from brief.inputs.summaries import LoadedSummary
from brief.speakers import headline_author, speaker_named_near
from brief.verify.sources import check_summary

HEADLINE = "Statement from President Mara Quist on Harbor Safety\n\n"
FILLER = "The docks matter to every town on the coast. " * 20


def quotes_of(text: str) -> list[tuple[str, str]]:
    return [(q.speaker, q.text) for q in find_quotes(text, find_people(text))]


def test_a_statement_credits_its_first_person_words_to_the_headline_author() -> None:
    text = HEADLINE + FILLER + "That is why in May I directed the Harbor Board to “mend and guard” the eastern docks."
    [quote] = find_quotes(text, find_people(text))
    assert (quote.speaker, quote.text) == ("Mara Quist", "mend and guard")
    assert named_near(text, quote.speaker, quote.start, quote.end)  # the headline names her, far above


def test_first_person_speech_acts_of_any_length_in_a_statement() -> None:
    for sentence, said in [
        ("As I said last spring, “no crew should ever work on a broken dock.”", "no crew should ever work on a broken dock."),
        ("I called on the Senate to “pass the harbor bill without any more delay”.", "pass the harbor bill without any more delay"),
    ]:
        assert quotes_of(HEADLINE + FILLER + sentence) == [("Mara Quist", said)]


def test_the_headline_names_only_its_own_author() -> None:
    text = HEADLINE + FILLER + "The docks are old."
    assert headline_author(text) == "President Mara Quist"
    at = len(text) - 5
    assert speaker_named_near(text, "Mara Quist", at, at + 3)
    assert not speaker_named_near(text, "Tomas Brandt", at, at + 3)  # someone else stays unnamed
    assert headline_author("Harbor news\n\n" + text) is None  # a headline only at the very start
    assert not speaker_named_near("Harbor news\n\n" + text, "Mara Quist", at + 13, at + 16)


def test_check_accepts_a_statement_quotation_credited_to_its_author(tmp_path: Path) -> None:
    text = HEADLINE + FILLER + "That is why in May I directed the Harbor Board to “mend and guard” the eastern docks.\n"
    raw = tmp_path / "statement.txt"
    raw.write_text(text, encoding="utf-8")
    findings = []
    for speaker in ("Mara Quist", "Tomas Brandt"):
        summary = SourceSummary(id="statement", title="Statement", quotes=[Quotation(speaker=speaker, text="mend and guard")])
        (tmp_path / "statement.yaml").write_text("id: statement\n", encoding="utf-8")
        found = check_summary(LoadedSummary(summary, tmp_path / "statement.yaml"), raw)
        findings.append([d.code for d in found if d.code.startswith("quote/")])
    assert findings == [[], ["quote/speaker"]]


def test_words_a_document_is_credited_with() -> None:
    order = (
        "On May 2 the governor signed Executive Order 210 on harbor safety. "
        "The order describes the eastern docks as “a hazard to every crew that works there”. Crews welcomed it."
    )
    assert quotes_of(order) == [("Executive Order 210", "a hazard to every crew that works there")]
    certificate = (
        "The mayor handed over the Certificate of Merit for the rescue crew.\n\n"
        "The certificate reads “Awarded to the crew of the Harbor Star for courage at sea.” The crowd cheered."
    )
    assert quotes_of(certificate) == [("Certificate of Merit", "Awarded to the crew of the Harbor Star for courage at sea.")]
    report = (
        "The Harbor Board published its Annual Safety Report on Monday. "
        "The report said “inspections at the eastern docks fell by a third in one year”."
    )
    assert quotes_of(report) == [("Annual Safety Report", "inspections at the eastern docks fell by a third in one year")]
    review = (
        "The agency's 2024 Harbor Safety Review found that inspections fell. "
        "The review also notes that “there is ample room for more inspections at the eastern docks.” Officials disagreed."
    )
    assert quotes_of(review) == [("Harbor Safety Review", "there is ample room for more inspections at the eastern docks.")]


def test_a_report_named_with_a_leading_adjective_keeps_it() -> None:
    text = (
        "The board cited the latest International Harbor Strategy Report in May. "
        "The report also notes that “the eastern docks need new cranes before the winter.”"
    )
    assert quotes_of(text) == [("International Harbor Strategy Report", "the eastern docks need new cranes before the winter.")]


def test_a_quotation_credited_by_added_later_in_its_paragraph() -> None:
    text = (
        "Crews met the harbor master on Monday. “We will keep every dock open through the winter and into spring.” "
        "Nobody will lose a berth, Lena Ortiz added."
    )
    assert quotes_of(text) == [("Lena Ortiz", "We will keep every dock open through the winter and into spring.")]
    other = text.replace("Lena Ortiz added", "the crews added")  # no name to credit
    assert quotes_of(other) == []
    quoted = text.replace("Nobody will lose a berth,", "“Nobody will lose a berth,”")
    assert quotes_of(quoted) == [("Lena Ortiz", "Nobody will lose a berth")]  # "added" is read only up to another quotation


def test_a_short_quotation_credited_right_after_its_mark() -> None:
    text = (
        "Port fees rose again, Mr Quist said. Owners could then “keep their boats”, Mr Quist stressed.\n\n"
        "“Nobody will check where the boats came from. They must return to the water.” The plan excludes ferries."
    )
    assert quotes_of(text) == [
        ("Quist", "keep their boats"),
        ("Quist", "Nobody will check where the boats came from. They must return to the water."),
    ]
    scare = "The “boat tax” rose again on Monday. Mr Quist stressed the point."
    assert quotes_of(scare) == []


def test_check_reads_named_near_in_the_text_as_written_so_a_list_under_a_heading_checks_clean(tmp_path: Path) -> None:
    said = "We will make sure that the people who work on the docks keep more of their money every year. "
    items = " - ".join(f"“{said * 3}Item {n} is part of it.” (Watch)" for n in range(4))
    text = f"Sunday Shows\n\n#### Senator Kate Britton on Harbor Week\n\n- {items}\n"
    raw = tmp_path / "shows.txt"
    raw.write_text(text, encoding="utf-8")
    found = find_quotes(text)
    last = found[-1]
    assert last.speaker == "Kate Britton" and named_near(text, last.speaker, last.start, last.end)
    findings = []
    for speaker in ("Kate Britton", "Tomas Brandt"):
        summary = SourceSummary(id="shows", title="Shows", quotes=[Quotation(speaker=speaker, text=last.text)])
        (tmp_path / "shows.yaml").write_text("id: shows\n", encoding="utf-8")
        found_codes = check_summary(LoadedSummary(summary, tmp_path / "shows.yaml"), raw)
        findings.append([d.code for d in found_codes if d.code.startswith("quote/")])
    assert findings == [[], ["quote/speaker"]]


def test_it_after_an_owned_statement_or_a_bodys_own_report_is_the_owner() -> None:
    statement = (
        "Tories Hire Adviser\n\nMr Howard hired Lynton Crosby as his elections chief in October. Mr Crosby's statement"
        ' said: "The party has been making an impact on tax this week." It added: "Labour will want to distract from that."'
    )
    assert [who for who, _ in quotes_of(statement)] == ["Lynton Crosby", "Lynton Crosby"]
    report = (
        "Donations Cap\n\nThe Harbor Standards Commission says a cap would mean taxpayers giving parties more cash."
        ' "We do not believe that such a major departure would be sensible now," says its report. It should be small.'
    )
    assert [who for who, _ in quotes_of(report)] == ["Harbor Standards Commission"]


def test_it_is_never_a_person_addressed_as_mr_nor_a_name_run_across_a_paragraph() -> None:
    text = 'Crosby Row\n\nMr Howard hired Mr Crosby as his elections chief. "Labour will want to distract from the issues," it said.'
    assert quotes_of(text) == []


def test_it_after_a_body_named_after_the_verb_and_a_person_before_a_bodys_description() -> None:
    inverted = (
        'Drives\n\n"It is the kind of storage that appeals to people," said Harbordisk. "It is the first time you can say a'
        ' hard drive is sexy," it said. Tom Vance agreed.'
    )
    assert [who for who, _ in quotes_of(inverted)] == ["Harbordisk", "Harbordisk"]
    person = 'Drives\n\n"It is the kind of storage that appeals to people," said Tom Vance. "It is the first time," it said.'
    assert [who for who, _ in quotes_of(person)] == ["Tom Vance"]
    described = 'Mac Mini\n\nAs Gavin Coxe of the excellent buildyourown website put it: "It will be tough to build a PC as compact."'
    assert quotes_of(described) == [("Gavin Coxe", "It will be tough to build a PC as compact.")]


def test_a_speaker_named_near_by_role_is_drafted_and_checks_clean(tmp_path: Path) -> None:
    text = (
        "Roe Plans Harbor Points Scheme\n\nAnyone moving to the coast will have to pass a test, Home Secretary Ana Roe has said.\n\n"
        + FILLER
        + "\n\nThe home secretary said, by 2028, she wanted every crew registered. She said: “We will establish a system which"
        " looks at the skills of the people who come to work on the docks.”\n"
    )
    raw = tmp_path / "points.txt"
    raw.write_text(text, encoding="utf-8")
    drafted = draft_summary(raw, {})
    words = "We will establish a system which looks at the skills of the people who come to work on the docks."
    assert [(q.speaker, q.role) for q in drafted.quotes if q.text == words] == [("Ana Roe", "Home Secretary")]
    findings = []
    for role in ("Home Secretary", "Harbor Master"):
        summary = SourceSummary(id="points", title="Points", quotes=[Quotation(speaker="Ana Roe", role=role, text=words)])
        (tmp_path / "points.yaml").write_text("id: points\n", encoding="utf-8")
        found = check_summary(LoadedSummary(summary, tmp_path / "points.yaml"), raw)
        findings.append([d.code for d in found if d.code.startswith("quote/")])
    assert findings == [[], ["quote/speaker"]]


RUN_ON = (
    "Harbor chief Mara Quist spoke to the crews on Monday.\n\n"
    + "“The eastern docks will open in May,” she said. "
    + "The docks matter to every town on the coast. " * 14
    + "\n\n“We will hire another forty welders before the summer,” she added. "
    + "The docks matter to every town on the coast. " * 14
    + "\n\n“{third}”\n"
)


def test_a_speaker_quoted_again_and_again_stays_named_past_the_window(tmp_path: Path) -> None:
    # Each quotation ends within the window of the next, the last far from the name: the run holds
    # in a draft and in check; a summary that gives the second to someone else breaks it.
    text = RUN_ON.format(third="No crew should ever work on a broken dock again.")
    *_, last = find_quotes(text, find_people(text))
    assert last.speaker == "Mara Quist" and not named_near(text, last.speaker, last.start, last.end)
    raw = tmp_path / "harbor.txt"
    raw.write_text(text, encoding="utf-8")
    draft = draft_summary(raw, {}, None)
    assert [q.text for q in draft.quotes][-1] == "No crew should ever work on a broken dock again."
    findings = []
    for second in ("Mara Quist", "Tomas Brandt"):
        quotes = [
            Quotation(speaker="Mara Quist", text="The eastern docks will open in May"),
            Quotation(speaker=second, text="We will hire another forty welders before the summer"),
            Quotation(speaker="Mara Quist", text="No crew should ever work on a broken dock again."),
        ]
        summary = SourceSummary(id="harbor", title="Harbor", quotes=quotes)
        (tmp_path / "harbor.yaml").write_text("id: harbor\n", encoding="utf-8")
        found = check_summary(LoadedSummary(summary, tmp_path / "harbor.yaml"), raw)
        findings.append([d.message.split("”")[0].split()[-1] for d in found if d.code == "quote/speaker"])
    assert findings == [[], ["summer", "again."]]
