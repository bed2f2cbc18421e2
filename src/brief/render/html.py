"""HTML renderer: the memo as a self-contained web page, and the input of the PDF renderer.

Stage: render. Consumes a Memo and the audience's layout templates (``layout.html``,
``memo.css``, found through :class:`~brief.inputs.templating.Templates`); produces UTF-8 HTML with
the stylesheet inlined, so the page needs nothing else to display or print.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from markupsafe import Markup

from brief import __version__
from brief.assemble.context import LayoutContext
from brief.assemble.memo import Memo
from brief.inputs.models import AudienceProfile
from brief.inputs.templating import Templates, guard
from brief.render import Rendered, RenderJob


def render_html(memo: Memo, profile: AudienceProfile, templates: Templates, created: date) -> str:
    """The HTML page of a memo: its layout template filled, with the stylesheet inlined."""
    css_template = templates.get(templates.html, profile.stylesheet)
    css: str = guard(lambda: css_template.render(memo=memo, audience=profile), profile.stylesheet)
    context = LayoutContext(memo=memo, audience=profile, css=Markup(css), generator=f"brief {__version__}", created=created)
    layout = templates.get(templates.html, profile.layout)
    html: str = guard(lambda: layout.render(context.as_dict()), profile.layout)
    return html


class HtmlRenderer:
    """Returns the page :func:`render_html` made (the layout needs templates, which a renderer
    does not see), so the HTML file is byte for byte what the PDF was laid out from."""

    name: ClassVar[str] = "html"

    def render(self, memo: Memo, job: RenderJob) -> Rendered:
        assert job.html is not None, "the pipeline renders HTML before any renderer runs"
        return Rendered(self.name, job.html.encode("utf-8"))
