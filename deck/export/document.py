"""A small document model and its two renderings, Markdown and HTML.

The guide and the handout are built once as blocks; Markdown (the file a presenter reads and
edits) and HTML (the input LibreOffice turns into a PDF) are two views of the same blocks, so
the PDF can never say something the Markdown does not. Pure: no files.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


Inline = tuple[Span, ...]


def plain(text: str) -> Inline:
    return (Span(text),)


def strong(text: str) -> Span:
    return Span(text, bold=True)


@dataclass(frozen=True)
class Heading:
    level: int
    text: Inline


@dataclass(frozen=True)
class Paragraph:
    text: Inline


@dataclass(frozen=True)
class Items:
    """A bullet list."""

    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Quote:
    text: Inline


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    right: tuple[int, ...] = ()  # columns of figures, aligned right
    widths: tuple[int, ...] = ()  # per cent of the page, for the printed table


Block = Heading | Paragraph | Items | Quote | Table


@dataclass(frozen=True)
class Document:
    title: str
    language: str
    blocks: tuple[Block, ...]
    compact: bool = False  # a handout: smaller type so the argument fits one page


# --- Markdown --------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]<|])")
# Runs of white space a one-line cell folds into one space; no-break spaces stay ("Source\u00a0:").
_FOLDED = re.compile(r"[^\S\u00a0\u2007\u202f]+")
# What would turn the start of a line into a heading, quote, list or rule.
_MD_LINE_START = re.compile(r"^([ \t]*)(?:([#>+\-=])|(\d+)([.)])(?=\s|$))", re.M)


def _md_text(text: str) -> str:
    return _MD_INLINE.sub(r"\\\1", text)


def _md_lines(text: str) -> str:
    """Escape what would make a line of running text a heading, quote, list or rule."""
    # A digit cannot be escaped: a backslash before the dot keeps "1." from starting a list.
    return _MD_LINE_START.sub(lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2)
                                                      else m.group(3) + "\\" + m.group(4)), text)


def _md_span(span: Span, line_breaks: bool) -> str:
    text = span.text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    core = _md_text(text.strip())
    if not core:
        return text
    if line_breaks:
        core = core.replace("\n", "\\\n")  # a hard line break, as the author wrote it
    else:
        core = _FOLDED.sub(" ", core)
    if span.bold:
        core = f"**{core}**"
    if span.italic:
        core = f"*{core}*"
    return lead + core + trail


def _md_inline(spans: Inline, line_breaks: bool = True) -> str:
    return "".join(_md_span(s, line_breaks) for s in spans)


def to_markdown(document: Document) -> str:
    out = []
    for block in document.blocks:
        if isinstance(block, Heading):
            out.append("#" * block.level + " " + _md_inline(block.text, False))
        elif isinstance(block, Paragraph):
            out.append(_md_lines(_md_inline(block.text)))
        elif isinstance(block, Items):
            out.append("\n".join("- " + _md_lines(_md_inline(item)).replace("\n", "\n  ")
                                  for item in block.items))
        elif isinstance(block, Quote):
            out.append("\n".join("> " + line for line in _md_lines(_md_inline(block.text)).split("\n")))
        elif isinstance(block, Table):
            rule = ["---:" if i in block.right else "---" for i in range(len(block.header))]
            lines = ["| " + " | ".join(_md_text(h) for h in block.header) + " |",
                     "|" + "|".join(rule) + "|"]
            lines += ["| " + " | ".join(_md_inline(cell, False) for cell in row) + " |" for row in block.rows]
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


# --- HTML (for LibreOffice Writer) ----------------------------------------------------------

# LibreOffice's HTML import honours simple CSS on elements (fonts, sizes, colours, margins), not
# selectors or layout. Calibri where installed, its metric twin Carlito elsewhere.
_CSS = """
body, h1, h2, h3, p, li, th, td, blockquote {{ font-family: Calibri, Carlito, 'Liberation Sans', Arial, sans-serif; }}
body {{ font-size: {body}pt; color: #1f2933; }}
h1 {{ font-size: {h1}pt; margin-top: 0; margin-bottom: {gap}pt; margin-left: 0; }}
h2 {{ font-size: {h2}pt; margin-top: {gap2}pt; margin-bottom: {gap}pt; margin-left: 0; color: #0b5cad; }}
h3 {{ font-size: {h3}pt; margin-top: {gap}pt; margin-bottom: {half}pt; margin-left: 0; }}
p, li {{ margin-top: 0; margin-bottom: {half}pt; }}
blockquote {{ margin-top: 0; margin-bottom: {gap}pt; margin-left: 18pt; font-style: italic; }}
th {{ text-align: left; background: #e8eef6; }}
td, th {{ vertical-align: top; font-size: {cell}pt; }}
"""

_SIZES: dict[bool, dict[str, float]] = {
    False: dict(body=11, h1=20, h2=15, h3=12, cell=10, gap=6, gap2=14, half=3),
    True: dict(body=10, h1=17, h2=11.5, h3=10, cell=9, gap=3, gap2=6, half=1.5),
}


def _cell(table: Table, tag: str, index: int, content: str) -> str:
    align = ' align="right"' if index in table.right else ""
    if tag == "th" and index < len(table.widths):
        align += f' width="{table.widths[index]}%"'
    return f"<{tag}{align}>{content}</{tag}>"


def _html_inline(spans: Inline) -> str:
    out = []
    for span in spans:
        text = html.escape(span.text).replace("\n", "<br>")
        if span.bold:
            text = f"<strong>{text}</strong>"
        if span.italic:
            text = f"<em>{text}</em>"
        out.append(text)
    return "".join(out)


def to_html(document: Document) -> str:
    body = []
    for block in document.blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{_html_inline(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{_html_inline(block.text)}</p>")
        elif isinstance(block, Items):
            body.append("<ul>" + "".join(f"<li>{_html_inline(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Quote):
            body.append(f"<blockquote>{_html_inline(block.text)}</blockquote>")
        elif isinstance(block, Table):
            head = "".join(_cell(block, "th", i, html.escape(h)) for i, h in enumerate(block.header))
            rows = "".join("<tr>" + "".join(_cell(block, "td", i, _html_inline(c)) for i, c in enumerate(row))
                           + "</tr>" for row in block.rows)
            body.append('<table border="1" cellspacing="0" cellpadding="4" width="100%">'
                        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    css = _CSS.format(**_SIZES[document.compact])
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(document.language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(document.title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
