"""HTML report: a self-contained page whose highlighted spans are exactly the findings.

The unit tests parse the page with a strict tree builder (every end tag must close the
element on top of the stack, so marks that cross would fail) and compare it with the
results.  The browser tests load the page in headless Chromium (Debian's ``chromium``;
``scripts/install_system_deps.sh``) and compare the DOM it built with the JSON report."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarylint.config import Config
from summarylint.engine import FileResult, check_document, check_path
from summarylint.model import Block, Document, Finding, Fix, Severity, Span
from summarylint.report import html as html_report
from summarylint.report import json as json_report
from summarylint.structure import parse
from tests.conftest import REPO, run_text

EXAMPLE = REPO / "examples" / "2025年上半年意识形态工作总结.docx"
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = '"><img src=x onerror=alert(1)>'
#: T001 twice (one of them in a run-in level-3 heading), F001 on "(二)" and "1、",
#: F003 on the same "1、" (two findings on one span), S001 twice on the title (section level).
SAMPLE = """某局2025年上半年意识形态工作总结
　　全面落实意认形态工作责任制。
一、主要做法

(二)组织学习
二、工作成效
1、强化领导。我们将认真贯落实各项部署。"""

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_PHRASING = {"span", "mark", "b", "q", "small"}
_URL_ATTRIBUTES = {"src", "href", "action", "formaction", "data", "poster", "srcset", "background", "cite",
                   "ping", "xlink:href", "manifest", "longdesc", "lowsrc", "dynsrc", "icon"}


# --------------------------------------------------------------------------- a strict DOM


class Node:
    def __init__(self, tag: str, attrs: list[tuple[str, str | None]], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = {name: value if value is not None else "" for name, value in attrs}
        self.parent = parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def ancestor(self, tag: str) -> Node | None:
        node = self.parent
        while node is not None and node.tag != tag:
            node = node.parent
        return node


class StrictTree(HTMLParser):
    """html.parser into a tree; fails on any end tag that does not close the open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, attrs, self.stack[-1]))

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def dom(page: str) -> Node:
    tree = StrictTree()
    tree.feed(page)
    tree.close()
    assert [n.tag for n in tree.stack] == ["#document"], "unclosed elements"
    return tree.root


def by_id(root: Node) -> dict[str, Node]:
    ids: dict[str, Node] = {}
    for node in root.iter():
        if "id" in node.attrs:
            assert node.attrs["id"] not in ids, f"duplicate id {node.attrs['id']}"
            ids[node.attrs["id"]] = node
    return ids


def mark_text(root: Node, anchor: str) -> str:
    """The text a finding highlights: its mark plus any continuation pieces, in order."""
    return "".join(
        n.text() for n in root.iter()
        if n.tag == "mark" and (n.attrs.get("id") == anchor or n.attrs.get("data-of") == anchor)
    )


def flagged(result: FileResult, f: Finding) -> str:
    block = result.document.block(f.paragraph)
    if f.span.in_label:
        return block.label or ""
    return "" if f.section_level else block.text[f.span.start : f.span.end]


def check_marks(root: Node, results: list[FileResult]) -> None:
    """Exactly one mark per finding, with its data, in its paragraph, over its text."""
    ids = by_id(root)
    findings = [(i, r, f) for i, r in enumerate(results, 1) if r.document for f in r.findings]
    assert len(root.find_all("mark", "finding")) == len(findings)
    for n, (file_index, result, f) in enumerate(findings, 1):
        mark = ids[f"f-{n}"]
        assert mark.tag == "mark"
        assert {"finding", f"sev-{f.severity}"} <= mark.classes
        assert mark.attrs["data-rule"] == f.rule
        assert mark.attrs["data-paragraph"] == str(f.paragraph)
        assert mark.attrs["data-column"] == str(f.column)
        assert mark.attrs["data-end-column"] == str(f.end_column)
        assert mark.attrs["title"].startswith(f.message)
        assert mark_text(root, f"f-{n}") == flagged(result, f)
        paragraph = mark.ancestor("p")
        assert paragraph.attrs["id"] == f"p-{file_index}-{f.paragraph}"
        if f.span.in_label:
            assert mark.ancestor("span").classes == {"label"}
        elif f.section_level:
            assert "badge" in mark.classes and mark.parent.classes == {"badges"}
            assert paragraph.children[0] is mark.parent  # at the start of the paragraph
        else:
            assert mark.ancestor("span").classes == {"text"}


