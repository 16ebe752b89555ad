"""Write a financial note or a statement from a costed spec: templates per note kind and language.

``render_note(estimate, lang, fmt, kind=None)`` takes the kind the spec's body takes unless told
(pbi.model.vocabulary), builds the context (:mod:`.context` for the financial note, :mod:`.statement`
for the statement), renders the template ``templates/<kind>/<lang>.j2`` (Jinja2 with
``StrictUndefined``; the financial note's names of bodies and places in ``templates/phrases.yaml``,
budget sections — by budget period — and the statement's names in ``pbi/model/vocabulary.yaml``), and
writes the result as plain text, Markdown, HTML or Word (:mod:`.docx`). A language is added by writing its template and its
phrases; numbers are written by :mod:`.numbers`.

A spec text with no version in the note's language stops the note (``strict``, the default of the
API and of ``pbi note``: never English in a French note) or, for a working note, is quoted in the
language it has, each such field listed in ``Note.warnings`` (``pbi note --quote-untranslated``
prints them); the rule of procedure cited is the spec's, the body's being only its default.
"""

from __future__ import annotations

import html
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pbi.model.errors import PbiError, RenderError
from pbi.costing.estimate import Estimate
from pbi.render.nouns import plural_phrase, plural_subject, ru_counted, ru_each, ru_heads
from pbi.render.verbs import would

__all__ = ["Note", "NoteParagraph", "NoteItem", "KINDS", "FORMATS", "build_note", "render_note", "note_text",
           "paragraph_number"]

TEMPLATES = Path(__file__).parent / "templates"
#: note kinds: the financial note (Conference of the Parties, rule 75) and the statement of programme budget
#: implications (General Assembly, rule 153; Economic and Social Council, rule 31: pbi.render.statement)
KINDS = ("financial_note", "statement")
FORMATS = ("text", "md", "html", "docx")
Format = Literal["text", "md", "html", "docx"]

#: heading, paragraph, item, sub-item, footnote; a statement's preamble line (T), subtitle (U), part (S), table (B)
_MARK = re.compile(r"⟦([HPIJFTUSB])⟧")


@dataclass
class NoteItem:
    """A lettered item ((a), (b) …) with its sub-items (㈠, ㈡ … / (i), (ii) …)."""

    label: str
    text: str
    items: list["NoteItem"] = field(default_factory=list)


@dataclass
class NoteParagraph:
    number: int
    text: str
    kind: str = ""
    items: list[NoteItem] = field(default_factory=list)
    part: str = ""  # a statement's part heading printed before the paragraph ("I. Requests …")


@dataclass
class Note:
    """A rendered note: heading, numbered paragraphs, and the resource table."""

    lang: str
    heading: str
    paragraphs: list[NoteParagraph]
    table: list[tuple[str, ...]] = field(default_factory=list)
    table_header: tuple[str, ...] = ("", "", "", "")
    preamble: list[str] = field(default_factory=list)   # session, agenda item … above the heading
    subtitle: str = ""                                   # "Statement submitted by the Secretary-General …"
    table_after: int | None = None                       # the table is printed after this paragraph
    #: the total row of the resource table, written as the body writes amounts
    table_total: str = ""
    assumptions_title: str = ""
    assumptions: list[str] = field(default_factory=list)  # what the spec assumed (never a published fact)
    #: the header block of the document: symbol, distribution, date, language, original
    header: dict[str, str] = field(default_factory=dict)
    #: footnotes, in order (the Word file prints them at the foot of the page)
    footnotes: list[str] = field(default_factory=list)
    #: what the reader must know before the note is issued, one line each ``FILE:LINE: field: …``: a spec
    #: text quoted in another language, a rule that is not the body's (printed on stderr by ``pbi note``)
    warnings: list[str] = field(default_factory=list)

    @property
    def direction(self) -> str:
        """``rtl`` for Arabic, else ``ltr``."""
        from .numbers import RTL

        return "rtl" if self.lang in RTL else "ltr"


@lru_cache(maxsize=1)
def _phrases() -> dict[str, Any]:
    """``phrases.yaml`` (entries keyed by language) with ``phrases/<lang>.yaml`` (one language per
    file) merged in: ``phrases[category][key][lang]``."""
    import yaml

    phrases: dict[str, Any] = yaml.safe_load((TEMPLATES / "phrases.yaml").read_text(encoding="utf-8"))
    for path in sorted((TEMPLATES / "phrases").glob("*.yaml")):
        lang = path.stem
        for category, entries in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            for key, value in entries.items():
                phrases.setdefault(category, {}).setdefault(key, {})[lang] = value
    return phrases


def _genders(lang: str) -> dict[str, list[str]]:
    """The ``genders`` phrases of ``lang`` (French, Spanish): feminine nouns, masculine nouns, feminine endings."""
    return {key: forms[lang] for key, forms in _phrases().get("genders", {}).items() if lang in forms}


def _has_article(text: str, genders: dict[str, list[str]]) -> bool:
    """Whether ``text`` begins with one of the articles of the ``genders`` phrases (le, la, l’ … / el, la, un …)."""
    low = text.lower()
    return any(low.startswith(a if a.endswith(("’", "'")) else a + " ") for a in genders.get("articles", []))


def _the(text: str, lang: str, genders: dict[str, list[str]]) -> str:
    """A label named as a definite thing: ``the working group``, « le groupe de travail », « l’atelier »,
    «el grupo de trabajo»; a label that has its article already, and a label in another language, as it is."""
    from pbi.render import numbers as n
    from pbi.render.statement import definite

    text = text.strip()
    if lang == "en":
        return definite(text)
    forms = genders.get("definite")  # masculine, feminine, elided (phrases ``genders``)
    if not forms or not text or _has_article(text, genders):
        return text
    if len(forms) > 2 and text[0].lower() in genders.get("elided_before", []):
        return forms[2] + text
    return forms[1 if n.feminine(text, lang, genders) else 0] + " " + text


