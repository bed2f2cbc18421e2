"""Authoring: tools for analysts who tailor audiences and templates, beside the build.

Modules: :mod:`.listing` (``brief templates list``), :mod:`.show` (``brief templates show``),
:mod:`.scaffold` (``brief templates new``), :mod:`.common` (what they share) and :mod:`.reference`
(the template context reference in TEMPLATES.md, generated from code).
"""
