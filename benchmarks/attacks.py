"""Run the attack catalogue (tests/attack_cases.py, then the fourth, sixth, twelfth, thirteenth and
fourteenth rounds' tests/attack4_cases.py, tests/attack5_cases.py, tests/attack12_cases.py,
tests/attack13_cases.py and tests/attack14_cases.py), each case in its own process under limits; the
thirteenth round's calls of the Python API (``API13``) run in this process after them.

    python benchmarks/attacks.py            # counts by family, and every case not handled
    python benchmarks/attacks.py -v         # every case, with its time and peak memory
    python benchmarks/attacks.py FIFO       # only the cases whose family or name holds "FIFO"
    python benchmarks/attacks.py --matrix   # every command's file arguments against twelve hostile
                                            # inputs (tests/attack5_cases.py), each pair in its own process

Each case runs ``pbi`` with an address-space limit of 2 GB and a time limit; the verdict is the one
the tests use (one line and exit 2, or the right output; inputs unchanged; no temporary file left).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from attack4_cases import ATTACKS4  # noqa: E402
from attack5_cases import ATTACKS5, pair_id, pairs  # noqa: E402
from attack12_cases import ATTACKS12  # noqa: E402
from attack13_cases import API13, ATTACKS13, api_verdict  # noqa: E402
from attack14_cases import ATTACKS14  # noqa: E402
from attack5_cases import prepare as prepare_pair, verdict as pair_verdict  # noqa: E402
from attack_cases import ATTACKS, MEMORY_BOUND_MB, TIME_BOUND, Attack, argv, prepare, verdict  # noqa: E402

#: faults injected in the child before pbi runs
_PRELUDE = {
    "enospc": "import errno, os\n"
              "def _full(*a, **k): raise OSError(errno.ENOSPC, 'No space left on device')\n"
              "os.fsync = _full\n",
    "sigterm": "import os, signal\n"
               "def _term(*a, **k): os.kill(os.getpid(), signal.SIGTERM)\n"
               "os.fsync = _term\n",
}
_MAIN = "import sys\nfrom pbi.cli import main\nsys.exit(main(sys.argv[1:]))\n"


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def run(attack: Attack) -> tuple[str, float, float]:
    """(verdict, seconds, peak MB of the child)."""
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        before = prepare(attack, d)
        env = {**os.environ, "PYTHONPATH": str(ROOT),
               **{k: v.replace("{d}", str(d)) for k, v in attack.env.items()}}
        env.pop("PBI_TABLES", None) if "PBI_TABLES" not in attack.env else None
        code_text = _PRELUDE.get(attack.fault, "") + _MAIN
        stdout: int | None = subprocess.PIPE
        if attack.fault == "full-stdout":
            stdout = os.open("/dev/full", os.O_WRONLY)
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code_text, *argv(attack, d)], cwd=d / attack.cwd,
                                env=env, stdout=stdout if attack.fault != "closed-stdout" else None,
                                stderr=subprocess.PIPE, preexec_fn=_prep(attack))
        try:
            out, err = proc.communicate(timeout=TIME_BOUND * 2)
            code: int | None = proc.returncode
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            code = None
        seconds = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak = usage.ru_maxrss / 1024
        if isinstance(stdout, int) and stdout != subprocess.PIPE:
            os.close(stdout)
        if code is not None and code < 0:
            code = 128 - code
        text_out = (out or b"").decode("utf-8", "replace")
        text_err = (err or b"").decode("utf-8", "replace")
        return verdict(attack, d, before, code, text_out, text_err, seconds, 0.0), seconds, peak


def _peak_mb() -> float:
    """The largest resident size of any child so far (ru_maxrss of RUSAGE_CHILDREN is that maximum)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _prep(attack: Attack):  # type: ignore[no-untyped-def]
    def prep() -> None:
        _limits()
        if attack.fault == "closed-stdout":
            os.close(1)
    return prep


def run_pair(slot, hostile) -> tuple[str, float, float]:  # type: ignore[no-untyped-def]
    """(verdict, seconds, peak MB of the children so far) of one pair of the matrix, in its own process."""
    with tempfile.TemporaryDirectory() as tmp:
        args, d, before = prepare_pair(slot, hostile, Path(tmp))
        start = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, "-c", _MAIN, *args], env={**os.environ, "PYTHONPATH": str(ROOT)},
                                  stdin=subprocess.DEVNULL, capture_output=True, timeout=TIME_BOUND * 2,
                                  preexec_fn=_limits)
            why = pair_verdict(slot, hostile, d, before, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                               proc.stderr.decode("utf-8", "replace"))
        except subprocess.TimeoutExpired:
            why = f"no exit within {TIME_BOUND * 2:.0f} s"
        return why, time.perf_counter() - start, _peak_mb()


def matrix(verbose: bool) -> int:
    bad = 0
    worst_s = 0.0
    for slot, hostile in pairs():
        why, seconds, peak = run_pair(slot, hostile)
        worst_s = max(worst_s, seconds)
        bad += bool(why)
        if verbose or why:
            print(f"{'ok ' if not why else 'BAD'} {seconds:5.1f}s  {pair_id(slot, hostile)}" + (f" — {why}" if why else ""))
    print(f"matrix: {len(pairs())} pairs, {len(pairs()) - bad} handled (slowest {worst_s:.1f} s, "
          f"largest child {_peak_mb():.0f} MB)")
    return 1 if bad else 0


def main() -> int:
    verbose = "-v" in sys.argv
    if "--matrix" in sys.argv:
        return matrix(verbose)
    only = next((a for a in sys.argv[1:] if not a.startswith("-")), "")
    tried: Counter[str] = Counter()
    handled: Counter[str] = Counter()
    worst_s = worst_mb = 0.0
    for attack in [*ATTACKS, *ATTACKS4, *ATTACKS5, *ATTACKS12, *ATTACKS13, *ATTACKS14]:
        if only and only not in attack.id:
            continue
        before_mb = _peak_mb()
        why, seconds, peak = run(attack)
        if not why and peak > before_mb and peak > MEMORY_BOUND_MB:  # this case raised the children's peak
            why = f"took {peak:.0f} MB"
        tried[attack.family] += 1
        worst_s = max(worst_s, seconds)
        worst_mb = max(worst_mb, peak)
        if not why:
            handled[attack.family] += 1
        if verbose or why:
            print(f"{'ok ' if not why else 'BAD'} {seconds:5.1f}s {peak:5.0f} MB  {attack.id}"
                  + (f" — {why}" if why else ""))
    for call in API13:
        if only and only not in call.id:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            why = api_verdict(call, Path(tmp))
        tried["api13"] += 1
        handled["api13"] += not why
        if verbose or why:
            print(f"{'ok ' if not why else 'BAD'}                {call.id}" + (f" — {why}" if why else ""))
    print()
    for family in tried:
        print(f"{family:10} tried {tried[family]:3}  handled {handled[family]:3}")
    print(f"{'all':10} tried {sum(tried.values()):3}  handled {sum(handled.values()):3}"
          f"  (slowest {worst_s:.1f} s, largest child {worst_mb:.0f} MB)")
    return 0 if tried == handled else 1


if __name__ == "__main__":
    sys.exit(main())
