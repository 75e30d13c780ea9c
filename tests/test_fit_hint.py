"""The fit started from the last build's choice (render/compose.py `hint`) and the PDF writer's probe
(writers/pdf/writer.py `measure(..., limit)`): the hint changes how many full layouts the fit makes, never what
it chooses; a probe answers what a full layout answers, up to a page past its limit."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.document.nodes import Document, Theme
from briefgen.errors import BriefgenError
from briefgen.render.assets import theme_for
from briefgen.render.compose import Composed, compose_fitted
from briefgen.render.profiles import Profile, load_profile
from briefgen.render.selection import Selection, select
from briefgen.verify.check import Checked, run_check
from briefgen.workspace import Workspace
from briefgen.writers.pdf import writer
from tests.conftest import ROOT


class Counting:
    """The real PDF measure, recording each call's limit (None: a full layout; a number: a probe)."""

    def __init__(self) -> None:
        self.limits: list[int | None] = []

    def __call__(self, doc: Document, theme: Theme, limit: int | None = None) -> tuple[int, float]:
        self.limits.append(limit)
        return writer.measure(doc, theme, limit)


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    ws = tmp_path_factory.mktemp("hint")
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    return run_check(Workspace.at(ws))


def _fitted(checked: Checked, name: str, profile: Profile, hint: tuple[str, ...] = (),
            measure: Counting | None = None) -> Composed:
    writer._layout.cache_clear()  # every case lays out afresh: the calls counted are the fit's own
    return compose_fitted(checked, name, profile, theme_for(checked.ws, profile), measure or Counting(), hint=hint)


def _drop_order(checked: Checked, name: str, profile: Profile) -> tuple[str, ...]:
    """Every item in the order the fit leaves them out, down to the last judgment."""
    selection: Selection | None = select(checked.loaded.summary, profile, name)
    order = []
    while selection is not None and (smaller := selection.drop_lowest()) is not None:
        selection, victim = smaller
        order.append(victim)
    return tuple(order)


# the shipped executive (one item left out), a tighter one, and the analyst held to two pages (several left out)
CASES = [("executive", {}), ("executive", {"fit_slack": 0.3}), ("analyst", {"max_pages": 2}),
         ("analyst", {"max_pages": 2, "fit_slack": 0.3}), ("public", {"max_pages": 1})]


