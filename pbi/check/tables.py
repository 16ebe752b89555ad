"""The table of a statement of programme budget implications, read back as amounts.

A statement sets out its regular-budget requirements by budget section and object of expenditure,
one column a year and a total column::

    Object of expenditure                        2023      2024      Total
    ---------------------------------------  --------  --------  --------
    Section 2, General Assembly and …
        Other staff costs                      $28,600   $28,600   $57,200
        Subtotal                               $28,600   $28,600   $57,200
    Total (net)                                $79,200   $28,600  $107,800
    Section 36, Staff assessment               $15,800    $5,700   $21,500
    Total (including staff assessment)         $95,000   $34,300  $129,300
    Income section 1, Income from staff …     ($15,800)  ($5,700) ($21,500)

:func:`find_tables` takes such tables out of a note's lines (so that their figures are not read as
prose); :func:`table_amounts` turns one into :class:`TableAmount` records: each cell with its
section, year and role, and for a total (a row's total column, a subtotal, the net total, the total
with staff assessment) the cells it adds up, so that every sum of the table can be checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from . import lexicon as lx
from . import quantities as qx
from .text import Line, find_money

__all__ = ["Table", "TableAmount", "find_tables", "table_amounts"]

_CELLS = re.compile(r"\s{2,}")
_RULE = re.compile(r"^[\s\-–—=]*-{3,}[\s\-–—=]*$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
#: row labels, in the languages pbi writes statements in; a subtotal may name its section ("Subtotal,
#: section 2", "Total partiel, chapitre 4", "小计，第2款")
_SUBTOTAL = re.compile(r"^(?:subtotal|sub-total|小计|total\s+partiel|промежуточный\s+итог|المجموع\s+الفرعي)"
                       r"(?:\s*[,，:、(（]\s*\S.*)?$", re.I)
_GROSS = re.compile(r"including\s+staff\s+assessment|含工作人员薪金税|毛额|\bgross\b|y\s+compris\s+les\s+contributions|"
                    r"incluidas\s+las\s+contribuciones|включая\s+налогообложение|بما\s+في\s+ذلك", re.I)
_INCOME = re.compile(r"^income\s+section|^收入第|des\s+recettes|de\s+ingresos|сметы\s+поступлений|"
                     r"باب\s+الإيرادات", re.I)


@dataclass(frozen=True)
class Table:
    """A statement table: the header's year columns and its rows (source lines)."""

    years: tuple[int, ...]
    rows: tuple[Line, ...]
    #: index into the note's lines of the line just before the table (the paragraph it follows)
    after: int
    #: the header ends with a total column
    total_column: bool = True
    #: what one unit of a cell is worth: 1000 in a table "(Thousands of United States dollars)"
    scale: Decimal = Decimal(1)
    #: "sections" (by section and year), "items" (a row an item, its funding, year and amount,
    #: under a total row: the resource table of a note saved as a Word file) or "revised" (revised
    #: estimates: a column of the earlier estimate, one of the revised, one of the change)
    kind: str = "sections"
    #: a table of revised estimates: what each column of amounts holds ("earlier", "revised", "change")
    columns: tuple[str, ...] = ()


@dataclass
class TableAmount:
    """One cell of a table: amount, year (None for the total column), section and role."""

    amount: Decimal
    year: int | None
    section: str | None
    label: str
    line: int
    #: "object", "subtotal", "net", "staff_assessment", "gross" or "income"
    role: str
    #: for a total: the cells it adds up
    parts: list["TableAmount"] = field(default_factory=list)
    #: the funding source the row names (a table of items), else None (the regular budget)
    funding: str | None = None
    #: in a table of revised estimates, the column of the cell: "earlier" (the estimate the revised one
    #: replaces), "revised" or "change" (an increase or, in parentheses, a decrease); else None
    column: str | None = None

    @property
    def is_total(self) -> bool:
        return bool(self.parts) or self.role in ("subtotal", "net", "gross")


def _cells(text: str) -> list[str]:
    return [c for c in _CELLS.split(text.strip()) if c]


