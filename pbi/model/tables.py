"""Versioned unit-cost tables (``cost_tables/*.yaml``).

A table holds dated rates, each with a unit, a label and a reference; the activity kinds that say
which rates price an activity and on which of its quantities; the surcharges (programme support
costs) and the rounding rule. A table may ``extends:`` another and override rates from a date.
Lookup takes the latest value effective on or before the date asked; a date before the first value,
after the table's ``valid_to`` or after a series was ended (a ``null`` value) is an error.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pbi.model.errors import RateLookupError, TableError
from pbi.model.money import Rounding, to_decimal
from pbi.model.errors import UnitError
from pbi.model.units import check_rate_unit, unit_factor
from pbi.model.validation import validate
from pbi.model.yamlio import LoadedYaml, load_yaml

__all__ = [
    "Rate", "Component", "ActivityKind", "Surcharge", "StaffAssessment", "Table", "RateValue",
    "load_table", "find_tables", "resolve_table", "table_folders", "QUANTITY_UNITS", "FUNDING_SOURCES",
    "ACTIVITY_FLAGS", "GRADE_CATEGORIES", "VacancyFactor",
]

_FROZEN = ConfigDict(frozen=True, extra="forbid")

#: the quantities an activity may state, and the unit each is counted in
QUANTITY_UNITS: dict[str, str] = {
    "pages": "page",
    "words": "word",
    "documents": "document",
    "languages": "language",
    "meetings": "meeting",
    "days": "meeting_day",
    "sessions": "session",
    "participants": "participant",
    "participant_days": "day*participant",
    "dsa_days": "day",
    "weeks": "meeting_week",
    "trips": "trip",
    "trip_days": "day*trip",
    "posts": "post",
    "post_months": "work_month",
    "work_months": "work_month",
    "copies": "copy",
    "items": "item",
}

#: yes/no properties of an activity that a component may depend on
ACTIVITY_FLAGS = ("interpretation", "summary_records", "verbatim_records", "webcasting", "sound", "it_support")

#: grade → the category whose vacancy factor a new post of that grade takes
GRADE_CATEGORIES: dict[str, str] = {
    **{g: "professional" for g in ("USG", "ASG", "D-2", "D-1", "P-5", "P-4", "P-3", "P-2", "P-1")},
    **{g: "general_service" for g in ("GS", "GS (Other level)", "GS (Principal level)", "GS-OL", "GS-PL")},
}

#: funding sources a spec may name
FUNDING_SOURCES = ("regular_budget", "budget_process", "extrabudgetary", "voluntary",
                   "contingency_fund", "entitlement", "existing_resources")


def _decimal_or_none(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value)


class RateValue(BaseModel):
    """One resolved rate: its value on a date, with everything needed to explain it."""

    model_config = _FROZEN

    key: str
    value: Decimal
    unit: str
    effective_from: dt.date
    table: str
    reference: str
    label: str
    duty_station: str | None = None


class Rate(BaseModel):
    """A dated series of values in one unit."""

    model_config = _FROZEN

    label: str
    unit: str = Field(description="e.g. USD/page, USD/(meeting*language), USD/work_month")
    values: dict[dt.date, Decimal | None] = Field(
        description="effective date → value (a null ends the series from that date)")
    reference: str = Field(description="document symbol and paragraph, the standard, or "
                                       "'derived from F13: …' for a rate fitted to published figures")
    stations: dict[str, dict[dt.date, Decimal | None]] = Field(
        default_factory=dict, description="duty station → dated values, where they differ")
    fitted_to: tuple[str, ...] = Field(default=(), description="published figures the value was fitted to")
    sources: dict[str, dict[dt.date, str]] = Field(
        default_factory=dict, description="duty station (or 'default' for values) → effective date → where "
                                          "that value comes from: the figures it was derived from, or that it "
                                          "is carried forward, interpolated or recosted")
    rounding: Rounding | None = Field(
        default=None, description="a figure priced with this rate is rounded by this rule instead")

    @field_validator("values", mode="before")
    @classmethod
    def _values(cls, value: object) -> object:
        if isinstance(value, dict):
            return {k: _decimal_or_none(v) for k, v in value.items()}
        return value

    @field_validator("stations", mode="before")
    @classmethod
    def _stations(cls, value: object) -> object:
        if isinstance(value, dict):
            return {s: ({k: _decimal_or_none(v) for k, v in series.items()}
                        if isinstance(series, dict) else series) for s, series in value.items()}
        return value

    @field_validator("unit")
    @classmethod
    def _unit(cls, value: str) -> str:
        try:
            check_rate_unit(value)
        except UnitError as exc:
            raise ValueError(exc.message) from None
        return value

    @model_validator(mode="after")
    def _not_empty(self) -> "Rate":
        if not self.values and not self.stations:
            raise ValueError("a rate needs at least one dated value")
        return self


class Component(BaseModel):
    """One rate applied to the product of some of an activity's quantities."""

    model_config = _FROZEN

    rate: str
    per: tuple[str, ...] = Field(description="quantity names multiplied, e.g. [pages, languages]")
    when: dict[str, bool] = Field(default_factory=dict,
                                  description="apply only when these flags of the activity hold "
                                              "(an unset flag counts as false)")

    @field_validator("when")
    @classmethod
    def _when(cls, value: dict[str, bool]) -> dict[str, bool]:
        for flag in value:
            if flag not in ACTIVITY_FLAGS:
                raise ValueError(f"unknown flag {flag!r} (expected one of {', '.join(ACTIVITY_FLAGS)})")
        return value

    @field_validator("per")
    @classmethod
    def _per(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            if name not in QUANTITY_UNITS:
                raise ValueError(f"unknown quantity {name!r} (expected one of {', '.join(QUANTITY_UNITS)})")
        return value


class ActivityKind(BaseModel):
    """How an activity of one kind is priced: the sum of its components."""

    model_config = _FROZEN

    label: str
    components: tuple[Component, ...]
    defaults: dict[str, int] = Field(default_factory=dict,
                                     description="quantities assumed when a spec omits them, e.g. documents: 1")
    vacancy: bool = Field(default=False, description="new posts: apply the table's vacancy factor for the "
                                                     "grade's category (first-year cost)")


class VacancyFactor(BaseModel):
    """The share of a new post's cost not budgeted in its first year (recruitment takes time)."""

    model_config = _FROZEN

    percent: Decimal
    reference: str

    @field_validator("percent", mode="before")
    @classmethod
    def _pct(cls, value: object) -> Decimal:
        pct = to_decimal(value)
        if not 0 <= pct < 100:
            raise ValueError(f"a vacancy factor is a percentage from 0 to below 100 (got {pct})")
        return pct


class Surcharge(BaseModel):
    """A percentage added to what a funding source pays (programme support costs)."""

    model_config = _FROZEN

    label: str
    percent: Decimal
    applies_to: tuple[str, ...]
    reference: str
    effective_from: dt.date | None = None

    @field_validator("percent", mode="before")
    @classmethod
    def _pct(cls, value: object) -> Decimal:
        return to_decimal(value)

    @field_validator("applies_to")
    @classmethod
    def _sources(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for source in value:
            if source not in FUNDING_SOURCES:
                raise ValueError(f"unknown funding source {source!r} (expected one of {', '.join(FUNDING_SOURCES)})")
        return value


class StaffAssessment(BaseModel):
    """Staff assessment on staff costs: the rate a statement shows it at, under its budget section,
    offset by the same amount under an income section."""

    model_config = _FROZEN

    percent: Decimal = Field(description="per cent of the staff costs it applies to")
    applies_to: tuple[str, ...] = Field(default=("posts", "other_staff_costs"),
                                        description="objects of expenditure (model/vocabulary.yaml)")
    section: str = Field(default="Section 36", description="the budget section it is shown under")
    income_section: str = Field(default="Income section 1", description="the income section that offsets it")
    reference: str = Field(description="where the rate comes from (the published figures it is derived from)")

    @field_validator("percent", mode="before")
    @classmethod
    def _pct(cls, value: object) -> Decimal:
        return to_decimal(value)


class TableFile(BaseModel):
    """A cost table as written in YAML (before ``extends`` is resolved)."""

    model_config = _FROZEN

    id: str
    title: str
    extends: str | None = None
    currency: Literal["USD"] = "USD"
    duty_station: str | None = None
    stations: tuple[str, ...] = Field(default=(), description="further duty stations the table prices: a rate "
                                      "without a series of its own for one of them takes the duty station's "
                                      "values, and says so")
    valid_to: dt.date | None = Field(default=None, description="no rate is looked up after this date")
    words_per_page: int | None = Field(default=None, gt=0)
    rounding: Rounding | None = None
    surcharges: dict[str, Surcharge] = Field(default_factory=dict)
    staff_assessment: StaffAssessment | None = None
    vacancy_factors: dict[Literal["professional", "general_service"], VacancyFactor] = Field(default_factory=dict)
    activities: dict[str, ActivityKind] = Field(default_factory=dict)
    rates: dict[str, dict[str, Any]] = Field(default_factory=dict)
    notes: str | None = None


class Table(BaseModel):
    """A resolved cost table: its own rates merged over those of the tables it extends."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    id: str
    title: str
    file: str
    chain: tuple[str, ...] = Field(description="this table and those it extends, nearest first")
    duty_station: str | None
    stations: tuple[str, ...] = ()
    valid_to: dt.date | None
    words_per_page: int | None
    rounding: Rounding
    surcharges: dict[str, Surcharge]
    vacancy_factors: dict[str, VacancyFactor] = Field(default_factory=dict)
    activities: dict[str, ActivityKind]
    rates: dict[str, Rate]
    staff_assessment: StaffAssessment | None = None
    origin: dict[str, str] = Field(description="rate key → id of the table that set its latest values")
    lines: dict[str, int] = Field(default_factory=dict, description="rate key → line in its file")

    def rate(self, key: str, on: dt.date, *, station: str | None = None) -> RateValue:
        """The value of rate ``key`` effective on ``on``; RateLookupError if there is none."""
        rate = self.rates.get(key)
        if rate is None:
            raise RateLookupError(f"unknown rate {key!r} in table {self.id!r} "
                                  f"(known: {', '.join(sorted(self.rates)) or 'none'})")
        if self.valid_to and on > self.valid_to:
            raise RateLookupError(f"table {self.id!r} is valid to {self.valid_to}; no rate {key!r} "
                                  f"on {on} (use a table for that year)")
        series = rate.values
        used_station = self.duty_station
        borrowed = False
        if station and station in rate.stations:
            series, used_station = rate.stations[station], station
        elif station and station in self.stations and station != self.duty_station:
            used_station, borrowed = station, True
        elif station and rate.stations and station != self.duty_station:
            raise RateLookupError(f"rate {key!r} has no value for duty station {station!r} "
                                  f"(has: {', '.join([self.duty_station or '-', *rate.stations])})")
        effective = max((d for d in series if d <= on), default=None)
        if effective is None:
            first = min(series) if series else None
            raise RateLookupError(f"rate {key!r} has no value on {on}"
                                  + (f" (its first value is effective from {first})" if first else ""))
        value = series[effective]
        if value is None:
            raise RateLookupError(f"rate {key!r} was discontinued on {effective}; no value on {on}")
        source = rate.sources.get((used_station or "default") if series is not rate.values else "default",
                                  {}).get(effective)
        reference = f"{rate.reference} {effective.year}: {source}" if source else rate.reference
        if borrowed:
            reference += (f"; {used_station}: the {self.duty_station} value (declared: no series of its own "
                          "for this duty station)")
        return RateValue(key=key, value=value, unit=rate.unit, effective_from=effective,
                         table=self.origin.get(key, self.id), reference=reference,
                         label=rate.label, duty_station=used_station)

    def kind(self, name: str) -> ActivityKind:
        try:
            return self.activities[name]
        except KeyError:
            raise RateLookupError(f"unknown activity kind {name!r} "
                                  f"(table {self.id!r} prices: {', '.join(sorted(self.activities))})") from None

    def rounding_for(self, keys: set[str]) -> Rounding:
        """The rule for a figure priced with ``keys``: a rate's own rule wins over the table's."""
        own = [r for k in sorted(keys) if k in self.rates and (r := self.rates[k].rounding) is not None]
        return min(own, key=lambda r: r.step) if own else self.rounding


def find_tables(folder: Path) -> dict[str, Path]:
    """Table id → file, for every ``*.yaml`` in ``folder`` (ids read cheaply from the files)."""
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")):
        table_id = path.stem
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("id:"):
                table_id = line.split(":", 1)[1].strip().strip("'\"")
                break
        found[table_id] = path
    return found


def table_folders(near: Path | None = None) -> list[Path]:
    """Where table ids are looked up: $PBI_TABLES, ``cost_tables/`` above ``near``, then in the
    working directory."""
    folders: list[Path] = []
    env = os.environ.get("PBI_TABLES")
    if env:
        folders.extend(Path(p) for p in env.split(os.pathsep) if p)
    if near is not None:
        for parent in Path(near).resolve().parents:
            if (parent / "cost_tables").is_dir():
                folders.append(parent / "cost_tables")
                break
    folders.append(Path.cwd() / "cost_tables")
    unique: list[Path] = []
    for folder in folders:
        if folder.is_dir() and folder.resolve() not in [u.resolve() for u in unique]:
            unique.append(folder)
    return unique


def resolve_table(ref: str | Path, *, near: Path | None = None) -> Table:
    """A table given as a file path or as an id found in :func:`table_folders`."""
    path = Path(ref)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return load_table(path)
    folders = table_folders(near)
    for folder in folders:
        found = find_tables(folder)
        if str(ref) in found:
            return load_table(found[str(ref)], folder=folder)
    known = sorted({t for f in folders for t in find_tables(f)})
    raise TableError(f"no cost table {str(ref)!r} (known: {', '.join(known) or 'none'}; "
                     "give a file with --table or set PBI_TABLES)")


def _rate(key: str, body: Any, base: Rate | None, loaded: LoadedYaml) -> Rate:
    """Validate one rate entry, merged over the base table's rate of the same key if any."""
    prefix = f"rates.{key}"
    if base is not None and isinstance(body, dict):
        values: dict[str, Any] = {d.isoformat(): v for d, v in base.values.items()}
        if isinstance(body.get("values"), dict):
            values.update(body["values"])
        body = {**base.model_dump(exclude_defaults=True), **body, "values": values}
    sub = LoadedYaml(data=body, file=loaded.file,
                     lines={k[len(prefix):].lstrip("."): v for k, v in loaded.lines.items()
                            if k == prefix or k.startswith(prefix + ".")})
    if not isinstance(body, dict):
        raise TableError("expected a mapping with label, unit, values and reference",
                         file=loaded.file, line=loaded.line_of(prefix), field=prefix)
    try:
        return validate(Rate, sub, TableError)
    except TableError as err:
        err.field = prefix + (f".{err.field}" if err.field else "")
        raise


def load_table(path: Path | str, *, folder: Path | str | None = None, _seen: tuple[str, ...] = ()) -> Table:
    """Load and validate a cost table, resolving ``extends:`` within ``folder`` (default: its own)."""
    path = Path(path)
    loaded = load_yaml(path)
    spec = validate(TableFile, loaded, TableError)
    if spec.id in _seen:
        raise TableError("table builds on itself: " + " → ".join([*_seen, spec.id]),
                         file=loaded.file, line=loaded.line_of("extends"), field="extends")
    base: Table | None = None
    if spec.extends:
        where = Path(folder) if folder else path.parent
        tables = find_tables(where)
        if spec.extends not in tables:
            raise TableError(f"extends unknown table {spec.extends!r} (tables in {where}: "
                             f"{', '.join(sorted(tables)) or 'none'})",
                             file=loaded.file, line=loaded.line_of("extends"), field="extends")
        base = load_table(tables[spec.extends], folder=where, _seen=(*_seen, spec.id))
    rates: dict[str, Rate] = dict(base.rates) if base else {}
    origin: dict[str, str] = dict(base.origin) if base else {}
    lines: dict[str, int] = dict(base.lines) if base else {}
    for key, body in spec.rates.items():
        rates[key] = _rate(key, body, rates.get(key), loaded)
        origin[key] = spec.id
        lines[key] = loaded.line_of(f"rates.{key}") or 1
    rounding = spec.rounding or (base.rounding if base else None)
    if rounding is None:
        raise TableError("the table declares no rounding rule (expected rounding: {step: 100, mode: half_up})",
                         file=loaded.file, line=1, field="rounding")
    table = Table(
        id=spec.id, title=spec.title, file=loaded.file,
        chain=(spec.id, *(base.chain if base else ())),
        duty_station=spec.duty_station or (base.duty_station if base else None),
        stations=spec.stations or (base.stations if base else ()),
        valid_to=spec.valid_to if spec.valid_to else (base.valid_to if base else None),
        words_per_page=spec.words_per_page or (base.words_per_page if base else None),
        rounding=rounding,
        surcharges={**(base.surcharges if base else {}), **spec.surcharges},
        staff_assessment=spec.staff_assessment or (base.staff_assessment if base else None),
        vacancy_factors={**(base.vacancy_factors if base else {}), **spec.vacancy_factors},
        activities={**(base.activities if base else {}), **spec.activities},
        rates=rates, origin=origin, lines=lines,
    )
    _check_components(table, loaded)
    return table


def _check_components(table: Table, loaded: Any) -> None:
    """Every component names a rate of the table, in a unit that fits the quantities it multiplies."""
    for kind_name, kind in table.activities.items():
        for i, comp in enumerate(kind.components):
            prefix = comp.rate.split("{", 1)[0]
            field = f"activities.{kind_name}.components[{i}].rate"
            if comp.rate not in table.rates and not ("{" in comp.rate and
                                                     any(k.startswith(prefix) for k in table.rates)):
                raise TableError(f"unknown rate {comp.rate!r} (the table's rates: "
                                 f"{', '.join(sorted(table.rates))})",
                                 file=loaded.file, line=loaded.line_of(field), field=field)
            units = tuple(QUANTITY_UNITS[name] for name in comp.per)
            for key, rate in table.rates.items():
                if key != comp.rate and not ("{" in comp.rate and key.startswith(prefix)):
                    continue
                try:
                    unit_factor(rate.unit, units)
                except UnitError as err:
                    own = table.origin.get(key) == table.id
                    raise TableError(f"rate {key!r} ({rate.unit}) does not fit {kind_name} component "
                                     f"{' × '.join(comp.per)}: {err.message}",
                                     file=loaded.file,
                                     line=(loaded.line_of(f"rates.{key}.unit") if own else None)
                                     or loaded.line_of(field),
                                     field=f"rates.{key}.unit" if own else field) from None
