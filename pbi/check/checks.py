"""Arithmetic and consistency checks on the claims of published financial notes.

- **totals**: a stated total ("以上相加…1,734,600 美元") equals the sum of its parts — ``info``
  when it does, ``error`` when it does not, ``warning`` when its parts cannot be found;
- **consistency**: the same item (same pages, languages, copies, meetings, days, participants,
  grade, work-months and kind of work) from the same funding source costed at different amounts
  in two places — ``error``
  (``warning`` when the two figures are for different years);
- **ranges**: a range whose low end exceeds its high end (``error``), or whose spread does not
  follow the spread of the quantity it is based on (``warning``: 600–900 pages is ×1.5, so
  80,000–1,200,000, ×15, is suspect).

The third check of ``pbi check`` — implied unit cost against a cost table — is done by the
costing engine on :attr:`Note.claims`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pbi.model.money import format_usd

from .quantities import COUNTABLE, KINDS, MEETING_SERVICES
from .reader import Claim, Note

__all__ = ["Finding", "check_notes", "check_totals", "check_consistency", "check_ranges",
           "item_signature", "where"]

SEVERITIES = ("error", "warning", "info")

#: quantities that identify an item (funding, year, operative paragraph and context do not)
_IDENTITY = ("pages", "pages_all", "words", "words_all", "trips", "trips_all", "dsa_days", "travellers", "per_meeting", "languages", "language_names",
             "other_languages", "days", "half_day", "meetings", "workshops", "participants",
             "work_months", "grade", "staff", "consultants", "copies", "location", "words_location", "trips_location", "staff_location", "consultant_location",
             "interpretation", "interpretation_languages", "documents", "documents_all",
             "languages_all", "kinds_all", "staff_all", "gatherings", "interpreted_all") + KINDS + MEETING_SERVICES


@dataclass(frozen=True)
class Finding:
    """One result of a check; ``figures`` names each place and figure involved."""

    severity: str  # "error" | "warning" | "info"
    note: int | None
    paragraph: str | None
    message: str
    figures: list[dict[str, Any]] = field(default_factory=list)
    #: the note's name (its symbol, annex or heading), as the message names it
    note_name: str | None = None


def _fmt(v: Decimal | None) -> str:
    return "—" if v is None else format_usd(v.normalize() if v != v.to_integral_value() else v)


def _figure(c: Claim) -> str:
    return _fmt(c.amount) if not c.is_range else f"{_fmt(c.low)} to {_fmt(c.high)}"


class _Places:
    """Names the place of a claim: note, draft symbol, paragraph."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.claims: list[Claim] = []
        self.symbols: dict[int, str | None] = {}
        for n in notes:
            for c in n.claims:
                self.symbols[id(c)] = n.symbol
                self.claims.append(c)

    def where(self, c: Claim) -> str:
        return f"{where(c, self.symbols.get(id(c)))} para {c.paragraph}"

    def fig(self, c: Claim) -> dict[str, Any]:
        return {"note": c.note, "name": c.note_name or None, "symbol": self.symbols.get(id(c)),
                "section": c.section, "sections": list(c.sections), "paragraph": c.paragraph,
                "line": c.line, "amount": c.amount, "low": c.low, "high": c.high,
                "operative_paragraph": c.operative_paragraph, "text": c.text}


def where(c: Claim, symbol: str | None = None) -> str:
    """How findings name the note of a claim: its name, else "note N (SYMBOL)"."""
    if c.note_name:
        return c.note_name
    return f"note {c.note}" + (f" ({symbol})" if symbol else "")


# ----------------------------------------------------------------------------- totals


