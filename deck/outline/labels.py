"""Generated words in the deck's language: one small table per language.

Every word deck writes itself (a generated slide's title, an activity's kicker, a notes label,
the facilitator guide's headings) comes from these tables, so a deck in German, French or Spanish
has no English in it. An outline's `labels:` replaces any of them, in any language.

The punctuation deck sets around them is here too: `colon` after a label ("Groups: four"),
`semicolon` between a guide's facts, the quotation marks around a quote in the handout. French
sets a no-break space before a colon and inside guillemets, and a narrow one (U+202F) before
`;` and `?` (not in Canada, where these follow the word), so a line never starts with the mark.
"""
from __future__ import annotations

from collections.abc import Mapping

LABELS = {
    "en": {
        "agenda": "Agenda",
        "recap": "Recap",
        "continued": "continued",
        "notes_continued": "Continued from the previous slide; its notes are there.",
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
        "planned": "planned",
        "opening": "Opening",
        "close": "Close",
        "colon": ":",
        "semicolon": ";",
        "open_quote": "“",
        "close_quote": "”",
    },
    "nl": {
        "agenda": "Agenda",
        "recap": "Samenvatting",
        "continued": "vervolg",
        "notes_continued": "Vervolg van de vorige dia; de notities staan daar.",
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
        "planned": "gepland",
        "opening": "Opening",
        "close": "Afsluiting",
        "colon": ":",
        "semicolon": ";",
        "open_quote": "“",
        "close_quote": "”",
    },
    "de": {
        "agenda": "Agenda",
        "recap": "Zusammenfassung",
        "continued": "Fortsetzung",
        "notes_continued": "Fortsetzung der vorigen Folie; die Notizen stehen dort.",
        "discussion": "Diskussion",
        "exercise": "Übung",
        "minutes": "min",
        "questions": "Fragen?",
        "quote": "Zitat",
        "groups": "Gruppen",
        "deliverable": "Ergebnis",
        "say": "Sagen",
        "ask": "Fragen",
        "do": "Tun",
        "next": "Überleitung",
        "time": "Zeit",
        "source": "Quelle",
        "section": "Teil",
        "guide": "Moderationsleitfaden",
        "run_sheet": "Ablaufplan",
        "slides": "Folien",
        "materials": "Material",
        "session": "Zeitrahmen",
        "end": "Ende",
        "planned": "geplant",
        "opening": "Einstieg",
        "close": "Abschluss",
        "colon": ":",
        "semicolon": ";",
        "open_quote": "„",
        "close_quote": "“",
    },
    "fr": {
        "agenda": "Programme",
        "recap": "Récapitulatif",
        "continued": "suite",
        "notes_continued": "Suite de la diapositive précédente\u202f; les notes y figurent.",
        "discussion": "Discussion",
        "exercise": "Exercice",
        "minutes": "min",
        "questions": "Des questions\u202f?",
        "quote": "Citation",
        "groups": "Groupes",
        "deliverable": "Livrable",
        "say": "Dire",
        "ask": "Demander",
        "do": "Faire",
        "next": "Transition",
        "time": "Temps",
        "source": "Source",
        "section": "Partie",
        "guide": "Guide d’animation",
        "run_sheet": "Déroulé",
        "slides": "Diapositives",
        "materials": "Matériel",
        "session": "Séance",
        "end": "Fin",
        "planned": "prévu",
        "opening": "Accueil",
        "close": "Clôture",
        "colon": "\u00a0:",
        "semicolon": "\u202f;",
        "open_quote": "«\u00a0",
        "close_quote": "\u00a0»",
    },
    "es": {
        "agenda": "Agenda",
        "recap": "Resumen",
        "continued": "continuación",
        "notes_continued": "Continuación de la diapositiva anterior; las notas están allí.",
        "discussion": "Debate",
        "exercise": "Ejercicio",
        "minutes": "min",
        "questions": "¿Preguntas?",
        "quote": "Cita",
        "groups": "Grupos",
        "deliverable": "Entregable",
        "say": "Decir",
        "ask": "Preguntar",
        "do": "Hacer",
        "next": "Transición",
        "time": "Tiempo",
        "source": "Fuente",
        "section": "Parte",
        "guide": "Guía de facilitación",
        "run_sheet": "Cronograma",
        "slides": "Diapositivas",
        "materials": "Materiales",
        "session": "Sesión",
        "end": "Fin",
        "planned": "previsto",
        "opening": "Apertura",
        "close": "Cierre",
        "colon": ":",
        "semicolon": ";",
        "open_quote": "«",
        "close_quote": "»",
    },
}

# Where a region writes its language differently: its words over the base language's.
REGIONAL = {
    "fr-ca": {"questions": "Des questions?", "semicolon": ";"},
}

KEYS: tuple[str, ...] = tuple(LABELS["en"])


def languages() -> tuple[str, ...]:
    """The languages with built-in labels, as a presenter writes them in `language:`."""
    return tuple(LABELS)


def labels_for(language: str, overrides: Mapping[str, str] | None = None) -> tuple[dict[str, str], bool]:
    """The labels for a BCP-47 tag ('nl-BE' uses 'nl', 'fr-CA' its own words over 'fr') with the
    outline's `labels:` over them, and whether no English stands in for a missing word: the
    language has labels, or the outline gives every one."""
    tag = language.lower()
    base = tag.split("-")[0]
    known = base in LABELS
    labels = dict(LABELS[base] if known else LABELS["en"])
    for region, words in REGIONAL.items():
        if tag == region or tag.startswith(region + "-"):
            labels.update(words)
    if overrides:
        labels.update(overrides)
        known = known or set(KEYS) <= set(overrides)
    return labels, known
