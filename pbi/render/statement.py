"""The statement of programme budget implications (General Assembly rule 153, Economic and Social
Council rule 31) as data for its templates (``templates/statement/<lang>.j2``).

The plan follows the models of the DGACM Editorial Manual: the requests (citing their operative
paragraphs), the relation to the programme of work, the activities, the resource requirements by
object of expenditure and section, year by year (a table), staff assessment and its income offset,
what existing resources cover, the charge against the contingency fund, what is left to the proposed
programme budget of later years, extrabudgetary needs, and the action required of the body. A draft
that needs nothing at all gets the note by the Secretariat. Every amount comes from
:func:`pbi.costing.conclusions.conclude`; the body's names and rule from :mod:`pbi.model.vocabulary`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from pbi.costing.conclusions import Conclusion, ObjectRequirement, conclude
from pbi.costing.estimate import ZERO, Estimate
from pbi.model.errors import RenderError, SpecError
from pbi.model.specs import Activity, Range, Request, Spec, source_of
from pbi.model.tables import GRADE_CATEGORIES
from pbi.render.identical import merge_identical_by
from pbi.model.vocabulary import (Body, Section, body, default_section, default_section_assumption, funding_keys,
                                  income_section, object_of, objects_of_expenditure, section, traveller_word)

__all__ = ["StatementContext", "build_statement_context", "check_kind", "default_kind", "note_conclusion", "statement_table",
           "ActivityLine", "plural", "article", "bare", "qualify", "section_order", "counted_already",
           "names_event", "names_document", "definite", "zh_counted_already", "zh_names_event",
           "zh_names_document", "with_default_sections", "statement_sections"]

#: funding sources that need nothing additional (an activity drawing on an entitlement may be both)
_COVERED = frozenset({"existing_resources", "entitlement"})
_SYMBOL = re.compile(r"^[A-Z][A-Za-z0-9.]*(/[A-Za-z0-9.]+)+$")
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_TABLE_TITLES = {"en": ("Object of expenditure", "Total", "Staff assessment", "Total (net)",
                        "Total (including staff assessment)"),
                 "zh": ("支出用途", "共计", "工作人员薪金税", "共计（净额）", "共计（含工作人员薪金税）"),
                 "fr": ("Objet de dépense", "Total", "Contributions du personnel", "Total (montant net)",
                        "Total (y compris les contributions du personnel)"),
                 "es": ("Objeto de gastos", "Total", "Contribuciones del personal", "Total (neto)",
                        "Total (incluidas las contribuciones del personal)"),
                 "ru": ("Статья расходов", "Итого", "Налогообложение персонала", "Итого (чистая сумма)",
                        "Итого (включая налогообложение персонала)"),
                 "ar": ("وجه الإنفاق", "المجموع", "الاقتطاعات الإلزامية من مرتبات الموظفين", "المجموع (الصافي)",
                        "المجموع (بما في ذلك الاقتطاعات الإلزامية من مرتبات الموظفين)")}
#: the table's other words, per language: subtotal, a section not stated, a section ({sec}: by its
#: number, capitalized) with its name, an income section
_TABLE_WORDS = {"en": ("Subtotal", "Section not stated", "{sec}, {name}", "Income section {n}, {name}"),
                "zh": ("小计", "未列款次", "{sec}“{name}”", "收入第{n}款“{name}”"),
                "fr": ("Total partiel", "Chapitre non précisé", "{sec} ({name})", "Chapitre {n} des recettes ({name})"),
                "es": ("Subtotal", "Sección no indicada", "{sec}, {name}", "Sección {n} de ingresos, {name}"),
                "ru": ("Промежуточный итог", "Раздел не указан", "{sec} «{name}»",
                       "Раздел {n} сметы поступлений «{name}»"),
                "ar": ("المجموع الفرعي", "باب غير محدد", "{sec}، {name}", "باب الإيرادات {n}، {name}")}


def default_kind(spec: Spec) -> str:
    """The kind of document a spec's body takes by default (model/vocabulary.yaml); SpecError, at the
    spec's ``body:`` line, for a body the vocabulary does not know."""
    file, lines = source_of(spec)
    try:
        return body(spec.body).default_kind
    except SpecError as err:
        raise err.located(file=file if lines else None, line=lines.get("body")) from None


