"""The fourteenth round of attacks: the command line against hostile specs, tables, environments,
outputs, folders, ``--set`` paths, ``--diff`` seeds and edited workbooks, where rounds 1-13 did not go.

Specs nested 5,000 deep, an alias bomb in a table, numbers of 45 digits or 13 decimal places, zero
and negative quantities, unknown grades, stations and kinds, years 1984 and 2101, duplicate keys and
ids, a figure of an activity that does not exist, a byte order mark, CR LF line ends, Latin-1 and
UTF-16 bytes, a 50 MB file, a symbolic-link loop in a folder of specs, a folder holding cost tables
and other YAML (``pbi reproduce .`` in the repository), ``-o`` naming the input, ``/proc`` or a
folder; funding written as its aliases; ``PBI_TABLES`` naming nothing, ``/dev/null`` or a spec; a
rate of no known unit, a second dated value that is negative or repeated; ``--set`` paths with an
empty name or value, a count in USD; ``note --diff`` given a Word file, an empty file, a folder;
workbooks whose quantity cell holds inf, nan, text after an apostrophe, a date, an error, or whose
sheet pbi's formulas refer to was deleted.

Same verdict as the catalogue of ``attack_cases`` (one line and exit 2, or the right output; inputs
unchanged; no temporary file left; within the bounds).
"""

from __future__ import annotations

import datetime
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from attack13_cases import _meeting, _staff
from attack_cases import ROOT, SPEC, TABLE, TABLES, Attack, laughs, spec, table

__all__ = ["ATTACKS14"]

_S = {"spec.yaml": SPEC, **TABLES}
_C = ("cost", "{d}/spec.yaml")
_CMP = ("compare", "{d}/spec.yaml")
_T = "cost_tables/unodc-vienna-2010.yaml"
#: the spec of notes/ with an annex, a staff activity, a meeting and a lump sum, and its table
_NOTE = (ROOT / "notes" / "ctoc-cop-2010-17" / "annex-03.yaml").read_text(encoding="utf-8")
_N = {"note.yaml": _NOTE, **TABLES}


def _unchanged_spec(d: Path) -> str:
    return "" if (d / "spec.yaml").read_text(encoding="utf-8") == SPEC else "spec.yaml was changed"


def _big(name: str, size: int) -> Callable[[Path], None]:
    """A sparse file of ``size`` bytes that starts as the base spec."""
    def make(d: Path) -> None:
        with open(d / name, "wb") as f:
            f.write(SPEC.encode("utf-8"))
            f.truncate(size)
    return make


def _loop(d: Path) -> None:
    """Two links that name each other, and a link to itself, among specs."""
    folder = d / "specs"
    (folder / "a.yaml").symlink_to(folder / "b.yaml")
    (folder / "b.yaml").symlink_to(folder / "a.yaml")
    (folder / "self.yaml").symlink_to(folder / "self.yaml")


def _workbook(edit: Callable[[object], None]) -> Callable[[Path], None]:
    """``book.xlsx``: the workbook of note.yaml, edited by ``edit`` (given the openpyxl workbook)."""
    def make(d: Path) -> None:
        import openpyxl

        from pbi.costing.api import cost_file
        from pbi.export.workbook import write_workbook

        write_workbook(cost_file(d / "note.yaml"), d / "book.xlsx")
        wb = openpyxl.load_workbook(d / "book.xlsx")
        edit(wb)
        wb.save(d / "book.xlsx")
    return make


def _cell(value: object, ref: str = "C8") -> Callable[[object], None]:
    """Quantity cell ``ref`` (C8: secretariat-report.pages) set to ``value``."""
    def edit(wb: object) -> None:
        wb["quantities"][ref] = value  # type: ignore[index]
    return edit


def _drop(sheet: str) -> Callable[[object], None]:
    def edit(wb: object) -> None:
        del wb[sheet]  # type: ignore[attr-defined]
    return edit


