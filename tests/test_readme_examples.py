"""The README's console examples, run as it writes them, so that the README cannot drift from what pbi
prints.

Every ``$ pbi …`` line of a console block of README.md is run in process (``pbi.cli.main``) from the
repository's root, with the commands of its block before it, and the lines the README prints after it
must appear in pbi's output (standard output, then standard error) in that order:

- ``…`` (or ``...``) stands for anything: a line of its own for any lines, inside a line for any text;
- runs of spaces count as one (column widths may change);
- a line the README leaves out need not be elided (an example may show a part of the output).

Files an example writes (``-o spec.yaml``) go to a temporary folder, and the folder's name is taken out
of the output again. A command the README gives without its input (a spec it describes but does not
show), or that needs an edit in Excel or a long benchmark, is in ``SKIP`` with the reason, and a block
whose first command is there is not collected; a new example is run unless it is added there. The
example on the seed document takes the ``seed`` fixture. ``# sheet NAME:`` in an example's output
compares the rows that follow with the sheet of the workbook the command wrote. The Python snippets
are run too: the doctest of budget sections, and the API walk-through with the values its comments give.
"""

from __future__ import annotations

import doctest
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from _paths import ROOT

README = ROOT / "README.md"

#: commands (as the README writes them, without a trailing comment) that are not run, and why
SKIP: dict[str, str] = {
    "pbi note spec.yaml --kind statement --lang en": "a spec stating rule 154 the README describes, not gives",
    "pbi note spec.yaml --lang en": "two one-day meetings and a two-day meeting: described, not given "
                                    "(tests/test_notes2_identical.py)",
    "pbi note spec.yaml --lang en --kind financial_note": "a spec with a section to be stated: described, not given",
    "pbi conclude spec.yaml": "a spec with a section to be stated: described, not given",
    "pbi note hrc61h.yaml --lang en": "a Human Rights Council spec described, not given",
    "pbi note more.yaml --lang en": "a spec described, not given",
    "pbi note spec.yaml --lang ru": "the English-only spec of issue 10: described, not given",
    "pbi note spec.yaml --lang ru --quote-untranslated > note-ru.txt": "the spec of issue 10: described, not given",
    "pbi check statement.txt": "a statement of 2022 described, not given (tests/test_notes2_choose.py)",
    "pbi check ga-2008.txt": "a statement of 2008 described, not given (tests/test_notes2_choose.py)",
    "pbi check total.txt --no-rates": "a text described, not given",
    "pbi check note.txt": "a note described, not given (tests/test_notes2_shapes.py)",
    "pbi compare notes/ctoc-cop-2010-17/annex-04.yaml --scenario costing.xlsx": "the workbook is edited in Excel first",
    "pbi note notes/ctoc-cop-2010-17/annex-04.yaml --lang en --scenario costing.xlsx -o note.docx":
        "the workbook is edited in Excel first",
    "pbi compare notes/ctoc-cop-2010-17/annex-04.yaml --scenario recalc/COSTING.XLSX":
        "the workbook is edited and recomputed by the formulas engine first (tests/test_qa_workbook.py)",
    "pbi compare tests/data/delegate/ga-nairobi-2028-weeks.yaml --scenario costing.xlsx":
        "the workbook is edited in Excel first (tests/test_delegate_workbook.py)",
    "python benchmarks/outside_corpus.py": "a benchmark (outside testpaths)",
    "python benchmarks/growth.py calibrate": "a benchmark: times vary",
}

TRAVEL = """\
symbol: A/C.3/80/L.1
title: {en: Travel of experts}
body: general-assembly
budget_period: "2025"
table: un-standard-costs
requests:
  - id: a
    text: {en: Request the Secretary-General to convene experts}
    activities:
      - {id: t1, kind: travel, participants: 10, days: 5, location: Geneva, year: 2025, funding: regular_budget}
"""


