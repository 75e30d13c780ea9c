"""Outlook message seeds (.msg: an OLE compound file, [MS-OXMSG]), read as Outlook shows the message, in the shape
an .eml's reading has (emldoc.py): the header lines (From, Date, Subject, To, Cc), then the body.

The body is the one Outlook shows: the message's native body (PR_NATIVE_BODY_INFO) when it says, else its HTML
(PR_BODY_HTML), else its RTF (PR_RTF_COMPRESSED, lzfu.py), else its plain text (PR_BODY). An RTF body that
encapsulates HTML (`\\fromhtml1`) is read as that HTML (rtfhtml.py), one that encapsulates plain text
(`\\fromtext`) as that text, any other by the RTF reader (rtftext.py). HTML is read as an .eml's is (every visible
block), plain text as mailtext.py reads it. Attachments (`__attach_version1.0_…` storages) are not read; their
names are given to `seeds add`. The Date is the original Internet header's (PR_TRANSPORT_MESSAGE_HEADERS, in the
sender's time zone), else the client's submit time (UTC).

The compound file is read by briefgen's own reader (cfb.py, which reads a .doc's too): each chain of sectors is
followed with the sectors seen in hand and no stream larger than the file is read, so a FAT loop or a chain past
the end is refused as damaged, in time and memory bounded by the file's size.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.parser
import email.policy
import email.utils
import struct
from email.message import Message

from briefgen.sources.formats import Extracted
from briefgen.sources.formats.cfb import SIGNATURE, STORAGE, STREAM, Compound
from briefgen.sources.formats.docxdoc import MAX_TEXT
from briefgen.sources.formats.emldoc import html_paragraphs, paragraphs_extracted
from briefgen.sources.formats.lzfu import HINT, decompressed
from briefgen.sources.formats.mailcharsets import decode_labelled
from briefgen.sources.formats.mailheaders import header_text, sent_day
from briefgen.sources.formats.mailtext import plain_paragraphs
from briefgen.sources.formats.plain import SeedError, check_kind
from briefgen.sources.formats.rtffonts import codec
from briefgen.sources.formats.rtfhtml import FROM_HTML, FROM_TEXT, encapsulated_html
from briefgen.sources.formats.rtftext import rtf_text

OUTLOOK = "an Outlook message"
MAX_RTF = 4 * MAX_TEXT  # an RTF body: a seed's most text with its formatting (its markup takes a few bytes a word)
SUBJECT, BODY, HTML, RTF, NATIVE = 0x0037, 0x1000, 0x1013, 0x1009, 0x1016
SENDER_NAME, SENDER_ADDRESS, SENT_FOR, SMTP_ADDRESS = 0x0C1A, 0x0C1F, 0x0042, 0x5D01
DISPLAY_TO, DISPLAY_CC, SUBMITTED, HEADERS = 0x0E04, 0x0E03, 0x0039, 0x007D
CODE_PAGE, INTERNET_CODE_PAGE = 0x3FFD, 0x3FDE
ATTACHMENT_NAMES = (0x3707, 0x3704, 0x3001)  # the long file name, the short one, the display name
UNICODE, EIGHT_BIT, BINARY, LONG, TIME = 0x001F, 0x001E, 0x0102, 0x0003, 0x0040
# Internet code pages (PR_INTERNET_CPID) that are no Windows "cpNNNN": Python's codec for each
_INTERNET_PAGES = {20127: "ascii", 20866: "koi8_r", 21866: "koi8_u", 50220: "iso2022_jp", 50221: "iso2022_jp_ext",
                   50222: "iso2022_jp", 50225: "iso2022_kr", 51932: "euc_jp", 51936: "gb2312", 51949: "euc_kr",
                   52936: "hz", 54936: "gb18030", 65000: "utf-7", 1200: "utf-16-le", 1201: "utf-16-be",
                   **{28590 + n: f"iso8859_{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 15)}}
_ROOT_HEADER = 32  # the root's property stream: 32 bytes before its 16-byte entries ([MS-OXMSG] 2.4.1)


class _Message:
    """A .msg's root properties, read from its compound file."""

    def __init__(self, raw: bytes) -> None:
        self.compound = _open(raw)
        self.fixed = self._fixed()
        page = self.fixed.get(CODE_PAGE) or self.fixed.get(INTERNET_CODE_PAGE) or 1252
        self.page = page_codec(page)

    def stream(self, path: str) -> bytes | None:
        """A stream's bytes (None when there is none); a damaged chain, or one declared larger than the file, is
        refused."""
        entry = self.compound.find(path)
        return None if entry is None or entry.kind != STREAM else self.compound.stream(entry)

    def binary(self, prop: int, base: str = "") -> bytes | None:
        return self.stream(f"{base}__substg1.0_{prop:04X}{BINARY:04X}")

    def text(self, prop: int, base: str = "") -> str:
        """A string property ("" when absent): UTF-16 (PT_UNICODE) or 8-bit in the message's code page."""
        wide = self.stream(f"{base}__substg1.0_{prop:04X}{UNICODE:04X}")
        if wide is not None:
            return wide.decode("utf-16-le", errors="replace").split("\0", 1)[0]
        narrow = self.stream(f"{base}__substg1.0_{prop:04X}{EIGHT_BIT:04X}")
        return "" if narrow is None else decode_labelled(narrow.split(b"\0", 1)[0], self.page)

    def _fixed(self) -> dict[int, int]:
        """The root's fixed-size properties (PT_LONG, PT_SYSTIME) by id, from __properties_version1.0."""
        data = self.stream("__properties_version1.0") or b""
        found: dict[int, int] = {}
        for at in range(_ROOT_HEADER, len(data) - 15, 16):
            tag, _, value = struct.unpack_from("<IIQ", data, at)
            if tag & 0xFFFF == LONG:
                found[tag >> 16] = value & 0xFFFFFFFF
            elif tag & 0xFFFF == TIME:
                found[tag >> 16] = value
        return found

    def attachments(self) -> list[str]:
        names = []
        root = self.compound.entries[0]
        for entry in sorted(name for name, e in self.compound.children(root).items() if e.kind == STORAGE):
            if entry.startswith("__attach_version1.0_"):
                names.append(next((name for prop in ATTACHMENT_NAMES if (name := self.text(prop, entry + "/"))),
                                  "an attachment"))
        return names


