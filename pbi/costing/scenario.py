"""Scenarios: "what if" overrides of a spec's quantities and a table's rates, written as data.

A scenario is a plain mapping (YAML or a dict, in the manner of PolicyEngine's ``Reform.from_dict``),
never code::

    name: three-day session, four languages
    set:
      F09.days: 3                 # every activity of published figure F09 that has days
      languages: 4                # every activity that has or is priced by languages
      working-group-documents.pages: 40
      priced_on: 2012-01-01         # look rates up on this date ("year": each activity's 1 January)
    rates:
      interpretation.meeting: 2000                 # the rate on every date
      documentation.page: {2012-01-01: "250.00"}   # a new value from a date on

Paths of ``set`` are ``[TARGET.]QUANTITY``: TARGET is a published figure id (``F09``), an activity
id, or ``request.ID``; without a target, every activity that has or uses the quantity. A path
``rates.KEY`` in ``set`` is a rate override. A path that matches nothing is a :class:`SpecError`
that lists the valid ones.

:meth:`Scenario.apply` returns a new (spec, table) pair; specs and tables are frozen pydantic
models, copied with ``model_copy(update=…)`` and the overridden values checked here, so that
thousands of variants cost little.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from contextvars import ContextVar
from pathlib import Path
from collections.abc import Callable, Mapping, Sequence
from typing import Any


from pbi.model.errors import ArgumentError, SpecError
from pbi.model.validation import echo, expect_path
from pbi.model.money import to_decimal
from pbi.model.specs import (FIRST_YEAR, GRADES, Activity, Range, Spec, check_amount, check_languages, check_quantity,
                             grade_of, parse_range, place_of)
from pbi.model.tables import Rate, Table
from pbi.model.yamlio import YEARS
from pbi.costing.quantities import feeds

__all__ = ["Scenario", "load_scenario", "parse_assignment", "priced_apart", "QUANTITY_PATHS", "PLACE_PATHS", "duty_stations",
           "WHOLE_QUANTITIES"]

#: the activity fields a scenario may set
QUANTITY_PATHS = ("count", "pages", "words", "documents", "languages", "days", "weeks", "meetings", "sessions",
                  "participants", "dsa_days", "trips", "work_months", "posts", "copies", "items", "amount",
                  "interpretation", "grade")
#: where and when an activity is priced: a scenario may move it to another duty station of the table
#: or another year (``--set sessions.location=Vienna``, ``--set year=2027``); not workbook cells
PLACE_PATHS = ("location", "year")
#: the quantities counted in whole numbers (a workbook cell takes only whole numbers for them)
WHOLE_QUANTITIES = frozenset({"count", "languages", "documents", "participants", "trips", "posts", "sessions",
                              "copies", "items", "words", "pages"})
_RANGES = frozenset(QUANTITY_PATHS) - {"count", "languages", "interpretation", "grade"}
_NUMERIC = re.compile(r"[+-]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
RateOverride = Decimal | dict[dt.date, Decimal]


def _number(value: Any, *, usd: bool = False) -> Decimal:
    """A number; ``usd``: an amount or a rate, which may end in USD (a count of pages may not)."""
    if isinstance(value, str) and value.strip().lower().endswith("usd"):
        if not usd:
            raise ValueError(f"{value!r} is an amount in US dollars, not a count: only an amount or a rate "
                             "is given in USD")
        value = value.strip()[:-3]
    return to_decimal(value)


def _range(value: Any, check: Callable[[Range], Range] = check_quantity, *, usd: bool = False) -> Range:
    """A quantity as a spec takes it, or ``600..900`` for a range; amounts may end in USD."""
    if isinstance(value, str) and ".." in value:
        low, _, high = value.partition("..")
        if not _NUMERIC.fullmatch(low.strip()) or not _NUMERIC.fullmatch(high.strip()):
            raise ValueError(f"{value!r} is neither a number nor a range LOW..HIGH such as 600..900")
        value = {"low": low, "high": high}
    if isinstance(value, Mapping):
        value = {k: _number(v, usd=usd) if k in ("low", "high") else v for k, v in value.items()}
    elif not isinstance(value, Range):
        value = _number(value, usd=usd)
    return check(parse_range(value))


def _check_value(name: str, value: Any) -> Any:
    """The validated value of quantity ``name``; ValueError with a short reason."""
    if name == "amount":  # plausible for the figure's kind when applied (Scenario.changes)
        return _range(value, lambda r: check_amount(r, "lump_sum"), usd=True)
    if name in _RANGES:
        return _range(value, lambda r: check_quantity(r, name))
    if name == "count":
        n = int(_number(value)) if not isinstance(value, bool) else 0
        if n != _number(value) or not 1 <= n <= 1000:
            raise ValueError(f"must be a whole number from 1 to 1000 (got {value!r})")
        return n
    if name == "grade":
        grade = grade_of(str(value))
        if grade not in GRADES:
            raise ValueError(f"unknown grade {grade!r} (expected one of {', '.join(GRADES)})")
        return grade
    if name == "languages":
        if isinstance(value, str) and _NUMERIC.fullmatch(value.strip()):
            value = value.strip()  # "4", "4.5", "1e400": a count, checked as one below
            count = _number(value)
            if count != count.to_integral_value():
                raise ValueError(f"must be 1 to 6 official languages (got {value!r})")
            return check_languages(int(count))
        if isinstance(value, str) and not value.strip().isdigit():
            value = [v.strip() for v in value.split(",") if v.strip()]
        if isinstance(value, (list, tuple)):
            return check_languages(tuple(str(v) for v in value))
        n = int(_number(value)) if not isinstance(value, bool) else 0
        if n != _number(value):
            raise ValueError(f"must be 1 to 6 official languages (got {value!r})")
        return check_languages(n)
    if name == "location":
        place = place_of(str(value))
        if not place or isinstance(value, (bool, int, float, Decimal)):
            raise ValueError(f"must be a duty station such as Geneva (got {value!r})")
        return place
    if name == "year":
        year = _number(value) if not isinstance(value, bool) else Decimal(0)
        if year != year.to_integral_value() or not FIRST_YEAR <= year <= 2100:
            raise ValueError(f"must be a year from {FIRST_YEAR} to 2100 (got {value!r})")
        return int(year)
    if name == "interpretation":
        if isinstance(value, str) and value.lower() in ("true", "yes", "false", "no"):
            return value.lower() in ("true", "yes")
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false (got {value!r})")
        return value
    raise ValueError(f"unknown quantity {name!r}")


def _rate_value(value: Any) -> RateOverride:
    """A plain value, or {date: value}; every value a non-negative Decimal."""
    if isinstance(value, Mapping):
        out: dict[dt.date, Decimal] = {}
        for date, v in value.items():
            out[_day(date, "")] = _rate_value(v)  # type: ignore[assignment]
        if not out:
            raise ValueError("expected a value or {date: value}")
        return out
    amount = _number(value, usd=True)
    if amount < 0:
        raise ValueError(f"a rate cannot be negative (got {amount})")
    return amount


#: True while :meth:`Scenario.from_dict` makes a scenario of the values it has checked
_CHECKED: ContextVar[bool] = ContextVar("pbi_scenario_checked", default=False)

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _day(value: Any, also: str) -> dt.date:
    """A date as YAML files give it: ``YYYY-MM-DD`` (not another of ISO's forms, such as ``20120101``
    or ``2012-W01-1``) in the years a date may fall in; ValueError naming the value otherwise (``also``:
    what else the value may be)."""
    if isinstance(value, dt.datetime) or not isinstance(value, (dt.date, str)):
        raise ValueError(f"{echo(value, 40)} is not a date (write YYYY-MM-DD{also})")
    day: dt.date
    if isinstance(value, str):
        try:
            if not _ISO_DAY.fullmatch(value.strip()):
                raise ValueError
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{echo(value, 40)} is not a date (write YYYY-MM-DD{also})") from None
    else:
        day = value
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise ValueError(f"{day.isoformat()} is out of range (years {YEARS[0]} to {YEARS[1]})")
    return day


def _date_or_year(value: Any) -> dt.date | str:
    if isinstance(value, str) and value.strip().lower() == "year":
        return "year"
    return _day(value, ", or 'year' for 1 January of each activity's year")


def parse_assignment(text: str) -> tuple[str, Any]:
    """``F09.days=3`` → ("F09.days", "3"); ``rates.x=250@2012-01-01`` → ("rates.x", {date: "250"})."""
    path, sep, value = text.partition("=")
    path, value = path.strip(), value.strip()
    if sep and path and not value:
        raise SpecError(f"no value after '=' (got {text!r}; expected PATH=VALUE, e.g. F09.days=3)", file="--set",
                        field=path)
    if not sep or not path or not value:
        raise SpecError(f"expected PATH=VALUE, e.g. F09.days=3 or languages=4 (got {text!r})", file="--set")
    if path.startswith("rates.") and "@" in value:
        amount, _, date = value.partition("@")
        return path, {date.strip(): amount.strip()}
    return path, value


@dataclass(frozen=True)
class Scenario:
    """Named overrides: quantities by path, rates by key (see the module docstring)."""

    name: str = "scenario"
    quantities: dict[str, Any] = field(default_factory=dict)
    rates: dict[str, RateOverride] = field(default_factory=dict)
    description: str = ""
    #: look rates up on this date instead of the spec's ``priced_on``; "year": on 1 January of each
    #: activity's year
    priced_on: dt.date | str | None = None
    file: str | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    #: the paths given as ``--set`` options, which an error names instead of ``file``
    from_set: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        """A scenario built directly (``Scenario(quantities={"pages": "x"})``) is checked as
        :meth:`from_dict` checks one: SpecError naming the path, not an error from the engine later."""
        if not isinstance(self.name, str) or not isinstance(self.description, str):
            raise ArgumentError(f"Scenario() takes name and description as text, not {echo(self.name, 40)}, "
                                f"{echo(self.description, 40)}")
        for what, value in (("quantities", self.quantities), ("rates", self.rates)):
            if not isinstance(value, Mapping):
                raise ArgumentError(f"Scenario() takes {what} as a mapping, not {type(value).__name__} {echo(value, 40)}")
        if _CHECKED.get():  # made by from_dict, which checked every value
            return
        checked = Scenario.from_dict({"name": self.name, "description": self.description, "set": self.quantities,
                                      "rates": self.rates, "priced_on": self.priced_on}, file=self.file,
                                     lines=self.lines)
        for name in ("quantities", "rates", "priced_on"):
            object.__setattr__(self, name, getattr(checked, name))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, file: str | None = None,
                  lines: Mapping[str, int] | None = None) -> "Scenario":
        """Build a scenario from ``{name, description, set: {path: value}, rates: {key: value}}``;
        a flat mapping of paths (``{"F09.days": 3}``) is read as ``set``."""
        if not isinstance(data, Mapping):
            raise ArgumentError(f"Scenario.from_dict() takes data as a mapping, not {type(data).__name__} "
                                f"{echo(data, 40)}")
        lines = dict(lines or {})
        known = {"name", "description", "set", "rates", "priced_on"}
        if not any(k in known for k in data):  # a flat mapping of paths: its keys' lines are set's
            data = {"set": dict(data)}
            lines.update({f"set.{k}": lines[str(k)] for k in data["set"] if str(k) in lines})
        for key in data:
            if key not in known:
                raise SpecError(f"unknown key (expected {', '.join(sorted(known))})", file=file,
                                line=lines.get(key), field=key)
        for key in ("name", "description"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise SpecError(f"expected text, not {type(data[key]).__name__} {echo(data[key], 40)}", file=file,
                                line=lines.get(key), field=key)
        quantities: dict[str, Any] = {}
        rates: dict[str, RateOverride] = {}
        priced_on: Any = data.get("priced_on")
        if isinstance(data.get("set"), Mapping) and "priced_on" in data["set"]:
            priced_on = data["set"]["priced_on"]
            data = {**data, "set": {k: v for k, v in data["set"].items() if k != "priced_on"}}
        if priced_on is not None:
            try:
                priced_on = _date_or_year(priced_on)
            except ValueError as exc:
                raise SpecError(str(exc), file=file, line=lines.get("priced_on"), field="priced_on") from None
        for section in ("set", "rates"):
            body = data.get(section) or {}
            if not isinstance(body, Mapping):
                raise SpecError("expected a mapping of paths to values", file=file, line=lines.get(section),
                                field=section)
            for path, value in body.items():
                where = f"{section}.{path}"
                is_rate = section == "rates" or str(path).startswith("rates.")
                key = str(path).removeprefix("rates.") if section == "set" else str(path)
                try:
                    if is_rate:
                        rates[key] = _rate_value(value)
                    else:
                        if "" in str(path).split("."):
                            raise SpecError(f"an empty name in path {str(path)!r}: expected ID.QUANTITY (an activity, "
                                            "figure or request id, a dot, a quantity: F09.days) or QUANTITY alone "
                                            "for every activity", file=file, line=lines.get(where), field=str(path))
                        name = str(path).rsplit(".", 1)[-1]
                        if name not in QUANTITY_PATHS and name not in PLACE_PATHS:
                            raise SpecError(f"unknown quantity {name!r} in path {path!r} (quantities: "
                                            f"{', '.join(QUANTITY_PATHS)}; where and when: "
                                            f"{', '.join(PLACE_PATHS)}; or rates.KEY for a rate)",
                                            file=file, line=lines.get(where), field=str(path))
                        quantities[str(path)] = _check_value(name, value)
                except (ValueError, TypeError) as exc:
                    raise SpecError(str(exc), file=file, line=lines.get(where),
                                    field=f"rates.{key}" if is_rate else str(path)) from None
        token = _CHECKED.set(True)
        try:
            return cls(name=str(data.get("name") or "scenario"), quantities=quantities, rates=rates,
                       description=str(data.get("description") or ""), priced_on=priced_on, file=file, lines=lines)
        finally:
            _CHECKED.reset(token)

    @classmethod
    def from_assignments(cls, assignments: Sequence[str], *, name: str = "scenario") -> "Scenario":
        """From ``--set`` strings such as ``F09.days=3``, ``languages=4``, ``rates.x=2000`` (one string is
        one assignment, not its characters)."""
        if isinstance(assignments, str):
            assignments = [assignments]
        for a in assignments:
            if not isinstance(a, str):
                raise ArgumentError(f"assignments are 'PATH=VALUE' strings such as 'F09.days=3', not "
                                    f"{type(a).__name__} {echo(a, 40)}")
        scenario = cls.from_dict({"name": name, "set": dict(parse_assignment(a) for a in assignments)}, file="--set")
        return replace(scenario, from_set=frozenset([*scenario.quantities, *(f"rates.{k}" for k in scenario.rates)]))

    def merged(self, other: "Scenario") -> "Scenario":
        """This scenario with ``other``'s overrides on top (``--scenario FILE --set …``)."""
        name = self.name if other.name == "scenario" else other.name
        return Scenario(name=name, quantities={**self.quantities, **other.quantities},
                        rates={**self.rates, **other.rates}, description=self.description or other.description,
                        priced_on=other.priced_on if other.priced_on is not None else self.priced_on,
                        file=self.file or other.file, lines={**other.lines, **self.lines},
                        from_set=self.from_set | other.from_set)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (values as strings) that :meth:`from_dict` reads back."""
        def out(v: Any) -> Any:
            if isinstance(v, Range):
                return str(v.low) if not v.is_range else {"low": str(v.low), "high": str(v.high)}
            if isinstance(v, dict):
                return {k.isoformat(): str(x) for k, x in v.items()}
            if isinstance(v, tuple):
                return list(v)
            return v if isinstance(v, (bool, int)) else str(v)

        return {"name": self.name, "description": self.description or None,
                "set": {k: out(v) for k, v in self.quantities.items()},
                "rates": {k: out(v) for k, v in self.rates.items()},
                "priced_on": None if self.priced_on is None else str(self.priced_on)}

    def __bool__(self) -> bool:
        return bool(self.quantities or self.rates or self.priced_on is not None)

    # -- applying -------------------------------------------------------------------------------
    def _error(self, message: str, path: str, section: str = "set") -> SpecError:
        where = f"{section}.{path}"
        line = self.lines.get(where) or self.lines.get(path) or self.lines.get(f"set.{path}")
        if path in self.from_set or f"rates.{path}" in self.from_set:
            return SpecError(message, file="--set", field=path)
        return SpecError(message, file=self.file, line=line, field=path)

    def apply(self, spec: Spec, table: Table) -> tuple[Spec, Table]:
        """The spec and table with this scenario's overrides; SpecError for a path that matches nothing."""
        return self._apply_spec(spec, table), self._apply_table(table)

    def _apply_spec(self, spec: Spec, table: Table) -> Spec:
        if self.priced_on is not None:
            spec = spec.model_copy(update={"priced_on": None if self.priced_on == "year" else self.priced_on})
        changes = self.changes(spec, table)
        if not changes:
            return spec
        new_requests = []
        for request in spec.requests:
            if any(a.id in changes for a in request.activities):
                acts = tuple(a.model_copy(update=changes[a.id]) if a.id in changes else a for a in request.activities)
                request = request.model_copy(update={"activities": acts})
            new_requests.append(request)
        return spec.model_copy(update={"requests": tuple(new_requests)})

    def changes(self, spec: Spec, table: Table) -> dict[str, dict[str, Any]]:
        """Activity id → the quantities this scenario sets on it; SpecError for a path that matches nothing."""
        changes: dict[str, dict[str, Any]] = {}
        if self.quantities:
            by_id = {a.id: a for _, a in spec.activities()}
            for (path, value), ids in zip(self.quantities.items(), self._targets(spec, table), strict=True):
                name = path.rpartition(".")[2]
                for i in ids:
                    if name == "location" and value not in duty_stations(table):
                        raise self._error(f"{value!r} is not a duty station of table {table.id} (stations: "
                                          f"{', '.join(duty_stations(table))})", path)
                    if name == "year" and table.valid_to is not None and value > table.valid_to.year:
                        raise self._error(f"{value} is after the last year table {table.id} covers "
                                          f"({table.valid_to.year}): price it with a table for that year "
                                          "(--vs-table)", path)
                    if name == "year" and (first := _first_year(table)) is not None and value < first:
                        raise self._error(f"{value} is before the first year table {table.id} covers "
                                          f"({first}): price it with a table for that year (--vs-table)", path)
                    if name == "year" and by_id[i].start is not None:
                        raise self._error(f"{i} is dated from {by_id[i].start}: its year follows its dates, "
                                          f"set them in the spec instead", path)
                    if name == "amount":  # as the spec's own amount is checked: for what it is of
                        try:
                            check_amount(value, by_id[i].of or by_id[i].kind)
                        except ValueError as err:
                            raise self._error(str(err), path) from None
                    changes.setdefault(i, {})[name] = value
        return changes

    def _targets(self, spec: Spec, table: Table) -> list[tuple[str, ...]]:
        """For each quantity path, the ids of the activities it sets (remembered per spec and table)."""
        key = (id(spec), id(table), tuple(self.quantities))
        hit = _TARGETS.get(key)
        if hit is not None and hit[0] is spec and hit[1] is table:
            return hit[2]
        by_id = {a.id: a for _, a in spec.activities()}
        figures = {f.id: f.activities for f in spec.published if f.activities}
        requests = {f"request.{r.id}": tuple(a.id for a in r.activities) for r in spec.requests}
        out: list[tuple[str, ...]] = []
        for path in self.quantities:
            target, _, name = path.rpartition(".")
            if not target:
                apart = priced_apart(spec) if name == "languages" else {}
                ids = [a.id for a in by_id.values() if _uses(a, name, table) and a.id not in apart]
                if not ids:
                    raise self._error(f"no activity of {spec.symbol} has or uses {name!r} "
                                      f"(quantities in use: {', '.join(_used(by_id.values(), table))})", path)
            else:
                if target in by_id:
                    candidates: tuple[str, ...] = (target,)
                elif target in figures:
                    candidates = figures[target]
                elif target in requests:
                    candidates = requests[target]
                else:
                    valid = [*figures, *by_id, *requests]
                    raise self._error(f"unknown target {echo(target)} in {spec.symbol} (valid: "
                                      f"{', '.join(valid)}; or no target for every activity)", path)
                ids = [i for i in candidates if _uses(by_id[i], name, table)]
                if not ids:
                    have = _used((by_id[i] for i in candidates), table)
                    raise self._error(f"{target} has no activity with {name!r} "
                                      f"(its quantities: {', '.join(have) or 'none'})", path)
            out.append(tuple(i for i in ids if name != "amount" or by_id[i].kind == "lump_sum"))
        if len(_TARGETS) > 1024:
            _TARGETS.clear()
        _TARGETS[key] = (spec, table, out)
        return out

    def notices(self, spec: Spec, table: Table) -> list[str]:
        """What a user should know about how this scenario applies to ``spec``: items a path
        without a target leaves as they are because the note prices them apart."""
        out: list[str] = []
        apart = priced_apart(spec)
        for path in self.quantities:
            if path == "languages" and apart:
                for aid, sibling in apart.items():
                    figs = [f.id for f in spec.published if aid in f.activities]
                    out.append(f"languages={_shown(self.quantities[path])} leaves {aid} as it is: the note "
                               f"prices it apart, in the languages {sibling} does not cover"
                               + (f" ({', '.join(figs)})" if figs else "")
                               + f"; set {aid}.languages to change it")
        return out

    def _apply_table(self, table: Table) -> Table:
        if not self.rates:
            return table
        rates = dict(table.rates)
        origin = dict(table.origin)
        tag = f"{table.id} + scenario {self.name!r}"
        for key, value in self.rates.items():
            rate = rates.get(key)
            if rate is None:
                raise self._error(f"unknown rate {key!r} in table {table.id!r} "
                                  f"(rates: {', '.join(sorted(rates))})", f"rates.{key}", "rates")
            rates[key] = _override(rate, value, self.name)
            origin[key] = tag
        return table.model_copy(update={"rates": rates, "origin": origin})


