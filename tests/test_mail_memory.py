"""E-mail seeds read in memory bounded by the text kept, not by their attachments: each peak is measured by
getrusage in a parent process around a child that reads the seed, against a child that only reads the file's
bytes (the interpreter, briefgen's modules and the file itself). The parser that leaves unread bodies out is
checked against Python's own email parser, which reads every body, on messages shaped to trip it."""

from __future__ import annotations

import base64
import email
import email.policy
import quopri
import random
import subprocess
import sys
from email.message import EmailMessage, Message
from pathlib import Path

import pytest

from briefgen.sources.formats.emldoc import MAX_HEADER_BYTES, MAX_PART_LINES
from briefgen.sources.formats.mailbodies import decoded
from briefgen.sources.formats.mailparse import parsed
from briefgen.sources.formats.mailparts import Part, encoded_text
from tests.outlook import message
from tests.test_mail_seeds import mail, read
from tests.test_msg_seeds import BODY, HEADERS, SENDER

_CHILD = ("import sys; from pathlib import Path; from briefgen.sources.formats import {module} as reader\n"
          "raw = Path(sys.argv[1]).read_bytes()\n"
          "if sys.argv[2] != 'bytes':\n"
          "    try: getattr(reader, sys.argv[2])(raw)\n"
          "    except reader.SeedError: pass\n")