def _minimal_spec() -> str:
    """The README's "complete minimal spec", as it prints it."""
    text = README.read_text(encoding="utf-8")
    block = text.split("### A complete minimal spec", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    return block


#: inputs the README names without a folder, and where they come from (the README says so beside them)
SETUP: dict[str, Callable[[], str]] = {
    "draft.txt": lambda: (ROOT / "examples" / "drafts" / "ga-draft-en.txt").read_text(encoding="utf-8"),
    "g3-clean-air.txt": lambda: (ROOT / "tests" / "data" / "drafts4" / "g3-clean-air.txt").read_text(encoding="utf-8"),
    "min.yaml": _minimal_spec,
    "travel.yaml": lambda: TRAVEL,
}


#: blocks of output the README prints without their command (it names the command in its prose), by
#: their first line, and the command that prints them
TEXT_EXAMPLES: dict[str, str] = {
    "Substantive session of 2011": "pbi note notes/e-2011-30/draft-resolution-a-iii.yaml --lang en",
    "6. S’agissant de la demande formulée aux paragraphes 6 et 7 du dispositif, des ressources":
        "for l in fr es ru ar; do pbi note notes/ctoc-cop-2010-17/annex-05.yaml --lang $l; done",
    "Section 28, Global communications": "pbi note notes/ga-statements/tr-0158-a-c-5-79-25.yaml",
}


@dataclass
class Example:
    line: int                      # the README line of the command
    command: str
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    line: int
    examples: list[Example] = field(default_factory=list)


def _blocks() -> list[Block]:
    """The console blocks of the README (```console, ```bash, or no language) that run pbi."""
    blocks: list[Block] = []
    current: Block | None = None
    fenced = False
    for number, line in enumerate(README.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("```"):
            fenced = not fenced
            current = Block(number) if fenced and line[3:].strip() in ("", "console", "bash", "text") else None
            if current is not None:
                blocks.append(current)
            continue
        if current is None:
            continue
        if not current.examples:
            command = next((c for first, c in TEXT_EXAMPLES.items() if line.startswith(first)), None)
            if command is not None:
                current.examples.append(Example(number, command, [line]))
                continue
        if line.startswith("$ "):
            command = re.sub(r"\s+#\s.*$", "", line[2:]).strip()
            current.examples.append(Example(number, command))
        elif current.examples:
            current.examples[-1].expected.append(line)
    return [b for b in blocks if b.examples]


BLOCKS = _blocks()


# ------------------------------------------------------------------------------------------ comparing

def _norm(line: str) -> str:
    return " ".join(line.split())


def _pattern(line: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in re.split(r"…|\.\.\.", _norm(line))))


def _missing(expected: list[str], actual: str) -> str | None:
    """The first expected line not found, in order, among the lines of ``actual``; None when all are."""
    lines = [_norm(a) for a in actual.splitlines()]
    at = 0
    for want in expected:
        if not _norm(want) or _norm(want) in ("…", "..."):
            continue
        pattern = _pattern(want)
        while at < len(lines) and not pattern.fullmatch(lines[at]):
            at += 1
        if at == len(lines):
            return want
        at += 1
    return None


# ------------------------------------------------------------------------------------------- running

class _Shell:
    """Just enough of a shell for the README's examples: ``;``, ``for … do … done``, ``| head -N``,
    ``| tail -N``, ``> FILE``, ``grep -E PATTERN FILE``; ``pbi`` runs in process."""

    def __init__(self, tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp, self.capsys = tmp, capsys

    def path(self, arg: str) -> str:
        """A bare file name that is not the repository's is the example's own, in the temporary folder."""
        if "/" in arg or arg.startswith("-") or "=" in arg or "." not in arg or (ROOT / arg).exists():
            return arg
        return str(self.tmp / arg)

    def run(self, command: str) -> str:
        loop = re.fullmatch(r"for (\w+) in ([^;]+); do (.+); done", command)
        if loop:
            name, values, body = loop.groups()
            return "".join(self.run(body.replace(f"${name}", v)) for v in values.split())
        if "; " in command:
            return "".join(self.run(part.strip()) for part in command.split("; "))
        command, *filters = [part.strip() for part in command.split(" | ")]
        target = None
        if " > " in command:
            command, target = (part.strip() for part in command.split(" > ", 1))
        out = self._one(shlex.split(command))
        for f in filters:
            what, n = shlex.split(f)[0], int(shlex.split(f)[1].lstrip("-"))
            lines = out.splitlines(keepends=True)
            out = "".join(lines[:n] if what == "head" else lines[-n:])
        if target is not None:
            if target != "/dev/null":
                Path(self.path(target)).write_text(out, encoding="utf-8")
            return ""
        return out

    def _one(self, argv: list[str]) -> str:
        if argv[0] == "grep":
            assert argv[1] == "-E", argv
            pattern = re.compile(argv[2])
            text = Path(self.path(argv[3])).read_text(encoding="utf-8")
            return "".join(line for line in text.splitlines(keepends=True) if pattern.search(line))
        assert argv[0] == "pbi", f"not a pbi command: {argv}"
        from pbi.cli import main

        self.capsys.readouterr()
        main([self.path(a) for a in argv[1:]])
        captured = self.capsys.readouterr()
        return (captured.out + captured.err).replace(f"{self.tmp}/", "")


def _sheet(book: Path, name: str) -> list[str]:
    """A sheet's rows as the README shows them: four columns, and the value pbi computed beside a formula."""
    openpyxl = pytest.importorskip("openpyxl")
    rows = openpyxl.load_workbook(book)[name].iter_rows(values_only=True)
    return ["  ".join("" if v is None else str(v) for v in row[:5 if str(row[3]).startswith("=") else 4])
            for row in rows]


def _check(example: Example, out: str, shell: _Shell) -> None:
    expected = example.expected
    sheet = next((i for i, line in enumerate(expected) if re.fullmatch(r"# sheet (.+):", line)), None)
    if sheet is not None:
        name = re.fullmatch(r"# sheet (.+):", expected[sheet]).group(1)  # type: ignore[union-attr]
        book = shell.path(shlex.split(example.command)[-1])
        missing = _missing(expected[sheet + 1:], "\n".join(_sheet(Path(book), name)))
        assert missing is None, f"README.md:{example.line}: sheet {name} has no row {missing!r}"
        expected = expected[:sheet]
    missing = _missing([e for e in expected if not e.startswith("# ")], out)
    assert missing is None, (f"README.md:{example.line}: `{example.command}` does not print {missing!r}; "
                             f"it prints:\n{out}")


#: the blocks that run: a block whose first command is skipped is left out (its reason is in SKIP)
RUN = [b for b in BLOCKS if b.examples[0].command not in SKIP]


@pytest.mark.parametrize("block", RUN, ids=lambda b: f"README.md:{b.line}")
def test_a_console_example_prints_what_the_readme_shows(block: Block, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        request: pytest.FixtureRequest) -> None:
    if any("../shared/seeds/" in e.command for e in block.examples):
        request.getfixturevalue("seed")  # skipped without the seed document, failing when CI is set
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PBI_TABLES", raising=False)
    for name, make in SETUP.items():
        (tmp_path / name).write_text(make(), encoding="utf-8")
    shell = _Shell(tmp_path, capsys)
    for example in block.examples:
        if example.command in SKIP:
            continue
        if "workbook" in example.command:
            pytest.importorskip("openpyxl")
        out = shell.run(example.command)
        _check(example, out, shell)


def test_every_skipped_command_is_still_in_the_readme() -> None:
    commands = {e.command for b in BLOCKS for e in b.examples}
    assert set(SKIP) <= commands, sorted(set(SKIP) - commands)
    assert set(TEXT_EXAMPLES.values()) <= commands, "a block of TEXT_EXAMPLES is no longer in the README"


def test_the_comparison_tolerates_elisions_and_widths_but_not_other_numbers() -> None:
    out = "total        477,100   284,200\nrounded +40.06\n= 224,800 USD (published 224,800: match)\n"
    assert _missing(["total 477,100 284,200", "…", "= 224,800 USD (… match)"], out) is None
    assert _missing(["total 477,100 284,300"], out) == "total 477,100 284,300"
    assert _missing(["= 224,800 USD (published 224,800: match)", "total 477,100 284,200"], out) is not None


# ------------------------------------------------------------------------------------------- Python

def _python_blocks() -> list[tuple[int, str]]:
    found, lines = [], README.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line == "```python":
            end = lines.index("```", i + 1)
            found.append((i + 1, "\n".join(lines[i + 1:end]) + "\n"))
    return found


def test_the_budget_sections_doctest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    (line, text), = [(n, t) for n, t in _python_blocks() if t.startswith(">>> ")]
    test = doctest.DocTestParser().get_doctest(text, {}, "README", str(README), line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0, f"README.md:{line}: the doctest fails (see the output above)"


def test_the_python_walk_through_gives_the_values_its_comments_show(monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    (line, text), = [(n, t) for n, t in _python_blocks() if "pbi.load_spec(" in t]
    scope: dict[str, object] = {}
    compared = 0
    for number, statement in enumerate(text.splitlines(), start=line + 1):
        code, _, comment = statement.partition("  # ")
        code, comment = code.strip(), comment.strip()
        if not code:
            continue
        if comment.startswith(("Range(", "<")):
            shown = repr(eval(code, scope))  # the README's own expression
            assert _missing([comment], shown) is None, f"README.md:{number}: {code} is {shown}, not {comment}"
            compared += 1
        else:
            exec(code, scope)  # the README's own statement
    assert compared == 2  # the computed figure and the estimate's repr
    assert "F09" in capsys.readouterr().out
