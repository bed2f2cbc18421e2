"""The install a new user makes, checked: run by ``./dev test`` with the Python of a fresh venv in
which brief was installed by the interpreter's own pip, not editable. Makes a workspace with
``brief init``, writes one short source in each format ingest reads (text, Markdown, HTML, DOCX,
PDF), ingests them and checks the drafts; exits non-zero, naming the step, when one fails.

    python tools/plain_install.py DEST
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TEXT = (
    "Harbor scanners expand\n\nBy Lena Park\n\nThe port added 12 scanners in 2024, the authority said. Inspectors found contraband "
    'in 312 containers, up from 250 the year before. "We need more coverage," said Inspector General Lena Ortiz.\n'
)


def main(dest: Path) -> int:
    brief = [str(Path(sys.executable).with_name("brief"))]
    steps: list[tuple[str, list[str]]] = []
    if subprocess.run([*brief, "init", str(dest)], capture_output=True).returncode:
        print("plain install: brief init failed", file=sys.stderr)
        return 1
    (dest / "briefs" / "example.md").unlink()  # the drafts are checked on their own, as after a first ingest
    sources = dest / "sources"
    (sources / "scanners.txt").write_text(TEXT, encoding="utf-8")
    (sources / "scanners-note.md").write_text("---\ntitle: Harbor scanners expand\n---\n\n" + TEXT, encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in TEXT.split("\n\n"))
    html = f"<html><head><title>Harbor scanners expand</title></head><body><article>{paragraphs}</article></body></html>"
    (sources / "scanners-page.html").write_text(html, encoding="utf-8")
    import docx
    import weasyprint

    document = docx.Document()
    for paragraph in TEXT.split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(str(sources / "scanners-memo.docx"))
    weasyprint.HTML(string=html).write_pdf(str(sources / "scanners-report.pdf"))
    files = sorted(str(p) for p in sources.glob("scanners*"))
    steps = [("ingest", [*brief, "ingest", *files]), ("check", [*brief, "check", "--workspace", str(dest)])]
    for name, command in steps:
        result = subprocess.run(command, capture_output=True, text=True, cwd=dest)
        if result.returncode:
            print(f"plain install: brief {name} failed:\n{result.stderr[-2000:]}", file=sys.stderr)
            return 1
    drafted = len(list((dest / "seeds").glob("*.yaml"))) - 2  # the starter's two
    if drafted != 5:
        print(f"plain install: ingest drafted {drafted} summaries of 5 files", file=sys.stderr)
        return 1
    print("plain install: ingested and checked one file of each format", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
