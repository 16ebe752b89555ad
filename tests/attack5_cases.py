"""The sixth round's matrix: every `pbi` command with each of its file arguments given a hostile input,
and every public function that reads a file given the same, judged by one verdict.

A pair is handled when pbi exits 0, or 2 with one line on stderr that names the input (and for
usage errors ``pbi CMD: error:``), never a traceback, leaves every input byte for byte as it was, and
writes no file (nor a temporary one) when it refuses. ``tests/test_attacks5_matrix.py`` runs a
sample in process; ``benchmarks/attacks.py --matrix`` runs every pair in its own process under limits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable

from attack2_helpers import SPEC, TABLE
from attack4_cases import DRAFT, NOTE, word
from attack_cases import Attack

#: a folder name with spaces and other scripts' letters, where the inputs of a pair live
FOLDER = "dossier è 文件 ü"


@dataclass(frozen=True)
class Hostile:
    """One hostile value for a file argument: ``make`` writes it under the pair's folder and returns
    the argument; ``ok`` says pbi may do the work (exit 0) instead of refusing."""

    name: str
    make: Callable[[Path, str], str]
    ok: bool = False


def _file(data: bytes, name: str = "input") -> Callable[[Path, str], str]:
    def make(d: Path, suffix: str) -> str:
        path = d / f"{name}{suffix}"
        path.write_bytes(data)
        return str(path)
    return make


def _folder(d: Path, suffix: str) -> str:
    path = d / f"a folder{suffix}"
    path.mkdir()
    return str(path)


def _missing(d: Path, suffix: str) -> str:
    return str(d / f"nowhere é 名{suffix}")


def _valid(d: Path, suffix: str) -> str:
    """The right content for the slot, in a file whose name has spaces and non-ASCII letters."""
    content: bytes = {".yaml": SPEC.encode(), ".txt": NOTE.encode(), ".docx": word(DRAFT),
                      ".scenario.yaml": b"set: {languages: 4}\n", ".csv": b"",
                      ".table.yaml": TABLE.encode(), ".draft.txt": ("\n\n".join(DRAFT) + "\n").encode()}[suffix]
    path = d / f"bon é 名 {suffix.lstrip('.')}{suffix if suffix.count('.') == 1 else '.' + suffix.split('.')[-1]}"
    path.write_bytes(content)
    return str(path)


HOSTILE: list[Hostile] = [
    Hostile("a folder", _folder),
    Hostile("a missing path with spaces and non-ASCII", _missing),
    Hostile("an empty file", _file(b"")),
    Hostile("binary bytes", _file(bytes(range(256)) * 64)),
    Hostile("NUL bytes", _file(b"\x00" * 4096)),
    Hostile("UTF-16 with its BOM", _file("symbol: x\n".encode("utf-16"))),
    Hostile("a YAML list", _file(b"- 1\n- 2\n")),
    Hostile("a YAML scalar 10**400", _file(b"1" + b"0" * 400 + b"\n")),
    Hostile("a zip that is no Word file", _file(word(["x"])[:200])),
    Hostile("a name of 300 characters", lambda d, s: str(d / ("n" * 300 + s))),
    Hostile("stdin '-' (empty)", lambda d, s: "-"),
    Hostile("the right content, path with spaces and non-ASCII", _valid, ok=True),
]


@dataclass(frozen=True)
class Slot:
    """A command line with one argument to attack: ``{X}`` is replaced by the hostile value, ``{d}``
    by the pair's folder; ``suffix`` is the file suffix the slot expects."""

    command: str
    argv: tuple[str, ...]
    suffix: str
    #: the commands that may exit 1 on good input (a mismatch found, a finding)
    ok_codes: tuple[int, ...] = (0,)


