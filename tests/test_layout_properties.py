"""Properties of the pure layout, over generated outlines: every text between its floor and its
preferred size, every box inside the slide's safe area, and continuation that never loses or
repeats an item."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deck.errors import DeckError
from deck.layout import plan_deck
from deck.look.theme import THEMES
from deck.outline.model import Outline
from deck.outline.reader import Loaded, Source
from deck.plan import Shape, TextBox

LIGHT = THEMES["light"]
WORDS = st.sampled_from("de het klant organisatie leiderschap innovatie samenwerken medewerkers "
                        "klantenservicemedewerkersopleidingstraject social enterprise belofte noodzaak "
                        "impact uitrol valkuilen ROI Yammer één café".split())
TEXT = st.lists(WORDS, min_size=1, max_size=16).map(" ".join)
BULLETS = st.lists(TEXT, min_size=1, max_size=14)


def outline(bullets: list[str], left: list[str], right: list[str], prompts: list[str]) -> Loaded:
    data = {"title": "Eigenschappen", "language": "nl", "sections": [{
        "id": "a", "title": "Deel", "message": "Een boodschap.",
        "slides": [
            {"title": "Een lijst loopt door waar nodig", "bullets": bullets},
            {"kind": "compare", "title": "Twee kanten lopen samen door",
             "left": {"heading": "Oud", "bullets": left}, "right": {"heading": "Nieuw", "bullets": right}},
            {"kind": "question", "title": "Een vraag voor de zaal", "question": "Wat doen we morgen?",
             "prompts": prompts},
        ]}]}
    return Loaded(Outline.model_validate(data), Source("generated.yaml", Path(".")))


def boxes(slide):
    for item in (slide.title, slide.subtitle, *slide.items):
        if isinstance(item, TextBox):
            yield item
        elif isinstance(item, Shape) and item.text is not None:
            yield item.text


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(BULLETS, BULLETS, BULLETS, st.lists(TEXT, max_size=8))
def test_layout_properties(bullets, left, right, prompts):
    try:
        planned = plan_deck(outline(bullets, left, right, prompts), LIGHT)
    except DeckError as err:  # an item too long for a whole slide: refused, with its line
        assert all("does not fit" in p.message for p in err.problems)
        return
    body, column, prompt_texts = [], [], []
    for slide in planned.slides:
        for box in boxes(slide):
            b = box.box
            assert 0 <= b.x and b.x + b.w <= 960 + 0.01 and 0 <= b.y and b.y + b.h <= 540 + 0.01, box.name
            if slide.kind not in ("title", "divider", "closing"):
                assert 48 - 0.01 <= b.x and b.x + b.w <= 912 + 0.01 and 36 - 0.01 <= b.y and b.y + b.h <= 504 + 0.01
            for para in box.paras:
                if box.name == "Body":
                    assert 24 <= para.size <= 28
                    body.append(para.text)
                elif box.name == "Column":  # sub-bullet size, or secondary to keep a comparison whole
                    assert 18 <= para.size <= 24
                    column.append(para.text)
                elif box.name == "Title":
                    assert 28 <= para.size <= 36 or slide.kind in ("title", "divider", "closing")
            if box.name == "Activity" and any(p.bullet for p in box.paras):
                prompt_texts.append([p.text for p in box.paras if p.bullet])
    assert body == bullets
    assert sorted(column) == sorted(left + right)
    assert prompt_texts == ([prompts] if prompts else [])  # all on one slide, never split
