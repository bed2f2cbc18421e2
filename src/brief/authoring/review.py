"""`brief review ID...`: mark summaries reviewed.

Stage: authoring. A drafted summary says ``draft: true`` until the analyst has read it against
its source; builds refuse it until then. This sets ``draft: false`` in each named summary's file,
changing that one line and nothing else (comments and layout stay as the analyst left them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brief.errors import Location, SummaryError, raise_all
from brief.inputs.project import summary_files
from brief.workspace import Workspace

_DRAFT = re.compile(r"^draft:[ \t]*(?:true|yes|on)\b", re.IGNORECASE | re.MULTILINE)


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
        changed, count = _DRAFT.subn("draft: false", text, count=1)
        if not count:
            report.already.append(str(path))
            continue
        try:
            path.write_text(changed, encoding="utf-8")
        except OSError as exc:
            raise SummaryError(f"cannot write the summary: {exc.strerror}", Location(path), "summary/unreadable") from None
        report.marked.append(str(path))
    return report
