"""The rates check of ``pbi check``: each claim's amount against what a cost table says it costs.

A claim's quantities are turned into activities of the table's kinds and priced by the costing
engine (:func:`pbi.costing.engine.cost` on a small in-memory :class:`~pbi.model.specs.Spec`), with the table's
surcharges for the claim's funding source and its rounding rule:

=============================================  =================================================
quantities stated beside the amount             activity kind (the first the table defines)
=============================================  =================================================
``work_months`` and ``grade``                   ``staff``
``grade`` of a new post ("one new P-4 post")    ``new_post`` (first-year cost)
``days``/``meetings`` with interpretation       ``meeting_during_session`` when held during a
                                                session, else ``meeting``
``meetings`` beyond an entitlement              ``meeting_full_cost``, else ``meeting``
``participants`` and ``days``                   ``workshop`` (workshops), ``network_meeting``
                                                (network / focal-point meetings), else
                                                ``expert_meeting``
``pages`` (with ``languages``)                  ``tool_translation`` (translation, distribution
                                                and copies), ``publication_additional_languages``
                                                (the other languages), ``publication``
                                                (translation or printing), else ``documentation``
=============================================  =================================================

Documents stated "per meeting" are counted once per meeting; a claim may hold several activities
(a meeting and its documents).  A claim without enough quantities (a lump sum, a total, an amount
without pages or days) is skipped and counted.

Severity of a deviation (the larger of the two ends for a range), in per cent of the expected
amount: ``info`` up to :data:`INFO_MAX` (1 %), ``warning`` up to :data:`WARNING_MAX` (10 %),
``error`` above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from pbi.costing.engine import cost
from pbi.model.errors import PbiError
from pbi.model.money import format_range, format_usd
from pbi.model.periods import period_of
from pbi.model.specs import GRADES, Activity, Figure, Range, Request, Spec, Text
from pbi.model.tables import FUNDING_SOURCES, Table
from pbi.model.vocabulary import funding_keys

from .checks import Finding, where
from .choose import note_station
from .lexicon import year_in_symbol, year_of_session
from .quantities import COUNTABLE, MEETING_SERVICES
from .reader import Claim, Note

__all__ = ["RateCheck", "RatesResult", "claim_activities", "price_claim", "check_rates",
           "severity_of", "INFO_MAX", "WARNING_MAX"]

#: a deviation up to this many per cent is ``info``
INFO_MAX = Decimal(1)
#: a deviation up to this many per cent is ``warning``; above, ``error``
WARNING_MAX = Decimal(10)

_DURING_SESSION = re.compile(r"(?:届会|会议)期间|\bduring\s+(?:the\s+)?(?:\w+\s+){0,3}session\b", re.I)
_NETWORK = re.compile(r"网络|联络人|network|focal[\s-]+point", re.I)


@dataclass(frozen=True)
class RateCheck:
    """One claim priced with a table: expected amount, deviation, or why it was skipped."""

    claim: Claim
    symbol: str | None
    kinds: tuple[str, ...] = ()
    expected: Range | None = None
    skipped: str | None = None

    @property
    def deviation(self) -> tuple[Decimal, Decimal | None]:
        """Claimed − expected in USD and in per cent of expected, at the end that deviates most."""
        assert self.expected is not None and self.claim.low is not None and self.claim.high is not None
        exp = self.expected
        if self.claim.is_range and exp.low == exp.high and self.claim.low <= exp.low <= self.claim.high:
            return Decimal(0), Decimal(0)  # "between $38,000 and $45,000": a bracket holding the amount
        ends = []
        for usd, base in ((self.claim.low - self.expected.low, self.expected.low),
                          (self.claim.high - self.expected.high, self.expected.high)):
            pct = usd / base * 100 if base else None
            ends.append((usd, pct))
        return max(ends, key=lambda e: (Decimal("Infinity") if e[1] is None and e[0] else abs(e[1] or 0),
                                        abs(e[0])))


@dataclass(frozen=True)
class RatesResult:
    """Findings of the rates check, and every claim priced or skipped."""

    table: str
    findings: list[Finding]
    checks: list[RateCheck] = field(default_factory=list)

    @property
    def priced(self) -> list[RateCheck]:
        return [c for c in self.checks if c.expected is not None]

    @property
    def skipped(self) -> list[RateCheck]:
        return [c for c in self.checks if c.expected is None]

    def summary(self) -> str:
        reasons: dict[str, int] = {}
        for c in self.skipped:
            reasons[c.skipped or "?"] = reasons.get(c.skipped or "?", 0) + 1
        why = "; ".join(f"{n} {r}" for r, n in sorted(reasons.items(), key=lambda x: -x[1]))
        return (f"rates ({self.table}): {len(self.priced)} claims priced, {len(self.skipped)} skipped"
                + (f" ({why})" if why else ""))


def severity_of(pct: Decimal | None) -> str:
    """``info`` ≤ 1 %, ``warning`` ≤ 10 %, ``error`` above (an expected amount of 0 is an error)."""
    if pct is None:
        return "error"
    if abs(pct) <= INFO_MAX:
        return "info"
    return "warning" if abs(pct) <= WARNING_MAX else "error"


def _range(v: Any) -> dict[str, int] | int:
    return {"low": v[0], "high": v[1]} if isinstance(v, tuple) else v


def _pick(table: Table, *names: str) -> str | None:
    return next((n for n in names if n in table.activities), None)


def claim_activities(claim: Claim, table: Table, station: str | None = None) -> list[dict[str, Any]] | str:
    """The activities (as spec dicts, without year and funding) a claim's quantities describe,
    or the reason why there are none; ``station`` is the note's duty station, where an item
    that names none is priced (when the table has rates for it)."""
    known = station if station and station in table.stations else None
    acts = _activities(claim, table, known)
    if isinstance(acts, str) or known is None:
        return acts
    return [a if a.get("location") else {**a, "location": known} for a in acts]


def _activities(claim: Claim, table: Table, station: str | None) -> list[dict[str, Any]] | str:
    q = claim.quantities
    if claim.low is None:
        return "no amount"
    if q.get("is_total"):
        return "stated totals (checked by arithmetic)"
    if q.get("reduction"):
        return "a reduction of an earlier estimate, not a cost"
    if q.get("restated"):
        return "an amount stated above, said again"
    out: list[dict[str, Any]] = []
    langs = q.get("languages")
    place = {"location": q["location"]} if q.get("location") else {}  # the duty station stated

    def own_place(key: str) -> dict[str, Any]:
        """An item's own duty station (in its clause), else the one the claim states."""
        return {"location": q[key]} if q.get(key) else ({} if key in q else place)
    # staff: new posts at first-year cost (the table's vacancy factor), temporary assistance by the month
    full_cost = {"continuing": True} if q.get("continuing") else {}  # a year after the first: no vacancy factor
    if q.get("new_posts_all") and _pick(table, "new_post"):
        for p in q["new_posts_all"]:
            if p["grade"] in GRADES:
                out.append({"kind": "new_post", "grade": p["grade"], "posts": p["count"], **place, **full_cost})
    elif q.get("new_posts") and q.get("grade") in GRADES and _pick(table, "new_post"):
        out.append({"kind": "new_post", "grade": q["grade"], "posts": q["new_posts"], **place, **full_cost,
                    **({"work_months": q["work_months"]} if q.get("work_months") else {})})
    elif q.get("staff_all") and _pick(table, "staff"):
        for st in q["staff_all"]:
            if st["grade"] in GRADES and st["work_months"]:
                out.append({"kind": "staff", "grade": st["grade"], "work_months": st["work_months"],
                            "count": st["count"] or 1, **place})
    elif q.get("work_months") and q.get("grade"):
        kind = _pick(table, "staff")
        if kind and q["grade"] in GRADES:
            out.append({"kind": kind, "grade": q["grade"], "work_months": q.get("staff_months") or q["work_months"],
                        "count": q.get("staff") or 1, **own_place("staff_location")})
    # trips ("three trips of experts to Geneva with five days of subsistence allowance each")
    travel = _pick(table, "travel") if q.get("trips") else None
    if travel and q.get("trips_all"):  # several trips in one amount, each with its own
        for t in q["trips_all"]:
            out.append({"kind": travel, "trips": t["trips"], "travellers": t["travellers"],
                        **({"location": t["location"]} if t["location"] else {}),
                        **({"dsa_days": t["dsa_days"]} if t["dsa_days"] else {})})
    elif travel:
        out.append({"kind": travel, "trips": q["trips"], "travellers": q["travellers"], **own_place("trips_location"),
                    **({"dsa_days": q["dsa_days"]} if q.get("dsa_days") else {})})
    # subsistence alone, for persons already at the duty station
    # (where: its own clause, the claim's, the one station the note names, or the note's; else it is
    # not priced)
    dsa = q.get("dsa_only")
    where = (dsa.get("location") or q.get("location") or station) if dsa else None
    if dsa and where and not q.get("trips") and _pick(table, "dsa"):
        out.append({"kind": _pick(table, "dsa"), "trips": dsa["persons"], "dsa_days": dsa["days"], "location": where})
    # consultants by the work-month ("two work-months of a consultant"), each of several apart
    if q.get("consultants_all") and _pick(table, "consultant", "consultancy"):
        for c in q["consultants_all"]:
            out.append({"kind": _pick(table, "consultant", "consultancy"), "work_months": c["work_months"],
                        "count": c["count"], **({"location": c["location"]} if c["location"] else place)})
    elif q.get("consultant_months") or (q.get("work_months") and q.get("consultants") and not q.get("grade")):
        kind = _pick(table, "consultant", "consultancy")
        if kind:
            out.append({"kind": kind, "work_months": q.get("consultant_months") or q["work_months"],
                        "count": q.get("consultants") or 1, **own_place("consultant_location")})
    # meetings with interpretation, records, webcasting … (the services the note states)
    days, meetings, weeks = q.get("days"), q.get("meetings"), q.get("weeks")
    # services taken from a list's lead-in price only an item that speaks of meeting services itself
    lead_only = set(q.get("inherited", ())) if not (q.get("conference_services") or q.get("interpretation")) else set()
    services = {k: True for k in MEETING_SERVICES if q.get(k) and k not in lead_only}
    if q.get("interpreted_all") and _pick(table, "meeting"):
        for m in q["interpreted_all"]:
            if m["days"] or m["meetings"]:
                one: dict[str, Any] = {"kind": "meeting", **services, "interpretation": True, "count": m["count"] or 1,
                                       **({"days": m["days"]} if m["days"] else {"meetings": m["meetings"]})}
                if m["languages"]:
                    one["languages"] = m["languages"]
                if m.get("location"):
                    one["location"] = m["location"]
                out.append(one)
    elif (q.get("interpretation") is True or services) and (days or meetings or weeks):
        during = bool(_DURING_SESSION.search(claim.text))
        kind = _pick(table, *(("meeting_during_session",) if during else ()), "meeting")
        if kind:
            act: dict[str, Any] = {"kind": kind, **services, **place}
            if q.get("interpretation") is True:
                act["interpretation"] = True
            if days:
                act["days"] = days
                if meetings and meetings > 1:
                    act["count"] = meetings
            elif weeks and (not meetings or meetings == 1):
                act["weeks"] = weeks  # "one week of meetings", "专家组会议为期一周" (one gathering of a week)
            else:
                act["meetings"] = meetings
            if q.get("interpretation_languages") or langs:
                act["languages"] = q.get("interpretation_languages") or langs
            out.append(act)
    elif meetings and q.get("entitlement_meetings") and not q.get("participants") and not days:
        kind = _pick(table, "meeting_full_cost")
        if kind:
            out.append({"kind": kind, "meetings": meetings, **({"languages": langs} if langs else {})})
    # meetings of participants
    if q.get("gatherings"):
        for g in q["gatherings"]:
            if g["workshop"] if "workshop" in g else re.search(r"讲习班|研讨会|培训班|workshop|seminar", g["kind"], re.I):
                kind = _pick(table, "workshop", "expert_meeting")
            elif _NETWORK.search(g["kind"]):
                kind = _pick(table, "network_meeting", "expert_meeting")
            else:
                kind = _pick(table, "expert_meeting", "workshop")
            if kind and g["days"] and g["participants"]:
                out.append({"kind": kind, "participants": g["participants"], "days": g["days"],
                            "count": g["count"] or 1})
    elif q.get("participants") and days and q.get("interpretation") is not True:
        events = " ".join(e.get("kind", "") for e in q.get("events", []))
        if q.get("workshops"):
            kind, count = _pick(table, "workshop", "expert_meeting"), q["workshops"]
        elif _NETWORK.search(events):
            kind, count = _pick(table, "network_meeting", "expert_meeting"), meetings or 1
        else:
            kind, count = _pick(table, "expert_meeting", "workshop"), meetings or 1
        if kind:
            out.append({"kind": kind, "participants": q["participants"], "days": days, "count": count})
    # documents and publications
    pages = q.get("pages")
    if pages:
        if q.get("translation") and q.get("distribution"):
            kind = _pick(table, "tool_translation", "publication", "documentation")
        elif q.get("other_languages"):
            kind = _pick(table, "publication_additional_languages", "publication", "documentation")
        elif q.get("translation") or q.get("printing"):
            kind = _pick(table, "publication", "documentation")
        else:
            kind = _pick(table, "documentation", "publication")
        if kind:
            figures = q.get("pages_all") or [pages]
            per_doc = q.get("languages_all") or []
            per_kind = q.get("kinds_all") or []
            for i, p in enumerate(figures):
                own_kind = kind
                if i < len(per_kind) and kind in ("publication", "documentation", "tool_translation"):
                    own_kind = _pick(table, per_kind[i], "publication", "documentation") or kind
                act = {"kind": own_kind, "pages": _range(p)}
                if i == 0 and q.get("pages_location"):
                    act["location"] = q["pages_location"]  # the station the note says it is processed in
                # with several documents, one whose languages are not stated has the default
                # the languages of interpretation are not the documents' languages
                own = (per_doc[i] if i < len(per_doc) else None) if per_doc else (
                    None if q.get("interpretation_languages") else langs)
                if own:
                    act["languages"] = own
                if i == 0 and q.get("per_meeting") and meetings and meetings > 1:
                    act["count"] = meetings
                elif q.get("documents_all") and not q.get("per_meeting"):
                    if q["documents_all"][i] > 1:
                        act["count"] = q["documents_all"][i]
                elif i == 0 and _documents(q) > 1 and not q.get("per_meeting"):
                    act["count"] = _documents(q)
                if q.get("copies") and any("copies" in c.per for c in table.activities[own_kind].components):
                    act["copies"] = q["copies"]
                out.append(act)
    words = q.get("words")
    if words and not pages and not q.get("translation") and not q.get("printing"):
        # a document priced by the word (a publication's translation and printing is not)
        kind = _pick(table, "documentation")
        own_langs = q.get("words_languages") or []
        figures = (q.get("words_all") or [words]) if kind else []
        for i, each in enumerate(figures):
            doc: dict[str, Any] = {"kind": kind, "words": each, **own_place("words_location")}
            own = own_langs[i] if i < len(own_langs) else None
            if own:
                doc["languages"] = own  # the document's own, not the interpretation's
            elif langs and not q.get("interpretation_languages") and not (len(figures) > 1 and any(own_langs)):
                doc["languages"] = langs  # of several, one whose languages are not stated has the default
            per_docs = q.get("words_documents") or []
            if i < len(per_docs) and per_docs[i] > 1:
                doc["count"] = per_docs[i]
            elif len(figures) == 1 and _documents(q) > 1 and not q.get("per_meeting"):
                doc["count"] = _documents(q)  # "two documents of 1,000 words"
            out.append(doc)
    if not out:
        return "without quantities to price (lump sums, or amounts without pages, days or grade)"
    return out


