"""Key points: the 3-5 sentences that best summarise a source, ranked.

Stage: extraction. Consumes a source's sentences (and its headline, when known); produces the
indexes of the sentences to draft as key points. The result is extractive: the analyst rewrites it
in their own words.

Each sentence gets a likelihood of belonging in a summary of the source, from its TextRank
centrality (its score and its rank among the sentences), how many of the headline's words it
shares, whether it opens with a quotation, and its length (a long sentence shares more words by
chance, so at equal centrality it is less likely to be central in fact). The key points are then
chosen one at a time to make the expected overlap of the chosen sentences with such a summary
largest, as a share of both lengths (an F measure): a long sentence is worth more when it is
likely in, a short likely one can beat a long doubtful one, and a sentence that mostly repeats a
chosen one is skipped. The weights were fitted on news articles with extractive reference
summaries (the BBC set of benchmarks/keypoints_quality.py). A sentence that only repeats the
headline and a question are never chosen; a fragment too short or too long to be a point only
when the text has nothing else.
"""

from __future__ import annotations

import heapq
import math
import re

from brief.ingest.clean import signature_line
from brief.textrank import MAX_GRAPH, STOP_WORDS, centrality

# Reporting verbs are content here: in news they tie a sentence to the statements the story is
# about, and with them kept the ranking matched the reference summaries of the benchmark better
# (ROUGE-2 +0.02). Two-letter words stay too: UK, EU, UN name a story's actors.
_STOP = STOP_WORDS - {"said", "says"}
_WORD = re.compile(r"[a-zà-ÿ][a-zà-ÿ'-]+")
_OPENS_QUOTE = re.compile(r"^\s*[“\"‘']")

# Weights of the likelihood (a logistic model): intercept, log centrality over the mean, rank
# among the sentences as a share of their number, share of the headline's words, opening quotation,
# log length in words.
_INTERCEPT, _CENTRAL, _RANK, _HEADLINE, _QUOTE, _LENGTH = 4.9, 2.2, -5.5, 0.4, -0.3, -1.0
_REDUNDANT = 0.5  # share of the smaller sentence's words found in a chosen one that makes it a repeat
_MIN_WORDS, _MAX_WORDS = 8, 60


def words(sentence: str) -> set[str]:
    """The content words a sentence is compared by, lower-cased."""
    return set(_WORD.findall(sentence.lower())).difference(_STOP)


def repeats_title(sentence: str, title: str) -> bool:
    """A sentence that only restates the headline (its first line, a running head on each page,
    the title with a site's name) says nothing the title does not: about as long as the title,
    with most of the title's words and few of its own (one, or a quarter of the title's number)."""
    return _restates(words(sentence), len(sentence.split()), words(title), len(title.split()))


def _restates(ours: set[str], length: int, theirs: set[str], title_length: int) -> bool:
    if length > 2 * title_length + 2 or not ours or not theirs:
        return False  # a longer run of the same words is the text, not its title
    return len(ours - theirs) <= max(1, len(theirs) // 4) and len(ours & theirs) >= 0.6 * len(theirs)


def rank_sentences(sentences: list[str], count: int = 4, title: str | None = None) -> list[int]:
    """Indexes of the best `count` sentences, best first. `title` is the source's headline."""
    terms = [words(s) for s in sentences]
    lengths = [len(s.split()) for s in sentences]
    heading = words(title) if title else set()
    title_length = len(title.split()) if title else 0
    allowed = [
        i
        for i, s in enumerate(sentences)
        if terms[i]
        and not s.rstrip().endswith("?")
        and not _restates(terms[i], lengths[i], heading, title_length)
        and not signature_line(s)
    ]
    # A text with no sentence of a key point's length (a list of short lines) still gets its best lines.
    candidates = [i for i in allowed if _MIN_WORDS <= lengths[i] <= _MAX_WORDS] or allowed
    if not candidates:
        return []
    likely = _likelihoods(sentences, terms, lengths, heading)
    # The length of the summary a reader would write, expected: each sentence's length by its
    # likelihood. Against it, a chosen set scores by its expected overlap over both lengths.
    expected = sum(p * n for p, n in zip(likely, lengths, strict=True))
    chosen: list[int] = []
    overlap = length = 0.0
    remaining = set(candidates)
    while remaining and len(chosen) < count:
        # Gains ranked once a step, taken best first: a text of many repeats (a transcript's
        # refrain, a hostile file) costs one pass a step, not one a repeat.
        gains = [(-(overlap + likely[i] * lengths[i]) / (expected + length + lengths[i]), i) for i in remaining]
        heapq.heapify(gains)
        pick = None
        while gains:
            _, i = heapq.heappop(gains)
            if not any(_shared(terms[i], terms[j]) > _REDUNDANT for j in chosen):
                pick = i
                break
            remaining.discard(i)  # a repeat of a chosen sentence stays one as more are chosen
        if pick is None:
            break
        remaining.discard(pick)
        chosen.append(pick)
        overlap += likely[pick] * lengths[pick]
        length += lengths[pick]
    return chosen


def _likelihoods(sentences: list[str], terms: list[set[str]], lengths: list[int], heading: set[str]) -> list[float]:
    """Each sentence's likelihood of belonging in a summary. Sentences past the similarity graph
    take the lowest centrality and the last rank."""
    graph = centrality(terms[:MAX_GRAPH])
    mean = sum(graph) / len(graph)
    floor = min(graph)
    order = sorted(range(len(graph)), key=lambda i: -graph[i])
    rank = {i: r for r, i in enumerate(order)}
    n = len(sentences)
    out = []
    for i, sentence in enumerate(sentences):
        central = graph[i] if i < len(graph) else floor
        place = rank.get(i, n - 1) / n
        headline = len(terms[i] & heading) / len(heading) if heading else 0.0
        quoted = 1.0 if _OPENS_QUOTE.match(sentence) else 0.0
        z = (
            _INTERCEPT
            + _CENTRAL * math.log(central / mean)
            + _RANK * place
            + _HEADLINE * headline
            + _QUOTE * quoted
            + _LENGTH * math.log(max(lengths[i], 1))
        )
        out.append(1.0 / (1.0 + math.exp(-max(z, -50.0))))
    return out


def _shared(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))
