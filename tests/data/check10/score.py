"""Score ``pbi check`` on the check10 statements against their labels (written before pbi read them).

    python tests/data/check10/score.py dev        # the statements worked on
    python tests/data/check10/score.py heldout    # the held-out ones, scored once at the end
    python tests/data/check10/score.py dev -v     # with each miss named

As check9's scorer, but the labels of one amount are paired with the claims of that amount that agree
with them most, all together (total, section, year; check9 took them in order), and a range ("between $38,000
and $46,000") is labelled with ``low`` and ``high`` instead of ``amount``: it is found by a claim of
that low and high.

Each label lists every amount a statement prints, with whether it is a total, its budget section and
its year where the text states them (a key left out is not scored). Per statement:
- found: labelled amounts read as claims (``optional_find`` amounts, such as a footnote's restatement
  or a table's column of earlier estimates, count neither as missed nor as invented);
- invented: claims of an amount no label has (or more of it than labelled);
- total: found amounts whose "is a total" agrees with the label;
- section / year: found amounts whose section / year agrees (a claim's year is its own, else the
  note's budget period; a multi-year total is labelled ``year: null``);
- false errors: arithmetic and consistency errors or warnings naming only amounts labelled right
  (the figures are not priced to a cost table here, so the rates check is left out);
- flagged: amounts labelled wrong (``right: false``: an error planted in the statement, a sum that
  does not add up) that an arithmetic or consistency error or warning names.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from itertools import permutations
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def _key(d: Decimal | str | None) -> str:
    return format(Decimal(d).normalize(), "f") if d is not None else ""


def _year_ok(c, f: dict) -> bool:
    got = c.year if c.year is not None else c.quantities.get("period_year")
    return got == f["year"] or (f["year"] is None and c.year is None and bool(c.is_total))


def _agrees(c, f: dict) -> int:
    """How many of a label's scored keys a claim of its amount agrees with (first the highest)."""
    return ((bool(c.is_total) == bool(f["total"]) if "total" in f else 0)
            + ((c.section or None) == (str(f["section"]) if f["section"] is not None else None)
               if "section" in f else 0)
            + (_year_ok(c, f) if "year" in f else 0))


def _span(f: dict) -> tuple[str, str]:
    return (f["low"], f["high"]) if "amount" not in f else (f["amount"], f["amount"])


def _worth(figs: list[dict], idx: list[int], choice: tuple) -> int:
    """How good a pairing of the labels ``idx`` with ``choice`` is: each label found first (one to be
    found before an optional one), then the keys its claim agrees with."""
    return sum(0 if c is None else (1000 if not figs[i].get("optional_find") else 100) + _agrees(c, figs[i])
               for i, c in zip(idx, choice, strict=True))


def _pair(figs: list[dict], claims: list) -> list:
    """Each label's claim (or None): of several claims of one amount (a subtotal in a table and in
    the text), the labels of that amount take the claims that agree with them most, all together
    (pairing by order alone scored a right reading as two misses); a label to be found before an
    optional one."""
    out: list = [None] * len(figs)
    groups: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(figs):
        groups.setdefault(_span(f), []).append(i)
    for (low, high), idx in groups.items():
        cands = [c for c in claims if _key(c.low) == low and _key(c.high) == high]
        if len(idx) + len(cands) > 10:  # too many to try every way: in order
            for i, c in zip(idx, cands, strict=False):
                out[i] = c
            continue
        best = max(permutations(cands + [None] * len(idx), len(idx)), key=lambda ch, idx=idx: _worth(figs, idx, ch))
        for i, c in zip(idx, best, strict=True):
            out[i] = c
    return out


