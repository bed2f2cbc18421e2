"""Are the key points `brief ingest` drafts ahead of TextRank? ROUGE on the BBC extractive summaries.

Reads ../shared/corpus/summ/bbc_news_summary_300.jsonl (the set the ranking's parameters were chosen
on) and bbc_news_summary_clean100.jsonl (held out) at run time. Every system picks k=3 sentences
from one split of each article (the headline, its first line, removed; then ``clean(body).text`` and
``sentence_spans``, as benchmarks/ingest_quality.py does), and the reference is the human summary:

- brief key points: :func:`brief.ingest.keypoints.rank_sentences`, given the headline as title;
- Lead-3: the first three sentences;
- plain TextRank: ``textrank`` of benchmarks/ingest_quality.py;
- library TextRank: the ``summa`` package's summarizer (its cleaning, stemming, similarity and
  weighted PageRank), run on the same sentences rather than on its own split;
- greedy oracle: sentences added one at a time, each the one that most raises ROUGE-2 F against
  the reference: a ceiling, not a system.

Scores are Google's ``rouge-score`` (ROUGE-1/2/L F, Porter stemmer). The difference of brief and
each TextRank is a paired bootstrap over articles. Needs the ``bench`` extra:

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/keypoints_quality.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from brief.ingest.clean import clean
from brief.ingest.draft import sentence_spans
from brief.ingest.keypoints import rank_sentences

REPO = Path(__file__).resolve().parents[1]
SUMM = REPO.parent / "shared" / "corpus" / "summ"
SETS = {
    "BBC 300 (parameters chosen here)": "bbc_news_summary_300.jsonl",
    "BBC clean 100 (held out)": "bbc_news_summary_clean100.jsonl",
}
K = 3
RESAMPLES = 2000
MEASURES = ("rouge1", "rouge2", "rougeL")


@dataclass
class Article:
    headline: str
    sentences: list[str]
    reference: str


def load_articles(path: Path, limit: int) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if limit and index >= limit:
                break
            record = json.loads(line)
            headline, _, body = record["article"].partition("\n")
            text = clean(body).text
            sentences = [text[a:b].strip() for a, b in sentence_spans(text)]
            if not sentences:
                continue
            # The 300 set glues its summary sentences ("bn.The"); rouge-score's tokenizer splits at
            # punctuation anyway, so the space only keeps the reference readable.
            reference = re.sub(r"(?<=[a-z0-9%)][.!?])(?=[A-Z\"])", " ", record["summary"])
            articles.append(Article(headline.strip(), sentences, reference))
    return articles


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def textrank(sentences: list[str], k: int) -> list[int]:
    """A plain TextRank (Mihalcea and Tarau 2004): PageRank over sentences linked by the words they
    share, over the log of their lengths."""
    words = [set(tokens(s)) for s in sentences]
    n = len(sentences)
    weights = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if i != j and len(words[i]) > 1 and len(words[j]) > 1:
                weights[i][j] = len(words[i] & words[j]) / (math.log(len(words[i])) + math.log(len(words[j])))
    score = [1.0] * n
    out = [sum(row) or 1.0 for row in weights]
    for _ in range(30):
        score = [0.15 + 0.85 * sum(weights[j][i] / out[j] * score[j] for j in range(n)) for i in range(n)]
    return sorted(range(n), key=lambda i: -score[i])[:k]


def library_textrank(sentences: list[str], k: int) -> list[int]:
    """summa's TextRank on our sentences: summa.summarizer.summarize does these steps after its
    own sentence split, which would not line up with the split every other system ranks."""
    from summa import summarizer
    from summa.preprocessing import textcleaner

    textcleaner.init_textcleanner("english", None)
    units = textcleaner.merge_syntactic_units(sentences, textcleaner.filter_words(sentences))
    graph = summarizer._build_graph([unit.token for unit in units])
    summarizer._set_graph_edge_weights(graph)
    summarizer._remove_unreachable_nodes(graph)
    if not graph.nodes():
        return list(range(min(k, len(sentences))))
    summarizer._add_scores_to_sentences(units, summarizer._pagerank(graph))
    # sorted() is stable, so equal scores go to the earlier sentence, as in summa.
    return [unit.index for unit in sorted(units, key=lambda u: -u.score)[:k]]


def greedy_oracle(sentences: list[str], reference: str, k: int, tokenize: Callable[[str], list[str]]) -> list[int]:
    """k sentences chosen greedily for ROUGE-2 F against the reference, with rouge-score's tokens."""

    def bigrams(words: list[str]) -> Counter[tuple[str, str]]:
        return Counter(pairwise(words))

    ref = bigrams(tokenize(reference))
    tokens = [tokenize(s) for s in sentences]
    chosen: list[int] = []
    while len(chosen) < min(k, len(sentences)):
        best, best_f = -1, -1.0
        for i in range(len(sentences)):
            if i in chosen:
                continue
            hyp = bigrams([w for j in sorted([*chosen, i]) for w in tokens[j]])
            overlap = sum((ref & hyp).values())
            f = 2 * overlap / (sum(ref.values()) + sum(hyp.values())) if overlap else 0.0
            if f > best_f:
                best, best_f = i, f
        chosen.append(best)
    return chosen


