"""`briefgen suggest`: numbers and quoted words in the seeds that no model item uses yet, as YAML to paste.

Each suggestion carries its evidence ready-made: the sentence of the seed that states it, copied verbatim, so
`briefgen check` verifies the pasted item as soon as its placeholders are filled in. A sentence holding a
character no model may hold (a control character, DEL, a terminal escape sequence) is cut there: the passage
is the part that states the number or quotation, which still verifies."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.authoring.datewords import cjk_date_part, clock_part, month_follows
from briefgen.authoring.yamltext import comment, quoted, scalar
from briefgen.model.disguise import undisguised
from briefgen.model.numbers import format_number, read_numbers, same_number
from briefgen.sources.marks import note_number_at, unhyphenated
from briefgen.sources.textnorm import normalise
from briefgen.text import safe_pieces
from briefgen.verify.check import Checked

_WORD_NUMBER = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                r"sixty|seventy|eighty|ninety|a|an)")
_CURRENCY = "$€£¥₩"
_PERCENT = r"(?:\s*[%％]|\s+per\s?cent\b|\s+pct\b)"
_DIGITS = (rf"[{_CURRENCY}]?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|thousand|trillion|bn|M|lakhs?|crores?)\b"
           rf"|[千百천]?[万萬亿億兆만억조])?{_PERCENT}?")  # "420万", "3千万": model/numbers.py reads their myriads
_NUMBER = re.compile(
    rf"{_DIGITS}(?:\s*(?:to|-|–)\s*{_DIGITS})?"
    rf"|\b{_WORD_NUMBER}(?:[\s-]{_WORD_NUMBER})?\s+(?:million|billion|thousand|trillion)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b" + _PERCENT + "?", re.IGNORECASE)
# Quotation marks of every script: “…” "…" «…» „…“ ‘…’ 「…」 『…』 ‹…›; a ‘ must open after a space or the start and
# its ’ close before a non-letter, so the apostrophes of "Kim’s ‘no’" are not read as quotation marks.
_QUOTED = re.compile(r"“([^”“]+)”|\"([^\"]+)\"|«\s?([^«»]+?)\s?»|„([^“„”]+)[“”]|(?:(?<=\s)|^)‘([^‘’]+)’(?!\w)"
                     r"|「([^「」]+)」|『([^『』]+)』|‹([^‹›]+)›")
# A sentence ends at a stop before a capital, but not at a day's number ("Am 18. Oktober": German and the Nordic
# languages write a day with a stop; a sentence ending in a number of one or two digits runs on into the next)
_SENTENCE = re.compile(r"(?<=[.!?])(?<!\b\d\.)(?<!\b\d\d\.)\s+(?=[A-Z“\"«„‘])|(?<=[。！？])")
_YEAR = re.compile(r"^(19|20)\d\d$")
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_MONTH_BEFORE = re.compile(_MONTHS + r"\s+$")
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+" + _MONTHS + r"\b")
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")
_NAMED = re.compile(r"^\s+[A-Z][a-z]")  # "38 North", "Route 66 Media": a number that is part of a name
# A number that labels rather than counts: "Report No. 41", "section 3", "§ 4", "page 12", "Resolution 2231".
_LABEL = re.compile(r"(?:\b(?:no|nos|nr|number|report|resolution|section|sections|chapter|article|art|paragraph|"
                    r"para|page|pages|pp|p|annex|appendix|table|figure|fig|item|rule|clause|version|vol|volume|"
                    r"issue|edition|series|phase|stage|step|level|grade|unit|class|model|type|route|flight)\.?"
                    r"|[#§¶№])\s*$", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^\s*\(?\d{1,3}[.)](?:\s|$)")
_UNITS = {"$": "US dollars", "€": "euros", "£": "pounds sterling", "¥": "yen", "₩": "won"}
_IDEOGRAPHIC = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Origin:
    """Where a sentence stands: its source id, seed file, paragraph number and the pinpoint a note prints."""

    source: str
    file: str
    paragraph: int
    place: str  # "¶12", or "p. 2, ¶3" in a PDF seed


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "figure" or "quote"
    origin: Origin
    found: str  # the number as written, or the quoted words
    value: float | None
    high: float | None  # the top of a range ("$457 million to $1.19 billion")
    passage: str
    score: float
    unit: str = ""  # "percent", "US dollars"… when the number says it; "" leaves a placeholder to fill in

    def yaml(self) -> str:
        what = "a number" if self.kind == "figure" else "quoted words"
        where = comment(f"{self.origin.file} {self.origin.place}")
        head = f"# {where}: {what} no model item uses yet (paste under {self.kind}s:)\n"
        evidence = f"  evidence:\n    - source: {scalar(self.origin.source)}\n      passage: {quoted(self.passage)}\n"
        slug = _slug(self.found)
        if self.kind == "figure":
            assert self.value is not None
            numbers = f"  number: {_plain(self.value)}\n"
            if self.high is not None:
                numbers += f"  number_high: {_plain(self.high)}\n"
            return (f"{head}- id: fig-{slug}\n  label: \"<what is counted>\"\n  value: {quoted(self.found)}\n"
                    f"{numbers}  unit: {quoted(self.unit or '<unit>')}\n  priority: 50\n{evidence}")
        return (f"{head}- id: q-{slug}\n  text: {quoted(self.found)}\n  speaker: \"<who said it>\"\n"
                f"  context: \"<when, where, why>\"\n  priority: 50\n{evidence}")


def _slug(found: str, most: int = 32) -> str:
    """An id's words from the found text: lower case, hyphenated, at most `most` characters cut at a word's
    end ("we-expect-volumes-to-stay-high", not "...-high-t"), or the first word's start if it is longer."""
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(found)).strip("-")
    if len(slug) > most:
        cut = slug.rfind("-", 0, most + 1)
        slug = slug[:cut] if cut > 0 else slug[:most]
    return slug or "item"


