"""Reading the corpus of published statements (``statements.yaml``) as pbi activities.

Each item of a case becomes either activities that pbi prices from quantities (the shape of the
``un-standard-costs`` contract), a quoted figure (a lump sum, a section share or a total), or an item
left out with the reason a budget officer would give. Used by ``un_standard_costs.py`` (the table),
``ga_statements.py`` (the specs) and ``benchmarks/loo_standard_costs.py`` (leave-one-out errors).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Item", "Case", "load_corpus", "statement_groups", "corpus_path", "STATIONS", "FIRST_TABLE_YEAR", "LAST_TABLE_YEAR"]

#: the duty stations the table has series for
STATIONS = ("New York", "Geneva", "Vienna", "Nairobi")
#: the years un-standard-costs covers; older figures are kept as quoted figures
FIRST_TABLE_YEAR, LAST_TABLE_YEAR = 2010, 2026

#: days of subsistence allowance for a week's session (declared: five meeting days and the weekend)
DSA_DAYS_PER_WEEK = 7

ROOT = Path(__file__).resolve().parents[2]


def corpus_path() -> Path:
    """``$PBI_CORPUS``, else ``../shared/corpus/statements.yaml`` beside the repository."""
    env = os.environ.get("PBI_CORPUS")
    if env:
        return Path(env)
    for base in (ROOT, *ROOT.parents):
        candidate = base / "shared" / "corpus" / "statements.yaml"
        if candidate.exists():
            return candidate
    return ROOT.parent / "shared" / "corpus" / "statements.yaml"


FUNDING = {
    "regular budget (contingency fund)": "contingency_fund",
    "existing resources (absorbed)": "existing_resources",
    "regular budget (additional appropriation)": "regular_budget",
    "regular budget": "regular_budget",
    "regular budget (provision for special political missions)": "regular_budget",
    "extrabudgetary": "extrabudgetary",
    "voluntary": "voluntary",
}

GRADES = {"P-1": "P-1", "P-2": "P-2", "P-3": "P-3", "P-4": "P-4", "P-5": "P-5", "D-1": "D-1", "D-2": "D-2",
          "GS": "GS", "General Service": "GS", "GS (OL)": "GS (Other level)", "GS(OL)": "GS (Other level)",
          "GS (Other level)": "GS (Other level)", "GS/O": "GS (Other level)"}

#: figures that do not hold up as what their quantities price, and why (a budget officer's reading of the
#: statement, its notes in the corpus and the figures of the same years)
DOES_NOT_HOLD = {
    "TR-0073.2": ("translation only of six documents of about 17,000 words: 314,100 is also the statement's whole "
                  "net requirement (TR-0073.4), half a word's cost in 2015-2016 (TR-0099.1, ST-D01.0) and in "
                  "2010 Vienna pages (ST-U02.4): not the full documentation services of six languages"),
    "ST-P03.0": ("the resumed Sixth Committee session's 187,500 covers more than interpretation: the Sixth "
                 "Committee has summary records, and the ACABQ's cut to 176,600 took out webcasting and IT "
                 "(the corpus notes); the figure does not itemise them"),
    "ST-M12.0": ("interpretation at about 13,900 a meeting, twice the New York figures of 2023 and 2025: "
                 "parallel or extended meetings that the quantities do not state (the corpus notes)"),
}

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}

#: meeting services the description of a figure names, as the flags of a meeting activity
SERVICE_WORDS = (("summary record", "summary_records"), ("verbatim", "verbatim_records"),
                 ("webcast", "webcasting"), ("sound", "sound"), ("it servic", "it_support"),
                 ("oict", "it_support"))


@dataclass
class Item:
    """One figure of the corpus, as pbi reads it."""

    id: str                      # TR-0099.1: case id and item index
    case: str
    symbol: str
    index: int
    kind: str                    # the corpus kind
    description: str
    amount: int
    year: int | None
    station: str
    station_basis: str
    funding: str
    section: str | None
    activities: list[dict[str, Any]] = field(default_factory=list)   # priced from quantities
    quoted_as: str | None = None  # lump sum of: documentation, staff, section, total …
    left_out: str | None = None   # why the figure does not hold up
    quoted_why: str | None = None  # why a quoted figure is not priced from quantities
    uncertain: bool = False

    @property
    def priced(self) -> bool:
        return bool(self.activities) and self.left_out is None

    @property
    def keys(self) -> tuple[str, ...]:
        """What the figure prices, e.g. ('documentation',) or ('meeting', 'documentation')."""
        return tuple(a["kind"] for a in self.activities)


@dataclass
class Case:
    id: str
    symbol: str
    title: str
    draft: str | None
    doc_year: int
    cost_year: str
    body: str
    confidence: str
    total: int | None
    items: list[Item]
    notes: str
    quote: str = ""
    documents: frozenset[str] = frozenset()  # its symbol, draft and related symbols, normalised


def _documents(source: dict[str, Any]) -> frozenset[str]:
    names = [source.get("symbol"), source.get("draft_resolution"), *(source.get("related_symbols") or [])]
    return frozenset(re.sub(r"\s*\(.*", "", str(n)).upper().replace(" ", "") for n in names if n)


def statement_groups(cases: list[Case]) -> dict[str, frozenset[str]]:
    """Case id → the ids of every case that shares a document with it (the same statement, its draft,
    or the ACABQ report on it, read twice into the corpus): a leave-one-out leaves out the group."""
    parent = {c.id: c.id for c in cases}

    def find(a: str) -> str:
        while parent[a] != a:
            a = parent[a]
        return a

    owner: dict[str, str] = {}
    for c in cases:
        for doc in c.documents:
            if doc in owner:
                parent[find(c.id)] = find(owner[doc])
            else:
                owner[doc] = c.id
    members: dict[str, set[str]] = {}
    for c in cases:
        members.setdefault(find(c.id), set()).add(c.id)
    return {c.id: frozenset(members[find(c.id)]) for c in cases}


def _same_figure(item: Item) -> tuple[object, ...]:
    return (item.amount, item.year, item.keys)


def _mark_duplicates(cases: list[Case]) -> None:
    """A figure that a case of the same statement group already gives is the same published figure read
    twice: it counts once (the first case's), in the rates and in the evaluation."""
    groups = statement_groups(cases)
    seen: dict[tuple[object, ...], Item] = {}
    for c in cases:
        for item in c.items:
            if not item.priced:
                continue
            key = (min(groups[c.id]), *_same_figure(item))
            first = seen.setdefault(key, item)
            if first is not item:
                item.left_out = (f"the same figure as {first.id} ({first.symbol}): one statement read twice into "
                                 "the corpus, counted once")


def _first_year(value: Any) -> int | None:
    if value is None:
        return None
    match = re.match(r"(\d{4})", str(value))
    return int(match.group(1)) if match else None


def _station(item: dict[str, Any], case: dict[str, Any]) -> tuple[str, str]:
    loc = str((item.get("quantities") or {}).get("location") or "")
    named = [s for s in STATIONS if s in loc]
    if len(named) == 1:
        return named[0], "stated for the figure"
    text = item.get("description", "")
    named = [s for s in STATIONS if s in text]
    if len(named) == 1:
        return named[0], "named in the figure's description"
    case_station = str(case.get("duty_station") or "")
    if not case_station:
        context = " ".join(str(case.get(k) or "") for k in ("title", "body", "notes"))
        case_station = "; ".join(s for s in STATIONS if s in context)
        if not case_station and any(w in context for w in ("UNODC", "Corruption", "Vienna")):
            case_station = "Vienna"
    named = [s for s in STATIONS if s in case_station]
    if len(named) == 1:
        return named[0], "the statement's duty station"
    if named:
        return named[0], f"first of the statement's duty stations ({case_station})"
    return "New York", "not stated: New York assumed (General Assembly)"


def _num(q: dict[str, Any], name: str) -> int | None:
    value = q.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _services(text: str) -> dict[str, bool]:
    low = text.lower()
    return {flag: True for word, flag in SERVICE_WORDS if word in low}


def _activities(item: dict[str, Any], base: dict[str, Any],
                week_session: bool = False) -> tuple[list[dict[str, Any]], str | None]:
    """The activities that price ``item`` from its quantities, or why it cannot be priced
    (``week_session``: the statement's meetings are one 5-day session)."""
    q = item.get("quantities") or {}
    kind, desc = item["kind"], item.get("description", "")
    low = desc.lower()
    words, pages, meetings = _num(q, "words"), _num(q, "pages"), _num(q, "meetings")
    days, weeks, languages = _num(q, "days"), _num(q, "weeks"), _num(q, "languages")
    documents = _num(q, "documents")
    grade = GRADES.get(str(q.get("grade"))) if q.get("grade") else None
    work_months = _num(q, "work_months")
    out: list[dict[str, Any]] = []

    def documentation() -> dict[str, Any]:
        act = {"kind": "documentation", **base, "languages": languages or 6, "documents": documents or 1}
        act["words" if words else "pages"] = words or pages
        return act

    if kind in ("documentation", "report"):
        if words:
            return [documentation()], None
        if pages and languages:
            return [documentation()], None
        return [], "no words stated (nor pages with languages)"
    if kind in ("meeting", "conference_services", "working_group_session", "expert_group_meeting") or (
            kind == "other" and (meetings or days) and _services(desc)):
        if not (meetings or days or weeks):
            return [], "no meetings, days or weeks stated"
        services = _services(desc)
        interpretation = bool(q.get("interpretation")) or "interpretation" in low
        if kind == "other":
            interpretation = False
        if not interpretation and not services:
            return [], "meeting services not stated (interpretation, records, webcasting …)"
        act: dict[str, Any] = {"kind": "meeting", **base}
        if meetings:
            act["meetings"] = meetings
        elif days:
            act["days"] = days
        else:
            act["weeks"] = weeks
        if interpretation:
            act["interpretation"] = True
            act["languages"] = languages or 6
        act.update(services)
        out.append(act)
        if words or pages:
            out.append(documentation())
        elif "documentation" in low and kind != "other":
            return [], "includes documentation whose words or pages are not stated"
        return out, None
    if kind == "staff":
        if "post" in low and "position" not in low:
            return [], "posts: first-year or full-year cost not stated"
        months = work_months or _num(q, "months")
        posts = _num(q, "posts") or 1
        if grade and months:
            return [{"kind": "staff", **base, "grade": grade, "work_months": months * posts,
                     **({"posts": posts} if posts > 1 else {})}], None
        several = _several_grades(str(q.get("grade") or ""), desc, base)
        if several:
            return several, None
        return [], "no single grade with work-months stated"
    if kind == "travel":
        travellers = _num(q, "participants")
        dsa_days = days or (weeks * DSA_DAYS_PER_WEEK if weeks else None)
        if travellers and dsa_days and "dsa" in low and "travel" not in low.replace("travel/dsa", ""):
            return [{"kind": "dsa", **base, "trips": travellers, "dsa_days": dsa_days}], None
        # airfare and subsistence printed apart ("airfare/terminal 79,400 + DSA 75,000"), with the trips and
        # the days of each: the figure prices as travel (the days of a 5-day session: DSA_DAYS_PER_WEEK)
        per_trip = re.search(r"\b(one|two|three|four|five|\d+) (\d+)-day", desc)
        if travellers and re.search(r"airfare(?:/terminal)? [\d,]+ \+ DSA [\d,]+", desc) and (per_trip or week_session):
            trips = travellers * (_NUMBERS.get(per_trip.group(1), 0) or int(per_trip.group(1)) if per_trip else 1)
            return [{"kind": "travel", **base, "trips": trips,
                     "dsa_days": int(per_trip.group(2)) if per_trip else DSA_DAYS_PER_WEEK}], None
        return [], "airfare and subsistence cannot be told apart (travellers, trips or days not all stated)"
    if kind == "consultant":
        if work_months:
            return [{"kind": "consultant", **base, "work_months": work_months}], None
        return [], "no work-months stated"
    return [], "no quantities that a standard cost prices"


def _several_grades(grades: str, desc: str, base: dict[str, Any]) -> list[dict[str, Any]]:
    """Temporary assistance at several grades, one position each, with the months the description
    gives each grade ("D-1 Chief of Service 12 months; P-3 … 12 months") or all of them ("1 P-5, 1 P-4
    … for 12 months"); [] unless every grade is known and has its months."""
    low = desc.lower()
    names = [g.strip() for g in grades.split(",") if g.strip()]
    if len(names) < 2 or not ("temporary assistance" in low or "gta" in low):
        return []
    every = re.search(r"\bfor (\d+) months\b", desc)
    out = []
    for name in names:
        grade = GRADES.get(name) or GRADES.get(name.replace("G-7", "GS (Principal level)")) or (
            "GS (Other level)" if re.fullmatch(r"G-[1-6]", name) else None)
        own = re.search(re.escape(name) + r"[^;,]*?(\d+) months", desc)
        months = int(own.group(1)) if own else int(every.group(1)) if every else None
        if grade is None or not months or re.search(r"\b([2-9]|two|three|four) " + re.escape(name), desc):
            return []
        out.append({"kind": "staff", **base, "grade": grade, "work_months": months})
    return out


def _quoted_as(kind: str) -> str:
    return {"section": "section", "total": "total", "documentation": "documentation", "report": "documentation",
            "staff": "staff", "consultant": "consultant", "travel": "travel", "meeting": "meeting",
            "conference_services": "meeting", "working_group_session": "meeting",
            "expert_group_meeting": "meeting", "workshop": "meeting"}.get(kind, "other")


def load_corpus(path: Path | None = None) -> list[Case]:
    """Every case of the corpus, each item read as activities, a quoted figure or an item left out."""
    raw = yaml.safe_load((path or corpus_path()).read_text(encoding="utf-8"))
    cases: list[Case] = []
    for c in raw:
        case_funding = FUNDING.get(str(c.get("funding")), "regular_budget")
        cost_year = str(c.get("cost_year"))
        items: list[Item] = []
        for i, it in enumerate(c["items"]):
            year = _first_year(it.get("year")) or _first_year(cost_year)
            stated = re.search(r"\bin (\d{4})\b|\((\d{4})\)", it.get("description", ""))
            if stated and re.match(r"\d{4}-\d{4}", str(it.get("year") or cost_year)):
                # a biennium's figure whose description names its year ("three months in 2017")
                named = int(stated.group(1) or stated.group(2))
                span = [int(y) for y in str(it.get("year") or cost_year).split("-")]
                if span[0] <= named <= span[1]:
                    year = named
            station, basis = _station(it, c)
            funding = FUNDING.get(str(it.get("funding")), case_funding) if it.get("funding") else case_funding
            section = it.get("budget_section")
            item = Item(id=f"{c['id']}.{i}", case=c["id"], symbol=c["source"]["symbol"], index=i,
                        kind=it["kind"], description=it.get("description", ""), amount=int(it["amount_usd"]),
                        year=year, station=station, station_basis=basis, funding=funding,
                        section=f"Section {section}" if section else None,
                        uncertain=bool(it.get("uncertain")))
            base = {"location": station, "year": year, "funding": funding}
            acts, why = _activities(it, base, any(re.search(r"\b5-day session", str(other.get("description", "")))
                                                  for other in c["items"]))
            if acts and (year is None or not FIRST_TABLE_YEAR <= year <= LAST_TABLE_YEAR):
                acts, why = [], f"{year}: outside the years of the standard costs' figures ({FIRST_TABLE_YEAR}–{LAST_TABLE_YEAR})"
            if acts and item.id in DOES_NOT_HOLD:
                item.left_out = DOES_NOT_HOLD[item.id]
            elif acts and item.uncertain:
                item.left_out = ("quantities matched from another sentence of the note (marked uncertain "
                                 "in the corpus): quantity and amount may not belong together")
            item.activities = acts
            if not acts:
                item.quoted_as = _quoted_as(it["kind"])
                item.quoted_why = why
            items.append(item)
        cases.append(Case(id=c["id"], symbol=c["source"]["symbol"], title=c.get("title", ""),
                          draft=c["source"].get("draft_resolution"), doc_year=int(c["doc_year"]),
                          cost_year=cost_year, body=c.get("body", ""), confidence=c.get("confidence", ""),
                          total=c.get("total_usd"), items=items, notes=c.get("notes", ""),
                          quote=str((c.get("quote") or {}).get("text", "")),
                          documents=_documents(c["source"])))
    _mark_duplicates(cases)
    return cases
