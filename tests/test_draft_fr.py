"""pbi draft reads French drafts (tests/data/drafts-fr): the class of every operative paragraph and the
activities of the costed ones as labelled by hand before pbi read them; three English drafts of
tests/data/drafts-en translated into French give the spec the English gives; French numbers, ordinals,
months and mastheads; a Russian or Arabic draft is still refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from _drafts import activities, check_labelled, only_paragraph

from pbi.draft import parse_drafts, read_drafts, spec_yaml
from pbi.draft.propose import propose_spec
from pbi.draft.reader import detect_language, fr_cardinal, fr_ordinal, masthead
from pbi.draft.rules import classify_text, load_rules

DATA = Path(__file__).resolve().parent / "data"
FR = DATA / "drafts-fr"
LABELS = sorted(FR.glob("*.yaml"))
#: held-out drafts missed on their one read (tests/data/drafts-fr/README.md) and not fixed since
HELD_OUT_MISSED: set[str] = set()


def _spec(path: Path) -> tuple[Any, dict[str, Any]]:
    (draft,) = read_drafts(path)
    proposal = propose_spec(draft)
    return proposal, yaml.safe_load(spec_yaml(proposal))


@pytest.mark.parametrize("label", [p for p in LABELS if p.stem not in HELD_OUT_MISSED], ids=lambda p: p.stem)
def test_french_draft_as_labelled(label: Path) -> None:
    check_labelled(label, "fr")


def test_there_are_ten_french_drafts_three_held_out() -> None:
    labels = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in LABELS]
    assert len(labels) == 10 and sum(bool(x.get("held_out")) for x in labels) == 3


# three English drafts translated into French: the same classes and the same activities

#: paragraph 3 of plenary-hlm: "an interactive multi-stakeholder hearing … before the high-level meeting". The English
#: rules read it as a high-level meeting of one day (their "before the" is not among the words that refer to a meeting
#: held elsewhere); the French reads the hearing, half a day. Both costed, both a meeting.
DIVERGES = {("plenary-hlm", "3")}
KEYS = ("kind", "words", "days", "participants", "trips", "dsa_days", "location", "year", "count", "section")


@pytest.mark.parametrize("name", ["c2-conference", "plenary-hlm", "hrc-education"])
def test_translated_draft_gives_the_english_spec(name: str) -> None:
    en, en_spec = _spec(DATA / "drafts-en" / f"{name}.txt")
    fr, fr_spec = _spec(FR / "translated" / f"{name}.txt")
    assert [(r.ref, r.classification.cls) for r in fr.paragraphs] == [(r.ref, r.classification.cls) for r in en.paragraphs]
    for result in en.paragraphs:
        if (name, result.ref) in DIVERGES:
            continue
        want = [{k: a.get(k) for k in KEYS} for a in activities(en_spec, result.ref)]
        got = [{k: a.get(k) for k in KEYS} for a in activities(fr_spec, result.ref)]
        assert got == want, result.ref
        assert {m.rule.id for m in next(r for r in fr.paragraphs if r.ref == result.ref).classification.matches} \
            == {m.rule.id for m in result.classification.matches}, result.ref
    assert fr_spec["budget_period"] == en_spec["budget_period"] and fr_spec["body"] == en_spec["body"]


# language, numbers, mastheads

def test_language_is_detected() -> None:
    assert detect_language((FR / "fr-c3-rapport.txt").read_text(encoding="utf-8")) == "fr"
    assert detect_language((DATA / "drafts-en" / "c2-conference.txt").read_text(encoding="utf-8")) == "en"
    assert detect_language("大会，\n\n1. 请秘书长提交报告；") == "zh"


@pytest.mark.parametrize(("words", "n"), [("trois", 3), ("vingt et un", 21), ("vingt-cinq", 25), ("soixante-dix", 70),
                                          ("quatre-vingt-deux", 82), ("quatre-vingt-dix-sept", 97), ("une", 1),
                                          ("10\u202f700", 10700), ("deux cents", 200)])
def test_french_cardinals(words: str, n: int) -> None:
    assert fr_cardinal(words) == n


@pytest.mark.parametrize(("words", "n"), [("première", 1), ("quatorzième", 14), ("soixante et unième", 61),
                                          ("quatre-vingt-unième", 81), ("quatre-vingt-deuxième", 82), ("cinquième", 5),
                                          ("neuvième", 9), ("81e", 81), ("trentième", 30)])
def test_french_ordinals(words: str, n: int) -> None:
    assert fr_ordinal(words) == n
    assert fr_ordinal("Secrétaire") is None


@pytest.mark.parametrize(("line", "field"), [
    ("Quatre-vingt-unième session", ("session", "Quatre-vingt-unième session")),
    ("Soixante et unième session", ("session", "Soixante et unième session")),
    ("Session de 2026", ("session", "Session de 2026")),
    ("Troisième Commission", ("committee", "Troisième Commission")),
    ("Point 68 de l’ordre du jour", ("agenda", "68")),
    ("Vienne, 12-16 octobre 2026", ("date", "2026-10")),
    ("20 décembre 2026", ("date", "2026-12")),
    ("Assemblée générale", ("organ", "Assemblée générale")),
])
def test_french_masthead(line: str, field: tuple[str, str]) -> None:
    assert masthead(line, "fr") == field


def test_french_masthead_session_year_and_title() -> None:
    (draft,) = read_drafts(FR / "fr-c3-rapport.txt")
    assert (draft.organ, draft.session, draft.committee, draft.agenda_items) == (
        "Assemblée générale", "Quatre-vingt-unième session", "Troisième Commission", ["68"])
    assert draft.title == "Les droits des personnes âgées" and draft.body == "L’Assemblée générale"


FRAME = """Projet de résolution

