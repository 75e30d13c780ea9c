"""The text of an RTF document as Word shows it: an .rtf seed (rtfdoc.py), and an RTF chunk a DOCX imports whole
(w:altChunk, docxchunks.py), which Word converts and shows at the chunk's place.

RTF is read token by token: groups ({…}) each keep the formatting in force at their start; a control word
(\\par, \\tab, \\u8212, \\'e9…) is text, a break, a setting or the start of a destination. What is read:

- each paragraph (\\par, a table cell's end \\cell, \\row, \\sect) is one; a line, page or column break
  (\\line, \\page, \\column) reads as a line break, a tab as a space, Word's named characters (\\emdash,
  \\ldblquote, \\~ a non-breaking space, \\_ a non-breaking hyphen as "-"; \\- an optional hyphen as nothing)
  as their characters;
- a byte (\\'hh, or typed as it is) in the code page of its font (\\fcharset, \\cpg in the font table), else the
  document's (\\ansicpg, \\mac, \\pc); two bytes of a Chinese, Japanese or Korean code page make one character;
  text in a symbol font (Symbol, Wingdings…) reads as the characters it draws, its bytes by the font's own
  table (docxsym.py); \\uN is the character N (a
  negative N is N + 65536; a pair of surrogates one character), and the \\ucN characters after it, the fallback
  for readers without Unicode, are skipped;
- a field reads as its result (\\fldrslt), never its code (a ruby, an EQ field LibreOffice writes with no result,
  as its base text); a list item starts with the number Word stores for it (\\listtext, \\pntext; a bullet,
  whatever its glyph, as the "•", "◦", "▪" of its level); a text box's paragraphs (a shape's \\shptxt) follow
  the paragraph it is anchored in; footnotes and endnotes (\\footnote; each ends its paragraph, \\par or not)
  follow the document's text, and a reference to a footnote (\\chftn)
  reads as its number glued to the word before, as docxnotes.py reads a Word document's (counted from 1 in the
  chunk), to an endnote (\\ftnalt) as nothing, as docxnotes.py reads one in roman numerals;
- not read: hidden text (\\v), tracked deletions (\\deleted), headers and footers, comments, the tables that set
  up fonts, colours, styles and lists, document information, pictures and objects' data, a shape's fallback
  copy (\\shprslt), bookmarks' and index entries' text, and any destination marked \\* that is not read above.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.sources.formats.docxnumbers import BULLETS
from briefgen.sources.formats.docxsym import font_text, symbol_font
from briefgen.sources.formats.plain import SeedError
from briefgen.sources.formats.rtffonts import FontTable, RtfFont, codec
from briefgen.sources.formats.rtfwords import BREAKS, CHARACTERS, DOCUMENT_PAGES, READ, RUBY, SKIPPED, TOKEN

MAX_DEPTH = 500  # Word nests a few dozen groups; deeper is hostile
MAIN, ASIDE, NOTES, CODE = 0, 1, 2, 3  # where text goes: the document, a text box's, the notes, a field's code


@dataclass(slots=True)
class _Group:
    """What is in force in a group: whether its text is skipped or hidden, where it goes, its font, \\uc."""

    skipped: bool = False
    hidden: bool = False
    sink: int = MAIN
    font: int | None = None
    skip_after_unicode: int = 1
    fonts_table: bool = False
    listing: bool = False  # a list item's number (\\listtext, \\pntext)
    field: bool = False  # a field (\\field): its code, then its result
    starred: bool = False  # the group started with \\*: a destination a reader may skip
    first: bool = True  # no token of the group read yet: a destination's name may come
    start: int = 0  # how many pieces its paragraph had when the group opened

    def child(self) -> _Group:
        """The state a group opened in this one starts with."""
        return _Group(self.skipped, self.hidden, self.sink, self.font, self.skip_after_unicode, self.fonts_table,
                      self.listing)


class _Reader:
    """The paragraphs read so far (the document's, its text boxes' waiting for their anchor's end, the notes')."""

    def __init__(self) -> None:
        self.stack = [_Group()]
        self.sinks: tuple[list[str], list[str], list[str]] = ([], [], [])
        self.lines: list[list[str]] = [[], [], [], []]
        self.fonts = FontTable()
        self.page = 1252  # the document's code page
        self.default_font: int | None = None
        self.pending = bytearray()  # bytes not yet decoded (a double-byte character may be split in two tokens)
        self.pending_font: RtfFont | None = None
        self.skipping = 0  # fallback characters after a \uN still to skip
        self.notes = 0  # the footnote references read
        self.last_note: int | None = None  # where in its paragraph's pieces the last one's number is
        self.bullet: tuple[int, int] | None = None  # where the paragraph's bullet is: (sink, piece)

    @property
    def group(self) -> _Group:
        return self.stack[-1]

    def text(self, value: str) -> None:
        """Characters of the group's text, shown unless skipped or hidden."""
        self.flush()
        group = self.group
        if not group.skipped and not group.hidden:
            self.lines[group.sink].append(self.drawn(self.fonts.get(group.font if group.font is not None else -1),
                                                     value))

    def byte(self, value: bytes) -> None:
        group = self.group
        if group.skipped or group.hidden:
            return
        font = self.fonts.get(group.font if group.font is not None else -1)
        if self.pending and font is not self.pending_font:
            self.flush()
        self.pending += value
        self.pending_font = font

    def flush(self) -> None:
        """Decode the bytes waiting, in their font's code page, into the text of the group they were read in."""
        if not self.pending:
            return
        font, raw = self.pending_font, bytes(self.pending)
        self.pending.clear()
        page = font.page if font is not None and font.page is not None else self.page
        decoding = "latin-1" if font is not None and symbol_font(font.name) is not None else codec(page)
        self.lines[self.group.sink].append(self.drawn(font, raw.decode(decoding, errors="replace")))

    def drawn(self, font: RtfFont | None, text: str) -> str:
        """Text in `font` as the characters it draws; a bullet in a private-use code (a symbol font's, written
        with no font, as LibreOffice writes a list's) as the bullet "•" docxnumbers reads any bullet as."""
        text = font_text(font.name, text) if font is not None else text
        if self.group.listing:
            text = "".join(BULLETS[0] if "\ue000" <= char <= "\uf8ff" else char for char in text)
        return text

    def endnote(self) -> None:
        """The reference just read is an endnote's (\\ftnalt in the note that follows it), whose mark is in
        lower-case roman numerals: read as nothing, as docxnotes.py reads one; the footnotes count without it."""
        if self.last_note is not None and self.last_note < len(self.lines[MAIN]):
            self.lines[MAIN][self.last_note] = ""
            self.notes -= 1
        self.last_note = None

    def list_mark(self, group: _Group) -> None:
        """A list item's mark just read: one that is a single sign, not a number, is a bullet, read as
        docxnumbers reads one whatever its glyph ("–", "o", "§"): by its level (its \\ilvl, which follows)."""
        pieces = self.lines[group.sink]
        mark = "".join(pieces[group.start:]).strip()
        if len(mark) == 1 and not mark.isdigit():
            pieces[group.start:] = [BULLETS[0] + " "]
            self.bullet = (group.sink, group.start)

    def field_end(self, group: _Group) -> None:
        """A field read: one that shows no result but is a ruby Word computes from its code (an EQ field's
        \\o\\ad(\\s\\up n(ruby),base), as LibreOffice writes a ruby) reads as its base text."""
        code = "".join(self.lines[CODE])
        self.lines[CODE].clear()
        ruby = RUBY.search(code)
        if ruby and not "".join(self.lines[group.sink][group.start:]).strip():
            self.lines[group.sink].append(ruby.group("base"))

    def end_paragraph(self, sink: int) -> None:
        self.flush()
        self.bullet = None
        self.last_note = None if sink == MAIN else self.last_note
        text = "".join(self.lines[sink])  # a character beyond U+FFFF comes as two \\u, its surrogates: joined
        self.sinks[sink].append(text.encode("utf-16", "surrogatepass").decode("utf-16", "replace"))
        self.lines[sink] = []
        if sink == MAIN:
            self.sinks[MAIN].extend(self.sinks[ASIDE])
            self.sinks[ASIDE].clear()

    def paragraphs(self) -> list[str]:
        for sink in (MAIN, ASIDE, NOTES):
            if self.lines[sink]:
                self.end_paragraph(sink)
        return [*self.sinks[MAIN], *self.sinks[ASIDE], *self.sinks[NOTES]]


