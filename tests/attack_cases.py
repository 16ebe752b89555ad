"""The attack catalogue: bad inputs and faults, each with what pbi must do.

Shared by ``tests/test_attacks.py`` (in process, one test per family, bounded in time and memory)
and ``benchmarks/attacks.py`` (each case in its own process under resource limits, with counts).
An attack is handled when pbi gives one line on stderr and exit 2 (``expect="error"``) or does the
right thing (``expect="ok"``), within the bounds, and leaves every input file as it was.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[1]
TABLE = (ROOT / "cost_tables" / "unodc-vienna-2010.yaml").read_text(encoding="utf-8")
ENTITLEMENTS = (ROOT / "notes" / "ctoc-cop-2010-17" / "entitlements.yaml").read_text(encoding="utf-8")

#: seconds of processor time, seconds of wall time and megabytes every attack must stay within
TIME_BOUND = 20.0
WALL_BOUND = 120.0
MEMORY_BOUND_MB = 400

SPEC = """\
symbol: CTOC/COP/2010/L.8/Rev.1
document: CTOC/COP/2010/17
annex: 7
body: cop-untoc
rule: "75"
budget_period: 2010-2011
table: unodc-vienna-2010
priced_on: 2010-10-22
title:
  zh: 打击涉及文化财产的跨国有组织犯罪
  en: Combating transnational organized crime against cultural property
requests:
  - id: a
    operative_paragraphs: ["8"]
    activities:
      - id: analytical-report
        kind: documentation
        label: {zh: 秘书处的分析报告, en: an analytical report of the Secretariat}
        pages: 16
        year: 2012
        funding: budget_process
published:
  - {id: F18, paragraph: "3", amount: 23000, activities: [analytical-report]}
