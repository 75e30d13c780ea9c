"""Excel workbooks and PowerPoint decks written by the tests, part by part as Excel and PowerPoint write them
(the package's relationships, the content types, the workbook or presentation and its sheets or slides), for
what LibreOffice does not write: hidden sheets, rows and columns, inline strings, rich text, shared strings,
number formats by their built-in ids, the 1904 date system, hidden slides, layouts' placeholders."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# the fonts, fills, borders and cell style a styles part needs before its cell formats (Excel's defaults)
STYLE_BASE = ('<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill>'
              '<patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>')
CORE = (f'{XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{}</cp:coreProperties>')


def rels(targets: Sequence[tuple[str, str, str]]) -> str:
    """A relationships part: (id, type after the officeDocument relationships' namespace, target)."""
    items = "".join(f'<Relationship Id="{ident}" Type="{REL}{kind}" Target="{target}"/>'
                    for ident, kind, target in targets)
    return f'{XML}<Relationships xmlns="{PKG}">{items}</Relationships>'


def package(parts: dict[str, str | bytes], main: str, main_type: str, core: str = "") -> bytes:
    """A zip of `parts`, with [Content_Types].xml, the package's relationships to `main` (and to the core
    properties holding `core`, Dublin Core elements, when given)."""
    buffer = io.BytesIO()
    targets = [("rId1", "officeDocument", main)]
    if core:
        targets.append(("rId2", "../package/2006/relationships/metadata/core-properties", "docProps/core.xml"))
        parts = {**parts, "docProps/core.xml": CORE.format(core)}
    types = (f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/{main}" ContentType="{main_type}"/></Types>')
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels(targets).replace(f"{REL}../package/2006/relationships/",
                                                              "http://schemas.openxmlformats.org/package/2006/"
                                                              "relationships/"))
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def sheet_xml(rows: str, before: str = "", after: str = "") -> str:
    """A worksheet part: `before` the sheet data (<cols>), its rows, `after` it (<mergeCells>)."""
    return f'{XML}<worksheet xmlns="{S}" xmlns:r="{R}">{before}<sheetData>{rows}</sheetData>{after}</worksheet>'


def xlsx_bytes(sheets: Sequence[tuple[str, str, str]], shared: Sequence[str] = (),
               formats: dict[int, str] | None = None, styles: Sequence[int] = (), date1904: bool = False,
               core: str = "") -> bytes:
    """A workbook of `sheets` (name, state: "" "hidden" "veryHidden", worksheet XML), `shared` strings (each an
    <si>'s content), number `formats` (id: code) and cell `styles` (each a cell format's numFmtId, s="n" is the
    n-th)."""
    wb_rels = [(f"rId{n + 1}", "worksheet", f"worksheets/sheet{n + 1}.xml") for n in range(len(sheets))]
    wb_rels += [("rIdS", "sharedStrings", "sharedStrings.xml"), ("rIdT", "styles", "styles.xml")]
    listed = "".join(f'<sheet name="{name}" sheetId="{n + 1}" r:id="rId{n + 1}"'
                     + (f' state="{state}"' if state else "") + "/>" for n, (name, state, _) in enumerate(sheets))
    workbook = (f'{XML}<workbook xmlns="{S}" xmlns:r="{R}"><workbookPr'
                + (' date1904="1"' if date1904 else "") + f"/><sheets>{listed}</sheets></workbook>")
    numfmts = "".join(f'<numFmt numFmtId="{ident}" formatCode={quoteattr(code)}/>'
                      for ident, code in (formats or {}).items())
    xfs = "".join(f'<xf numFmtId="{ident}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
                  for ident in (0, *styles))
    parts: dict[str, str | bytes] = {
        "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels(wb_rels),
        "xl/sharedStrings.xml": f'{XML}<sst xmlns="{S}">' + "".join(f"<si>{s}</si>" for s in shared) + "</sst>",
        "xl/styles.xml": f'{XML}<styleSheet xmlns="{S}"><numFmts>{numfmts}</numFmts>{STYLE_BASE}'
                         f"<cellXfs>{xfs}</cellXfs></styleSheet>"}
    for n, (_, _, xml) in enumerate(sheets):
        parts[f"xl/worksheets/sheet{n + 1}.xml"] = xml
    return package(parts, "xl/workbook.xml",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", core)


def shape(text_paragraphs: str, x: int | None, y: int | None, ph: str = "", name: str = "Shape",
          ident: int = 2) -> str:
    """A slide's shape holding `text_paragraphs` (<a:p> elements), at offset (x, y) (none: no a:xfrm, its place
    inherited from its placeholder `ph`, attributes of p:ph such as 'type="title"')."""
    placeholder = f"<p:nvPr><p:ph {ph}/></p:nvPr>" if ph else "<p:nvPr/>"
    xfrm = "" if x is None else f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="3000000" cy="400000"/></a:xfrm>'
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{ident}" name="{name}"/><p:cNvSpPr/>{placeholder}</p:nvSpPr>'
            f"<p:spPr>{xfrm}</p:spPr><p:txBody><a:bodyPr/>{text_paragraphs}</p:txBody></p:sp>")


def slide_xml(shapes: str, root: str = "sld", attributes: str = "") -> str:
    return (f'{XML}<p:{root} xmlns:p="{P}" xmlns:a="{A}" xmlns:r="{R}"{attributes}><p:cSld><p:spTree>'
            f'<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
            f"{shapes}</p:spTree></p:cSld></p:{root}>")


def pptx_bytes(slides: Sequence[tuple[str, str]], layout: str = "", notes: Sequence[str] = (), core: str = "",
               order: Sequence[int] | None = None) -> bytes:
    """A deck of `slides` (p:sld attributes such as ' show="0"', shapes), each on one `layout` (its shapes), in
    the presentation's `order` of the slide parts (default: as given); `notes`: each slide's notes shapes."""
    count = len(slides)
    listed = "".join(f'<p:sldId id="{256 + n}" r:id="rId{n + 1}"/>' for n in (order or range(count)))
    presentation = (f'{XML}<p:presentation xmlns:p="{P}" xmlns:a="{A}" xmlns:r="{R}"><p:sldMasterIdLst/>'
                    f'<p:sldIdLst>{listed}</p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/></p:presentation>')
    parts: dict[str, str | bytes] = {
        "ppt/presentation.xml": presentation,
        "ppt/_rels/presentation.xml.rels": rels([(f"rId{n + 1}", "slide", f"slides/slide{n + 1}.xml")
                                                 for n in range(count)]),
        "ppt/slideLayouts/slideLayout1.xml": slide_xml(layout, "sldLayout")}
    for n, (attributes, shapes) in enumerate(slides):
        parts[f"ppt/slides/slide{n + 1}.xml"] = slide_xml(shapes, attributes=attributes)
        targets = [("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")]
        if n < len(notes):
            targets.append(("rId2", "notesSlide", f"../notesSlides/notesSlide{n + 1}.xml"))
            parts[f"ppt/notesSlides/notesSlide{n + 1}.xml"] = slide_xml(notes[n], "notes")
        parts[f"ppt/slides/_rels/slide{n + 1}.xml.rels"] = rels(targets)
    return package(parts, "ppt/presentation.xml",
                   "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", core)


# The namespaces Excel and PowerPoint name their parts' elements, attributes and relationships in when they save
# as Strict Open XML ("Strict Open XML Spreadsheet"), in place of the usual (transitional) ones
STRICT_NAMES = {S: "http://purl.oclc.org/ooxml/spreadsheetml/main",
                P: "http://purl.oclc.org/ooxml/presentationml/main",
                A: "http://purl.oclc.org/ooxml/drawingml/main",
                R: "http://purl.oclc.org/ooxml/officeDocument/relationships"}


def strict(raw: bytes) -> bytes:
    """The package `raw` (as xlsx_bytes or pptx_bytes make it) as Excel or PowerPoint saves it in Strict Open
    XML: each part's text with the Strict namespaces for the usual ones."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as made:
        for item in source.infolist():
            text = source.read(item.filename).decode("utf-8")
            for usual, renamed in STRICT_NAMES.items():
                text = text.replace(usual, renamed)
            made.writestr(item, text)
    return buffer.getvalue()
