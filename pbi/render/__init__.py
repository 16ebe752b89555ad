"""Write a financial note from a costed spec: templates per note kind and language.

``render_note(estimate, lang, fmt)`` builds the context (:mod:`.context`: the note's paragraphs
from the spec and the estimate), renders the template ``templates/<kind>/<lang>.j2`` (Jinja2 with
``StrictUndefined``; names of bodies, budget sections and places in ``templates/phrases.yaml``),
and writes the result as plain text, Markdown, HTML or Word (:mod:`.docx`). A language is added by
writing its template and its phrases; numbers are written by :mod:`.numbers`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pbi.model.errors import RenderError
from pbi.costing.estimate import Estimate

__all__ = ["Note", "NoteParagraph", "NoteItem", "KINDS", "FORMATS", "build_note", "render_note", "note_text"]

TEMPLATES = Path(__file__).parent / "templates"
#: note kinds: the COP financial note (rule 75) and the General Assembly's statement (rule 153)
KINDS = ("financial_note", "statement")
FORMATS = ("text", "md", "html", "docx")
Format = Literal["text", "md", "html", "docx"]

_MARK = re.compile(r"⟦([HPIJ])⟧")


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


@dataclass
class Note:
    """A rendered note: heading, numbered paragraphs, and the resource table."""

    lang: str
    heading: str
    paragraphs: list[NoteParagraph]
    table: list[tuple[str, str, str, str]] = field(default_factory=list)
    table_header: tuple[str, str, str, str] = ("", "", "", "")


@lru_cache(maxsize=1)
def _phrases() -> dict[str, Any]:
    import yaml

    phrases: dict[str, Any] = yaml.safe_load((TEMPLATES / "phrases.yaml").read_text(encoding="utf-8"))
    return phrases


@lru_cache(maxsize=32)
def _environment(lang: str, budget_period: str) -> Any:
    """The Jinja environment of one language and budget period; cached, so that its compiled
    templates are reused (compiling them is most of the cost of a note)."""
    import jinja2

    from decimal import ROUND_HALF_UP, Decimal

    from pbi.model.periods import parse_period, period_of
    from pbi.model.specs import Range
    from . import numbers as n

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), undefined=jinja2.StrictUndefined,
                             autoescape=False, keep_trailing_newline=False)
    phrases = _phrases()

    def tr(text: Any) -> str:
        if text is None:
            raise RenderError("a text the template needs is missing from the spec")
        value = getattr(text, lang, None)
        if not value:
            shown = next((getattr(text, k) for k in ("en", "zh", "fr", "es", "ru", "ar") if getattr(text, k)), "")
            raise RenderError(f"the spec has no {lang} text for {shown!r}")
        return str(value)

    def section(key: str) -> dict[str, str]:
        try:
            names: dict[str, str] = phrases["sections"][key][lang]
            return names
        except KeyError:
            raise RenderError(f"no {lang} name for budget section {key!r} in templates/phrases.yaml") from None

    def label(activity: Any) -> str:
        """The activity's own short name, or the name of its kind."""
        if activity.label is not None and getattr(activity.label, lang, None):
            return tr(activity.label)
        try:
            return str(phrases["kinds"][activity.kind][lang])
        except KeyError:
            raise RenderError(f"activity {activity.id!r} has no {lang} label, and templates/phrases.yaml "
                              f"names no kind {activity.kind!r}", field="label") from None

    def place(name: str) -> str:
        return str(phrases.get("places", {}).get(name, {}).get(lang, name))

    def outside_parens(item: str) -> str:
        return re.sub(r"（[^）]*）|\([^)]*\)", "", item)

    def lettered(items: list[str], sep: str) -> str:
        return sep.join(f"({chr(97 + i)}){'' if lang == 'zh' else ' '}{t}" for i, t in enumerate(items))

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

    def budget(label: str) -> str:
        """The programme budget of a period: zh 2010-2011两年期方案预算 / 2021年方案预算;
        en the programme budget for the biennium 2010–2011 / the programme budget for 2021."""
        p = parse_period(label)
        if lang == "zh":
            return period_name(label) + "方案预算"
        return "the programme budget for " + ("the biennium " if p.kind == "biennium" else "") + n.period(p.label, lang)

    def roman(i: int) -> str:
        return ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"][i - 1]

    env.filters.update({
        "tr": tr, "num": lambda v: n.number(v, lang), "cnt": lambda v: n.count_word(v, lang),
        "money": lambda v: n.money(v, lang), "ops": lambda v: n.ops_list(v, lang),
        "paragraphs": lambda v: n.paragraph_list(v, lang), "period": lambda v: n.period(v, lang),
        "biennium": lambda y: n.period(period_of(y).label, lang), "next_period": next_period,
        "period_name": period_name, "budget": budget,
        "cents": lambda v: Range.of(v).map(lambda d: d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)),
        "letter": lambda i: chr(96 + i), "circled": lambda i: chr(0x321F + i), "roman": roman,
        "langnames": lambda codes: n.language_names(codes, lang), "section": section, "place": place, "label": label,
        "components": lambda text: [t for t in str(text).split("‖") if t],
        "commas": lambda items: any("，" in outside_parens(i) or ", " in outside_parens(i) for i in items),
        "inner_list": lambda items: any("、" in outside_parens(i) for i in items),
        "lettered": lettered, "join": join,
        "capitalize_first": lambda t: t[:1].upper() + t[1:],
        "sentence_case": lambda t: (lambda s: s[:1].upper() + s[1:])(str(t).lstrip()),
    })
    return env


