"""The hostile-input cases of issue 6, as data: each a change to a fresh copy of the shipped workspace and the
located message it must get. Used by tests/test_hostile.py and by the error catalogue test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.helpers import edit, model, save_model

Mutation = Callable[[Path], None]


def _write(rel: str, content: str | bytes) -> Mutation:
    def apply(ws: Path) -> None:
        path = ws / rel
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return apply


def _model(change: Callable[[dict], None]) -> Mutation:  # type: ignore[type-arg]
    def apply(ws: Path) -> None:
        data = model(ws)
        change(data)
        save_model(ws, data)
    return apply


def _text(old: str, new: str, rel: str = "seeds/summary.yaml") -> Mutation:
    return lambda ws: edit(ws / rel, old, new)


def _set(path: str, value: object) -> Mutation:
    """Set a dotted path (`judgments.0.statement`) in the model."""
    def change(data: dict) -> None:  # type: ignore[type-arg]
        *parents, last = path.split(".")
        node = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value
    return _model(change)


def _catalogue(field: str, value: object, index: int = 0) -> Mutation:
    def apply(ws: Path) -> None:
        import yaml
        path = ws / "seeds/sources.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["sources"][index][field] = value
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return apply


def _seed_file(rel_name: str, content: bytes | None) -> Mutation:
    """Point the first source at a new seed file with `content` (None: leave the file absent)."""
    def apply(ws: Path) -> None:
        if content is not None:
            (ws / "seeds" / rel_name).write_bytes(content)
        _catalogue("file", rel_name)(ws)
    return apply


def _hard_link_to_model(ws: Path) -> None:
    """The first source's seed is the model itself under another name (a hard link)."""
    (ws / "seeds/model.txt").hardlink_to(ws / "seeds/summary.yaml")
    _catalogue("file", "model.txt")(ws)


def _linked_from_outside(name: str) -> Mutation:
    """seeds/<name> a symbolic link to a copy of itself outside the workspace."""
    def apply(ws: Path) -> None:
        outside = ws.parent / f"outside-{name}"
        (ws / "seeds" / name).rename(outside)
        (ws / "seeds" / name).symlink_to(outside)
    return apply


def _both(*mutations: Mutation) -> Mutation:
    def apply(ws: Path) -> None:
        for mutation in mutations:
            mutation(ws)
    return apply


def _profile(text: str, name: str = "executive") -> Mutation:
    return _write(f"templates/{name}.yaml", text)


def _template(text: str) -> Mutation:
    def apply(ws: Path) -> None:
        (ws / "templates/executive.xml.j2").write_text(text, encoding="utf-8")
    return apply


def _huge(rel: str, size: int) -> Mutation:
    return lambda ws: (ws / rel).write_bytes(b"#" * size)


def _many_gaps(count: int) -> Mutation:
    """Replace the gaps with `count` small valid ones (written as flow mappings: quick to generate)."""
    def apply(ws: Path) -> None:
        path = ws / "seeds/summary.yaml"
        head = path.read_text(encoding="utf-8").split("\ngaps:")[0]
        path.write_text(head + "\ngaps:\n" + "".join(f"  - {{id: g{i}, statement: gap {i}}}\n" for i in range(count)),
                        encoding="utf-8")
    return apply


def _block(body: str) -> Mutation:
    """The executive template with its BLUF block replaced by `body` (on line 3 of the file)."""
    return _template('{% extends "base.xml.j2" %}\n{% block bluf %}\n' + body + "\n{% endblock %}\n")


EXEC = "template: executive.xml.j2\nmax_pages: 1\nsections: [bluf, judgments, figures, quotes]\n"
LONG_WORD = "x" * 5000

