"""Every shell command README.md and docs/*.md quote is run as a reader would run it, so a doc goes stale only
with a red test: the walkthroughs (```sh blocks) in order on a temporary copy of the shipped workspace, in its
folder, each line's `#   ` lines below it compared with what it printed; each `briefgen ...` quoted in a sentence
on a built copy of its own; the usage lines of the README's command table against each command's options.
What is not run is in SKIPPED, with why."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from briefgen.cli.main import cli
from tests.conftest import ROOT
from tests.helpers import built_workspace, model, save_model
from tests.marked import marked_workspace
from tests.seed_fixtures import html_seed, markdown_seed, pdf_bytes

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# A command quoted in a doc but not run here, and why.
SKIPPED = {
    "make brief": "bootstraps .venv with pip (about a minute); the new analyst's walkthrough runs it on a clone",
    "make test": "the whole suite",
    "make bench": "minutes of timing runs; docs/performance.md records them",
    "make precompiled": "rewrites briefgen/precompiled.bin in the repository; test_precompiled checks it",
    "make mutation": "hours of mutation testing",
    "make mutation-sample": "minutes of mutation testing",
    "make": "names the tool, not a target",
    "briefgen watch": "runs until Ctrl-C; tests/test_watch*.py drive it",
    "briefgen watch -a executive": "runs until Ctrl-C; tests/test_watch*.py drive it",
    "briefgen seeds add": "names the command in a sentence (no files): the seeds walkthrough runs it",
    "briefgen init": "names the command in a sentence (no folder): test_scaffold runs it",
    "PYTHONPATH=. python -m tests.fuzz_round5 --seed 5 --seconds 300": "a five-minute fuzzing run",
    "PYTHONPATH=. python -m tests.fuzz_round6 --seed 6 --seconds 300": "a five-minute fuzzing run",
    "REALDOCS_SEED=$RANDOM REALDOCS_COUNT=40 .venv/bin/python -m pytest -q tests/test_realdocs.py -k real_tools":
        "a wide run of the real-documents corpus (minutes of LibreOffice); make test runs one source",
    ".venv/bin/python tests/realdocs.py SEED COUNT": "the same corpus from the command line, a seed of one's choice",
    "briefgen build | head -1": "a pipeline whose reader goes away: tests/test_hostile_round8.py runs it",
}
_INLINE = re.compile(r"`((?:briefgen|PYTHONPATH=\S+ python|python -m briefgen)(?: [^`]*)?|make(?: [\w-]+)?)`")
_PLACEHOLDER = re.compile(r"\b[A-Z]{1,}\b|\[|\.\.\.|…|\\\|")  # a usage line: ID, FILE, [-o DIR], a|b
_DATE = re.compile(r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|"
                   r"December) \d{4}\b")


def _blocks() -> Iterator[tuple[str, int, list[str]]]:
    """(doc, line, the block's lines) of each fenced shell block, and of each untagged one run at a `$ `."""
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.S | re.M):
            lines = match[2].splitlines()
            if match[1] in ("sh", "bash", "console") or (not match[1] and lines and lines[0].startswith("$ ")):
                yield doc.relative_to(ROOT).as_posix(), text[: match.start()].count("\n") + 1, lines


def _inline() -> list[str]:
    """Each command quoted in a sentence (outside fenced blocks) that is a command, not a usage line."""
    found: set[str] = set()
    for doc in DOCS:
        prose = re.sub(r"^```.*?^```", "", doc.read_text(encoding="utf-8"), flags=re.S | re.M)
        prose = "\n".join(line for line in prose.splitlines() if not line.startswith("|"))  # tables: usage
        found.update(m[1] for m in _INLINE.finditer(prose) if not _PLACEHOLDER.search(m[1].replace("PYTHONPATH", "")))
    return sorted(found)


def _steps(lines: list[str]) -> Iterator[tuple[str, list[str]]]:
    """(command, the `#   ` lines of output the doc shows under it) of a block, `$ ` prompts and all."""
    steps: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith("#   ") and steps:
            steps[-1][1].append(line[4:])
        elif line.strip() and not line.startswith("#"):
            command = line[2:] if line.startswith("$ ") else line
            if line.startswith("$ ") or not steps or not lines[0].startswith("$ "):
                steps.append((command, []))
            else:
                steps[-1][1].append(line)  # output under a `$ ` prompt
    yield from steps


