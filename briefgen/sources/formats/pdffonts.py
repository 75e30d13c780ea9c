"""Which characters a PDF's simple fonts draw when the file does not say: their built-in encodings.

A simple font (Type1, TrueType) without a ToUnicode map is read through its encoding. pdfminer.six falls back to
StandardEncoding (WinAnsiEncoding for TrueType) when the font names none, which is right for a text font but
not for a symbol font: code 0x6D is "µ" in Symbol and "m" in Helvetica, so "5 µg" would read "5 mg". Here a
font whose encoding is its built-in one is read through that encoding instead:
- Symbol and ZapfDingbats (the standard 14 fonts, and their TrueType and renamed copies) through Adobe's
  tables for them, below;
- an embedded Type1 program through the encoding the program itself declares;
- any other font its descriptor flags symbolic (Wingdings, a subset with codes of its own) through nothing:
  its codes come out as glyph numbers, "(cid:N)", which pdfdoc.py treats as unreadable, never as letters.
A Differences array still renames the codes it lists; a font with a ToUnicode map keeps using that map.
A code that a font's ToUnicode map leaves out, where the map names the characters of others, draws no letter
(undefined_text): LibreOffice's kashida, the tatweel it stretches justified Arabic with, is such a glyph, and a
viewer copies nothing for it ("قال", not "ق(cid:6)ال").
A ToUnicode entry that reads a glyph as two characters or more (a ligature: "fi", the Arabic lam-alef), as
Ghostscript's pdfwrite garbles it when it distils a PDF again, is put right (unscrambled): "ﬁ" drawn as
<6600 6900>, "昀椀", is "fi", each character's bytes swapped; the lam-alef drawn as <0644 4423>, "ل䐣", is "لأ",
each character after the first taking its high byte from the one before. Only where the garbled reading is a
CJK ideograph, in a font that draws none, which no ligature's text is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from io import BytesIO
from itertools import pairwise

from pdfminer.encodingdb import name2unicode
from pdfminer.pdffont import PDFFont, PDFSimpleFont, PDFType3Font, Type1FontHeaderParser
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSLiteral


def _table(runs: Mapping[int, str]) -> dict[int, str]:
    """A code -> character table from runs of consecutive codes, each given as the characters from its first."""
    return {start + k: char for start, chars in runs.items() for k, char in enumerate(chars)}


# Adobe's Symbol encoding (the codes and glyph names of Symbol.afm), each glyph name read through the Adobe Glyph
# List, as pdfminer's own glyph list and pdftotext read them ("mu" is U+00B5 MICRO SIGN). The glyph list puts
# the sans and serif copyright, registered and trademark signs in the private use area; they are the signs
# themselves here. The pieces of large brackets, braces and radicals stay in the private use area. Ω and the
# angle brackets are escaped: U+2126, U+2329 and U+232A, which an editor's normalisation would make others.
SYMBOL = _table({
    0x20: " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧ∆ΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥς\u2126ΞΨΖ[∴]⊥_\uf8e5αβχδεφγηιϕκλµνοπθρστυϖωξψζ{|}∼",
    0xA0: "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…\uf8e6\uf8e7↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊\u2329®©™∑"
          "\uf8eb\uf8ec\uf8ed\uf8ee\uf8ef\uf8f0\uf8f1\uf8f2\uf8f3\uf8f4",
    0xF1: "\u232a∫⌠\uf8f5⌡\uf8f6\uf8f7\uf8f8\uf8f9\uf8fa\uf8fb\uf8fc\uf8fd\uf8fe",
})
# Adobe's ZapfDingbats encoding (ZapfDingbats.afm), each glyph (a1 … a191) read through Adobe's ZapfDingbats
# glyph list: the Unicode Dingbats block, with the signs Unicode already had elsewhere (☎, ★, ●, ♣, ①, →, …).
ZAPF_DINGBATS = _table({
    0x20: " ✁✂✃✄☎✆✇✈✉☛☞✌✍✎✏✐✑✒✓✔✕✖✗✘✙✚✛✜✝✞✟✠✡✢✣✤✥✦✧★✩✪✫✬✭✮✯✰✱✲✳✴✵✶✷✸✹✺✻✼✽✾✿❀❁❂❃❄❅❆❇❈❉❊❋●❍■❏❐❑❒▲▼◆❖◗❘❙❚❛❜❝❞",
    0x80: "❨❩❪❫❬❭❮❯❰❱❲❳❴❵",
    0xA1: "❡❢❣❤❥❦❧♣♦♥♠①②③④⑤⑥⑦⑧⑨⑩❶❷❸❹❺❻❼❽❾❿➀➁➂➃➄➅➆➇➈➉➊➋➌➍➎➏➐➑➒➓➔→↔↕➘➙➚➛➜➝➞➟➠➡➢➣➤➥➦➧➨➩➪➫➬➭➮➯",
    0xF1: "➱➲➳➴➵➶➷➸➹➺➻➼➽➾",
})
# Each font's name, its subset tag ("ABCDEF+"), style (",Bold", "-Italic") and punctuation gone, lower case.
_FAMILIES = {"symbol": SYMBOL, "symbolmt": SYMBOL, "symbolps": SYMBOL, "symbolstd": SYMBOL,
             "zapfdingbats": ZAPF_DINGBATS, "zapfdingbatsitc": ZAPF_DINGBATS, "itczapfdingbats": ZAPF_DINGBATS,
             "zapfdingbatsstd": ZAPF_DINGBATS, "dingbats": ZAPF_DINGBATS}
# The encodings a font may name; any other name (or none) leaves the font's built-in one.
NAMED_ENCODINGS = {"StandardEncoding", "WinAnsiEncoding", "MacRomanEncoding", "MacExpertEncoding", "PDFDocEncoding"}
SYMBOLIC, NONSYMBOLIC = 1 << 2, 1 << 5  # the font descriptor's Flags bits 3 and 6


class BuiltinEncodings(PDFResourceManager):
    """pdfminer's resource manager, with each simple font read through its built-in encoding when that is the
    one it uses (see the module's docstring)."""

    def __init__(self, caching: bool = True) -> None:
        super().__init__(caching=caching)
        self._read: dict[int, PDFFont] = {}  # the fonts already corrected, by id (kept, so no id is reused)

    def get_font(self, objid: object, spec: Mapping[str, object]) -> PDFFont:
        font = super().get_font(objid, spec)
        if id(font) not in self._read:
            self._read[id(font)] = font
            if isinstance(font, PDFSimpleFont) and (table := builtin_table(font, spec)) is not None:
                font.cid2unicode = table
            mapped = getattr(getattr(font, "unicode_map", None), "cid2unichr", None)
            if isinstance(mapped, dict):
                unscramble(mapped)
        return font


def unscramble(mapped: dict[int, str]) -> None:
    """A ToUnicode map's ligatures put right where Ghostscript garbled them (the module's docstring), in a
    font that draws no ideograph of its own (a Chinese font's "一一" is no garbled "NN")."""
    if not any(len(text) == 1 and _ideograph(text) for text in mapped.values()):
        mapped.update((cid, _unscrambled(text)) for cid, text in list(mapped.items()) if len(text) > 1)


def _ideograph(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _unscrambled(text: str) -> str:
    """A ligature's text as its ToUnicode entry meant it, where Ghostscript garbled it (the module's docstring);
    any other text as it is."""
    codes = [ord(char) for char in text]
    if all(_ideograph(char) and code & 0xFF == 0 and chr(code >> 8).isascii() and chr(code >> 8).isalpha()
           for char, code in zip(text, codes, strict=True)):
        return "".join(chr(code >> 8) for code in codes)  # "昀椀": each character's bytes swapped
    if _ideograph(text[0]) or not any(_ideograph(char) for char in text[1:]):
        return text
    out = [codes[0]]
    for before, code in pairwise(codes):
        out.append((before & 0xFF00) | (code & 0xFF) if _ideograph(chr(code)) and code >> 8 == before & 0xFF
                   else code)
    return "".join(map(chr, out))


def undefined_text(font: PDFFont, cid: int) -> str | None:
    """What a code the font does not map reads as: nothing when the font has a ToUnicode map naming other codes'
    characters (a glyph it leaves out is no letter); None when the font says nothing (a glyph number)."""
    found = getattr(font, "unicode_map", None)
    return "" if found is not None and getattr(found, "cid2unichr", None) else None


def builtin_table(font: PDFSimpleFont, spec: Mapping[str, object]) -> dict[int, str] | None:
    """The code -> character table of a font that uses its built-in encoding, Differences applied; None when
    pdfminer's reading stands (a ToUnicode map, a named encoding, a Type3 font, a plain text font)."""
    if isinstance(font, PDFType3Font) or "ToUnicode" in spec:
        return None
    encoding = resolve1(spec.get("Encoding"))
    base: object = encoding
    differences: object = []
    if isinstance(encoding, dict):
        base, differences = resolve1(encoding.get("BaseEncoding")), resolve1(encoding.get("Differences"))
    if isinstance(base, PSLiteral) and str(base.name) in NAMED_ENCODINGS:
        return None
    builtin = _builtin(str(getattr(font, "basefont", "")), _descriptor(spec))
    if builtin is None:
        return None
    return _with_differences(builtin, differences if isinstance(differences, list) else [])


def _descriptor(spec: Mapping[str, object]) -> dict[object, object]:
    descriptor = resolve1(spec.get("FontDescriptor"))
    return descriptor if isinstance(descriptor, dict) else {}


def _builtin(basefont: str, descriptor: Mapping[object, object]) -> dict[int, str] | None:
    """A font's built-in encoding: its embedded Type1 program's, Symbol's or ZapfDingbats', none for another
    symbolic font ({}: no code can be read with confidence), or None for a text font (pdfminer's default)."""
    program = _program_encoding(descriptor)
    if program:
        return program
    family = _FAMILIES.get(family_key(basefont))
    if family is not None:
        return family
    flags = resolve1(descriptor.get("Flags"))
    if isinstance(flags, int) and flags & SYMBOLIC and not flags & NONSYMBOLIC:
        return {}
    return None


def family_key(basefont: str) -> str:
    """A font's name as the families above are keyed: "ABCDEF+Symbol,Bold" -> "symbol"."""
    name = re.sub(r"^[A-Z]{6}\+", "", basefont)
    return re.sub(r"[^a-z]", "", re.split(r"[,-]", name, maxsplit=1)[0].lower())


def _program_encoding(descriptor: Mapping[object, object]) -> dict[int, str]:
    """The encoding an embedded Type1 program declares (its clear-text part), read as pdfminer reads it when a
    font names no encoding; empty when there is no such program or it declares StandardEncoding."""
    program = resolve1(descriptor.get("FontFile"))
    if not isinstance(program, PDFStream):
        return {}
    try:
        clear = program.get_data()[:int(resolve1(program["Length1"]))]
        return Type1FontHeaderParser(BytesIO(clear)).get_encoding()
    except Exception:  # a damaged font program: read as if it declared nothing
        return {}


def _with_differences(base: Mapping[int, str], differences: list[object]) -> dict[int, str]:
    """`base` with a Differences array applied: each code listed reads as its glyph name says, or is left
    unreadable when the name is not one the Adobe Glyph List knows (never the base encoding's letter)."""
    table, code = dict(base), 0
    for item in map(resolve1, differences):
        if isinstance(item, int):
            code = item
        elif isinstance(item, PSLiteral):
            try:
                table[code] = name2unicode(str(item.name))
            except (KeyError, ValueError):
                table.pop(code, None)
            code += 1
    return table
