"""The slide-design rules of docs/design.md as findings: small pure functions over the outline and its plan.

`check` prints them, `build --strict` refuses to build with warnings. Every rule is a function
`(Deck) -> Iterable[Message]`, each message a finding (with its severity and the rule's id); a
rule judges what the presenter wrote, never the slides deck generates itself (title, agenda,
dividers, recap, closing), except where the plan is the subject (duplicate titles, continuations).

Rule ids and what they catch:

    headline-assertion  warning  a headline that reads as a label, not a claim (see headline_assertion)
    bullets-count       warning  more than 5 items in a list (bullets, a compare column, prompts)
    bullet-words        warning  more than 12 words in one list item
    body-words          warning  more than 40 words of visible text on a slide
    notes-missing       warning  a slide without speaker notes
    title-duplicate     warning  two slides with the same title ("… (continued)" slides excepted)
    alt-text            warning  an informative picture whose alt text is only its file name
    contrast            warning  a text colour below the contrast its role needs (WCAG)
    chart-colours       warning  a brand colour that leaves the chart highlight hard to tell from the accent
    chart-series        warning  more series or slices in a chart than a reader can tell apart
    chart-labels        warning  bars or slices too close together to label their values (deck.lint_charts)
    timing              warning  the plan over-runs the session, or a section's slides its minutes;
                        info     how the plan compares with the session otherwise
    fit-continued       info     a slide that continues on the next one
    language            info     a language without labels: generated words are English

Words are counted as runs of non-space characters, so "T-Mobile" and "1.850" are one word each.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath

from deck.errors import DeckError, Message
from deck.lint_charts import chart_findings
from deck.look.brand import branded_roles, highlight_clash
from deck.look.theme import Theme, contrast_problems
from deck.outline import timing
from deck.outline.labels import labels_for, languages
from deck.outline.model import Outline, Slide
from deck.outline.source import Source
from deck.plan import SlidePlan

MAX_BULLETS = 5  # the text budget: 4-5 bullets a slide
MAX_BULLET_WORDS = 12  # about ten words a bullet, with a little slack
MAX_BODY_WORDS = 40  # the glance test
MIN_HEADLINE_WORDS = 3  # subject, verb, what it claims


def finding(rule: str, severity: str, file: str, line: int | None, path: tuple, message: str,
            hint: str | None = None) -> Message:
    """One thing `check` has to say: which rule, how serious, where, what, and what to do."""
    return Message(file, line, path, message, hint, severity, rule)


def from_error(error: DeckError, rule: str) -> list[Message]:
    """A DeckError (schema, theme, fit) as error findings, one per problem."""
    return [p._replace(severity="error", rule=rule) for p in error.problems]


@dataclass(frozen=True)
class Deck:
    """What the rules look at: the outline, where its values are, the theme, the planned slides."""

    outline: Outline
    source: Source
    theme: Theme
    slides: tuple[SlidePlan, ...] = ()

    def finding(self, rule: str, severity: str, path: tuple, message: str, hint: str | None = None) -> Message:
        return finding(rule, severity, self.source.file, self.source.line(path), path, message, hint)

    def slides_written(self) -> Iterator[tuple[tuple, Slide]]:
        """(path, slide) for every slide in the outline, in order."""
        for i, section in enumerate(self.outline.sections):
            for j, slide in enumerate(section.slides):
                yield ("sections", i, "slides", j), slide


def words(text: str) -> int:
    return len(text.split())


# --- headlines --------------------------------------------------------------------------------

def headline_assertion(deck: Deck) -> Iterator[Message]:
    """Headlines should state the slide's point as a sentence with a verb (assertion-evidence).

    deck cannot parse Dutch or English grammar, so the rule looks at form only. It catches
    topic labels that are short ("Market overview", "Resultaten"), that end in a colon (a label
    introducing a list), and headlines that ask instead of claim (a question mark). It misses
    labels of three words or more ("The results of the pilot") and flags terse true
    assertions ("Costs fall"): the hint says to add the claim, so both are easy to judge.
    A quote slide without a title is left alone: deck names it after the speaker.
    """
    for path, slide in deck.slides_written():
        title = slide.title
        if title is None:
            continue
        text = title.strip()
        count = words(text)
        if text.endswith("?"):
            message = "the headline asks a question; a headline states the slide's point"
            hint = ("write the answer as the headline"
                    + (" and keep the question in `question:`" if slide.kind == "question" else ""))
        elif text.endswith(":"):
            message = "the headline ends in a colon, like a label"
            hint = "write the point the slide makes as a sentence with a verb"
        elif count < MIN_HEADLINE_WORDS:
            message = f"the headline has {count} word{'s' if count != 1 else ''}: a label, not an assertion"
            hint = "write the point the slide makes as a sentence with a verb, e.g. 'Costs fall by a third'"
        else:
            continue
        yield deck.finding("headline-assertion", "warning", path + ("title",), message, hint)


# --- text budgets -----------------------------------------------------------------------------

def _lists(slide) -> Iterator[tuple[tuple, list[tuple[tuple, str]]]]:
    """Every list of items on a slide: (path of the list, [(path of an item, its text)])."""
    bullets = getattr(slide, "bullets", None)
    if slide.kind == "bullets" and bullets:
        items: list[tuple[tuple, str]] = []
        for i, bullet in enumerate(bullets):
            items.append((("bullets", i), bullet.text))
            items += [(("bullets", i, "sub", j), sub) for j, sub in enumerate(bullet.sub)]
        yield ("bullets",), items
    for side in ("left", "right"):
        column = getattr(slide, side, None)
        if column is not None and getattr(column, "bullets", None):
            yield (side, "bullets"), [((side, "bullets", j), text) for j, text in enumerate(column.bullets)]
    prompts = getattr(slide, "prompts", None)
    if prompts:
        yield ("prompts",), [(("prompts", j), text) for j, text in enumerate(prompts)]


def _top_level(items: list[tuple[tuple, str]]) -> int:
    return sum(1 for path, _ in items if "sub" not in path)


def bullets_count(deck: Deck) -> Iterator[Message]:
    """More than MAX_BULLETS items in one list (sub-bullets not counted): the slide stops
    reading at a glance. Continuation keeps the text on screen, so this is the author's call."""
    for path, slide in deck.slides_written():
        for list_path, items in _lists(slide):
            count = _top_level(items)
            if count > MAX_BULLETS:
                yield deck.finding(
                    "bullets-count", "warning", path + list_path,
                    f"{count} items; a slide reads at a glance with at most {MAX_BULLETS}",
                    "keep the items that carry the headline; move the rest to the notes or a next slide")


