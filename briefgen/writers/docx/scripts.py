"""What script each run of a DOCX holds: language tags, right-to-left marks and a font per script class.

Word picks a run's font from one of four slots (ascii, hAnsi, eastAsia, cs) by the characters in it, and
lays a run out right to left only when it says `w:rtl`. So every literal run is split where its text changes
between right-to-left, complex (shaped) and east-Asian characters, and each piece says what it holds; a
paragraph whose text (or language) is right to left is marked `w:bidi`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import replace

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from briefgen.document import scripts
from briefgen.document.layout import STYLES
from briefgen.document.nodes import Theme
from briefgen.document.typefaces import BUNDLED, SCRIPT_FACES, FontSet
from briefgen.writers.docx.footnotes import REFERENCE_STYLE
from briefgen.writers.docx.ooxml import XML_SPACE, el
from briefgen.writers.docx.styles import style_id

# CT_RPr and CT_PPr children that come after the ones added here (ECMA-376 §17.3.2.28, §17.3.1.26)
_AFTER_FONTS = ("w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike", "w:outline",
                "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
                "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u",
                "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign")
_AFTER_RTL = ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
               "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_TEXT = qn("w:t")


def _insert(parent: BaseOxmlElement, child: BaseOxmlElement, before: tuple[str, ...]) -> BaseOxmlElement:
    """Put child before the first of `before` already in parent (the schema's order), else at the end."""
    for tag in before:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return child
    parent.append(child)
    return child


def _rpr(run: BaseOxmlElement) -> BaseOxmlElement:
    found: BaseOxmlElement | None = run.find(qn("w:rPr"))
    if found is None:
        found = el("w:rPr")
        run.insert(0, found)
    return found


def mark_run(run: BaseOxmlElement, script: scripts.ScriptClass, lang: str | None,
             fontset: FontSet = BUNDLED) -> None:
    """Say what one run holds: its font slot's face (the profile's own for its script, if any), direction and
    language."""
    rpr = _rpr(run)
    if rpr.find(qn("w:lang")) is not None:
        return
    tag = lang or script.default_lang
    if script.name != "latin":
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = _insert(rpr, el("w:rFonts"), _AFTER_FONTS + _AFTER_RTL)
        for slot in _SLOTS[script.kind]:
            fonts.set(qn(f"w:{slot}"), docx_face(script.name, tag, fontset))
        if script.kind == "east_asian":
            fonts.set(qn("w:hint"), "eastAsia")
    if script.rtl:
        _insert(rpr, el("w:rtl"), _AFTER_RTL)
    if script.kind == "complex":
        _insert(rpr, el("w:cs"), _AFTER_RTL[1:])
    if tag:
        attribute = {"latin": "val", "east_asian": "eastAsia", "complex": "bidi"}[script.kind]
        _insert(rpr, el("w:lang", **{attribute: tag}), _AFTER_LANG)


# Word's font slots a script class's face is named in (Armenian, Georgian, Cherokee… are Latin-slot text)
_SLOTS = {"latin": ("ascii", "hAnsi"), "east_asian": ("eastAsia",), "complex": ("cs",)}
# Word's own faces for CJK text, by language: the DOCX is opened where these are installed
_EAST_ASIAN = {"ja": "Yu Gothic", "ko": "Malgun Gothic", "zh-hant": "Microsoft JhengHei", "zh-tw": "Microsoft JhengHei",
               "zh-hk": "Microsoft JhengHei"}


def docx_face(script: str, lang: str | None, fontset: FontSet = BUNDLED) -> str:
    """The face Word is asked for in a script's slot: the profile's own, else the house style's for the script
    (its theme's, by language: Japanese or Chinese), else the one Word ships for it."""
    own = fontset.script_face(script)
    if own is not None:
        return own.docx_name
    house = fontset.word_name(script, lang)
    if house is not None:
        return house
    if script == "cjk" and lang:
        key = lang.lower()
        return _EAST_ASIAN.get(key, _EAST_ASIAN.get(key.split("-")[0], SCRIPT_FACES["cjk"].docx_name))
    return SCRIPT_FACES[script].docx_name if script in SCRIPT_FACES else SCRIPT_FACES["cjk"].docx_name


def split_run(run: BaseOxmlElement, lang: str | None, fontset: FontSet = BUNDLED) -> None:
    """Split a literal run where its script class changes, and mark each piece."""
    texts = run.findall(_TEXT)
    if not texts or not any(t.text for t in texts):
        return
    pieces = scripts.pieces("".join(t.text or "" for t in texts))
    if len(texts) == 1 and len(run) == 1 + (run.find(qn("w:rPr")) is not None):
        _mark_pieces(run, pieces, lang, fontset)
    else:  # a run with breaks or tabs between its texts is marked whole, by its first script
        mark_run(run, pieces[0][0], lang if _fits(pieces[0][0], lang) else None, fontset)


def _mark_pieces(run: BaseOxmlElement, pieces: list[tuple[scripts.ScriptClass, str]], lang: str | None,
                 fontset: FontSet) -> None:
    current = run
    template = copy.deepcopy(run)
    for i, (script, text) in enumerate(pieces):
        if i:
            clone = copy.deepcopy(template)
            current.addnext(clone)
            current = clone
        _set_text(current.find(_TEXT), text)
        mark_run(current, script, lang if _fits(script, lang) else None, fontset)


def _set_text(t: BaseOxmlElement, text: str) -> None:
    """A piece's text; a space at either end of it (where the split fell) kept, as Word drops it otherwise."""
    t.text = text
    if text != text.strip():
        t.set(XML_SPACE, "preserve")


def _fits(script: scripts.ScriptClass, lang: str | None) -> bool:
    """A quote's language tags the pieces in its own script, not the digits or Latin words inside it."""
    return bool(lang) and (script.kind != "latin" or not scripts.is_rtl_language(lang or ""))


_RUN = qn("w:r")


def mark_paragraph(paragraph: BaseOxmlElement, lang: str | None = None, fontset: FontSet = BUNDLED) -> None:
    """Mark the runs of one paragraph, and the paragraph itself when it reads right to left."""
    text = "".join(t.text or "" for t in paragraph.iter(_TEXT))
    if lang is None and not re.search(scripts.NOT_LATIN, text):
        return
    rtl = scripts.direction(text, lang) == "RTL"
    script = next((s for s, _ in scripts.pieces(text) if s.rtl), None) if rtl else None
    for run in list(paragraph.iter(_RUN)):
        if script is not None and _reference(run):
            mark_run(run, script, lang, fontset)
        else:
            split_run(run, lang, fontset)
    if rtl:
        ppr = paragraph.find(qn("w:pPr"))
        if ppr is None:
            ppr = el("w:pPr")
            paragraph.insert(0, ppr)
        if ppr.find(qn("w:bidi")) is None:
            _insert(ppr, el("w:bidi"), _AFTER_BIDI)


def _reference(run: BaseOxmlElement) -> bool:
    """Is `run` a note's number (its reference, or a NOTEREF field's part)? In a right-to-left paragraph it is
    marked as the paragraph's script reads: LibreOffice set a number left unmarked at the end of an Arabic or
    Hebrew quote a wide gap beyond the quote's end (the width it measured it at, in another font, not the one
    it drew it in), and Word marks the reference of a note inserted in right-to-left text so itself."""
    style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
    return style is not None and style.get(qn("w:val")) == REFERENCE_STYLE


def mark_tree(root: BaseOxmlElement, fontset: FontSet = BUNDLED, styled: Mapping[str, FontSet] | None = None,
              ) -> None:
    """Mark every paragraph below root that `mark_paragraph` has not seen with a language of its own, each with
    its style's fonts by script (`styled`, by style id: a house Heading's majorEastAsia), else `fontset`'s."""
    for paragraph in list(root.iter(qn("w:p"))):
        found = paragraph.find(f"{_PPR}/{_PSTYLE}")
        named = None if found is None or not styled else styled.get(found.get(qn("w:val"), ""))
        mark_paragraph(paragraph, fontset=named or fontset)


def styled_sets(theme: Theme) -> dict[str, FontSet]:
    """Style id -> the theme's fonts with that house style's fonts by script, for each style the brief uses
    whose fonts by script are not Normal's."""
    house = theme.house
    if house is None:
        return {}
    normal = house.style("normal").scripts
    return {style_id(spec.word_name): replace(theme.fonts, words=look.scripts) for spec in STYLES.values()
            if (look := house.style(spec.word_name)).scripts and look.scripts != normal}


_PPR, _PSTYLE = qn("w:pPr"), qn("w:pStyle")