#: the languages a spec text missing in the note's language is quoted in, in this order of preference
_QUOTED_FROM = ("en", "zh", "fr", "es", "ru", "ar")


def _have(text: Any) -> str | None:
    """The first language of :data:`_QUOTED_FROM` in which ``text`` is written."""
    return next((k for k in _QUOTED_FROM if getattr(text, k, None)), None)


@dataclass
class _Quoting:
    """The spec texts one note quotes untranslated: by identity, the text and the language quoted."""

    quoted: dict[int, tuple[Any, str]] = field(default_factory=dict)


#: set while a note that may quote untranslated texts is rendered (not strict); None: a missing text stops
_QUOTING: ContextVar[_Quoting | None] = ContextVar("pbi_render_quoting", default=None)


class MissingText(RenderError):
    """A text the note needs has no version in the note's language."""

    def __init__(self, text: Any, lang: str) -> None:
        have = _have(text)
        shown = f" ({have}: {getattr(text, have)!r})" if have else ""
        super().__init__(f"no {lang} text{shown}: give it in the spec, or write a working note that quotes "
                         f"it untranslated with `pbi note --quote-untranslated`")
        self.text = text


def _text_path(root: Any, target: Any, path: str = "") -> str | None:
    """The field path of ``target`` (a Text, by identity) inside a spec: ``requests[1].text``."""
    from pydantic import BaseModel

    if root is target:
        return path
    if isinstance(root, BaseModel):
        for name in type(root).model_fields:
            found = _text_path(getattr(root, name), target, f"{path}.{name}" if path else name)
            if found is not None:
                return found
    elif isinstance(root, (list, tuple)):
        for i, item in enumerate(root):
            found = _text_path(item, target, f"{path}[{i}]")
            if found is not None:
                return found
    return None


def phrase(category: str, key: str, lang: str) -> Any:
    """A name of ``templates/phrases``: a missing one is an error naming its key."""
    try:
        return _phrases()[category][key][lang]
    except KeyError:
        raise RenderError(f"no {lang} entry for {category}.{key} in the phrases "
                          f"(templates/phrases.yaml or templates/phrases/{lang}.yaml)") from None


@lru_cache(maxsize=1)
def _bytecode_cache() -> Any:
    """One store of compiled templates for every environment: a template is compiled once per process,
    not once per language and budget period (Jinja keys it by the template's name and source)."""
    import jinja2

    class MemoryBytecodeCache(jinja2.BytecodeCache):
        def __init__(self) -> None:
            self.store: dict[str, bytes] = {}

        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            if bucket.key in self.store:
                bucket.bytecode_from_string(self.store[bucket.key])

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            self.store[bucket.key] = bucket.bytecode_to_string()

    return MemoryBytecodeCache()


