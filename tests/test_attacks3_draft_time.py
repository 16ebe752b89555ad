"""Hostile drafts whose reading took unbounded time: a line of digits where a masthead date is
looked for (exponential), and one operative paragraph of 100 KB (quadratic in the trigger rules
and in the numbers of full-width digits). Each must finish within the time a draft is read in,
with a one-line refusal where the paragraph is longer than any draft's."""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from pbi.cli import main
from pbi.draft.reader import MAX_PARAGRAPH_CHARS, masthead

H = "Draft resolution\n\nThe General Assembly,\n\n"


class TookTooLong(Exception):
    pass


@pytest.fixture
def alarm() -> Iterator[None]:
    """Fails the test (instead of hanging the suite) if it runs past 30 s; no time is asserted."""
    def stop(*_: object) -> None:
        raise TookTooLong
    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(30)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("line", ["1" * 60 + "x", "1" * 60, "Vienna, " + "1" * 60 + " 2026", "11 " * 30 + "1" * 40])
def test_digits_are_no_masthead_date(line: str, alarm: None) -> None:
    """``(?:\\d{1,2}|…)*?`` split a run of n digits in Fibonacci(n) ways before failing."""
    assert masthead(line) is None


def test_a_real_date_is_still_read() -> None:
    assert masthead("Vienna, 18–22 May 2026") == ("date", "2026-05")
    assert masthead("29 and 30 May 2025") == ("date", "2025-05")


def test_a_masthead_is_never_longer_than_a_line(alarm: None) -> None:
    assert masthead("Vienna, " + "18 and " * 20_000 + "May 2026") is None


def _draft(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    src = tmp_path / "d.txt"
    src.write_text(text, encoding="utf-8")
    rc = main(["draft", str(src), "-o", str(tmp_path / "s.yaml")])
    err = capsys.readouterr().err
    assert src.read_text(encoding="utf-8") == text
    return rc, err


@pytest.mark.parametrize("body", [
    "1. Requests a report.\n" + "1" * 100_000 + "\n",
    "1. Requests " + "the Secretary-General to convene a meeting of experts, " * 2_000 + "\n",
    "1. 请秘书长提交一份不超过" + "１" * 100_000 + "字的报告。\n",
])
def test_a_paragraph_longer_than_any_draft_is_refused_in_one_line(body: str, tmp_path: Path, alarm: None,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    rc, err = _draft(tmp_path, (H if body[3] != "请" else "决议草案\n\n大会，\n\n") + body, capsys)
    assert rc == 2, err
    assert len(err.strip().splitlines()) == 1
    assert re.match(r".*d\.txt:\d+: .*longer than", err), err
    assert not (tmp_path / "s.yaml").exists()


def test_a_long_paragraph_under_the_limit_is_read(tmp_path: Path, alarm: None,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    words = "the Secretary-General to convene a meeting of experts, "
    body = "1. Requests " + words * ((MAX_PARAGRAPH_CHARS - 100) // len(words)) + "\n"
    rc, err = _draft(tmp_path, H + body, capsys)
    assert rc == 0, err
    assert (tmp_path / "s.yaml").exists()


def test_digits_before_days_are_read_once(alarm: None) -> None:
    """"(半|…|[0-9]+)\\s*天的" tried every digit of a run as a start: quadratic in the run's length
    (a 20,000-character paragraph of digits took 17 s)."""
    from pbi.draft.rules import load_rules
    phrases = load_rules("zh").day_phrases
    assert not [m for p in phrases for m in p.finditer("为期" + "1" * 300_000 + "x")]
    assert [m.group(1) for p in phrases for m in p.finditer("举行一次3天的会议")] == ["3"]
