"""The thirteenth round of attacks: reliability under hostile input, where rounds 1-12 did not go.

YAML's less used features (directives, document markers, block scalars in a symbol, CR line ends),
absurd values of the right type (a billion meetings, year 9999, seven languages, a grade that does
not exist), tables that extend themselves or nothing, ``PBI_TABLES`` naming a file, nothing or ``/``,
outputs that are read-only or restricted files, dates in ``--set`` and scenario files written in any of
ISO's forms or in year 9999, scenario files with a name that is no text, Word files that are no Word
files, error messages quoting a 100,000-character value, the environment (``LANG=C``, no ``HOME``,
a missing ``TMPDIR``), and the Python API given ``None``, a number or the wrong object
(``API13``: a :class:`pbi.PbiError` naming the argument, never a TypeError from deep inside).

Same verdict as the catalogue of ``attack_cases`` (one line, exit 2, inputs unchanged, no temporary
file left, within the bounds); ``err_chars`` bounds the length of the error line.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from attack4_cases import DRAFT as _DRAFT_LINES, NOTE, word
from attack_cases import SPEC, TABLE, TABLES, Attack, _no_temp, spec, table

__all__ = ["ATTACKS13", "API13", "ApiAttack", "api_verdict"]

_S = {"spec.yaml": SPEC, **TABLES}
_C = ("cost", "{d}/spec.yaml")
_CMP = ("compare", "{d}/spec.yaml")
_DRAFT = "Draft resolution\n\nThe General Assembly,\n\n1. Requests the Secretary-General to submit a report.\n"
_LONG = "x" * 100_000
#: the longest error line a case with a 100,000-character value may print
_ERR = 1_000

_MEETING = """      - id: m
        kind: meeting
        label: {zh: 会议, en: meeting}
        days: 5
        count: COUNT
        languages: LANGS
        interpretation: true
        location: Vienna
        year: YEAR
        funding: budget_process
"""
_STAFF = """      - id: s
        kind: staff
        label: {zh: 专家, en: expert}
        grade: GRADE
        work_months: WM
        year: 2011
        funding: budget_process