def check_totals(notes: Sequence[Note]) -> list[Finding]:
    """Each stated total against the sum of the parts the reader found for it."""
    out: list[Finding] = []
    pl = _Places(notes)
    for n in notes:
        for c in n.claims:
            if c.is_total and c.amount is None and c.quantities.get("range_parts"):
                out.append(_range_total(pl, n, c))
                continue
            if not c.is_total or c.amount is None:
                continue
            parts: list[Decimal] = list(c.quantities.get("parts", []))
            paras: list[str] = list(c.quantities.get("total_of", []))
            parts_claims = _parts_of(n, c)
            figs = [pl.fig(x) for x in parts_claims] + [pl.fig(c)]
            if not parts:
                out.append(Finding("warning", c.note, c.paragraph,
                                   f"{pl.where(c)}: stated total {_fmt(c.amount)} but the "
                                   "amounts it adds up could not be identified", [pl.fig(c)],
                                   c.note_name or None))
                continue
            s = sum(parts, Decimal(0))
            terms = " + ".join(f"{_fmt(v)} (para {p})" for p, v in zip(paras, parts, strict=False))
            if c.quantities.get("total_kind") == "of_which" and s < c.amount:
                out.append(Finding("info", c.note, c.paragraph,
                                   f"{pl.where(c)}: {_fmt(c.amount)}, of which {terms} "
                                   f"({_fmt(s)}, within the amount)", figs, c.note_name or None))
                continue
            unit = c.quantities.get("rounded_to")
            if unit and s != c.amount and (s / unit).quantize(Decimal(1), ROUND_HALF_UP) * unit == c.amount:
                out.append(Finding("info", c.note, c.paragraph,
                                   f"{pl.where(c)}: total {_fmt(c.amount)} = sum of {len(parts)} parts "
                                   f"({_fmt(s)}) rounded to {_fmt(unit)}: {terms}", figs, c.note_name or None))
            elif s == c.amount:
                out.append(Finding("info", c.note, c.paragraph,
                                   f"{pl.where(c)}: total {_fmt(c.amount)} = sum of "
                                   f"{len(parts)} parts: {terms}", figs, c.note_name or None))
            else:
                out.append(Finding("error", c.note, c.paragraph,
                                   f"{pl.where(c)}: stated total {_fmt(c.amount)} but its "
                                   f"{len(parts)} parts add up to {_fmt(s)} "
                                   f"(difference {_fmt(c.amount - s)}): {terms}", figs, c.note_name or None))
    return out


def _range_total(pl: "_Places", n: Note, c: Claim) -> Finding:
    """A total stated as a range against its parts: the lows add up to its low, the highs to its high."""
    assert c.low is not None and c.high is not None
    parts: list[tuple[Decimal, Decimal]] = list(c.quantities["range_parts"])
    paras: list[str] = list(c.quantities.get("total_of", []))
    low, high = sum((p[0] for p in parts), Decimal(0)), sum((p[1] for p in parts), Decimal(0))
    terms = " + ".join(f"{_fmt(lo) if lo == hi else f'{_fmt(lo)} to {_fmt(hi)}'} (para {p})"
                       for p, (lo, hi) in zip(paras, parts, strict=False))
    figs = [pl.fig(x) for x in n.claims if x is not c and x.paragraph in paras and (x.low, x.high) in parts] + [pl.fig(c)]
    if (low, high) == (c.low, c.high):
        return Finding("info", c.note, c.paragraph, f"{pl.where(c)}: total {_figure(c)} = sum of "
                       f"{len(parts)} parts: {terms}", figs, c.note_name or None)
    return Finding("error", c.note, c.paragraph, f"{pl.where(c)}: stated total {_figure(c)} but its "
                   f"{len(parts)} parts add up to {_fmt(low)} to {_fmt(high)}: {terms}", figs, c.note_name or None)


def _sections(keys: Sequence[str]) -> str:
    """ "section 2", "sections 2 and 8" """
    keys = list(keys)
    if len(keys) == 1:
        return f"section {keys[0]}"
    return "sections " + ", ".join(keys[:-1]) + " and " + keys[-1]


def _parts_of(note: Note, total: Claim) -> list[Claim]:
    """The claims of ``note`` the reader found to be the parts of ``total``."""
    paras = set(total.quantities.get("total_of", []))
    parts = set(total.quantities.get("parts", []))
    return [x for x in note.claims if x is not total and x.amount is not None
            and (not x.is_total or x.quantities.get("table"))  # a table's total of totals names them
            and x.paragraph in paras and x.amount in parts]


def _outside_sections(total: Claim, parts: Sequence[Claim]) -> list[Claim]:
    """The parts of a total stated under sections of its own that are under a section the total
    does not name ("$126,100 under section 2, comprising … $93,900 under section 8")."""
    stated = set(total.quantities.get("stated_sections") or ())
    if not stated:
        return []
    return [x for x in parts if x.sections and not set(x.sections) <= stated]


# ----------------------------------------------------------------------------- consistency