def _raw_value(text: str) -> Callable[[Path], None]:
    """The workbook with quantity cell C8 written as a number cell holding ``text`` in the file."""
    def make(d: Path) -> None:
        _workbook(lambda wb: None)(d)
        path = d / "book.xlsx"
        with zipfile.ZipFile(path) as zin:
            parts = [(i, zin.read(i.filename)) for i in zin.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
            for info, data in parts:
                if info.filename == "xl/worksheets/sheet2.xml":
                    data = re.sub(rb'<c r="C8"[^>]*?(?:/>|>.*?</c>)', f'<c r="C8" t="n"><v>{text}</v></c>'.encode(),
                                  data, count=1)
                zout.writestr(info, data)
    return make


_WB = ("compare", "{d}/note.yaml", "--scenario", "{d}/book.xlsx")
_DIFF = ("note", "{d}/note.yaml", "--lang", "zh", "--diff")

ATTACKS14: list[Attack] = [
    # ------------------------------------------------------------------ hostile specs
    Attack("spec14", "a flow list nested 5,000 deep", _C, {"spec.yaml": SPEC + "extra: {x: " + "[" * 5000 + "]" * 5000
                                                           + "}\n", **TABLES}, want="nested deeper than"),
    Attack("spec14", "a block mapping nested 100 deep", _C,
           {"spec.yaml": SPEC + "extra:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(100)) + " " * 101
            + "v: 1\n", **TABLES}, want="nested"),
    Attack("spec14", "an alias bomb in the table", _C, {"spec.yaml": SPEC, _T: TABLE + laughs()}, want="alias"),
    Attack("spec14", "pages of 45 digits", _C, {"spec.yaml": spec("pages: 16", "pages: " + "9" * 45), **TABLES},
           want="digits"),
    Attack("spec14", "pages 1e30", _C, {"spec.yaml": spec("pages: 16", "pages: 1e30"), **TABLES}, want="ceiling"),
    Attack("spec14", "pages with 13 decimal places", _C,
           {"spec.yaml": spec("pages: 16", "pages: 0.0000000000001"), **TABLES}, want="pages"),
    Attack("spec14", "pages: 0", _C, {"spec.yaml": spec("pages: 16", "pages: 0"), **TABLES}, want="pages"),
    Attack("spec14", "pages: -16", _C, {"spec.yaml": spec("pages: 16", "pages: -16"), **TABLES}, want="pages"),
    Attack("spec14", "pages: .inf", _C, {"spec.yaml": spec("pages: 16", "pages: .inf"), **TABLES}, want="pages"),
    Attack("spec14", "pages: .nan", _C, {"spec.yaml": spec("pages: 16", "pages: .nan"), **TABLES}, want="pages"),
    Attack("spec14", "a meeting counted 0 times", _C, {"spec.yaml": _meeting(count=0), **TABLES}, want="count"),
    Attack("spec14", "a meeting counted -1 times", _C, {"spec.yaml": _meeting(count=-1), **TABLES}, want="count"),
    Attack("spec14", "a meeting in 0 languages", _C, {"spec.yaml": _meeting(langs=0), **TABLES}, want="languages"),
    Attack("spec14", "a meeting in [zh, zh]", _C, {"spec.yaml": _meeting(langs="[zh, zh]"), **TABLES},
           want="languages"),
    Attack("spec14", "a meeting in [xx]", _C, {"spec.yaml": _meeting(langs="[xx]"), **TABLES}, want="xx"),
    Attack("spec14", "a staff grade P-9", _C, {"spec.yaml": _staff(grade="P-9"), **TABLES}, want="P-9"),
    Attack("spec14", "a staff grade of 5", _C, {"spec.yaml": _staff(grade="5"), **TABLES}, want="grade"),
    Attack("spec14", "work_months: 0", _C, {"spec.yaml": _staff(wm=0), **TABLES}, want="work_months"),
    # a place is free text (a workshop in Bangkok); a table of one duty station prices it at its rates
    Attack("spec14", "a meeting at Atlantis, one-station table", ("cost", "{d}/spec.yaml", "--format", "csv"),
           {"spec.yaml": _meeting().replace("location: Vienna", "location: Atlantis"), **TABLES}, expect="ok",
           want="interpretation.meeting"),
    Attack("spec14", "a meeting at Atlantis, table of stations", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": _meeting().replace("location: Vienna", "location: Atlantis").replace(
               "table: unodc-vienna-2010", "table: un-standard-costs").replace("priced_on: 2010-10-22\n", ""),
            "cost_tables/un-standard-costs.yaml": (ROOT / "cost_tables" / "un-standard-costs.yaml").read_text(
                encoding="utf-8")}, want="Atlantis"),
    Attack("spec14", "an unknown kind banquet", _C,
           {"spec.yaml": spec("kind: documentation", "kind: banquet"), **TABLES}, want="banquet"),
    Attack("spec14", "year 1984", _C, {"spec.yaml": spec("year: 2012", "year: 1984"), **TABLES}, want="year"),
    Attack("spec14", "year 2101", _C, {"spec.yaml": spec("year: 2012", "year: 2101"), **TABLES}, want="year"),
    Attack("spec14", "priced_on 1984-01-01", _C,
           {"spec.yaml": spec("priced_on: 2010-10-22", "priced_on: 1984-01-01"), **TABLES}, want="1984"),
    Attack("spec14", "budget period 2011-2010", _C,
           {"spec.yaml": spec("budget_period: 2010-2011", "budget_period: 2011-2010"), **TABLES},
           want="budget_period"),
    Attack("spec14", "a key given twice", _C, {"spec.yaml": spec("pages: 16", "pages: 16\n        pages: 17"),
                                               **TABLES}, want="pages"),
    Attack("spec14", "a figure of an activity that does not exist", _C,
           {"spec.yaml": spec("activities: [analytical-report]}", "activities: [no-such-activity]}"), **TABLES},
           want="no-such-activity"),
    # same_as may name a figure of another spec of the folder: reproduce says it is missing, cost need not
    Attack("spec14", "a figure the same as one that does not exist", ("reproduce", "{d}/specs"),
           {"specs/spec.yaml": spec("activities: [analytical-report]}",
                                    "activities: [analytical-report], same_as: F99}"), **TABLES}, expect="exit:2",
           want="F99"),
    Attack("spec14", "a table id that is a path", _C,
           {"spec.yaml": spec("table: unodc-vienna-2010", "table: ../../etc/passwd"), **TABLES}, want="table"),
    Attack("spec14", "a table id that does not exist", _C,
           {"spec.yaml": spec("table: unodc-vienna-2010", "table: no-such-table"), **TABLES}, want="no-such-table"),
    Attack("spec14", "a spec that is a list", _C, {"spec.yaml": "- symbol: A/1\n", **TABLES}, want="mapping"),
    Attack("spec14", "a spec of comments only", _C, {"spec.yaml": "# nothing\n# here\n", **TABLES}),
    Attack("spec14", "two YAML documents", _C, {"spec.yaml": SPEC + "---\n" + SPEC, **TABLES}, want="document"),
    Attack("spec14", "a tab in the indentation", _C,
           {"spec.yaml": spec("        pages: 16", "\tpages: 16"), **TABLES}, want="YAML"),
    Attack("spec14", "a byte order mark", ("cost", "{d}/spec.yaml", "--format", "csv"),
           {"spec.yaml": "\ufeff" + SPEC, **TABLES}, expect="ok", want="analytical-report"),
    Attack("spec14", "CR LF line ends", ("cost", "{d}/spec.yaml", "--format", "csv"),
           {"spec.yaml": SPEC.replace("\n", "\r\n"), **TABLES}, expect="ok", want="analytical-report"),
    Attack("spec14", "Latin-1 bytes", _C,
           {"spec.yaml": spec("en: Combating", "en: Combating caf\u00e9").encode("latin-1", "replace"), **TABLES},
           want="UTF-8"),
    Attack("spec14", "UTF-16 bytes", _C, {"spec.yaml": SPEC.encode("utf-16"), **TABLES}),
    Attack("spec14", "a 50 MB spec", _C, TABLES, setup=_big("spec.yaml", 50_000_000), want="bytes"),
    # ------------------------------------------------------------------ funding written as its aliases
    Attack("funding14", "funding: absorbed", ("cost", "{d}/spec.yaml", "--format", "csv"),
           {"spec.yaml": spec("funding: budget_process", "funding: absorbed"), **TABLES}, expect="ok",
           want="analytical-report"),
    Attack("funding14", "funding: within existing resources", ("cost", "{d}/spec.yaml", "--format", "csv"),
           {"spec.yaml": spec("funding: budget_process", "funding: Within existing resources"), **TABLES},
           expect="ok", want="analytical-report"),
    Attack("funding14", "funding: Regular-Budget", ("cost", "{d}/spec.yaml", "--format", "csv"),
           {"spec.yaml": spec("funding: budget_process", "funding: Regular-Budget"), **TABLES}, expect="ok",
           want="analytical-report"),
    Attack("funding14", "funding: empty", _C, {"spec.yaml": spec("funding: budget_process", 'funding: ""'),
                                               **TABLES}, want="funding"),
    Attack("funding14", "funding: 5", _C, {"spec.yaml": spec("funding: budget_process", "funding: 5"), **TABLES},
           want="funding"),
    Attack("funding14", "funding: a list", _C,
           {"spec.yaml": spec("funding: budget_process", "funding: [absorbed, extrabudgetary]"), **TABLES},
           want="funding"),
    Attack("funding14", "funding: a misspelt alias", _C,
           {"spec.yaml": spec("funding: budget_process", "funding: absorbd"), **TABLES}, want="absorbd"),
    # ------------------------------------------------------------------ outputs and folders
    Attack("files14", "cost -o its own spec", ("cost", "{d}/spec.yaml", "-o", "{d}/spec.yaml"), _S, want="input",
           check=_unchanged_spec),
    Attack("files14", "workbook -o its own spec", ("workbook", "{d}/spec.yaml", "-o", "{d}/spec.yaml"), _S,
           check=_unchanged_spec),
    Attack("files14", "workbook -o a folder", ("workbook", "{d}/spec.yaml", "-o", "{d}/out.xlsx"), _S,
           setup=lambda d: (d / "out.xlsx").mkdir()),
    Attack("files14", "workbook -o under /proc", ("workbook", "{d}/spec.yaml", "-o", "/proc/pbi-attack14.xlsx"), _S),
    Attack("files14", "note -o under a file", ("note", "{d}/spec.yaml", "-o", "{d}/spec.yaml/note.md"), _S,
           check=_unchanged_spec),
    Attack("files14", "note -o /proc/version", ("note", "{d}/spec.yaml", "-o", "/proc/version"), _S),
    Attack("files14", "cost -o its table", ("cost", "{d}/spec.yaml", "-o", "{d}/" + _T), _S, want="cannot write"),
    Attack("files14", "cost -o its table by a link", ("cost", "{d}/spec.yaml", "-o", "{d}/t.csv"), _S,
           setup=lambda d: (d / "t.csv").symlink_to(d / _T), want="input"),
    Attack("files14", "a symbolic-link loop among specs", ("reproduce", "{d}/specs"),
           {"specs/good.yaml": SPEC, **TABLES}, setup=_loop, expect="exit:2",
           check=lambda d: "" if not list(d.rglob(".*.tmp")) else "temporary file left"),
    Attack("files14", "reproduce a folder of tables and specs", ("reproduce", "{d}"),
           {"specs/spec.yaml": SPEC, "specs/labels.yaml": "symbol: A/1\nparagraphs: {'1': none}\n",
            "specs/list.yaml": "- a\n- b\n", **TABLES}, expect="exit:0-1", want="F18"),
    Attack("files14", "reproduce a folder of tables only", ("reproduce", "{d}/cost_tables"), TABLES,
           want="skipped 1 YAML file"),
    Attack("files14", "reproduce a folder with a broken spec", ("reproduce", "{d}/specs"),
           {"specs/broken.yaml": "symbol: [unclosed\n", **TABLES}, want="broken.yaml"),
    # ------------------------------------------------------------------ PBI_TABLES
    Attack("env14", "PBI_TABLES names nothing", _C, {"spec.yaml": SPEC}, env={"PBI_TABLES": "{d}/nowhere"}),
    Attack("env14", "PBI_TABLES is /dev/null", _C, {"spec.yaml": SPEC}, env={"PBI_TABLES": "/dev/null"}),
    Attack("env14", "PBI_TABLES names a spec", _C, {"spec.yaml": SPEC}, env={"PBI_TABLES": "{d}/spec.yaml"}),
    Attack("env14", "PBI_TABLES names a folder of garbage", _C,
           {"spec.yaml": SPEC, "t/x.yaml": "\x01\x02 not yaml: [", "t/y.yaml": "- 1\n"},
           env={"PBI_TABLES": "{d}/t"}),
    Attack("env14", "PBI_TABLES holds a line break", _C, {"spec.yaml": SPEC}, env={"PBI_TABLES": "{d}/a\nb"}),
    # ------------------------------------------------------------------ tables
    Attack("tables14", "a rate of no known unit", _C,
           {"spec.yaml": SPEC, _T: table("unit: USD/document", "unit: USD/banana")}, want="banana"),
    Attack("tables14", "a rate unit that is a number", _C,
           {"spec.yaml": SPEC, _T: table("unit: USD/document", "unit: 5")}, want="unit"),
    Attack("tables14", "a second dated value that is negative", _C,
           {"spec.yaml": SPEC, _T: table("values: {2010-01-01: 425}", "values: {2010-01-01: 425, 2011-01-01: -425}")},
           want="negative"),
    Attack("tables14", "a dated value given twice", _C,
           {"spec.yaml": SPEC, _T: table("values: {2010-01-01: 425}", "values: {2010-01-01: 425, 2010-01-01: 430}")},
           want="2010-01-01"),
    Attack("tables14", "a value dated 2010-02-30", _C,
           {"spec.yaml": SPEC, _T: table("values: {2010-01-01: 425}", "values: {2010-02-30: 425}")}),
    Attack("tables14", "a value dated tomorrow", _C,
           {"spec.yaml": SPEC, _T: table("values: {2010-01-01: 425}", "values: {tomorrow: 425}")}),
    Attack("tables14", "no dated value", _C,
           {"spec.yaml": SPEC, _T: table("values: {2010-01-01: 425}", "values: {}")}, want="dated value"),
    Attack("tables14", "a rate of .inf", _C,
           {"spec.yaml": SPEC, _T: table("values: {2010-01-01: 425}", "values: {2010-01-01: .inf}")}),
    Attack("tables14", "a rate of 1e400", _C,
           {"spec.yaml": SPEC, _T: table("values: {2010-01-01: 425}", "values: {2010-01-01: 1e400}")}),
    # ------------------------------------------------------------------ --set paths
    Attack("set14", "--set .pages=5", (*_CMP, "--set", ".pages=5"), _S, want="empty name"),
    Attack("set14", "--set with an empty value", (*_CMP, "--set", "analytical-report.pages="), _S, want="no value"),
    Attack("set14", "--set a..pages=5", (*_CMP, "--set", "analytical-report..pages=5"), _S, want="empty name"),
    Attack("set14", "--set an unknown field", (*_CMP, "--set", "analytical-report.pagez=5"), _S, want="pagez"),
    Attack("set14", "--set an unknown activity", (*_CMP, "--set", "no-such.pages=5"), _S, want="no-such"),
    Attack("set14", "--set pages in USD", (*_CMP, "--set", "analytical-report.pages=5USD"), _S, want="USD"),
    Attack("set14", "--set pages=5 pages", (*_CMP, "--set", "analytical-report.pages=5 pages"), _S,
           want="not a number"),
    Attack("set14", "--set the year in USD", (*_CMP, "--set", "analytical-report.year=2012USD"), _S, want="USD"),
    Attack("set14", "--set a scenario file path .pages", (*_CMP, "--scenario", "{d}/s.yaml"),
           {**_S, "s.yaml": "set: {.pages: 5}\n"}, want="empty name"),
    # ------------------------------------------------------------------ note --diff seeds
    Attack("diff14", "a Word file as the seed", (*_DIFF, "{d}/seed.docx"),
           {**_N, "seed.docx": b"PK\x03\x04 not really a Word file"}, want="not text"),
    Attack("diff14", "an empty seed", (*_DIFF, "{d}/seed.txt"), {**_N, "seed.txt": ""}, want="empty"),
    Attack("diff14", "a folder as the seed", (*_DIFF, "{d}/seed"), _N, setup=lambda d: (d / "seed").mkdir(),
           want="directory"),
    Attack("diff14", "a seed that does not exist", (*_DIFF, "{d}/seed.docx"), _N, want="no such file"),
    Attack("diff14", "a seed without the annex", (*_DIFF, "{d}/seed.txt"), {**_N, "seed.txt": "附件一\n文本\n"},
           want="no annex 3"),
    Attack("diff14", "annex 13, past 附件十二", (*_DIFF, "{d}/seed.txt"),
           {"note.yaml": _NOTE.replace("annex: 3", "annex: 13"), **TABLES, "seed.txt": "附件一\n"},
           want="no annex 13"),
    # ------------------------------------------------------------------ edited workbooks
    Attack("wb14", "a quantity cell holding inf", _WB, _N, setup=_workbook(_cell(float("inf"))), want="no number"),
    Attack("wb14", "a quantity cell holding nan", _WB, _N, setup=_workbook(_cell(float("nan"))), want="no number"),
    Attack("wb14", "a number cell holding inf in the file", _WB, _N, setup=_raw_value("inf"), want="C8"),
    Attack("wb14", "a number cell holding NaN in the file", _WB, _N, setup=_raw_value("NaN"), want="C8"),
    Attack("wb14", "a number cell holding 1e400 in the file", _WB, _N, setup=_raw_value("1e400"), want="C8"),
    Attack("wb14", "a quantity cell holding '5", _WB, _N, setup=_workbook(_cell("'5")), want="the apostrophe was typed"),
    Attack("wb14", "a quantity cell holding -0", _WB, _N, setup=_workbook(_cell(-0.0)), want="C8"),
    Attack("wb14", "a quantity cell holding a date", _WB, _N,
           setup=_workbook(_cell(datetime.datetime(2026, 3, 5))), want="date"),
    Attack("wb14", "a quantity cell holding #DIV/0!", _WB, _N, setup=_workbook(_cell("#DIV/0!")), want="#DIV/0!"),
    Attack("wb14", "the rate grid sheet deleted", _WB, _N, setup=_workbook(_drop("rate grid")),
           want="'rate grid' is missing"),
    Attack("wb14", "the items sheet deleted", _WB, _N, setup=_workbook(_drop("items")), want="'items' is missing"),
    Attack("wb14", "the text 5 is read as 5", (*_WB, "--format", "csv"), _N, setup=_workbook(_cell("5")),
           expect="ok", want="secretariat-report"),
]

if os.name != "posix":  # pragma: no cover - links, /proc
    ATTACKS14 = [a for a in ATTACKS14 if a.family != "files14"]