def check_paragraphs(root: Node, results: list[FileResult]) -> None:
    """Every paragraph in order; its text span holds exactly the block's text."""
    ids = by_id(root)
    for file_index, result in enumerate(results, 1):
        if result.document is None:
            continue
        paragraphs = [p for p in ids[f"file-{file_index}"].find_all("p") if "data-paragraph" in p.attrs]
        assert [int(p.attrs["data-paragraph"]) for p in paragraphs] == [b.index for b in result.document.blocks]
        for p, block in zip(paragraphs, result.document.blocks, strict=True):
            assert {n.tag for n in p.iter()} - {"p"} <= _PHRASING, "only phrasing content inside <p>"
            [text] = [c for c in p.children if isinstance(c, Node) and "text" in c.classes]
            assert text.text() == block.text
            labels = [c for c in p.children if isinstance(c, Node) and "label" in c.classes]
            assert [span.text() for span in labels] == ([block.label] if block.label is not None else [])


def finding(rule: str, block: int, start: int, end: int, severity=Severity.WARNING, **kwargs) -> Finding:
    return Finding(rule, "test-rule", severity, Span(block, start, end, kwargs.pop("in_label", False)),
                   f"消息 {rule} {start}-{end}", **kwargs)


def synthetic(blocks: list[Block], findings: list[Finding], path: str = "t.docx") -> FileResult:
    document = Document(path, "docx", tuple(blocks))
    return FileResult(path, document, parse(document), {}, sorted(findings, key=Finding.sort_key))


@pytest.fixture(scope="module")
def sample(ruleset) -> FileResult:
    result = run_text(ruleset, SAMPLE, select=["T001", "F001", "F003", "S001"])
    assert {f.rule for f in result.findings} == {"T001", "F001", "F003", "S001"}
    return result


@pytest.fixture(scope="module")
def example(ruleset) -> FileResult:
    result = check_path(str(EXAMPLE), Config(), ruleset)
    assert result.error is None and len(result.findings) >= 5
    return result


# --------------------------------------------------------------------------- unit tests


def test_page_is_self_contained(sample, ruleset):
    page = html_report.render([sample, FileResult("b.txt", error="file is empty")], ruleset)
    assert page.startswith("<!DOCTYPE html>")
    root = dom(page)
    metas = root.find_all("meta")
    assert [m.attrs.get("content") for m in metas if m.attrs.get("http-equiv") == "Content-Security-Policy"] == [CSP]
    assert any(m.attrs.get("charset", "").lower() == "utf-8" for m in metas)
    assert "http://" not in page and "https://" not in page
    for node in root.iter():
        assert node.tag not in {"link", "img", "iframe", "object", "embed", "base", "source", "video", "audio",
                                "form", "frame"}, node.tag
        for name, value in node.attrs.items():
            if name in _URL_ATTRIBUTES:
                assert value.startswith("#") and "//" not in value and ":" not in value, (name, value)
    [style] = root.find_all("style")
    assert "url(" not in style.text() and "@import" not in style.text() and "@font-face" not in style.text()
    [script] = root.find_all("script")
    assert script.attrs == {}  # inline only, no src


def test_each_finding_has_one_mark_over_its_text(sample, ruleset):
    root = dom(html_report.render([sample], ruleset))
    check_marks(root, [sample])
    check_paragraphs(root, [sample])
    # the F001 and F003 findings on the same "1、" are two nested marks
    marker = [f for f in sample.findings if f.rule in ("F001", "F003") and f.paragraph == 7]
    assert len(marker) == 2
    ids = by_id(root)
    first, second = (ids[f"f-{sample.findings.index(f) + 1}"] for f in marker)
    assert second.parent is first or first.parent is second


def test_example_document(example, ruleset):
    root = dom(html_report.render([example], ruleset))
    check_marks(root, [example])
    check_paragraphs(root, [example])
    ids = by_id(root)
    # headings by level; the automatic label "一、" in its own span, bold by the heading style
    assert {"h", "h1"} <= ids["p-1-3"].classes
    assert {"h", "h2"} <= ids["p-1-4"].classes
    assert "title" in ids["p-1-1"].classes
    assert [n.text() for n in ids["p-1-3"].find_all("span", "label")] == ["一、"]


