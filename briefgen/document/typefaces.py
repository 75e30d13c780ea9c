"""The bundled typefaces: the files the PDF embeds and the names the DOCX asks Word for.

Caladea and Carlito are metric-compatible with Cambria and Calibri, Liberation Serif, Sans and Mono with
Times New Roman, Arial and Courier New, so a DOCX that names one of those five lays out line for line like our
PDF, in Word (which has them) and in LibreOffice (which maps them back).
The fallbacks draw, run by run, the text the main faces lack: one face per script that needs shaping or a
direction of its own (Arabic and Persian, Hebrew, the Brahmic scripts of South and Southeast Asia from Devanagari
to Khmer), one for Chinese and Japanese, one for Korean, one for each of the other living scripts an analyst
may quote (Odia, Armenian, Georgian, Syriac, Tibetan… Yi: each draws its own script only), DejaVu Sans for the
rest (symbols, the odd letter) and Noto Sans Ethiopic. A profile may put its own file first for a script
(`look.fonts`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from briefgen.document.coverage import FONT_DIR, coverage
from briefgen.document.house import pdf_family as house_pdf_family
from briefgen.document.house import substitute_note as house_substitute_note
from briefgen.document.scriptfonts import script_tag
from briefgen.document.scripts import script_of


@dataclass(frozen=True)
class Face:
    family: str
    docx_name: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    folder: Path = FONT_DIR

    def file(self, bold: bool = False, italic: bool = False) -> Path:
        name = {
            (False, False): self.regular,
            (True, False): self.bold,
            (False, True): self.italic,
            (True, True): self.bold_italic,
        }[(bold, italic)]
        return self.folder / name


def single(family: str, docx_name: str, file: str, folder: Path = FONT_DIR) -> Face:
    """A face with one file for every weight and slant (bold or italic fallback text is drawn upright)."""
    return Face(family, docx_name, file, file, file, file, folder)


FACES: dict[str, Face] = {
    "Caladea": Face("Caladea", "Cambria", "Caladea-Regular.ttf", "Caladea-Bold.ttf",
                    "Caladea-Italic.ttf", "Caladea-BoldItalic.ttf"),
    "Carlito": Face("Carlito", "Calibri", "Carlito-Regular.ttf", "Carlito-Bold.ttf",
                    "Carlito-Italic.ttf", "Carlito-BoldItalic.ttf"),
    "LiberationSerif": Face("LiberationSerif", "Times New Roman", "LiberationSerif-Regular.ttf",
                            "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"),
    "LiberationSans": Face("LiberationSans", "Arial", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                           "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"),
    "LiberationMono": Face("LiberationMono", "Courier New", "LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf",
                           "LiberationMono-Italic.ttf", "LiberationMono-BoldItalic.ttf"),
}
# The main faces every brief looks in for a character its own face lacks, before the fallbacks (the Liberation
# faces only draw the text of a brief set in them: a Caladea brief's odd letter is not drawn in Liberation).
SHARED = ("Caladea", "Carlito")
_SHARED_FACES = tuple(FACES[family] for family in SHARED)

# Script name (as `look.fonts` spells it) -> the bundled face for it. The DOCX names the face Word ships for
# that script; LibreOffice, lacking it, picks an installed face that covers the text.
SCRIPT_FACES: dict[str, Face] = {
    "arabic": single("NotoNaskhArabic", "Times New Roman", "NotoNaskhArabic-Regular.ttf"),
    "hebrew": single("NotoSansHebrew", "Times New Roman", "NotoSansHebrew-Regular.ttf"),
    "devanagari": single("NotoSansDevanagari", "Nirmala UI", "NotoSansDevanagari-Regular.ttf"),
    **{script: single(f"NotoSans{script.title()}", word, f"NotoSans{script.title()}-Regular.ttf") for script, word in (
        ("bengali", "Nirmala UI"), ("gurmukhi", "Nirmala UI"), ("gujarati", "Nirmala UI"), ("tamil", "Nirmala UI"),
        ("telugu", "Nirmala UI"), ("kannada", "Nirmala UI"), ("malayalam", "Nirmala UI"), ("sinhala", "Nirmala UI"),
        ("thai", "Leelawadee UI"), ("lao", "Leelawadee UI"), ("myanmar", "Myanmar Text"), ("khmer", "Leelawadee UI"))},
    "cjk": single("DroidSansFallback", "Microsoft YaHei", "DroidSansFallbackFull.ttf"),
    "hangul": single("NanumGothic", "Malgun Gothic", "NanumGothic.ttf"),
}
# The other living scripts an analyst may quote, each a small Noto face (Debian's fonts-noto-core). Each draws
# only its own script's characters (scripts.script_of): they also map shared punctuation and marks (⁉ ⸨ ⸩,
# combining marks below, U+202E) that the faces before them drew, and still draw.
_OWN_SCRIPT_FACES: dict[str, Face] = {
    script: single(stem, word, f"{stem}-Regular.ttf") for script, stem, word in (
        ("oriya", "NotoSansOriya", "Nirmala UI"), ("armenian", "NotoSansArmenian", "Sylfaen"),
        ("georgian", "NotoSansGeorgian", "Sylfaen"), ("syriac", "NotoSansSyriac", "Estrangelo Edessa"),
        ("thaana", "NotoSansThaana", "MV Boli"), ("nko", "NotoSansNKo", "Ebrima"),
        ("tibetan", "NotoSerifTibetan", "Microsoft Himalaya"), ("mongolian", "NotoSansMongolian", "Mongolian Baiti"),
        ("cherokee", "NotoSansCherokee", "Gadugi"), ("canadian", "NotoSansCanadianAboriginal", "Gadugi"),
        ("tifinagh", "NotoSansTifinagh", "Ebrima"), ("javanese", "NotoSansJavanese", "Javanese Text"),
        ("olchiki", "NotoSansOlChiki", "Nirmala UI"), ("adlam", "NotoSansAdlam", "Ebrima"),
        ("vai", "NotoSansVai", "Ebrima"), ("yi", "NotoSansYi", "Microsoft Yi Baiti"))}
SCRIPT_FACES.update(_OWN_SCRIPT_FACES)
_OWN_SCRIPT = {face.family: script for script, face in _OWN_SCRIPT_FACES.items()}
# Characters of another script's block (Unicode's Script_Extensions) that join these scripts' letters: drawn
# in the letters' face, so that HarfBuzz shapes the word whole
_JOINED_WITH: dict[str | None, str] = {"syriac": "\u0640", "adlam": "\u0640"}
# The keys of a profile's `look.fonts`: the two text roles, then the script classes (document/scripts.py).
FONT_SLOTS = ("body", "heading", *SCRIPT_FACES)
# Then anything the faces above lack: Greek, Cyrillic, symbols, the odd letter, … then Ethiopic (set in the
# text's own font slot in Word, so not a script class of its own), then emoji and pictographs, drawn in outline
# (a PDF font has no colour; a skin tone or a family joined by ZWJ is drawn glyph by glyph)
LAST_RESORT = single("DejaVuSans", "DejaVu Sans", "DejaVuSans.ttf")
FALLBACKS = (*SCRIPT_FACES.values(), LAST_RESORT,
             single("NotoSansEthiopic", "Ebrima", "NotoSansEthiopic-Regular.ttf"),
             single("Symbola", "Segoe UI Symbol", "Symbola.ttf"))


_ALL = {face.family: face for face in (*FACES.values(), *FALLBACKS)}


def known(face: Face) -> Face:
    """Make a profile's face known by its family key (unique to its files' contents, see render/fonts.py), so
    every writer and the chart find its files by that key; returns the face."""
    _ALL.setdefault(face.family, face)
    return face


def face_of(family: str) -> Face:
    """The face a family key names: bundled, or a profile's own."""
    return _ALL[family]