SLOTS: list[Slot] = [
    Slot("cost", ("cost", "{X}"), ".yaml"),
    Slot("cost --table", ("cost", "{d}/spec.yaml", "--table", "{X}"), ".table.yaml"),
    Slot("cost -o", ("cost", "{d}/spec.yaml", "-o", "{X}"), ".csv"),
    Slot("compare", ("compare", "{X}", "--set", "languages=4"), ".yaml"),
    Slot("compare --scenario", ("compare", "{d}/spec.yaml", "--scenario", "{X}"), ".scenario.yaml"),
    Slot("compare --vs-table", ("compare", "{d}/spec.yaml", "--vs-table", "{X}"), ".table.yaml"),
    Slot("reproduce", ("reproduce", "{X}"), ".yaml", ok_codes=(0, 1)),
    Slot("explain", ("explain", "{X}", "total"), ".yaml"),
    Slot("conclude", ("conclude", "{X}"), ".yaml"),
    Slot("check", ("check", "{X}", "--no-rates"), ".txt", ok_codes=(0, 1)),
    Slot("calibrate", ("calibrate", "{X}"), ".yaml"),
    Slot("note", ("note", "{X}", "--lang", "en"), ".yaml"),
    Slot("note --scenario", ("note", "{d}/spec.yaml", "--lang", "en", "--scenario", "{X}"), ".scenario.yaml"),
    Slot("workbook", ("workbook", "{X}", "-o", "{d}/w.xlsx"), ".yaml"),
    Slot("draft", ("draft", "{X}"), ".draft.txt"),
    Slot("draft .docx", ("draft", "{X}"), ".docx"),
    Slot("tables", ("tables", "{X}"), ".table.yaml"),
]


def pairs() -> list[tuple[Slot, Hostile]]:
    return [(slot, hostile) for slot in SLOTS for hostile in HOSTILE]


def pair_id(slot: Slot, hostile: Hostile) -> str:
    return f"{slot.command}: {hostile.name}"


def prepare(slot: Slot, hostile: Hostile, root: Path) -> tuple[list[str], Path, dict[Path, str]]:
    """The folder of the pair (under ``root``), its argv and the hash of every file in it."""
    d = root / FOLDER
    d.mkdir(parents=True, exist_ok=True)
    (d / "spec.yaml").write_text(SPEC, encoding="utf-8")
    value = hostile.make(d, slot.suffix)
    if slot.command == "cost -o" and hostile.ok:  # the output slot: a new file, named as hostilely
        value = str(d / "sortie é 名.csv")
    argv = [a.replace("{X}", value).replace("{d}", str(d)) for a in slot.argv]
    return argv, d, hashes(d)


def hashes(d: Path) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(d.rglob("*")) if p.is_file()}


#: (slot, hostile input) pairs where pbi does the work: -o names a new file, an existing regular file
#: (replaced) or "-" (standard output)
ACCEPTED = {("cost -o", "stdin '-' (empty)"), ("cost -o", "a missing path with spaces and non-ASCII"),
            ("cost -o", "an empty file"), ("cost -o", "binary bytes"),
            ("cost -o", "NUL bytes"), ("cost -o", "UTF-16 with its BOM"), ("cost -o", "a YAML list"),
            ("cost -o", "a YAML scalar 10**400"), ("cost -o", "a zip that is no Word file")}


def verdict(slot: Slot, hostile: Hostile, d: Path, before: dict[Path, str], code: int, out: str, err: str) -> str:
    """"" when the pair was handled, else why not."""
    if "Traceback" in err or "internal error" in err:
        return f"internal error: {err.strip().splitlines()[-1][:200] if err.strip() else ''}"
    accepted = hostile.ok or (slot.command, hostile.name) in ACCEPTED
    if accepted:
        if code not in slot.ok_codes:
            return f"exit {code}, expected {slot.ok_codes} ({err.strip()[:200]!r})"
    else:
        if code != 2:
            return f"exit {code}, expected 2 ({err.strip()[:200]!r})"
        if err.count("\n") != 1:
            return f"expected one line on stderr, got {err[:300]!r}"
        named = hostile.name.startswith("stdin") or err.startswith(str(d)) or "no cost table '-'" in err
        if not named:
            return f"the line does not begin with the file: {err.strip()[:200]!r}"
    after = hashes(d)
    changed = [p.name for p, digest in before.items() if after.get(p) != digest and p.name not in _OUTPUTS]
    if changed:
        return f"inputs changed: {changed}"
    new = [p.name for p in after if p not in before]
    if code == 2 and new:
        return f"files left after a refusal: {new}"
    if any(p.name.endswith(".tmp") for p in after):
        return "a temporary file was left"
    return ""


