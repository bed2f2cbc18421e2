"""Audience profiles: who a memo is for and what it may contain.

Stage: input. A profile is ``<name>/audience.yaml`` in the workspace's ``templates/`` folder or
among brief's built-in templates (``principal``, ``staff``, ``public``); the workspace wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from brief.errors import AudienceError, Location
from brief.inputs.models import AudienceProfile
from brief.inputs.templating import BUILTIN
from brief.inputs.yamlio import node_line, parse_yaml, read_text, validate


@dataclass(frozen=True)
class Audience:
    profile: AudienceProfile
    path: Path  # the profile file
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # "sections[2]" -> its line in the profile

    def location(self, key: str) -> Location:
        """Where a key of the profile is (``layout``, ``sections[2]``), for errors about it."""
        return Location(self.path, self.lines.get(key))

    @property
    def name(self) -> str:
        return self.profile.name

    def reference_docx(self) -> Path | None:
        if not self.profile.reference_docx:
            return None
        return (self.path.parent / self.profile.reference_docx).resolve()


def available_audiences(workspace_templates: Path) -> dict[str, Path]:
    """Audience name -> profile path, workspace profiles overriding built-in ones."""
    found: dict[str, Path] = {}
    for root in (BUILTIN, workspace_templates):
        if root.is_dir():
            for profile in sorted(root.glob("*/audience.yaml")):
                found[profile.parent.name] = profile
    return found


def load_audience(name: str, workspace_templates: Path, where: Location | None = None) -> Audience:
    profiles = available_audiences(workspace_templates)
    path = profiles.get(name)
    if path is None:
        known = ", ".join(sorted(profiles)) or "none"
        raise AudienceError(f"unknown audience '{name}' (known: {known})", where, "audience/unknown")
    data, node = parse_yaml(read_text(path, AudienceError), path, AudienceError)
    if not isinstance(data, dict):
        raise AudienceError("an audience profile must be a YAML mapping", Location(path, 1))
    profile = validate(AudienceProfile, data, path, node, AudienceError)
    if profile.name != name:
        raise AudienceError(f"profile name '{profile.name}' does not match its folder '{name}'", Location(path, 1))
    lines = {key: line for key in type(profile).model_fields if (line := _line(node, key)) is not None}
    for key in ("sections", "tabs"):
        lines.update({f"{key}[{i}]": line for i in range(len(getattr(profile, key))) if (line := _line(node, key, i)) is not None})
    audience = Audience(profile, path, lines)
    reference = audience.reference_docx()
    if reference is not None and not reference.is_file():
        raise AudienceError(f"reference_docx '{profile.reference_docx}' does not exist", audience.location("reference_docx"))
    return audience


def _line(node: yaml.Node | None, *loc: str | int) -> int | None:
    # node_line walks as far as the tree goes; only a key that is there has a line of its own.
    if node is None or not isinstance(node, yaml.MappingNode) or not any(k.value == loc[0] for k, _ in node.value):
        return None
    return node_line(node, loc)
