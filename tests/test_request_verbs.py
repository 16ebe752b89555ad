"""A request in the draft's own words, cited as what the body would do (pbi.render.verbs).

After "the General Assembly would:" a statement says "(a) Request …" (en), "a) Prierait …" (fr),
"a) Solicitaría …" (es), "a) просила бы …" (ru, agreeing with the body). A spec may copy the
draft's present tense; the statement turns it into those forms, and leaves a text already in them
as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.costing.api import cost_file
from pbi.render import render_note
from pbi.render.verbs import would

from _paths import ROOT

DRAFT_WORDS = ROOT / "tests" / "data" / "recommended" / "draft-words.yaml"


@pytest.mark.parametrize(("lang", "feminine", "draft", "statement"), [
    ("en", False, "Requests the Secretary-General to report and decides to convene a meeting",
     "Request the Secretary-General to report and decide to convene a meeting"),
    ("en", False, "Also requests the Secretary-General", "Also request the Secretary-General"),
    ("en", False, "Take note of reports, notes and requests of States", "Take note of reports, notes and requests of States"),
    ("en", False, "Take note of the report and requests from States", "Take note of the report and requests from States"),
    ("fr", False, "Prie le Secrétaire général de faire rapport et décide de convoquer",
     "Prierait le Secrétaire général de faire rapport et déciderait de convoquer"),
    ("fr", False, "Prierait également le Secrétaire général", "Prierait également le Secrétaire général"),
    ("es", False, "Solicita al Secretario General y decide convocar", "Solicitaría al Secretario General y decidiría convocar"),
    ("ru", True, "просит Генерального секретаря и постановляет созвать", "просила бы Генерального секретаря и постановила бы созвать"),
    ("ru", True, "принимает к сведению доклад", "приняла бы к сведению доклад"),
    ("ru", False, "соглашается", "согласился бы"),
    ("ru", True, "просил бы также Генерального секретаря", "просила бы также Генерального секретаря"),
    ("ru", False, "предложила бы государствам", "предложил бы государствам"),
    ("zh", False, "请秘书长提交报告", "请秘书长提交报告"),
])
def test_the_draft_s_verbs_take_the_statement_s_form(lang: str, feminine: bool, draft: str, statement: str) -> None:
    assert would(draft, lang, feminine) == statement
    assert would(statement, lang, feminine) == statement  # already in the statement's form


@pytest.mark.parametrize(("lang", "item"), [
    ("en", "(a) Request the High Commissioner to prepare a report and decide to hold an intersessional meeting"),
    ("fr", "a) Prierait le Haut-Commissaire d’établir un rapport et déciderait de tenir une réunion intersessions"),
    ("es", "a) Solicitaría al Alto Comisionado que prepare un informe y decidiría celebrar"),
    ("ru", "a) просил бы Верховного комиссара подготовить доклад и постановил бы провести"),
])
def test_a_statement_cites_the_draft_s_words_as_what_the_body_would_do(lang: str, item: str) -> None:
    text = render_note(cost_file(DRAFT_WORDS), lang, "text", kind="statement")
    assert isinstance(text, str)
    assert item in text


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "the General Assembly would request the High Commissioner to prepare a report and decide to hold"),
    ("fr", "l’Assemblée générale prierait le Haut-Commissaire d’établir un rapport et déciderait de tenir"),
    ("es", "la Asamblea General solicitaría al Alto Comisionado que prepare un informe y decidiría celebrar"),
    ("ru", "Генеральная Ассамблея просила бы Верховного комиссара подготовить доклад и постановила бы провести"),
])
def test_a_financial_note_cites_the_draft_s_words_as_what_the_body_would_do(tmp_path: Path, lang: str,
                                                                            sentence: str) -> None:
    """The financial note's single request runs on after "would", in lower case and in the form the
    language needs (the Assembly is feminine in Russian)."""
    spec = tmp_path / "ga.yaml"
    spec.write_text(DRAFT_WORDS.read_text(encoding="utf-8").replace("body: human-rights-council",
                                                                    "body: general-assembly"), encoding="utf-8")
    text = render_note(cost_file(spec), lang, "text", kind="financial_note")
    assert isinstance(text, str)
    assert sentence in text.replace("\u00a0", " ")
