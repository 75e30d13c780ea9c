"""The build's speed-ups change no output: each cache gives what the work it saves would have given."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.document import typefaces
from briefgen.document.nodes import Theme
from briefgen.writers.docx import write as write_docx
from briefgen.writers.pdf import paragraphs, writer
from briefgen.writers.pdf.markup import _quoteattr
from tests.samples import sample_document


@given(st.text())
def test_attribute_quoting_is_the_standard_librarys(value: str) -> None:
    assert _quoteattr(value) == quoteattr(value)


def _runs_one_by_one(text: str, family: str) -> list[tuple[str, str]]:
    """typefaces.runs without its ASCII shortcut: character by character."""
    out: list[tuple[str, str]] = []
    chain = typefaces._chain(family, *typefaces.BUNDLED._families)
    for char in text:
        face = typefaces._face_for(char, chain, False, False)
        if out and out[-1][0] == face:
            out[-1] = (face, out[-1][1] + char)
        else:
            out.append((face, char))
    return out


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)), st.sampled_from(["Caladea", "Carlito", "Custom"]))
def test_ascii_text_is_one_run_as_character_by_character(text: str, family: str) -> None:
    assert typefaces.runs(text, family) == _runs_one_by_one(text, family)


def test_a_pdf_laid_out_again_from_remembered_line_breaks_is_the_same(tmp_path: Path) -> None:
    doc, theme = sample_document(), Theme()
    paragraphs._LINES.clear()
    writer._layout.cache_clear()
    writer.write(doc, tmp_path / "first.pdf", theme)
    remembered = len(paragraphs._LINES)
    writer._layout.cache_clear()  # a second layout of every paragraph: from the remembered breaks
    writer.write(doc, tmp_path / "again.pdf", theme)
    paragraphs._LINES.clear()
    writer._layout.cache_clear()  # and one with nothing remembered
    writer.write(doc, tmp_path / "fresh.pdf", theme)
    assert remembered > 10
    assert (tmp_path / "first.pdf").read_bytes() == (tmp_path / "again.pdf").read_bytes() == \
        (tmp_path / "fresh.pdf").read_bytes()


def test_a_second_layout_breaks_only_the_lines_of_paragraphs_made_anew(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Remembered breaks are used, not only stored: a paragraph of several fragments (reportlab swaps them for
    its word list while breaking) and a table's cells (their column styles) are broken once per process."""
    from reportlab.platypus import Paragraph  # after briefgen.writers, which readies reportlab's bidi support

    broken: list[str] = []
    reportlab_breaks = Paragraph.breakLines

    def counted(self: Paragraph, width: list[float]) -> object:
        broken.append(self.style.name)
        return reportlab_breaks(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    doc, theme = sample_document(), Theme()
    paragraphs._LINES.clear()
    writer._layout.cache_clear()
    writer.write(doc, tmp_path / "first.pdf", theme)
    first = len(broken)
    broken.clear()
    writer._layout.cache_clear()
    writer.write(doc, tmp_path / "again.pdf", theme)
    assert first > 10
    assert not [name for name in broken if name.startswith(("body", "table_"))], broken  # bullets parse anew


def _styles(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return docx.read("word/styles.xml").decode()


def test_the_styled_docx_template_is_copied_not_shared(tmp_path: Path) -> None:
    doc = sample_document()
    write_docx(doc, tmp_path / "a.docx", Theme(accent="#112233", footer="one"))
    write_docx(doc, tmp_path / "b.docx", Theme(accent="#445566"))
    write_docx(doc, tmp_path / "a2.docx", Theme(accent="#112233", footer="two"))
    assert "112233" in _styles(tmp_path / "a.docx") and "445566" not in _styles(tmp_path / "a.docx")
    assert "445566" in _styles(tmp_path / "b.docx") and "112233" not in _styles(tmp_path / "b.docx")
    with zipfile.ZipFile(tmp_path / "a.docx") as first, zipfile.ZipFile(tmp_path / "a2.docx") as second:
        assert first.read("word/document.xml") == second.read("word/document.xml")  # nothing added twice
        assert first.read("word/footer1.xml") != second.read("word/footer1.xml")  # the footer is each theme's


def test_a_long_output_through_a_pipe_is_complete_and_the_exit_code_kept(tmp_path: Path) -> None:
    """The CLI skips the interpreter's teardown: what it printed is flushed first, and its exit code kept."""
    done = subprocess.run([sys.executable, "-m", "briefgen", "schema"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "properties" in json.loads(done.stdout)
    failed = subprocess.run([sys.executable, "-m", "briefgen", "-C", str(tmp_path), "check"], capture_output=True,
                            text=True, check=False)
    assert failed.returncode == 1 and failed.stderr.strip()
    usage = subprocess.run([sys.executable, "-m", "briefgen", "build", "--no-such-option"], capture_output=True,
                           text=True, check=False)
    assert usage.returncode == 2 and "no-such-option" in usage.stderr



def test_a_docx_written_again_is_remembered_but_a_changed_logo_is_seen(tmp_path: Path) -> None:
    from PIL import Image

    doc = sample_document()
    write_docx(doc, tmp_path / "one.docx", Theme())
    write_docx(doc, tmp_path / "two.docx", Theme())
    assert (tmp_path / "one.docx").read_bytes() == (tmp_path / "two.docx").read_bytes()
    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), "red").save(logo)
    write_docx(doc, tmp_path / "red.docx", Theme(logo=logo))
    Image.new("RGB", (40, 20), "blue").save(logo)  # the same path, new pixels: as a `watch` session may see
    write_docx(doc, tmp_path / "blue.docx", Theme(logo=logo))

    def media(path: Path) -> list[bytes]:
        with zipfile.ZipFile(path) as docx:
            return [docx.read(n) for n in sorted(docx.namelist()) if n.startswith("word/media/")]

    assert media(tmp_path / "red.docx") and media(tmp_path / "red.docx") != media(tmp_path / "blue.docx")


_REPORT_COLLECTOR = """
import gc, os, sys
from briefgen.cli import main as cli_main
leave = os._exit
def report(code):
    print("collector enabled:", gc.isenabled(), "collections:", sum(s["collections"] for s in gc.get_stats()))
    sys.stdout.flush()
    leave(code)
os._exit = report
before = sum(s["collections"] for s in gc.get_stats())
print("before:", before)
sys.argv = ["briefgen", *sys.argv[1:]]
cli_main.main()
"""


def test_a_command_line_process_never_collects_and_watch_does(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """One command, then os._exit: the collection that ran when a build resumed the collector walked all it
    had made, for nothing (collector.py). `watch` lives on, so its collector runs."""
    done = subprocess.run([sys.executable, "-c", _REPORT_COLLECTOR, "schema"], capture_output=True, text=True,
                          check=True)
    before = int(done.stdout.split("before:")[1].split()[0])
    assert f"collector enabled: False collections: {before}" in done.stdout

    from click.testing import CliRunner

    from briefgen.cli import main as cli_main

    seen: list[bool] = []
    monkeypatch.setattr("briefgen.regen.watch.watch", lambda *args, **options: seen.append(gc.isenabled()))
    gc.disable()
    try:
        result = CliRunner().invoke(cli_main.cli, ["-C", str(tmp_path), "watch"])
    finally:
        gc.enable()
    assert result.exit_code == 0, result.output
    assert seen == [True]


_REPORT_KEPT = """
import os, sys
from briefgen import collector
from briefgen.cli import main as cli_main
leave = os._exit
def report(code):
    print("kept:", [type(value).__name__ for value in collector._KEPT])
    sys.stdout.flush()
    leave(code)
os._exit = report
sys.argv = ["briefgen", *sys.argv[1:]]
cli_main.main()
"""


def test_a_command_line_process_keeps_the_verified_model_to_its_end(tmp_path: Path) -> None:
    """What `check` verified is left for os._exit to free (collector.kept), not freed object by object as the
    command returns; a process that lives on keeps nothing."""
    import shutil
    import weakref

    from briefgen import collector

    ws = tmp_path / "ws"
    shutil.copytree(Path(__file__).resolve().parents[1] / "seeds", ws / "seeds")
    done = subprocess.run([sys.executable, "-c", _REPORT_KEPT, "-C", str(ws), "check", "--no-cache"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "kept: ['Checked']" in done.stdout

    class Value:
        pass

    collector.lives_on()
    value = Value()
    gone = weakref.ref(collector.kept(value))
    del value
    assert gone() is None and not collector._KEPT
