"""Charts: a key-figures chart and a timeline of dated events, as SVG and PNG with alt text.

Stage: charts, drawn for assembly. A section template asks for a chart with
``{{ chart("figures") }}`` or ``{{ chart("timeline") }}``; the assembler draws it from the figures
and events the memo cites, and the renderers place it: SVG in HTML and PDF, PNG in DOCX. Modules:
:mod:`.fonts` (font files and text measurement), :mod:`.drawing` (primitives and backends),
:mod:`.figures` and :mod:`.timeline` (the two charts).
"""

from brief.charts.drawing import ChartImage
from brief.charts.figures import FigurePoint, figures_chart
from brief.charts.timeline import EventPoint, timeline_chart

__all__ = ["ChartImage", "EventPoint", "FigurePoint", "figures_chart", "timeline_chart"]
