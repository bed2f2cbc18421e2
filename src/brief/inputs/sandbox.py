"""A Jinja sandbox with bounds, for the analyst's prose and for every template alike.

Stage: input (the environments :mod:`.templating` and assembly render with). Template packs pass
between offices and prose is pasted from anywhere, so both run in Jinja's sandbox: no attribute
that reaches Python's internals (``cycler.__init__.__globals__``), no unsafe call. On top of the
sandbox, work is bounded, so a template cannot hang a build or exhaust its memory:

- every text a template makes (a ``~`` or ``+`` of strings, a ``*`` repetition, a rendered
  template) is at most :data:`MAX_TEXT` characters, and integers at most :data:`MAX_INT_BITS`;
- ``range()`` hands out at most :data:`MAX_STEPS` items over one memo, counted as it goes, so
  nested loops stop however they are written;
- each memo has a wall-clock budget, checked at every call, every range step and every chunk a
  template writes.

Passing a bound raises :class:`LimitExceeded`, a Jinja template error, so it becomes a located
error like any other template error. Budgets are per memo: :func:`budget` opens one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import GeneratorType
from typing import Any

import jinja2
from jinja2 import runtime
from jinja2.sandbox import SandboxedEnvironment

MAX_TEXT = 2_000_000  # characters; a whole staff memo's HTML is about 100,000
MAX_STEPS = 2_000_000  # range() items over one memo; a template needs a handful
MAX_INT_BITS = 4096
MEMO_SECONDS = 60.0  # a memo's templates and prose; a memo takes one or two seconds


class LimitExceeded(jinja2.TemplateRuntimeError):
    """A template or prose went past a bound of the sandbox. `filename` and `lineno` say where,
    when the template was not itself running at the moment (it had just written a chunk)."""

    def __init__(self, message: str, filename: str | None = None, lineno: int | None = None) -> None:
        super().__init__(message)
        self.filename = filename
        self.lineno = lineno


@dataclass
class Budget:
    """The work one memo's templates and prose may still do."""

    seconds: float = MEMO_SECONDS
    steps: int = MAX_STEPS
    deadline: float = field(init=False)

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"the memo's templates ran past their time budget of {self.seconds:g} s")

    def take(self, steps: int) -> None:
        self.steps -= steps
        if self.steps < 0:
            raise LimitExceeded(f"the memo's templates looped more than {MAX_STEPS:,} times")
        self.check()


_CURRENT: ContextVar[Budget | None] = ContextVar("brief_template_budget", default=None)


@contextmanager
def budget(seconds: float = MEMO_SECONDS) -> Iterator[Budget]:
    """A fresh budget for the templates and prose rendered inside the block (one memo)."""
    current = Budget(seconds)
    token = _CURRENT.set(current)
    try:
        yield current
    finally:
        _CURRENT.reset(token)


def _budget() -> Budget:
    # Rendering outside any memo's budget (a test, `brief templates`) gets a fresh one each time.
    current = _CURRENT.get()
    return current if current is not None else Budget()


class _Range:
    """range() for templates: counts what it hands out against the memo's budget."""

    def __init__(self, *args: int) -> None:
        self.range = range(*args)
        if len(self.range) > MAX_STEPS:
            raise LimitExceeded(f"a template asked for a range of more than {MAX_STEPS:,} numbers")

    def __iter__(self) -> Iterator[int]:
        spent = _budget()
        chunk = 1000
        for start in range(0, len(self.range), chunk):
            part = self.range[start : start + chunk]
            spent.take(len(part))
            yield from part

    def __len__(self) -> int:
        return len(self.range)

    def __getitem__(self, index: int) -> int:
        return self.range[index]

    def __repr__(self) -> str:
        return repr(self.range)