def test_overlapping_spans_nest(ruleset):
    text = "甲乙丙丁戊己庚辛壬癸"
    blocks = [Block(1, "某局2025年上半年工作总结"), Block(2, text, label="一、"), Block(3, "")]
    findings = [
        finding("T001", 2, 0, 4, Severity.ERROR),
        finding("T002", 2, 0, 4),  # the same span
        finding("T003", 2, 1, 3),  # inside
        finding("P001", 2, 2, 6, Severity.INFO),  # crosses the first three
        finding("P002", 2, 5, 5),  # empty: an insertion point
        finding("P003", 2, 5, 9),  # crosses P001
        finding("N001", 2, 8, 10),  # crosses P003, ends the text
        finding("F001", 2, 0, 2, in_label=True),  # the label
        finding("F002", 2, 0, 2, in_label=True),  # the label again
        finding("S001", 2, 0, 0, section_level=True),
        finding("S002", 1, 0, 0, Severity.INFO, section_level=True),
    ]
    result = synthetic(blocks, findings)
    root = dom(html_report.render([result], ruleset))  # strict: fails on improper nesting
    check_marks(root, [result])
    check_paragraphs(root, [result])
    # continuation pieces exist only where spans cross, and belong to a finding
    parts = root.find_all("mark", "finding-part")
    assert parts
    anchors = {n.attrs["id"] for n in root.find_all("mark", "finding")}
    assert {p.attrs["data-of"] for p in parts} <= anchors
    assert all("id" not in p.attrs for p in parts)


def test_random_overlaps_nest(ruleset):
    import random

    rng = random.Random(9704)
    text = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸"
    for _ in range(40):
        findings = []
        for _ in range(rng.randint(1, 8)):
            start = rng.randint(0, len(text))
            findings.append(finding(rng.choice(["T001", "P001", "N001"]), 2, start, rng.randint(start, len(text))))
        result = synthetic([Block(1, "标题"), Block(2, text)], findings)
        root = dom(html_report.render([result], ruleset))
        check_marks(root, [result])
        check_paragraphs(root, [result])


def test_hostile_text_is_escaped(ruleset):
    text = f"{HOSTILE_SCRIPT}全面落实意认形态工作责任制。{HOSTILE_IMG}"
    path = f'{HOSTILE_IMG}.txt'
    result = run_text(ruleset, f"某局2025年上半年工作总结\n{text}\n{HOSTILE_IMG}&amp;", select=["T001"], path=path)
    assert result.findings
    hostile = Finding("X001", HOSTILE_IMG, Severity.INFO, Span(2, 0, 8), HOSTILE_SCRIPT,
                      suggestion=HOSTILE_IMG, fix=Fix(HOSTILE_SCRIPT, False))
    result.findings = sorted([*result.findings, hostile], key=Finding.sort_key)
    page = html_report.render([result], ruleset)
    root = dom(page)
    assert len(root.find_all("script")) == 1 and root.find_all("img") == []
    assert not any(name.startswith("on") for node in root.iter() for name in node.attrs)
    assert "<script>alert" not in page and "<img" not in page
    check_marks(root, [result])
    check_paragraphs(root, [result])
    ids = by_id(root)
    assert ids["p-1-2"].find_all("span", "text")[0].text() == text
    assert ids["p-1-3"].find_all("span", "text")[0].text() == f"{HOSTILE_IMG}&amp;"
    assert path in ids["file-1"].text()
    item = ids[f"l-{result.findings.index(hostile) + 1}"]
    assert HOSTILE_SCRIPT in item.text() and HOSTILE_IMG in item.text()


def test_control_characters_survive(ruleset):
    text = "甲\r乙\t丙\u3000丁  戊\n己"
    result = synthetic([Block(1, "标题"), Block(2, text)], [finding("P001", 2, 1, 4)])
    root = dom(html_report.render([result], ruleset))
    check_paragraphs(root, [result])
    check_marks(root, [result])


