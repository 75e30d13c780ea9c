"""PowerPoint seeds (.pptx; .pptm, its macros never run; .potx, a template): the slides in the presentation's order
(`p:sldIdLst`, not the parts' names), each slide's text in reading order (pptxshapes.py), then the speaker notes
of the slides read (after the last slide, as a DOCX's footnotes follow its body: a slide's paragraphs are
numbered the same with or without them).

A hidden slide (`show="0"`: PowerPoint skips it in the slide show and prints it only on request) is not read,
nor its notes. The package is opened and its parts read as the DOCX reader reads its own (officepkg.py)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import Any

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.docxchart import chart_text
from briefgen.sources.formats.docxdiagram import diagram_text
from briefgen.sources.formats.docxdoc import MAX_TEXT, part_stream
from briefgen.sources.formats.docxstyles import xml_events
from briefgen.sources.formats.officepkg import main_part, opened, parsed, targets
from briefgen.sources.formats.plain import SeedError, seed_lines
from briefgen.sources.formats.pptxshapes import Linked, P, Placeholders, R, placeholders, slide_paragraphs, text_body

READERS = {"chart": chart_text, "diagram": diagram_text}
MAX_SLIDES = 3_000  # a deck's slides, each a part parsed with its layout's (a few ms): a minute at most


def extract(raw: bytes) -> Extracted:
    with opened(raw, "PPTX") as package:
        lines = seed_lines(deck_paragraphs(package), "the PPTX", MAX_TEXT)
    if not lines:
        raise SeedError("the PPTX has no text on its slides",
                        "check that the slides hold their text in text boxes, not in pictures")
    return Extracted(tuple(lines))


def deck_paragraphs(package: zipfile.ZipFile) -> Iterator[str]:
    """The shown slides' paragraphs, then their notes'."""
    main = main_part(package, "PPTX")
    presentation = parsed(package, main, "PPTX")
    related = targets(package, main)
    layouts: dict[str, Placeholders] = {}
    read: set[str] = set()  # the charts and diagrams read: each once
    notes: list[str] = []
    listed = presentation.findall(f"{P}sldIdLst/{P}sldId")
    if len(listed) > MAX_SLIDES:
        raise SeedError(f"the PPTX has more than {MAX_SLIDES:,} slides, more than briefgen reads from one seed",
                        "split the deck, or save the slides that matter as a deck of their own")
    for slide_id in listed:
        target = related.get(str(slide_id.get(f"{R}id", "")))
        if target is None or not target[0].endswith("/slide"):
            continue
        slide = parsed(package, target[1], "PPTX")
        if str(slide.get("show", "1")).lower() in ("0", "false"):
            continue
        own = targets(package, target[1])
        yield from slide_paragraphs(slide, _inherited(package, own, layouts), _linked(package, own, read))
        notes.extend(_notes(package, own))
    yield from notes


def _inherited(package: zipfile.ZipFile, own: dict[str, tuple[str, str]],
               layouts: dict[str, Placeholders]) -> Placeholders:
    """The placeholders' places of the slide's layout and its master (each layout read once)."""
    layout = next((name for kind, name in own.values() if kind.endswith("/slideLayout")), None)
    if layout is None:
        return Placeholders({}, {})
    if layout not in layouts:
        tree = parsed(package, layout, "PPTX")
        master = next((name for kind, name in targets(package, layout).values() if kind.endswith("/slideMaster")),
                      None)
        layouts[layout] = placeholders([tree] + ([] if master is None else [parsed(package, master, "PPTX")]))
    return layouts[layout]


def _linked(package: zipfile.ZipFile, own: dict[str, tuple[str, str]], read: set[str]) -> Linked:
    """The text of a chart or SmartArt data part the slide names by its id: nothing the second time, or when it
    cannot be read (PowerPoint draws its picture)."""
    def linked(kind: str, ident: str) -> list[str]:
        name = own.get(ident, ("", ""))[1]
        if not name or name in read:
            return []
        read.add(name)
        try:
            with part_stream(package, name) as stream:
                return READERS[kind](xml_events(stream, name, "PPTX"))
        except SeedError:
            return []
    return linked


def _notes(package: zipfile.ZipFile, own: dict[str, tuple[str, str]]) -> list[str]:
    """The speaker notes' paragraphs: the text of the notes page's body placeholder (not its slide image, slide
    number, header or footer)."""
    name = next((name for kind, name in own.values() if kind.endswith("/notesSlide")), None)
    if name is None:
        return []
    tree: Any = parsed(package, name, "PPTX")
    found: list[str] = []
    for shape in tree.iter(f"{P}sp"):
        ph = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        if ph is not None and str(ph.get("type", "body")) == "body":
            found.extend(text_body(shape.find(f"{P}txBody")))
    return found
