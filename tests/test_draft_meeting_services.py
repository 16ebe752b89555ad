"""A service of a meeting the paragraph states ("to be webcast", "with summary records", 网络直播) is a
flag of the meeting it convenes, priced where the table prices it, and named in the assumptions.
Paraphrases, not the sentences the phrases were written from."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_helpers import activities, drafted
from pbi.cli import main


@pytest.mark.parametrize("text, service", [
    ("The General Assembly,\n\n1. Decides to hold a one-day high-level plenary meeting in New York in 2027, to be webcast;\n",
     "webcasting"),
    ("The General Assembly,\n\n1. Decides to convene in 2027 a two-day high-level meeting in New York, for which summary records shall be provided;\n",
     "summary_records"),
    ("大会，\n\n1. 决定于2027年在纽约召开为期一天的高级别会议，并进行网络直播；\n", "webcasting"),
])
def test_a_service_the_paragraph_states_is_priced(text: str, service: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    spec, data = drafted(text, tmp_path)
    (meeting,) = activities(data, "meeting")
    assert meeting[service] is True
    assert any(f"with {service.replace('_', ' ')}" in a for a in data["extra"]["assumptions"])
    capsys.readouterr()
    assert main(["explain", str(spec), meeting["id"]]) == 0
    rate = {"webcasting": "webcasting.meeting", "summary_records": "records.summary"}[service]
    assert rate in capsys.readouterr().out
