"""Typed models of brief's inputs: source summaries, the option catalogue, brief specs, audiences.

Every model rejects unknown keys, so a misspelt field is an error with its line instead of being
silently ignored. Field descriptions document the YAML formats (see DESIGN.md).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from brief.inputs.dates import Published
from brief.untrusted import clean_line, clean_text, safe_url

SLUG = r"^[a-z0-9][a-z0-9_.-]*$"
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Strict(BaseModel):
    """Unknown keys are errors; every string is cleaned of what no input may carry (private-use
    and control characters, see brief.untrusted) before it is validated."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    _clean: ClassVar[Callable[[str], str]] = staticmethod(clean_text)

    @model_validator(mode="before")
    @classmethod
    def _clean_strings(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        return {key: _cleaned(value, cls._clean) for key, value in data.items()}


def _cleaned(value: Any, clean: Callable[[str], str]) -> Any:
    """Strings, and strings in lists, cleaned; mappings are models of their own and clean themselves."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_cleaned(item, clean) for item in value]
    return value


class SourceText(Strict):
    """A part of a source summary: text from the source, printed inline in memos, so a line break
    in it (which would start a Markdown list or heading) becomes a space."""

    _clean: ClassVar[Callable[[str], str]] = staticmethod(clean_line)


# --- SourceSummary ------------------------------------------------------------------------------


class Figure(SourceText):
    id: str = Field(pattern=SLUG, description="Stable id, unique across the workspace; used by figure().")
    value: float = Field(description="The number as a reader means it: '$3 billion' is 3000000000.")
    upper: float | None = Field(default=None, description="Upper bound when the source gives a range ('10 to 20').")
    unit: str = Field(
        description="count, USD (or GBP, EUR, CAD, MXN, ...), percent, percentage points, per_100k, times ('doubled' is 2 times), ..."
    )
    label: str = Field(min_length=1, description="What is measured, in the analyst's words.")
    period: str | None = Field(default=None, description="The period measured: '2018', 'monthly', ...")
    quote: str = Field(min_length=1, description="Shortest verbatim span of the source holding the number.")
    importance: int = Field(default=2, ge=1, le=3, description="3 headline, 2 supporting, 1 minor.")
    as_written: str | None = Field(
        default=None, description="The figure as the source words it ('one-third', 'nearly a quarter'); memos print it so."
    )


class Quotation(SourceText):
    speaker: str = Field(min_length=1, description="Who is quoted, as the source names them.")
    role: str | None = Field(default=None, description="The speaker's role or affiliation.")
    text: str = Field(min_length=1, description="The quotation, verbatim and short.")


class Person(SourceText):
    name: str = Field(min_length=1, description="The person's name, as the source gives it in full.")
    role: str | None = Field(default=None, description="Their role or affiliation.")


Stance = Literal["advocates", "reports", "criticizes", "announces"]


class OptionMention(SourceText):
    id: str = Field(pattern=SLUG, description="An option id from the workspace catalogue.")
    stance: Stance = Field(description="The source's stance toward the option.")
    quote: str = Field(min_length=1, description="Short verbatim span where the source discusses it.")
    speaker: str | None = Field(
        default=None, description="Who says the quoted words, when the source attributes them; else the source's own voice."
    )
    context: str | None = Field(
        default=None, description="A few words on what the passage is about ('cooperation in general'), printed as 'on <context>'."
    )


class Event(SourceText):
    date: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the source.")
    what: str = Field(min_length=1, description="What happened, in the analyst's words.")
    quote: str | None = Field(default=None, description="Short verbatim locator in the source.")

    @field_validator("date")
    @classmethod
    def _partial_date(cls, value: str) -> str:
        if not PARTIAL_DATE.match(value):
            raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = ([int(part) for part in value.split("-")] + [1, 1])[:3]
        try:
            dt.date(year, month, day)
        except ValueError:
            raise ValueError(f"date {value!r} is not a day of the calendar") from None
        return value


Kind = Literal["news", "opinion", "editorial", "report", "official", "other"]


class SourceSummary(SourceText):
    id: str = Field(pattern=SLUG, description="Stable identifier, used in citations.")
    title: str = Field(min_length=1, description="Headline or document title.")
    outlet: str | None = Field(default=None, description="Publication or publisher.")
    authors: list[str] = Field(default_factory=list, description="Bylines; [] when none.")
    published: Published | None = Field(
        default=None, description="Publication date, as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    url: str | None = Field(default=None, description="Where the source is published: an http, https or mailto link.")
    source_file: str | None = Field(default=None, description="Raw source, relative to this YAML file.")
    source_sha256: str | None = Field(
        default=None, pattern=r"^[0-9a-f]{64}$", description="sha256 of the raw source when summarised; check warns when it changes."
    )
    kind: Kind = Field(default="news", description="news, opinion, editorial, report, official or other.")
    draft: bool = Field(default=False, description="True while a drafted summary awaits review.")
    summary: list[str] = Field(default_factory=list, description="3-5 key points in the analyst's words.")
    figures: list[Figure] = Field(default_factory=list, description="The numbers the source gives, each with its verbatim quote.")
    quotes: list[Quotation] = Field(default_factory=list, description="Short verbatim quotations, with who said them.")
    people: list[Person] = Field(default_factory=list, description="The people the source names.")
    organizations: list[str] = Field(default_factory=list, description="The organisations the source names.")
    options: list[OptionMention] = Field(default_factory=list, description="The catalogue's options the source discusses, with its stance.")
    events: list[Event] = Field(default_factory=list, description="Dated events the source reports, for the chronology.")

    @field_validator("url")
    @classmethod
    def _link(cls, value: str | None) -> str | None:
        if value is not None and safe_url(value) is None:
            raise ValueError("only http, https and mailto links may reach a memo")
        return value


# --- Option catalogue ---------------------------------------------------------------------------


class CatalogueOption(Strict):
    id: str = Field(pattern=SLUG, description="Stable id that summaries and briefs use.")
    title: str = Field(min_length=1, description="How memos name the option.")
    description: str = Field(default="", description="What the option would do, in a sentence.")
    terms: list[str] = Field(default_factory=list, description="Phrases ingest matches in sources.")


# --- BriefSpec ----------------------------------------------------------------------------------


class SpecOption(Strict):
    id: str = Field(pattern=SLUG, description="An option id from the catalogue.")
    title: str | None = Field(default=None, description="Overrides the catalogue title in this brief.")
    summary: str | None = Field(default=None, description="One sentence: what the option would do.")
    pros: list[str] = Field(default_factory=list, description="Arguments for, one per item, each marked and cited.")
    cons: list[str] = Field(default_factory=list, description="Arguments against.")
    risks: list[str] = Field(default_factory=list, description="What could go wrong; every option needs one.")
    cost: str | None = Field(default=None, description="Resource or political cost.")
    assessment: str | None = Field(default=None, description="One sentence: why the option is recommended or why it loses.")
    notes: str | None = Field(default=None, description="The analyst's own notes; never printed.")


class Decision(Strict):
    """One decision an action memo asks for: printed "That you <that>" with its own Approve /
    Disapprove line."""

    that: str = Field(min_length=1, description="What the principal approves, after 'That you': 'approve proposing ...'.")
    option: str | None = Field(default=None, pattern=SLUG, description="The option this decision adopts, if any.")
    recommends: str | None = Field(default=None, description="Split memo: the offices that recommend it.")
    opposes: str | None = Field(default=None, description="Split memo: the offices that oppose it.")


class Drafter(Strict):
    office: str = Field(min_length=1, description="The drafting office, 'WHA/MEX'.")
    name: str = Field(min_length=1, description="The drafter.")
    phone: str | None = Field(default=None, description="Extension or phone, 'ext. 1234'.")

    @property
    def line(self) -> str:
        return f"{self.office} – {self.name}" + (f", {self.phone}" if self.phone else "")


class Clearance(Strict):
    office: str = Field(min_length=1, description="The clearing office, 'INL'.")
    name: str = Field(min_length=1, description="Who cleared for it.")
    clearance: str = Field(default="ok", min_length=1, description="ok, info, fyi, or as the office gave it.")

    @property
    def line(self) -> str:
        return f"{self.office} – {self.name} ({self.clearance})"


class PublicFront(Strict):
    """What a public brief says instead of the internal memo's title and subject."""

    title: str | None = Field(default=None, min_length=1, description="The public brief's title.")
    subject: str | None = Field(default=None, min_length=1, description="The public brief's subtitle.")


class SpecFront(Strict):
    title: str = Field(min_length=1, description="The memo's title, as a reader sees it first.")
    subject: str = Field(min_length=1, description="The SUBJECT line, marked as a portion: '(U) Proposing ...'.")
    date: dt.date = Field(description="The memo's date, YYYY-MM-DD; outputs are stamped with it.")
    to: str | None = Field(default=None, description="MEMORANDUM FOR line.")
    from_: str | None = Field(default=None, alias="from", description="FROM line.")
    through: str | None = Field(default=None, description="THROUGH line: the office a memo goes through on its way up.")
    classification: str | None = Field(default=None, description="Banner, e.g. UNCLASSIFIED//FOR OFFICIAL USE ONLY.")
    sources: list[str] = Field(default_factory=lambda: ["*"], description="Summary ids or globs.")
    key_figures: list[str] = Field(default_factory=list, description="Figure ids, most important first.")
    options: list[SpecOption] = Field(
        default_factory=list, description="The options the brief weighs, with pros, cons, risks and cost; a decision memo needs them."
    )
    recommendation: str | None = Field(default=None, description="The recommended option id; a decision memo needs it.")
    decisions: list[Decision] = Field(default_factory=list, description="What an action memo asks the principal to approve.")
    decision_due: dt.date | None = Field(
        default=None, description="The date a decision is needed by; five business days after the memo at least."
    )
    decision_due_reason: str | None = Field(
        default=None, description="Why a decision cannot wait five business days; the background prints it."
    )
    to_short: str | None = Field(default=None, description="How a Defense recommendation names the principal: 'SecDef'.")
    audiences: list[str] = Field(default_factory=lambda: ["principal", "staff", "public"])
    drafted: str | Drafter | None = Field(default=None, description="Who drafted the memo: {office, name, phone}.")
    cleared: list[str | Clearance] = Field(default_factory=list, description="One office per entry, with a name and a clearance.")
    public: PublicFront = Field(default_factory=PublicFront, description="The public brief's own title and subject.")
    author: str | None = Field(default=None, description="Byline of the public brief.")
    lang: str = "en-US"


# --- Audience -----------------------------------------------------------------------------------


class Limits(Strict):
    pages: int | None = Field(default=None, ge=1, description="Hard page limit of the PDF, tabs not counted.")
    bluf_lines: int | None = Field(default=None, ge=1, description="Printed lines the BLUF may take.")
    bluf_words: int | None = Field(default=None, ge=1)
    key_figures: int | None = Field(default=None, ge=0, description="How many key figures to show.")
    events: int | None = Field(
        default=8,
        ge=0,
        description="How many chronology events to show: those most tied to the brief, printed oldest first; null shows all.",
    )
    words: dict[str, int] = Field(default_factory=dict, description="Word budget per section id.")


class Markings(Strict):
    banner: bool = Field(default=True, description="Classification banner top and bottom of every page.")
    internal: bool = Field(default=True, description="Drafted/cleared lines and deliberation are shown.")
    portions: bool = Field(default=False, description="Show each portion's marking, such as (U) or (CUI), before it.")
    ceiling: str | None = Field(
        default=None,
        description="Highest portion marking the audience may carry, e.g. U or CUI; portions above it are left out. "
        "A public audience carries only unclassified portions without controls.",
    )

    @field_validator("ceiling")
    @classmethod
    def _known_marking(cls, value: str | None) -> str | None:
        from brief.inputs.markings import parse_marking

        if value is not None and parse_marking(value) is None:
            raise ValueError(f"'{value}' is not a portion marking (U, CUI, SBU, C, S or TS, with //controls)")
        return value


class AudienceProfile(Strict):
    name: str = Field(pattern=SLUG)
    description: str = ""
    form: Literal["action", "information", "public"] = "information"
    convention: Literal["state", "defense"] = Field(
        default="state", description="Whose memo forms an action or information memo follows: State's or Defense's."
    )
    sections: list[str] = Field(min_length=1, description="Section template ids, in order.")
    tabs: list[str] = Field(default_factory=list, description="Section template ids printed as tabs (Tab A, B, ...) after the memo.")
    titles: dict[str, str | None] = Field(default_factory=dict, description="Section titles by id; null hides.")
    limits: Limits = Field(default_factory=Limits)
    markings: Markings = Field(default_factory=Markings)
    layout: str = Field(default="layout.html", description="HTML layout template.")
    stylesheet: str = Field(default="memo.css", description="CSS template for HTML and PDF.")
    reference_docx: str | None = Field(default=None, description="Reference .docx, relative to the profile.")
    tagged_pdf: bool = Field(default=False, description="Write a tagged PDF/UA-1.")
    columns: int = Field(default=1, ge=1, le=3, description="Text columns of the memo body, in PDF, HTML and DOCX.")
    list_notes: Literal["item", "list"] = Field(
        default="item",
        description="A list's citations: a note for each item, or one note after the list citing every source its items draw on "
        "(for long generated material, such as a staff package's tabs).",
    )
    notes: Literal["footnotes", "endnotes"] = Field(
        default="footnotes",
        description="Where citations go: footnotes at the foot of each page, or endnotes after the body (in PDF and DOCX).",
    )
