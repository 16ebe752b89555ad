"""The vocabulary of programme budget implications as data (``vocabulary.yaml``): funding sources
(their class and their names per language), duty stations and grades.

Everything is read from the one YAML file, once; nothing here is a second copy of a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pbi.model.errors import RenderError

__all__ = ["FundingSource", "FundingClass", "funding_sources", "funding_source", "funding_keys",
           "duty_stations", "place_name", "grades", "grade_categories", "VOCABULARY_FILE"]

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
FundingClass = Literal["regular", "later", "other", "covered"]


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    import yaml

    data: dict[str, Any] = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True, slots=True)
class FundingSource:
    """A funding source: its key as specs write it, its class, and its names per language."""

    key: str
    cls: FundingClass
    names: dict[str, dict[str, str]]

    def label(self, lang: str = "en") -> str:
        """Its name in tables and lists: ``voluntary contributions``, ``自愿捐款``."""
        return self._name(lang, "label")

    def resources(self, lang: str) -> str:
        """What a note says is required: ``extrabudgetary resources``, ``预算外资源``."""
        return self._name(lang, "resources")

    def _name(self, lang: str, what: str) -> str:
        try:
            return self.names[lang][what]
        except KeyError:
            raise RenderError(f"no {lang} {what} for funding source {self.key!r} in model/vocabulary.yaml") from None


@lru_cache(maxsize=1)
def funding_sources() -> dict[str, FundingSource]:
    """Every funding source, by key, in the order of the vocabulary."""
    out: dict[str, FundingSource] = {}
    for key, entry in _data()["funding_sources"].items():
        names = {lang: dict(v) for lang, v in entry.items() if isinstance(v, dict)}
        out[key] = FundingSource(key=key, cls=entry["class"], names=names)
    return out


def funding_source(key: str) -> FundingSource:
    """One funding source; RenderError naming the known ones if ``key`` is not one."""
    found = funding_sources().get(key)
    if found is None:
        raise RenderError(f"unknown funding source {key!r} (expected one of {', '.join(funding_sources())})")
    return found


def funding_keys(*classes: FundingClass) -> frozenset[str]:
    """The keys of the funding sources of the given classes (all of them without a class)."""
    return frozenset(k for k, f in funding_sources().items() if not classes or f.cls in classes)


@lru_cache(maxsize=1)
def duty_stations() -> dict[str, dict[str, str]]:
    """Duty station (as tables and specs name it) → its name per language."""
    return {name: dict(names) for name, names in _data()["duty_stations"].items()}


def place_name(name: str, lang: str) -> str:
    """A place as ``lang`` writes it (``Vienna`` → ``维也纳``); a place the vocabulary lacks as given."""
    return duty_stations().get(name, {}).get(lang, name)


@lru_cache(maxsize=1)
def grades() -> tuple[str, ...]:
    """The grades a spec may name for staff, by category, senior first."""
    return tuple(str(g) for members in _data()["grades"].values() for g in members)


@lru_cache(maxsize=1)
def grade_categories() -> dict[str, str]:
    """Grade → the category of post it belongs to (``professional``, ``general_service``); grades
    that are not posts (consultants) have none."""
    return {str(g): category for category, members in _data()["grades"].items() if category != "other"
            for g in members}
