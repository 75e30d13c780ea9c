"""Figures' numbers: each number the displayed value states is in a cited passage, and the machine `number`
(and `number_high`) is one the value states; every message says what number was read from where."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.model.loader import Loaded
from briefgen.model.numbers import Stated, format_number, missing_stated, read_stated, unit_scale
from briefgen.model.schema import Figure

if TYPE_CHECKING:
    from briefgen.verify.verdicts import Verification


def check_figures(loaded: Loaded, result: Verification) -> None:
    for i, fig in enumerate(loaded.summary.figures):
        before = len(result.problems)
        _check_value(loaded, result, i, fig)
        _check_machine_numbers(loaded, result, i, fig)
        if len(result.problems) > before:
            result.mark_failed(fig.id)


def _read(stated: list[Stated]) -> str:
    return ", ".join(s.describe() for s in stated) if stated else "no number"


def _check_value(loaded: Loaded, result: Verification, i: int, fig: Figure) -> None:
    passages = [ev.passage for ev in fig.evidence]
    in_passages = [n for text in passages for n in read_stated(text)]
    for n in missing_stated(fig.value, passages):
        result.problems.append(loaded.summary_src.problem(
            ("figures", i, "value"), f"{fig.id}: {n.describe()} (read from the value {fig.value!r}) does not "
            "appear in any of its passages",
            f"its passages state {_read(in_passages)}: fix the value, or cite the passage that states this number"
            + _numbers_too(fig, in_passages), item=fig.id))


def _numbers_too(fig: Figure, in_passages: list[Stated]) -> str:
    """For a value to be fixed: its machine numbers that no passage states either, to be fixed with it (the
    next check would say so only once the value is right)."""
    scale = unit_scale(fig.unit)
    wrong = [f"{key} {format_number(number)}" for key, number in (("number", fig.number),
                                                                  ("number_high", fig.number_high))
             if number is not None and not any(s.fits(number, scale) for s in in_passages)]
    return f"; then make {' and '.join(wrong)} match the value as fixed" if wrong else ""


def _check_machine_numbers(loaded: Loaded, result: Verification, i: int, fig: Figure) -> None:
    stated, scale = read_stated(fig.value), unit_scale(fig.unit)
    for key, number in (("number", fig.number), ("number_high", fig.number_high)):
        if number is not None and stated and not any(s.fits(number, scale) for s in stated):
            result.problems.append(loaded.summary_src.problem(
                ("figures", i, key), f"{fig.id}: {key} {format_number(number)} is not a number of the value "
                f"{fig.value!r}, which reads as {_read(stated)}{_in_unit(fig.unit, scale, stated)}",
                "make the machine number match the displayed value (a share may be a fraction or a percentage)"
                + (f"; the unit {fig.unit!r} names a magnitude: write the number as counted in it, or take the "
                   "magnitude out of the unit" if scale != 1.0 else ""),
                item=fig.id))


def _in_unit(unit: str, scale: float, stated: list[Stated]) -> str:
    """", that is 4.2 in the unit 'million tonnes'" when the unit names a magnitude (unit_scale)."""
    plain = [format_number(s.in_unit(scale)) for s in stated if s.kind == "plain"]
    return f", that is {' or '.join(plain)} in the unit {unit!r}" if scale != 1.0 and plain else ""
