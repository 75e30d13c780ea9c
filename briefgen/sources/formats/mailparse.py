"""An e-mail message parsed in pieces, without holding the bodies that are not read as text.

Python's email parser keeps each part's body as text: a 45 MB message with a 33 MB attachment (45 MB of base64)
held its lines, the string they were joined into and the decoded text of the whole message, some 420 MB. Here the
message is fed to the same parser a batch of lines at a time. While the parser is in the body of a part whose
headers say it is not read as text (by default any type but text/plain and text/html, or an attachment; a web
archive reads its page and stylesheets: mhtml.py), the lines up to the next one starting with "--" are not fed:
only such a line can end a body (a MIME boundary, the parser's only end of a part, starts with "--"), and any
other is kept by the parser as a line of that body and nothing else. So the parser builds the same tree of parts,
the same headers and the same text bodies, with those bodies left out (the parts: mailparts.py).
A text body sent as it stands (no base64 or quoted-printable) whose lines pass the most its type may hold is left
out too from there, the part marked `cut` (its reader refuses it, as it would the whole body). A part's header
block is fed a line at a time and counted, and refused once larger than the bound given (LongHeader).

A text body in base64 or quoted-printable is not fed either: where it lies is kept (`Part.span`), and
mailbodies.py decodes it from the message's bytes, a piece at a time, up to the most its type may hold.

The parser reads a line ending in a carriage return only once it has the next byte (it may be half of a CRLF),
and splits what it holds only when given a line end: a piece fed that ends with a lone CR is followed by the
next byte (and while that is an empty line's CR, by the next), so the parser has read every line before the one
starting at `read`, whose bytes fed it holds. A message whose lines end with CR alone (an old Mac's) is so read
in pieces as any other, where it was fed whole, every body held.

Nothing is left out of a message forwarded in base64 or quoted-printable (which MIME forbids): the parser reads
its encoded text as a message, and emldoc.py decodes it and parses it anew (its own attachments then left out).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from email.feedparser import BytesFeedParser
from email.message import Message
from email.policy import compat32

from briefgen.sources.formats.mailbodies import Span
from briefgen.sources.formats.mailparts import Part, Parts, as_it_stands, encoded_text, in_multipart, read_as_text

BATCH = 64 * 1024  # bytes fed at a time (to the end of a line) while bodies are read
# A part's header block: a real one is a few KB, a long list of recipients some 100 KB; Python's address
# parser takes ~4 s for 1 MB of them
MAX_HEADER_BYTES = 256 * 1024
_DASHES = re.compile(rb"[\r\n]--")  # a line starting with "--"
_LINE_END = re.compile(rb"\r\n?|\n")
_HEADER = re.compile(rb"From |[!-9;-~]*:|[\t ]")  # a line the parser reads as a header's (its headerRE)
_SHORT = 1000  # a line fed with the "--" line before it: a header line's most (998 characters and CRLF)


def parsed(raw: bytes, max_header: int, max_body: Callable[[str], int],
           read: Callable[[Message], bool] = read_as_text) -> Message:
    """The message `raw` holds, as Python's email parser reads it (compat32), the bodies of the parts not `read`
    as text empty, and a text body sent as it stands cut (`Part.cut`) past `max_body` of its type. A
    part's header block of more than `max_header` bytes is refused (LongHeader) as it is fed: the parser took
    27 s and 1.5 GB for seven million short header lines in a part."""
    return _Feed(raw, max_header, max_body, read).run()


class LongHeader(Exception):
    """A part's header block is larger than the bound given."""


