"""Verification: what a memo and its sources must satisfy, as diagnostics.

Stage: verify, after render. Pure functions that take what earlier stages made (the Memo, the
Rendered results, the summaries and raw sources) and return
:class:`~brief.diagnostics.Diagnostic` lists; they never raise for a broken rule and never
render. :mod:`.limits` (pages, BLUF lines and words), :mod:`.rules` (memo conventions),
:mod:`.notes` (note calls and repeated notes), :mod:`.layout` (what the pages show: split rows,
notes away from their calls, boxes wider than their column), :mod:`.budgets` (word budgets) and :mod:`.sources`
(figures and quotations against the raw sources, for ``brief check``); :func:`verify_memo` runs
all but the last on one memo.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from brief.assemble.assembler import Assembly
from brief.diagnostics import Diagnostic
from brief.inputs.models import AudienceProfile
from brief.inputs.spec import BriefSpec
from brief.inputs.summaries import LoadedSummary
from brief.render import Rendered
from brief.verify.budgets import check_budgets
from brief.verify.forms import check_form
from brief.verify.layout import check_layout
from brief.verify.limits import check_limits
from brief.verify.notes import check_notes
from brief.verify.rules import check_memo, check_options


def verify_memo(
    spec: BriefSpec,
    assembly: Assembly,
    profile: AudienceProfile,
    rendered: Mapping[str, Rendered],
    sources: Sequence[LoadedSummary],
) -> list[Diagnostic]:
    """Every finding on one memo at its default severity: limits first (they make a memo unfit to
    send), then the memo rules, the options' evidence and the word budgets."""
    memo = assembly.memo
    return [
        *check_limits(spec, memo, profile, rendered),
        *check_memo(spec, memo, assembly.withheld, rendered, sources),
        *check_form(spec, assembly, rendered),
        *check_notes(spec, memo),
        *check_layout(spec, memo, rendered),
        *check_options(spec, option_sources(sources)),
        *check_budgets(spec, memo, profile),
    ]


def option_sources(sources: Sequence[LoadedSummary]) -> dict[str, set[str]]:
    """Option id -> the sources that discuss it."""
    found: dict[str, set[str]] = {}
    for source in sources:
        for mention in source.summary.options:
            found.setdefault(mention.id, set()).add(source.id)
    return found
