"""The vocabulary of RTF as rtftext.py reads it: its tokens, the destinations whose text is not shown or is read
elsewhere, the control words that end a paragraph or stand for a character, and the document code pages."""

from __future__ import annotations

import re

TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+|[^\\{}\r\n]+",
                   re.S)
# Destinations whose text is not shown (the others are read; one marked \* not named in READ is skipped too)
SKIPPED = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "headerl", "headerr", "headerf", "footer",
    "footerl", "footerr", "footerf", "xe", "tc", "txe", "rxe", "bkmkstart", "bkmkend", "pn",
    "listtable", "listoverridetable", "revtbl", "rsidtbl", "generator", "filetbl", "pgdsctbl", "nonshppict", "sp",
    "shprslt", "template", "annotation", "atnid", "atnauthor", "ftnsep", "ftnsepc", "aftnsep", "aftnsepc",
    "userprops", "docvar", "latentstyles", "themedata", "colorschememapping", "datastore", "xmlnstbl", "objdata",
    "objclass", "objname", "formfield", "datafield", "upr", "fldtype", "comment", "author", "operator", "title",
    "subject", "keywords", "doccomm", "hlinkbase", "mmathPr", "listpicture", "background", "private", "macpict",
    "wmetafile", "picprop", "blipuid", "themecolor", "panose", "falt", "defchp", "defpap", "wgrffmtfilter"})
READ = frozenset({"shpinst", "fldinst", "fldrslt", "shptxt", "listtext", "pntext", "footnote", "field", "shp",
                  "result"})
BREAKS = frozenset({"par", "cell", "row", "nestcell", "nestrow", "sect"})
CHARACTERS = {"tab": " ", "line": "\n", "page": "\n", "column": "\n", "emdash": "\u2014", "endash": "\u2013",
              "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005", "bullet": "\u2022", "lquote": "\u2018",
              "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d", "zwj": "\u200d",
              "zwnj": "\u200c", "ltrmark": "\u200e", "rtlmark": "\u200f", "~": "\u00a0", "_": "-", "-": "",
              "\\": "\\", "{": "{", "}": "}"}
DOCUMENT_PAGES = {"ansi": 1252, "mac": 10000, "pc": 437, "pca": 850}
# A ruby as an EQ field's code draws it: its reading over its base text ("\\o\\ad(\\s\\up 9(かんじ),漢字)")
RUBY = re.compile(r"\\o\\a[a-z]?\s*\(\s*\\s\\up\s*-?\d+\s*\((?P<ruby>[^()]*)\)\s*,(?P<base>[^()]*)\)")
