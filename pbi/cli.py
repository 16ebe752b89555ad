"""The ``pbi`` command: a thin layer over the library.

Every command imports what it needs when it runs, so that ``pbi --help`` starts in milliseconds.
Errors of input are one line, ``FILE:LINE: field: what is wrong``, exit code 2; ``--debug`` shows
the traceback instead.
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # signal's own import (enum) takes longer than this
import os
import sys


def _exit_at_once(signum: int, frame: object) -> None:
    """SIGINT or SIGTERM while pbi starts, before any command runs (nothing is being written): one
    line and exit 128 + the signal's number at once, never a traceback from the module then imported."""
    os.write(2, b"pbi: interrupted\n" if signum == _signal.SIGINT else b"pbi: terminated\n")
    os._exit(128 + signum)


def _starts_the_command() -> bool:
    """This module is imported to start the ``pbi`` command (the console script, or ``python -m pbi``),
    not by a program that uses it."""
    program = sys.argv[0] if sys.argv else ""
    name = os.path.basename(program)
    return name in ("pbi", "pbi.exe") or (
        name == "__main__.py" and os.path.basename(os.path.dirname(os.path.abspath(program))) == "pbi")


# the first thing done when the command starts; run() hands the signals over to the command's handlers
if _starts_the_command():
    _signal.signal(_signal.SIGINT, _exit_at_once)
    _signal.signal(_signal.SIGTERM, _exit_at_once)

import argparse  # noqa: E402
import signal  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from typing import Any  # noqa: E402

__all__ = ["main"]


#: the suffixes each command can write with -o (and --chart); anything else is an error
_SUFFIXES = {
    "table": ("", ".txt", ".text", ".json", ".csv", ".xlsx"),
    "note": ("", ".txt", ".text", ".md", ".html", ".htm", ".docx"),
    "workbook": (".xlsx",),
    "chart": (".png", ".svg", ".pdf"),
}


def _check_output(path: str | None, kind: str, flag: str = "-o") -> None:
    """One line, exit 2, before anything is computed: pbi cannot write ``path`` as its suffix says."""
    if not path or path == "-":
        return
    from pbi.model.fileio import check_output

    check_output(path)  # never an input of the command, a device or a FIFO: said first
    suffix = Path(path).suffix.lower()
    allowed = _SUFFIXES[kind]
    if suffix not in allowed:
        from pbi.model.errors import InputError

        can = ", ".join(s for s in allowed if s) + (" or no suffix (plain text)" if "" in allowed else "")
        raise InputError(f"cannot write {suffix or 'a file without suffix'} here (this command writes {can})",
                         file=path, field=flag)


def _check_table_outputs(args: argparse.Namespace) -> None:
    """-o and --chart of cost and compare: each writable, and not the same file."""
    _check_output(args.output, "table")
    _check_output(args.chart, "chart", "--chart")
    if args.chart and args.output and args.output != "-" and Path(args.output).resolve() == Path(args.chart).resolve():
        from pbi.model.errors import InputError

        raise InputError("--chart and -o name the same file", file=args.chart)


def _scenario_arg(path: str | None, spec: str, table: str | None = None) -> Any:
    """A scenario file: YAML, or a workbook written by `pbi workbook` (its edited quantities, checked
    against the spec and table it was written from)."""
    if path and Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        from pbi.costing.api import cost_file
        from pbi.export.workbook import read_workbook_scenario

        return read_workbook_scenario(path, cost_file(spec, table=table))
    return path


#: the most --set options one command takes (each is typed by hand; 20,000 took over a minute)
_MAX_SETS = 1_000
#: a table id as calibrate --id writes it: what a spec's ``table:`` may name
_TABLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


def _assignments(args: argparse.Namespace) -> Sequence[str]:
    """The --set options, at most :data:`_MAX_SETS`."""
    sets: Sequence[str] = args.set or ()
    if len(sets) > _MAX_SETS:
        from pbi.model.errors import InputError

        raise InputError(f"{len(sets):,} --set options (at most {_MAX_SETS:,}: write the changes in a scenario "
                         "file, --scenario FILE)", field="--set")
    return sets


