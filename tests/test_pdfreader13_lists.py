"""Lists in PDFs made at test time. typst sets a list with no space after it and its marker at the text's left
edge, so the paragraph under a list read as the last item's next lines (pdfitems.leaves_item); LibreOffice draws
a bullet a tab apart from its item, a line of its own to pdfminer, and a bullet starting two pages at the same
place was dropped as a running header (pdffurniture.running). Oracle: the source as written."""

from __future__ import annotations

from pathlib import Path

import typst

from briefgen.sources.formats import FORMATS, extract
from tests.realdocs import Source, office_pdfs
from tests.realdocs_typst import FONT_PATHS, FONTS

ITEMS = ["Office fleet coefficient figure annex sorties were counted.", "Staff reflex offline drones were seen.",
         "Workflow budget envoy figures rose in March and again in May, as the annex to the review shows."]
WIDE = "#set page(width: auto)\n"  # a page as wide as its widest line, which fills it
AFTER = "See the sorties report for efficient sorties and the reflex budget of the office."


def _typst(source: str, folder: Path) -> list[str]:
    fonts = ", ".join(f'"{font}"' for font in FONTS)
    folder.mkdir(exist_ok=True)
    pdf = folder / "made.pdf"
    typst.compile(f'#set text(font: ({fonts}), size: 11pt, lang: "en")\n{source}'.encode(), output=str(pdf),
                  font_paths=FONT_PATHS)
    return list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)


def test_the_paragraph_under_a_typst_list_is_no_item(tmp_path: Path) -> None:
    """After an item filling its line (the page as wide as it) that ends in Arabic, whose deeper letters leave
    less room than paragraph spacing between it and the paragraph (pdfminer's one block of both), and after an
    item of two lines (its next line at the hanging indent)."""
    arabic = "Office fleet coefficient figure annex sorties أعلنت الوزارة عن ٣٤٥ طائرة."
    for k, (page, last) in enumerate([(WIDE, arabic), ("", f"{ITEMS[2]} {arabic}")]):
        read = _typst(page + "\n".join(f"- {item}" for item in [ITEMS[1], last]) + f"\n\n{AFTER[:44]}\n",
                      tmp_path / str(k))
        assert read == [f"• {ITEMS[1]}", f"• {last}", AFTER[:44]]


def test_the_paragraph_under_a_numbered_typst_list_in_thai(tmp_path: Path) -> None:
    """An item ending in Thai, which marks no sentence's end, filling its line (read apart on main too: a guard
    for the Thai ending pdfitems is asked after)."""
    thai = "Budget staff office fleet workflow annex figures กระทรวงกลาโหมแถลงว่ามีโดรน ๑๒๓ ลำ"
    read = _typst(f"{WIDE}+ {ITEMS[1]}\n+ {thai}\n\n{AFTER[:40]}\n", tmp_path)
    assert read == [f"1. {ITEMS[1]}", f"2. {thai}", AFTER[:40]]


def test_an_items_next_line_stays_in_its_item(tmp_path: Path) -> None:
    """An item's second line at the hanging indent, after a line that ends a sentence, is the item's."""
    item = "Drone fleet budget office efficient staff figures were revised. " * 3
    read = _typst(f"- {item.strip()}\n- {ITEMS[1]}\n", tmp_path)
    assert read == [f"• {item.strip()}", f"• {ITEMS[1]}"]


def test_bullets_starting_two_pages_are_kept(tmp_path: Path) -> None:
    """Paragraphs of two lines, each with an item of two lines under it: items start pages at the same place,
    one bullet in the page's top band, as a running header's would be."""
    pads = ["x" * k + " " if k else "" for k in range(40)]
    pairs = [(f"Drone fleet budget office affluent efficient shuffle {pad}staff said the ministry reported new "
              f"drones this year.", f"Drone fleet budget office {pad}nested {k % 7} the ministry said it had "
              f"counted 345 drones last year.") for k, pad in enumerate(pads)]
    markdown = "\n\n".join(f"{paragraph}\n\n- {item}" for paragraph, item in pairs) + "\n"
    pdf = office_pdfs([Source("bullets", markdown)], tmp_path)[0]
    read = list(extract(FORMATS[".pdf"], pdf.read_bytes()).paragraphs)
    assert read == [text for paragraph, item in pairs for text in (paragraph, f"• {item}")]
