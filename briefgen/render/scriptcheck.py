"""`check`'s word on a house style's fonts by script (document/scriptfonts.py): where the reference sets the
brief's Korean, Japanese, Chinese, Arabic… text in a font that neither look.fonts nor templates/ supplies, the
DOCX names that font for Word and the PDF draws the text in briefgen's bundled face for the script."""

from __future__ import annotations

from briefgen.document.nodes import Theme
from briefgen.document.scriptfonts import CLASS_OF, described, script_tag
from briefgen.document.scripts import script_of
from briefgen.document.typefaces import SCRIPT_FACES


def script_substitutes(theme: Theme, text: str) -> list[str]:
    """What the PDF draws in place of each font the house style sets a script of `text` in, in words (one for
    each script the text has whose font the PDF cannot draw itself)."""
    fonts = theme.fonts
    words = dict(fonts.words)
    found: dict[str, str] = {}
    for char in sorted(set(text)):
        script = script_of(char)
        tag = None if script is None else script_tag(script.name, script.default_lang)
        if script is None or tag is None or tag not in words or fonts.script_face(script.name) is not None:
            continue
        bundled = SCRIPT_FACES[CLASS_OF[tag]].family
        found.setdefault(tag, f"the reference sets {described(tag)} text in {words[tag]!r}, which templates/ has no "
                              f"file of: the PDF draws that text in {bundled} in its place, which is not "
                              "metric-compatible, so its lines may break differently in the DOCX and the PDF")
    return list(found.values())