def _spacing_zh(text: str) -> str:
    """UN Chinese layout: a space between Chinese and Latin letters or digits."""
    cjk = r"\u3400-\u9fff"
    text = re.sub(rf"([{cjk}])([A-Za-z0-9$])", r"\1 \2", text)
    return re.sub(rf"([A-Za-z0-9%])([{cjk}])", r"\1 \2", text)


def _clean(text: str, lang: str) -> str:
    if lang == "zh":
        text = re.sub(r"\s*\n\s*", "", text).strip()
        return _spacing_zh(text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" ([,.;:)\u201d])", r"\1", text)
    return re.sub(r"([(\u201c]) ", r"\1", text)


def build_note(estimate: Estimate, lang: str, kind: str = "financial_note") -> Note:
    """Render the template of ``kind`` in ``lang`` into a :class:`Note`."""
    import jinja2

    from .context import build_context
    from .numbers import SUPPORTED

    if kind not in KINDS:
        raise RenderError(f"unknown note kind {kind!r} (expected one of {', '.join(KINDS)})")
    if lang not in SUPPORTED or not (TEMPLATES / kind / f"{lang}.j2").exists():
        have = sorted(p.stem for p in (TEMPLATES / kind).glob("*.j2"))
        raise RenderError(f"no {kind} template for language {lang!r} (have: {', '.join(have)})")
    spec = estimate.spec
    ctx = build_context(estimate)
    try:
        body = _phrases()["bodies"][spec.body][lang]
    except KeyError:
        raise RenderError(f"no {lang} names for body {spec.body!r} in templates/phrases.yaml",
                          field="body") from None
    env = _environment(lang, spec.budget_period)
    try:
        raw = env.get_template(f"{kind}/{lang}.j2").render(**ctx.as_dict(), body=body, lang=lang,
                                                            requirements=_requirements(ctx))
    except jinja2.UndefinedError as err:
        raise RenderError(f"template {kind}/{lang}.j2: {err.message}") from None
    note = _parse(raw, lang, [p.kind for p in ctx.paragraphs])
    note.table_header, note.table = _resource_table(ctx, lang)
    return note


def _requirements(ctx: Any) -> list[dict[str, Any]]:
    """Additional requirements (rounded cells) by budget section or funding source, object of
    expenditure (the activity kinds of the cost table) and year, for the statement's table."""
    from pbi.costing.estimate import ZERO
    from .context import note_groups

    groups = {(g.engine_group, g.funding, g.section, g.year): g for g in note_groups(ctx.estimate).values()}
    totals: dict[tuple[str, str, int], Any] = {}
    for cell in ctx.estimate.cells:
        group = groups.get((cell.group, cell.funding, cell.section, cell.year))
        if group is None or group.covered:
            continue
        obj = ", ".join(dict.fromkeys(a.kind.replace("_", " ") for a in group.activities))
        key = (cell.section or cell.funding.replace("_", " "), obj, cell.year)
        totals[key] = totals.get(key, ZERO) + cell.rounded
    return [{"section": s, "object": o, "year": y, "amount": a} for (s, o, y), a in sorted(totals.items())]