def _notices(lines: Sequence[str]) -> None:
    for line in lines:
        _say(f"pbi: note: {line}")


def _cmd_cost(args: argparse.Namespace) -> int:
    from pbi.costing.api import cost_file

    _check_table_outputs(args)
    estimate = cost_file(args.spec, table=args.table)
    if args.chart:
        from pbi.export.formats import save_chart

        save_chart(estimate.plot(), args.chart)
    if args.output and Path(args.output).suffix.lower() == ".xlsx":
        estimate.to_xlsx(args.output)
        return 0
    from pbi.export.text import estimate_csv, estimate_json, estimate_table

    fmt = _format_of(args)
    render = {"table": estimate_table, "json": estimate_json, "csv": estimate_csv}[fmt]
    _emit(render(estimate), args.output)
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from pbi.costing.api import compare_file, scenario_of, variant_file

    _check_table_outputs(args)
    scenario = scenario_of(_scenario_arg(args.scenario, args.spec, args.table), _assignments(args))
    _notices(variant_file(args.spec, scenario=scenario, table=args.table, vs_table=args.vs_table).notices)
    comparison = compare_file(args.spec, scenario=scenario, table=args.table, vs_table=args.vs_table)
    if args.chart:
        from pbi.export.formats import save_chart

        save_chart(comparison.plot(), args.chart)
    if args.output and Path(args.output).suffix.lower() == ".xlsx":
        comparison.to_xlsx(args.output)
        return 0
    fmt = "json" if args.json else _format_of(args)
    text = {"table": comparison.to_table, "json": comparison.to_json, "csv": comparison.to_csv}[fmt]()
    _emit(text, args.output)
    return 0



def _format_of(args: argparse.Namespace) -> str:
    """--format, or the output file's extension (.json, .csv)."""
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output and args.output != "-" else ""
    return suffix if suffix in ("json", "csv") else "table"


def _emit(text: str, output: str | None) -> None:
    """Text to ``output`` (atomically), or to stdout when there is none or it is ``-``."""
    if not output or output == "-":
        _write(text)
        return
    from pbi.model.fileio import write_atomic

    text = _printable(text)
    write_atomic(output, text if text.endswith("\n") else text + "\n")


def _cmd_reproduce(args: argparse.Namespace) -> int:
    from pbi.costing.reproduce import reproduce, skipped_text
    from pbi.export.text import rates_table, reproduction_json, reproduction_table

    result = reproduce(args.paths, table=args.table, keep_going=True)
    if result.skipped:  # cost tables, entitlements and other YAML met in a folder: said in one line
        _say(f"pbi reproduce: {skipped_text(result.skipped)}")
    if result.errors and not result.estimates:  # nothing reproduced: the errors alone, no empty report
        for line in result.errors:
            _say(line)
        return 2
    if args.json:
        _write(reproduction_json(result, rates=args.rates))
    else:
        _write(rates_table(result) if args.rates else reproduction_table(result))
    for line in result.errors:  # each bad spec in one line; the others were reproduced
        _say(line)
    if result.errors:
        return 2
    return 0 if result.ok else 1


def _cmd_explain(args: argparse.Namespace) -> int:
    from pbi.costing.api import cost_file
    from pbi.costing.explain import explain

    from pbi.model.errors import PbiError

    estimate = cost_file(args.spec, table=args.table)
    try:
        text = explain(estimate, args.target)
    except PbiError as err:
        raise err.located(file=args.spec, field="target") from None
    _write(text + "\n")
    return 0


def _cmd_conclude(args: argparse.Namespace) -> int:
    import json

    from pbi.costing.api import cost_file
    from pbi.render.statement import check_kind, note_conclusion

    estimate = cost_file(args.spec, table=args.table)
    if args.kind:
        check_kind(estimate.spec, args.kind)
    conclusion = note_conclusion(estimate, args.kind)
    _write(json.dumps(conclusion.to_dict(), indent=2, ensure_ascii=False) if args.json
           else "\n".join(conclusion.lines()))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from pbi.check.report import check_files, report_json, report_table

    report = check_files(args.files, lang=args.lang, table=None if args.no_rates else args.table)
    _write(report_json(report) if args.json else report_table(report))
    return 1 if report.errors else 0