L’Assemblée générale,

Rappelant sa résolution 79/1,

1.\u00a0{}
"""


def _one(text: str) -> tuple[str, list[dict[str, Any]]]:
    return only_paragraph(FRAME, text, "fr")


@pytest.mark.parametrize(("text", "cls"), [
    ("Prie le Secrétaire général de lui présenter, à sa quatre-vingt-deuxième session, un rapport sur la question;", "costed"),
    ("Prie le Secrétaire général de lui faire rapport à sa session suivante sur l’application de la présente résolution;", "costed"),
    ("Décide de rester saisie de la question.", "none"),
    ("Invite les États Membres à renforcer leur coopération;", "none"),
    ("Prie le Secrétaire général de tenir à jour le site Web, dans la limite des ressources existantes;", "absorbed"),
    ("Prie l’Office de fournir une assistance technique au moyen de ressources extrabudgétaires;", "extrabudgetary"),
    ("Prie le Secrétaire général d’organiser un séminaire, au moyen de contributions volontaires;", "extrabudgetary"),
    ("Décide de créer un groupe de travail intergouvernemental à composition non limitée sur la dette;", "costed"),
])
def test_french_phrases(text: str, cls: str) -> None:
    assert _one(text)[0] == cls


def test_typography_words_with_narrow_no_break_space_and_quotes() -> None:
    cls, acts = _one("Prie le Secrétaire général d’établir un document d’information n’excédant pas 10\u202f700\u00a0mots "
                     "sur le « rôle des femmes » ;")
    assert cls == "costed"
    assert [a["words"] for a in acts if a["kind"] == "documentation"] == ["10700"]


def test_numbers_in_words_days_and_experts() -> None:
    cls, acts = _one("Prie le Secrétaire général de convoquer à Nairobi, en 2028, une réunion d’experts d’une durée de "
                     "trois jours réunissant vingt-cinq experts;")
    assert cls == "costed"
    (act,) = [a for a in acts if a["kind"] in ("expert_meeting", "travel")]
    assert (str(act.get("participants", act.get("trips"))), act["year"]) == ("25", 2028)
    assert act["location"] == "Nairobi"


def test_a_request_of_the_secretariat_no_rule_names_is_said() -> None:
    (draft,) = parse_drafts(FRAME.format("Prie le Secrétaire général de favoriser le dialogue entre les parties;"))
    proposal = propose_spec(draft)
    assert proposal.paragraphs[0].classification.cls == "none"
    assert "no rule names" in (proposal.paragraphs[0].classification.why or "")
    assert any("paragraph 1 asks the secretariat for work no rule names" in a
               for a in proposal.spec.extra["assumptions"])


def test_rules_file_examples() -> None:
    rules = load_rules("fr")
    for rule in (*rules.requests, *rules.extrabudgetary, *rules.absorbed, *rules.invitation):
        for example in rule.examples:
            assert rule.search(example, example), (rule.id, example)
        for example in rule.counter_examples:
            assert not rule.search(example, example), (rule.id, example)


def test_classify_text_french() -> None:
    rules = load_rules("fr")
    c = classify_text(["Prie l’Office des Nations Unies contre la drogue et le crime d’organiser un atelier réunissant "
                       "20 experts"], rules)
    assert c.cls == "costed" and [m.rule.id for m in c.matches] == ["expert-meeting"]


@pytest.mark.parametrize(("name", "language"), [("d4-ru-c2-seminar.txt", "ru"), ("d4-ar-c2-workshop.txt", "ar")])
def test_russian_arabic_read_not_taken_for_french(name: str, language: str) -> None:
    (draft,) = read_drafts(DATA / "draft14" / name)
    assert draft.language == language


def test_a_draft_a_commission_recommends_in_french() -> None:
    text = """Nations Unies                                                    E/CN.6/2027/L.3

