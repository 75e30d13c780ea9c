"""The DOCX writer's starting document (writers/docx/reference.py): python-docx's default template with its
styles part cut to the latent styles gives, once styled, the very DOCX the whole template gives."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import docx
import docx.api
import pytest
from lxml import etree

from briefgen.document.nodes import Theme
from briefgen.writers.docx import reference, writer
from tests.samples import sample_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _whole_template(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer as before: python-docx's template opened by python-docx, every style parsed."""
    monkeypatch.setattr(reference, "_lean_default", lambda: None)
    writer._default_styled.cache_clear()
    writer._remembered.cache_clear()


def test_the_cut_template_keeps_only_the_latent_styles() -> None:
    lean = reference._lean_default()
    assert lean is not None
    with zipfile.ZipFile(BytesIO(lean)) as cut, zipfile.ZipFile(docx.api._default_docx_path()) as whole:
        assert cut.namelist() == whole.namelist()
        for name in whole.namelist():  # every other part as it was
            if name != "word/styles.xml":
                assert cut.read(name) == whole.read(name), name
        styles, original = (etree.fromstring(z.read("word/styles.xml")) for z in (cut, whole))
    assert [child.tag for child in styles] == [f"{W}latentStyles"]
    assert etree.tostring(styles[0], with_tail=False) == etree.tostring(original.find(f"{W}latentStyles"),
                                                                 with_tail=False)
    assert styles.nsmap == original.nsmap and dict(styles.attrib) == dict(original.attrib)


@pytest.mark.parametrize("text", [b"", b"<w:styles/>", b"<w:styles ><w:style/></w:styles>",
                                  b"<w:styles x='1'><w:latentStyles/></w:styles>trailing"])
def test_a_styles_part_of_another_shape_is_kept_whole(text: bytes) -> None:
    assert reference._latent_only(text) == text


def test_a_docx_begun_from_the_cut_template_is_the_docx_begun_from_the_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    made = {}
    for how in ("cut", "whole"):
        if how == "whole":
            _whole_template(monkeypatch)
        for name, theme in (("plain", Theme()), ("coloured", Theme(accent="#7A1F5C", body_size=11.5))):
            path = tmp_path / f"{how}-{name}.docx"
            writer.write(sample_document(), path, theme)
            made[how, name] = path.read_bytes()
    writer._default_styled.cache_clear()
    writer._remembered.cache_clear()
    assert made["cut", "plain"] == made["whole", "plain"]
    assert made["cut", "coloured"] == made["whole", "coloured"]
    assert made["cut", "plain"] != made["cut", "coloured"]