def test_input_error_in_plain_words(sample, ruleset):
    broken = FileResult("报告/空白.docx", error="file is empty", error_kind="unreadable")
    root = dom(html_report.render([sample, broken], ruleset))
    ids = by_id(root)
    card = ids["file-2"]
    assert "unreadable" in card.classes
    [alert] = card.find_all("div", "input-error")
    assert "文件是空的" in alert.text() and "file is empty" in alert.text()
    assert "报告/空白.docx" in card.text()
    stats = {li.attrs["class"]: li.text() for li in root.find_all("ul", "stats")[0].find_all("li")}
    assert stats["files"].startswith("2") and stats["unreadable"].startswith("1")
    assert stats["sev-error"].startswith(str(sum(f.severity == Severity.ERROR for f in sample.findings)))
    # an overview table links every file
    assert {a.attrs["href"] for a in root.find_all("table", "files")[0].find_all("a")} == {"#file-1", "#file-2"}


@pytest.mark.parametrize(("reason", "words"), [
    ("no such file", "找不到"),
    ("the .docx package is damaged (truncated or corrupt ZIP archive)", "损坏"),
    ("legacy Word/WPS binary format (.doc/.wps) is not supported; convert it", ".docx"),
    ("the document is password-protected (encrypted); remove the password", "密码"),
    ("something new", "无法读取"),
])
def test_plain_reasons(reason, words):
    assert words in html_report.plain_reason(reason)


def test_documents_titles_and_periods(ruleset):
    text = SAMPLE + "\n某中心2024年度宣传工作总结\n一、主要做法\n开展学习6次。"
    result = run_text(ruleset, text, select=["T001"])
    assert len(result.outline.summaries) == 2
    root = dom(html_report.render([result], ruleset))
    ids = by_id(root)
    rows = ids["file-1"].find_all("table", "docs")[0].find_all("tr")[1:]
    assert "某局2025年上半年意识形态工作总结" in rows[0].text() and "2025年上半年" in rows[0].text()
    assert "某中心2024年度宣传工作总结" in rows[1].text() and "2024-12-31" in rows[1].text()
    assert ids["d-1-1"].tag == ids["d-1-2"].tag == "article"
    assert [p.attrs["data-paragraph"] for p in ids["d-1-2"].find_all("p")] == ["8", "9", "10"]


def test_paragraph_kinds(sample, ruleset):
    ids = by_id(dom(html_report.render([sample], ruleset)))
    assert "title" in ids["p-1-1"].classes
    assert {"h", "h1"} <= ids["p-1-3"].classes
    assert "empty" in ids["p-1-4"].classes
    assert {"h", "h2"} <= ids["p-1-5"].classes
    assert {"h", "h1"} <= ids["p-1-6"].classes and "run-in" not in ids["p-1-6"].classes
    assert {"h", "h3", "run-in"} <= ids["p-1-7"].classes
    # the typed marker is bold inside the two marks on it
    [marker] = ids["p-1-7"].find_all("b", "marker")
    assert marker.text() == "1、" and marker.parent.tag == "mark" and marker.parent.parent.tag == "mark"


def test_side_list_by_severity_then_family(example, ruleset):
    root = dom(html_report.render([example], ruleset))
    [side] = root.find_all("aside")
    ids = by_id(root)
    groups = side.find_all("section", "sev-group")
    order = [next(c for c in g.classes if c.startswith("sev-") and c != "sev-group") for g in groups]
    assert order == [f"sev-{s}" for s in ("error", "warning", "info") if any(
        str(f.severity) == s for f in example.findings)]
    listed = 0
    for group in groups:
        families = [h.text().split(" ")[0] for h in group.find_all("h4")]
        assert families == sorted(families, key="SRTNFPC".index)
        for item in group.find_all("li", "item"):
            listed += 1
            [link] = item.find_all("a")
            target = ids[link.attrs["href"][1:]]
            assert target.tag == "mark"
            n = int(link.attrs["href"][3:])
            f = example.findings[n - 1]
            assert f"sev-{f.severity}" in group.classes and f.rule[0] in families
            for words in (f.rule, f.name, f.message, f.suggestion or "", f.fix.replacement if f.fix else ""):
                assert words in item.text()
    assert listed == len(example.findings)


