"""A paragraph that endorses recommendations adopted at meetings already held convenes nothing (resolution
11/2, paragraphs 1 and 2, read as two sessions before); one that also decides to convene the next does."""

from __future__ import annotations

from pathlib import Path

import pytest

from _paths import SEEDS
from draft_helpers import classes_of, drafted

ZH = ("联合国                                                           E/CN.15/2028/L.3\n经济及社会理事会\n\n"
      "预防犯罪和刑事司法委员会\n第三十七届会议\n\n         决议草案\n\n         技术援助\n\n"
      "    预防犯罪和刑事司法委员会，\n\n{paragraphs}\n")


def test_recommendations_of_meetings_held_are_no_session(tmp_path: Path) -> None:
    _, data = drafted(ZH.format(paragraphs=(
        "    1.  核可技术援助工作组在2026年7月9日和10日举行的第十二次会议上讨论的建议；\n\n"
        "    2.  还核可与国际合作工作组第十三次会议同时举行的技术援助工作组第十三次会议通过的建议；\n\n"
        "    3.  又核可工作组第十三次会议提出的结论，并决定于2029年召开工作组第十四次会议；\n\n"
        "    4.  核准工作组于2029年在维也纳举行两次会议，每次为期两天；")), tmp_path)
    assert classes_of(data) == {"1": "none", "2": "none", "3": "costed", "4": "costed"}


def test_the_seed_resolution_11_2_costs_only_its_annexes(tmp_path: Path) -> None:
    """Its operative paragraphs 1 and 2 endorse the recommendations in its annexes."""
    seed = SEEDS / "004_eaddcd8b9e3517c0.txt"
    if not seed.exists():
        pytest.skip(f"needs the seed document {seed} (shared/seeds beside the clone)")
    _, data = drafted(seed.read_text(encoding="utf-8"), tmp_path)
    assert classes_of(data)["1"] == classes_of(data)["2"] == "none"
    assert {"annex I (b)", "annex II (i)"} <= set(data["operative_paragraphs"])