def _documents(q: dict[str, Any]) -> int:
    """How many times the length stated is priced: once per document ("two documents of 1,000
    words"), or once per set when it is their total ("four documents totalling 34,000 words": 1)."""
    sets = q.get("document_sets")
    return int(sets) if isinstance(sets, int) else int(q.get("documents") or 1)


def _year(claim: Claim, symbol: str | None, table: Table) -> int | None:
    """The year a claim is priced in: its own, its biennium's first, the year in the draft's symbol,
    the first year of the budget period the note names, the year the symbol's session gives, or else the first year in which every rate of the table has a value (None if it has none)."""
    if claim.year:
        return claim.year
    bien = claim.quantities.get("biennium")
    if isinstance(bien, str) and bien[:4].isdigit():
        return int(bien[:4])
    found = year_in_symbol(symbol)
    if found:
        return found
    if isinstance(claim.quantities.get("period_year"), int):  # "under the programme budget for 2022"
        return int(claim.quantities["period_year"])
    found = year_of_session(symbol)
    if found:
        return found
    firsts = [min(r.values) for r in table.rates.values() if r.values]
    return max(firsts).year if firsts else None


def price_claim(claim: Claim, table: Table, *, symbol: str | None = None, station: str | None = None) -> RateCheck:
    """Price one claim's quantities with ``table`` through the engine (an item naming no duty station
    at ``station``, the note's)."""
    acts = claim_activities(claim, table, station)
    if isinstance(acts, str):
        return RateCheck(claim, symbol, skipped=acts)
    funding = claim.funding if claim.funding in FUNDING_SOURCES else "regular_budget"
    if funding == "existing_resources":
        # absorbed: no additional requirement, but the figure still states what its items cost
        funding = "regular_budget"
    if funding in funding_keys("covered"):
        return RateCheck(claim, symbol, skipped="within existing resources")
    year = _year(claim, symbol, table)
    if year is None:
        return RateCheck(claim, symbol, skipped="no year to price it in (the note, the draft's symbol and "
                                                "the table state none)")
    amount = {"low": claim.low, "high": claim.high} if claim.is_range else claim.low
    kinds = tuple(a["kind"] for a in acts)
    try:
        try:
            spec = _claim_spec(claim, acts, year, funding, amount, symbol, table)
        except ValueError as err:
            counted = sum(int(a.get("count") or 1) for a in acts)
            if "implausibly large" not in str(err) or counted > 100:
                raise
            # "eight documents of 1,568 pages" read as one activity of eight: the spec bounds a figure
            # by its activities, so each counted item is priced as an activity of its own (same sum)
            spec = _claim_spec(claim, [{**a, "count": 1} for a in acts for _ in range(int(a.get("count") or 1))],
                               year, funding, amount, symbol, table)
        est = cost(spec, table)
    except (PbiError, ValueError) as err:
        why = getattr(err, "message", None) or str(err).splitlines()[0]
        return RateCheck(claim, symbol, kinds=kinds, skipped=f"not priced by the table ({why})")
    return RateCheck(claim, symbol, kinds=kinds, expected=est.figures[0].computed)


