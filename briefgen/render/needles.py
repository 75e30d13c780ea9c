"""How the spillage check looks for a withheld text, so that no transformation a writer or a template applies
hides it: the rules that turn a withheld text into what is sought, shared by the side that lists withheld
material (render/release.py) and the side that reads the written files back (regen/spillage.py).

Both sides are compared after verification's normalisation (case, quotes, dashes, white space, ligatures and
full-width forms) and with look-alike letters of other scripts folded to the Latin ones they imitate. A short
text (a figure's value, an id) is sought as a phrase, whole words only, in the text as read and with words
broken at the end of a line joined again. A longer one is sought *squeezed*, its letters and digits alone, so
that hyphenation, soft hyphens, a word split across runs or lines, punctuation and spacing do not hide it; and
so is every run of WORDS words in it, so that a text shortened, cut at either end or elided with "..." is still
found. A run the audience may see anyway (in what it is shown) is not sought.

A withheld source's whole text is sought too, not only the passages items cite: any RUN consecutive words of
it (punctuation aside) in a brief, outside what the audience is shown, are its content leaking (a template that
includes the seed, a paragraph of it pasted into a profile or the brief's subject).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from briefgen.sources.textnorm import normalise

SHORTEST = 4  # shorter withheld texts ("12", "US") are too common to tell a leak from a coincidence
LONG = 24  # letters and digits: a text at least this long is sought squeezed, and by its runs of words
WORDS = 6  # a leak of this many consecutive words of a withheld text is found
_ELISION = re.compile(r"\.\.\.+")  # "…" is normalised to "..."
_NOT_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")
RUN = 12  # words of a withheld source's text in a row: its content, not a common phrase
_ALL_KNOWN = re.compile(f"1{{{RUN},}}")
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic, Syriac, Thaana...
# Han, kana and Hangul syllables: Chinese and Japanese have no spaces between words (Korean has, but a leak
# of a Korean phrase is as well found by its syllables)
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
IDEOGRAPHS = 8  # characters in a row of such a script: a leak this long is found
_BROKEN = re.compile(r"[-\u00ad\u2010\u2011]\s*\n\s*")  # a word hyphenated at the end of a line
# Letters of Cyrillic and Greek that look like Latin ones in print (the confusables that matter in a brief)
_LOOK_ALIKES = str.maketrans(dict(zip(
    "АВЕКМНОРСТУХЅІЈаеорсухѕіјһԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρυ",
    "ABEKMHOPCTYXSIJaeopcyxsijhdqwABEZHIKMNOPTYXoikvpu", strict=True)))


@dataclass(frozen=True)
class Needle:
    """Text of withheld material that must not appear in a brief; `what` names it for the error.

    `phrase` (normalised) is sought whole words only, `pieces` (squeezed) anywhere; see `sought`."""

    what: str
    text: str
    phrase: str = ""
    pieces: tuple[str, ...] = ()
    words: tuple[str, ...] = ()  # a withheld source's whole text, word by word (`content`)
    shown: str = ""  # for `words`: the words the audience is shown anyway, folded, one space apart


def content(what: str, text: str, shown_words: str) -> Needle:
    """A withheld source's whole text, sought by its runs of RUN words (`shown_words`: `words_of` what the
    audience is shown)."""
    return Needle(what, "", words=_words(text), shown=shown_words)


def words_of(texts: Sequence[str]) -> str:
    """The texts' words, folded, one space apart (a text to a line)."""
    return "\n".join(" ".join(_words(text)) for text in texts)


@functools.lru_cache(maxsize=16)  # a seed's words, for each audience it is withheld from
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(folded(text)))


def folded(text: str) -> str:
    """The text as compared: normalised, with look-alike letters folded to Latin."""
    if text.isascii():
        return normalise(text)
    return normalise(text.translate(_LOOK_ALIKES)).translate(_LOOK_ALIKES)


def squeezed(text: str) -> str:
    """Letters and digits only, folded: what survives hyphenation, line breaks, runs and punctuation."""
    return _NOT_WORD.sub("", folded(text))


def joined(text: str) -> str:
    """The text with words hyphenated at the end of a line joined again, folded."""
    return folded(_BROKEN.sub("", text))


def sought(what: str, text: str, shown: str, shown_squeezed: str) -> Needle | None:
    """What to look for of withheld `text`, less what the audience is shown anyway (`shown`: its folded text,
    `shown_squeezed`: the same squeezed); None when nothing is left to look for."""
    whole = folded(text)
    if len(whole) < SHORTEST or whole in shown:
        return None
    pieces = {p for part in _ELISION.split(whole) for p in _runs(part) if p not in shown_squeezed}
    phrase = whole if len(_NOT_WORD.sub("", whole)) < LONG and not _ELISION.search(whole) else ""
    if not phrase and not pieces:
        return None
    return Needle(what, text, phrase, tuple(sorted(pieces)))


