"""Pure computations on the samples: medians, ratios against targets, and the table."""

from typing import NamedTuple

__all__ = [
    "Check",
    "Figure",
    "Verdict",
    "failure_notes",
    "format_value",
    "judge",
    "markdown_table",
    "median",
    "medians",
    "table_rows",
    "text_table",
]

UNITS_HIGHER_IS_BETTER = {"msg/s"}
# Samples are numbers, or a failure: "timeout", "error", or one of them with ": detail".


class Figure(NamedTuple):
    """One row of the table: an id, the label shown and the unit of its values."""

    id: str
    label: str
    unit: str

    @property
    def higher_is_better(self):
        return self.unit in UNITS_HIGHER_IS_BETTER


class Check(NamedTuple):
    """A target: `figure[page] op factor × ref + offset`, or `op factor` without ref.

    Attributes:
        figure, page: the value judged.
        label: what the ratio column calls it, e.g. "mpy/native".
        op: "<=" or ">="; "" for a ratio that is only stated, with no target.
        factor: the target's factor (a bound in the figure's unit when ref is None).
        ref: (figure, page) of the reference value, or None for an absolute bound.
        offset: added to factor × ref, in the figure's unit.
    """

    figure: str
    page: str
    label: str
    op: str
    factor: float
    ref: tuple | None = None
    offset: float = 0.0


class Verdict(NamedTuple):
    """A check's outcome: the shown ratio (or value), the target, and passed (None: unknown)."""

    check: Check
    shown: str
    target: str
    passed: bool | None
    headroom: float | None


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def median(samples, higher_is_better=False):
    """Return the median of `samples`, where failures (strings) count as the worst values.

    Returns:
        a number, the most common failure when the middle is a failure, or None when empty.
    """
    if not samples:
        return None
    numbers = sorted(s for s in samples if _is_number(s))
    failures = [s for s in samples if not _is_number(s)]
    if higher_is_better:
        ordered = [None] * len(failures) + numbers
    else:
        ordered = numbers + [None] * len(failures)
    n = len(ordered)
    middle = ordered[(n - 1) // 2 : n // 2 + 1]
    if None in middle:
        return max(set(failures), key=failures.count)
    return sum(middle) / len(middle)


def medians(figures, results):
    """Return {figure id: {page: median}} from {figure id: {page: [samples]}}."""
    out = {}
    for figure in figures:
        by_page = results.get(figure.id, {})
        out[figure.id] = {
            page: median(samples, figure.higher_is_better)
            for page, samples in by_page.items()
            if samples
        }
    return out


def judge(check, values, unit=""):
    """Return the Verdict of `check` on the medians `values` ({figure: {page: value}})."""
    value = values.get(check.figure, {}).get(check.page)
    ref = 1.0 if check.ref is None else values.get(check.ref[0], {}).get(check.ref[1])
    target = _target_text(check, unit)
    if not _is_number(value):
        # Our own page failing (a timeout, say) fails the check; not measuring it doesn't.
        shown = "—" if value is None else f"{check.label} {format_value(value, unit)}"
        return Verdict(check, shown, target, False if value is not None else None, None)
    if not _is_number(ref) or ref == 0:
        return Verdict(check, f"{check.label} —", target, None, None)
    if not check.op:
        return Verdict(check, f"{check.label} {_ratio(value / ref)}", "", None, None)
    limit = check.factor * ref + check.offset
    if check.op == "<=":
        passed = value <= limit
        headroom = limit / value if value > 0 else float("inf")
    else:
        passed = value >= limit
        headroom = value / limit if limit > 0 else float("inf")
    if check.ref is None:
        shown = f"{check.label} {format_value(value, unit)}"
    else:
        shown = f"{check.label} {_ratio(value / ref)}"
    return Verdict(check, shown, target, passed, headroom)


def _ratio(x):
    if x >= 100:
        return f"{x:.0f}×"
    if x >= 10:
        return f"{x:.1f}×"
    return f"{x:.2f}×"


def _target_text(check, unit):
    if not check.op:
        return ""
    op = "≤" if check.op == "<=" else "≥"
    if check.ref is None:
        return f"{op} {format_value(check.factor, unit)}"
    text = f"{op} {check.factor:g}×"
    if check.offset:
        text += f" + {format_value(check.offset, unit)}"
    return text


def format_value(value, unit):
    """Format one median for a cell: numbers with their unit's precision, failures as they are."""
    if value is None:
        return "—"
    if not _is_number(value):
        # "error: what happened" shows as "error"; failure_notes() lists the rest.
        return str(value).split(": ", 1)[0]
    if unit == "msg/s":
        if value < 1000:
            return f"{value:,.0f}"
        return f"{value / 1000:,.1f}k" if value < 10_000 else f"{value / 1000:,.0f}k"
    if unit == "count":
        return f"{value:,.0f}"
    suffix = " ms" if unit == "ms" else " MB" if unit == "MB" else ""
    if abs(value) >= 100:
        return f"{value:,.0f}{suffix}"
    if abs(value) >= 10:
        return f"{value:.1f}{suffix}"
    return f"{value:.2f}{suffix}"


def table_rows(figures, pages, values, checks, blanks=None):
    """Return the table as a header and rows of strings; one extra row per extra check.

    Args:
        figures: the rows, in order; a figure no page has a value for is left out.
        pages: the column names, in order.
        values: {figure id: {page: median}}.
        checks: the targets; each is shown on its figure's row.
        blanks: {page: text} for a page's cells that were not measured (default "—").
    """
    blanks = blanks or {}
    header = ["figure", *pages, "ratio", "target", "ok"]
    rows = []
    for figure in figures:
        row_values = values.get(figure.id, {})
        if not any(page in row_values for page in pages):
            continue
        cells = [
            _cell(row_values[page], figure.unit) if page in row_values else blanks.get(page, "—")
            for page in pages
        ]
        mine = [
            judge(c, values, figure.unit)
            for c in checks
            if c.figure == figure.id and c.page in pages
        ]
        if not mine:
            rows.append([figure.label, *cells, "", "", ""])
        for i, verdict in enumerate(mine):
            first = [figure.label, *cells] if i == 0 else [""] * (len(pages) + 1)
            mark = _mark(verdict.passed) if verdict.target else ""
            rows.append([*first, verdict.shown, verdict.target, mark])
    return header, rows


def failure_notes(figures, results):
    """Return one line per distinct failure with a detail: "page, figure: detail"."""
    notes = []
    for figure in figures:
        for page, samples in results.get(figure.id, {}).items():
            details = sorted({s for s in samples if isinstance(s, str) and ": " in s})
            notes += [f"{page}, {figure.label}: {detail}" for detail in details]
    return notes


def _cell(value, unit):
    return format_value(value, unit).removesuffix(" ms").removesuffix(" MB")


def _mark(passed):
    return {True: "✓", False: "✗", None: "?"}[passed]


def markdown_table(header, rows):
    """Render header and rows as a GitHub Markdown table, numbers right-aligned."""
    align = ["---"] + ["--:"] * (len(header) - 4) + ["---", "---", ":-:"]
    lines = [_md_line(header), _md_line(align)]
    lines += [_md_line(row) for row in rows]
    return "\n".join(lines) + "\n"


def _md_line(cells):
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def text_table(header, rows):
    """Render header and rows as aligned plain text for a terminal."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    right = set(range(1, len(header) - 3))

    def line(cells):
        parts = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)]) + "\n"
