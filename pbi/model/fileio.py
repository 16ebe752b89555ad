"""Writing output files atomically: a temporary file in the same folder, then a rename.

An interrupted ``pbi note -o`` or ``--format xlsx`` therefore leaves no half-written file and
never clobbers the previous one. An output is only ever a regular file or a new path (never a FIFO
or a device), and within :func:`guarding_inputs` never a file the command has read.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import weakref
from contextvars import ContextVar
from pathlib import Path
from collections.abc import Iterable, Iterator
from typing import Any

from pbi.model.errors import InputError

__all__ = ["write_atomic", "note_input", "readable_folder", "files_under", "MAX_FOLDER_ENTRIES", "guarding_inputs", "check_output", "check_unzipped_size", "word_number",
           "word_blocks", "open_word_document", "MAX_DOCX_UNZIPPED", "MAX_PART_BYTES", "MAX_WORD_BLOCKS",
           "MAX_WORD_SPAN", "MAX_DOCX_OTHER_XML", "MAX_WORD_STYLES"]

#: the most bytes a part parsed whole may unzip to (word/document.xml: a statement's or a draft's is
#: under a megabyte; 16 MB of empty paragraphs take about 350 MB once parsed)
MAX_PART_BYTES = {"word/document.xml": 16_000_000}
#: the most bytes the XML parts of a .docx other than word/document.xml may unzip to, together
#: (styles, numbering, settings, headers, footnotes: python-docx parses them whole when it opens the
#: file; the largest of a statement's or a draft's is 440 KB, 85 MB of styles took 107 s and 2.7 GB, 8 MB 8 s and 300 MB)
MAX_DOCX_OTHER_XML = 4_000_000
#: the most styles a Word file may define (python-docx finds a paragraph's style by going through them
#: all: 100,000 paragraphs under 160,000 styles took over five minutes; a statement or a draft has 164)
MAX_WORD_STYLES = 2_000
#: the most a .docx's parts may expand to when unzipped (a draft's or a statement's is a few megabytes)
MAX_DOCX_UNZIPPED = 100_000_000
#: the most paragraphs and tables a Word file's body may hold (a statement or draft has a few hundred;
#: python-docx takes about 0.5 ms of processor time for each: 20,000 took 14 s through `pbi draft`)
MAX_WORD_BLOCKS = 20_000
#: the most columns a cell of a Word table may span (Word's tables have at most 63; python-docx
#: expands a span cell by cell: a span of 100 million took minutes)
MAX_WORD_SPAN = 63

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: (device, inode) of every file read while a command runs; None outside :func:`guarding_inputs`
_INPUTS: ContextVar[dict[tuple[int, int], str] | None] = ContextVar("pbi_inputs", default=None)


def note_input(path: Path | str) -> None:
    """Record ``path`` as an input of the running command (nothing happens outside
    :func:`guarding_inputs`)."""
    seen = _INPUTS.get()
    if seen is None:
        return
    with contextlib.suppress(OSError):
        info = os.stat(path)
        seen[(info.st_dev, info.st_ino)] = str(path)


@contextlib.contextmanager
def guarding_inputs(*paths: Path | str) -> Iterator[None]:
    """While the block runs, every file read (and each of ``paths`` that exists) is an input that
    :func:`write_atomic` refuses to overwrite, under any name (a symlink, ``../``, a hard link)."""
    token = _INPUTS.set({})
    try:
        for path in paths:
            note_input(path)
        yield
    finally:
        _INPUTS.reset(token)


def readable_folder(path: Path | str) -> None:
    """InputError if the folder ``path`` cannot be listed (no permission): a folder pbi cannot read is
    said so, never taken for an empty one."""
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        raise InputError(f"cannot read this folder: {exc.strerror or exc}", file=str(path)) from None


#: the most files and folders pbi looks through under a folder named as holding specs (the notes of this
#: repository are about 300; `pbi reproduce /` went through the whole file system)
MAX_FOLDER_ENTRIES = 20_000


def files_under(folder: Path | str, suffix: str, *, limit: int = MAX_FOLDER_ENTRIES) -> list[Path]:
    """The files under ``folder`` whose names end with ``suffix``, in no set order. Hidden files and
    folders (``.git``, an editor's ``.#spec.yaml``) are left out and links to folders are not followed
    (a link back to a parent cannot loop); InputError naming the folder when one below cannot be read,
    or when more than ``limit`` entries are met (a home folder or ``/`` named by mistake is said so at
    once, not searched for minutes)."""
    found: list[Path] = []
    todo = [str(folder)]
    seen = 0
    while todo:
        current = todo.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    seen += 1
                    if seen > limit:
                        raise InputError(f"more than {limit:,} files and folders under this folder: name the "
                                         "folder that holds the specs", file=str(folder))
                    if entry.name.startswith("."):
                        continue
                    try:
                        is_folder = entry.is_dir(follow_symlinks=False)
                    except OSError:
                        is_folder = False
                    if is_folder:
                        todo.append(entry.path)
                    elif entry.name.endswith(suffix):
                        found.append(Path(entry.path))
        except OSError as exc:
            raise InputError(f"cannot read this folder: {exc.strerror or exc}", file=current) from None
    return found


def check_output(path: Path | str, *, inputs: Iterable[Path | str] = ()) -> Path:
    """``path`` if pbi may write it: a new name or a regular file that is not an input (of the
    running command, or one of ``inputs``: the files an object written from the Python API was made
    from); InputError otherwise. Nothing is written."""
    if isinstance(path, str) and path.endswith(("/", os.sep)) and not os.path.isdir(path):
        # Path() drops the slash: "new.txt/" would be written as a file new.txt
        raise InputError("ends with '/', which names a folder: expected a file name", file=path)
    path = Path(path)
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror}", file=name) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, expected a file name", file=name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file: pbi writes only to a regular file or a new path", file=name)
        seen = dict(_INPUTS.get() or {})
        for source in inputs:
            with contextlib.suppress(OSError, ValueError):
                other = os.stat(source)
                seen.setdefault((other.st_dev, other.st_ino), str(source))
        if seen and (info.st_dev, info.st_ino) in seen:
            read_as = seen[(info.st_dev, info.st_ino)]
            also = "" if os.path.abspath(read_as) == os.path.abspath(name) else f" (read as {read_as})"
            raise InputError(f"is an input of this command{also}: choose another output file", file=name)
        if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
            # a rename would replace it all the same (and as root, whatever its mode): a file made
            # read-only is one its owner does not want replaced
            raise InputError("is read-only: pbi does not replace a write-protected file (make it writable, or "
                             "choose another output file)", file=name)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("the folder does not exist", file=name)
    if info is None and os.path.islink(path):  # a dangling link: what it points to is written
        target = Path(os.path.realpath(path))
        if not target.parent.is_dir():
            raise InputError(f"is a link to {target}, whose folder does not exist", file=name)
    return path


def write_atomic(path: Path | str, data: str | bytes, *, inputs: Iterable[Path | str] = ()) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; InputError if pbi may not write there
    (see :func:`check_output`, which ``inputs`` go to) or the disk is full."""
    path = check_output(path, inputs=inputs)
    if os.path.islink(path):  # replace what the link points to, never the link itself
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:  # a file replaced keeps its permissions (one only its owner may read stays so)
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror}", file=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # mkstemp makes 0600; a new note is an ordinary file
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        why = "the disk is full (no space left on device)" if exc.errno in (errno.ENOSPC, errno.EDQUOT) \
            else f"cannot write: {exc.strerror or exc}"
        raise InputError(f"{why}; nothing was written", file=str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def check_unzipped_size(source: Path | bytes, *, limit: int, file: Path | str, what: str, unreadable: str,
                        beyond: str, other_xml: int | None = None) -> None:
    """InputError if the parts of the zip ``source`` (a .docx, an .xlsx) declare more than ``limit``
    bytes (a zip bomb), or if it is no zip; zipfile never inflates a part beyond its declared size.
    ``what`` names the document in the message, ``unreadable`` what a broken one is not, ``beyond``
    why the limit holds; ``other_xml``, if given, bounds the XML parts not in :data:`MAX_PART_BYTES`
    together."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"{unreadable} ({type(exc).__name__})", file=str(file)) from None
    total = sum(info.file_size for info in infos)
    for info in infos:
        most = MAX_PART_BYTES.get(info.filename)
        if most is not None and info.file_size > most:
            raise InputError(f"{what}'s {info.filename} would expand to {info.file_size:,} bytes (at most "
                             f"{most:,}): {beyond}", file=str(file))
    if other_xml is not None:
        xml = [i for i in infos if i.filename.endswith((".xml", ".rels")) and i.filename not in MAX_PART_BYTES]
        size = sum(i.file_size for i in xml)
        if size > other_xml:
            largest = max(xml, key=lambda i: i.file_size)
            raise InputError(f"{what}'s XML parts other than its body would expand to {size:,} bytes (at most "
                             f"{other_xml:,}; {largest.filename} {largest.file_size:,}): {beyond}", file=str(file))
    if total > limit:
        raise InputError(f"{what} would expand to {total:,} bytes when unzipped (at most {limit:,}): {beyond}",
                         file=str(file))


_ROMAN_SMALL = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def open_word_document(path: Path, *, beyond: str) -> Any:
    """The python-docx document of the Word file ``path``; InputError (naming the file) when python-docx
    is not installed, the file unzips beyond :data:`MAX_DOCX_UNZIPPED` (``beyond`` says why that is too
    long) or it is not a readable Word document."""
    try:
        import docx  # python-docx, the optional "docx" extra
    except ImportError:
        raise InputError("reading .docx needs python-docx: pip install \"pbi[docx]\"", file=str(path)) from None
    check_unzipped_size(path, limit=MAX_DOCX_UNZIPPED, file=path, what="the Word document",
                        unreadable="not a readable Word document", beyond=beyond, other_xml=MAX_DOCX_OTHER_XML)
    try:
        document = docx.Document(str(path))
        styles = sum(1 for _ in document.styles.element.iterchildren(f"{_W}style"))
    except Exception as exc:  # python-docx raises several kinds on a damaged file
        raise InputError(f"not a readable Word document ({type(exc).__name__})", file=str(path)) from None
    if styles > MAX_WORD_STYLES:
        raise InputError(f"{styles:,} styles (a Word file has a few hundred; pbi reads at most "
                         f"{MAX_WORD_STYLES:,}): {beyond}", file=str(path))
    return document


#: the numbering and name of each paragraph style of a Word document, by style id (None: the default
#: style), looked up once: python-docx goes through every style for each paragraph (10,000 empty
#: paragraphs took 37 s)
_STYLES: weakref.WeakKeyDictionary[Any, dict[str | None, tuple[Any, str]]] = weakref.WeakKeyDictionary()


def _style_of(paragraph: Any, p_pr: Any) -> tuple[Any, str]:
    """(the numPr of the paragraph's style or None, the style's name or "")."""
    style_id = p_pr.style if p_pr is not None else None
    try:
        known = _STYLES.setdefault(paragraph.part, {})
    except TypeError:  # a part that takes no weak reference: no cache
        known = {}
    if style_id not in known:
        style = paragraph.style
        p = style.element.pPr if style is not None else None
        known[style_id] = (p.numPr if p is not None else None, str(style.name) if style is not None else "")
    return known[style_id]


def word_number(paragraph: object, counters: dict[tuple[str, int], int]) -> str:
    """"1.", "(a)" or "(i)" for a paragraph of a Word file (python-docx) that Word numbers itself (its
    own numbering or its style's, "List Number 2" the second level), "" otherwise; ``counters`` holds
    the count of each list and level so far, for the paragraphs of one document in order."""
    try:
        p_pr = paragraph._p.pPr  # type: ignore[attr-defined]
        num_pr = p_pr.numPr if p_pr is not None else None
        style_num_pr, name = _style_of(paragraph, p_pr)
        if num_pr is None:
            num_pr = style_num_pr  # numbering given by the style ("List Number")
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        if num_pr.ilvl is None and re.search(r"\s([2-9])$", name):
            level = int(name[-1]) - 1  # "List Number 2" is the second level
    except (AttributeError, ValueError, TypeError):  # a number Word would not write: no numbering
        return ""
    for key in [k for k in counters if k[1] > level]:
        del counters[key]  # a new item restarts the levels below it
    counters[(num_id, level)] = counters.get((num_id, level), 0) + 1
    n = counters[(num_id, level)]
    if level == 0:
        return f"{n}."
    if level == 1:
        return f"({chr(96 + n)})" if n <= 26 else f"({n})"
    return f"({_ROMAN_SMALL[n - 1]})" if n <= len(_ROMAN_SMALL) else f"({n})"



def word_blocks(body: Any, *, file: Path | str) -> list[Any]:
    """The paragraphs and tables (lxml elements) of a Word body in order; InputError if it holds more
    than :data:`MAX_WORD_BLOCKS` or a table cell spans more than :data:`MAX_WORD_SPAN` columns."""
    blocks: list[Any] = []
    for child in body.iterchildren():
        blocks.append(child)
        if len(blocks) > MAX_WORD_BLOCKS:
            raise InputError(f"more than {MAX_WORD_BLOCKS:,} paragraphs and tables: longer than any "
                             "statement or draft", file=str(file))
    for span in body.iter(f"{_W}gridSpan"):
        value = str(span.get(f"{_W}val", ""))
        if not value.isascii() or not value.isdigit() or int(value) > MAX_WORD_SPAN:
            raise InputError(f"a table cell spans {value[:20]!r} columns (a Word table has at most "
                             f"{MAX_WORD_SPAN})", file=str(file))
    return blocks