def bullet_words(deck: Deck) -> Iterator[Message]:
    """More than MAX_BULLET_WORDS words in a list item (bullet, sub-bullet, column item, prompt)."""
    for path, slide in deck.slides_written():
        for _, items in _lists(slide):
            for item_path, text in items:
                count = words(text)
                if count > MAX_BULLET_WORDS:
                    yield deck.finding(
                        "bullet-words", "warning", path + item_path,
                        f"{count} words in one item; about {MAX_BULLET_WORDS - 2} read at a glance",
                        "keep the key phrase on the slide and say the rest (put it in the notes)")


def body_texts(slide) -> list[str]:
    """The visible text of a slide below its headline, as the presenter wrote it.

    Tables and charts are left out: their cells and labels are data, judged by their own
    limits. So is an exercise: its slide stays up while the groups work, to be read, not
    glanced at. A kind this function does not know counts no words (a new kind adds itself here).
    """
    kind = slide.kind
    if kind == "bullets":
        return [t for b in slide.bullets for t in (b.text, *b.sub)]
    if kind == "statement":
        return [slide.text]
    if kind == "quote":
        return [slide.quote, slide.by, slide.role or ""]
    if kind == "stats":
        return [t for s in slide.stats for t in (s.value, s.label, s.context or "")]
    if kind == "compare":
        return [t for c in (slide.left, slide.right) for t in (c.heading, *c.bullets)]
    if kind == "steps":
        return [t for s in slide.steps for t in (s.title, s.text or "")]
    if kind == "question":
        return [slide.question, *slide.prompts]
    if kind == "image":
        return [slide.caption or ""]
    return []