def page_codec(page: int) -> str:
    """The Python codec of a Windows or Internet code page number (Windows-1252 for one Python does not know)."""
    return _INTERNET_PAGES.get(page) or codec(page)


def _open(raw: bytes) -> Compound:
    if not raw.startswith(SIGNATURE):
        check_kind(raw, OUTLOOK)
        raise SeedError("the file is not an Outlook message (it is not an OLE compound file)", HINT)
    compound = Compound(raw, damaged)
    if not any(name.startswith("__substg1.0_") for name in compound.names()):
        raise SeedError("the file is an Office compound file but not an Outlook message (it holds no message "
                        "properties)", "give it the suffix of the Office format it is, or save the message again")
    return compound


def damaged(what: str) -> SeedError:
    return SeedError(f"the Outlook message is damaged: {what}", HINT)


def _body(message: _Message) -> list[str]:
    """The paragraphs of the body Outlook shows (see the module)."""
    native = message.fixed.get(NATIVE)
    html, rtf, label = message.binary(HTML), message.binary(RTF), _html_charset(message)
    if html is None and (text := message.text(HTML)):  # the HTML as a string property: text already
        html, label = text.encode("utf-8", "surrogatepass"), "utf-8"
    if html is not None and native in (None, 3):
        return html_paragraphs(html, label)
    if rtf is not None and native in (None, 2, 3):
        return _rtf_paragraphs(decompressed(rtf, MAX_RTF))
    return plain_paragraphs(message.text(BODY))


def _html_charset(message: _Message) -> str | None:
    page = message.fixed.get(INTERNET_CODE_PAGE)
    return page_codec(page) if page else None


def _rtf_paragraphs(rtf: bytes) -> list[str]:
    head = rtf[:4096]
    if FROM_HTML.search(head):
        return html_paragraphs(codecs.BOM_UTF8 + encapsulated_html(rtf).encode("utf-8", "surrogatepass"), None)
    if FROM_TEXT.search(head):
        return plain_paragraphs("\n".join(rtf_text(rtf)))
    return rtf_text(rtf)


def _internet_headers(message: _Message) -> Message:
    return email.parser.HeaderParser(policy=email.policy.compat32).parsestr(message.text(HEADERS))


def _date(message: _Message, original: Message) -> tuple[str, str]:
    """(the Date line as shown, the day in the sender's time zone): the Internet header's, else the submit time."""
    shown = header_text(original, "Date")
    if shown:
        return shown, sent_day(shown) or ""
    filetime = message.fixed.get(SUBMITTED)
    if not filetime:
        return "", ""
    try:
        when = dt.datetime(1601, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=filetime // 10)
    except OverflowError:  # past the year 9999: no date
        return "", ""
    return email.utils.format_datetime(when), when.strftime("%Y-%m-%d")


def _sender(message: _Message) -> tuple[str, str]:
    """(the sender's name, its SMTP address or "" when Outlook holds only an Exchange one)."""
    name = message.text(SENDER_NAME) or message.text(SENT_FOR)
    address = message.text(SMTP_ADDRESS) or message.text(SENDER_ADDRESS)
    return name, address if "@" in address else ""


def _header_lines(message: _Message) -> list[str]:
    name, address = _sender(message)
    sender = f"{name} <{address}>" if name and address else name or address
    lines = {"From": sender, "Date": _date(message, _internet_headers(message))[0],
             "Subject": message.text(SUBJECT), "To": message.text(DISPLAY_TO), "Cc": message.text(DISPLAY_CC)}
    return [f"{key}: {' '.join(value.split())}" for key, value in lines.items() if value.strip()]


def extract(raw: bytes) -> Extracted:
    message = _Message(raw)
    return paragraphs_extracted(_header_lines(message) + _body(message), "the Outlook message")


def properties(raw: bytes) -> dict[str, str]:
    """The message's subject, sender (name, else address), date (YYYY-MM-DD) and attachments' names."""
    message = _Message(raw)
    name, address = _sender(message)
    found = {"subject": message.text(SUBJECT), "from": name or address,
             "date": _date(message, _internet_headers(message))[1], "attachments": "; ".join(message.attachments())}
    return {key: value for key, value in found.items() if value}
