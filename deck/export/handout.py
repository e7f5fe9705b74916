"""The participants' handout: the argument on one page, without the presenter's notes.

The title and subtitle, then per section its title and message, its key figures (value and
label), its quotes with their attribution and its discussion questions; a break only when it
has any of these. Speaker notes, exercises' instructions and timings stay in the facilitator
guide. Pure.
"""
from __future__ import annotations

from deck.export.document import Document, Heading, Items, Paragraph, Quote, Span, plain, strong
from deck.outline.labels import labels_for
from deck.outline.model import Outline, QuestionSlide, QuoteSlide, StatsSlide


def handout_document(outline: Outline) -> Document:
    labels, _ = labels_for(outline.language, outline.labels)
    blocks: list = [Heading(1, plain(outline.title))]
    if outline.subtitle:
        blocks.append(Paragraph((Span(outline.subtitle, italic=True),)))
    for section, number in zip(outline.sections, outline.numbers(), strict=True):
        start = len(blocks)
        blocks.append(Heading(2, plain(section.title if number is None else f"{number}. {section.title}")))
        if section.message:
            blocks.append(Paragraph((strong(section.message),)))
        figures = [(strong(stat.value), Span(f" {stat.label}"))
                   for slide in section.slides if isinstance(slide, StatsSlide) for stat in slide.stats]
        if figures:
            blocks.append(Items(tuple(figures)))
        for slide in section.slides:
            if isinstance(slide, QuoteSlide):
                by = slide.by + (f", {slide.role}" if slide.role else "")
                quoted = f"{labels['open_quote']}{slide.quote}{labels['close_quote']}"
                blocks.append(Quote((Span(quoted), Span(f" — {by}"))))
            elif isinstance(slide, QuestionSlide):
                label = labels["discussion"] + labels["colon"]
                blocks.append(Paragraph((strong(label), Span(f" {slide.question}"))))
        if number is None and len(blocks) == start + 1:
            del blocks[start:]  # a break with nothing for the participants to keep
    if outline.source:
        blocks.append(Paragraph((Span(f"{labels['source']}{labels['colon']} {outline.source}", italic=True),)))
    return Document(outline.title, outline.language, tuple(blocks), compact=True)
