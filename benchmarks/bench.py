"""Speed of `summarylint check`: cold start, batch throughput, and growth with size.

    python benchmarks/bench.py [--runs 7]

Prints the median wall time of a cold CLI run on the bundled example .docx (Python start,
imports, reading, parsing, every default rule, output), documents per second on a batch
directory, and the time on generated .docx files holding about 0.25, 0.5 and 1 MB of
text (to show the growth is linear).  Run it before and after touching a hot path.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_DOCX = REPO / "examples" / "2025年上半年意识形态工作总结.docx"
EXAMPLE_TXT = REPO / "examples" / "2025年上半年意识形态工作总结.txt"


def command() -> list[str]:
    exe = Path(sys.executable).parent / "summarylint"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "summarylint"]


#: As installed for users: bytecode written once and reused (pip compiles it at install
#: time; some environments set PYTHONDONTWRITEBYTECODE, which would make every run
#: compile all modules from source and measure that instead).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr.decode()}")
    return elapsed


def median_wall(args: list[str], cwd: Path, runs: int) -> float:
    wall(args, cwd)  # warm the OS file cache; every run is still a fresh process
    return statistics.median(wall(args, cwd) for _ in range(runs))


def big_docx(path: Path, megabytes: float) -> int:
    """A .docx with about ``megabytes`` MB of UTF-8 text, built from the example's lines."""
    import docx

    lines = [line for line in EXAMPLE_TXT.read_text(encoding="utf-8").splitlines() if line.strip()]
    document = docx.Document()
    size = 0
    i = 0
    while size < megabytes * 1024 * 1024:
        line = lines[i % len(lines)]
        document.add_paragraph(line)
        size += len(line.encode("utf-8"))
        i += 1
    document.save(path)
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    cmd = command()
    with tempfile.TemporaryDirectory(prefix="summarylint-bench-") as tmp:
        tmpdir = Path(tmp)
        cold = median_wall([*cmd, "check", str(EXAMPLE_DOCX)], tmpdir, args.runs)
        text_chars = len(EXAMPLE_TXT.read_text(encoding="utf-8"))
        print(f"cold check, example .docx ({text_chars} characters): median {cold:.3f} s over {args.runs} runs")
        cold_txt = median_wall([*cmd, "check", str(EXAMPLE_TXT)], tmpdir, args.runs)
        print(f"cold check, example .txt: median {cold_txt:.3f} s")
        start_only = median_wall([*cmd, "--version"], tmpdir, args.runs)
        print(f"start-up only (summarylint --version): median {start_only:.3f} s")

        batch = tmpdir / "batch"
        batch.mkdir()
        copies = 50
        for i in range(copies):
            shutil.copy(EXAMPLE_DOCX, batch / f"{i:03d}.docx")
            shutil.copy(EXAMPLE_TXT, batch / f"{i:03d}.txt")
        elapsed = median_wall([*cmd, "check", str(batch)], tmpdir, 3)
        print(f"batch: {2 * copies} files in one run: {elapsed:.2f} s = {2 * copies / elapsed:.0f} documents/s")

        for megabytes in (0.25, 0.5, 1.0):
            path = tmpdir / f"big-{megabytes}.docx"
            size = big_docx(path, megabytes)
            elapsed = median_wall([*cmd, "check", str(path)], tmpdir, 3)
            print(f"{size / 1024 / 1024:.2f} MB of text in one .docx: {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