#: (spec, table, paths) → the activities each path sets; spec and table are kept so ids stay theirs
_TARGETS: dict[tuple[int, int, tuple[str, ...]], tuple[Spec, Table, list[tuple[str, ...]]]] = {}

def _override(rate: Rate, value: RateOverride, name: str) -> Rate:
    if isinstance(value, dict):
        # a new value from a date on: the table's own values from that date are replaced, not kept
        # after it ({2026-01-01: 0.6} prices 2027 at 0.6 too, even if the table has a 2027 value)
        start = min(value)
        values = {**{d: v for d, v in rate.values.items() if d < start}, **value}
        stations = {s: {**{d: v for d, v in series.items() if d < start}, **value}
                    for s, series in rate.stations.items()}
        what = ", ".join(f"{v} from {d}" for d, v in sorted(value.items()))
    else:
        first = min([*rate.values, *(d for s in rate.stations.values() for d in s)])
        values, stations, what = {first: value}, {}, f"{value} on every date"
    return rate.model_copy(update={"values": values, "stations": stations,
                                   "reference": f"scenario {name!r}: {what} (table: {rate.reference})"})


def priced_apart(spec: Spec) -> dict[str, str]:
    """Activities the note prices apart in "the other languages": id → the activity of the same
    request whose named languages it complements (annex VIII: the digest in English, French and
    Spanish, and apart "in the other three official languages")."""
    out: dict[str, str] = {}
    for request in spec.requests:
        named = [(a, set(a.languages)) for a in request.activities if isinstance(a.languages, tuple)]
        for k, (a, langs) in enumerate(named):
            for b, other in named[:k]:
                if b.id not in out and b.kind != a.kind and not langs & other:
                    out[a.id] = b.id
                    break
    return out


