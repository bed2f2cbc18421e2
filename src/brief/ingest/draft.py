"""Drafting: raw source -> SourceSummary, and writing it without losing the analyst's edits.

Stage: the end of ingest. :func:`draft_summary` runs the readers, cleaning and extraction on one
file. :func:`write_summary` writes ``seeds/<id>.yaml``; when that file exists, each field the
analyst changed since the last draft (kept in ``seeds/.drafts/<id>.yaml``) is kept as the analyst
left it, and only untouched fields take the new draft's values.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import yaml

from brief.diagnostics import Diagnostic, Location
from brief.errors import BriefError, IngestError
from brief.fsio import write_atomic
from brief.ingest.clean import clean, plain
from brief.ingest.extract import FoundQuote, find_events, find_options, find_organizations, find_people, find_quotes, near_quotes
from brief.ingest.figures import find_figures, worth_drafting
from brief.ingest.keypoints import rank_sentences
from brief.ingest.kinds import without_genre
from brief.ingest.metadata import detect_metadata
from brief.ingest.readers import read_source
from brief.ingest.vocabulary import is_person_name
from brief.inputs.dates import PartialDate
from brief.inputs.models import CatalogueOption, Event, Figure, OptionMention, Person, Quotation, SourceSummary
from brief.labels import fold, misnamed, states_value

MAX_FIGURES = 40
MAX_QUOTES = 150  # a draft errs on the side of more (a long quotation counts once a paragraph; a round-up of
# reactions holds a hundred): the analyst keeps the telling ones
MAX_KEY_POINT = 2_000  # characters; a drafted key point of more is a run of text, not a point


def slug(text: str, words: int = 6) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))
    parts = [p for p in parts if p not in ("the", "a", "an")] or parts
    joined = "-".join(parts[:words])
    if len(joined) > 60:  # cut at a word boundary, never inside a word
        joined = joined[:61].rsplit("-", 1)[0] if "-" in joined[:61] else joined[:60]
    return joined.strip("-") or "source"


# A headline's small words name no source: ids from them ("statement-from-president-on") meet
# across documents; its genre ("Fact Sheet:", "Statement from") is cut by the rule kinds use.
_ID_STOP = {"on", "of", "the", "a", "an", "by", "from", "to", "and", "for", "with", "in", "at", "its", "their", "our"}


def title_words(title: str) -> str:
    """The words of a headline that tell it apart: without its genre prefix and small words."""
    rest = without_genre(title.strip())
    words = [w for w in re.findall(r"[\w’'-]+", rest) if w.lower() not in _ID_STOP]
    return " ".join(words) or title


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans, paragraph by paragraph, with nupunkt (offline, no downloaded models)."""
    from nupunkt import sent_spans

    spans: list[tuple[int, int]] = []
    pos = 0
    for paragraph in text.split("\n\n"):
        for start, end in sent_spans(paragraph):
            if paragraph[start:end].strip():
                spans.append((pos + start, pos + end))
        pos += len(paragraph) + 2
    return spans


