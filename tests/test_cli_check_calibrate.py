"""`pbi check` and `pbi calibrate` on the command line."""

import json
from pathlib import Path

import pytest
import yaml

from pbi.cli import main

from _paths import NOTES, SEEDS

SEED = SEEDS / "001_f0894e873e5d82b0.txt"
CLEAN = """附件七

关于题为“报告”的决议草案的财务说明

 1. 本说明系按照议事规则第 75 条作出。

 2. 关于第 8 执行段请求编写的报告，估计秘书处提交缔约方会议一份篇幅为 16 页的报告需要资源 23,000 美元。
"""


def test_check_seed_table(capsys) -> None:
    if not SEED.exists():
        pytest.skip("seed not found")
    assert main(["check", str(SEED)]) == 1
    out = capsys.readouterr().out
    assert "9 notes, 28 claims" in out
    assert "2 errors" in out and "21 claims priced, 7 skipped" in out
    assert "1,734,600 = sum of 7 parts" in out


def test_check_seed_json(capsys) -> None:
    if not SEED.exists():
        pytest.skip("seed not found")
    assert main(["check", str(SEED), "--json", "--lang", "zh"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {"severity", "check", "note", "paragraph", "message", "figures"} <= set(data[0])
    cons = [f for f in data if f["check"] == "consistency"]
    (f17,) = cons
    assert f17["severity"] == "error" and (f17["note"], f17["paragraph"]) == (6, "4")
    assert {(x["note"], x["paragraph"], x["low"]) for x in f17["figures"]} == {
        (5, "6", "800000"), (6, "4", "80000")}
    (total,) = [f for f in data if f["check"] == "arithmetic"]
    assert total["severity"] == "info" and total["figures"][-1]["amount"] == "1734600"
    assert all(isinstance(x["amount"], (str, type(None))) for f in data for x in f["figures"])


def test_check_clean_text_exits_0(write, capsys) -> None:
    path = write("note.txt", CLEAN)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0 errors, 0 warnings, 1 info" in out and "23,000 = 23,000" in out
    assert main(["check", str(path), "--no-rates"]) == 0
    assert "(no findings)" in capsys.readouterr().out


def test_check_input_errors_exit_2(write, capsys) -> None:
    assert main(["check", str(write("empty.txt", "nothing here\n"))]) == 2
    assert "no financial note found" in capsys.readouterr().err
    assert main(["check", "/nonexistent/note.txt"]) == 2
    assert main(["check", str(write("n.txt", CLEAN)), "--table", "no-such-table"]) == 2
    assert "no cost table 'no-such-table'" in capsys.readouterr().err


def test_calibrate_writes_a_table(tmp_path: Path, capsys) -> None:
    out = tmp_path / "fitted.yaml"
    assert main(["calibrate", str(NOTES), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "leave-one-out over 15 figures" in text and f"wrote {out}" in text
    assert "staff.P-3" in text and "undetermined without it" in text
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["id"] == "unodc-vienna-2010-fitted"
    assert data["rates"]["staff.P-3"]["fitted_to"] == ["F05"]
    code = main(["reproduce", str(NOTES), "--table", str(out)])
    rep = capsys.readouterr().out
    assert "reproduced" in rep and code in (0, 1)


def test_calibrate_json(capsys) -> None:
    assert main(["calibrate", str(NOTES / "annex-08.yaml"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rates = {r["key"]: r for r in data["rates"]}
    assert rates["expert_meeting.participant_day"]["method"] == "least squares"
    assert rates["network_meeting.participant_day"]["fitted_to"] == ["F22"]
    assert {f["id"] for f in data["figures"]} == {"F19", "F20", "F22", "F23", "F24", "F25", "F26", "F28"}
    assert all(isinstance(f["residual"], str) for f in data["figures"])
    assert data["leave_one_out"]["figures"] >= 4


def test_calibrate_bad_places(capsys) -> None:
    assert main(["calibrate", str(NOTES), "--places", "9"]) == 2
    assert "--places" in capsys.readouterr().err
