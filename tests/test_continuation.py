"""Slides that continue, as presenters write them: shares that are even, no lone item, prompts
kept together, both compare columns continued together, headlines that keep their distance and
notes that are not copied."""
from __future__ import annotations

from pathlib import Path

import pytest

from deck.build import plan
from deck.plan import SlidePlan, Table, TextBox

WORDS = "samenwerken klant medewerker organisatie leiderschap innovatie".split()


def laid(tmp_path: Path, slides: str, language: str = "en") -> list[SlidePlan]:
    source = tmp_path / "outline.yaml"
    source.write_text(f"title: Continuing\nlanguage: {language}\nagenda: false\nrecap: false\nsections:\n"
                      f"  - id: a\n    title: A part\n    slides:\n{slides}", encoding="utf-8")
    return [s for s in plan(source)[1].slides if s.kind not in ("title", "divider", "closing")]


def texts(slide: SlidePlan, name: str) -> list[str]:
    return [p.text for item in slide.items if isinstance(item, TextBox) and item.name == name for p in item.paras]


def sentence(n: int) -> str:
    return " ".join(WORDS[(n + i) % len(WORDS)] for i in range(7)).capitalize()


def test_a_long_list_is_shared_out_evenly(tmp_path):
    bullets = "".join(f"          - {sentence(i)} nummer {i}\n" for i in range(14))
    slides = laid(tmp_path, f"      - title: Fourteen points of the same length\n        bullets:\n{bullets}")
    counts = [len(texts(s, "Body")) for s in slides]
    assert len(counts) > 1 and sum(counts) == 14
    assert max(counts) - min(counts) <= 1 and min(counts) > 1


def test_a_long_table_has_no_lone_row(tmp_path):
    rows = "".join(f"          - [Row {i}, {sentence(i)}, '{i * 1.5:.1f}']\n" for i in range(26))
    slides = laid(tmp_path, "      - kind: table\n        title: Twenty-six rows\n"
                            f"        columns: [Row, Text, Value]\n        rows:\n{rows}")
    counts = [len(next(i for i in s.items if isinstance(i, Table)).cells) - 1 for s in slides]
    assert len(counts) > 1 and sum(counts) == 26 and max(counts) - min(counts) <= 1 and min(counts) > 1


def test_short_prompts_stay_on_the_question_slide(tmp_path):
    slides = laid(tmp_path, "      - kind: question\n        title: Which one first\n"
                            "        question: Which of these do we start with?\n"
                            "        prompts: [Price, Speed, Trust, Service]\n")
    assert len(slides) == 1


def test_prompts_that_do_not_fit_under_the_question_move_together(tmp_path):
    prompts = "".join(f"          - {sentence(i)}?\n" for i in range(7))
    slides = laid(tmp_path, "      - kind: question\n        title: A question with many long prompts\n"
                            f"        question: {sentence(3)} and {sentence(4).lower()}?\n"
                            f"        prompts:\n{prompts}        notes: Let the room talk first.\n")
    assert len(slides) == 2
    first, second = (texts(s, "Activity") for s in slides)
    assert len(first) == 2  # the label and the question, alone
    assert second[1:] == [f"{sentence(i)}?" for i in range(7)]
    assert slides[1].notes != slides[0].notes and "previous slide" in slides[1].notes


def test_compare_continues_both_sides_and_shows_no_bare_heading(tmp_path):
    left = "".join(f"            - {sentence(i)} {sentence(i + 1).lower()}\n" for i in range(9))
    slides = laid(tmp_path, "      - kind: compare\n        title: Nine against two\n"
                            f"        left:\n          heading: Today\n          bullets:\n{left}"
                            "        right:\n          heading: With us\n          bullets: [One team, One number]\n")
    assert len(slides) > 1
    for slide in slides:
        assert len(texts(slide, "Heading")) == len([i for i in slide.items if getattr(i, "name", "") == "Column"])
    assert sum(len(texts(s, "Column")) for s in slides) == 11


def test_six_steps_stay_on_one_row(tmp_path):
    steps = "".join(f"          - {{title: Step {i}, text: {sentence(i)}}}\n" for i in range(6))
    steps = steps.replace("Step 2,", "Omgevingsvergunning,")
    assert len(laid(tmp_path, f"      - kind: steps\n        title: Six milestones\n        steps:\n{steps}")) == 1


