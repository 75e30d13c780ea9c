"""A number drawn by a number format's section (numfmt.py): its digit placeholders (`0` a digit or zero, `#` a
digit or nothing, `?` a digit or a space), the thousands separator and the commas that scale by a thousand,
decimals rounded half away from zero, percent, scientific notation (`0.00E+00`; `##0.0E+0`, engineering) and
fractions (`# ?/?`, `# ??/??`, `?/8`)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

Pieces = list[tuple[str, str]]  # ("text", literal), ("code", a character of the code) or ("tag", an elapsed unit)
PLACES = frozenset("0#?")
MAX_PLACES = 30  # decimals shown at most (Excel's limit); a fraction's denominator has at most 9 digits


def general(value: float) -> str:
    """A number in the General format, as Calc writes it: 15 significant digits (a whole number below 10^16 whole),
    in positional notation from 10^-9 to below 10^16, else scientific (`1E+16`, `1.5E-12`)."""
    if value == 0:
        return "0"
    if float(value).is_integer() and abs(value) < 1e16:
        return str(int(value))
    text = f"{value:.15g}"
    mantissa, _, exponent = text.partition("e")
    if not exponent or -10 < int(exponent) < 16:
        return f"{Decimal(text).normalize():f}"
    return f"{mantissa}E{int(exponent):+03d}"


def rounded(value: float | Decimal, places: int) -> Decimal:
    """`value` rounded to `places` decimals (at most 30, as Excel shows), half away from zero, as Excel and Calc
    round what they show; exact for any double (1e308 has 309 digits)."""
    with localcontext() as context:
        context.prec = 400
        number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
        return number.quantize(Decimal(1).scaleb(-min(places, MAX_PLACES)), rounding=ROUND_HALF_UP)


def scaled(value: float, percents: int, thousands: int) -> float | None:
    """`value` times 100 for each percent sign, divided by 1000 for each scaling comma; None past any double (1e308
    as a percentage), a number no format can draw, which is shown as General."""
    try:
        value = value * 100 ** percents / 1000 ** thousands
    except OverflowError:  # a scale itself past any double
        return None
    return value if math.isfinite(value) else None


def numeric(value: float, pieces: Pieces) -> str:
    """`value` as the section's `pieces` draw it (a negative value with a minus sign first)."""
    codes = [text for kind, text in pieces if kind == "code"]
    value_shown = scaled(value, codes.count("%"), _scaling(pieces))
    if value_shown is None:
        return general(value)
    value = value_shown
    lowered = "".join(codes).lower()
    if "e+" in lowered or "e-" in lowered:
        drawn = _scientific(abs(value), pieces)
    elif "/" in codes and _fraction_at(pieces) is not None:
        drawn = _fraction(abs(value), pieces)
    else:
        drawn = _plain(abs(value), pieces)
    return f"-{drawn}" if value < 0 and any(char in "123456789" for char in drawn) else drawn


def _scaling(pieces: Pieces) -> int:
    """How many thousands the commas right after the last digit placeholder divide by (`#,##0,,"M"`: 2)."""
    last = max((n for n, (kind, text) in enumerate(pieces) if kind == "code" and text in PLACES), default=-1)
    count = 0
    for kind, text in pieces[last + 1:]:
        if (kind, text) != ("code", ","):
            break
        count += 1
    return count


def _plain(value: float, pieces: Pieces) -> str:
    """A number with integer and decimal placeholders, grouped by thousands where a comma stands between two
    integer placeholders (a comma is never drawn itself)."""
    point = next((n for n, piece in enumerate(pieces) if piece == ("code", ".")), len(pieces))
    places = [n for n, (kind, text) in enumerate(pieces) if kind == "code" and text in PLACES]
    whole = [n for n in places if n < point]
    decimals = [n for n in places if n > point]
    integer, _, fraction = f"{rounded(value, len(decimals)):f}".partition(".")
    grouped = bool(whole) and any(pieces[n] == ("code", ",") for n in range(whole[0], whole[-1]))
    fill = _integer_fill("" if integer == "0" else integer, [(n, pieces[n][1]) for n in whole], grouped)
    out: list[str] = []
    for n, (kind, text) in enumerate(pieces):
        if n in fill:
            out.append(fill[n])
        elif n in decimals:
            out.append(_decimal_digit(fraction, decimals.index(n), [pieces[m][1] for m in decimals]))
        elif (kind, text) != ("code", ","):
            out.append(text)
    return "".join(out)


def _integer_fill(integer: str, whole: list[tuple[int, str]], grouped: bool) -> dict[int, str]:
    """What each integer placeholder (its piece's index, its character) shows: digits from the right, the
    leftmost placeholder taking every digit left over; one with no digit shows `0`, a space (`?`) or nothing."""
    shown: dict[int, str] = {}
    digits = list(integer)
    for n, place in reversed(whole):
        shown[n] = digits.pop() if digits else {"0": "0", "?": " ", "#": ""}[place]
    if whole and digits:
        shown[whole[0][0]] = "".join(digits) + shown[whole[0][0]]
    if grouped:
        joined = "".join(shown[n] for n, _ in whole)
        shown = {n: "" for n, _ in whole}
        shown[whole[0][0]] = _grouped(joined)
    return shown