@pytest.mark.parametrize(("name", "change"), CASES)
def test_any_hint_gives_the_choice_the_fit_from_the_top_gives(checked: Checked, name: str,
                                                              change: dict[str, object]) -> None:
    profile = load_profile(checked.ws, name).model_copy(update=change)
    cold = _fitted(checked, name, profile)
    assert cold.dropped, "each case must leave something out, or the hint has nothing to say"
    order = _drop_order(checked, name, profile)
    assert order[:len(cold.dropped)] == cold.dropped
    # the last build's choice of every kind: none, too little (by one, by half), the answer, too much (by one,
    # by half the rest, everything down to the last judgment), reordered, or naming an item gone since
    n = len(cold.dropped)
    sizes = {0, n // 2, n - 1, n, n + 1, (n + len(order)) // 2, len(order)}
    hints = {order[:size] for size in sizes if 0 <= size <= len(order)} | {
        ("no-such-item",), cold.dropped[1:] + cold.dropped[:1], ("no-such-item", *cold.dropped)}
    for hint in sorted(hints):
        assert _fitted(checked, name, profile, hint) == cold, hint


@pytest.mark.parametrize(("name", "change"), CASES)
def test_a_right_hint_lays_out_only_the_answer_in_full(checked: Checked, name: str,
                                                       change: dict[str, object]) -> None:
    profile = load_profile(checked.ws, name).model_copy(update=change)
    cold, warm = Counting(), Counting()
    answer = _fitted(checked, name, profile, measure=cold)
    assert cold.limits == [None] * (len(answer.dropped) + 2)  # each selection down to the answer; then the write's
    assert _fitted(checked, name, profile, answer.dropped, warm) == answer
    limit = profile.max_pages
    assert warm.limits == [limit] * len(answer.dropped) + [None, None]  # larger ones probed; the answer laid out


def test_a_stale_hint_that_left_out_too_much_still_keeps_what_now_fits(checked: Checked) -> None:
    profile = load_profile(checked.ws, "executive")
    answer = _fitted(checked, "executive", profile)
    roomy = profile.model_copy(update={"fit_slack": 0.0, "max_pages": 2})
    assert _fitted(checked, "executive", roomy, answer.dropped) == _fitted(checked, "executive", roomy)
    assert not _fitted(checked, "executive", roomy, answer.dropped).dropped


def test_a_probe_answers_as_the_full_layout_does_up_to_its_limit(checked: Checked) -> None:
    for name in ("analyst", "executive", "public"):
        profile = load_profile(checked.ws, name)
        theme = theme_for(checked.ws, profile)
        document = _fitted(checked, name, profile).document
        writer._layout.cache_clear()
        pages, free = writer.measure(document, theme)
        for limit in range(1, pages + 2):
            before = writer._layout.cache_info().currsize
            probed = writer.measure(document, theme, limit)
            assert writer._layout.cache_info().currsize == before  # a probe keeps nothing to write from
            assert probed == ((pages, free) if pages <= limit else (limit + 1, 0.0)), (name, limit)


def test_the_document_expected_is_shown_ahead_only_when_a_last_build_backs_it(checked: Checked) -> None:
    """With the last build's choice, the document shown ahead of the fit is the one the fit returns; with no last
    build, none is shown before the fit (so no process starts writing a document the fit then refuses); with no
    page limit, the one document there is."""
    shown: list[Document] = []

    def fitted(name: str, hint: tuple[str, ...] | None) -> Composed:
        profile = load_profile(checked.ws, name)
        writer._layout.cache_clear()
        return compose_fitted(checked, name, profile, theme_for(checked.ws, profile), writer.measure, hint=hint,
                              expect=shown.append)

    cold = fitted("executive", None)
    assert cold.dropped and shown == []
    warm = fitted("executive", cold.dropped)
    assert warm == cold and len(shown) == 1 and shown[0] is warm.document
    stale = fitted("executive", ())  # a last build that left nothing out: expected, then refused by the fit
    assert stale == cold and len(shown) == 2 and shown[1] is not stale.document
    analyst = fitted("analyst", None)
    assert len(shown) == 3 and shown[2] is analyst.document


def test_a_build_started_from_the_last_choice_writes_what_the_first_wrote(workspace: Path) -> None:
    """The second build reads what the first left out from its record (the hint) and must write the same."""
    def build() -> dict[str, bytes]:
        done = subprocess.run([sys.executable, "-m", "briefgen", "-C", str(workspace), "build", "-a", "executive"],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "left out to fit: fig-2022-incursion" in done.stdout
        return {n: (workspace / "output" / n).read_bytes() for n in ("executive.pdf", "executive.docx")}

    assert build() == build()


def test_an_item_no_page_can_hold_is_left_out_the_same_way_with_a_hint_or_without(workspace: Path) -> None:
    """The executive's last item to keep, given a label too long for any page (a table row cannot split): the
    fit leaves it out, as it leaves out an item that overflows, whether the build before chose already (a probe
    stops before reaching that row) or not (the full layout meets it)."""
    summary = workspace / "seeds" / "summary.yaml"
    text = summary.read_text(encoding="utf-8")
    giant = " ".join(["An incursion counted again and again."] * 450)
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == "- id: fig-2022-incursion")
    label = next(i for i in range(at, at + 4) if lines[i].lstrip().startswith("label:"))
    lines[label] = f"    label: {giant}\n"
    summary.write_text("".join(lines), encoding="utf-8")
    checked = run_check(Workspace.at(workspace))
    assert not checked.failed(False), checked.problems
    profile = load_profile(checked.ws, "executive")
    cold = _fitted(checked, "executive", profile)
    assert cold.dropped == ("fig-2022-incursion",) and cold.pages == 1
    assert _fitted(checked, "executive", profile, cold.dropped) == cold
    analyst = load_profile(checked.ws, "analyst").model_copy(update={"max_pages": 3})
    assert "fig-2022-incursion" in _fitted(checked, "analyst", analyst).dropped


def test_a_block_no_page_can_hold_in_every_selection_is_still_an_error(checked: Checked) -> None:
    profile = load_profile(checked.ws, "executive").model_copy(update={"max_pages": 1})
    long_bluf = checked.loaded.summary.brief.model_copy(update={"bluf": "word " * 3000})
    summary = checked.loaded.summary.model_copy(update={"brief": long_bluf})
    tall = replace(checked, loaded=replace(checked.loaded, summary=summary))
    with pytest.raises(BriefgenError, match="executive brief cannot fit max_pages 1"):
        _fitted(tall, "executive", profile)
