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
import re
from decimal import Decimal
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, field_validator, model_validator

from pbi.model.errors import InputError, RateLookupError, TableError
from pbi.model.money import Rounding, to_decimal
from pbi.model.errors import UnitError
from pbi.model.units import check_rate_unit, unit_factor
from pbi.model.validation import at, expect, expect_path, validate
from pbi.model.vocabulary import funding_key, funding_sources, grade_categories
from pbi.model.yamlio import LoadedYaml, load_yaml

__all__ = [
    "TABLE_ID",
    "Rate", "Component", "ActivityKind", "Surcharge", "StaffAssessment", "SectionStaffAssessment", "Table", "RateValue",
    "load_table", "find_tables", "installed_tables", "resolve_table", "table_folders", "QUANTITY_UNITS", "FUNDING_SOURCES", "known_funding",
    "RATE_FIELDS", "MAX_CHAIN", "BUNDLED", "bundled_folder",
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

#: the fields a component's rate may name, e.g. ``staff.{grade}``: replaced by the activity's value
RATE_FIELDS = ("grade", "location")
_PLACEHOLDER = re.compile(r"\{([a-z_]{1,20})\}")

#: yes/no properties of an activity that a component may depend on
ACTIVITY_FLAGS = ("interpretation", "summary_records", "verbatim_records", "webcasting", "sound", "it_support")

#: grade → the category whose vacancy factor a new post of that grade takes
GRADE_CATEGORIES: dict[str, str] = grade_categories()  # model/vocabulary.yaml

#: the official languages a note may be translated into, and the largest default quantity
MAX_LANGUAGES = 6
MAX_DEFAULT = 1_000_000
#: the longest ``extends:`` chain (a table, its base, the base's base …)
MAX_CHAIN = 16

#: funding sources a spec may name (model/vocabulary.yaml)
FUNDING_SOURCES = tuple(funding_sources())


def known_funding(value: str) -> str:
    """The funding source key a spec or table means by ``value`` (model/vocabulary.yaml: a key or an
    alias, in any case, with spaces or hyphens); ValueError naming the keys otherwise."""
    key = funding_key(value) if isinstance(value, str) else None
    if key is None:
        raise ValueError(f"unknown funding source {value!r} (expected one of {', '.join(FUNDING_SOURCES)})")
    return key


#: what a table's id (and the id it extends, and a spec's ``table:``) may be: a name, never a path or
#: text with spaces or line breaks (it is printed in headers and matched as written)
TABLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


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
        for where, series in (("values", self.values), *((f"stations.{k}", v) for k, v in self.stations.items())):
            for day, value in series.items():
                if value is not None and value < 0:
                    raise at(f"{where}.{day.isoformat()}", f"a rate cannot be negative (got {value})")
        return self


class Component(BaseModel):
    """One rate applied to the product of some of an activity's quantities."""

    model_config = _FROZEN

    rate: str
    per: tuple[str, ...] = Field(description="quantity names multiplied, e.g. [pages, languages]")
    when: dict[str, bool] = Field(default_factory=dict,
                                  description="apply only when these flags of the activity hold "
                                              "(an unset flag counts as false)")

    @field_validator("rate")
    @classmethod
    def _template(cls, value: str) -> str:
        for name in _PLACEHOLDER.findall(value):
            if name not in RATE_FIELDS:
                raise ValueError(f"unknown field {{{name}}} in rate {value!r} (a rate may name "
                                 f"{', '.join('{' + f + '}' for f in RATE_FIELDS)})")
        if "{" in _PLACEHOLDER.sub("", value) or "}" in _PLACEHOLDER.sub("", value):
            raise ValueError(f"rate {value!r} holds a brace that is not a field "
                             f"({', '.join('{' + f + '}' for f in RATE_FIELDS)})")
        return value

    def rate_key(self, **fields: str) -> str:
        """The rate key for an activity: each ``{field}`` of the template replaced by its value
        (no formatting, no attribute access: a plain substitution of known fields)."""
        return _PLACEHOLDER.sub(lambda m: fields.get(m.group(1), ""), self.rate)

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
    defaults: dict[str, StrictInt] = Field(default_factory=dict,
                                           description="quantities assumed when a spec omits them, e.g. documents: 1")
    vacancy: bool = Field(default=False, description="new posts: apply the table's vacancy factor for the "
                                                     "grade's category (first-year cost)")

    @field_validator("defaults")
    @classmethod
    def _defaults(cls, value: dict[str, int]) -> dict[str, int]:
        for name, n in value.items():
            if name not in QUANTITY_UNITS:
                raise at(name, f"unknown quantity {name!r} (expected one of {', '.join(QUANTITY_UNITS)})")
            if name == "languages" and not 1 <= n <= MAX_LANGUAGES:
                raise at(name, f"must be 1 to {MAX_LANGUAGES} official languages (got {n})")
            if not 1 <= n <= MAX_DEFAULT:
                raise at(name, f"must be 1 to {MAX_DEFAULT:,} (got {n})")
        return value


def _percentage(what: str) -> Callable[[object], Decimal]:
    """A validator of a percentage from 0 to below 100 that names ``what`` it is."""
    def check(value: object) -> Decimal:
        pct = to_decimal(value)
        if not 0 <= pct < 100:
            raise ValueError(f"{what} is a percentage from 0 to below 100 (got {pct})")
        return pct
    return check


class VacancyFactor(BaseModel):
    """The share of a new post's cost not budgeted in its first year (recruitment takes time)."""

    model_config = _FROZEN

    percent: Decimal
    reference: str

    _pct = field_validator("percent", mode="before")(_percentage("a vacancy factor"))


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
        percent = to_decimal(value)
        if not 0 <= percent <= 100:
            raise ValueError(f"a surcharge is 0 to 100 per cent (got {percent})")
        return percent

    @field_validator("applies_to")
    @classmethod
    def _sources(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(known_funding(source) for source in value)


class SectionStaffAssessment(BaseModel):
    """Staff assessment at a percentage of its own on the staff costs of one budget section."""

    model_config = _FROZEN

    percent: Decimal = Field(description="per cent of the section's staff costs")
    reference: str = Field(description="where the rate comes from (the published figures it is derived from)")

    _pct = field_validator("percent", mode="before")(_percentage("staff assessment"))


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
    sections: dict[str, SectionStaffAssessment] = Field(
        default_factory=dict, description="budget section (e.g. 'Section 2') → the percentage its staff costs take "
                                          "instead of `percent` (conference services, as statements print it)")

    _pct = field_validator("percent", mode="before")(_percentage("staff assessment"))

    def percent_for(self, section: str | None) -> tuple[Decimal, str]:
        """The percentage the staff costs under ``section`` take, and where it comes from."""
        own = self.sections.get(section or "")
        return (own.percent, own.reference) if own else (self.percent, self.reference)


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

    @field_validator("id")
    @classmethod
    def _an_id(cls, value: str | None) -> str | None:
        if value is not None and not TABLE_ID.fullmatch(value):
            raise ValueError(f"{value!r} is not a table id (letters, digits, '.', '_' and '-', at most 100, "
                             "such as unodc-vienna-2010)")
        return value


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

    def __repr__(self) -> str:
        """One line, not every value of every rate (they are in ``rates``)."""
        stations = ", ".join(s for s in (self.duty_station, *self.stations) if s) or "no duty station"
        return (f"<Table {self.id}: {len(self.rates)} rates, {stations}, valid to {self.valid_to or 'open'} "
                f"({self.file})>")

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


#: folder listing → table id → file: ids are read from the parsed YAML, once per folder state
_FOUND: dict[tuple[str, tuple[tuple[str, int, int], ...]], dict[str, Path]] = {}


def find_tables(folder: Path) -> dict[str, Path]:
    """Table id → file, for every ``*.yaml`` in ``folder``, the id read from the file's YAML.

    Two files with one id are an error naming both; a file that is not a readable table (a FIFO,
    a file over the size limit, bad YAML, no ``id:``) is an error naming it.
    """
    listing: list[tuple[str, int, int]] = []
    paths = sorted(Path(folder).glob("*.yaml"))
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        listing.append((path.name, info.st_mtime_ns, info.st_size))
    key = (str(Path(folder).resolve()), tuple(listing))
    hit = _FOUND.get(key)
    if hit is not None:
        return hit
    found: dict[str, Path] = {}
    for path in paths:
        if path.name.endswith(".schema.yaml"):
            continue
        loaded = load_yaml(path, reuse=True)  # load_table takes it from here
        table_id = loaded.data.get("id")
        if not isinstance(table_id, str) or not table_id:
            raise TableError("a cost table needs an id (id: unodc-vienna-2010)", file=loaded.file,
                             line=loaded.line_of("id"), field="id")
        if table_id in found:
            raise TableError(f"table id {table_id!r} is also the id of {found[table_id]}: ids must be unique",
                             file=loaded.file, line=loaded.line_of("id"), field="id")
        found[table_id] = path
    if len(_FOUND) > 64:
        _FOUND.clear()
    _FOUND[key] = found
    return found


def bundled_folder(package: Path) -> Path:
    """The tables that come with the pbi package at ``package``: ``pbi/cost_tables/`` once installed
    (pyproject.toml ships them there), else the checkout's top-level ``cost_tables/``."""
    installed = package / "cost_tables"
    return installed if installed.is_dir() else package.parent / "cost_tables"


#: the tables that come with pbi: looked up last, when no folder of the user's has the id
BUNDLED = bundled_folder(Path(__file__).resolve().parents[1])


def table_folders(near: Path | None = None) -> list[Path]:
    """Where table ids are looked up: each folder of $PBI_TABLES, then the ``cost_tables/`` of the
    project ``near`` is in (the nearest parent folder that has one), then the tables that come with
    pbi. Never the working directory."""
    folders: list[Path] = []
    env = os.environ.get("PBI_TABLES")
    if env:
        for entry in (p for p in env.split(os.pathsep) if p):
            folders.append(_env_folder(entry))
    if near is not None:
        for parent in Path(near).resolve().parents:
            if (parent / "cost_tables").is_dir():
                folders.append(parent / "cost_tables")
                break
    folders.append(BUNDLED)
    unique: list[Path] = []
    for folder in folders:
        if folder.is_dir() and folder.resolve() not in [u.resolve() for u in unique]:
            unique.append(folder)
    return unique


def _env_folder(entry: str) -> Path:
    """A folder of $PBI_TABLES; a file, a missing folder or a name the system refuses is an error
    (ignored, the id would silently be found among the tables that come with pbi instead)."""
    shown = entry if len(entry) <= 200 else entry[:200] + "…"
    try:
        is_dir = Path(entry).is_dir()
        exists = is_dir or Path(entry).exists()
    except (OSError, ValueError) as err:
        raise InputError(f"PBI_TABLES: {shown}: {getattr(err, 'strerror', None) or err} (PBI_TABLES lists "
                         "folders of cost tables, separated by ':')") from None
    if not is_dir:
        what = "is a file, not a folder" if exists else "no such folder"
        raise InputError(f"PBI_TABLES: {shown}: {what} (PBI_TABLES lists folders of cost tables, "
                         "separated by ':'; give a single table file with --table)")
    return Path(entry)


def installed_tables(near: Path | None = None) -> dict[str, Path]:
    """Table id → file for every table of :func:`table_folders` (the first folder that has an id wins).

    As for :func:`resolve_table`, an id in two of the user's folders with different contents is an
    error naming both files."""
    known: dict[str, Path] = {}
    for folder in table_folders(near):
        bundled = folder.resolve() == BUNDLED
        for tid, path in find_tables(folder).items():
            if tid not in known:
                known[tid] = path
            elif not bundled and path.read_bytes() != known[tid].read_bytes():
                raise TableError(f"table id {tid!r} is in {known[tid]} and in {path}, which differ "
                                 "(remove one, or give the file with --table)", file=str(path))
    return known


def resolve_table(ref: str | Path, *, near: Path | None = None, path_allowed: bool = True) -> Table:
    """A table given as an id found in :func:`table_folders`, or (where ``path_allowed``, as for
    ``--table``) as a file path.

    An id in two of the user's folders ($PBI_TABLES, the project's ``cost_tables/``) with different
    contents is an error naming both files; the tables that come with pbi are used only for an id
    no such folder has.
    """
    expect(ref, (str, os.PathLike), what="ref", where="resolve_table", hint="a table id or a table file's path")
    if near is not None:
        expect_path(near, what="near", where="resolve_table")
        near = Path(near)
    ref_text = str(ref)
    if path_allowed and (isinstance(ref, Path) or ref_text.endswith((".yaml", ".yml")) or os.sep in ref_text):
        return load_table(Path(ref))
    folders = table_folders(near)
    hits: list[tuple[Path, Path]] = []
    for folder in folders:
        if hits and folder.resolve() == BUNDLED:
            break
        found = find_tables(folder)
        if ref_text in found:
            hits.append((found[ref_text], folder))
    for other, _ in hits[1:]:
        if other.read_bytes() != hits[0][0].read_bytes():
            raise TableError(f"table id {ref_text!r} is in {hits[0][0]} and in {other}, which differ "
                             "(remove one, or give the file with --table)", file=str(other))
    if hits:
        return load_table(hits[0][0], folder=hits[0][1])
    known = sorted({t for f in folders for t in find_tables(f)})
    raise TableError(f"no cost table {ref_text!r} (known: {', '.join(known) or 'none'}; "
                     "give a file with --table or set PBI_TABLES)")


def _lines_by_rate(lines: dict[str, int], keys: Any) -> dict[str, dict[str, int]]:
    """The line map of each rate entry (``rates.KEY`` and the paths under it, relative to it), in
    one pass over the table's lines."""
    out: dict[str, dict[str, int]] = {}
    for path, line in lines.items():
        if not path.startswith("rates."):
            continue
        rest = path[6:]
        cut = rest.find(".")
        while True:  # every KEY that ``path`` is, or is under (a key may hold dots)
            key = rest if cut < 0 else rest[:cut]
            if key in keys:
                out.setdefault(key, {})[rest[len(key):].lstrip(".")] = line
            if cut < 0:
                break
            cut = rest.find(".", cut + 1)
    return out


def _rate(key: str, body: Any, base: Rate | None, loaded: LoadedYaml, lines: dict[str, int]) -> Rate:
    """Validate one rate entry, merged over the base table's rate of the same key if any; ``lines``
    is the entry's line map."""
    prefix = f"rates.{key}"
    if base is not None and isinstance(body, dict):
        values: dict[str, Any] = {d.isoformat(): v for d, v in base.values.items()}
        if isinstance(body.get("values"), dict):
            values.update(body["values"])
        body = {**base.model_dump(exclude_defaults=True), **body, "values": values}
    sub = LoadedYaml(data=body, file=loaded.file, lines=lines)
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
    expect_path(path, where="load_table")
    path = Path(path)
    loaded = load_yaml(path, reuse=True)
    spec = validate(TableFile, loaded, TableError)
    if spec.id in _seen:
        raise TableError("table builds on itself: " + " → ".join([*_seen, spec.id]),
                         file=loaded.file, line=loaded.line_of("extends"), field="extends")
    if len(_seen) >= MAX_CHAIN:
        raise TableError(f"extends chain longer than {MAX_CHAIN} tables (from {_seen[0]})",
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
    rate_lines = _lines_by_rate(loaded.lines, spec.rates)
    for key, body in spec.rates.items():
        rates[key] = _rate(key, body, rates.get(key), loaded, rate_lines.get(key, {}))
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
