"""Which figures an audience's chart shows, checked so that one axis never mixes units.

The profile names the figures (`chart.figures`, drawn in that order) or a tag they carry (`chart.tag`, model
order, only figures meant for the audience). Every mistake is reported at its key in the profile file.
"""

from __future__ import annotations

import difflib

from briefgen.errors import BriefgenError
from briefgen.profiles import ChartSpec, Profile
from briefgen.schema import Figure, Summary
from briefgen.yamlsrc import Key

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
    figures = _by_id(summary, profile, spec) if spec.figures else _by_tag(summary, profile, spec, audience)
    _same_unit(profile, figures, where)
    for figure in figures:
        if figure.number < 0:
            raise BriefgenError(profile.problem(where, f"figure {figure.id!r} is negative ({figure.value}); bars "
                                                "start at zero", "chart only figures of zero or more"))
    return figures


def _by_id(summary: Summary, profile: Profile, spec: ChartSpec) -> tuple[Figure, ...]:
    known = {f.id: f for f in summary.figures}
    chosen: list[Figure] = []
    for index, figure_id in enumerate(spec.figures):
        if figure_id not in known:
            close = difflib.get_close_matches(figure_id, list(known), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"figures in the model: {', '.join(known) or 'none'}"
            raise BriefgenError(profile.problem(("chart", "figures", index),
                                                f"no figure {figure_id!r} in seeds/summary.yaml", hint))
        if known[figure_id] not in chosen:
            chosen.append(known[figure_id])
    return tuple(chosen)


def _by_tag(summary: Summary, profile: Profile, spec: ChartSpec, audience: str) -> tuple[Figure, ...]:
    chosen = tuple(f for f in summary.figures if spec.tag in f.tags
                   and (f.audiences is None or audience == "*" or audience in f.audiences))
    if not chosen:
        raise BriefgenError(profile.problem(("chart", "tag"), f"no figure for this audience has the tag {spec.tag!r}",
                                            "add the tag to the figures' `tags` in seeds/summary.yaml"))
    if len(chosen) > 12:
        raise BriefgenError(profile.problem(("chart", "tag"), f"{len(chosen)} figures have the tag {spec.tag!r}; "
                                            "a chart shows at most 12", "use a narrower tag or list the figures"))
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