def _grouped(digits: str) -> str:
    """Digits (after any leading spaces) with a comma before each group of three from the right."""
    body = digits.lstrip()
    groups: list[str] = []
    while len(body) > 3:
        groups.insert(0, body[-3:])
        body = body[:-3]
    return digits[:len(digits) - len(digits.lstrip())] + ",".join([body, *groups] if body else groups)


def _decimal_digit(fraction: str, index: int, places: list[str]) -> str:
    """The decimal placeholder `index`'s digit: `#` shows nothing and `?` a space for a trailing zero."""
    digit = fraction[index] if index < len(fraction) else "0"
    if digit == "0" and not fraction[index:].strip("0"):
        return {"0": "0", "?": " ", "#": ""}[places[index]]
    return digit


def _fraction_at(pieces: Pieces) -> int | None:
    """The index of a fraction's slash, when digit placeholders or a fixed denominator follow it."""
    slash = next(n for n, piece in enumerate(pieces) if piece == ("code", "/"))
    after = pieces[slash + 1:slash + 2]
    return slash if after and (after[0][1] in PLACES or after[0][1].isdigit()) else None


def _fraction(value: float, pieces: Pieces) -> str:
    """A fraction: a whole part when the code has placeholders before the numerator's, the numerator padded to
    its placeholders with spaces, the denominator at most as many digits as its (or the fixed one)."""
    slash = _fraction_at(pieces) or 0
    tail = [text for _, text in pieces[slash + 1:]]
    denominator = "".join(text for text in tail[:len(tail) - len(_rest(tail))])
    numerator_at = slash
    while numerator_at > 0 and pieces[numerator_at - 1][1] in PLACES:
        numerator_at -= 1
    has_whole = any(kind == "code" and text in PLACES for kind, text in pieces[:numerator_at])
    whole, part = (math.floor(value), value - math.floor(value)) if has_whole else (0, value)
    fixed = int(denominator) if denominator.isdigit() and denominator.strip("0") else None
    found = Fraction(round(part * fixed), fixed) if fixed else \
        Fraction(part).limit_denominator(max(1, 10 ** min(len(denominator), 9) - 1))
    if found >= 1 and has_whole:
        whole, found = whole + int(found), found - int(found)
    width = slash - numerator_at
    if found == 0:
        return str(whole) if has_whole else "0"
    shown_denominator = str(fixed or found.denominator)
    numerator = str(found.numerator * (fixed // found.denominator) if fixed else found.numerator)
    head = (str(whole) if whole else "") + " " if has_whole else ""
    return f"{head}{numerator.rjust(width)}/{shown_denominator.ljust(len(denominator))}{''.join(_rest(tail))}"


def _rest(tail: list[str]) -> list[str]:
    """What follows a fraction's denominator (its placeholders or digits)."""
    for n, text in enumerate(tail):
        if not (text in PLACES or text.isdigit()):
            return tail[n:]
    return []


def _scientific(value: float, pieces: Pieces) -> str:
    """Scientific notation: the mantissa's placeholders before the E, the exponent's after its sign (shown for a
    positive exponent only with E+); with `#` among the integer placeholders, the exponent a multiple of their
    count (engineering notation, `##0.0E+0`)."""
    codes = [text for kind, text in pieces if kind == "code"]
    at = next(n for n, text in enumerate(codes) if text.lower() == "e")
    mantissa_codes, sign, exponent_codes = codes[:at], codes[at + 1], codes[at + 2:]
    point = mantissa_codes.index(".") if "." in mantissa_codes else len(mantissa_codes)
    whole = [c for c in mantissa_codes[:point] if c in PLACES]
    decimals = [c for c in mantissa_codes[point:] if c in PLACES]
    exponent = math.floor(math.log10(value)) if value else 0
    step = len(whole) if "#" in whole and len(whole) > 1 else 1
    exponent = exponent - exponent % step if step > 1 else exponent - (len(whole) - 1)
    exact = Decimal(repr(float(value)))
    mantissa = rounded(exact.scaleb(-exponent), len(decimals))
    if step == 1 and value and mantissa >= 10 ** len(whole):
        exponent += 1
        mantissa = rounded(exact.scaleb(-exponent), len(decimals))
    digits = f"{mantissa:f}"
    shown_sign = "-" if exponent < 0 else ("+" if sign == "+" else "")
    width = sum(1 for c in exponent_codes if c == "0")
    return f"{digits}{codes[at]}{shown_sign}{str(abs(exponent)).rjust(width, '0')}"
