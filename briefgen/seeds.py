"""Seed documents: read safely, split into numbered paragraphs, normalised once for matching."""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from briefgen.textnorm import normalise

MAX_SEED_BYTES = 5 * 1024 * 1024


class SeedError(Exception):
    """Why a seed file cannot be used, phrased for the user; carries an optional hint and line."""

    def __init__(self, message: str, hint: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.hint, self.line = hint, line


@dataclass(frozen=True)
class Seed:
    """One seed document. Paragraph n (1-based) is the n-th non-blank line."""

    path: Path
    text: str
    digest: str
    paragraphs: tuple[str, ...] = field(repr=False)

    @cached_property
    def _index(self) -> tuple[str, list[int]]:
        """The normalised paragraphs joined by newlines, and where each one starts."""
        starts, parts, pos = [], [], 0
        for para in self.paragraphs:
            norm = normalise(para)
            starts.append(pos)
            parts.append(norm)
            pos += len(norm) + 1
        return "\n".join(parts), starts

    def locate(self, passage: str) -> int | None:
        """The number of the paragraph holding `passage` (after normalisation), or None.

        Normalised text has no newlines, so a match can never straddle two paragraphs."""
        joined, starts = self._index
        needle = normalise(passage)
        at = joined.find(needle) if needle else -1
        return bisect.bisect_right(starts, at) if at >= 0 else None

    def normalised(self, number: int) -> str:
        joined, starts = self._index
        end = starts[number] - 1 if number < len(starts) else len(joined)
        return joined[starts[number - 1]:end]


def read_seed(path: Path, seeds_dir: Path) -> Seed:
    """Read one seed, refusing anything that is not a small UTF-8 text file inside seeds/."""
    resolved = path.resolve()
    if not resolved.is_relative_to(seeds_dir.resolve()):
        raise SeedError("the seed path leaves the seeds/ folder", "seed files must live inside seeds/")
    if not resolved.exists():
        raise SeedError("seed file not found", "check the `file` name, or copy the document into seeds/")
    if not resolved.is_file():
        raise SeedError("seed path is not a regular file", "point `file` at a text file inside seeds/")
    if resolved.stat().st_size > MAX_SEED_BYTES:
        raise SeedError(f"seed is larger than {MAX_SEED_BYTES // 1048576} MB", "split or trim the document")
    try:
        raw = resolved.read_bytes()
    except OSError as exc:
        raise SeedError(f"cannot read the seed: {exc.strerror}", "check the file's permissions") from None
    return seed_from_bytes(path, raw)


def seed_from_bytes(path: Path, raw: bytes) -> Seed:
    if b"\x00" in raw[:65536]:
        raise SeedError("seed is a binary file, not text", "convert it to UTF-8 plain text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SeedError(f"seed is not valid UTF-8 (byte {exc.start})", "re-save the document as UTF-8",
                        line) from None
    paragraphs = tuple(stripped for line in text.splitlines() if (stripped := line.strip()))
    return Seed(path, text, hashlib.sha256(raw).hexdigest(), paragraphs)
