"""``pbi check``: read published financial notes and check their arithmetic and consistency.

>>> notes = read_notes(text)          # raises pbi.errors.CheckError when nothing can be read
>>> findings = check_notes(notes)     # list[Finding], errors first
"""

from __future__ import annotations

from .checks import Finding, check_notes
from .reader import Claim, Note, Paragraph, read_notes, read_path

__all__ = ["read_notes", "read_path", "check_notes", "Note", "Paragraph", "Claim", "Finding"]
