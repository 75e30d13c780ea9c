"""What a template can reach (render/sandbox.py): the attributes of plain data and of jinja's own objects, and
nothing of any other object in its context (a path, a model, a callable's state)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError

from briefgen.render.templating import environment


@dataclass
class Holder:
    secret: str = "withheld"

    def __call__(self, text: str) -> str:
        return text.upper()


def _render(folder: Path, source: str, **context: object) -> str:
    """`source` rendered as briefgen renders a brief's template (the same environment)."""
    (folder / "macros.j2").write_text("{% macro shout(x) %}{{ x|upper }}{% endmacro %}", encoding="utf-8")
    (folder / "page.j2").write_text(source, encoding="utf-8")
    return environment(folder).get_template("page.j2").render(**context)


@pytest.mark.parametrize("source", [
    "{{ holder.secret }}", "{{ holder['secret'] }}", "{{ holder|attr('secret') }}", "{{ where.parent }}",
    "{{ where.read_text() }}", "{{ where.joinpath('x') }}", "{{ holder.__call__ }}",
])
def test_an_object_that_is_not_plain_data_is_opaque(source: str, tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("outside", encoding="utf-8")
    with pytest.raises(SecurityError):
        _render(tmp_path, source, holder=Holder(), where=tmp_path / "file.txt")


def test_plain_data_and_jinjas_own_objects_stay_open(tmp_path: Path) -> None:
    source = ("{% import 'macros.j2' as m %}{% set ns = namespace(n=0) %}{% set c = cycler('a', 'b') %}"
              "{% for item in items %}{{ loop.index }}{{ c.next() }}{{ item.name.title() }}"
              "{{ item.tags|join(',') }}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}{{ m.shout('x') }}"
              "{{ data.keys()|list|length }}{{ (3.5).is_integer() }}{{ range(3).stop }}{{ holder('call') }}")
    items = [{"name": "alpha", "tags": ["a", "b"]}, {"name": "beta", "tags": []}]
    assert _render(tmp_path, source, items=items, data={"k": 1}, holder=Holder()) == "1aAlphaa,b2bBeta2X1False3CALL"