@lru_cache(maxsize=32)
def _environment(lang: str, budget_period: str) -> Any:
    """The Jinja environment of one language and budget period; cached, so that its compiled
    templates are reused (compiling them is most of the cost of a note)."""
    import jinja2

    from decimal import ROUND_HALF_UP, Decimal

    from pbi.model import money
    from pbi.model.periods import parse_period, period_of
    from pbi.model.specs import Range
    from . import numbers as n
    from .identical import merge_identical

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), undefined=jinja2.StrictUndefined,
                             autoescape=False, keep_trailing_newline=False, bytecode_cache=_bytecode_cache())
    phrases = _phrases()

    def tr(text: Any) -> str:
        if text is None:
            raise RenderError("a text the template needs is missing from the spec")
        value = getattr(text, lang, None)
        if value:
            return str(value)
        quoting, have = _QUOTING.get(), _have(text)
        if quoting is None or have is None:  # strict: the note stops, naming the field
            raise MissingText(text, lang)
        quoting.quoted.setdefault(id(text), (text, have))  # quoted as the spec has it, and said on stderr
        return str(getattr(text, have))

    first_year = parse_period(budget_period).years[0]

    def section(key: str) -> dict[str, str]:
        """A budget section as the templates print it (model/vocabulary.yaml, names by budget
        period): ``number`` / ``number_dat`` (by number alone), ``title`` (its name, "" where none
        is known for the period and language), ``named`` / ``named_dat`` (with its name if known)."""
        from pbi.model.vocabulary import section as vocabulary_section

        sec = vocabulary_section(key)
        return {"number": sec.numbered(lang, year=first_year), "number_dat": sec.numbered(lang, "number_dat", year=first_year),
                "title": sec.name(lang, first_year) or "", "named": sec.named(lang, first_year),
                "named_dat": sec.named(lang, first_year, "number_dat")}

    def label(activity: Any) -> str:
        """The activity's own short name, or the name of its kind."""
        if activity.label is not None and getattr(activity.label, lang, None):
            return tr(activity.label)
        if activity.kind == "lump_sum":  # named by what its amount is of: "provision for travel"
            by_object = phrases.get("lump_sum_objects", {}).get("named", {})
            if activity.of in (None, "other") and activity.object and lang in by_object:
                from pbi.model.vocabulary import object_of  # "provision for contractual services"

                name = object_of(activity.kind, activity.object).label(lang)
                return str(by_object[lang]).format(object=name[:1].lower() + name[1:], Object=name)
            names = phrases.get("lump_sums", {})
            name = names.get(activity.of or "default") or names.get("default", {})
            if lang in name:
                return str(name[lang])
        try:
            return str(phrases["kinds"][activity.kind][lang])
        except KeyError:
            raise RenderError(f"activity {activity.id!r} has no {lang} label, and templates/phrases.yaml "
                              f"names no kind {activity.kind!r}", field="label") from None

    def meeting_count(activity: Any) -> Decimal:
        """The meetings an activity states, or its days or weeks of meetings counted in meetings (low end)."""
        from pbi.model.units import meetings_per_day, meetings_per_week

        if activity.meetings is not None:
            return Decimal(activity.meetings.low)
        if activity.days is not None:
            return Decimal(activity.days.low * meetings_per_day())
        if activity.weeks is not None:
            return Decimal(activity.weeks.low * meetings_per_week())
        return Decimal(0)

    def staff_grade(grade: Any) -> str:
        """A staff member's grade after the noun (phrases ``grade_forms``): " (P-3)"; a General Service grade,
        whose name has brackets of its own, by its category: " in the General Service (Principal level) category"."""
        from pbi.model.vocabulary import grade_name

        form = "category" if str(grade).startswith("GS") else "level"
        return str(phrase("grade_forms", form, lang)).format(grade=grade_name(str(grade), lang))

    def week_meetings(activity: Any) -> Any:
        """Weeks of meetings as the meetings they hold (a Range, as ``meetings`` is): a statement says
        "a three-week meeting (30 meetings, …)" as it says "a four-day meeting (eight meetings, …)"."""
        from pbi.model.units import meetings_per_week

        per_week = Decimal(meetings_per_week())
        return activity.weeks.map(lambda w: w * per_week)

    def place(name: str) -> str:
        return str(phrase("places", name, lang))

    def counted_noun(value: Any, key: str) -> str:
        """The form of a counted noun after ``value`` (phrases ``counted``: one form per plural category
        of the language, chosen by CLDR's rule): ru 21 заседание, 22 заседания, 25 заседаний."""
        return n.plural(value, lang, *phrase("counted", key, lang))

    def with_count(text: Any, value: Any) -> str:
        """A label with its count: Russian "2 совещания высокого уровня" where its head noun is a counted noun
        of the phrases, else the label and its count in brackets ("семинар-практикум (2)")."""
        if lang == "ru":
            counted = ru_counted(str(text), n.plural(value, lang, *n.plural_categories(lang)),
                                 ru_heads(_phrases()["counted"]))
            if counted:
                return f"{n.number(value, lang)} {counted}"
        return f"{text} ({n.number(value, lang)})"

    def service(rate_key: str) -> str:
        """A meeting service beside interpretation, by the rate that prices it (phrases ``meeting_services``)."""
        return str(phrase("meeting_services", rate_key, lang))

    def services(rate_keys: Any) -> list[str]:
        """The meeting services beside interpretation, named (phrases ``meeting_services``), two that the
        language names as one put together (phrases ``meeting_services_together``, keys ``a+b``):
        ru «подготовкой кратких и стенографических отчетов», not «подготовкой кратких отчетов, подготовкой
        стенографических отчетов»."""
        keys = [str(k) for k in rate_keys]
        together = [(k.split("+"), v[lang]) for k, v in _phrases().get("meeting_services_together", {}).items()
                    if lang in v]
        names: list[str] = []
        done: set[str] = set()
        for key in keys:
            if key in done:
                continue
            pair = next(((ks, name) for ks, name in together if ks[0] == key and all(k in keys for k in ks)), None)
            if pair:
                names.append(str(pair[1]))
                done.update(pair[0])
            else:
                names.append(service(key))
        return names

    def items_join(items: Any) -> str:
        """Things an amount pays for, joined as the language joins a list; where one before the last is
        itself a list, the last follows phrases ``lists.after_inner_list`` (en ", and ", ru ", а также "):
        «… звукотехническим обслуживанием и поддержкой в области ИТ, а также документация», not «… и … и»."""
        texts = [str(i) for i in items if i]
        last = _phrases().get("lists", {}).get("after_inner_list", {}).get(lang)
        inner = any(re.search(r",| (?:and|et|y|и) ", outside_parens(t)) for t in texts[:-1])
        if last and len(texts) > 1 and inner:
            return ", ".join(texts[:-1]) + str(last) + texts[-1]
        return n.join(texts, lang)

    def destination(name: str) -> str:
        """A place travelled to, where the language says it apart from a place where (ru в Женеву, в Женеве)."""
        forms = _phrases().get("destinations", {}).get(name, {})
        return str(forms[lang]) if lang in forms else place(name)

    def outside_parens(item: str) -> str:
        return re.sub(r"（[^）]*）|\([^)]*\)", "", item)

    def lettered(items: list[str], sep: str) -> str:
        return sep.join(f"{n.item_label(i + 1, lang)}{'' if lang == 'zh' else ' '}{t}" for i, t in enumerate(items))

    def join(items: Any, sep: str | None = None, last: str | None = None) -> str:
        texts = [str(i) for i in items if i]
        if sep is None:
            return n.join(texts, lang)
        if len(texts) < 2:
            return "".join(texts)
        return sep.join(texts[:-1]) + (last if last is not None else sep) + texts[-1]

    def next_period(p: str) -> str:
        return n.period(parse_period(p).next().label, lang)

    def period_name(year_or_label: int | str) -> str:
        """The budget period of a year, or a period label: zh 2012-2013两年期 / 2022年; en 2012–2013 / 2022."""
        p = period_of(year_or_label) if isinstance(year_or_label, int) else parse_period(year_or_label)
        if lang == "zh":
            return p.label + ("两年期" if p.kind == "biennium" else "年")
        return n.period(p.label, lang)

    def later_in_period(year: int) -> bool:
        """The year is not the first of its budget period (2017 of 2016-2017): a note then names it."""
        return period_of(year).start != year

    def budget(label: str) -> str:
        """The programme budget of a period: zh 2010-2011两年期方案预算 / 2021年方案预算;
        en the programme budget for the biennium 2010–2011 / the programme budget for 2021."""
        p = parse_period(label)
        if lang == "zh":
            return period_name(label) + "方案预算"
        return "the programme budget for " + ("the biennium " if p.kind == "biennium" else "") + n.period(p.label, lang)

    def roman(i: int) -> str:
        return money.roman(i, lower=True)

    genders = _genders(lang)
    env.filters.update({
        "tr": tr, "num": lambda v: n.number(v, lang), "cnt": lambda v: n.count_word(v, lang),
        "money": lambda v: n.money(v, lang), "ops": lambda v: n.ops_list(v, lang),
        "paragraphs": lambda v: n.paragraph_list(v, lang), "period": lambda v: n.period(v, lang),
        "biennium": lambda y: n.period(period_of(y).label, lang), "next_period": next_period,
        "period_name": period_name, "later_in_period": later_in_period, "budget": budget,
        "cents": lambda v: Range.of(v).map(lambda d: d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)),
        "letter": lambda i: n.letter(i, lang), "circled": lambda i: chr(0x321F + i), "roman": roman,
        "period_kind": lambda label: parse_period(str(label)).kind,
        "period_of": lambda year: period_of(int(year)).label, "lower_first": lambda t: t[:1].lower() + t[1:],
        "would": lambda t, feminine=False: would(str(t), lang, bool(feminine)),
        "plural_of": lambda t: plural_phrase(str(t), lang),
        "plural_subject": lambda t: plural_subject(str(t), lang), "each": lambda label: ru_each(label or None),
        "item": lambda i: n.item_label(i, lang), "agenda": lambda number: n.agenda_number(str(number), lang), "subitem": lambda i: n.subitem_label(i, lang),
        "pl": lambda v, *forms: n.plural(v, lang, *forms), "feminine": lambda noun: n.feminine(str(noun), lang, genders),
        "has_article": lambda text: _has_article(str(text), genders),
        "the": lambda text: _the(str(text), lang, genders),
        "noun": counted_noun, "with_count": with_count, "counted": lambda v, key: f"{n.number(v, lang)} {counted_noun(v, key)}",
        "cntf": lambda v: n.count_word(v, lang, "f"), "cntn": lambda v: n.count_word(v, lang, "n"),
        "prep": lambda text, word: n.contract(word, str(text), lang),
        "langnames": lambda codes: n.language_names(codes, lang), "section": section, "place": place,
        "service": service, "services": services, "destination": destination, "label": label,
        "meeting_count": meeting_count, "week_meetings": week_meetings, "staff_grade": staff_grade, "merged": lambda acts: list(merge_identical(acts)),
        "components": lambda text: [t for t in str(text).split("‖") if t],
        "commas": lambda items: any("，" in outside_parens(i) or ", " in outside_parens(i) for i in items),
        "inner_list": lambda items: any("、" in outside_parens(i) for i in items),
        "lettered": lettered, "join": join, "items_join": items_join,
        "capitalize_first": lambda t: t[:1].upper() + t[1:],
        "bare": _bare, "plural": _plural, "indefinite": _indefinite,
        "sentence_case": lambda t: (lambda s: s[:1].upper() + s[1:])(str(t).lstrip()),
    })
    from pbi.model.vocabulary import funding_source, grade_name

    env.filters["resources"] = lambda key: funding_source(key).resources(lang)  # model/vocabulary.yaml
    env.filters["grade"] = lambda g: grade_name(str(g), lang)  # model/vocabulary.yaml grade_names
    from pbi.render.statement import section_order

    env.filters["in_section_order"] = lambda keys: sorted(keys, key=section_order)  # section 2 before 15
    # the quantities a template takes when the spec leaves one out (one post, a year of twelve months)
    env.globals.update({"one": Range.of(1), "twelve": Range.of(12)})
    return env


