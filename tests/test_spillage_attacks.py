"""The spillage check against every transformation that could hide a withheld text from it, in each format
built on its own; and the channels of an issued version (the "what changed" list and the redline) after a
source it cited is marked above the audience's ceiling."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import copy_workspace, model, published, run, save_model
from tests.marked import (
    MEMO,
    SECRET_BLUF,
    SECRET_QUOTE,
    SECRET_STATEMENT,
    SECRETS,
    contains,
    docx_words,
    marked_workspace,
    pdf_words,
    plain,
)
from tests.redlines import text_of

_S = SECRET_STATEMENT
LEAKS = {  # template text that prints withheld material, as a careless or hostile template might
    "a title ending a paragraph": f"<p>{MEMO['title']}</p><p>Next</p>",
    "a title in a table cell": f"<table><col weight=\"1\">A</col><tr><td>{MEMO['short_title']}</td></tr></table>",
    "a statement cut short": f"<p>{_S[:50]}</p>",
    "the middle of a statement": "<p>of strike drones has already begun at the Sunan works</p>",
    "a statement elided": "<p>Serial production of strike drones … at the Sunan works, outside public view.</p>",
    "look-alike letters": "<p>" + _S.replace("a", "\u0430").replace("o", "\u03bf") + "</p>",
    "soft hyphens in every word": "<p>" + " ".join(w[:2] + "\u00ad" + w[2:] for w in _S.split()) + "</p>",
    "a word split across runs": "<p>Serial produc<b>tion</b> of strike drones has already begun at the Sunan works</p>",
    "a quote's speaker and context": "<p>As told to the procurement cell.</p>",
    "a link percent-encoded": '<p><a href="https://intranet.example.org/cell7/memo%2Dspring">more</a></p>',
}


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return marked_workspace(tmp_path_factory.mktemp("attacks"))


def _leaky(ws: Path, body: str) -> None:
    (ws / "templates/public.xml.j2").write_text(
        '{% extends "base.xml.j2" %}{% block sources %}' + body + "{% endblock %}", encoding="utf-8")


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("case", sorted(LEAKS))
def test_a_transformed_leak_is_caught_in_each_format(marked: Path, tmp_path: Path, case: str, fmt: str) -> None:
    ws = copy_workspace(marked, tmp_path)
    _leaky(ws, LEAKS[case])
    result = run(ws, "build", "-a", "public", "-f", fmt)
    assert result.exit_code == 1, (case, result.output)
    assert f"output/public.{fmt}: spillage: the public brief holds withheld " in result.output
    assert not (ws / "output" / f"public.{fmt}").exists()  # nothing published


def test_the_shipped_public_template_passes(marked: Path, tmp_path: Path) -> None:
    """No false alarm: the public brief built from the same workspace, with its own words, is published."""
    ws = copy_workspace(marked, tmp_path)
    result = run(ws, "build", "-a", "public")
    assert result.exit_code == 0, result.output


def _issue_then_mark(marked: Path, tmp_path: Path) -> tuple[Path, str]:
    """The memo cleared for the public when version 1 is issued, then marked TLP:AMBER."""
    ws = copy_workspace(marked, tmp_path)
    catalogue = ws / "seeds/sources.yaml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace('marking: "TLP:AMBER"', "marking: TLP:CLEAR"), encoding="utf-8")
    profile = (Path(__file__).parents[1] / "briefgen/templates/public.yaml").read_text(encoding="utf-8")
    (ws / "templates/public.yaml").write_text(profile.replace("sources]", "changes, sources]"), encoding="utf-8")
    assert run(ws, "build", "-a", "public").exit_code == 0
    assert run(ws, "issue", "-a", "public", "--note", "first").exit_code == 0
    assert contains(pdf_words(ws / "output/public.pdf"), SECRET_BLUF)  # version 1 showed the memo
    (ws / "templates/public.yaml").write_text(profile.replace("sources]", "changes, sources]").replace(
        "Prepared with briefgen", "Prepared with briefgen, again"), encoding="utf-8")
    assert run(ws, "build", "-a", "public").exit_code == 0  # a redline against version 1
    assert (ws / "output/public.redline.docx").exists()
    catalogue.write_text(text, encoding="utf-8")
    result = run(ws, "build", "-a", "public")
    return ws, result.output


def test_what_changed_and_the_redline_hold_nothing_now_withheld(marked: Path, tmp_path: Path) -> None:
    ws, output = _issue_then_mark(marked, tmp_path)
    assert "spillage" not in output and "output/public.pdf: 2 pages" in output, output
    for path in (ws / "output/public.docx", ws / "output/public.pdf"):
        words = (docx_words if path.suffix == ".docx" else pdf_words)(path)
        assert [s for s in SECRETS if contains(words, s)] == [], path
        assert "Kim Jong Un is funding drones" not in words  # the old BLUF's opening, quoted by "what changed"
        assert "What changed since version 1" in words and "Revised the bottom line: " in words
    # The redline against version 1 is made, but its deletions do not show the memo again: each paragraph of
    # version 1 that held it is compared as "[Withdrawn: …]", which the redline deletes (it was: no redline).
    redline = ws / "output/public.redline.docx"
    assert [s for s in SECRETS if contains(docx_words(redline), s)] == []
    assert "Kim Jong Un is funding drones" not in docx_words(redline)
    assert text_of(redline, accept=True) == text_of(ws / "output/public.docx")
    issued, rejected = text_of(ws / "output/issued/public-v1/public.docx")[0], text_of(redline, accept=False)[0]
    assert len(rejected) == len(issued)  # version 1, but for what it may no longer show
    withdrawn = [i for i, (was, now) in enumerate(zip(issued, rejected, strict=True)) if was != now]
    assert withdrawn and all(rejected[i].startswith("[Withdrawn: no longer released") for i in withdrawn)
    assert any(contains(plain(issued[i]), SECRET_BLUF[:40]) for i in withdrawn)
    assert "no redline" not in output


def test_a_template_written_after_a_build_is_used_and_its_leak_stops_the_build(marked: Path, tmp_path: Path,
                                                                              ) -> None:
    """In one process (watch keeps its template environment), a public template the user writes after a build
    replaces the bundled one at once: it was ignored, the bundled one still reported up to date."""
    ws = copy_workspace(marked, tmp_path)
    assert run(ws, "build").exit_code == 0
    before = published(ws)
    data = model(ws)
    assert SECRET_QUOTE in str(data)
    _leaky(ws, "<p>" + SECRET_QUOTE.upper().replace(" ", "-") + "</p>")
    result = run(ws, "build")
    assert result.exit_code == 1 and "withheld quote 'q-three-shifts' (text)" in result.output
    assert published(ws) == before


def test_a_withheld_sources_uncited_text_is_caught(marked: Path, tmp_path: Path) -> None:
    """Not only the passages items cite: any twelve words in a row of a withheld seed, here a sentence no item
    cites, typed into the public template with its case changed."""
    ws = copy_workspace(marked, tmp_path)
    with (ws / "seeds" / MEMO["file"]).open("a", encoding="utf-8") as memo:
        memo.write("The review board will meet again in the autumn to decide on the next stage of funding.\n")
    assert run(ws, "build", "-a", "public").exit_code == 0  # no false alarm from the longer seed
    _leaky(ws, "<p>Note: the review board will meet again in the Autumn to decide on the next stage.</p>")
    result = run(ws, "build", "-a", "public")
    assert result.exit_code == 1
    for fmt in ("docx", "pdf"):
        assert (f"output/public.{fmt}: spillage: the public brief holds withheld source 'cell7-memo' (its text, "
                f"seeds/{MEMO['file']}), found in ") in result.output


def test_a_one_word_title_is_no_false_alarm(marked: Path, tmp_path: Path) -> None:
    """A withheld memo titled "Notes" does not stop the public brief, whose template says "named in the notes"
    (a one-word title or id is an everyday word; it was sought, and nothing could be published)."""
    ws = copy_workspace(marked, tmp_path)
    catalogue = ws / "seeds/sources.yaml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace(f'"{MEMO["title"]}"', '"Notes"').replace(f'"{MEMO["short_title"]}"', '"Notes"'),
                         encoding="utf-8")
    result = run(ws, "build", "-a", "public")
    assert result.exit_code == 0, result.output
    assert "named in the notes" in pdf_words(ws / "output/public.pdf")


RIGHT_TO_LEFT = {
    "ar": "إن المصانع في سونان تعمل ثلاث نوبات على خطوط الطائرات المسيرة منذ الربيع",
    "he": "המפעלים בסונאן עובדים בשלוש משמרות על קווי הרחפנים מאז האביב",
}


@pytest.mark.parametrize("lang", sorted(RIGHT_TO_LEFT))
def test_a_right_to_left_quote_leaking_into_the_pdf_is_caught(marked: Path, tmp_path: Path, lang: str) -> None:
    """A PDF's text comes out in drawing order, the words of a right-to-left line reversed: a withheld Arabic
    or Hebrew quote printed by the public template was not found."""
    ws = copy_workspace(marked, tmp_path)
    text = RIGHT_TO_LEFT[lang]
    with (ws / "seeds" / MEMO["file"]).open("a", encoding="utf-8") as memo:
        memo.write(text + "\n")
    data = model(ws)
    data["quotes"][0].update(text=text, lang=lang, evidence=[{"source": MEMO["id"], "passage": text}])
    save_model(ws, data)
    assert run(ws, "build", "-a", "public", "-f", "pdf").exit_code == 0  # withheld, and no false alarm
    _leaky(ws, f"<p>{text}</p>")
    result = run(ws, "build", "-a", "public", "-f", "pdf")
    assert result.exit_code == 1
    assert ("output/public.pdf: spillage: the public brief holds withheld quote 'q-three-shifts' (text), found in "
            "the PDF text of page") in result.output


CHINESE = "据悉顺安的工厂自春季以来在无人机生产线上实行三班倒"


@pytest.mark.parametrize("leak", [CHINESE, f"报道称{CHINESE[:12]}。", CHINESE[4:14]], ids=["whole", "inside", "cut"])
def test_a_chinese_quote_leaking_whole_inside_a_sentence_or_cut_is_caught(marked: Path, tmp_path: Path,
                                                                          leak: str) -> None:
    """Chinese has no spaces: a withheld quote inside a longer run of characters has no word edge, and a part of
    it no run of words; none of these was found, not even the whole quote."""
    ws = copy_workspace(marked, tmp_path)
    with (ws / "seeds" / MEMO["file"]).open("a", encoding="utf-8") as memo:
        memo.write(CHINESE + "\n")
    data = model(ws)
    data["quotes"][0].update(text=CHINESE, lang="zh", evidence=[{"source": MEMO["id"], "passage": CHINESE}])
    save_model(ws, data)
    assert run(ws, "build", "-a", "public").exit_code == 0  # withheld, and no false alarm
    _leaky(ws, f"<p>{leak}</p>")
    result = run(ws, "build", "-a", "public")
    assert result.exit_code == 1
    for fmt in ("docx", "pdf"):
        assert f"output/public.{fmt}: spillage: the public brief holds withheld quote 'q-three-shifts'" in result.output


def test_a_withheld_file_name_inside_a_releasable_one_is_no_false_alarm(marked: Path, tmp_path: Path) -> None:
    """A public profile that prints seed files: the releasable seeds/north-korea-drones.txt holds the withheld
    file name drones.txt, which stopped the build."""
    ws = copy_workspace(marked, tmp_path)
    catalogue = ws / "seeds/sources.yaml"
    text = catalogue.read_text(encoding="utf-8")
    first = text.split("file: ", 1)[1].split("\n", 1)[0].strip().strip('"')
    (ws / "seeds" / first).rename(ws / "seeds/north-korea-drones.txt")
    (ws / "seeds" / MEMO["file"]).rename(ws / "seeds/drones.txt")
    text = text.replace(first, "north-korea-drones.txt", 1).replace(MEMO["file"], "drones.txt")
    catalogue.write_text(text, encoding="utf-8")
    shipped = (Path(__file__).parents[1] / "briefgen/templates/public.yaml").read_text(encoding="utf-8")
    (ws / "templates/public.yaml").write_text(shipped + "citations: {seed_file: true}\n", encoding="utf-8")
    result = run(ws, "build", "-a", "public", "-f", "pdf")
    assert result.exit_code == 0, result.output
    assert "seeds/north-korea-drones.txt" in pdf_words(ws / "output/public.pdf")


def test_withheld_text_only_in_a_pdfs_alt_text_or_xmp_is_found(marked: Path, tmp_path: Path) -> None:
    """The structure tree's /Alt and /ActualText and the XMP packet were not read: a PDF whose only trace of
    the memo is there passed (the PDF is the real public brief, changed with pikepdf)."""
    import pikepdf

    from briefgen.regen.spillage import found_in
    from briefgen.render.profiles import load_profile
    from briefgen.render.release import needles, release_for
    from briefgen.verify.check import run_check
    from briefgen.workspace import Workspace

    ws = copy_workspace(marked, tmp_path)
    assert run(ws, "build", "-a", "public", "-f", "pdf").exit_code == 0
    space = Workspace.at(ws)
    checked = run_check(space)
    withheld = needles(checked, release_for(checked, load_profile(space, "public"), "public"))
    brief = ws / "output/public.pdf"
    assert found_in(brief, withheld) == []
    with pikepdf.open(brief, allow_overwriting_input=True) as pdf:
        tree = pdf.Root.StructTreeRoot
        element = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Figure,
                                                       P=tree, Alt=MEMO["title"], ActualText=MEMO["short_title"]))
        kids = tree.K if isinstance(tree.K, pikepdf.Array) else pikepdf.Array([tree.K])
        kids.append(element)
        tree.K = kids
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:description"] = MEMO["url"]
        pdf.save(brief)
    found = dict(found_in(brief, withheld))
    assert found["source 'cell7-memo' (title)"].startswith("the PDF's objects")
    assert found["source 'cell7-memo' (short title)"].startswith("the PDF's objects")
    assert found["source 'cell7-memo' (url)"] == "the PDF's XMP metadata"


ANNEX = """  - id: cell7-annex
    file: annex.txt
    originator: Procurement Cell Seven
    title: "Annex on the Sunan procurement channels"
    published: "2025-09"
    accessed: "2026-11-23"
    kind: internal memorandum
    descriptor: An annex to the memorandum.
    marking: {}
