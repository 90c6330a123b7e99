"""`summarylint check` on every file of the shared corpus: no traceback, ever.

real/: exit 0 or 1.  broken/: exit 0/1 when readable after all, else exit 2 with one line
`summarylint: error: PATH: reason` on stderr.  Skipped where ../shared is absent.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from summarylint.cli import main
from tests.conftest import SHARED

CORPUS = SHARED / "corpus" / "docx"
REAL = sorted((CORPUS / "real").glob("*")) if CORPUS.is_dir() else []
BROKEN = sorted((CORPUS / "broken").glob("*")) if CORPUS.is_dir() else []

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available"),
]


def check(path):
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_files_are_checked(path):
    result = check(path)
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_files_are_read_or_refused_in_one_line(path):
    result = check(path)
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith(f"summarylint: error: {path}: ")
        assert len(lines[0]) > len(f"summarylint: error: {path}: ") + 10


def test_legacy_doc_is_converted_with_libreoffice_when_asked():
    import os
    import shutil

    legacy = CORPUS / "broken" / "poi__Bug47742.doc"
    if shutil.which("soffice") is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing in CI; .ci/run installs it")
        pytest.skip("LibreOffice is not installed")
    refused = CliRunner().invoke(main, ["check", str(legacy)])
    assert refused.exit_code == 2 and "soffice --headless --convert-to docx" in refused.stderr
    converted = CliRunner().invoke(main, ["check", str(legacy), "--convert", "--format", "json"])
    assert converted.exit_code in (0, 1), converted.stderr
    assert converted.stderr == ""
