"""Hostile inputs against brief, as an attacker would try them: every case must end in a located
error or a correct memo, without a traceback, without losing earlier outputs, within time and
memory bounds.

Each case starts from a copy of tests/roots/basic that has already been built, changes one thing
the way hostile source text, a hostile summary, template pack or page request would, and runs
brief in a process of its own (wall time and peak memory measured from outside). Then:

- **traceback**: the command printed a Python traceback (target: never);
- **located**: a refusal's every error line is ``path[:line]: error: message [code]`` (target: all);
- **lost**: a refused build changed the outputs of the build before it (target: never);
- **forged**: a memo that was made shows a banner other than the brief's, another number of
  footnotes than the brief cites, a link other than http, https or mailto, or a private-use
  character (target: never);
- **time** under 10 s and **memory** under 1 GB per case.

    .venv/bin/python benchmarks/hostile.py [--only TEXT] [--list] [--keep DIR]

Prints a table per group and a table of the targets, in Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
BASIC = REPO / "tests" / "roots" / "basic"
# The banner the brief's own build prints, read from it before the cases run (see main).
BANNER = ""
SEED = "seeds/harbor-2025.yaml"
SPEC = "briefs/port-security.md"
LIMIT_SECONDS = 10.0
LIMIT_MB = 1024.0
TIMEOUT = 60.0
DIAGNOSTIC = re.compile(r"^\S.*?: (?:error|warning): .+ \[[a-z]+/[a-z-]+\]$")
LOCATED = re.compile(r"^[^\s:][^:]*(?::\d+)?: (?:error|warning): ")
_REPORT = re.compile(r"^(?:wrote |note: |\S.* -> \S+\.yaml$)")

# Runs a command and reports its wall time and the largest resident set of any process in its tree.
WRAPPER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
try:
    result = subprocess.run(sys.argv[2:], capture_output=True, text=True, timeout=float(sys.argv[1]))
    rc, out, err = result.returncode, result.stdout, result.stderr
except subprocess.TimeoutExpired as exc:
    rc, out, err = None, "", (exc.stderr or b"").decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else (exc.stderr or "")
seconds = time.perf_counter() - started
maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": rc, "seconds": seconds, "maxrss_kb": maxrss, "stdout": out[-20000:], "stderr": err[-20000:]}))
"""


@dataclass
class Case:
    group: str
    name: str
    setup: Callable[[Path], list[str]]  # changes the workspace; returns brief's arguments
    expect: str  # "refuse", "memo" or "either"
    check: Callable[[Path, str], list[str]] | None = None  # extra problems found in the outputs


@dataclass
class Result:
    case: Case
    outcome: str = ""
    traceback: bool = False
    located: bool = True
    lost: bool = False
    forged: list[str] = field(default_factory=list)
    seconds: float = 0.0
    peak_mb: float = 0.0
    note: str = ""

    @property
    def ok(self) -> bool:
        expected = self.case.expect == "either" or self.outcome == ("refused" if self.case.expect == "refuse" else "made")
        return (
            expected
            and not self.traceback
            and self.located
            and not self.lost
            and not self.forged
            and self.seconds < LIMIT_SECONDS
            and self.peak_mb < LIMIT_MB
        )


# --- editing a workspace ------------------------------------------------------------------------


def edit_seed(ws: Path, change: Callable[[dict], None]) -> None:
    path = ws / SEED
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def edit(ws: Path, rel: str, old: str, new: str) -> None:
    path = ws / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def builds(*args: str) -> list[str]:
    return ["build", "--quiet", *args]


# --- the cases ----------------------------------------------------------------------------------

MARKERS = {
    "marking": "\ue000m:TS//NF\ue001",
    "citation": "\ue000c:0\ue001",
    "citation-out-of-range": "\ue000c:99999\ue001",
    "entry": "\ue000b:no-such-source\ue001",
    "chart": "\ue000g:5\ue001",
    "nested": "\ue001\ue000m:S//NF\ue001\ue000",
    "plane-15": "\U000f0000\U0010fffd",
    "flood": "\ue000" * 200,
}

