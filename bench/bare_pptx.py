#!/usr/bin/env python3
"""The floor deck is compared with: a bare python-pptx script, no validation, fitting or checks.

    .venv/bin/python bench/bare_pptx.py SLIDES OUTPUT.pptx

Writes SLIDES slides on python-pptx's default template, each with a title, a short text in the
body placeholder and speaker notes — what anyone would write to turn a list into a deck.
"""
from __future__ import annotations

import sys

from pptx import Presentation

BODY = "Social software belooft lagere kosten, meer omzet, innovatie en verbonden medewerkers."
NOTES = ("Zoek op ‘social enterprise’ en je vindt vooral duurzaam ondernemen. Toch verschuift de "
         "betekenis snel: steeds vaker gaat het om bedrijven die sociale media inzetten.")


def main() -> None:
    count, output = int(sys.argv[1]), sys.argv[2]
    prs = Presentation()
    layout = prs.slide_layouts[1]  # Title and Content
    for i in range(1, count + 1):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Slide {i}: de belofte van social enterprise"
        slide.placeholders[1].text = BODY
        slide.notes_slide.notes_text_frame.text = NOTES
    prs.save(output)


if __name__ == "__main__":
    main()
