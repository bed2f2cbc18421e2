"""Memo forms: what a front office checks before a memo goes forward.

Stage: verify. Rules on the form of a rendered memo (see MEMO-FORMS in the design notes): an
information memo asks for nothing; an action memo's decision lines match its recommendation; a
decision due in under five business days says why, in print; every portion carries a marking
where the audience shows marks; handling markings are current (SBU at State, CUI at Defense, not
FOUO); a public variant holds no internal vocabulary. Pure functions over what was assembled and
rendered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from brief.assemble.assembler import Assembly
from brief.assemble.markers import strip_markers
from brief.assemble.memo import BulletList, Inline, Link, Memo, Paragraph, Table, Text
from brief.diagnostics import Diagnostic, Location, diagnostic
from brief.inputs.dates import business_days_after
from brief.inputs.spec import BriefSpec
from brief.render import Rendered

_APPROVE = re.compile(r"Approve\s*_{3,}\s*Disapprove\s*_{3,}")
# What asking for a decision looks like in print.
_ASKS = re.compile(r"Approve\s*_{3,}|\bThat you\b|\b(?:I|we) recommend\b|\bRecommend(?:s|ed)? (?:that|you)\b", re.IGNORECASE)
# Internal vocabulary: words that belong to the deliberation behind a public brief, not to it.
# Each is a kind of phrase, not a phrase of one brief: a recommendation or decision put to a
# principal, negotiating positions, sources and how they are protected, internal furniture.
INTERNAL = re.compile(
    r"\b(?:recommend(?:s|ed|ation|ations)?|approve|disapprove|that you|talking points?|deliverables?|"
    r"pre-?decisional|deliberative|the principal|the Secretary(?! of)|"
    r"negotiating (?:position|positions|strategy|leverage|stance)|our (?:position|leverage|asks?|red lines?)|fallback position|"
    r"sources and methods|(?:shared|our|intelligence|confidential) sources|expose\w* (?:\w+ ){0,3}sources|"
    r"(?:which|what) (?:option|initiative|proposal|offer)s? to (?:put|propose|offer|raise|table)|put to (?:the )?President)\b",
    re.IGNORECASE,
)
_OBSOLETE = re.compile(r"\bFOUO\b|FOR OFFICIAL USE ONLY")


def check_form(spec: BriefSpec, assembly: Assembly, rendered: Mapping[str, Rendered]) -> list[Diagnostic]:
    """The form rules one rendered memo breaks, located in the brief."""
    memo = assembly.memo
    found: list[Diagnostic] = []
    who = f"{memo.audience} memo"
    pdf = rendered.get("pdf")
    docx = rendered.get("docx")
    printed = [(name, text) for name, text in (("PDF", _pdf_text(pdf)), ("DOCX", docx.text if docx else None)) if text]

    def report(code: str, message: str, where: Location) -> None:
        found.append(diagnostic(code, message, where))

    if memo.form == "information":
        # The memo itself, not its tabs, and not the sources' own words: a quoted official who
        # says "that you" asks the principal for nothing.
        ask = _ASKS.search(_unquoted(_body_text(memo)))
        if ask:
            message = f"the {who} is an information memo but it asks for a decision: “{ask.group(0)}”"
            report("memo/info-decision", message, spec.location())
    if memo.form == "action":
        front = spec.front
        chosen = {d.option for d in front.decisions if d.option}
        if front.decisions and front.recommendation and front.recommendation not in chosen:
            report(
                "memo/decision-mismatch",
                f"the brief recommends '{front.recommendation}' but no decision line asks to approve it",
                spec.location("recommendation"),
            )
        wanted = max(len(front.decisions), 1 if front.recommendation else 0)
        for name, text in printed:
            lines = len(_APPROVE.findall(" ".join(text.split())))
            if lines and lines != wanted:
                report(
                    "memo/decision-mismatch",
                    f"the {who} {name} prints {lines} Approve / Disapprove lines for {wanted} decisions",
                    spec.location("decisions") if front.decisions else spec.location("recommendation"),
                )
                break
        due = front.decision_due
        if due is not None and due < business_days_after(front.date, 5):
            reason = front.decision_due_reason
            if not reason:
                earliest = business_days_after(front.date, 5)
                message = (
                    f"decision_due {due.isoformat()} is less than five business days after the memo date (the earliest is "
                    f"{earliest.isoformat()}) and the brief gives no decision_due_reason"
                )
                report("memo/decision-date", message, spec.location("decision_due"))
            else:
                words = _words(strip_markers(re.sub(r"\{\{.*?\}\}", " ", reason)))
                for name, text in printed:
                    if " ".join(words) not in " ".join(_words(text)):
                        report(
                            "memo/decision-date",
                            f"the {who} {name} does not print why the decision cannot wait",
                            spec.location("decision_due_reason"),
                        )
                        break
    for portion, line in dict.fromkeys(assembly.unmarked):
        report("memo/unmarked-portion", f"the {who} shows portion marks, but this portion has none: “{portion}”", Location(spec.path, line))
    if memo.form != "public":
        marks = " ".join([memo.banner or "", *(text for _, text in printed)])
        if _OBSOLETE.search(marks):
            report(
                "memo/obsolete-marking",
                f"the {who} marks with FOUO, which CUI replaced in 2020: State marks SBU, Defense CUI",
                spec.location("classification"),
            )
    else:
        for name, text in printed:
            hit = INTERNAL.search(" ".join(text.split()))
            if hit:
                line = spec.find(hit.group(0)).line
                report(
                    "memo/internal-vocabulary",
                    f"the {memo.audience} brief's {name} uses internal vocabulary: “{hit.group(0)}”",
                    Location(spec.path, line),
                )
                break
    return found


def _body_text(memo: Memo) -> str:
    """What the memo says outside its tabs, block after block."""
    parts: list[str] = [line.value for line in memo.heading]
    for section in memo.sections:
        if section.tab:
            continue
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts.append(_runs_text(block.runs))
            elif isinstance(block, BulletList):
                parts.extend(_runs_text(item) for item in block.items)
            elif isinstance(block, Table):
                parts.extend(_runs_text(cell) for row in block.rows for cell in row)
    return " ".join(" ".join(parts).split())


def _runs_text(runs: tuple[Inline, ...]) -> str:
    return "".join(r.text for r in runs if isinstance(r, Text | Link))


def _unquoted(text: str) -> str:
    return re.sub(r"“[^”]*”|\"[^\"]*\"", " ", text)


def _pdf_text(pdf: Rendered | None) -> str | None:
    if pdf is None or not pdf.pages:
        return None
    return "\n".join(p.body for p in pdf.pages)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())
