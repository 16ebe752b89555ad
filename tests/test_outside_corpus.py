"""The published statements outside the corpus (benchmarks/outside_corpus/): every spec loads, every
figure says where it was read (a page whose passage is kept in texts/, or a dataset's stage) and what it
quotes, none is a statement the corpus names, and the measuring script prices every figure. Errors are measured by the script, never asserted here."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

import pbi

from _paths import ROOT

SPECS = ROOT / "benchmarks" / "outside_corpus"
SCRIPT = ROOT / "benchmarks" / "outside_corpus.py"
FILES = sorted(SPECS.glob("*.yaml"))


def test_there_are_specs() -> None:
    assert FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_spec_loads_and_names_its_sources(path) -> None:  # type: ignore[no-untyped-def]
    spec = pbi.load_spec(path)
    assert spec.table == "un-standard-costs"
    figures = spec.extra["figures"]
    for published in spec.published:
        source = figures[published.id]
        assert source["read_from"] and all(str(u).startswith("https://") for u in source["read_from"])
        assert source["quote"].strip()
        if "text" in source:  # a page read: its passage is kept in texts/
            for text in str(source["text"]).split(","):
                assert (SPECS / text.strip()).is_file(), text
        else:  # a dataset's entry: the stage whose notes were read
            assert str(source["stage"]).strip()
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert raw["extra"]["statement"] == spec.symbol


def test_script_prices_every_figure_and_no_spec_is_in_the_corpus() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--json"], capture_output=True, text=True, cwd=ROOT,
                          check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    published = {f.id for path in FILES for f in pbi.load_spec(path).published}
    assert {r["figure"] for r in report["figures"]} == published
    assert all(r["computed"] is not None and r["quantities"] in ("stated", "assumed") for r in report["figures"])
    assert report["errors"] == []
    assert report["in_corpus"] == []
    assert "all (stated quantities)" in report["summary"]


def test_text_output_has_a_row_per_figure() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    for path in FILES:
        for f in pbi.load_spec(path).published:
            assert f.id in done.stdout
