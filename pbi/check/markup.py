"""The text of a statement written in Markdown or HTML, as ``pbi check`` reads text.

Headings, emphasis, escapes and quotation marks are dropped; a list item numbered by HTML
(``<li value="4">``) gets its number; a table's rows become lines whose cells stand four spaces
apart, the header ruled off beneath, an indented label ("&emsp;Subtotal") indented, as in text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

__all__ = ["markup_text", "MARKDOWN_SUFFIXES", "HTML_SUFFIXES"]

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
_GAP = "    "
_RULE = "-" * 8


def markup_text(path: Path, text: str) -> str:
    """``text`` as plain text when ``path`` names a Markdown or HTML file; else ``text`` itself."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return _markdown(text)
    if suffix in HTML_SUFFIXES:
        return _html(text)
    return text


# ----------------------------------------------------------------------------------- Markdown

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_QUOTE = re.compile(r"^(?:\s{0,3}>\s?)+")  # every level at once: one at a time is quadratic
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _md_cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [c.strip() for c in re.split(r"(?<!\\)\|", body)]


def _inline(text: str) -> str:
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    return html.unescape(text)


def _markdown(text: str) -> str:
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        if _MD_TABLE_RULE.match(line) and "|" in line:
            out.append(_RULE)
            continue
        if line.lstrip().startswith("|"):
            cells = _md_cells(line)
            label = cells[0] if cells else ""
            indent = label.startswith(("&emsp;", "&nbsp;", "\u2003", "\u00a0"))
            row = _GAP.join(c for c in (_inline(c).strip() for c in cells) if c)
            out.append((_GAP if indent else "") + row)
            continue
        line = _MD_QUOTE.sub("", line, count=1)
        line = _MD_HEADING.sub("", line)
        out.append(_inline(line))
    return "\n".join(out)


# ----------------------------------------------------------------------------------- HTML

_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "ul", "header", "article",
                     "section", "br", "title", "blockquote", "table"})


class _Text(HTMLParser):
    """Block elements as lines, list items with their numbers, table rows as lines of cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.rows_in_table = 0
        self.skip = 0

    def _flush(self) -> None:
        text = "".join(self.current).strip()
        if text:
            self.lines.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag == "tr":
            self._flush()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in _BLOCKS:
            self._flush()
            if tag == "table":
                self.rows_in_table = 0
            if tag == "li":
                value = dict(attrs).get("value")
                if value and value.isdigit():
                    self.current.append(f"{value}. ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append("".join(self.cell))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            cells = self.row
            label = cells[0] if cells else ""
            indent = label[:1].isspace() or label.startswith("\u2003")
            row = _GAP.join(c for c in (c.strip() for c in cells) if c)
            if row:
                self.lines.append((_GAP if indent else "") + row)
                self.rows_in_table += 1
                if self.rows_in_table == 1:
                    self.lines.append(_RULE)  # the header row
            self.row = None
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None:
            self.current.append(re.sub(r"\s+", " ", data))


def _html(text: str) -> str:
    parser = _Text()
    parser.feed(text)
    parser.close()
    parser._flush()
    return "\n".join(parser.lines)
