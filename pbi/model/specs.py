"""Draft specs (``notes/**.yaml``): a draft resolution's requests, the activities they need with the
quantities a note states, and the figures the published note printed.

A spec holds quantities, funding and short names — never an amount the engine computes, except a
lump sum the note quotes without quantities (``kind: lump_sum``) and the ``published:`` figures that
reproduction compares against.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from collections.abc import Callable

from pydantic import StrictInt, BeforeValidator, PlainSerializer, WithJsonSchema, BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from pbi.model.errors import ArgumentError, SpecError
from pbi.model.cells import FORMULA_STARTS
from pbi.model.money import format_range, to_decimal
from pbi.model.periods import BudgetPeriod, parse_period
from pbi.model.tables import FUNDING_SOURCES, QUANTITY_UNITS, TABLE_ID, known_funding
from pbi.model.validation import at, expect_path, validate
from pbi.model.vocabulary import duty_stations, grades, section_keys
from pbi.model.yamlio import load_yaml

__all__ = ["AgendaItem", "Range", "EntitlementDraw", "Activity", "Request", "Figure", "Spec", "load_spec", "LANGUAGES",
           "GRADES", "MAX_QUANTITY", "FIRST_YEAR", "MAX_AMOUNT", "check_amount", "Text", "source_of", "Quantity",
           "dump_spec", "check_quantity", "check_languages", "parse_range", "Provision", "MAX_ACTIVITIES", "COUNTED",
           "grade_of", "place_of"]

_FROZEN = ConfigDict(frozen=True, extra="forbid")

#: the six official languages, in the order UN documents list them
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
GRADES = grades()  # model/vocabulary.yaml
#: the first year an activity may fall in (the oldest statements of the General Assembly corpus)
FIRST_YEAR = 1985


def _folded(text: str) -> str:
    return "".join(text.split()).replace("-", "").casefold()


_GRADE_SPELLINGS = {_folded(g): g for g in GRADES}


def grade_of(value: str) -> str:
    """A grade as the vocabulary writes it, however it is spelled (``P3``, ``p-3``, ``P 3`` → ``P-3``,
    ``gs-ol`` → ``GS-OL``); the text as given when it is no grade."""
    text = value.strip()
    return text if text in GRADES else _GRADE_SPELLINGS.get(_folded(text), text)


def place_of(value: str) -> str:
    """A duty station as the vocabulary writes it, whatever its case and spacing (``geneva``,
    ``new  york`` → ``Geneva``, ``New York``); any other place as given, trimmed."""
    text = " ".join(value.split())
    if text in _STATIONS.values():
        return text
    return _STATIONS.get(text.casefold(), text)


_STATIONS = {name.casefold(): name for name in duty_stations()}


def _visible_id(value: Any) -> Any:
    """An id as typed: one with an invisible or control character (a right-to-left override, a
    zero-width space, a line break) is refused, naming the character, since it would look like
    another id and never match it."""
    import unicodedata

    if isinstance(value, str):
        if value[:1] in FORMULA_STARTS:
            raise ValueError(f"begins with {value[:1]!r}: a spreadsheet opening pbi's CSV or xlsx exports would "
                             "read the id as a formula; begin it with a letter or a digit")
        for i, char in enumerate(value):
            if unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") or (char.isspace() and char != " "):
                raise ValueError(f"contains an invisible character U+{ord(char):04X} "
                                 f"({unicodedata.name(char, 'unnamed')}) at position {i + 1}: type the id again")
    return value
def _number_as_text(value: Any) -> Any:
    """A paragraph or rule written unquoted (``paragraph: 4``, ``rule: 153``) is that text: YAML reads
    it as a number."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


#: a paragraph number or a rule: text, also when YAML reads it as a whole number
Numbered = Annotated[str, BeforeValidator(_number_as_text)]

#: no financial note counts more than this of anything; larger is a typing error
MAX_QUANTITY = 1_000_000
#: the most activities one spec may list: the largest in notes/ has 19; 15,000 took over a minute to
#: write as a workbook
MAX_ACTIVITIES = 2_000


