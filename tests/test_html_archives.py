"""A web page saved as one file (MHTML: Chrome's and Edge's "Webpage, Single File", Internet Explorer's web
archive) reads as the page it holds, decoded from its transfer encoding (quoted-printable, base64) and its
part's charset, with the stylesheets the archive holds applied as the browser applied them; under `.mhtml`,
`.mht`, or saved as `.html`. The archives are built with the standard library's email package, as Blink
and Internet Explorer write them."""

from __future__ import annotations

import base64
import quopri
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from briefgen.sources.formats import FORMATS, extract

PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Drones</title>"
        "<link rel='stylesheet' href='https://example.org/site.css'></head><body><div class='promo'>Subscribe now "
        "for 1 euro a month.</div><article><h1>Drones up north</h1><p>The ministry said on Monday that the "
        "new drone programme would be expanded across the northern region this year, officials confirmed.</p>"
        "<p class='phone'>Phone copy: it will cost about €400 million.</p><p class='wide'>It will cost about €400 "
        "million — “too much”, critics said, and the army’s 1,200 drones will be joined by 300 more.</p>"
        "</article></body></html>")
SHEET = ".promo { display: none } @media (min-width: 768px) { .phone { display: none } }"
READ = ["The ministry said on Monday that the new drone programme would be expanded across the northern region "
        "this year, officials confirmed.", "It will cost about €400 million — “too much”, critics said, and the "
        "army’s 1,200 drones will be joined by 300 more."]


def archive(encoding: str, charset: str, transfer: str) -> bytes:
    """An archive of PAGE and SHEET: Blink's (quoted-printable, "From: <Saved by Blink>") or Internet
    Explorer's (base64, the page's charset named)."""
    whole = MIMEMultipart("related", type="text/html")
    whole["From"] = "<Saved by Blink>"
    whole["Snapshot-Content-Location"] = "https://example.org/drones"
    page = MIMEBase("text", "html", **({"charset": charset} if charset else {}))
    raw = PAGE.replace("charset='utf-8'", f"charset='{encoding}'").encode(encoding)
    page.set_payload((quopri.encodestring(raw) if transfer == "quoted-printable" else base64.encodebytes(raw))
                     .decode("ascii"))
    page.add_header("Content-Transfer-Encoding", transfer)
    page.add_header("Content-Location", "https://example.org/drones")
    sheet = MIMEText(SHEET, "css", "utf-8")
    sheet.add_header("Content-Location", "https://example.org/site.css")
    whole.attach(page)
    whole.attach(sheet)
    return whole.as_bytes()


@pytest.mark.parametrize(("encoding", "charset", "transfer"), [("utf-8", "", "quoted-printable"),
                                                               ("windows-1252", "windows-1252", "base64"),
                                                               ("utf-8", "utf-8", "base64")])
@pytest.mark.parametrize("suffix", [".mhtml", ".mht", ".html"])
@pytest.mark.parametrize("reading", ["article", "blocks"])
def test_a_web_archive_reads_as_the_page_it_holds(encoding: str, charset: str, transfer: str, suffix: str,
                                                  reading: str) -> None:
    found = list(extract(FORMATS[suffix], archive(encoding, charset, transfer), None, reading).paragraphs)
    assert found == (["Drones up north", *READ] if reading == "blocks" else READ)


def test_a_page_that_only_begins_like_a_message_is_a_page() -> None:
    page = b"Note: this is a page.\n<p>The ministry said on Monday that drones would be built.</p>"
    assert list(extract(FORMATS[".html"], page, None, "blocks").paragraphs) == [
        "Note: this is a page.", "The ministry said on Monday that drones would be built."]