def _header_years(text: str) -> tuple[int, ...] | None:
    cells = _cells(text)
    if len(cells) < 3 or not all(_YEAR.match(c) for c in cells[1:-1]):
        return None
    return tuple(int(c) for c in cells[1:-1])


#: the caption of a table as the United Nations prints it: "Table 1", "(United States dollars)"
_CAPTION = re.compile(r"^\s*(?:Table|Tableau|Cuadro|Таблица|الجدول)\s+\d+(?:\s|$)|^\s*表\s*\d+(?:\s|$)|"
                      r"[(（](?:Thousands\s+of\s+)?United\s+States\s+dollars[)）]\s*$|[(（](?:千)?美元[)）]\s*$|"
                      r"[(（](?:en\s+)?(?:milliers\s+de\s+)?dollars\s+des\s+États-Unis[)）]\s*$|"
                      r"[(（](?:en\s+)?(?:miles\s+de\s+)?dólares\s+de\s+los\s+Estados\s+Unidos[)）]\s*$|"
                      r"[(（](?:в\s+)?(?:тыс(?:ячах|\.)\s+)?долл(?:арах|\.)\s+США[)）]\s*$", re.I)
_THOUSANDS = re.compile(r"thousands\s+of\s+United\s+States\s+dollars|千美元|milliers\s+de\s+dollars|"
                        r"miles\s+de\s+dólares|тыс(?:ячах|\.)\s+долл|بآلاف\s+دولارات", re.I)
#: a year's column as the languages head it: "2027年", "2027 год", "2027 г."
_YEAR_ZH = re.compile(r"^((?:19|20)\d{2})\s*(?:年|год|г\.)$")
#: a row of the table's net total: "Total", "Total (net)", "共计（净额）", "Итого", "المجموع"
_NET_LABEL = re.compile(r"^(?:(?:grand\s+)?total\b|net\b|итого|всего|المجموع(?!\s+الفرعي)|共计|合计|总计|总额)",
                        re.I)
_BIENNIUM_CELL = re.compile(r"^((?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}$")
_TOTAL_CELL = re.compile(r"^(?:total|合计|共计|总计|итого|всего|المجموع)$", re.I)
#: the one column of a table of amounts by object of expenditure, under a caption naming the currency
#: ("Object of expenditure   Amount"): no year heads it
_AMOUNT_CELL = re.compile(r"^(?:amount|amounts|montant|monto|importe|cuant[íi]a|сумма|المبلغ|金额|数额|所需经费)$", re.I)


#: the columns of a table of revised estimates ("Initial estimate   Revised estimate   Change")
_REVISED_COLUMNS = (
    ("earlier", re.compile(r"^(?:initial|original|approved|previous|earlier)\b.{0,30}$|^(?:estimate|estimated)\s+"
                           r"\(?(?:initially|originally|previously)\)?$", re.I)),
    ("revised", re.compile(r"^revised\b.{0,30}$", re.I)),
    ("change", re.compile(r"^(?:change|variance|difference|net\s+change|increase\s*(?:/\s*)?\(?decrease\)?)$", re.I)),
)


def _revised_header(text: str) -> tuple[str, ...] | None:
    """The columns of a header of revised estimates: each cell after the label's is an earlier
    estimate, the revised one or the change, with one revised column; None for any other header."""
    cells = _cells(text)[1:]
    kinds = [next((k for k, rx in _REVISED_COLUMNS if rx.match(c)), None) for c in cells]
    if len(cells) < 2 or None in kinds or kinds.count("revised") != 1:
        return None
    return tuple(str(k) for k in kinds)


def _captioned_header(text: str) -> tuple[tuple[int, ...], bool] | None:
    """The year columns of a header as the United Nations prints it (no rule of dashes beneath):
    a label or none, one or more years, and a total column or none."""
    # "2026年" is the year 2026; a biennium's column ("2012-2013") is read at its first year
    cells = [_BIENNIUM_CELL.sub(r"\1", _YEAR_ZH.sub(r"\1", c)) for c in _cells(text)]
    if cells and not _YEAR.match(cells[0]):
        cells = cells[1:]  # the label column's heading ("Section", "Object of expenditure")
    if len(cells) == 1 and _AMOUNT_CELL.match(cells[0]):
        return (), False  # one column of amounts, of no year
    total = bool(cells) and bool(_TOTAL_CELL.match(cells[-1]))
    years = cells[:-1] if total else cells
    if not years or not all(_YEAR.match(c) for c in years):
        return None
    return tuple(int(c) for c in years), total


