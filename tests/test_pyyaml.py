"""deck imports PyYAML without compiling its pure-Python reader's pattern (deck/outline/pyyaml.py):
the pattern is compiled when first used, and the pure-Python reader works as before."""
from __future__ import annotations

import subprocess
import sys
import textwrap


def run(code: str) -> str:
    """`code` in a new Python process (this one imported PyYAML long ago); what it prints."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          check=True)
    return done.stdout.strip()


def test_deck_imports_pyyaml_with_the_pattern_uncompiled():
    assert run("""
        from deck.outline.pyyaml import yaml
        import yaml.reader
        print(type(yaml.reader.Reader.NON_PRINTABLE).__name__)
    """) == "OnFirstUse"


def test_the_pure_python_reader_still_refuses_what_yaml_does_not_allow():
    out = run("""
        from deck.outline.pyyaml import yaml
        print(yaml.safe_load("titel: De belofte\\u00e9 \\U0001F600"))  # the pure-Python SafeLoader
        for text in ("a: \\x07", "a: \\ufffe", "a: \\x1b[0m"):
            try:
                yaml.safe_load(text)
                print("read", repr(text))
            except yaml.reader.ReaderError as err:
                print("refused", hex(err.character))
    """)
    assert out.splitlines() == ["{'titel': 'De belofte\u00e9 \U0001F600'}", "refused 0x7", "refused 0xfffe",
                                "refused 0x1b"]


def test_the_pattern_matches_as_pyyaml_compiles_it():
    out = run("""
        import re
        from deck.outline.pyyaml import _NON_PRINTABLE, yaml
        import yaml.reader
        lazy = yaml.reader.Reader.NON_PRINTABLE
        plain = re.compile(_NON_PRINTABLE, re.UNICODE)
        sample = [chr(c) for c in range(0, 0x3000)] + ["\\ud800", "\\ufffe", "\\uffff", "\\U0001F600"]
        print(all(bool(lazy.match(c)) == bool(plain.match(c)) for c in sample), lazy.pattern == _NON_PRINTABLE)
    """)
    assert out == "True True"


def test_the_pattern_is_pyyamls_own():
    """If PyYAML changed its pattern, deck would hand over one that PyYAML never asks for."""
    assert run("""
        import yaml.reader  # PyYAML on its own, compiling its pattern
        from deck.outline.pyyaml import _NON_PRINTABLE
        print(yaml.reader.Reader.NON_PRINTABLE.pattern == _NON_PRINTABLE)
    """) == "True"