def _run(command: str, ws: Path, home: Path) -> tuple[int, str]:
    """One command line, as a shell in `ws` would run it (`&&` included), in-process for briefgen."""
    output, code = "", 0
    for part in command.split("&&"):
        words = [w.replace("~", str(home), 1) if w.startswith("~") else w for w in shlex.split(part, comments=True)]
        assert words[0] == "briefgen", f"not a briefgen command: {part}"
        result = CliRunner().invoke(cli, ["-C", str(ws), *words[1:]], catch_exceptions=False)
        output, code = output + result.output, result.exit_code
        if code:
            break
    return code, output


def _shown(text: str, home: Path) -> str:
    return _DATE.sub("<date>", text.replace(str(home), "~")).rstrip()


def _fill_in_new_entries(ws: Path) -> None:
    """What the seeds walkthrough's `$EDITOR seeds/sources.yaml` does: complete the lines marked "fill in"."""
    catalogue = ws / "seeds/sources.yaml"
    text = catalogue.read_text(encoding="utf-8")
    for key, value in (("originator", '"Example Institute"'), ("published", '"2025-09"'),
                       ("kind", "report"), ("descriptor", '"A test document for the walkthrough."'),
                       ("marking", "TLP:CLEAR")):
        text = re.sub(rf"^(    {key}: )null\b", rf"\g<1>{value}", text, flags=re.M)
    catalogue.write_text(text, encoding="utf-8")


def _revise_model(ws: Path) -> None:
    """What the issuing walkthrough's `$EDITOR seeds/summary.yaml` does: reword the brief's subject."""
    data = model(ws)
    data["brief"]["subject"] = "Revised: " + data["brief"]["subject"]
    save_model(ws, data)


def _download(home: Path) -> None:
    """The documents the seeds walkthrough adds from ~/Downloads, and notes.md beside the workspace's seeds."""
    (home / "Downloads").mkdir(parents=True)
    (home / "Downloads/report.pdf").write_bytes(pdf_bytes(title="Sorties North"))
    html_seed(home / "Downloads/article.html")


EDITS: dict[tuple[str, str], Callable[[Path], None]] = {
    ("docs/seeds.md", "$EDITOR seeds/sources.yaml"): _fill_in_new_entries,
    ("docs/seeds.md", "$EDITOR seeds/summary.yaml"): lambda ws: None,  # the model verifies as it is
    ("docs/regeneration.md", "$EDITOR seeds/summary.yaml"): _revise_model,
    ("docs/audiences.md", "$EDITOR templates/board.yaml"): lambda ws: None,  # the copy builds as it is
}
# A block whose output is of a workspace its section makes: that workspace.
SCENARIOS: dict[str, Callable[[Path], Path]] = {
    "$ briefgen build": marked_workspace,  # docs/audiences.md: the memo marked TLP:AMBER
}


def _workspace(first: str, tmp_path: Path) -> Path:
    if first in SCENARIOS:
        return SCENARIOS[first](tmp_path)
    ws = built_workspace(tmp_path)
    markdown_seed(ws / "notes.md")
    return ws