def _cmd_calibrate(args: argparse.Namespace) -> int:
    from pbi.costing.calibrate import calibrate, calibration_json, calibration_text, write_table

    if args.output == "-":
        from pbi.model.errors import InputError

        raise InputError("calibrate prints its summary on stdout: write the table to a file", file="-o")
    if args.id is not None and not _TABLE_ID.fullmatch(args.id):
        from pbi.model.errors import InputError
        from pbi.model.validation import echo

        raise InputError(f"{echo(args.id, 40)} is not a table id (letters, digits, '.', '_' and '-', at most "
                         "100; a spec names the table by it)", field="--id")
    if args.output:
        from pbi.model.fileio import check_output

        check_output(args.output)
    result = calibrate(args.paths, table=args.table, places=args.places)
    if args.output:
        write_table(result, args.output, table_id=args.id)
    _write(calibration_json(result, written=args.output) if args.json
           else calibration_text(result, written=args.output))
    return 0


def _cmd_tables(args: argparse.Namespace) -> int:
    from pbi.export.text import tables_listing

    for path in args.paths:  # a folder named on the command line holds tables, or it is a mistake
        if Path(path).is_dir():
            from pbi.model.errors import InputError
            from pbi.model.fileio import readable_folder

            readable_folder(path)
            if not any(Path(path).glob("*.yaml")):
                raise InputError("no cost table (*.yaml) in this folder", file=path)

    _write(tables_listing(args.paths, rates=not args.brief))
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from pbi.model.schema import schema_json

    _write(schema_json(args.which))
    return 0


#: the format ``pbi note -o FILE`` writes when --format is not given, by FILE's suffix
_FORMAT_OF = {".docx": "docx", ".md": "md", ".html": "html", ".htm": "html"}


def _cmd_workbook(args: argparse.Namespace) -> int:
    from pbi.costing.api import cost_file
    from pbi.export.workbook import write_workbook

    _check_output(args.output, "workbook")
    written = write_workbook(cost_file(args.spec, table=args.table), args.output)
    _write(f"wrote {written}: edit the quantities sheet (column C; the read me sheet says what recomputes); "
           f"`pbi note {args.spec} --scenario {args.output}` writes the note of the edited draft")
    return 0


def _cmd_note(args: argparse.Namespace) -> int:
    from pbi.costing.api import cost_file, variant_file
    from pbi.model.errors import InputError, RenderError
    from pbi.render import render_note

    to_stdout = args.output == "-"
    _check_output(args.output, "note")
    fmt = args.format or _FORMAT_OF.get(Path(args.output).suffix.lower() if args.output and not to_stdout
                                        else "", "text")
    if fmt == "docx" and (not args.output or to_stdout):
        raise RenderError("--format docx writes a file: give -o FILE.docx (a Word file never goes to stdout)")
    if args.scenario or args.set:
        if args.diff:
            raise InputError("--diff compares the note as the spec has it: leave out --scenario and --set",
                             field="--diff")
        variant = variant_file(args.spec, scenario=_scenario_arg(args.scenario, args.spec, args.table),
                               assignments=_assignments(args),
                               table=args.table)
        _notices(variant.notices)
        estimate = variant.cost()
    else:
        estimate = cost_file(args.spec, table=args.table)
    title = estimate.spec.title
    if args.lang is None:  # an empty --lang '' is refused by the renderer as any unknown language
        args.lang = "en" if title.en and not title.zh else "zh"
    if args.diff:
        from pbi.render.fidelity import annex_text, compare, spec_texts

        if args.lang != "zh":
            raise RenderError("--diff compares with a Chinese seed: use --lang zh")
        if estimate.spec.annex is None:
            raise InputError("the spec names no annex to compare with", file=args.spec, field="annex")
        text = render_note(estimate, "zh", "text", kind=args.kind, assumptions=False)
        assert isinstance(text, str)
        misprints = frozenset(str(f.published.low) for f in estimate.figures if f.same_as and f.status == "mismatch")
        result = compare(text, annex_text(args.diff, estimate.spec.annex), misprints=misprints,
                         supplied=spec_texts(estimate.spec, "zh"))
        _write(result.report())
        return 0 if result.ok else 1
    warnings: list[str] = []
    out = render_note(estimate, args.lang, fmt, kind=args.kind, strict=not args.quote_untranslated,
                      warnings=warnings)
    for line in warnings:  # a text quoted untranslated, a rule not the body's: the note is written all the same
        _say(line)
    if args.output and not to_stdout:
        from pbi.model.fileio import write_atomic

        write_atomic(args.output, _printable(out) if isinstance(out, str) else out)
    else:
        assert isinstance(out, str)
        _write(out)
    return 0


