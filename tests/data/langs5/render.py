"""Render every spec of this folder in the six languages, as a statement and as a financial note where the
body takes one, as text (the counts in defects.py read text files; langs4 found Word files' paragraphs to
say the same).

    PYTHONPATH=$PWD /work/venv/bin/python tests/data/langs5/render.py /tmp/langs5/out
"""

from __future__ import annotations

import sys
from pathlib import Path

from pbi.costing.api import cost_file
from pbi.render import render_note

DATA = Path(__file__).parent
LANGS = ("en", "fr", "es", "ru", "ar", "zh")


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for spec in sorted(DATA.glob("*.yaml")):
        estimate = cost_file(spec)
        for kind in ("statement", "financial_note"):
            for lang in LANGS:
                try:
                    text = str(render_note(estimate, lang, "text", kind=kind))
                except Exception as err:  # a kind the body does not take: "no statement for …"
                    print(spec.stem, kind, lang, "not written:", str(err)[:100])
                    break
                Path(out / f"{spec.stem}.{kind}.{lang}.txt").write_text(text)
                written += 1
    print(written, "files")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/langs5/out")))
