"""Documents made from the same outline as the deck: the facilitator guide and the handout.

Each is built as a document (document.py), written as Markdown and, on request, as a PDF by
LibreOffice from an HTML rendering of the same document. Both files are made in full before
either is written, and each is written atomically: on any error nothing changes on disk.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from deck.errors import DeckError
from deck.export.document import Document, to_html, to_markdown
from deck.files import named_after, remember_source, replaced_source, write_atomic
from deck.outline.labels import labels_for
from deck.outline.model import Outline
from deck.outline.reader import load

SUFFIXES = (".md", ".pdf")


@dataclass(frozen=True)
class Exported:
    outputs: list[Path]  # every file written, Markdown first
    notices: list[str]


def write_guide(outline_path: Path, output: Path | None = None, pdf: bool = False) -> Exported:
    """The facilitator guide: out/<slug>-guide.md, and its PDF with `pdf` or an -o ending in .pdf."""
    from deck.export.guide import guide_document

    return _export(outline_path, output, pdf, "guide", guide_document)


def write_handout(outline_path: Path, output: Path | None = None, pdf: bool = False) -> Exported:
    """The participants' handout: out/<slug>-handout.md, and its PDF on request."""
    from deck.export.handout import handout_document

    return _export(outline_path, output, pdf, "handout", handout_document)


def targets(output: Path | None, title: str, kind: str, pdf: bool) -> tuple[Path, Path | None]:
    """(Markdown path, PDF path or None) for an -o value; -o x.pdf asks for the PDF and puts the
    Markdown, its editable source, next to it as x.md."""
    markdown = output or named_after(title, f"-{kind}.md")
    if markdown.is_dir():
        raise DeckError.simple(str(markdown), "is a folder", f"give a file name, e.g. -o out/{kind}.md")
    suffix = markdown.suffix.lower()
    if suffix not in SUFFIXES:
        raise DeckError.simple(str(markdown), "is not a .md or .pdf file name",
                               "end the output name with .md (add --pdf for a PDF too) or .pdf")
    if suffix == ".pdf":
        return markdown.with_suffix(".md"), markdown
    return markdown, markdown.with_suffix(".pdf") if pdf else None


def _export(outline_path: Path, output: Path | None, pdf: bool, kind: str,
            make: Callable[[Outline], Document]) -> Exported:
    loaded = load(outline_path)
    outline = loaded.outline
    notices = []
    if not labels_for(outline.language, outline.labels)[1]:
        notices.append(f"{loaded.source.file}: language '{outline.language}' has no labels; using English")
    default = None if output else named_after(outline.title, f"-{kind}.md", outline.language, outline_path)
    markdown_path, pdf_path = targets(output or default, outline.title, kind, pdf)
    for target in (markdown_path, pdf_path):
        if target is not None and target.exists() and target.resolve() == outline_path.resolve():
            raise DeckError.simple(str(target), "is the outline itself", f"write the {kind} to another file")
    document = make(outline)
    markdown = to_markdown(document).encode("utf-8")
    data = None
    if pdf_path is not None:
        from deck.export.pdf import html_to_pdf

        data = html_to_pdf(to_html(document), pdf_path.stem)
    replaced = replaced_source(markdown_path, outline_path) if default else None
    write_atomic(markdown_path, markdown)
    if default:  # two outlines never silently share a default file
        remember_source(markdown_path, outline_path)
        if replaced:
            notices.append(f"{markdown_path}: replaced the {kind} made from {replaced}\n"
                           "  hint: to keep both, write one of them with -o")
    outputs = [markdown_path]
    if pdf_path is not None and data is not None:
        write_atomic(pdf_path, data)
        outputs.append(pdf_path)
    return Exported(outputs, notices)
