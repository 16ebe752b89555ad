"""Turn pydantic validation errors into one-line pbi errors that name file, line and field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pbi.model.errors import ArgumentError, PbiError
from pbi.model.yamlio import LoadedYaml, path_of, read_text

__all__ = ["validate", "at", "echo", "expect", "expect_path", "expect_paths", "error_text"]

#: the most characters of a user's value an error message repeats
ECHO_CHARS = 80

M = TypeVar("M", bound=BaseModel)

_EXPECTED = {
    "extra_forbidden": "unknown key (check the spelling; `pbi schema` lists the keys)",
    "missing": "required key is missing",
}


def _message(err: Mapping[str, Any]) -> str:
    kind = err.get("type", "")
    if kind in _EXPECTED:
        return _EXPECTED[kind]
    msg = str(err.get("msg", "invalid"))
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    if kind.endswith("_type") or kind.startswith(("int_", "decimal_", "date_", "bool_", "literal_")):
        got = err.get("input")
        if not isinstance(got, (dict, list)):
            msg += f" (got {got!r})"
    return msg


def at(path: str, message: str) -> ValueError:
    """A ValueError for a model-level check that names the field it concerns.

    pydantic locates errors of a model validator at the model itself; ``at("published[0].activities",
    "…")`` lets such a check point at the field, and :func:`validate` turns it into the file's line.
    """
    return ValueError(f"{_AT}{path}{_AT}{message}")


_AT = "\x00@"


def validate(model: type[M], loaded: LoadedYaml, error: type[PbiError], **context: Any) -> M:
    """Validate ``loaded.data`` against ``model``; raise ``error`` for the first problem."""
    try:
        return model.model_validate(loaded.data, context=context or None)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        first = _misspelt_instead_of_missing(errors) or errors[0]
        loc = tuple(p for p in first.get("loc", ()) if not (isinstance(p, str) and p.startswith("function-")))
        field, message = error_text(first)
        if first.get("type") == "extra_forbidden":
            hint = _comma_hint(loaded, loc, field) if first.get("input") in (None, "") else ""
            message += hint or _close_key(model, loc)
        raise error(message, file=loaded.file, line=loaded.line_of(field),
                    field=field or None) from None


def error_text(err: Mapping[str, Any]) -> tuple[str, str]:
    """The field path and the message of one pydantic error, a model check's :func:`at` path included."""
    loc = tuple(p for p in err.get("loc", ()) if not (isinstance(p, str) and p.startswith("function-")))
    field, message = path_of(loc), _message(err)
    if _AT in message:
        _, sub, message = message.split(_AT, 2)
        field = f"{field}.{sub}" if field and not sub.startswith("[") else f"{field}{sub}"
    return field, message


def _misspelt_instead_of_missing(errors: list[Any]) -> Any:
    """For a required key reported missing (``table``), the unknown key beside it that is its misspelling
    (``tabel``): the line to point at; else None."""
    import difflib

    if errors[0].get("type") != "missing":
        return None
    parent, name = tuple(errors[0]["loc"][:-1]), str(errors[0]["loc"][-1])
    for err in errors:
        loc = tuple(err.get("loc", ()))
        if err.get("type") == "extra_forbidden" and loc[:-1] == parent and \
                difflib.get_close_matches(str(loc[-1]), [name], n=1, cutoff=0.6):
            return err
    return None


def _close_key(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """`` — did you mean 'operative_paragraphs'?`` for an unknown key close to one the model at ``loc``
    takes; else nothing."""
    import difflib
    import typing

    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return ""
        # the model inside Optional[...], tuple[..., ...] or list[...]: the first BaseModel among the arguments
        todo, current = [fields[part].annotation], None
        while todo and current is None:
            t = todo.pop(0)
            if isinstance(t, type) and issubclass(t, BaseModel):
                current = t
            else:
                todo += [a for a in typing.get_args(t) if a is not Ellipsis]
        if current is None:
            return ""
    names = list(getattr(current, "model_fields", {}))
    close = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.6) if loc else []
    return f" — did you mean {close[0]!r}?" if close else ""