def face_file(family: str, bold: bool = False, italic: bool = False) -> Path:
    """The file of a known family in a weight and slant (a fallback face has one file for every style)."""
    return _ALL[family].file(bold, italic)


@dataclass(frozen=True)
class FontSet:
    """The faces one brief may draw with: a profile's own first, then the bundled ones.

    `named` are Latin faces a brief names by family (look.fonts body and heading, a font a house style names
    and templates/ supplies); `scripts` put a profile's face first for a script class."""

    named: tuple[Face, ...] = ()
    scripts: tuple[tuple[str, Face], ...] = ()  # script class (a key of SCRIPT_FACES) -> face
    # a house style's font by script tag (document/scriptfonts.py): the name the DOCX gives that script's text
    words: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        for face in (*self.named, *(face for _, face in self.scripts)):
            known(face)

    def script_face(self, script: str) -> Face | None:
        """The profile's face for a script class, if it names one."""
        return dict(self.scripts).get(script)

    def word_name(self, script: str, lang: str | None) -> str | None:
        """The font a house style sets a script class's text in (in language `lang`), if it names one."""
        tag = script_tag(script, lang)
        return None if tag is None else dict(self.words).get(tag)

    def pdf_family(self, name: str) -> str:
        """The family the PDF draws a named font in: a supplied face of that family name, else the bundled
        font or its metric twin, else a bundled substitute (`substitute_note` reports it)."""
        return self._supplied(name) or house_pdf_family(name)

    def substitute_note(self, name: str) -> str:
        """'' when the PDF draws `name` itself (supplied) or a metric twin of it; else what it draws instead."""
        return "" if self._supplied(name) else house_substitute_note(name)

    def docx_name(self, family: str) -> str:
        """What the DOCX asks Word for: a bundled face's metric twin, or the family name itself."""
        face = _ALL.get(family)
        return face.docx_name if face is not None else family

    def _supplied(self, name: str) -> str:
        lowered = name.casefold()
        return next((f.family for f in self.named if f.family == name or f.docx_name.casefold() == lowered), "")

    @property
    def fallbacks(self) -> tuple[Face, ...]:
        """Where a character the main face lacks is looked for: the profile's script faces, then the bundled."""
        return (*(face for _, face in self.scripts), *FALLBACKS)

    def drawable(self, char: str) -> bool:
        """Whether a face of this set (the bundled ones included) has a glyph for the character."""
        return drawable(char, (*self.named, *_SHARED_FACES, *self.fallbacks))

    def runs(self, text: str, family: str, bold: bool = False, italic: bool = False) -> list[tuple[str, str]]:
        """Split text into (family, text) runs, each drawable in its face in the given weight and slant: by
        each file's coverage, so no font is laid out (both writers and the chart split text this way)."""
        named, fallbacks = self._families
        return _runs(text, _chain(family, named, fallbacks), bold, italic)

    @cached_property
    def _families(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The family keys of the named faces and of the fallbacks, once per set (`runs` is called per run)."""
        return tuple(f.family for f in self.named), tuple(f.family for f in self.fallbacks)


BUNDLED = FontSet()


def drawable(char: str, faces: tuple[Face, ...] = (*_SHARED_FACES, *FALLBACKS)) -> bool:
    """Whether one of the faces (by default every bundled one) has a glyph for the character."""
    return char.isspace() or any(ord(char) in coverage(face.file()) and _serves(face.family, char) for face in faces)


def _serves(family: str, char: str) -> bool:
    """Whether the face may draw the character: any it has, but a face of one script only that script's."""
    script = _OWN_SCRIPT.get(family)
    if script is None:
        return True
    found = script_of(char)
    return found is not None and found.name == script


@cache
def _chain(family: str, named: tuple[str, ...], fallbacks: tuple[str, ...]) -> tuple[str, ...]:
    """Where to look for a glyph: the main face, a profile's other Latin faces, the other shared main faces,
    then the fallbacks in order."""
    return (family, *(f for f in named if f != family), *(f for f in SHARED if f != family), *fallbacks)


@cache
def _draws_ascii(face: str, bold: bool, italic: bool) -> bool:
    """Whether the face's file has every printable ASCII character: every Latin face does; a body face of
    another script (Thaana's, Syriac's) has none, and its Latin text goes down the chain."""
    if face not in _ALL:  # a family no file is known for (a stand-in): its ASCII stays in it, as before
        return True
    held = coverage(_ALL[face].file(bold, italic))
    return all(code in held for code in range(0x20, 0x7F))


@cache  # a brief has a few hundred distinct characters; the layout asks for each many times a pass
def _face_for(char: str, chain: tuple[str, ...], bold: bool, italic: bool) -> str:
    code = ord(char)
    if char.isspace() or (code < 0x80 and _draws_ascii(chain[0], bold, italic)):
        return chain[0]
    for candidate in chain:
        # each file's own coverage: Caladea's italics lack a few letters its upright face has (ș ț)
        if code in coverage(_ALL[candidate].file(bold, italic)) and _serves(candidate, char):
            return candidate
    return chain[0]  # no face has it: `check` warned (verify.glyphs); the writers draw .notdef


@cache
def _joins(char: str, face: str, bold: bool, italic: bool) -> bool:
    """Marks and format characters (ZWNJ, ZWJ, combining accents) stay in the run of the letter before when
    its face has them: a joiner between two Arabic letters must reach HarfBuzz with them. So do the shared
    characters a one-script face's script joins its letters with (the Arabic tatweel in Syriac or Adlam)."""
    joining = unicodedata.category(char) in ("Mn", "Me", "Cf") or char in _JOINED_WITH.get(_OWN_SCRIPT.get(face), "")
    return joining and ord(char) in coverage(_ALL[face].file(bold, italic))


_MARKS = ("Mn", "Me")


@cache
def _cluster_face(cluster: str, chain: tuple[str, ...], bold: bool, italic: bool) -> str | None:
    """The first face that draws a letter and all its combining marks, as written or composed (HarfBuzz
    composes them when the face has the composed letter); None when no face does."""
    composed = unicodedata.normalize("NFC", cluster)
    for candidate in chain:
        covered = coverage(_ALL[candidate].file(bold, italic))
        if not _serves(candidate, cluster[0]):
            continue
        if all(ord(c) in covered for c in cluster) or all(ord(c) in covered for c in composed):
            return candidate
    return None


def _rehome(out: list[tuple[str, str]], mark: str, chain: tuple[str, ...], bold: bool, italic: bool) -> bool:
    """A combining mark its letter's face lacks: the letter and its marks move together to the first face that
    draws them all, so that HarfBuzz places (or composes) the marks on their letter (drawn in two fonts, a
    Vietnamese ư written u + U+031B got its horn beside the u). False when no face draws them all."""
    face, text = out[-1]
    start = len(text)
    while start > 0 and unicodedata.category(text[start - 1]) in _MARKS:
        start -= 1
    start = max(start - 1, 0)
    found = _cluster_face(text[start:] + mark, chain, bold, italic)
    if found is None:
        return False
    out[-1:] = [(face, text[:start])] if start else []
    if out and out[-1][0] == found:
        out[-1] = (found, out[-1][1] + text[start:] + mark)
    else:
        out.append((found, text[start:] + mark))
    return True


def _runs(text: str, chain: tuple[str, ...], bold: bool, italic: bool) -> list[tuple[str, str]]:
    if text.isascii() and _draws_ascii(chain[0], bold, italic):  # and no ASCII character joins the run before it
        return [(chain[0], text)] if text else []
    out: list[tuple[str, str]] = []
    for char in text:
        joins = out and _joins(char, out[-1][0], bold, italic)
        if out and not joins and unicodedata.category(char) in _MARKS and _rehome(out, char, chain, bold, italic):
            continue
        face = out[-1][0] if joins else _face_for(char, chain, bold, italic)
        if out and out[-1][0] == face:
            out[-1] = (face, out[-1][1] + char)
        else:
            out.append((face, char))
    return out


def runs(text: str, family: str, bold: bool = False, italic: bool = False) -> list[tuple[str, str]]:
    """`FontSet.runs` with the bundled faces only."""
    return BUNDLED.runs(text, family, bold, italic)
