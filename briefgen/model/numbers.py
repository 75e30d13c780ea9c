"""Read the numbers a text states, in digits or words: "one million", "$1.19 billion", "25.6 million", "five",
shares ("two-thirds", "half", "a quarter", "three in four", "98 percent", "12%") and ranges ("30 to 40 percent",
"$1-2 billion", where the scale or the percent sign of the upper end belongs to the lower one too)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Literal

_UNITS = {w: i for i, w in enumerate((
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen").split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
         if w != "_"}
# East Asian magnitudes count in myriads: 万 (萬, 만) is ten thousand, 亿 (億, 억) a hundred million, 兆 (조) a
# trillion; 千 (천) and 百 before them multiply ("3千万" thirty million). South Asia's lakh and crore: 1e5 and 1e7.
_CJK_SCALES = {"万": 1e4, "萬": 1e4, "만": 1e4, "亿": 1e8, "億": 1e8, "억": 1e8, "兆": 1e12, "조": 1e12,
               "千": 1e3, "천": 1e3, "百": 1e2}
# Other languages' words for a thousand, a million, a billion (a thousand millions: "milliard", "млрд"), read
# after a number as "million" is: "4,2 Millionen", "2,5 млн", "4.2 مليون", "3 करोड़". Spanish "mil millones" is
# a thousand millions by the same product as 千万.
_WORD_SCALES = {
    **dict.fromkeys(("millionen", "millions", "mio", "millones", "millón", "milioni", "milione", "milhões",
                     "milhão", "miljoen", "miljoner", "miljonia", "mln", "milionów", "miliony", "milyon", "млн",
                     "миллион", "миллиона", "миллионов", "мільйон", "мільйони", "мільйонів", "مليون", "ملايين",
                     "میلیون", "מיליון", "मिलियन"), 1e6),
    **dict.fromkeys(("milliard", "milliards", "milliarde", "milliarden", "mrd", "miliardo", "miliardi", "miljard",
                     "miljarder", "mld", "miliardów", "miliardy", "milyar", "млрд", "миллиард", "миллиарда",
                     "миллиардов", "мільярд", "мільярди", "мільярдів", "مليار", "مليارات", "میلیارد", "מיליארד",
                     "bilhão", "bilhões"), 1e9),
    **dict.fromkeys(("tausend", "mil", "mille", "tys", "тыс", "тысяч", "тысячи", "тысяча", "тисяч", "ألف", "آلاف",
                     "هزار", "אלף", "हज़ार", "हजार"), 1e3),
    "lakh": 1e5, "lakhs": 1e5, "लाख": 1e5, "crore": 1e7, "crores": 1e7, "करोड़": 1e7, "करोड": 1e7}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, **_WORD_SCALES, **_CJK_SCALES}
_BIG = ("million", "billion", "thousand", "trillion", "hundred")
# The magnitudes a unit may count in: whole words and the two abbreviations no unit of measure spells
# ("m", "k", "b" and "tn" are metres, thousands of what, bits, tonnes; "hundreds of" is not a magnitude unit),
# and the myriads ("万人", ten thousands of people; not 千 or 百, which Chinese units name alone: 千米 is a km).
_UNIT_MAGNITUDES = {**{word: _SCALES[word] for word in ("thousand", "million", "billion", "trillion", "mn", "bn",
                                                        "万", "萬", "만", "亿", "億", "억", "兆", "조")},
                    **_WORD_SCALES}
_ARTICLE = {"a", "an"}
# Denominators in words: "two-thirds", "a quarter", "nine tenths"; "half" stands alone too.
_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
          "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
_PERCENT = {"%", "％", "percent", "pct"}
_RANGE = {"to", "and"}
# A number; a myriad's sign; a word of any script, looked up in _SCALES ("млн", "milhões"); the Devanagari
# magnitudes whole (\w takes no vowel sign or nukta: "करोड़"); a percent sign
_ASCII_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+|%")  # an ASCII text's (most): the faster
_TOKEN = re.compile(r"[a-z]+(?![^\W\d_])|\d[\d,]*(?:\.\d+)?|%|[万萬만亿億억兆조千천百]|"
                    + "".join(f"{word}|" for word in _WORD_SCALES if "\u0900" <= word[0] <= "\u097f")
                    + r"[^\W\d_]+|％")
_DASHED_RANGE = re.compile(r"(?<=\d)\s*[-\u2010-\u2015]\s*(?=[$€£¥]?\d)")

Kind = Literal["plain", "percent", "fraction"]


@dataclass(frozen=True)
class Stated:
    """One number a text states: 98 with kind "percent" for "98 percent", 2/3 with kind "fraction" for
    "two-thirds"; `scale` is the magnitude word's factor when one followed it (1e6 for "2 million")."""

    value: float
    kind: Kind = "plain"
    scale: float = 1.0

    def describe(self) -> str:
        """As messages print it: "1,200", "98%", "2/3 (66.7%)"."""
        if self.kind == "percent":
            return f"{format_number(self.value)}%"
        if self.kind == "fraction":
            return f"{format_number(round(self.value, 4))} ({format_number(round(100 * self.value, 1))}%)"
        return format_number(self.value)

    def matches(self, other: Stated) -> bool:
        """Whether two statements give the same number: a share in words equals its rounded percentage."""
        if self.kind == "fraction" or other.kind == "fraction":
            if self.kind == other.kind:
                return math.isclose(self.value, other.value, abs_tol=1e-6)
            share, percent = (self, other) if self.kind == "fraction" else (other, self)
            return percent.kind == "percent" and abs(100 * share.value - percent.value) <= 0.5
        return same_number(self.value, other.value)

    def fits(self, number: float, unit_scale: float = 1.0) -> bool:
        """Whether a figure's machine `number` is this number: a share as a fraction (0.67) or a percentage
        (66.7 or 67), a percentage as itself or over a hundred, a count in its unit's magnitude (4.2 for "4.2
        million tonnes" in the unit "million tonnes", see unit_scale)."""
        if self.kind == "fraction":
            return abs(number - self.value) <= 0.005 or abs(number - 100 * self.value) <= 0.5
        if self.kind == "percent":
            return same_number(number, self.value) or same_number(number, self.value / 100)
        return same_number(number, self.in_unit(unit_scale))

    def in_unit(self, unit_scale: float) -> float:
        """A plain number as counted in a unit of magnitude `unit_scale`: "4.2 million" or "4,200,000" is 4.2
        in millions; a smaller number stated without a magnitude word ("4.2") is taken as already counted in
        the unit (a value "4.2" beside the unit "million tonnes")."""
        if unit_scale == 1.0 or (self.scale == 1.0 and abs(self.value) < unit_scale):
            return self.value
        return self.value / unit_scale


