"""The twelfth round of attacks: every ``pbi`` command as a hostile user tries it.

Numbers a parser takes for infinities (``1e999999``, ``.inf``, ``NaN``, ``10**30`` written out), zero and
negative quantities, text that looks like what it is not (a right-to-left override, zero-width spaces,
Cyrillic letters in a key, a byte-order mark, invalid UTF-8), one line of 5 MB, deep nesting in every
YAML a command reads, symbolic-link loops, FIFOs and devices where files are expected, folders where
files are expected, ``-o`` onto an input by a hard link, and folders with no spec in them or too many
entries to be a folder of specs. Same verdict as the catalogue of ``attack_cases`` (one line, exit 2,
inputs unchanged, no temporary file left, within the bounds).
"""

from __future__ import annotations

import os
from pathlib import Path
from collections.abc import Callable

from attack_cases import SPEC, TABLES, Attack, _fifo, _no_temp, laughs, spec, table
from pbi.model.fileio import MAX_FOLDER_ENTRIES

__all__ = ["ATTACKS12", "FOLDER_ENTRIES"]

#: entries a folder tree of the "too many entries" case holds (over pbi's bound on a folder of specs)
FOLDER_ENTRIES = MAX_FOLDER_ENTRIES + 1_000

_S = {"spec.yaml": SPEC, **TABLES}
_SCEN = "set: {pages: 20}\n"
_NOTE = "关于题为“打击跨国有组织犯罪”的决议草案的财务说明\n\n1. 所需经费估计为23,000美元。\n"
_DRAFT = "Draft resolution\n\nThe General Assembly,\n\n1. Requests the Secretary-General to submit a report.\n"


def _link(name: str, target: str) -> Callable[[Path], None]:
    def make(d: Path) -> None:
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, d / name)
    return make


def _hardlink(name: str, target: str) -> Callable[[Path], None]:
    def make(d: Path) -> None:
        os.link(d / target, d / name)
    return make


def _loop_folder(d: Path) -> None:
    """specs/ holding a spec and a link back to itself (and to its parent)."""
    (d / "specs").mkdir(exist_ok=True)
    os.symlink(".", d / "specs" / "again")
    os.symlink("..", d / "specs" / "up")


