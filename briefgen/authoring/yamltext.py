"""YAML that briefgen writes for the analyst (catalogue entries, suggestions, the skeleton model): scalars that
load back as exactly the text meant, and comments that always load, whatever the text holds."""

from __future__ import annotations

import re

from briefgen.text import shown

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*\Z")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "nan", "inf"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar on one line.

    Backslashes and quotes are escaped, and so is every character YAML cannot hold as it is (controls, DEL,
    the C1 controls, U+FFFE, U+FFFF), would read as a line break (line feed, carriage return, U+0085, U+2028,
    U+2029) or a terminal would act on (`text.shown`). A lone surrogate, which neither a UTF-8 file nor a
    YAML escape can hold, is written as U+FFFD."""
    body = _SURROGATE.sub("\ufffd", text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + shown(body, line_feeds=False) + '"'


def scalar(value: str) -> str:
    """Ids and file names as they are; anything else double-quoted."""
    if _PLAIN.match(value) and value.lower() not in _RESERVED:
        return value
    return quoted(value)


def comment(text: str) -> str:
    """`text` as the body of one YAML comment line: its line breaks and controls escaped, so the file loads."""
    return shown(text, line_feeds=False)