"""


def spec(old: str = "", new: str = "") -> str:
    """The base spec with one change (``old`` must occur in it)."""
    if old:
        assert old in SPEC, old
    return SPEC.replace(old, new, 1) if old else SPEC


def table(old: str = "", new: str = "") -> str:
    if old:
        assert old in TABLE, old
    return TABLE.replace(old, new, 1) if old else TABLE


def laughs(levels: int = 9, width: int = 9) -> str:
    """Nested aliases: ``width ** levels`` copies from a few hundred bytes."""
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


TABLES = {"cost_tables/unodc-vienna-2010.yaml": TABLE}


@dataclass(frozen=True)
class Attack:
    family: str
    name: str
    argv: tuple[str, ...]                       # "{d}" is the case's folder
    files: dict[str, str | bytes] = field(default_factory=dict)
    expect: str = "error"                       # error: exit 2, one line; ok: exit 0; exit:N
    want: str = ""                              # in stderr (error) or stdout (ok)
    unwant: str = ""                            # never in stdout
    setup: Callable[[Path], None] | None = None
    env: dict[str, str] = field(default_factory=dict)
    cwd: str = ""                               # relative to the case's folder
    fault: str = ""                             # enospc, sigterm, closed-stdout, full-stdout
    check: Callable[[Path], str] | None = None  # "" if the folder is as it must be, else why not
    special: tuple[str, ...] = ()               # paths that must stay special files
    err_chars: int = 0                          # if set, stderr holds at most this many characters

    @property
    def id(self) -> str:
        return f"{self.family}: {self.name}"


def _fifo(name: str) -> Callable[[Path], None]:
    def make(d: Path) -> None:
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(d / name)
    return make


def _chardev(name: str) -> Callable[[Path], None]:
    def make(d: Path) -> None:
        try:
            os.mknod(d / name, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a copy of /dev/null
        except (PermissionError, OSError):
            os.mkfifo(d / name)
    return make


def _no_temp(d: Path) -> str:
    left = [p.name for p in d.rglob(".*.tmp")]
    return f"temporary files left: {left}" if left else ""


def _absent(name: str) -> Callable[[Path], str]:
    def check(d: Path) -> str:
        return _no_temp(d) or (f"{name} was written" if (d / name).exists() else "")
    return check


def _chain(n: int) -> Callable[[Path], None]:
    def make(d: Path) -> None:
        folder = d / "chain"
        folder.mkdir()
        (folder / "t0.yaml").write_text(TABLE.replace("id: unodc-vienna-2010", "id: t0"), encoding="utf-8")
        for i in range(1, n):
            (folder / f"t{i}.yaml").write_text(f"id: t{i}\ntitle: T{i}\nextends: t{i - 1}\n", encoding="utf-8")
    return make


def _many_activities(n: int) -> str:
    acts = "".join(f"      - {{id: a{i}, kind: documentation, pages: 16, year: 2012, funding: budget_process}}\n"
                   for i in range(n))
    head = SPEC.split("    activities:\n")[0]
    return head + "    activities:\n" + acts


def _check_text(paragraph: str) -> str:
    return ("关于题为“打击跨国有组织犯罪”的决议草案的财务说明\n\n"
            f"1. {paragraph}\n")


ATTACKS: list[Attack] = [
    # ------------------------------------------------------------------ memory and time
    Attack("memory", "billion laughs in a spec", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC + laughs(), **TABLES}, want="alias"),
    Attack("memory", "billion laughs in a scenario", ("compare", "{d}/spec.yaml", "--scenario", "{d}/s.yaml"),
           {"spec.yaml": SPEC, "s.yaml": "name: x\n" + laughs(), **TABLES}, want="alias"),
    Attack("memory", "billion laughs in an entitlements file", ("note", "{d}/spec.yaml"),
           {"spec.yaml": spec("rule:", "entitlements: e.yaml\nrule:").replace(
               "    activities:", "    provisions: [{body: cop-untoc}]\n    activities:"),
            "e.yaml": ENTITLEMENTS + laughs(),
            **TABLES}, want="alias"),
    Attack("memory", "/dev/zero as a spec", ("cost", "/dev/zero"), want="not a regular file"),
    Attack("memory", "/dev/zero as a check input", ("check", "/dev/zero", "--no-rates"), want="not a regular file"),
    Attack("memory", "FIFO as a spec", ("cost", "{d}/fifo.yaml"), setup=_fifo("fifo.yaml"),
           want="not a regular file"),
    Attack("memory", "FIFO in cost_tables", ("cost", "{d}/spec.yaml"), {"spec.yaml": SPEC, **TABLES},
           setup=_fifo("cost_tables/zz.yaml"), want="not a regular file"),
    Attack("memory", "/dev/zero as a table folder's file", ("tables", "/dev/zero"), want="not a regular file"),
    Attack("memory", "FIFO in a folder of specs", ("reproduce", "{d}/specs"), {"specs/a.yaml": SPEC, **TABLES},
           setup=_fifo("specs/b.yaml"), want="not a regular file"),
    Attack("memory", "FIFO as a check input", ("check", "{d}/n.txt", "--no-rates"), setup=_fifo("n.txt"),
           want="not a regular file"),
    Attack("memory", "/dev/zero as a draft", ("draft", "/dev/zero"), want="not a regular file"),
    Attack("files", "draft -o its own file", ("draft", "{d}/d.txt", "-o", "{d}/d.txt"),
           {"d.txt": (ROOT / "tests" / "data" / "draft" / "zh-cop-draft.txt").read_text(encoding="utf-8")},
           want="input"),
    Attack("memory", "over-size spec", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC + "#" * 6_000_000 + "\n"}, want="bytes"),
    Attack("memory", "over-size check input", ("check", "{d}/n.txt", "--no-rates"),
           {"n.txt": _check_text("1" * 100) + ("x" * 100 + "\n") * 60_000}, want="bytes"),
    Attack("memory", "format width in a rate template", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
               "{rate: documentation.document, per: [documents]}",
               "{rate: \"documentation.{grade:>1500000000}\", per: [documents]}")}, want="rate"),
    Attack("memory", "attribute access in a rate template", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
               "{rate: documentation.document, per: [documents]}",
               "{rate: \"documentation.{grade.__class__.__mro__}\", per: [documents]}")}, want="rate"),
    Attack("memory", "digit run in an operative paragraph", ("check", "{d}/n.txt", "--no-rates"),
           {"n.txt": _check_text("第 " + "1" * 40 + " 执行段 请求秘书处 费用 23,000 美元。")}, expect="exit:0-1"),
    Attack("memory", "digit run without a paragraph word", ("check", "{d}/n.txt", "--no-rates"),
           {"n.txt": _check_text("第 " + "1" * 60 + "、" + "2" * 60 + " 费用 23,000 美元。")}, expect="exit:0-1"),
    Attack("memory", "list of thirty operative paragraphs", ("check", "{d}/n.txt", "--no-rates"),
           {"n.txt": _check_text("operative paragraphs " + ", ".join(str(i) for i in range(30))
                                 + " of the draft 23,000 dollars.")}, expect="exit:0-1"),
    Attack("memory", "2,000 amounts in one paragraph", ("check", "{d}/n.txt", "--no-rates"),
           {"n.txt": _check_text("第 8 执行段 " + "，".join(f"{i},000 美元" for i in range(1, 2001)) + "。")},
           expect="exit:0-1"),
    Attack("memory", "2,000 activities in a note", ("note", "{d}/spec.yaml"),
           {"spec.yaml": _many_activities(2000), **TABLES}, expect="ok"),
    Attack("memory", "1,500-table extends chain", ("cost", "{d}/spec.yaml", "--table", "{d}/chain/t1499.yaml"),
           {"spec.yaml": SPEC}, setup=_chain(1500), want="extends"),
    Attack("memory", "deep flow list", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: " + "[" * 500 + "]" * 500), **TABLES}, want="deep"),
    Attack("memory", "deep block mapping", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC + "extra:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 300)) + " " * 300 + "v\n",
            **TABLES}, want="deep"),
    # ------------------------------------------------------------------ files destroyed
    Attack("files", "-o onto a FIFO", ("cost", "{d}/spec.yaml", "-o", "{d}/out"), {"spec.yaml": SPEC, **TABLES},
           setup=_fifo("out"), special=("out",), want="regular file"),
    Attack("files", "-o onto a device node", ("note", "{d}/spec.yaml", "-o", "{d}/null"),
           {"spec.yaml": SPEC, **TABLES}, setup=_chardev("null"), special=("null",), want="regular file"),
    Attack("files", "note -o its spec", ("note", "{d}/spec.yaml", "-o", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, **TABLES}, want="input"),
    Attack("files", "cost -o its spec", ("cost", "{d}/spec.yaml", "-o", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, **TABLES}, want="input"),
    Attack("files", "note -o its table", ("note", "{d}/spec.yaml", "-o", "{d}/cost_tables/unodc-vienna-2010.yaml"),
           {"spec.yaml": SPEC, **TABLES}, want="cannot write .yaml"),
    Attack("files", "note -o a link to its table", ("note", "{d}/spec.yaml", "-o", "{d}/table.md"),
           {"spec.yaml": SPEC, **TABLES},
           setup=lambda d: (d / "table.md").symlink_to(d / "cost_tables" / "unodc-vienna-2010.yaml"), want="input"),
    Attack("files", "cost -o its spec by another name", ("cost", "{d}/spec.yaml", "-o", "{d}/sub/../spec.yaml"),
           {"spec.yaml": SPEC, "sub/x": "", **TABLES}, want="input"),
    Attack("files", "note -o a symlink to its spec", ("note", "{d}/spec.yaml", "-o", "{d}/link.md"),
           {"spec.yaml": SPEC, **TABLES}, setup=lambda d: (d / "link.md").symlink_to(d / "spec.yaml"), want="input"),
    Attack("files", "compare -o its scenario", ("compare", "{d}/spec.yaml", "--scenario", "{d}/s",
                                                 "-o", "{d}/s"),
           {"spec.yaml": SPEC, "s": "set: {pages: 20}\n", **TABLES}, want="input"),
    Attack("files", "note -o a link to its entitlements", ("note", "{d}/spec.yaml", "-o", "{d}/ent.md"),
           {"spec.yaml": spec("rule:", "entitlements: entitlements.yaml\nrule:").replace(
               "    activities:", "    provisions: [{body: cop-untoc}]\n    activities:"),
            "entitlements.yaml": ENTITLEMENTS, **TABLES},
           setup=lambda d: (d / "ent.md").symlink_to(d / "entitlements.yaml"), want="input"),
    Attack("files", "calibrate -o its table", ("calibrate", "{d}/spec.yaml", "--table", "{d}/t.yaml",
                                                "-o", "{d}/t.yaml"),
           {"spec.yaml": SPEC, "t.yaml": TABLE}, want="input"),
    Attack("files", "--chart onto its spec", ("cost", "{d}/spec.yaml", "--chart", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, **TABLES}, want=""),
    Attack("files", "-o - writes to stdout", ("cost", "{d}/spec.yaml", "-o", "-"), {"spec.yaml": SPEC, **TABLES},
           expect="ok", want="analytical-report", check=_absent("-")),
    Attack("files", "note -o - writes to stdout", ("note", "{d}/spec.yaml", "--lang", "en", "-o", "-"),
           {"spec.yaml": SPEC, **TABLES}, expect="ok", want="Financial note", check=_absent("-")),
    Attack("files", "docx to stdout", ("note", "{d}/spec.yaml", "--format", "docx", "-o", "-"),
           {"spec.yaml": SPEC, **TABLES}, want="stdout", check=_absent("-")),
    Attack("files", "SIGTERM while writing", ("note", "{d}/spec.yaml", "-o", "{d}/out.md"),
           {"spec.yaml": SPEC, **TABLES}, fault="sigterm", expect="exit:143", check=_absent("out.md")),
    Attack("files", "disk full", ("note", "{d}/spec.yaml", "-o", "{d}/out.md"),
           {"spec.yaml": SPEC, **TABLES}, fault="enospc", want="space", check=_absent("out.md")),
    Attack("files", "disk full over an old output", ("cost", "{d}/spec.yaml", "-o", "{d}/old.csv"),
           {"spec.yaml": SPEC, "old.csv": "keep\n", **TABLES}, fault="enospc", want="space",
           check=lambda d: _no_temp(d) or ("" if (d / "old.csv").read_text() == "keep\n" else "old.csv changed")),
    Attack("files", "closed stdout", ("cost", "{d}/spec.yaml"), {"spec.yaml": SPEC, **TABLES},
           fault="closed-stdout", want="standard output"),
    Attack("files", "full stdout", ("cost", "{d}/spec.yaml"), {"spec.yaml": SPEC, **TABLES},
           fault="full-stdout", want="standard output"),
    # ------------------------------------------------------------------ numbers
    Attack("numbers", "--set with a decimal comma", ("compare", "{d}/spec.yaml", "--set", "F18.pages=1,5"),
           {"spec.yaml": SPEC, **TABLES}, want="comma"),
    Attack("numbers", "rate with a decimal comma", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
               "values: {2010-01-01: 425}", "values: {2010-01-01: \"235,16\"}")}, want="comma"),
    Attack("numbers", "quantity \"1,2,3\"", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", 'pages: "1,2,3"'), **TABLES}, want="comma"),
    Attack("numbers", "leading zero 017 is seventeen", ("cost", "{d}/spec.yaml", "--format", "csv"),
           {"spec.yaml": spec("pages: 16", "pages: 017"), **TABLES}, expect="ok", want=",102,102,"),
    Attack("numbers", "0o17 is not a number", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: 0o17"), **TABLES}, want="not a number"),
    Attack("numbers", "sexagesimal 1:30", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: 1:30"), **TABLES}, want="not a number"),
    Attack("numbers", "underscores 1__2_", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: 1__2_"), **TABLES}, want="not a number"),
    Attack("numbers", "languages: true", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: 16\n        languages: true"), **TABLES}, want="languages"),
    Attack("numbers", "count: true", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: 16\n        count: true"), **TABLES}, want="count"),
    Attack("numbers", "negative rate", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
               "values: {2010-01-01: 425}", "values: {2010-01-01: -425}")}, want="negative"),
    Attack("numbers", "negative surcharge", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table("percent: 13", "percent: -13")},
           want="percent"),
    Attack("numbers", "surcharge of 1e9 per cent", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table("percent: 13", "percent: 1000000000")},
           want="percent"),
    Attack("numbers", "negative default", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
               "defaults: {documents: 1, languages: 6}", "defaults: {documents: -1, languages: 6}")},
           want="documents"),
    Attack("numbers", "100 languages by default", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
               "defaults: {documents: 1, languages: 6}", "defaults: {documents: 1, languages: 100}")},
           want="languages"),
    Attack("numbers", "two figures with one id", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC + '  - {id: F18, paragraph: "4", amount: 23000, activities: [analytical-report]}\n',
            **TABLES}, want="F18"),
    Attack("numbers", "two requests with one id", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("published:", "  - id: a\n    no_cost: true\npublished:"), **TABLES}, want="'a'"),
    Attack("numbers", "two activities with one id", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("published:", "  - id: b\n    activities:\n      - {id: analytical-report, "
                                            "kind: documentation, pages: 3, year: 2012, funding: budget_process}\n"
                                            "published:"), **TABLES}, want="analytical-report"),
    Attack("numbers", "calibrate never writes a negative rate", ("calibrate", "{d}/spec.yaml", "-o", "{d}/fit.yaml"),
           {"spec.yaml": spec("amount: 23000", "amount: 100"), **TABLES}, expect="ok", want="proportional"),
    # the document's two values are scaled together from their base values (never below 0); a value
    # a least-squares fit would drive below 0 is held there ("bounded": tests/test_honest_calibrate.py)
    Attack("numbers", "--set with an underscore", ("compare", "{d}/spec.yaml", "--set", "F18.pages=1_6"),
           {"spec.yaml": SPEC, **TABLES}, want="not a number"),
    Attack("numbers", "--set of a rate with a comma", ("compare", "{d}/spec.yaml", "--set",
                                                        "rates.documentation.page=235,16"),
           {"spec.yaml": SPEC, **TABLES}, want="comma"),
    Attack("numbers", "CSV without exponents", ("cost", "{d}/spec.yaml", "--format", "csv"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
               "values: {2010-01-01: 425}", "values: {2010-01-01: 4.25e2}")}, expect="ok", want=",425,", unwant="E+"),
    # ------------------------------------------------------------------ the wrong table
    Attack("tables", "table id that is a file in the working directory", ("cost", "{d}/notes/spec.yaml"),
           {"notes/spec.yaml": spec("table: unodc-vienna-2010", "table: unodc-vienna-2010.yaml"),
            "unodc-vienna-2010.yaml": TABLE}, want="no cost table"),
    Attack("tables", "table id found in the working directory's cost_tables", ("cost", "{d}/notes/spec.yaml"),
           {"notes/spec.yaml": spec("table: unodc-vienna-2010", "table: evil"),
            "cost_tables/evil.yaml": TABLE.replace("id: unodc-vienna-2010", "id: evil")}, cwd="",
           setup=lambda d: (d / "notes" / "cost_tables").mkdir(), want="no cost table"),
    Attack("tables", "table id with a comment", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("table: unodc-vienna-2010", "table: t"),
            "cost_tables/other.yaml": TABLE.replace("id: unodc-vienna-2010", "id: t  # the table")},
           expect="ok", want="23,000"),
    Attack("tables", "table id as a quoted key", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("table: unodc-vienna-2010", "table: t"),
            "cost_tables/other.yaml": TABLE.replace("id: unodc-vienna-2010", '"id": "t"')},
           expect="ok", want="23,000"),
    Attack("tables", "two tables with one id", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, **TABLES, "cost_tables/copy.yaml": TABLE}, want="copy.yaml"),
    Attack("tables", "two tables with one id in PBI_TABLES", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "a/t.yaml": TABLE, "b/t.yaml": table("percent: 13", "percent: 14")},
           env={"PBI_TABLES": "{d}/a:{d}/b"},
           want="b/t.yaml"),
    # ------------------------------------------------------------------ internal errors
    Attack("errors", "impossible date", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("priced_on: 2010-10-22", "priced_on: 2010-02-30"), **TABLES}, want=":8:"),
    Attack("errors", "impossible date in a table", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
               "values: {2010-01-01: 425}", "values: {2010-02-30: 425}")}, want="date"),
    Attack("errors", "rate of 1e30", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
               "values: {2010-01-01: 425}", "values: {2010-01-01: 1e30}")}, want="at most"),
    Attack("errors", "rounding step of 1e-30", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table("step: 100 ", "step: 1e-30 ")},
           want="step"),
    Attack("errors", "entitlement of 1e40", ("note", "{d}/spec.yaml"),
           {"spec.yaml": spec("rule:", "entitlements: e.yaml\nrule:").replace(
               "    activities:", "    provisions: [{body: cop-untoc}]\n    activities:"),
            "e.yaml": ENTITLEMENTS.replace("meetings: 20 ", "meetings: 1e40 ", 1), **TABLES}, want="at most"),
    Attack("errors", "integer of 5,000 digits", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: " + "9" * 5000), **TABLES}, want="digits"),
    Attack("errors", "lump sum of 10^20", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("kind: documentation", "kind: lump_sum\n        amount: 100000000000000000000")
            .replace("        pages: 16\n", ""), **TABLES}, want=""),
    Attack("errors", "nested rate in a scenario", ("compare", "{d}/spec.yaml", "--scenario", "{d}/s.yaml"),
           {"spec.yaml": SPEC, "s.yaml": "rates:\n  documentation.page: {value: {nested: 3}}\n", **TABLES},
           want="s.yaml:2"),
    Attack("errors", "control characters in text rendered to docx", ("note", "{d}/spec.yaml", "-o", "{d}/n.docx"),
           {"spec.yaml": spec("en: an analytical report of the Secretariat}",
                              'en: "an analytical\\0 report\\v of the\\e[31m Secretariat"}'), **TABLES},
           want="control character", check=_absent("n.docx")),
    Attack("errors", "--chart x.exe", ("cost", "{d}/spec.yaml", "--chart", "{d}/x.exe"),
           {"spec.yaml": SPEC, **TABLES}, want="x.exe", check=_absent("x.exe")),
    Attack("errors", "--diff /bin/ls", ("note", "{d}/spec.yaml", "--diff", "/bin/ls"),
           {"spec.yaml": SPEC, **TABLES}, want="/bin/ls"),
    Attack("errors", "session ending 9999-12-31", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("year: 2012", "year: 2012\n        start: 2012-01-01\n        end: 9999-12-31"),
            **TABLES}, want=":"),
    Attack("errors", "annex number of 23 digits", ("reproduce", "{d}/spec.yaml"),
           {"spec.yaml": spec("annex: 7", "annex: 99999999999999999999999"), **TABLES}, want="annex"),
    Attack("errors", "session ending in 2199", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("year: 2012", "year: 2012\n        start: 2012-01-01\n        end: 2199-12-31"),
            **TABLES}, want="end"),
    Attack("errors", "binary spec", ("cost", "{d}/spec.yaml"), {"spec.yaml": b"\x7fELF\x02\x01\x01\x00" * 100},
           want="spec.yaml"),
    Attack("errors", "bad -o suffix for cost", ("cost", "{d}/spec.yaml", "-o", "{d}/out.docx"),
           {"spec.yaml": SPEC, **TABLES}, want="docx", check=_absent("out.docx")),
    Attack("errors", "error in a table names the table's line", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
               "values: {2010-01-01: 425}", "values: {2010-01-01: lots}")},
           want="unodc-vienna-2010.yaml:82:"),
    Attack("errors", "unknown rate key in a scenario names the scenario", ("compare", "{d}/spec.yaml",
                                                                          "--scenario", "{d}/s.yaml"),
           {"spec.yaml": SPEC, "s.yaml": "name: x\nrates:\n  no.such.rate: 3\n", **TABLES}, want="s.yaml:3"),
    # ------------------------------------------------------------------ promises
    Attack("promises", "!!binary", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("symbol: CTOC", "symbol: !!binary Q1RPQw==\nx: CTOC"), **TABLES}, want="tag"),
    Attack("promises", "!!float", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: !!float 16"), **TABLES}, want="tag"),
    Attack("promises", "!!timestamp", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("priced_on: 2010-10-22", "priced_on: !!timestamp 2010-10-22"), **TABLES}, want="tag"),
    Attack("promises", "!!str on a number", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: !!str 16"), **TABLES}, want="tag"),
    Attack("promises", "paragraph marker in spec text", ("note", "{d}/spec.yaml", "--lang", "en"),
           {"spec.yaml": spec("en: an analytical report", "en: an analytical ⟦P⟧report"), **TABLES},
           want="U+27E6"),
    Attack("promises", "<script> in Markdown", ("note", "{d}/spec.yaml", "--lang", "en", "--format", "md"),
           {"spec.yaml": spec("en: Combating transnational", "en: <script>alert(1)</script> Combating transnational"),
            **TABLES}, expect="ok", want="&lt;script&gt;", unwant="<script>"),
    Attack("promises", "<script> in HTML", ("note", "{d}/spec.yaml", "--lang", "en", "--format", "html"),
           {"spec.yaml": spec("en: Combating transnational", "en: <script>alert(1)</script> Combating transnational"),
            **TABLES}, expect="ok", want="&lt;script&gt;", unwant="<script>"),
    Attack("promises", "Markdown link in spec text", ("note", "{d}/spec.yaml", "--lang", "en", "--format", "md"),
           {"spec.yaml": spec("en: Combating transnational organized crime against cultural property",
                              "en: \"[click](javascript:alert(1)) Combating crime\""),
            **TABLES}, expect="ok", want="\\[click\\]", unwant="[click]"),
    Attack("promises", "ANSI escapes in a checked text", ("check", "{d}/n.txt", "--no-rates"),
           {"n.txt": _check_text("第 8 执行段 \x1b[2J\x1b]0;owned\x07 费用 23,000 美元。")}, expect="exit:0-1",
           unwant="\x1b"),
    Attack("promises", "ANSI escapes in a file name", ("cost", "{d}/\x1b[31mred.yaml"),
           want="no such file", unwant="\x1b"),
]


def families() -> list[str]:
    return list(dict.fromkeys(a.family for a in ATTACKS))


def prepare(attack: Attack, d: Path) -> dict[str, bytes]:
    """Write the attack's files under ``d``; the bytes of every input, to compare afterwards."""
    for name, content in attack.files.items():
        path = d / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if attack.setup:
        attack.setup(d)
    return {name: (d / name).read_bytes() for name in attack.files}