def _shown(value: Any) -> str:
    return ",".join(value) if isinstance(value, tuple) else str(value)


def _first_year(table: Table) -> int | None:
    """The first year any rate of ``table`` has a value for (None for a table of no dated values)."""
    dates = [d for rate in table.rates.values() for series in (rate.values, *rate.stations.values())
             for d, v in series.items() if v is not None]
    return min(dates).year if dates else None


def duty_stations(table: Table) -> tuple[str, ...]:
    """The duty stations ``table`` prices."""
    return tuple(dict.fromkeys([*([table.duty_station] if table.duty_station else []), *table.stations]))


def _uses(activity: Activity, name: str, table: Table) -> bool:
    """Whether ``activity`` states quantity ``name`` or is priced by it."""
    if name == "count" or name in PLACE_PATHS:
        return True
    if getattr(activity, name) is not None:
        return True
    # a value that another one overrides changes nothing: meetings win over days, pages over words
    if (name == "days" and (activity.meetings is not None or activity.dsa_days is not None)) or \
            (name == "weeks" and (activity.meetings is not None or activity.days is not None)) or \
            (name == "words" and activity.pages is not None):
        return False
    kind = table.activities.get(activity.kind)
    if kind is None:
        return False
    if name in kind.defaults:
        return True
    return any(name in feeds(p) for c in kind.components for p in c.per)


def _used(activities: Any, table: Table) -> list[str]:
    acts = list(activities)
    return [n for n in QUANTITY_PATHS if n != "count" and any(_uses(a, n, table) for a in acts)]


def load_scenario(path: Path | str | Mapping[str, Any]) -> Scenario:
    """Read a scenario file (YAML), or take a mapping as :meth:`Scenario.from_dict` does; errors name
    the file, line and path."""
    from pbi.model.yamlio import load_yaml

    if isinstance(path, Mapping):
        return Scenario.from_dict(path)
    if not isinstance(path, (str, Path)):
        raise ArgumentError(f"load_scenario() takes path as a YAML file's path or a mapping, not {type(path).__name__} "
                            f"{echo(path, 40)}")
    expect_path(path, where="load_scenario")
    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        raise SpecError("a workbook, not a scenario file: read its edits with pbi.export.workbook."
                        "read_workbook_scenario(path, estimate) and pass the scenario it returns", file=str(path))
    loaded = load_yaml(path)
    return Scenario.from_dict(loaded.data, file=loaded.file, lines=loaded.lines)
