"""`briefgen check`'s messages, word for word, for the mistakes verification catches: what the user reads is the
line, the message and the hint, so these tests pin all three (written to kill mutants `make mutation` found
surviving in briefgen/verify/)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.helpers import SEED_000, SEED_002, append_entry, edit, model, run, save_model


def _check(ws: Path, exit_code: int) -> str:
    result = run(ws, "check")
    assert result.exit_code == exit_code, result.output
    return result.output


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def test_an_unreadable_seed_is_reported_at_the_first_citation_with_a_pointer_to_the_catalogue(
        workspace: Path) -> None:
    (workspace / SEED_000).unlink()
    out = _check(workspace, 1)
    line = _line_of(workspace / "seeds/summary.yaml", "bluf_evidence:") + 1
    assert (f"seeds/summary.yaml:{line}:15: brief.bluf_evidence[0].source: source 'gsw-ai-arms-race' has no "
            "readable seed, so no item citing it can be verified\n"
            "      hint: fix its entry in seeds/sources.yaml (reported above)\n") in out


def test_a_second_source_with_the_same_id_is_located_and_told_to_take_its_own_id(workspace: Path) -> None:
    append_entry(workspace, "gsw-ai-arms-race", "000_eab46a25288d9a93.txt", "Someone")
    out = _check(workspace, 1)
    catalogue = (workspace / "seeds/sources.yaml").read_text(encoding="utf-8").splitlines()
    first, line = [n for n, text in enumerate(catalogue, start=1) if text.strip() == "- id: gsw-ai-arms-race"]
    assert (f"seeds/sources.yaml:{line}:9: sources[2].id: duplicate source id 'gsw-ai-arms-race' (first used on "
            f"line {first})\n      hint: give each source its own id\n") in out


def test_a_seed_file_missing_from_the_catalogue_is_a_warning_naming_the_entry_to_add(workspace: Path) -> None:
    shutil.copy(workspace / SEED_002, workspace / "seeds/extra.md")
    (workspace / "seeds/notes.yaml").write_text("not a seed\n", encoding="utf-8")  # not a seed format: ignored
    out = _check(workspace, 0)
    assert ("seeds/extra.md: warning: seed file is not catalogued\n"
            "      hint: add an entry with `file: extra.md` to seeds/sources.yaml\n") in out
    assert "notes.yaml" not in out
    assert run(workspace, "check", "--strict").exit_code == 1


def test_a_repeated_item_id_names_the_line_where_it_was_first_used(workspace: Path) -> None:
    data = model(workspace)
    first = data["judgments"][0]["id"]
    data["quotes"][0]["id"] = first
    save_model(workspace, data)
    out = _check(workspace, 1)
    line = _line_of(workspace / "seeds/summary.yaml", f"id: {first}")
    assert re.search(rf"quotes\[0\]\.id: duplicate id '{first}' \(first used on line {line}\)\n"
                     r"      hint: ids must be unique in the model\n", out), out


def test_a_passage_that_drifted_shows_the_seeds_own_words_and_their_paragraph(workspace: Path) -> None:
    seed = (workspace / SEED_002).read_text(encoding="utf-8")
    sentence = "it has received only $457 million to $1.19 billion in return."
    paragraphs = [p for p in seed.split("\n") if p.strip()]
    number = next(n for n, p in enumerate(paragraphs, start=1) if sentence in p)
    edit(workspace / "seeds/summary.yaml", "$457 million to $1.19 billion", "$457 million to $1.2 billion", 9)
    out = _check(workspace, 1)
    assert re.search(rf"hint: closest text \(¶{number}, 9\d% similar\): “{re.escape(sentence)}”\n", out), out


def test_a_machine_number_that_is_not_in_the_displayed_value_is_refused(workspace: Path) -> None:
    data = model(workspace)
    index, figure = next((i, f) for i, f in enumerate(data["figures"]) if f["id"] == "fig-arms-to-russia")
    figure["number_high"] = 12000000000
    save_model(workspace, data)
    out = _check(workspace, 1)
    assert (f"figures[{index}].number_high: fig-arms-to-russia: number_high 12,000,000,000 is not a number of "
            "the value 'nearly $10 billion', which reads as 10,000,000,000\n      hint: make the machine number "
            "match the displayed value (a share may be a fraction or a percentage)\n") in out


def _drift(ws: Path, passage: str) -> str:
    """Cite `passage` (from the AI digest seed) in a new gap, check, and return the hint that names the closest
    text: the words a user compares with the model to see what moved."""
    data = model(ws)
    data["gaps"].append({"id": "gap-drift", "statement": "What moved in the seed.",
                         "evidence": [{"source": "ai-digest-top-priority", "passage": passage}]})
    save_model(ws, data)
    out = _check(ws, 1)
    line = _line_of(ws / "seeds/summary.yaml", "id: gap-drift") + 4
    gap = len(data["gaps"]) - 1
    found = re.search(rf"^gap-drift\n  seeds/summary.yaml:{line}:\d+: gaps\[{gap}\]\.evidence\[0\]\.passage: "
                      rf"gap-drift: passage not found in {SEED_002}\n      hint: (closest text .*)\n",
                      out, re.MULTILINE)
    assert found, out  # under the item's own heading, at the passage's line
    return found.group(1)


def test_a_drifted_passage_from_mid_paragraph_shows_exactly_that_stretch_of_the_seed(workspace: Path) -> None:
    passage = ("This announcement underscores North Korea's accelerated efforts to enhance its military arsenal "
               "through advanced technology")
    hint = _drift(workspace, passage)
    assert re.fullmatch(r"closest text \(¶7, 9\d% similar\): “This announcement underscores North Korea’s "
                        r"accelerating efforts to enhance its military arsenal through advanced technology,”", hint)


def test_a_long_near_miss_is_clipped_to_160_characters_with_an_ellipsis(workspace: Path) -> None:
    paragraph = next(p for p in (workspace / SEED_002).read_text(encoding="utf-8").splitlines()
                     if p.startswith("North Korean leader Kim Jong Un has declared"))
    hint = _drift(workspace, paragraph.replace("Northeast Asia", "North Asia"))
    shown = re.fullmatch(r"closest text \(¶7, (?:9\d|100)% similar\): “(.*)”", hint)
    assert shown, hint
    assert len(shown.group(1)) == 160 and shown.group(1).endswith("…")
    assert paragraph.startswith(shown.group(1)[:-1])


def test_a_long_passage_with_one_word_in_five_changed_still_reads_as_mostly_similar(workspace: Path) -> None:
    paragraph = next(p for p in (workspace / SEED_002).read_text(encoding="utf-8").splitlines()
                     if p.startswith("North Korean leader Kim Jong Un has declared"))
    words = paragraph.split()
    hint = _drift(workspace, " ".join("zq" if n % 5 == 0 else w for n, w in enumerate(words)))
    similar = re.match(r"closest text \(¶7, (\d+)% similar\)", hint)
    assert similar and int(similar.group(1)) >= 85, hint


def test_a_quote_reworded_away_from_its_passage_is_refused_at_the_quote_text(workspace: Path) -> None:
    edit(workspace / "seeds/summary.yaml", "text: rapidly develop newly introduced artificial intelligence technology",
         "text: rapidly develop newly acquired artificial intelligence technology")
    out = _check(workspace, 1)
    line = _line_of(workspace / "seeds/summary.yaml", "text: rapidly develop newly acquired")
    assert (f"seeds/summary.yaml:{line}:11: quotes[0].text: q-kim-ai-technology: the quote's words are not in any "
            "of its passages\n      hint: quote the seed word for word, and cite the passage that holds it\n") in out


def test_a_quote_the_seed_does_not_mark_as_quoted_gets_the_paraphrase_hint(workspace: Path) -> None:
    quoted = "“rapidly develop newly introduced artificial intelligence technology”"
    edit(workspace / SEED_000, quoted, quoted.strip("“”"))
    edit(workspace / "seeds/summary.yaml", quoted, quoted.strip("“”"))
    out = _check(workspace, 0)
    assert ("q-kim-ai-technology: the seed does not put these words in quotation marks\n"
            "      hint: this may be a paraphrase: present it as a judgment, not a quote\n") in out
