"""OpenDocument presentation seeds (.odp, LibreOffice Impress's own format; .otp, its template; .fodp, the same as
one XML file): the slides (`draw:page`) in order, then the speaker notes of the slides read, after the last
slide as for a .pptx (pptxdoc.py). On a slide, its title first, then its frames and shapes top to bottom, left to
right (by `svg:y`, `svg:x`); each one's paragraphs as a text box of an .odt reads (odtbody.py: lists with the
labels Impress draws, a table row by row).

Not read: a shape made invisible (`draw:display="none"`), a hidden slide (its page style's
`presentation:visibility="hidden"`: Impress skips it in the show and in its PDF) nor its notes, an empty
placeholder's prompt (`presentation:placeholder="true"`), a notes page's slide image, headers, footers, the
master pages' text, charts and other embedded objects. The package is opened and checked as an .odt is
(odtdoc.py) and content.xml read as a stream, each slide let go once read.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from typing import Any

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxdoc import MAX_TEXT
from briefgen.sources.formats.odtbody import DRAWN, BodyReader
from briefgen.sources.formats.odtdoc import STYLES, Kind, opened, part_events
from briefgen.sources.formats.odtstyles import DRAW, OFFICE, STYLE, Styles, add_styles
from briefgen.sources.formats.plain import ZIP_KINDS, SeedError, seed_lines

PRESENTATION = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
SLIDE_KIND = Kind("ODP", ZIP_KINDS["ODP"][1], ("application/vnd.oasis.opendocument.presentation",
                                               "application/vnd.oasis.opendocument.presentation-template"),
                  f"{OFFICE}presentation", "open it in LibreOffice and save it again as .odp",
                  "save the slides as .odp (Impress)")
PAGE, NOTES = f"{DRAW}page", f"{PRESENTATION}notes"
SHAPES = DRAWN | {f"{DRAW}line", f"{DRAW}connector", f"{DRAW}measure", f"{DRAW}regular-polygon"}
MAX_SLIDES = 3_000  # as for a .pptx (pptxdoc.MAX_SLIDES)
# A length in ODF's units, each in centimetres
UNITS = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6, "px": 2.54 / 96}
_LENGTH = re.compile(r"\s*(-?\d{1,9}(?:\.\d{1,9})?)\s*(cm|mm|in|pt|pc|px)?\s*$")


def extract(raw: bytes) -> Extracted:
    with opened(raw, SLIDE_KIND) as package:
        lines = seed_lines(presentation_paragraphs(package, raw), "the ODP", MAX_TEXT)
    if not lines:
        raise SeedError("the ODP has no text on its slides",
                        "check that the slides hold their text in text boxes, not in pictures")
    return Extracted(tuple(lines))


def presentation_paragraphs(package: zipfile.ZipFile | None, raw: bytes) -> Iterator[str]:
    """The shown slides' paragraphs, then their notes'."""
    styles = Styles()
    hidden: set[str] = set()
    if package is not None and "styles.xml" in package.namelist():
        for _ in _slides(package, raw, "styles.xml", styles, hidden):
            pass
    notes: list[str] = []
    slides = 0
    for page in _slides(package, raw, "content.xml", styles, hidden):
        slides += 1
        if slides > MAX_SLIDES:
            raise SeedError(f"the ODP has more than {MAX_SLIDES:,} slides, more than briefgen reads from one seed",
                            "split the presentation, or save the slides that matter as one of their own")
        if page.get(f"{DRAW}style-name") not in hidden:
            yield from slide_paragraphs(page, styles)
            notes.extend(notes_paragraphs(page, styles))
    if not slides and not _has_body(package, raw):
        raise SeedError("the file is not an OpenDocument presentation (it has no presentation body)",
                        "save the slides as .odp from LibreOffice Impress")
    yield from notes


def _slides(package: zipfile.ZipFile | None, raw: bytes, name: str, styles: Styles,
            hidden: set[str]) -> Iterator[Any]:
    """The part's slides, each let go once the caller has read it; its styles read into `styles`, the page
    styles that hide their slide into `hidden`."""
    with part_events(package, raw, name, SLIDE_KIND) as found:
        for event, element in found:
            parent = element.getparent()
            if event != "end" or not (element.tag in STYLES or (
                    element.tag == PAGE and parent is not None and parent.tag == SLIDE_KIND.body)):
                continue
            if element.tag == PAGE:
                yield element
            else:
                add_styles(styles, element)
                hidden.update(_hidden_pages(element))
            element.clear()
            if parent is not None:
                parent.remove(element)


def _has_body(package: zipfile.ZipFile | None, raw: bytes) -> bool:
    with part_events(package, raw, "content.xml", SLIDE_KIND) as found:
        return any(event == "start" and element.tag == SLIDE_KIND.body for event, element in found)


def _hidden_pages(root: Any) -> Iterator[str]:
    """The drawing-page styles in `root` that hide their slide."""
    for style in root.iterfind(f"{STYLE}style"):
        properties = style.find(f"{STYLE}drawing-page-properties")
        if properties is not None and properties.get(f"{PRESENTATION}visibility") == "hidden":
            yield style.get(f"{STYLE}name", "")


def slide_paragraphs(page: Any, styles: Styles) -> list[str]:
    """A slide's shapes' paragraphs: its title first, then top to bottom, left to right."""
    shapes = [child for child in page if child.tag in SHAPES and not _prompt(child)
              and child.get(f"{DRAW}display") != "none"]
    shapes.sort(key=lambda shape: (shape.get(f"{PRESENTATION}class") != "title", *_place(shape)))
    reader = BodyReader(styles)
    return [line for shape in shapes for line in reader.drawn(shape)]


def notes_paragraphs(page: Any, styles: Styles) -> list[str]:
    """The paragraphs of a slide's notes page: its notes frame's text (not its slide image or its furniture)."""
    reader = BodyReader(styles)
    return [line for notes in page.iterfind(NOTES) for frame in notes.iterfind(f"{DRAW}frame")
            if frame.get(f"{PRESENTATION}class") == "notes" and not _prompt(frame) for line in reader.drawn(frame)]


def _prompt(shape: Any) -> bool:
    """Whether a shape is an empty placeholder, which shows its prompt ("Click to add Text") only in editing."""
    return bool(shape.get(f"{PRESENTATION}placeholder") == "true")


def _place(shape: Any) -> tuple[float, float]:
    """Where a shape stands on its slide (y, x in cm): its own svg:y and svg:x, else its first part's (a group)."""
    for element in shape.iter():
        y, x = _length(element.get(f"{SVG}y")), _length(element.get(f"{SVG}x"))
        if y is not None or x is not None:
            return y or 0.0, x or 0.0
    return 0.0, 0.0


def _length(value: str | None) -> float | None:
    found = _LENGTH.match(value) if value is not None and len(value) < 40 else None
    return None if found is None else float(found.group(1)) * UNITS[found.group(2) or "cm"]