def _cmd_draft(args: argparse.Namespace) -> int:
    from pbi.draft import write_proposals

    _write(write_proposals(args.file, language=args.lang, table=args.table, output=args.output,
                           select=args.draft))
    return 0


#: terminal escape sequences (CSI, OSC and the like) and the control characters left after them,
#: except tab and newline: stripped from every text pbi prints or writes
_ESCAPES = re.compile("\x1b\\[[0-?]{0,64}[ -/]{0,8}[@-~]?|\x1b\\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\\\)?"
                      "|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """``text`` without terminal escapes or control characters (tab and newline stay)."""
    return _ESCAPES.sub("", text)


def _one_line(text: str) -> str:
    """``text`` as one printable line: its line breaks escaped (a file name, a key or a value may hold
    one), then terminal escapes and control characters removed."""
    from pbi.model.errors import one_line

    return _printable(one_line(text))


def _say(line: str) -> None:
    """One line on stderr (an error, a warning or a notice), whatever the text it quotes holds."""
    print(_one_line(line), file=sys.stderr)


class _StdoutError(Exception):
    """Standard output cannot be written (closed, or on a full device)."""


def _write(text: str) -> None:
    if sys.stdout is None:
        raise _StdoutError("it is closed")
    text = _printable(text)
    try:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    except BrokenPipeError:
        raise
    except OSError as err:
        raise _StdoutError(err.strerror or str(err)) from None
    except UnicodeEncodeError as err:  # the whole text is encoded before any of it is written
        raise _StdoutError(f"its encoding ({err.encoding}) cannot hold {err.object[err.start]!r}, which this "
                           "output prints; set PYTHONIOENCODING=utf-8 (or a UTF-8 locale), or write to a file "
                           "with -o FILE") from None


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line, as every other bad input: ``pbi cost: error: … (see pbi cost --help)``,
    exit code 2 (argparse prints the whole usage first)."""

    def _print_message(self, message: str, file: Any = None) -> None:
        """Help and usage on a stream whose encoding lacks a character: that character escaped."""
        try:
            super()._print_message(message, file)
        except UnicodeEncodeError as err:
            super()._print_message(message.encode(err.encoding, "backslashreplace").decode(err.encoding), file)

    def error(self, message: str) -> Any:  # argparse's signature says NoReturn; it exits
        from pbi.model.errors import shortened

        print(_one_line(f"{self.prog}: error: {shortened(message)} (see {self.prog} --help)"),
              file=sys.stderr)
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    from pbi.model import DEFAULT_TABLE

    parser = _Parser(
        prog="pbi",
        description="Programme budget implications of draft resolutions: cost a draft, "
                    "reproduce, explain and check published financial notes, calibrate rates.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("cost", help="line items and totals of a spec")
    p.add_argument("spec", help="spec file (notes/…/*.yaml)")
    p.add_argument("--table", help="cost table file or id (default: the spec's table)")
    p.add_argument("--format", choices=("table", "json", "csv"), help="default: table, or the --output extension")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (.xlsx: an Excel workbook)")
    p.add_argument("--chart", metavar="FILE.png", help="also draw costs by funding source and year")
    p.set_defaults(func=_cmd_cost)

    p = sub.add_parser("compare", help="baseline against a scenario or another table, item by item")
    p.add_argument("spec", help="spec file (notes/…/*.yaml)")
    p.add_argument("--scenario", metavar="FILE", help="scenario file (YAML: set: {PATH: VALUE}, rates: {KEY: VALUE}), "
                                                      "or a workbook written by `pbi workbook` and edited")
    p.add_argument("--set", action="append", metavar="PATH=VALUE",
                   help="override a quantity or rate: F09.days=3, languages=4, model-law.pages=100, "
                        "request.d.days=3, rates.interpretation.meeting=2000[@2012-01-01] (repeatable)")
    p.add_argument("--table", help="baseline cost table file or id (default: the spec's table)")
    p.add_argument("--vs-table", metavar="T2", help="price the scenario with this table")
    p.add_argument("--format", choices=("table", "json", "csv"), help="default: table, or the --output extension")
    p.add_argument("--json", action="store_true", help="same as --format json (amounts as strings)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (.xlsx: an Excel workbook)")
    p.add_argument("--chart", metavar="FILE.png", help="also draw each figure, baseline against scenario")
    p.set_defaults(func=_cmd_compare)

    p = sub.add_parser("reproduce", help="each published figure against the computed one, in one class: "
                                         "derived, single-use, quoted, sum, no cost, misprint, mismatch "
                                         "(exit 1 on a mismatch, 2 on a bad spec)")
    p.add_argument("paths", nargs="+", help="spec files or folders")
    p.add_argument("--table", help="price every spec with this table instead of its own")
    p.add_argument("--json", action="store_true", help="a JSON list, each figure with its class (amounts as strings)")
    p.add_argument("--rates", action="store_true", help="list every rate with the figures that use it")
    p.set_defaults(func=_cmd_reproduce)

    p = sub.add_parser("explain", help="the arithmetic behind a figure, a request, an activity or the total")
    p.add_argument("spec")
    p.add_argument("target", help="a published figure (F09), a request (request.b or b), an activity id, or total")
    p.add_argument("--table", help="cost table file or id (default: the spec's table)")
    p.set_defaults(func=_cmd_explain)

    p = sub.add_parser("conclude", help="what a note concludes: additional requirements by section and "
                                        "year, entitlements, extrabudgetary needs, the body's action")
    p.add_argument("spec")
    p.add_argument("--table", help="cost table file or id (default: the spec's table)")
    p.add_argument("--json", action="store_true", help="the conclusion as JSON (amounts as strings)")
    p.add_argument("--kind", choices=("financial_note", "statement"), default=None,
                   help="the note whose conclusion is drawn (default: the kind the spec's body takes); a statement "
                        "shows conference services under section 2 where the spec names no section")
    p.set_defaults(func=_cmd_conclude)

    p = sub.add_parser("check", help="read published financial notes (text) and check their figures")
    p.add_argument("files", nargs="+", metavar="FILE", help="a note or statement: UTF-8 text, Markdown, HTML or a Word file (.docx); a text may hold several")
    # the languages of pbi.check.reader.LANGUAGES (not imported here: pbi --help stays light)
    p.add_argument("--lang", choices=("zh", "en", "fr", "es", "ru", "ar"),
                   help="language of the text (default: zh and en are read anyway, the others detected)")
    p.add_argument("--table", default="auto",
                   help="cost table (file or id) for the rates check (default: auto, the table of the body "
                        f"and years each note reads, as model/vocabulary.yaml lists them; else {DEFAULT_TABLE})")
    p.add_argument("--no-rates", action="store_true", help="only arithmetic and consistency")
    p.add_argument("--json", action="store_true", help="a JSON list of findings (amounts as strings)")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("calibrate", help="fit a table's rates to the published figures of specs")
    p.add_argument("paths", nargs="+", metavar="SPEC", help="spec files or folders")
    p.add_argument("--table", help="base table (file or id; default: the specs' table)")
    p.add_argument("-o", "--output", metavar="TABLE.yaml", help="write the fitted table here")
    p.add_argument("--id", help="id of the written table (default: BASE-fitted)")
    p.add_argument("--places", type=int, default=2, help="decimal places of fitted rates (default 2)")
    p.add_argument("--json", action="store_true", help="rates, figures and leave-one-out as JSON")
    p.set_defaults(func=_cmd_calibrate)

    p = sub.add_parser("note", help="write the financial note of a spec (zh, en, fr, es, ru, ar; text, md, html, docx)")
    p.add_argument("spec")
    p.add_argument("--lang", help="language of the note: zh, en, fr, es, ru or ar (default zh, or en for a spec "
                                  "written only in English)")
    p.add_argument("--format", choices=("text", "md", "html", "docx"), default=None,
                   help="default: from the suffix of -o FILE (.docx, .md, .html), else text")
    p.add_argument("--kind", choices=("financial_note", "statement"), default=None,
                   help="financial_note (Conference of the Parties, rule 75) or statement (General Assembly, "
                        "rule 153; Economic and Social Council, rule 31); default: the kind the spec's body takes")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (required for docx)")
    p.add_argument("--table", help="cost table file or id (default: the spec's table)")
    p.add_argument("--scenario", metavar="FILE",
                   help="write the note of a variant: a scenario (YAML) or a workbook from `pbi workbook`")
    p.add_argument("--set", action="append", metavar="PATH=VALUE",
                   help="override a quantity or rate, as for `pbi compare` (repeatable)")
    p.add_argument("--diff", metavar="SEEDFILE",
                   help="compare the Chinese note with the spec's annex in SEEDFILE and show the differences")
    p.add_argument("--quote-untranslated", action="store_true",
                   help="write the note although a spec text (title, session, request, label) has no version in "
                        "its language: quote it in the language it has, with one warning per field (by default "
                        "such a note stops, exit 2, naming the field)")
    p.set_defaults(func=_cmd_note)

    p = sub.add_parser("workbook", help="a live Excel workbook: quantities to edit, rates, line items as "
                                        "formulas, totals rounded by the table's rule")
    p.add_argument("spec")
    p.add_argument("-o", "--output", metavar="FILE.xlsx", required=True, help="the workbook to write")
    p.add_argument("--table", help="cost table file or id (default: the spec's table)")
    p.set_defaults(func=_cmd_workbook)

    p = sub.add_parser("draft", help="read a draft resolution (.txt, .md, .docx; zh/en/fr/es/ru/ar) and propose a priced spec")
    p.add_argument("file", help="the draft: text, Markdown or Word")
    p.add_argument("--lang", choices=("zh", "en", "fr", "es", "ru", "ar"), help="language of the draft (default: detected)")
    p.add_argument("--table", help="cost table file or id (default: the first table its body lists that covers the years)")
    p.add_argument("--draft", metavar="N", help="which draft of a file that holds several: its number (5/2, I) "
                                                "or position (#3)")
    p.add_argument("-o", "--output", metavar="SPEC.yaml", help="write the spec here (a folder: one spec per draft)")
    p.set_defaults(func=_cmd_draft)

    p = sub.add_parser("tables", help="list cost tables and their rates")
    p.add_argument("paths", nargs="*", help="table files or folders (default: cost_tables/)")
    p.add_argument("--brief", action="store_true", help="tables only, without their rates")
    p.set_defaults(func=_cmd_tables)

    p = sub.add_parser("schema", help="print the JSON Schema of cost tables and specs")
    p.add_argument("which", nargs="?", choices=("all", "table", "spec"), default="all")
    p.set_defaults(func=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _SIGNALLED.clear()
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    from pbi.model.fileio import guarding_inputs

    inputs = [p for p in _input_paths(args) if p != "-"]
    if "" in inputs or "" in (getattr(args, "output", None), getattr(args, "chart", None)):
        # Path("") is the working folder: "" would be read, or refused, as "."
        print(f"{parser.prog}: error: an empty file name (see pbi --help)", file=sys.stderr)
        return 2
    with guarding_inputs(*inputs), _terminate_cleanly():
        if args.debug:
            code = func(args)
            _flush()
            return code
        return _run(func, args)


def _input_paths(args: argparse.Namespace) -> list[str]:
    """The files named on the command line that a command reads."""
    found: list[str] = []
    for name in ("spec", "table", "scenario", "vs_table", "diff", "file"):
        value = getattr(args, name, None)
        if isinstance(value, str):
            found.append(value)
    for name in ("paths", "files"):
        found.extend(str(p) for p in getattr(args, name, None) or ())
    return found


def _flush() -> None:
    if sys.stdout is not None:
        sys.stdout.flush()


class _Terminated(BaseException):
    """SIGTERM arrived: raised where pbi runs (as KeyboardInterrupt is for SIGINT), so that the
    temporary file of an output being written is removed on the way out."""


class _terminate_cleanly:
    """SIGTERM ends pbi as SIGINT does: the temporary file of an output being written is removed,
    one line says so, and the exit code is 128 + 15."""

    def __enter__(self) -> None:
        import threading

        self.previous: Any = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, self._raise)

    @staticmethod
    def _raise(signum: int, frame: Any) -> None:
        _SIGNALLED.append(signum)
        raise _Terminated()

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)


def _run(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    from pbi.model.errors import PbiError

    try:
        code = func(args)
        try:
            _flush()
        except BrokenPipeError:
            raise
        except OSError as err:
            raise _StdoutError(err.strerror or str(err)) from None
        return code
    except PbiError as err:
        _say(str(err))
        return 2
    except _StdoutError as err:
        _quiet_stdout()
        _say(f"pbi: cannot write to standard output: {err}")
        return 2
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except OSError as err:  # FILE: what the system says ("file name too long"), as every bad input
        why = err.strerror or str(err)
        _say(f"{err.filename}: {why[:1].lower() + why[1:]}" if err.filename else f"pbi: {why}")
        return 2
    except KeyboardInterrupt:
        return _stopped(_INTERRUPTED)
    except _Terminated:
        return _stopped(_TERMINATED)
    except Exception as exc:  # a bug, not bad input: say so in one line, keep the details for --debug
        if _SIGNALLED:  # what a signal raised, turned into another exception on its way out
            return _stopped(_TERMINATED if _SIGNALLED[-1] == signal.SIGTERM else _INTERRUPTED)
        _say(f"pbi: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        return 3


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that the flush at exit cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


#: exit codes of a run ended by SIGINT and by SIGTERM (128 + the signal's number)
_INTERRUPTED, _TERMINATED = 130, 143


def _stopped(code: int) -> int:
    """Say in one line that a signal ended pbi; ``code``."""
    try:
        print("pbi: interrupted" if code == _INTERRUPTED else "pbi: terminated", file=sys.stderr)
    except (OSError, ValueError):
        pass
    return code


#: the signals received while a command runs (a library may turn the exception a signal raised into
#: another one, as pydantic-core's importer turns it into a PanicException: the signal still ended pbi)
_SIGNALLED: list[int] = []


def _interrupt(signum: int, frame: Any) -> None:
    _SIGNALLED.append(signum)
    raise KeyboardInterrupt


def run() -> None:  # console-script entry point
    """``pbi``: main() with SIGTERM handled from the start; a signal that arrives while pbi starts or
    ends (outside the command) is one line and exit 130 or 143 too, never a traceback."""
    signal.signal(signal.SIGINT, _interrupt)  # from here on, an interrupted output is cleaned up
    try:
        with _terminate_cleanly():
            code = main()
    except KeyboardInterrupt:
        code = _stopped(_INTERRUPTED)
    except _Terminated:
        code = _stopped(_TERMINATED)
    except BaseException:
        if not _SIGNALLED:
            raise
        code = _stopped(_TERMINATED if _SIGNALLED[-1] == signal.SIGTERM else _INTERRUPTED)
    if code in (_INTERRUPTED, _TERMINATED):
        _exit_now(code)
    sys.exit(code)


def _exit_now(code: int) -> None:
    """Exit with ``code`` at once, streams flushed: a second signal during the interpreter's shutdown
    (or a KeyboardInterrupt it had recorded) would otherwise end the process by the signal itself."""
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError, KeyboardInterrupt, _Terminated):
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
