"""How an audience's next brief stands against the briefs before it: its content digest, its edition (which
version it will be, which issued version it is compared with) and what changed since that one.

A build composes the brief with exactly this; `check`'s template trial (render/profilecheck.rendered) uses
it too, so a template that fails only once there is an earlier version to speak of (the changes section, a
"supersedes" line) fails the check, not the build after it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.regen.inputs import asset_digests, tool_version
from briefgen.regen.issued import Edition, Issue, edition, read_issues
from briefgen.regen.record import AudienceRecord, quiet_lock

if TYPE_CHECKING:
    from briefgen.render.profilecheck import EditionOf
    from briefgen.render.profiles import Profile
    from briefgen.verify.check import Checked


def content(checked: Checked, name: str, profile: Profile) -> tuple[dict[str, Any], str]:
    """The audience's snapshot of the model and the content digest of the brief a build would make now."""
    from briefgen.regen.snapshot import digest, snapshot, withheld_from
    from briefgen.render.templating import template_sources

    snap = snapshot(checked, profile, name)
    return snap, digest(snap, profile, template_sources(checked.ws, profile.template) + asset_digests(checked.ws),
                        tool_version(), withheld_from(checked, profile, name))


def since_last(checked: Checked, name: str, profile: Profile, content: tuple[dict[str, Any], str],
               record: AudienceRecord | None, issues: list[Issue]) -> tuple[Edition, dict[str, Any] | None,
                                                                            list[dict[str, str]]]:
    """The brief's edition, the snapshot it is compared with before any issue (`record`: the audience's last
    build), and what changed, as the brief says it."""
    snap, key = content
    # "What changed" compares with the last issued version; before any issue, with the brief before the last
    # one while the content stays the same.
    ed = edition(issues, key)
    baseline = None if record is None else record.baseline if record.digest == key else record.snapshot
    return ed, baseline, told(checked, name, profile, ed.since(baseline), snap)


def told(checked: Checked, name: str, profile: Profile, before: dict[str, Any] | None,
         now: dict[str, Any]) -> list[dict[str, str]]:
    """What changed from `before` to `now` as the audience's brief tells it: nothing of the items now above
    its ceiling, and no words it may no longer see. `diff` says the same."""
    from briefgen.regen.changes import changes
    from briefgen.render.needles import spills
    from briefgen.render.release import needles, release_for, withheld_ids

    release = release_for(checked, profile, name)
    hidden = {i for i in withheld_ids(checked, release) if not i.startswith("bluf")}
    withheld = cache(lambda: needles(checked, release))  # sought only when something changed
    return changes(before, now, hidden, lambda text: spills(withheld(), text))


def trial_context(checked: Checked, out: Path) -> EditionOf:
    """For `check`'s template trial: a function giving each audience's (changes, edition context) as a build
    into `out` would compose it now; none read when nothing was built or issued there (a first edition)."""
    lock, issues = quiet_lock(out), read_issues(out)

    def context_of(name: str, profile: Profile) -> tuple[list[dict[str, str]], dict[str, Any]] | None:
        if name not in lock.audiences and not issues.get(name):
            return None
        ed, _, told = since_last(checked, name, profile, content(checked, name, profile), lock.audiences.get(name),
                                 issues.get(name, []))
        return told, ed.context()

    return context_of
