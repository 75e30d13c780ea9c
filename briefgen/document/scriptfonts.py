"""Which font Word sets a script's text in under a house style: the script tags a theme names fonts by
(`<a:font script="Hang" typeface="Malgun Gothic"/>`, DrawingML's ISO 15924 codes) for the script classes Word
sets in its east Asian or complex-script slot (document/scripts.py), and the classes each tag covers.

A style's fonts by script are read into StyleLook.scripts (render/wordtheme.py); the DOCX names them on the runs
of that script (writers/docx/scripts.py), the PDF draws them from a file in templates/ or else the bundled face
for the script, which `check` reports.
"""

from __future__ import annotations

# briefgen's script class -> the theme's script tag (Chinese and Japanese, one class, by language: `script_tag`)
_TAGS = {"hangul": "Hang", "yi": "Yiii", "arabic": "Arab", "hebrew": "Hebr", "syriac": "Syrc", "thaana": "Thaa",
         "nko": "Nkoo", "adlam": "Adlm", "devanagari": "Deva", "bengali": "Beng", "gurmukhi": "Guru",
         "gujarati": "Gujr", "tamil": "Taml", "telugu": "Telu", "kannada": "Knda", "malayalam": "Mlym",
         "sinhala": "Sinh", "thai": "Thai", "lao": "Laoo", "myanmar": "Mymr", "khmer": "Khmr", "oriya": "Orya",
         "tibetan": "Tibt", "mongolian": "Mong", "javanese": "Java"}
EAST_ASIAN_TAGS = ("Jpan", "Hans", "Hant", "Hang", "Yiii")  # set in Word's w:eastAsia slot
COMPLEX_TAGS = tuple(tag for tag in _TAGS.values() if tag not in EAST_ASIAN_TAGS)  # in its w:cs slot
# the script class each tag's text is in (the inverse of _TAGS, the three Chinese and Japanese tags one class)
CLASS_OF = {**{tag: name for name, tag in _TAGS.items()}, "Jpan": "cjk", "Hans": "cjk", "Hant": "cjk"}
WORDS = {"Jpan": "Japanese", "Hans": "Simplified Chinese", "Hant": "Traditional Chinese", "Hang": "Korean"}
_TRADITIONAL = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")


def script_tag(script: str, lang: str | None) -> str | None:
    """The theme's tag for text of script class `script` in language `lang` (a BCP 47 tag, or None): Chinese
    characters by their language (Japanese, Korean Hanja, traditional or simplified Chinese); None for a
    class Word sets in its Latin slots."""
    if script != "cjk":
        return _TAGS.get(script)
    key = (lang or "zh").lower()
    if key.startswith("ja"):
        return "Jpan"
    if key.startswith("ko"):
        return "Hang"
    return "Hant" if key.startswith(_TRADITIONAL) else "Hans"


def described(tag: str) -> str:
    """A script tag in words, for `check`: "Korean", or the class's name ("Arabic", "Thai")."""
    return WORDS.get(tag) or CLASS_OF.get(tag, tag).title()
