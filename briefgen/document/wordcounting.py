"""List numbers Word writes as counting words or signs (wordnumbers.py holds the table of formats): Chinese,
Japanese and Korean counting (三, 十二, 一百零一; 백십일), their legal forms (壹拾贰), Korean native numbers
(스물하나), English words (Twenty-one, Twenty-first) and Chicago's signs (* † ‡ §, then doubled), each as
LibreOffice writes it. A number past what a format can write (a hostile start value) is written in digits,
never as a huge string."""

from __future__ import annotations

from collections.abc import Callable

_LARGEST = 99_999  # the counting formats write up to 万 (10,000) times nine
_CHICAGO = "*\u2020\u2021\u00a7"  # * † ‡ §
_MOST_SIGNS = 250  # a Chicago mark of more signs than this is written in digits
_ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
             "nine": "ninth", "twelve": "twelfth"}
_KOREAN_ONES = ("", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉")
_KOREAN_TENS = ("", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")


def counting(digits: str, units: str, omit_one: str, zeros: bool) -> Callable[[int], str]:
    """Counting in a CJK script: `digits` zero to nine, `units` ten, hundred, thousand, ten thousand; a one before
    a unit left out "always", before a leading ten ("lead": 十二, but 一百一十, 一百) or "never"; `zeros`: a gap
    between digits is written with the zero (一百零一), else left out (백일)."""

    def write(number: int) -> str:
        if not 0 < number <= _LARGEST:
            return str(number)
        out, gap = "", False
        for power in (4, 3, 2, 1, 0):
            digit = number // 10 ** power % 10
            if digit == 0:
                gap = bool(out)
                continue
            if gap and zeros:
                out += digits[0]
            gap = False
            omitted = digit == 1 and power > 0 and (
                omit_one == "always" or (omit_one == "lead" and power == 1 and not out))
            out += ("" if omitted else digits[digit]) + (units[power - 1] if power else "")
        return out
    return write


def digitwise(digits: str) -> Callable[[int], str]:
    """Each decimal digit in a script's digit (`digits` zero to nine): 10 is 一零."""
    return lambda number: "".join(digits[int(c)] for c in str(number)) if number >= 0 else str(number)


def korean_legal(number: int) -> str:
    """Korean native numbers (하나, 열둘, 아흔아홉) to 99, Sino-Korean counting from 100 (백일), as LibreOffice."""
    if 0 < number < 100:
        return _KOREAN_TENS[number // 10] + _KOREAN_ONES[number % 10]
    return counting("영일이삼사오육칠팔구", "십백천만", "always", False)(number)


def chicago(number: int) -> str:
    """Chicago's marks: * † ‡ §, then each doubled (**), tripled…"""
    if not 0 < number <= 4 * _MOST_SIGNS:
        return str(number)
    return _CHICAGO[(number - 1) % 4] * ((number - 1) // 4 + 1)


def cardinal_text(number: int) -> str:
    """`number` in English words, the first capitalised: "Twenty-one", "One hundred one", "One thousand and one"."""
    if not 0 < number <= _LARGEST:
        return str(number)
    return _english(number).capitalize()


def ordinal_text(number: int) -> str:
    """`number` as an English ordinal in words: "First", "Twenty-second", "One hundredth"."""
    if not 0 < number <= _LARGEST:
        return str(number)
    words = _english(number)
    head, last = words[:-len(words.split(" ")[-1].split("-")[-1])], words.split(" ")[-1].split("-")[-1]
    ending = _ORDINALS.get(last) or (last[:-1] + "ieth" if last.endswith("y") else last + "th")
    return (head + ending).capitalize()


def _english(number: int) -> str:
    thousands, rest = divmod(number, 1000)
    hundreds, small = divmod(rest, 100)
    parts = [f"{_english(thousands)} thousand"] if thousands else []
    if hundreds:
        parts.append(f"{_ONES[hundreds]} hundred")
    if small:
        tens = _TENS[small // 10] + ("-" + _ONES[small % 10] if small % 10 else "") if small >= 20 else _ONES[small]
        parts.append(("and " if thousands and not hundreds else "") + tens)
    return " ".join(parts)
