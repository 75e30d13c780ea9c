"""A seeded, time-bounded mutation fuzz of the seed format readers, called in-process as `seeds add`, `seeds show`
and `check` call them: briefgen.sources.formats.extract and, for `seeds add`, sources/meta.py's document_clues.

It starts from small valid documents the tests already build (tests/worddoc.py, tests/outlook.py,
tests/officedocs.py, tests/opendoc.py, test_doc_epub_seeds.epub_bytes, python-docx, reportlab, Python's email
package) and mutates them: bytes flipped, cut at every boundary class, ranges duplicated and deleted; a zip
member's stated sizes, method, CRC and flags, duplicate names, a directory entry pointing past the file; an XML
part nested deep, given huge attributes, entity declarations, other namespaces and numbers out of range; a compound
file's sector numbers, sizes and directory links; a message's boundaries, transfer encodings and charsets.

Each case runs in a forked child limited to 10 s of CPU time (RLIMIT_CPU; an alarm at 60 s) and 500 MB more
memory than the parent holds (RLIMIT_AS); anything but a SeedError is a fault, and so are a hang and a memory
failure, reported once per class (the exception's type and the innermost briefgen frame) with the case that showed
it saved under --keep.

    PYTHONPATH=. python -m tests.fuzz_readers --seed 8 --seconds 300 [--format .doc ...] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import resource
import signal
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.sources import meta
from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.formats.plain import SeedError
from tests.fuzz_documents import SEEDS
from tests.fuzz_mutations import mutated

CASE_SECONDS = 10
CASE_MEMORY = 500 * 1024 * 1024


def read_as_seeds_add(suffix: str, data: bytes) -> None:
    """What `seeds add` does with a file: its text, then its properties (meta.document_clues)."""
    fmt = FORMATS[suffix]
    try:
        text = "\n".join(extract(fmt, data).paragraphs)
    except SeedError:
        text = ""
    with contextlib.suppress(SeedError):
        meta.document_clues(fmt.kind, data, text)


def _child(suffix: str, data: bytes, write: int) -> None:
    soft = resource.getrlimit(resource.RLIMIT_AS)[1]
    used = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    limit = used + CASE_MEMORY
    resource.setrlimit(resource.RLIMIT_AS, (limit if soft == resource.RLIM_INFINITY else min(limit, soft), soft))
    resource.setrlimit(resource.RLIMIT_CPU, (CASE_SECONDS, CASE_SECONDS + 5))  # CPU time: a loaded machine is no hang
    signal.alarm(6 * CASE_SECONDS)  # nor a wait for nothing
    try:
        read_as_seeds_add(suffix, data)
        report = ""
    except BaseException as exc:
        report = fault_class(exc)
    os.write(write, report.encode("utf-8", "replace"))
    os._exit(0)


def fault_class(exc: BaseException) -> str:
    """The exception's type and its innermost frame in briefgen (else the innermost frame), then the message."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/briefgen/" in f.filename] or frames
    where = f"{ours[-1].filename.split('/briefgen/')[-1]}:{ours[-1].lineno}" if ours else "?"
    return f"{type(exc).__name__} at {where}\n{str(exc)[:200]}"


def run_case(suffix: str, data: bytes) -> str:
    """'' when the reader read the case or refused it with a SeedError; else the fault's class and message."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        _child(suffix, data, write)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        hung = os.WTERMSIG(status) in (signal.SIGALRM, signal.SIGXCPU, signal.SIGKILL)
        return f"hang (over {CASE_SECONDS} s)" if hung else f"killed by signal {os.WTERMSIG(status)}"
    return b"".join(chunks).decode("utf-8", "replace")


@dataclass
class Tally:
    cases: int = 0
    faults: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # class: (message, the first case)


def fuzz(suffix: str, seed: int, seconds: float) -> Tally:
    rng = random.Random(f"{seed}{suffix}")
    seeds = SEEDS[suffix]()
    for data in seeds:  # each must read (a seed refused would fuzz nothing); the reader loads before the forks
        assert extract(FORMATS[suffix], data).paragraphs, suffix
        read_as_seeds_add(suffix, data)
    tally = Tally()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = mutated(rng, suffix, seeds)
        found = run_case(suffix, data)
        tally.cases += 1
        if found:
            kind, _, message = found.partition("\n")
            tally.faults.setdefault(kind, (message, data))
    return tally


def cases(tallies: dict[str, Tally]) -> Iterator[tuple[str, str, str, bytes]]:
    for suffix, tally in tallies.items():
        for kind, (message, data) in tally.faults.items():
            yield suffix, kind, message, data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60, help="seconds for each format")
    parser.add_argument("--format", action="append", choices=sorted(SEEDS), help="a format's suffix (repeat)")
    parser.add_argument("--keep", type=Path, help="a folder to save each fault's first case in")
    args = parser.parse_args(argv)
    tallies = {}
    for suffix in args.format or sorted(SEEDS):
        tallies[suffix] = tally = fuzz(suffix, args.seed, args.seconds)
        print(f"{suffix}: seed {args.seed}, {args.seconds:g} s, {tally.cases} cases, {len(tally.faults)} fault "
              f"classes", flush=True)
    for n, (suffix, kind, message, data) in enumerate(cases(tallies)):
        print(f"  {suffix} {kind}: {message}")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / f"fault{n}{suffix}").write_bytes(data)
    return 1 if any(t.faults for t in tallies.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
