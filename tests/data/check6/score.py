"""Score ``pbi check`` on the check6 statements against their labels (written before pbi read them).

    python tests/data/check6/score.py dev        # the 15 statements worked on
    python tests/data/check6/score.py heldout    # the 4 held out, scored once at the end

Each statement is read as text, as a .docx built with python-docx and as an .html page; the
forms and the scoring are check5's (tests/data/check5/score.py), which are check4's.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("check5_score", HERE.parent / "check5" / "score.py")
assert _spec is not None and _spec.loader is not None
check5 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check5)


def main(which: str, verbose: bool = False) -> None:
    check5.check4.main(which, verbose, folder=HERE, forms=check5.as_text_word_and_html)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev", "-v" in sys.argv)