def _bare(label: str) -> str:
    from .statement import bare

    return bare(label)


def _indefinite(phrase: str) -> str:
    """``a`` or ``an`` before ``phrase`` (an eight-day meeting)."""
    from .statement import article

    return article(phrase)


def _plural(label: str) -> str:
    """A label made plural unless it already is (``regional workshops``)."""
    from .statement import plural

    return plural(label)


def _spacing_zh(text: str) -> str:
    """UN Chinese layout: a space between Chinese and Latin letters or digits."""
    cjk = r"\u3400-\u9fff"
    text = re.sub(rf"([{cjk}])([A-Za-z0-9$])", r"\1 \2", text)
    return re.sub(rf"([A-Za-z0-9%])([{cjk}])", r"\1 \2", text)


def _clean(text: str, lang: str) -> str:
    if lang == "zh":
        text = re.sub(r"\s*\n\s*", "", text).strip()
        return _spacing_zh(text)
    # only layout whitespace collapses: the no-break spaces of numbers and of French punctuation stay
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()
    if lang == "fr":  # French typography: ’ (U+2019), a no-break space inside guillemets and before : ; ! ? %
        text = text.replace("'", "\u2019")
        text = re.sub(r" ?([:;!?])(?=\s|$|\))", lambda m: ("\u00a0" if m.group(1) == ":" else "\u202f") + m.group(1), text)
        text = re.sub(r"(\d) %", "\\1\u202f%", text)
        text = re.sub(r"« ?", "«\u00a0", text)
        text = re.sub(r" ?»", "\u00a0»", text)
        text = re.sub(r" ([,.)])", r"\1", text)
    else:
        text = re.sub(r" ([,.;:)\u201d\u00bb\u060c\u061b])", r"\1", text)
    return re.sub(r"([(\u201c\u00ab]) ", r"\1", text)


