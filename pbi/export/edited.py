"""How the read-back of an edited workbook compares cells: a spreadsheet's cell as a number, two
cells the same, a sheet found by its name or, renamed, by its header, a formula of pbi's told from
the same formula as Excel re-saves it (references shifted by an inserted row, ``$`` and case), and
the sheets pbi computes (items, totals) checked cell by cell against what pbi wrote.

Nothing here imports openpyxl: the workbook is handed in already open.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from pbi.model.errors import InputError

__all__ = ["sheet_ref", "shown", "cell_number", "unreadable_number", "same_number", "same", "find_sheet",
           "formula_shape", "check_computed", "formula_text", "CELL_PLACES"]

#: decimal places a spreadsheet's floating-point cell is read to (0.1 + 0.2 is 0.3)
CELL_PLACES = 10


def cell_number(value: Any) -> Decimal:
    """A quantity cell as a Decimal, read one way (pbi.model.money.to_decimal: finite, under the
    ceiling, at most 10 places); a float cell to 10 places; ValueError saying why not (a date says
    that Excel made one of what was typed)."""
    from pbi.model.money import to_decimal

    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{value} is not a finite number")
        text = f"{value:.{CELL_PLACES}f}".rstrip("0").rstrip(".")
        return to_decimal(text)
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        raise ValueError(f"the cell holds a date or time ({_when(value)}), not a number: Excel turns what looks "
                         "like a date (3-5, 3/5) into one (format the cell as Number and type the number)")
    if isinstance(value, str) and value.strip().startswith("'"):
        raise ValueError(f"the cell holds the text {value.strip()[:40]!r}, not a number: the apostrophe was typed "
                         f"into the cell (type the number alone)")
    if isinstance(value, (int, str, Decimal)) and not isinstance(value, bool):
        return to_decimal(value)
    raise ValueError(f"{value!r} is not a number")


#: a number as a cell of type n holds it in the file (Excel's <v>: digits, a point, an exponent)
_NUMERIC = re.compile(r"^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$")
_CELL_XML = re.compile(r'<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)', re.S)
_ATTR = re.compile(r'\b(r|t)="([^"]*)"')
_VALUE_XML = re.compile(r"<(?:\w+:)?v\s*/>|<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)


def unreadable_number(data: bytes, part: str, row: int) -> tuple[str, str] | None:
    """The first cell of row ``row`` of the sheet whose XML is ``part`` in the workbook ``data`` that
    holds a number no spreadsheet writes (``inf``, ``nan``, text, nothing: what a program other than
    Excel may put in a cell of type number), as (cell, what it holds); None if there is none. Read
    only when a cell came back empty or could not be read: openpyxl reads such a cell as empty, or
    fails."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read(part).decode("utf-8", "replace")
    except (KeyError, OSError, ValueError, zipfile.BadZipFile):
        return None
    row_xml = re.search(rf'<(?:\w+:)?row\b[^>]*\br="{row}"[^>]*>(.*?)</(?:\w+:)?row>', xml, re.S)
    if row_xml is None:
        return None
    for attrs, inner in _CELL_XML.findall(row_xml.group(1)):
        named = dict(_ATTR.findall(attrs))
        if named.get("t", "n") != "n":
            continue
        value = _VALUE_XML.search(inner or "")
        if value is None:
            continue  # an empty cell: no <v> at all
        text = value.group(1) or ""
        if not _NUMERIC.match(text):
            return named.get("r", ""), text.strip()
    return None