def _freeze(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return tuple(_freeze(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((k, _freeze(x)) for k, x in v.items()))
    return v


def item_signature(c: Claim) -> tuple[Any, ...] | None:
    """What identifies the item a claim costs, or None when it is too vague to compare.

    Two claims with the same signature cost the same thing: same page figures, languages,
    copies, meetings, days, participants, grade, work-months and the same kind of work.
    """
    q = c.quantities
    if c.low is None or q.get("is_total") or q.get("optional") or q.get("reduction") or q.get("restated"):
        return None
    inherited = set(q.get("inherited", ()))
    if not any(k in q and k not in inherited for k in COUNTABLE):
        return None  # only the list's lead-in counts anything: the item itself is not identified
    return tuple((k, _freeze(q[k])) for k in _IDENTITY if k in q)


def _year_of(c: Claim) -> int | None:
    """The year a claim is costed in: its own, else its biennium's first, else its budget period's."""
    bien = c.quantities.get("biennium")
    if c.year or (isinstance(bien, str) and bien[:4].isdigit()):
        return c.year or int(str(bien)[:4])
    period = c.quantities.get("period_year")
    return period if isinstance(period, int) else None


def check_consistency(notes: Sequence[Note]) -> list[Finding]:
    """The same item costed at different amounts in two places; a total stated under budget
    sections whose parts are stated under another."""
    groups: dict[tuple[Any, ...], list[Claim]] = {}
    pl = _Places(notes)
    for c in pl.claims:
        sig = item_signature(c)
        if sig is not None:  # funded differently, an item may carry programme support costs
            groups.setdefault((c.funding, *sig), []).append(c)
    out: list[Finding] = []
    for claims in groups.values():
        first = claims[0]
        for other in claims[1:]:
            if (other.low, other.high) == (first.low, first.high):
                continue
            years = {_year_of(first), _year_of(other)}
            severity = "warning" if None not in years and len(years) > 1 else "error"
            what = _describe(first)
            out.append(Finding(
                severity, other.note, other.paragraph,
                f"the same item ({what}) is costed {_figure(first)} in {pl.where(first)} "
                f"(line {first.line}) but {_figure(other)} in {pl.where(other)} "
                f"(line {other.line})", [pl.fig(first), pl.fig(other)], other.note_name or None))
    for n in notes:
        for c in n.claims:
            outside = _outside_sections(c, _parts_of(n, c)) if c.is_total and c.amount is not None else []
            if outside:
                out.append(Finding(
                    "warning", c.note, c.paragraph,
                    f"{pl.where(c)}: total {_fmt(c.amount)} is stated under "
                    f"{_sections(c.quantities['stated_sections'])}, but "
                    + "; ".join(f"{_fmt(x.amount)} ({pl.where(x)}) is under {_sections(x.sections)}" for x in outside),
                    [pl.fig(c), *(pl.fig(x) for x in outside)], c.note_name or None))
    return out


def _describe(c: Claim) -> str:
    q = c.quantities
    bits = [k.replace("_", " ") for k in KINDS if q.get(k)][:3]
    for key, unit in (("pages", "pages"), ("languages", "languages"), ("copies", "copies"),
                      ("meetings", "meetings"), ("days", "days"),
                      ("participants", "participants"), ("work_months", "work-months")):
        v = q.get(key)
        if v is None:
            continue
        bits.append(f"{v[0]}–{v[1]} {unit}" if isinstance(v, tuple) else f"{v} {unit}")
    if q.get("grade"):
        bits.append(str(q["grade"]))
    return ", ".join(bits)


# ----------------------------------------------------------------------------- ranges


def check_ranges(notes: Sequence[Note], *, slack: Decimal = Decimal(2)) -> list[Finding]:
    """Ranges that run backwards, or whose spread is far from the spread of their quantity."""
    out: list[Finding] = []
    pl = _Places(notes)
    for c in pl.claims:
        if c.low is None or c.high is None or c.low == c.high:
            continue
        if c.low > c.high:
            out.append(Finding("error", c.note, c.paragraph,
                               f"{pl.where(c)}: range {_figure(c)} runs backwards", [pl.fig(c)],
                               c.note_name or None))
            continue
        base = next((c.quantities[k] for k in ("pages", "copies", "meetings")
                     if isinstance(c.quantities.get(k), tuple)), None)
        if base is None or c.low <= 0 or base[0] <= 0:
            continue
        spread, qspread = c.high / c.low, Decimal(base[1]) / Decimal(base[0])
        if spread > qspread * slack or spread * slack < qspread:
            out.append(Finding(
                "warning", c.note, c.paragraph,
                f"{pl.where(c)}: range {_figure(c)} spans ×{spread:.2f} but the quantity it "
                f"is based on ({base[0]} to {base[1]}) spans ×{qspread:.2f}", [pl.fig(c)],
                c.note_name or None))
    return out


# ----------------------------------------------------------------------------- all


def check_notes(notes: Sequence[Note]) -> list[Finding]:
    """All checks on ``notes``; errors first, then warnings, then info."""
    found = check_totals(notes) + check_consistency(notes) + check_ranges(notes)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(found, key=lambda f: (order.get(f.severity, 9),
                                        f.note if f.note is not None else -1))