def _size(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


def _checked_text(parts: Iterable[Any]) -> list[str]:
    texts = [runtime.soft_str(part) for part in parts]
    if sum(map(len, texts)) > MAX_TEXT:
        raise LimitExceeded(f"a template made a text longer than {MAX_TEXT:,} characters")
    return texts


def _str_join(seq: Iterable[Any]) -> str:
    return "".join(_checked_text(seq))


def _markup_join(seq: Iterable[Any]) -> str:
    items = list(seq)
    _checked_text(items)
    joined: str = runtime.markup_join(items)
    return joined


class _BoundedTemplate(jinja2.Template):
    @classmethod
    def _from_namespace(
        cls, environment: jinja2.Environment, namespace: MutableMapping[str, Any], globals: MutableMapping[str, Any]
    ) -> jinja2.Template:
        # Compiled templates join `a ~ b` with these runtime helpers, looked up in the template's
        # own namespace: the bounded versions stand in for them.
        namespace["str_join"] = _str_join
        namespace["markup_join"] = _markup_join
        template = super()._from_namespace(environment, namespace, globals)
        template.root_render_func = _bounded_render(template)
        return template


def _bounded_render(template: jinja2.Template) -> Callable[[runtime.Context], Iterator[str]]:
    """A template's render function that counts what it writes, chunk by chunk, and checks the
    time as it goes: every way of rendering (render, generate, a module) goes through it."""
    root = template.root_render_func

    def render(context: runtime.Context) -> Iterator[str]:
        spent = _budget()
        total = 0
        chunks = root(context)
        for chunk in chunks:
            total += len(chunk)
            try:
                if total > MAX_TEXT:
                    raise LimitExceeded(f"a template rendered more than {MAX_TEXT:,} characters")
                spent.check()
            except LimitExceeded as exc:
                # The template is paused at the line that wrote this chunk: that is where it is.
                frame = chunks.gi_frame if isinstance(chunks, GeneratorType) else None
                exc.filename = template.filename or "<template>"
                exc.lineno = template.get_corresponding_lineno(frame.f_lineno) if frame is not None else None
                raise
            yield chunk

    return render


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with the bounds above; otherwise a normal Environment."""

    template_class = _BoundedTemplate
    intercepted_binops = frozenset({"*", "**", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _Range
        self.globals.pop("lipsum", None)  # lipsum(n=10**9) would write a billion words
        for name in ("center", "indent", "wordwrap", "truncate"):
            self.filters[name] = _bounded_filter(self.filters[name])

    def call_binop(self, context: runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for text, times in ((left, right), (right, left)):
                length = _size(text)
                if length is not None and isinstance(times, int) and length * times > MAX_TEXT:
                    raise LimitExceeded(f"a template repeated a text past {MAX_TEXT:,} characters")
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and max(abs(left).bit_length(), 1) * right > MAX_INT_BITS:
                raise LimitExceeded(f"a template made a number of more than {MAX_INT_BITS} bits")
        elif operator == "+":
            a, b = _size(left), _size(right)
            if a is not None and b is not None and a + b > MAX_TEXT:
                raise LimitExceeded(f"a template made a text longer than {MAX_TEXT:,} characters")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _budget().check()
        return super().call(__context, __obj, *args, **kwargs)


def _bounded_filter(function: Any) -> Any:
    """A width filter (center, indent, wordwrap, truncate) that refuses widths no page has."""

    name = function.__name__.removeprefix("do_")

    def bounded(*args: Any, **kwargs: Any) -> Any:
        numbers = [a for a in (*args[1:], *kwargs.values()) if isinstance(a, int) and not isinstance(a, bool)]
        if any(abs(n) > 10_000 for n in numbers):
            raise LimitExceeded(f"a template asked the {name} filter for a width past 10,000")
        return function(*args, **kwargs)

    bounded.__name__ = function.__name__
    # Jinja passes the environment or context to filters that ask for them by these markers.
    for marker in ("jinja_pass_arg",):
        if hasattr(function, marker):
            setattr(bounded, marker, getattr(function, marker))
    return bounded
