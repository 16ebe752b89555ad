"""Entitlements: the meetings and documentation a body is allotted per budget period, what it
has used, and what a request can absorb.

An entitlements file is body data, not cost data: it lives with the notes that rely on it
(``notes/<session>/entitlements.yaml``), because what has been *used* is a snapshot at the date of
the session (``as_of``). A spec names it with ``entitlements:``; an activity draws on one body's
allocation with ``entitlement: {body: …}``, and the engine splits it into the part the allocation
covers (priced for information, not additional) and the additional part, funded as the activity
says::

    available = entitled − used + transferred in − transferred out
    covered   = min(requested, available)       additional = requested − covered
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from pbi.model.errors import SpecError
from pbi.model.money import to_decimal
from pbi.model.periods import BudgetPeriod, parse_period, period_of
from pbi.model.specs import Text
from pbi.model.validation import expect_path, validate
from pbi.model.yamlio import load_yaml

__all__ = ["Usage", "Transfer", "Allocation", "Body", "Entitlements", "Balance", "EntitlementUse",
           "Recall", "load_entitlements", "ENTITLED_QUANTITIES"]

_FROZEN = ConfigDict(frozen=True, extra="forbid")

#: what an allocation may count, and the unit each is counted in
ENTITLED_QUANTITIES = {"meetings": "meeting", "pages": "page", "documents": "document"}
Entitled = Literal["meetings", "pages", "documents"]


def _non_negative(value: object) -> Decimal | None:
    if value is None:
        return None
    d = to_decimal(value)
    if d < 0:
        raise ValueError(f"must not be negative (got {d})")
    return d


class _Counts(BaseModel):
    """Meetings, pages or documents: what usages and transfers count, never negative."""

    model_config = _FROZEN

    meetings: Decimal | None = None
    pages: Decimal | None = None
    documents: Decimal | None = None

    @field_validator("meetings", "pages", "documents", mode="before")
    @classmethod
    def _nn(cls, value: object) -> Decimal | None:
        return _non_negative(value)


class Usage(_Counts):
    """Meetings or pages of an allocation already used (or committed)."""

    label: Text = Field(description="what used them, in the note's languages, e.g. {en: the present session}")
    reference: str | None = None


class Transfer(_Counts):
    """Meetings or pages moved into this allocation from another body's."""

    from_: str = Field(alias="from", description="the body whose allocation gives them (an id in "
                                                 "this file, or a name)")
    name: Text | None = Field(default=None, description="the giving body's name, when it is not in this file")
    label: Text | None = None
    reference: str | None = None


class Allocation(BaseModel):
    """One body's entitlement for one budget period."""

    model_config = _FROZEN

    meetings: Decimal | None = Field(default=None, description="meetings (3-hour slots) in the period")
    pages: Decimal | None = Field(default=None, description="pages of documentation in the period")
    documents: Decimal | None = Field(default=None, description="documents (e.g. background documents) "
                                                                "provided for in the period")
    languages: int | None = Field(default=None, ge=1, le=6, description="interpretation/translation languages")
    resolution: str | None = Field(default=None, description="the resolution that approved it, e.g. 64/244")
    section: str | None = Field(default=None, description="the budget part/section that services it, e.g. 'Part 2'")
    substantive_section: str | None = Field(default=None, description="e.g. 'Section 16'")
    reference: str = Field(description="the budget document that allots it")
    citation: Text | None = Field(default=None, description="the budget document and paragraph as a note "
                                                             "cites it, e.g. {en: \"A/64/6 (Sect. 16), para. 16.55\"}")
    used: tuple[Usage, ...] = ()
    transfers: tuple[Transfer, ...] = ()

    @field_validator("meetings", "pages", "documents", mode="before")
    @classmethod
    def _nn(cls, value: object) -> Decimal | None:
        return _non_negative(value)

    def entitled(self, quantity: str) -> Decimal | None:
        value: Decimal | None = getattr(self, quantity)
        return value


