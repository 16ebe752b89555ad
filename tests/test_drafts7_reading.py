"""Blind round 7 of ``pbi draft``: reading fixes, each tested on a draft that was not used to write it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.draft.reader import read_drafts
from pbi.model.errors import InputError

ONE_EN = """United Nations                                                   A/C.1/82/L.3
General Assembly                                                 Distr.: Limited

Eighty-second session
First Committee
Agenda item 98

          Draft resolution

          Verification of arms control agreements

     The General Assembly,

     Recalling its resolution 78/30,

     Noting the report of the Secretary-General,

     Requests the Secretary-General to seek the views of Member States and to report
to the General Assembly at its eighty-fourth session.
"""

ONE_ZH = """大会，

回顾其第78/30号决议，

请秘书长征求会员国的意见，并向大会第八十四届会议提交报告。
"""


@pytest.mark.parametrize("text, start", [(ONE_EN, "Requests the Secretary-General to seek"), (ONE_ZH, "请秘书长征求")])
def test_one_unnumbered_operative_paragraph_is_read(text: str, start: str, tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text(text, encoding="utf-8")
    (draft,) = read_drafts(source)
    (paragraph,) = draft.operative
    assert paragraph.number == "" and paragraph.text.startswith(start)
    assert draft.preamble and draft.preamble[-1].rstrip().endswith((",", "，"))


def test_a_preamble_alone_is_still_refused(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("The General Assembly,\n\nRecalling its resolution 78/30,\n\nNoting the report,\n", encoding="utf-8")
    with pytest.raises(InputError, match="no operative paragraphs"):
        read_drafts(source)


def test_a_sponsors_line_broken_inside_a_name(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("""Eighty-second session
Second Committee
Agenda item 18

          Draft resolution submitted by the Vice-Chair of the Committee, Mr. Jean-Paul
          Dossou (Benin), following informal consultations

          Desertification and land degradation

     The General Assembly,

     Recalling its resolution 79/200,

     1.   Requests the Secretary-General to submit a report to the General Assembly at its eighty-third session.
""", encoding="utf-8")
    (draft,) = read_drafts(source)
    assert draft.title == "Desertification and land degradation"
    assert draft.label.endswith("Dossou (Benin), following informal consultations")


@pytest.mark.parametrize("text, lang, want", [
    (ONE_EN, "en", "Under the terms of draft resolution A/C.1/82/L.3"),
    (ONE_ZH, "zh", "根据题为"),
])
def test_the_statement_cites_an_unnumbered_paragraph_as_the_draft(text: str, lang: str, want: str, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from pbi.cli import main

    source, spec = tmp_path / "draft.txt", tmp_path / "spec.yaml"
    source.write_text(text, encoding="utf-8")
    assert main(["draft", str(source), "-o", str(spec)]) == 0
    capsys.readouterr()
    assert main(["note", str(spec), "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert want in out
    assert "operative paragraph of" not in out and "(paragraph)" not in out and "第段" not in out and "（第段）" not in out


def test_an_inserted_bis_paragraph_is_read_not_dropped_as_a_footnote(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("""The Economic and Social Council,

1. Welcomes the report of the Committee;

2. Decides that the Committee shall meet in New York for five days in 2028;

2 bis. Requests the Secretary-General to prepare a background paper for that session;

2 ter. Invites Member States to nominate experts;

3. Decides to remain seized of the matter.
""", encoding="utf-8")
    (draft,) = read_drafts(source)
    assert [p.number for p in draft.operative] == ["1", "2", "2 bis", "2 ter", "3"]
    assert draft.operative[2].text.startswith("Requests the Secretary-General to prepare a background paper")


def test_a_footnote_is_still_a_footnote(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("""The General Assembly,

1. Requests the Secretary-General to submit a report;¹

2. Decides to remain seized of the matter.

__________________
1 The report shall cover the years 2026 and 2027.
""", encoding="utf-8")
    (draft,) = read_drafts(source)
    assert [p.number for p in draft.operative] == ["1", "2"]
    assert "2026" not in " ".join(p.text for p in draft.operative)
