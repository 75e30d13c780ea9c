"""The tables made ahead: dataclass methods and patterns (briefgen/precompiled.py), bundled templates
(render/bytecode.py). Current, exactly what compiling gives, and never used when not made for this Python."""

from __future__ import annotations

import _sre
import dataclasses
import importlib.util
import marshal
import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from briefgen import precompiled
from briefgen.render import bytecode, templating


def test_every_dataclass_of_briefgen_is_in_the_table() -> None:
    """In a fresh process that imports every module: nothing of briefgen's is compiled there. A failure names
    the modules whose classes changed: run `make precompiled`."""
    code = ("from briefgen import precompiled; precompiled.everything(); "
            "print(sorted({m for m in precompiled.missed.values() if m.startswith('briefgen')}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", f"stale table (run `make precompiled`): {done.stdout}"


def test_the_table_is_made_the_same_each_time(tmp_path: Path) -> None:
    """Made twice (each in a process of its own, under whatever string hash the caller has), the table is the
    same bytes, and they are the committed table's: a merge that conflicts in it is mended by making it again."""
    made = []
    for name in ("one.bin", "two.bin"):
        precompiled.write(tmp_path / name)
        made.append((tmp_path / name).read_bytes())
    assert made[0] == made[1]
    assert made[0] == precompiled.TABLE.read_bytes(), "the committed table is not current: run `make precompiled`"


def test_each_entry_is_what_compiling_afresh_gives() -> None:
    """A method's code object is what `compile` makes of its text; a pattern's compiled form makes a pattern
    equal to re's own compile of it (patterns compare their flags, text and engine code)."""
    codes, patterns = precompiled._read(precompiled.TABLE)
    assert len(codes) > 500 and len(patterns) > 100
    for text, code in codes.items():
        assert code == compile(text, "<string>", "exec", dont_inherit=True), text
    for (pattern, flags), compiled in patterns.items():
        assert _sre.compile(pattern, *compiled) == precompiled._compile_pattern(pattern, flags), pattern


def test_a_table_of_another_python_or_damaged_is_not_used(tmp_path: Path) -> None:
    codes = {"x = 1": compile("x = 1", "<string>", "exec", dont_inherit=True)}
    table = zlib.compress(marshal.dumps((codes, {})))
    other = tmp_path / "other.bin"
    other.write_bytes(b"\x00\x00\r\n" + _sre.MAGIC.to_bytes(4, "little") + table)
    assert precompiled._read(other) == ({}, {})
    engine = tmp_path / "engine.bin"  # the same bytecode, another regular-expression engine
    engine.write_bytes(importlib.util.MAGIC_NUMBER + (_sre.MAGIC + 1).to_bytes(4, "little") + table)
    assert precompiled._read(engine) == ({}, {})
    damaged = tmp_path / "damaged.bin"
    damaged.write_bytes(precompiled._HEADER + b"not zlib")
    assert precompiled._read(damaged) == ({}, {})
    assert precompiled._read(tmp_path / "missing.bin") == ({}, {})
    good = tmp_path / "good.bin"
    good.write_bytes(precompiled._HEADER + table)
    assert precompiled._read(good) == (codes, {})


def test_a_pattern_the_table_holds_or_lacks_matches_as_re_compiles_it() -> None:
    assert re._compiler.compile is precompiled._pattern  # type: ignore[attr-defined]
    held = next(iter(precompiled._read(precompiled.TABLE)[1]))
    fresh = "(?P<word>[\u0600-\u06ff]+)-" + str(id(held))  # compiled here, then held for the process
    for pattern, flags in (held, (fresh, re.IGNORECASE)):
        re.purge()
        mine = re.compile(pattern, flags)
        assert mine == precompiled._compile_pattern(pattern, flags)
        assert mine.groupindex == precompiled._compile_pattern(pattern, flags).groupindex
    assert re.compile(fresh, re.IGNORECASE).match("\u0628\u0627-" + str(id(held)))["word"] == "\u0628\u0627"


def test_a_class_made_through_the_table_behaves_as_one_made_without() -> None:
    """Installed in this process: a new class misses and is compiled as dataclasses would: no `from __future__
    import annotations` leaks in from briefgen's modules (it would turn `__init__`'s annotations into the
    names of dataclasses' local variables, "_type_x")."""
    assert dataclasses.exec is precompiled._exec  # type: ignore[attr-defined]

    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0

    point = Point(1)
    assert point == Point(1, 0) and hash(point) == hash(Point(1)) and repr(point).endswith(".Point(x=1, y=0)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    assert Point.__init__.__annotations__["x"] == "int"  # this module's own annotation, a string
    assert any(name == __name__ for name in precompiled.missed.values())


def test_every_bundled_template_is_in_the_template_table_as_jinja_compiles_it() -> None:
    codes, references = bytecode.read_table()
    env = templating.environment(Path(os.devnull))
    for path in sorted(templating.BUNDLED.glob("*.j2")):
        source = path.read_text(encoding="utf-8")
        checksum = bytecode.checksum(source)
        assert (path.name, checksum) in codes, f"stale template table (run `make precompiled`): {path.name}"
        made = codes[(path.name, checksum)]
        assert made == env.compile(source, path.name, str(path))
        assert bytecode.located(made, "/x/y.j2").co_filename == "/x/y.j2"
        assert references[checksum] == templating._parsed_references(env, source)


_BUILD_WITHOUT_TABLES = """
import sys
from briefgen.render import bytecode
bytecode.read_table = lambda: ({}, {})
from briefgen.cli.main import main
sys.argv = ["briefgen", "-C", sys.argv[1], "build"]
main()
"""


def test_briefs_rendered_from_the_template_table_are_the_briefs_compiled_afresh(workspace: Path,
                                                                                tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(workspace, other)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run([sys.executable, "-m", "briefgen", "-C", str(workspace), "build"], check=True, env=env,
                   capture_output=True)
    subprocess.run([sys.executable, "-c", _BUILD_WITHOUT_TABLES, str(other)], check=True, env=env,
                   capture_output=True)
    for brief in sorted((workspace / "output").glob("*.*")):
        if brief.suffix in (".docx", ".pdf"):
            assert brief.read_bytes() == (other / "output" / brief.name).read_bytes(), brief.name


def test_patterns_compiled_in_many_threads_at_once_are_each_their_own() -> None:
    """Each thread records the compiled form of its own pattern, even when another compiles in between."""
    import threading

    found: dict[int, bool] = {}

    def compile_many(n: int) -> None:
        ok = True
        for i in range(40):
            word = f"t{n}x{i}y{id(found)}"
            pattern = re.compile(f"(?:{word})[\\u0590-\\u08ff]{{{n % 5 + 1}}}")
            ok = ok and bool(pattern.fullmatch(word + "\u05d0" * (n % 5 + 1))) and not pattern.fullmatch(word)
        found[n] = ok

    threads = [threading.Thread(target=compile_many, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == {n: True for n in range(8)}
    for (pattern, flags), compiled in list(precompiled._patterns.items()):
        if str(id(found)) in str(pattern):
            assert _sre.compile(pattern, *compiled) == precompiled._compile_pattern(pattern, flags)
