"""``pbi check``: read published financial notes and check their arithmetic and consistency.

>>> notes = read_notes(text)          # raises pbi.model.errors.CheckError when nothing can be read
>>> findings = check_notes(notes)     # list[Finding], errors first
>>> rates = check_rates(notes, table) # each claim priced with a cost table (RatesResult)
>>> report = check_files(paths)        # all of it, as `pbi check` does (table: DEFAULT_TABLE)
"""

from __future__ import annotations

from .checks import Finding, check_notes
from .rates import RateCheck, RatesResult, check_rates
from .reader import Claim, Note, Paragraph, read_notes, read_path
from .report import CheckReport, check_files

__all__ = ["read_notes", "read_path", "check_notes", "check_rates", "check_files", "Note", "Paragraph",
           "Claim", "Finding", "RateCheck", "RatesResult", "CheckReport"]