"""


def _meeting(count: object = 1, langs: object = 6, year: object = 2011) -> str:
    block = _MEETING.replace("COUNT", str(count)).replace("LANGS", str(langs)).replace("YEAR", str(year))
    return spec("published:", block + "published:")


def _staff(grade: object = "P-3", wm: object = 3) -> str:
    return spec("published:", _STAFF.replace("GRADE", str(grade)).replace("WM", str(wm)) + "published:")


def _extends(base: str) -> str:
    return TABLE.replace("id: unodc-vienna-2010", f"id: unodc-vienna-2010\nextends: {base}", 1)


def _entitled(name: str, content: str | None = None) -> dict[str, str | bytes]:
    """A spec that recalls a provision of the entitlements file ``name`` (written with ``content``)."""
    files: dict[str, str | bytes] = {"spec.yaml": spec("rule:", f"entitlements: {name}\nrule:").replace(
        "    activities:", "    provisions: [{body: cop-untoc}]\n    activities:"), **TABLES}
    if content is not None:
        files[name] = content
    return files



def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _word_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(word(_DRAFT_LINES))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


_PARTS = _word_parts()
_XML = _PARTS["word/document.xml"].split(b"?>", 1)[1]
_WORD: dict[str, bytes] = {
    "no word/document.xml": _zip({k: v for k, v in _PARTS.items() if k != "word/document.xml"}),
    "an empty zip": _zip({}),
    "300 MB of media": _zip({**_PARTS, "word/media/big.bin": b"\0" * 300_000_000}),
    "an external entity": _zip({**_PARTS, "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM '
                                b'"file:///etc/hostname">]>' + _XML.replace(b"Draft resolution", b"&e; Draft resolution")}),
    "nested entities": _zip({**_PARTS, "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                             + b"".join(b'<!ENTITY %c "%s">' % (bytes([c]), (b"&%c;" % (c - 1)) * 10)
                                        for c in range(ord("b"), ord("i")))
                             + b"]>" + _XML.replace(b"Draft resolution", b"&h;")}),
    "a document.xml that is no XML": _zip({**_PARTS, "word/document.xml": b"\xff\xfe garbage"}),
    "a workbook under a .docx name": _zip({"xl/workbook.xml": b"<x/>", "[Content_Types].xml": _PARTS["[Content_Types].xml"]}),
    "the start of a zip": b"PK\x03\x04 not really",
}


def _mode(name: str, mode: int) -> Callable[[Path], None]:
    def make(d: Path) -> None:
        os.chmod(d / name, mode)
    return make


def _old(name: str, mode: int) -> Callable[[Path], None]:
    """An old output ``name`` with permissions ``mode`` (not an input: pbi replaces it)."""
    def make(d: Path) -> None:
        (d / name).write_bytes(b"old\n")
        os.chmod(d / name, mode)
    return make


def _kept(name: str, text: str, mode: int) -> Callable[[Path], str]:
    """The file ``name`` still holds ``text`` with permissions ``mode``."""
    def check(d: Path) -> str:
        path = d / name
        if path.read_text(encoding="utf-8") != text:
            return f"{name} was replaced"
        got = stat.S_IMODE(os.stat(path).st_mode)
        return _no_temp(d) or (f"{name} is now {got:o}, was {mode:o}" if got != mode else "")
    return check


def _mode_kept(name: str, mode: int) -> Callable[[Path], str]:
    """The file ``name`` was written and keeps permissions ``mode``."""
    def check(d: Path) -> str:
        if (d / name).read_bytes() == b"old\n":
            return f"{name} was not written"
        got = stat.S_IMODE(os.stat(d / name).st_mode)
        return _no_temp(d) or (f"{name} was made {got:o} (it was {mode:o})" if got != mode else "")
    return check


ATTACKS13: list[Attack] = [
    # ------------------------------------------------------------------ YAML features
    Attack("yaml13", "a key twice in an activity", _C, {"spec.yaml": spec("pages: 16", "pages: 16\n        pages: 17"),
                                                        **TABLES}, want=":20:"),
    Attack("yaml13", "a merge key in a block mapping", _C,
           {"spec.yaml": SPEC.replace("        pages: 16\n", "        <<: {pages: 16}\n"), **TABLES}, want="<<"),
    Attack("yaml13", "an anchor used nowhere", _C, {"spec.yaml": spec("pages: 16", "pages: &p 16"), **TABLES},
           want="anchors"),
    Attack("yaml13", "a second document", _C, {"spec.yaml": SPEC + "---\n" + SPEC, **TABLES}, want="document"),
    Attack("yaml13", "an end-of-document marker", _C, {"spec.yaml": SPEC + "...\n", **TABLES}, expect="ok"),
    Attack("yaml13", "a start-of-document marker", _C, {"spec.yaml": "---\n" + SPEC, **TABLES}, expect="ok"),
    Attack("yaml13", "a %YAML 1.1 directive (still read by the 1.2 core rules)", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": "%YAML 1.1\n---\n" + spec("pages: 16", "pages: 0o17"), **TABLES}, want="not a number"),
    Attack("yaml13", "a %TAG directive and its tag", _C,
           {"spec.yaml": "%TAG !e! tag:example.com,2000:\n---\n" + SPEC + "x: !e!thing 1\n", **TABLES}, want="tag"),
    Attack("yaml13", "a byte-order mark inside a value", _C,
           {"spec.yaml": SPEC.replace("annex: 7", "annex: 7\ufeff"), **TABLES}, want="annex"),
    Attack("yaml13", "a NUL byte inside a value", _C, {"spec.yaml": spec("pages: 16", "pages: 1\x006").encode(), **TABLES},
           want="NUL"),
    Attack("yaml13", "CRLF line ends", _C, {"spec.yaml": SPEC.replace("\n", "\r\n"), **TABLES}, expect="ok"),
    Attack("yaml13", "CR line ends", _C, {"spec.yaml": SPEC.replace("\n", "\r"), **TABLES}, expect="ok"),
    Attack("yaml13", "a tab as indentation", _C, {"spec.yaml": SPEC.replace("        pages: 16", "\tpages: 16"),
                                                  **TABLES}, want=":19:"),
    Attack("yaml13", "1e400 pages", _C, {"spec.yaml": spec("pages: 16", "pages: 1e400"), **TABLES}, want="pages"),
    Attack("yaml13", "a date as a key", _C, {"spec.yaml": SPEC + "2010-01-01: x\n", **TABLES}, want="2010-01-01"),
    Attack("yaml13", "a date as an activity id", _C, {"spec.yaml": spec("id: analytical-report", "id: 2010-01-01"),
                                                      **TABLES}, want="id"),
    Attack("yaml13", "null as a key", _C, {"spec.yaml": SPEC + "~: x\n", **TABLES}, want="key"),
    Attack("yaml13", "a list as a key", _C, {"spec.yaml": SPEC + "? [a, b]\n: x\n", **TABLES}, want="key"),
    Attack("yaml13", "'no' as a label's language", _C,
           {"spec.yaml": spec("label: {zh: 秘书处的分析报告,", "label: {no: x, zh: 秘书处的分析报告,"), **TABLES},
           want="label.no"),
    Attack("yaml13", "'off' and 'no' as languages", _C, {"spec.yaml": _meeting(langs="[no, off]"), **TABLES},
           want="'no'"),
    Attack("yaml13", "!!set", _C, {"spec.yaml": SPEC + "x: !!set {a, b}\n", **TABLES}, want="tag"),
    Attack("yaml13", "a verbatim tag", _C, {"spec.yaml": SPEC + "x: !<tag:yaml.org,2002:str> bar\n", **TABLES},
           want="tag"),
    Attack("yaml13", "a 2 MB key", _C, {"spec.yaml": SPEC + "k" * 2_000_000 + ": 1\n", **TABLES}, want="spec.yaml",
           err_chars=_ERR),
    Attack("yaml13", "a symbol written as a block scalar (a line break in it)", _C,
           {"spec.yaml": spec("symbol: CTOC/COP/2010/L.8/Rev.1", "symbol: |\n  CTOC/COP/2010/L.8/Rev.1"), **TABLES},
           want="symbol"),
    Attack("yaml13", "a symbol folded onto one line", _C,
           {"spec.yaml": spec("symbol: CTOC/COP/2010/L.8/Rev.1", "symbol: >-\n  CTOC/COP/2010/L.8/Rev.1"), **TABLES},
           expect="ok", want="CTOC/COP/2010/L.8/Rev.1 — priced"),
    # ------------------------------------------------------------------ absurd values of the right type
    Attack("values13", "a meeting (valid)", _C, {"spec.yaml": _meeting(), **TABLES}, expect="ok"),
    Attack("values13", "a billion meetings", _C, {"spec.yaml": _meeting(count=1_000_000_000), **TABLES}, want="count"),
    Attack("values13", "a meeting in 9999", _C, {"spec.yaml": _meeting(year=9999), **TABLES}, want="year"),
    Attack("values13", "a meeting in year 0", _C, {"spec.yaml": _meeting(year=0), **TABLES}, want="year"),
    Attack("values13", "0 languages", _C, {"spec.yaml": _meeting(langs=0), **TABLES}, want="languages"),
    Attack("values13", "7 languages", _C, {"spec.yaml": _meeting(langs=7), **TABLES}, want="languages"),
    Attack("values13", "an empty list of languages", _C, {"spec.yaml": _meeting(langs="[]"), **TABLES},
           want="languages"),
    Attack("values13", "a language twice", _C, {"spec.yaml": _meeting(langs="[en, en]"), **TABLES}, want="languages"),
    Attack("values13", "a post (valid)", _C, {"spec.yaml": _staff(), **TABLES}, expect="ok"),
    Attack("values13", "negative work-months", _C, {"spec.yaml": _staff(wm=-3), **TABLES}, want="work_months"),
    Attack("values13", "a billion work-months", _C, {"spec.yaml": _staff(wm=10**9), **TABLES}, want="work_months"),
    Attack("values13", "grade P-9", _C, {"spec.yaml": _staff(grade="P-9"), **TABLES}, want="P-9"),
    Attack("values13", "a grade that is a format string", _C, {"spec.yaml": _staff(grade="'{0.__class__}'"), **TABLES},
           want="grade"),
    Attack("values13", "a grade the table does not price", _C, {"spec.yaml": _staff(grade="USG"), **TABLES},
           want="staff.USG"),
    Attack("values13", "a note of a billion meetings", ("note", "{d}/spec.yaml", "--lang", "en"),
           {"spec.yaml": _meeting(count=1_000_000_000), **TABLES}, want="count"),
    Attack("values13", "a workbook of a meeting in 9999", ("workbook", "{d}/spec.yaml", "-o", "{d}/w.xlsx"),
           {"spec.yaml": _meeting(year=9999), **TABLES}, want="year", check=lambda d: _no_temp(d) or (
               "w.xlsx was written" if (d / "w.xlsx").exists() else "")),
    Attack("values13", "budget period 2011-2010", _C,
           {"spec.yaml": spec("budget_period: 2010-2011", "budget_period: 2011-2010"), **TABLES}, want="budget_period"),
    Attack("values13", "priced on 2199-12-31", _C,
           {"spec.yaml": spec("priced_on: 2010-10-22", "priced_on: 2199-12-31"), **TABLES}, want="2199-12-31"),
    Attack("values13", "an activity kind '__class__'", _C,
           {"spec.yaml": spec("kind: documentation", "kind: __class__"), **TABLES}, want="__class__"),
    Attack("values13", "no requests at all", _C, {"spec.yaml": SPEC.split("requests:")[0] + "requests: []\npublished: []\n",
                                                  **TABLES}, expect="ok"),
    # ------------------------------------------------------------------ tables and PBI_TABLES
    Attack("tables13", "a table that extends itself", _C, {"spec.yaml": SPEC,
                                                           "cost_tables/unodc-vienna-2010.yaml": _extends("unodc-vienna-2010")},
           want="builds on itself"),
    Attack("tables13", "a table that extends a missing table", _C,
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": _extends("nope")}, want="'nope'"),
    Attack("tables13", "two tables extending each other", _C,
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": _extends("b"),
            "cost_tables/b.yaml": "id: b\ntitle: B\nextends: unodc-vienna-2010\n"}, want="builds on itself"),
    Attack("tables13", "extends a list", _C, {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": _extends("[a, b]")},
           want="extends"),
    Attack("tables13", "extends a path", _C,
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": _extends("../../etc/passwd")}, want="extends"),
    Attack("tables13", "PBI_TABLES naming a file", _C, {"spec.yaml": SPEC, "t.yaml": TABLE},
           env={"PBI_TABLES": "{d}/t.yaml"}, want="is a file"),
    Attack("tables13", "PBI_TABLES naming no folder", _C, {"spec.yaml": SPEC}, env={"PBI_TABLES": "{d}/nowhere"},
           want="no such folder"),
    Attack("tables13", "PBI_TABLES naming /dev/null", _C, {"spec.yaml": SPEC}, env={"PBI_TABLES": "/dev/null"},
           want="/dev/null"),
    Attack("tables13", "PBI_TABLES empty", _C, _S, env={"PBI_TABLES": ""}, expect="ok"),
    Attack("tables13", "PBI_TABLES of separators only", _C, _S, env={"PBI_TABLES": ":::"}, expect="ok"),
    Attack("tables13", "PBI_TABLES with a line break", _C, {"spec.yaml": SPEC}, env={"PBI_TABLES": "{d}/a\nb"},
           want="\\n"),
    Attack("tables13", "PBI_TABLES=/ and a table nowhere", _C,
           {"spec.yaml": spec("table: unodc-vienna-2010", "table: zz")}, env={"PBI_TABLES": "/"}, want="'zz'"),
    Attack("tables13", "pbi tables /proc", ("tables", "/proc"), want="/proc"),
    Attack("tables13", "cost_tables is a file (the shipped table is used)", _C, {"spec.yaml": SPEC, "cost_tables": "x"},
           expect="ok"),
    Attack("tables13", "an empty table", _C, {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": ""},
           want="unodc-vienna-2010.yaml"),
    Attack("tables13", "a binary table", _C, {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": bytes(range(256))},
           want="unodc-vienna-2010.yaml"),
    Attack("tables13", "a table id that is a number", _C,
           {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": TABLE.replace("id: unodc-vienna-2010", "id: 2010")},
           want="unodc-vienna-2010"),
    Attack("tables13", "a spec's table: null", _C, {"spec.yaml": spec("table: unodc-vienna-2010", "table: null"),
                                                    **TABLES}, want="table"),
    # ------------------------------------------------------------------ entitlements files a spec names
    Attack("tables13", "an entitlements file that does not exist", ("note", "{d}/spec.yaml"), _entitled("nope.yaml"),
           want="nope.yaml: no such file"),
    Attack("tables13", "an empty entitlements file", ("note", "{d}/spec.yaml"), _entitled("e.yaml", ""),
           want="e.yaml: file is empty"),
    Attack("tables13", "an entitlements file of one list", ("note", "{d}/spec.yaml"), _entitled("e.yaml", "- 1\n"),
           want="e.yaml:1:"),
    Attack("tables13", "entitlements: /etc/passwd", ("note", "{d}/spec.yaml"), _entitled("/etc/passwd"),
           want="spec.yaml:5: entitlements"),
    Attack("tables13", "the spec as its own entitlements file", ("note", "{d}/spec.yaml"), _entitled("spec.yaml"),
           want="spec.yaml:1:"),
    # ------------------------------------------------------------------ outputs
    Attack("outputs13", "-o onto a read-only file", (*_C, "-o", "{d}/out.txt"), {**_S, "out.txt": "keep\n"},
           setup=_mode("out.txt", 0o444), want="out.txt", check=_kept("out.txt", "keep\n", 0o444)),
    Attack("outputs13", "note -o onto a read-only file", ("note", "{d}/spec.yaml", "-o", "{d}/n.md"),
           {**_S, "n.md": "keep\n"}, setup=_mode("n.md", 0o400), want="n.md", check=_kept("n.md", "keep\n", 0o400)),
    Attack("outputs13", "-o onto a file only its owner may read keeps it so", (*_C, "-o", "{d}/out.txt"),
           _S, setup=_old("out.txt", 0o600), expect="ok", check=_mode_kept("out.txt", 0o600)),
    Attack("outputs13", "workbook -o onto a group-readable file keeps it so",
           ("workbook", "{d}/spec.yaml", "-o", "{d}/w.xlsx"), _S, setup=_old("w.xlsx", 0o640),
           expect="ok", check=_mode_kept("w.xlsx", 0o640)),
    Attack("outputs13", "-o /dev/full", (*_C, "-o", "/dev/full"), _S, want="/dev/full"),
    Attack("outputs13", "-o /", (*_C, "-o", "/"), _S, want="directory"),
    Attack("outputs13", "-o a path of 6,000 characters", (*_C, "-o", "{d}/" + "/".join(["x" * 200] * 30) + ".txt"), _S,
           want="txt"),
    Attack("outputs13", "-o under a file", (*_C, "-o", "{d}/spec.yaml/out.txt"), _S, want="out.txt"),
    Attack("outputs13", "--chart /dev/full", (*_C, "--chart", "/dev/full"), _S, want="/dev/full"),
    Attack("outputs13", "workbook -o without a suffix", ("workbook", "{d}/spec.yaml", "-o", "{d}/w"), _S, want="xlsx"),
    Attack("outputs13", "note -o a .DOCX in capitals", ("note", "{d}/spec.yaml", "-o", "{d}/n.DOCX"), _S, expect="ok",
           check=lambda d: "" if (d / "n.DOCX").read_bytes()[:2] == b"PK" else "n.DOCX is no Word file"),
    # ------------------------------------------------------------------ dates and names in scenarios
    *[Attack("scenario13", f"--set a rate from {date}", (*_CMP, "--set", f"rates.documentation.page=5@{date}"), _S,
             want=date)
      for date in ("9999-01-01", "1800-01-01", "20120101", "2012-W01-1")],
    Attack("scenario13", "--set a rate from 2012-01-01 (valid)", (*_CMP, "--set", "rates.documentation.page=5@2012-01-01"),
           _S, expect="ok"),
    *[Attack("scenario13", f"--set priced_on={date}", (*_CMP, "--set", f"priced_on={date}"), _S, want=date)
      for date in ("9999-01-01", "20120101")],
    *[Attack("scenario13", f"a scenario's rate from '{date}'", (*_CMP, "--scenario", "{d}/s.yaml"),
             {**_S, "s.yaml": f"rates: {{documentation.page: {{'{date}': 5}}}}\n"}, want="s.yaml:1")
      for date in ("9999-01-01", "20120101", "2012-W01-1")],
    Attack("scenario13", "a scenario priced on '9999-01-01'", (*_CMP, "--scenario", "{d}/s.yaml"),
           {**_S, "s.yaml": "priced_on: '9999-01-01'\n"}, want="s.yaml:1"),
    Attack("scenario13", "a scenario whose name is a list", (*_CMP, "--scenario", "{d}/s.yaml"),
           {**_S, "s.yaml": "name: [1]\nset: {pages: 20}\n"}, want="s.yaml:1: name"),
    Attack("scenario13", "a scenario whose description is a mapping", (*_CMP, "--scenario", "{d}/s.yaml"),
           {**_S, "s.yaml": "description: {a: 1}\nset: {pages: 20}\n"}, want="s.yaml:1: description"),
    Attack("scenario13", "a flat scenario with an unknown quantity names its line", (*_CMP, "--scenario", "{d}/s.yaml"),
           {**_S, "s.yaml": "# a flat mapping of paths\nsett: {pages: 3}\n"}, want="s.yaml:2: sett"),
    Attack("scenario13", "a scenario with CRLF and a byte-order mark", (*_CMP, "--scenario", "{d}/s.yaml"),
           {**_S, "s.yaml": "\ufeffset: {pages: 20}\r\n"}, expect="ok"),
    Attack("scenario13", "--set with a path that is a dot", (*_CMP, "--set", "..=5"), _S, want="--set"),
    Attack("scenario13", "--set 2,000 times", (*_CMP, *["--set", "pages=5"] * 2000), _S, expect="exit:0-2"),
    # ------------------------------------------------------------------ drafts and notes that are no drafts or notes
    *[Attack("word13", f"draft: {name}", ("draft", "{d}/x.docx"), {"x.docx": data}, want="x.docx")
      for name, data in _WORD.items() if name != "an external entity"],
    *[Attack("word13", f"check: {name}", ("check", "{d}/x.docx", "--no-rates"), {"x.docx": data}, want="x.docx")
      for name, data in _WORD.items()],
    Attack("word13", "draft: an external entity is not read", ("draft", "{d}/x.docx", "-o", "{d}/out.yaml"),
           {"x.docx": _WORD["an external entity"]}, expect="exit:0-2",
           check=lambda d: "the entity was read" if (d / "out.yaml").exists() and
           open("/etc/hostname", encoding="utf-8").read().strip() + " Draft" in (d / "out.yaml").read_text(
               encoding="utf-8") else _no_temp(d)),
    Attack("draft13", "an empty draft", ("draft", "{d}/d.txt"), {"d.txt": ""}, want="d.txt"),
    Attack("draft13", "a draft of white space", ("draft", "{d}/d.txt"), {"d.txt": "\n\n \t\n"}, want="d.txt"),
    Attack("draft13", "a binary draft", ("draft", "{d}/d.txt"), {"d.txt": bytes(range(1, 256)) * 100}, want="d.txt"),
    Attack("draft13", "a 50 MB draft", ("draft", "{d}/d.txt"), {"d.txt": _DRAFT * (50_000_000 // len(_DRAFT))},
           want="bytes"),
    Attack("draft13", "a UTF-16 draft without its byte-order mark", ("draft", "{d}/d.txt"),
           {"d.txt": _DRAFT.encode("utf-16-le")}, want="d.txt"),
    Attack("draft13", "a UTF-32 draft", ("draft", "{d}/d.txt"), {"d.txt": _DRAFT.encode("utf-32")}, want="d.txt"),
    Attack("draft13", "a Latin-1 draft", ("draft", "{d}/d.txt"), {"d.txt": (_DRAFT + "é\n").encode("latin-1")},
           want="UTF-8"),
    Attack("draft13", "a Word 97 file", ("draft", "{d}/d.doc"), {"d.doc": b"\xd0\xcf\x11\xe0" + b"\0" * 500},
           want="d.doc"),
    Attack("draft13", "a draft with CR line ends", ("draft", "{d}/d.txt"), {"d.txt": _DRAFT.replace("\n", "\r")},
           expect="ok"),
    Attack("draft13", "a draft of a million short lines", ("draft", "{d}/d.txt"), {"d.txt": _DRAFT + "x\n" * 1_000_000},
           want="characters"),
    Attack("check13", "an empty note", ("check", "{d}/n.txt", "--no-rates"), {"n.txt": ""}, want="n.txt"),
    Attack("check13", "a UTF-16 note", ("check", "{d}/n.txt", "--no-rates"), {"n.txt": NOTE.encode("utf-16")},
           want="UTF-8"),
    Attack("check13", "a note and 1.9 million line breaks", ("check", "{d}/n.txt", "--no-rates"),
           {"n.txt": NOTE + "\n" * 1_900_000}, expect="exit:0-1"),
    Attack("check13", "a note and 1.9 million carriage returns", ("check", "{d}/n.txt", "--no-rates"),
           {"n.txt": NOTE + "\r" * 1_900_000}, expect="exit:0-1"),
    # ------------------------------------------------------------------ a 100,000-character value quoted back
    *[Attack("echo13", f"a 100,000-character {what}", argv, files, want=want, err_chars=_ERR)
      for what, argv, files, want in [
          ("grade", _C, {"spec.yaml": spec("pages: 16", "pages: 16\n        grade: " + _LONG), **TABLES}, "grade"),
          ("activity kind", _C, {"spec.yaml": spec("kind: documentation", "kind: " + _LONG), **TABLES}, "kind"),
          ("funding source", _C, {"spec.yaml": spec("funding: budget_process", "funding: " + _LONG), **TABLES},
           "funding"),
          ("language", _C, {"spec.yaml": spec("pages: 16", "pages: 16\n        languages: [" + _LONG + "]"), **TABLES},
           "languages"),
          ("activity a figure names", _C,
           {"spec.yaml": spec("activities: [analytical-report]", f"activities: [{_LONG}]"), **TABLES}, "F18"),
          ("table id", _C, {"spec.yaml": spec("table: unodc-vienna-2010", "table: " + _LONG), **TABLES}, "table"),
          ("date", _C, {"spec.yaml": spec("priced_on: 2010-10-22", "priced_on: " + _LONG), **TABLES}, "priced_on"),
          ("unit in a table", _C, {"spec.yaml": SPEC, "cost_tables/unodc-vienna-2010.yaml": table(
              "{rate: documentation.document, per: [documents]}", "{rate: documentation.document, per: [" + _LONG + "]}")},
           "unodc-vienna-2010.yaml"),
          ("--set path", (*_CMP, "--set", _LONG + "=5"), _S, "--set"),
          ("--set language", (*_CMP, "--set", "languages=" + _LONG), _S, "languages"),
          ("--lang", ("note", "{d}/spec.yaml", "--lang", _LONG), _S, "lang"),
          ("--format", ("note", "{d}/spec.yaml", "--format", _LONG), _S, "--format"),
          ("--table", (*_C, "--table", _LONG), _S, "table"),
          ("scenario date", (*_CMP, "--scenario", "{d}/s.yaml"), {**_S, "s.yaml": "priced_on: " + _LONG + "\n"},
           "priced_on"),
          ("schema name", ("schema", _LONG), {}, "schema"),
      ]],
    # ------------------------------------------------------------------ the environment
    Attack("env13", "LANG=C writing a Chinese note to a file", ("note", "{d}/spec.yaml", "--lang", "zh", "-o", "{d}/n.txt"),
           _S, env={"LANG": "C", "LC_ALL": "C"}, expect="ok"),
    Attack("env13", "a HOME that does not exist", ("workbook", "{d}/spec.yaml", "-o", "{d}/w.xlsx"), _S,
           env={"HOME": "{d}/nohome"}, expect="ok"),
    Attack("env13", "a TMPDIR that does not exist, writing a Word note", ("note", "{d}/spec.yaml", "-o", "{d}/n.docx"),
           _S, env={"TMPDIR": "{d}/nowhere"}, expect="ok"),
    Attack("env13", "a TMPDIR that does not exist, reading a draft", ("draft", "{d}/d.txt"), {"d.txt": _DRAFT},
           env={"TMPDIR": "{d}/nowhere"}, expect="ok"),
    Attack("env13", "SOURCE_DATE_EPOCH that is no number", ("note", "{d}/spec.yaml", "-o", "{d}/n.docx"), _S,
           env={"SOURCE_DATE_EPOCH": "abc"}, expect="ok"),
    Attack("env13", "COLUMNS=-5 for help", ("cost", "--help"), env={"COLUMNS": "-5"}, expect="ok", want="usage"),
]


# ---------------------------------------------------------------------------------- the Python API
@dataclass(frozen=True)
class ApiAttack:
    """A call of the public API with a hostile argument: ``call(pbi, d)`` where ``d`` holds spec.yaml
    and cost_tables/; ``want`` in the message of the PbiError it must raise."""

    name: str
    call: Callable[[Any, Path], Any]
    want: str = ""

    @property
    def id(self) -> str:
        return f"api13: {self.name}"


def _spec(pbi: Any, d: Path) -> Any:
    return pbi.load_spec(d / "spec.yaml")


def _table(pbi: Any, d: Path) -> Any:
    return pbi.load_table(d / "cost_tables" / "unodc-vienna-2010.yaml")


API13: list[ApiAttack] = [
    *[ApiAttack(f"load_spec({label})", lambda pbi, d, v=value: pbi.load_spec(v), "path")
      for label, value in (("None", None), ("123", 123), ("bytes", b"spec.yaml"), ("[]", []), ("a dict", {"a": 1}))],
    *[ApiAttack(f"load_table({label})", lambda pbi, d, v=value: pbi.load_table(v), "path")
      for label, value in (("None", None), ("123", 123))],
    ApiAttack("load_entitlements(None)", lambda pbi, d: pbi.load_entitlements(None), "path"),
    ApiAttack("resolve_table(None)", lambda pbi, d: pbi.resolve_table(None), "ref"),
    ApiAttack("resolve_table(2010)", lambda pbi, d: pbi.resolve_table(2010), "ref"),
    ApiAttack("resolve_table(id, near=5)", lambda pbi, d: pbi.resolve_table("unodc-vienna-2010", near=5), "near"),
    ApiAttack("cost_file(None)", lambda pbi, d: pbi.cost_file(None), "spec_path"),
    ApiAttack("cost_file(123)", lambda pbi, d: pbi.cost_file(123), "spec_path"),
    ApiAttack("cost_file(spec, table=5)", lambda pbi, d: pbi.cost_file(d / "spec.yaml", table=5), "table"),
    ApiAttack("compare_file(None)", lambda pbi, d: pbi.compare_file(None), "spec_path"),
    ApiAttack("cost(None, table)", lambda pbi, d: pbi.cost(None, _table(pbi, d)), "spec"),
    ApiAttack("cost(spec, None)", lambda pbi, d: pbi.cost(_spec(pbi, d), None), "table"),
    ApiAttack("cost(spec, 'an id')", lambda pbi, d: pbi.cost(_spec(pbi, d), "unodc-vienna-2010"), "table"),
    ApiAttack("cost(a path, table)", lambda pbi, d: pbi.cost(str(d / "spec.yaml"), _table(pbi, d)), "spec"),
    ApiAttack("reproduce(None)", lambda pbi, d: pbi.reproduce(None), "paths"),
    ApiAttack("reproduce(5)", lambda pbi, d: pbi.reproduce(5), "paths"),
    ApiAttack("reproduce([None])", lambda pbi, d: pbi.reproduce([None]), "path"),
    ApiAttack("calibrate(None)", lambda pbi, d: pbi.calibrate(None), "paths"),
    ApiAttack("calibrate(a Spec)", lambda pbi, d: pbi.calibrate(_spec(pbi, d)), "paths"),
    ApiAttack("calibrate([None])", lambda pbi, d: pbi.calibrate([None]), "path"),
    ApiAttack("explain(None, 'total')", lambda pbi, d: pbi.explain(None, "total"), "estimate"),
    ApiAttack("explain(estimate, None)", lambda pbi, d: pbi.explain(pbi.cost_file(d / "spec.yaml"), None), "target"),
    ApiAttack("conclude(None)", lambda pbi, d: pbi.conclude(None), "estimate"),
    ApiAttack("load_scenario(None)", lambda pbi, d: pbi.load_scenario(None), "path"),
    ApiAttack("load_scenario(5)", lambda pbi, d: pbi.load_scenario(5), "path"),
    ApiAttack("Scenario.from_dict({'name': [1]})", lambda pbi, d: pbi.Scenario.from_dict({"name": [1], "set": {"pages": 3}}),
              "name"),
    ApiAttack("sweep(spec, table, None)", lambda pbi, d: pbi.sweep(_spec(pbi, d), _table(pbi, d), None), "variants"),
    ApiAttack("sweep(spec, table, 5)", lambda pbi, d: pbi.sweep(_spec(pbi, d), _table(pbi, d), 5), "variants"),
    ApiAttack("sweep(spec, table, [None])", lambda pbi, d: pbi.sweep(_spec(pbi, d), _table(pbi, d), [None]), "variant"),
    ApiAttack("period_of(10**20)", lambda pbi, d: pbi.period_of(10**20), "year"),
    ApiAttack("period_of(-5)", lambda pbi, d: pbi.period_of(-5), "year"),
    ApiAttack("calibrate(places='2')", lambda pbi, d: pbi.calibrate([d / "spec.yaml"], places="2"), "places"),
    ApiAttack("calibrate(places=None)", lambda pbi, d: pbi.calibrate([d / "spec.yaml"], places=None), "places"),
    ApiAttack("calibrate(places=2.5)", lambda pbi, d: pbi.calibrate([d / "spec.yaml"], places=2.5), "places"),
    ApiAttack("calibrate(places=True)", lambda pbi, d: pbi.calibrate([d / "spec.yaml"], places=True), "places"),
    ApiAttack("compare_file(assignments=[5])", lambda pbi, d: pbi.compare_file(d / "spec.yaml", assignments=[5]),
              "assignments"),
    *[ApiAttack(f"{name}('a\\0b.yaml')", call, "NUL") for name, call in (
        ("load_spec", lambda pbi, d: pbi.load_spec("a\0b.yaml")),
        ("load_table", lambda pbi, d: pbi.load_table("a\0b.yaml")),
        ("cost_file", lambda pbi, d: pbi.cost_file("a\0b.yaml")),
        ("load_scenario", lambda pbi, d: pbi.load_scenario("a\0b.yaml")),
        ("load_entitlements", lambda pbi, d: pbi.load_entitlements("a\0b.yaml")),
        ("reproduce", lambda pbi, d: pbi.reproduce(["a\0b.yaml"])))],
    *[ApiAttack(f"Scenario({label}) then apply", lambda pbi, d, kw=kw: pbi.Scenario(**kw).apply(
        _spec(pbi, d), _table(pbi, d)), want) for label, kw, want in (
        ("quantities={'pages': 'x'}", {"quantities": {"pages": "x"}}, "pages"),
        ("quantities={'count': 10**9}", {"quantities": {"count": 10**9}}, "count"),
        ("rates={'documentation.page': 'x'}", {"rates": {"documentation.page": "x"}}, "documentation.page"),
        ("priced_on='x'", {"priced_on": "x", "quantities": {"pages": 3}}, "priced_on"),
        ("name=[1]", {"name": [1]}, "name"),
        ("quantities=5", {"quantities": 5}, "quantities"))],
    *[ApiAttack(f"Range({label}) printed", lambda pbi, d, args=args: str(pbi.Range(*args)), "Range")
      for label, args in (("None, None", (None, None)), ("'a', 'b'", ("a", "b")), ("1.5, 2", (1.5, 2)))],
    ApiAttack("period_of(None)", lambda pbi, d: pbi.period_of(None), "period_of"),
    ApiAttack("period_of('2012')", lambda pbi, d: pbi.period_of("x"), "period_of"),
]


def api_verdict(attack: ApiAttack, d: Path) -> str:
    """"" when the call raised a one-line PbiError naming ``want``, else why not."""
    import pbi

    for name, content in _S.items():
        path = d / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    try:
        attack.call(pbi, d)
    except pbi.PbiError as exc:
        text = str(exc)
        if "\n" in text:
            return f"a message of several lines: {text[:200]!r}"
        if attack.want and attack.want not in text:
            return f"the message lacks {attack.want!r}: {text[:200]!r}"
        return ""
    except Exception as exc:  # the verdict names whatever escaped
        return f"{type(exc).__name__} (not a PbiError): {str(exc)[:200]}"
    return "no error"
