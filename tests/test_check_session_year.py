"""A statement that states no year is priced in the year its symbol's session gives (the General
Assembly's N-th session costs 1946 + N; the Human Rights Council's three sessions a year from 2006),
not at the table's first year, where a right figure read as a 50 per cent error."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.check import check_files
from pbi.check.lexicon import year_in_symbol, year_of_session

STATEMENT = """Programme budget implications of draft resolution {symbol}

Statement submitted by the Secretary-General in accordance with rule 153 of the rules of procedure of the General Assembly

1. Under paragraph 4 of draft resolution {symbol}, the {body} would request the Secretary-General to submit a report on the question.

2. The request would entail one pre-session document of 8,500 words in the six official languages, at a cost of ${amount} under section 2, General Assembly and Economic and Social Council affairs and conference management.
"""


@pytest.mark.parametrize("symbol, year", [
    ("A/C.3/81/L.5", 2027), ("A/81/L.12", 2027), ("A/C.5/79/26", 2025), ("A/HRC/61/L.2", 2026),
    ("A/HRC/58/L.10", 2025), ("A/HRC/4/L.1", 2007), ("X/L.1", None), ("A/ES-11/L.1", None)])
def test_the_year_of_a_session(symbol: str, year: int | None) -> None:
    assert year_of_session(symbol) == year


def test_a_year_written_in_the_symbol_comes_first() -> None:
    assert year_in_symbol("E/CN.15/2027/L.2") == 2027
    assert year_in_symbol("A/C.3/81/L.5") is None


@pytest.mark.parametrize("symbol, body, amount, errors", [
    ("A/C.3/81/L.5", "General Assembly", "24,500", 0),    # 2027 rates: 2.88 a word
    ("A/C.3/81/L.5", "General Assembly", "50,900", 1),    # the 2015 rate, wrong for 2027
])
def test_an_undated_statement_is_priced_in_its_session_year(tmp_path: Path, symbol: str, body: str, amount: str,
                                                             errors: int) -> None:
    note = tmp_path / "statement.txt"
    note.write_text(STATEMENT.format(symbol=symbol, body=body, amount=amount), encoding="utf-8")
    report = check_files([note])
    assert report.rates is not None and len(report.rates.priced) == 1
    assert sum(1 for _, f in report.findings if f.severity == "error") == errors