@dataclass(frozen=True, slots=True)
class Range:
    """A value that may be a range (``600 to 900 pages``); a plain number has low == high."""

    low: Decimal
    high: Decimal

    def __post_init__(self) -> None:
        if type(self.low) is not Decimal or type(self.high) is not Decimal:
            _range_of_numbers(self)

    @classmethod
    def of(cls, value: "Range | Decimal | int | str") -> "Range":
        if isinstance(value, Range):
            return value
        d = to_decimal(value)
        return cls(d, d)

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    def __add__(self, other: "Range") -> "Range":
        return Range(self.low + other.low, self.high + other.high)

    def map(self, fn: Callable[[Decimal], Decimal]) -> "Range":
        return Range(fn(self.low), fn(self.high))

    def __str__(self) -> str:
        return format_range(self.low, self.high)


def _range_of_numbers(value: Range) -> None:
    """A Range built of whole numbers holds them as Decimals; of anything else (None, a text, a float)
    it is an ArgumentError, not an AttributeError where it is printed or added."""
    for name in ("low", "high"):
        part = getattr(value, name)
        if isinstance(part, Decimal):
            continue
        if not isinstance(part, int) or isinstance(part, bool):
            raise ArgumentError(f"Range() takes {name} as a Decimal or an int, not {type(part).__name__} {part!r:.40} "
                                "(Range.of(TEXT) reads a number written as text)")
        object.__setattr__(value, name, Decimal(part))


def parse_range(value: Any) -> Range:
    """A number, a numeric string or ``{low, high}`` as a Range; ValueError if it is none of them."""
    if isinstance(value, Range):
        return value
    if isinstance(value, dict):
        if set(value) != {"low", "high"}:
            raise ValueError("a range is written {low: …, high: …}")
        low, high = to_decimal(value["low"]), to_decimal(value["high"])
    else:
        low = high = to_decimal(value)
    if low > high:
        raise ValueError(f"low ({low}) is greater than high ({high})")
    return Range(low, high)


#: the quantities that count things, never parts of one: 1.5 documents or 2.5 participants is a typing error
COUNTED = frozenset({"documents", "participants", "trips", "copies", "sessions"})


def check_quantity(value: Range, name: str = "") -> Range:
    """A quantity (named ``name``) must be positive and plausible, and whole if it is :data:`COUNTED`;
    ValueError saying why not."""
    if value.low <= 0:
        raise ValueError(f"must be greater than 0 (got {value.low})")
    if value.high > MAX_QUANTITY:
        raise ValueError(f"{value.high:,} is implausibly large (at most {MAX_QUANTITY:,})")
    if name in COUNTED and any(v != v.to_integral_value() for v in (value.low, value.high)):
        odd = value.low if value.low != value.low.to_integral_value() else value.high
        raise ValueError(f"{name} are counted in whole numbers (got {odd})")
    return value


#: the largest amount a single figure of each kind plausibly reaches (USD): an amount above it is a
#: typing error (a misplaced digit), not a statement. Lump sums and totals reach hundreds of millions.
MAX_AMOUNT: dict[str, int] = {
    "documentation": 20_000_000, "publication": 20_000_000, "meeting": 100_000_000,
    "staff": 200_000_000, "new_post": 200_000_000, "consultant": 50_000_000, "travel": 100_000_000,
    "lump_sum": 2_000_000_000,
}


def check_amount(value: Range, kind: str) -> Range:
    """An amount must be positive and plausible for its kind; ValueError saying why not."""
    if value.low <= 0:
        raise ValueError(f"must be greater than 0 (got {value.low})")
    limit = MAX_AMOUNT.get(kind, MAX_AMOUNT["lump_sum"])
    if value.high > limit:
        raise ValueError(f"{value.high:,} is implausibly large for a {kind} figure (at most {limit:,})")
    return value