class _Feed:
    """The message's bytes fed to the parser: a batch at a time, a line at a time in a part's header block
    (counted), the unread bodies and the text bodies in base64 or quoted-printable passed over. `start`: what was
    fed; `read`: the start of the line the parser reads next (`start`, or before it the bytes of that line fed)."""

    def __init__(self, raw: bytes, max_header: int, max_body: Callable[[str], int],
                 read: Callable[[Message], bool]) -> None:
        self.raw, self.max_header, self.max_body, self.start, self.read = raw, max_header, max_body, 0, 0
        self.read_as_text = read
        self.parts = Parts()
        self.parser = BytesFeedParser(_factory=self.parts, policy=compat32)
        self.passed: Part | None = None  # the text body in base64 or quoted-printable being passed over
        self.boundary = False  # whether the last line fed starts with "--" (the parser may want the next)
        self.last_dashes: int | None = None  # where the message's last line starts, if "--" and not ended by LF
        self.parser.feed(b"")  # the parser makes the message's part: its header block is then read a line at a time

    def run(self) -> Message:
        while self.start < len(self.raw):
            body = self._body_from(self.read)
            if body is None and self.parts.in_header():
                self._header_line()
            elif self.raw.startswith(b"--", self.read):
                self._dashes_line(self.read)
            elif body is not None and (body.cut or not self._plan(body)[0] or self._plan(body)[1]):
                self._pass(body)
            elif body is not None and self._plan(body)[2]:
                self._text(body)
            elif self.boundary:
                self._after_boundary()
            else:
                self._feed(self._dashes(self._line_end(self.start + BATCH)))
        message: Message = self.parser.close()
        passed = self.passed
        if passed is not None and passed.span is not None and passed.span.end < 0:
            self._ended(message, passed, passed.span)
        return message

    def _ended(self, message: Message, part: Part, span: Span) -> None:
        """End a body passed over that no line fed ended: a last line starting with "--" and no LF, which the
        parser reads only as it closes, ends it if it was a boundary (the part's own lines, as fed, do not end
        with it); a multipart's part loses its last line end even at the end of the message."""
        span.closed = in_multipart(message, part)
        last = self.raw[self.last_dashes:].rstrip(b"\r") if self.last_dashes is not None else b""
        fed = str(part.get_payload()).rstrip("\r")
        if span.closed and last and not fed.endswith(last.decode("ascii", "surrogateescape")):
            span.end = self.last_dashes or 0

    def _dashes(self, end: int | None = None) -> int:
        """Where the next line starting with "--" before `end` starts (else `end`, by default the message's)."""
        end = len(self.raw) if end is None else end
        found = _DASHES.search(self.raw, self.read, end)
        return found.start() + 1 if found else end

    def _line_end(self, at: int) -> int:
        found = _LINE_END.search(self.raw, at)
        return found.end() if found else len(self.raw)

    def _pass(self, part: Part) -> None:
        """Pass over a body's lines up to the next line starting with "--" (all of them the body's), then feed that
        line. Where the parser holds bytes of the body's line, the line end before the "--" is fed too: the
        parser reads them as one line of the body, which is not read."""
        dashes = self._dashes()
        if dashes < len(self.raw):
            self.start = dashes - 1 if self.start > self.read else dashes
            self._dashes_line(dashes)
        else:
            self.start = dashes

    def _dashes_line(self, line: int) -> None:
        """Feed the line starting with "--" at `line`; if it ended the body passed over, that body ends there.
        A short line after it, ended by LF, is fed with it (_after_boundary, in one piece: a message of 10,000
        tiny parts fed a line at a time took 3.5 times as long)."""
        end = self._line_end(line)
        after = self._line_end(end) if self.raw[end - 1:end] == b"\n" and end < len(self.raw) else end
        if after - end > _SHORT or self.raw.startswith(b"--", end) or self.raw[after - 1:after] != b"\n":
            after = end
        last = self.parts.last
        self._feed(after)
        self.boundary = after == end
        if end == len(self.raw) and not self.raw.endswith(b"\n"):
            self.last_dashes = line  # the parser reads it only as it closes
        if after > end and self.parts.last is not last:
            self._header_counted(end)  # the first line of the next part's header block
        elif after > end and last is not None and last.plan is not None and last.plan[2] and not last.plan[1]:
            self.parts.body_bytes += after - end  # a line of a text body sent as it stands
        passed = self.passed
        if passed is not None and passed.span is not None and passed.get_payload() is not None:
            passed.span.end, passed.span.closed, self.passed = line, True, None

    def _text(self, part: Part) -> None:
        """Feed a batch of a text body's lines, up to the next line starting with "--" (all of them the body's),
        counted; past the most its type may hold (with the line end the parser drops), the part is cut."""
        end = self._dashes(self._line_end(self.start + BATCH))
        self.parts.body_bytes += end - self.start
        self._feed(end)
        if self.parts.body_bytes > self.max_body(part.get_content_type()) + 2:
            part.cut = True

    def _after_boundary(self) -> None:
        """Feed the line after a boundary, which the parser reads before it makes the next part (a boundary may
        follow): if it made one, the line is the first of that part's header block, counted."""
        last, line = self.parts.last, self.read
        self._feed(self._line_end(line))
        if self.parts.last is not last:
            self._header_counted(line)

    def _plan(self, part: Part) -> tuple[bool, str | None, bool]:
        """Whether a part in its body is read as text, its transfer encoding if decoded, whether its body is sent
        as it stands: looked up once (each look-up parses its headers again: 10,000 parts took 3.6 s, not 1)."""
        if part.plan is None:
            part.plan = (self.read_as_text(part), encoded_text(part), as_it_stands(part))
        return part.plan

    def _body_from(self, line: int, head: bytes = b"") -> Part | None:
        """The part whose body the parser reads, from `line` on; a text body in base64 or quoted-printable not yet
        met starts there (its lines are passed over), after `head`."""
        body = self.parts.in_body()
        if body is not None and body.span is None and self._plan(body)[0] and self._plan(body)[1]:
            body.span, self.passed = Span(self.raw, line, head=head), body
        return body

    def _header_line(self) -> None:
        """Feed a line of the header block the parser reads, counted first (the line ending the block may make
        the part of a message/rfc822, whose own header block starts). A line that ends the block and is not blank
        is the first of the body; so is a "From " line that was the block's last (and not its first), which the
        parser gives back to the body. A line ended by a lone CR before a blank line is fed with it (_feed)."""
        line, end = self.read, self._line_end(self.read)
        header = self._header_counted(line)
        unread, self.parts.unread = self.parts.unread, None
        if header and self.raw[end - 1:end + 1] == b"\r\r":
            self.parts.heading = False
            if self.raw.startswith(b"From ", line) and self.parts.header_lines > 1:
                unread = line
            self._feed(end)
            self._body_from(self._line_end(end), self.raw[unread:end] if unread is not None else b"")
            return
        self._feed(end)
        self.boundary = self.raw.startswith(b"--", line)
        if header:
            self.parts.unread = line if self.raw.startswith(b"From ", line) and self.parts.header_lines > 1 else None
        elif self.raw[line:line + 1] in (b"\r", b"\n"):  # the body starts after it
            self._body_from(self._line_end(line), self.raw[unread:line] if unread is not None else b"")
        else:
            self._body_from(line if unread is None else unread)

    def _header_counted(self, line: int) -> bool:
        """Count the header line starting at `line` (its first line, where LF ends lines; else all of them);
        False for a line that ends the header block."""
        if not _HEADER.match(self.raw, line):
            self.parts.heading = False
            return False
        end = self._line_end(line)
        self.parts.header_bytes += (self.raw.find(b"\r", line, end) + 1 or end) - line
        self.parts.header_lines += 1
        if self.parts.header_bytes > self.max_header:
            raise LongHeader
        return True

    def _feed(self, end: int) -> None:
        """Feed the bytes up to `end`, a line's end; while they end with a lone CR, the next byte too (the parser
        splits what it holds only when given a line end: the empty lines so fed it reads at once)."""
        self.boundary, self.read = False, end
        while end < len(self.raw) and self.raw[end - 1] == 13:  # CR
            end += 1
            if self.raw[end - 1] in b"\r\n":  # an empty line
                self.read = end
        self.parser.feed(self.raw[self.start:end])
        self.start = end
