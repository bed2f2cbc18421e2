"""The file formats an analyst writes, documented from the models that read them: FORMATS.md
and ``brief schema``.

Stage: authoring. A source summary (``seeds/<id>.yaml``), a brief's front matter
(``briefs/<name>.md``) and the option catalogue (``options.yaml``) are read by the pydantic
models of :mod:`brief.inputs.models`; their field descriptions are the documentation. This module
turns them into a Markdown reference (every key, its type, whether it is required, what it is
for) and into JSON Schema, which editors use to check and complete YAML (the YAML language
server reads a ``# yaml-language-server: $schema=...`` comment). A test checks FORMATS.md is current:

    python -m brief.authoring.formats FORMATS.md [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from brief.authoring.reference import type_name
from brief.inputs.models import CatalogueOption, SourceSummary, SpecFront

KINDS: dict[str, tuple[str, str, type[BaseModel]]] = {
    "summary": ("Source summary", "seeds/<id>.yaml: one per source, drafted by `brief ingest`, reviewed by you.", SourceSummary),
    "brief": ("Brief front matter", "briefs/<name>.md: YAML between two `---` lines, then the prose by `## Section`.", SpecFront),
    "options": ("Option catalogue", "options.yaml: a YAML list of the options briefs weigh; each item is one option.", CatalogueOption),
}
COMMAND = "python -m brief.authoring.formats"


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one format."""
    title, about, model = KINDS[kind]
    body = model.model_json_schema(by_alias=True)
    if kind == "options":
        defs = body.pop("$defs", {})
        body = {"type": "array", "items": body, **({"$defs": defs} if defs else {})}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, "description": about, **body}


def reference() -> str:
    """FORMATS.md, whole."""
    lines = [
        "# File formats",
        "",
        f"<!-- Generated from brief's models by `{COMMAND} FORMATS.md`; do not edit by hand. -->",
        "",
        "Every key, its type, whether it is required and what it is for. An unknown key is an error with its",
        "line, so a misspelt key is never silently ignored. `brief schema summary|brief|options` prints the",
        "same as JSON Schema for an editor.",
    ]
    for title, about, model in KINDS.values():
        lines += ["", f"## {title}", "", about]
        for cls in _models(model):
            if cls is not model:
                lines += ["", f"### {cls.__name__}", ""]
                doc = (cls.__doc__ or "").strip()
                if doc and not doc.startswith(("Usage docs", "!!!")):
                    lines += [" ".join(doc.split()), ""]
            else:
                lines += [""]
            lines += ["| key | type | required | what it is for |", "|---|---|---|---|"]
            for name, info in cls.model_fields.items():
                key = info.alias or name
                required = "yes" if info.is_required() else "no"
                kind = _type(info.annotation).replace("|", "\\|")
                lines.append(f"| `{key}` | `{kind}` | {required} | {_cell(info)} |")
    return "\n".join(lines) + "\n"


def _type(tp: Any) -> str:
    """A field's type as the YAML's writer reads it, validators (``Annotated``) left out."""
    origin = get_origin(tp)
    if origin is Annotated:
        return _type(get_args(tp)[0])
    if origin in (Union, types.UnionType):
        return " | ".join(_type(a) for a in get_args(tp))
    if origin is list:
        return f"list[{', '.join(_type(a) for a in get_args(tp))}]"
    if getattr(tp, "__name__", "") == "PartialDate":
        return "date"
    return type_name(tp)


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    """`root` and every model its fields hold, in the order met."""
    order: list[type[BaseModel]] = [root]
    for cls in order:
        for info in cls.model_fields.values():
            for found in _held(info.annotation):
                if found not in order:
                    order.append(found)
    return order


def _held(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _held(arg)]


def _cell(info: FieldInfo) -> str:
    text = " ".join((info.description or "").split()).replace("|", "\\|")
    default = info.get_default(call_default_factory=True) if not info.is_required() else None
    if not info.is_required() and default not in (None, [], {}, "") and not isinstance(default, BaseModel):
        text += f" Default: `{json.dumps(default, default=str)}`."
    return text


def main(argv: list[str] | None = None, echo: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description="Regenerate FORMATS.md from brief's models.")
    parser.add_argument("path", nargs="?", default="FORMATS.md")
    parser.add_argument("--check", action="store_true", help="only check that it is current; exit 1 when it is not")
    args = parser.parse_args(argv)
    path = Path(args.path)
    wanted = reference()
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    if current == wanted:
        echo(f"{path}: the format reference is up to date")
        return 0
    if args.check:
        echo(f"{path}: error: the format reference is out of date; run `{COMMAND} {path}`")
        return 1
    path.write_text(wanted, encoding="utf-8")
    echo(f"{path}: format reference regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main(echo=lambda line: print(line, file=sys.stderr)))
