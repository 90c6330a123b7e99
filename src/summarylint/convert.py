"""Convert legacy .doc/.wps with LibreOffice (``--convert``) into a temporary directory."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from summarylint.config import Config
from summarylint.engine import FileResult, RuleSet, check_bytes

TIMEOUT_SECONDS = 120


def convert_legacy(path: str, config: Config, ruleset: RuleSet) -> FileResult:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return FileResult(path, error="legacy .doc/.wps needs LibreOffice for --convert, and `soffice` is not on PATH")
    with tempfile.TemporaryDirectory(prefix="summarylint-") as tmp:
        try:
            subprocess.run(
                [soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                 "--convert-to", "docx", "--outdir", tmp, str(Path(path).resolve())],
                check=True, capture_output=True, timeout=TIMEOUT_SECONDS,
            )
        except subprocess.TimeoutExpired:
            return FileResult(path, error=f"LibreOffice did not convert the file within {TIMEOUT_SECONDS} s")
        except (subprocess.CalledProcessError, OSError):
            return FileResult(path, error="LibreOffice could not convert the file")
        converted = Path(tmp) / (Path(path).stem + ".docx")
        if not converted.is_file():
            return FileResult(path, error="LibreOffice could not convert the file")
        return check_bytes(converted.read_bytes(), path, config, ruleset)
