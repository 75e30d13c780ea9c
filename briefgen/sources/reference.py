"""A reference DOCX a profile names (look.reference_docx), checked before use as the logo is (sources/assets.py):
inside templates/, a regular file of modest size, and a zip archive whose parts unpack to a bounded size,
declare no XML document type (the door to entity bombs and external entities), link to nothing outside the
package, fetch nothing through a field, and are what their content types and roots say."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, fromstring, iterparse

from briefgen.document.house import STRICT_WORDML
from briefgen.document.wordvalues import R, W
from briefgen.sources.assets import MB, AssetError, asset_path, read_asset
from briefgen.zips import ZIP_DAMAGE

MAX_REFERENCE_BYTES = 50 * MB
MAX_REFERENCE_UNPACKED = 200 * MB
_XML_SUFFIXES = (".xml", ".rels")

REFERENCE_HINT = ("set look.reference_docx to a .docx file inside templates/ (saved by Word, LibreOffice or "
                  "python-docx); its styles, page setup and letterhead restyle both formats of the brief")


def check_reference(templates: Path, name: str) -> Path:
    """The reference DOCX's path, once it is a bounded zip with no DTD in any XML part (a package without a
    styles part is one Word opens with its built-in defaults: document/house.py WORD_DEFAULTS)."""
    path = asset_path(templates, name, "reference DOCX", REFERENCE_HINT)
    raw = read_asset(path, MAX_REFERENCE_BYTES, f"reference DOCX {name!r}", REFERENCE_HINT)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            _check_parts(archive)
    except ZIP_DAMAGE:
        raise AssetError(f"{name}: not a DOCX file (not a readable zip archive)", REFERENCE_HINT) from None
    return path


def _check_parts(archive: zipfile.ZipFile) -> None:
    names = archive.namelist()
    budget = MAX_REFERENCE_UNPACKED
    defined: dict[str, set[str]] = {}  # per part, the ids of the relationships its .rels part defines
    referring: list[tuple[str, bytes]] = []  # the word/ parts, whose relationship ids are checked at the end
    typed: list[tuple[str, str]] = []  # each part a relationship names, with the relationship's type
    for info in archive.infolist():
        budget -= info.file_size
        if budget < 0:
            raise _bomb()
        with archive.open(info) as member:  # the declared size may lie: count what really comes out
            data = member.read(info.file_size + 1)
        if len(data) > info.file_size:
            raise _bomb()
        if info.filename.endswith(_XML_SUFFIXES) and b"<!DOCTYPE" in data.upper():
            raise AssetError(f"its part {info.filename} declares an XML document type (entities or external "
                             "references, which Word never writes)", _RESAVE)
        if info.filename.endswith(_XML_SUFFIXES) and _too_deep(data):
            raise AssetError(f"its part {info.filename} nests its XML more than {MAX_XML_DEPTH} levels deep "
                             "(Word writes a few dozen; the DOCX writer's parser refuses it)", _RESAVE)
        if info.filename.endswith(".rels"):
            source, ids, targets = _check_links(info.filename, data, set(names))
            defined[source] = ids
            typed += targets
        elif info.filename.startswith("word/") and info.filename.endswith(".xml"):
            _check_fields(info.filename, data)
            referring.append((info.filename, data))
            if info.filename == "word/styles.xml":
                _check_inheritance(data)
    for part, data in referring:
        _check_relationship_ids(part, data, defined.get(part, set()))
    _check_content_types(archive, typed)
    for part, kind in typed:
        if kind in _ROOTS:
            _check_root(part, archive.read(part), kind)


_RESAVE = "re-save the document in Word or LibreOffice"
MAX_XML_DEPTH = 200  # lxml, which python-docx parses with, refuses a document nested 256 deep


def _too_deep(data: bytes) -> bool:
    """Whether an XML part nests elements deeper than MAX_XML_DEPTH (a malformed part is not judged here)."""
    depth = 0
    try:
        for event, _ in iterparse(io.BytesIO(data), events=("start", "end")):
            depth += 1 if event == "start" else -1
            if depth > MAX_XML_DEPTH:
                return True
    except ParseError:
        return False
    return False
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def part_name(folder: str, target: str) -> str:
    """The package part a relationship's internal target names, from the folder of the part the relationship
    belongs to (a target starting with / names a part from the package's root)."""
    return posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))