_NUMBERED = re.compile(r"^\s*(?:Table|Tableau|Cuadro|Таблица|الجدول)\s+\d+(?:\s|$)|^\s*表\s*\d+(?:\s|$)", re.I)
_CAPTION_YEAR = re.compile(r"(?<![\d/.\-–])((?:19|20)\d\d)(?![\d/\-–])")


def _caption_year(above: list[Line]) -> tuple[int, ...]:
    """The one year the caption of a table of one column of amounts names ("Table 1 / Requirements
    for 2028 / (United States dollars)"): the year of its cells; () for none or several."""
    at = next((k for k in range(len(above) - 1, -1, -1) if _NUMBERED.match(above[k].text)), None)
    if at is None:
        return ()
    years = {int(y) for ln in above[at:] for y in _CAPTION_YEAR.findall(ln.text)}
    return (years.pop(),) if len(years) == 1 else ()


def find_tables(lines: list[Line], stop: re.Pattern[str]) -> tuple[list[Line], list[Table]]:
    """``lines`` without their statement tables, and the tables: a header of years and a total
    with a rule of dashes beneath, or a header of years (and a total) under a caption ("Table 1",
    "(United States dollars)"); rows up to the next line matching ``stop``."""
    out: list[Line] = []
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        years = _header_years(lines[i].text)
        captions = [ln.text for ln in lines[max(0, i - 3):i] if _CAPTION.match(ln.text)]
        scale = Decimal(1000) if any(_THOUSANDS.search(c) for c in captions) else Decimal(1)
        if years and i + 1 < len(lines) and _RULE.match(lines[i + 1].text):
            j = i + 2
            while j < len(lines) and not stop.match(lines[j].text):
                j += 1
            # a table of a Word file or a web page has its rule drawn under the header: its caption
            # may say it is in thousands ("Table 1 … (Thousands of United States dollars)")
            tables.append(Table(years, tuple(lines[i + 2:j]), len(out) - 1, scale=scale))
            i = j
            continue
        ruled = i + 1 < len(lines) and bool(_RULE.match(lines[i + 1].text))
        columns = _revised_header(lines[i].text) if captions or ruled else None
        if columns:  # "Object of expenditure   Initial estimate   Revised estimate   Change"
            j = start = i + 1 + ruled
            while j < len(lines) and not stop.match(lines[j].text):
                j += 1
            tables.append(Table(_caption_year(lines[max(0, i - 5):i]), tuple(lines[start:j]), len(out) - 1,
                                False, scale, kind="revised", columns=columns))
            i = j
            continue
        head = _captioned_header(lines[i].text) if captions or ruled else None
        if head:
            j = i + 1 + bool(i + 1 < len(lines) and _RULE.match(lines[i + 1].text))
            start = j
            while j < len(lines) and not stop.match(lines[j].text):
                j += 1
            years_of = head[0] or _caption_year(lines[max(0, i - 5):i])
            tables.append(Table(years_of, tuple(lines[start:j]), len(out) - 1, head[1], scale))
            i = j
            continue
        if ruled and len(_cells(lines[i].text)) >= 3:  # a table of items: each row ends with its amount
            j = i + 2
            while j < len(lines) and not stop.match(lines[j].text) and _ends_in_amount(lines[j].text):
                j += 1
            if j > i + 2:
                tables.append(Table((), tuple(lines[i + 2:j]), len(out) - 1, False, kind="items"))
                i = j
                continue
        out.append(lines[i])
        i += 1
    return out, tables