def _claim_spec(claim: Claim, acts: list[dict[str, Any]], year: int, funding: str, amount: Any,
                symbol: str | None, table: Table) -> Spec:
    """A spec of one request costing ``acts``, its one figure the claim's amount."""
    activities = [Activity.model_validate({"id": f"a{i}", "year": year, "funding": funding, **a})
                  for i, a in enumerate(acts)]
    return Spec.model_validate({
        "symbol": symbol or f"note {claim.note}", "title": Text(en="claim"), "body": "check",
        "rule": "-", "budget_period": period_of(year).label, "table": table.id if re.match(
            r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", table.id) else "table",
        "requests": [Request(id="a", activities=tuple(activities))],
        "published": [Figure(id="F01", paragraph=claim.paragraph, amount=amount,
                             activities=tuple(a.id for a in activities))]})


def _fmt(v: Decimal) -> str:
    return format_usd(v)


def _amount(low: Decimal, high: Decimal) -> str:
    return format_range(low, high)


def _split_items(claims: Sequence[Claim]) -> list[Claim]:
    """The claims to price: sub-items of one list that take all they count from its lead-in and
    state the same quantities, funding and year are one item split (by budget section, say) and
    priced together, as one claim "3(a), 3(b)" for the sum of their amounts."""
    groups: dict[tuple[Any, ...], list[Claim]] = {}
    order: list[tuple[Any, ...] | Claim] = []
    for c in claims:
        q = c.quantities
        counted = [k for k in COUNTABLE if k in q]
        inherited = set(q.get("inherited", ()))
        if (c.low is None or c.high is None or q.get("is_total") or "(" not in c.paragraph
                or not counted or not set(counted) <= inherited):
            order.append(c)
            continue
        funding = c.funding if c.funding in FUNDING_SOURCES else "regular_budget"
        key = (c.note, c.paragraph.rsplit("(", 1)[0], funding, c.year,
               tuple(sorted((k, repr(v)) for k, v in q.items() if k != "inherited")))
        if key not in groups:
            order.append(key)
        groups.setdefault(key, []).append(c)
    out: list[Claim] = []
    for entry in order:
        if isinstance(entry, Claim):
            out.append(entry)
            continue
        group = groups[entry]
        first = group[0]
        if len(group) == 1:
            out.append(first)
            continue
        low = sum((c.low for c in group if c.low is not None), Decimal(0))
        high = sum((c.high for c in group if c.high is not None), Decimal(0))
        out.append(replace(first, amount=low if low == high else None, low=low, high=high,
                           paragraph=", ".join(c.paragraph for c in group),
                           text=" ".join(c.text for c in group), section=None))
    return out


def check_rates(notes: Sequence[Note], table: Table) -> RatesResult:
    """Price every claim of ``notes`` with ``table``; one finding per claim priced."""
    checks: list[RateCheck] = []
    findings: list[Finding] = []
    for note in notes:
        station = note_station(note)
        for claim in _split_items(note.claims):
            rc = price_claim(claim, table, symbol=note.symbol, station=station)
            checks.append(rc)
            if rc.expected is None:
                continue
            assert claim.low is not None and claim.high is not None
            usd, pct = rc.deviation
            severity = severity_of(pct)
            place = f"{where(claim, note.symbol)} para {claim.paragraph}"
            exp = _amount(rc.expected.low, rc.expected.high)
            got = _amount(claim.low, claim.high)
            if usd == 0:
                holds = "holds" if claim.is_range and rc.expected.low == rc.expected.high else "="
                msg = f"{place}: {got} {holds} {exp} at the rates of {table.id} ({', '.join(rc.kinds)})"
            else:
                pct_text = f"{pct:+.1f} %" if pct is not None else "n/a"
                msg = (f"{place}: {got} against {exp} at the rates of {table.id} "
                       f"({', '.join(rc.kinds)}): {'+' if usd > 0 else '-'}{_fmt(abs(usd))} USD, {pct_text}")
            findings.append(Finding(severity, claim.note, claim.paragraph, msg, [{
                "note": claim.note, "name": claim.note_name or None, "symbol": note.symbol,
                "section": claim.section, "sections": list(claim.sections), "paragraph": claim.paragraph,
                "line": claim.line, "amount": claim.amount, "low": claim.low, "high": claim.high,
                "operative_paragraph": claim.operative_paragraph, "text": claim.text,
                "expected_low": rc.expected.low, "expected_high": rc.expected.high,
                "deviation_usd": usd, "deviation_percent": None if pct is None else pct.quantize(Decimal("0.01")),
                "kinds": list(rc.kinds), "table": table.id}], claim.note_name or None))
    return RatesResult(table.id, findings, checks)
