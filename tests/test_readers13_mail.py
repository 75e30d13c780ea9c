"""Round 13 of the seed readers, e-mail: a text body in base64 or quoted-printable is decoded from the file's bytes
a piece at a time and given up at its bound (it was held whole, its lines, their join and its decoding: 7 times
the file), and a message whose lines end with a carriage return alone is read in pieces as any other (it was
fed whole, its header's end never found: any such mail over 256 KB was refused as hostile, and its part
delimiters and nested parts went uncounted). Peaks are measured by getrusage in a parent around a child that
reads the seed, against one that only reads the file; every reading is checked against Python's own email
package, which reads every body whole."""

from __future__ import annotations

import base64
import email
import email.policy
import quopri
import random
import re
import subprocess
import sys
from email._encoded_words import decode_b
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefgen.sources.formats import mailbodies
from briefgen.sources.formats.emldoc import MAX_HEADER_BYTES, MAX_PART_LINES, html_paragraphs, shown
from briefgen.sources.formats.mailparse import parsed
from briefgen.sources.formats.mailtext import plain_paragraphs
from tests.test_mail_memory import _shape
from tests.test_mail_seeds import mail, read

_CHILD = ("import sys; from pathlib import Path; from briefgen.sources.formats import emldoc, mailparse\n"
          "raw = Path(sys.argv[1]).read_bytes()\n"
          "if sys.argv[2] == 'extract':\n"
          "    try: emldoc.extract(raw)\n"
          "    except emldoc.SeedError: pass\n"
          "elif sys.argv[2] == 'parsed':\n"
          "    mailparse.parsed(raw, 1 << 18, lambda kind: 10 << 20)\n")