_PARENT = ("import resource, subprocess, sys; subprocess.run([sys.executable, '-c'] + sys.argv[1:], check=True); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def _peak_kb(module: str, path: Path, call: str) -> int:
    done = subprocess.run([sys.executable, "-c", _PARENT, _CHILD.format(module=module), str(path), call],
                          capture_output=True, text=True, timeout=300, check=True)
    return int(done.stdout)


def _beyond_the_file(module: str, path: Path, call: str) -> float:
    """The peak memory of reading the seed above that of holding its bytes, as a multiple of the file's size."""
    return (_peak_kb(module, path, call) - _peak_kb(module, path, "bytes")) * 1024 / path.stat().st_size


def _with_attachment(size: int) -> bytes:
    letter = mail()
    letter.set_content("Dear analyst,\n\nThe report is attached.\n")
    letter.add_alternative("<p>Dear analyst,</p><p>The report is attached.</p>", subtype="html")
    letter.add_attachment(random.Random(1).randbytes(size), maintype="application", subtype="pdf",
                          filename="report.pdf")
    return letter.as_bytes(policy=email.policy.SMTP)


@pytest.mark.parametrize("call", ["extract", "properties"])
def test_an_attachment_is_not_held_while_a_mail_is_read(tmp_path: Path, call: str) -> None:
    """A 27 MB mail with a 20 MB attachment (in base64): Python's parser held the attachment's lines, their join
    and the whole message as text, eight times the file (a 45 MB mail: 422 MB); now the file and its text."""
    path = tmp_path / "report.eml"
    path.write_bytes(_with_attachment(20 << 20))
    assert read(path.read_bytes())[4:] == ["Dear analyst,", "The report is attached."]
    assert _beyond_the_file("emldoc", path, call) < 1.0


def test_counting_a_hostile_mails_delimiters_holds_none_of_them(tmp_path: Path) -> None:
    """24 MB of lines of "--": counting them built a list of every one (500 MB) before the message was refused."""
    path = tmp_path / "dashes.eml"
    path.write_bytes(b"From: a@example.org\nContent-Type: multipart/mixed; boundary=B\n\n" + b"--\n" * (8 << 20))
    assert _beyond_the_file("emldoc", path, "extract") < 1.0
    with pytest.raises(Exception, match=f"more than {MAX_PART_LINES:,} part delimiters"):
        read(path.read_bytes())


def test_a_parts_header_of_many_short_lines_is_refused_as_it_is_read(tmp_path: Path) -> None:
    """Two million short header lines in a part (14 MB): parsed whole before the header was found too large (30
    times the file in memory, 8 s; 49 MB of them took 1.5 GB and 27 s); now refused once 256 KB are read."""
    path = tmp_path / "headers.eml"
    path.write_bytes(b"From: a@example.org\nContent-Type: multipart/mixed; boundary=B\n\n--B\n" +
                     b"X-A: b\n" * (2 << 20) + b"\nx\n--B--\n")
    with pytest.raises(Exception, match=f"a part's header is larger than {MAX_HEADER_BYTES // 1024} KB"):
        read(path.read_bytes())
    assert _beyond_the_file("emldoc", path, "extract") < 1.0


def test_a_text_body_past_a_seeds_size_is_refused_without_being_held(tmp_path: Path) -> None:
    """A 40 MB plain body sent as it stands, in lines of 76 characters: held whole, its lines, their join and its
    bytes, before it was found larger than the 10 MB a body may hold; now left out from there."""
    path = tmp_path / "long.eml"
    path.write_bytes(b"From: a@example.org\nContent-Type: text/plain; charset=utf-8\n\n" + (b"w" * 75 + b"\n") *
                     ((40 << 20) // 76))
    with pytest.raises(Exception, match="the message's text/plain body is larger than 10 MB"):
        read(path.read_bytes())
    assert _beyond_the_file("emldoc", path, "extract") < 2.0


def test_an_outlook_attachments_stream_is_not_read(tmp_path: Path) -> None:
    """A 40 MB .msg whose attachment stream holds 38 MB: only its name is read."""
    path = tmp_path / "report.msg"
    path.write_bytes(message({**SENDER, BODY: "Body.", HEADERS: "Date: Mon, 07 Dec 2026 00:30:00 +0900\r\n"},
                             attachments=("report.pdf",), attached=random.Random(2).randbytes(38 << 20)))
    assert _beyond_the_file("msgdoc", path, "extract") < 0.5
    assert _beyond_the_file("msgdoc", path, "properties") < 0.5


_FORWARDED = (b"From: z@example.org\nSubject: fw\nContent-Type: multipart/mixed; boundary=F\n\n--F\nContent-Type: "
              b"text/plain\n\nforwarded text=\n--F\nContent-Type: application/pdf; name=p.pdf\n\nJVBERi0xLjQ=\nabc=\n"
              b"--F\nContent-Type: text/plain\n\nlast\n--F--\n")
_MIXED = b"From: a@example.org\nSubject: s\nContent-Type: multipart/mixed; boundary=B\n\n--B\n"
TRICKY = {
    "dashes inside an attachment": _MIXED + b"Content-Type: text/plain\n\none\n--B\nContent-Type: application/pdf; "
    b"name=a.pdf\n\nQUJD\n--notB\n--B-x\nQUJD\r--B\nContent-Type: text/plain\n\nafter a boundary after CR\n--B--\n",
    "no blank line after a part's headers": _MIXED + b"Content-Type: image/png; name=a.png\nQUJD:REVG\nQUJD\n--B\n"
    b"Content-Type: text/plain\n\ntwo\n--B--\nepilogue\n",
    "a boundary never closed": _MIXED + b"Content-Type: text/plain\n\none\n--B\nContent-Type: image/png; name=a.png"
    b"\n\nQUJD\nQUJD",
    "an outer boundary ending an inner part": _MIXED + b"Content-Type: multipart/mixed; boundary=I\n\n--I\n"
    b"Content-Type: application/zip; name=z.zip\n\nAAAA\n--B\nContent-Type: text/plain\n\nafter\n--B--\n",
    "a digest": b"From: a@example.org\nContent-Type: multipart/digest; boundary=D\n\n--D\n\nFrom: b@example.org\n\n"
    b"digest one\n--D\nFrom: c@example.org\nContent-Type: application/pdf; name=x.pdf\n\nJVBERi0=\n--D--\n",
    "a forward in quoted-printable": _MIXED + b"Content-Type: message/rfc822\nContent-Transfer-Encoding: "
    b"quoted-printable\n\n" + quopri.encodestring(_FORWARDED) + b"\n--B--\n",
    "a forward in base64": _MIXED + b"Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n" +
    base64.encodebytes(_FORWARDED) + b"--B--\n",
    "an attached text file and an unnamed picture": _MIXED + b"Content-Type: text/plain\nContent-Disposition: "
    b"attachment; filename=a.txt\n\nnot read\n--B\nContent-Type: image/png\n\niVBO\n--B\nContent-Type: text/html; "
    b"charset=utf-8\n\n<p>caf\xc3\xa9</p>\n--B--\n",
}


def _cases() -> dict[str, bytes]:
    cases = dict(TRICKY)
    letter = _with_attachment(5000)
    cases.update({"a mail with CRLF line ends": letter, "LF": letter.replace(b"\r\n", b"\n"),
                  "CR alone": letter.replace(b"\r\n", b"\r"),
                  "CR alone, 1 MB": _with_attachment(1 << 20).replace(b"\r\n", b"\r")})
    forward = EmailMessage()
    forward["From"] = "b@example.org"
    forward.add_attachment(b"x" * 3000, maintype="image", subtype="png", filename="p.png")
    letter_with = mail()
    letter_with.set_content("Über alles\n", charset="iso-8859-1", cte="quoted-printable")
    letter_with.add_attachment(forward)
    cases["a forwarded message with an attachment"] = letter_with.as_bytes()
    return cases


def _shape(part: Message) -> list[object]:
    """What a reading may take from a part: its type, headers, preamble, epilogue, defects and, for a text body,
    its decoded bytes (ours decoded from the message's bytes where the parser passed over it: mailbodies.py)."""
    text = part.get_content_type() in ("text/plain", "text/html") and not part.is_multipart() and \
        (part.get_content_disposition() or "") != "attachment"
    defects = [type(defect).__name__ for defect in part.defects]
    passed = isinstance(part, Part) and part.span is not None
    body = decoded(part.span, encoded_text(part) or "", 1 << 30) if isinstance(part, Part) and part.span else \
        part.get_payload(decode=True) if text else None
    return [part.get_content_type(), list(part.raw_items()), body if text or passed else None, part.preamble,
            part.epilogue, defects]


@pytest.mark.parametrize("name", sorted(_cases()))
def test_the_parts_are_those_pythons_parser_finds_with_unread_bodies_left_out(name: str) -> None:
    raw = _cases()[name]
    ours = [_shape(part) for part in parsed(raw, MAX_HEADER_BYTES, lambda kind: 10 << 20).walk()]
    pythons = [_shape(part) for part in email.message_from_bytes(raw, policy=email.policy.compat32).walk()]
    assert ours == pythons