def draft_summary(path: Path, catalogue: dict[str, CatalogueOption], out_dir: Path | None = None) -> SourceSummary:
    raw = read_source(path)
    text = clean(raw.text, markdown=raw.format == "markdown")
    if not text.paragraphs:
        raise IngestError("no article text left after removing page furniture", Location(path), "ingest/no-text")
    meta = detect_metadata(text, raw.meta)
    spans = sentence_spans(text.text)
    body = text.text
    sentences = [" ".join(body[a:b].split()) for a, b in spans]
    year = meta.published.year if meta.published else None

    named = title_words(meta.title or path.stem)
    base = slug(meta.outlet, 4) + "-" + meta.published.isoformat() if meta.outlet and meta.published else slug(named)
    prefix = slug(meta.outlet or named or path.stem, 2)
    figures: list[Figure] = []
    seen_ids: set[str] = set()
    seen_quotes: set[tuple[float, str]] = set()
    for found in worth_drafting(find_figures(body, spans, year))[:MAX_FIGURES]:
        if (found.value, found.quote) in seen_quotes:
            continue
        seen_quotes.add((found.value, found.quote))
        fid = _unique(f"{prefix}-{slug(found.label, 3)}", seen_ids)
        figures.append(
            Figure(
                id=fid, value=found.value, upper=found.upper, unit=found.unit, label=found.label, period=found.period,
                quote=found.quote, importance=found.importance, as_written=found.as_written,
            )
        )  # fmt: skip
    figures.sort(key=lambda f: body.find(f.quote))
    people = find_people(body)
    found_quotes = find_quotes(body, people)
    # `brief check` wants a quotation's speaker named near it (quote/speaker): a draft holds only
    # quotations it would pass, so that a fresh draft checks clean.
    # (a speaker named by role near the words counts: "…," the home secretary said)
    roles = {q.start: q.role or people.get(q.speaker) for q in found_quotes}
    near = near_quotes(body, found_quotes, roles)
    quotes = [Quotation(speaker=q.speaker, role=roles[q.start], text=q.text) for q in near[:MAX_QUOTES]]
    for q in found_quotes:
        # Every quoted speaker who is a person is a person of the summary, with the role the
        # text gives; an office or a document quoted is not.
        if q.speaker in people or (" " in q.speaker and is_person_name(q.speaker)):
            people[q.speaker] = people.get(q.speaker) or q.role
        for each in q.speaker.split(" and ") if q.role and " and " in q.speaker else []:
            if each in people:  # "Harbor lawyers Tom Vance and Ana Ruiz": the label's role is each one's
                people[each] = people.get(each) or q.role
    # The bylined authors, and the people an author's bio at the end names, are people of the
    # source too ("Jane Roe is the director of X and a former adviser to President Tom Lee").
    for name, role in [(a, "author") for a in meta.authors] + list(find_people("\n\n".join(text.bios)).items()):
        if " " in name and not any(name == p or p.endswith(" " + name) for p in people):
            people[name] = role
    organizations = find_organizations(body, list(people))
    # A draft check would reject (a label naming someone the passage does not) is not drafted.
    folded = [(o, fold(o)) for o in organizations], [(p, fold(p)) for p in people]
    figures = [f for f in figures if _misnamed(f.label, f.quote, body, *folded) is None and states_value(f.quote, f.value, f.upper)]
    key_points = [_shortened(sentences[i]) for i in rank_sentences(sentences, 4, title=meta.title)]
    options = [
        OptionMention(id=o.id, stance=o.stance, quote=o.quote, speaker=speaker_at(o.start, found_quotes))
        for o in find_options(body, spans, catalogue, meta.kind)
    ]
    events = [Event(date=e.date, what=e.what, quote=e.quote) for e in find_events(body, spans, meta.published)]
    source_file = os.path.relpath(str(path.resolve()), str(out_dir.resolve())) if out_dir else str(path)
    return SourceSummary(
        id=slug(base, 10), title=meta.title or plain(path.stem, 500) or "untitled", outlet=meta.outlet, authors=meta.authors, published=PartialDate.parse(meta.published) if meta.published else None,
        url=meta.url, source_file=source_file, source_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        kind=meta.kind, draft=True, summary=key_points, figures=figures, quotes=quotes,
        people=[Person(name=n, role=r) for n, r in people.items() if not n.lower().startswith(("a ", "an ", "the "))],
        organizations=organizations, options=options, events=events,
    )  # fmt: skip


def _misnamed(label: str, quote: str, body: str, organizations: list[tuple[str, str]], people: list[tuple[str, str]]) -> str | None:
    """`misnamed`, given only the names (with their folded forms) that the label holds: the others
    cannot be named wrongly by it, and a source names dozens of people and organisations that
    would each cost a search for every figure."""
    folded = fold(label)
    orgs = [name for name, form in organizations if form in folded]
    named = [name for name, form in people if form in folded]
    return misnamed(label, quote, body, orgs, named) if orgs or named else None