@pytest.mark.parametrize(("doc", "line", "lines"), list(_blocks()), ids=lambda v: str(v)[:40])
def test_a_walkthrough_runs_as_written(doc: str, line: int, lines: list[str], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    _download(home)
    ws = _workspace(lines[0], tmp_path)
    monkeypatch.chdir(ws)
    for command, shown in _steps(lines):
        where = f"{doc}:{line}: {command}"
        name = command.split("#")[0].strip()
        if name.startswith("$EDITOR"):
            assert (doc, name) in EDITS, f"{where}: no edit stands for this step in EDITS"
            EDITS[doc, name](ws)
            continue
        if name in SKIPPED:
            continue
        code, output = _run(name, ws, home)
        assert code == 0, f"{where}: exit {code}\n{output}"
        printed = [_shown(out, home) for out in output.splitlines()]
        for expected in shown:
            assert _shown(expected, home) in printed, f"{where}: the doc shows\n  {expected}\nit printed\n{output}"


@pytest.mark.parametrize("command", _inline())
def test_a_command_quoted_in_a_sentence_runs(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if command in SKIPPED:
        return
    ws = built_workspace(tmp_path)
    monkeypatch.chdir(ws)
    if command.startswith("python -m briefgen"):
        result = subprocess.run([sys.executable, *command.split()[1:]], capture_output=True, text=True, timeout=60,
                                env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        assert result.returncode in (0, 2) and "Usage: briefgen" in result.stdout + result.stderr, result.stderr
        return
    code, output = _run(command, ws, tmp_path)
    assert code == 0, f"{command}: exit {code}\n{output}"


def _table_usages() -> dict[str, str]:
    """The README command table's usage lines, by command path (`seeds add`, `audiences new`)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    usages: dict[str, str] = {}
    for match in re.finditer(r"^\| `briefgen ([^`]*)` \|", text, re.M):
        usage = match[1].replace("\\|", "|")
        words = [w for w in usage.split() if re.fullmatch(r"[a-z]+", w)]
        usages[" ".join(words[:2]) if words[:2] in (["seeds", "add"], ["seeds", "show"], ["seeds", "update"],
                                                    ["audiences", "new"]) else words[0]] = usage
    return usages


def _commands(group: click.Group = cli, prefix: str = "") -> Iterator[tuple[str, click.Command]]:
    """Every command, loaded as `--help` loads it (some are registered on first use)."""
    with click.Context(group) as context:
        for name in group.list_commands(context):
            command = group.get_command(context, name)
            assert command is not None
            if not isinstance(command, click.Group) or command.invoke_without_command:
                yield prefix + name, command
            if isinstance(command, click.Group):
                yield from _commands(command, f"{prefix}{name} ")


def test_the_command_table_names_every_command_and_option() -> None:
    """Each command in the README's table, with its arguments as --help names them and each of its options, and
    no option it does not have."""
    usages = _table_usages()
    missing, unknown = [], []
    for name, command in _commands():
        if name not in usages:
            missing.append(f"{name}: not in the table")
            continue
        usage = usages.pop(name)
        with click.Context(command) as context:
            shown = [p.make_metavar(context).strip("[].") for p in command.params if isinstance(p, click.Argument)]
        missing += [f"{name}: {word} not in `briefgen {usage}`" for word in shown if word not in usage]
        for param in command.params:
            if param.name in ("workspace", "help") or not isinstance(param, click.Option):
                continue  # -C is said once for all commands; --help everywhere
            if not any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", usage) for o in param.opts):
                missing.append(f"{name}: {'/'.join(param.opts)} not in `briefgen {usage}`")
        known = {o for p in command.params for o in (*p.opts, *p.secondary_opts)} | {"-C", "--workspace", "-h"}
        unknown += [f"{name}: {o} is no option" for o in re.findall(r"(?<![\w-])--?[a-z][\w-]*", usage)
                    if o not in known]
    assert not missing and not unknown and not usages, (missing, unknown, sorted(usages))


def _headings(doc: Path) -> set[str]:
    return {line.lstrip("#").strip() for line in doc.read_text(encoding="utf-8").splitlines() if line.startswith("#")}


def test_what_the_shipped_files_point_a_reader_at_exists(tmp_path: Path) -> None:
    """The files a workspace gets from `briefgen init` (the bundled templates and profiles, the skeletons) name
    files of briefgen and sections of its docs: each is there, under that name (sections move into docs/)."""
    assert CliRunner().invoke(cli, ["init", str(tmp_path / "new")]).exit_code == 0
    stale = []
    for shipped in sorted((tmp_path / "new").rglob("*")):
        if not shipped.is_file() or shipped.suffix == ".json":
            continue
        text = shipped.read_text(encoding="utf-8")
        for named in re.findall(r"\b((?:briefgen|docs)/[\w/.-]*\w\.(?:py|md|j2|yaml))\b", text):
            if not (ROOT / named).is_file():
                stale.append(f"{shipped.name}: {named} is not there")
        for doc, section in re.findall(r"\b(README|docs/\w+\.md)\s+\"([^\"]+)\"", text):
            if section not in _headings(ROOT / (doc + ".md" if doc == "README" else doc)):
                stale.append(f"{shipped.name}: no section \"{section}\" in {doc}")
    assert not stale, stale
