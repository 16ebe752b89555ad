"""``pbi reproduce`` over every spec of a folder against one spec:
``python benchmarks/reproduce_speed.py [RUNS] [FOLDER] [--one SPEC] [--synthetic] [--instructions]``.

Target (issue 10): reproducing every spec of a folder of about 200 takes at most twice the wall
time of reproducing one (each table loaded once, each spec validated once). FOLDER defaults to the
repository's ``notes`` (every spec of the corpus); the one spec is the folder's first unless
``--one`` names it. ``--synthetic`` measures a synthetic corpus of 200 specs instead (800 figures,
three duty stations, 2010-2026; see tests/synthetic_corpus.py) and ``pbi calibrate`` over it.

Each command runs RUNS times (default 9) in a fresh interpreter, the two commands taking turns so
that a shared machine's load falls on both alike, after one warm-up run of each. Bytecode is cached
as it is for an installed pbi (in a temporary folder, whatever PYTHONDONTWRITEBYTECODE says):
compiling pbi's modules on every run would be start-up that no user pays. Prints the median and
minimum wall time and the median CPU time (user + system) of each command, and the ratios of the
medians; exits 1 when the wall-time ratio is over 2. ``--instructions`` also counts the instructions
each command executes (one run each under valgrind's callgrind, about a minute): unlike times on
a shared machine, the count does not depend on the load.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from synthetic_corpus import write_corpus  # noqa: E402

__all__ = ["measure", "measure_turns", "instructions", "main", "TARGET"]

#: the most the folder may take, in multiples of one spec's wall time
TARGET = 2.0


def _env(cache: str | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache
    return env


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of ``cmd`` (exit codes 0 and 1 are both fine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(cmd: list[str], runs: int, cwd: Path) -> tuple[float, float]:
    """Minimum and median wall time of ``cmd`` in seconds (exit codes 0 and 1 are both fine)."""
    env = _env()
    times = [_run(cmd, cwd, env)[0] for _ in range(runs)]
    return min(times), statistics.median(times)


def measure_turns(cmds: list[list[str]], runs: int, cwd: Path) -> list[tuple[list[float], list[float]]]:
    """Wall and CPU times of each command over ``runs`` rounds in which the commands take turns,
    after a warm-up round (bytecode cached in a temporary folder)."""
    out: list[tuple[list[float], list[float]]] = [([], []) for _ in cmds]
    with tempfile.TemporaryDirectory() as cache:
        env = _env(cache)
        for cmd in cmds:
            _run(cmd, cwd, env)
        for _ in range(runs):
            for cmd, (walls, cpus) in zip(cmds, out, strict=True):
                wall, cpu = _run(cmd, cwd, env)
                walls.append(wall)
                cpus.append(cpu)
    return out


def instructions(cmd: list[str], cwd: Path) -> int:
    """Instructions executed by one run of ``cmd`` (valgrind's callgrind), bytecode cached."""
    with tempfile.TemporaryDirectory() as cache:
        env = _env(cache)
        _run(cmd, cwd, env)
        done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                              cwd=cwd, env=env, capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if not found:
        raise SystemExit(f"valgrind gave no count: {done.stderr[-500:]}")
    return int(found.group(1))


def main(argv: list[str]) -> int:
    args = argv[1:]
    synthetic = "--synthetic" in args
    one_arg = None
    if "--one" in args:
        i = args.index("--one")
        one_arg = args[i + 1]
        del args[i:i + 2]
    counting = "--instructions" in args
    if counting and not shutil.which("valgrind"):
        raise SystemExit("--instructions needs valgrind")
    args = [a for a in args if a not in ("--synthetic", "--instructions")]
    runs = int(args[0]) if args else 9
    py = [sys.executable, "-m", "pbi"]
    with tempfile.TemporaryDirectory() as tmp:
        if synthetic:
            cwd = Path(tmp)
            folder = write_corpus(cwd, 200).relative_to(cwd)
        else:
            cwd = ROOT if len(args) < 2 else Path.cwd()
            folder = Path(args[1]) if len(args) > 1 else Path("notes")
        specs = sorted(p for p in (cwd / folder).rglob("*.yaml") if p.name != "entitlements.yaml")
        one = Path(one_arg) if one_arg else specs[0].relative_to(cwd)
        names = [f"pbi reproduce {one}", f"pbi reproduce {folder} ({len(specs)} specs)"]
        (one_wall, one_cpu), (all_wall, all_cpu) = measure_turns(
            [[*py, "reproduce", str(one)], [*py, "reproduce", str(folder)]], runs, cwd)
        calibrate = measure([*py, "calibrate", str(folder)], max(1, runs // 3), cwd) if synthetic else None
        counts = [instructions(cmd, cwd) for cmd in ([*py, "reproduce", str(one)], [*py, "reproduce", str(folder)])] \
            if counting else None
    print(f"{runs} runs each, taking turns; wall and CPU (user + system) seconds")
    for name, walls, cpus in ((names[0], one_wall, one_cpu), (names[1], all_wall, all_cpu)):
        print(f"{name:<50} wall median {statistics.median(walls):6.3f}  min {min(walls):6.3f}   "
              f"CPU median {statistics.median(cpus):6.3f}")
    if calibrate is not None:
        print(f"{'pbi calibrate ' + str(folder):<50} wall median {calibrate[1]:6.3f}  min {calibrate[0]:6.3f}")
    if counts is not None:
        print(f"instructions: one spec {counts[0] / 1e6:,.0f} M, folder {counts[1] / 1e6:,.0f} M, "
              f"folder / one spec {counts[1] / counts[0]:.2f}")
    ratio = statistics.median(all_wall) / statistics.median(one_wall)
    cpu_ratio = statistics.median(all_cpu) / statistics.median(one_cpu)
    print(f"folder / one spec: wall {ratio:.2f} (medians; minimums {min(all_wall) / min(one_wall):.2f}), "
          f"CPU {cpu_ratio:.2f} (target: wall at most {TARGET:g})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