def check_languages(value: int | tuple[str, ...]) -> int | tuple[str, ...]:
    """A number of official languages (1–6) or their codes, each once; ValueError saying why not."""
    if isinstance(value, int) and not 1 <= value <= len(LANGUAGES):
        raise ValueError(f"must be 1 to 6 official languages (got {value})")
    if isinstance(value, tuple):
        for code in value:
            if code not in LANGUAGES:
                raise ValueError(f"unknown language {code!r} (expected one of {', '.join(LANGUAGES)})")
        if not value or len(set(value)) != len(value):
            raise ValueError("languages must be listed once each")
    return value


def _range_out(value: Range) -> Any:
    return str(value.low) if not value.is_range else {"low": str(value.low), "high": str(value.high)}


Quantity = Annotated[
    Range,
    BeforeValidator(parse_range),
    PlainSerializer(_range_out),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^[0-9.,]+$"},
                              {"type": "object", "properties": {"low": {"type": "number"},
                                                                "high": {"type": "number"}},
                               "required": ["low", "high"], "additionalProperties": False}],
                    "description": "a number, or a range {low, high}"}),
]


class Text(BaseModel):
    """A short text in the languages a note is rendered in."""

    model_config = _FROZEN
    zh: str | None = None
    en: str | None = None
    fr: str | None = None
    es: str | None = None
    ru: str | None = None
    ar: str | None = None


class EntitlementDraw(BaseModel):
    """An activity's claim on a body's allocation (see pbi.model.entitlements): the allocation covers
    what is left of it; the rest is additional and funded as the activity's ``funding`` says."""

    model_config = _FROZEN

    body: str = Field(description="a body of the spec's entitlements file, e.g. cop-untoc")
    quantity: Literal["meetings", "pages"] = Field(default="meetings", description="what is drawn")
    up_to_available: bool = Field(default=False, description="request only what is left (\"at most N "
                                                             "more meetings\"): nothing is additional")
    as_available: bool = Field(default=True, description="the covered part is serviced on an "
                                                        "\"as available\" basis")
    covered_kind: str | None = Field(default=None, description="price the covered part, for information, "
                                                               "with this activity kind instead")


