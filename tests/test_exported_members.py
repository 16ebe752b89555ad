"""The public API: every name in ``pbi.__all__`` resolves, and every error pbi raises is a PbiError."""

import inspect

import pbi
import pbi.model.errors


def test_all_names_resolve():
    for name in pbi.__all__:
        assert getattr(pbi, name) is not None, name


def test_error_tree_is_documented_in_one_place():
    doc = inspect.getdoc(pbi.model.errors)
    errors = [n for n in pbi.model.errors.__all__ if n != "Location"]
    for name in errors:
        cls = getattr(pbi.model.errors, name)
        assert issubclass(cls, pbi.PbiError)
        assert f":class:`{name}`" in doc, f"{name} is missing from the errors module docstring"
    assert ":class:`Location`" in doc
