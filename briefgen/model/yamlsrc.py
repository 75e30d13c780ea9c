"""Safe YAML loading that remembers the line and column of every key and value.

The data is built from libyaml's events by briefgen itself (model/yamlevents.py), so that no tag can construct
an object, aliases (and with them alias bombs) are refused, duplicate keys are caught, and dates stay the
strings the user wrote. Every error is placed on the line and column an editor shows (yamlpos.Lines).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefgen.atomic import cache_put
from briefgen.errors import BriefgenError, Problem
from briefgen.forking import collect, fork, stop, workers_for
from briefgen.model.yamlevents import MAX_DEPTH, Marks, build, dotted
from briefgen.model.yamlevents import Key as Key  # the path type every reader of a Located uses
from briefgen.model.yamlevents import Loader as _Loader
from briefgen.model.yamlopen import opener
from briefgen.model.yamlpos import YAML_ONLY_BREAKS, Lines, Positions
from briefgen.safeio import FileTooLarge, os_problem, read_regular, wide_encoding
from briefgen.statefile import DamagedState, load_state

MAX_YAML_BYTES = 50 * 1024 * 1024


@dataclass
class Located:
    """Parsed data plus where each key path came from (1-based line and column).

    Data read from the cache has no positions yet: `where` reads the text's events as far as the path a
    problem needs locating (yamlpos), so the fast path never pays for positions it does not print."""

    data: Any
    file: str
    values: dict[Key, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Key, tuple[int, int]] = field(default_factory=dict)
    text: str | None = field(default=None, repr=False)  # set while positions are still to be found
    positions: Positions | None = field(default=None, repr=False)  # found as far as problems have asked
    # The file's text is ASCII and escapes nothing (no backslash): every key and string parsed from it is ASCII
    plain: bool = field(default=False, repr=False)

    def where(self, path: Key, *, key: bool = False) -> tuple[int | None, int | None]:
        """The closest known position for a path, walking up to a parent when needed."""
        if not self.values and self.text is not None:
            self.positions = Positions(self.text, _Loader)
            self.values, self.keys, self.text = self.positions.values, self.positions.keys, None
        if self.positions is not None:
            self.positions.read_to(path)
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            hit = table.get(path[:end]) or self.values.get(path[:end])
            if hit:
                return hit
        return None, None

    def problem(self, path: Key, message: str, hint: str = "", *, key: bool = False,
                severity: str = "error", item: str = "", code: str = "") -> Problem:
        line, col = self.where(path, key=key)
        return Problem(self.file, message, line, col, dotted(path), hint, severity, item,  # type: ignore[arg-type]
                       code)


def _not_found(path: Path, display: str) -> Problem:
    """A YAML file that is not there: a link to nothing is said to be one (the file seems there in a listing)."""
    if os.path.islink(path):
        return Problem(display, f"a symbolic link to {os.readlink(path)!r}, which does not exist",
                       hint="remove the link, or put the file it should lead to in its place")
    return Problem(display, "file not found", hint="run `briefgen init` to scaffold a workspace")


def decoded(raw: bytes, display: str) -> str:
    """The text of a YAML file's bytes (a UTF-8 byte-order mark dropped); a located error when it is not UTF-8."""
    if (wide := wide_encoding(raw)) is not None:
        raise BriefgenError(Problem(display, f"the file is {wide} text, not UTF-8", 1, hint=(
            f"save it as UTF-8 (in an editor: Save As, encoding UTF-8; or iconv -f {wide} -t UTF-8 old.yaml > "
            "new.yaml)")))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BriefgenError(Problem(display, "not valid UTF-8 text", line,
                                    hint="save the file as UTF-8")) from None


def load(path: Path, display: str, cache: Path | None = None) -> Located:
    """Parse one YAML file; raise BriefgenError with file:line:col for anything unreadable.

    With a `cache` folder, data parsed before from identical bytes is reused (libyaml needs ~0.6 s/MB)."""
    try:
        raw = read_regular(path, MAX_YAML_BYTES)  # never more than the limit in memory
    except FileNotFoundError:
        raise BriefgenError(_not_found(path, display)) from None
    except FileTooLarge:
        raise BriefgenError(Problem(display, f"file is larger than {MAX_YAML_BYTES // 1048576} MB", hint=(
            "the model and catalogue hold short texts and passages, not documents: keep documents in seed "
            "files, or split the topic into several workspaces"))) from None
    except OSError as exc:
        raise BriefgenError(os_problem(exc, display)) from None
    text = decoded(raw, display)
    if len(raw) <= SMALL_YAML_BYTES:
        located = _recent_parse(raw, text, display)
    else:
        located = parse(text, display) if cache is None else _cached_parse(raw, text, display, cache)
    located.plain = text.isascii() and "\\" not in text  # YAML writes other characters only as escapes
    return located


SMALL_YAML_BYTES = 64 * 1024  # a file this small parses faster than its cache entry is read from disk
_RECENT: dict[str, bytes] = {}  # small files' data (marshal) by content hash, the latest last
_RECENT_KEPT = 32


