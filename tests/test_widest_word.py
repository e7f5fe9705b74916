"""Measuring made cheaper must measure the same: `widest_word` keeps the words' widths between the
sizes layout tries and must give exactly the width `text_width` gives the widest word, so that
fitting decides as it did word by word; the pattern that picks words for the character rules must
pick the same characters."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deck.measure import fonts


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60),
       family=st.sampled_from(["Calibri", "Arial", "Georgia", "Liberation Sans"]),
       size=st.floats(min_value=4, max_value=96, allow_nan=False), bold=st.booleans())
def test_widest_word_is_the_widest_text_width(text, family, size, bold):
    widths = [fonts.text_width(word, family, size, bold) for word in text.split()]
    assert fonts.widest_word(text, family, size, bold) == (max(widths) if widths else None)


def test_a_size_must_be_positive_when_there_is_a_word():
    assert fonts.widest_word("  ", "Calibri", 0) is None
    with pytest.raises(ValueError):
        fonts.widest_word("word", "Calibri", 0)


def test_the_characters_that_need_the_character_rules_are_a_dash_a_hyphen_or_from_u1100_on():
    import re

    from deck.measure import text

    spelled_out = re.compile("[" + re.escape("".join(sorted(text._BREAKY))) + "\u1100-\U0010ffff]")
    assert all((text._SPECIAL.search(chr(cp)) is None) == (spelled_out.search(chr(cp)) is None)
               for cp in range(0x110000))
