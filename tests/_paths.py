"""Paths the tests share."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTES = ROOT / "notes" / "ctoc-cop-2010-17"
TABLES = ROOT / "cost_tables"
SEEDS = ROOT.parent / "shared" / "seeds"
