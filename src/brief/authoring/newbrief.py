"""`brief new NAME`: a first draft of a brief, from the workspace's reviewed summaries.

Stage: authoring. Writes ``briefs/NAME.md`` with what the summaries already hold: the sources,
the key figures (most important, then most recent, first), the options the sources discuss (most
discussed first; their arguments drafted from each source's stance and words, already carrying
``cite()`` and ``figure()`` calls), a background skeleton of dated events and top figures, a
decision date five business days out and the built-in audiences. What only the analyst can write
(the title, BLUF, the decision asked for, costs, risks) is left as ``[insert: ...]``
placeholders, which ``brief check`` and ``brief build`` report as errors at their lines, and
``brief build --draft`` prints in a watermarked draft.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import yaml

from brief.assemble.citations import partial_date
from brief.errors import Location, SpecError, SummaryError
from brief.inputs.catalogue import load_catalogue
from brief.inputs.dates import business_days_after
from brief.inputs.models import Figure, SourceSummary
from brief.inputs.project import check_brief_name
from brief.inputs.summaries import load_summaries
from brief.workspace import Workspace

MAX_FIGURES = 5
MAX_OPTIONS = 5
MAX_EVENTS = 6
MAX_ARGUMENTS = 3  # for and against, each


def new_brief(workspace: Workspace, name: str, chosen: list[str] | None = None, today: dt.date | None = None) -> Path:
    """Write briefs/NAME.md; returns its path."""
    target = workspace.briefs / f"{name}.md"
    problem = check_brief_name(target)
    if problem is not None:
        raise problem
    if target.exists():
        raise SpecError("a brief of this name exists; choose another name", Location(target), "spec/exists")
    summaries = load_summaries(workspace)
    if chosen:
        unknown = [sid for sid in chosen if sid not in summaries]
        if unknown:
            raise SummaryError(f"no summary with id '{unknown[0]}' in {workspace.seeds}", None, "summary/not-found")
        picked = [summaries[sid].summary for sid in chosen]
    else:
        picked = [s.summary for s in summaries.values() if not s.summary.draft]
    drafts = [s for s in picked if s.draft]
    if drafts:
        path = summaries[drafts[0].id].path
        raise SummaryError(
            f"summary '{drafts[0].id}' awaits review: `brief review {drafts[0].id}` once read", Location(path), "summary/draft"
        )
    if not picked:
        raise SummaryError("no reviewed summaries to draft a brief from: `brief review ID` marks one reviewed", None, "summary/not-found")
    catalogue = load_catalogue(workspace)
    date = today or dt.date.today()
    front, body = _draft(picked, catalogue, date)
    text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n" + body
    workspace.briefs.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def _draft(sources: list[SourceSummary], catalogue: dict, date: dt.date) -> tuple[dict, str]:
    figures = _key_figures(sources)
    options = _options(sources, catalogue, figures)
    front = {
        "title": "[insert: the memo's title]",
        "subject": "(U) [insert: what the memo asks or tells, in one line]",
        "date": date,
        "to": "[insert: the principal, e.g. THE SECRETARY]",
        "from": "[insert: bureau – name, title]",
        "classification": "UNCLASSIFIED",
        "sources": [s.id for s in sources],
        "key_figures": [f.id for _, f in figures],
        "options": options,
    }
    if options:
        front["recommendation"] = options[0]["id"]
        front["decisions"] = [{"option": options[0]["id"], "that": "(U) approve [insert: what you ask the principal to approve]"}]
    front["decision_due"] = business_days_after(date, 5)
    front["audiences"] = ["principal", "staff", "public"]
    front["drafted"] = {"office": "[insert: office]", "name": "[insert: name]"}
    return front, _body(sources, figures)


def _key_figures(sources: list[SourceSummary]) -> list[tuple[SourceSummary, Figure]]:
    """Most important first, then from the most recent source."""
    found = [(s, f) for s in sources for f in s.figures]
    found.sort(key=lambda item: (-item[1].importance, tuple(-n for n in _when(item[0]))))
    return found[:MAX_FIGURES]


def _when(source: SourceSummary) -> tuple[int, int, int]:
    return source.published.sort_key if source.published else (0, 0, 0)


def _options(sources: list[SourceSummary], catalogue: dict, figures: list[tuple[SourceSummary, Figure]]) -> list[dict]:
    mentions = Counter(m.id for s in sources for m in s.options if m.id in catalogue)
    drafted = []
    for option_id, _ in mentions.most_common(MAX_OPTIONS):
        pros, cons = [], []
        for source in sources:
            who = source.outlet or source.title
            for mention in (m for m in source.options if m.id == option_id):
                quote = _quoted(mention.quote)
                if mention.stance in ("advocates", "announces"):
                    verb = "argues for it" if mention.stance == "advocates" else "reports it announced"
                    pros.append(f"(U) {who} {verb}: {quote}{{{{ cite('{source.id}') }}}}")
                elif mention.stance == "criticizes":
                    cons.append(f"(U) {who} argues against it: {quote}{{{{ cite('{source.id}') }}}}")
                else:
                    pros.append(f"(U) {who} reports: {quote}{{{{ cite('{source.id}') }}}}")
        stakes = next((f for s, f in figures if any(m.id == option_id for m in s.options)), None)
        if stakes is not None:
            pros.append(f"(U) The stakes: {_lower_first(stakes.label)}, {{{{ figure('{stakes.id}') }}}}.")
        drafted.append(
            {
                "id": option_id,
                "summary": f"(U) {catalogue[option_id].description or '[insert: what the option would do]'}",
                "pros": pros[:MAX_ARGUMENTS] or ["(U) [insert: an argument for]"],
                "cons": cons[:MAX_ARGUMENTS] or ["(U) [insert: an argument against]"],
                "risks": ["(U) [insert: what could go wrong]"],
                "cost": "(U) [insert: the cost, in money and attention]",
            }
        )
    return drafted


def _body(sources: list[SourceSummary], figures: list[tuple[SourceSummary, Figure]]) -> str:
    events = sorted(((s, e) for s in sources for e in s.events), key=lambda item: item[1].date)[-MAX_EVENTS:]
    background = [f"(U) {partial_date(e.date)}: {e.what.rstrip('.')}.{{{{ cite('{s.id}') }}}}" for s, e in events]
    background += [f"(U) {f.label.rstrip('.')}: {{{{ figure('{f.id}') }}}}." for _, f in figures[:3]]
    parts = [
        "## BLUF",
        "(U) [insert: the bottom line in at most four lines: what you ask and why now]",
        "## Summary",
        "(U) [insert: the situation in two or three sentences]",
        "## Background",
        *(background or ["(U) [insert: the background]"]),
        "## Outlook",
        "(U) [insert: what to watch next]",
    ]
    return "\n\n".join(parts) + "\n"


def _quoted(text: str) -> str:
    return "“" + re.sub(r"\s+", " ", text).strip().strip('“”"') + "”"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