def body_words(deck: Deck) -> Iterator[Message]:
    """More than MAX_BODY_WORDS words of body text on a slide as written (before any
    continuation): the audience reads instead of listening."""
    for path, slide in deck.slides_written():
        count = sum(words(t) for t in body_texts(slide))
        if count > MAX_BODY_WORDS:
            yield deck.finding(
                "body-words", "warning", path,
                f"{count} words on the slide; an audience takes in about {MAX_BODY_WORDS} at a glance",
                "cut the slide to its key phrases and move the explanation to the notes")


# --- notes, titles, pictures ---------------------------------------------------------------------

def _has_notes(slide) -> bool:
    notes = slide.notes
    if notes is None:
        return False
    return bool((notes.text or "").strip() or notes.say or notes.ask or notes.do or (notes.next or "").strip())


def notes_missing(deck: Deck) -> Iterator[Message]:
    """A slide without speaker notes (a `minutes:` alone is not notes)."""
    for path, slide in deck.slides_written():
        if not _has_notes(slide):
            yield deck.finding("notes-missing", "warning", path, "no speaker notes",
                               "add `notes:` with what to say, or `say:`, `ask:` and `do:` for a workshop")


def _continuations(slides: Iterable[SlidePlan]) -> list[tuple[int, SlidePlan, int]]:
    """(index, first slide, pages) per slide of the outline or generated slide, in deck order.

    Layout gives every page of a continued slide the kind and path of the first page."""
    runs: list[tuple[int, SlidePlan, int]] = []
    previous = None
    for index, slide in enumerate(slides):
        key = (slide.kind, slide.path)
        if key == previous:
            first_index, first, pages = runs[-1]
            runs[-1] = (first_index, first, pages + 1)
        else:
            runs.append((index, slide, 1))
        previous = key
    return runs


def _normal(title: str) -> str:
    return " ".join(title.split()).casefold()


def title_duplicate(deck: Deck) -> Iterator[Message]:
    """Two slides of the deck with the same title, generated slides included: screen readers and
    PowerPoint's navigation list slides by title. "… (continued)" pages are left out, they
    repeat their first page's title by design. A generated slide (agenda, divider, recap) keeps
    its title; the presenter's slide is the one reported."""
    seen: dict[str, tuple[int, SlidePlan]] = {}
    for index, slide, _ in _continuations(deck.slides):
        key = _normal(slide.title.text)
        if not key:
            continue
        if key not in seen:
            seen[key] = (index, slide)
            continue
        first_index, first = seen[key]
        # Report the slide the presenter can rename: the one that comes from a slide in the outline.
        reported, other, other_index = (slide, first, first_index)
        if not _is_outline_slide(slide) and _is_outline_slide(first):
            reported, other, other_index = first, slide, index
        where = f"slide {other_index + 1}"
        line = deck.source.line(other.path) if other.path else None
        if line is not None:
            where += f" (line {line})"
        path = reported.path + ("title",) if _is_outline_slide(reported) else reported.path
        yield deck.finding("title-duplicate", "warning", path,
                           f"the title '{slide.title.text}' is also the title of {where}",
                           "give every slide its own title; say what this slide adds")


def _is_outline_slide(slide: SlidePlan) -> bool:
    return len(slide.path) >= 4 and slide.path[0] == "sections" and slide.path[2] == "slides"


FILE_NAME = re.compile(r"^\S+\.(png|jpe?g|gif|bmp|tiff?|svg|webp|emf|wmf)$", re.IGNORECASE)


def alt_text(deck: Deck) -> Iterator[Message]:
    """Alt text that is only the picture's file name (what PowerPoint and python-pptx write by
    default) tells a screen-reader user nothing. The outline format itself requires `alt` on
    every picture not marked `decorative: true`; this rule judges what the alt says."""
    for path, slide in deck.slides_written():
        image = getattr(slide, "image", None)
        alt = (getattr(slide, "alt", None) or "").strip()
        if slide.kind != "image" or not image or not alt or getattr(slide, "decorative", False):
            continue
        name = PurePath(str(image))
        if alt.casefold() in (name.name.casefold(), name.stem.casefold()) or FILE_NAME.match(alt):
            yield deck.finding("alt-text", "warning", path + ("alt",),
                               "the alt text is a file name",
                               "say what the picture shows and why it is on the slide")


