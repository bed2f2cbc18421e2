"""The template context: every name a section template or a layout may use, documented.

Stage: assembly (section templates) and render (layouts).

This is a contract with analysts who write templates (see TEMPLATES.md): a field is added here,
with its help text, before any template uses it, and a test checks that the built-in templates
use only documented names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from markupsafe import Markup

from brief.assemble.memo import Memo
from brief.inputs.models import AudienceProfile


def doc(help: str) -> Any:
    return field(metadata={"help": help})


@dataclass(frozen=True)
class SourceView:
    id: str = doc("Summary id, as in seeds/<id>.yaml.")
    title: str = doc("Headline or document title.")
    outlet: str | None = doc("Publication or publisher.")
    authors: str = doc("Bylines joined for reading: 'A, B, and C'; '' when none.")
    published: str = doc("Publication date as precise as the source: 'February 7, 2020', 'November 2019', '2019'; or 'n.d.'.")
    kind: str = doc("news, opinion, editorial, report, official or other.")
    points: list[str] = doc("The summary's key points.")
    cite: Markup = doc("Prints a footnote call citing this source.")
    entry: Markup = doc("Prints the full bibliography entry (authors, title, outlet, date, link).")


@dataclass(frozen=True)
class FigureView:
    id: str = doc("Figure id.")
    label: str = doc("What the figure measures.")
    display: str = doc("The value as printed: '$3 billion', '70%'.")
    period: str = doc("The period measured, or ''.")
    importance: int = doc("3 headline, 2 supporting, 1 minor.")
    source: SourceView = doc("The source that gives the figure.")
    cite: Markup = doc("Prints a footnote call citing the figure's source and verbatim locator.")


@dataclass(frozen=True)
class EvidenceView:
    source: SourceView = doc("The source that discusses the option.")
    stance: str = doc("advocates, reports, criticizes or announces.")
    quote: str = doc("The source's own words on the option (verbatim, short).")
    cite: Markup = doc("Prints a footnote call citing the quoted passage.")
    speaker: str = doc(
        "Who says the quoted words: the mention's speaker, else the speaker of a summary quotation that overlaps it; "
        "'' for the source's own voice."
    )
    role: str = doc("The speaker's role, from the summary's quotations or people, or ''.")
    context: str = doc("What the passage is about, a few words ('cooperation in general'), or ''.")


@dataclass(frozen=True)
class OptionView:
    id: str = doc("Option id from the catalogue.")
    title: str = doc("Option title.")
    summary: Markup = doc("What the option would do (analyst's prose, may hold citations).")
    pros: list[Markup] = doc("Arguments for, from the brief.")
    cons: list[Markup] = doc("Arguments against, from the brief.")
    risks: list[Markup] = doc("Stated risks, from the brief.")
    cost: Markup = doc("Resource or political cost, or ''.")
    assessment: Markup = doc("Why the option is recommended or why it loses (analyst's prose), or ''.")
    evidence: list[EvidenceView] = doc("What each source says about the option.")
    recommended: bool = doc("True for the brief's recommendation.")


@dataclass(frozen=True)
class EventView:
    date: str = doc("When, as precisely as the source says: 'November 2019'.")
    sort_key: str = doc("ISO-like date for ordering.")
    what: str = doc("What happened.")
    source: SourceView = doc("The first source that reports it.")
    sources: list[SourceView] = doc("Every source that reports it.")
    cite: Markup = doc("Prints footnote calls citing every source that reports it.")


@dataclass(frozen=True)
class ConflictView:
    kind: str = doc(
        "'contradiction' (one measure, scope and period: the two cannot both hold), 'measure' (the labels name different "
        "things, such as fentanyl deaths against all deaths) or 'date' (one measure, different periods, or counts 'so far' "
        "to different or unknown publication dates)."
    )
    wording: str = doc("The kind as `brief check` words it: 'contradiction', 'different measure or scope' or 'different date'.")
    basis: str = doc(
        "How the values were set side by side: 'values' (two values), 'rate' (a monthly rate against a yearly total) "
        "or 'record' (two records)."
    )
    first: FigureView = doc("One figure (for 'rate' the yearly total; for 'record' the earlier record).")
    second: FigureView = doc("The figure it is set against.")
    first_measure: str = doc("The first figure's label as it reads inside a sentence ('murders in Mexico').")
    second_measure: str = doc("The second figure's label as it reads inside a sentence.")
    first_names: str = doc("For 'measure': what only the first label names ('fentanyl'), or ''.")
    second_names: str = doc("For 'measure': what only the second label names, or ''.")
    same_source: bool = doc("True when one source gives both figures.")
    reason: str = doc("Why the pair is of its kind, one clause, as `brief check` prints it (no final period).")


@dataclass(frozen=True)
class DecisionView:
    that: Markup = doc("What the principal approves, after 'That you': 'approve proposing ...' (prose, marked).")
    option: OptionView | None = doc("The option the decision adopts, if any.")
    recommends: str = doc("Split memo: the offices that recommend it, or ''.")
    opposes: str = doc("Split memo: the offices that oppose it, or ''.")


@dataclass(frozen=True)
class TabView:
    letter: str = doc("'A', 'B', ...")
    title: str = doc("The tab's title: 'Options Analysis'.")


@dataclass(frozen=True)
class BriefView:
    name: str = doc("The brief's file name without .md.")
    title: str = doc("Memo title.")
    subject: str = doc("One-line subject.")
    date: str = doc("Memo date, 'January 6, 2023'.")
    to: str = doc("MEMORANDUM FOR line, or ''.")
    sender: str = doc("FROM line, or ''.")
    through: str = doc("THROUGH line, or ''.")
    classification: str = doc("Classification banner text, or ''.")
    decision_due: str = doc("Date a decision is needed by, or ''.")
    decision_due_reason: Markup = doc("Why the decision cannot wait five business days (prose, marked), or ''.")
    to_short: str = doc("How a Defense recommendation names the principal ('SecDef'), or 'you'.")
    caption: str = doc("The memo's caption: 'ACTION MEMO FOR THE SECRETARY', 'INFO MEMO'; '' for a public brief.")
    drafted: str = doc("Drafted line: 'WHA/MEX – J. Roe, ext. 1234', or ''.")
    cleared: list[str] = doc("Clearance lines, one office each: 'INL – M. Poe (ok)'.")
    author: str = doc("Byline for a public brief, or ''.")


@dataclass(frozen=True)
class SectionContext:
    """What a section template (``sections/<id>.md``) sees."""

    brief: BriefView = doc("The brief's metadata.")
    audience: AudienceProfile = doc("The audience profile (form, limits, markings).")
    prose: dict[str, Markup] = doc("The analyst's prose by section id ('bluf', 'background', ...).")
    sources: list[SourceView] = doc("The sources the brief uses, in spec order.")
    bibliography: list[SourceView] = doc(
        "The same sources in sources-list order: by the first author's surname, an unsigned piece by its outlet."
    )
    figures: list[FigureView] = doc("Every figure of those sources, most important first.")
    key_figures: list[FigureView] = doc("The brief's key figures, cut to the audience's limit.")
    options: list[OptionView] = doc("The options the brief weighs, in spec order.")
    recommendation: OptionView | None = doc("The recommended option, if any.")
    decisions: list[DecisionView] = doc("What an action memo asks the principal to approve, each with its Approve / Disapprove line.")
    tabs: list[TabView] = doc("The tabs printed after the memo (the audience's `tabs`), for the Attachments line.")
    events: list[EventView] = doc(
        "Dated events from the sources, those most tied to the brief (its options, key figures and prose, reports by several "
        "sources; announcements and schedules weigh less), cut to the audience's limits.events and printed oldest first."
    )
    conflicts: list[ConflictView] = doc(
        "Pairs of figures whose values differ, each classified: a contradiction, a different measure or scope, or a different date."
    )
    figure: Callable[..., Markup] = doc(
        "figure(id, as_written=True): the figure with a footnote citation, as the source wrote it ('one-third') when the "
        "summary says so; as_written=False prints the number ('33.3%')."
    )
    cite: Callable[[str], Markup] = doc("cite(source_id): a footnote citation of a source.")
    chart: Callable[..., Markup] = doc(
        "chart(kind, caption=None): a chart on a line of its own, titled `caption` or its own title; "
        "kind 'figures' (the key figures that compare) or 'timeline' (the events)."
    )

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class LayoutContext:
    """What an HTML layout (``layout.html``) and stylesheet (``memo.css``) see."""

    memo: Memo = doc("The assembled memo: heading lines, sections of blocks, footnotes.")
    audience: AudienceProfile = doc("The audience profile.")
    css: Markup = doc("The rendered stylesheet, inlined in the page.")
    generator: str = doc("'brief <version>', for the document's metadata.")
    created: date = doc("Date written into the document's metadata.")

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}
