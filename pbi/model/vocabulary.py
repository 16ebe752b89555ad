"""The vocabulary of programme budget implications as data (``vocabulary.yaml``): objects of
expenditure, budget and income sections, and the bodies a spec is for — their names per language,
whether they appropriate, and the rule of procedure and kinds of document their costs are stated in;
funding sources (their class and their names per language), duty stations and grades.

Everything is read from the one YAML file, once; nothing here is a second copy of a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pbi.model.errors import RenderError, SpecError

__all__ = ["ObjectOfExpenditure", "Section", "SectionName", "section_form", "sections", "Body", "objects_of_expenditure", "object_of", "section",
           "income_section", "body", "bodies", "appropriating_bodies", "body_tables", "body_of_symbol", "VOCABULARY_FILE",
           "FundingSource", "FundingClass", "funding_sources", "funding_source", "funding_key", "funding_keys",
           "duty_stations", "place_name", "grades", "grade_categories", "grade_name", "grade_readings", "default_section",
           "default_section_assumption", "section_keys", "travellers", "traveller_word", "travellers_object"]

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
_LANGS = ("en", "zh", "fr", "es", "ru", "ar")


@dataclass(frozen=True, slots=True)
class ObjectOfExpenditure:
    """An object of expenditure: its key, labels per language and the activity kinds it takes."""

    key: str
    labels: dict[str, str]
    kinds: tuple[str, ...]
    staff_costs: bool

    def label(self, lang: str) -> str:
        if lang not in self.labels:
            raise RenderError(f"no {lang} name for object of expenditure {self.key!r} in model/vocabulary.yaml")
        return self.labels[lang]


@dataclass(frozen=True, slots=True)
class SectionName:
    """A section's name for the budget periods whose first year is in ``first``..``last`` (None: open),
    in the languages it was verified in, with the text it was read in."""

    names: dict[str, str]
    first: int | None = None
    last: int | None = None
    source: str = ""

    def covers(self, year: int | None) -> bool:
        if year is None:
            return self.last is None
        return (self.first is None or self.first <= year) and (self.last is None or year <= self.last)


@dataclass(frozen=True, slots=True)
class Section:
    """A budget or income section: its key as specs write it, its number, and its names by budget
    period and language (model/vocabulary.yaml ``sections``)."""

    key: str
    number: str
    periods: tuple[SectionName, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)  #: how notes print the number, where not by rule
    labels_to: int | None = None  #: the last budget period (its first year) the labels hold for; None: all

    def name(self, lang: str, year: int | None = None) -> str | None:
        """The section's name in ``lang`` for the budget period starting in ``year`` (None: the name
        in use now), or None where no name was verified for that period and language."""
        for entry in self.periods:
            if entry.covers(year) and lang in entry.names:
                return entry.names[lang]
        return None

    def numbered(self, lang: str, case: str = "number", *, labelled: bool = True, year: int | None = None) -> str:
        """The section by its number as a note prints it: ``section 16`` / ``第16款`` / « chapitre 16 »
        / «разделу 16» (``case="number_dat"``) / «الباب 29 جيم» (or the entry's ``label``, unless
        ``labelled`` is False or the budget period starting in ``year`` is after ``label_to``)."""
        if labelled and lang in self.labels and (year is None or self.labels_to is None or year <= self.labels_to):
            return self.labels[lang]
        form = section_form(lang)
        number = self.number
        letters = form.get("letters") or {}
        if letters and number[-1:] in letters:
            number = f"{number[:-1]} {letters[number[-1]]}"
        return str(form.get(case) or form["number"]).format(n=number)

    def named(self, lang: str, year: int | None = None, case: str = "number", *, labelled: bool = True) -> str:
        """The section with its name where one is known for the period and language
        (``section 2 (General Assembly …)``), by its number alone otherwise (``section 27``)."""
        number = self.numbered(lang, case, labelled=labelled, year=year)
        name = self.name(lang, year)
        return number if name is None else str(section_form(lang)["named"]).format(number=number, name=name)


@dataclass(frozen=True, slots=True)
class Body:
    """A body a draft is for: names per language (name, short, rules), whether it appropriates, the
    rule its statements are made under and the kinds of document it takes (the first is the default)."""

    key: str
    names: dict[str, dict[str, str]]
    appropriates: bool
    rule: str
    kinds: tuple[str, ...]

    @property
    def default_kind(self) -> str:
        return self.kinds[0]

    def names_in(self, lang: str) -> dict[str, str]:
        if lang not in self.names:
            raise RenderError(f"no {lang} names for body {self.key!r} in model/vocabulary.yaml", field="body")
        return self.names[lang]


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: a tenth of the pure-Python time
    data: dict[str, Any] = yaml.load(VOCABULARY_FILE.read_text(encoding="utf-8"), Loader=loader)
    return data


@lru_cache(maxsize=1)
def objects_of_expenditure() -> tuple[ObjectOfExpenditure, ...]:
    """The objects of expenditure in the order the programme budget lists them."""
    return tuple(ObjectOfExpenditure(key=k, labels={lang: str(v[lang]) for lang in _LANGS if lang in v},
                                     kinds=tuple(v.get("kinds") or ()), staff_costs=bool(v.get("staff_costs")))
                 for k, v in _data()["objects_of_expenditure"].items())


def object_of(kind: str, override: str | None = None) -> ObjectOfExpenditure:
    """The object of expenditure of an activity: ``override`` (a spec's ``object:``) or its kind's."""
    objects = {o.key: o for o in objects_of_expenditure()}
    if override is not None:
        if override not in objects:
            raise SpecError(f"unknown object of expenditure {override!r} (expected one of {', '.join(objects)})",
                            field="object")
        return objects[override]
    for o in objects.values():
        if kind in o.kinds:
            return o
    return objects["general_operating_expenses"]


def _names(entry: dict[str, Any]) -> tuple[SectionName, ...]:
    if "names" not in entry:  # one name for every period, languages as keys (income sections)
        return (SectionName({lang: str(entry[lang]) for lang in _LANGS if lang in entry}),)
    return tuple(SectionName({lang: str(n[lang]) for lang in _LANGS if lang in n},
                             int(n["from"]) if n.get("from") is not None else None,
                             int(n["to"]) if n.get("to") is not None else None, str(n.get("source") or ""))
                 for n in entry["names"] or ())


def _section(vocab: str, key: str) -> Section:
    entries = _data()[vocab]
    if key not in entries:
        key = next((k for k, v in entries.items() if key in (v.get("aliases") or ())), key)
    if key not in entries:
        raise RenderError(f"no {key!r} in model/vocabulary.yaml ({vocab}: {', '.join(entries)})", field="section")
    v = entries[key]
    return Section(key=key, number=str(v["number"]), periods=_names(v),
                   labels={str(k): str(t) for k, t in (v.get("label") or {}).items()},
                   labels_to=int(v["label_to"]) if v.get("label_to") is not None else None)


def section_form(lang: str) -> dict[str, Any]:
    """How notes in ``lang`` print a section (model/vocabulary.yaml ``section_forms``)."""
    forms: dict[str, Any] = _data()["section_forms"]
    if lang not in forms:
        raise RenderError(f"no {lang} form for budget sections in model/vocabulary.yaml (section_forms)")
    return dict(forms[lang])


def sections() -> tuple[Section, ...]:
    """Every budget section of the vocabulary."""
    return tuple(section(k) for k in _data()["sections"])


def section_keys() -> tuple[tuple[str, ...], frozenset[str]]:
    """The keys of the vocabulary's budget sections, in order, and every key a spec may write for one
    (with the ``aliases``)."""
    entries = _data()["sections"]
    return tuple(entries), frozenset((*entries, *(a for v in entries.values() for a in (v.get("aliases") or ()))))


def section(key: str) -> Section:
    """A budget section by the key specs write (``Section 16``, or one of its ``aliases``)."""
    return _section("sections", key)


def income_section(key: str = "Income section 1") -> Section:
    """An income section (staff assessment is offset under income section 1)."""
    return _section("income_sections", key)


def body(key: str) -> Body:
    """A body by the key specs write (``general-assembly``, ``ecosoc``, ``cop-untoc`` …)."""
    entries = _data()["bodies"]
    if key not in entries:
        raise SpecError(f"unknown body {key!r} (expected one of {', '.join(entries)})", field="body")
    v = entries[key]
    if "alias_of" in v:
        return body(str(v["alias_of"]))
    return Body(key=key, names={lang: {k: str(t) for k, t in v[lang].items()} for lang in _LANGS if lang in v},
                appropriates=bool(v["appropriates"]), rule=str(v["rule"]), kinds=tuple(v["kinds"]))


def body_tables(key: str) -> tuple[dict[str, Any], ...]:
    """The cost tables that price a body's drafts and notes, in order of preference: ``{id, from,
    why}`` each (``tables:`` of the body in vocabulary.yaml; none for a body that lists none)."""
    entries = _data()["bodies"]
    v = entries.get(key) or {}
    if "alias_of" in v:
        return body_tables(str(v["alias_of"]))
    return tuple(dict(e) for e in v.get("tables") or ())


def body_of_symbol(symbol: str) -> str | None:
    """The body whose document symbols begin as ``symbol`` does (the longest prefix of ``symbols:``
    in vocabulary.yaml that matches: ``A/HRC/55/L.3`` → human-rights-council), or None."""
    best: tuple[int, str | None] = (0, None)
    for key, v in _data()["bodies"].items():
        for prefix in v.get("symbols") or ():
            if symbol.upper().startswith(str(prefix).upper()) and len(prefix) > best[0]:
                best = (len(prefix), key)
    return best[1]


def appropriating_bodies() -> frozenset[str]:
    """The keys (aliases included) of the bodies that appropriate."""
    return frozenset(k for k in bodies() if body(k).appropriates)


def bodies() -> tuple[str, ...]:
    """The keys of every body the vocabulary knows."""
    return tuple(_data()["bodies"])


# -- funding sources, duty stations, grades -----------------------------------------------------
FundingClass = Literal["regular", "later", "other", "covered"]


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


@lru_cache(maxsize=64)
def funding_key(value: str) -> str | None:
    """The funding source a spec means by ``value`` (a key or an alias, any case, spaces or hyphens for
    underscores), or None."""
    wanted = re.sub(r"[\s-]+", "_", value.strip()).lower()
    for key, entry in _data()["funding_sources"].items():
        if wanted == key or wanted in (entry.get("aliases") or ()):
            return str(key)
    return None


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


def grade_name(grade: str, lang: str) -> str:
    """``grade`` as a note in ``lang`` prints it (model/vocabulary.yaml ``grade_names``): the General
    Service levels in words, P- and D- grades with the language's letters; else as the spec writes it."""
    data = _data()["grade_names"]
    entry = data["names"].get(grade)
    if entry is not None:
        entry = data["names"].get(entry.get("same_as"), entry)
        return str(entry.get(lang, grade))
    for latin, local in (data["letters"].get(lang) or {}).items():
        if grade.startswith(latin):
            return str(local) + grade[len(latin):]
    return grade


