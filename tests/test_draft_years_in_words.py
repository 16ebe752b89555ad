"""How many years a mandate lasts or a meeting recurs, said in words, is read in every language pbi reads drafts
in (French and Spanish were not: "pour une nouvelle période de trois ans" lasted no stated time)."""

from __future__ import annotations

import pytest

from pbi.draft.propose import _lasting, _recurrence
from pbi.draft.rules import load_rules


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Decides to extend the mandate of the Special Rapporteur for a further period of three years"),
    ("fr", "Décide de proroger le mandat du Rapporteur spécial pour une nouvelle période de trois ans"),
    ("es", "Decide prorrogar el mandato del Relator Especial por un nuevo período de tres años"),
])
def test_a_mandate_lasts_the_years_said(lang: str, text: str) -> None:
    found = _lasting(text, load_rules(lang))
    assert found is not None and found[0] == 3


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "to hold annually for three years a meeting"),
    ("fr", "d'organiser chaque année pendant trois ans une réunion"),
    ("es", "celebrar anualmente durante tres años una reunión"),
])
def test_a_yearly_meeting_recurs_for_the_years_said(lang: str, text: str) -> None:
    found = _recurrence(text, load_rules(lang))
    assert found is not None and found[:2] == (1, 3)