def _wide_tree(d: Path) -> None:
    """A tree of FOLDER_ENTRIES empty files in 100 folders, and no spec."""
    root = d / "big"
    for i in range(100):
        sub = root / f"f{i:03}"
        sub.mkdir(parents=True)
        for j in range(FOLDER_ENTRIES // 100):
            (sub / f"{j}.txt").touch()


def _deep_tree(d: Path) -> None:
    """A folder 400 levels deep, a spec at the bottom."""
    path = d / "deep" / "/".join(["d"] * 400)
    path.mkdir(parents=True)
    (path / "spec.yaml").write_text(SPEC, encoding="utf-8")


def _hidden_only(d: Path) -> None:
    (d / "specs" / ".git").mkdir(parents=True)
    (d / "specs" / ".git" / "config.yaml").write_text(SPEC, encoding="utf-8")


def _nested(depth: int, kind: str = "map") -> str:
    if kind == "map":
        return "{a: " * depth + "1" + "}" * depth
    return "[" * depth + "1" + "]" * depth


def _block(depth: int) -> str:
    return "".join(" " * i + "k:\n" for i in range(depth)) + " " * depth + "k: 1\n"


def _unchanged_spec(d: Path) -> str:
    return "" if (d / "spec.yaml").read_text(encoding="utf-8") == SPEC else "spec.yaml was changed"


def _no_output(name: str) -> Callable[[Path], str]:
    def check(d: Path) -> str:
        return f"{name} was written" if (d / name).exists() else _no_temp(d)
    return check


ATTACKS12: list[Attack] = [
    # numbers no one can price
    *[Attack("numbers12", f"pages: {value}", ("cost", "{d}/spec.yaml"),
             {"spec.yaml": spec("pages: 16", f"pages: {value}"), **TABLES}, want="pages")
      for value in ("1e999999", ".inf", "-.inf", ".nan", "NaN", "Infinity", "1e30", "1" + "0" * 30, "-16", "0x10",
                    "1_0e5", "16.0000000000000000000000000000001", "0", "[16]", "{a: 1}", "null", "~", "''")],
    Attack("numbers12", "pages: '16' (a quoted number)", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: '16'"), **TABLES}, expect="ok"),
    *[Attack("numbers12", f"published amount {value}", ("reproduce", "{d}/spec.yaml"),
             {"spec.yaml": spec("amount: 23000", f"amount: {value}"), **TABLES}, want="amount")
      for value in ("1e999999", ".inf", ".nan", "10" + "0" * 40)],
    Attack("numbers12", "published amount -23000", ("reproduce", "{d}/spec.yaml"),
           {"spec.yaml": spec("amount: 23000", "amount: -23000"), **TABLES}, expect="exit:1-2"),
    *[Attack("numbers12", f"year {value}", ("cost", "{d}/spec.yaml"),
             {"spec.yaml": spec("year: 2012", f"year: {value}"), **TABLES}, want="year")
      for value in ("1e999999", "99999999999999999999", "-2012", ".nan", "2012.5")],
    *[Attack("numbers12", f"rate {value} in a table", ("cost", "{d}/spec.yaml"),
             {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
                 "values: {2010-01-01: \"235.16\"}", f"values: {{2010-01-01: {value}}}")}, want="unodc-vienna-2010.yaml")
      for value in ("1e999999", ".inf", ".nan", "-1840")],
    *[Attack("numbers12", f"--set pages={value}", ("compare", "{d}/spec.yaml", "--set", f"pages={value}"), _S,
             want="pages")
      for value in ("1e999999", "inf", "nan", "-5", "1" + "0" * 40, "٣", "1e-999999")],
    *[Attack("numbers12", f"scenario pages {value}", ("compare", "{d}/spec.yaml", "--scenario", "{d}/s.yaml"),
             {**_S, "s.yaml": f"set: {{pages: {value}}}\n"}, want="s.yaml")
      for value in ("1e999999", ".inf", ".nan", "-5")],
    *[Attack("numbers12", f"calibrate --places {value}", ("calibrate", "{d}/spec.yaml", "--places", value), _S,
             want="--places")
      for value in ("-1", "999999999", "1e3", "nan")],
    # text that is not what it looks like
    Attack("unicode12", "right-to-left override in an activity id", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC.replace("analytical-report", "analytical\u202e-report"), **TABLES}, expect="exit:0-2"),
    Attack("unicode12", "zero-width space in a key", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pa\u200bges: 16"), **TABLES}, want="spec.yaml"),
    Attack("unicode12", "Cyrillic letters in a key", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "раges: 16"), **TABLES}, want="spec.yaml"),
    Attack("unicode12", "Cyrillic letters in a table id", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("table: unodc-vienna-2010", "table: unоdc-vienna-2010"), **TABLES},
           want="spec.yaml"),
    Attack("unicode12", "a UTF-8 byte-order mark", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": b"\xef\xbb\xbf" + SPEC.encode(), **TABLES}, expect="ok"),
    Attack("unicode12", "invalid UTF-8 in a spec", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC.replace("秘书处", "秘书").encode() + b"# \xff\xfe\xc0\x80\n", **TABLES},
           want="spec.yaml"),
    Attack("unicode12", "a lone surrogate escaped in a spec", ("note", "{d}/spec.yaml", "--lang", "en"),
           {"spec.yaml": spec("en: an analytical report", 'en: "\\ud800 an analytical report"').replace(
               "{zh: 秘书处的分析报告, en: \"", "{zh: 秘书处的分析报告, en: \""), **TABLES}, expect="exit:0-2"),
    Attack("unicode12", "invalid UTF-8 in a note", ("check", "{d}/n.txt", "--no-rates"),
           {"n.txt": _NOTE.encode() + b"\xff\xfe\n"}, want="n.txt"),
    Attack("unicode12", "invalid UTF-8 in a draft", ("draft", "{d}/d.txt"),
           {"d.txt": _DRAFT.encode() + b"\xff\xfe\n"}, want="d.txt"),
    Attack("unicode12", "UTF-16 draft", ("draft", "{d}/d.txt"), {"d.txt": _DRAFT.encode("utf-16")},
           expect="exit:0-2"),
    Attack("unicode12", "a non-UTF-8 file name", ("cost", "{d}/sp\udcffec.yaml"), _S, want="no such file"),
    Attack("unicode12", "combining marks in --lang", ("note", "{d}/spec.yaml", "--lang", "e\u0301n"), _S,
           want="lang"),
    # very long lines and large values
    Attack("long12", "a 5 MB line in a spec", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("label: {zh:", "note: " + "x" * 5_000_000 + "\n        label: {zh:"), **TABLES}),
    Attack("long12", "a 3 MB label", ("note", "{d}/spec.yaml", "--lang", "en"),
           {"spec.yaml": spec("en: an analytical report", "en: " + "word " * 600_000 + "x"), **TABLES},
           expect="exit:0-2"),
    Attack("long12", "a 5 MB line in a note", ("check", "{d}/n.txt", "--no-rates"),
           {"n.txt": _NOTE + "1" * 5_000_000 + "\n"}, expect="exit:0-2"),
    Attack("long12", "a 5 MB line in a draft", ("draft", "{d}/d.txt"),
           {"d.txt": _DRAFT + "x" * 5_000_000 + "\n"}, expect="exit:0-2"),
    Attack("long12", "a 1 MB --set", ("compare", "{d}/spec.yaml", "--set", "pages=" + "9" * 100_000), _S,
           want="pages"),
    Attack("long12", "a 100,000-character explain target", ("explain", "{d}/spec.yaml", "F" * 100_000), _S,
           want="target"),
    Attack("long12", "a 100,000-character --draft", ("draft", "{d}/d.txt", "--draft", "5" * 100_000),
           {"d.txt": _DRAFT}, want="characters)"),
    # nesting in every YAML a command reads
    Attack("nesting12", "deep flow mapping in a spec", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: " + _nested(5000)), **TABLES}, want="spec.yaml"),
    Attack("nesting12", "deep block mapping in a table", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table() + "extra:\n" + _block(3000)},
           want="unodc-vienna-2010.yaml"),
    Attack("nesting12", "deep flow list in a scenario", ("compare", "{d}/spec.yaml", "--scenario", "{d}/s.yaml"),
           {**_S, "s.yaml": "set: {pages: " + _nested(5000, "list") + "}\n"}, want="s.yaml"),
    Attack("nesting12", "deep flow list in a table given by --table", ("cost", "{d}/spec.yaml", "--table", "{d}/t.yaml"),
           {**_S, "t.yaml": "id: t\nrates: " + _nested(5000, "list") + "\n"}, want="t.yaml"),
    Attack("nesting12", "billion laughs in a table", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table() + laughs()}, want="alias"),
    Attack("nesting12", "billion laughs in a table listed", ("tables", "{d}/cost_tables"),
           {"cost_tables/unodc-vienna-2010.yaml": table() + laughs()}, want="alias"),
    Attack("nesting12", "billion laughs in calibrate's spec", ("calibrate", "{d}/spec.yaml"),
           {"spec.yaml": SPEC + laughs(), **TABLES}, want="alias"),
    Attack("nesting12", "a merge key", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC + "x: {<<: {a: 1}}\n", **TABLES}, want="spec.yaml"),
    Attack("nesting12", "a recursive alias", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC + "x: &a [*a]\n", **TABLES}, want="spec.yaml"),
    Attack("nesting12", "a Python tag", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC + "x: !!python/object/apply:os.system [echo pwned]\n", **TABLES},
           want="spec.yaml", unwant="pwned"),
    Attack("nesting12", "10,000 documents in one file", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC + "---\na: 1\n" * 10_000, **TABLES}, want="spec.yaml"),
    # files that are no files
    Attack("files12", "a symbolic-link loop as a spec", ("cost", "{d}/loop.yaml"), setup=_link("loop.yaml", "loop.yaml"),
           want="loop.yaml"),
    Attack("files12", "a symbolic-link loop as a table", ("cost", "{d}/spec.yaml", "--table", "{d}/loop.yaml"), _S,
           setup=_link("loop.yaml", "loop.yaml"), want="loop.yaml"),
    Attack("files12", "a symbolic-link loop in a folder of specs", ("reproduce", "{d}/specs"),
           {"specs/a.yaml": SPEC, **TABLES}, setup=_link("specs/loop.yaml", "loop.yaml"), want="loop.yaml"),
    Attack("files12", "a symbolic-link loop in cost_tables", ("tables", "{d}/cost_tables"), TABLES,
           setup=_link("cost_tables/loop.yaml", "loop.yaml"), want="loop.yaml"),
    Attack("files12", "a folder linking to itself among specs", ("reproduce", "{d}/specs"),
           {"specs/a.yaml": SPEC, **TABLES}, setup=_loop_folder, expect="exit:0-1"),
    Attack("files12", "a folder linking to itself, calibrated", ("calibrate", "{d}/specs"),
           {"specs/a.yaml": SPEC, **TABLES}, setup=_loop_folder, expect="exit:0-2"),
    Attack("files12", "a dangling link as a spec", ("cost", "{d}/gone.yaml"), setup=_link("gone.yaml", "nowhere.yaml"),
           want="gone.yaml"),
    Attack("files12", "a link to /dev/zero as a spec", ("cost", "{d}/z.yaml"), setup=_link("z.yaml", "/dev/zero"),
           want="not a regular file"),
    Attack("files12", "/dev/zero as a scenario", ("compare", "{d}/spec.yaml", "--scenario", "/dev/zero"), _S,
           want="not a regular file"),
    Attack("files12", "/dev/zero as a table", ("cost", "{d}/spec.yaml", "--table", "/dev/zero"), _S,
           want="/dev/zero"),
    Attack("files12", "/dev/zero as --diff", ("note", "{d}/spec.yaml", "--diff", "/dev/zero"), _S,
           want="/dev/zero"),
    Attack("files12", "/dev/urandom to calibrate", ("calibrate", "/dev/urandom"), want="/dev/urandom"),
    Attack("files12", "/dev/stdin (a FIFO) to reproduce", ("reproduce", "{d}/f.yaml"), setup=_fifo("f.yaml"),
           want="not a regular file"),
    Attack("files12", "a FIFO as a scenario", ("note", "{d}/spec.yaml", "--scenario", "{d}/s.yaml"), _S,
           setup=_fifo("s.yaml"), want="not a regular file"),
    Attack("files12", "a FIFO as --diff", ("note", "{d}/spec.yaml", "--diff", "{d}/seed.txt"), _S,
           setup=_fifo("seed.txt"), want="not a regular file"),
    Attack("files12", "a FIFO as a workbook scenario", ("note", "{d}/spec.yaml", "--scenario", "{d}/w.xlsx"), _S,
           setup=_fifo("w.xlsx"), want="not a regular file"),
    Attack("files12", "a folder as --table", ("cost", "{d}/spec.yaml", "--table", "{d}/cost_tables"), _S,
           want="cost_tables"),
    Attack("files12", "a folder as --scenario", ("compare", "{d}/spec.yaml", "--scenario", "{d}/cost_tables"), _S,
           want="cost_tables"),
    Attack("files12", "a folder as --diff", ("note", "{d}/spec.yaml", "--diff", "{d}/cost_tables"), _S,
           want="cost_tables"),
    Attack("files12", "a folder as explain's spec", ("explain", "{d}/cost_tables", "total"), _S, want="cost_tables"),
    Attack("files12", "a folder as conclude's spec", ("conclude", "{d}/cost_tables"), _S, want="cost_tables"),
    Attack("files12", "a folder as a draft", ("draft", "{d}/cost_tables"), _S, want="cost_tables"),
    Attack("files12", "a folder as a note to check", ("check", "{d}/cost_tables"), _S, want="cost_tables"),
    Attack("files12", "a spec ending in a slash (read as the file)", ("cost", "{d}/spec.yaml/"), _S, expect="ok"),
    # outputs onto inputs, and outputs that cannot be
    Attack("outputs12", "cost -o a hard link to its spec", ("cost", "{d}/spec.yaml", "-o", "{d}/out.txt"), _S,
           setup=_hardlink("out.txt", "spec.yaml"), want="out.txt", check=_unchanged_spec),
    Attack("outputs12", "note -o a hard link to its spec", ("note", "{d}/spec.yaml", "-o", "{d}/out.md"), _S,
           setup=_hardlink("out.md", "spec.yaml"), want="out.md", check=_unchanged_spec),
    Attack("outputs12", "draft -o a hard link to its draft", ("draft", "{d}/d.txt", "-o", "{d}/out.yaml"),
           {"d.txt": _DRAFT}, setup=_hardlink("out.yaml", "d.txt"), want="out.yaml"),
    Attack("outputs12", "workbook -o a link to its spec", ("workbook", "{d}/spec.yaml", "-o", "{d}/w.xlsx"), _S,
           setup=_link("w.xlsx", "spec.yaml"), want="w.xlsx", check=_unchanged_spec),
    Attack("outputs12", "calibrate -o its spec", ("calibrate", "{d}/spec.yaml", "-o", "{d}/spec.yaml"), _S,
           want="spec.yaml", check=_unchanged_spec),
    Attack("outputs12", "calibrate -o a table of its folder's cost_tables", (
        "calibrate", "{d}/spec.yaml", "-o", "{d}/cost_tables/unodc-vienna-2010.yaml"), _S,
           want="unodc-vienna-2010.yaml"),
    Attack("outputs12", "compare --chart onto its scenario", (
        "compare", "{d}/spec.yaml", "--scenario", "{d}/s.png", "--chart", "{d}/s.png"), {**_S, "s.png": _SCEN},
           want="s.png"),
    Attack("outputs12", "-o in a missing folder", ("cost", "{d}/spec.yaml", "-o", "{d}/no/such/out.txt"), _S,
           want="out.txt", check=_no_output("no")),
    Attack("outputs12", "-o onto /dev/zero", ("cost", "{d}/spec.yaml", "-o", "/dev/zero"), _S, want="/dev/zero"),
    Attack("outputs12", "-o onto a folder", ("note", "{d}/spec.yaml", "-o", "{d}/cost_tables"), _S,
           want="cost_tables"),
    Attack("outputs12", "-o onto a dangling link", ("cost", "{d}/spec.yaml", "-o", "{d}/gone.txt"), _S,
           setup=_link("gone.txt", "/nonexistent-pbi/out.txt"), want="gone.txt"),
    Attack("outputs12", "-o onto a link loop", ("cost", "{d}/spec.yaml", "-o", "{d}/loop.txt"), _S,
           setup=_link("loop.txt", "loop.txt"), want="loop.txt"),
    Attack("outputs12", "draft -o into a folder holding the draft", ("draft", "{d}/in/d.txt", "-o", "{d}/in/"),
           {"in/d.txt": _DRAFT}, expect="exit:0-2"),
    # folders of specs: no spec, too many entries, links and depth
    Attack("folders12", "a folder of specs with only hidden ones", ("reproduce", "{d}/specs"), setup=_hidden_only,
           want="no spec"),
    Attack("folders12", "a tree too large to hold specs", ("reproduce", "{d}/big"), setup=_wide_tree,
           want="big"),
    Attack("folders12", "a tree too large to hold specs, calibrated", ("calibrate", "{d}/big"), setup=_wide_tree,
           want="big"),
    Attack("folders12", "a folder 400 levels deep", ("reproduce", "{d}/deep"), {**TABLES}, setup=_deep_tree,
           expect="exit:0-2"),
    Attack("folders12", "an empty folder to check", ("check", "{d}/empty"), setup=lambda d: (d / "empty").mkdir(),
           want="empty"),
    Attack("folders12", "an empty folder of tables", ("tables", "{d}/empty"), setup=lambda d: (d / "empty").mkdir(),
           want="empty"),
    # arguments
    Attack("args12", "an option as a spec name", ("cost", "--", "-o"), want="-o"),
    Attack("args12", "--table naming no table", ("cost", "{d}/spec.yaml", "--table", "../../etc/passwd"), _S,
           want="passwd"),
    Attack("args12", "schema of something else", ("schema", "passwd"), want="schema"),
    Attack("args12", "explain of a figure with a line break", ("explain", "{d}/spec.yaml", "F18\nF19"), _S,
           want="target"),
    Attack("args12", "--id with a slash", ("calibrate", "{d}/spec.yaml", "--id", "../x", "-o", "{d}/t.yaml"), _S,
           want="--id", check=_no_output("t.yaml")),
]