def _runs(part: str) -> set[str]:
    """The part squeezed, and each run of WORDS words in it squeezed, that is long enough to seek anywhere;
    and each run of IDEOGRAPHS characters of a script written without spaces between words (Chinese, Japanese)."""
    words = part.split()
    runs = {"".join(words[i:i + WORDS]) for i in range(max(1, len(words) - WORDS + 1))} | {"".join(words)}
    found = {squeeze for run in runs if len(squeeze := _NOT_WORD.sub("", run)) >= LONG}
    for stretch in _UNSPACED.findall(part):
        found |= {stretch[i:i + IDEOGRAPHS] for i in range(len(stretch) - IDEOGRAPHS + 1)}
    return found


@dataclass(frozen=True)
class Haystack:
    """A text read back, in the forms needles are sought in."""

    texts: tuple[str, str]  # folded as read, and with words hyphenated at a line end joined
    squeezed: str

    @classmethod
    def of(cls, text: str) -> Haystack:
        if "%" in text:  # a link's target may be percent-encoded: "memo%2Dspring" is "memo-spring"
            text = f"{text}\n{unquote(text)}"
        if _RIGHT_TO_LEFT.search(text):  # a PDF's text comes out in drawing order: right-to-left words reversed
            text = f"{text}\n" + "\n".join(" ".join(reversed(line.split())) for line in text.splitlines())
        plain = folded(text)
        return cls((plain, joined(text) if _BROKEN.search(text) else plain), _NOT_WORD.sub("", plain))

    @functools.cached_property
    def _runs(self) -> tuple[set[str], set[tuple[str, ...]]]:
        words = _words(self.texts[0])
        return set(words), {words[i:i + RUN] for i in range(len(words) - RUN + 1)}

    def run_of(self, needle: Needle) -> str | None:
        """The first RUN words of the source `needle` holds that this text holds too, and the audience is not
        shown anyway; None when there are none."""
        vocabulary, runs = self._runs
        if not runs:
            return None
        known = "".join("1" if word in vocabulary else "0" for word in needle.words)
        for stretch in _ALL_KNOWN.finditer(known):
            for i in range(stretch.start(), stretch.end() - RUN + 1):
                run = needle.words[i:i + RUN]
                if run in runs and " ".join(run) not in needle.shown:
                    return " ".join(run)
        return None


class Finder:
    """The needles sought in many texts: each text is searched once for all the pieces, whatever their number
    (by their first IDEOGRAPHS characters, the shortest a piece is, when there are many), and a phrase's
    pattern is tried only where its letters stand."""

    SCAN = 400  # pieces from which one pass over a text, looking each place up, beats seeking each piece

    def __init__(self, needles: Sequence[Needle]) -> None:
        self.phrases = [(n, _NOT_WORD.sub("", n.phrase)) for n in needles if n.phrase]
        self.sources = [n for n in needles if n.words]
        self.pieces = [(piece, n) for n in needles for piece in n.pieces]
        self.by_start: dict[str, list[tuple[str, Needle]]] = {}
        for piece, needle in self.pieces:
            self.by_start.setdefault(piece[:IDEOGRAPHS], []).append((piece, needle))

    def found(self, hay: Haystack) -> dict[str, Needle]:
        """The needles `hay` holds, by what they are."""
        found = {n.what: n for n, letters in self.phrases if letters in hay.squeezed and any(
            _pattern(n.phrase).search(text) for text in hay.texts)}
        found.update((n.what, n) for n in self._pieces_in(hay.squeezed) if n.what not in found)
        found.update((n.what, n) for n in self.sources if n.what not in found and hay.run_of(n) is not None)
        return found

    def _pieces_in(self, squeezed: str) -> Iterator[Needle]:
        if len(self.pieces) < self.SCAN:
            yield from (needle for piece, needle in self.pieces if piece in squeezed)
            return
        for i in range(len(squeezed) - IDEOGRAPHS + 1):  # the shortest piece: a run of ideographs
            for piece, needle in self.by_start.get(squeezed[i:i + IDEOGRAPHS], ()):
                if squeezed.startswith(piece, i):
                    yield needle


def spills(needles: Sequence[Needle], text: str) -> bool:
    """Does `text` hold any of the withheld `needles`?"""
    return bool(Finder(needles).found(Haystack.of(text)))


@functools.lru_cache(maxsize=1024)
def _pattern(phrase: str) -> re.Pattern[str]:
    """Whole words only; but a word of a script without spaces has no edge to keep to."""
    before = "" if _UNSPACED.match(phrase[0]) else r"(?<!\w)"
    after = "" if _UNSPACED.match(phrase[-1]) else r"(?!\w)"
    return re.compile(f"{before}{re.escape(phrase)}{after}")
