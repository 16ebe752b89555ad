"""A report or temporary assistance a Council or Commission draft asks for is priced at the duty station
of the office or body that produces it (a Council's report in Geneva, a Commission's in Vienna), not at
the table's own (New York)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from draft_helpers import activities, drafted
from pbi.cli import main

HRC = """人权理事会，

1. 请人权事务高级专员办事处编写一份关于本决议执行情况的报告，提交人权理事会第六十四届会议；
"""
CND = """The Commission on Narcotic Drugs,

1. Requests the United Nations Office on Drugs and Crime to prepare a report on the implementation of the present resolution and to submit it to the Commission at its seventieth session;
"""


@pytest.mark.parametrize("text, station", [(HRC, "Geneva"), (CND, "Vienna")])
def test_a_report_is_priced_where_it_is_processed(text: str, station: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    spec, data = drafted(text, tmp_path)
    docs = activities(data, "documentation")
    assert docs and all(a["location"] == station for a in docs)
    capsys.readouterr()
    assert main(["explain", str(spec), docs[0]["id"]]) == 0
    assert re.search(rf"rate documentation\.word, table un-standard-costs, effective from [0-9-]+, {station}\n",
                     capsys.readouterr().out)


def test_a_place_quoted_is_the_place_priced(tmp_path: Path) -> None:
    """The recommendations of an expert meeting in Geneva are published where the body's documents are
    processed: the assumption says so, and never quotes "Geneva" for New York."""
    _, data = drafted("The General Assembly,\n\n1. Requests the Secretary-General to convene an expert group "
                      "meeting in Geneva in 2029 to prepare recommendations, and to publish them in the six "
                      "official languages;\n", tmp_path)
    for act in activities(data):
        said = [a for a in data["extra"]["assumptions"] if f"in {act['location']} (" in a]
        assert said, act
    assert not any(re.search(r"in (New York|Vienna|Nairobi) \(“Geneva”\)", a) for a in data["extra"]["assumptions"])
