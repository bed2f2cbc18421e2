"""HTML renderer: the memo as a self-contained web page, and the input of the PDF renderer.

Stage: render. Consumes a Memo and the audience's layout templates (``layout.html``,
``memo.css``, found through :class:`~brief.inputs.templating.Templates`); produces UTF-8 HTML with
the stylesheet inlined, so the page needs nothing else to display or print.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

import jinja2
from markupsafe import Markup

from brief import __version__
from brief.assemble.context import LayoutContext
from brief.assemble.memo import Memo
from brief.errors import MissingTemplateError
from brief.inputs.audiences import Audience
from brief.inputs.templating import Templates, guard
from brief.render import Rendered, RenderJob


def render_html(memo: Memo, audience: Audience, templates: Templates, created: date) -> str:
    """The HTML page of a memo: its layout template filled, with the stylesheet inlined."""
    profile = audience.profile
    css_template = _named(audience, templates, "stylesheet", profile.stylesheet)
    css: str = guard(lambda: css_template.render(memo=memo, audience=profile), profile.stylesheet)
    context = LayoutContext(memo=memo, audience=profile, css=Markup(css), generator=f"brief {__version__}", created=created)
    layout = _named(audience, templates, "layout", profile.layout)
    html: str = guard(lambda: layout.render(context.as_dict()), profile.layout)
    return html


def _named(audience: Audience, templates: Templates, key: str, name: str) -> jinja2.Template:
    """The template a profile names; when it is missing, the error points at the profile's line."""
    try:
        return templates.get(templates.html, name)
    except MissingTemplateError as exc:
        if exc.missing == name:
            exc.location = audience.location(key)
        raise


class HtmlRenderer:
    """Returns the page :func:`render_html` made (the layout needs templates, which a renderer
    does not see), so the HTML file is byte for byte what the PDF was laid out from."""

    name: ClassVar[str] = "html"

    def render(self, memo: Memo, job: RenderJob) -> Rendered:
        assert job.html is not None, "the pipeline renders HTML before any renderer runs"
        return Rendered(self.name, job.html.encode("utf-8"))