def _parse(raw: str, lang: str, kinds: list[str]) -> Note:
    parts = _MARK.split(raw)
    heading = ""
    paragraphs: list[NoteParagraph] = []
    for tag, text in zip(parts[1::2], parts[2::2], strict=True):
        text = _clean(text, lang)
        if tag == "H":
            heading = text
        elif tag == "P":
            n = len(paragraphs) + 1
            paragraphs.append(NoteParagraph(number=n, text=text, kind=(["rule", "requests", *kinds][n - 1]
                                                                       if n <= len(kinds) + 2 else "")))
        else:
            label, _, rest = text.partition(" ") if lang != "zh" or not text.startswith("(") \
                else (text[:text.index(")") + 1], "", text[text.index(")") + 1:].lstrip())
            if tag == "J" and lang == "zh":
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
    return Note(lang=lang, heading=heading, paragraphs=paragraphs)


def _resource_table(ctx: Any, lang: str) -> tuple[tuple[str, str, str, str], list[tuple[str, str, str, str]]]:
    """Resource requirements by item: (what, funding, year, amount) for the Word table."""
    from .numbers import money

    names = {"zh": {"regular_budget": "经常预算", "budget_process": "既定预算程序", "extrabudgetary": "预算外资源",
                    "voluntary": "自愿捐款", "contingency_fund": "应急基金", "entitlement": "现有会议权利",
                    "existing_resources": "现有资源"},
             "en": {"regular_budget": "Regular budget", "budget_process": "Established budgetary process",
                    "extrabudgetary": "Extrabudgetary", "voluntary": "Voluntary contributions",
                    "contingency_fund": "Contingency fund", "entitlement": "Existing entitlement",
                    "existing_resources": "Existing resources"}}[lang]
    header = ("项目", "资金来源", "年份", "所需资源") if lang == "zh" else ("Item", "Funding", "Year", "Requirements")
    rows: list[tuple[str, str, str, str]] = []
    from .context import note_groups

    for g in note_groups(ctx.estimate).values():
        labels = [getattr(a.label, lang, None) or a.id if a.label else a.id for a in g.activities]
        rows.append(("、".join(labels) if lang == "zh" else "; ".join(labels), names.get(g.funding, g.funding),
                     str(g.year), money(g.amount, lang)))
    return header, rows


def note_text(note: Note, fmt: str = "text") -> str:
    """A note as plain text, Markdown or HTML."""
    if fmt == "text":
        out = [note.heading, ""]
        for p in note.paragraphs:
            out.append(f"{p.number}. {p.text}")
            for item in p.items:
                out.append(f"    {item.label} {item.text}")
                out.extend(f"        {sub.label} {sub.text}" for sub in item.items)
            out.append("")
        return "\n".join(out).rstrip() + "\n"
    if fmt == "md":
        out = [f"# {note.heading}", ""]
        for p in note.paragraphs:
            out.append(f"{p.number}\\. {p.text}")
            out.append("")
            for item in p.items:
                out.append(f"> {item.label} {item.text}")
                out.append(">")
                for sub in item.items:
                    out.append(f">> {sub.label} {sub.text}")
                    out.append(">>")
                out.append("")
        return "\n".join(out).rstrip() + "\n"
    if fmt == "html":
        e = html.escape
        out = [f'<article lang="{e(note.lang)}">', f"<h1>{e(note.heading)}</h1>", "<ol>"]
        for p in note.paragraphs:
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
        out.extend(["</ol>", "</article>"])
        return "\n".join(out) + "\n"
    raise RenderError(f"unknown text format {fmt!r} (expected text, md or html)")


def render_note(estimate: Estimate, lang: str = "zh", fmt: str = "text", *,
                kind: str = "financial_note") -> str | bytes:
    """The note of a costed spec in ``lang``: text, md or html (str), or docx (bytes)."""
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    note = build_note(estimate, lang, kind)
    if fmt == "docx":
        from .docx import note_docx

        return note_docx(note)
    return note_text(note, fmt)