def _when(value: Any) -> str:
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date().isoformat()
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def shown(value: Any) -> str:
    """A cell's value as a message shows it (2.0 as 2)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheet_ref(sheet: str, cell: str) -> str:
    """``sheet!cell`` as a formula writes it (a name with a space or a sign in quotes)."""
    plain = sheet.replace("_", "").replace(".", "").isalnum()
    return f"{sheet}!{cell}" if plain else "'" + sheet.replace("'", "''") + f"'!{cell}"


def same_number(a: Any, b: Any) -> bool:
    """Whether two cells hold the same number (read to 10 places: a spreadsheet's floats)."""
    try:
        x, y = cell_number(a), cell_number(b)
    except ValueError:
        return False
    return abs(x - y) <= Decimal("1e-9") * max(Decimal(1), abs(y))


def same(a: Any, b: Any) -> bool:
    """Whether two cells hold the same value: text as text (an empty cell is empty text), else as
    numbers."""
    a, b = ("" if a is None else a), ("" if b is None else b)
    if isinstance(b, str) or isinstance(a, str):
        return str(a).strip() == str(b).strip()
    return same_number(a, b)


def find_sheet(wb: Any, name: str, header: Sequence[str] = (), taken: Sequence[str] = ()) -> str | None:
    """The sheet of ``wb`` called ``name`` (sheet names are case-insensitive in Excel; a formula
    engine may write them in capitals); else, renamed, the one sheet whose first row is ``header``
    (a sheet named in ``taken`` is another of pbi's, never this one)."""
    hit = next((n for n in wb.sheetnames if n.casefold() == name.casefold()), None)
    if hit is not None or not header:
        return hit
    others = {t.casefold() for t in taken}
    want = [h.casefold() for h in header]
    for other in wb.sheetnames:
        if other.casefold() in others:
            continue
        first = next(wb[other].iter_rows(min_row=1, max_row=1, max_col=len(want), values_only=True), ())
        if [str(h).strip().casefold() if h is not None else "" for h in first] == want:
            return str(other)
    return None


_STRING = re.compile(r'"(?:[^"]|"")*"')
_SHEET = re.compile(r"(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!")
_CELL = re.compile(r"(?<![\w.])\$?[A-Za-z]{1,3}\$?\d+(?![\w(])")
_NUMBER = re.compile(r"(?<![\w.#])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])")


def formula_shape(formula: str) -> str:
    """A formula with what Excel changes when it re-saves one (references that an inserted or deleted
    row shifts, sheet names, ``$``, case, spaces, ``_xlfn.``, how a number is written) taken out:
    two formulas of the same shape compute the same thing from the same cells."""
    strings: list[str] = []

    def keep(m: re.Match[str]) -> str:
        strings.append(m.group(0))
        return f"\x00{len(strings) - 1}\x00"

    text = _STRING.sub(keep, formula.strip().lstrip("="))
    text = text.replace("_xlfn.", "").replace(" ", "")
    text = _SHEET.sub("", text)
    text = _CELL.sub("#", text).upper()
    text = _NUMBER.sub(lambda m: _number(m.group(0)), text)
    return re.sub(r"\x00(\d+)\x00", lambda m: strings[int(m.group(1))], text)


def formula_text(value: Any) -> Any:
    """A cell's value, an array formula (Excel may save one so) as the text of its formula."""
    text = getattr(value, "text", None)
    if isinstance(text, str) and not isinstance(value, str):
        return text if text.startswith("=") else "=" + text
    return value


def _number(text: str) -> str:
    try:
        return format(Decimal(text).normalize(), "f")
    except InvalidOperation:  # pragma: no cover - the pattern matches numbers only
        return text


def check_computed(wb: Any, name: str, rows: Sequence[Sequence[Any]], file: str, why: str, *, exact: bool = True,
                   skip: Sequence[int] = ()) -> None:
    """InputError at the first cell of sheet ``name`` that is not what pbi wrote in ``rows`` (from
    row 2): a formula replaced by a number, text or another formula, a number or label changed (but
    in the columns ``skip``: notes). Not ``exact`` (a workbook an earlier pbi wrote, whose formulas
    and labels may differ from this one's): only a formula replaced by a value. A sheet whose
    formulas a formula engine turned into values (none left) is not checked: its values are the
    engine's, not an edit. ``why`` ends the message: what pbi prices from instead."""
    got_rows = list(wb[name].iter_rows(min_row=2, max_row=len(rows) + 1, values_only=True))
    if not any(isinstance(v, str) and v.startswith("=") for row in got_rows for v in row):
        return
    for n, want in enumerate(rows, start=2):
        row = got_rows[n - 2] if n - 2 < len(got_rows) else ()
        for k, expected in enumerate(want):
            if k in skip:
                continue
            got = formula_text(row[k] if k < len(row) else None)
            if isinstance(expected, Decimal):
                expected = float(expected)
            if isinstance(expected, str) and expected.startswith("="):
                if isinstance(got, str) and got.startswith("=") and (
                        not exact or formula_shape(got) == formula_shape(expected)):
                    continue
                what = (f"the formula {got[:60]}" if isinstance(got, str) and got.startswith("=") else
                        "nothing" if got is None else repr(shown(got)) if isinstance(got, str) else shown(got))
                message = f"a formula of pbi's ({expected[:60]}) was replaced by {what}"
            elif not exact or expected is None or expected == "" or same(got, expected):
                continue
            else:
                message = f"the cell holds {shown(got)!r}, pbi wrote {shown(expected)!r}"
            raise InputError(f"{message}: {why}", file=file, line=n, field=sheet_ref(name, f"{_column(k)}{n}"))


def _column(index: int) -> str:
    """The letter of the column at ``index`` (0 is A)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