Conseil économique et social
Commission de la condition de la femme
Soixante et onzième session
New York, 8-19 mars 2027

Allemagne et Brésil: projet de résolution

Les femmes rurales et l’action climatique

La Commission de la condition de la femme recommande au Conseil économique et social d’adopter le projet de résolution suivant :

Le Conseil économique et social,

Rappelant sa résolution 2020/15,

1. Prie le Secrétaire général de convoquer en 2028 une réunion d’un groupe d’experts de trois jours réunissant 12 experts;

2. Prie le Secrétaire général :

a) De réaliser une étude sur les bonnes pratiques;

b) De lui présenter un rapport à sa soixante-treizième session.
"""
    (draft,) = parse_drafts(text)
    assert (draft.language, draft.recommended, draft.body, draft.title) == (
        "fr", True, "Le Conseil économique et social", "Les femmes rurales et l’action climatique")
    assert [i.label for i in draft.operative[1].items] == ["(a)", "(b)"]
    proposal = propose_spec(draft)
    assert proposal.spec.body == "csw"
    assert [r.classification.cls for r in proposal.paragraphs] == ["costed", "costed"]


def test_a_french_decision_of_lettered_items() -> None:
    text = """Projet de décision

Statistiques de l’environnement

La Commission de statistique décide :

a) De prier la Division de statistique de convoquer, en 2027, une réunion d’un groupe d’experts de trois jours;

b) D’encourager les États Membres à renforcer leurs systèmes statistiques.
"""
    (draft,) = parse_drafts(text)
    assert draft.kind == "decision" and [p.number for p in draft.operative] == ["(a)", "(b)"]
    proposal = propose_spec(draft)
    assert [r.classification.cls for r in proposal.paragraphs] == ["costed", "none"]


@pytest.mark.parametrize(("body", "text", "year"), [
    # the Conference's own session, named as the Conference: fourteenth session in 2028
    ("La Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée,",
     "Prie l’Office de recueillir des informations et d’en faire rapport à la Conférence à sa quatorzième session;", 2028),
    # before the Council's sixty-fifth session (2027): the work in 2027
    ("Le Conseil des droits de l’homme,",
     "Prie le Haut-Commissariat d’organiser, avant sa soixante-cinquième session, un séminaire intersessions d’une "
     "journée;", 2027),
    # another organ's session named in an Assembly draft is not the Assembly's fourteenth session (1959)
    ("L’Assemblée générale,",
     "Prie le Secrétaire général de convoquer en 2027 une réunion d’un groupe d’experts et d’en présenter les conclusions "
     "au Groupe de travail à sa quatorzième session;", 2027),
])
def test_sessions_named_in_french(body: str, text: str, year: int) -> None:
    (draft,) = parse_drafts(f"Projet de résolution\n\nTitre\n\n{body}\n\nRappelant sa résolution 1/1,\n\n1. {text}\n")
    spec = yaml.safe_load(spec_yaml(propose_spec(draft)))
    assert {a["year"] for a in activities(spec, "1")} == {year}
