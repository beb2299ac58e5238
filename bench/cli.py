"""Command line: serve the pages, run the benchmark, print the table and write docs/."""

import argparse
import asyncio
import datetime
import io
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
from contextlib import ExitStack, contextmanager
from pathlib import Path

from playwright.async_api import Error as PlaywrightError

from bench import chart, document, plan, report, runner, targets
from bench.flood import FloodServer
from wsdev.http import serving

__all__ = ["main"]

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
PAGES = ROOT / "bench" / "pages"
DOCS = ROOT / "docs"


def _parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, help="repetitions; each figure is their median")
    parser.add_argument(
        "--quick", action="store_true", help="small counts: a smoke run; prints only"
    )
    parser.add_argument("--only", default="", metavar="PAGE[,PAGE]", help="measure these pages")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/ alone")
    parser.add_argument(
        "--measure",
        default="",
        metavar="WHAT[,WHAT]",
        help=f"measure only these: {', '.join(sorted(targets.ALL))}",
    )
    parser.add_argument(
        "--bursts",
        default="",
        metavar="N[,N]",
        help="flood sizes for the burst figures (the main burst is always one of them)",
    )
    parser.add_argument(
        "--baseline",
        metavar="COMMIT",
        help="also measure the page as COMMIT built it (start and bursts), side by side",
    )
    args = parser.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    try:
        names = [n for n in args.only.split(",") if n]
        args.pages = targets.pick_pages(names, baseline=bool(args.baseline))
        args.bursts = [_count(n) for n in args.bursts.split(",") if n]
        measures = [m for m in args.measure.split(",") if m]
        if measures:
            args.pages = targets.only_measuring(args.pages, measures)
    except ValueError as exc:
        parser.error(str(exc))
    return args


def _link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


class BaselineError(Exception):
    """The baseline commit cannot be checked out."""


def _count(text):
    if not text.strip().isdigit() or int(text) < 1:
        raise ValueError(f"--bursts takes whole numbers above 0, not {text!r}")
    return int(text)


@contextmanager
def _baseline_site(commit):
    """Check out site/ as commit had it, with today's vendored runtime, in a temporary folder.

    Raises:
        BaselineError: git does not know the commit.
    """
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "site"],
        capture_output=True,
    )
    if archive.returncode:
        detail = archive.stderr.decode(errors="replace").strip().splitlines()
        raise BaselineError(
            f"cannot read site/ at {commit!r}: {detail[-1] if detail else 'git failed'}"
        )
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        site = Path(folder) / "site"
        # The runtime is vendored, not committed: both pages run on the same one. It is
        # linked file by file, since the dev server serves nothing from outside its root.
        shutil.copytree(SITE / "pyscript", site / "pyscript", copy_function=_link_or_copy)
        yield site


def _machine(version, runs, seconds, argv):
    minutes, secs = divmod(round(seconds), 60)
    return {
        "command": shlex.join(["python", "-m", "bench", *argv]),
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpus": len(os.sched_getaffinity(0)),
        "chromium": version,
        "python": platform.python_version(),
        "runs": runs,
        "duration": f"{minutes} min {secs:02d} s",
    }


def _runs_note(the_plan, pages):
    fewer = [
        f"{job.name} ({job.runs})"
        for job in runner.jobs(the_plan)
        if job.runs < the_plan.runs and any(job.applies(page) for page in pages)
    ]
    note = f"Each figure is the median of {the_plan.runs} run(s)"
    return note + (f", except {', '.join(fewer)}." if fewer else ".")


def _notes(pages, the_plan):
    notes = [_runs_note(the_plan, pages)]
    notes += [f"{p.name}: {p.skipped}." for p in pages if p.skipped]
    notes.append(
        "ok: ✓ meets the target, ✗ misses it, ? could not be computed. "
        "Throughput in messages per second (k = thousand)."
    )
    if the_plan.runs < 3:
        notes.append(f"Only {the_plan.runs} run(s): these figures are a smoke test, not a result.")
    return notes


def main(argv=None):
    """Run the benchmark; return the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parse(argv)
    the_plan = plan.QUICK if args.quick else plan.FULL
    if args.runs is not None:
        the_plan = the_plan._replace(runs=args.runs)
    if args.bursts:
        the_plan = the_plan._replace(bursts=tuple(sorted({*args.bursts, the_plan.main_burst})))
    pages = args.pages
    try:
        with ExitStack() as stack:
            flood = stack.enter_context(FloodServer())
            bases = {
                "site": stack.enter_context(serving(SITE)),
                "pages": stack.enter_context(serving(PAGES)),
            }
            if args.baseline:
                folder = stack.enter_context(_baseline_site(args.baseline))
                bases["baseline"] = stack.enter_context(serving(folder))
            results, version, seconds = asyncio.run(runner.run(the_plan, pages, bases, flood.url))
    except BaselineError as exc:
        print(f"{exc}.", file=sys.stderr)
        return 2
    except PlaywrightError as exc:
        print(f"Failed to drive Chromium: {str(exc).splitlines()[0]}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted: nothing written.", file=sys.stderr)
        return 130
    figures = plan.figures(the_plan)
    values = report.medians(figures, results)
    checks = plan.checks(the_plan, baseline=bool(args.baseline))
    names = [p.name for p in pages]
    blanks = {p.name: p.blank for p in pages}
    header, rows = report.table_rows(figures, names, values, checks, blanks)
    meta = _machine(version, the_plan.runs, seconds, argv)
    notes = _notes(pages, the_plan) + report.failure_notes(figures, results)
    print()
    print(report.text_table(header, rows))
    for note in notes:
        print(note)
    print(f"Chromium {version}, {meta['cpus']} CPUs, took {meta['duration']}.")
    # A smoke run's figures must not replace the measured ones in docs/.
    if not (args.no_write or args.quick):
        _write(figures, values, checks, names, header, rows, notes, meta)
    return 0


def _write(figures, values, checks, names, header, rows, notes, meta):
    DOCS.mkdir(exist_ok=True)
    table = report.markdown_table(header, rows)
    (DOCS / "benchmarks.md").write_text(document.render(table, notes, meta), encoding="utf-8")
    units = {f.id: f.unit for f in figures}
    verdicts = [report.judge(c, values, units[c.figure]) for c in checks if c.page in names]
    labels = {f.id: f.label for f in figures}
    title = f"{meta['date']}: {meta['cpus']} CPUs, Chromium {meta['chromium']}"
    chart.draw(verdicts, labels, DOCS / "benchmarks.png", title)
    print(f"Wrote {DOCS / 'benchmarks.md'} and {DOCS / 'benchmarks.png'}.")