def unit_scale(unit: str) -> float:
    """The magnitude a figure's unit counts in: 1e6 for "million tonnes", "millions of people" or "USD mn",
    1e9 for "billion USD" or "USD bn"; 1 for a unit that names none. Words after "per" are a rate's base, not
    a magnitude ("cases per million")."""
    tokens = (_ASCII_TOKEN if unit.isascii() else _TOKEN).findall(unit.lower())
    if "per" in tokens:
        tokens = tokens[:tokens.index("per")]
    scale = 1.0
    for token in tokens:
        word = token[:-1] if token.endswith("s") and token[:-1] in _UNIT_MAGNITUDES else token
        scale *= _UNIT_MAGNITUDES.get(word, 1.0)
    return scale


# How the rest of the world writes digits, made English before reading: the Arabic decimal and thousands signs
# ("١٢٫٥"); thousands grouped by spaces or stops ("1 204 000", "1.204.000"); a decimal comma ("4,2", "12,50 €":
# a comma before one, two or four or more digits, never a group of three, nor a list's "1,2,3")
_ARABIC_SEPARATORS = str.maketrans({"\u066b": ".", "\u066c": ","})
_SPACED_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)(?![.,]\d)")
_DOTTED_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?!\d)(?![.,]\d)")
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d+),(\d{1,2}|\d{4,})(?!\d)(?![.,]\d)")


_SEPARATORS = ".,\u066b\u066c\u00a0\u2009\u202f "
_NUMERAL = re.compile(f"\\d[\\d{_SEPARATORS}]*")  # a run of digits and what may part them, found at once
_ENGLISH = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")  # as most runs are: left as they stand


_FOREIGN = re.compile(r"\d(?:[ \u00a0\u2009\u202f.]\d{3}|,(?:\d{1,2}|\d{4,})(?!\d)|[\u066b\u066c])")  # one may


def _as_english(text: str) -> str:
    return _NUMERAL.sub(_english_run, text) if _FOREIGN.search(text) else text


def _english_run(found: re.Match[str]) -> str:
    run = found.group()
    digits = run.rstrip(_SEPARATORS)
    if _ENGLISH.fullmatch(digits):
        return run
    made = _SPACED_GROUPS.sub(lambda group: re.sub(r"\D", ",", group.group()), digits.translate(_ARABIC_SEPARATORS))
    made = _DOTTED_GROUPS.sub(lambda group: group.group().replace(".", ","), made)
    return _DECIMAL_COMMA.sub(r"\1.\2", made) + run[len(digits):]


def read_stated(text: str) -> list[Stated]:
    """Every number stated in `text`, scaled by a following magnitude word ("2.7M", "ten thousand")."""
    prepared = _DASHED_RANGE.sub(" to ", _as_english(text).lower()).replace("-", " ")
    tokens = (_ASCII_TOKEN if prepared.isascii() else _TOKEN).findall(prepared)
    found: list[Stated] = []
    i = 0
    while i < len(tokens):
        start = i
        stated, i = _read_one(tokens, i)
        if stated is None:
            continue
        if found and start >= 2 and tokens[start - 1] in _RANGE and _ends_number(tokens, start - 2):
            found[-1] = _lower_end(found[-1], stated)
        found.append(stated)
    return found


