"""The workspace's readable seeds, by source id: each read as verification needs it.

Without a tie store every seed is read up front, in catalogue order, as before. With one, a seed whose bytes
(by their hash) were read without trouble by an earlier check is not read until a question about it is not
in the store: after one seed of 10,000 changes, one seed is read."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from briefgen.sources.seeds import Seed

Later = Callable[[], "Seed | None"]  # reads the seed; None (its problem reported) when it can no longer be read


class Shelf(Mapping[str, Seed]):
    def __init__(self) -> None:
        self._seeds: dict[str, Seed] = {}
        self._later: dict[str, Later] = {}
        self._order: dict[str, None] = {}  # every id, in catalogue order
        self.displays: dict[str, str] = {}  # as messages show each seed: seeds/<file>
        self.contents: dict[str, tuple[str, str, str]] = {}  # each seed's content key, when its hash is known

    def put(self, source_id: str, seed: Seed) -> None:
        self._seeds[source_id] = seed
        self._order[source_id] = None
        self.displays[source_id] = seed.display

    def put_later(self, source_id: str, display: str, read: Later) -> None:
        self._later[source_id] = read
        self._order[source_id] = None
        self.displays[source_id] = display

    def __getitem__(self, source_id: str) -> Seed:
        seed = self._seeds.get(source_id)
        if seed is not None:
            return seed
        read = self._later.pop(source_id)  # KeyError: no such readable seed
        seed = read()
        if seed is None:
            del self._order[source_id]
            raise KeyError(source_id)
        self._seeds[source_id] = seed
        content = self.contents.get(source_id)
        if content is not None and seed.digest and seed.digest != content[0]:  # changed since it was stamped
            self.contents[source_id] = (seed.digest, content[1], content[2])  # what it answers is kept by that
        return seed

    def __contains__(self, source_id: object) -> bool:
        return source_id in self._order

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)
