"""Markings fail safe: a source without a marking under a scheme is an error, never taken for the publishable
level (the public brief cited an unmarked internal memo when the scheme was named but no source marked), and a
level spelled another way is refused with the level it means."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import edit, model, run, save_model
from tests.marked import marked_workspace


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return marked_workspace(tmp_path)


def _unmark_sources(ws: Path) -> None:
    path = ws / "seeds/sources.yaml"
    text = path.read_text(encoding="utf-8").replace("    marking: TLP:CLEAR\n", "")
    path.write_text(text.replace('    marking: "TLP:AMBER"\n', ""), encoding="utf-8")


def test_a_named_scheme_with_no_source_marked_publishes_nothing(ws: Path) -> None:
    _unmark_sources(ws)
    result = run(ws, "build", "-a", "public")
    assert result.exit_code == 1
    for i, source in enumerate(("gsw-ai-arms-race", "ai-digest-top-priority", "cell7-memo")):
        assert (f"sources[{i}].marking: source '{source}' has no marking, while the catalogue names a marking "
                "scheme (`markings:`)") in result.output, result.output
    assert "none assumed publishable" in result.output
    assert not (ws / "output/public.pdf").exists()


def test_items_marked_and_sources_not_is_an_error(ws: Path) -> None:
    _unmark_sources(ws)
    edit(ws / "seeds/sources.yaml", "markings: tlp\n", "")
    data = model(ws)
    data["judgments"][0]["marking"] = "TLP:AMBER"
    save_model(ws, data)
    result = run(ws, "check")
    assert result.exit_code == 1
    assert "source 'cell7-memo' has no marking, while items of the model carry markings" in result.output


@pytest.mark.parametrize("typed", ["tlp:amber", "TLP: AMBER", "TLP:AMBER ", "TLP_AMBER"])
def test_a_marking_spelled_another_way_is_refused_with_the_level_it_means(ws: Path, typed: str) -> None:
    edit(ws / "seeds/sources.yaml", 'marking: "TLP:AMBER"', f'marking: "{typed}"')
    result = run(ws, "build", "-a", "public")
    assert result.exit_code == 1
    assert f"sources[2].marking: unknown marking '{typed}'" in result.output
    assert "hint: did you mean 'TLP:AMBER'? A marking is typed exactly as the scheme lists it" in result.output
    assert not (ws / "output/public.pdf").exists()


def test_a_ceiling_spelled_another_way_is_refused_with_the_level_it_means(ws: Path) -> None:
    shipped = (Path(__file__).parents[1] / "briefgen/templates/public.yaml").read_text(encoding="utf-8")
    (ws / "templates/public.yaml").write_text(shipped.replace("ceiling: lowest", "ceiling: tlp:clear"),
                                              encoding="utf-8")
    result = run(ws, "build", "-a", "public")
    assert result.exit_code == 1
    assert "ceiling: unknown marking 'tlp:clear'" in result.output
    assert "did you mean 'TLP:CLEAR'?" in result.output


def test_a_profile_without_a_ceiling_is_refused_once_anything_is_marked_above_the_lowest(ws: Path) -> None:
    """A public profile kept from before markings (no `ceiling:`) showed the AMBER memo to the public."""
    shipped = (Path(__file__).parents[1] / "briefgen/templates/public.yaml").read_text(encoding="utf-8")
    (ws / "templates/public.yaml").write_text(shipped.replace("ceiling: lowest", "# (before markings)"),
                                              encoding="utf-8")
    for command in ("build", "check"):
        result = run(ws, command)
        assert result.exit_code == 1
        assert ("templates/public.yaml:2:1: ceiling: not set, while the workspace marks material TLP:AMBER (above "
                "the publishable TLP:CLEAR): an audience is not shown everything by default") in result.output
        assert "`ceiling: highest` shows it everything" in result.output
    assert not (ws / "output").exists() or not list((ws / "output").glob("*.pdf"))


def test_a_profile_without_a_ceiling_is_fine_when_everything_is_publishable(ws: Path) -> None:
    path = ws / "seeds/sources.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"TLP:AMBER"', "TLP:CLEAR"), encoding="utf-8")
    data = model(ws)
    data["brief"].pop("releasable")
    save_model(ws, data)
    shipped = (Path(__file__).parents[1] / "briefgen/templates/public.yaml").read_text(encoding="utf-8")
    (ws / "templates/public.yaml").write_text(shipped.replace("ceiling: lowest", ""), encoding="utf-8")
    result = run(ws, "build", "-a", "public", "-f", "pdf")
    assert result.exit_code == 0, result.output


def test_a_marking_with_a_look_alike_letter_is_refused_and_says_why(ws: Path) -> None:
    edit(ws / "seeds/sources.yaml", 'marking: "TLP:AMBER"', 'marking: "\u0422LP:AMBER"')  # Cyrillic Te
    result = run(ws, "build", "-a", "public")
    assert result.exit_code == 1
    assert "sources[2].marking: String should match pattern" in result.output
    assert "a letter of another script that looks the same is not" in result.output
    assert not (ws / "output/public.pdf").exists()