def build_note(estimate: Estimate, lang: str, kind: str | None = None, *, strict: bool = True) -> Note:
    """Render the template of ``kind`` in ``lang`` into a :class:`Note`; ``kind`` None: the kind the
    spec's body takes by default (model/vocabulary.yaml).

    A spec text (title, session, agenda title, request text …) with no version in ``lang`` stops the
    note, naming its field (``strict``); with ``strict=False`` it is quoted in the language it has and
    the note's ``warnings`` name each such field, so that a budget officer gets a note to work on
    before the texts are translated. A rule the spec states other than its body's is printed as
    stated, with a warning."""
    quoting = None if strict else _Quoting()
    token = _QUOTING.set(quoting)
    try:
        note = _build_note(estimate, lang, kind)
    finally:
        _QUOTING.reset(token)
    lines = [*_rule_warnings(estimate.spec), *_quoted_warnings(quoting, estimate, lang)]
    note.warnings = [message for _, message in sorted(lines, key=lambda lm: lm[0])]  # in the spec's order
    return note


def _rule_warnings(spec: Any) -> list[tuple[int, str]]:
    """One line if the spec states a rule of procedure other than the one its body's notes are made
    under (model/vocabulary.yaml): the note cites the spec's, and says so."""
    from pbi.model.specs import source_of
    from pbi.model.vocabulary import body

    try:
        known = body(spec.body).rule
    except PbiError:
        return []
    if not known or not spec.rule or spec.rule == known:
        return []
    file, lines = source_of(spec)
    name = body(spec.body).names_in("en")["name"] if "en" in body(spec.body).names else spec.body
    return [(lines.get("rule", 0), str(RenderError(
        f"{spec.rule} is not {name}’s rule for these notes ({known}); the note cites rule {spec.rule}, as the spec "
        "states", file=file if lines else None, line=lines.get("rule"), field="rule")))]


def _quoted_warnings(quoting: _Quoting | None, estimate: Estimate, lang: str) -> list[tuple[int, str]]:
    """One line per spec field the note quotes in another language, in the order of the spec's lines."""
    if quoting is None:
        return []
    found: dict[str, tuple[int, str]] = {}
    for text, have in quoting.quoted.values():
        file, line, where = _where(text, estimate)
        message = str(RenderError(f"no {lang} text, quoted in {have} — translate it before the note is issued",
                                  file=file, line=line, field=where or "a text"))
        found.setdefault(where or message, (line or 0, message))
    return list(found.values())


def _build_note(estimate: Estimate, lang: str, kind: str | None = None) -> Note:
    import jinja2

    from .context import as_stated, build_context
    from .numbers import SUPPORTED

    if kind is None:
        kind = _default_kind(estimate)
    if kind not in KINDS:
        raise RenderError(f"unknown note kind {kind!r} (expected one of {', '.join(KINDS)})")
    if lang not in SUPPORTED or not (TEMPLATES / kind / f"{lang}.j2").exists():
        have = sorted(p.stem for p in (TEMPLATES / kind).glob("*.j2"))
        raise RenderError(f"no {kind} template for language {lang!r} (have: {', '.join(have)})")
    estimate = as_stated(estimate)  # travel stated as participants and days reads as trips
    spec = estimate.spec
    _check_years(spec)
    if kind == "statement":
        return _build_statement(estimate, lang)  # with what its spec assumed, sections included
    from .statement import check_kind

    check_kind(spec, kind)
    ctx = build_context(estimate, phrases=_phrases())
    try:
        body = _phrases()["bodies"][spec.body][lang]
    except KeyError:
        raise RenderError(f"no {lang} names for body {spec.body!r} in templates/phrases.yaml",
                          field="body") from None
    env = _environment(lang, spec.budget_period)
    try:
        raw = env.get_template(f"{kind}/{lang}.j2").render(**ctx.as_dict(), body=body, lang=lang)
    except jinja2.UndefinedError as err:
        raise RenderError(f"template {kind}/{lang}.j2: {err.message}") from None
    except MissingText as err:
        _locate(err, estimate)
        raise
    note = _parse(raw, lang, [p.kind for p in ctx.paragraphs])
    note.table_header, note.table, note.table_total = _resource_table(ctx, lang)
    note.header = _header_block(spec, lang, spec.document or ctx.symbol or "")
    return _with_assumptions(note, spec, lang)


def _check_years(spec: Any) -> None:
    """A note states what its budget period and the years after it would require: work dated before
    the period is a spec error (it would be written up as a requirement of "later years")."""
    from pbi.model.specs import source_of

    first = spec.years[0]
    for ri, request in enumerate(spec.requests):
        for ai, activity in enumerate(request.activities):
            if activity.year is not None and activity.year < first:
                file, lines = source_of(spec)
                where = f"requests[{ri}].activities[{ai}].year"
                err = RenderError(f"{activity.year} is before the budget period {spec.budget_period}: a note "
                                  f"states what its period and later years require (date the work {first} or "
                                  "later, or give the budget period it falls in)")
                err.located(file=file, line=lines.get(where), field=where)
                raise err


def _with_assumptions(note: Note, spec: Any, lang: str) -> Note:
    """The note with what its spec assumed (:mod:`.assumptions`), listed after its paragraphs."""
    from .assumptions import note_assumptions

    note.assumptions_title, note.assumptions = note_assumptions(spec, lang, _phrases())
    return note


def _locate(err: MissingText, estimate: Estimate) -> None:
    """Say which field of the spec (or of its entitlements file) lacks the text."""
    file, line, where = _where(err.text, estimate)
    if where is not None:
        err.located(file=file, line=line, field=where)


def _where(text: Any, estimate: Estimate) -> tuple[str | None, int | None, str | None]:
    """The file, line and field path of a spec text (found by identity), or of an entitlements text."""
    from pbi.model.specs import source_of

    file, lines = source_of(estimate.spec)
    where = _text_path(estimate.spec, text)
    if where is not None:
        return file, lines.get(where), where
    balances: list[Any] = [u.balance for u in estimate.entitlements]
    balances += [r.balance for req in estimate.spec.requests for r in estimate.recalls(req.id)]
    for balance in balances:
        where = _text_path(balance, text, "entitlements")
        if where is not None:
            return file, None, where
    return file if lines else None, None, None


