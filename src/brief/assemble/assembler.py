"""Assembly: BriefSpec + SourceSummaries + Audience -> Memo.

Stage: assemble. Everything is read and checked before this stage runs (:mod:`brief.inputs`), and
this stage writes nothing: it evaluates the analyst's prose (with the ``figure()`` and ``cite()``
helpers), renders each section template of the audience to Markdown, converts that to blocks,
numbers footnotes in reading order and returns one complete :class:`~brief.assemble.memo.Memo`,
with the portions it left out for the leak check of :mod:`brief.verify`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import jinja2
from markupsafe import Markup, escape

from brief.assemble import citations, forms
from brief.assemble.blocks import markdown_to_blocks
from brief.assemble.conflicts import Conflict, find_conflicts
from brief.assemble.context import (
    BriefView,
    ConflictView,
    DecisionView,
    EventView,
    EvidenceView,
    FigureView,
    OptionView,
    SectionContext,
    SourceView,
    TabView,
)
from brief.assemble.events import BriefTerms, group_events, rank_events
from brief.assemble.evidence import speaker_of
from brief.assemble.figuretext import format_figure
from brief.assemble.footnotes import Citer
from brief.assemble.lazy import Join as _Join
from brief.assemble.lazy import Lazy as _Lazy
from brief.assemble.markers import Kind
from brief.assemble.memo import Block, Chart, HeaderLine, Memo, Paragraph, Section
from brief.assemble.portions import apply_portions, mark_portions, memo_banner, split_marking
from brief.assemble.typography import typeset, typeset_memo
from brief.errors import BriefError, Location, SpecError, TemplateError
from brief.inputs.audiences import Audience
from brief.inputs.markings import parse_marking
from brief.inputs.models import CatalogueOption, Figure, OptionMention
from brief.inputs.sandbox import BoundedSandbox
from brief.inputs.spec import BriefSpec
from brief.inputs.summaries import LoadedSummary
from brief.inputs.templating import Templates, guard, prose_line, template_module


@dataclass(frozen=True)
class Assembly:
    """What assembly makes of one brief for one audience: the Memo every renderer consumes, and
    the portions of prose it left out (never rendered; verification proves none reached a file)."""

    memo: Memo
    withheld: tuple[str, ...] = ()
    unmarked: tuple[tuple[str, int | None], ...] = ()  # prose printed without a marking where marks are shown, and its line


# --- assembly --------------------------------------------------------------------------------------


class _Assembler:
    def __init__(
        self, spec: BriefSpec, sources: list[LoadedSummary], catalogue: dict[str, CatalogueOption], audience: Audience, templates: Templates
    ) -> None:
        self.spec, self.sources, self.catalogue = spec, sources, catalogue
        self.audience, self.templates = audience, templates
        self.profile = audience.profile
        self.citer = Citer()
        self.by_id = {s.id: s for s in sources}
        self.figure_owner = {f.id: (s, f) for s in sources for f in s.summary.figures}
        self.source_views = {s.id: self._source_view(s) for s in sources}
        self.prose_env = BoundedSandbox(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
        self.prose_env.globals.update(figure=self.figure, cite=self.cite)
        # The prose this audience reads: "## Background (principal)" over "## Background".
        self.prose_sections = spec.prose_for(self.profile.name, self.profile.form)
        ceiling = self.profile.markings.ceiling or ("U" if self.profile.form == "public" else None)
        self.ceiling = parse_marking(ceiling) if ceiling else None
        self.withheld: list[str] = []

    # Helpers callable from prose and templates.

    def figure(self, figure_id: str, as_written: bool = True) -> Markup:
        found = self.figure_owner.get(figure_id)
        if found is None:
            raise SpecError(
                f"figure '{figure_id}' is not a figure of the brief's sources", self.spec.find(figure_id), "spec/unknown-figure"
            )
        source, fig = found
        shown = format_figure(fig, as_written)
        return Markup(escape(shown)) + self.citer.request(source, fig.quote, fig, shown)

    def cite(self, source_id: str) -> Markup:
        source = self.by_id.get(source_id)
        if source is None:
            raise SpecError(f"source '{source_id}' is not one of the brief's sources", self.spec.find(source_id), "spec/unknown-source")
        return self.citer.request(source)

    def chart(self, kind: str, caption: str | None = None) -> Markup:
        """A chart of the key figures or of the events, drawn from the views the memo cites, with
        its title (`caption`, else the chart's own) and a source line naming the outlets."""
        from brief import charts

        context = self._ctx
        if kind == "figures":
            points = []
            for view in context.key_figures:
                fig = self.figure_owner[view.id][1]
                points.append(charts.FigurePoint(typeset(view.label), fig.value, fig.unit, typeset(view.display)))
            image = charts.figures_chart(points)
            outlets = {v.source.outlet or v.source.title for v in context.key_figures}
        elif kind == "timeline":
            events = [charts.EventPoint(v.sort_key, v.date, typeset(v.what)) for v in context.events]
            image = charts.timeline_chart(events)  # the chronology's own list
            outlets = {s.outlet or s.title for v in context.events for s in v.sources}
        else:
            raise TemplateError(f"unknown chart kind '{kind}' (known: figures, timeline)", None, "template/error")
        if image is None:
            return Markup("")
        source = "Source: " + "; ".join(sorted(outlets)) + "."
        chart = Chart(image.svg, image.png, image.alt, caption or image.title, image.width_in, image.height_in, source)
        self.citer.charts.append(chart)
        return Markup("\n\n" + self.citer.markers.make(Kind.CHART, len(self.citer.charts) - 1) + "\n\n")

    def _prose(self, text: str, where: Location) -> Markup:
        def render() -> str:
            return self.prose_env.from_string(text).render()

        try:
            return self._portions(render(), where.line)
        except jinja2.TemplateSyntaxError as exc:
            line = (where.line or 0) + (exc.lineno or 1) if where.line else None
            raise SpecError(f"template syntax error: {exc.message}", Location(where.path, line), "spec/syntax") from None
        except BriefError:
            raise
        except (jinja2.TemplateError, TypeError, ValueError, AttributeError, LookupError, ArithmeticError) as exc:
            raise SpecError(f"error in prose: {exc}", prose_line(exc, where), "spec/prose") from None
        except RecursionError as exc:
            raise SpecError("error in prose: it calls itself without end", prose_line(exc, where), "spec/prose") from None
        except MemoryError as exc:
            raise SpecError("error in prose: it ran out of memory", prose_line(exc, where), "spec/prose") from None

    def _portions(self, text: str, line: int | None = None) -> Markup:
        """Leave out the portions this audience may not carry. Each kept portion carries an
        invisible marker, so only the portions that reach the page count toward the banner."""
        # Marks travel as markers and are printed by mark_portions once the blocks exist, at the
        # start of each block, whatever the template put before the prose.
        result = apply_portions(text, self.ceiling, False, tag=lambda m: self.citer.markers.make(Kind.PORTION, m.text if m else f"@{line}"))
        self.withheld.extend(result.withheld)
        return Markup(result.text)

    # Views.

    def _source_view(self, s: LoadedSummary) -> SourceView:
        m = s.summary
        return SourceView(
            id=m.id, title=m.title, outlet=m.outlet, authors=citations.authors_text(m.authors),
            published=citations.long_date(m.published), kind=m.kind, points=list(m.summary),
            cite=_Lazy(lambda: self.citer.request(s)), entry=_Lazy(lambda: self.citer.entry(s)),
        )  # fmt: skip

    def _figure_view(self, s: LoadedSummary, f: Figure) -> FigureView:
        return FigureView(
            id=f.id, label=f.label, display=format_figure(f), period=f.period or "", importance=f.importance,
            source=self.source_views[s.id], cite=_Lazy(lambda: self.citer.request(s, f.quote, f, format_figure(f))),
        )  # fmt: skip

    def _options(self) -> list[OptionView]:
        views = []
        for i, opt in enumerate(self.spec.front.options):
            entry = self.catalogue[opt.id]

            def prose(value: str | None, *loc: Any, i: int = i) -> Markup:
                return self._prose(value, self.spec.location("options", i, *loc)) if value else Markup("")

            evidence = [self._evidence(s, m) for s in self.sources for m in s.summary.options if m.id == opt.id]
            views.append(OptionView(
                id=opt.id, title=opt.title or entry.title, summary=prose(opt.summary, "summary"),
                pros=_present(prose(p, "pros", j) for j, p in enumerate(opt.pros)),
                cons=_present(prose(c, "cons", j) for j, c in enumerate(opt.cons)),
                risks=_present(prose(r, "risks", j) for j, r in enumerate(opt.risks)),
                cost=prose(opt.cost, "cost"), assessment=prose(opt.assessment, "assessment"), evidence=evidence,
                recommended=opt.id == self.spec.front.recommendation,
            ))  # fmt: skip
        return views

    def _evidence(self, s: LoadedSummary, m: OptionMention) -> EvidenceView:
        """What a source says of an option, with who says it: the mention's speaker, else the
        speaker of one of the summary's quotations that overlaps the mention's words."""
        speaker, role = speaker_of(s.summary, m)
        cite = _Lazy(partial(self.citer.request, s, None))
        return EvidenceView(self.source_views[s.id], m.stance, m.quote, cite, speaker or "", role or "", m.context or "")

    def _context(self) -> SectionContext:
        f = self.spec.front
        all_figures = sorted(
            (self._figure_view(s, fig) for s in self.sources for fig in s.summary.figures),
            key=lambda v: -v.importance,
        )
        chosen = (
            [self._figure_view(*self.figure_owner[fid]) for fid in f.key_figures]
            if f.key_figures
            else [v for v in all_figures if v.importance == 3]
        )
        limit = self.profile.limits.key_figures
        key_figures = chosen[:limit] if limit is not None else chosen
        events = self._events(key_figures)
        conflicts = [self._conflict_view(c) for c in find_conflicts(self.sources)]
        options = self._options()
        prose = {key: self._prose(sec.text, self._prose_location(sec.line)) for key, sec in self.prose_sections.items()}
        reason = f.decision_due_reason
        brief = BriefView(
            name=self.spec.name, title=self.title, subject=split_marking(self.subject)[1], date=citations.long_date(f.date),
            to=f.to or "", sender=f.from_ or "", through=f.through or "", classification=f.classification or "",
            decision_due=citations.long_date(f.decision_due) if f.decision_due else "",
            decision_due_reason=self._prose(reason, self.spec.location("decision_due_reason")) if reason else Markup(""),
            to_short=f.to_short or "you", caption=self.caption or "",
            drafted=forms.line(f.drafted) if f.drafted else "", cleared=[forms.line(c) for c in f.cleared], author=f.author or "",
        )  # fmt: skip
        return SectionContext(
            brief=brief, audience=self.profile, prose=prose, sources=list(self.source_views.values()),
            bibliography=[self.source_views[m.id] for m in citations.bibliography_order([s.summary for s in self.sources])],
            figures=all_figures, key_figures=key_figures, options=options,
            recommendation=next((o for o in options if o.recommended), None), events=events, conflicts=conflicts,
            decisions=self._decisions(options), tabs=[],
            figure=self.figure, cite=self.cite, chart=self.chart,
        )  # fmt: skip

    def _conflict_view(self, c: Conflict) -> ConflictView:
        return ConflictView(
            kind=c.kind, wording=c.wording, basis=c.basis, first=self._figure_view(*c.first), second=self._figure_view(*c.second),
            first_measure=c.measures[0], second_measure=c.measures[1], first_names=c.names[0], second_names=c.names[1],
            same_source=c.first[0].id == c.second[0].id, reason=c.reason,
        )  # fmt: skip

    def _events(self, key_figures: Sequence[FigureView] = ()) -> list[EventView]:
        """The dated events most tied to the brief (its options, key figures and prose), as many
        as the audience's limit, oldest first; one event reported by several sources appears
        once, citing each of them."""
        options = []
        for opt in self.spec.front.options:
            entry = self.catalogue.get(opt.id)
            if entry is not None:
                options += [entry.title, entry.description, *entry.terms]
            options += [opt.title or "", opt.summary or "", *opt.pros, *opt.cons, *opt.risks, opt.cost or "", opt.notes or ""]
        terms = BriefTerms(
            options="\n".join(options), figures="\n".join(v.label for v in key_figures),
            prose="\n".join(sec.text for sec in self.spec.prose.values()),
        )  # fmt: skip
        views = []
        for group in rank_events(group_events(self.sources), terms, self.profile.limits.events):
            # The most precise date, and the fullest description, stand for the group.
            _, best = max(group, key=lambda item: (len(item[1].date), len(item[1].what)))
            cites = [_Lazy(partial(self.citer.request, s, e.quote)) for s, e in group]
            views.append(
                EventView(
                    date=citations.partial_date(best.date), sort_key=best.date, what=best.what,
                    source=self.source_views[group[0][0].id], sources=[self.source_views[s.id] for s, _ in group],
                    cite=_Join(cites),
                )
            )  # fmt: skip
        return sorted(views, key=lambda v: v.sort_key)

    def _decisions(self, options: list[OptionView]) -> list[DecisionView]:
        def that(i: int, text: str) -> Markup:
            return self._prose(text, self.spec.location("decisions", i, "that"))

        return forms.decisions(self.spec.front, options, that)

    @property
    def title(self) -> str:
        return forms.title(self.profile, self.spec.front)

    @property
    def subject(self) -> str:
        return forms.subject(self.profile, self.spec.front)

    @property
    def caption(self) -> str | None:
        return forms.caption(self.profile, self.spec.front)

    def _heading(self, unmarked: list[tuple[str, int | None]]) -> tuple[HeaderLine, ...]:
        heading = forms.heading(self.profile, self.spec.front)
        if heading.marking is not None:
            self.citer.markings.append(heading.marking)
        elif self.profile.markings.portions and heading.lines:
            unmarked.append(("SUBJECT: " + split_marking(self.spec.front.subject)[1], self.spec.line_of("subject")))
        return heading.lines

    def _prose_location(self, heading_line: int) -> Location:
        return Location(self.spec.path, heading_line)

    def _section(self, section_id: str, context: SectionContext, tab: str | None = None) -> Section | None:
        rendered = self._render(section_id, context)
        return self._convert(section_id, rendered, tab) if rendered is not None else None

    def _render(self, section_id: str, context: SectionContext) -> tuple[str, str | None, str] | None:
        """A section's Markdown, title and style, or None when it has nothing to show."""
        name = f"sections/{section_id}.md"
        title: str | None = None
        style = "body"
        if self.templates.exists(name):
            template = self.templates.get(self.templates.markdown, name)
            module = guard(lambda: template_module(template, context.as_dict()), name, self.templates.path)
            text = str(module)
            title = getattr(module, "title", None)
            style = getattr(module, "style", None) or "body"
        elif section_id in self.prose_sections:
            prose = self.prose_sections[section_id]
            text, title = str(context.prose[section_id]), prose.title
        else:
            raise SpecError(  # the audience asks for it, but the brief is what lacks it
                f"audience '{self.profile.name}' shows section '{section_id}', but there is no template "
                f"{name} (searched {', '.join(str(p) for p in self.templates.path)}) and no '## {section_id}' prose",
                self.audience.location(_listed(self.profile.sections, self.profile.tabs, section_id)),
                "audience/missing-section",
            )
        if section_id in self.profile.titles:
            title = self.profile.titles[section_id]
        if not text.strip():
            return None
        return text, title, style

    def _convert(self, section_id: str, rendered: tuple[str, str | None, str], tab: str | None = None) -> Section | None:
        text, title, style = rendered
        blocks = markdown_to_blocks(text, self.citer.resolve, self.citer.markers)
        blocks = [_restyle(b, style) for b in blocks]
        return Section(section_id, title, tuple(blocks), tab) if blocks else None

    def assemble(self) -> Assembly:
        context = self._ctx = self._context()
        # Tabs are rendered first, so the memo's Attachments line can name them; they are
        # converted last, so their notes are numbered after the memo's, as a reader meets them.
        tab_texts = [(sid, r) for sid in self.profile.tabs if (r := self._render(sid, context)) is not None]
        letters = [chr(ord("A") + i) for i in range(len(tab_texts))]
        tabs = [TabView(letter, r[1] or sid.replace("_", " ").title()) for letter, (sid, r) in zip(letters, tab_texts, strict=True)]
        context = self._ctx = dataclasses.replace(context, tabs=tabs)
        sections = [s for sid in self.profile.sections if (s := self._section(sid, context)) is not None]
        sections += [
            s
            for letter, tab, (sid, r) in zip(letters, tabs, tab_texts, strict=True)
            if (s := self._convert(sid, (r[0], tab.title, r[2]), letter)) is not None
        ]
        unmarked: list[tuple[str, int | None]] = []
        heading = self._heading(unmarked)
        marked = mark_portions(sections, self.profile.markings.portions)
        # Calls after their clauses, merged, numbered in reading order.
        notes = self.citer.place(marked.sections, gather_lists=self.profile.list_notes == "list")
        f = self.spec.front
        memo = Memo(
            brief=self.spec.name, audience=self.profile.name, form=self.profile.form, title=self.title,
            subject=split_marking(self.subject)[1], date=f.date, lang=f.lang,
            banner=memo_banner(f.classification, self.citer.markings) if self.profile.markings.banner else None,
            heading=heading, sections=notes.sections, footnotes=notes.footnotes,
            figures=notes.figures, tagged=self.profile.tagged_pdf,
            author_line=f.author, columns=self.profile.columns, notes=self.profile.notes,
            caption=self.caption, convention=self.profile.convention, label=forms.label(self.profile),
        )  # fmt: skip
        return Assembly(typeset_memo(memo), tuple(self.withheld), tuple(unmarked) + marked.unmarked)


def _present(items: Iterable[Markup]) -> list[Markup]:
    """The items left after portions this audience may not carry were taken out."""
    return [item for item in items if item.strip()]


def _listed(sections: list[str], tabs: list[str], section_id: str) -> str:
    """Where the profile lists a section: 'sections[2]' or, for a tab, 'tabs[0]'."""
    return f"sections[{sections.index(section_id)}]" if section_id in sections else f"tabs[{tabs.index(section_id)}]"


def _restyle(block: Block, style: str) -> Block:
    if style != "body" and isinstance(block, Paragraph) and block.style == "body":
        return Paragraph(block.runs, style)
    return block


def assemble_memo(
    spec: BriefSpec, sources: list[LoadedSummary], catalogue: dict[str, CatalogueOption], audience: Audience, templates: Templates
) -> Assembly:
    """The complete Memo of one brief for one audience, and what it left out."""
    return _Assembler(spec, sources, catalogue, audience, templates).assemble()
