"""Inputs: everything brief reads, parsed into typed models and checked, before anything is made.

Modules: :mod:`.models` (the typed input formats), :mod:`.yamlio` (YAML with line numbers),
:mod:`.summaries` (``seeds/*.yaml``), :mod:`.catalogue` (``options.yaml``), :mod:`.spec`
(``briefs/*.md``), :mod:`.audiences` (audience profiles), :mod:`.markings` (portion marks),
:mod:`.templating` (template lookup) and :mod:`.project` (what a brief means: its sources and
audiences, read once and cross-checked). Nothing here writes or renders.
"""
