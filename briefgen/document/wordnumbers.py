"""A list number as Word writes it in a numbering format (w:numFmt): 3 is "3", "c", "iii", "C", "03", "3rd", "③",
"三", "Three", "‡"… (the counting words and signs in wordcounting.py). An unknown format reads as decimal, as Word
and LibreOffice fall back to it; "none" is nothing. One table for the DOCX seeds reader's list numbers and the PDF
writer's house-style heading numbers."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from briefgen.document.wordcounting import cardinal_text, chicago, counting, digitwise, korean_legal, ordinal_text
from briefgen.text import roman

_CJK_DIGITS = "〇一二三四五六七八九"
_CHINESE = counting("零一二三四五六七八九", "十百千万", "lead", True)  # 十二, 一百零一, 一百一十
_SINO_KOREAN = "영일이삼사오육칠팔구"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Formats that count through a script's letters, starting again after the last, as LibreOffice counts them
_SEQUENCES = {
    "russianLower": "абвгдежзиклмнопрстуфхцчшщэюя",  # Word skips ё й ъ ы ь
    "arabicAlpha": "أبتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "arabicAbjad": "ابجدهوزحطيكلمنسعفصقرشتثخذضظغ",
    "ganada": "가나다라마바사아자차카타파하",
    "chosung": "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ",
    "aiueoFullWidth": "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン",
    "irohaFullWidth": "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス",
}
_HEBREW = ((400, "ת"), (300, "ש"), (200, "ר"), (100, "ק"), (90, "צ"), (80, "פ"), (70, "ע"), (60, "ס"), (50, "נ"),
           (40, "מ"), (30, "ל"), (20, "כ"), (10, "י"), (9, "ט"), (8, "ח"), (7, "ז"), (6, "ו"), (5, "ה"), (4, "ד"),
           (3, "ג"), (2, "ב"), (1, "א"))


def letters(number: int) -> str:
    """`number` in lower-case letters as Word counts them: a…z, then aa…zz, aaa… (the letter repeated), up to
    a letter 30 times (780); a number past that (a hostile start value) in decimal, never a huge string."""
    if not 0 < number <= 780:
        return str(number)
    count, index = divmod(number - 1, 26)
    return chr(ord("a") + index) * (count + 1)


def ordinal(number: int) -> str:
    tens = number % 100
    suffix = "th" if 10 < tens < 14 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def hebrew(number: int) -> str:
    """`number` in Hebrew numerals (Word's hebrew1), 15 and 16 as טו and טז, as they are written."""
    if not 0 < number < 1000:
        return str(number)
    out: list[str] = []
    for value, letter in _HEBREW:
        if number in (15, 16):
            return "".join(out) + ("טו" if number == 15 else "טז")
        count, number = divmod(number, value)
        out.append(letter * count)
    return "".join(out)


def _sequence(letters: str) -> Callable[[int], str]:
    return lambda n: letters[(n - 1) % len(letters)] if n > 0 else str(n)


def _half_width(text: str) -> str:
    """Katakana in their half-width forms (Word's aiueo and iroha, where aiueoFullWidth is full-width)."""
    narrow = {unicodedata.normalize("NFKC", chr(code)): chr(code) for code in range(0xFF66, 0xFF9E)}
    return "".join(narrow.get(char, char) for char in text)


def _digits(zero: str) -> Callable[[int], str]:
    """Decimal in another script's digits, `zero` its first."""
    return lambda n: "".join(chr(ord(zero) + int(c)) if c.isdigit() else c for c in str(n))


_FORMATS: dict[str, Callable[[int], str]] = {
    **{name: _sequence(letters) for name, letters in _SEQUENCES.items()},
    "russianUpper": lambda n: _sequence(_SEQUENCES["russianLower"])(n).upper(),
    "aiueo": _sequence(_half_width(_SEQUENCES["aiueoFullWidth"])),
    "iroha": _sequence(_half_width(_SEQUENCES["irohaFullWidth"])),
    "hebrew1": hebrew,
    "thaiNumbers": _digits("\u0e50"),
    "hindiNumbers": _digits("\u0966"),
    "arabicIndic": _digits("\u0660"),
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerRoman": roman,
    "upperRoman": lambda n: roman(n).upper(),
    "lowerLetter": letters,
    "upperLetter": lambda n: letters(n).upper(),
    "ordinal": ordinal,
    "none": lambda n: "",
    "decimalFullWidth": _digits("\uff10"),
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "chineseCounting": _CHINESE,
    "chineseCountingThousand": _CHINESE,
    "japaneseCounting": _CHINESE,
    "taiwaneseCounting": _CHINESE,
    "taiwaneseCountingThousand": _CHINESE,
    "chineseLegalSimplified": counting("零壹贰叁肆伍陆柒捌玖", "拾佰仟万", "never", True),
    "ideographLegalTraditional": counting("零壹貳參肆伍陸柒捌玖", "拾佰仟萬", "never", True),
    "koreanCounting": counting(_SINO_KOREAN, "십백천만", "always", False),
    "koreanDigital": digitwise(_SINO_KOREAN),
    "koreanDigital2": digitwise("零一二三四五六七八九"),
    "koreanLegal": korean_legal,
    "thaiLetters": _sequence("กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"),
    "cardinalText": cardinal_text,
    "ordinalText": ordinal_text,
    "chicago": chicago,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[n - 1] if 0 < n <= 10 else str(n),
    "ideographZodiac": lambda n: "子丑寅卯辰巳午未申酉戌亥"[n - 1] if 0 < n <= 12 else str(n),
    "ideographDigital": digitwise(_CJK_DIGITS),
}


def number_text(number: int, fmt: str) -> str:
    """`number` written in the numbering format `fmt` (decimal for one not known); a custom format's numbers
    ("001, 002, 003, ...") padded with zeros as its first is."""
    if fmt[:1] == "0" and (first := fmt.split(",")[0].strip()).isdigit():
        return f"{number:0{min(len(first), 9)}d}"
    return _FORMATS.get(fmt, str)(number)
