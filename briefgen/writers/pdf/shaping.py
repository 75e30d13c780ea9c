"""Complex scripts in reportlab paragraphs: which paragraphs HarfBuzz shapes, in which direction, and text
extraction of the glyphs shaping makes.

reportlab shapes a paragraph's words with HarfBuzz when its style says `shaping=1` and orders right-to-left
lines (`wordWrap="RTL"`) with the bidi algorithm (briefgen.writers.bidi). Two gaps are closed here:

- reportlab shapes a word drawn in two fonts (Hebrew letters then digits from the main face, say) with the
  first font's HarfBuzz font, drawing the other font's characters with wrong glyph ids. `shape_word` shapes
  each single-font piece on its own.
- a glyph that no character maps to (a lam-alef ligature, a Devanagari conjunct) gets a private-use code, so
  copying or searching the PDF lost those letters. The source characters of each such glyph are kept and
  written into the font's ToUnicode map (`to_unicode`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import groupby
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph as rl_paragraph

from briefgen.document import scripts
from briefgen.writers.pdf import cjklines, cutting
from briefgen.writers.pdf import glyphs as glyph_runs

_ORIGINAL = ttfonts.shapeFragWord
_PRIVATE = range(0xE000, 0xF900)
# face name -> private-use code -> the characters its glyph stands for
_LIGATURES: dict[str, dict[int, str]] = {}
# The OpenType features Word and LibreOffice apply by default; reportlab adds discretionary ligatures, which
# drew Hebrew vav and yod as the Yiddish ligature U+05F1 (and copied as that one character)
_FEATURES = {"kern": True, "liga": True}
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def install() -> None:
    if not rl_paragraph.rtlSupport:
        raise RuntimeError("reportlab was imported before briefgen.writers installed its bidi support")
    rl_paragraph.shapeFragWord = shape_word
    rl_paragraph._splitFragWord = cutting.split_word
    rl_paragraph._hyphenateWord = cutting.hyphenate_word
    rl_paragraph._hyphenateFragWord = cutting.hyphenate_frag_word
    rl_paragraph._shyUnsplit = cutting.rejoined
    rl_paragraph.cjkFragSplit = cjklines.split
    glyph_runs.install()


needs_shaping = scripts.needs_shaping


def mostly_cjk(text: str) -> bool:
    """Lines break between any two ideographs (with the rules for CJK punctuation) when they dominate."""
    if text.isascii():
        return False
    letters = [c for c in text if unicodedata.category(c).startswith("L")]
    return bool(letters) and sum(1 for c in letters if _CJK.match(c)) * 2 > len(letters)


def _font_of(fragment: Any) -> str | None:
    return None if hasattr(fragment[0], "cbDefn") else str(fragment[0].fontName)


def shape_word(word: list[Any], *args: Any, **kwargs: Any) -> Any:
    """reportlab's shapeFragWord, one font at a time, keeping the characters behind each ligature."""
    if isinstance(word, ttfonts.ShapedFragWord) or any(isinstance(s, ttfonts.ShapedStr) for _, s in word[1:]):
        return word  # shaped already (a piece split_word cut, laid out again)
    pieces = [cut for piece in _pieces(word[1:]) for cut in _around_numbers(piece)]
    if len(pieces) == 1:
        return _shape_piece(word, pieces[0], *args, **kwargs)
    # In logical order: a right-to-left line is drawn with its fragments reversed (reportlab's paragraph)
    shaped = [_shape_piece(word.__class__([_width(piece), *piece]), piece, *args, **kwargs) for piece in pieces]
    joined = ttfonts.makeShapedFragWord(word)([sum(float(s[0]) for s in shaped)])
    for part in shaped:
        joined.extend(part[1:])
    return joined


def _width(piece: list[Any]) -> float:
    return sum(float(getattr(f, "width", 0)) if hasattr(f, "cbDefn")
               else pdfmetrics.stringWidth(s, f.fontName, f.fontSize) for f, s in piece)


def _pieces(fragments: list[Any]) -> list[list[Any]]:
    """Runs of fragments in one font; a callback (a note marker, an anchor) is a piece of its own, as
    reportlab's shaper mishandles one inside a word it changes."""
    pieces: list[list[Any]] = []
    current: str | None = None
    for fragment in fragments:
        font = _font_of(fragment)
        if pieces and font is not None and font == current:
            pieces[-1].append(fragment)
        else:
            pieces.append([fragment])
        current = font
    return pieces


_NUMBERISH = frozenset({"EN", "AN", "ET", "CS", "ES"})  # digits and what stands in or around a number


def _numberish(char: str) -> bool:
    return unicodedata.bidirectional(char) in _NUMBERISH


def _around_numbers(piece: list[Any]) -> list[list[Any]]:
    """A right-to-left piece cut where its digits (and the separators, signs and percent signs in and around
    them) begin and end. HarfBuzz lays a run out in one direction: shaped with the Arabic letters around
    them, digits were drawn right to left (١٢٫٥٪ read ٪٥٫٢١, ٢٠٢٤م read م٤٢٠٢). Cut out, they are drawn as
    written and placed by the bidi algorithm (bidiline.py), a number reading left to right."""
    text = "".join(s for f, s in piece if not hasattr(f, "cbDefn"))
    if not has_rtl(text) or not any(_numberish(c) for c in text):
        return [piece]
    cuts: list[list[Any]] = []
    kinds: list[bool] = []
    for fragment, string in piece:
        runs = [(False, string)] if hasattr(fragment, "cbDefn") else [
            (kind, "".join(chars)) for kind, chars in groupby(string, _numberish)]
        for kind, run in runs:
            if cuts and kinds[-1] == kind:
                cuts[-1].append((fragment, run))
            else:
                cuts.append([(fragment, run)])
                kinds.append(kind)
    return cuts