class Body(BaseModel):
    """A body and its allocations, by budget period (``2010-2011``, ``2020`` …)."""

    model_config = _FROZEN

    name: Text
    short: Text | None = Field(default=None, description="the short name a note uses: the Conference, the "
                                                         "working groups")
    oversight: Text | None = Field(default=None, description="who keeps the body's meetings within its "
                                                             "allocation, e.g. {en: the Bureau of the Conference}")
    periods: dict[str, Allocation]

    @field_validator("periods", mode="before")
    @classmethod
    def _keys(cls, value: object) -> object:
        return {str(k): v for k, v in value.items()} if isinstance(value, dict) else value

    @field_validator("periods")
    @classmethod
    def _periods(cls, value: dict[str, Allocation]) -> dict[str, Allocation]:
        for label in value:
            try:
                parse_period(label)
            except SpecError as err:
                raise ValueError(err.message) from None
        return value


class Entitlements(BaseModel):
    """The entitlements of the bodies a folder of notes draws on, as of a date."""

    model_config = _FROZEN

    as_of: dt.date = Field(description="usage is as reported on this date")
    reference: str | None = None
    bodies: dict[str, Body]
    _file: str = PrivateAttr(default="<entitlements>")

    @property
    def file(self) -> str:
        """The file the entitlements were loaded from."""
        return self._file

    @model_validator(mode="after")
    def _transfers(self) -> "Entitlements":
        for body_id, body in self.bodies.items():
            for label, alloc in body.periods.items():
                for t in alloc.transfers:
                    if t.from_ == body_id:
                        raise ValueError(f"bodies.{body_id}.periods.{label}: a body cannot transfer to itself")
        return self

    def body(self, body_id: str) -> Body:
        try:
            return self.bodies[body_id]
        except KeyError:
            raise SpecError(f"no body {body_id!r} in {self.file} (has: {', '.join(sorted(self.bodies)) or 'none'})") from None

    def balance(self, body_id: str, year: int, quantity: str = "meetings") -> "Balance":
        """What is left of ``body_id``'s allocation of ``quantity`` for the budget period of ``year``
        (never below zero: an allocation used beyond its size has nothing left)."""
        period = period_of(year)
        body = self.body(body_id)
        alloc = body.periods.get(period.label)
        if alloc is None:
            raise SpecError(f"body {body_id!r} has no allocation for the budget period {period.label} "
                            f"(has: {', '.join(body.periods) or 'none'}) in {self.file}")
        entitled = alloc.entitled(quantity)
        if entitled is None:
            raise SpecError(f"the {period.label} allocation of {body_id!r} counts no {quantity} "
                            f"(in {self.file})")
        used = sum((_amount(u, quantity) for u in alloc.used), Decimal(0))
        t_in = sum((_amount(t, quantity) for t in alloc.transfers), Decimal(0))
        t_out = Decimal(0)
        for other_id, other in self.bodies.items():
            other_alloc = other.periods.get(period.label)
            if other_id != body_id and other_alloc:
                t_out += sum((_amount(t, quantity) for t in other_alloc.transfers if t.from_ == body_id),
                             Decimal(0))
        available = max(entitled - used + t_in - t_out, Decimal(0))
        refs = [alloc.reference, *(u.reference for u in alloc.used if u.reference),
                *(t.reference for t in alloc.transfers if t.reference)]
        given = [t for t in alloc.transfers if getattr(t, quantity)]
        return Balance(body=body_id, name=body.name, period=period, quantity=quantity, entitled=entitled,
                       used=used, transferred_in=t_in, transferred_out=t_out, available=available,
                       section=alloc.section, substantive_section=alloc.substantive_section,
                       resolution=alloc.resolution, languages=alloc.languages,
                       sources=tuple(t.from_ for t in given),
                       source_names=tuple(t.name or (self.bodies[t.from_].name if t.from_ in self.bodies
                                                     else Text(en=t.from_)) for t in given),
                       used_by=tuple(u.label for u in alloc.used if _amount(u, quantity)),
                       references=tuple(dict.fromkeys(refs)), as_of=self.as_of, citation=alloc.citation,
                       short=body.short, oversight=body.oversight)