_PARENT = ("import resource, subprocess, sys; subprocess.run([sys.executable, '-c'] + sys.argv[1:], check=True); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def _peak_kb(path: Path, call: str, child: str = _CHILD) -> int:
    """The peak resident set of a child running `child` on the file (`call`: what it does; "bytes": read them)."""
    done = subprocess.run([sys.executable, "-c", _PARENT, child, str(path), call], capture_output=True, text=True,
                          timeout=300, check=True)
    return int(done.stdout)


def _beyond_the_file(path: Path, call: str = "extract") -> float:
    """The peak memory of reading the seed above that of holding its bytes, as a multiple of the file's size."""
    return (_peak_kb(path, call) - _peak_kb(path, "bytes")) * 1024 / path.stat().st_size


def _oracle(raw: bytes) -> list[str]:
    """The body paragraphs Python's own parser gives (every body read whole), as the reader cuts them."""
    found: list[str] = []
    for part in email.message_from_bytes(raw, policy=email.policy.compat32).walk():
        kind, data = part.get_content_type(), part.get_payload(decode=True)
        if part.get_content_disposition() == "attachment" or not isinstance(data, bytes):
            continue
        if kind == "text/plain":
            found += plain_paragraphs(data.decode(part.get_content_charset() or "ascii"))
        elif kind == "text/html":
            found += html_paragraphs(data, part.get_content_charset())
    return found


_HEAD = b"From: a@example.org\nSubject: s\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: %s\n\n"


@pytest.mark.parametrize("encoding", ["base64", "quoted-printable"])
def test_an_encoded_text_body_past_its_bound_is_refused_without_being_held(tmp_path: Path, encoding: str) -> None:
    """A 24 MB body in base64 (18 MB of text) or quoted-printable, past the 10 MB a plain body may hold: its lines,
    their join, its bytes and its decoding were held at once before it was refused (a 40 MB one in base64: 294 MB
    against the file's 67 MB; in quoted-printable 197 MB), now the decoding kept up to the bound (79 MB, 76 MB)."""
    body = base64.encodebytes(b"w" * (18 << 20)) if encoding == "base64" else \
        (b"caf=C3=A9 " * 7 + b"=\n") * ((24 << 20) // 73)
    path = tmp_path / "long.eml"
    path.write_bytes(_HEAD % encoding.encode() + body)
    with pytest.raises(Exception, match="the message's text/plain body is larger than 10 MB"):
        read(path.read_bytes())
    assert _beyond_the_file(path) < 1.0


def _letter(text: str, cte: str, attachment: int) -> bytes:
    letter = mail()
    letter.set_content(text, cte=cte)
    letter.add_attachment(random.Random(3).randbytes(attachment), maintype="application", subtype="pdf",
                          filename="r.pdf")
    return letter.as_bytes(policy=email.policy.SMTP)


_TEXT = "Dear analyst,\n\n" + "".join(f"Sortie {n}: the unit reported {n * 7} sightings in sector {n % 9}, café.\n\n"
                                      for n in range(40_000))


@pytest.mark.parametrize("cte", ["base64", "quoted-printable"])
def test_a_large_encoded_text_body_reads_as_pythons_parser_reads_it(tmp_path: Path, cte: str) -> None:
    """A mail of 3 MB of text in base64 or quoted-printable beside a 16 MB attachment: the paragraphs those of
    Python's parser, the memory beyond the file's the text's (the body was held three times over)."""
    raw = _letter(_TEXT, cte, 16 << 20)
    assert read(raw)[4:] == _oracle(raw)
    path = tmp_path / "letter.eml"
    path.write_bytes(raw)
    assert _beyond_the_file(path) < 1.0


def test_a_mail_of_carriage_returns_alone_is_read_and_its_attachment_not_held(tmp_path: Path) -> None:
    """An old Mac's mail (lines ended by CR alone) of 18 MB: refused as hostile ("the message's header is larger
    than 256 KB", its end never found); read now as its LF twin is, its attachment passed over by the parser
    (which was fed the whole message at once: 7 times the file)."""
    raw = _letter(_TEXT, "quoted-printable", 12 << 20)
    cr = raw.replace(b"\r\n", b"\r")
    assert read(cr) == read(raw.replace(b"\r\n", b"\n")) == read(raw)
    path = tmp_path / "mac.eml"
    path.write_bytes(cr)
    assert _beyond_the_file(path, "parsed") < 0.5


def test_a_soft_break_before_a_lone_carriage_return_ends_its_line() -> None:
    """Quoted-printable in a mail of CRs alone: Python's decoder took a soft break ("=" ending a line) to run to
    the next LF, which there is none of, so all the text after the first was lost."""
    text = "A paragraph long enough that the mailer wraps it into several lines of quoted-printable, café.\n\n" * 3
    letter = mail()
    letter.set_content(text, cte="quoted-printable")
    raw = letter.as_bytes(policy=email.policy.SMTP)
    assert b"=\r\n" in raw
    assert read(raw.replace(b"\r\n", b"\r")) == read(raw) == read(raw)[:4] + [text.split("\n\n")[0]] * 3


def test_a_mail_of_carriage_returns_alone_has_its_delimiters_and_nesting_counted() -> None:
    """The counts made before parsing matched lines after LF only: a mail of CRs alone passed them all (10,000
    nested multiparts, a million empty parts: minutes of parsing)."""
    many = b"From: a@example.org\rContent-Type: multipart/mixed; boundary=B\r\r" + b"--B\r\r" * (MAX_PART_LINES + 1)
    with pytest.raises(Exception, match=f"more than {MAX_PART_LINES:,} part delimiters"):
        read(many)
    deep = b"From: a@example.org\r" + b"".join(b"Content-Type: multipart/mixed; boundary=B%d\r\r--B%d\r" % (n, n)
                                               for n in range(201)) + b"\rtext\r"
    with pytest.raises(Exception, match="nests more than 200 multipart or attached-message parts"):
        read(deep)


def test_a_header_block_of_carriage_returns_alone_is_counted_as_it_is_read(tmp_path: Path) -> None:
    """A part's header of many short lines ended by CR alone (14 MB): the whole message was fed at once."""
    path = tmp_path / "headers.eml"
    path.write_bytes(b"From: a@example.org\rContent-Type: multipart/mixed; boundary=B\r\r--B\r" +
                     b"X-A: b\r" * (2 << 20) + b"\rx\r--B--\r")
    with pytest.raises(Exception, match=f"a part's header is larger than {MAX_HEADER_BYTES // 1024} KB"):
        read(path.read_bytes())
    assert _beyond_the_file(path) < 1.0


def _python_decoding(data: bytes, encoding: str) -> bytes:
    """The email package's decoding of a body (Message.get_payload(decode=True)); a soft break before a lone CR
    taken to end its line, as mailbodies.py reads it."""
    if encoding == "base64":
        return decode_b(b"".join(data.splitlines()))[0]
    return quopri.decodestring(re.sub(rb"=\r(?!\n)", b"=\r\n", data))


@pytest.mark.parametrize("encoding", ["base64", "quoted-printable"])
def test_decoding_in_pieces_is_decoding_whole(monkeypatch: pytest.MonkeyPatch, encoding: str) -> None:
    """Random bodies of the characters that steer a decoder (pads, junk, "=", hex digits, line ends), decoded in
    pieces of 2 to 64 bytes, against the email package's decoding of the whole."""
    rnd = random.Random(13)
    letters = [b"A", b"Q", b"=", b"\n", b"\r", b"!", b" ", b"z", b"/"] if encoding == "base64" else \
        [b"=", b"A", b"3", b"D", b"\n", b"\r", b"x", b" ", b"\r\n"]
    for _ in range(3000):
        data = b"".join(rnd.choice(letters) for _ in range(rnd.randrange(0, 30)))
        for piece in (2, 3, 5, 64):
            monkeypatch.setattr(mailbodies, "PIECE", piece)
            assert mailbodies.decoded(mailbodies.Span(data, 0), encoding, 1 << 20) == \
                _python_decoding(data, encoding), (data, piece)


def _words(rnd: random.Random) -> str:
    words = ["alpha", "béta", "--", "-- ", "--B", "=", "=3D", "From x", "> q", "日本", " ", "\t"]
    return "\n".join(" ".join(rnd.choice(words) for _ in range(rnd.randrange(0, 20)))
                     for _ in range(rnd.randrange(0, 6))) + rnd.choice(["", "\n"])


def _message(rnd: random.Random, depth: int = 0) -> EmailMessage:
    letter = mail() if depth == 0 else EmailMessage()
    letter.set_content(_words(rnd), subtype=rnd.choice(["plain", "html"]),
                       cte=rnd.choice(["base64", "quoted-printable", "8bit"]))
    for _ in range(rnd.randrange(0, 3) if depth < 2 else 0):
        if rnd.random() < 0.5:
            letter.add_attachment(rnd.randbytes(rnd.randrange(300)), maintype="application", subtype="pdf",
                                  filename="x.pdf")
        else:
            letter.add_attachment(_message(rnd, depth + 1))
    return letter


def _mutated(rnd: random.Random, raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    for _ in range(rnd.randrange(3)):
        at, kind = rnd.randrange(len(lines)), rnd.randrange(4)
        if kind == 0:
            del lines[at]
        elif kind == 1:
            lines.insert(at, rnd.choice(lines))
        elif kind == 2:
            lines[at] = lines[at][:rnd.randrange(len(lines[at]) + 1)]
        else:
            lines.insert(at, rnd.choice([b"--", b"", b"X: y", b" folded", b"=", b"From x"]))
    return b"\n".join(lines)


def test_the_parts_and_decoded_bodies_are_pythons_whatever_the_line_ends() -> None:
    """Random messages (text bodies in base64, quoted-printable or 8 bits, attachments, forwarded messages), some
    damaged (lines dropped, cut, repeated, "--" lines, "From " lines, stray headers), with LF, CRLF, CR alone or
    a mix: the parts, headers, defects and decoded text bodies are those Python's parser finds."""
    rnd = random.Random(1313)
    compared = 0
    while compared < 400:
        raw = _message(rnd).as_bytes(policy=email.policy.compat32)
        raw = _mutated(rnd, raw) if rnd.random() < 0.7 else raw
        ends = rnd.choice([b"\n", b"\r\n", b"\r", b""])
        raw = raw.replace(b"\n", ends) if ends else re.sub(rb"\n", lambda _: rnd.choice([b"\n", b"\r", b"\r\n"]), raw)
        if re.search(rb"=\r(?!\n)", raw):
            continue  # a soft break before a lone CR: read as ending its line (the test above)
        ours = [_shape(part) for part in parsed(raw, MAX_HEADER_BYTES, lambda kind: 10 << 20).walk()]
        pythons = [_shape(part) for part in email.message_from_bytes(raw, policy=email.policy.compat32).walk()]
        assert ours == pythons, raw
        compared += 1


def test_what_a_client_shows_is_unchanged_for_ordinary_mails() -> None:
    """The paragraphs and attachments of mails as mailers write them, against Python's parser's reading."""
    for cte in ("base64", "quoted-printable", "8bit", "7bit"):
        text = _TEXT[:5000] if cte != "7bit" else _TEXT[:5000].replace("é", "e")
        raw = _letter(text, cte, 5000)
        for ends in (b"\r\n", b"\n", b"\r"):
            found = shown(email.message_from_bytes(raw, policy=email.policy.compat32))
            assert read(raw.replace(b"\r\n", ends))[4:] == _oracle(raw) == found.paragraphs[4:]
