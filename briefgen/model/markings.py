"""Marking schemes: ordered levels of releasability, each with the banner text and the portion mark it prints.

A workspace names its scheme with the top-level `markings:` key of seeds/sources.yaml: the name of a shipped
scheme (`tlp`, `generic`) or its own list of levels, lowest first. The lowest level of every scheme is the one
that may be published: a brief citing only sources at that level rests on published sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LOWEST, HIGHEST = "lowest", "highest"  # ceilings that name a level of whatever scheme is in force


@dataclass(frozen=True)
class Level:
    name: str
    banner: str
    portion: str


@dataclass(frozen=True)
class Scheme:
    name: str
    levels: tuple[Level, ...]

    def rank(self, name: str) -> int | None:
        """The level's position, lowest first; None for a name the scheme does not know."""
        return next((i for i, level in enumerate(self.levels) if level.name == name), None)

    def ceiling(self, name: str) -> int | None:
        """A profile ceiling's rank: a level's name, or `lowest` / `highest`."""
        if name == LOWEST:
            return 0
        if name == HIGHEST:
            return len(self.levels) - 1
        return self.rank(name)

    def spelled(self, name: str) -> str | None:
        """The level `name` means when it differs only in case, spaces or look-alike punctuation ("tlp: amber",
        "TLP_AMBER"): never taken for it (a marking is typed as the scheme lists it), only suggested."""
        return next((level.name for level in self.levels if _bare(level.name) == _bare(name)), None)

    def names(self) -> str:
        return ", ".join(level.name for level in self.levels)


def _bare(name: str) -> str:
    return re.sub(r"[\W_]+", "", name).casefold()


def _plain(name: str, *names: str) -> Scheme:
    return Scheme(name, tuple(Level(n, n, n) for n in names))


SHIPPED: dict[str, Scheme] = {
    "tlp": _plain("tlp", "TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"),
    "generic": Scheme("generic", (Level("PUBLIC", "PUBLIC", "P"), Level("INTERNAL", "INTERNAL", "I"),
                                  Level("RESTRICTED", "RESTRICTED", "R"))),
}
DEFAULT = SHIPPED["tlp"]  # in force when sources carry TLP levels and no scheme is named
