"""How each quantity a rate is counted per is read from an activity's fields.

A rate is per meetings, words, trips, trip-days …; an activity may state meetings, or meeting days,
or weeks of meetings; words or pages; trips or participants. Each quantity has its ways, tried in
order: the first whose fields the activity states wins, and a kind's defaults (one document, one
post) fill in only when no way is stated. One definition serves the engine (it prices by them), a
scenario (which fields feed a rate) and the live workbook (the quantity as a formula of its cells).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from pbi.model.errors import RateLookupError
from pbi.model.specs import Activity, Range
from pbi.model.tables import Table
from pbi.model.units import meetings_per_day, meetings_per_week

__all__ = ["Way", "Reading", "read_quantity", "label", "feeds", "missing"]


def _one(table: Table) -> Decimal:
    return Decimal(1)


def _words_per_page(table: Table) -> Decimal:
    if not table.words_per_page:
        raise RateLookupError(f"table {table.id!r} declares no words_per_page to count words as pages "
                              "or pages as words")
    return Decimal(table.words_per_page)


@dataclass(frozen=True)
class Way:
    """One way of reading a quantity: the product of ``fields`` (each read by its own ways, or the
    activity's field of that name) times ``factor(table)``, or divided by it when ``divide``;
    ``noun`` names a single field read this way ("meeting day" for days read as meetings)."""

    fields: tuple[str, ...]
    factor: Callable[[Table], Decimal] = _one
    divide: bool = False
    noun: tuple[str, str] = ("", "")  # singular, plural


#: quantity → its ways, first stated first used; a quantity not listed is its own field
_WAYS: dict[str, tuple[Way, ...]] = {
    "meetings": (Way(("meetings",)),
                 Way(("days",), lambda t: meetings_per_day(), noun=("meeting day", "meeting days")),
                 Way(("weeks",), lambda t: meetings_per_week(), noun=("week of meetings", "weeks of meetings"))),
    "pages": (Way(("pages",)), Way(("words",), _words_per_page, divide=True, noun=("word", "words"))),
    "words": (Way(("words",)), Way(("pages",), _words_per_page, noun=("page", "pages"))),
    # travel: one trip per participant, subsistence for the days the activity states
    "trips": (Way(("trips",)), Way(("participants",), noun=("participant", "participants"))),
    "dsa_days": (Way(("dsa_days",)), Way(("days",), noun=("day of subsistence", "days of subsistence"))),
    "trip_days": (Way(("trips", "dsa_days")),),
    "participant_days": (Way(("participants", "dsa_days")),),
    "post_months": (Way(("posts", "work_months")),),
}


@dataclass(frozen=True)
class Reading:
    """A quantity as read: its value, the activity fields it multiplies (field, value, how it is
    named), and the constant they are multiplied by (meetings per day, a default) and divided by
    (words per page)."""

    value: Range
    parts: tuple[tuple[str, Range, tuple[str, str]], ...]
    times: Decimal = Decimal(1)
    per: Decimal = Decimal(1)

    @property
    def fields(self) -> tuple[str, ...]:
        """The activity fields the quantity was read from."""
        return tuple(f for f, _, _ in self.parts)


def _field(activity: Activity, name: str) -> Range | None:
    if name == "languages":
        n = activity.language_count
        return None if n is None else Range.of(n)
    value: Range | None = getattr(activity, name, None)
    return value


def _read(activity: Activity, name: str, table: Table, defaults: Mapping[str, int] | None,
          reading: frozenset[str] = frozenset()) -> Reading | None:
    """``name`` by its ways from stated fields; with ``defaults``, a field may also be a default.
    ``reading``: the quantities whose ways led here (pages are read from words and words from pages:
    neither stated, neither is read, rather than each from the other without end)."""
    value = _field(activity, name)
    if value is not None:
        return Reading(value, ((name, value, ("", "")),))
    reading = reading | {name}
    for way in _WAYS.get(name, ()):
        if way.fields == (name,) or reading.intersection(way.fields):
            continue  # the field itself, read above, or a way back to a quantity being read
        read = [_read(activity, f, table, defaults, reading) for f in way.fields]
        if any(r is None for r in read):
            continue
        factor = way.factor(table)
        low = high = times = per = Decimal(1)
        parts: list[tuple[str, Range, tuple[str, str]]] = []
        for r in read:
            assert r is not None
            low, high, times, per = low * r.value.low, high * r.value.high, times * r.times, per * r.per
            parts.extend(r.parts)
        if len(way.fields) == 1 and way.noun[0]:
            parts = [(f, v, way.noun) for f, v, _ in parts]
        if way.divide:
            low, high, per = low / factor, high / factor, per * factor
        else:
            low, high, times = low * factor, high * factor, times * factor
        return Reading(Range(low, high), tuple(parts), times, per)
    if defaults is not None and name in defaults:
        return Reading(Range.of(defaults[name]), (), Decimal(defaults[name]))
    return None


def read_quantity(activity: Activity, name: str, table: Table,
                  defaults: Mapping[str, int] | None = None) -> Reading | None:
    """Quantity ``name`` of ``activity``: from the fields it states, else with its kind's defaults;
    None when neither gives it."""
    return _read(activity, name, table, None) or _read(activity, name, table, defaults or {})


#: how a field read as it is stated is named in an explanation, where its name is no word
_NOUNS = {"dsa_days": ("day of subsistence", "days of subsistence"), "work_months": ("work-month", "work-months")}


def label(name: str, reading: Reading) -> str:
    """The factor's name in an explanation: ``meetings (2 meeting days)`` when the quantity was read
    from a field other than its own, else ``name``."""
    primary = _WAYS[name][0].fields if name in _WAYS else (name,)
    if not reading.parts or set(reading.fields) <= set(primary):
        return name
    shown = []
    for field_, value, (one, many) in reading.parts:
        one, many = (one, many) if one else _NOUNS.get(field_, (field_.replace("_", " "),) * 2)
        noun = one if not value.is_range and value.low == 1 else many
        shown.append(f"{value} {noun}")
    return f"{name} ({' × '.join(shown)})"


@cache
def feeds(name: str) -> frozenset[str]:
    """Every activity field that may feed quantity ``name``."""
    out: set[str] = set()
    seen, todo = {name}, [name]
    while todo:
        n = todo.pop()
        ways = _WAYS.get(n, (Way((n,)),))
        if any(way.fields == (n,) for way in ways):  # a field of its own, not only derived
            out.add(n)
        for f in (f for way in ways for f in way.fields if f not in seen):
            seen.add(f)
            todo.append(f)
    return frozenset(out)


def _requirement(name: str) -> str:
    """How quantity ``name`` may be stated: ``'trips' or 'participants'``."""
    return " or ".join(dict.fromkeys(_alternatives(name, frozenset())))


def _alternatives(name: str, described: frozenset[str]) -> list[str]:
    """The ways to state ``name``, each a field or a product of fields (``described``: the quantities
    whose description led here, named as fields, since pages lead to words and words to pages)."""
    alternatives: list[str] = []
    described = described | {name}
    for way in _WAYS.get(name, (Way((name,)),)):
        if len(way.fields) == 1:
            field_ = way.fields[0]
            alternatives.extend([repr(field_)] if field_ in described or field_ not in _WAYS
                                else _alternatives(field_, described))
        else:
            alternatives.append(" and ".join(f"({_requirement(f)})" for f in way.fields))
    return alternatives


def missing(activity: Activity, name: str, table: Table, defaults: Mapping[str, int] | None = None) -> str:
    """What ``activity`` lacks to give quantity ``name``: the unstated part of a product (``'dsa_days'
    or 'days'`` for trip-days when the participants are stated), else every way to state it."""
    for way in _WAYS.get(name, ()):
        if len(way.fields) > 1:
            stated = [f for f in way.fields if read_quantity(activity, f, table, defaults) is not None]
            if stated:
                return " and ".join(_requirement(f) for f in way.fields if f not in stated)
    return _requirement(name)
