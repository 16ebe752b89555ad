"""Paths the tests share."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTES = ROOT / "notes" / "ctoc-cop-2010-17"
TABLES = ROOT / "cost_tables"
SEEDS = ROOT.parent / "shared" / "seeds"
#: the one seed document the tests read: CTOC/COP/2010/17 in Chinese (the nine financial notes);
#: tests get it through the ``seed`` fixture, which skips without it (fails when CI is set)
SEED = SEEDS / "001_f0894e873e5d82b0.txt"
