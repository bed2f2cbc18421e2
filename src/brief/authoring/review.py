"""`brief review ID...`: mark summaries reviewed.

Stage: authoring. A drafted summary says ``draft: true`` until the analyst has read it against
its source; builds refuse it until then. This sets ``draft: false`` in each named summary's file,
changing that one line and nothing else (comments and layout stay as the analyst left them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brief.errors import Location, SummaryError, raise_all
from brief.inputs.project import draft_line, summary_files
from brief.workspace import Workspace


@dataclass
class Reviewed:
    marked: list[str] = field(default_factory=list)  # summary files now marked reviewed
    already: list[str] = field(default_factory=list)  # files that were no drafts


def review(workspace: Workspace, ids: list[str]) -> Reviewed:
    files, _ = summary_files(workspace.seeds)
    unknown = [
        SummaryError(f"no summary with id '{sid}' in {workspace.seeds}", None, "summary/not-found") for sid in ids if sid not in files
    ]
    raise_all(unknown)
    report = Reviewed()
    for sid in dict.fromkeys(ids):
        path = files[sid]
        text = path.read_text(encoding="utf-8")
        line = draft_line(text)
        if line is None:
            report.already.append(str(path))
            continue
        lines = text.splitlines(keepends=True)
        # That line only: its value becomes false, a comment after it stays.
        lines[line - 1] = re.sub(r"^draft:\s*\w+", "draft: false", lines[line - 1])
        changed = "".join(lines)
        try:
            path.write_text(changed, encoding="utf-8")
        except OSError as exc:
            raise SummaryError(f"cannot write the summary: {exc.strerror}", Location(path), "summary/unreadable") from None
        report.marked.append(str(path))
    return report
