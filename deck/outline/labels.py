"""Generated words in the deck's language: one small table per language."""
from __future__ import annotations

LABELS = {
    "en": {
        "agenda": "Agenda",
        "recap": "Recap",
        "continued": "continued",
        "discussion": "Discussion",
        "exercise": "Exercise",
        "minutes": "min",
        "questions": "Questions?",
        "quote": "Quote",
        "groups": "Groups",
        "deliverable": "Deliverable",
        "say": "Say",
        "ask": "Ask",
        "do": "Do",
        "next": "Next",
        "time": "Time",
        "source": "Source",
        "section": "Part",
        "guide": "Facilitator guide",
        "run_sheet": "Run sheet",
        "slides": "Slides",
        "materials": "Materials",
        "session": "Session",
        "end": "End",
        "total": "Total",
        "planned": "planned",
        "opening": "Opening",
        "close": "Close",
    },
    "nl": {
        "agenda": "Agenda",
        "recap": "Samenvatting",
        "continued": "vervolg",
        "discussion": "Discussie",
        "exercise": "Opdracht",
        "minutes": "min",
        "questions": "Vragen?",
        "quote": "Citaat",
        "groups": "Groepen",
        "deliverable": "Resultaat",
        "say": "Vertel",
        "ask": "Vraag",
        "do": "Doe",
        "next": "Daarna",
        "time": "Tijd",
        "source": "Bron",
        "section": "Deel",
        "guide": "Draaiboek",
        "run_sheet": "Tijdschema",
        "slides": "Slides",
        "materials": "Materialen",
        "session": "Sessie",
        "end": "Einde",
        "total": "Totaal",
        "planned": "gepland",
        "opening": "Opening",
        "close": "Afsluiting",
    },
}


def labels_for(language: str) -> tuple[dict[str, str], bool]:
    """The labels for a BCP-47 tag ('nl-BE' uses 'nl'), and whether the language was known."""
    base = language.split("-")[0].lower()
    if base in LABELS:
        return LABELS[base], True
    return LABELS["en"], False