def _header_block(spec: Any, lang: str, symbol: str) -> dict[str, str]:
    """Symbol, distribution, date, the language of this version and the original language."""
    from babel.dates import format_date

    document = {k: str(phrase("document", k, lang)) for k in ("distribution", "date_locale", "language", "original")}
    day = getattr(spec, "dated", None) or spec.priced_on  # the statement's own date, else the pricing date
    return {"symbol": symbol, "distribution": document["distribution"],
            "date": format_date(day, "d 'de' MMMM 'de' y" if document["date_locale"] == "es" else "d MMMM y",
                                locale=document["date_locale"]) if day else "",
            "language": document["language"], "original": document["original"],
            "table_heading": str(phrase("document", "table_heading", lang)),
            "total": str(phrase("document", "total", lang))}


def _default_kind(estimate: Estimate) -> str:
    from .statement import default_kind

    return default_kind(estimate.spec)


_ZH_PARTS = "一二三四五六七八九十"
_AR_PARTS = ("أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا")
#: a budget section ({sec}: as model/vocabulary.yaml ``section_forms`` numbers it), with its name and
#: without, an income section, and "the sections concerned", as the statements write them (Russian: in
#: the dative, after по; Arabic: after في إطار)
_SECTION_NAMES = {
    "en": ("{sec} ({name})", "{sec}", "income section {n} ({name})", "the sections concerned", "the other sections concerned"),
    "zh": ("{sec}“{name}”", "{sec}", "收入第{n}款“{name}”", "有关款次", "其他有关款次"),
    "fr": ("{sec} ({name})", "{sec}", "chapitre {n} des recettes ({name})", "chapitres concernés", "des autres chapitres concernés"),
    "es": ("la {sec} ({name})", "la {sec}", "la sección {n} de ingresos ({name})", "las secciones correspondientes", "las demás secciones correspondientes"),
    "ru": ("{sec} «{name}»", "{sec}", "разделу {n} сметы поступлений «{name}»", "соответствующим разделам", "другим соответствующим разделам"),
    "ar": ("{sec} ({name})", "{sec}", "باب الإيرادات {n} ({name})", "الأبواب المعنية", "الأبواب المعنية الأخرى"),
}
#: a draft numbered in a report (draft resolution IV) as the Chinese report numbers it (决议草案四)
_ZH_NUMBERS = {"I": "一", "II": "二", "III": "三", "IV": "四", "V": "五", "VI": "六", "VII": "七", "VIII": "八",
               "IX": "九", "X": "十"}


def _build_statement(estimate: Estimate, lang: str) -> Note:
    """The statement of programme budget implications (pbi.render.statement) in ``lang``."""
    import jinja2

    from pbi.model.money import roman
    from pbi.model.vocabulary import income_section, section
    from . import numbers as n
    from .statement import (article, bare, build_statement_context, check_kind, counted_already, definite,
                            names_document, names_event, plural, qualify, section_order, statement_table,
                            zh_counted_already,
                            zh_names_document, zh_names_event)

    check_kind(estimate.spec, "statement")
    ctx = build_statement_context(estimate)
    env = _environment(lang, estimate.spec.budget_period)
    c = ctx.conclusion

    first_year = estimate.spec.period.years[0]

    def secname(key: str) -> str:
        sec = section(key)
        name = sec.name(lang, first_year)
        return _SECTION_NAMES[lang][0 if name else 1].format(sec=sec.numbered(lang, "number_dat", labelled=False),
                                                               name=name)

    def incname(key: str) -> str:
        sec = income_section(key)
        return _SECTION_NAMES[lang][2].format(n=sec.number, name=sec.name(lang, first_year))

    def total(reqs: Any) -> Any:
        out = ZERO
        for r in reqs:
            out = out + r.amount
        return out

    def seclist(keys: Any) -> str:
        """The sections named, and "the other sections concerned" for amounts whose section the spec does
        not state (a key None)."""
        keys = list(keys)
        named = [secname(k) for k in keys if k]
        if not named:
            return _SECTION_NAMES[lang][3]
        if lang == "fr":  # every section takes its own article: du chapitre 2 (…) et du chapitre 34
            named = named[:1] + ["du " + name for name in named[1:]]
        return n.join(named + ([_SECTION_NAMES[lang][4]] if None in keys else []), lang)

    from pbi.costing.estimate import ZERO

    helpers = {
        "join": lambda items: n.join(list(items), lang), "seclist": seclist,
        "du": lambda text: ("des " if text.startswith("chapitres") else "du ") + text, "secname": secname, "incname": incname,
        "zhnum": lambda roman_number: _ZH_NUMBERS.get(str(roman_number), str(roman_number)),
        "plural": plural, "bare": bare, "qualify": qualify, "counted_already": counted_already,
        "names_event": names_event, "names_document": names_document, "definite": definite,
        "zh_counted_already": zh_counted_already, "zh_names_event": zh_names_event,
        "zh_names_document": zh_names_document, "article": article, "double": lambda d: d * 2, "zero": ZERO,
        "cf_sections": sorted({r.section for r in c.additional_regular_budget
                               if r.funding == "contingency_fund"}, key=section_order),
        "later_total": lambda y: total(r for r in c.budget_process if r.year == y),
        "later_sections_of": lambda y: sorted({r.section for r in c.budget_process if r.year == y},
                                              key=section_order),
        "later_sa": lambda y: total(s for s in c.staff_assessment if s.share == "budget_process" and s.year == y),
    }
    try:
        raw = env.get_template(f"statement/{lang}.j2").render(**ctx.as_dict(), **helpers, lang=lang)
    except jinja2.UndefinedError as err:
        raise RenderError(f"template statement/{lang}.j2: {err.message}") from None
    except MissingText as err:
        _locate(err, estimate)
        raise
    note = _parse(raw, lang, [])
    k = 0
    for p in note.paragraphs:
        if p.part:
            k += 1
            p.part = f"{_ZH_PARTS[k - 1]}. {p.part}" if lang == "zh" else \
                f"{_AR_PARTS[k - 1]} - {p.part}" if lang == "ar" else f"{roman(k)}. {p.part}"
    note.table_header, note.table = statement_table(ctx, lang)
    if not note.table:
        note.table_after = None
    spec = estimate.spec
    note.header = _header_block(spec, lang, spec.document or ctx.symbol or "")
    return _with_assumptions(note, ctx.spec, lang)


