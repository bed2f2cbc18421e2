"""How good are the summaries `brief ingest` drafts? Prints one table per measure.

Annotated set: the sample workspace's reviewed summaries (seeds/*.yaml, against the raw articles
in ../shared/seeds) and benchmarks/annotations/govdocs*.yaml (figures, quotations) with metadata.json (../shared/corpus/
govdocs). Also metadata on the saved web pages in ../shared/corpus/html, and key points on the BBC
extractive summaries (../shared/corpus/summ) beside Lead-3 and TextRank computed in the same run.

    .venv/bin/python benchmarks/ingest_quality.py [--bbc N]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from brief.ingest.clean import clean
from brief.ingest.draft import draft_summary, sentence_spans
from brief.ingest.keypoints import rank_sentences
from brief.inputs.catalogue import load_catalogue
from brief.inputs.models import SourceSummary
from brief.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@dataclass
class Tally:
    hit: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hit += int(hit)
        self.total += 1

    @property
    def rate(self) -> float:
        return self.hit / self.total if self.total else float("nan")


def unit_family(unit: str) -> str:
    return {"USD": "money", "percent": "percent", "per_100k": "rate"}.get(unit, "count")


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.005 * abs(b), 0.05)


def figure_scores(pred: list[tuple[float, str]], gold: list[tuple[float, str]]) -> tuple[int, int, int, int]:
    """(gold found, gold total, predictions matching gold, predictions)."""
    found = sum(any(same_value(p, g) and unit_family(pu) == unit_family(gu) for p, pu in pred) for g, gu in gold)
    right = sum(any(same_value(p, g) and unit_family(pu) == unit_family(gu) for g, gu in gold) for p, pu in pred)
    return found, len(gold), right, len(pred)


def norm(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold().replace("’", "'")))


def speaker_match(pred: str, accepted: list[str]) -> bool:
    """The same speaker: one name holds the other, or they end in the same word (a surname)."""
    ours = norm(pred)
    return any(ours and (norm(a) in ours or ours in norm(a) or ours.split()[-1:] == norm(a).split()[-1:]) for a in accepted)


def names_match(pred: list[str], gold: list[str]) -> bool:
    return {norm(a) for a in pred} == {norm(a) for a in gold}


def seed_pairs() -> list[tuple[Path, SourceSummary]]:
    from brief.inputs.summaries import read_summary

    pairs = []
    for path in sorted((REPO / "seeds").glob("*.yaml")):
        loaded = read_summary(path)
        raw = loaded.raw_path()
        if raw and raw.is_file():
            pairs.append((raw, loaded.summary))
    return pairs


def bench_annotated(report: list[str]) -> None:
    catalogue = load_catalogue(Workspace.at(REPO))
    fig = [0, 0, 0, 0]
    meta = Tally()
    quotes, speakers = Tally(), Tally()
    opt_tp = opt_fp = opt_fn = 0
    for raw, gold in seed_pairs():
        pred = draft_summary(raw, catalogue, None)
        counts = figure_scores([(f.value, f.unit) for f in pred.figures], [(f.value, f.unit) for f in gold.figures])
        fig = [a + b for a, b in zip(fig, counts, strict=True)]
        meta.add(norm(pred.title) == norm(gold.title))
        meta.add(norm(pred.outlet) == norm(gold.outlet))
        meta.add(names_match(pred.authors, gold.authors))
        meta.add(pred.published == gold.published)
        for q in gold.quotes:
            match = next((p for p in pred.quotes if norm(q.text) in norm(p.text)), None)
            quotes.add(match is not None)
            if match is not None:
                speakers.add(speaker_match(match.speaker, [q.speaker]))
        got, want = {o.id for o in pred.options}, {o.id for o in gold.options}
        opt_tp, opt_fp, opt_fn = opt_tp + len(got & want), opt_fp + len(got - want), opt_fn + len(want - got)
    annotations = yaml.safe_load((REPO / "benchmarks" / "annotations" / "govdocs.yaml").read_text(encoding="utf-8"))
    quote_notes = yaml.safe_load((REPO / "benchmarks" / "annotations" / "govdocs_quotes.yaml").read_text(encoding="utf-8"))
    gov_meta = Tally()
    for folder in sorted((CORPUS / "govdocs").iterdir()):
        if not (folder / "text.txt").is_file():
            continue
        # The document as published (Markdown with front matter, HTML, PDF), else the plain text.
        source = next(
            (folder / f"original.{ext}" for ext in ("md", "html", "pdf") if (folder / f"original.{ext}").is_file()), folder / "text.txt"
        )
        pred = draft_summary(source, catalogue, None)
        info = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        gov_meta.add(norm(pred.title) == norm(info.get("title")))
        # "Congressional Research Service (Library of Congress)": the name before the parenthesis.
        gov_meta.add(norm(pred.outlet) == norm(re.sub(r"\s*\(.*\)", "", info.get("publisher") or "")))
        gov_meta.add(names_match(pred.authors, info.get("authors") or []))
        gov_meta.add(str(pred.published or "") == (info.get("date") or ""))
        for q in quote_notes.get(folder.name, []):
            match = next((p for p in pred.quotes if norm(q["text"]) in norm(p.text)), None)
            quotes.add(match is not None)
            if match is not None:
                speakers.add(speaker_match(match.speaker, q["speaker"]))
        if folder.name in annotations:
            gold = [(float(v), u) for v, u in annotations[folder.name]]
            counts = figure_scores([(f.value, f.unit) for f in pred.figures], gold)
            fig = [a + b for a, b in zip(fig, counts, strict=True)]
    recall = fig[0] / fig[1] if fig[1] else float("nan")
    precision = fig[2] / fig[3] if fig[3] else float("nan")
    f1 = 2 * opt_tp / (2 * opt_tp + opt_fp + opt_fn) if opt_tp else 0.0
    report += [
        "| annotated set | value | target |",
        "|---|---|---|",
        f"| figure recall ({fig[0]}/{fig[1]}) | {recall:.2f} | ≥ 0.95 |",
        f"| figure precision ({fig[2]}/{fig[3]}) | {precision:.2f} | ≥ 0.85 |",
        f"| metadata accuracy, sample articles ({meta.hit}/{meta.total}) | {meta.rate:.2f} | ≥ 0.9 |",
        f"| metadata accuracy, government documents ({gov_meta.hit}/{gov_meta.total}) | {gov_meta.rate:.2f} | ≥ 0.9 |",
        f"| quotation recall ({quotes.hit}/{quotes.total}) | {quotes.rate:.2f} | ≥ 0.9 |",
        f"| speakers right ({speakers.hit}/{speakers.total}) | {speakers.rate:.2f} | ≥ 0.85 |",
        f"| options F1 (tp {opt_tp}, fp {opt_fp}, fn {opt_fn}) | {f1:.2f} | |",
        "",
    ]


def bench_html(report: list[str]) -> None:
    fields = {"title": Tally(), "byline": Tally(), "site": Tally(), "date": Tally()}
    for folder in sorted((CORPUS / "html").iterdir()):
        expected_path = folder / "expected-metadata.json"
        if not expected_path.is_file():
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        try:
            pred = draft_summary(folder / "source.html", {}, None)
        except Exception:  # a page we cannot read scores zero on every field
            for tally in fields.values():
                tally.add(False)
            continue
        fields["title"].add(norm(pred.title) == norm(expected.get("title")))
        byline = norm(expected.get("byline"))
        ours = norm(" ".join(pred.authors))
        fields["byline"].add((not byline and not ours) or (bool(ours) and (ours in byline or byline in ours)))
        fields["site"].add(norm(pred.outlet) == norm(expected.get("siteName")))
        fields["date"].add(str(pred.published or "") == (expected.get("publishedTime") or "")[:10])
    total = Tally(sum(t.hit for t in fields.values()), sum(t.total for t in fields.values()))
    report += ["| web pages (metadata) | accuracy | target |", "|---|---|---|"]
    report += [f"| {name} ({t.hit}/{t.total}) | {t.rate:.2f} | |" for name, t in fields.items()]
    report += [f"| all fields | {total.rate:.2f} | ≥ 0.9 |", ""]


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def rouge_n(ref: list[str], hyp: list[str], n: int) -> float:
    grams = lambda words: Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))  # noqa: E731
    r, h = grams(ref), grams(hyp)
    overlap = sum((r & h).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(h.values()), overlap / sum(r.values())
    return 2 * precision * recall / (precision + recall)


def rouge_l(ref: list[str], hyp: list[str]) -> float:
    if not ref or not hyp:
        return 0.0
    previous = [0] * (len(hyp) + 1)
    for a in ref:
        current = [0]
        for j, b in enumerate(hyp, start=1):
            current.append(previous[j - 1] + 1 if a == b else max(previous[j], current[j - 1]))
        previous = current
    lcs = previous[-1]
    if not lcs:
        return 0.0
    precision, recall = lcs / len(hyp), lcs / len(ref)
    return 2 * precision * recall / (precision + recall)


def textrank(sentences: list[str], k: int) -> list[int]:
    """TextRank (Mihalcea and Tarau 2004): PageRank over sentence similarity."""
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


def bench_rouge(report: list[str], limit: int) -> None:
    path = CORPUS / "summ" / "bbc_news_summary_300.jsonl"
    systems = {"brief key points": [], "Lead-3": [], "TextRank": []}
    k = 3
    with path.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if limit and index >= limit:
                break
            record = json.loads(line)
            body = record["article"].split("\n", 1)[1] if "\n" in record["article"] else record["article"]  # drop the headline
            text = clean(body).text
            sentences = [text[a:b].strip() for a, b in sentence_spans(text)]
            if not sentences:
                continue
            reference = tokens(record["summary"])
            picks = {
                "brief key points": rank_sentences(sentences, k),
                "Lead-3": list(range(min(k, len(sentences)))),
                "TextRank": textrank(sentences, k),
            }
            for name, chosen in picks.items():
                hyp = tokens(" ".join(sentences[i] for i in sorted(chosen)))
                systems[name].append((rouge_n(reference, hyp, 1), rouge_n(reference, hyp, 2), rouge_l(reference, hyp)))
    report += [
        f"| key points, BBC ({len(systems['Lead-3'])} articles, {k} sentences each) | ROUGE-1 | ROUGE-2 | ROUGE-L |",
        "|---|---|---|---|",
    ]
    for name, scores in systems.items():
        means = [sum(s[i] for s in scores) / len(scores) for i in range(3)]
        report.append(f"| {name} | {means[0]:.3f} | {means[1]:.3f} | {means[2]:.3f} |")
    report.append("")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bbc", type=int, default=300, help="BBC articles to score (default all 300)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    report: list[str] = []
    with tempfile.TemporaryDirectory():
        bench_annotated(report)
        bench_html(report)
        bench_rouge(report, args.bbc)
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