_BARE = re.compile(r"^\(?(\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\)?$")
#: a footnote's marker after a cell's amount: "72,700 a", "72,700 b/", "72,700*", "72,700 (c)"
_MARKER = re.compile(r"(?<=[\d)])\s*(?:[a-z]/?|\([a-z]\)|\*{1,3})$")


def _amount(cell: str, scale: Decimal = Decimal(1)) -> Decimal | None:
    """A cell's amount: "$104,700", or a bare number as the United Nations prints its tables
    ("104,700", "104.7" in thousands), in parentheses for an income line."""
    cell = _MARKER.sub("", cell.strip())
    found = find_money(cell)
    if len(found) == 1 and not found[0].is_range:
        return found[0].low
    bare = _BARE.match(cell.strip())
    if found or not bare:
        return None
    value = Decimal(re.sub(r"[, ]", "", bare.group(1))) * scale
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value  # 80.3 thousand: 80300


def _ends_in_amount(text: str) -> bool:
    """A row of a table of items: its last cell an amount or a range ("800,000 到 1,200,000 美元")."""
    cells = _cells(text)
    return len(cells) >= 2 and (_amount(cells[-1]) is not None or len(find_money(cells[-1])) == 1)


def _item_amounts(table: Table) -> list[TableAmount]:
    """A table of items: each row's amount with its year and funding; a last row of a label and an
    amount alone is the total of the rows above it."""
    out: list[TableAmount] = []
    ranged = False  # a row states a range: the total's parts are not all single amounts
    for k, row in enumerate(table.rows):
        cells = _cells(row.text)
        amount = _amount(cells[-1])
        if amount is None:
            ranged = True
            continue
        if k == len(table.rows) - 1 and len(cells) == 2 and out:
            if not ranged:
                out.append(TableAmount(amount, None, None, cells[0], row.number, "net", list(out)))
            continue
        year = next((int(c) for c in cells[1:-1] if _YEAR.match(c)), None)
        funding = next((f for c in cells[1:-1] for f in [qx.find_funding(c)] if f), None)
        out.append(TableAmount(amount, year, None, cells[0], row.number, "item", funding=funding))
    return out


def _plain_role(label: str) -> bool:
    """A row label of no role of its own: not a section, total, staff assessment or income row,
    nor an object of expenditure."""
    return (qx.find_section(label) is None and not _SUBTOTAL.match(label) and not _GROSS.search(label)
            and not _INCOME.search(label) and not qx.staff_assessment(label) and not _NET_LABEL.match(label)
            and lx.object_of_expenditure(label) is None)


def _unwrapped(rows: tuple[Line, ...]) -> list[Line]:
    """The rows of a table, a section's label printed over two lines joined into one row::

        Section 2, General Assembly and Economic and Social
        Council affairs and conference management                65,700      65,700

    The line of a label alone names a section; the next is not indented, has amounts, and its label has
    no role of its own; in a table whose rows are not indented, the row after it is not one more such
    row (which would make the first line a heading over un-indented objects)."""
    indents = any(r.text[:1].isspace() and len(_cells(r.text)) > 1 for r in rows)
    out: list[Line] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        cells = _cells(row.text)
        if (nxt is not None and len(cells) == 1 and qx.find_section(cells[0]) is not None
                and not nxt.text[:1].isspace()):
            more = _cells(nxt.text)
            after = rows[k + 2] if k + 2 < len(rows) else None
            after_cells = _cells(after.text) if after is not None else []
            lone = (indents or after is None or after.text[:1].isspace() or len(after_cells) < 2
                    or not _plain_role(after_cells[0]))
            if len(more) > 1 and _plain_role(more[0]) and lone:
                joined = "  ".join([f"{cells[0]} {more[0]}", *more[1:]])
                out.append(Line(row.number, joined))
                k += 2
                continue
        out.append(row)
        k += 1
    return out