def _parse(raw: str, lang: str, kinds: list[str]) -> Note:
    parts = _MARK.split(raw)
    heading = subtitle = part = ""
    preamble: list[str] = []
    table_after: int | None = None
    paragraphs: list[NoteParagraph] = []
    footnotes: list[str] = []
    for tag, text in zip(parts[1::2], parts[2::2], strict=True):
        text = _clean(text, lang)
        if tag == "H":
            heading = text
        elif tag == "F":
            footnotes.append(text)
        elif tag == "T":
            preamble.append(text)
        elif tag == "U":
            subtitle = text
        elif tag == "S":
            part = text
        elif tag == "B":
            table_after = len(paragraphs)
        elif tag == "P":
            n = len(paragraphs) + 1
            paragraphs.append(NoteParagraph(number=n, text=text, kind=(["rule", "requests", *kinds][n - 1]
                                                                       if n <= len(kinds) + 2 else ""), part=part))
            part = ""
        else:
            label, _, rest = text.partition(" ") if lang != "zh" or not text.startswith("(") \
                else (text[:text.index(")") + 1], "", text[text.index(")") + 1:].lstrip())
            if tag == "J" and lang == "zh" and not text.startswith("("):
                label, rest = text[0], text[1:].lstrip()
            item = NoteItem(label=label, text=rest)
            if not paragraphs:
                raise RenderError("a template writes an item before any paragraph")
            if tag == "I":
                paragraphs[-1].items.append(item)
            elif paragraphs[-1].items:
                paragraphs[-1].items[-1].items.append(item)
            else:
                raise RenderError("a template writes a sub-item before any item")
    return Note(lang=lang, heading=heading, paragraphs=paragraphs, preamble=preamble, subtitle=subtitle,
                table_after=table_after, footnotes=footnotes)


def _resource_table(ctx: Any, lang: str) -> tuple[tuple[str, ...], list[tuple[str, ...]], str]:
    """Resource requirements by item: (what, funding, year, amount) for the Word table; the amounts
    are written as the body writes them (:func:`.numbers.money`)."""
    from pbi.costing.estimate import ZERO

    from .context import note_groups
    from .numbers import money

    header = tuple(phrase("document", "table", lang))
    rows: list[tuple[str, ...]] = []
    total = ZERO
    for g in note_groups(ctx.estimate).values():
        total = total + g.amount
        labels = [_table_label(a, lang) for a in g.activities]
        rows.append(({"zh": "、", "ar": "؛ "}.get(lang, "; ").join(labels), str(phrase("funding", g.funding, lang)),
                     str(g.year), money(g.amount, lang)))
    return header, rows, money(total, lang)


def _table_label(activity: Any, lang: str) -> str:
    """An activity's label in the resource table: in ``lang``; quoted in the language it has while a note
    may quote (and then said, as every quoted text); its id otherwise."""
    label = activity.label
    if label is None:
        return str(activity.id)
    if getattr(label, lang, None):
        return str(getattr(label, lang))
    quoting, have = _QUOTING.get(), _have(label)
    if quoting is None or have is None:
        return str(activity.id)
    quoting.quoted.setdefault(id(label), (label, have))
    return str(getattr(label, have))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")


def _md(text: str) -> str:
    """Text as Markdown shows it and nothing more: HTML escaped (no ``<script>`` passes through),
    emphasis, code and link brackets backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _text_table(header: tuple[str, ...], rows: list[tuple[str, ...]], fmt: str) -> list[str]:
    if fmt == "md":
        esc = [tuple(_md(c).replace("|", "\\|") for c in r) for r in [header, *rows]]
        return ["| " + " | ".join(esc[0]) + " |", "|" + "|".join(["---", *["---:"] * (len(header) - 1)]) + "|",
                *("| " + " | ".join(c.replace("    ", "&emsp;") for c in r) + " |" for r in esc[1:])]
    if fmt == "html":
        e = html.escape
        return ["<table>", "<tr>" + "".join(f"<th>{e(c)}</th>" for c in header) + "</tr>",
                *("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows), "</table>"]
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    def fit(r: tuple[str, ...]) -> str:
        return "  ".join(c + " " * (widths[i] - _width(c)) if i == 0 else " " * (widths[i] - _width(c)) + c
                         for i, c in enumerate(r)).rstrip()
    return [fit(header), "  ".join("-" * w for w in widths), *(fit(r) for r in rows)]


def _width(text: str) -> int:
    """Display width: a Chinese character takes two columns."""
    return sum(2 if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def paragraph_number(number: int, lang: str) -> str:
    """A paragraph's number as UN documents print it: ``1.`` (``1 -`` in Arabic)."""
    return f"{number} -" if lang == "ar" else f"{number}."


