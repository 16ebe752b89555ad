"""Speed benchmarks (pytest-benchmark); outside ``testpaths``, so the default test run skips them.

    python -m pip install -e ".[bench]"
    python -m pytest benchmarks --benchmark-only

Targets (2 cores): 10,000 scenario variants in under 1 s; one note rendered in under 50 ms; the
seed's nine notes read and checked in under 0.5 s.
``benchmarks/startup.py`` measures the command line (start-up and peak memory).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import pbi
from pbi.costing.scenario import Scenario

from _paths import NOTES, ROOT, SEED

pytest.importorskip("pytest_benchmark")

ANNEX4 = NOTES / "annex-04.yaml"


@pytest.fixture(scope="module")
def priced():
    spec = pbi.load_spec(ANNEX4)
    return spec, pbi.resolve_table(spec.table, near=ANNEX4)


def variants(n: int = 10_000) -> list[dict[str, object]]:
    """Days 1–10 × languages 1–6 of F09, and the model law's pages: every variant different."""
    return [{"F09.days": 1 + i % 10, "F09.languages": 1 + (i // 10) % 6, "model-law.pages": 100 + i // 60}
            for i in range(n)]


def test_cost_one_spec(benchmark, priced):
    spec, table = priced
    est = benchmark(pbi.cost, spec, table)
    assert est.figure("F09").computed.low == 224800


def test_sweep_10000_scenario_variants(benchmark, priced):
    """The target: 10,000 variants, built from dicts and costed, in under 1 s."""
    spec, table = priced
    data = variants()

    def run() -> int:
        return sum(1 for r in pbi.sweep(spec, table, data) if r.total.low > 0)

    assert benchmark.pedantic(run, rounds=3, iterations=1) == 10_000


def test_cost_10000_scenario_variants_one_by_one(benchmark, priced):
    """For comparison: each variant applied and costed in full, with every line item."""
    spec, table = priced
    data = variants()

    def run() -> int:
        n = 0
        for d in data:
            est = pbi.cost(*Scenario.from_dict(d).apply(spec, table))
            n += est.total.low > 0
        return n

    assert benchmark.pedantic(run, rounds=3, iterations=1) == 10_000


def test_render_one_note(benchmark, priced):
    from pbi.render import render_note

    spec, table = priced
    est = pbi.cost(spec, table)
    text = benchmark(render_note, est)
    assert "224,800" in text


def test_check_the_seed(benchmark):
    """Reading and checking the nine notes of the seed (target: under 0.5 s)."""
    if not SEED.is_file():
        pytest.skip(f"needs the seed document {SEED}")
    from pbi.check import check_notes, read_notes

    text = SEED.read_text(encoding="utf-8")
    findings = benchmark.pedantic(lambda: check_notes(read_notes(text)), rounds=5, iterations=1)
    assert sum(f.severity == "error" for f in findings) == 1


def test_cli_cost_json_end_to_end(benchmark):
    cmd = [sys.executable, "-m", "pbi", "cost", str(ANNEX4), "--format", "json"]
    env = {"PYTHONPATH": str(ROOT), "PATH": ""}
    out = benchmark.pedantic(lambda: subprocess.run(cmd, capture_output=True, env=env, check=True).stdout,
                             rounds=10, iterations=1, warmup_rounds=1)
    assert b'"total": "477100"' in out


def test_reproduce_folder_within_twice_one_spec(tmp_path):
    """Issue 10: ``pbi reproduce`` over ~200 specs in at most twice the wall time of one spec."""
    from reproduce_speed import measure
    from synthetic_corpus import write_corpus

    folder = write_corpus(tmp_path, 200)
    one = sorted(folder.glob("*.yaml"))[0]
    py = [sys.executable, "-m", "pbi", "reproduce"]
    single, _ = measure([*py, str(one)], 5, tmp_path)
    whole, _ = measure([*py, str(folder)], 5, tmp_path)
    print(f"one spec {single:.3f} s, 200 specs {whole:.3f} s, ratio {whole / single:.2f}")
    assert whole <= 2 * single