def read_numbers(text: str) -> list[float]:
    """The values of read_stated, as plain numbers (98 for "98%", 0.5 for "half")."""
    return [s.value for s in read_stated(text)]


def _ends_number(tokens: list[str], i: int) -> bool:
    tok = tokens[i]
    return tok[0].isdigit() or tok in _UNITS or tok in _TENS or tok in _SCALES or tok in _PERCENT


def _lower_end(low: Stated, high: Stated) -> Stated:
    """A range's lower end takes the upper end's scale and percent sign when it has none: "$1-2 billion"."""
    if low.kind != "plain" or low.scale != 1.0:
        return low
    return replace(low, value=low.value * high.scale, kind=high.kind, scale=high.scale)


def _read_one(tokens: list[str], i: int) -> tuple[Stated | None, int]:
    tok = tokens[i]
    if tok[0].isdigit():
        value, i = float(tok.replace(",", "")), i + 1
    elif tok in _UNITS or tok in _TENS:
        value, i = _read_words(tokens, i)
    elif tok in _ARTICLE and i + 1 < len(tokens) and tokens[i + 1] in _BIG:
        value, i = 1.0, i + 1
    elif tok in _ARTICLE and i + 1 < len(tokens) and tokens[i + 1] in _PARTS:
        return Stated(1 / _PARTS[tokens[i + 1]], "fraction"), i + 2
    elif tok == "half":
        return Stated(0.5, "fraction"), i + 1
    else:
        return None, i + 1
    share = _share(tokens, i, value)
    if share is not None:
        return share
    return _scaled(tokens, i, value)


def _share(tokens: list[str], i: int, value: float) -> tuple[Stated, int] | None:
    """"two thirds", "three in four", "one out of five", "98 percent", "12 per cent", "12 %"."""
    nxt = tokens[i] if i < len(tokens) else ""
    if nxt in _PARTS and value < _PARTS[nxt]:
        return Stated(value / _PARTS[nxt], "fraction"), i + 1
    if nxt in _PERCENT:
        return Stated(value, "percent"), i + 1
    if nxt == "per" and i + 1 < len(tokens) and tokens[i + 1] == "cent":
        return Stated(value, "percent"), i + 2
    step = 2 if nxt == "out" and i + 1 < len(tokens) and tokens[i + 1] == "of" else 1 if nxt == "in" else 0
    if step and i + step < len(tokens):
        whole, after = _whole(tokens, i + step)
        if whole is not None and value < whole <= 100 and (after >= len(tokens) or tokens[after] not in _SCALES):
            return Stated(value / whole, "fraction"), after
    return None


def _whole(tokens: list[str], i: int) -> tuple[float | None, int]:
    tok = tokens[i]
    if tok[0].isdigit():
        return float(tok.replace(",", "")), i + 1
    if tok in _UNITS or tok in _TENS:
        return _read_words(tokens, i)
    return None, i


def _scaled(tokens: list[str], i: int, value: float) -> tuple[Stated, int]:
    scale = 1.0
    while i < len(tokens) and tokens[i] in _SCALES:
        scale *= _SCALES[tokens[i]]
        i += 1
    if i < len(tokens) and tokens[i] in _PERCENT:
        return Stated(value * scale, "percent", scale), i + 1
    return Stated(value * scale, "plain", scale), i


def _read_words(tokens: list[str], i: int) -> tuple[float, int]:
    """Compose "twenty five", "ninety nine" (hyphens were turned into spaces)."""
    value = 0.0
    if tokens[i] in _TENS:
        value = _TENS[tokens[i]]
        i += 1
        if i < len(tokens) and tokens[i] in _UNITS and _UNITS[tokens[i]] < 10:
            value += _UNITS[tokens[i]]
            i += 1
        return value, i
    return float(_UNITS[tokens[i]]), i + 1


def same_number(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def missing_stated(stated: str, sources: list[str]) -> list[Stated]:
    """The numbers of `stated` that none of `sources` states."""
    available = [n for text in sources for n in read_stated(text)]
    return [n for n in read_stated(stated) if not any(n.matches(m) for m in available)]


def missing_numbers(stated: str, sources: list[str]) -> list[float]:
    return [n.value for n in missing_stated(stated, sources)]


def format_number(value: float) -> str:
    """`value` as a message writes it: in full with thousands separators, up to a quadrillion; beyond, as
    1.5e+20 (a float's 1e308 would be 400 characters of digits, most of them noise)."""
    if not math.isfinite(value):
        return "a number too large to compare"  # read from hundreds of digits
    if abs(value) >= 1e15:
        return f"{value:.15g}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
