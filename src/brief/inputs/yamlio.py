"""YAML reading with line numbers, and validation errors mapped back to the YAML node.

Stage: input. Used by every reader of YAML (summaries, brief front matter, audience profiles, the option
catalogue). A schema error points at the line of the offending key, as ``path:line: error: ...``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar, get_args

import yaml
from pydantic import BaseModel, ValidationError

from brief.errors import BriefError, Location, raise_all

M = TypeVar("M", bound=BaseModel)


# libyaml's parser when PyYAML has it: a workspace of a few hundred summaries parses in a
# fraction of the pure-Python time, which matters to every build that has to read them.
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """Safe loader that keeps dates as strings the models parse, so `2020-02` and `2020` are
    treated like `2020-02-07` instead of becoming an int or a date depending on their shape."""


# Values a document may hold once its aliases are expanded. A summary holds hundreds; aliases that
# repeat aliases ("billion laughs") multiply a few hundred bytes into billions of values, which
# validation (or printing) would then walk. Counting is linear in the composed nodes.
MAX_VALUES = 200_000


class YamlTooLarge(yaml.YAMLError):
    """A document whose aliases expand past MAX_VALUES, or that nests too deeply to read."""


def expanded_size(node: yaml.Node, limit: int = MAX_VALUES) -> int:
    """How many values the document rooted at `node` has with every alias expanded, counting no
    further than past `limit` (a recursive alias counts as too many). Iterative, so depth costs
    no stack."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        current, children_done = stack.pop()
        key = id(current)
        if isinstance(current, yaml.MappingNode):
            children = [n for pair in current.value for n in pair]
        elif isinstance(current, yaml.SequenceNode):
            children = list(current.value)
        else:
            sizes[key] = 1
            continue
        if children_done:
            sizes[key] = min(limit + 1, 1 + sum(sizes.get(id(c), limit + 1) for c in children))
        elif key not in sizes:
            sizes[key] = limit + 1  # until its children are counted: a cycle stays too many
            stack.append((current, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(node)]


def load_untrusted(text: str, limit: int = MAX_VALUES) -> Any:
    """Parse YAML from an untrusted source (front matter of a raw document): safe types only,
    and YamlTooLarge when aliases expand past `limit` values."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if expanded_size(node, limit) > limit:
            raise YamlTooLarge(f"its aliases expand to more than {limit:,} values")
        try:
            return loader.construct_document(node)
        except RecursionError:
            raise YamlTooLarge("it nests too deeply to read") from None
    finally:
        loader.dispose()


# Drop the timestamp resolver: pydantic parses dates itself, from strings.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str, path: Path, error: type[BriefError], line_offset: int = 0) -> tuple[Any, yaml.Node | None]:
    """Parse YAML text; returns the data and its node tree (for line numbers).

    `line_offset` is added to every line, for YAML embedded in a larger file (front matter).
    """
    try:
        # One parse: compose the node tree (for line numbers) and construct the data from it.
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is not None and expanded_size(node) > MAX_VALUES:
                raise YamlTooLarge(f"its aliases expand to more than {MAX_VALUES:,} values")
            data = loader.construct_document(node) if node is not None else None
        except RecursionError:
            raise YamlTooLarge("it nests too deeply to read") from None
        finally:
            loader.dispose()
    except YamlTooLarge as exc:
        raise error(f"malformed YAML: {exc}", Location(path, line_offset + 1), f"{error.kind}/syntax") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # A problem found at the end of the stream is reported on the last line of the text.
        line = min(mark.line + 1, max(1, len(text.splitlines()))) + line_offset if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise error(f"malformed YAML: {problem}", Location(path, line), f"{error.kind}/syntax") from None
    except yaml.YAMLError as exc:
        raise error(f"malformed YAML: {exc}", Location(path, line_offset + 1 or None), f"{error.kind}/syntax") from None
    return data, node


def node_line(node: yaml.Node | None, loc: tuple[int | str, ...], line_offset: int = 0) -> int | None:
    """The 1-based line of the node at `loc` (a pydantic error location) in a YAML node tree.

    Walks as deep as the tree allows: an unknown key points at the key itself, a missing key at
    the mapping that lacks it.
    """
    if node is None:
        return None
    current, line = node, node.start_mark.line
    for part in loc:
        if isinstance(current, yaml.MappingNode) and isinstance(part, str):
            match = next(((k, v) for k, v in current.value if k.value == part), None)
            if match is None:
                break
            line, current = match[0].start_mark.line, match[1]
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int) and part < len(current.value):
            current = current.value[part]
            line = current.start_mark.line
        else:
            break
    return line + 1 + line_offset


def validate(
    model: type[M],
    data: Any,
    path: Path,
    node: yaml.Node | None,
    error: type[BriefError],
    line_offset: int = 0,
    context: dict[str, Any] | None = None,
) -> M:
    """Validate `data` against `model`; every schema error is reported at once with its line."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        problems: list[BriefError] = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            line = node_line(node, loc, line_offset)
            message = _describe(err, loc)
            if err["type"] == "missing" and (purpose := field_help(model, loc)):
                message += f": {purpose[:1].lower()}{purpose[1:].rstrip('.')}"  # what the key is for
            problems.append(error(message, Location(path, line), f"{error.kind}/schema"))
        raise_all(problems)
        raise AssertionError("unreachable: pydantic reports at least one error") from None


def field_help(model: type[BaseModel], loc: tuple[int | str, ...]) -> str | None:
    """The description of the field at `loc` (``("figures", 2, "quote")``) in `model`, following
    lists and nested models."""
    current: Any = model
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return None
        info = fields[part]
        current = _model_in(info.annotation)
    return info.description if info is not None else None


def _model_in(annotation: Any) -> Any:
    """The model a field holds, through list[...] and X | None; None when it holds no model."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _describe(err: Any, loc: tuple[int | str, ...]) -> str:
    where = _dotted(loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        parent = _dotted(loc[:-1])
        return f"unknown key '{loc[-1]}'" + (f" in {parent}" if parent else "")
    if kind == "missing":
        return f"missing required key '{where}'"
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    return f"{where}: {msg}" if where else msg


def _dotted(loc: tuple[int | str, ...]) -> str:
    """('figures', 2, 'value') -> 'figures[2].value'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_text(path: Path, error: type[BriefError]) -> str:
    """An input file's text; an unreadable or non-UTF-8 file is an error of its kind, at the line
    of the first byte that is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", Location(path), f"{error.kind}/unreadable") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        message, line = utf8_problem(data, exc)
        raise error(message, Location(path, line), f"{error.kind}/unreadable") from None


def utf8_problem(data: bytes, exc: UnicodeDecodeError) -> tuple[str, int]:
    """What to say of a file that is not UTF-8, and the line of its first bad byte."""
    line = data[: exc.start].count(b"\n") + 1
    column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
    return f"not UTF-8 text (byte {data[exc.start]:#04x} at column {column}); save the file as UTF-8", line
