"""openxml-audit (a port of the Open XML SDK validator) on a file: the schema and semantic errors
PowerPoint's own validator would report. A test dependency, so it lives with the tests."""
from __future__ import annotations

from functools import cache
from pathlib import Path


def audit(path: str | Path) -> list[str]:
    """Errors openxml-audit finds in a file.

    Warnings and infos are left out: only errors make the Open XML SDK reject a file.
    """
    from openxml_audit import ValidationSeverity

    result = _validator().validate(path)
    return [str(e) for e in result.errors if e.severity == ValidationSeverity.ERROR]


@cache
def _validator():
    # Building the validator loads its schemas (the slow part), so build it once.
    from openxml_audit import OpenXmlValidator

    return OpenXmlValidator(max_errors=0)  # 0: report every error, not the first 1000