CASES: dict[str, tuple[Mutation, str]] = {
    "empty model": (_write("seeds/summary.yaml", ""), "seeds/summary.yaml:1:1: file is empty"),
    "empty catalogue": (_write("seeds/sources.yaml", ""), "seeds/sources.yaml:1:1: file is empty"),
    "binary yaml": (_write("seeds/summary.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"), "not valid UTF-8"),
    "list at top": (_write("seeds/summary.yaml", "- a\n- b\n"), "must hold a mapping of keys, not a list"),
    "scalar at top": (_write("seeds/summary.yaml", "just words\n"), "must hold a mapping of keys, not a piece of text"),
    "tab indent": (_write("seeds/summary.yaml", "brief:\n\ttitle: x\n"), "indent with spaces, not tabs"),
    "alias bomb": (_write("seeds/summary.yaml", "a: &a [1, 1]\nb: &b [*a, *a]\nc: [*b, *b]\n"),
                   "anchors and aliases are not supported"),
    "python tag": (_write("seeds/summary.yaml", "brief: !!python/object/apply:os.system [ls]\n"), "is not allowed"),
    "duplicate key": (_text("judgments:", "judgments: []\njudgments:"), "duplicate key 'judgments'"),
    "misspelt key": (_text("    confidence:", "    confidance:"), "did you mean 'confidence'?"),
    "unknown top key": (_text("judgments:", "judgements: []\njudgments:"), "did you mean 'judgments'?"),
    "wrong type priority": (_set("judgments.0.priority", "first"), "judgments[0].priority"),
    "wrong type evidence": (_set("judgments.0.evidence", "a passage"), "judgments[0].evidence"),
    "bad confidence": (_set("judgments.0.confidence", "certain"), "should be 'low', 'moderate' or 'high'"),
    "bad likelihood": (_set("judgments.0.likelihood", "probably"), "judgments[0].likelihood"),
    "duplicate id": (_model(lambda d: d["quotes"].__setitem__(0, {**d["quotes"][0], "id": d["judgments"][0]["id"]})),
                     "duplicate id"),
    "impossible date": (_set("brief.as_of", "2025-02-30"), "is not a real date"),
    "partial as_of": (_set("brief.as_of", "2025-13"), "must be a full date"),
    "empty evidence": (_set("judgments.0.evidence", []), "at least 1 item"),
    "empty passage": (_set("judgments.0.evidence.0.passage", ""), "judgments[0].evidence[0].passage"),
    "one-word passage": (_set("judgments.0.evidence.0.passage", "zebra"), "a passage of one word ('zebra')"),
    "unknown word pair": (_set("judgments.0.evidence.0.passage", "zebra crossing"), "passage not found"),
    "blank statement": (_set("judgments.0.statement", "   "), "must not be blank"),
    "control character": (_set("judgments.0.statement", "Bad \x07 bell"), "control character U+0007"),
    "unknown source": (_set("judgments.0.evidence.0.source", "nowhere"), "unknown source 'nowhere'"),
    "bad id characters": (_set("judgments.0.id", "has space"), "ids are letters, digits"),
    "missing seed": (_seed_file("gone.txt", None), "seed file not found"),
    "binary seed": (_seed_file("bin.txt", b"\x00\x01\x02binary"), "binary file"),
    "non-utf8 seed": (_seed_file("latin.txt", "café résumé".encode("latin-1")), "not valid UTF-8"),
    "windows-1252 seed": (_seed_file("smart.txt", "The minister said \u201ca top priority\u201d in 2025 and again "
                                                  "later on.".encode("cp1252")), "it looks like windows-1252 text"),
    "huge seed": (_seed_file("huge.txt", b"a" * (5 * 1024 * 1024 + 1)), "larger than 5 MB"),
    "directory seed": (lambda ws: ((ws / "seeds/dir.txt").mkdir(), _catalogue("file", "dir.txt")(ws)),
                       "is a directory"),
    "the model as a seed": (_catalogue("file", "summary.yaml"),
                            "seeds/sources.yaml:4:9: sources[0].file: summary.yaml: seed path is the model or "
                            "the catalogue itself, not a document"),
    "the catalogue as a seed": (_catalogue("file", "./sources.yaml"), "is the model or the catalogue itself"),
    "a seed hard-linked to the model": (_hard_link_to_model, "model.txt: seed path is the model or the catalogue"),
    "the model linked from outside": (_linked_from_outside("summary.yaml"),
                                      "seeds/summary.yaml: seeds/summary.yaml is a symbolic link that leaves seeds/"),
    "the catalogue linked from outside": (_linked_from_outside("sources.yaml"),
                                          "seeds/sources.yaml: seeds/sources.yaml is a symbolic link that leaves"),
    "NUL in a seed's file name": (_catalogue("file", "a\0.txt"),
                                  "sources[0].file: the file name contains the control character U+0000"),
    "NUL in the logo's file name": (_profile(EXEC + 'look: {logo: "a\\0.png"}\n'),
                                    "look.logo: the file name contains the control character U+0000"),
    "NUL in a font's file name": (_profile(EXEC + 'look: {fonts: {body: "a\\0.ttf"}}\n'),
                                  "look.fonts.body: the file name contains the control character U+0000"),
    "NUL in a brand's logo": (_both(_write("templates/_brand.yml", 'logo: "a\\0.png"\n'),
                                    _profile(EXEC + "look: {brand: _brand.yml}\n")),
                              "logo: the file name contains the control character U+0000"),
    "a catalogued link loop": (_both(lambda ws: (ws / "seeds/loop.txt").symlink_to("loop.txt"),
                                     _catalogue("file", "loop.txt")),
                               "seeds/sources.yaml:4:9: sources[0].file: loop.txt: cannot read the seed: too many "
                               "levels of symbolic links"),
    "an item for an audience there is none of": (
        _text("  - id: kj-ai-top-priority\n", "  - id: kj-ai-top-priority\n    audiences: [Executive]\n"),
        "judgments[0].audiences[0]: kj-ai-top-priority: no audience 'Executive'"),
    "escaping seed path": (_catalogue("file", "../../etc/passwd"), "leaves the seeds/ folder"),
    "ftp link": (_catalogue("url", "ftp://example.org/x"), "is not an http, https or mailto link"),
    "javascript link": (_catalogue("url", "javascript:alert(1)"), "is not an http, https or mailto link"),
    "catalogue misspelt key": (_catalogue("originater", "X"), "did you mean 'originator'?"),
    "profile unknown key": (_profile(EXEC + "max_page: 1\n"), "did you mean 'max_pages'?"),
    "profile wrong type": (_profile(EXEC.replace("max_pages: 1", "max_pages: one")), "max_pages"),
    "profile missing template": (_profile(EXEC.replace("executive.xml.j2", "nowhere.xml.j2")),
                                 "template 'nowhere.xml.j2' not found"),
    "profile short colour": (_profile(EXEC + 'look: {accent: "#FFF"}\n'),
                             "hint: a colour is written #RRGGBB, six hexadecimal digits"),
    "profile bad colour": (_profile(EXEC + "look: {accent: red}\n"), "look.accent"),
    "template syntax error": (_template('{% extends "base.xml.j2" %}{% block bluf %}{% if %}{% endblock %}'),
                              "templates/executive.xml.j2:1: template syntax error"),
    "template reaches internals": (_template("<brief><p>{{ cite.__class__.__mro__[1].__subclasses__() }}</p></brief>"),
                                   "templates run in a sandbox"),
    "template reads the cite function's state": (
        _template("<brief><p>{{ cite.checked.loaded.summary.gaps }}</p></brief>"),
        "templates/executive.xml.j2:1: template error: access to attribute 'checked' of 'CiteRegistry' object "
        "is unsafe"),
    "template subscripts the cite function's state": (
        _template("<brief><p>{{ cite['checked'] }}</p></brief>"), "templates run in a sandbox"),
    "template reads a file through the cite function": (
        _template("<brief><p>{{ (cite|attr('checked')).ws.root.joinpath('/etc/hostname').read_text() }}</p></brief>"),
        "templates run in a sandbox"),
    "template undefined name": (_template("<brief><p>{{ nosuch.value }}</p></brief>"), "template error"),
    "template bad markup": (_template("<brief><p>unclosed</brief>"), "malformed markup"),
    "template unknown element": (_template("<brief><script>x</script></brief>"), "unknown block element <script>"),
    "template bad link": (_template('<brief><p><a href="javascript:x">x</a></p></brief>'),
                          "is not http, https or mailto"),
    "template doctype": (_template('<!DOCTYPE x [<!ENTITY a "b">]><brief/>'), "not allowed in brief markup"),
    "model over 50 MB": (_huge("seeds/summary.yaml", 50 * 1024 * 1024 + 1),
                         "seeds/summary.yaml: file is larger than 50 MB"),
    "catalogue over 50 MB": (_huge("seeds/sources.yaml", 50 * 1024 * 1024 + 1),
                             "seeds/sources.yaml: file is larger than 50 MB"),
    "too many items": (_many_gaps(10_001), "gaps: List should have at most 10000 items"),
    "text over 20,000 characters": (_set("judgments.0.statement", "word " * 4001),
                                    "at most 20000 characters"),
    "template repeats a string 500 million times": (
        _block("<p>{{ 'x' * 500000000 }}</p>"),
        "templates/executive.xml.j2:3: the result of `*` would exceed 20,000,000 characters"),
    "template wraps a string into billions of characters": (
        _block("<p>{{ ('ab' * 30000)|wordwrap(1, wrapstring='y' * 50000)|length }}</p>"),
        "templates/executive.xml.j2:3: the `wordwrap` filter would exceed 20,000,000 characters"),
    "template pads a batch to a billion items": (
        _block("<p>{{ [1]|batch(10 ** 9, 'x')|list|length }}</p>"),
        "templates/executive.xml.j2:3: the `batch` filter would exceed 20,000,000 characters"),
    "template cites what is not an item": (
        _block("<p>{{ cite({}) }}</p>"),
        "templates/executive.xml.j2:3: template error: cite() takes an item, an item's id or a list of items"),
    "template computes a huge power": (_block("<p>{{ 10 ** (10 ** 10) }}</p>"),
                                       "templates/executive.xml.j2:3: `10 ** 10000000000` is too large a number"),
    "template pads to 900 million characters": (
        _block("<p>{{ brief.title|center(900000000) }}</p>"), "the `center` filter would exceed"),
    "template doubles a string forever": (
        _block("{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"),
        "templates/executive.xml.j2:3: a `~` concatenation would exceed 20,000,000 characters"),
    "template sums lists": (_block("<p>{{ [[0] * 1000] * 100000 | sum(start=[]) }}</p>"), "adds numbers only"),
    "template divides by zero": (_block("<p>{{ 1 / 0 }}</p>"),
                                 "templates/executive.xml.j2:3: template error: division by zero"),
    "template recurses forever": (_template("{% macro f() %}{{ f() }}{% endmacro %}<brief>{{ f() }}</brief>"),
                                  "template error: it calls itself with no end (recursion)"),
    "model too large for one page": (
        _model(lambda d: d["brief"].__setitem__("bluf", " ".join(["An overlong bottom line."] * 700))),
        "the executive brief cannot fit max_pages 1"),
}