def check_kind(spec: Spec, kind: str) -> Body:
    """The spec's body, if it takes documents of ``kind``; RenderError saying why not otherwise."""
    file, lines = source_of(spec)
    try:
        b = body(spec.body)
    except SpecError as err:
        raise err.located(file=file if lines else None, line=lines.get("body")) from None
    if kind not in b.kinds:
        name = b.names_in("en")["name"] if "en" in b.names else b.key
        why = "does not appropriate" if kind == "statement" and not b.appropriates else "receives no such note"
        raise RenderError(f"no {kind.replace('_', ' ')} for {spec.body}: {name} {why}; its notes are "
                          f"{' or '.join(k.replace('_', ' ') + 's' for k in b.kinds)} (rule {b.rule or 'not verified'})",
                          file=file if lines else None, line=lines.get("body"), field="body")
    return b


@dataclass(frozen=True)
class ActivityLine:
    """One activity as the statement lists it, with its object of expenditure."""

    request: Request
    activity: Activity
    object: str


@dataclass
class StatementContext:
    spec: Spec
    estimate: Estimate
    conclusion: Conclusion
    body: Body
    symbol: str | None
    requests: list[Request]
    ops: list[str]
    activities: list[ActivityLine]
    no_implications: bool
    table_rows: list[ObjectRequirement] = field(default_factory=list)
    covered: list[ActivityLine] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"spec": self.spec, "estimate": self.estimate, "conclusion": self.conclusion, "b": self.body,
                "recipient": body(self.spec.recommended_to) if self.spec.recommended_to else None,
                "budget_proposed": self.spec.dated is not None and self.spec.dated.year < self.spec.period.start,
                "symbol": self.symbol, "requests": self.requests, "ops": self.ops, "activities": self.activities,
                "no_implications": self.no_implications, "covered": self.covered, "traveller": traveller_word,
                # None, last, stands for amounts whose section the spec does not state
                "sections": sorted({r.section for r in self.conclusion.objects_of("additional")}, key=section_order),
                "later_sections": sorted({r.section for r in self.conclusion.objects_of("budget_process")},
                                         key=section_order),
                "sa_additional": self.conclusion.staff_assessment_total("additional"),
                "sa_later": self.conclusion.staff_assessment_total("budget_process"),
                "sa_rule": self.estimate.table.staff_assessment,
                # the one percentage of every staff cost, or None when a section takes its own
                "sa_percent": _one({p.percent for s in self.conclusion.staff_assessment for p in s.parts}),
                "psc": self.psc_shown, "psc_about": self.psc_about,
                "psc_percent": _psc_percent(self.estimate),
                "vacancy_of": self.vacancy_of, "services_of": self.services_of,
                "later_years": sorted({r.year for r in self.conclusion.budget_process}),
                "eb_years": _by_year(self.conclusion.extrabudgetary),
                "has_table": bool(self.table_rows),
                "conditional": [r for r in self.spec.requests if r.conditional and not r.activities],
                "without_cost": [r for r in self.spec.requests if r.no_cost]}


    @property
    def psc_shown(self) -> Range:
        """Programme support costs rounded by the table's rule, as the totals beside them are."""
        return self.conclusion.programme_support.map(self.estimate.table.rounding.apply)

    @property
    def psc_about(self) -> bool:
        """The rounded programme support costs are not the table's percentage of the rest of the rounded
        extrabudgetary total, rounded the same way: the statement says "about" rather than contradict
        its own total."""
        pct = _psc_percent(self.estimate)
        shown, total = self.psc_shown, self.conclusion.extrabudgetary_total
        if pct is None or shown.is_range or total.is_range:
            return shown != self.conclusion.programme_support
        base = total.low - shown.low
        return self.estimate.table.rounding.apply(base * pct / 100) != shown.low

    def services_of(self, activity: str) -> list[str]:
        """The meeting services beyond interpretation the estimate prices for ``activity`` (keys of
        ``_SERVICES``, in their order): a statement names every part its amounts contain."""
        rates = {i.rate.key for i in self.estimate.items if i.activity == activity and i.rate is not None}
        return [k for k in _SERVICES if k in rates]

    def vacancy_of(self, grade: str) -> Decimal | None:
        """The vacancy factor (per cent) the table applies to a new post of ``grade`` in its first year."""
        factor = self.estimate.table.vacancy_factors.get(GRADE_CATEGORIES.get(grade, ""))
        return factor.percent if factor else None


#: meeting services a statement names beside interpretation, by the rate that prices them
_SERVICES = ("records.summary", "records.verbatim", "webcasting.meeting", "sound.meeting", "it_support.meeting")


def _by_year(reqs: Any) -> list[tuple[int, Range]]:
    out: dict[int, Range] = {}
    for r in reqs:
        out[r.year] = out.get(r.year, ZERO) + r.amount
    return sorted(out.items())


