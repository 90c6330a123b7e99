"""Screenshots of an annotated .docx for the README: docs/images/annotated-p1.png and -p2.png.

    python scripts/screenshots.py [--example FILE] [--out docs/images] [--pages 2]

annotated-pN.png is the N-th page that carries comments (for the bundled example: pages 1
and 3 of the document; page 2 has no finding).

Checks the bundled example with the default rules, writes the copy that `summarylint
annotate` writes (one Word comment per finding), converts it to PDF with LibreOffice
(`soffice --headless`, comments exported as PDF comment annotations) and renders the
pages with poppler's `pdftoppm -png -r 80`.  LibreOffice 7.4 cannot print comments in the
margin, so the comments' text is laid out beside each page here, in the order and at the
height of LibreOffice's comment marks, the way Word shows balloons in 所有标记 view.

Needs: LibreOffice (Debian: libreoffice-writer-nogui), poppler-utils, a CJK font
(fonts-noto-cjk), and Pillow (`pip install pillow`; only this script uses it).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "2025年上半年意识形态工作总结.docx"
DPI = 80
PANEL = 330  # pixels of comment column beside each page
FONTS = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
]


def annotated_example(example: Path) -> bytes:
    from summarylint.config import Config
    from summarylint.engine import RuleSet, check_document
    from summarylint.readers import read_bytes
    from summarylint.write.docx import annotate

    data = example.read_bytes()
    document = read_bytes(data, example.name)
    findings = check_document(document, Config(), RuleSet.load()).findings
    return annotate(data, document, findings, when=datetime(2025, 7, 9, tzinfo=UTC))


def to_pdf(docx: Path, workdir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("screenshots: soffice not found (Debian: apt-get install libreoffice-writer-nogui)")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(workdir / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
         "--outdir", str(workdir), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    return workdir / (docx.stem + ".pdf")


def pdf_comments(pdf: bytes) -> list[list[tuple[float, float, str]]]:
    """Per page, in page order: (x, y from the top, in points; text) of each comment
    annotation.  LibreOffice writes these objects uncompressed."""
    objects = {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", pdf, re.S)}

    def ref_list(body: bytes, key: bytes) -> list[int]:
        match = re.search(key + rb"\s*\[([^\]]*)\]", body)
        return [int(n) for n in re.findall(rb"(\d+) 0 R", match.group(1))] if match else []

    def pages(node: int) -> list[int]:
        body = objects[node]
        if re.search(rb"/Type\s*/Pages\b", body):
            return [page for kid in ref_list(body, rb"/Kids") for page in pages(kid)]
        return [node]

    root = int(re.search(rb"/Root (\d+) 0 R", pdf).group(1))
    top = int(re.search(rb"/Pages (\d+) 0 R", objects[root]).group(1))
    out = []
    for page in pages(top):
        body = objects[page]
        box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]*)\]", body).group(1).split()]
        found = []
        for annotation in ref_list(body, rb"/Annots"):
            item = objects.get(annotation, b"")
            if not re.search(rb"/Subtype\s*/Text\b", item):
                continue
            x1, _, _, y2 = (float(v) for v in re.search(rb"/Rect\s*\[([^\]]*)\]", item).group(1).split())
            contents = re.search(rb"/Contents\s*<([0-9A-Fa-f]*)>", item)
            text = bytes.fromhex(contents.group(1).decode()).decode("utf-16") if contents else ""
            found.append((x1, box[3] - y2, text))
        out.append(sorted(found, key=lambda c: (c[1], c[0])))
    return out


def wrap(text: str, font, width: int) -> list[str]:
    """Lines of ``text`` no wider than ``width`` pixels, broken between any two characters
    (as Chinese is), never before closing punctuation."""
    lines, line = [], ""
    for char in text:
        if line and font.getlength(line + char) > width and char not in "，。、；：）》”’)]":
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line or not lines else lines


def compose(page_png: Path, comments: list[tuple[float, float, str]], target: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    font_path = next((f for f in FONTS if Path(f).exists()), None)
    if font_path is None:
        sys.exit("screenshots: no CJK font found (Debian: apt-get install fonts-noto-cjk)")
    font = ImageFont.truetype(font_path, 12, index=2 if "Noto" in font_path else 0)  # SC face in Noto's .ttc
    bold = ImageFont.truetype(font_path.replace("Regular", "Bold"), 12, index=2) if "Noto" in font_path else font
    page = Image.open(page_png).convert("RGB")
    scale = DPI / 72
    canvas = Image.new("RGB", (page.width + PANEL, page.height), (236, 236, 236))
    canvas.paste(page, (0, 0))
    draw = ImageDraw.Draw(canvas)
    accent = (214, 40, 57)
    next_top = 8
    for number, (x, y, text) in enumerate(comments, start=1):
        anchor = (int(x * scale), int(y * scale))
        rule, _, message = text.partition(" ")
        lines = [line for paragraph in message.split("\n") for line in wrap(paragraph, font, PANEL - 40)]
        height = 20 + 16 * len(lines)
        top = max(next_top, anchor[1] - 10)
        box = (page.width + 8, top, page.width + PANEL - 8, top + height)
        draw.line([anchor, (page.width, anchor[1]), (box[0], top + 10)], fill=accent, width=1)
        draw.rounded_rectangle(box, radius=4, fill=(255, 255, 255), outline=accent)
        draw.text((box[0] + 6, top + 3), f"{number}. summarylint {rule}", font=bold, fill=accent)
        for i, line in enumerate(lines):
            draw.text((box[0] + 6, top + 19 + 16 * i), line, font=font, fill=(40, 40, 40))
        next_top = box[3] + 6
    canvas = canvas.quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    canvas.save(target, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", type=Path, default=EXAMPLE)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images")
    parser.add_argument("--pages", type=int, default=2)
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        sys.exit("screenshots: pdftoppm not found (Debian: apt-get install poppler-utils)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        docx = workdir / "annotated.docx"
        docx.write_bytes(annotated_example(args.example))
        pdf = to_pdf(docx, workdir)
        comments = pdf_comments(pdf.read_bytes())
        chosen = [number for number, found in enumerate(comments, start=1) if found][: args.pages]
        for shot, page in enumerate(chosen, start=1):
            subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile",
                            str(pdf), str(workdir / f"page{page}")], check=True, capture_output=True)
            target = args.out / f"annotated-p{shot}.png"
            compose(workdir / f"page{page}.png", comments[page - 1], target)
            shown = target.relative_to(REPO) if target.is_relative_to(REPO) else target
            print(f"{shown}: page {page}, {len(comments[page - 1])} comments, {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
