#!/usr/bin/env python3
"""Build the example .docx from the example .txt, reproducibly.

    python scripts/make_example_docx.py [--input TXT] [--output DOCX]

The .txt (UTF-8, one paragraph per line, body paragraphs indented with "　　") is the
source of truth; the .docx is derived from it so that the two carry the same text and the
same planted defects (examples/EXPECTED.md).  What the .docx adds, on purpose, is what a
text file cannot show:

* level-1 headings ("一、…") get their label from AUTOMATIC Word numbering (w:numPr ->
  numbering.xml abstractNum, numFmt chineseCounting, lvlText "%1、"); the typed "一、"
  is removed from the paragraph text;
* level-2/3 headings stay typed in the text (including the "(二)" and "1、" defects);
* body paragraphs lose their leading "　　" and get a 2-character first-line indent;
* several paragraphs are split into runs with different formatting (bold lead phrase
  "一是…。", a highlighted placeholder), and some defect spans cross a run boundary:
  "XX次" (highlighted "XX" + plain "次") and "意识形态领城" (split after "领", same
  formatting, as Word does after an edit);
* fonts: title 方正小标宋简体 二号, body 仿宋_GB2312 三号, level-1 黑体, level-2 楷体_GB2312
  (eastAsia font in w:rFonts).

The output is byte-for-byte deterministic: fixed core properties (created/modified
2025-07-08, author "summarylint examples") and every zip entry dated 2025-07-08 00:00:00.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import sys
import zipfile
from pathlib import Path

try:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Mm, Pt
except ImportError:  # pragma: no cover - a message instead of a traceback
    sys.exit("make_example_docx.py needs python-docx (pip install python-docx)")

import datetime as _dt

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO / "examples" / "2025年上半年意识形态工作总结.txt"
DEFAULT_OUTPUT = DEFAULT_INPUT.with_suffix(".docx")

FIXED_TIME = _dt.datetime(2025, 7, 8, 0, 0, 0)
FIXED_ZIP_TIME = (2025, 7, 8, 0, 0, 0)
FIXED_W3CDTF = "2025-07-08T00:00:00Z"
AUTHOR = "summarylint examples"

INDENT = "　　"  # two U+3000 IDEOGRAPHIC SPACE, the typed first-line indent in the .txt
BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_L1 = "黑体"
FONT_L2 = "楷体_GB2312"
FONT_LATIN = "Times New Roman"

CN_NUM = "一二三四五六七八九十"
RE_L1 = re.compile(rf"^[{CN_NUM}]+、")
RE_L2 = re.compile(rf"^[（(][{CN_NUM}]+[）)]")
RE_L3 = re.compile(r"^\d+[.、．]")
RE_LEAD = re.compile(rf"^(?:[{CN_NUM}]是|\d+[.、．])[^。]{{1,40}}。")

#: Substrings rendered highlighted (an author marking a figure still to be filled in).
HIGHLIGHT = ("XX",)
#: (substring, offset): force a run boundary inside the substring without changing the
#: formatting, as Word leaves after an edit (different w:rsidR).
EXTRA_BREAKS = (("意识形态领城", 5),)


# --------------------------------------------------------------------------- classify

def classify(lines: list[str]) -> list[tuple[str, str]]:
    """Return (kind, text) per line; kind in title, l1, l2, l3, body, signature."""
    out: list[tuple[str, str]] = []
    for n, raw in enumerate(lines, 1):
        if n == 1:
            out.append(("title", raw.strip()))
            continue
        indented = raw.startswith(INDENT)
        text = raw[len(INDENT):] if indented else raw.strip()
        if not indented:
            out.append(("signature", text))
        elif RE_L1.match(text):
            out.append(("l1", RE_L1.sub("", text, count=1)))
        elif RE_L2.match(text):
            out.append(("l2", text))
        elif RE_L3.match(text):
            out.append(("l3", text))
        else:
            out.append(("body", text))
    return out


# --------------------------------------------------------------------------- runs

def segments(text: str, bold_lead: bool) -> list[tuple[str, bool, bool]]:
    """Split ``text`` into (text, bold, highlight) runs."""
    n = len(text)
    bold = [False] * n
    hl = [False] * n
    breaks: set[int] = set()
    if bold_lead:
        m = RE_LEAD.match(text)
        if m:
            for i in range(m.end()):
                bold[i] = True
    for sub in HIGHLIGHT:
        for m in re.finditer(re.escape(sub), text):
            for i in range(m.start(), m.end()):
                hl[i] = True
    for sub, off in EXTRA_BREAKS:
        for m in re.finditer(re.escape(sub), text):
            breaks.add(m.start() + off)
    segs: list[tuple[str, bool, bool]] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or i in breaks or bold[i] != bold[start] or hl[i] != hl[start]:
            segs.append((text[start:i], bold[start], hl[start]))
            start = i
    return segs


def set_fonts(run, east_asia: str, size_pt: float, bold: bool = False) -> None:
    run.font.size = Pt(size_pt)
    run.font.bold = True if bold else None
    rpr = run._r.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:ascii"), FONT_LATIN)
    rfonts.set(qn("w:hAnsi"), FONT_LATIN)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:hint"), "eastAsia")


def set_ind(paragraph, *, first_chars: int = 0, right_chars: int = 0) -> None:
    """Indent in character units (w:firstLineChars / w:rightChars, 100 = 1 char)."""
    ppr = paragraph._p.get_or_add_pPr()
    old = ppr.find(qn("w:ind"))
    if old is not None:
        ppr.remove(old)
    attrs = []
    if right_chars:
        attrs.append(f'w:right="{right_chars * BODY_PT * 20}" w:rightChars="{right_chars * 100}"')
    if first_chars:
        attrs.append(f'w:firstLine="{first_chars * BODY_PT * 20}" w:firstLineChars="{first_chars * 100}"')
    ind = parse_xml(f"<w:ind {nsdecls('w')} {' '.join(attrs)}/>")
    # w:ind comes after w:spacing and before w:jc in CT_PPr.
    jc = ppr.find(qn("w:jc"))
    if jc is not None:
        jc.addprevious(ind)
    else:
        ppr.append(ind)


def add_runs(paragraph, text: str, font: str, size: float, *, bold_lead: bool = False,
             all_bold: bool = False) -> None:
    for seg, bold, hl in segments(text, bold_lead):
        run = paragraph.add_run(seg)
        set_fonts(run, font, size, bold=bold or all_bold)
        if hl:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


# --------------------------------------------------------------------------- numbering

def add_level1_numbering(doc) -> int:
    """Add an abstractNum (一、二、三、) and a num to numbering.xml; return the numId."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    first = BODY_PT * 20 * 2
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:nsid w:val="5D1A0C01"/>'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:tmpl w:val="5D1A0C02"/>'
        '<w:lvl w:ilvl="0">'
        '<w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/>'
        '<w:suff w:val="nothing"/>'
        '<w:lvlText w:val="%1、"/>'
        '<w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="{first}" w:firstLineChars="200"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{FONT_LATIN}" w:hAnsi="{FONT_LATIN}" w:eastAsia="{FONT_L1}" w:hint="eastAsia"/>'
        f'<w:sz w:val="{BODY_PT * 2}"/><w:szCs w:val="{BODY_PT * 2}"/></w:rPr>'
        '</w:lvl>'
        '</w:abstractNum>'
    )
    # Schema order: every w:abstractNum precedes every w:num.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
    if cleanup is not None:
        cleanup.addprevious(num)
    else:
        numbering.append(num)
    return num_id