def test_everything_visible_without_script(sample, ruleset):
    root = dom(html_report.render([sample, FileResult("x.txt", error="no such file")], ruleset))
    assert [n.attrs["id"] for n in root.iter() if "hidden" in n.attrs] == ["tools"]  # the JS-only buttons
    details = root.find_all("details")
    assert details and all("open" in d.attrs for d in details)
    # On screen, CSS hides things only under the classes the filter script sets.
    screen = root.find_all("style")[0].text().split("@media print")[0]
    for selectors in re.findall(r"([^{}]*)\{[^{}]*display:none", screen):
        for selector in selectors.split(","):
            assert selector.strip().startswith("html.hide-") or selector.strip() == ".tools[hidden]", selector


def test_empty_batch(ruleset):
    root = dom(html_report.render([], ruleset))
    assert "没有检查任何文件" in root.text()
    assert root.find_all("mark") == []


def test_rules_without_a_family_name(ruleset):
    document = Document("p.txt", "text", (Block(1, "标题"), Block(2, "正文内容")))
    result = check_document(document, Config(select=("T001",)), ruleset)
    result.findings = [finding("ABC001", 2, 0, 2)]
    root = dom(html_report.render([result], ruleset))
    check_marks(root, [result])
    assert "ABC" in root.find_all("aside")[0].find_all("h4")[0].text()


# --------------------------------------------------------------------------- in Chromium


def chromium_binary() -> str | None:
    for name in (os.environ.get("SUMMARYLINT_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        found = name and shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = chromium_binary()
    if binary is None:
        message = "headless Chromium is not installed (run scripts/install_system_deps.sh)"
        if "CI" in os.environ:
            pytest.fail(f"CI is set and {message}")
        pytest.skip(message)
    return binary


def run_chromium(binary: str, profile: Path, url: str, *options: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HOME=str(profile), XDG_CONFIG_HOME=str(profile), XDG_CACHE_HOME=str(profile))
    command = [
        binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
        f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *options, url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=180, check=False, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def console_problems(stderr: str) -> list[str]:
    """Console lines about a blocked load (CSP) or a script error."""
    return [line for line in stderr.splitlines()
            if "CONSOLE" in line and ("Content Security Policy" in line or "Uncaught" in line)]


@pytest.fixture(scope="module")
def example_page(example, ruleset, tmp_path_factory) -> Path:
    page = tmp_path_factory.mktemp("html") / "report.html"
    page.write_text(html_report.render([example], ruleset), encoding="utf-8")
    return page


@pytest.mark.slow
def test_chromium_dom_matches_the_json_report(chromium, example, example_page, tmp_path):
    done = run_chromium(chromium, tmp_path / "profile", example_page.as_uri(), "--dump-dom")
    assert console_problems(done.stderr) == []
    root = dom(done.stdout)
    [html_element] = root.find_all("html")
    assert "js" in html_element.classes  # the inline script ran under the CSP
    ids = by_id(root)
    assert "hidden" not in ids["tools"].attrs

    expected = json.loads(json_report.render([example], rules_data=""))["findings"]
    marks = root.find_all("mark", "finding")
    seen = sorted(
        (m.attrs["data-rule"], int(m.attrs["data-paragraph"]), int(m.attrs["data-column"]),
         int(m.attrs["data-end-column"]), mark_text(root, m.attrs["id"]))
        for m in marks
    )
    assert seen == sorted((f["rule"], f["paragraph"], f["column"], f["end_column"], f["text"]) for f in expected)
    for n, f in enumerate(expected, 1):  # and each one is the finding its side-list entry names
        mark = ids[f"f-{n}"]
        assert (mark.attrs["data-rule"], mark.attrs["data-paragraph"], mark_text(root, f"f-{n}")) == (
            f["rule"], str(f["paragraph"]), f["text"])
        assert f"sev-{f['severity']}" in mark.classes
        assert mark.ancestor("p").attrs["data-paragraph"] == str(f["paragraph"])
    check_paragraphs(root, [example])


@pytest.mark.slow
def test_chromium_screenshot(chromium, example_page, tmp_path):
    shot = tmp_path / "report.png"
    done = run_chromium(chromium, tmp_path / "profile", example_page.as_uri(), f"--screenshot={shot}",
                        "--window-size=1280,2000")
    assert console_problems(done.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2000)
    assert len(data) > 30_000  # not a blank page