def _comma_hint(loaded: LoadedYaml, loc: tuple[Any, ...], field: str) -> str:
    """For an unknown key without a value that follows a text in a flow mapping on the same line
    (``title: {en: Youth, peace and security}`` reads as ``en: Youth`` and a key ``peace and
    security``): say to quote the text that has a comma; else nothing."""
    parent: Any = loaded.data
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return ""
    if not isinstance(parent, dict) or not loc or loc[-1] not in parent:
        return ""
    keys = list(parent)
    at = keys.index(loc[-1])
    before = parent[keys[at - 1]] if at > 0 else None
    if isinstance(before, int) and not isinstance(before, bool) and str(keys[at]).isdigit():
        # ``{words: 8,500}`` reads as ``words: 8`` and a key ``500``
        groups = [str(before)]
        for k in keys[at:]:
            if not (str(k).isdigit() and len(str(k)) == 3 and parent[k] in (None, "")):
                break
            groups.append(str(k))
        return f" — or a number with a thousands comma that YAML cut in two inside {{…}}: write {keys[at - 1]}: {''.join(groups)}"
    if not isinstance(before, str):
        return ""
    try:
        number = loaded.line_of(field) or 0
        line = read_text(loaded.file).splitlines()[number - 1]
    except (PbiError, OSError, IndexError):
        line = ""
    if "{" not in line and " " not in str(loc[-1]):
        return ""
    cut = [str(k) for k in keys[at:]]
    cut = cut[:next((i for i, k in enumerate(keys[at:]) if parent[k] not in (None, "")), len(cut))]
    text = ", ".join([before, *cut]).replace('"', '\\"')
    return f" — or a text with a comma that YAML cut in two inside {{…}}: quote it, {keys[at - 1]}: \"{text}\""


def echo(value: object, limit: int = ECHO_CHARS) -> str:
    """``value`` as an error message quotes it (``repr``), cut to ``limit`` characters with the
    length it has: a 100 KB argument is named, not repeated."""
    text = repr(value)
    if len(text) <= limit:
        return text
    size = len(value) if isinstance(value, str) else len(text)
    return f"{text[:limit]}… ({size:,} characters)"


def expect(value: object, kind: type | tuple[type, ...], *, what: str, where: str, hint: str = "") -> None:
    """TypeError unless ``value`` is a ``kind``: the argument ``what`` of the public function ``where``
    given a path, None or a dict names what it takes (``hint``: how to get one), not an AttributeError
    from deep inside."""
    if isinstance(value, kind):
        return
    names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
    article = "an" if names[:1] in ("A", "E", "I", "O", "U") else "a"
    raise ArgumentError(f"{where}() takes {what} as {article} {names}, not {type(value).__name__} "
                        f"{echo(value, 40)}" + (f" ({hint})" if hint else ""))


def expect_path(value: object, *, what: str = "path", where: str) -> None:
    """ArgumentError unless ``value`` is a file path (text or an ``os.PathLike`` giving text): None, a
    number, bytes or a list given to a function that reads a file is named as such, not a TypeError
    from pathlib."""
    import os

    if isinstance(value, str) or (isinstance(value, os.PathLike) and isinstance(os.fspath(value), str)):
        if "\0" in os.fspath(value):  # os.stat would raise a ValueError
            raise ArgumentError(f"{where}() takes {what} as a file path, and a path cannot hold a NUL character "
                                f"(got {echo(os.fspath(value), 40)})")
        return
    raise ArgumentError(f"{where}() takes {what} as a file path (str or pathlib.Path), not "
                        f"{type(value).__name__} {echo(value, 40)}")


def expect_paths(value: object, *, what: str = "paths", where: str) -> None:
    """ArgumentError unless ``value`` is a list (or tuple) of file paths, or one path."""
    import os

    if isinstance(value, (str, os.PathLike)):
        expect_path(value, what=what, where=where)
        return
    if not isinstance(value, (list, tuple)):
        raise ArgumentError(f"{where}() takes {what} as a list of spec files or folders, not "
                            f"{type(value).__name__} {echo(value, 40)}")
    for i, item in enumerate(value):
        expect_path(item, what=f"{what}[{i}] (a path)", where=where)