def _plain(value: float) -> str:
    return format_number(value).replace(",", "")


def suggest(checked: Checked, source_id: str | None = None, limit: int = 20) -> list[Suggestion]:
    """Unused numbers and quotes, best first: uncited paragraphs, big round figures and long quotes rank high."""
    summary = checked.loaded.summary
    used_numbers = [n for f in summary.figures for n in (f.number, f.number_high) if n is not None]
    used_numbers += [n for f in summary.figures for n in read_numbers(f.value)]
    used_quotes = [normalise(q.text) for q in summary.quotes]
    cited = {(c.source.id, c.paragraph) for i in checked.verification.items.values() for c in i.citations}
    found: list[Suggestion] = []
    for source in _sources(checked, source_id):
        seed = checked.verification.seeds[source]
        for number, paragraph in enumerate(seed.paragraphs, start=1):
            bonus = 0.0 if (source, number) in cited else 1.0
            origin = Origin(source, seed.display, number, seed.pinpoint(number))
            for sentence in _passages(paragraph):
                found += _numbers(origin, sentence, used_numbers, bonus)
                found += _quotes(origin, sentence, used_quotes, bonus)
    found.sort(key=lambda s: (-s.score, s.origin.file, s.origin.paragraph))
    return _first_of_each(found)[:limit]


def _passages(paragraph: str) -> list[str]:
    """The paragraph's sentences, each cut at the characters no passage may hold; a word a PDF line's end
    hyphenated reads whole, as the reader of the page reads it (marks.unhyphenated)."""
    return [part.strip() for sentence in _SENTENCE.split(unhyphenated(paragraph)) for piece in safe_pieces(sentence)
            for part in undisguised(piece) if part.strip()]


def _first_of_each(found: list[Suggestion]) -> list[Suggestion]:
    """The same number or quoted words found in several places is suggested once, where it ranks best."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for suggestion in found:
        key = (suggestion.kind, normalise(suggestion.found))
        if key not in seen:
            seen.add(key)
            kept.append(suggestion)
    return kept


def _sources(checked: Checked, source_id: str | None) -> list[str]:
    known = list(checked.verification.seeds)
    return [source_id] if source_id in known else known


def _numbers(origin: Origin, sentence: str, used: list[float], bonus: float) -> list[Suggestion]:
    out = []
    for match in _NUMBER.finditer(sentence):
        surface = match.group().strip().rstrip(",.")
        values = read_numbers(surface)
        if not values or _not_a_figure(sentence, match, surface) or any(same_number(values[0], u) for u in used):
            continue
        unit = _unit(surface)
        # a number says more when it is large, or carries its unit (a share, an amount of money)
        weight = (1.0 if values[0] >= 1000 else 0.5) + (0.5 if unit else 0.0)
        high = values[1] if len(values) > 1 else None
        out.append(Suggestion("figure", origin, surface, values[0], high, sentence, bonus + weight, unit))
    return out


def _unit(surface: str) -> str:
    if re.search(_PERCENT + "$", surface, re.IGNORECASE):
        return "percent"
    return _UNITS.get(surface[:1], "")


def _not_a_figure(sentence: str, match: re.Match[str], surface: str) -> bool:
    """Years, dates and times ("September 18, 2025", "18 September", "2025-09-18", "1 октября", "2026年10月1日",
    "09:12:00 +0300": datewords.py), numbers that are part of a name
    ("38 North") or label something ("Report No. 41", "section 3", "page 12"), list numbers ("2. The…") and
    the numbers of notes, glued to the word they follow ("the recovery.1")."""
    before, after = sentence[: match.start()], sentence[match.end():]
    years = all(_YEAR.match(part) for part in re.findall(r"\d[\d,.]*", surface))
    dated = (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _DATE.match(_date_around(sentence, match))
             or month_follows(after) or cjk_date_part(before, after) or clock_part(before, surface, after))
    listed = not before.strip() and bool(_LIST_MARKER.match(sentence))
    noted = note_number_at(sentence, match.start())
    return bool(years or dated or listed or noted or _NAMED.match(after) or _LABEL.search(before))


def _date_around(sentence: str, match: re.Match[str]) -> str:
    """The run of digits and date separators that holds the match ("18/09/2025" around "18")."""
    start, end = match.start(), match.end()
    while start > 0 and (sentence[start - 1].isdigit() or sentence[start - 1] in "-/."):
        start -= 1
    while end < len(sentence) and (sentence[end].isdigit() or sentence[end] in "-/"):
        end += 1
    return sentence[start:end].strip(".")


def _quotes(origin: Origin, sentence: str, used: list[str], bonus: float) -> list[Suggestion]:
    out = []
    for match in _QUOTED.finditer(sentence):
        # the words as a brief quotes them: without the comma or colon that led back into the sentence
        words = next(group for group in match.groups() if group is not None).strip().rstrip(",;:").rstrip()
        size = words_in(words)
        if size < 2 or any(normalise(words) in u or u in normalise(words) for u in used):
            continue
        out.append(Suggestion("quote", origin, words, None, None, sentence, bonus + min(size, 20) / 20))
    return out


def words_in(text: str) -> float:
    """How much a quotation says, alike in every script: its words, where Chinese and Japanese, written without
    spaces, count one word for every two characters."""
    ideographs = len(_IDEOGRAPHIC.findall(text))
    spaced = _IDEOGRAPHIC.sub(" ", text)
    return len(re.findall(r"\w+", spaced)) + ideographs / 2
