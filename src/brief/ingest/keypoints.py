"""Key points: the 3-5 sentences that best summarise a source, ranked.

Stage: extraction. A sentence scores by its centrality (how much of its vocabulary it shares with
the rest of the text, as in TextRank, computed in one pass), its position (news leads with the
point), whether it carries figures or named actors, and its length; near-duplicates of a chosen
sentence are skipped. The result is extractive: the analyst rewrites it in their own words.
"""

from __future__ import annotations

import math
import re

_STOP = set(
    "a an the and or but if of to in on at by for with from as is are was were be been being has have had do does did "
    "this that these those it its their his her our your they them he she we you i not no so than then there here which who whom "
    "whose what when where why how all any each more most other some such only own same too very can will just should would could "
    "may might must also into over after before about against between through during under again further once said says".split()
)


def _terms(sentence: str) -> list[str]:
    return [w for w in re.findall(r"[a-zà-ÿ][a-zà-ÿ'-]+", sentence.lower()) if w not in _STOP and len(w) > 2]


MAX_GRAPH = 80  # sentences in the similarity graph (its cost grows with the square); later ones score on position alone


def _pagerank(terms: list[set[str]], iterations: int = 20) -> list[float]:
    """TextRank centrality: PageRank over sentences linked by shared terms."""
    n = len(terms)
    weights: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for i in range(n):
        if len(terms[i]) < 2:
            continue
        for j in range(i + 1, n):
            if len(terms[j]) < 2:
                continue
            shared = len(terms[i] & terms[j])
            if shared:
                w = shared / (math.log(len(terms[i])) + math.log(len(terms[j])))
                weights[i].append((j, w))
                weights[j].append((i, w))
    out = [sum(w for _, w in edges) or 1.0 for edges in weights]
    # Each edge carries its share of the neighbour's out-weight, computed once.
    shares = [[(j, w / out[j]) for j, w in edges] for edges in weights]
    score = [1.0] * n
    for _ in range(iterations):
        new = [0.15 + 0.85 * sum(score[j] * share for j, share in edges) for edges in shares]
        # Only the order of the top few matters; it settles long before the scores do.
        converged = max((abs(a - b) for a, b in zip(new, score, strict=True)), default=0.0) < 5e-3
        score = new
        if converged:
            break
    return score


def rank_sentences(sentences: list[str], count: int = 4) -> list[int]:
    """Indexes of the best `count` sentences, best first."""
    candidates = [i for i, s in enumerate(sentences) if 8 <= len(s.split()) <= 60 and not s.rstrip().endswith("?")]
    if not candidates:
        candidates = list(range(len(sentences)))
    terms = [_terms(s) for s in sentences]
    graph = _pagerank([set(t) for t in terms[:MAX_GRAPH]])
    n = max(len(sentences), 1)
    scores: dict[int, float] = {}
    for i in candidates:
        if not terms[i]:
            continue
        centrality = graph[i] if i < len(graph) else 0.15
        # News puts the point first; a lead sentence outranks an equally central later one.
        position = 1.0 + 0.6 * (1 - i / n) ** 2
        figures = 0.05 if re.search(r"\d", sentences[i]) else 0.0
        quoted = -0.15 if re.match(r"^\s*[“\"]", sentences[i]) else 0.0
        scores[i] = centrality * position + figures + quoted
    chosen: list[int] = []
    for i in sorted(scores, key=lambda k: -scores[k]):
        if any(_overlap(terms[i], terms[j]) > 0.5 for j in chosen):
            continue
        chosen.append(i)
        if len(chosen) == count:
            break
    return chosen


def _overlap(a: list[str], b: list[str]) -> float:
    x, y = set(a), set(b)
    return len(x & y) / max(1, min(len(x), len(y)))
