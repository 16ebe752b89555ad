"""The package in layers: results do not import their renderers; errors carry a typed location."""

import os
import subprocess
import sys

import pytest

import pbi
from _paths import NOTES, ROOT
from pbi.model.errors import Location, SpecError


def _modules_after(code: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True, env=env).stdout
    return set(out.split())


def test_costing_imports_no_layer_above_it():
    code = ("import importlib, pkgutil, pbi.costing\n"
            "for m in pkgutil.iter_modules(pbi.costing.__path__):\n"
            "    importlib.import_module('pbi.costing.' + m.name)")
    loaded = _modules_after(code)
    assert "pbi.costing.sweep" in loaded and "pbi.costing.display" in loaded
    above = sorted(m for m in loaded if m.split(".")[:2] in (["pbi", "export"], ["pbi", "render"],
                                                             ["pbi", "check"], ["pbi", "cli"]))
    assert above == []


def test_model_imports_nothing_above_it():
    code = ("import importlib, pkgutil, pbi.model\n"
            "for m in pkgutil.iter_modules(pbi.model.__path__):\n"
            "    importlib.import_module('pbi.model.' + m.name)")
    loaded = _modules_after(code)
    assert "pbi.model.memo" in loaded
    assert sorted(m for m in loaded if m.startswith("pbi.") and not m.startswith("pbi.model")) == []


def test_result_display_reaches_the_exporters_at_call_time():
    spec = pbi.load_spec(NOTES / "annex-04.yaml")
    est = pbi.cost(spec, pbi.resolve_table(spec.table, near=NOTES))
    html = est._repr_html_()
    assert html.startswith("<p><b>") and "F09" in html and "224,800" in html
    cmp = pbi.compare(est, est)
    text = cmp.to_table()
    assert text.splitlines()[0].startswith(spec.symbol) and "0.0%" in text


def test_location_fills_what_is_not_known():
    err = SpecError("bad", at=Location("spec.yaml", 7, "requests[0].activities[1].kind"))
    assert str(err) == "spec.yaml:7: requests[0].activities[1].kind: bad"
    assert err.location == Location("spec.yaml", 7, "requests[0].activities[1].kind")
    # a line and a field belong to their file: another file's are not taken (other.yaml:3 would name
    # a line of spec.yaml)
    known = SpecError("bad", file="other.yaml").located(Location("spec.yaml", 3, "year"))
    assert (known.file, known.line, known.field) == ("other.yaml", None, None)
    same = SpecError("bad", file="spec.yaml").located(Location("spec.yaml", 3, "year"))
    assert (same.file, same.line, same.field) == ("spec.yaml", 3, "year")


def test_an_engine_error_names_file_line_and_field(tmp_path):
    text = (NOTES / "annex-04.yaml").read_text(encoding="utf-8")
    spec_file = tmp_path / "annex-04.yaml"
    assert "kind: meeting\n" in text
    spec_file.write_text(text.replace("kind: meeting\n", "kind: no_such_kind\n", 1), encoding="utf-8")
    spec = pbi.load_spec(spec_file)
    with pytest.raises(pbi.PbiError) as info:
        pbi.cost(spec, pbi.resolve_table(spec.table, near=NOTES))
    err = info.value
    assert err.file == str(spec_file) and err.line is not None and err.field is not None
    assert err.field.endswith(".kind") and "no_such_kind" in err.message
    assert text.replace("kind: meeting\n", "kind: no_such_kind\n", 1).splitlines()[err.line - 1].strip() \
        == "kind: no_such_kind"
