"""A number in a draft is read whole whatever separates its thousands or whatever script writes its
digits: a thin space, a zero-width space, a word joiner or a soft hyphen inside "10 700" used to leave
700 words, silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.cli import main
from pbi.model.specs import load_spec

_HEAD = "General Assembly\nEighty-first session\n\nDraft resolution\n\nA title\n\nThe General Assembly,\n\n"


@pytest.mark.parametrize("number", ["10\u2009700", "10\u2007700", "10\u200b700", "10\u2060700", "10\u00ad700",
                                    "10\ufeff700", "10\u202f700", "10\u00a0700", "١٠٧٠٠", "۱۰۷۰۰"])
def test_a_stated_length_is_read_whole(tmp_path: Path, number: str) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(_HEAD + f"1. Requests the Secretary-General to submit a report not exceeding {number} words "
                     "to the General Assembly at its eighty-second session;\n", encoding="utf-8")
    out = tmp_path / "s.yaml"
    assert main(["draft", str(draft), "-o", str(out)]) == 0
    words = [a.words for r in load_spec(out).requests for a in r.activities if a.kind == "documentation"]
    assert [w.low for w in words if w is not None] == [10700]


def test_a_chinese_length_with_a_zero_width_space_is_read_whole(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("第八十一届会议\n\n决议草案\n\n一个标题\n\n大会，\n\n"
                     "1. 请秘书长向大会第八十二届会议提交一份不超过10\u200b700字的报告；\n", encoding="utf-8")
    out = tmp_path / "s.yaml"
    assert main(["draft", str(draft), "-o", str(out)]) == 0
    words = [a.words for r in load_spec(out).requests for a in r.activities if a.kind == "documentation"]
    assert [w.low for w in words if w is not None] == [10700]
