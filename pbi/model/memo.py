"""The questions the shipped cost tables ask of pint, and ``units_memo.json`` rewritten from its answers.

Kept apart from :mod:`pbi.model.units` so that units never imports the tables that use it
(``python -m pbi.model.memo`` rewrites the memo; the tests compare it with pint's answers).
"""

from __future__ import annotations

import json
from pathlib import Path

from pbi.model.tables import BUNDLED, QUANTITY_UNITS, load_table
from pbi.model.units import MEMO_FILE, build_memo

__all__ = ["shipped_questions", "write_memo"]


def shipped_questions(folder: Path | None = None) -> tuple[set[str], set[tuple[str, tuple[str, ...]]]]:
    """Every rate unit and (rate unit, quantity units) pair of the tables in ``folder`` (cost_tables/)."""
    folder = folder or BUNDLED
    rate_units: set[str] = set()
    pairs: set[tuple[str, tuple[str, ...]]] = set()
    for path in sorted(folder.glob("*.yaml")):
        table = load_table(path)
        rate_units |= {r.unit for r in table.rates.values()}
        for kind in table.activities.values():
            for comp in kind.components:
                prefix = comp.rate.split("{", 1)[0]
                for key, rate in table.rates.items():
                    if key == comp.rate or ("{" in comp.rate and key.startswith(prefix)):
                        pairs.add((rate.unit, tuple(QUANTITY_UNITS[n] for n in comp.per)))
    return rate_units, pairs


def write_memo() -> Path:
    """Recompute ``units_memo.json`` with pint for the shipped tables."""
    memo = build_memo(*shipped_questions())
    MEMO_FILE.write_text(json.dumps(memo, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return MEMO_FILE


if __name__ == "__main__":  # pragma: no cover
    print(write_memo())
