"""A group of governmental experts that a study is to be prepared with ("with the assistance of a group of
governmental experts to be established in 2027") meets: its session is priced with the study, in the six
languages, as when the paragraph asks the Secretary-General to establish the group."""

from __future__ import annotations

import pytest
from _drafts import paragraph_two


@pytest.mark.parametrize(("text", "lang"), [
    ("Requests the Secretary-General to establish, in 2027, a group of governmental experts to prepare a study on the "
     "matter;", ""),
    ("Requests the Secretary-General to seek the views of Member States and, with the assistance of a group of "
     "governmental experts to be established in 2027 on the basis of equitable geographical distribution, to prepare a "
     "study on the matter;", ""),
    ("请秘书长征求会员国的意见，并在2027年根据公平地域分配原则设立的政府专家组的协助下，编写一份关于该问题的研究报告；", ""),
    ("Prie le Secrétaire général de recueillir les vues des États Membres et, avec l'aide d'un groupe d'experts "
     "gouvernementaux qui sera créé en 2027 sur la base d'une répartition géographique équitable, d'établir une étude "
     "sur la question ;", "fr"),
    ("Solicita al Secretario General que recabe las opiniones de los Estados Miembros y, con la asistencia de un grupo "
     "de expertos gubernamentales que se establecerá en 2027 sobre la base de una distribución geográfica equitativa, "
     "prepare un estudio sobre la cuestión;", "es"),
    ("просит Генерального секретаря запросить мнения государств-членов и при содействии группы правительственных "
     "экспертов, которая будет учреждена в 2027 году на основе справедливого географического распределения, "
     "подготовить исследование по этому вопросу;", "ru"),
    ("تطلب إلى الأمين العام أن يلتمس آراء الدول الأعضاء وأن يعد، بمساعدة فريق من الخبراء الحكوميين يُنشأ في عام 2027 "
     "على أساس التوزيع الجغرافي العادل، دراسة عن هذه المسألة؛", "ar"),
])
def test_the_group_a_study_is_prepared_with_meets(text: str, lang: str) -> None:
    acts = paragraph_two(text, lang or None)
    meetings = [a for a in acts if a["kind"] == "meeting"]
    assert len(meetings) == 1 and meetings[0]["interpretation"] and meetings[0]["year"] == 2027
    assert any(a["kind"] == "documentation" and a.get("words") == "8500" for a in acts)  # the study


def test_a_group_that_already_exists_is_not_a_new_session() -> None:
    acts = paragraph_two("Requests the Secretary-General to prepare a study with the assistance of the existing group "
                         "of experts;")
    assert not [a for a in acts if a["kind"] == "meeting"]