def _one(values: set[Decimal]) -> Decimal | None:
    return next(iter(values)) if len(values) == 1 else None


def _psc_percent(estimate: Estimate) -> Decimal | None:
    for item in estimate.items:
        if item.type == "surcharge" and item.percent is not None:
            return item.percent
    return None


def with_default_sections(estimate: Estimate) -> Estimate:
    """The estimate with each regular-budget activity whose spec names no section priced under its
    kind's default section where that changes no amount (:func:`statement_sections`)."""
    return statement_sections(estimate)[0]


def statement_sections(estimate: Estimate) -> tuple[Estimate, dict[str, str]]:
    """Each regular-budget activity whose spec names no section, shown under its kind's default section
    (conference services: section 2, model/vocabulary.yaml ``default_sections``); the spec lists the
    assumption in ``extra.assumptions``. An amount is rounded once, by cell: an activity whose cell it
    shares with every other activity of the same default section moves with them and is priced again
    (no amount changes); one costed in one rounded amount with activities of other kinds, or that would
    be rounded again with others already under the section, keeps its cell and is returned in the
    mapping (activity → section) that :func:`~pbi.costing.conclusions.conclude` shares such a cell by
    (``shown_under``), so that every total stays the estimate's own."""
    from pbi.costing.engine import cost

    spec = estimate.spec
    regular = funding_keys("regular") | {"budget_process"}
    chosen = {a.id: key for _, a in spec.activities()
              if a.section is None and a.funding in regular and (key := default_section(a.kind))}
    if not chosen:
        return estimate, {}
    cells: dict[tuple[str, str, int], set[str | None]] = {}
    for item in estimate.items:
        if item.section is None and item.type != "rounding":
            cells.setdefault((item.group, item.funding, item.year), set()).add(chosen.get(item.activity))
    taken = {(c.group, c.funding, c.section, c.year) for c in estimate.cells}
    mixed = {i.activity for i in estimate.items
             if i.section is None and (len(cells.get((i.group, i.funding, i.year), set())) > 1
                                       or (i.group, i.funding, chosen.get(i.activity), i.year) in taken)}
    shown = {k: v for k, v in chosen.items() if k in mixed}
    moved = {k: v for k, v in chosen.items() if k not in mixed}
    requests = tuple(r.model_copy(update={"activities": tuple(
        a.model_copy(update={"section": moved[a.id]}) if a.id in moved else a for a in r.activities)})
        for r in spec.requests)
    said: list[Any] = list(spec.extra.get("assumptions") or [])
    first_year = spec.period.years[0]
    for key in dict.fromkeys(chosen.values()):
        sec = section(key)
        said.append({lang: text.format(section=sec.named(lang, first_year, labelled=False))
                     for lang, text in default_section_assumption(key).items()})
    new = spec.model_copy(update={"requests": requests, "extra": {**spec.extra, "assumptions": said}})
    return cost(new, estimate.table), shown


def note_conclusion(estimate: Estimate, kind: str | None = None) -> Conclusion:
    """What the note of ``kind`` (default: the kind the spec's body takes) concludes: a statement shows
    conference services whose section the spec does not name under their default section
    (:func:`statement_sections`), so its conclusion names that section; a financial note names none."""
    if (kind or default_kind(estimate.spec)) != "statement":
        return conclude(estimate)
    shown_estimate, shown = statement_sections(estimate)
    return conclude(shown_estimate, shown_under=shown)


def build_statement_context(estimate: Estimate) -> StatementContext:
    """Arrange a costed spec as the parts of its statement (see the module docstring); conference
    services whose section the spec does not name are shown under their default section
    (:func:`with_default_sections`)."""
    estimate, shown = statement_sections(estimate)
    spec = estimate.spec
    b = body(spec.body)
    conclusion = conclude(estimate, shown_under=shown)
    requests = [r for r in spec.requests if r.text is not None]
    # a draft's one unnumbered operative paragraph ('') is cited as the draft itself
    ops = list(dict.fromkeys(op for r in requests for op in r.operative_paragraphs if op)) \
        or [op for op in spec.operative_paragraphs if op]
    covered_ids = {i.activity for i in estimate.items if i.covered}
    additional_ids = {i.activity for i in estimate.items if not i.covered and i.funding not in _COVERED}
    draws = {u.activity: u for u in estimate.entitlements}
    lines = [ActivityLine(r, _as_drawn(a, draws.get(a.id)), object_of(a.of or a.kind, a.object).key) for r, a in spec.activities()]
    return StatementContext(
        spec=spec, estimate=estimate, conclusion=conclusion, body=b,
        symbol=spec.symbol if _SYMBOL.match(spec.symbol) and not spec.draft_number else None, requests=requests, ops=ops,
        activities=_merged([ln for ln in lines if ln.activity.id in additional_ids]),
        covered=_merged([ln for ln in lines if ln.activity.id in covered_ids or ln.activity.funding in _COVERED]),
        no_implications=not estimate.items and not spec.extra.get("not_costed"),
        table_rows=conclusion.objects_of("additional", "budget_process"))


