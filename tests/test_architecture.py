"""The package's shape: a folder is a pipeline stage, and imports run one way, from the command line down.

Read with `ast`, so imports inside functions count as much as those at the top of a module."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"

# the core modules every stage may use; `templates` is the package of bundled template files
CORE = {"errors", "workspace", "atomic", "locking", "safeio", "statefile", "text", "environment", "collector",
        "templates", "zips", "precompiled", "forking", "streamloss"}
# Each stage may import the stages listed for it (and the core modules); nothing else.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "document": set(),
    "writers": {"document"},
    "model": set(),
    "sources": {"model", "document"},  # the document's shared facts: hints, typefaces
    "verify": {"model", "sources", "document"},  # which characters the bundled typefaces can draw
    "render": {"model", "sources", "verify", "document"},
    "regen": {"model", "sources", "verify", "render", "document", "writers"},
    "authoring": {"model", "sources", "verify", "render", "regen", "document"},  # scripts, for word counts
    "cli": {"model", "sources", "verify", "render", "document", "writers", "regen", "authoring"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _stage(module: str) -> str:
    parts = module.split(".")
    if parts[1:2] == ["__main__"]:
        return "cli"
    if len(parts) == 1 or parts[1] in CORE:
        return "core"
    return parts[1]


def _imports(path: Path, typing_only: bool = True) -> set[str]:
    """The briefgen modules `path` imports; without `typing_only`, those under `if TYPE_CHECKING:` are left out
    (annotations only: they run nothing, so they cannot make a cycle at import time)."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set() if typing_only else {id(n) for block in ast.walk(tree) if _is_type_checking(block)
                                          for n in ast.walk(block)}
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("briefgen"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base.startswith("briefgen"):
                found.update(_resolve(base, a.name) for a in node.names)
    return found


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _resolve(base: str, name: str) -> str:
    """`from briefgen.x import y`: the module y when it is one, else x itself."""
    candidate = PACKAGE.parent.joinpath(*f"{base}.{name}".split("."))
    return f"{base}.{name}" if candidate.with_suffix(".py").exists() or candidate.is_dir() else base


def _graph(typing_only: bool = True) -> dict[str, set[str]]:
    return {_module_name(p): _imports(p, typing_only) for p in PACKAGE.rglob("*.py")}


def test_every_module_belongs_to_a_known_stage() -> None:
    unknown = {m for m in _graph() if _stage(m) not in ALLOWED}
    assert not unknown, f"modules outside any stage: {sorted(unknown)}"


def test_no_stage_imports_a_later_one() -> None:
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in _graph().items()
        for target in targets
        if _stage(target) not in ALLOWED[_stage(module)] | {_stage(module), "core"}
    )
    assert not wrong, "\n".join(wrong)


def test_core_modules_import_only_core() -> None:
    wrong = sorted(f"{m} imports {t}" for m, ts in _graph().items() if _stage(m) == "core"
                   for t in ts if _stage(t) != "core")
    assert not wrong, "\n".join(wrong)


def test_docx_writer_does_not_need_reportlab() -> None:
    offenders = sorted(m for m, ts in _graph().items() if m.startswith("briefgen.writers.docx")
                       for t in ts if t.startswith("briefgen.writers.pdf"))
    for path in PACKAGE.joinpath("writers").rglob("*.py"):
        module = _module_name(path)
        if module.startswith(("briefgen.writers.docx", "briefgen.writers.chart")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
            names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
            offenders += [f"{module} imports {n}" for n in names if n.split(".")[0] == "reportlab"]
            offenders += [f"{module} imports {n}" for n in names if n.startswith("briefgen.writers.pdf")]
    assert not offenders, "\n".join(offenders)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm, iterative enough for ~100)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    # a package's __init__ importing its own modules is not a cycle of meaning; leave those edges out
    graph = {m: {t for t in ts if not m.startswith(t + ".")} for m, ts in _graph(typing_only=False).items()}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_only_the_command_line_imports_click() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if _stage(_module_name(path)) == "cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        offenders += [f"{_module_name(path)} imports {n}" for n in names if n.split(".")[0] == "click"]
    assert not offenders, "\n".join(offenders)


def test_every_libreoffice_run_in_the_tests_has_a_profile_of_its_own() -> None:
    """`make test` runs the suite on every core: two soffice processes on the default user profile hand their
    work to each other or fail, so each run names a profile folder of its own."""
    shared = []
    for path in sorted(Path(__file__).parent.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for found in re.finditer(r'subprocess\.run\(\[(?:soffice|require\("soffice"\))', source):
            arguments = source[found.start():source.index("]", found.end())]
            if "UserInstallation" not in arguments:
                shared.append(f"{path.name}:{source[:found.start()].count(chr(10)) + 1}")
    assert shared == []
