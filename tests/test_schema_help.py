"""The JSON Schemas editors read: every field has a description (hover help), and the copies shipped in
briefgen/schema/ (which the example workspace's `$schema` lines name) are what `briefgen schema` prints."""

from __future__ import annotations

import json
from typing import Any

import pytest

from briefgen.model.schema import Catalogue, Summary, json_schema
from tests.conftest import ROOT
from tests.helpers import run


def undescribed(schema: dict[str, Any]) -> list[str]:
    missing = [f"{name}.{field}" for name, part in [("(top)", schema), *schema.get("$defs", {}).items()]
               for field, prop in part.get("properties", {}).items() if not prop.get("description")]
    return missing


@pytest.mark.parametrize("model", [Summary, Catalogue])
def test_every_field_has_a_description(model: type[Summary] | type[Catalogue]) -> None:
    schema = json_schema(model)
    assert undescribed(schema) == []
    assert schema.get("$defs")  # the nested models (Brief, Judgment… or Source) are walked too


def test_descriptions_say_what_a_field_holds() -> None:
    source = json_schema(Catalogue)["$defs"]["Source"]["properties"]
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in source["published"]["description"]
    assert "ICD 206" in source["descriptor"]["description"]


@pytest.mark.parametrize("which", ["summary", "sources"])
def test_shipped_schema_files_are_current(which: str) -> None:
    printed = json.loads(run(ROOT, "schema", which).output)
    assert json.loads((ROOT / "briefgen" / "schema" / f"{which}.schema.json").read_text(encoding="utf-8")) == printed
