"""Writing output files atomically: a temporary file in the same folder, then a rename.

An interrupted ``pbi note -o`` or ``--format xlsx`` therefore leaves no half-written file and
never clobbers the previous one. An output is only ever a regular file or a new path (never a FIFO
or a device), and within :func:`guarding_inputs` never a file the command has read.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from contextvars import ContextVar
from pathlib import Path
from collections.abc import Iterable, Iterator

from pbi.model.errors import InputError

__all__ = ["write_atomic", "note_input", "guarding_inputs", "check_output", "check_unzipped_size"]

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


def check_output(path: Path | str, *, inputs: Iterable[Path | str] = ()) -> Path:
    """``path`` if pbi may write it: a new name or a regular file that is not an input (of the
    running command, or one of ``inputs``: the files an object written from the Python API was made
    from); InputError otherwise. Nothing is written."""
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
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("the folder does not exist", file=name)
    return path


def write_atomic(path: Path | str, data: str | bytes, *, inputs: Iterable[Path | str] = ()) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; InputError if pbi may not write there
    (see :func:`check_output`, which ``inputs`` go to) or the disk is full."""
    path = check_output(path, inputs=inputs)
    if os.path.islink(path):  # replace what the link points to, never the link itself
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror}", file=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a written note is an ordinary file
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
                        beyond: str) -> None:
    """InputError if the parts of the zip ``source`` (a .docx, an .xlsx) declare more than ``limit``
    bytes (a zip bomb), or if it is no zip; zipfile never inflates a part beyond its declared size.
    ``what`` names the document in the message, ``unreadable`` what a broken one is not, ``beyond``
    why the limit holds."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"{unreadable} ({type(exc).__name__})", file=str(file)) from None
    if total > limit:
        raise InputError(f"{what} would expand to {total:,} bytes when unzipped (at most {limit:,}): {beyond}",
                         file=str(file))