def _amount(entry: Usage | Transfer, quantity: str) -> Decimal:
    value: Decimal | None = getattr(entry, quantity)
    return value if value is not None else Decimal(0)


@dataclass(frozen=True, slots=True)
class Balance:
    """An allocation's arithmetic: entitled − used + transferred in − transferred out = available."""

    body: str
    name: Text
    period: BudgetPeriod
    quantity: str
    entitled: Decimal
    used: Decimal
    transferred_in: Decimal
    transferred_out: Decimal
    available: Decimal
    section: str | None
    substantive_section: str | None
    resolution: str | None
    languages: int | None
    sources: tuple[str, ...]
    source_names: tuple[Text, ...]
    used_by: tuple[Text, ...]
    references: tuple[str, ...]
    as_of: dt.date
    citation: Text | None = None
    short: Text | None = None
    oversight: Text | None = None

    @property
    def substantive_sections(self) -> tuple[str, ...]:
        """The budget sections a note names for the allocation: substantive first, then servicing."""
        return tuple(s for s in (self.substantive_section, self.section) if s)


@dataclass(frozen=True, slots=True)
class Recall:
    """An allocation a request refers to without drawing on it (``Request.provisions``): the
    Conference's 20 meetings a biennium, the working groups' background documents. The note recalls
    the balance; nothing is covered or additional."""

    request: str
    index: int
    balance: Balance
    year: int | None
    basis: str | None

    @property
    def kind(self) -> str:
        """``meetings`` or ``documentation`` (pages and documents): the paragraph a note writes."""
        return "meetings" if self.balance.quantity == "meetings" else "documentation"

    def to_dict(self) -> dict[str, object]:
        b = self.balance
        return {"request": self.request, "body": b.body, "period": b.period.label, "quantity": b.quantity,
                "entitled": str(b.entitled), "used": str(b.used), "available": str(b.available),
                "year": self.year, "basis": self.basis, "references": list(b.references)}


@dataclass(frozen=True, slots=True)
class EntitlementUse:
    """How one activity's request was met: what the allocation covers and what is additional.

    ``available`` is what was left before this request (earlier activities of the same spec that
    draw on the same allocation come first); ``remaining`` is what is left after it.
    """

    request: str
    activity: str
    year: int
    balance: Balance
    available: Decimal
    requested: Decimal
    covered: Decimal
    additional: Decimal
    up_to_available: bool
    as_available: bool
    section: str | None
    funding: str | None

    @property
    def remaining(self) -> Decimal:
        return self.available - self.covered

    @property
    def unit(self) -> str:
        return ENTITLED_QUANTITIES[self.balance.quantity]

    def to_dict(self) -> dict[str, object]:
        b = self.balance
        return {"request": self.request, "activity": self.activity, "body": b.body, "period": b.period.label,
                "year": self.year, "quantity": b.quantity, "entitled": str(b.entitled), "used": str(b.used),
                "transferred_in": str(b.transferred_in), "transferred_out": str(b.transferred_out),
                "available": str(self.available), "requested": str(self.requested),
                "covered": str(self.covered), "additional": str(self.additional),
                "remaining": str(self.remaining), "as_available": self.as_available,
                "up_to_available": self.up_to_available, "section": self.section,
                "funding": self.funding, "transferred_from": list(b.sources),
                "resolution": b.resolution, "substantive_section": b.substantive_section,
                "name": b.name.model_dump(exclude_none=True),
                "used_by": [t.model_dump(exclude_none=True) for t in b.used_by],
                "transferred_from_names": [t.model_dump(exclude_none=True) for t in b.source_names],
                "references": list(b.references)}


def load_entitlements(path: Path | str) -> Entitlements:
    """Load and validate an entitlements file; SpecError names the file, line and field."""
    expect_path(path, where="load_entitlements")
    loaded = load_yaml(path)
    ent = validate(Entitlements, loaded, SpecError)
    ent._file = loaded.file
    return ent
