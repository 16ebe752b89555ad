"""The masthead lines of a UN document are data (pbi/draft/rules/mastheads.yaml): each language's dates read
their month, and a pattern naming words the file does not list is one line naming the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.model.errors import InputError


def test_a_masthead_pattern_naming_unknown_words_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pbi.draft import reader

    bad = tmp_path / "mastheads.yaml"
    text = reader.MASTHEADS_FILE.read_text(encoding="utf-8")
    bad.write_text(text.replace("(?P<m>{{months}})", "(?P<m>{{monthz}})", 1), encoding="utf-8")
    monkeypatch.setattr(reader, "MASTHEADS_FILE", bad)
    reader._mastheads.cache_clear()
    try:
        with pytest.raises(InputError, match=r"mastheads\.yaml:\d+: en\.lines\.date: not a masthead pattern: "
                                             r"unknown \{\{monthz\}\}"):
            reader.masthead("Vienna, 18–22 May 2026")
    finally:
        reader._mastheads.cache_clear()


@pytest.mark.parametrize(("line", "language", "value"), [
    ("Vienna, 18–22 May 2026", "en", "2026-05"), ("Vienne, 12-16 Octobre 2026", "fr", "2026-10"),
    ("Viena, 12 a 16 de setiembre de 2026", "es", "2026-09"), ("Вена, 12–16 октября 2026 года", "ru", "2026-10"),
    ("فيينا، 12-16 تشرين الأول/أكتوبر 2026", "ar", "2026-10"), ("2025年9月8日至10月8日", "zh", "2025-10"),
])
def test_masthead_dates_read_their_month_in_each_language(line: str, language: str, value: str) -> None:
    from pbi.draft.reader import masthead

    assert masthead(line, language) == ("date", value)  # type: ignore[arg-type]
