"""A meeting a paragraph only prepares ("to prepare the high-level meeting", "为高级别会议做准备") is
referred to, not convened: the paragraph's own meeting is priced, the high-level meeting only where
the draft convenes it. Paraphrases, not the sentences the rules were written from."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_helpers import activities, drafted

EN = """The General Assembly,

1. Decides to convene a one-day high-level meeting on ageing in New York in 2027;

2. Requests the Secretary-General to hold, in 2027, a three-day meeting of experts in Vienna, preparing the high-level meeting;
"""

ZH = """大会，

1. 决定于2027年在纽约召开为期一天的老龄问题高级别会议；

2. 请秘书长于2027年在维也纳召开为期三天的专家组会议，以筹备高级别会议；
"""


@pytest.mark.parametrize("text, suffix", [(EN, "en.txt"), (ZH, "zh.txt")])
def test_a_meeting_prepared_is_not_convened_again(text: str, suffix: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path, f"d-{suffix}")
    rules = {str(p["paragraph"]): p.get("rules", []) for p in data["extra"]["paragraphs"]}
    assert "high-level-meeting" in rules["1"]
    assert "high-level-meeting" not in rules["2"] and rules["2"]
    labels = [a["label"]["en"] for a in activities(data)]
    assert labels.count("high-level meeting") == 1
