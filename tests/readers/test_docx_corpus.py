"""The .docx reader over the shared corpus of real and broken packages (../shared/corpus).

Skipped when the corpus is absent (a user's fresh clone).  Parametrized by file name so
that a failure names the file.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

from summarylint.readers import InputError, read_bytes, read_path

pytestmark = pytest.mark.slow

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus"
DOCX = CORPUS / "docx"

if not (DOCX / "real").is_dir():
    pytest.skip(f"{DOCX} is not available (../shared is only beside the development checkout)", allow_module_level=True)

REAL = sorted(path for path in (DOCX / "real").iterdir() if path.is_file())
BROKEN = sorted(path for path in (DOCX / "broken").iterdir() if path.is_file())


def _manifest() -> list[dict[str, str]]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


MANIFEST = _manifest()

# Rows whose flag is right about the package but not about the body text we read.
CJK_ONLY_OUTSIDE_BODY = {
    "docx/real/poitl__407.docx": "the body is one empty paragraph; the Chinese text is in headers and footers",
}
NUMPR_WITHOUT_LABELS = {
    "docx/broken/poi-int__stress014.docx": (
        "every w:numPr in the body has w:numId 0 (numbering switched off); the numbered styles are unused"
    ),
}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _check_document(document) -> None:
    assert document.format == "docx"
    assert [b.index for b in document.blocks] == list(range(1, len(document.blocks) + 1))
    for block in document.blocks:
        assert isinstance(block.text, str)
        assert block.label is None or isinstance(block.label, str)
        assert block.style_level is None or 1 <= block.style_level <= 9
        assert block.container in ("body", "table", "textbox")
        assert block.source is not None
        for start, end in block.protected:
            assert 0 <= start < end <= len(block.text)


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_real_file_is_read(path: Path):
    document = read_bytes(path.read_bytes(), path.name)
    _check_document(document)


@pytest.mark.parametrize("path", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_file_is_read_or_refused_in_one_line(path: Path):
    try:
        document = read_bytes(path.read_bytes(), path.name)
    except InputError as err:
        message = str(err)
        assert message.strip() and "\n" not in message
    else:
        _check_document(document)


def _rows(flag: str) -> list[dict[str, str]]:
    return [row for row in MANIFEST if row.get(flag) == "y"]


@pytest.mark.parametrize("row", _rows("has_cjk"), ids=[r["path"].rsplit("/", 1)[-1] for r in _rows("has_cjk")])
def test_files_with_chinese_text_yield_it(row):
    document = read_path(CORPUS / row["path"])
    text = "".join(block.text for block in document.blocks)
    if row["path"] in CJK_ONLY_OUTSIDE_BODY:
        assert not _CJK.search(text)
        pytest.skip(CJK_ONLY_OUTSIDE_BODY[row["path"]])
    assert text.strip()
    assert _CJK.search(text)


@pytest.mark.parametrize("row", _rows("has_numPr"), ids=[r["path"].rsplit("/", 1)[-1] for r in _rows("has_numPr")])
def test_files_with_automatic_numbering_yield_labels(row):
    document = read_path(CORPUS / row["path"])
    numbered = [block for block in document.blocks if block.label]
    if row["path"] in NUMPR_WITHOUT_LABELS:
        assert not numbered
        pytest.skip(NUMPR_WITHOUT_LABELS[row["path"]])
    assert numbered


# ---------------------------------------------------------------------------- known answers in the corpus


def test_start_override_file_matches_its_expectations():
    # Each paragraph says what Word shows: "[expect]13)[/expect]Inserted ...".
    document = read_path(DOCX / "real" / "docx4j__startOverride.docx")
    pairs = [(b.label, re.match(r"\[expect\](.*?)\[/expect\]", b.text)) for b in document.blocks]
    checked = [(label, match.group(1)) for label, match in pairs if match]
    assert len(checked) == 12
    assert all(label == expected for label, expected in checked)


def test_numbering_formats_file_matches_its_expectations():
    document = read_path(DOCX / "real" / "docx2python__example_numbering.docx")
    checked = [(b.label, b.text.removeprefix("expect ")) for b in document.blocks if b.text.startswith("expect ")]
    assert len(checked) == 10
    assert all(label.strip(".()") == expected for label, expected in checked)


def test_level_override_file_labels_equal_the_text():
    document = read_path(DOCX / "real" / "poi__NumberingWOverrides.docx")
    numbered = [(b.label, b.text) for b in document.blocks if b.label]
    assert numbered == [(text, text) for text in ("1", "B", "C", "A", "B", "4")]


def test_gongwen_template_headings():
    document = read_path(DOCX / "real" / "gwtpl__out.docx")
    numbered = [(b.label, b.style_level) for b in document.blocks if b.label]
    assert numbered[:3] == [("一、", 2), ("二、", 2), ("三、", 2)]
    assert ("十一、", 2) in numbered and ("（十一）", 3) in numbered and ("（10）", 5) in numbered


def test_strict_ooxml_files_are_read():
    document = read_path(DOCX / "broken" / "docx2python__strict.docx")
    assert document.properties.get("conformance") == "strict"
    assert any(b.label for b in document.blocks) and any(b.container == "table" for b in document.blocks)


def test_external_entity_probe_is_not_expanded():
    document = read_path(DOCX / "broken" / "poi__ExternalEntityInText.docx")
    assert [b.text for b in document.blocks] == ['Here should not be the POI web site: ""']


@pytest.mark.parametrize(
    "name",
    ["real/poitl__iterable_numbering.docx", "broken/poi__45690.docm", "broken/poi__truncated62886.docx"],
)
def test_reading_never_modifies_the_file(name):
    path = DOCX / name
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, path.stat().st_size)
    try:
        read_path(path)
    except InputError:
        pass
    after = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, path.stat().st_size)
    assert before == after