def test_a_long_exercise_task_builds(tmp_path):
    task = ". ".join(sentence(i) for i in range(12)) + "."
    slides = laid(tmp_path, "      - kind: exercise\n        title: Work in groups\n"
                            f"        task: {task}\n        minutes: 20\n        groups: Tables of five\n"
                            "        deliverable: One flip chart with three risks\n")
    assert slides and texts(slides[0], "Activity")[1] == task


@pytest.mark.parametrize("language", ["en", "de", "es"])
def test_a_grown_headline_keeps_its_distance_from_the_body(tmp_path, language):
    # "(Fortsetzung)" makes a headline that just fills two lines take a third
    title = "A headline that fills nearly two full lines of the slide about the training programme"
    rows = "".join(f"          - [Row {i}, {sentence(i)}]\n" for i in range(30))
    slides = laid(tmp_path, f"      - kind: table\n        title: {title}\n        columns: [Row, Text]\n"
                            f"        rows:\n{rows}", language)
    assert len(slides) > 1
    for slide in slides:
        table = next(i for i in slide.items if isinstance(i, Table))
        assert slide.title.box.bottom < table.box.y


def test_stats_that_fit_no_arrangement_continue_two_and_two(tmp_path):
    long = "median total cost of ownership over five years per programme in the benchmark"
    stats = "".join(f"          - {{value: '64,5 % → 81,{i} %', label: {long}, context: {long}}}\n" for i in range(4))
    slides = laid(tmp_path, "      - kind: stats\n        title: Four wide figures with long labels\n"
                            f"        stats:\n{stats}")
    figures = [texts(s, "Number") for s in slides]
    assert [len(f) for f in figures] == [2, 2]
    assert [t.replace("\u00a0", " ") for f in figures for t in f] == [f"64,5 % → 81,{i} %" for i in range(4)]


def test_six_dated_milestones_too_long_for_a_row_stay_on_one_slide_down_the_page(tmp_path):
    steps = "".join(f"          - {{title: '{d} 2026 — {sentence(i)[:28]}', text: '{sentence(i + 1)}'}}\n"
                    for i, d in enumerate(["15 april", "1 juni", "15 september", "2 november", "14 december", "5 mei"]))
    slides = laid(tmp_path, f"      - kind: steps\n        title: Herziene planning\n        steps:\n{steps}", "nl")
    assert len(slides) == 1
    circles = [i for i in slides[0].items if getattr(i, "name", "").startswith("Step ") and not i.name.endswith("text")]
    assert [c.name for c in circles] == [f"Step {n}" for n in range(1, 7)]
    assert len({round(c.box.x) for c in circles}) == 1  # one under the other


def test_a_comparison_of_six_a_side_is_seen_whole(tmp_path):
    today = "[Starts when a ticket is created, Steps named after systems and teams, Success is the SLA met, " \
            "Hand-offs look like arrows, Ends when the case is closed, Emotion is invisible]"
    us = "[Starts when the customer first notices something, Steps named after what the customer tries to do, " \
         "Success is the customer stops worrying, Hand-offs feel like starting over, " \
         "Ends when the customer forgets about it, Emotion is the main storyline]"
    slides = laid(tmp_path, "      - kind: compare\n        title: Process map versus journey map, the same events "
                            "seen from a very different picture\n"
                            f"        left:\n          heading: Process map\n          bullets: {today}\n"
                            f"        right:\n          heading: Journey map\n          bullets: {us}\n")
    assert len(slides) == 1 and len(texts(slides[0], "Column")) == 12


def test_every_page_of_a_long_table_has_a_title_of_its_own(tmp_path):
    """PowerPoint's outline view and accessibility check tell slides apart by their titles."""
    rows = "".join(f"          - [Row {i}, {sentence(i)}, '{i * 1.5:.1f}']\n" for i in range(40))
    slides = laid(tmp_path, "      - kind: table\n        title: Forty rows\n"
                            f"        columns: [Row, Text, Value]\n        rows:\n{rows}")
    titles = [s.title.paras[0].text for s in slides]
    assert len(slides) >= 3
    assert titles[:3] == ["Forty rows", "Forty rows (continued)", "Forty rows (continued 2)"]
    assert len(set(titles)) == len(titles)
    # a numbered headline stands where the first "(continued)" does: the body was laid out under it
    assert {(s.title.box.y, s.title.box.h) for s in slides[1:]} == {(slides[1].title.box.y, slides[1].title.box.h)}