# --- colour, time, layout ---------------------------------------------------------------------

def contrast(deck: Deck) -> Iterator[Message]:
    """Every text colour of the theme against the background it is set on (WCAG 2: 4.5:1 for
    all text, 7:1 for body text). Brand colours are judged where the brand is applied
    (deck.look.brand): refused below AA, a notice below the theme's rule. A template's colours
    are judged against what stands behind each text when it is read, and changes are notices."""
    if deck.theme.template is not None:
        return
    for problem in contrast_problems(deck.theme.palette, branded_roles(deck.outline)):
        yield deck.finding("contrast", "warning", ("theme",), f"theme '{deck.theme.name}': {problem}",
                           "choose a darker text colour or a lighter background")


def chart_colours(deck: Deck) -> Iterator[Message]:
    """A chart that sets a bar or a series apart in the highlight colour, which the brand has made
    hard to tell from the accent (build says it as a notice)."""
    clash = highlight_clash(deck.theme, deck.outline, deck.source, deck.slides)
    if clash is not None:
        yield clash._replace(severity="warning")


def chart_readable(deck: Deck) -> Iterator[Message]:
    """Charts with more series or points than can be read (deck.lint_charts)."""
    for rule, severity, path, message, hint in chart_findings(deck.slides_written(), deck.slides):
        yield deck.finding(rule, severity, path, message, hint)


def timing_plan(deck: Deck) -> Iterator[Message]:
    """The plan against the clock (deck.outline.timing): an over-run of the session or of a section's
    minutes is a warning; otherwise the comparison is shown as information."""
    outline = deck.outline
    verdict = timing.verdict(outline)
    over = timing.overrun(outline)
    if verdict is not None:
        late = over is not None and over > 1e-9
        yield deck.finding("timing", "warning" if late else "info", ("workshop", "minutes"), verdict,
                           "cut or shorten a section, or plan a longer session" if late else None)
    for section in timing.sections_over_budget(outline):
        yield deck.finding("timing", "warning", section.path, section.message(),
                           "shorten the slides' minutes, or give the section more time")


def fit_continued(deck: Deck) -> Iterator[Message]:
    """A slide whose text continues on further slides ("… (continued)"): fine by the fit policy,
    but the presenter should know."""
    for _, slide, pages in _continuations(deck.slides):
        if pages == 1:
            continue
        if _is_outline_slide(slide):
            yield deck.finding("fit-continued", "info", slide.path,
                               f"'{slide.title.text}' continues on {pages} slides",
                               "to keep it on one slide, cut items or move detail to the notes")
        else:
            yield deck.finding("fit-continued", "info", (), f"the {slide.kind} continues on {pages} slides",
                               "shorten the sections' titles and messages to keep it on one slide")


def language(deck: Deck) -> Iterator[Message]:
    """A language deck has no labels for: generated words ("Agenda", "continued") are English."""
    _, known = labels_for(deck.outline.language, deck.outline.labels)
    if not known:
        yield deck.finding("language", "info", ("language",),
                           f"language '{deck.outline.language}' has no labels; generated slides use English",
                           f"use one of {', '.join(languages())}, or give deck's words in the "
                           "deck's language under `labels:`")


RULES: tuple[Callable[[Deck], Iterable[Message]], ...] = (
    headline_assertion, bullets_count, bullet_words, body_words, notes_missing, title_duplicate,
    alt_text, contrast, chart_colours, chart_readable, timing_plan, fit_continued, language,
)


def lint(outline: Outline, source: Source, theme: Theme, slides: Iterable[SlidePlan] = ()) -> list[Message]:
    """Every finding of every rule, in outline order (deck-wide findings first)."""
    deck = Deck(outline, source, theme, tuple(slides))
    found = [finding for rule in RULES for finding in rule(deck)]
    return sorted(found, key=lambda f: f.line or 0)
