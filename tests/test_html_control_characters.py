"""Control characters in a web page's text: LibreOffice's HTML export writes an input field's text between U+0004
and U+0005, raw in the page. A browser shows no character there that a reader could copy or type, and a passage
may not hold one, so the page's text is read without them and the field's text verifies."""

from __future__ import annotations

import subprocess
from pathlib import Path

from briefgen.sources.formats import FORMATS, extract
from briefgen.sources.locate import find
from briefgen.sources.seeds import Seed
from tests.tools import require

FLAT_ODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:p>The form says the unit had <text:text-input>forty tanks</text:text-input> in March.</text:p>
<text:p>Der Bericht nennt <text:text-input text:description="Zahl">vierzig Panzer</text:text-input> im März.</text:p>
</office:text></office:body></office:document>
"""


def test_libreoffice_html_of_an_input_field(tmp_path: Path) -> None:
    (tmp_path / "form.fodt").write_text(FLAT_ODT, encoding="utf-8")
    subprocess.run([require("soffice"), "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "html", "--outdir", str(tmp_path), str(tmp_path / "form.fodt")],
                   check=True, capture_output=True, timeout=180)
    page = (tmp_path / "form.html").read_bytes()
    assert b"\x04forty tanks\x05" in page, "LibreOffice no longer writes the field between control characters"
    for reading in ("blocks", "article"):
        paragraphs = extract(FORMATS[".html"], page, reading=reading).paragraphs
        assert "The form says the unit had forty tanks in March." in paragraphs, reading
        seed = Seed("seeds/form.html", "seeds/form.html", "\n".join(paragraphs))
        assert find(seed, "the unit had forty tanks in March").spans, reading
        assert find(seed, "Der Bericht nennt vierzig Panzer im März").spans, reading
