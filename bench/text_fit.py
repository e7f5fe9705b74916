#!/usr/bin/env python3
"""What it costs to measure and wrap one text box with deck.measure.text (prints figures, asserts nothing).

    .venv/bin/python bench/text_fit.py [--runs N]

Figures are the median over N runs (after one warm-up call that loads the width tables), in
microseconds, for typical slide texts: a headline, a bullet, a 40-word body, a long Dutch
compound in a narrow box. "new text" clears deck.measure.text's caches before every run (a text seen
for the first time: split into words, every word measured); "seen" keeps them (the layout
engine measuring the same text again at another size or width). The first call in a fresh
process also loads and expands one JSON table.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CASES = [
    # name, text, family, size, width, bold
    ("headline 36pt bold", "Sociaal ondernemen begint bij een belofte die je kunt waarmaken",
     "Calibri", 36, 864, True),
    ("bullet 28pt", "Klanten merken het verschil als medewerkers zelf mogen beslissen",
     "Calibri", 28, 800, False),
    ("body 40 words 24pt", " ".join(
        "Een sociale onderneming meet haar succes niet alleen in winst maar ook in de impact op "
        "mensen en omgeving; dat vraagt om leiderschap, geduld, heldere keuzes en een team dat "
        "de belofte elke dag opnieuw waarmaakt voor klanten en samenleving".split()[:40]),
     "Arial", 24, 560, False),
    ("compound, narrow 28pt", "klantenservicemedewerkersopleidingstraject en "
     "arbeidsongeschiktheidsverzekering", "Calibri", 28, 180, False),
]


def median_us(fn, runs: int, before=None) -> float:
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter_ns()
        fn()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples) / 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2000)
    runs = parser.parse_args().runs

    start = time.perf_counter_ns()
    from deck.measure import text
    import_us = (time.perf_counter_ns() - start) / 1000
    start = time.perf_counter_ns()
    text.text_width("x", "Calibri", 20)
    cold_us = (time.perf_counter_ns() - start) / 1000
    print(f"import deck.measure.text: {import_us:8.0f} us")
    print(f"first call (load calibri.json): {cold_us:8.0f} us")
    for family in ("Calibri", "Arial"):  # warm all four tables
        for bold in (False, True):
            text.text_width("x", family, 20, bold)

    def forget():
        text._segments_cached.cache_clear()
        text._wrapped.cache_clear()
        for family in ("Calibri", "Arial"):
            for bold in (False, True):
                text.get_face(family, bold).words.clear()

    print(f"\nmedian over {runs} runs, microseconds:")
    print(f"{'case':28} {'chars':>5} {'lines':>5} {'text_width':>10} "
          f"{'wrap (new text)':>16} {'wrap (seen)':>12} {'line_count (seen)':>18}")
    for name, s, family, size, width, bold in CASES:
        w = median_us(partial(text.text_width, s, family, size, bold), runs)
        cold = median_us(partial(text.wrap, s, family, size, width, bold), runs, forget)
        wr = median_us(partial(text.wrap, s, family, size, width, bold), runs)
        lc = median_us(partial(text.line_count, s, family, size, width, bold), runs)
        n = text.line_count(s, family, size, width, bold)
        print(f"{name:28} {len(s):5} {n:5} {w:10.1f} {cold:16.1f} {wr:12.1f} {lc:18.1f}")

    # a fitter tries sizes from 28 down to 24 in 1-pt steps: the cost of one such search
    body = CASES[2]
    fit = median_us(lambda: [text.line_count(body[1], body[2], sz, body[4], body[5])
                             for sz in (28, 27, 26, 25, 24)], max(runs // 5, 50), forget)
    print(f"\nfit search 28->24 pt on the 40-word body, new text (5 line counts): {fit:.1f} us")


if __name__ == "__main__":
    main()