class Activity(BaseModel):
    """One costed activity with the quantities the note states."""

    model_config = _FROZEN

    id: Annotated[str, BeforeValidator(_visible_id)] = Field(
        description="short id, unique within the spec, used by published figures")
    kind: str = Field(description="an activity kind of the cost table: documentation, publication, "
                                  "meeting, expert_meeting, staff, travel, lump_sum, …")
    label: Text | None = Field(default=None, description="short name: the model law, the omnibus tool …")
    count: StrictInt = Field(default=1, ge=1, le=1000, description="number of identical events (three workshops)")
    pages: Quantity | None = None
    words: Quantity | None = None
    documents: Quantity | None = None
    languages: StrictInt | tuple[str, ...] | None = Field(default=None, description="a number 1–6 or language codes")
    days: Quantity | None = Field(default=None, description="meeting days (a meeting day is two meetings)")
    meetings: Quantity | None = None
    sessions: Quantity | None = None
    participants: Quantity | None = None
    weeks: Quantity | None = Field(default=None, description="weeks of meetings (a week is five meeting days)")
    dsa_days: Quantity | None = Field(default=None, description="days of subsistence allowance per trip "
                                      "(travel) or per participant; days when not given")
    trips: Quantity | None = Field(default=None, description="trips (airfare and terminal expenses each); "
                                   "participants, one trip each, when not given")
    travellers: str | None = Field(default=None, description="who travels on a travel activity (model/"
                                   "vocabulary.yaml travellers: staff, experts, members, representatives, "
                                   "participants); staff when not given")
    posts: Quantity | None = Field(default=None, description="new posts (kind new_post), or positions of "
                                   "temporary assistance (kind staff)")
    continuing: bool | None = Field(default=None, description="new posts (kind new_post) in a year after their "
                                    "first: at full cost, without the table's first-year vacancy factor")
    work_months: Quantity | None = None
    copies: Quantity | None = None
    items: Quantity | None = None
    grade: str | None = None
    location: str | None = None
    interpretation: bool | None = None
    summary_records: bool | None = Field(default=None, description="a meeting with summary records")
    verbatim_records: bool | None = Field(default=None, description="a meeting with verbatim records")
    webcasting: bool | None = Field(default=None, description="a meeting webcast")
    sound: bool | None = Field(default=None, description="a meeting with sound technicians and recording")
    it_support: bool | None = Field(default=None, description="a meeting with IT support")
    object: str | None = Field(default=None, description="object of expenditure (model/vocabulary.yaml), "
                               "when not the one of the activity's kind: posts, other_staff_costs, consultants …")
    year: int = Field(ge=FIRST_YEAR, le=2100)
    funding: str = Field(description="one of " + ", ".join(FUNDING_SOURCES))
    section: str | None = Field(default=None, description="budget part/section, e.g. 'Part 2', 'Section 16'")
    amount: Quantity | None = Field(default=None, description="lump sums only: the amount the note quotes")
    of: str | None = Field(default=None, description="lump sums only: what the amount is for (documentation, "
                                                     "staff, travel, section, total …), for its plausibility check")
    document_for: Text | None = Field(default=None, description="the session a report is a background "
                                                                "document to (note text)")
    author: Text | None = Field(default=None, description="who writes a report: the Secretariat, the Chair …")
    entitlement: EntitlementDraw | None = Field(default=None, description="draw first on this body's "
                                                "allocation for the budget period of the activity's year")
    start: dt.date | None = Field(default=None, description="first day of a session; with end, a session "
                                  "straddling two years is split by its meeting days in each year")
    end: dt.date | None = None
    assumed: tuple[str, ...] = Field(default=(), description="quantities the spec assumes (no published "
                                     "note or draft states them): a generated note lists them as assumptions")

    @model_validator(mode="before")
    @classmethod
    def _year_from_dates(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("year") is None and isinstance(data.get("start"), dt.date):
            data = {**data, "year": data["start"].year}
        return data

    @model_validator(mode="after")
    def _dates(self) -> "Activity":
        if (self.start is None) != (self.end is None):
            raise ValueError("a session is dated with both start and end; an activity that begins in "
                             "the year (a new post from 1 July) states its work_months instead")
        if self.start and self.end:
            if self.end < self.start:
                raise ValueError(f"end ({self.end}) is before start ({self.start})")
            if self.year != self.start.year:
                raise ValueError(f"year {self.year} is not the year of start ({self.start})")
            if self.count != 1:
                raise ValueError("dates describe one session: a dated activity has count 1")
        return self

    @field_validator("pages", "words", "documents", "days", "meetings", "sessions", "participants",
                     "dsa_days", "trips", "work_months", "copies", "items", "weeks", "posts")
    @classmethod
    def _positive(cls, value: Range | None, info: ValidationInfo) -> Range | None:
        return None if value is None else check_quantity(value, info.field_name or "")

    @model_validator(mode="after")
    def _travel_object(self) -> "Activity":
        """Travel of experts or members falls under their object of expenditure unless ``object:`` says."""
        if self.travellers is not None and self.object is None:
            from pbi.model.vocabulary import travellers_object

            object.__setattr__(self, "object", travellers_object(self.travellers))
        return self

    @field_validator("travellers")
    @classmethod
    def _travellers(cls, value: str | None) -> str | None:
        from pbi.model.vocabulary import travellers

        if value is not None and value not in travellers():
            raise ValueError(f"unknown travellers {value!r} (expected one of {', '.join(travellers())})")
        return value

    @field_validator("assumed")
    @classmethod
    def _assumed(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        known = (*QUANTITY_UNITS, "location", "grade", "year")
        for name in value:
            if name not in known:
                raise ValueError(f"unknown quantity {name!r} (expected one of {', '.join(known)})")
        return value

    @field_validator("object")
    @classmethod
    def _object(cls, value: str | None) -> str | None:
        if value is not None:
            from pbi.model.vocabulary import objects_of_expenditure

            keys = [o.key for o in objects_of_expenditure()]
            if value not in keys:
                raise ValueError(f"unknown object of expenditure {value!r} (expected one of {', '.join(keys)})")
        return value

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: int | tuple[str, ...] | None) -> int | tuple[str, ...] | None:
        return None if value is None else check_languages(value)

    @field_validator("section")
    @classmethod
    def _section(cls, value: str | None) -> str | None:
        keys, accepted = section_keys()
        if value is not None and value not in accepted:
            raise ValueError(f"unknown budget section {value!r} (expected one of {', '.join(keys)})")
        return value

    @field_validator("grade", mode="before")
    @classmethod
    def _grade_spelling(cls, value: Any) -> Any:
        return grade_of(value) if isinstance(value, str) else value

    @field_validator("location", mode="before")
    @classmethod
    def _place_spelling(cls, value: Any) -> Any:
        return place_of(value) if isinstance(value, str) else value

    @field_validator("grade")
    @classmethod
    def _grade(cls, value: str | None) -> str | None:
        if value is not None and value not in GRADES:
            raise ValueError(f"unknown grade {value!r} (expected one of {', '.join(GRADES)})")
        return value

    @field_validator("funding")
    @classmethod
    def _funding(cls, value: str) -> str:
        return known_funding(value)

    @model_validator(mode="after")
    def _continuing(self) -> "Activity":
        if self.continuing is not None and self.kind != "new_post":
            raise ValueError("only a new_post is continuing (its years after the first, at full cost)")
        return self

    @model_validator(mode="after")
    def _lump_sum(self) -> "Activity":
        if (self.kind == "lump_sum") != (self.amount is not None):
            raise ValueError("a lump_sum activity needs an amount, and only a lump_sum may have one")
        if self.amount is not None:
            check_amount(self.amount, self.of or self.kind)
        elif self.of is not None:
            raise ValueError("only a lump_sum says what its amount is of")
        return self

    @property
    def language_count(self) -> int | None:
        return len(self.languages) if isinstance(self.languages, tuple) else self.languages

    def quantity(self, name: str) -> Range | None:
        """The activity's value for a quantity name of the cost table (see QUANTITY_UNITS)."""
        if name == "languages":
            n = self.language_count
            return None if n is None else Range.of(n)
        if name == "trip_days":
            if self.trips is None or self.dsa_days is None:
                return None
            return Range(low=self.trips.low * self.dsa_days.low, high=self.trips.high * self.dsa_days.high)
        if name == "participant_days":
            days = self.dsa_days or self.days
            if self.participants is None or days is None:
                return None
            return Range(low=self.participants.low * days.low, high=self.participants.high * days.high)
        value: Range | None = getattr(self, name)
        return value


class Provision(BaseModel):
    """An allocation of the spec's entitlements file that a request refers to without drawing on it:
    the note recalls it (the Conference's meetings a biennium, the working groups' background
    documents). Its numbers are in the entitlements file, never here."""

    model_config = _FROZEN

    body: str = Field(description="a body of the spec's entitlements file, e.g. cop-untoc")
    quantity: Literal["meetings", "pages", "documents"] = Field(default="meetings", description="what the "
                                                                "allocation counts that the note recalls")
    year: int | None = Field(default=None, ge=FIRST_YEAR, le=2100, description="the year the request falls in "
                             "(default: the first year of the spec's budget period)")
    basis: Literal["partial_need", "capacity"] | None = Field(
        default=None, description="documentation: why the request is met from existing capacity — only part "
                                  "of the provision is needed in the year, or the documents keep to the page "
                                  "limits and the capacity of conference services")


class Request(BaseModel):
    """What the draft asks for under one or more operative paragraphs, and what it needs."""

    model_config = _FROZEN

    id: Annotated[str, BeforeValidator(_visible_id)] = Field(description="the note's sub-item letter: a, b, c …")
    operative_paragraphs: tuple[Numbered, ...] = Field(default=(), description="e.g. ['6'] or ['1(b)']")
    text: Text | None = Field(default=None, description="what the body would do (paragraph 2 of the note)")
    items: tuple[Text, ...] = Field(default=(), description="sub-items ㈠, ㈡ … of the request text")
    item_labels: Literal["roman", "letters"] = Field(default="roman", description="how the draft labels the "
                                                     "sub-items: (i), (ii) … / ㈠, ㈡ … or (a), (b) …")
    activities: tuple[Activity, ...] = ()
    subject: Text | None = Field(default=None, description="what is asked, as the cost paragraph recalls it")
    subject_by_rule: bool = Field(default=False, description="the cost paragraph recalls the request in the "
                                  "note's own words, generated from its activities (a report to a session) "
                                  "instead of a subject text")
    conditional: bool = Field(default=False, description="subject to the availability of "
                                                         "extrabudgetary resources")
    funding: str | None = Field(default=None, description="a request without costed activities "
                                                          "met from this source (e.g. voluntary)")
    no_cost: bool = Field(default=False, description="the note states that it has no budget implications")
    provisions: tuple[Provision, ...] = Field(default=(), description="allocations of the spec's entitlements "
                                              "file the note recalls for this request without drawing on them")

    @field_validator("funding")
    @classmethod
    def _request_funding(cls, value: str | None) -> str | None:
        return None if value is None else known_funding(value)


class Figure(BaseModel):
    """A figure printed in the published note, and what makes it."""

    model_config = _FROZEN

    id: str = Field(pattern=r"^[A-Z][A-Za-z0-9.-]{1,40}$",
                    description="F01 …, or a corpus item id such as TR-0099.1")
    paragraph: Numbered = Field(description="the note's paragraph, e.g. '4' or '3(a)'")
    amount: Quantity = Field(description="as printed (a range as low/high)")
    source: str | None = Field(default=None, description="where the figure is printed: document symbol, "
                                                         "corpus case and item")
    activities: tuple[str, ...] = Field(default=(), description="ids of the activities it prices")
    sum_of: tuple[str, ...] = Field(default=(), description="for a stated total: the figures it adds up")
    same_as: str | None = Field(default=None, description="a figure, in this spec or another of the "
                                                        "same folder, for the same item")
    remark: str | None = None

    @field_validator("amount")
    @classmethod
    def _not_negative(cls, value: Range) -> Range:
        if value.low < 0:
            raise ValueError(f"must not be negative (got {value.low}): a published figure is the amount "
                             "the statement prints")
        return value

    @model_validator(mode="after")
    def _one_source(self) -> "Figure":
        if bool(self.activities) == bool(self.sum_of):
            raise ValueError("a figure names either activities or sum_of, not both or neither")
        return self


class AgendaItem(BaseModel):
    """An agenda item the draft is considered under (the statement's heading names it)."""

    model_config = _FROZEN

    number: str = Field(description="e.g. '103' or '14 (c)'")
    title: Text


class Spec(BaseModel):
    """A draft resolution or decision, the requests it makes and the published figures."""

    model_config = _FROZEN

    # a symbol is printed at the head of every output, in file names and in exports: one line, no
    # invisible character (``symbol: |`` keeps a line break)
    symbol: Annotated[str, BeforeValidator(_visible_id)] = Field(description="e.g. CTOC/COP/2010/L.3/Rev.2")
    document: Annotated[str | None, BeforeValidator(_visible_id)] = Field(
        default=None, description="the report the note is printed in")
    annex: int | None = Field(default=None, ge=1, le=99)
    adopted_as: str | None = Field(default=None, description="e.g. resolution 5/4")
    draft_kind: Literal["resolution", "decision"] = "resolution"
    revised: bool = False
    title: Text
    body: str = Field(description="the body the draft is for: general-assembly, ecosoc, ccpcj, cop-untoc (bodies of model/vocabulary.yaml)")
    rule: Numbered = Field(default="", description="the rule of procedure the note is made under, e.g. '75' "
                                               "(default: the body's, model/vocabulary.yaml)")
    budget_period: str = Field(pattern=r"^\d{4}(-\d{4})?$", description="2010-2011, or 2020")
    table: str = Field(description="id of the cost table in cost_tables/ (an id, never a path: a spec "
                                   "cannot pull in files from elsewhere)")
    entitlements: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.ya?ml$",
                                     description="entitlements file (pbi.model.entitlements): a file name in "
                                                 "the spec's own folder, e.g. entitlements.yaml")
    priced_on: dt.date | None = Field(default=None, description="rates are looked up on this date; "
                                                                "default: 1 January of each activity's year")
    operative_paragraphs: tuple[Numbered, ...] = ()
    requests: tuple[Request, ...] = ()
    published: tuple[Figure, ...] = ()
    extra: dict[str, Any] = Field(default_factory=dict, description="free data for note templates")
    session: Text | None = Field(default=None, description="the body's session, as the statement's "
                                 "heading names it: Sixty-sixth session / Substantive session of 2011")
    agenda_items: tuple[AgendaItem, ...] = Field(default=(), description="agenda items the draft is under")
    draft_number: str | None = Field(default=None, description="a draft known by its number in a report "
                                     "(draft resolution I of E/2011/30): I, II …")
    citation: Text | None = Field(default=None, description="how a statement first cites a draft that has no "
                                  "symbol of its own: draft resolution I recommended by … (E/2011/30)")
    dated: dt.date | None = Field(default=None, description="date of the statement: before its budget period "
                                  "begins, that period's budget is the proposed programme budget")
    recommended_to: str | None = Field(default=None, description="the body that would adopt the draft when the "
                                       "spec's body recommends it (a Council draft for the General Assembly): "
                                       "general-assembly")
    programme: Text | None = Field(default=None, description="programme of the strategic framework the "
                                   "requests relate to (statement, relation to the programme of work)")
    subprogramme: Text | None = Field(default=None, description="its subprogramme")
    paragraphs_in: Literal["operative", "annex"] = Field(
        default="operative", description="where the requested paragraphs are: the operative part or "
                                         "the annex of the draft")
    _source: tuple[str, dict[str, int]] = PrivateAttr()  # set by load_spec (no default: nothing to copy per spec)

    @model_validator(mode="before")
    @classmethod
    def _not_too_many(cls, data: Any) -> Any:
        """More activities than any draft asks for are refused before they are validated one by one."""
        requests = data.get("requests") if isinstance(data, dict) else None
        count = 0
        for ri, request in enumerate(requests if isinstance(requests, list) else ()):
            activities = request.get("activities") if isinstance(request, dict) else None
            count += len(activities) if isinstance(activities, list) else 0
            if count > MAX_ACTIVITIES:
                raise at(f"requests[{ri}].activities", f"more than {MAX_ACTIVITIES:,} activities in one spec "
                         "(a draft's spec lists a few dozen at most)")
        return data

    @model_validator(mode="before")
    @classmethod
    def _body_rule(cls, data: Any) -> Any:
        """A spec that names no rule is made under its body's (rule 153 for the General Assembly)."""
        if isinstance(data, dict) and not data.get("rule") and isinstance(data.get("body"), str):
            from pbi.model.vocabulary import bodies, body

            if data["body"] in bodies():
                return {**data, "rule": body(data["body"]).rule}
        return data

    @field_validator("budget_period", mode="before")
    @classmethod
    def _budget_period_as_text(cls, value: Any) -> Any:
        """``budget_period: 2025`` unquoted is the period 2025 (YAML reads it as a number)."""
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("budget_period")
    @classmethod
    def _budget_period(cls, value: str) -> str:
        try:
            parse_period(value)
        except SpecError as err:
            raise ValueError(err.message) from None
        return value

    @field_validator("recommended_to")
    @classmethod
    def _recommended_to(cls, value: str | None) -> str | None:
        if value is not None:
            from pbi.model.vocabulary import bodies

            if value not in bodies():
                raise ValueError(f"unknown body {value!r} (expected one of {', '.join(bodies())})")
        return value

    @field_validator("table")
    @classmethod
    def _table_id(cls, value: str) -> str:
        if not TABLE_ID.fullmatch(value):
            raise ValueError(f"{value!r} is not a table id (an id from cost_tables/, such as "
                             "unodc-vienna-2010; a path belongs in --table)")
        return value

    @model_validator(mode="after")
    def _references(self) -> "Spec":
        seen: set[str] = set()
        request_ids: set[str] = set()
        for ri, request in enumerate(self.requests):
            if request.id in request_ids:
                raise at(f"requests[{ri}].id", f"request id {request.id!r} is used twice")
            request_ids.add(request.id)
            for ai, activity in enumerate(request.activities):
                if activity.id in seen:
                    raise at(f"requests[{ri}].activities[{ai}].id", f"activity id {activity.id!r} is used twice")
                seen.add(activity.id)
        figures: set[str] = set()
        for fi, figure in enumerate(self.published):
            if figure.id in figures:
                raise at(f"published[{fi}].id", f"figure id {figure.id!r} is used twice")
            figures.add(figure.id)
        kinds = {a.id: (a.of or a.kind) for _, a in self.activities()}
        sums = {f.id for f in self.published if f.sum_of}
        claimed: dict[str, str] = {}
        for fi, figure in enumerate(self.published):
            for ref in figure.activities:
                if ref not in seen:
                    raise at(f"published[{fi}].activities", f"figure {figure.id} names unknown activity {ref!r}")
                if ref in claimed:
                    raise at(f"published[{fi}].activities",
                             f"activity {ref!r} is in figures {claimed[ref]} and {figure.id}")
                claimed[ref] = figure.id
            if figure.activities:
                limit = sum(MAX_AMOUNT.get(kinds[ref], MAX_AMOUNT["lump_sum"]) for ref in figure.activities)
                if figure.amount.high > limit:
                    raise at(f"published[{fi}].amount", f"{figure.amount.high:,} is implausibly large for "
                             f"{', '.join(sorted({kinds[r] for r in figure.activities}))} (at most {limit:,})")
            for ref in figure.sum_of:
                if ref not in figures:
                    raise at(f"published[{fi}].sum_of", f"figure {figure.id} names unknown figure {ref!r}")
                if ref in sums:
                    raise at(f"published[{fi}].sum_of",
                             f"figure {figure.id} adds up {ref}, itself a sum: name its parts")
        return self

    def __eq__(self, other: object) -> bool:  # by content: where a spec was loaded from does not count
        return type(other) is type(self) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def activities(self) -> list[tuple[Request, Activity]]:
        return [(r, a) for r in self.requests for a in r.activities]

    def figure(self, figure_id: str) -> Figure:
        for f in self.published:
            if f.id == figure_id:
                return f
        raise SpecError(f"no published figure {figure_id!r} in {self.symbol} "
                        f"(has: {', '.join(f.id for f in self.published) or 'none'})")

    @property
    def period(self) -> BudgetPeriod:
        """The budget period the note is made for."""
        return parse_period(self.budget_period)

    @property
    def years(self) -> tuple[int, ...]:
        start, _, end = self.budget_period.partition("-")
        return tuple(range(int(start), int(end or start) + 1))


def dump_spec(spec: Spec) -> str:
    """The spec as YAML that :func:`load_spec` reads back to an equal spec."""
    import yaml

    data = spec.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data.setdefault("title", {})
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def load_spec(path: Path | str) -> Spec:
    """Load and validate a spec; SpecError names the file, line and field of the first problem."""
    expect_path(path, where="load_spec")
    loaded = load_yaml(path)
    spec = validate(Spec, loaded, SpecError)
    spec._source = (loaded.file, loaded.lines)
    return spec


def source_of(spec: Spec) -> tuple[str, dict[str, int]]:
    """The file and line map a spec was loaded from (empty for a spec built in Python)."""
    try:
        return spec._source
    except AttributeError:  # built in Python, not read from a file
        return "<spec>", {}