SUMMARY_FIELDS: dict[str, Callable[[dict, str], None]] = {
    "title": lambda d, p: d.__setitem__("title", f"Harbor {p} Report"),
    "outlet": lambda d, p: d.__setitem__("outlet", f"Westmere {p} Authority"),
    "key-point": lambda d, p: d["summary"].__setitem__(0, f"Traffic {p} grew."),
    "figure-label": lambda d, p: d["figures"][0].__setitem__("label", f"Containers {p} handled"),
    "figure-quote": lambda d, p: d["figures"][1].__setitem__("quote", f"contraband {p} in 312 containers"),
    "quotation": lambda d, p: d["quotes"][0].__setitem__("text", f"we still see {p} only a fraction"),
    "speaker": lambda d, p: d["quotes"][0].__setitem__("speaker", f"Lena {p} Ortiz"),
    "event": lambda d, p: d["events"][0].__setitem__("what", f"Scanner {p} bought"),
    "author": lambda d, p: d.__setitem__("authors", [f"Dana {p} Whitfield"]),
}

CONTROLS = {"nul": "\x00", "bell": "\x07", "escape": "\x1b[31m", "delete": "\x7f", "c1": "\x85\x9b"}

BLOCK_BREAKS = {
    "blank-line-bullet": "grew.\n\n- an injected bullet",
    "heading": "grew.\n# An injected heading",
    "script": "<script>alert(1)</script>",
    "markdown-link": "[click](javascript:alert(1))",
    "html-link": "<a href='javascript:alert(1)'>click</a>",
    "image": "![x](file:///etc/passwd)",
    "jinja": "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
}

LINKS = [
    "javascript:alert(document.domain)",
    " JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd",
    "vbscript:msgbox(1)",
    "//evil.example/x",
]

BOMBS = {
    "nested-range": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "nested-range-output": "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}",
    "string-doubling": "{% set ns = namespace(s='ab') %}{% for i in range(31) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    "big-range": "{{ range(10**9)|list|length }}",
    "repeat": "{{ 'x' * 10**10 }}",
    "power": "{{ 7 ** 10000000 }}",
    "center": "{{ 'x'|center(10**9) }}",
    "escape": "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
    "recursion": "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "lipsum": "{{ lipsum(n=10**7) }}",
}


def no_pwned(ws: Path, _: str) -> list[str]:
    return ["a shell command ran"] if (ws / "PWNED").exists() else []


def summary_cases() -> list[Case]:
    cases = []
    for field_name, setter in SUMMARY_FIELDS.items():
        for payload_name, payload in MARKERS.items():

            def setup(ws: Path, setter: Callable[[dict, str], None] = setter, payload: str = payload) -> list[str]:
                edit_seed(ws, lambda d: setter(d, payload))
                return builds()

            cases.append(Case("forged markers in a summary", f"{field_name}: {payload_name}", setup, "memo"))
    for field_name in ("key-point", "title", "quotation"):
        for payload_name, payload in CONTROLS.items():

            def setup(ws: Path, field_name: str = field_name, payload: str = payload) -> list[str]:
                edit_seed(ws, lambda d: SUMMARY_FIELDS[field_name](d, payload))
                return builds()

            cases.append(Case("control characters", f"{field_name}: {payload_name}", setup, "memo"))
    for payload_name, payload in BLOCK_BREAKS.items():

        def setup(ws: Path, payload: str = payload) -> list[str]:
            edit_seed(ws, lambda d: d["summary"].__setitem__(0, f"Traffic {payload}"))
            return builds()

        # Template braces in source text print as they are, and a memo with "{{" is refused as
        # an unresolved placeholder, located at the summary.
        expect = "refuse" if "{{" in payload else "memo"
        cases.append(Case("markup in a summary", payload_name, setup, expect, no_pwned))
    for url in LINKS:

        def setup(ws: Path, url: str = url) -> list[str]:
            edit_seed(ws, lambda d: d.__setitem__("url", url))
            return builds()

        cases.append(Case("links", f"summary url {url.strip()[:24]}", setup, "refuse"))
    return cases


