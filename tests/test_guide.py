"""The facilitator guide and the handout, written by the real commands from real outlines;
the labels of both languages in the guide and in the deck's notes; the activity slides' sizes."""
from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from support import libreoffice
from typer.testing import CliRunner

from deck.build import build
from deck.cli import app
from deck.outline import timing
from deck.outline.model import ExerciseSlide, QuestionSlide, QuoteSlide, StatsSlide
from deck.outline.reader import load

OUTLINES = [ROOT / "outline.yaml", ROOT / "outline.en.yaml", FIXTURES / "valid" / "every-kind.yaml"]
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def write_guide(outline: Path, tmp_path: Path, command: str = "guide") -> str:
    out = tmp_path / f"{command}.md"
    result = run(command, outline, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [str(out)]
    return out.read_text(encoding="utf-8")


def in_order(text: str, parts: list[str]) -> None:
    """Every part appears in the text, each after the one before."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} missing, or out of order (looked from offset {at})"
        at = found + len(part)


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda p: p.name)
def test_guide_has_every_section_with_its_clock_time_and_every_question_in_order(outline, tmp_path):
    guide = write_guide(outline, tmp_path)
    loaded = load(outline).outline
    times = timing.section_times(loaded)
    assert all(t.clock for t in times), "the shipped outlines have a start and minutes everywhere"
    # The run sheet: one row per section with its clock time, then the end of the session.
    in_order(guide, [f"| {t.clock} | {t.index + 1}. {t.section.title} |" for t in times]
             + [f"| {timing.clock(timing.end_time(loaded))} | **"])
    # Then every section with its clock time, and its questions and exercises, in order.
    body = guide[guide.index(f"## 1. {times[0].section.title}"):]
    parts = []
    for t in times:
        parts.append(f"## {t.index + 1}. {t.section.title} · {t.clock} · {timing.format_minutes(t.minutes)} min")
        for slide in t.section.slides:
            if isinstance(slide, QuestionSlide):
                parts += [slide.question] + list(slide.prompts)
            elif isinstance(slide, ExerciseSlide):
                parts += [slide.task] + [x for x in (slide.groups, slide.deliverable) if x]
    in_order(body, parts)
    assert sum(isinstance(s, QuestionSlide) for t in times for s in t.section.slides) > 0


@pytest.mark.parametrize("outline", OUTLINES[:2], ids=lambda p: p.name)
def test_guide_carries_every_note_and_lists_the_exercises_materials(outline, tmp_path):
    guide = write_guide(outline, tmp_path)
    loaded = load(outline).outline
    notes = [p.strip() for s in loaded.sections for slide in s.slides if slide.notes
             for p in (*slide.notes.say, *slide.notes.ask, *slide.notes.do, *filter(None, [slide.notes.next]))]
    assert notes
    in_order(guide, notes)
    exercises = [slide for s in loaded.sections for slide in s.slides if isinstance(slide, ExerciseSlide)]
    assert exercises
    materials = guide[guide.rindex("\n## "):]
    for exercise in exercises:
        in_order(materials, [exercise.title, exercise.groups, exercise.deliverable])


NL_WORDS = ["## Tijdschema", "| Tijd | Deel | Slides | min |", "**Sessie:**", "**Vertel:**", "**Vraag:**",
            "**Doe:**", "**Daarna:**", "**Discussie · ", "**Opdracht · ", "**Groepen:**", "**Resultaat:**",
            "## Materialen", "**Einde**"]
EN_WORDS = ["## Run sheet", "| Time | Part | Slides | min |", "**Session:**", "**Say:**", "**Ask:**", "**Do:**",
            "**Next:**", "**Discussion · ", "**Exercise · ", "**Groups:**", "**Deliverable:**", "## Materials",
            "**End**"]


@pytest.mark.parametrize("outline, words, others", [
    (ROOT / "outline.yaml", NL_WORDS, EN_WORDS), (ROOT / "outline.en.yaml", EN_WORDS, NL_WORDS)],
    ids=["nl", "en"])
def test_guide_speaks_the_decks_language(outline, words, others, tmp_path):
    guide = write_guide(outline, tmp_path)
    assert guide.startswith("# Draaiboek: " if words is NL_WORDS else "# Facilitator guide: ")
    for word in words:
        assert word in guide
    for word in others:
        if word not in words:
            assert word not in guide


def test_an_unknown_language_falls_back_to_english_with_a_notice(tmp_path):
    path = tmp_path / "outline.yaml"
    path.write_text("title: Warsztat\nlanguage: pl\nsections:\n  - id: one\n    title: Jeden\n"
                    "    slides: [{title: Jeden coś pokazuje, bullets: [a], notes: {say: [Powiedz to.]}}]\n",
                    encoding="utf-8")
    result = run("guide", path, "-o", tmp_path / "g.md")
    assert result.exit_code == 0, result.output
    assert f"{path}: language 'pl' has no labels; using English" in result.stderr
    guide = (tmp_path / "g.md").read_text(encoding="utf-8")
    assert "## Run sheet" in guide and "**Say:**" in guide


def _notes(pptx: Path) -> list[str]:
    from pptx import Presentation

    return [slide.notes_slide.notes_text_frame.text for slide in Presentation(str(pptx)).slides
            if slide.has_notes_slide]


@pytest.fixture(scope="module")
def english_deck(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("english") / "social-enterprise.pptx"
    build(ROOT / "outline.en.yaml", out)
    return out


def test_slides_notes_carry_the_labels_of_their_language(shipped_deck, english_deck):
    for deck, own, other in ((shipped_deck, ("Vertel:", "Vraag:", "Doe:", "Daarna:"), ("Say:", "Next:")),
                             (english_deck, ("Say:", "Ask:", "Do:", "Next:"), ("Vertel:", "Daarna:"))):
        notes = "\n".join(_notes(deck))
        for label in own:
            assert f"\n{label}" in "\n" + notes, (deck.name, label)
        for label in other:
            assert f"\n{label}" not in "\n" + notes, (deck.name, label)


@pytest.mark.parametrize("which", ["nl", "en"])
def test_exercise_task_is_at_least_24_pt_in_the_built_deck(which, shipped_deck, english_deck):
    from pptx import Presentation

    deck, outline = (shipped_deck, ROOT / "outline.yaml") if which == "nl" else \
        (english_deck, ROOT / "outline.en.yaml")
    tasks = [s.task for sec in load(outline).outline.sections for s in sec.slides if isinstance(s, ExerciseSlide)]
    assert tasks
    seen = 0
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                if paragraph.text.strip() in tasks:
                    sizes = [run.font.size.pt for run in paragraph.runs]
                    assert sizes and min(sizes) >= 24, (paragraph.text, sizes)
                    seen += 1
    assert seen == len(tasks)


@pytest.mark.parametrize("outline", OUTLINES[:2], ids=lambda p: p.name)
def test_handout_has_the_argument_and_no_speaker_notes(outline, tmp_path):
    handout = write_guide(outline, tmp_path, "handout")
    loaded = load(outline).outline
    parts = [loaded.title] + ([loaded.subtitle] if loaded.subtitle else [])
    for section in loaded.sections:
        parts += [section.title, section.message]
        # A section's key figures come first, as one list; then its quotes and questions in order.
        parts += [f"**{stat.value}** {stat.label}" for slide in section.slides
                  if isinstance(slide, StatsSlide) for stat in slide.stats]
        for slide in section.slides:
            if isinstance(slide, QuoteSlide):
                parts += [slide.quote, slide.by]
            elif isinstance(slide, QuestionSlide):
                parts += [slide.question]
    in_order(handout, parts)
    notes = [p for s in loaded.sections for slide in s.slides if slide.notes
             for p in (*slide.notes.say, *slide.notes.ask, *slide.notes.do, slide.notes.next, slide.notes.text) if p]
    assert notes
    for note in notes:
        assert note.strip() not in handout
    for label in ("Vertel:", "Vraag:", "Doe:", "Daarna:", "Say:", "Ask:", "Do:", "Next:"):
        assert label not in handout


def test_commands_default_to_out_slug(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "outline.yaml", tmp_path / "outline.yaml")
    for command in ("guide", "handout"):
        result = run(command)
        assert result.exit_code == 0, result.output
        expected = Path("out") / f"social-enterprise-{command}.md"
        assert result.stdout.splitlines() == [str(expected)]
        assert (tmp_path / expected).stat().st_size > 0
    # Beside them only the note of which outline each default file was made from (deck.files).
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".deck-sources.json", "social-enterprise-guide.md", "social-enterprise-handout.md"]


def test_markdown_keeps_the_authors_text_as_text(tmp_path):
    path = tmp_path / "outline.yaml"
    path.write_text(textwrap.dedent("""\
        title: Odd | text
        sections:
          - id: one
            title: Pipes | and *stars*
            minutes: 5
            slides:
              - title: "A title with a | pipe"
                bullets: [a]
                notes: "1. not a list\\n# not a heading\\n\\nsnake_case and <b>not html</b>"
        """), encoding="utf-8")
    guide = write_guide(path, tmp_path)
    rows = [line for line in guide.splitlines() if line.startswith("| ")]
    assert len(rows) == 3  # header, the section, the end
    assert {line.replace("\\|", "").count("|") for line in rows} == {5}
    assert "Pipes \\| and \\*stars\\*" in guide
    assert "1\\. not a list\\\n\\# not a heading" in guide
    assert "snake\\_case and \\<b>not html\\</b>" in guide


@pytest.mark.parametrize("name, problem", [("guide.txt", "is not a .md or .pdf file name"), ("folder", "is a folder")])
def test_a_bad_output_is_an_error_and_writes_nothing(tmp_path, name, problem):
    (tmp_path / "folder").mkdir()
    before = sorted(tmp_path.iterdir())
    result = run("guide", ROOT / "outline.yaml", "-o", tmp_path / name)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{tmp_path / name}: {problem}" in result.stderr and "hint:" in result.stderr
    assert sorted(tmp_path.iterdir()) == before


def test_pdf_without_libreoffice_says_how_to_install_it_and_writes_nothing(tmp_path, monkeypatch):
    out = tmp_path / "guide.md"
    out.write_text("an earlier guide", encoding="utf-8")
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run("guide", ROOT / "outline.yaml", "-o", out, "--pdf")
    assert result.exit_code == 1
    assert "LibreOffice is not installed" in result.stderr
    assert "apt-get install libreoffice-writer" in result.stderr
    assert out.read_text(encoding="utf-8") == "an earlier guide"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "guide.md"]


# --- PDFs by LibreOffice ---------------------------------------------------------------------------

def _pdf_command(*args) -> object:
    libreoffice.require_tools()
    result = run(*args)
    if result.exit_code == 1 and "Writer part is missing" in result.stderr and not os.environ.get("CI"):
        pytest.skip("needs LibreOffice Writer (apt-get install libreoffice-writer)")
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.render
def test_guide_pdf_has_every_section(tmp_path):
    out = tmp_path / "guide.md"
    result = _pdf_command("guide", ROOT / "outline.yaml", "-o", out, "--pdf")
    pdf = tmp_path / "guide.pdf"
    assert result.stdout.splitlines() == [str(out), str(pdf)]
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    pages, words = libreoffice.words(pdf)
    text = " ".join(w.text for w in words)
    assert pages >= 2
    for section in load(ROOT / "outline.yaml").outline.sections:
        in_order(text, section.title.split())


@pytest.mark.render
@pytest.mark.parametrize("outline", OUTLINES[:2], ids=lambda p: p.name)
def test_handout_pdf_is_one_page(outline, tmp_path):
    pdf = tmp_path / "handout.pdf"
    result = _pdf_command("handout", outline, "-o", pdf)
    assert result.stdout.splitlines() == [str(tmp_path / "handout.md"), str(pdf)]
    pages, words = libreoffice.words(pdf)
    assert pages == 1
    text = " ".join(w.text for w in words)
    for section in load(outline).outline.sections:
        in_order(text, section.message.split()[:4])
