"""Memo forms: the caption, heading block and closing lines of each form an audience may take.

Stage: assembly. An audience profile names a form (``action``, ``information`` or ``public``)
and whose conventions it follows (``state`` or ``defense``); these functions turn the brief's
front matter into what that form prints: the caption ("ACTION MEMO FOR THE SECRETARY" at State,
"ACTION MEMO" at Defense), the heading lines (THROUGH / FROM / SUBJECT, or FOR / FROM / SUBJECT),
the subject with its portion marking, the public brief's own title and subject, and the one line
each drafter and clearer gets. The layouts place them (see layout.html and the DOCX renderer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from brief.assemble.context import DecisionView, OptionView
from brief.assemble.memo import HeaderLine
from brief.assemble.portions import split_marking
from brief.inputs.markings import Marking
from brief.inputs.models import AudienceProfile, Clearance, Drafter, SpecFront


def title(profile: AudienceProfile, front: SpecFront) -> str:
    """A public brief's own title when the brief gives one, else the memo's."""
    return (front.public.title if profile.form == "public" else None) or front.title


def subject(profile: AudienceProfile, front: SpecFront) -> str:
    return (front.public.subject if profile.form == "public" else None) or front.subject


def caption(profile: AudienceProfile, front: SpecFront) -> str | None:
    """State writes "ACTION MEMO FOR THE SECRETARY"; Defense "ACTION MEMO", with FOR: below it;
    a public brief has no caption."""
    if profile.form == "public":
        return None
    if profile.convention == "defense":
        return "ACTION MEMO" if profile.form == "action" else "INFO MEMO"
    kind = "ACTION MEMO" if profile.form == "action" else "INFORMATION MEMO"
    return f"{kind} FOR {front.to.upper()}" if front.to else kind


@dataclass(frozen=True)
class Heading:
    lines: tuple[HeaderLine, ...]
    marking: Marking | None  # the subject's portion marking, which counts toward the banner


def heading(profile: AudienceProfile, front: SpecFront) -> Heading:
    """The heading block under the caption; the subject shows its marking where the audience
    shows portion marks."""
    if profile.form == "public":
        return Heading((), None)
    marking, text = split_marking(front.subject)
    if marking is not None and profile.markings.portions:
        text = f"{marking.text} {text}"
    if profile.convention == "defense":
        lines = [("FOR", front.to), ("FROM", front.from_), ("SUBJECT", text)]
    else:
        lines = [("THROUGH", front.through), ("FROM", front.from_), ("SUBJECT", text)]
    return Heading(tuple(HeaderLine(label, value) for label, value in lines if value), marking)


def line(entry: str | Drafter | Clearance) -> str:
    """One drafter or clearer, one line: 'INL – M. Poe (ok)'."""
    return entry if isinstance(entry, str) else entry.line


def label(profile: AudienceProfile) -> str:
    """What a variant is called in its document title: 'Action Memo', 'Congressional Brief'."""
    kinds = {"action": "Action Memo", "information": "Information Memo"}
    return kinds.get(profile.form) or f"{profile.name.replace('-', ' ').replace('_', ' ').title()} Brief"


def decisions(front: SpecFront, options: list[OptionView], that: Callable[[int, str], Markup]) -> list[DecisionView]:
    """The brief's decisions, their "That you ..." text made by `that` (prose, with its marks);
    without any, one that approves the recommended option."""
    by_id = {o.id: o for o in options}
    if not front.decisions:
        chosen = by_id.get(front.recommendation or "")
        if chosen is None:
            return []
        # American style: the period inside the closing quotation mark, never after a title's own.
        title = chosen.title if chosen.title.endswith((".", "?", "!")) else f"{chosen.title}."
        return [DecisionView(Markup(escape(f"approve the option “{title}”")), chosen, "", "")]
    return [
        DecisionView(that(i, d.that), by_id.get(d.option or ""), d.recommends or "", d.opposes or "") for i, d in enumerate(front.decisions)
    ]