def brief_cases() -> list[Case]:
    cases = []
    for payload_name, payload in MARKERS.items():

        def setup(ws: Path, payload: str = payload) -> list[str]:
            edit(ws, SPEC, "Traffic through the port keeps growing.", f"Traffic {payload} keeps growing.")
            return builds()

        cases.append(Case("forged markers in a brief", payload_name, setup, "memo"))
    for bomb_name, bomb in BOMBS.items():

        def setup_prose(ws: Path, bomb: str = bomb) -> list[str]:
            edit(ws, SPEC, "Traffic through the port keeps growing.", f"Traffic grows.\n\n{bomb}")
            return builds()

        def setup_template(ws: Path, bomb: str = bomb) -> list[str]:
            section = ws / "templates" / "sections" / "outlook.md"
            section.parent.mkdir(parents=True, exist_ok=True)
            section.write_text(f"{{% set title = 'Outlook' %}}\n\n{bomb}\n", encoding="utf-8")
            return builds()

        cases.append(Case("prose bombs", bomb_name, setup_prose, "refuse", no_pwned))
        cases.append(Case("template bombs", bomb_name, setup_template, "refuse", no_pwned))
    return cases


def input_cases() -> list[Case]:
    def event_date(value: str) -> Callable[[Path], list[str]]:
        def setup(ws: Path) -> list[str]:
            edit(ws, SEED, '  - date: "2021"', f'  - date: "{value}"')
            return builds()

        return setup

    def not_utf8(rel: str, data: Callable[[Path], bytes]) -> Callable[[Path], list[str]]:
        def setup(ws: Path) -> list[str]:
            path = ws / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data(ws))
            return builds()

        return setup

    def profile(extra: str) -> Callable[[Path], list[str]]:
        def setup(ws: Path) -> list[str]:
            path = ws / "templates" / "staff" / "audience.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            text = (REPO / "src" / "brief" / "templates" / "staff" / "audience.yaml").read_text(encoding="utf-8")
            key = extra.split(":")[0]
            lines = [line for line in text.splitlines() if not line.startswith(key + ":")]
            path.write_text("\n".join(lines) + "\n" + extra + "\n", encoding="utf-8")
            return builds()

        return setup

    def file(rel: str, text: str, *args: str) -> Callable[[Path], list[str]]:
        def setup(ws: Path) -> list[str]:
            path = ws / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return list(args) or builds()

        return setup

    def yaml_bomb(ws: Path) -> list[str]:
        lines = ['id: bomb\ntitle: Bomb\nsummary: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        lines += [f"x{i}: &{chr(98 + i)} [{', '.join('*' + chr(97 + i) for _ in range(9))}]" for i in range(8)]
        (ws / "seeds" / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return builds()

    def duplicate_id(ws: Path) -> list[str]:
        shutil.copy(ws / SEED, ws / "seeds" / "harbor-2025.yml")
        return builds()

    def unknown_option(ws: Path) -> list[str]:
        edit(ws, SEED, "options:", "options:\n  - id: no_such_option\n    stance: advocates\n    quote: scanners")
        return builds()

    def self_include(ws: Path) -> list[str]:
        section = ws / "templates" / "sections" / "outlook.md"
        section.parent.mkdir(parents=True, exist_ok=True)
        section.write_text("{% set title = 'Outlook' %}\n{% include 'sections/outlook.md' %}\n", encoding="utf-8")
        return builds()

    cases = [Case("input errors", f"event date {d}", event_date(d), "refuse") for d in ("2019-13", "2019-02-30", "2019-00", "2019-04-31")]
    cases += [
        Case(
            "input errors",
            "template not UTF-8",
            not_utf8("templates/sections/outlook.md", lambda ws: b"{% set title = 'x' %}\n\xff\n"),
            "refuse",
        ),
        Case(
            "input errors",
            "profile not UTF-8",
            not_utf8(
                "templates/staff/audience.yaml", lambda ws: (REPO / "src/brief/templates/staff/audience.yaml").read_bytes() + b"#\xe9\n"
            ),
            "refuse",
        ),
        Case(
            "input errors",
            "brief not UTF-8",
            not_utf8(SPEC, lambda ws: (ws / SPEC).read_bytes().replace(b"growing", b"gr\xf6wing")),
            "refuse",
        ),
        Case(
            "input errors",
            "summary not UTF-8",
            not_utf8(SEED, lambda ws: (ws / SEED).read_bytes().replace(b"Harbor", b"H\xe4rbor", 1)),
            "refuse",
        ),
        Case("input errors", "missing layout", profile("layout: nothere.html"), "refuse"),
        Case("input errors", "missing stylesheet", profile("stylesheet: nothere.css"), "refuse"),
        Case("input errors", "missing reference docx", profile("reference_docx: nothere.docx"), "refuse"),
        Case("input errors", "malformed brief.toml", file("brief.toml", "[paths]\nbuild = \n"), "refuse"),
        Case("input errors", "unknown rule in brief.toml", file("brief.toml", '[rules]\n"memo/nope" = "off"\n'), "refuse"),
        Case("input errors", "brief named ...md", file("briefs/...md", (BASIC / SPEC).read_text(encoding="utf-8")), "refuse"),
        Case("input errors", "brief named with spaces", file("briefs/Bad Name.md", (BASIC / SPEC).read_text(encoding="utf-8")), "refuse"),
        Case("input errors", "x.yaml and x.yml", duplicate_id, "refuse"),
        Case("input errors", "summary option not in catalogue", unknown_option, "refuse"),
        Case("input errors", "YAML alias bomb in a summary", yaml_bomb, "refuse"),
        Case(
            "input errors",
            "deeply nested YAML",
            file("seeds/deep.yaml", "id: deep\ntitle: x\nsummary: " + "[" * 20000 + "]" * 20000 + "\n"),
            "refuse",
        ),
        Case("input errors", "template includes itself", self_include, "refuse"),
        Case("input errors", "check: event date 2019-13", lambda ws: [*event_date("2019-13")(ws)[:0], "check"], "refuse"),
    ]
    return cases


# --- ingest ---------------------------------------------------------------------------------------

GOOD = textwrap.dedent(
    """\
    Harbor patrols doubled as seizures climbed

    By Dana Whitfield
    March 4, 2025

    The Westmere harbor authority said on Tuesday that inspectors found contraband in 312 containers
    last year, up from 240 the year before. "We still see only a fraction," said Lena Ortiz, the
    inspector general. The authority spent $45 million on new scanners since 2021.
    """
)


def ingest_case(name: str, make: Callable[[Path], None], expect: str = "refuse") -> Case:
    def setup(ws: Path) -> list[str]:
        folder = ws / "in"
        folder.mkdir()
        (folder / "good.txt").write_text(GOOD, encoding="utf-8")
        make(folder)
        return ["ingest", "in", "--out", "drafts"]

    def check(ws: Path, _: str) -> list[str]:
        problems = []
        drafts = sorted((ws / "drafts").glob("*.yaml")) if (ws / "drafts").is_dir() else []
        if not any("harbor" in p.name or "westmere" in p.name or "patrols" in p.name or p.stat().st_size for p in drafts):
            problems.append("the good file was not ingested")
        for path in drafts:
            text = path.read_text(encoding="utf-8")
            if re.search("[\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):
                problems.append(f"{path.name} holds private-use or control characters")
            for url in re.findall(r"^url: (.*)$", text, re.M):
                if url.strip() not in ("null", "~", "") and not url.strip("'\"").lower().startswith(("http://", "https://", "mailto:")):
                    problems.append(f"{path.name} keeps the link {url[:30]}")
        return problems

    return Case("ingest", name, setup, expect, check)


def long_line(size: int) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        words = " ".join(f"{n} ships and {n * 7}% of {n * 1000} containers" for n in range(size // 40))
        (folder / f"line-{size}.txt").write_text("Long line\n\n" + words[:size] + "\n", encoding="utf-8")

    return make


def docx_bomb(folder: Path) -> None:
    import docx

    path = folder / "bomb.docx"
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    body = b"<w:p><w:r><w:t>" + b"A" * (1024 * 1024) + b"</w:t></w:r></w:p>"
    document = parts["word/document.xml"]
    parts["word/document.xml"] = document.replace(b"<w:body>", b"<w:body>" + body * 1024, 1)  # 1 GB inflated
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def md_alias_bomb(folder: Path) -> None:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join('*' + chr(97 + i) for _ in range(9))}]" for i in range(8)]
    lines += ["title: *i", "---", "", "Body text of the note, long enough to be a source."]
    (folder / "alias.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def md_link(url: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / "link.md").write_text(f'---\ntitle: A note\nurl: "{url}"\n---\n\n{GOOD}', encoding="utf-8")

    return make


def hostile_text(folder: Path) -> None:
    (folder / "markers.txt").write_text(
        f"Notice\n\n{GOOD}\nThe \ue000m:TS//NF\ue001 memo \ue000c:0\ue001 said \x07\x1b[31m so.\n", encoding="utf-8"
    )


def ingest_cases() -> list[Case]:
    cases = [
        ingest_case("1 MB single line", long_line(1_000_000), "either"),
        ingest_case("250 KB single line", long_line(250_000), "either"),
        ingest_case("DOCX inflating to 1 GB", docx_bomb),
        ingest_case("YAML alias bomb in front matter", md_alias_bomb, "either"),
        ingest_case("markers and controls in raw text", hostile_text, "memo"),
        ingest_case("binary file", lambda f: (f / "blob.txt").write_bytes(bytes(range(256)) * 64)),
        ingest_case("empty file", lambda f: (f / "empty.txt").write_bytes(b"")),
        ingest_case("HTML of scripts only", lambda f: (f / "s.html").write_text("<html><script>" + "x;" * 100000 + "</script></html>")),
        ingest_case("corrupt PDF", lambda f: (f / "bad.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(4096))),
        ingest_case("corrupt DOCX", lambda f: (f / "bad.docx").write_bytes(b"PK\x03\x04" + os.urandom(1024))),
        ingest_case("deep HTML nesting", lambda f: (f / "deep.html").write_text("<div>" * 50000 + "text" + "</div>" * 50000), "either"),
    ]
    cases += [ingest_case(f"front matter url {url.strip()[:20]}", md_link(url), "memo") for url in LINKS]
    return cases


# --- the page -------------------------------------------------------------------------------------

PAGE_SCRIPT = """
import json, sys
from pathlib import Path
from starlette.testclient import TestClient
from brief.serve import create_app
from brief.workspace import Workspace
case, ws = sys.argv[1], Path(sys.argv[2])
calls = []
import brief.build.run as run
real = run.build
def recording(*args, **kwargs):
    calls.append(1)
    return real(*args, **kwargs)
run.build = recording
client = TestClient(create_app(Workspace.at(ws)), base_url="http://127.0.0.1:8000", raise_server_exceptions=False)
page = client.get("/").text
import re
token = (re.findall(r'name="[^"]*token[^"]*" value="([^"]*)"', page) or [""])[0]
field = (re.findall(r'name="([^"]*token[^"]*)"', page) or ["token"])[0]
form = {field: token}
if case == "cross-site origin":
    r = client.post("/build/port-security", data=form, headers={"Origin": "http://evil.example"}, follow_redirects=False)
elif case == "cross-site fetch":
    r = client.post("/build/port-security", data=form, headers={"Sec-Fetch-Site": "cross-site"}, follow_redirects=False)
elif case == "no form token":
    r = client.post("/build/port-security", data={}, follow_redirects=False)
elif case == "foreign host":
    r = client.get("/", headers={"Host": "evil.example:8000"})
elif case == "dns rebinding download":
    r = client.get("/files/port-security/staff.pdf", headers={"Host": "attacker.example"})
elif case == "symlink out of build":
    (ws / "secret.pdf").write_bytes(b"%PDF secret")
    (ws / "build" / "port-security" / "escape.pdf").symlink_to(ws / "secret.pdf")
    r = client.get("/files/port-security/escape.pdf")
else:
    raise SystemExit("unknown case " + case)
headers = {k.lower(): v for k, v in r.headers.items()}
answer = {"status": r.status_code, "builds": len(calls), "path_shown": str(ws) in page}
answer.update(csp=headers.get("content-security-policy", ""), nosniff=headers.get("x-content-type-options", ""))
print(json.dumps(answer))
"""

PAGE_EXPECT = {
    "cross-site origin": 403,
    "cross-site fetch": 403,
    "no form token": 403,
    "foreign host": 400,
    "dns rebinding download": 400,
    "symlink out of build": 404,
}


# --- running ------------------------------------------------------------------------------------


def run_measured(args: list[str], cwd: Path, timeout: float = TIMEOUT) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    command = [sys.executable, "-c", WRAPPER, str(timeout), *args]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    return json.loads(done.stdout)


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def memo_problems(ws: Path, baseline_notes: dict[str, int]) -> list[str]:
    """What a made memo shows that the brief did not put there."""
    problems: list[str] = []
    out = ws / "build" / "port-security"
    for path in sorted(out.glob("*.html")):
        text = path.read_text(encoding="utf-8")
        banners = set(re.findall(r'class="banner[^"]*"[^>]*>\s*([^<]*?)\s*<', text))
        if path.stem != "public" and banners != {BANNER}:
            problems.append(f"{path.name} banner {sorted(banners)}")
        notes = len(re.findall(r'<li id="fn\d+"', text))
        if notes != baseline_notes.get(path.stem, notes):
            problems.append(f"{path.name} has {notes} notes, the brief {baseline_notes[path.stem]}")
        for href in re.findall(r'href="([^"]*)"', text):
            if not href.startswith(("http://", "https://", "mailto:", "#")):
                problems.append(f"{path.name} links to {href[:30]}")
        if re.search("[\ue000-\uf8ff]", text):
            problems.append(f"{path.name} holds a private-use character")
    for path in sorted(out.glob("*.docx")):
        with zipfile.ZipFile(path) as package:
            rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
            header = " ".join(package.read(n).decode("utf-8") for n in package.namelist() if n.startswith("word/header"))
        for target in re.findall(r'Target="([^"]*)" TargetMode="External"', rels):
            if not target.startswith(("http://", "https://", "mailto:")):
                problems.append(f"{path.name} links to {target[:30]}")
        if path.stem != "public" and BANNER not in header:
            problems.append(f"{path.name} header lacks the banner")
        if re.search("TOP SECRET|NOFORN|//NF", header):
            problems.append(f"{path.name} header has a forged marking")
    for path in sorted(out.glob("*.pdf")):
        data = path.read_bytes()
        for uri in re.findall(rb"/URI\s*\(([^)]*)\)", data):
            if not uri.startswith((b"http://", b"https://", b"mailto:")):
                problems.append(f"{path.name} links to {uri[:30]!r}")
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout if shutil.which("pdftotext") else ""
        if path.stem != "public" and text and text.strip().splitlines()[0].strip() != BANNER:
            problems.append(f"{path.name} first line is {text.strip().splitlines()[0][:40]!r}")
    return problems


def run_case(case: Case, template: Path, scratch: Path, baseline_notes: dict[str, int]) -> Result:
    ws = scratch / "basic"
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(template, ws, symlinks=True)
    result = Result(case)
    before = snapshot(ws / "build")
    args = case.setup(ws)
    measured = run_measured(["brief", *args] if shutil.which("brief") else [sys.executable, "-m", "brief", *args], ws)
    result.seconds, result.peak_mb = measured["seconds"], measured["maxrss_kb"] / 1024
    err = measured["stderr"]
    result.traceback = "Traceback (most recent call last)" in err
    if measured["rc"] is None:
        result.outcome, result.note = "timed out", f"killed after {TIMEOUT:g} s"
        return result
    # Every line on standard error is a diagnostic (ingest's own reports aside: "source -> draft"
    # for each file, and a "note:" once): a stray library message would be a line brief did not write.
    lines = [line for line in err.splitlines() if line.strip() and not _REPORT.match(line)]
    errors = [line for line in lines if ": error: " in line or line.startswith("error: ")]
    if measured["rc"] != 0:
        result.outcome = "refused"
        result.located = bool(errors) and all(DIAGNOSTIC.match(line) and LOCATED.match(line) for line in lines)
        if args[0] == "build":
            result.lost = snapshot(ws / "build") != before
        result.note = errors[0][:110] if errors else err[-110:]
    else:
        result.outcome = "made"
        if args[0] == "build":
            result.forged = memo_problems(ws, baseline_notes)
        elif lines:  # ingest reports bad files and goes on; each line must be located
            result.located = all(DIAGNOSTIC.match(line) and LOCATED.match(line) for line in lines)
            result.note = errors[0][:110]
    if case.check is not None:
        result.forged += case.check(ws, err)
    return result


def page_cases(template: Path, scratch: Path) -> list[Result]:
    results = []
    for name, status in PAGE_EXPECT.items():
        ws = scratch / "basic"
        if scratch.exists():
            shutil.rmtree(scratch)
        shutil.copytree(template, ws, symlinks=True)
        measured = run_measured([sys.executable, "-c", PAGE_SCRIPT, name, str(ws)], ws)
        case = Case("the page", name, lambda ws: [], "refuse")
        result = Result(case, seconds=measured["seconds"], peak_mb=measured["maxrss_kb"] / 1024)
        result.traceback = "Traceback (most recent call last)" in measured["stderr"]
        try:
            answer = json.loads(measured["stdout"].strip().splitlines()[-1])
        except (ValueError, IndexError):
            result.outcome, result.note = "crashed", measured["stderr"][-110:]
            results.append(result)
            continue
        result.outcome = "refused" if answer["status"] == status else f"answered {answer['status']}"
        if answer["builds"]:
            result.forged.append(f"{answer['builds']} build(s) ran")
        if not answer["csp"] or answer["nosniff"] != "nosniff":
            result.forged.append("security headers missing")
        if answer["path_shown"]:
            result.forged.append("the page shows the workspace's absolute path")
        result.note = f"HTTP {answer['status']}"
        results.append(result)
    return results


def killed_builds(template: Path, scratch: Path, runs: int = 10) -> Result:
    """Kill -9 a build while its workers run, `runs` times: count workers left and .tmp files."""
    case = Case("process life", f"{runs} builds killed with SIGKILL", lambda ws: [], "either")
    result = Result(case, outcome="made")
    left, tmps, started = 0, 0, time.perf_counter()
    for n in range(runs):
        ws = scratch / f"kill-{n}" / "basic"
        shutil.copytree(template, ws, symlinks=True)
        shutil.rmtree(ws / "build")
        process = subprocess.Popen([sys.executable, "-m", "brief", "build", "--quiet", "--jobs", "2"], cwd=ws)
        children: set[int] = set()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(children) < 2:
            children |= _descendants(process.pid)
            time.sleep(0.05)
        time.sleep(0.2 + 0.15 * n)  # kill at different moments, some during the write phase
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        time.sleep(2)
        left += sum(1 for pid in children if _alive(pid))
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        run_measured([sys.executable, "-m", "brief", "build", "--quiet"], ws)
        tmps += len(list((ws / "build").rglob("*.tmp")))
    result.seconds = (time.perf_counter() - started) / runs
    if left:
        result.forged.append(f"{left} worker(s) outlived their build")
    if tmps:
        result.forged.append(f"{tmps} .tmp file(s) left after the next build")
    result.note = f"workers left: {left}; .tmp files left after the next build: {tmps}"
    return result


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    queue = [pid]
    while queue:
        current = queue.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                kids = [int(x) for x in (task / "children").read_text().split()]
            except OSError:
                continue
            for kid in kids:
                if kid not in found:
                    found.add(kid)
                    queue.append(kid)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def all_cases() -> list[Case]:
    return summary_cases() + brief_cases() + input_cases() + ingest_cases()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run only cases whose group or name holds this text")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    parser.add_argument("--keep", type=Path, help="keep the scratch workspaces in this folder")
    args = parser.parse_args()
    cases = [c for c in all_cases() if not args.only or args.only in c.group or args.only in c.name]
    if args.list:
        for case in cases:
            print(f"{case.group}: {case.name} (expect {case.expect})")
        print(f"{len(cases)} cases, and {len(PAGE_EXPECT)} page cases and one of killed builds")
        return 0
    root = Path(tempfile.mkdtemp(prefix="brief-hostile-", dir=args.keep))
    template = root / "template" / "basic"
    shutil.copytree(BASIC, template)
    subprocess.run([sys.executable, "-m", "brief", "build", "--quiet"], cwd=template, check=True)
    global BANNER
    staff = (template / "build" / "port-security" / "staff.html").read_text(encoding="utf-8")
    BANNER = re.findall(r'class="banner[^"]*"[^>]*>\s*([^<]*?)\s*<', staff)[0]
    baseline_notes = {
        p.stem: len(re.findall(r'<li id="fn\d+"', p.read_text(encoding="utf-8")))
        for p in (template / "build" / "port-security").glob("*.html")
    }
    results = []
    for index, case in enumerate(cases):
        results.append(run_case(case, template, root / "scratch", baseline_notes))
        print(f"[{index + 1}/{len(cases)}] {case.group}: {case.name}: {results[-1].outcome}", file=sys.stderr, flush=True)
    if not args.only or "page" in args.only:
        results += page_cases(template, root / "scratch")
    if not args.only or "process" in args.only:
        results.append(killed_builds(template, root / "kills"))
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)
    report(results)
    return 0 if all(r.ok for r in results) else 1


def report(results: list[Result]) -> None:
    groups: dict[str, list[Result]] = {}
    for result in results:
        groups.setdefault(result.case.group, []).append(result)
    print("| group | case | expected | outcome | traceback | located | lost | forged | s | MB | ok |")
    print("|---|---|---|---|---|---|---|---|--:|--:|---|")
    for group, items in groups.items():
        for r in items:
            forged = "; ".join(r.forged)[:60] or "-"
            cells = [group, r.case.name.replace("|", "/"), r.case.expect, r.outcome, "yes" if r.traceback else "-"]
            cells += ["yes" if r.located else "NO", "YES" if r.lost else "-", forged, f"{r.seconds:.1f}", f"{r.peak_mb:.0f}"]
            print("| " + " | ".join([*cells, "ok" if r.ok else "FAIL"]) + " |")
    print()
    refusals = [r for r in results if r.outcome == "refused"]
    print("| target | value | result |")
    print("|---|---|---|")
    rows = [
        ("hostile cases", f"{len(results)}", len(results) >= 120),
        ("tracebacks", str(sum(r.traceback for r in results)), not any(r.traceback for r in results)),
        ("refusals located", f"{sum(r.located for r in refusals)}/{len(refusals)}", all(r.located for r in refusals)),
        ("outputs lost", str(sum(r.lost for r in results)), not any(r.lost for r in results)),
        ("forged banners, citations or links", str(sum(bool(r.forged) for r in results)), not any(r.forged for r in results)),
        ("cases that end as expected", f"{sum(r.ok for r in results)}/{len(results)}", all(r.ok for r in results)),
        ("slowest case", f"{max(r.seconds for r in results):.1f} s", all(r.seconds < LIMIT_SECONDS for r in results)),
        ("largest peak memory", f"{max(r.peak_mb for r in results):.0f} MB", all(r.peak_mb < LIMIT_MB for r in results)),
    ]
    for name, value, met in rows:
        print(f"| {name} | {value} | {'pass' if met else 'FAIL'} |")


if __name__ == "__main__":
    sys.exit(main())
