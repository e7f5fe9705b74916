"""The words deck writes itself, in the deck's language: German, French and Spanish outlines built
through the command line as a presenter runs it, with no English left in the slides, the
guide or the handout; an outline's `labels:` over any of them; unknown keys refused."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from support.dump import dump
from typer.testing import CliRunner

from deck.cli import app
from deck.measure import fonts as text
from deck.outline.labels import KEYS, LABELS

LANGUAGES = FIXTURES / "languages"
runner = CliRunner()
NBSP, NNBSP = "\u00a0", "\u202f"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def built(outline: Path, tmp_path: Path) -> tuple[str, str, str, str]:
    """(slides' texts, notes, guide, handout) as the commands write them."""
    out = tmp_path / "deck.pptx"
    result = run("build", outline, "-o", out)
    assert result.exit_code == 0, result.output
    assert "has no labels" not in result.stderr
    slides = dump(out)
    texts = "\n".join(shape.get("text", "") for slide in slides for shape in slide["shapes"])
    notes = "\n".join(slide["notes"] for slide in slides)
    for command in ("guide", "handout"):
        done = run(command, outline, "-o", tmp_path / f"{command}.md")
        assert done.exit_code == 0, done.output
        assert "has no labels" not in done.stderr
    return (texts, notes, (tmp_path / "guide.md").read_text(encoding="utf-8"),
            (tmp_path / "handout.md").read_text(encoding="utf-8"))


# Per language: what the slides, the notes, the guide and the handout say in deck's own words.
EXPECTED = {
    "de": {
        "slides": ["Agenda", "EINSTIEG 09:00 (5 MIN) · ABSCHLUSS 10:05 (10 MIN)", "DISKUSSION · 10 MIN",
                   "ÜBUNG · 15 MIN", "Gruppen: Vierergruppen", "Ergebnis: Ein Flipchart pro Gruppe",
                   "Zitat: Eine Kundin", "(Fortsetzung)", "Zusammenfassung", "Fragen?",
                   "Quelle: Interne Auswertung, März 2025"],
        "notes": ["Sagen:\n", "Fragen:\n", "Tun:\n", "Zeit: 5 min", "Überleitung: Eine Stimme",
                  "Zeit: 30 min"],
        "guide": ["# Moderationsleitfaden: Kundenfeedback auswerten", "**Zeitrahmen:** 09:00–10:15, 75 min",
                  "## Ablaufplan", "| Zeit | Teil | Folien | min |", "| 09:00 | Einstieg |",
                  "| 10:05 | Abschluss |", "| **Ende** |", "**Sagen:**", "**Fragen:**", "**Tun:**",
                  "**Überleitung:**", "**Diskussion · 10 min:**", "**Übung · 15 min:**", "**Gruppen:**",
                  "**Ergebnis:**", "## Material", "Zitat: Eine Kundin", "**Gruppen:** Vierergruppen; **Ergebnis:**"],
        "handout": ["„Ich habe dreimal angerufen", "geantwortet hat.“", "**Diskussion:**",
                    "*Quelle: Kundenbefragung 2025*"],
    },
    "fr": {
        "slides": ["Programme", "ACCUEIL 09:00 (5 MIN) · CLÔTURE 10:05 (10 MIN)", "DISCUSSION · 10 MIN",
                   "EXERCICE · 15 MIN", f"Groupes{NBSP}: Groupes de quatre", f"Livrable{NBSP}: Une affiche",
                   f"Citation{NBSP}: Une cliente", "(suite)", "Récapitulatif", f"Des questions{NNBSP}?",
                   f"Source{NBSP}: Analyse interne"],
        "notes": [f"Dire{NBSP}:\n", f"Demander{NBSP}:\n", f"Faire{NBSP}:\n", f"Temps{NBSP}: 5 min",
                  f"Transition{NBSP}: Un témoignage"],
        "guide": [f"# Guide d’animation{NBSP}: Analyser", f"**Séance{NBSP}:** 09:00–10:15, 75 min", "## Déroulé",
                  "| Temps | Partie | Diapositives | min |", "| 09:00 | Accueil |", "| 10:05 | Clôture |",
                  "| **Fin** |", f"**Dire{NBSP}:**", f"**Demander{NBSP}:**", f"**Faire{NBSP}:**",
                  f"**Transition{NBSP}:**", f"**Discussion · 10 min{NBSP}:**", f"**Exercice · 15 min{NBSP}:**",
                  "## Matériel", f"**Groupes{NBSP}:** Groupes de quatre{NNBSP}; **Livrable{NBSP}:**",
                  f" · Citation{NBSP}: Une cliente · "],
        "handout": [f"«{NBSP}J’ai appelé", f"me réponde.{NBSP}»", f"**Discussion{NBSP}:**",
                    f"*Source{NBSP}: Enquête clients 2025*"],
    },
    "es": {
        "slides": ["Agenda", "APERTURA 09:00 (5 MIN) · CIERRE 10:05 (10 MIN)", "DEBATE · 10 MIN",
                   "EJERCICIO · 15 MIN", "Grupos: Grupos de cuatro", "Entregable: Un papelógrafo",
                   "Cita: Una clienta", "(continuación)", "Resumen", "¿Preguntas?", "Fuente: Análisis interno"],
        "notes": ["Decir:\n", "Preguntar:\n", "Hacer:\n", "Tiempo: 5 min", "Transición: Un testimonio"],
        "guide": ["# Guía de facilitación: Analizar", "**Sesión:** 09:00–10:15, 75 min", "## Cronograma",
                  "| Tiempo | Parte | Diapositivas | min |", "| 09:00 | Apertura |", "| 10:05 | Cierre |",
                  "| **Fin** |", "**Decir:**", "**Preguntar:**", "**Hacer:**", "**Transición:**",
                  "**Debate · 10 min:**", "**Ejercicio · 15 min:**", "## Materiales",
                  "**Grupos:** Grupos de cuatro; **Entregable:**"],
        "handout": ["«Llamé tres veces", "me contestara.»", "**Debate:**", "*Fuente: Encuesta a clientes 2025*"],
    },
}


def english_words(language: str) -> list[str]:
    """deck's English words that the language says otherwise, as a label ("Groups:") and in a
    kicker's capitals ("EXERCISE")."""
    own = set(LABELS[language].values())
    words = [w for key, w in LABELS["en"].items() if w not in own and w.isalpha() and key != "minutes"]
    return words + [w.upper() for w in words] + ["Questions?", "(continued)"]


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_deck_its_guide_and_its_handout_speak_the_outlines_language(language, tmp_path):
    texts, notes, guide, handout = built(LANGUAGES / f"{language}.yaml", tmp_path)
    expected = EXPECTED[language]
    for where, found in (("slides", texts), ("notes", notes), ("guide", guide), ("handout", handout)):
        for word in expected[where]:
            assert word in found, f"{word!r} missing from the {language} {where}"
        for word in english_words(language):
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", found), \
                f"English {word!r} in the {language} {where}"


def test_french_punctuation_never_starts_a_line():
    # The no-break spaces before "?" and ":" hold the mark to its word at any width that holds
    # the two together (a narrower line cuts inside words, as PowerPoint does).
    for family in ("calibri", "arial"):
        for phrase, bound in ((LABELS["fr"]["questions"], f"questions{NNBSP}?"),
                              (f"Groupes{LABELS['fr']['colon']} Groupes de quatre", f"Groupes{NBSP}:")):
            least = text.text_width(bound, family, 28, bold=True) * 1.01
            for width in range(int(least) + 1, 500, 3):
                lines = text.wrap(phrase, family, 28, width, bold=True)
                assert not any(line.lstrip().startswith(("?", ":")) for line in lines), (family, width, lines)


def test_canadian_french_keeps_the_question_mark_on_its_word(tmp_path):
    path = tmp_path / "outline.yaml"
    path.write_text((LANGUAGES / "fr.yaml").read_text(encoding="utf-8").replace("language: fr", "language: fr-CA"),
                    encoding="utf-8")
    texts, _, guide, _ = built(path, tmp_path)
    assert "Des questions?" in texts and f"Groupes{NBSP}:" in texts and f"quatre; **Livrable{NBSP}:**" in guide


OVERRIDE = """\
    title: Ein Workshop
    language: {language}
    labels:
      exercise: Werkstatt
      questions: Noch Fragen?
      say: Impuls
      recap: Das Wichtigste
    sections:
      - id: eins
        title: Der Anfang
        message: Wir fangen klein an.
        slides:
          - title: Wir sagen, worum es geht
            bullets: [Eins, Zwei]
            notes:
              say: [Das Ziel nennen.]
          - kind: exercise
            title: Die Gruppen legen los
            task: Eine Idee skizzieren.
            minutes: 10
"""


@pytest.mark.parametrize("language", ["de", "en", "pl"])
def test_labels_in_the_outline_replace_deck_s_words_in_the_deck_and_the_guide(language, tmp_path):
    path = tmp_path / "outline.yaml"
    path.write_text(textwrap.dedent(OVERRIDE.format(language=language)), encoding="utf-8")
    out = tmp_path / "deck.pptx"
    result = run("build", path, "-o", out)
    assert result.exit_code == 0, result.output
    slides = dump(out)
    texts = "\n".join(shape.get("text", "") for slide in slides for shape in slide["shapes"])
    assert "WERKSTATT · 10 MIN" in texts and "Noch Fragen?" in texts and "Das Wichtigste" in texts
    assert "EXERCISE" not in texts and "Recap" not in texts
    assert any(slide["notes"].startswith("Impuls:\n") for slide in slides)
    # The words not given stay the language's own; a language without labels still says so.
    assert "\nAgenda\n" in texts and ("has no labels" in result.stderr) == (language == "pl")
    done = run("guide", path, "-o", tmp_path / "guide.md")
    assert done.exit_code == 0, done.output
    guide = (tmp_path / "guide.md").read_text(encoding="utf-8")
    assert "**Impuls:**" in guide and "**Werkstatt · 10 min:**" in guide


def test_labels_for_every_word_silence_the_notice_for_a_language_without_labels(tmp_path):
    words = "\n".join(f"  {key}: {LABELS['de'][key]!r}" for key in KEYS)
    path = tmp_path / "outline.yaml"
    path.write_text(f"title: Warsztat\nlanguage: pl\nlabels:\n{words}\nsections:\n  - id: jeden\n"
                    "    title: Jeden\n    slides: [{title: Jeden coś pokazuje, bullets: [a]}]\n", encoding="utf-8")
    result = run("build", path, "-o", tmp_path / "deck.pptx")
    assert result.exit_code == 0, result.output
    assert "has no labels" not in result.stderr
    checked = run("check", path)
    assert "language" not in checked.stdout.replace("language: ", "")


@pytest.mark.parametrize("key, hint", [
    ("exercize", "did you mean 'exercise'?"),
    ("zzz", "known keys here: agenda, ask,"),
])
def test_an_unknown_label_key_is_refused_at_its_line(key, hint, tmp_path):
    path = tmp_path / "outline.yaml"
    path.write_text("title: Ein Workshop\nlanguage: de\nlabels:\n  recap: Rückblick\n"
                    f"  {key}: Werkstatt\nsections:\n  - id: eins\n    title: Eins\n"
                    "    slides: [{title: Eins zeigt etwas, bullets: [a]}]\n", encoding="utf-8")
    out = tmp_path / "deck.pptx"
    result = run("build", path, "-o", out)
    assert result.exit_code == 1
    assert f"{path}:5: labels.{key}: unknown key '{key}'" in result.stderr
    assert f"hint: {hint}" in result.stderr
    assert not out.exists()


def test_the_schema_names_every_label_key():
    import json

    schema = json.loads((ROOT / "schema" / "outline.schema.json").read_text(encoding="utf-8"))
    [mapping] = [o for o in schema["properties"]["labels"]["anyOf"] if o.get("type") == "object"]
    assert list(mapping["properties"]) == list(KEYS) and mapping["additionalProperties"] is False


def test_every_language_has_every_label():
    for language, words in LABELS.items():
        assert list(words) == list(KEYS), language
        assert all(w.strip() for w in words.values()), language


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_starters_labels_example_shows_in_the_deck_once_uncommented(language, tmp_path):
    path = tmp_path / "outline.yaml"
    assert run("new", path, "--lang", language).exit_code == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# labels:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("#   "))
    example = [line[2:] for line in lines[start:end]]
    words = dict(line.split(": ", 1) for line in (x.strip() for x in example[1:]))
    assert words and set(words) <= set(KEYS)
    path.write_text("\n".join(lines[:start] + example + lines[end:]) + "\n", encoding="utf-8")
    out = tmp_path / "deck.pptx"
    result = run("build", path, "-o", out)
    assert result.exit_code == 0, result.output
    texts = {shape.get("text", "").lower() for slide in dump(out) for shape in slide["shapes"]}
    for word in words.values():
        assert any(word.lower() in t for t in texts), word


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_longer_continued_headline_stays_clear_of_the_body(language, tmp_path):
    # "(Fortsetzung)" and "(continuación)" are longer than "(continued)": the later page's
    # headline shrinks to the first page's height instead of running into the table below it.
    out = tmp_path / "deck.pptx"
    assert run("build", LANGUAGES / f"{language}.yaml", "-o", out).exit_code == 0
    pages = [slide for slide in dump(out) if any(s["name"] == "Table" for s in slide["shapes"])]
    assert len(pages) == 2 and f"({LABELS[language]['continued']})" in (pages[1]["title"] or "")
    for page in pages:
        boxes = {s["name"]: s["box"] for s in page["shapes"]}
        assert boxes["Title 1"][1] + boxes["Title 1"][3] <= boxes["Table"][1]
    assert pages[1]["shapes"][0]["box"] == pages[0]["shapes"][0]["box"]
