"""What the commands do when a presenter leaves something out: the default file a deck, guide or
handout goes to, the outline read when none is given, the folder `deck new` writes into, and
what Tab offers for --theme and --template. Every case runs through the command line."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from typer.testing import CliRunner

from deck.cli import app
from deck.completion import template_files, theme_names
from deck.look.theme import THEMES

runner = CliRunner()

OUTLINE = """\
title: Same title
language: {language}
sections:
  - id: one
    title: The first part
    slides:
      - title: Every slide states its point
        bullets: [One point, Another point]
        notes: Say it.
"""


def run(*args: str):
    return runner.invoke(app, list(args))


def outline(path: Path, language: str = "nl") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(OUTLINE.format(language=language), encoding="utf-8")
    return path


# --- default outputs: two outlines never silently share a file ------------------------------------

def test_a_translation_named_after_its_language_gets_a_deck_of_its_own(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outline(tmp_path / "outline.yaml", "nl")
    outline(tmp_path / "outline.en.yaml", "en")
    first, second = run("build"), run("build", "outline.en.yaml")
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert first.stdout.startswith("out/same-title.pptx: ")
    assert second.stdout.startswith("out/same-title-en.pptx: ")
    assert "replaced" not in first.stderr + second.stderr
    assert (tmp_path / "out" / "same-title.pptx").is_file() and (tmp_path / "out" / "same-title-en.pptx").is_file()
    guide = run("guide", "outline.en.yaml")
    assert guide.exit_code == 0 and guide.stdout.strip() == "out/same-title-en-guide.md", guide.output


def test_a_language_in_the_file_name_counts_only_when_it_is_the_outlines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outline(tmp_path / "talk.v2.yaml", "en")
    outline(tmp_path / "talk.nl.yaml", "en")  # a wrong name is not a language: the title names the deck
    assert run("build", "talk.v2.yaml").stdout.startswith("out/same-title.pptx: ")
    assert run("build", "talk.nl.yaml").stdout.startswith("out/same-title.pptx: ")


def test_a_deck_that_takes_the_place_of_another_outlines_says_whose_it_was(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outline(tmp_path / "outline.yaml", "nl")
    outline(tmp_path / "en" / "outline.yaml", "en")
    assert run("build").exit_code == 0
    again = run("build")
    assert again.exit_code == 0 and again.stderr == ""  # the same outline again: nothing to say
    other = run("build", "en/outline.yaml")
    assert other.exit_code == 0, other.output
    assert other.stderr == ("out/same-title.pptx: replaced the deck made from outline.yaml\n"
                            "  hint: to keep both, build one of them with -o\n")
    back = run("build")
    assert "replaced the deck made from en/outline.yaml" in back.stderr
    chosen = run("build", "en/outline.yaml", "-o", "out/same-title.pptx")  # a path given is the presenter's choice
    assert chosen.exit_code == 0 and chosen.stderr == ""
    guides = run("guide", "en/outline.yaml"), run("guide")
    assert "replaced" not in guides[0].stderr
    assert guides[1].stderr.startswith("out/same-title-guide.md: replaced the guide made from en/outline.yaml")


def test_an_outline_that_is_gone_or_a_damaged_record_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    gone = outline(tmp_path / "old.yaml")
    outline(tmp_path / "outline.yaml")
    assert run("build", "old.yaml").exit_code == 0
    gone.unlink()  # renamed or deleted: its deck is nobody's any more
    assert run("build").stderr == ""
    (tmp_path / "out" / ".deck-sources.json").write_text("[not, a record")
    result = run("build")
    assert result.exit_code == 0 and result.stderr == ""


def test_the_shipped_outlines_keep_their_deck_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    nl = run("build", str(ROOT / "outline.yaml"))
    en = run("build", str(ROOT / "outline.en.yaml"))
    assert nl.stdout.startswith("out/social-enterprise.pptx: "), nl.output
    assert en.stdout.startswith("out/social-enterprise-en.pptx: "), en.output


# --- the shipped example when there is no outline.yaml --------------------------------------------

def test_build_without_an_outline_says_it_used_the_shipped_example_and_how_to_start(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("build")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("out/social-enterprise.pptx: ")
    first, hint = result.stderr.splitlines()
    assert first.startswith("deck: no outline.yaml in this folder; using the example that ships with deck (")
    assert "`deck new`" in hint
    checked = run("check", "--format", "json")
    assert "the example that ships with deck" in checked.stderr and checked.stdout.startswith("{")


def test_an_outline_of_ones_own_gets_no_word_about_the_example(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outline(tmp_path / "outline.yaml")
    result = run("check")
    assert result.exit_code == 0 and result.stderr == "", result.output


# --- deck new into a folder ------------------------------------------------------------------------

def test_new_into_a_folder_that_does_not_exist_yet(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("new", "en/", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("en/outline.yaml: the blank starter in en")
    assert (tmp_path / "en" / "outline.yaml").is_file() and (tmp_path / "en" / "placeholder.png").is_file()
    assert run("check", "en/outline.yaml").exit_code == 0


def test_new_into_a_folder_that_exists_and_a_name_that_is_neither(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "talks").mkdir()
    assert run("new", "talks").stdout.startswith("talks/outline.yaml: ")
    nested = run("new", "a/b/")
    assert nested.exit_code == 0 and (tmp_path / "a" / "b" / "outline.yaml").is_file()
    refused = run("new", "notes")
    assert refused.exit_code == 1 and not (tmp_path / "notes").exists()
    assert refused.stderr == ("notes: is not a .yaml file name\n  hint: end the outline's name with .yaml, "
                              "or a folder's with / for outline.yaml in it\n")


# --- completion ------------------------------------------------------------------------------------

def complete(words: str) -> list[str]:
    """What bash is offered for the last word of `words` (as `deck --install-completion` sets up)."""
    env = {"_DECK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    result = runner.invoke(app, [], prog_name="deck", env=env)
    assert result.exit_code == 0, result.output
    return result.stdout.split()


@pytest.mark.parametrize("command", ["build", "check", "preview"])
def test_theme_names_complete(command):
    assert complete(f"deck {command} --theme ") == list(THEMES)
    assert complete(f"deck {command} --theme d") == ["dark"]
    assert theme_names("x") == []


def test_template_files_complete(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("brand/corporate.potx", "brand/old.PPTX", "brand/notes.txt", "brand/.hidden.pptx", "talk.pptx"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "brand" / "archive").mkdir()
    assert complete("deck build --template ") == ["brand/", "talk.pptx"]
    # The only folder that matches is opened: Tab goes on into it.
    assert complete("deck build --template br") == ["brand/archive/", "brand/corporate.potx", "brand/old.PPTX"]
    assert template_files("brand/c") == ["brand/corporate.potx"]
    assert template_files("brand/.") == ["brand/.hidden.pptx"]
    assert template_files("nowhere/") == []
    templates = FIXTURES / "templates"
    assert set(template_files(f"{templates}/")) >= {f"{templates}/{p.name}" for p in templates.glob("*.potx")}
