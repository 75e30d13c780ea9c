"""A page's notes (footnotes and endnotes) in the article reading: the article extractor keeps or drops the list
of notes at an article's end by its link density (each note ends in a link back to its reference), so one
page's notes were read and another's, alike, were not. They are taken out of the page before it runs and read
after the article's last block, as a reader scrolling down sees them."""

from __future__ import annotations

from typing import Any

# The containers of a page's notes: the DPUB-ARIA roles (pandoc, EPUB, publishers' pages), and the `footnotes`
# class pandoc, markdown-it's and kramdown's footnotes (Jekyll, Hugo, GitHub Pages) give the list of notes.
NOTES = ("//*[@role='doc-endnotes' or @role='doc-footnotes' or @role='doc-endnote' or @role='doc-footnote' or "
         "contains(concat(' ', normalize-space(@class), ' '), ' footnotes ')]")


def take_notes(tree: Any) -> list[str]:
    """The page's note containers, each as HTML, taken out of `tree` (their tail text stays in place). The tree
    is one made ready (articletree.prepare): its hidden text is gone and its list items carry the numbers drawn,
    so the lists are marked to draw none again."""
    from lxml import etree

    taken = []
    for element in tree.xpath(NOTES):
        parent = element.getparent()
        if parent is None or any(above in taken for above in element.iterancestors()):
            continue
        taken.append(element)
        if element.tail:
            before = element.getprevious()
            if before is not None:
                before.tail = (before.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)
    for element in taken:
        for listing in element.iter("ol", "ul", "li"):
            listing.set("style", f"{listing.get('style') or ''};list-style:none")
    return [etree.tostring(element, encoding="unicode", method="html", with_tail=False) for element in taken]
