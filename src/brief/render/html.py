"""HTML renderer: the memo as a self-contained web page, and the input of the PDF renderer.

Stage: render. Consumes a Memo and the audience's layout templates (``layout.html``,
``memo.css``, found through :class:`~brief.templating.Templates`); produces UTF-8 HTML with the
stylesheet inlined, so the page needs nothing else to display or print.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from markupsafe import Markup

from brief import __version__
from brief.audiences import Audience
from brief.context import LayoutContext
from brief.memo import Memo
from brief.render import RenderJob
from brief.templating import Templates, guard


def render_html(memo: Memo, audience: Audience, templates: Templates, created: date) -> str:
    profile = audience.profile
    css_template = templates.get(templates.html, profile.stylesheet)
    css = guard(lambda: css_template.render(memo=memo, audience=profile), profile.stylesheet)
    context = LayoutContext(memo=memo, audience=profile, css=Markup(css), generator=f"brief {__version__}", created=created)
    layout = templates.get(templates.html, profile.layout)
    return guard(lambda: layout.render(context.as_dict()), profile.layout)  # type: ignore[no-any-return]


class HtmlRenderer:
    """Returns the HTML the build already rendered (the layout needs templates, which a
    renderer does not see)."""

    name: ClassVar[str] = "html"
    suffix: ClassVar[str] = ".html"

    def render(self, memo: Memo, job: RenderJob) -> bytes:
        assert job.html is not None, "the build renders HTML before any renderer runs"
        return job.html.encode("utf-8")
