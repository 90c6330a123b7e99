"""check → annotate → fix → accept → check, on the bundled example and the shared corpus;
LibreOffice renders what the writer produced."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from summarylint.config import Config
from summarylint.engine import RuleSet, check_document
from summarylint.model import Finding
from summarylint.readers import read_bytes
from summarylint.write import apply_to_text, choose_fixes
from summarylint.write.docx import annotate, comment_text, fix_docx
from tests.write import EXAMPLE, SHARED, accept_all, reject_all

WHEN = datetime(2025, 7, 9, 8, 30, tzinfo=UTC)
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return RuleSet.load(plugins=False)


def check(data: bytes, name: str, ruleset: RuleSet):
    document = read_bytes(data, name)
    return document, check_document(document, Config(), ruleset).findings


def comments_in(data: bytes) -> list[str]:
    return [c.text for c in docx.Document(io.BytesIO(data)).comments]


# ----------------------------------------------------------------------------- example


def _shift(fixes: list[Finding], block: int, offset: int) -> int:
    """Where ``offset`` of ``block`` lands once ``fixes`` are applied."""
    moved = offset
    for f in fixes:
        if f.span.block == block and f.span.end <= offset:
            moved += len(f.fix.replacement) - (f.span.end - f.span.start)
    return moved


def _located(f: Finding, text: str) -> tuple:
    if f.span.in_label or f.section_level:
        return (f.rule, f.span.block, "label" if f.span.in_label else "section")
    return (f.rule, f.span.block, f.span.start, f.span.end, text[f.span.start : f.span.end])


def test_example_round_trip(ruleset):
    data = EXAMPLE.read_bytes()
    document, findings = check(data, EXAMPLE.name, ruleset)
    assert {"T001", "P001"} <= {f.rule for f in findings}

    annotated = annotate(data, document, findings, when=WHEN)
    assert comments_in(annotated) == [comment_text(f) for f in findings]  # every finding, in order

    fixes = choose_fixes(findings)
    assert len(fixes) >= 5
    result = fix_docx(data, document, fixes, when=WHEN)
    assert result.applied == fixes and result.skipped == []
    assert docx.Document(io.BytesIO(result.data)).paragraphs
    accepted = accept_all(result.data)
    after, new_findings = check(accepted, EXAMPLE.name, ruleset)
    assert len(after.blocks) == len(document.blocks)
    for block, new in zip(document.blocks, after.blocks, strict=True):
        assert new.text == apply_to_text(block.text, [f for f in fixes if f.span.block == block.index])
        assert new.label == block.label
    assert [b.text for b in read_bytes(reject_all(result.data), EXAMPLE.name).blocks] == [
        b.text for b in document.blocks]

    # No fixed finding remains: its rule does not flag the replacement.
    for f in fixes:
        start = _shift(fixes, f.span.block, f.span.start)
        end = start + len(f.fix.replacement)
        assert not [
            g for g in new_findings
            if g.rule == f.rule and g.span.block == f.span.block and not g.section_level and not g.span.in_label
            and g.span.start < max(end, start + 1) and start < g.span.end
        ], f"{f.rule} still flags paragraph {f.span.block} after its fix"
    # Every other finding is still there, at its moved position, on the same text.
    fixed = {(f.span.block, f.span.start, f.span.end) for f in fixes}
    new_keys = {_located(g, after.block(g.span.block).text) for g in new_findings}
    for f in findings:
        if (f.span.block, f.span.start, f.span.end) in fixed and not (f.span.in_label or f.section_level):
            continue
        if not (f.span.in_label or f.section_level) and any(
            g.span.block == f.span.block and g.span.start < f.span.end and f.span.start < g.span.end for g in fixes
        ):
            continue  # it overlaps a fixed span: its text changed
        text = document.block(f.span.block).text
        if f.span.in_label or f.section_level:
            key = _located(f, text)
        else:
            start, end = _shift(fixes, f.span.block, f.span.start), _shift(fixes, f.span.block, f.span.end)
            key = (f.rule, f.span.block, start, end, text[f.span.start : f.span.end])
        assert key in new_keys, f"{key} disappeared"


def test_example_untracked_fix_reads_back_as_the_fixed_text(ruleset):
    data = EXAMPLE.read_bytes()
    document, findings = check(data, EXAMPLE.name, ruleset)
    fixes = choose_fixes(findings)
    result = fix_docx(data, document, fixes, track=False)
    fixed = read_bytes(result.data, EXAMPLE.name)
    assert [b.text for b in fixed.blocks] == [
        apply_to_text(b.text, [f for f in fixes if f.span.block == b.index]) for b in document.blocks]
    assert b"w:ins " not in result.data and b"<w:del " not in result.data


# ----------------------------------------------------------------------------- corpus


def _cjk_corpus() -> list[Path]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    return [CORPUS / row["path"] for row in rows
            if row.get("has_cjk") == "y" and row["path"].startswith("docx/real/") and (CORPUS / row["path"]).is_file()]


CJK_CORPUS = _cjk_corpus()


@pytest.mark.slow
@pytest.mark.parametrize("path", CJK_CORPUS or [None], ids=[p.name for p in CJK_CORPUS] or ["absent"])
def test_corpus_file_is_annotated_and_fixed(path, ruleset):
    if path is None:
        pytest.skip(f"{CORPUS} is not available (../shared is only beside the development checkout)")
    data = path.read_bytes()
    document, findings = check(data, path.name, ruleset)
    annotated = annotate(data, document, findings, when=WHEN)
    opened = docx.Document(io.BytesIO(annotated))
    ours = [c for c in opened.comments if c.author == "summarylint"]
    assert [c.text for c in ours] == [comment_text(f) for f in findings]
    again = read_bytes(annotated, path.name)
    assert [(b.text, b.label) for b in again.blocks] == [(b.text, b.label) for b in document.blocks]

    # Every fix, unsafe ones too: accepted, the text is the fixed text; rejected, the original.
    result = fix_docx(data, document, choose_fixes(findings, unsafe=True), when=WHEN)
    docx.Document(io.BytesIO(result.data))
    accepted = read_bytes(accept_all(result.data), path.name)
    assert [b.text for b in accepted.blocks] == [
        apply_to_text(b.text, [f for f in result.applied if f.span.block == b.index]) for b in document.blocks]
    rejected = read_bytes(reject_all(result.data), path.name)
    assert [b.text for b in rejected.blocks] == [b.text for b in read_bytes(reject_all(data), path.name).blocks]


# ----------------------------------------------------------------------------- LibreOffice

#: Corpus files that exercise text boxes, tables, existing comments and tracked changes
#: (gwconv__08 is not among them: LibreOffice cannot load even the original).
RENDERED = ["docx2python__libreoffice_conversion.docx", "poitl__render_comment.docx",
            "poitl__636.docx", "poitl__554.docx", "gwtpl__out.docx"]


def _soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice (LibreOffice, Debian package libreoffice-writer-nogui) is required on CI")
        pytest.skip("soffice (LibreOffice) is not installed")
    return found


#: Comments exported as PDF annotations, so that the PDF tells how many LibreOffice read.
PDF_WITH_COMMENTS = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def to_pdf(soffice: str, source: Path, outdir: Path, profile: Path) -> bytes:
    completed = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", PDF_WITH_COMMENTS, "--outdir", str(outdir), str(source)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    pdf = outdir / (source.stem + ".pdf")
    assert completed.returncode == 0, completed.stderr
    assert pdf.exists(), completed.stdout + completed.stderr
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF") and b"%%EOF" in content[-1024:]
    return content


@pytest.mark.slow
def test_libreoffice_renders_annotated_and_fixed_documents(tmp_path, ruleset):
    """Each output loads in LibreOffice and converts to PDF; every comment of an annotated
    file (ours and the ones it had) becomes a PDF comment annotation."""
    soffice = _soffice()
    documents = []  # (file name, package, comments expected, or None)
    data = EXAMPLE.read_bytes()
    document, findings = check(data, EXAMPLE.name, ruleset)
    documents.append(("example.reviewed.docx", annotate(data, document, findings, when=WHEN), len(findings)))
    fixed = fix_docx(data, document, choose_fixes(findings), when=WHEN).data
    documents.append(("example.fixed.docx", fixed, 0))
    for name in RENDERED:
        path = CORPUS / "docx" / "real" / name
        if path.is_file():
            data = path.read_bytes()
            document, findings = check(data, name, ruleset)
            annotated = annotate(data, document, findings, when=WHEN)
            documents.append((path.stem + ".reviewed.docx", annotated, len(comments_in(annotated))))
    for name, content, comments in documents:
        source = tmp_path / name
        source.write_bytes(content)
        pdf = to_pdf(soffice, source, tmp_path, tmp_path / "profile")
        assert len(re.findall(rb"/Subtype\s*/Text\b", pdf)) == comments, name
