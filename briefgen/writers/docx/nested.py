"""A nested list item's paragraph in the DOCX: under a house style's own bullet list (document/bullets.py) the
reference's list at the item's level (w:numPr w:ilvl), which Word draws with that level's glyph, font, colour and
indents from the reference's numbering; under briefgen's own one-level bullets, indented a step further for each
level, its bullet hung as the first level's."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from briefgen.document.bullets import house_bullet
from briefgen.document.layout import BULLET_HANGING, STYLES
from briefgen.document.nodes import Theme
from briefgen.writers.docx.ooxml import twips


def nest(paragraph: BaseOxmlElement, level: int, theme: Theme) -> None:
    """Put an item's paragraph (of the List Bullet style) at list level `level` (> 0)."""
    ppr = paragraph.get_or_add_pPr()
    own = house_bullet(theme.house)
    if own is not None:
        numbering = ppr.get_or_add_numPr()
        numbering.get_or_add_ilvl().set(qn("w:val"), str(level))
        numbering.get_or_add_numId().set(qn("w:val"), own.num_id)
        return
    indent = STYLES["bullet"].indent
    ind = ppr.get_or_add_ind()
    ind.set(qn("w:left"), twips(indent * (1 + level)))
    ind.set(qn("w:hanging"), twips(indent * BULLET_HANGING))
