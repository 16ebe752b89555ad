"""Which cost table ``pbi check`` prices a note with when none is given, and why.

The tables the body the note names lists (``tables:`` of the body in model/vocabulary.yaml, each
with the year it is listed from and why) that are installed each price a span of years: from the
later of that year and the first year in which every rate of the table has a value, to the table's
``valid_to``. The first listed table whose span holds every year the note prices is chosen; else
the one holding most of them. The reason gives the vocabulary's why and names plainly the years no
installed table has rates for (before 2010, none has): their amounts are not priced. A note that
names no body known to the vocabulary is priced with :data:`pbi.model.DEFAULT_TABLE`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pbi.model import DEFAULT_TABLE
from pbi.model.tables import Table, installed_tables, load_table, resolve_table
from pbi.model.vocabulary import bodies, body, body_of_symbol, body_tables

from . import lexicon as lx
from .reader import Note

__all__ = ["AUTO", "Choice", "choose_table", "note_body", "note_station", "note_years"]

#: ``table=AUTO``: choose each note's table from what it reads
AUTO = "auto"

_LEADING_ARTICLE = re.compile(r"^(?:the|la|le|l’|l'|el)\s*", re.I)


@dataclass(frozen=True)
class Choice:
    """The table a note is priced with, why, and the note's years that no installed table has rates
    for (its amounts of those years are not priced)."""

    table: Table
    why: str
    unpriced_years: tuple[int, ...] = ()


def _specific(short: str) -> bool:
    """A short name specific enough to name a body: several words, or four Chinese characters
    (缔约方会议, not 委员会, which is also the Advisory Committee's)."""
    return len(short.split()) > 1 or (len(short) >= 4 and all("\u4e00" <= c <= "\u9fff" for c in short))


@lru_cache(maxsize=1)
def _body_names() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each body with the names it goes by in every language (without a leading article)."""
    found: dict[str, set[str]] = {}
    for key in bodies():
        b = body(key)
        if b.key != key:  # an alias
            continue
        # every case a language declines the name in (Russian name_gen, name_dat …), as written and as
        # the reader's lexicon rewrites it (a note's paragraphs are read in its English terms)
        found[key] = set()
        for lang, n in b.names.items():
            for k, v in n.items():
                if (k == "name" or k.startswith("name_")) and v:
                    name = _LEADING_ARTICLE.sub("", v)
                    lex = lx.lexicon(lang)
                    found[key] |= {name, lex.rewrite(name)} if lex is not None else {name}
        found[key] |= {short for n in b.names.values() if _specific(short := _LEADING_ARTICLE.sub("", n.get("short", "")))}
    # a short name two bodies share ("the Council") names neither
    shared = {n for key, names in found.items() for n in names
              if any(n in other for k2, other in found.items() if k2 != key)}
    return tuple((key, tuple(sorted(n for n in names - shared if len(n) > 1))) for key, names in found.items())


@lru_cache(maxsize=32)
def _borrowed_rules(key: str) -> re.Pattern[str] | None:
    """The rules of procedure a body makes its statements under that are another body's (the Human
    Rights Council's are the General Assembly's), in every language, as written and as the lexicon
    rewrites them, without regard to case or to the form of an apostrophe; None if it has none."""
    own = dict(_body_names()).get(key, ())
    found: set[str] = set()
    for lang, n in body(key).names.items():
        rules = _LEADING_ARTICLE.sub("", n.get("rules", "") or "")
        lex = lx.lexicon(lang)
        for r in ({rules, lex.rewrite(rules)} if lex is not None else {rules}):
            if len(r) > 3 and not any(name in r for name in own):
                found.add(r)
    alts = ("".join("['’]" if c in "'’" else re.escape(c) for c in r) for r in sorted(found, key=len, reverse=True))
    return re.compile("|".join(alts), re.I) if found else None


def _ranked(text: str) -> str | None:
    counts = {key: sum(text.count(n) for n in names) for key, names in _body_names()}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def note_body(note: Note) -> str | None:
    """The body its draft's symbol belongs to, if the note names it (E/CN.16/2026/L.3: the Commission on
    Science and Technology for Development, whose statement also names the Council whose rules it is made
    under); else the body a note names most often ("the General Assembly would"), else the body of the
    symbol (A/C.2/78/L.40: the General Assembly), else None. The rules of procedure a statement is made
    under name the body they belong to, except when the symbol's body borrows them: the Human Rights
    Council's statements cite the General Assembly's."""
    text = "\n".join([note.title, *(p.text for p in note.paragraphs)])
    of_symbol = body_of_symbol(note.symbol) if note.symbol else None
    if of_symbol is not None and any(n in text for n in dict(_body_names()).get(of_symbol, ())):
        return of_symbol
    borrowed = _borrowed_rules(of_symbol) if of_symbol else None
    return _ranked(borrowed.sub(" ", text) if borrowed else text) or of_symbol


def note_station(note: Note) -> str | None:
    """The duty station of a note's items that name none: the one its heading names ("Vienna, 15-19
    March 2027"), else the station its body meets in (a Human Rights Council statement: Geneva), else
    None (the table's own)."""
    return note.station or lx.station_of_body(note_body(note))


def note_years(note: Note) -> set[int]:
    """The years a note's claims are priced in, as far as it states them."""
    years: set[int] = set()
    for claim in note.claims:
        if claim.year:
            years.add(claim.year)
        elif isinstance(claim.quantities.get("period_year"), int):
            years.add(int(claim.quantities["period_year"]))
        else:
            bien = claim.quantities.get("biennium")
            if isinstance(bien, str) and bien[:4].isdigit():
                years.add(int(bien[:4]))
    if not years:
        found = lx.year_in_symbol(note.symbol) or lx.year_of_session(note.symbol)
        if found:
            years.add(found)
    return years


def _installed(near: Path | None) -> dict[str, Path]:
    """Table id → file in :func:`~pbi.model.tables.table_folders` of ``near`` (the note's file)."""
    return installed_tables(near)


@lru_cache(maxsize=16)
def _load(path: Path) -> Table:
    return load_table(path)


def _span(table: Table, listed_from: int) -> tuple[int, int | None]:
    """The years ``table`` prices a body's notes in: from the later of the year the vocabulary lists
    it from and the first year in which every rate of the table has a value, to its ``valid_to``."""
    firsts = [min(r.values).year for r in table.rates.values() if r.values]
    return max(listed_from, *firsts), (table.valid_to.year if table.valid_to else None)


def _within(year: int, span: tuple[int, int | None]) -> bool:
    return span[0] <= year and (span[1] is None or year <= span[1])


def _years(years: Iterable[int]) -> str:
    ys = sorted(years)
    return ", ".join(str(y) for y in ys[:-1]) + (" and " if len(ys) > 1 else "") + str(ys[-1])


def choose_table(note: Note, *, installed: dict[str, Path] | None = None) -> Choice:
    """The table to price ``note`` with (see the module docstring): the first listed table that has
    rates for every year the note prices; else the one that has rates for most of them (the first
    listed on a tie); the reason names the vocabulary's why, and the years no table prices."""
    key = note_body(note)
    years = note_years(note)
    known = _installed(Path(note.source) if note.source else None) if installed is None else installed
    if key is not None:
        name = body(key).names_in("en")["name"] if "en" in body(key).names else key
        span = (f"{min(years)}" if len(years) == 1 else f"{min(years)}-{max(years)}") if years else "no year stated"
        listed: list[tuple[Table, tuple[int, int | None], str]] = []
        for entry in body_tables(key):
            tid = str(entry["id"])
            if tid in known:
                table = _load(known[tid])
                listed.append((table, _span(table, int(entry["from"])), str(entry.get("why") or "")))
        if listed:
            def priced(item: tuple[Table, tuple[int, int | None], str]) -> int:
                return sum(1 for y in years if _within(y, item[1]))

            best = max(listed, key=priced)  # max keeps the first listed of equals
            table, _, why = best
            unpriced = tuple(sorted(y for y in years if not any(_within(y, s) for _, s, _ in listed)))
            reason = f"a note of {name}, {span}" + (f": {why}" if why and (priced(best) or not years) else "")
            if unpriced:
                spans = ", ".join(f"{t.id} covers {s[0]}–{s[1] if s[1] else 'on'}" for t, s, _ in listed)
                reason += (f"; no installed table has rates for {_years(unpriced)} ({spans}): "
                           f"{'its' if len(unpriced) == len(years) else 'those years’'} amounts are not priced")
            return Choice(table, reason, unpriced)
    default = resolve_table(DEFAULT_TABLE)
    why = ("the default: the note names no body whose tables cover its years" if key is None
           else f"the default: no table listed for {key} is installed")
    own = _span(default, 0)
    if years and not all(_within(y, own) for y in years):
        # the default has no rates for the note's years: the installed table that has most of them
        others = [(t, _span(t, 0)) for t in (_load(p) for _, p in sorted(known.items()))]
        found = max(others, key=lambda ts: sum(_within(y, ts[1]) for y in years), default=None)
        if found is not None and sum(_within(y, found[1]) for y in years) > sum(_within(y, own) for y in years):
            return Choice(found[0], f"the note names no body known to pbi; {found[0].id} is the installed table "
                                    f"with rates for {_years(y for y in years if _within(y, found[1]))} "
                                    f"({default.id}, the default, covers {own[0]}–{own[1]})")
    return Choice(default, why)