@lru_cache(maxsize=1)
def grade_readings() -> tuple[tuple[str, str], ...]:
    """Every name a note may print for a General Service grade, in any language, with the grade it
    reads back as; longest first, so that a level is read before its category."""
    names = _data()["grade_names"]["names"]
    pairs = {form: str(key) for key, entry in names.items() if "same_as" not in entry
             for text in map(str, entry.values()) if text != key
             for form in (text, text.replace("（", "(").replace("）", ")"))}
    return tuple(sorted(pairs.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=1)
def grade_categories() -> dict[str, str]:
    """Grade → the category of post it belongs to (``professional``, ``general_service``); grades
    that are not posts (consultants) have none."""
    return {str(g): category for category, members in _data()["grades"].items() if category != "other"
            for g in members}


@lru_cache(maxsize=64)
def default_section(kind: str) -> str | None:
    """The section an activity of ``kind`` is shown under when its spec names none (conference
    services: section 2), or None for a kind with no standard section."""
    for key, entry in (_data().get("default_sections") or {}).items():
        if kind in (entry.get("kinds") or ()):
            return str(key)
    return None


def default_section_assumption(key: str) -> dict[str, str]:
    """How a note states that it shows activities under the default section ``key``, per language
    (``{section}`` to be filled in with the section as :meth:`Section.named` prints it)."""
    return {str(lang): str(text) for lang, text in _data()["default_sections"][key]["assumption"].items()}


@lru_cache(maxsize=1)
def travellers() -> dict[str, dict[str, str]]:
    """Who may travel on a travel activity (``travellers:``) → the word per language."""
    return {str(k): {str(lang): str(w) for lang, w in v.items() if lang not in ("object", "one")}
            for k, v in _data()["travellers"].items()}


def travellers_object(key: str) -> str:
    """The object of expenditure of the travel of ``key`` (experts: ``experts``, members and
    representatives: ``travel_of_representatives``, staff: ``travel_of_staff``)."""
    return str(_data()["travellers"][key]["object"])


def traveller_word(key: str | None, lang: str, one: bool = False) -> str:
    """The word for who travels (``experts`` → ``专家``); staff when a spec says nothing. ``one``: the
    traveller of a single trip (``one`` of the entry: "a staff member", «сотрудника»), where the entry has it."""
    if one:
        single = _data()["travellers"][key or "staff"].get("one") or {}
        if lang in single:
            return str(single[lang])
    words = travellers()[key or "staff"]
    return words.get(lang) or words["en"]