def table_amounts(table: Table) -> list[TableAmount]:
    """Every figure of ``table``, totals carrying their parts (see the module docstring)."""
    if table.kind == "items":
        return _item_amounts(table)
    if table.kind == "revised":
        return _revised_amounts(table)
    out: list[TableAmount] = []
    section: str | None = None
    in_section: list[TableAmount] = []  # object cells of the current section
    subtotals: list[TableAmount] = []
    objects: list[TableAmount] = []
    net: list[TableAmount] = []
    sa: list[TableAmount] = []
    ncols = len(table.years) + table.total_column or 1  # a table of one column of amounts: of no year
    heading = False  # the line before was a section's heading, alone on its line
    for row in _unwrapped(table.rows):
        cells = _cells(row.text)
        label = cells[0] if cells else ""
        if len(cells) == 1:  # a section heading: "Section 2, General Assembly …"
            own_heading = qx.find_section(label)
            if own_heading is None and heading:
                continue  # the heading's second line: "and conference management"
            section, heading = own_heading, own_heading is not None
            in_section = []
            continue
        heading = False
        if len(cells) != ncols + 1:
            continue
        indented = row.text[:1].isspace()
        own = qx.find_section(label)
        if indented and _SUBTOTAL.match(label):
            role = "subtotal"
        elif indented:
            role = "object"
        elif own is not None and own != "36" and not _INCOME.search(label):
            role = "section"  # a row of its own per section: "Section 2, General Assembly …   40,600"
            section, in_section = own, []
        elif _GROSS.search(label):
            role = "gross"
        elif _INCOME.search(label):
            role = "income"
        elif qx.staff_assessment(label) or qx.find_section(label) == "36":
            role = "staff_assessment"
        elif _NET_LABEL.match(label):
            role = "net"
        else:
            role = "object"  # an item of its own at the top ("Pre-session documentation   47.4")
        row_cells: list[TableAmount] = []
        for k, cell in enumerate(cells[1:]):
            amount = _amount(cell, table.scale)
            year = table.years[k] if k < len(table.years) else None
            row_total = table.total_column and k >= len(table.years)
            if amount is None:
                continue
            sec = section if indented or role in ("section", "object") else ("36" if role == "staff_assessment" else
                                                                 "income 1" if role == "income" else None)
            t = TableAmount(amount, year, sec, label, row.number, role)
            if row_total:
                t.parts = list(row_cells)
            else:
                pool = {"object": [], "section": [], "subtotal": in_section,
                        "net": subtotals or objects, "staff_assessment": [], "income": [],
                        "gross": net + sa}[role]
                t.parts = [p for p in pool if p.year == year]
                if role == "gross" and not any(p.year == year for p in net):
                    # no net total row: the sections (or items) and the staff assessment
                    t.parts = [p for p in (subtotals or objects) + sa if p.year == year]
                if role == "net" and subtotals:
                    # the subtotals' sum, unless the objects under them add up to another: a wrong
                    # subtotal carried into the total is then named, not confirmed
                    atoms = [p for p in objects if p.year == year]
                    if atoms and sum(p.amount for p in atoms) != sum(p.amount for p in t.parts):
                        t.parts = atoms
                row_cells.append(t)
            out.append(t)
        if role == "object":
            in_section += row_cells
            objects += row_cells
        elif role in ("subtotal", "section"):
            subtotals += row_cells
        elif role == "net":
            net += row_cells
        elif role == "staff_assessment":
            sa += row_cells
    return out


def _revised_amounts(table: Table) -> list[TableAmount]:
    """A table of revised estimates read column by column, each as a table of one column of amounts:
    the earlier estimate's cells and totals, the revised ones, and the changes (never totals: an
    increase and a decrease in parentheses do not add as printed)."""
    out: list[TableAmount] = []
    width = len(table.columns)
    for k, column in enumerate(table.columns):
        rows = []
        for row in table.rows:
            cells = _cells(row.text)
            if len(cells) == width + 1:
                indent = row.text[:len(row.text) - len(row.text.lstrip())]
                rows.append(Line(row.number, f"{indent}{cells[0]}  {cells[1 + k]}"))
            elif len(cells) == 1:
                rows.append(row)
        one = Table(table.years, tuple(rows), table.after, False, table.scale)
        for t in table_amounts(one):
            t.column = column
            if column == "change":
                t.parts, t.role = [], "object"
            out.append(t)
    return out
