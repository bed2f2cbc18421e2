"""Reference documentation generated from code: the template context part of TEMPLATES.md, and
the README's table of diagnostic codes.

Stage: authoring, beside the build; it reads code and writes no memo. Consumes the documented
context classes of :mod:`brief.assemble.context` (help text in each dataclass field's metadata),
the models they expose (pydantic field descriptions), the memo model (docstrings and trailing
field comments) and :data:`brief.diagnostics.RULES`; produces Markdown tables. Each document holds
its table between two marker comments, and

    python -m brief.authoring.reference [TEMPLATES.md] [--check]
    python -m brief.authoring.reference --rules README.md [--check]

rewrite them in place, or with ``--check`` only report whether they are current. Tests run the
checks, so the guides cannot drift from the code.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import inspect
import io
import sys
import textwrap
import tokenize
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from brief.assemble.context import LayoutContext, SectionContext
from brief.diagnostics import rules_table
from brief.errors import BriefError, Location

BEGIN = "<!-- context:begin -->"
END = "<!-- context:end -->"
COMMAND = "python -m brief.authoring.reference"


# --- what a class documents ----------------------------------------------------------------------


def _documented(tp: Any) -> bool:
    """Classes whose fields the reference lists: brief's own dataclasses and models (not Markup,
    date or other library types, which templates use as plain values)."""
    return isinstance(tp, type) and tp.__module__.startswith("brief.") and (dataclasses.is_dataclass(tp) or issubclass(tp, BaseModel))


def _fields(cls: type) -> list[tuple[str, Any, str]]:
    """(name, type, description) of each field, in declaration order."""
    if issubclass(cls, BaseModel):
        return [(name, info.annotation, info.description or "") for name, info in cls.model_fields.items()]
    hints = get_type_hints(cls)
    comments = _trailing_comments(cls)
    assert dataclasses.is_dataclass(cls), cls  # _documented() lets through only dataclasses and models
    return [(f.name, hints[f.name], f.metadata.get("help") or comments.get(f.name, "")) for f in dataclasses.fields(cls)]


def _trailing_comments(cls: type) -> dict[str, str]:
    """Field name -> the comment at the end of its line. The memo model documents some fields
    that way rather than with metadata; reading them keeps one source of truth."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    # Tokens, not a regular expression, so a '#' inside a string default is not taken for a comment.
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    comments = {tok.start[0]: tok.string.lstrip("#").strip() for tok in tokens if tok.type == tokenize.COMMENT}
    found: dict[str, str] = {}
    body = ast.parse(source).body[0]
    for node in getattr(body, "body", []):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.end_lineno in comments:
            text = comments[node.end_lineno]
            found[node.target.id] = text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!", ")")) else ".")
    return found


def _docstring(cls: type) -> str:
    doc = cls.__dict__.get("__doc__") or ""
    # dataclass() invents a docstring from the signature when a class has none; that is not prose.
    if dataclasses.is_dataclass(cls) and doc.startswith(f"{cls.__name__}("):
        return ""
    return " ".join(inspect.cleandoc(doc).split()).replace("``", "`")


def type_name(tp: Any) -> str:
    """A type as a template author reads it: ``list[SourceView]``, ``str | None``."""
    if tp is type(None):
        return "None"
    if tp is Ellipsis:
        return "..."
    origin = get_origin(tp)
    args = get_args(tp)
    if origin in (Union, types.UnionType):
        return " | ".join(type_name(a) for a in args)
    if origin is Literal:
        return " | ".join(repr(a) for a in args)
    if origin is not None and args:
        name = getattr(origin, "__name__", str(origin))
        if name == "Callable" and len(args) == 2 and isinstance(args[0], list):
            return f"Callable[[{', '.join(type_name(a) for a in args[0])}], {type_name(args[1])}]"
        return f"{name}[{', '.join(type_name(a) for a in args)}]"
    return getattr(tp, "__name__", str(tp))


def _classes_in(tp: Any) -> Iterator[type]:
    """The documented classes a (possibly generic) type mentions, left to right."""
    if _documented(tp):
        yield tp
    for arg in get_args(tp):
        yield from _classes_in(arg)


def _reached(root: type) -> list[type]:
    """Every documented class reachable from `root`'s fields, breadth first (a stable order that
    puts the objects a template meets first at the top)."""
    order: list[type] = []
    queue = [root]
    while queue:
        cls = queue.pop(0)
        for _, tp, _ in _fields(cls):
            for found in _classes_in(tp):
                if found is not root and found not in order:
                    order.append(found)
                    queue.append(found)
    return order


