"""Generate a large workspace for build benchmarks: raw White House briefing-room documents,
ingested into seeds/ by `brief ingest`, and briefs written in the manner of the sample brief, each
drawing on about ten of those summaries and two or three options of the sample's catalogue.

Reads ../shared/corpus/news/whitehouse_briefing_room_2500.jsonl. The workspace builds without
errors (`brief build -w DEST`); `benchmarks/build.py` times that build.

    .venv/bin/python benchmarks/scale_workspace.py DEST [--sources 200] [--briefs 20] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "news" / "whitehouse_briefing_room_2500.jsonl"
SOURCES_PER_BRIEF = 12  # about ten of its own, and two it shares with the next brief
KEY_FIGURES = 4
MIN_WORDS = 120  # shorter items (one-line announcements) give ingest nothing to summarise


def brief_command() -> list[str]:
    """The `brief` of the interpreter running this script, so a venv's copy is used."""
    script = Path(sys.executable).with_name("brief")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "brief"]


def load_catalogue(path: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8")) or [])


def pick_documents(records: list[dict[str, Any]], catalogue: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """`count` records: those that mention a catalogue term first, then the rest, each by id.
    Several may share a date: ingest gives the second summary of an outlet's day its own id."""
    terms = [term for option in catalogue for term in option.get("terms", [])]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE) if terms else None
    usable = [r for r in records if len(str(r.get("text", "")).split()) >= MIN_WORDS and r.get("date")]
    mentions = sorted((r for r in usable if pattern and pattern.search(r["text"])), key=lambda r: r["id"])
    chosen_ids = {r["id"] for r in mentions}
    rest = sorted((r for r in usable if r["id"] not in chosen_ids), key=lambda r: r["id"])
    return [*mentions, *rest][:count]


def write_raw(record: dict[str, Any], folder: Path) -> Path:
    """A Markdown file whose front matter carries the title, date and URL `brief ingest` reads."""
    front = {"title": record.get("title") or record["id"], "date": record["date"], "source_url": record.get("source_url")}
    front = {key: value for key, value in front.items() if value}
    # The corpus separates paragraphs with single newlines; ingest reads blank lines as breaks.
    paragraphs = [line.strip() for line in str(record["text"]).splitlines() if line.strip()]
    header = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    path = folder / f"{record['id']}.md"
    path.write_text(f"---\n{header}---\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def ingest(dest: Path, raw: Path, jobs: int) -> None:
    command = [*brief_command(), "ingest", "--jobs", str(jobs), "-w", str(dest), str(raw)]
    result = subprocess.run(command, cwd=dest, capture_output=True, text=True)
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if ": error:" in line]
        raise RuntimeError(f"brief ingest failed ({result.returncode}): " + ("\n".join(errors[:10]) or result.stderr[-2000:]))


def windows(count: int, briefs: int, size: int) -> list[list[int]]:
    """Overlapping, deterministic source windows: brief k starts k·count/briefs along the list and
    takes `size` items, so neighbours share a couple of sources and every source is used."""
    if count == 0:
        return [[] for _ in range(briefs)]
    return [[(k * count // briefs + j) % count for j in range(min(size, count))] for k in range(briefs)]


def choose_options(summaries: list[dict[str, Any]], catalogue: list[dict[str, Any]], wanted: int) -> list[str]:
    """The options the sources discuss most (catalogue order breaks ties), topped up from the catalogue."""
    order = {option["id"]: index for index, option in enumerate(catalogue)}
    counts = Counter(m["id"] for s in summaries for m in s.get("options") or [] if m.get("id") in order)
    chosen = sorted(counts, key=lambda oid: (-counts[oid], order[oid]))[:wanted]
    for option in catalogue:
        if len(chosen) >= wanted:
            break
        if option["id"] not in chosen:
            chosen.append(option["id"])
    return chosen


def key_figures(summaries: list[dict[str, Any]], limit: int) -> list[str]:
    """Headline figures, at most one per source: money and shares before counts, and labels of
    a few words before one-word or long ones, so the one-page memo's table reads and fits."""

    def rank(figure: dict[str, Any]) -> tuple[int, int, int, int]:
        words = len(str(figure.get("label", "")).split())
        return (-int(figure.get("importance", 2)), figure.get("unit") not in ("USD", "percent"), not 2 <= words <= 6, words)

    candidates = sorted((rank(f), f["id"], s["id"]) for s in summaries for f in s.get("figures") or [])
    picked: list[str] = []
    used: set[str] = set()
    for _, fid, sid in candidates:
        if sid not in used:
            picked.append(fid)
            used.add(sid)
        if len(picked) == limit:
            break
    return picked


def _u(text: str) -> str:
    """A portion marked unclassified: its statements are public."""
    return f"(U) {text}"


def _cite(source_id: str) -> str:
    return '{{ cite("' + source_id + '") }}'


def _figure(figure_id: str) -> str:
    return '{{ figure("' + figure_id + '") }}'


def _long(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def write_brief(path: Path, number: int, summaries: list[dict[str, Any]], catalogue: list[dict[str, Any]]) -> None:
    """One brief over `summaries`, with generic analyst prose that cites them and uses their figures."""
    by_id = {option["id"]: option for option in catalogue}
    ids = [s["id"] for s in summaries]
    option_ids = choose_options(summaries, catalogue, 2 if number % 3 == 0 else 3)
    figures = key_figures(summaries, KEY_FIGURES)
    dates = [date.fromisoformat(str(s["published"])) for s in summaries if s.get("published")]
    memo_date = (max(dates) if dates else date(2024, 1, 8)) + timedelta(days=3)

    def evidence(option_id: str, skip: int = 0) -> str:
        # The source that discusses the option, else one of the brief's sources in turn.
        discussing = [s["id"] for s in summaries if any(m.get("id") == option_id for m in s.get("options") or [])]
        pool = discussing or ids
        return pool[skip % len(pool)]

    options = []
    for index, option_id in enumerate(option_ids):
        title = _lower_first(by_id[option_id]["title"])
        pros = [
            f"Builds on commitments the sources already describe, so partners know what is asked of them.{_cite(evidence(option_id))}",
            "Uses existing authorities and programs, so first steps need no new legislation.",
        ]
        if index < len(figures):
            pros.append(f"The stakes are measurable: the sources report {_figure(figures[index])}.")
        # Every portion is marked, as memos that show portion marks require.
        options.append(
            {
                "id": option_id,
                "summary": _u(by_id[option_id].get("description") or f"Pursue {title}."),
                "pros": [_u(p) for p in pros],
                "cons": [
                    _u(f"Depends on partners whose follow-through the sources show to be uneven.{_cite(evidence(option_id, 1))}"),
                    _u("Competes with other priorities for senior attention and staff time."),
                ],
                "risks": [_u(f"Visible delays would undercut the announcement and invite criticism.{_cite(evidence(option_id, 2))}")],
                "cost": _u("Modest: existing staff and program funds; sustained senior attention."),
            }
        )
    recommended = option_ids[0]
    audiences = ["principal", "staff"] + (["public"] if number % 5 == 0 else [])
    front: dict[str, Any] = {
        "title": f"Scale Brief {number:02d}: {by_id[recommended]['title']}",
        "subject": _u(f"Whether to make {_lower_first(by_id[recommended]['title'])} the next step"),
        "date": memo_date,
        "to": "THE SECRETARY",
        "from": "Director, Policy Planning Staff",
        "classification": "UNCLASSIFIED//SBU",
        "sources": ids,
        "key_figures": figures,
        "options": options,
        "recommendation": recommended,
        # Ten calendar days always hold the five business days an action memo needs.
        "decision_due": memo_date + timedelta(days=10),
        "audiences": audiences,
        "drafted": f"Policy Planning staff, {_long(memo_date)}",
        "cleared": ["Regional bureau: ok", "Legal adviser: info"],
        "author": "Policy Planning Staff",
    }
    rec_title = _lower_first(by_id[recommended]["title"])
    alt_title = _lower_first(by_id[option_ids[1]]["title"])
    headline = f" The sources put one key measure at {_figure(figures[0])}." if figures else ""
    background = [
        f"The {len(ids)} statements behind this brief span {_long(min(dates)) if dates else 'recent months'} to "
        f"{_long(max(dates)) if dates else 'now'}.{_cite(ids[0])} They return to the same themes: what has been promised, "
        f"what has been delivered, and where partners still differ.{_cite(ids[len(ids) // 2])}",
    ]
    if len(figures) > 1:
        background.append(
            f"Two measures frame the choice: {_figure(figures[1])} in one account,"
            + (f" and {_figure(figures[2])} in another." if len(figures) > 2 else " as reported at the time.")
        )
    body = "\n\n".join(
        line if line.startswith("## ") else _u(line)
        for line in [
            "## BLUF",
            f"Recommend that you approve a plan to {rec_title[:1].lower() + rec_title[1:]}, with {alt_title} kept as a fallback.{headline}",
            "## Summary",
            f"This brief weighs {len(option_ids)} options against what {len(ids)} official statements report.{_cite(ids[-1])}",
            "## Background",
            *background,
            "## Recommendation",
            f"Approve the plan. First steps: name a lead office within 30 days, agree measures of progress with partners, "
            f"and report back within one quarter.{_cite(evidence(recommended))}",
            "## Outlook",
            f"Expect early statements of support; judge the plan by delivery over the next two quarters.{_cite(ids[1 % len(ids)])}",
        ]
    )
    header = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)
    path.write_text(f"---\n{header}---\n\n{body}\n", encoding="utf-8")


def make_scale_workspace(dest: Path, sources: int = 200, briefs: int = 20, jobs: int = 2) -> Path:
    """Create (or replace the generated parts of) a workspace at `dest`; returns its path."""
    if not CORPUS.is_file():
        raise FileNotFoundError(f"corpus not found: {CORPUS}")
    dest = dest.resolve()
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "options.yaml", dest / "options.yaml")
    # The sample's templates/ defines only the congressional audience, which the generated
    # briefs do not use; the built-in audiences are what a typical workspace builds.
    for folder in ("raw", "seeds", "briefs", "build"):
        shutil.rmtree(dest / folder, ignore_errors=True)
    raw = dest / "raw"
    raw.mkdir()
    catalogue = load_catalogue(dest / "options.yaml")
    with CORPUS.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for record in pick_documents(records, catalogue, sources):
        write_raw(record, raw)
    ingest(dest, raw, jobs)
    seeds = dest / "seeds"
    summaries = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.yaml"))]
    (dest / "briefs").mkdir()
    for number, window in enumerate(windows(len(summaries), briefs, SOURCES_PER_BRIEF), start=1):
        write_brief(dest / "briefs" / f"scale-{number:02d}.md", number, [summaries[i] for i in window], catalogue)
    return dest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dest", type=Path, help="folder for the workspace (created; generated folders replaced)")
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--briefs", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2, help="parallel jobs for brief ingest")
    args = parser.parse_args()
    try:
        dest = make_scale_workspace(args.dest, args.sources, args.briefs, args.jobs)
    except (FileNotFoundError, RuntimeError) as exc:
        print(exc, file=sys.stderr)
        return 2
    count = len(list((dest / "seeds").glob("*.yaml")))
    print(f"{dest}: {count} summaries, {len(list((dest / 'briefs').glob('*.md')))} briefs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
