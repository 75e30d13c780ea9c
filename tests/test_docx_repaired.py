"""DOCX seeds with a damaged part of settings only (styles, lists, settings): Word repairs the file and shows its
text with the defaults, so the seed is read so too; a damaged part of text is still refused."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from briefgen.sources.formats.docxdoc import extract
from briefgen.sources.formats.plain import SeedError
from tests.helpers import run as run_cli
from tests.test_docx_seed_reading import NS, docx, para, run

LISTED = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' + run("Item") + "</w:p>"


def _broken_entry(raw: bytes, name: str) -> bytes:
    """`raw` with the stored bytes of zip entry `name` altered, so that inflating it fails (or its CRC does)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        info = package.getinfo(name)
    data = bytearray(raw)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 2:start + 6] = bytes(byte ^ 0xFF for byte in data[start + 2:start + 6])
    return bytes(data)


@pytest.mark.parametrize("part", ["styles.xml", "numbering.xml", "settings.xml"])
@pytest.mark.parametrize("damage", ["cut short", "not xml", "empty", "broken entry"])
def test_a_damaged_part_of_settings_reads_the_text_with_the_defaults(part: str, damage: str) -> None:
    good = f'<w:{part[:-4]} {NS}>{"<w:docDefaults/>" * 200}</w:{part[:-4]}>'
    text = {"cut short": good[:len(good) // 2], "not xml": "garbage", "empty": ""}.get(damage, good)
    raw = docx(para(run("The ministry said drones numbered 1,200.")) + LISTED, parts={part: text})
    if damage == "broken entry":
        raw = _broken_entry(raw, f"word/{part}")
    assert list(extract(raw).paragraphs) == ["The ministry said drones numbered 1,200.", "Item"]


def test_a_damaged_part_of_text_is_still_refused() -> None:
    raw = docx(para(run("Body.")), parts={"footnotes.xml": f"<w:footnotes {NS}><w:footnote"})
    with pytest.raises(SeedError, match=r"footnotes\.xml is not well-formed"):
        extract(raw)


def test_a_styles_part_declaring_a_document_type_is_still_refused() -> None:
    raw = docx(para(run("Body.")), parts={"styles.xml": f'<!DOCTYPE x [<!ENTITY e "x">]><w:styles {NS}/>'})
    with pytest.raises(SeedError, match="declares an XML document type"):
        extract(raw)


def test_a_seed_with_damaged_styles_and_core_parts_is_added_and_shown(workspace: Path, tmp_path: Path) -> None:
    """Through the CLI: `seeds add` catalogues it (no properties read from the damaged core part) and `seeds
    show` numbers its paragraphs; both refused the file before."""
    seed = tmp_path / "repaired.docx"
    seed.write_bytes(docx(para(run("The ministry said drones numbered 1,200.")) + para(run("Tanks followed.")),
                          core="<cp:coreProperties", parts={"styles.xml": f"<w:styles {NS}><w:style"}))
    added = run_cli(workspace, "seeds", "add", str(seed))
    assert added.exit_code == 0, added.output
    source = re.search(r"catalogued as (\S+)", added.output)
    assert source is not None
    shown = run_cli(workspace, "seeds", "show", source.group(1))
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines() == ["¶1  The ministry said drones numbered 1,200.", "¶2  Tanks followed."]