# --- Markdown ------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    """Table-cell text: outside code spans, '<' and '>' would start HTML and '|' a new column;
    inside them only '|' needs escaping."""
    parts = text.split("`")
    for i, part in enumerate(parts):
        if i % 2 == 0:
            part = part.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*")
        parts[i] = part.replace("|", "\\|")
    return "`".join(parts)


def _table(cls: type, first: str) -> list[str]:
    lines = [f"| {first} | type | description |", "|---|---|---|"]
    for name, tp, help_text in _fields(cls):
        lines.append(f"| `{name}` | `{_cell(type_name(tp))}` | {_cell(help_text) or '—'} |")
    return lines


def _class_section(cls: type, level: str, title: str, first: str) -> list[str]:
    lines = [f"{level} {title}", ""]
    doc = _docstring(cls)
    if doc:
        lines += [_cell(doc), ""]
    return [*lines, *_table(cls, first), ""]


ROOTS: tuple[tuple[type, str], ...] = (
    (SectionContext, "section templates (`sections/<id>.md`)"),
    (LayoutContext, "layouts and stylesheets (`layout.html`, `memo.css`)"),
)


def context_reference() -> str:
    """The Markdown reference of every name a template may use and every field of the objects
    behind those names, generated from :mod:`brief.assemble.context`."""
    lines = [
        f"<!-- Generated from src/brief/assemble/context.py by `{COMMAND}`; edit the classes there, not this text. -->",
        "",
    ]
    described: list[type] = []
    for root, what in ROOTS:
        lines += _class_section(root, "###", f"`{root.__name__}`: {what}", "name")
        reached = _reached(root)
        earlier = [cls.__name__ for cls in reached if cls in described]
        if earlier:
            lines += ["Described above: " + ", ".join(f"`{name}`" for name in earlier) + ".", ""]
        for cls in reached:
            if cls not in described:
                lines += _class_section(cls, "####", f"`{cls.__name__}`", "field")
                described.append(cls)
        described.append(root)
    return "\n".join(lines).rstrip("\n") + "\n"


RULES_BEGIN = "<!-- rules:begin -->"
RULES_END = "<!-- rules:end -->"


def rules_reference() -> str:
    """The Markdown table of every diagnostic code, generated from :data:`brief.diagnostics.RULES`."""
    note = f"<!-- Generated from src/brief/diagnostics.py by `{COMMAND} --rules README.md`; edit RULES there, not this table. -->"
    return note + "\n\n" + rules_table()


def replace_generated(text: str, generated: str, where: Path | str = "TEMPLATES.md", markers: tuple[str, str] = (BEGIN, END)) -> str:
    """`text` with the part between the markers replaced by `generated`."""
    begin, end_mark = markers
    start, end = text.find(begin), text.find(end_mark)
    if start < 0 or end < start:
        raise BriefError(f"no '{begin}' ... '{end_mark}' markers to put the reference between", Location(where), "authoring/reference")
    return text[: start + len(begin)] + "\n" + generated + text[end:]


def generated_part(text: str, where: Path | str = "TEMPLATES.md", markers: tuple[str, str] = (BEGIN, END)) -> str:
    """The part of `text` between the markers, as the generator would produce it."""
    begin, end_mark = markers
    start, end = text.find(begin), text.find(end_mark)
    if start < 0 or end < start:
        raise BriefError(f"no '{begin}' ... '{end_mark}' markers", Location(where), "authoring/reference")
    return text[start + len(begin) : end].lstrip("\n")


def main(argv: list[str] | None = None, echo: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(
        prog=COMMAND, description="Regenerate the template context reference in TEMPLATES.md, or the table of diagnostic codes."
    )
    parser.add_argument("path", nargs="?", default="TEMPLATES.md", help="the guide to update (default: ./TEMPLATES.md)")
    parser.add_argument("--rules", action="store_true", help="update the table of diagnostic codes (in README.md) instead")
    parser.add_argument("--check", action="store_true", help="only check that the reference is current; exit 1 when it is not")
    args = parser.parse_args(argv)
    path = Path(args.path)
    what, markers, wanted = (
        ("table of diagnostic codes", (RULES_BEGIN, RULES_END), rules_reference())
        if args.rules
        else ("context reference", (BEGIN, END), context_reference())
    )
    again = f"{COMMAND}{' --rules' if args.rules else ''} {path}"
    try:
        text = path.read_text(encoding="utf-8")
        if generated_part(text, path, markers) == wanted:
            echo(f"{path}: the {what} is up to date")
            return 0
        if args.check:
            raise BriefError(f"the {what} is out of date; run `{again}`", Location(path), "authoring/reference")
        path.write_text(replace_generated(text, wanted, path, markers), encoding="utf-8")
        echo(f"{path}: {what} regenerated")
        return 0
    except OSError as exc:
        echo(f"{path}: error: cannot read or write: {exc.strerror}")
    except BriefError as exc:
        echo(str(exc))
    return 1


if __name__ == "__main__":
    # Diagnostics go to stderr like brief's own; the success line too, so stdout stays clean.
    sys.exit(main(echo=lambda line: print(line, file=sys.stderr)))
