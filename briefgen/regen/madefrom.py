"""What each published brief was made from, per audience and format: the content and the inputs.

A build of some audiences or formats (`build -a executive`, `build -f pdf`) leaves the other briefs as they
were, made from older inputs. So the build record keeps, for each format of each audience, the content
digest its file was written from and a fingerprint of the inputs then (every input file's content hash and
briefgen's version): `status`, `build --if-changed`, `diff` and `issue` judge each brief by its own. The inputs
of the last build are the lock's `inputs`; those of an older fingerprint some brief still stands on are kept
as their difference from them (`Lock.earlier`, a few entries), so what changed can be named for each brief.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from briefgen.regen.inputs import Stamp, tool_version
from briefgen.regen.record import Lock

TOOL = "briefgen itself"  # briefgen's version, among the inputs (no input file is named so)


def contents(stamps: dict[str, Stamp], tool: str) -> dict[str, str]:
    """Each input's content hash by its name, briefgen's version under TOOL."""
    return {**{name: stamp.sha256 for name, stamp in stamps.items()}, TOOL: tool}


def fingerprint(inputs: dict[str, str]) -> str:
    """One digest of a set of inputs: equal exactly when every input's content (and briefgen) is."""
    digest = hashlib.sha256()
    for name, sha in sorted(inputs.items()):
        digest.update(f"{name}\0{sha}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def made_now(stamps: dict[str, Stamp]) -> str:
    """The fingerprint of the inputs as stamped now and of this briefgen: what a brief made now is made from."""
    return fingerprint(contents(stamps, tool_version()))


def inputs_of(lock: Lock, print_: str, last: dict[str, str] | None = None) -> dict[str, str] | None:
    """The inputs whose fingerprint is `print_`, as the lock knows them (`last`: the lock's own, if already
    made); None when it does not know them."""
    last = contents(lock.inputs, lock.tool) if last is None else last
    delta = lock.earlier.get(print_)
    if delta is None:
        return last if print_ == fingerprint(last) else None
    inputs = dict(last)
    for name, sha in delta.items():
        if sha is None:
            inputs.pop(name, None)
        else:
            inputs[name] = sha
    return inputs


def used(lock: Lock, audiences: Iterable[str] | None = None) -> set[str]:
    """The fingerprints the recorded formats of `audiences` (default: all) were written from."""
    names = lock.audiences if audiences is None else [n for n in audiences if n in lock.audiences]
    return {made[1] for n in names for made in lock.audiences[n].made_from.values() if len(made) == 2}


def rebased(lock: Lock, stamps: dict[str, Stamp], tool: str) -> dict[str, dict[str, str | None]]:
    """`Lock.earlier` for the lock once its inputs are `stamps` (its audiences already updated): every
    fingerprint still in use, as its difference from the new inputs."""
    now, last = contents(stamps, tool), contents(lock.inputs, lock.tool)
    earlier: dict[str, dict[str, str | None]] = {}
    for print_ in used(lock) - {fingerprint(now)}:
        then = inputs_of(lock, print_, last)
        if then is not None:
            earlier[print_] = {n: then.get(n) for n in sorted(set(now) | set(then)) if now.get(n) != then.get(n)}
    return earlier


def changed_for(lock: Lock, stamps: dict[str, Stamp], tool: str, audiences: Iterable[str] | None = None,
                ) -> list[str]:
    """The inputs that differ between now and what the recorded briefs of `audiences` (default: all) were
    made from; against the last build's inputs for a brief whose inputs are unknown (an older record)."""
    now, last = contents(stamps, tool), contents(lock.inputs, lock.tool)
    changed = {n for n in set(now) | set(last) if now.get(n) != last.get(n)}
    for print_ in used(lock, audiences):
        then = inputs_of(lock, print_, last) or last
        changed |= {n for n in set(now) | set(then) if now.get(n) != then.get(n)}
    return sorted(changed)
