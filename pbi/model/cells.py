"""Text bound for spreadsheet cells: what a spreadsheet would read as a formula (CSV injection)."""

from __future__ import annotations

from pbi.model.money import to_decimal

__all__ = ["FORMULA_STARTS", "spreadsheet_text"]

#: the characters a spreadsheet reads as the start of a formula (OWASP's list for CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: object) -> object:
    """A cell of a CSV export as OWASP advises against formula injection: a text that begins with one
    of :data:`FORMULA_STARTS` and is no number ("-9800" stays) gets a leading ``'``; anything else is
    returned as it is."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        try:
            to_decimal(value)
        except (ValueError, ArithmeticError):
            return "'" + value
    return value
