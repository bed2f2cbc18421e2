"""How good are the summaries `brief ingest` drafts? Prints one table per measure.

The annotation set (benchmarks/annotations/set.yaml, annotated as GUIDE.md says): 359 documents of
eleven kinds from ../shared/corpus, a frozen third of which no rule change is tuned against. Every
measure is reported per kind, for the development part, the frozen part and the whole set, for the
documents annotated independently (rounds G to J: frozen, and all of them), and
for the sample articles (the raw articles of seeds/*.yaml, annotated in benchmarks/annotations/sample). Then the
metadata of the saved web pages (../shared/corpus/html), key points on the BBC extractive
summaries (benchmarks/keypoints_quality.py) and a confusion list of the worst misses of the
development part and the sample articles (the frozen part's misses are listed only with --show-frozen, so that no rule is
written against them).

    .venv/bin/python benchmarks/ingest_quality.py [--part all|dev|frozen] [--bbc N] [--no-rouge]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from annotated_set import CORPUS, REPO, documents
from ingest_scoring import MEASURES, Score, norm, score

from brief.ingest.clean import clean
from brief.ingest.draft import draft_summary
from brief.ingest.readers import read_source
from brief.inputs.catalogue import load_catalogue
from brief.inputs.models import SourceSummary
from brief.workspace import Workspace

SHORT = {
    "key figure recall": "key fig. recall", "key figure precision": "key fig. precision", "figure recall": "fig. recall",
    "figure precision": "fig. precision", "organization recall": "org. recall", "organization precision": "org. precision",
    "core in key points": "core in KP", "option stances": "stances", "key points not the title": "KP not title",
}  # fmt: skip
TARGETS = {
    "key figure recall": 0.92, "key figure precision": 0.85, "figure precision": 0.85, "labels right": 0.85, "metadata": 0.9,
    "quote recall": 0.85, "speakers right": 0.85, "people recall": 0.85, "options F1": 0.75,
}  # fmt: skip


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


def cleaned_text(path: Path) -> str:
    raw = read_source(path)
    return clean(raw.text, markdown=raw.format == "markdown").text


def seed_gold(summary: SourceSummary) -> dict[str, Any]:
    """A reviewed sample summary as an annotation: its figures are all key figures."""
    return {
        "metadata": {"title": summary.title, "outlet": summary.outlet, "authors": summary.authors,
                     "published": str(summary.published) if summary.published else None, "kind": summary.kind},
        "figures": [{"value": f.value, "unit": f.unit, "key": True, "locator": f.quote} for f in summary.figures],
        "quotes": [{"text": q.text, "speaker": [q.speaker]} for q in summary.quotes],
        "people": [{"name": p.name} for p in summary.people],
        "organizations": [{"name": o} for o in summary.organizations],
        "options": [{"id": o.id} for o in summary.options],
    }  # fmt: skip


def bench_set(report: list[str], part: str, show_frozen: bool, confusion: int) -> None:
    catalogue = load_catalogue(Workspace.at(REPO))
    groups: dict[str, Score] = {}
    dev, frozen = Score(), Score()
    independent = {True: Score(), False: Score()}  # by frozen
    with tempfile.TemporaryDirectory() as tmp:
        for doc in documents():
            if (part == "dev" and doc.frozen) or (part == "frozen" and not doc.frozen):
                continue
            path = doc.write(Path(tmp))
            try:
                pred = draft_summary(path, catalogue, None)
            except Exception as exc:  # a document ingest refuses scores as drafted empty
                print(f"{doc.id}: cannot ingest: {exc}", file=sys.stderr)
                pred = SourceSummary(id="failed", title="")
            result = score(doc.id, pred, doc.gold, cleaned_text(path))
            groups.setdefault(doc.kind, Score()).add(result)
            (frozen if doc.frozen else dev).add(result)
            if doc.independent:
                independent[doc.frozen].add(result)
    sample = Score()
    from brief.inputs.summaries import read_summary

    for path in sorted((REPO / "seeds").glob("*.yaml")):
        loaded = read_summary(path)
        raw = loaded.raw_path()
        if raw and raw.is_file():
            # The independent annotation of the article when there is one, else the reviewed seed.
            annotated = REPO / "benchmarks" / "annotations" / "sample" / f"{loaded.summary.id}.yaml"
            gold = yaml.safe_load(annotated.read_text(encoding="utf-8")) if annotated.is_file() else seed_gold(loaded.summary)
            sample.add(score(loaded.summary.id, draft_summary(raw, catalogue, None), gold, cleaned_text(raw)))
    whole = Score()
    whole.add(dev)
    whole.add(frozen)
    rows = [(f"kind: {k}", s) for k, s in sorted(groups.items())]
    rows += [("**development part**", dev), ("**frozen part**", frozen), ("**whole set**", whole), ("**sample articles**", sample)]
    both = Score()
    both.add(independent[False])
    both.add(independent[True])
    rows += [("annotated independently: frozen", independent[True]), ("annotated independently: all", both)]
    report += ["| documents | " + " | ".join(SHORT.get(m, m) for m in MEASURES) + " |", "|---" * (len(MEASURES) + 1) + "|"]
    for name, s in rows:
        cells = []
        for measure in MEASURES:
            rate, hit, n = s.rate(measure)
            cells.append("–" if n == 0 else f"{rate:.2f} ({hit}/{n})" if measure != "options F1" else f"{rate:.2f}")
        report.append(f"| {name} | " + " | ".join(cells) + " |")
    report.append("| target | " + " | ".join(f"≥ {TARGETS[m]}" if m in TARGETS else "" for m in MEASURES) + " |")
    report.append("")
    shown = Score()
    shown.add(dev)
    shown.add(sample)
    if show_frozen:
        shown.add(frozen)
    by_measure: dict[str, list[tuple[str, str]]] = {}
    for measure, doc, what in shown.misses:
        by_measure.setdefault(measure, []).append((doc, what))
    report.append(f"Confusion list ({'whole set' if show_frozen else 'development part and sample articles'}), worst first:")
    report.append("")
    for measure in MEASURES:
        misses = by_measure.get(measure, [])
        if not misses:
            continue
        worst = Counter(doc for doc, _ in misses).most_common()
        order = {doc: i for i, (doc, _) in enumerate(worst)}
        report.append(f"- {measure}: {len(misses)} misses")
        for doc, what in sorted(misses, key=lambda m: order[m[0]])[:confusion]:
            report.append(f"  - {doc[:48]}: {what[:150]}")
    report.append("")


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--part", choices=("all", "dev", "frozen"), default="all", help="which part of the annotation set")
    parser.add_argument("--bbc", type=int, default=0, help="BBC articles to score key points on (default all)")
    parser.add_argument("--no-rouge", action="store_true", help="skip the key-point ROUGE benchmark")
    parser.add_argument("--confusion", type=int, default=12, help="misses listed per measure")
    parser.add_argument("--show-frozen", action="store_true", help="list the frozen part's misses too (never tune on them)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    report: list[str] = []
    bench_set(report, args.part, args.show_frozen, args.confusion)
    bench_html(report)
    if not args.no_rouge:
        try:
            from keypoints_quality import bench_rouge

            bench_rouge(report, args.bbc)  # imports rouge-score and summa only now
        except ImportError as exc:
            report.append(f"(key points not scored: {exc}; install them with: pip install -e '.[bench]')")
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