def speaker_at(position: int, quotes: list[FoundQuote]) -> str | None:
    """The speaker of the quotation that holds a position of the text, if one does: an option
    named inside quotation marks is the speaker's word, not the source's."""
    return next((q.speaker for q in quotes if q.start <= position < q.end), None)


def _shortened(sentence: str, limit: int = MAX_KEY_POINT) -> str:
    """A key point no longer than `limit` characters: a source without sentences of a readable
    length (a table, a hostile megabyte "sentence") still gets key points a reader can review."""
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _unique(candidate: str, seen: set[str]) -> str:
    candidate = candidate.strip("-") or "figure"
    name, n = candidate, 2
    while name in seen:
        name, n = f"{candidate}-{n}", n + 1
    seen.add(name)
    return name


def to_data(summary: SourceSummary) -> dict[str, Any]:
    """The summary as YAML-ready data, in field order, without empty optional figure fields."""
    data = summary.model_dump(mode="json")
    for mention in data["options"]:
        for key in ("speaker", "context"):  # unset, they are left out, as summaries written before them
            if mention.get(key) is None:
                mention.pop(key, None)
    for figure in data["figures"]:
        for key in ("upper", "as_written"):
            if figure.get(key) is None:
                figure.pop(key, None)
        for key in ("value", "upper"):
            # 36685.0 reads as a measurement; a count is written as the reader wrote it.
            if isinstance(figure.get(key), float) and figure[key].is_integer():
                figure[key] = int(figure[key])
    return data


def dump_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)


class FigureIds:
    """Figure ids the summaries of an output folder use, and which summary owns each. Drafted ids
    come from outlet and label ("white-house-jobs"), so releases of one outlet meet; the loader
    rejects a figure id used by two summaries, so a new draft's clashing ids get a suffix."""

    def __init__(self, out_dir: Path) -> None:
        self.owner: dict[str, str] = {}
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        paths = sorted(out_dir.glob("*.yaml")) + sorted(out_dir.glob("*.yml")) if out_dir.is_dir() else []
        for path in paths:
            try:
                data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                continue
            figures = data.get("figures") if isinstance(data, dict) else None
            for figure in figures if isinstance(figures, list) else []:
                if isinstance(figure, dict) and isinstance(figure.get("id"), str):
                    self.owner.setdefault(figure["id"], path.stem)

    def claim(self, summary: SourceSummary) -> SourceSummary:
        """The summary with figure ids no other summary uses; its own ids (a re-ingest) stay."""
        figures, taken = [], set()
        for figure in summary.figures:
            candidate, n = figure.id, 2
            while self.owner.get(candidate, summary.id) != summary.id or candidate in taken:
                candidate, n = f"{figure.id}-{n}", n + 1
            taken.add(candidate)
            self.owner[candidate] = summary.id
            figures.append(figure if candidate == figure.id else figure.model_copy(update={"id": candidate}))
        return summary.model_copy(update={"figures": figures})


class SourceIds:
    """Which summary of a folder drafts which raw file: re-ingesting a source updates its summary
    under the id it has now, even after the analyst renamed it, and never adds a second one."""

    def __init__(self, out_dir: Path) -> None:
        self.by_file: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}
        for path in sorted(out_dir.glob("*.yaml")) if out_dir.is_dir() else []:
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                continue
            if isinstance(data, dict):
                self.note(data.get("source_file"), data.get("source_sha256"), path.stem)

    def note(self, source_file: object, sha: object, sid: str) -> None:
        if isinstance(source_file, str) and source_file:
            self.by_file.setdefault(source_file, sid)
        if isinstance(sha, str) and sha:
            self.by_hash.setdefault(sha, sid)

    def of(self, summary: SourceSummary) -> str | None:
        """The id of the summary that already drafts this summary's raw file, if any."""
        return self.by_file.get(summary.source_file or "") or self.by_hash.get(summary.source_sha256 or "")


