"""What the DOCX body reader (docxbody.py) keeps of the paragraphs and runs open as it reads: each run's and
paragraph mark's properties that decide whether it is shown, each paragraph's text so far, its list number, and
the text a paragraph whose mark is not shown runs on with into the next."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Props:
    """A run's (or a paragraph mark's) properties that decide whether it is shown."""

    vanish: bool | None = None
    style: str | None = None
    gone: bool = False  # a paragraph mark deleted or moved away
    hidden: bool | None = None  # worked out once, at its first text
    color: str | None = None  # its own w:color: six hex digits or "auto"
    ground: str | None = None  # its own shading or highlight
    font: str | None = None  # its own font (w:rFonts): a symbol font's text reads as it draws it (docxsym.py)
    level: int = 0  # how many paragraphs are open around it (a run holding a text box: fewer than its text's)


@dataclass
class Paragraph:
    depth: int
    style: str | None = None
    parts: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # the paragraphs nested in it (text boxes), in order
    mark: Props = field(default_factory=Props)
    ends_section: bool = False  # its properties hold a w:sectPr: the next section starts after it
    drop_cap: bool = False  # a frame holding the next paragraph's first letters, set large beside it
    numbering: dict[str, str] = field(default_factory=dict)  # its own w:numPr: "numId", "ilvl"
    label: str | None = None  # its list number ("3. "), once counted (docxnumbers.py)


@dataclass
class RunOn:
    """A paragraph whose mark is gone or hidden: its text starts the next paragraph."""

    depth: int
    text: str
    after: list[str]
