"""From a draft resolution's text to a priced spec (``pbi draft``).

``read_drafts`` reads a .txt, .md or .docx file in Chinese or English into drafts (title,
preambular and operative paragraphs, sub-items and annex items, numbered as printed);
``propose_spec`` classifies each operative paragraph with the trigger rules of
``pbi/draft/rules/{zh,en}.yaml`` and writes the activities of the templates of
``pbi/draft/rules/standards.yaml``, every guess listed in ``extra.assumptions``.
"""

from __future__ import annotations

import re
from pathlib import Path

from pbi.draft.propose import (ParagraphResult, Proposal, classify_draft, cn_number, document_year, propose_spec,
                               spec_yaml)
from pbi.draft.reader import READ_LANGUAGES, Draft, Item, Paragraph, detect_language, parse_drafts, read_drafts, read_text
from pbi.draft.rules import Classification, RuleSet, load_rules, load_standards
from pbi.model.errors import InputError
from pbi.model.money import roman
from pbi.model.validation import echo

__all__ = ["Draft", "Item", "Paragraph", "ParagraphResult", "Proposal", "Classification", "RuleSet",
           "read_drafts", "read_text", "parse_drafts", "detect_language", "load_rules", "load_standards",
           "classify_draft", "propose_spec", "spec_yaml", "select_drafts", "spec_file_name", "write_proposals",
           "document_year"]




#: the drafts a refusal lists by name (a session report may hold hundreds)
_LISTED = 10

def _roman(number: str) -> str:
    """A draft number printed in Chinese numerals as a roman numeral (一 → I); "" for any other."""
    value = cn_number(number)
    return roman(value) if value else ""


def select_drafts(drafts: list[Draft], select: str | None) -> list[Draft]:
    """The drafts ``select`` names: a number as printed (5/2, 一, I) or a position (#3); all if None."""
    if select is None:
        return drafts
    if select.startswith("#") and select[1:].isdigit():
        i = int(select[1:])
        if 1 <= i <= len(drafts):
            return [drafts[i - 1]]
    chosen = [d for d in drafts if d.number and select in (d.number, _roman(d.number))]
    if not chosen:
        listing = ", ".join(f"#{i} {d.label}" for i, d in enumerate(drafts[:_LISTED], start=1))
        if len(drafts) > _LISTED:
            listing += f", … and {len(drafts) - _LISTED} more"
        raise InputError(f"no draft {echo(select)} in the file (has: {listing})", file=drafts[0].file if drafts else None)
    return chosen


def spec_file_name(draft: Draft) -> str:
    """resolution-5-1.yaml, decision-I.yaml …"""
    number = _roman(draft.number or "") or draft.number or ""
    return f"{draft.kind}-{re.sub(r'[^A-Za-z0-9]+', '-', number).strip('-') or 'draft'}.yaml"


def write_proposals(path: Path | str, *, language: str | None = None, table: str | None = None,
                    output: Path | str | None = None, select: str | None = None) -> str:
    """Read ``path``, propose a spec for each of its drafts and write them (to ``output``, a file for
    one draft or a folder for several), or return them as text; every spec is built before any
    file is written. Returns what to print."""
    from pbi.model.fileio import check_output, write_atomic

    lang = language if language in READ_LANGUAGES else None
    text = read_text(path)
    drafts = select_drafts(read_drafts(path, language=lang), select)
    context = document_year(text, load_rules(drafts[0].language), first_line=drafts[0].line,
                            preambles=[p for d in drafts if d.language != "zh" for p in d.preamble])
    out = Path(output) if output else None
    folder = out is not None and (out.is_dir() or str(output).endswith(("/", "\\")))
    if out is not None and not folder and len(drafts) > 1:
        listing = ", ".join(f"#{i} {d.label}" for i, d in enumerate(drafts[:_LISTED], start=1))
        if len(drafts) > _LISTED:
            listing += f", … and {len(drafts) - _LISTED} more"
        raise InputError(f"holds {len(drafts)} drafts ({listing}): choose one with --draft, or give -o a folder",
                         file=str(path), line=drafts[0].line)
    near = (out if folder else out.parent) if out is not None else None
    proposals = [propose_spec(d, table=table, near=near.resolve() if near else None, context_year=context)
                 for d in drafts]
    texts = [spec_yaml(p) for p in proposals]
    if out is None:
        return "\n---\n".join(texts)
    lines: list[str] = []
    used: set[str] = set()
    targets: list[Path] = []
    for proposal in proposals:
        if folder:
            name = spec_file_name(proposal.draft)
            stem, n = name[:-5], 2
            while name in used:
                name, n = f"{stem}-{n}.yaml", n + 1
            used.add(name)
            targets.append(out / name)
        else:
            targets.append(out)
    for target in targets:  # every target is checked before any is written: nothing half-written
        check_output(target)
    for target, text, proposal in zip(targets, texts, proposals, strict=True):
        write_atomic(target, text)
        results = proposal.paragraphs
        by_class = {c: sum(1 for r in results if r.classification.cls == c)
                    for c in ("costed", "extrabudgetary", "absorbed", "invitation", "none")}
        activities = sum(len(r.activities) for r in proposal.spec.requests)
        lines.append(f"{target}: {proposal.draft.label}: {_count(len(results), 'paragraph')} — "
                     f"{by_class['costed']} costed, {by_class['extrabudgetary']} extrabudgetary, "
                     + (f"{by_class['absorbed']} within existing resources, " if by_class['absorbed'] else "")
                     + f"{by_class['invitation']} inviting donors, {by_class['none']} without implications; "
                     f"{_count(activities, 'activity', 'activities')}; table {proposal.spec.table}")
    return "\n".join(lines)


def _count(n: int, one: str, many: str = "") -> str:
    """``1 paragraph``, ``2 paragraphs``."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