def write_summary(
    summary: SourceSummary, out_dir: Path, figure_ids: FigureIds | None = None, sources: SourceIds | None = None
) -> tuple[Path, list[str]]:
    """Write seeds/<id>.yaml, keeping fields the analyst edited. Returns the path and the kept
    fields."""
    out_dir.mkdir(parents=True, exist_ok=True)
    known = sources.of(summary) if sources is not None else None
    if known is not None and known != summary.id and (out_dir / f"{known}.yaml").is_file():
        summary = summary.model_copy(update={"id": known})
    summary = _own_id(summary, out_dir)
    if sources is not None:
        sources.note(summary.source_file, summary.source_sha256, summary.id)
    if figure_ids is not None:
        summary = figure_ids.claim(summary)
    target = out_dir / f"{summary.id}.yaml"
    record = out_dir / ".drafts" / f"{summary.id}.yaml"
    new = to_data(summary)
    kept: list[str] = []
    if target.is_file():
        current = yaml.safe_load(target.read_text(encoding="utf-8")) or {}
        previous = yaml.safe_load(record.read_text(encoding="utf-8")) if record.is_file() else None
        merged: dict[str, Any] = {}
        for key, value in new.items():
            edited = key in current and (previous is None or current[key] != previous.get(key))
            if edited and key not in ("source_sha256", "source_file"):
                merged[key] = current[key]
                if current[key] != value:
                    kept.append(key)
            else:
                merged[key] = value
        merged.update({k: v for k, v in current.items() if k not in merged})
        final = merged
    else:
        final = new
    write_atomic(target, dump_yaml(final).encode("utf-8"))
    write_atomic(record, dump_yaml(new).encode("utf-8"))
    return target, kept


def _own_id(summary: SourceSummary, out_dir: Path) -> SourceSummary:
    """The summary under an id no other source holds. Ids come from outlet and date, so two
    releases of one outlet on one day meet; the second becomes ``<id>-2`` rather than being
    merged into the first as if it were a re-ingest of it."""
    candidate, n = summary.id, 2
    while True:
        target = out_dir / f"{candidate}.yaml"
        if not target.is_file():
            break
        try:
            current = yaml.safe_load(target.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            current = {}
        other_file = current.get("source_file") if isinstance(current, dict) else None
        other_hash = current.get("source_sha256") if isinstance(current, dict) else None
        if not other_file or other_file == summary.source_file or other_hash == summary.source_sha256:
            break  # the same source again (or a hand-written summary): merge, keeping edits
        candidate, n = f"{summary.id}-{n}", n + 1
    return summary if candidate == summary.id else summary.model_copy(update={"id": candidate})


Drafted = tuple[Path, SourceSummary | None, list[Diagnostic]]


def _draft_one(args: tuple[Path, dict[str, CatalogueOption], Path | None]) -> Drafted:
    path, catalogue, out_dir = args
    try:
        return path, draft_summary(path, catalogue, out_dir), []
    except BriefError as exc:
        return path, None, exc.diagnostics()
    except Exception as exc:  # a bug must not stop a batch; it is reported against its file
        return path, None, [Diagnostic("error", "ingest/failed", f"cannot ingest: {type(exc).__name__}: {exc}", Location(path))]


def draft_many(paths: list[Path], catalogue: dict[str, CatalogueOption], out_dir: Path | None, jobs: int = 1) -> Iterator[Drafted]:
    """Draft summaries for many files, in input order; failures come back as diagnostics."""
    work = [(p, catalogue, out_dir) for p in paths]
    if jobs <= 1 or len(paths) < 2:
        yield from map(_draft_one, work)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_draft_one, work, chunksize=max(1, len(work) // (jobs * 8)))


def expand_paths(arguments: list[str], on_missing: Callable[[Diagnostic], None]) -> list[Path]:
    """Files named directly, and the files inside folders named."""
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            paths.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        elif path.exists():
            paths.append(path)
        else:
            on_missing(Diagnostic("error", "ingest/not-found", "no such file", Location(argument)))
    return paths