#: files a pair's command may replace: the -o output of `cost -o` on an existing file
_OUTPUTS = {"input.csv"}


_STYLES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


def styled_word(paragraphs: list[str], styles: int, filler: int = 0, styled: int = 0) -> bytes:
    """A Word file with ``styles`` paragraph styles (and ``filler`` bytes of comment in its styles part)
    and ``styled`` empty paragraphs that name a style, after ``paragraphs``."""
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(word(paragraphs, after='<w:p><w:pPr><w:pStyle w:val="s"/></w:pPr></w:p>'
                                          * styled)))
    out = io.BytesIO()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            text = src.read(name).decode()
            if name == "[Content_Types].xml":
                text = text.replace("</Types>", f'<Override PartName="/word/styles.xml" ContentType="{_STYLES_TYPE}"/>'
                                                "</Types>")
            z.writestr(name, text)
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships"><Relationship Id="rId9" Type="{_RELATION}" Target="styles.xml"/></Relationships>')
        z.writestr("word/styles.xml", f"<w:styles {w}>" + '<w:style w:type="paragraph" w:styleId="s"/>' * styles
                   + f"<!--{'x' * filler}--></w:styles>")
    return out.getvalue()


def _write(name: str, make: Callable[[], bytes]) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        (d / name).write_bytes(make())
    return setup


#: the sixth round's cases for benchmarks/attacks.py (time and memory, each in its own process)
ATTACKS5: list[Attack] = [
    Attack("word6", "draft: 85 MB of styles (200 KB zipped; 107 s and 2.7 GB before)", ("draft", "{d}/d.docx"),
           setup=_write("d.docx", lambda: styled_word(DRAFT, 1, filler=85_000_000)), want="XML parts other than"),
    Attack("word6", "check: 85 MB of styles", ("check", "{d}/n.docx", "--no-rates"),
           setup=_write("n.docx", lambda: styled_word(NOTE.splitlines(), 1, filler=85_000_000)),
           want="XML parts other than"),
    Attack("word6", "draft: 2,001 styles", ("draft", "{d}/d.docx"),
           setup=_write("d.docx", lambda: styled_word(DRAFT, 2_001)), want="2,001 styles"),
    Attack("word6", "draft: 19,990 styled paragraphs under 2,000 styles", ("draft", "{d}/d.docx"),
           setup=_write("d.docx", lambda: styled_word(DRAFT, 2_000, styled=19_990)), expect="ok"),
    Attack("word6", "check: 19,990 styled paragraphs under 2,000 styles", ("check", "{d}/n.docx", "--no-rates"),
           setup=_write("n.docx", lambda: styled_word(NOTE.splitlines(), 2_000, styled=19_990)), expect="exit:0-1"),
    Attack("word6", "draft: 20,001 paragraphs", ("draft", "{d}/d.docx"),
           setup=_write("d.docx", lambda: word(DRAFT, after="<w:p/>" * 20_001)), want="more than 20,000"),
    Attack("values6", "documents: 1.5", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": SPEC.replace("documents: 1,", "documents: 1.5,")}, want="whole numbers"),
    Attack("values6", "an id '=HYPERLINK(…)' to xlsx", ("cost", "{d}/spec.yaml", "-o", "{d}/x.xlsx"),
           {"spec.yaml": SPEC.replace("id: report,", "id: '=HYPERLINK(\"x\")',")
            .replace("activities: [report]", "activities: ['=HYPERLINK(\"x\")']")}, want="as a formula"),
    Attack("values6", "a workbook of 2,000 activities", ("workbook", "{d}/spec.yaml", "-o", "{d}/w.xlsx"),
           {"spec.yaml": SPEC.split("    activities:\n")[0] + "    activities:\n" + "".join(
               f"      - {{id: a{i}, kind: documentation, words: 8500, location: Geneva, year: 2025, "
               "funding: regular_budget}\n" for i in range(2_000))}, expect="ok", want="wrote"),
]
