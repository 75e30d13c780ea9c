"""Hostile and damaged e-mail seeds: refused with a reason, or read, in bounded time and memory."""

from __future__ import annotations

import base64
import time
from pathlib import Path

import pytest

from tests.helpers import run
from tests.officedocs import sheet_xml, xlsx_bytes
from tests.outlook import message
from tests.seedcases import refused_quickly
from tests.test_mail_seeds import read
from tests.test_msg_seeds import BODY, HEADERS, SENDER


def _deep_multipart(depth: int) -> bytes:
    parts = [f"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n" for i in range(depth)]
    return ("From: a@example.org\nSubject: deep\nMIME-Version: 1.0\n" + "".join(parts) + "\nx\n").encode()


def _huge_base64() -> bytes:
    head = ("From: a@example.org\nSubject: big\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n"
            "--B\nContent-Type: text/plain\n\nShown text.\n--B\nContent-Type: application/octet-stream; name=big.bin"
            "\nContent-Length: 1073741824\nContent-Transfer-Encoding: base64\n\n")
    return head.encode() + b"QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n" * 400_000


def _forwarded_within_encoded() -> bytes:
    """Forwarded messages nested 150 deep, that nest in base64 eight times over (each parsed anew)."""
    inner = b"From: z@example.org\n\ninnermost\n"
    for _ in range(8):
        wrapped = b"".join(b"From: a%d@example.org\nContent-Type: message/rfc822\n\n" % i for i in range(150))
        inner = (b"From: b@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n--B\n"
                 b"Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n" +
                 base64.encodebytes(wrapped + inner) + b"--B--\n")
    return inner


HOSTILE_EML = {
    "encodednest.eml": (_forwarded_within_encoded, "the message nests more than 200 multipart or attached-message "
                                                   "parts"),
    "deep.eml": (lambda: _deep_multipart(10_000), "the message nests more than 200 multipart or attached-message "
                                                  "parts"),
    "longheader.eml": (lambda: b"From: a@example.org\nSubject: " + b"x" * (10 << 20) + b"\n\nBody.\n",
                       "the message's header is larger than 256 KB"),
    "parts.eml": (lambda: b"From: a@example.org\nContent-Type: multipart/mixed; boundary=B\n\n" +
                  b"--B\n\n" * 1_000_000,
                  "the message has more than 10,000 part delimiters"),
    "params.eml": (lambda: b"From: a@example.org\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: "
                   b"text/plain; " + b"".join(b"name*%d=x; " % i for i in range(5_000)) + b"\n\nx\n--B--\n",
                   "a part's Content-Type is longer than 16 KB"),
    "nestedheader.eml": (lambda: b"From: a@example.org\nContent-Type: multipart/mixed; boundary=B\n\n--B\nX-Long: " +
                         b"x" * (10 << 20) + b"\n\nx\n--B--\n", "a part's header is larger than 256 KB"),
    "bigtext.eml": (lambda: b"From: a@example.org\n\n" + b"word " * (4 << 20),
                    "the message's text/plain body is larger than 10 MB, more than a seed may hold"),
    "sealed.eml": (lambda: b"From: a@example.org\nSubject: secret\nMIME-Version: 1.0\nContent-Type: application/"
                   b"pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\nContent-Transfer-Encoding: base64\n\n"
                   b"MIAGCSqGSIb3DQEHA6CAMIACAQAxggFA\n", "the message is encrypted or sealed (OpenPGP or S/MIME): its "
                                                       "body cannot be read"),
    "notmail.eml": (lambda: b"Just some text typed into a file.\n", "the file is not an e-mail message"),
    "report.eml": (lambda: b"%PDF-1.4\n", "the file is a PDF document, not an e-mail message as its name says"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_EML))
def test_hostile_messages_are_refused_quickly(workspace: Path, tmp_path: Path, name: str) -> None:
    refused_quickly(workspace, tmp_path / name, *HOSTILE_EML[name])


def test_an_unclosed_boundary_and_a_huge_attachment_read_in_bounded_time() -> None:
    """A boundary never closed ends at the file's end, as clients read it; a 30 MB base64 attachment declaring
    1 GB is neither decoded nor read."""
    unclosed = (b"From: a@example.org\nSubject: cut\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B"
                b"\n\n--B\nContent-Type: text/plain\n\nText of a message cut short")
    assert read(unclosed)[2:] == ["Text of a message cut short"]
    started = time.monotonic()
    assert read(_huge_base64())[2:] == ["Shown text."]
    assert time.monotonic() - started < 20


# A Date whose numbers are past any a date can have (a minute of 20 digits): parsing it overflowed (OverflowError,
# an internal error) in `seeds add` for an .eml and a .msg's Internet headers. The
# message is added, its Date not taken as the day it was published.
OVERFLOWING_DATE = "Mon, 07 Dec 2026 00:99999999999999999999:00 +0900"


def _eml_overflowing_date() -> bytes:
    return (f"From: Jane Doe <jane@example.org>\nSubject: Sorties\nDate: {OVERFLOWING_DATE}\n\nThe unit flew 412 "
            "sorties.\n").encode()


def _msg_overflowing_date() -> bytes:
    return message({**SENDER, BODY: "The unit flew 412 sorties.",
                    HEADERS: f"Date: {OVERFLOWING_DATE}\r\nSubject: Sorties\r\n\r\n"})


@pytest.mark.parametrize("name, make", [("memo.eml", _eml_overflowing_date), ("memo.msg", _msg_overflowing_date)])
def test_a_date_past_any_calendar_is_no_published_day(workspace: Path, tmp_path: Path, name: str,
                                                       make: object) -> None:
    path = tmp_path / name
    path.write_bytes(make())  # type: ignore[operator]
    result = run(workspace, "seeds", "add", str(path))
    assert result.exit_code == 0, result.output
    catalogue = (workspace / "seeds/sources.yaml").read_text(encoding="utf-8")
    entry = catalogue.split(name)[-1]
    assert 'originator: "Jane Doe"' in entry and "published: null" in entry
    assert read(path.read_bytes(), name)[-1] == "The unit flew 412 sorties."



def test_a_documents_created_property_past_any_calendar_is_no_published_day(workspace: Path, tmp_path: Path) -> None:
    """The same date as a workbook's created property (read by sources/meta.py's partial_date): no day."""
    path = tmp_path / "book.xlsx"
    path.write_bytes(xlsx_bytes([("One", "", sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>412 sorties</t>'
                                                       "</is></c></row>"))],
                                core=f"<dc:title>Book</dc:title><dcterms:created>{OVERFLOWING_DATE}</dcterms:created>"))
    result = run(workspace, "seeds", "add", str(path))
    assert result.exit_code == 0, result.output
    entry = (workspace / "seeds/sources.yaml").read_text(encoding="utf-8").split("book.xlsx")[-1]
    assert "title: Book" in entry and "published: null" in entry
