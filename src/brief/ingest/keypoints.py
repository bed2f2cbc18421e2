"""Key points: the 3-5 sentences that best summarise a source, ranked.

Stage: extraction. A sentence scores by its centrality (how much of its vocabulary it shares with
the rest of the text, as in TextRank, computed in one pass), its position (news leads with the
point), whether it carries figures or named actors, and its length; near-duplicates of a chosen
sentence are skipped. The result is extractive: the analyst rewrites it in their own words.
"""

from __future__ import annotations

import re

from brief.textrank import MAX_GRAPH, centrality, position_weight, terms


def rank_sentences(sentences: list[str], count: int = 4) -> list[int]:
    """Indexes of the best `count` sentences, best first."""
    candidates = [i for i, s in enumerate(sentences) if 8 <= len(s.split()) <= 60 and not s.rstrip().endswith("?")]
    if not candidates:
        candidates = list(range(len(sentences)))
    words = [terms(s) for s in sentences]
    graph = centrality([set(t) for t in words[:MAX_GRAPH]])
    n = max(len(sentences), 1)
    scores: dict[int, float] = {}
    for i in candidates:
        if not words[i]:
            continue
        central = graph[i] if i < len(graph) else 0.15
        position = position_weight(i, n)
        figures = 0.05 if re.search(r"\d", sentences[i]) else 0.0
        quoted = -0.15 if re.match(r"^\s*[“\"]", sentences[i]) else 0.0
        scores[i] = central * position + figures + quoted
    chosen: list[int] = []
    for i in sorted(scores, key=lambda k: -scores[k]):
        if any(_overlap(words[i], words[j]) > 0.5 for j in chosen):
            continue
        chosen.append(i)
        if len(chosen) == count:
            break
    return chosen


def _overlap(a: list[str], b: list[str]) -> float:
    x, y = set(a), set(b)
    return len(x & y) / max(1, min(len(x), len(y)))
