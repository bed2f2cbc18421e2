"""The file formats, documented from the models: FORMATS.md is current, `brief schema` prints
JSON Schema that describes what the loaders accept, and a missing key says what it is for."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import REPO, brief

from brief.authoring.formats import main as formats_main


def test_formats_md_is_current() -> None:
    lines: list[str] = []
    assert formats_main([str(REPO / "FORMATS.md"), "--check"], echo=lines.append) == 0, lines
    text = (REPO / "FORMATS.md").read_text(encoding="utf-8")
    assert "| `quote` | `str` | yes | Shortest verbatim span of the source holding the number. |" in text
    assert "| `from` | `str \\| None` | no | FROM line" in text  # the YAML key, not the Python name
    assert "0x" not in text  # no object reprs


def test_schema_prints_json_schema_for_each_format(tmp_path: Path) -> None:
    result = brief(tmp_path, "schema", "summary")
    assert result.exit_code == 0
    summary = json.loads(result.output)
    assert summary["$schema"].endswith("2020-12/schema") and set(summary["required"]) == {"id", "title"}
    assert summary["properties"]["figures"]["description"].startswith("The numbers the source gives")
    front = json.loads(brief(tmp_path, "schema", "brief").output)
    assert "from" in front["properties"] and "from_" not in front["properties"]
    assert set(front["required"]) == {"title", "subject", "date"}
    options = json.loads(brief(tmp_path, "schema", "options").output)
    assert options["type"] == "array" and set(options["items"]["required"]) == {"id", "title"}


def test_a_missing_key_says_what_it_is_for(tmp_path: Path) -> None:
    brief(tmp_path, "init", "ws")
    ws = tmp_path / "ws"
    spec = ws / "briefs" / "example.md"
    spec.write_text(spec.read_text(encoding="utf-8").replace("title: Westmere Port Security Options\n", ""), encoding="utf-8")
    result = brief(ws, "build", "--quiet")
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == "briefs/example.md:2: error: missing required key 'title': the memo's title, as a reader sees it first [spec/schema]"
    )
