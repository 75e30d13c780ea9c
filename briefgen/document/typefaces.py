"""The bundled typefaces: the files the PDF embeds and the names the DOCX asks Word for.

Caladea and Carlito are metric-compatible with Cambria and Calibri, so a DOCX that names Cambria/Calibri
lays out line for line like our PDF, in Word (which has them) and in LibreOffice (which maps them back).
NanumGothic (Hangul) and DejaVu Sans (most other scripts) are used, run by run, for text the main faces lack.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FONT_DIR = Path(__file__).parent.parent / "fonts"


@dataclass(frozen=True)
class Face:
    family: str
    docx_name: str
    regular: str
    bold: str
    italic: str
    bold_italic: str

    def file(self, bold: bool = False, italic: bool = False) -> Path:
        name = {
            (False, False): self.regular,
            (True, False): self.bold,
            (False, True): self.italic,
            (True, True): self.bold_italic,
        }[(bold, italic)]
        return FONT_DIR / name


FACES: dict[str, Face] = {
    "Caladea": Face("Caladea", "Cambria", "Caladea-Regular.ttf", "Caladea-Bold.ttf",
                    "Caladea-Italic.ttf", "Caladea-BoldItalic.ttf"),
    "Carlito": Face("Carlito", "Calibri", "Carlito-Regular.ttf", "Carlito-Bold.ttf",
                    "Carlito-Italic.ttf", "Carlito-BoldItalic.ttf"),
}

# One file each, regular weight only: bold/italic fallback text is drawn in the regular face.
FALLBACK = Face("NanumGothic", "Malgun Gothic", *(["NanumGothic.ttf"] * 4))  # Hangul (and the DOCX's East Asian)
# Then Greek, Cyrillic, Hebrew, Arabic, symbols… for any character the faces above lack.
FALLBACKS = (FALLBACK, Face("DejaVuSans", "DejaVu Sans", *(["DejaVuSans.ttf"] * 4)))