def argv(attack: Attack, d: Path) -> list[str]:
    return [a.replace("{d}", str(d)) for a in attack.argv]


def verdict(attack: Attack, d: Path, before: dict[str, bytes], code: int | None, out: str, err: str,
            seconds: float, peak_mb: float) -> str:
    """"" when the attack was handled, else why not."""
    if code is None:
        return f"no exit within {TIME_BOUND:.0f} s"
    if seconds > TIME_BOUND:
        return f"took {seconds:.1f} s"
    if peak_mb > MEMORY_BOUND_MB:
        return f"took {peak_mb:.0f} MB"
    if "Traceback" in err or "internal error" in err:
        return f"internal error: {err.strip().splitlines()[-1][:200]}"
    expect = attack.expect
    if expect == "error":
        if code != 2:
            return f"exit {code}, expected 2 ({err.strip()[:200]!r})"
        if err.count("\n") != 1:
            return f"expected one line on stderr, got {err[:300]!r}"
        if attack.want and attack.want not in err:
            return f"stderr lacks {attack.want!r}: {err.strip()[:300]!r}"
        if attack.err_chars and len(err) > attack.err_chars:
            return f"an error line of {len(err):,} characters (at most {attack.err_chars:,}): {err[:120]!r}…"
    elif expect == "ok":
        if code != 0:
            return f"exit {code}, expected 0 ({err.strip()[:200]!r})"
        if attack.want and attack.want not in out:
            return f"stdout lacks {attack.want!r}"
    elif expect.startswith("exit:"):
        allowed = expect[5:]
        lo, _, hi = allowed.partition("-")
        if not int(lo) <= code <= int(hi or lo):
            return f"exit {code}, expected {allowed} ({err.strip()[:200]!r})"
    if attack.unwant and (attack.unwant in out or attack.unwant in err):
        return f"output holds {attack.unwant!r}"
    for name, data in before.items():
        path = d / name
        if not path.is_file() or path.read_bytes() != data:
            return f"input {name} was changed"
    for name in attack.special:
        mode = os.lstat(d / name).st_mode
        if stat.S_ISREG(mode):
            return f"{name} was replaced by a regular file"
    if attack.check:
        return attack.check(d)
    return ""
