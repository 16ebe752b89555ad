"""Writing output files atomically: a temporary file in the same folder, then a rename.

An interrupted ``pbi note -o`` or ``--format xlsx`` therefore leaves no half-written file and
never clobbers the previous one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pbi.model.errors import InputError

__all__ = ["write_atomic"]


def write_atomic(path: Path | str, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; InputError if the folder is not writable."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise InputError("is a directory, expected a file name", file=str(path))
    if not folder.is_dir():
        raise InputError("the folder does not exist", file=str(path))
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
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