def set_numpr(paragraph, num_id: int, ilvl: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    )
    # w:numPr comes right after w:pStyle / w:keepNext / w:keepLines / w:pageBreakBefore ...
    # In a freshly made pPr it is safe to put it first after pStyle.
    pstyle = ppr.find(qn("w:pStyle"))
    if pstyle is not None:
        pstyle.addnext(numpr)
    else:
        ppr.insert(0, numpr)


# --------------------------------------------------------------------------- build

def build(lines: list[str]) -> bytes:
    doc = Document()

    # Drop the template's thumbnail (a python-docx logo) so the package holds only our content.
    pkg = doc.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            pkg.rels.pop(rid)

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.font.name = FONT_LATIN
    nrpr = normal.element.get_or_add_rPr()
    nfonts = nrpr.find(qn("w:rFonts"))
    nfonts.set(qn("w:eastAsia"), FONT_BODY)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(28)  # 固定值28磅

    num_id = add_level1_numbering(doc)

    for kind, text in classify(lines):
        p = doc.add_paragraph()
        if kind == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.line_spacing = Pt(36)
            add_runs(p, text, FONT_TITLE, TITLE_PT)
        elif kind == "l1":
            set_numpr(p, num_id)
            set_ind(p, first_chars=2)
            add_runs(p, text, FONT_L1, BODY_PT)
        elif kind == "l2":
            set_ind(p, first_chars=2)
            add_runs(p, text, FONT_L2, BODY_PT)
        elif kind in ("l3", "body"):
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            set_ind(p, first_chars=2)
            add_runs(p, text, FONT_BODY, BODY_PT, bold_lead=True)
        elif kind == "signature":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            set_ind(p, right_chars=4)
            add_runs(p, text, FONT_BODY, BODY_PT)
        else:  # pragma: no cover
            raise AssertionError(kind)

    cp = doc.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = lines[0].strip()
    cp.subject = "summarylint example (fictitious unit, planted defects: examples/EXPECTED.md)"
    cp.comments = ""
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME

    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(buf.getvalue())


def normalize_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry dates, fixed attributes and fixed core.xml times."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = fix_core_times(content)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            zout.writestr(zi, content, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def fix_core_times(xml: bytes) -> bytes:
    text = xml.decode("utf-8")
    for tag in ("dcterms:created", "dcterms:modified"):
        text = re.sub(
            rf"(<{tag}\b[^>]*>)[^<]*(</{tag}>)",
            lambda m: m.group(1) + FIXED_W3CDTF + m.group(2),
            text,
        )
    text = re.sub(r"<cp:lastPrinted\b[^>]*>[^<]*</cp:lastPrinted>", "", text)
    return text.encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--output", type=Path, default=None, help="default: the input with .docx")
    args = ap.parse_args(argv)
    output = args.output or args.input.with_suffix(".docx")
    lines = args.input.read_text(encoding="utf-8").splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    if any(not line.strip() for line in lines):
        raise SystemExit(f"{args.input}: blank lines are not allowed (line = paragraph number)")
    data = build(lines)
    output.write_bytes(data)
    print(f"{output}  {len(data)} bytes  sha256 {hashlib.sha256(data).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
