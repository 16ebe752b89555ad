"""Command-line start-up and memory: ``python benchmarks/startup.py [RUNS]``.

Runs each command RUNS times (default 20) in a fresh interpreter and prints the median and the
minimum wall time, and the peak memory (max RSS) of one run. Bytecode is cached as it is for an
installed pbi (in a temporary folder, whatever PYTHONDONTWRITEBYTECODE says), after a warm-up run. The baseline is what pydantic, pint and
PyYAML cost to import; ``pbi cost --format json`` should stay within 15 per cent of it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = str(ROOT / "notes" / "ctoc-cop-2010-17" / "annex-04.yaml")
PY = sys.executable
COMMANDS = {
    "python -c pass": [PY, "-c", "pass"],
    "pbi --help": [PY, "-m", "pbi", "--help"],
    "python -c 'import pint, pydantic, yaml'": [PY, "-c", "import pint, pydantic, yaml"],
    "pbi cost SPEC --format json": [PY, "-m", "pbi", "cost", SPEC, "--format", "json"],
    "pbi cost SPEC (table)": [PY, "-m", "pbi", "cost", SPEC],
    "pbi reproduce SPEC": [PY, "-m", "pbi", "reproduce", SPEC],
}


def measure(cmd: list[str], runs: int, cache: str) -> tuple[float, float, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": cache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env, check=True)  # warm-up: bytecode, file cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env, check=True)
        times.append(time.perf_counter() - t0)
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(child.pid, 0)  # this child's own peak, not the maximum over all children
    return statistics.median(times), min(times), usage.ru_maxrss / 1024


def main(runs: int = 20) -> None:
    results = {}
    with tempfile.TemporaryDirectory() as cache:
        for name, cmd in COMMANDS.items():
            results[name] = measure(cmd, runs, cache)
            med, low, mem = results[name]
            print(f"{name:45s} median {med * 1000:6.0f} ms   min {low * 1000:6.0f} ms   peak RSS {mem:5.1f} MB")
    base = results["python -c 'import pint, pydantic, yaml'"][0]
    cost = results["pbi cost SPEC --format json"][0]
    print(f"pbi cost --format json / import pint, pydantic, yaml = {cost / base:.2f} (target ≤ 1.15)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
