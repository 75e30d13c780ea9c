"""DOCX seeds packaged otherwise than Word's usual .docx: saved as Strict Open XML, their main part under another
name (a template, a document with macros), or with their text imported whole from another part (w:altChunk: an
HTML page, an MHTML archive as web apps' "export to Word" writes, a Word document), each read as Word shows it."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

from briefgen.sources.formats.docxdoc import extract
from briefgen.sources.seeds import read_document
from tests.helpers import libreoffice_convert
from tests.test_docx_seed_reading import RELS, docx, para, run

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHUNK_REL = f"{R_NS}/aFChunk"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MHTML = ('MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="----=part"\r\n\r\n'
         '------=part\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n'
         "\r\n<html><body><h1>Exported heading</h1><p>The ministry said drones =\r\nnumbered 1,200 =E2=80=94 a "
         "record.</p></body></html>\r\n------=part--\r\n")


def _package(main: str, body: str, types: str, relations: str = "", parts: dict[str, bytes] | None = None,
             package_rels: str | None = None) -> bytes:
    """A package whose main part is `main` holding `body`, with these content types (Default and Override
    elements), main-part relationships and other parts; the package's relationship to the main part unless
    `package_rels` says otherwise."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.'
                         'org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                         f'openxmlformats-package.relationships+xml"/>{types}</Types>')
        package.writestr("_rels/.rels", package_rels if package_rels is not None else
                         RELS.replace('Target="word/document.xml"', f'Target="{main}"') % "")
        package.writestr(main, f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>')
        folder, name = main.rsplit("/", 1)
        package.writestr(f"{folder}/_rels/{name}.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                         f'package/2006/relationships">{relations}</Relationships>')
        for part, data in (parts or {}).items():
            package.writestr(part, data)
    return buffer.getvalue()


def _chunk(ident: str, target: str) -> str:
    return f'<Relationship Id="{ident}" Type="{CHUNK_REL}" Target="{target}"/>'


def test_a_strict_open_xml_document_is_read_as_libreoffice_reads_it(tmp_path: Path) -> None:
    """Word's "Strict Open XML Document" names its elements in other namespaces: it read as having no text."""
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    body = (para(run("The army has 1,200 drones.")) + para(run("Not shown."), mark="")
            .replace("<w:r>", "<w:r><w:rPr><w:color w:val=\"FFFFFF\"/></w:rPr>") + para(run("Tanks followed.")))
    source = zipfile.ZipFile(io.BytesIO(docx(body)))
    made = tmp_path / "strict.docx"
    with zipfile.ZipFile(made, "w") as package:
        for item in source.infolist():
            text = source.read(item.filename).decode("utf-8").replace(W_NS, strict)
            package.writestr(item, text.replace(f"{R_NS}/officeDocument", "http://purl.oclc.org/ooxml/"
                                                "officeDocument/relationships/officeDocument"))
    shown = libreoffice_convert([made], tmp_path, to="txt:Text (encoded):UTF8")[0].read_text(encoding="utf-8-sig")
    assert "The army has 1,200 drones." in shown and "Tanks followed." in shown
    assert extract(made.read_bytes()).paragraphs == ("The army has 1,200 drones.", "Tanks followed.")


def test_the_main_part_is_found_under_any_name() -> None:
    """A template's main part named otherwise, found through the package's relationship; and a package with no
    relationship to it, found by its content type (a document with macros)."""
    body = para(run("The template's text."))
    template = _package("word/main.xml", body, '<Override PartName="/word/main.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"/>')
    assert extract(template).paragraphs == ("The template's text.",)
    macros = _package("doc/body.xml", body, '<Override PartName="/doc/body.xml" ContentType="application/'
                      'vnd.ms-word.document.macroEnabled.main+xml"/>', package_rels="<Relationships xmlns="
                      '"http://schemas.openxmlformats.org/package/2006/relationships"/>')
    assert extract(macros).paragraphs == ("The template's text.",)


def test_content_imported_whole_is_read_at_its_place() -> None:
    """w:altChunk, as Word shows it once it opens the file: an HTML page's blocks, an MHTML archive's page (the
    whole document, as html-docx-js writes it), and a Word document's paragraphs, each where its chunk is."""
    types = (f'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
             f'ContentType="{MAIN}"/><Default Extension="html" ContentType="text/html"/>'
             '<Default Extension="mht" ContentType="message/rfc822"/><Default Extension="docx" ContentType='
             '"application/vnd.openxmlformats-officedocument.wordprocessingml.document"/>')
    body = (para(run("Before the chunks.")) + '<w:altChunk r:id="c1"/>' + '<w:altChunk r:id="c2"/>'
            + para(run("Between them.")) + '<w:altChunk r:id="c3"/>' + para(run("After them.")))
    inner = docx(para(run("A nested document's paragraph.")))
    made = _package("word/document.xml", body, types, _chunk("c1", "page.html") + _chunk("c2", "/word/export.mht")
                    + _chunk("c3", "inner.docx"),
                    {"word/page.html": b"<html><body><p>A page's <b>first</b> block.</p><ul><li>An item.</li>"
                                       b"</ul></body></html>", "word/export.mht": MHTML.encode(),
                     "word/inner.docx": inner})
    assert extract(made).paragraphs == (
        "Before the chunks.", "A page's first block.", "An item.", "Exported heading",
        "The ministry said drones numbered 1,200 \u2014 a record.", "Between them.",
        "A nested document's paragraph.", "After them.")


def test_part_names_are_matched_as_uris() -> None:
    """Part names are URIs, matched without regard to case and percent-encoding, as Word opens them: a
    relationship to "/Word/Main%20Part.xml" names the entry word/main part.xml."""
    body = para(run("Found under its URI."))
    made = _package("word/main part.xml", body, '<Default Extension="xml" ContentType="application/xml"/>',
                    package_rels=(RELS % "").replace('Target="word/document.xml"', 'Target="/Word/Main%20Part.XML"'))
    assert extract(made).paragraphs == ("Found under its URI.",)


def test_a_smartart_diagrams_text_is_read_after_its_anchor() -> None:
    """A SmartArt diagram's boxes, as Word shows them: their text is in the diagram's data part, not the body;
    read after the paragraph it is anchored in, as a text box's is, and once (the drawing Word keeps of the
    shapes, with the same text, is not read; nor are the connections between the boxes)."""
    dgm = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
    drawing_ml = "http://schemas.openxmlformats.org/drawingml/2006/main"

    def point(kind: str, text: str) -> str:
        paragraphs = "".join(f"<a:p><a:r><a:t>{line}</a:t></a:r></a:p>" for line in text.split("|") if text)
        return f'<dgm:pt modelId="{{{kind}{text}}}" type="{kind}"><dgm:t><a:bodyPr/>{paragraphs}</dgm:t></dgm:pt>'
    data = (f'<dgm:dataModel xmlns:dgm="{dgm}" xmlns:a="{drawing_ml}"><dgm:ptLst>{point("doc", "")}'
            f'{point("node", "Collect")}{point("parTrans", "")}{point("sibTrans", "")}'
            f'{point("node", "Assess|in two stages")}{point("asst", "Report")}</dgm:ptLst></dgm:dataModel>')
    shapes = (f'<dsp:drawing xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram">'
              f'<a:t xmlns:a="{drawing_ml}">Collect</a:t></dsp:drawing>')
    anchor = (f'<w:r><w:drawing><a:graphic xmlns:a="{drawing_ml}"><a:graphicData uri="{dgm}"><dgm:relIds '
              f'xmlns:dgm="{dgm}" r:dm="d1" r:lo="d2" r:qs="d3" r:cs="d4"/></a:graphicData></a:graphic>'
              "</w:drawing></w:r>")
    types = (f'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
             f'ContentType="{MAIN}"/>')
    relations = (f'<Relationship Id="d1" Type="{R_NS}/diagramData" Target="diagrams/data1.xml"/>'
                 '<Relationship Id="d5" Type="http://schemas.microsoft.com/office/2007/relationships/diagramDrawing" '
                 'Target="diagrams/drawing1.xml"/>')
    parts = {"word/diagrams/data1.xml": data.encode(), "word/diagrams/drawing1.xml": shapes.encode()}
    made = _package("word/document.xml", para(run("The cycle:"), anchor) + para(run("Then the brief.")), types,
                    relations, parts)
    assert extract(made).paragraphs == ("The cycle:", "Collect", "Assess", "in two stages", "Report",
                                        "Then the brief.")


def test_a_template_or_a_document_with_macros_is_a_word_seed(tmp_path: Path) -> None:
    """A .dotx template and a .docm document with macros (their main parts of other content types) are read as
    Word documents, as LibreOffice shows them; they were read as text files and refused as zip packages."""
    source = tmp_path / "plain.docx"
    source.write_bytes(docx(para(run("The army has 1,200 drones.")) + para(run("Tanks followed."))))
    made = [libreoffice_convert([source], tmp_path / kind, to=f"{kind}:{name}")[0]
            for kind, name in (("dotx", "MS Word 2007 XML Template"), ("docm", "MS Word 2007 XML VBA"))]
    for document in made:
        assert zipfile.ZipFile(document).read("[Content_Types].xml") != zipfile.ZipFile(source).read(
            "[Content_Types].xml")
        _, text, _ = read_document(str(document))
        assert text.splitlines() == ["The army has 1,200 drones.", "Tanks followed."]


def test_a_chunk_named_many_times_is_read_once() -> None:
    """A hostile body naming one large chunk (260 KB of markup) 400 times: Word shows it at each place, and it is
    parsed once, not 400 times."""
    types = (f'<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
             f'ContentType="{MAIN}"/><Default Extension="html" ContentType="text/html"/>')
    page = b"<html><body>" + b"<span></span>" * 20_000 + b"<p>Repeated block.</p></body></html>"
    made = _package("word/document.xml", '<w:altChunk r:id="c1"/>' * 400, types, _chunk("c1", "page.html"),
                    {"word/page.html": page})
    started = time.perf_counter()
    assert extract(made).paragraphs == ("Repeated block.",) * 400
    assert time.perf_counter() - started < 20
