"""Sentence ranking shared by ingest and verification: content words, TextRank centrality and
the weight of a sentence's position.

Ingest ranks a source's sentences to draft its key points (:mod:`brief.ingest.keypoints`); the
word budgets rank a memo section's sentences to say which to cut first
(:mod:`brief.verify.budgets`). Both measure centrality the same way and share the stop words
(key points keep reporting verbs, see there), so what ingest deems central a budget deems worth
keeping. numpy is imported only when centrality is computed.
"""

from __future__ import annotations

import os
import re
from collections import Counter

STOP_WORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being has have had do does did "
    "this that these those it its their his her our your they them he she we you i not no so than then there here which who whom "
    "whose what when where why how all any each more most other some such only own same too very can will just should would could "
    "may might must also into over after before about against between through during under again further once said says".split()
)


def terms(sentence: str) -> list[str]:
    """Content words of a sentence, lower-cased, without stop words."""
    return [w for w in re.findall(r"[a-zà-ÿ][a-zà-ÿ'-]+", sentence.lower()) if w not in STOP_WORDS and len(w) > 2]


MAX_GRAPH = 80  # sentences in the similarity graph (its cost grows with the square); later ones score on position alone


def centrality(terms: list[set[str]], iterations: int = 20) -> list[float]:
    """TextRank centrality: PageRank over sentences linked by shared terms, weighted by the
    number shared over the log lengths (Mihalcea and Tarau). Computed with matrices: the shared
    counts of all pairs are one product of the sentence-term incidence matrix with itself."""
    # One BLAS thread: the matrices are small (a product takes a tenth of a millisecond), and
    # OpenBLAS's worker threads spin on another core for a while after each product, which
    # kept a second core busy through a whole ingest and took it from the build's other workers.
    # numpy reads this once, when it is first imported, and nothing else here imports it.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import numpy as np

    n = len(terms)
    # A one-word sentence has no log length to weigh by; a term in one sentence links none, so
    # it counts in its sentence's length but stays out of the matrix (most terms: a smaller product).
    linked = [sentence if len(sentence) >= 2 else set() for sentence in terms]
    spread = Counter(term for sentence in linked for term in sentence)
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, sentence in enumerate(linked):
        for term in sentence:
            if spread[term] > 1:
                rows.append(i)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
    if not vocabulary:
        return [1.0] * n
    incidence = np.zeros((n, len(vocabulary)), dtype=np.float64)
    incidence[rows, cols] = 1.0
    shared = incidence @ incidence.T
    np.fill_diagonal(shared, 0.0)
    logs = np.log(np.maximum(np.array([len(sentence) for sentence in linked], dtype=np.float64), 1.0))
    denominator = logs[:, None] + logs[None, :]
    weights = np.divide(shared, denominator, out=np.zeros_like(shared), where=denominator > 0)
    out = weights.sum(axis=1)
    out[out == 0] = 1.0
    transition = (weights / out[:, None]).T  # row i: what each neighbour j passes to i
    score = np.ones(n)
    for _ in range(iterations):
        new = 0.15 + 0.85 * (transition @ score)
        # Only the order of the top few matters; it settles long before the scores do.
        converged = float(np.abs(new - score).max()) < 5e-3
        score = new
        if converged:
            break
    return [float(x) for x in score]


def position_weight(index: int, count: int) -> float:
    """News puts the point first: a lead sentence outranks an equally central later one."""
    return 1.0 + 0.6 * (1 - index / max(count, 1)) ** 2
