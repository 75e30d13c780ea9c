"""The characters the dingbat fonts draw for their byte codes (docxsym.py reads Symbol's by its own encoding):
Wingdings, Wingdings 2, Webdings and Zapf Dingbats, each code mapped to the Unicode character of the same
picture where Unicode has one that is unmistakably it (a check mark, a ballot box, a numbered circle, an arrow,
a bullet); a code not listed has none here and reads U+FFFD.

Zapf Dingbats is the font Unicode's Dingbats block was made from: its codes run in the block's order, with the
pictures Unicode already had elsewhere (☎ ★ ● ■ ▲ ♣ ①…) in the block's gaps.
"""

from __future__ import annotations


def _runs(*runs: tuple[int, str]) -> dict[int, str]:
    """A font's codes from runs of consecutive codes: (the first code, the characters from it on)."""
    return {first + n: char for first, chars in runs for n, char in enumerate(chars)}


def _dingbats(first: int, last: int, block_start: int) -> tuple[int, str]:
    """Zapf Dingbats' codes first..last, which run in Unicode's Dingbats block from `block_start`."""
    return first, "".join(chr(block_start + n) for n in range(last - first + 1))


WINGDINGS = _runs(
    (0x20, " \U0001f589\u2702\u2701"), (0x36, "\u231b"), (0x3f, "\u270d"), (0x41, "\u270c\U0001f44c\U0001f44d"
                                                                           "\U0001f44e\u261c\u261e\u261d\u261f"),
    (0x4a, "\u263a\U0001f610\u2639\U0001f4a3\u2620"), (0x51, "\u2708\u263c\U0001f4a7\u2744"),
    (0x58, "\u2720\u2721\u262a\u262f\u0950\u2638\u2648\u2649\u264a\u264b\u264c\u264d\u264e\u264f\u2650\u2651"
           "\u2652\u2653"),
    (0x6c, "\u25cf"), (0x6e, "\u25a0\u25a1"), (0x71, "\u2751\u2752\u2b27\u29eb\u25c6\u2756\u2b25\u2327"),
    (0x7a, "\u2318"), (0x80, "\u24ea\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467\u2468\u2469\u24ff"
                             "\u2776\u2777\u2778\u2779\u277a\u277b\u277c\u277d\u277e\u277f"),
    (0x9e, "\u00b7\u2022\u25aa\u25cb"), (0xa4, "\u25c9\u25ce"), (0xa7, "\u25aa\u25fb"),
    (0xaa, "\u2726\u2605\u2736\u2734\u2739\u2735"), (0xb1, "\u2316\u27e1\u2311"), (0xb5, "\u272a\u2730"),
    (0xb7, "\U0001f550\U0001f551\U0001f552\U0001f553\U0001f554\U0001f555\U0001f556\U0001f557\U0001f558"
           "\U0001f559\U0001f55a\U0001f55b"),
    (0xd5, "\u232b\u2326"), (0xd8, "\u27a2"), (0xdf, "\u2190\u2192\u2191\u2193\u2196\u2197\u2199\u2198"),
    (0xef, "\u21e6\u21e8\u21e7\u21e9\u2b04\u21f3"), (0xf9, "\u25ad\u25ab\u2717\u2713\u2612\u2611"),
)
WINGDINGS_2 = _runs((0x20, " "), (0x4f, "\u2717\u2714"), (0x52, "\u2611"), (0x54, "\u2612"), (0xa3, "\u2610"))
WEBDINGS = _runs((0x20, " "), (0x61, "\u2714"), (0x72, "\u2716"))
ZAPF_DINGBATS = _runs(
    (0x20, " "), _dingbats(0x21, 0x7e, 0x2701), _dingbats(0xa1, 0xa7, 0x2761), (0xa8, "\u2663\u2666\u2665\u2660"),
    (0xac, "\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467\u2468\u2469"), _dingbats(0xb6, 0xd4, 0x2776),
    (0xd5, "\u2192\u2194\u2195"), _dingbats(0xd8, 0xef, 0x2798), _dingbats(0xf1, 0xfe, 0x27b1),
    (0x25, "\u260e"), (0x2a, "\u261b\u261e"), (0x48, "\u2605"), (0x6c, "\u25cf"), (0x6e, "\u25a0"),
    (0x73, "\u25b2\u25bc\u25c6"), (0x77, "\u25d7"),
)
DINGBAT_FONTS = {"wingdings": WINGDINGS, "wingdings 2": WINGDINGS_2, "webdings": WEBDINGS,
                 "zapf dingbats": ZAPF_DINGBATS, "zapfdingbats": ZAPF_DINGBATS, "itc zapf dingbats": ZAPF_DINGBATS}