def _check_links(rels: str, data: bytes, names: set[str]) -> tuple[str, set[str], list[tuple[str, str]]]:
    """Every part a relationship part names is in the package (python-docx loads each one), and a letterhead
    links no picture from outside it (the published brief would fetch it whenever it is opened). The part the
    relationships belong to, their ids, and each part inside the package they name with the relationship's
    type."""
    folder = posixpath.dirname(posixpath.dirname(rels))  # word/_rels/header1.xml.rels -> word
    source = posixpath.join(folder, posixpath.basename(rels)[:-len(".rels")])
    try:
        links = list(fromstring(data).iter(_REL))
    except ParseError:
        raise AssetError(f"its part {rels} is not well-formed XML", _RESAVE) from None
    targets: list[tuple[str, str]] = []
    for link in links:
        missing = next((key for key in ("Id", "Type", "Target") if not link.get(key)), None)
        if missing:
            raise AssetError(f"its part {rels} has a relationship without its {missing}", _RESAVE)
        target = link.get("Target", "")
        if link.get("TargetMode") == "External":
            if posixpath.basename(source).startswith(("header", "footer")) and link.get("Type") != _HYPERLINK:
                raise AssetError(f"its letterhead ({source}) links a picture or object from outside the document: "
                                 f"{target[:80]}", "in Word, insert the picture into the header or footer itself "
                                 "(Insert > Pictures), not as a link to a file or web address")
            continue
        part = part_name(folder, target)
        if part not in names:
            raise AssetError(f"its part {source} links to {target[:80]!r}, which is not in the document", _RESAVE)
        targets.append((part, link.get("Type", "")))
    return source, {link.get("Id", "") for link in links}, targets


_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# The parts python-docx reads as XML of their kind, by relationship type: each must be declared in
# [Content_Types].xml as that kind, or python-docx loads it as bytes and fails where it reads it
_CONTENT_TYPES = {
    **{f"{_OFFICE}{kind}": f"{_WML}{kind}+xml" for kind in ("styles", "numbering", "header", "footer", "settings",
                                                            "comments")},
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties":
        "application/vnd.openxmlformats-package.core-properties+xml",
}
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


_CORE = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
# The root element each part python-docx reads must have: with another, python-docx reads it as plain XML, without
# the methods the DOCX writer calls on it (and a document's main part holds a w:body, from which its page setup,
# headers and footers hang)
_ROOTS = {
    f"{_OFFICE}officeDocument": ("w:document", "document"), f"{_OFFICE}styles": ("w:styles", "styles"),
    f"{_OFFICE}numbering": ("w:numbering", "numbering"), f"{_OFFICE}header": ("w:hdr", "hdr"),
    f"{_OFFICE}footer": ("w:ftr", "ftr"), f"{_OFFICE}settings": ("w:settings", "settings"),
    f"{_OFFICE}comments": ("w:comments", "comments"),
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties":
        ("cp:coreProperties", "coreProperties"),
}


def _check_root(part: str, data: bytes, kind: str) -> None:
    """The part's root element is the one its relationship's kind has (a document's holding a w:body), and
    a numbering part numbers its lists with whole numbers, as Word writes them."""
    try:
        root = fromstring(data)
    except ParseError:
        return  # opening the document says so
    shown, local = _ROOTS[kind]
    namespace = _CORE if shown.startswith("cp:") else W
    if root.tag.startswith(f"{{{STRICT_WORDML}}}"):
        return  # Strict Open XML: the reference's check names it and says how to save it (render/assets.py)
    if root.tag != f"{namespace}{local}":
        raise AssetError(f"its part {part} is not a Word {local} part: its root element is {_shown_tag(root.tag)}, "
                         f"not {shown}", _RESAVE)
    if local == "document" and root.find(f"{W}body") is None:
        raise AssetError(f"its main part {part} is not a Word document with a body (w:document, w:body)", _RESAVE)
    if local == "numbering":
        for tag, attribute in (("abstractNum", "abstractNumId"), ("num", "numId")):
            for element in root.iterfind(f"{W}{tag}"):
                value = element.get(f"{W}{attribute}", "")
                if not value.isascii() or not value.isdigit():
                    raise AssetError(f"its part {part} numbers a list w:{attribute}={value[:20]!r}, not a whole "
                                     "number", _RESAVE)


def _shown_tag(tag: str) -> str:
    """An element's tag as a document writes it (w:hdr), its namespace shortened to the usual prefix."""
    prefixes = {W: "w:", _CORE: "cp:"}
    namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    return f"{prefixes.get('{' + namespace + '}', '')}{local}"[:60]


