"""Which figures an audience's chart shows, checked so that one axis never mixes units.

The profile names the figures (`chart.figures`, drawn in that order) or a tag they carry (`chart.tag`, model
order, only figures meant for the audience; a tag no figure carries draws no chart, so a generic profile can
ask for one in every workspace). Every mistake is reported at its key in the profile file.
"""

from __future__ import annotations

import math

from briefgen.errors import BriefgenError, did_you_mean
from briefgen.model.fields import MAX_CHART_TEXT
from briefgen.model.numbers import format_number
from briefgen.model.schema import Figure, Summary
from briefgen.model.yamlsrc import Key
from briefgen.render.profiles import CHART_MAX_FIGURES, ChartSpec, Profile

_UNIT_HINT = ("one axis can only honestly compare figures in the same unit: chart one unit per audience, or "
              "correct the figures' `unit` in seeds/summary.yaml if they do share one")


def chart_figures(summary: Summary, profile: Profile, audience: str) -> tuple[Figure, ...]:
    """The figures the profile's chart draws (empty when it has none); a located error if they cannot be."""
    spec = profile.chart
    if spec is None:
        return ()
    if "figures" not in profile.sections:
        raise BriefgenError(profile.problem(("chart",), "the chart is drawn in the figures section, which "
                                            "`sections` leaves out", "add figures to sections, or remove chart"))
    where: Key = ("chart", "figures") if spec.figures else ("chart", "tag")
    figures = _by_id(summary, profile, spec, audience) if spec.figures else _by_tag(summary, profile, spec, audience)
    _same_unit(profile, figures, where)
    for figure in figures:
        _drawable(profile, figure, where)
    return figures


def _drawable(profile: Profile, figure: Figure, where: Key) -> None:
    """A bar from zero: a finite number of zero or more, and a range's high end not below its low end."""
    low, high = figure.number, figure.number_high
    problem = ""
    if not all(math.isfinite(v) for v in (low, high if high is not None else 0.0)):
        problem = "is not a finite number"
    elif low < 0:
        problem = f"is negative ({figure.value}): bars start at zero"
    elif high is not None and high < low:
        problem = f"has number_high {format_number(high)} below its number {format_number(low)}"
    if problem:
        raise BriefgenError(profile.problem(where, f"figure {figure.id!r} {problem}", (
            "chart figures of zero or more, with number ≤ number_high; fix the figure in seeds/summary.yaml")))
    drawn = {"label": figure.label}
    if profile.chart is not None and not profile.chart.unit_label:  # the axis is named by the figures' unit
        drawn["unit"] = figure.unit
    for name, text in drawn.items():
        if len(text) > MAX_CHART_TEXT:
            raise BriefgenError(profile.problem(where, (
                f"figure {figure.id!r} has a {name} of {len(text):,} characters, more than the {MAX_CHART_TEXT} a "
                "chart can draw"), f"shorten the figure's {name} in seeds/summary.yaml, or chart others"
                + (" (or give the chart a unit_label)" if name == "unit" else "")))


def _for(figure: Figure, audience: str) -> bool:
    """Is the figure meant for the audience ("*": any)?"""
    return figure.audiences is None or audience == "*" or audience in figure.audiences


def _by_id(summary: Summary, profile: Profile, spec: ChartSpec, audience: str) -> tuple[Figure, ...]:
    known = {f.id: f for f in summary.figures}
    chosen: list[Figure] = []
    for index, figure_id in enumerate(spec.figures):
        if figure_id not in known:
            hint = did_you_mean(figure_id, known, "figures in the model", shown=len(known))
            raise BriefgenError(profile.problem(("chart", "figures", index),
                                                f"no figure {figure_id!r} in seeds/summary.yaml", hint))
        if not _for(known[figure_id], audience):  # its `audiences` keep it from this brief, chart included
            raise BriefgenError(profile.problem(("chart", "figures", index), (
                f"figure {figure_id!r} is not for the {audience} brief (its audiences: "
                f"{', '.join(known[figure_id].audiences or ())})"),
                f"chart other figures, or add {audience} to the figure's `audiences` in seeds/summary.yaml"))
        if known[figure_id] not in chosen:
            chosen.append(known[figure_id])
    return tuple(chosen)


def _by_tag(summary: Summary, profile: Profile, spec: ChartSpec, audience: str) -> tuple[Figure, ...]:
    chosen = tuple(f for f in summary.figures if spec.tag in f.tags and _for(f, audience))
    if len(chosen) > CHART_MAX_FIGURES:
        raise BriefgenError(profile.problem(("chart", "tag"), f"{len(chosen)} figures have the tag {spec.tag!r}; "
                                            f"a chart shows at most {CHART_MAX_FIGURES}",
                                            "use a narrower tag or list the figures"))
    return chosen


def _same_unit(profile: Profile, figures: tuple[Figure, ...], where: Key) -> None:
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        groups.setdefault(figure.unit.strip().casefold(), []).append(figure)
    if len(groups) < 2:
        return
    parts = [f"{', '.join(f.id for f in group)} in {group[0].unit!r}" for group in groups.values()]
    raise BriefgenError(profile.problem(where, f"the charted figures do not share a unit: {'; '.join(parts)}",
                                        _UNIT_HINT))