def rtf_text(raw: bytes) -> list[str]:
    """The paragraphs of an RTF document as Word shows them (see the module)."""
    reader, position, size = _Reader(), 0, len(raw)
    while position < size:
        found = TOKEN.match(raw, position)
        if found is None:  # a lone backslash at the very end
            break
        position = found.end()
        word, number, hexed, symbol, brace = found.groups()
        group = reader.stack[-1]
        if brace is not None:
            _brace(reader, brace == b"{")
        elif word == b"bin":  # binary data: its bytes are skipped whatever they hold
            position += max(int(number or 0), 0)
        elif group.skipped and not group.fonts_table:  # a destination not shown: only its groups matter
            group.first = False
        elif word is not None:
            _control(reader, word.decode("ascii"), None if number is None else int(number))
        else:
            _other(reader, found.group(0), hexed, symbol)
    return reader.paragraphs()


def _brace(reader: _Reader, opening: bool) -> None:
    reader.flush()
    reader.skipping = 0
    if opening:
        if len(reader.stack) > MAX_DEPTH:
            raise SeedError("the RTF nests groups too deeply", "save it again from a word processor")
        child = reader.group.child()
        child.start = len(reader.lines[child.sink])
        reader.stack.append(child)
    elif len(reader.stack) > 1:
        closed = reader.stack.pop()
        if closed.listing and not reader.group.listing:
            reader.list_mark(closed)
        if closed.field and closed.sink != CODE:
            reader.field_end(closed)
        elif closed.sink not in (reader.group.sink, CODE) and reader.lines[closed.sink]:
            reader.end_paragraph(closed.sink)  # a note or text box ends its paragraph (LibreOffice omits the \\par)