def _check_content_types(archive: zipfile.ZipFile, typed: list[tuple[str, str]]) -> None:
    """Each styles, numbering, header, footer, settings, comments and core-properties part is declared in
    [Content_Types].xml as what its relationship says it is (a part declared as anything else reads as bytes)."""
    try:
        root = fromstring(archive.read("[Content_Types].xml"))
    except (KeyError, ParseError):
        return  # opening the document says the main part is not declared a Word document
    if root.tag != f"{_TYPES}Types":
        raise AssetError("its part [Content_Types].xml is not a list of content types (its root element is not "
                         "Types)", _RESAVE)
    defaults = {el.get("Extension", "").lower(): el.get("ContentType") for el in root.iter(f"{_TYPES}Default")}
    overrides = {el.get("PartName", "").lower(): el.get("ContentType") for el in root.iter(f"{_TYPES}Override")}
    for part, kind in typed:
        expected = _CONTENT_TYPES.get(kind)
        declared = overrides.get(f"/{part}".lower(), defaults.get(posixpath.splitext(part)[1][1:].lower()))
        if expected is not None and declared != expected:
            raise AssetError(f"its part {part} is declared in [Content_Types].xml as {str(declared)[:60]!r}, not as "
                             f"the {kind.rsplit('/', 1)[-1]} part its relationship names", _RESAVE)




def _check_relationship_ids(part: str, data: bytes, ids: set[str]) -> None:
    """Every relationship id the part uses (a header or footer reference, a picture, a link: the r: attributes)
    is one its relationships define: python-docx looks each up when it loads the part, and Word calls a document
    with one missing unreadable."""
    try:
        root = fromstring(data)
    except ParseError:
        return  # damaged: opening the document says so
    for el in root.iter():
        for key, value in el.attrib.items():
            if key.startswith(R) and value and value not in ids:
                raise AssetError(f"its part {part} refers to the relationship {value[:40]!r}, which its "
                                 "relationships do not define", _RESAVE)


# Fields that read a file or address, or run a program, each time the document's fields are updated
_FETCHING = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|IMPORT|DDE|DDEAUTO)\b", re.IGNORECASE)


def _check_fields(part: str, data: bytes) -> None:
    """No field of the reference fetches a file or address, or runs a program, when a reader's word processor
    updates fields: its letterhead and styles reach every published brief."""
    try:
        root = fromstring(data)
    except ParseError:
        return  # damaged: opening the document says so
    codes = [el.get(f"{W}instr", "") for el in root.iter(f"{W}fldSimple")]
    for code in codes + _instructions(root):
        found = _FETCHING.match(code)
        if found:
            raise AssetError(f"its part {part} holds the field {found.group(1).upper()}, which fetches a file or "
                             "address (or runs a program) when fields are updated", "delete the field (in Word: "
                             "select it, Shift+F9 shows its code) or insert the picture or text itself")


def _instructions(root: Element) -> list[str]:
    """Each complex field's code (the instrText runs between its begin and its separate or end character), a
    field nested in another's code counted on its own and in the outer code's place."""
    found: list[str] = []
    open_fields: list[list[str] | None] = []  # per field begun and not ended: its code so far, None once read
    for el in root.iter():
        if el.tag == f"{W}fldChar":
            kind = el.get(f"{W}fldCharType")
            if kind == "begin":
                open_fields.append([])
            elif open_fields:
                code = open_fields[-1]
                if code is not None:
                    found.append("".join(code))
                    open_fields[-1] = None
                if kind == "end":
                    open_fields.pop()
        elif el.tag == f"{W}instrText" and open_fields and (code := open_fields[-1]) is not None:
            code.append(el.text or "")
    return found


def _check_inheritance(data: bytes) -> None:
    """No style is based on itself through a chain of others (LibreOffice hangs on such a document)."""
    try:
        root = fromstring(data)
    except ParseError:
        return
    based = {style.get(f"{W}styleId", ""): parent.get(f"{W}val", "")
             for style in root.iter(f"{W}style") if (parent := style.find(f"{W}basedOn")) is not None}
    for start in based:
        chain, current = [start], based[start]
        while current in based and current not in chain:
            chain.append(current)
            current = based[current]
        if current in chain:
            loop = " → ".join([*chain[chain.index(current):], current])
            raise AssetError(f"its styles are based on each other in a loop: {loop}",
                             "in Word, set one of these styles' 'Style based on' to Normal or (no style)")


def _bomb() -> AssetError:
    return AssetError(f"the DOCX unpacks to more than {MAX_REFERENCE_UNPACKED // MB} MB (a zip bomb?)",
                      "use a reference document of ordinary size: its styles are all briefgen takes")
