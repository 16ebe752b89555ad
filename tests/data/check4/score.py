"""Score ``pbi check`` on the check4 statements against their labels (written before pbi read them).

    python tests/data/check4/score.py dev        # the 14 statements worked on
    python tests/data/check4/score.py heldout    # the 4 held out, scored once at the end

Each statement is read as text and as a .docx built from it with python-docx (one Word paragraph a
paragraph, tables as Word tables). Per statement: figures found / figures in the note, priceable
figures re-priced, wrong figures flagged (an error or warning naming them), right figures raised in
an error or warning that names no wrong figure (false alarms), and any crash.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
_CELLS = re.compile(r"\s{2,}")
_NEW_PARA = re.compile(r"^\s*(?:\d{1,2}\.\s|\([a-z]\)\s|[IVX]+\.\s)")


def to_docx(text: str, out: Path) -> Path:
    """A Word file of a statement: paragraphs joined from their lines, a table's rows (lines of
    cells two spaces apart, after a "Table" caption) as a Word table."""
    import docx

    doc = docx.Document()
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if not line.strip():
            blocks.append([])
        else:
            blocks[-1].append(line)
    in_table = False
    for block in (b for b in blocks if b):
        rows = [_CELLS.split(ln.strip()) for ln in block]
        if in_table and sum(len(r) >= 2 for r in rows) >= 2:
            from docx.shared import Pt

            width = max(len(r) for r in rows)
            table = doc.add_table(rows=0, cols=width)
            for ln, r in zip(block, rows, strict=True):
                cells = table.add_row().cells
                pad = [""] * (width - len(r))
                for cell, value in zip(cells, [r[0], *pad, *r[1:]], strict=True):
                    cell.text = value
                if ln[:1].isspace():  # an object of expenditure under its section: indented
                    cells[0].paragraphs[0].paragraph_format.left_indent = Pt(12)
            in_table = False
            continue
        para: list[str] = []
        for ln in block:
            if para and _NEW_PARA.match(ln):
                doc.add_paragraph(" ".join(para))
                para = []
            para.append(ln.strip())
        if para:
            doc.add_paragraph(" ".join(para))
        in_table = bool(re.match(r"^Table\s+\d+|^表\s*\d+|^Tableau\s+\d+|^Cuadro\s+\d+", block[0].strip()))
    doc.save(str(out))
    return out


def _amounts(fig: dict) -> set[str]:
    out = set()
    for key in ("amount", "low", "high"):
        v = fig.get(key)
        if v is not None:
            out.add(format(Decimal(v).normalize(), "f"))
    return out


def _label_amounts(a: str) -> tuple[str, ...]:
    return tuple(a.split("-")) if "-" in a else (a,)


def _unread(figs: list[dict]) -> dict:
    wrong = sum(not f["right"] for f in figs)
    return {"figures": len(figs), "found": 0, "priceable": sum(bool(f["priceable"]) for f in figs),
            "repriced": 0, "wrong": wrong, "flagged": 0, "right": len(figs) - wrong, "false_alarms": 0}


def score(path: Path, labels: dict) -> dict:
    from pbi.check import check_files
    from pbi.model.errors import PbiError

    figs = labels["figures"]
    try:
        rep = check_files([path])
    except PbiError as exc:
        return {"crash": f"PbiError: {exc}", **_unread(figs)}
    except Exception as exc:  # a crash is a bug: reported, not raised
        return {"crash": f"{type(exc).__name__}: {exc}", **_unread(figs)}
    claims = [c for n in rep.notes for c in n.claims if c.low is not None]
    pool = Counter((format(c.low.normalize(), "f"), format(c.high.normalize(), "f")) for c in claims)
    priced = Counter((format(rc.claim.low.normalize(), "f"), format(rc.claim.high.normalize(), "f"))
                     for rc in (rep.rates.priced if rep.rates else []) if rc.claim.low is not None)
    wrong = {a for f in figs if not f["right"] for a in _label_amounts(f["amount"])}
    alarms = [f for _, f in rep.findings if f.severity in ("error", "warning")]
    flagged_amounts: set[str] = set()
    false_amounts: set[str] = set()
    for f in alarms:
        named = set().union(*(_amounts(x) for x in f.figures)) if f.figures else set()
        if named & wrong:
            flagged_amounts |= named
        else:
            false_amounts |= named
    found = repriced = priceable = flagged = nwrong = false = 0
    for f in figs:
        am = _label_amounts(f["amount"])
        key = (am[0], am[-1])
        if pool[key] > 0:
            pool[key] -= 1
            found += 1
        if f["priceable"]:
            priceable += 1
            if priced[key] > 0:
                priced[key] -= 1
                repriced += 1
        if not f["right"]:
            nwrong += 1
            flagged += bool(set(am) & flagged_amounts)
        elif set(am) & false_amounts:
            false += 1
    return {"figures": len(figs), "found": found, "priceable": priceable, "repriced": repriced,
            "wrong": nwrong, "flagged": flagged, "right": len(figs) - nwrong, "false_alarms": false,
            "claims": len(claims), "alarms": [f.message for f in alarms],
            "skipped": [f"{rc.claim.paragraph} {rc.claim.low}: {rc.skipped} {rc.claim.quantities}"
                        for rc in (rep.rates.skipped if rep.rates else [])]}


def as_text_and_word(txt: Path, tmp: Path) -> dict[str, Path]:
    """A statement as its text file and as a .docx built from it."""
    return {"txt": txt, "docx": to_docx(txt.read_text(encoding="utf-8"), tmp / (txt.stem + ".docx"))}


def main(which: str, verbose: bool = False, folder: Path = HERE,
         forms: Callable[[Path, Path], dict[str, Path]] = as_text_and_word) -> None:
    """Score every labelled statement of ``folder/which`` in each of its ``forms`` and print the totals."""
    tot: Counter[str] = Counter()
    names: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for lab in sorted((folder / which).glob("*.labels.yaml")):
            labels = yaml.safe_load(lab.read_text(encoding="utf-8"))
            txt = lab.parent / labels["statement"]
            for form, path in forms(txt, Path(tmp)).items():
                names = names if form in names else [*names, form]
                r = score(path, labels)
                if "crash" in r:
                    print(f"{txt.stem:22} {form:4} CRASH {r['crash'][:150]}")
                    tot["crash"] += 1
                    for k in ("figures", "priceable", "wrong", "right"):
                        tot[f"{k}_{form}"] += r[k]
                    continue
                print(f"{txt.stem:22} {form:4} found {r['found']}/{r['figures']}  repriced {r['repriced']}/"
                      f"{r['priceable']}  flagged {r['flagged']}/{r['wrong']}  false alarms {r['false_alarms']}/"
                      f"{r['right']}")
                if verbose:
                    for m in r["alarms"]:
                        print("      !", m[:220])
                    for m in r["skipped"]:
                        print("      -", m[:300])
                for k in ("figures", "found", "priceable", "repriced", "wrong", "flagged", "right", "false_alarms"):
                    tot[f"{k}_{form}"] += r[k]
    for form in names:
        print(f"TOTAL {form}: found {tot['found_' + form]}/{tot['figures_' + form]}, repriced "
              f"{tot['repriced_' + form]}/{tot['priceable_' + form]}, wrong flagged {tot['flagged_' + form]}/"
              f"{tot['wrong_' + form]}, false alarms {tot['false_alarms_' + form]}/{tot['right_' + form]}")
    print(f"crashes or unread files: {tot['crash']}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev", "-v" in sys.argv)
