"""Portion markings, the vocabulary: ``(U)``, ``(CUI)``, ``(S//NF)``, parsed and ranked.

Stage: input. An analyst marks a portion of a brief's prose by starting it with a marking in
parentheses, and an audience profile names the highest marking it may carry (its ceiling). This
module reads a marking and says how high it is; :mod:`brief.assemble.portions` applies markings
to a memo (which portions an audience keeps, and its banner).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Classification levels, lowest first. Controlled-unclassified markings share one level.
LEVELS = {"U": 0, "CUI": 1, "SBU": 1, "FOUO": 1, "C": 2, "S": 3, "TS": 4}
# Controls that raise an unclassified portion to the controlled level: "(U//FOUO)" is not public.
CONTROLLED = {"FOUO", "LES", "SBU"}

TOKEN = r"\((?P<code>U|CUI|SBU|FOUO|C|S|TS)(?://(?P<controls>[A-Z]+(?:[/,][A-Z]+)*))?\)"
MARK = re.compile(TOKEN)


@dataclass(frozen=True)
class Marking:
    """One portion marking, parsed."""

    code: str  # U, CUI, SBU, FOUO, C, S, TS
    controls: tuple[str, ...] = ()

    @property
    def level(self) -> int:
        return max([LEVELS[self.code]] + [1 for c in self.controls if c in CONTROLLED])

    @property
    def text(self) -> str:
        return "(" + "//".join([self.code, *self.controls]) + ")"

    def allowed_under(self, ceiling: Marking) -> bool:
        """May a document whose highest allowed marking is `ceiling` carry this portion? An
        unclassified ceiling admits no dissemination controls at all (NOFORN is not public)."""
        if self.level > ceiling.level:
            return False
        return bool(ceiling.level) or not self.controls or set(self.controls) <= set(ceiling.controls)


def parse_marking(text: str) -> Marking | None:
    """``"(S//NF)"`` or ``"S//NF"`` -> Marking; None when it is not a marking."""
    match = MARK.fullmatch(text.strip() if text.strip().startswith("(") else f"({text.strip()})")
    if match is None:
        return None
    controls = tuple(c for c in re.split(r"[/,]", match.group("controls") or "") if c)
    return Marking(match.group("code"), controls)
