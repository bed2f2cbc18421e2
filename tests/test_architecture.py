"""The shape of the code, enforced: stages import one way, and no module grows long unexplained.

The stages of ``src/brief`` are packages, and imports run one way through them:

    base -> inputs -> charts -> assemble -> render -> verify -> build -> serve -> cli

A stage may import the stages before it, never those after. ``ingest`` and ``authoring`` stand
beside that line: ingest may use only the base and the inputs, authoring the base, the inputs
and assembly (the template context it documents); only the CLI imports them. The base is the
top-level modules every stage shares (errors and diagnostics, the workspace, atomic writes, the
number reader, sentence ranking, progress). Every import counts, including those inside
functions (which keep start-up fast) and those only for type checking.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO

SRC = REPO / "src" / "brief"

# The one declaration of the order; the README's "How it works" draws the same line.
ORDER = ("base", "inputs", "charts", "assemble", "render", "verify", "build", "serve", "cli")
BESIDE = {"ingest": {"base", "inputs"}, "authoring": {"base", "inputs", "assemble"}}
LONG = 400  # lines; a longer module says at its top why it is long


def stage(module: str) -> str:
    """The stage of a module name: brief.build.run -> build, brief.errors -> base."""
    parts = module.split(".")
    if parts[0] != "brief":
        raise ValueError(module)
    if len(parts) == 1:
        return "base"
    name = parts[1]
    if name == "__main__":
        return "cli"
    if name in ORDER or name in BESIDE:
        return name
    return "base"


def may_import(importer: str, imported: str) -> bool:
    if importer == imported or imported == "base":
        return True
    if importer == "cli":
        return True
    if importer in BESIDE:
        return imported in BESIDE[importer]
    if imported in BESIDE:
        return False
    return ORDER.index(imported) < ORDER.index(importer)


@dataclass(frozen=True)
class Violation:
    path: Path
    line: int
    importer: str
    imported: str
    target: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.importer} imports {self.target} ({self.imported} comes after it or beside it)"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def brief_imports(tree: ast.AST, package: str) -> list[tuple[int, str]]:
    """(line, module) of every import of brief in a module, at any depth."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "brief"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the importing package
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base.split(".")[0] != "brief":
                continue
            # `from brief import charts` imports the package brief.charts, not the base.
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append((node.lineno, candidate if _is_module(candidate) else base))
    return found


def _is_module(name: str) -> bool:
    path = SRC.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def violations(root: Path) -> list[Violation]:
    """Every import of `root` (a copy of src/brief) against the order."""
    found: list[Violation] = []
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        importer = stage(name)
        for line, target in brief_imports(ast.parse(path.read_text(encoding="utf-8")), package):
            imported = stage(target)
            if not may_import(importer, imported):
                found.append(Violation(path.relative_to(root.parent), line, importer, imported, target))
    return found


def test_every_module_belongs_to_a_declared_stage() -> None:
    top = {p.stem for p in SRC.glob("*.py")} | {p.name for p in SRC.iterdir() if (p / "__init__.py").is_file()}
    packages = {name for name in top if (SRC / name / "__init__.py").is_file()}
    assert packages == set(ORDER[1:-2]) | set(BESIDE), "a new package needs its place in ORDER or BESIDE"


def test_imports_run_one_way() -> None:
    found = violations(SRC)
    assert not found, "imports against the order of stages:\n" + "\n".join(map(str, found))


@pytest.mark.parametrize(
    ("module", "line", "expected"),
    [
        ("verify/rules.py", "from brief.build.pipeline import MemoTask", "verify imports brief.build.pipeline"),
        ("inputs/spec.py", "    from brief.assemble import citations", "inputs imports brief.assemble.citations"),
        ("render/html.py", "import brief.verify", "render imports brief.verify"),
        ("ingest/draft.py", "from brief.render import FORMATS", "ingest imports brief.render"),
        ("assemble/memo.py", "from brief.ingest.figures import find_figures", "assemble imports brief.ingest.figures"),
        ("errors.py", "from brief.inputs.models import Strict", "base imports brief.inputs.models"),
    ],
)
def test_a_back_import_is_caught(tmp_path: Path, module: str, line: str, expected: str) -> None:
    # The check must be able to fail: plant one back-import in a copy of the source tree.
    import shutil

    root = tmp_path / "brief"
    shutil.copytree(SRC, root, ignore=shutil.ignore_patterns("templates", "__pycache__"))
    target = root / module
    target.write_text(
        target.read_text(encoding="utf-8") + f"\n\ndef planted() -> None:\n{line if line.startswith(' ') else '    ' + line}\n"
    )
    found = [str(v) for v in violations(root)]
    assert len(found) == 1 and expected in found[0], found


def test_long_modules_say_why() -> None:
    long = []
    for path in sorted(SRC.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        docstring = ast.get_docstring(ast.parse("\n".join(lines))) or ""
        if len(lines) > LONG and "long because" not in docstring.lower():
            long.append(f"{path.relative_to(REPO)}: {len(lines)} lines")
    assert not long, "modules over 400 lines need a reason at their top ('Long because ...'):\n" + "\n".join(long)


def test_every_module_says_what_it_is() -> None:
    missing = [
        str(p.relative_to(REPO)) for p in sorted(SRC.rglob("*.py")) if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))
    ]
    assert not missing, "modules without a docstring: " + ", ".join(missing)
