"""Assembly: a brief, its sources and an audience become one Memo, the document every renderer draws.

Modules: :mod:`.assembler` (the stage itself), :mod:`.memo` (the document model), :mod:`.context`
(what templates may use), :mod:`.blocks` (Markdown to Memo blocks), :mod:`.markers` (what travels
through that Markdown), :mod:`.footnotes` (citations numbered in reading order), :mod:`.citations`
(note and bibliography text), :mod:`.portions` (portion marks and the banner), :mod:`.conflicts`,
:mod:`.events` and :mod:`.figuretext`.
"""
