"""Starting from the documents: `seeds show`, `seeds update`, newer versions noticed by `seeds add`, short ids,
and coverage and suggest on a catalogue that is not complete yet."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefgen.cli.main import cli
from tests.helpers import SEED_002, append_entry, lines_pdf, run
from tests.seed_fixtures import pdf_seed

PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        "<link rel='canonical' href='{url}'><meta property='og:site_name' content='Gulf Ledger'></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav><article><h1>{title}</h1>"
        "<p>Governments in the Gulf are racing to secure advanced processors before the new rules apply.</p>"
        "<p>Two sovereign funds have placed orders worth a combined $4.2 billion, one executive said.</p>"
        "<p>About two-thirds of pending orders could still need a licence, analysts say.</p></article>"
        "<footer><p>Copyright 2026 Gulf Ledger</p></footer></body></html>")
TITLE = "Gulf buyers and the chip rule: notes from the field"


def page(path: Path, title: str = TITLE, url: str = "https://ledger.example/gulf-chips") -> Path:
    path.write_text(PAGE.format(title=title, url=url), encoding="utf-8")
    return path


def add(ws: Path, *files: Path) -> str:
    result = CliRunner().invoke(cli, ["-C", str(ws), "seeds", "add", *map(str, files)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_show_prints_numbered_paragraphs_as_footnotes_cite_them(workspace: Path) -> None:
    result = run(workspace, "seeds", "show", "ai-digest-top-priority")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    text = (workspace / SEED_002).read_text(encoding="utf-8")
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(lines) == len(paragraphs)
    assert lines[6] == f" ¶7  {paragraphs[6]}"


def test_show_grep_keeps_the_paragraphs_holding_the_words(workspace: Path) -> None:
    result = run(workspace, "seeds", "show", "ai-digest-top-priority", "--grep", "$457 MILLION")
    assert result.exit_code == 0
    assert [line.split("  ")[0].strip() for line in result.output.splitlines()] == ["¶22"]
    none = run(workspace, "seeds", "show", "ai-digest-top-priority", "--grep", "no such words here")
    assert none.exit_code == 0 and "no paragraph of seeds/002_828a4c93c67805e5.txt holds" in none.output


def test_show_gives_page_and_paragraph_in_a_pdf(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    assert run(tmp_path, "init", str(ws)).exit_code == 0
    page_no, on_page, _ = pdf_seed(tmp_path / "report.pdf")
    add(ws, tmp_path / "report.pdf")
    shown = run(ws, "seeds", "show", _only_id(ws)).output.splitlines()
    assert any(line.strip().startswith(f"p. {page_no}, ¶{on_page}  ") for line in shown)


def _only_id(ws: Path) -> str:
    text = (ws / "seeds/sources.yaml").read_text(encoding="utf-8")
    return text.split("- id: ")[1].split()[0]


def test_show_names_the_known_ids_for_an_unknown_one(workspace: Path) -> None:
    result = run(workspace, "seeds", "show", "nowhere")
    assert result.exit_code == 1
    assert "seeds/sources.yaml: no source with id 'nowhere'" in result.output
    assert "hint: known sources: ai-digest-top-priority, gsw-ai-arms-race" in result.output


def test_default_ids_are_a_few_significant_words(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    run(tmp_path, "init", str(ws))
    out = add(ws, page(tmp_path / "gulf-buyers-and-the-chip-rule-notes-from-the-field.html"))
    assert "catalogued as gulf-buyers-chip-rule " in out


def test_adding_a_newer_version_warns_and_suggests_update(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    run(tmp_path, "init", str(ws))
    add(ws, page(tmp_path / "first.html"))
    out = add(ws, page(tmp_path / "again.html", title="Gulf buyers race the chip rule"))
    assert "warning: this may be a newer version of a catalogued source: its canonical URL is that of source " \
           "'gulf-buyers-chip-rule'" in out
    assert "`briefgen seeds update gulf-buyers-chip-rule FILE`" in out
    out = add(ws, page(tmp_path / "moved.html", url="https://elsewhere.example/x"))
    assert "its title is that of source 'gulf-buyers-chip-rule'" in out


def test_one_document_added_twice_in_one_run_is_noticed(tmp_path: Path) -> None:
    """A web page and the same report as Markdown, added in one run: both are catalogued, the second with a
    warning naming the first (the catalogue the run started from held neither, so nothing else could say so)."""
    ws = tmp_path / "ws"
    run(tmp_path, "init", str(ws))
    notes = tmp_path / "notes.md"
    notes.write_text(f"---\ntitle: \"{TITLE}\"\n---\n\nBuyers in the Gulf met the rule.\n", encoding="utf-8")
    other = page(tmp_path / "other.html", title="Something else entirely", url="https://other.example/a")
    out = add(ws, page(tmp_path / "first.html"), notes, other)
    warnings = [line.strip() for line in out.splitlines() if "warning:" in line]
    assert warnings == [f"warning: its title is that of {tmp_path / 'first.html'}, added with it as "
                        "'gulf-buyers-chip-rule': if the two are one document in two formats, cite one and remove "
                        "the other's entry"], out
    assert "catalogued as gulf-buyers-chip-rule-2 " in out and "catalogued as something-else-entirely " in out


def test_coverage_and_suggest_run_on_an_incomplete_catalogue(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    run(tmp_path, "init", str(ws))
    add(ws, page(tmp_path / "gulf.html"))
    assert run(ws, "check").exit_code == 1  # kind and descriptor are not filled in yet
    coverage = run(ws, "coverage")
    assert coverage.exit_code == 0, coverage.output
    assert "Two sovereign funds have placed orders" in coverage.output
    suggest = run(ws, "suggest")
    assert suggest.exit_code == 0, suggest.output
    assert "4.2 billion" in suggest.output


def test_update_reports_moved_and_vanished_passages(workspace: Path, tmp_path: Path) -> None:
    text = (workspace / SEED_002).read_text(encoding="utf-8")
    newer = tmp_path / "newer.txt"
    newer.write_text("An editor's note now opens the article.\n" + text.replace("$457 million", "some money"),
                     encoding="utf-8")
    result = run(workspace, "seeds", "update", "ai-digest-top-priority", str(newer))
    assert result.exit_code == 1
    assert "cited passages: 0 in place, 21 moved, 2 gone" in result.output
    assert "  moved: kj-ai-top-priority: ¶7 -> ¶8" in result.output
    assert "figures[2].evidence[0].passage: fig-russian-return: passage no longer in " \
           "seeds/002_828a4c93c67805e5.txt (the new version)" in result.output
    assert "hint: closest text (¶23, " in result.output
    assert (workspace / SEED_002).read_bytes() == newer.read_bytes()
    assert "accessed: \"20" in (workspace / "seeds/sources.yaml").read_text(encoding="utf-8")


def test_update_with_every_passage_in_place_exits_0(workspace: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.txt"
    newer.write_text((workspace / SEED_002).read_text(encoding="utf-8") + "\nA correction was appended.\n",
                     encoding="utf-8")
    result = run(workspace, "seeds", "update", "ai-digest-top-priority", str(newer))
    assert result.exit_code == 0, result.output
    assert "cited passages: 23 in place, 0 moved, 0 gone" in result.output and "moved:" not in result.output
    assert run(workspace, "check").exit_code == 0


def test_update_dates_the_right_entry_after_a_line_break_only_yaml_sees(workspace: Path, tmp_path: Path) -> None:
    """A U+2028 in a quoted value earlier in the catalogue: the lines `accessed` is found on are an editor's,
    and so are the lines the date is written into (str.splitlines counts one more)."""
    catalogue = workspace / "seeds/sources.yaml"
    before = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(before.replace('short_title: AI "top priority" for drones',
                                        "short_title: \"AI \u2028top priority for drones\""), encoding="utf-8")
    newer = tmp_path / "newer.txt"
    newer.write_text((workspace / SEED_002).read_text(encoding="utf-8") + "\nA correction was appended.\n",
                     encoding="utf-8")
    result = run(workspace, "seeds", "update", "ai-digest-top-priority", str(newer))
    assert result.exit_code == 0, result.output
    after = catalogue.read_text(encoding="utf-8")
    changed = [line for old, line in zip(before.split("\n"), after.split("\n"), strict=True) if old != line]
    assert len(changed) == 2 and "\u2028" in changed[0] and changed[1].strip().startswith('accessed: "20')


def test_update_refuses_another_format(workspace: Path, tmp_path: Path) -> None:
    before = (workspace / SEED_002).read_bytes()
    result = run(workspace, "seeds", "update", "ai-digest-top-priority", str(page(tmp_path / "gulf.html")))
    assert result.exit_code == 1
    assert "gulf.html is a .html document, but source 'ai-digest-top-priority' is 002_828a4c93c67805e5.txt" \
        in result.output
    assert (workspace / SEED_002).read_bytes() == before


def test_show_grep_finds_what_a_passage_would(workspace: Path) -> None:
    """--grep finds words as verification finds a passage: a word a PDF line's end cut, typed whole."""
    (workspace / "seeds" / "yard.pdf").write_bytes(
        lines_pdf(["The shipyard was expand-", "ing its dry docks faster than planned."]))
    append_entry(workspace, "yard-report", "yard.pdf", "Example Institute")
    result = run(workspace, "seeds", "show", "yard-report", "--grep", "expanding its dry docks")
    assert result.exit_code == 0, result.output
    assert "p. 1, ¶1" in result.output and "dry docks" in result.output


def test_front_matter_that_is_not_yaml_is_read_line_by_line_and_marked_check(tmp_path: Path) -> None:
    """`title: Gulf buyers and the chip rule: notes from the field` is not YAML (a second colon unquoted), and
    the whole front matter was ignored: each `key: value` line is now read as written, to check."""
    ws = tmp_path / "ws"
    run(tmp_path, "init", str(ws))
    notes = tmp_path / "notes.md"
    notes.write_text(f"---\ntitle: {TITLE}\ndate: 2026-11-20\npublisher: 'Gulf Ledger'\n---\n\nBuyers met the rule.\n",
                     encoding="utf-8")
    out = add(ws, notes)
    assert "check: originator, title, published" in out, out
    catalogue = (ws / "seeds/sources.yaml").read_text(encoding="utf-8")
    assert f'title: "{TITLE}"  # from the front matter\'s title: check it (the front matter is not valid YAML' \
        in catalogue, catalogue
    assert 'published: "2026-11-20"' in catalogue and 'originator: "Gulf Ledger"' in catalogue