"""


def test_a_source_marked_above_the_ceiling_later_makes_the_brief_out_of_date(marked: Path, tmp_path: Path) -> None:
    """A source no item cites, named in the brief's subject, marked TLP:AMBER after the public brief was built:
    `build --if-changed` called the public brief up to date (what it shows had not changed) and `status` too,
    so the brief holding the now withheld title stood unchecked."""
    ws = copy_workspace(marked, tmp_path)
    (ws / "seeds/annex.txt").write_text("Annex on the Sunan procurement channels\nThe channels the cell used.\n",
                                        encoding="utf-8")
    catalogue = ws / "seeds/sources.yaml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text + ANNEX.format("TLP:CLEAR"), encoding="utf-8")
    data = model(ws)
    data["brief"]["subject"] = "What the Annex on the Sunan procurement channels tells us"
    save_model(ws, data)
    assert run(ws, "build").exit_code == 0
    before = published(ws)
    catalogue.write_text(text + ANNEX.format("TLP:AMBER"), encoding="utf-8")
    assert "public: out of date" in run(ws, "status").output
    result = run(ws, "build", "--if-changed")
    assert result.exit_code == 1
    assert ("output/public.docx: spillage: the public brief holds withheld source 'cell7-annex' (title), found in "
            "docProps/core.xml") in result.output
    assert published(ws) == before


CONTEXT_DUMP = """<h1>Context</h1>
{% for k, v in brief.items() %}<p>{{ k }}: {{ v }}</p>{% endfor %}
{% for group in [judgments, figures, quotes, gaps, sources, changes] %}{% for item in group %}
{% for k, v in item.items() %}<p>{{ k }}: {{ v }}</p>{% endfor %}{% endfor %}{% endfor %}
{% if chart %}{% for k, v in chart.items() %}<p>{{ k }}: {{ v }}</p>{% endfor %}{% endif %}
{% for k, v in profile.items() %}<p>{{ k }}: {{ v }}</p>{% endfor %}
<p>{{ source_summary }} {{ provenance }} {{ sections }} {{ audience }} {{ banner }} {{ edition }}</p>"""


def test_everything_a_public_template_can_reach_holds_nothing_withheld(marked: Path, tmp_path: Path) -> None:
    """A template printing every value of its context: the public brief still holds no trace of the memo."""
    ws = copy_workspace(marked, tmp_path)
    _leaky(ws, CONTEXT_DUMP)
    result = run(ws, "build", "-a", "public")
    assert result.exit_code == 0, result.output
    for fmt, reader in (("docx", docx_words), ("pdf", pdf_words)):
        words = reader(ws / "output" / f"public.{fmt}")
        assert "ceiling: lowest" in words  # the dump is there
        assert [s for s in SECRETS if contains(words, s)] == [], fmt


def test_records_beside_a_public_only_folder_hold_only_what_the_public_may_see(marked: Path, tmp_path: Path) -> None:
    """`build -a public -o web/` wrote the whole model (every withheld statement, quote and BLUF) into
    web/briefgen.lock and web/.builds/, beside the public brief; the records of output/, which holds the
    analyst brief, keep it whole."""
    ws = copy_workspace(marked, tmp_path)
    assert run(ws, "build", "-a", "public", "-o", str(ws / "web")).exit_code == 0
    records = [ws / "web/briefgen.lock", *sorted((ws / "web/.builds").glob("*.json"))]
    assert len(records) == 2
    for record in records:
        text = record.read_text(encoding="utf-8")
        assert [s for s in (SECRET_STATEMENT, SECRET_QUOTE, SECRET_BLUF) if s in text] == [], record.name
    assert run(ws, "build").exit_code == 0
    assert SECRET_STATEMENT in (ws / "output/briefgen.lock").read_text(encoding="utf-8")
