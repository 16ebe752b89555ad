"""The public API, tested as httpx tests its own: ``pbi.__all__`` is a literal list that equals the
names pbi exports, each importable from pbi and documented; every module of the package declares a
literal ``__all__`` of names it defines; no module imports an underscored name from another; and
every error pbi raises is a PbiError."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import pbi
import pbi.model.errors

from _paths import ROOT

INIT = Path(pbi.__file__)
MODULES = sorted(m.name for m in pkgutil.walk_packages(pbi.__path__, "pbi.") if not m.name.endswith("__main__"))


def _literal_all(path: Path) -> list[str]:
    """The ``__all__`` of a source file, read without importing it; fails unless it is a literal list."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            value = node.value
            assert isinstance(value, ast.List), f"{path}: __all__ is not a literal list"
            assert all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts), path
            return [e.value for e in value.elts]  # type: ignore[union-attr]
    raise AssertionError(f"{path} has no __all__")


def test_all_is_a_sorted_literal_list_of_what_pbi_exports():
    names = _literal_all(INIT)
    assert names == pbi.__all__
    assert names == sorted(names) and len(set(names)) == len(names)
    exported = set(pbi._EXPORTS) | {"__version__"}
    assert set(names) == exported
    assert dir(pbi) == names


def test_type_checkers_see_the_same_names():
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    (block,) = [n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"]
    seen = {a.asname or a.name for n in block.body if isinstance(n, ast.ImportFrom) for a in n.names}
    assert seen == set(pbi._EXPORTS)


@pytest.mark.parametrize("name", [n for n in pbi.__all__ if n != "__version__"])
def test_each_name_is_importable_from_its_module_and_documented(name):
    value = getattr(pbi, name)
    module = importlib.import_module(f"pbi.{pbi._EXPORTS[name]}")
    assert getattr(module, name) is value, f"pbi.{name} is not {module.__name__}.{name}"
    assert name in module.__all__, f"{name} is not public in {module.__name__}"
    assert inspect.isclass(value) or inspect.isfunction(value), name
    assert value.__module__.startswith("pbi."), name
    assert (inspect.getdoc(value) or "").strip(), f"pbi.{name} has no docstring"


def test_star_import_gives_exactly_all():
    code = "from pbi import *\nprint(' '.join(sorted(n for n in dir() if not n.startswith('_') or n == '__version__')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""}).stdout.split()
    assert out == sorted(pbi.__all__)


def test_version_is_the_package_version():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert pbi.__version__ == project["version"]


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        pbi.nothing_here  # noqa: B018


@pytest.mark.parametrize("name", MODULES)
def test_every_module_declares_what_it_defines(name):
    module = importlib.import_module(name)
    declared = _literal_all(Path(module.__file__))
    assert declared == list(module.__all__)
    for n in declared:
        assert not n.startswith("_"), f"{name}.__all__ lists the private name {n}"
        assert hasattr(module, n), f"{name}.__all__ lists {n}, which it does not define"


@pytest.mark.parametrize("name", MODULES)
def test_no_module_reaches_a_private_name_of_another(name):
    path = Path(importlib.import_module(name).__file__)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()  # local names bound to pbi modules
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            private = [a.name for a in node.names if a.name.startswith("_")]
            assert not private, f"{path.name}:{node.lineno} imports {private} from {node.module or '.'}"
            module = importlib.import_module(name)
            package = name if hasattr(module, "__path__") else name.rsplit(".", 1)[0]
            full = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            if full.split(".")[0] != "pbi" or not hasattr(importlib.import_module(full), "__path__"):
                continue
            for a in node.names:
                if importlib.util.find_spec(f"{full}.{a.name}") is not None:
                    modules.add(a.asname or a.name)
        elif isinstance(node, ast.Import):
            modules |= {a.asname for a in node.names if a.asname and a.name.startswith("pbi")}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
            assert not node.attr.startswith("_"), f"{path.name}:{node.lineno} reaches {node.value.id}.{node.attr}"


def test_error_tree_is_documented_in_one_place():
    doc = inspect.getdoc(pbi.model.errors)
    errors = [n for n in pbi.model.errors.__all__ if n != "Location"]
    for name in errors:
        cls = getattr(pbi.model.errors, name)
        assert issubclass(cls, pbi.PbiError)
        assert f":class:`{name}`" in doc, f"{name} is missing from the errors module docstring"
    assert ":class:`Location`" in doc