def _recent_parse(raw: bytes, text: str, display: str) -> Located:
    """A small file's data as parsed before in this process from the same bytes (a watch reads the same model
    and profiles on every rebuild), else parsed now; positions found on demand, as from the cache."""
    digest = hashlib.sha256(raw).hexdigest()
    kept = _RECENT.pop(digest, None)
    if kept is None:
        kept = marshal.dumps(parse(text, display, positions=False).data)
        while len(_RECENT) >= _RECENT_KEPT:
            del _RECENT[next(iter(_RECENT))]
    _RECENT[digest] = kept
    return Located(marshal.loads(kept), display, text=text)


def _entry(cache: Path, digest: str) -> Path:
    """The cache entry of the data parsed from bytes of this sha256. marshal, not pickle: it holds only plain
    data (dicts, lists, strings, numbers) and runs no code."""
    return cache / f"yaml-{digest}.marshal"


def _cached_parse(raw: bytes, text: str, display: str, cache: Path) -> Located:
    digest = hashlib.sha256(raw).hexdigest()
    entry = _entry(cache, digest)
    with contextlib.suppress(DamagedState):  # a damaged entry: parse again
        data = load_state(entry, MAX_YAML_BYTES * 4, _mapping, kind="marshal", depth=MAX_DEPTH, kinds=_BUILT)
        if data is not None:
            return Located(data, display, text=text)
    if (ahead := _parsed_ahead(digest)) is not None:
        data, dumped = ahead
        located = Located(data, display, text=text)
    else:
        located = parse(text, display, positions=False)
        dumped = marshal.dumps(located.data)
    cache_put(entry, dumped)
    return located


AHEAD_FROM = 1024 * 1024  # bytes of YAML (~5,000 entries of a model): below it a fork saves less than it costs
_AHEAD: dict[str, tuple[int, int]] = {}  # the child parsing bytes of this sha256 (its pid and pipe), if any


@contextlib.contextmanager
def parsing_ahead(paths: Sequence[Path], cache: Path) -> Iterator[None]:
    """While the block runs, a forked child parses the largest of `paths` (from AHEAD_FROM bytes, and when its
    parse is not in `cache`), so that load() of the same bytes takes its data rather than parse them: the
    first check of a large workspace parses its model while it stamps its inputs and parses the catalogue.
    At most one child at a time, on two free cores; whatever it cannot give (an error in the text, a failure
    of any kind, other bytes by then) load() parses itself, as without it. A child not taken is stopped."""
    digest = _ahead(paths, cache) if not _AHEAD and workers_for(2) >= 2 else None
    try:
        yield
    finally:
        if digest is not None and (child := _AHEAD.pop(digest, None)) is not None:
            stop(*child)


def parsed_ahead() -> bool:
    """Whether a child is parsing a file ahead (its answer not taken yet)."""
    return bool(_AHEAD)


def _ahead(paths: Sequence[Path], cache: Path) -> str | None:
    """Fork the child parsing the largest of `paths`; the sha256 of the bytes it parses, None when none."""
    sizes = {path: size for path in paths if AHEAD_FROM <= (size := _size(path)) <= MAX_YAML_BYTES}
    if not sizes:
        return None
    try:
        raw = read_regular(max(sizes, key=sizes.__getitem__), MAX_YAML_BYTES)
        text = decoded(raw, "")
    except (OSError, BriefgenError):  # load() says what is wrong
        return None
    digest = hashlib.sha256(raw).hexdigest()
    if _entry(cache, digest).exists():
        return None
    child = fork(lambda: marshal.dumps(parse(text, "", positions=False).data))
    if child is None:
        return None
    _AHEAD[digest] = child
    return digest


def _size(path: Path) -> int:
    """The size of the regular file at `path` itself (0 for a link, which load() may refuse, or anything else)."""
    try:
        info = os.lstat(path)
    except (OSError, ValueError):
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def _parsed_ahead(digest: str) -> tuple[Any, bytes] | None:
    """The data a child parsed from bytes of this sha256, and as marshal wrote it; None without a child or an
    answer (a text that does not parse ends its child without one)."""
    child = _AHEAD.pop(digest, None)
    sent = collect(*child) if child is not None else None
    try:
        return (marshal.loads(sent), sent) if sent is not None else None
    except (EOFError, ValueError, TypeError):  # an answer cut short
        return None


_BUILT: frozenset[type] = frozenset({dict, list, str, int, float, bool, type(None)})  # all building from YAML gives


def _mapping(data: Any) -> dict[str, Any]:
    """A stored parse of a model, catalogue or profile: a mapping, else a damaged entry."""
    if not isinstance(data, dict):
        raise TypeError("not a mapping")
    return data


