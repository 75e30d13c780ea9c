"""Zip packages as seeds. One of another kind than its name says (an Excel workbook saved as .docx, a Word file
as .epub) is refused naming its kind and suffix, where the DOCX reader read a workbook as a Word file with no text.
A seed package or a reference DOCX with a damaged or locked part (a compression method zipfile does not know,
as a damaged entry states it; a part encrypted with a zip password) is refused with its reason and a hint, where
zipfile's NotImplementedError or RuntimeError escaped the DOCX, ODT, PPTX and XLSX readers as an internal error."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from tests.helpers import name_reference, run
from tests.officedocs import pptx_bytes, shape, sheet_xml, slide_xml, xlsx_bytes
from tests.opendoc import odt_bytes
from tests.test_doc_epub_seeds import _unknown_method, epub_bytes


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("The ministry confirmed the order.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PACKAGES: dict[str, Callable[[], bytes]] = {
    "report.docx": _docx,
    "report.odt": lambda: odt_bytes("<text:p>The ministry confirmed the order.</text:p>"),
    "table.xlsx": lambda: xlsx_bytes([("S", "", sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>Drones'
                                                            '</t></is></c></row>'))]),
    "deck.pptx": lambda: pptx_bytes([(slide_xml(shape("<a:p><a:r><a:t>Drones</a:t></a:r></a:p>", 0, 0)), "")]),
}
KINDS = {".docx": "a Word document", ".odt": "an OpenDocument text", ".xlsx": "an Excel workbook",
         ".pptx": "a PowerPoint deck", ".epub": "an EPUB e-book"}


@pytest.mark.parametrize(("made", "given"), [(made, given) for made in sorted(KINDS) for given in sorted(KINDS)
                                             if made != given])
def test_a_package_named_as_another_kind_is_refused_naming_its_own(workspace: Path, tmp_path: Path, made: str,
                                                                   given: str) -> None:
    raw = epub_bytes() if made == ".epub" else next(make() for name, make in PACKAGES.items() if name.endswith(made))
    path = tmp_path / f"file{given}"
    path.write_bytes(raw)
    result = run(workspace, "seeds", "add", str(path))
    assert result.exit_code == 1, result.output
    assert f"{path}: the file is {KINDS[made]}, not {KINDS[given]} as its name says" in result.output, result.output
    assert f"hint: give the file the {made} suffix its content has" in result.output, result.output


def _locked(package: bytes, name: str) -> bytes:
    """`package` with `name` flagged as encrypted with a zip password, in its central directory and local header."""
    at = package.index(b"PK\x01\x02")
    while package[at + 46:at + 46 + len(name)] != name.encode():
        at = package.index(b"PK\x01\x02", at + 4)
    local = int.from_bytes(package[at + 42:at + 46], "little")
    out = bytearray(package)
    out[at + 8] |= 1
    out[local + 6] |= 1
    return bytes(out)


def _parts(raw: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return [name for name in archive.namelist() if name.endswith(".xml")]


@pytest.mark.parametrize("damage", [_unknown_method, _locked])
@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_every_part_damaged_or_locked_is_refused_or_read_never_a_crash(workspace: Path, tmp_path: Path, name: str,
                                                                        damage: Callable[[bytes, str], bytes]) -> None:
    raw = PACKAGES[name]()
    for part in _parts(raw):
        path = tmp_path / part.replace("/", "_") / name
        path.parent.mkdir()
        path.write_bytes(damage(raw, part))
        result = run(workspace, "seeds", "add", str(path))
        assert result.exit_code in (0, 1), (part, result.output)
        assert "internal error" not in result.output and "Traceback" not in result.output, (part, result.output)
        if result.exit_code == 1:
            assert "damaged" in result.output and "hint: " in result.output, (part, result.output)
        run(workspace, "seeds", "show", "--help")  # the workspace stays usable


def test_a_reference_docx_with_a_damaged_part_is_named_at_its_profile_line(workspace: Path) -> None:
    for part in ("word/styles.xml", "word/document.xml"):
        (workspace / "templates" / "house.docx").write_bytes(_unknown_method(_docx(), part))
        name_reference(workspace, "house.docx")
        result = run(workspace, "check")
        assert result.exit_code == 1 and "internal error" not in result.output, (part, result.output)
        assert "templates/executive.yaml:" in result.output and "house.docx" in result.output, (part, result.output)