def score(path: Path, labels: dict) -> dict:
    from pbi.check import check_files

    figs = labels["figures"]
    try:
        rep = check_files([path], table=None)
    except Exception as exc:  # a crash or a refusal: reported, not raised
        return {"crash": f"{type(exc).__name__}: {exc}"}
    claims = [c for n in rep.notes for c in n.claims if c.low is not None]
    unused = list(claims)
    res: Counter[str] = Counter()
    misses: list[str] = []
    figs = sorted(figs, key=lambda f: f.get("optional_find", False))
    paired = _pair(figs, claims)
    for f, match in zip(figs, paired, strict=True):
        low, high = _span(f)
        amount = f.get("amount") or f"{low}-{high}"
        if f.get("optional_find"):
            if match is not None:
                unused.remove(match)
            continue
        res["figures"] += 1
        if match is None:
            misses.append(f"missed {amount} ({f.get('what', '')})")
            continue
        unused.remove(match)
        res["found"] += 1
        if "total" in f:
            res["total_n"] += 1
            if bool(match.is_total) == bool(f["total"]):
                res["total_ok"] += 1
            else:
                misses.append(f"total? {amount}: read {match.is_total}, labelled {f['total']}")
        if "section" in f:
            res["section_n"] += 1
            want = f["section"]
            got = match.section
            if (got or None) == (str(want) if want is not None else None):
                res["section_ok"] += 1
            else:
                misses.append(f"section {amount}: read {got}, labelled {want}")
        if "year" in f:
            res["year_n"] += 1
            if _year_ok(match, f):
                res["year_ok"] += 1
            else:
                misses.append(f"year {amount}: read {match.year} (period {match.quantities.get('period_year')}), "
                              f"labelled {f['year']}")
    res["invented"] = len(unused)
    misses += [f"invented {_key(c.low)}{'-' + _key(c.high) if c.high != c.low else ''} ({c.paragraph}: {c.text[:60]!r})"
               for c in unused]
    wrong = {f.get("amount") or f["high"] for f in figs if f.get("right") is False}
    res["wrong"] = len(wrong)
    flagged: set[str] = set()
    for check, finding in rep.findings:
        if check == "rates" or finding.severity not in ("error", "warning"):
            continue
        named = {_key(x.get("amount") or x.get("low")) for x in finding.figures} if finding.figures else set()
        flagged |= named & wrong
        if not named & wrong:
            res["false_errors"] += 1
            misses.append(f"false {finding.severity}: {finding.message[:200]}")
    res["flagged"] = len(flagged)
    misses += [f"not flagged: wrong {a}" for a in sorted(wrong - flagged)]
    res["misses"] = misses  # type: ignore[assignment]
    return res


def main(which: str, verbose: bool = False) -> None:
    tot: Counter[str] = Counter()
    with tempfile.TemporaryDirectory():
        for lab in sorted((HERE / which).glob("*.labels.yaml")):
            labels = yaml.safe_load(lab.read_text(encoding="utf-8"))
            txt = lab.parent / labels["statement"]
            r = score(txt, labels)
            if "crash" in r:
                print(f"{txt.stem:28} CRASH {r['crash'][:200]}")
                tot["crash"] += 1
                tot["figures"] += sum(not f.get("optional_find") for f in labels["figures"])
                tot["wrong"] += len({f.get("amount") or f["high"] for f in labels["figures"] if f.get("right") is False})
                continue
            print(f"{txt.stem:28} found {r['found']}/{r['figures']}  invented {r['invented']}  total "
                  f"{r['total_ok']}/{r['total_n']}  section {r['section_ok']}/{r['section_n']}  year "
                  f"{r['year_ok']}/{r['year_n']}  false errors {r['false_errors']}  flagged {r['flagged']}/{r['wrong']}")
            if verbose:
                for m in r["misses"]:
                    print("      -", m)
            for k, v in r.items():
                if k != "misses":
                    tot[k] += v
    print(f"TOTAL: found {tot['found']}/{tot['figures']}, invented {tot['invented']}, total {tot['total_ok']}/"
          f"{tot['total_n']}, section {tot['section_ok']}/{tot['section_n']}, year {tot['year_ok']}/{tot['year_n']}, "
          f"false errors {tot['false_errors']}, planted errors flagged {tot['flagged']}/{tot['wrong']}, "
          f"crashes or unread files {tot['crash']}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev", "-v" in sys.argv)