def bootstrap(differences: list[float], resamples: int = RESAMPLES, seed: int = 17) -> tuple[float, float]:
    """95% range of the mean difference, resampling articles with replacement (paired: one
    article's two scores move together)."""
    import numpy as np

    values = np.asarray(differences)
    draws = np.random.default_rng(seed).integers(0, len(values), size=(resamples, len(values)))
    means = values[draws].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def score_set(articles: list[Article]) -> dict[str, list[tuple[float, float, float]]]:
    """Per system, per article: ROUGE-1, ROUGE-2 and ROUGE-L F."""
    from rouge_score import rouge_scorer
    from rouge_score.tokenizers import DefaultTokenizer

    sys.path.insert(0, str(Path(__file__).resolve().parent))

    scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    tokenize = DefaultTokenizer(use_stemmer=True).tokenize
    systems: dict[str, Callable[[Article], list[int]]] = {
        "brief key points (uses the headline)": lambda a: rank_sentences(a.sentences, K, title=a.headline),
        "Lead-3": lambda a: list(range(min(K, len(a.sentences)))),
        "plain TextRank": lambda a: textrank(a.sentences, K),
        "library TextRank (summa)": lambda a: library_textrank(a.sentences, K),
        "greedy oracle (ROUGE-2, a ceiling)": lambda a: greedy_oracle(a.sentences, a.reference, K, tokenize),
    }
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in systems}
    for article in articles:
        for name, pick in systems.items():
            chosen = pick(article)
            summary = " ".join(article.sentences[i] for i in sorted(chosen))
            result = scorer.score(article.reference, summary)
            scores[name].append((result["rouge1"].fmeasure, result["rouge2"].fmeasure, result["rougeL"].fmeasure))
    return scores


def bench_rouge(report: list[str], limit: int) -> None:
    """Append one Markdown table per set: mean ROUGE F of each system, then brief minus each
    TextRank in ROUGE-2 with its paired-bootstrap 95% range."""
    for label, filename in SETS.items():
        articles = load_articles(SUMM / filename, limit)
        scores = score_set(articles)
        report += [
            f"| {label}: {len(articles)} articles, {K} sentences each, F; bootstrap {RESAMPLES} resamples | ROUGE-1 | ROUGE-2 | ROUGE-L |",
            "|---|---|---|---|",
        ]
        for name, rows in scores.items():
            means = [sum(row[m] for row in rows) / len(rows) for m in range(3)]
            report.append(f"| {name} | {means[0]:.3f} | {means[1]:.3f} | {means[2]:.3f} |")
        ours = scores["brief key points (uses the headline)"]
        for short, name in (("plain TextRank", "plain TextRank"), ("library TextRank", "library TextRank (summa)")):
            differences = [a[1] - b[1] for a, b in zip(ours, scores[name], strict=True)]
            low, high = bootstrap(differences)
            mean = sum(differences) / len(differences)
            report.append(f"| brief − {short}: ROUGE-2, mean [95% paired bootstrap] | | {mean:+.3f} [{low:+.3f}, {high:+.3f}] | |")
        report.append("")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles of each set")
    args = parser.parse_args()
    if not all((SUMM / name).is_file() for name in SETS.values()):
        print(f"corpus not found: {SUMM}", file=sys.stderr)
        return 2
    report: list[str] = []
    bench_rouge(report, args.limit)
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