def _shape_piece(word: list[Any], piece: list[Any], *args: Any, **kwargs: Any) -> Any:
    text = "".join(s for f, s in piece if not hasattr(f, "cbDefn"))
    if not needs_shaping(text) or all(_numberish(c) for c in text):
        return word  # Latin, CJK: nothing for HarfBuzz to change but kerning, which the PDF never had
    font = _font_of(piece[0])
    if font is not None and not _draws_any(font, text):
        return word  # no font has the script (Thai, say): boxes that copy as their characters (fonts.py)
    kwargs.setdefault("features", _FEATURES)
    shaped = _ORIGINAL(word, *args, **kwargs)
    runs = [f[1] for f in shaped[1:] if not hasattr(f[0], "cbDefn") and isinstance(f[1], ttfonts.ShapedStr)]
    for fragment in shaped[1:]:
        if not hasattr(fragment[0], "cbDefn") and isinstance(fragment[1], ttfonts.ShapedStr):
            _remember(fragment[0].fontName, fragment[1], text)
    _keep_actual(runs, text)
    for at, (fragment, string) in enumerate(shaped[1:], 1):  # each run remembers the words joined to it
        if not hasattr(fragment, "cbDefn") and isinstance(string, ttfonts.ShapedStr):
            shaped[at] = (fragment, glyph_runs.of(string))
    return shaped


def _draws_any(font_name: str, text: str) -> bool:
    """Whether the font has a glyph of its own for any of the characters of `text` that need shaping, or for
    each of its characters once composed. HarfBuzz turns the others into glyph 0, which no character maps back
    to, so their text was lost."""
    glyphs = pdfmetrics.getFont(font_name).face.charToGlyph
    composed = unicodedata.normalize("NFC", text)  # a letter and accents the font has only as one glyph
    return any(glyphs.get(ord(c)) for c in text if needs_shaping(c)) or (
        composed != text and all(glyphs.get(ord(c)) for c in composed))


def _keep_actual(glyphs: list[ttfonts.ShapedStr], text: str) -> None:
    """Each run of glyphs remembers (as `actual`) the characters its clusters stand for: the text of a line
    drawn in another order than read (lines.py), written as its paragraph's /ActualText (tags.py)."""
    starts = sorted({d.cluster for g in glyphs for d in g.__shapeData__ if 0 <= d.cluster < len(text)})
    for run in glyphs:
        clusters = [d.cluster for d in run.__shapeData__ if 0 <= d.cluster < len(text)]
        if clusters:
            end = next((s for s in starts if s > max(clusters)), len(text))
            run.actual = text[min(clusters):end]


def _remember(font_name: str, glyphs: ttfonts.ShapedStr, text: str) -> None:
    """For each private-use glyph, the characters of its cluster that the cluster's other glyphs do not
    already stand for (a conjunct drawn as one glyph plus a vowel sign keeps both letters, once each)."""
    data = glyphs.__shapeData__
    starts = [*sorted({d.cluster for d in data if 0 <= d.cluster < len(text)}), len(text)]
    face = pdfmetrics.getFont(font_name).face.name
    known = _LIGATURES.setdefault(face.decode("latin-1") if isinstance(face, bytes) else str(face), {})
    clusters: dict[int, list[str]] = {}
    for char, d in zip(glyphs, data, strict=True):
        clusters.setdefault(d.cluster, []).append(char)
    for cluster, chars in clusters.items():
        if not 0 <= cluster < len(text):
            continue
        rest = list(text[cluster:next(s for s in starts if s > cluster)])
        for char in chars:
            if ord(char) not in _PRIVATE and char in rest:
                rest.remove(char)
        private = [c for c in chars if ord(c) in _PRIVATE]
        if private and rest and ord(private[0]) not in known:
            known[ord(private[0])] = "".join(rest)


_ENTRY = re.compile(r"^(<[0-9A-F]+> )<([0-9A-F]{4})>$", re.MULTILINE)


def to_unicode(base_font: str, cmap: str) -> str:
    """A ToUnicode CMap with each ligature glyph's private-use code replaced by the characters it draws."""
    known = _LIGATURES.get(base_font.split("+", 1)[-1], {})
    if not known:
        return cmap

    def actual(found: re.Match[str]) -> str:
        text = known.get(int(found[2], 16))
        return f"{found[1]}<{text.encode('utf-16-be').hex().upper()}>" if text else found[0]

    return _ENTRY.sub(actual, cmap)


_MIRRORED = {TA_LEFT: TA_RIGHT, TA_RIGHT: TA_LEFT}
has_rtl = scripts.has_rtl
reorders = scripts.reorders


def style_for(style: ParagraphStyle, text: str, lang: str | None = None) -> ParagraphStyle:
    """The paragraph style to draw `text` with: the style itself for text that is neither shaped, nor
    right-to-left, nor mostly ideographs (a Latin-only brief is drawn exactly as before)."""
    if reorders(text, lang):
        return _variant(style, scripts.direction(text, lang), 1)
    return _variant(style, "CJK", 0) if mostly_cjk(text) else style


@cache
def _variant(style: ParagraphStyle, wrap: str, shape: int) -> ParagraphStyle:
    if wrap != "RTL":
        return ParagraphStyle(f"{style.name}-{wrap}", parent=style, wordWrap=wrap, shaping=shape)
    # right to left, mirrored: aligned to the other side, and indented from the right (a list item's text was
    # indented from the left, and reportlab, drawing the bullet at the right, drew it over the item's first word)
    return ParagraphStyle(f"{style.name}-{wrap}", parent=style, wordWrap=wrap, shaping=shape,
                          alignment=_MIRRORED.get(style.alignment, style.alignment),
                          leftIndent=style.rightIndent, rightIndent=style.leftIndent)