def _other(reader: _Reader, token: bytes, hexed: bytes | None, symbol: bytes | None) -> None:
    """A byte (\\'hh), a control symbol (\\~, \\*…), or a run of text or line ends (which are nothing)."""
    group = reader.group
    if symbol == b"*":
        group.starred = True
        return
    group.first = False
    if token[:1] in (b"\r", b"\n"):
        return
    if reader.skipping:
        if hexed is not None or symbol is not None:
            reader.skipping -= 1
            return
        cut = min(reader.skipping, len(token))
        reader.skipping, token = reader.skipping - cut, token[cut:]
    if hexed is not None:
        reader.byte(bytes.fromhex(hexed.decode("ascii")))
    elif symbol in (b"\n", b"\r"):  # a backslash before a line end: a paragraph's end, as \\par
        _break(reader, group)
    elif symbol is not None:
        reader.text(CHARACTERS.get(symbol.decode("latin-1"), ""))
    elif group.fonts_table:
        reader.fonts.name(token.decode("latin-1"))
    elif token:
        reader.byte(token)


def _break(reader: _Reader, group: _Group) -> None:
    if not group.skipped and group.sink != CODE:
        reader.end_paragraph(group.sink)


def _control(reader: _Reader, word: str, number: int | None) -> None:
    """A control word, with its number if any."""
    group = reader.group
    if group.first:
        _destination(group, word)
    if reader.skipping and word != "u":
        reader.skipping -= 1
    elif group.fonts_table:
        reader.fonts.setting(word, number)
    elif word in BREAKS:
        _break(reader, group)
    elif word in CHARACTERS:
        reader.text(CHARACTERS[word])
    elif word == "chftn" and group.sink == MAIN:  # a note's reference: its number (counted in the chunk)
        reader.notes += 1
        reader.text(str(reader.notes))
        reader.last_note = len(reader.lines[MAIN]) - 1
    elif word == "ftnalt" and group.sink == NOTES:  # the note just cited is an endnote: its mark is roman
        reader.endnote()
    elif word == "u" and number is not None:
        reader.text(chr(number + 65536 if number < 0 else number) if -32768 <= number <= 0x10FFFF else "")
        reader.skipping = group.skip_after_unicode
    else:
        _setting(reader, group, word, number)


def _destination(group: _Group, word: str) -> None:
    """The first control word of a group: whether it starts a destination skipped, read elsewhere, or in place."""
    group.first = False
    skipped = group.skipped or word in SKIPPED or (group.starred and word not in READ)
    group.fonts_table = word == "fonttbl" or (group.fonts_table and not (word in SKIPPED or group.starred))
    group.skipped = skipped
    if word in ("footnote", "shptxt"):
        group.sink = NOTES if word == "footnote" else ASIDE
    elif word in ("listtext", "pntext"):
        group.listing = True
    elif word in ("field", "fldinst"):
        group.field, group.sink = word == "field", CODE if word == "fldinst" else group.sink


def _setting(reader: _Reader, group: _Group, word: str, number: int | None) -> None:
    """A formatting control word that decides what is shown or how bytes read."""
    if word in ("v", "deleted"):
        group.hidden = number != 0
    elif word == "plain":
        group.hidden, group.font = False, reader.default_font
    elif word == "f":
        reader.flush()
        group.font = number
    elif word == "uc" and number is not None:
        group.skip_after_unicode = max(number, 0)
    elif word == "ansicpg" and number is not None:
        reader.page = number
    elif word in DOCUMENT_PAGES:
        reader.page = DOCUMENT_PAGES[word]
    elif word == "ilvl" and number is not None and reader.bullet is not None:
        sink, at = reader.bullet
        if at < len(reader.lines[sink]):
            reader.lines[sink][at] = BULLETS[number % len(BULLETS)] + " "
    elif word == "deff":
        reader.default_font = group.font = number