def compose(text: str) -> yaml.Node | None:
    """The node tree of `text` with libyaml's own marks (None for a file of comments only); yaml.YAMLError
    when broken, a lone surrogate included (parse() says where an editor shows the error)."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except UnicodeEncodeError as exc:  # libyaml is given UTF-8, and a lone surrogate has none
        raise yaml.reader.ReaderError("<unicode string>", exc.start, ord(text[exc.start]), "utf-8",
                                      "lone surrogates are not allowed") from None


def parse(text: str, display: str, *, positions: bool = True) -> Located:
    """Data and, unless `positions` is False (then found on demand, see Located), where each value stands."""
    located = Located(None, display, text=None if positions else text)
    try:
        located.data = build(text, display, located.problem, Marks(located.values, located.keys) if positions else None)
    except yaml.MarkedYAMLError as exc:
        raise BriefgenError(syntax_problem(Lines(text), display, exc)) from None
    except (yaml.reader.ReaderError, UnicodeEncodeError) as exc:  # libyaml's reader refused a character
        raise BriefgenError(_refused_character(text, display, exc)) from None
    except yaml.YAMLError as exc:
        raise BriefgenError(Problem(display, f"YAML error: {exc}", hint="check the file's YAML against the "
                                    "examples in the README (or `briefgen schema`)")) from None
    return located


def syntax_problem(lines: Lines, display: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error where an editor shows it: where libyaml met it, or where the bracket or quote left
    open that caused it stands (the fix goes there), with what to look for."""
    mark = exc.problem_mark or exc.context_mark
    line, col = lines.place(mark) if mark else (None, None)
    hint = _syntax_hint(lines, line or 0, exc.problem_mark, exc.context_mark)
    opened = opener(lines, exc.context, exc.context_mark, line or 0) if exc.problem_mark else None
    if opened is not None and hint == _PLAIN_HINT:
        line, col, hint = opened
    return Problem(display, f"YAML syntax error: {exc.problem or exc.context}", line, col, hint=hint)


def _syntax_hint(lines: Lines, line: int, *marks: Any) -> str:
    """What to look for on the line a syntax error is reported on: a tab, or a line break only YAML sees just
    before where the error was met or what failed began (libyaml's column there is not the editor's)."""
    if "\t" in lines.line(line):
        return "indent with spaces, not tabs"
    if (half := _SURROGATE_ESCAPE.search(lines.line(line))) is not None:
        return _surrogate_hint(half)
    for mark in marks:
        if mark is None:
            continue
        number, col = lines.place(mark)
        if col == mark.column + 1:  # libyaml met no line break of its own earlier on this line
            continue
        for brk, name in YAML_ONLY_BREAKS.items():
            if brk in lines.line(number):
                return (f"line {number} holds U+{ord(brk):04X} {name}, which YAML reads as a line break (an editor "
                        f'does not): delete it, or write it as the escape "\\u{ord(brk):04X}" inside a double-quoted '
                        "string")
    return _PLAIN_HINT


_PLAIN_HINT = "check the indentation and quoting around this line"


# "\ud83d\ude00": JSON's way to write a character beyond U+FFFF, as two halves, each of which YAML refuses
_SURROGATE_ESCAPE = re.compile(r"\\u([dD][89aAbB][0-9a-fA-F]{2})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?"
                               r"|\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _surrogate_hint(half: re.Match[str]) -> str:
    """For an escape of half a character: the one escape of the whole character, when both halves are there."""
    if half.group(2) is None:
        return (f"{half.group()} is half of a character (a UTF-16 surrogate), which YAML does not allow: write the "
                "character itself, or its escape \\U with eight hexadecimal digits")
    code = 0x10000 + ((int(half.group(1), 16) - 0xD800) << 10) + int(half.group(2), 16) - 0xDC00
    return (f"{half.group()} writes one character as two halves (UTF-16 surrogates, as JSON does), which YAML does "
            f'not allow: write the character itself ({chr(code)}), or the escape "\\U{code:08X}"')


# what YAML's reader refuses (libyaml's and PyYAML's alike): control characters other than tab and line breaks,
# DEL, the C1 controls but NEL, lone surrogates, and the noncharacters U+FFFE and U+FFFF
_REFUSED = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _refused_character(text: str, display: str, exc: Exception) -> Problem:
    """The problem for a character YAML's reader refuses, at the line and column where an editor shows it
    (libyaml says only how many bytes into the text it stands)."""
    found = _REFUSED.search(text)
    if found is None:  # not expected: the reader refuses single characters only
        return Problem(display, f"YAML cannot read the file: {getattr(exc, 'reason', exc)}",
                       hint="save the file as plain UTF-8 text")
    code = ord(found.group())
    line, col = Lines(text).at(found.start())
    if 0xD800 <= code <= 0xDFFF:
        return Problem(display, f"the file holds the lone surrogate U+{code:04X} (half of a character), which YAML "
                       "does not allow", line, col, hint="delete it: it is not text but the damaged remains of one")
    kind = "noncharacter" if code in (0xFFFE, 0xFFFF) else "control character"
    escape = f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"
    return Problem(display, f"the file holds the {kind} U+{code:04X}, which YAML does not allow", line, col,
                   hint=f"delete it (most editors do not show it); if it is really meant, write it as the escape "
                        f'"{escape}" inside a double-quoted string')
