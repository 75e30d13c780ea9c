"""Round 13 of the seed readers, web archives (MHTML, "Webpage, Single File"): parsed as a mail is
(mailparse.py), the pictures' and fonts' bodies passed over, the page's and stylesheets' decoded from the file's
bytes. Python's email package held every body as lines, text and decoded bytes: a 19 MB archive of a page and
its pictures peaked at 8 times the file. Each archive's page and stylesheets are checked against that package's
reading of the same bytes."""

from __future__ import annotations

import email
import email.policy
import random
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefgen.sources.formats import extract, format_of
from briefgen.sources.formats.mhtml import Archived, archived
from briefgen.sources.formats.webcharsets import REPLACEMENT, lookup
from tests.test_readers13_mail import _peak_kb

PAGE = "<html><head><title>T</title></head><body>{}</body></html>"
TEXT = "".join(f"<p>Sortie {n}: the unit reported {n * 7} sightings in sector {n % 9}, café – “quoted”.</p>"
               for n in range(20_000))


def _oracle(raw: bytes) -> Archived | None:
    """The archive's page and stylesheets as Python's email package reads them, every body held."""
    page, sheets = None, []
    for part in email.message_from_bytes(raw, policy=email.policy.compat32).walk():
        kind, payload = part.get_content_type(), part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        if kind == "text/html" and page is None:
            page = (payload, part.get_content_charset())
        elif kind == "text/css":
            known = lookup(part.get_content_charset() or "utf-8")
            sheets.append(payload.decode(known[1] if known and known[1] != REPLACEMENT else "utf-8",
                                         errors="replace"))
    return Archived(page[0], page[1], tuple(sheets)) if page is not None else None


def _archive(html: str, cte: str, picture: int, css_cte: str = "base64", ends: bytes = b"\r\n") -> bytes:
    saved = EmailMessage()
    saved["From"] = "<Saved by Blink>"
    saved["Snapshot-Content-Location"] = "https://example.org/report"
    saved["Subject"] = "Report"
    saved["MIME-Version"] = "1.0"
    saved.set_content(html, subtype="html", cte=cte)
    saved.make_related()
    saved.add_related(".menu { display: none } p { color: #111 }", subtype="css", cte=css_cte)
    saved.add_related(random.Random(5).randbytes(picture), maintype="image", subtype="png", cid="<pic>")
    saved.add_related("-- a dashed line\n--\n" * 50, subtype="css", cte="quoted-printable")
    return saved.as_bytes(policy=email.policy.SMTP).replace(b"\r\n", ends)


def test_an_archives_pictures_are_not_held(tmp_path: Path) -> None:
    """A 19 MB archive (a page of 20,000 paragraphs in quoted-printable, a 12 MB picture): 148 MB beyond the
    file's bytes (8 times), now about one file."""
    raw = _archive(PAGE.format(TEXT), "quoted-printable", 12 << 20)
    assert archived(raw) == _oracle(raw)
    path = tmp_path / "report.mhtml"
    path.write_bytes(raw)
    child = ("import sys; from pathlib import Path; from briefgen.sources import formats\n"
             "from briefgen.sources.formats import htmldoc, mhtml\n"
             "raw = Path(sys.argv[1]).read_bytes()\n"
             "if sys.argv[2] == 'extract': formats.extract(formats.format_of(sys.argv[1]), raw, reading='blocks')\n")
    peak = _peak_kb(path, "extract", child) - _peak_kb(path, "bytes", child)
    assert peak * 1024 / len(raw) < 2.0


@pytest.mark.parametrize("ends", [b"\r\n", b"\n", b"\r"])
@pytest.mark.parametrize("cte", ["quoted-printable", "base64", "8bit"])
def test_an_archives_page_and_stylesheets_are_those_pythons_parser_finds(cte: str, ends: bytes) -> None:
    raw = _archive(PAGE.format(TEXT[:20_000] + "<div class=menu>Menu</div>"), cte, 3000,
                   css_cte="quoted-printable" if cte == "base64" else "base64", ends=ends)
    if ends == b"\r" and cte == "quoted-printable":  # a soft break before a lone CR ends its line (mailbodies.py):
        crlf = _oracle(raw.replace(b"\r", b"\r\n"))  # as in the same archive with CRLF line ends
        assert crlf is not None
        assert archived(raw) == Archived(crlf.html.replace(b"\r\n", b"\r"), crlf.charset,
                                         tuple(sheet.replace("\r\n", "\r") for sheet in crlf.sheets))
    else:
        assert archived(raw) == _oracle(raw)
    read = list(extract(format_of("page.mhtml"), raw, reading="blocks").paragraphs)  # type: ignore[arg-type]
    assert "Menu" not in read and read[0].startswith("Sortie 0: the unit reported 0 sightings")