def note_text(note: Note, fmt: str = "text", *, assumptions: bool = True) -> str:
    """A note as plain text, Markdown or an HTML document (``lang``, ``dir`` and charset declared), with
    a statement's preamble, parts and table and the note's footnotes; what the spec assumed is listed
    after the paragraphs (``assumptions=False``: the note's own text only)."""
    if fmt not in ("text", "md", "html"):
        raise RenderError(f"unknown text format {fmt!r} (expected text, md or html)")
    listed = note.assumptions if assumptions else []
    table = _text_table(note.table_header, note.table, fmt) if note.table_after is not None and note.table else []
    marks = ["*" * (i + 1) for i in range(len(note.footnotes))]
    if fmt == "text":
        out = [*note.preamble, *([""] if note.preamble else []), note.heading + "".join(marks[:1])]
        out += [note.subtitle, ""] if note.subtitle else [""]
        for p in note.paragraphs:
            if p.part:
                out += [p.part, ""]
            out.append(f"{paragraph_number(p.number, note.lang)} {p.text}")
            for item in p.items:
                out.append(f"    {item.label} {item.text}")
                out.extend(f"        {sub.label} {sub.text}" for sub in item.items)
            out.append("")
            if p.number == note.table_after:
                out += [*table, ""]
        out.extend(f"{m} {f}" for m, f in zip(marks, note.footnotes, strict=True))
        if listed:  # one blank line before the heading, as between paragraphs
            out += [*([""] if out[-1] else []), note.assumptions_title, *(f"    - {a}" for a in listed)]
        return "\n".join(out).rstrip() + "\n"
    if fmt == "md":
        m = _md
        out = [*(f"{m(line)}  " for line in note.preamble), *([""] if note.preamble else []),
               f"# {m(note.heading)}" + ("[^1]" if note.footnotes else ""), ""]
        if note.subtitle:
            out += [f"*{m(note.subtitle)}*", ""]
        for p in note.paragraphs:
            if p.part:
                out += [f"## {m(p.part)}", ""]
            out.append(paragraph_number(p.number, note.lang).replace(".", "\\.") + f" {m(p.text)}")
            out.append("")
            for item in p.items:
                out.append(f"> {m(item.label)} {m(item.text)}")
                out.append(">")
                for sub in item.items:
                    out.append(f">> {m(sub.label)} {m(sub.text)}")
                    out.append(">>")
                out.append("")
            if p.number == note.table_after:
                out += [*table, ""]
        out.extend(f"[^{i}]: {m(f)}" for i, f in enumerate(note.footnotes, start=1))
        if listed:
            out += [*([""] if out[-1] else []), f"## {note.assumptions_title}", "", *(f"- {a}" for a in listed)]
        return "\n".join(out).rstrip() + "\n"
    e = html.escape
    ref = '<sup><a href="#fn1" id="ref1">*</a></sup>' if note.footnotes else ""
    out = ["<!DOCTYPE html>", f'<html lang="{e(note.lang)}" dir="{note.direction}">', "<head>",
           '<meta charset="utf-8">', f"<title>{e(note.heading)}</title>", "</head>", "<body>", "<article>"]
    if note.header:
        out.append('<header class="masthead">' + "".join(
            f'<p class="{k}">{e(note.header[k])}</p>' for k in ("symbol", "distribution", "date", "original")
            if note.header.get(k)) + "</header>")
    out += [*(f'<p class="preamble">{e(line)}</p>' for line in note.preamble), f"<h1>{e(note.heading)}{ref}</h1>",
            *([f'<p class="subtitle">{e(note.subtitle)}</p>'] if note.subtitle else [])]
    listing = False
    for p in note.paragraphs:
        if p.part and listing:
            out.append("</ol>")
            listing = False
        if p.part:
            out.append(f"<h2>{e(p.part)}</h2>")
        if not listing:
            out.append("<ol>")
            listing = True
        out.append(f'<li value="{p.number}"><p>{e(p.text)}</p>')
        if p.items:
            out.append('<ul class="items">')
            for item in p.items:
                out.append(f"<li>{e(item.label)} {e(item.text)}")
                if item.items:
                    out.append('<ul class="subitems">' + "".join(
                        f"<li>{e(s.label)} {e(s.text)}</li>" for s in item.items) + "</ul>")
                out.append("</li>")
            out.append("</ul>")
        out.append("</li>")
        if p.number == note.table_after:
            out += ["</ol>", *table]
            listing = False
    if listing:
        out.append("</ol>")
    if note.footnotes:
        out.append('<aside class="footnotes">' + "".join(
            f'<p id="fn{i}">{e(m)} {e(f)}</p>' for i, (m, f) in enumerate(zip(marks, note.footnotes, strict=True),
                                                                     start=1)) + "</aside>")
    if listed:
        out += [f'<section class="assumptions"><h2>{e(note.assumptions_title)}</h2><ul>',
                *(f"<li>{e(a)}</li>" for a in listed), "</ul></section>"]
    out.extend(["</article>", "</body>", "</html>"])
    return "\n".join(out) + "\n"


def render_note(estimate: Estimate, lang: str = "zh", fmt: str = "text", *,
                kind: str | None = None, assumptions: bool = True, strict: bool = True,
                warnings: list[str] | None = None) -> str | bytes:
    """The note of a costed spec in ``lang``: text, md or html (str), or docx (bytes); ``kind`` None:
    the kind the spec's body takes by default (a statement for the General Assembly, a financial
    note for the Conference of the Parties). ``strict=False`` quotes a spec text the language lacks
    in the language it has (:func:`build_note`); the note's warnings are added to ``warnings``."""
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    note = build_note(estimate, lang, kind, strict=strict)
    if warnings is not None:
        warnings.extend(note.warnings)
    if not assumptions:  # the note's own text only (what --diff compares)
        note.assumptions = []
    if fmt == "docx":
        from .docx import note_docx

        return note_docx(note)
    return note_text(note, fmt)
