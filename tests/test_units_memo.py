"""pint's memoised answers (pbi/units_memo.json) are pint's answers."""

import json

from pbi.model import memo, units


def test_memo_is_what_pint_says_for_the_shipped_tables():
    committed = json.loads(units.MEMO_FILE.read_text(encoding="utf-8"))
    assert committed == units.build_memo(*memo.shipped_questions()), "regenerate: python -m pbi.model.memo"


def test_memo_holds_errors_too_and_unknown_questions_go_to_pint():
    assert units.unit_factor("USD/(meeting*language)", ("meeting_day", "language")) == 2
    assert units.meetings_per_day() == 2
    fresh = ("USD/(page*copy)", ("page", "copy"))
    assert units._key(*fresh) not in units._memo()["factors"]
    assert units.unit_factor(*fresh) == 1


def test_a_memo_for_other_definitions_is_ignored(tmp_path, monkeypatch):
    stale = tmp_path / "memo.json"
    stale.write_text(json.dumps({"definitions": "other", "factors": {"USD/meeting | page": "1"}}), "utf-8")
    monkeypatch.setattr(units, "MEMO_FILE", stale)
    units._memo.cache_clear()
    try:
        assert units._memo() == {}
    finally:
        units._memo.cache_clear()