def _as_drawn(activity: Activity, use: Any) -> Activity:
    """An activity that asks for meetings only up to what is left of an allocation, listed with the
    meetings the allocation covers (six asked, four left: four meetings, the amount priced)."""
    if (use is None or not use.up_to_available or use.additional != 0 or use.covered >= use.requested
            or use.balance.quantity != "meetings" or activity.meetings is None):
        return activity
    return activity.model_copy(update={"meetings": Range.of(use.covered)})


def _merged(lines: list[ActivityLine]) -> list[ActivityLine]:
    """Identical activities of one request listed once, counted (:mod:`pbi.render.identical`)."""
    return merge_identical_by(lines, lambda ln: ln.activity, lambda ln, a: replace(ln, activity=a),
                              key=lambda ln: (ln.request.id, ln.object))


def statement_table(ctx: StatementContext, lang: str) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Regular-budget requirements by section and object of expenditure, one column a year and a total;
    a total a section, staff assessment and the totals (net and with staff assessment)."""
    from .numbers import money

    rows = ctx.table_rows
    if not rows:
        return (), []
    titles = _TABLE_TITLES[lang if lang in _TABLE_TITLES else "en"]
    words = _TABLE_WORDS[lang if lang in _TABLE_WORDS else "en"]
    years = sorted({r.year for r in rows} | {s.year for s in ctx.conclusion.staff_assessment})
    year = ctx.spec.period.years[0]  # section names are those of the budget period
    header = (titles[0], *(str(y) for y in years), titles[1])

    def line(label: str, amounts: dict[int, Range]) -> tuple[str, ...]:
        total = ZERO
        for a in amounts.values():
            total = total + a
        def cell(a: Range) -> str:
            return f"({money(a.map(abs), lang)})" if a.high < 0 else money(a, lang)

        return (label, *(cell(amounts[y]) if y in amounts else "–" for y in years), cell(total))

    out: list[tuple[str, ...]] = []
    grand: dict[int, Range] = {}
    labels = {o.key: o for o in objects_of_expenditure()}
    for key in sorted(dict.fromkeys(r.section for r in rows), key=section_order):
        sec = section(key) if key else None
        out.append((_section_title(sec, lang, year) if sec else words[1],
                    *("" for _ in years), ""))
        sums: dict[int, Range] = {}
        for obj in dict.fromkeys(r.object for r in rows if r.section == key):
            amounts: dict[int, Range] = {}
            for r in rows:
                if r.section == key and r.object == obj:
                    amounts[r.year] = amounts.get(r.year, ZERO) + r.amount
                    sums[r.year] = sums.get(r.year, ZERO) + r.amount
                    grand[r.year] = grand.get(r.year, ZERO) + r.amount
            label = labels[obj].label(lang) if obj in labels else obj.replace("_", " ")
            out.append(("    " + label, *line("", amounts)[1:]))
        out.append(line("    " + words[0], sums))
    out.append(line(titles[3], grand))
    if ctx.conclusion.staff_assessment:
        sa: dict[int, Range] = {}
        for s in ctx.conclusion.staff_assessment:
            sa[s.year] = sa.get(s.year, ZERO) + s.amount
        first = ctx.conclusion.staff_assessment[0]
        out.append(line(f"{_section_title(section(first.section), lang, year)}", sa))
        both = {y: grand.get(y, ZERO) + sa.get(y, ZERO) for y in years}
        out.append(line(titles[4], both))
        inc = income_section(first.income_section)
        out.append(line(words[3].format(n=inc.number, name=inc.name(lang, year)),
                        {y: a.map(lambda d: -d) for y, a in sa.items()}))
    return header, out


def section_order(key: str | None) -> tuple[int, str]:
    """Budget sections in their numeric order (section 2 before section 16, 29C after 29)."""
    m = re.search(r"(\d+)(\w*)$", key or "")
    return (int(m.group(1)), m.group(2)) if m else (10_000, key or "")


def _section_title(sec: Section, lang: str, year: int) -> str:
    """A section's row in the table: ``Section 2, General Assembly …``, or ``Section 27`` where no
    name is known for the budget period and language."""
    number = sec.numbered(lang, labelled=False)
    number = number[:1].upper() + number[1:]
    name = sec.name(lang, year)
    return number if name is None else _TABLE_WORDS[lang if lang in _TABLE_WORDS else "en"][2].format(
        sec=number, name=name)


# -- English grammar helpers the templates use -----------------------------------------------------

def article(phrase: str) -> str:
    """``a`` or ``an`` before ``phrase`` (by its sound: an eight-day, an 11-day, a one-day, a United …)."""
    word = phrase.strip().split(" ", 1)[0].lower()
    if re.match(r"^(8|11|18|80|800)\b|^(8|11|18)[-\d,]", word):
        return "an"
    if re.match(r"^(one|uni|use|usu|eu)", word):
        return "a"
    return "an" if word[:1] in "aeiou" else "a"


_PREPOSITIONS = (" to ", " of ", " on ", " for ", " in ", " with ", " at ")


def plural(label: str) -> str:
    """The plural of a noun phrase: its head noun (before the first preposition) made plural."""
    label = _ARTICLE.sub("", label.strip())
    cut = min((label.find(p) for p in _PREPOSITIONS if p in label), default=len(label))
    head, rest = label[:cut], label[cut:]
    words = head.split(" ")
    last = words[-1]
    if not last:
        raise RenderError(f"cannot make {label!r} plural")
    if last.endswith("s") and not last.endswith(("ss", "sis", "us")):
        pass  # already plural: regional workshops, meetings of focal points
    elif last.endswith("sis"):
        last = last[:-2] + "es"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last = last + "es"
    else:
        last = last + "s"
    return " ".join([*words[:-1], last]) + rest


def qualify(label: str, note: str) -> str:
    """``note`` in parentheses after the head of a noun phrase: Legal Officer (P-3) to draft the text."""
    cut = min((label.find(p) for p in _PREPOSITIONS if p in label), default=len(label))
    return f"{label[:cut]} ({note}){label[cut:]}"


_COUNTED = re.compile(r"^(one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.IGNORECASE)
_EVENT = re.compile(r"\b(meetings?|sessions?|consultations?|conferences?|workshops?|seminars?|congress|"
                    r"hearings?|dialogues?|forums?|segments?|discussions?|panels?|briefings?|debates?)\b", re.IGNORECASE)
_DOCUMENT = re.compile(r"\b(reports?|documents?|documentation|notes?|stud(y|ies)|publications?|guides?|manuals?|"
                       r"laws?|handbooks?|surveys?|tools?|software|analys[ie]s|compendi(um|a)|digests?|"
                       r"summar(y|ies)|records?|papers?|proceedings|instruments?|texts?)\b", re.IGNORECASE)


def counted_already(label: str) -> bool:
    """The label states its own count (``one five-day session in 2011``): print it as it is."""
    return bool(_COUNTED.match(label.strip()))


def names_event(label: str) -> bool:
    """The label names a meeting or session, not the body that meets (``the working group``)."""
    return bool(_EVENT.search(label))


def names_document(label: str) -> bool:
    """The label names a document, not the body it is for."""
    return bool(_DOCUMENT.search(label))


_ZH_EVENT = re.compile(r"会议|届会|讲习班|研讨会|大会|磋商|论坛|讨论|对话|通报会|辩论")
_ZH_DOCUMENT = re.compile(r"报告|文件|说明|研究|出版物|指南|手册|示范法|法|工具|软件|分析|汇编|摘要|记录|文书|案文|调查")
_ZH_COUNTED = re.compile(r"^[一二两三四五六七八九十\d]|^\d{4}\s*年")


def zh_counted_already(label: str) -> bool:
    """A Chinese label that states its own count or year (``2011 年一届五天的会议``)."""
    return bool(_ZH_COUNTED.match(label.strip()))


def zh_names_event(label: str) -> bool:
    return bool(_ZH_EVENT.search(label))


def zh_names_document(label: str) -> bool:
    return bool(_ZH_DOCUMENT.search(label))


def definite(label: str) -> str:
    """The label with ``the`` unless it has an article already (``the intergovernmental working group``)."""
    return label.strip() if _ARTICLE.match(label.strip()) else "the " + label.strip()


def bare(label: str) -> str:
    """A label without its leading article (to be given a count or another determiner)."""
    return _ARTICLE.sub("", label.strip())
