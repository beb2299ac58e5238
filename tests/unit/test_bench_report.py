"""Tests of bench.report, bench.plan and the run order: medians, ratios, verdicts, table."""

import pytest
from websockets.sync.client import connect

from bench import document, measure, plan, runner, targets
from bench.flood import FloodServer, parse_command
from bench.report import (
    Check,
    Figure,
    failure_notes,
    format_value,
    judge,
    markdown_table,
    median,
    medians,
    table_rows,
    text_table,
)
from bench.targets import PAGES

MS = Figure("start", "start (ms)", "ms")
RATE = Figure("burst", "burst (msg/s)", "msg/s")


def test_median_of_odd_count_is_middle_value():
    """The median of an odd number of samples is the middle one."""
    assert median([5.0, 1.0, 3.0]) == 3.0


def test_median_of_even_count_is_mean_of_middle_values():
    """The median of an even number of samples averages the two middle ones."""
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5


def test_median_of_nothing_is_none():
    """No samples give no median."""
    assert median([]) is None


def test_failure_counts_as_slowest_time():
    """A timeout sorts after every time, so one of three doesn't move the median off a number."""
    assert median([1.0, "timeout", 2.0]) == 2.0


def test_failure_counts_as_lowest_throughput():
    """When higher is better, a timeout sorts below every number."""
    assert median([10.0, "timeout", 20.0], higher_is_better=True) == 10.0


def test_median_is_failure_when_most_runs_fail():
    """When the middle sample is a failure, the median is that failure."""
    assert median([1.0, "timeout", "timeout"]) == "timeout"


def test_median_is_failure_when_middle_pair_includes_one():
    """With an even count, a failure in the middle pair makes the median a failure."""
    assert median(["error", 1.0, 2.0, "error"]) == "error"


def test_medians_use_each_figures_direction():
    """medians() applies each figure's own order to its samples."""
    results = {"start": {"a": [3.0, "timeout", 1.0]}, "burst": {"a": [3.0, "timeout"]}}
    assert medians([MS, RATE], results) == {"start": {"a": 3.0}, "burst": {"a": "timeout"}}


def test_medians_leave_out_pages_without_samples():
    """A page with no samples has no median, rather than None."""
    assert medians([MS], {"start": {"a": []}}) == {"start": {}}


def test_upper_bound_ratio_passes_at_the_limit():
    """value ≤ factor × reference passes when equal, and the ratio is shown."""
    check = Check("start", "ours", "ours/native", "<=", 2.0, ref=("start", "native"))
    verdict = judge(check, {"start": {"ours": 200.0, "native": 100.0}}, "ms")
    assert (verdict.shown, verdict.target, verdict.passed) == ("ours/native 2.00×", "≤ 2×", True)
    assert verdict.headroom == pytest.approx(1.0)


def test_upper_bound_ratio_fails_above_the_limit():
    """value above factor × reference fails, with headroom below 1."""
    check = Check("start", "ours", "ours/native", "<=", 2.0, ref=("start", "native"))
    verdict = judge(check, {"start": {"ours": 400.0, "native": 100.0}}, "ms")
    assert verdict.passed is False
    assert verdict.headroom == pytest.approx(0.5)


def test_lower_bound_ratio():
    """value ≥ factor × reference passes above and fails below."""
    check = Check("burst", "ours", "ours/seed", ">=", 50.0, ref=("burst", "seed"))
    assert judge(check, {"burst": {"ours": 5000.0, "seed": 100.0}}).passed is True
    assert judge(check, {"burst": {"ours": 4999.0, "seed": 100.0}}).passed is False


def test_absolute_bound_shows_value_with_unit():
    """Without a reference the factor is a bound in the figure's unit."""
    check = Check("close", "ours", "ours", "<=", 250.0)
    verdict = judge(check, {"close": {"ours": 80.0}}, "ms")
    assert (verdict.shown, verdict.target, verdict.passed) == ("ours 80.0 ms", "≤ 250 ms", True)


def test_offset_is_added_to_the_limit():
    """The latency target is 1.2 × native + 0.5 ms."""
    check = Check(
        "latency", "ours", "ours/native", "<=", 1.2, ref=("latency", "native"), offset=0.5
    )
    values = {"latency": {"native": 1.0, "ours": 1.7}}
    verdict = judge(check, values, "ms")
    assert verdict.passed is True and verdict.target == "≤ 1.2× + 0.50 ms"
    values["latency"]["ours"] = 1.71
    assert judge(check, values, "ms").passed is False


def test_missing_reference_is_unknown():
    """A reference that was not measured, or failed, leaves the verdict unknown."""
    check = Check("burst", "ours", "ours/seed", ">=", 50.0, ref=("burst", "seed"))
    assert judge(check, {"burst": {"ours": 5000.0}}).passed is None
    assert judge(check, {"burst": {"ours": 5000.0, "seed": "timeout"}}).passed is None


def test_own_failure_fails_the_check():
    """When the judged page itself timed out, the check fails and says so."""
    check = Check("close", "ours", "ours", "<=", 250.0)
    verdict = judge(check, {"close": {"ours": "timeout"}}, "ms")
    assert (verdict.shown, verdict.passed) == ("ours timeout", False)


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (0.4567, "ms", "0.46 ms"),
        (45.67, "ms", "45.7 ms"),
        (4567.0, "ms", "4,567 ms"),
        (512.0, "msg/s", "512"),
        (4567.0, "msg/s", "4.6k"),
        (45670.0, "msg/s", "46k"),
        (1000, "count", "1,000"),
        ("timeout", "ms", "timeout"),
        (None, "ms", "—"),
    ],
)
def test_format_value(value, unit, text):
    """Values get a precision that suits their size, and failures show as words."""
    assert format_value(value, unit) == text


def test_table_has_a_row_per_check_and_blanks_for_unmeasured_pages():
    """A figure's second check gets its own row; unmeasured cells show the page's blank."""
    checks = [
        Check("start", "ours", "ours/native", "<=", 2.0, ref=("start", "native")),
        Check("start", "ours", "ours/seed", "<=", 2.0, ref=("start", "seed")),
    ]
    values = {"start": {"ours": 150.0, "native": 100.0}, "burst": {}}
    header, rows = table_rows(
        [MS, RATE], ["ours", "native", "seed"], values, checks, {"seed": "n/a"}
    )
    assert header == ["figure", "ours", "native", "seed", "ratio", "target", "ok"]
    assert rows == [
        ["start (ms)", "150", "100", "n/a", "ours/native 1.50×", "≤ 2×", "✓"],
        ["", "", "", "", "ours/seed —", "≤ 2×", "?"],
    ]


def test_table_leaves_out_checks_of_pages_not_shown():
    """With --only, checks on pages that were not measured are not listed."""
    check = Check("start", "ours", "ours/native", "<=", 2.0, ref=("start", "native"))
    _, rows = table_rows([MS], ["native"], {"start": {"native": 100.0}}, [check])
    assert rows == [["start (ms)", "100", "", "", ""]]


def test_markdown_table_aligns_numbers_right():
    """The Markdown table right-aligns the page columns and escapes pipes."""
    text = markdown_table(["figure", "a", "ratio", "target", "ok"], [["x|y", "1", "r", "t", "✓"]])
    assert text.splitlines() == [
        "| figure | a | ratio | target | ok |",
        "| --- | --: | --- | --- | :-: |",
        "| x\\|y | 1 | r | t | ✓ |",
    ]


def test_text_table_pads_columns():
    """The terminal table pads each column to its widest cell."""
    text = text_table(["figure", "a", "ratio", "target", "ok"], [["x", "1000", "r", "t", "✓"]])
    assert text.splitlines()[0] == "figure     a  ratio  target  ok"
    assert text.splitlines()[2] == "x       1000  r      t       ✓"


def test_plan_checks_refer_to_figures_of_the_plan():
    """Every target of both plans judges a figure that the plan's table has."""
    for the_plan in (plan.FULL, plan.QUICK):
        ids = {figure.id for figure in plan.figures(the_plan)}
        for check in plan.checks(the_plan):
            assert check.figure in ids
            assert check.ref is None or check.ref[0] in ids


def test_plan_targets_are_the_agreed_ones():
    """The full plan's targets are the ones the project set."""
    found = {
        (c.figure, c.page, c.op, c.factor, c.ref and c.ref[1], c.offset)
        for c in plan.checks(plan.FULL)
    }
    assert ("start", "ours-mpy", "<=", 2.0, "native", 0.0) in found
    assert ("start", "ours-pyodide", "<=", 12.0, "native", 0.0) in found
    assert ("burst:50000", "ours-mpy", ">=", 0.8, "ceiling", 0.0) in found
    assert ("burst:50000", "ours-mpy", ">=", 1.3, "native", 0.0) in found
    assert ("burst:5000", "ours-mpy", ">=", 50.0, "seed", 0.0) in found
    assert ("close", "ours-mpy", "<=", 250.0, None, 0.0) in found
    assert ("li_total", "ours-mpy", "<=", 1000, None, 0.0) in found
    assert ("heap_total", "ours-mpy", "<=", 1.5, "ours-mpy", 0.0) in found
    assert ("latency", "ours-mpy", "<=", 1.2, "native", 0.5) in found
    assert ("hook_frame", "ours-mpy", "<=", 1.1, "ours-mpy", 0.0) in found
    for figure in ("loop_frame", "loop_echo", "loop_close", "loop_stop"):
        assert (figure, "ours-pyodide", "<=", 250.0, None, 0.0) in found
    assert ("loop_run", "ours-mpy", "<=", 2000.0, None, 0.0) in found


def test_document_names_command_machine_and_table():
    """The Markdown document states the command, the machine and the table."""
    meta = {
        "command": "python -m bench --quick",
        "date": "2025-01-01 10:00 UTC",
        "cpus": 2,
        "chromium": "156.0",
        "python": "3.13.0",
        "runs": 1,
        "duration": "1 min 30 s",
    }
    text = document.render("| t |\n", ["a note."], meta)
    assert "`python -m bench --quick`" in text
    assert "2 CPUs (`nproc`), Chromium 156.0" in text
    assert "| t |\n\n- a note.\n" in text


def test_failure_with_detail_shows_its_kind_and_is_listed_in_notes():
    """An "error: detail" sample shows as "error" in its cell and its detail in the notes."""
    results = {"start": {"ours": ["error: MemoryError"]}}
    values = medians([MS], results)
    _, rows = table_rows([MS], ["ours"], values, [])
    assert rows[0][1] == "error"
    assert failure_notes([MS], results) == ["ours, start (ms): error: MemoryError"]


def test_schedule_interleaves_pages_within_each_repetition():
    """Each repetition runs every job on each page in turn before the next job."""
    the_plan = plan.FULL._replace(runs=2)
    order = [(rep, job.name, page.name) for rep, job, page in runner.schedule(the_plan, PAGES)]
    first_start = [name for rep, job, name in order if rep == 0 and job == "start"]
    assert first_start == ["ours-mpy", "ours-pyodide", "seed", "native", "ceiling"]
    assert order.index((0, "start", "ceiling")) < order.index((0, "burst 5,000", "ours-mpy"))
    assert order.index((0, "latency", "native")) < order.index((1, "start", "ours-mpy"))


def test_schedule_rotates_the_order_of_pages_each_repetition():
    """Each repetition starts one page later, so no page always follows the same one."""
    the_plan = plan.FULL._replace(runs=3)
    order = [(rep, job.name, page.name) for rep, job, page in runner.schedule(the_plan, PAGES)]
    second = [name for rep, job, name in order if rep == 1 and job == "start"]
    third = [name for rep, job, name in order if rep == 2 and job == "start"]
    assert second == ["ours-pyodide", "seed", "native", "ceiling", "ours-mpy"]
    assert third == ["seed", "native", "ceiling", "ours-mpy", "ours-pyodide"]


def test_schedule_runs_long_jobs_fewer_times_and_skips_what_does_not_apply():
    """Memory runs once, the big burst at most long_runs times; the seed only gets its burst."""
    the_plan = plan.FULL._replace(runs=5)
    order = [(job.name, page.name) for _, job, page in runner.schedule(the_plan, PAGES)]
    assert order.count(("memory 1,000,000", "ours-mpy")) == 1
    assert order.count(("burst 200,000", "ours-mpy")) == 3
    assert order.count(("burst 50,000", "ours-mpy")) == 5
    assert {job for job, page in order if page == "seed"} == {"start", "burst 5,000"}
    assert order.count(("burst 5,000", "seed")) == 3
    assert ("memory 1,000,000", "native") not in order


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("flood 10 32", ("flood", 10, 32)),
        ("flood 10", ("flood", 10, 32)),
        ("binary 16", ("binary", 16)),
        ("flood ten", None),
        ("flood -1 32", None),
        ("flood 1 2 3", None),
        ("hello", None),
        ("flood " + "1" * 100, None),
    ],
)
def test_parse_command(text, command):
    """Only well-formed `flood N [SIZE]` and `binary SIZE` are commands; the rest is echoed."""
    assert parse_command(text) == command


def test_flood_server_floods_then_ends_and_echoes_the_rest():
    """`flood 3 8` brings three padded, numbered texts and END; other messages come back."""
    with FloodServer() as server, connect(server.url) as ws:
        ws.send("flood 3 8")
        assert [ws.recv() for _ in range(4)] == ["m1xxxxxx", "m2xxxxxx", "m3xxxxxx", "END"]
        ws.send(b"\x00\xff")
        assert ws.recv() == b"\x00\xff"
        ws.send("binary 5")
        assert len(ws.recv()) == 5


def test_baseline_pages_are_offered_only_with_a_baseline():
    """base-mpy and base-pyodide exist only when --baseline names a commit."""
    assert "base-mpy" not in [page.name for page in targets.pick_pages([])]
    names = [page.name for page in targets.pick_pages([], baseline=True)]
    assert names[-2:] == ["base-mpy", "base-pyodide"]
    with pytest.raises(ValueError):
        targets.pick_pages(["base-mpy"])


def test_only_measuring_keeps_the_chosen_measurements_and_drops_empty_pages():
    """--measure start leaves every page measuring start alone; unknown names are refused."""
    pages = targets.only_measuring(targets.PAGES, ["start"])
    starting = {page.name for page in targets.PAGES if targets.START in page.measures}
    assert {page.name for page in pages} == starting
    assert all(page.measures == {targets.START} for page in pages)
    assert [p.name for p in targets.only_measuring(targets.PAGES, ["memory"])] == [
        "ours-mpy",
        "ours-pyodide",
        "ceiling",
    ]
    with pytest.raises(ValueError):
        targets.only_measuring(targets.PAGES, ["speed"])


def test_baseline_checks_bound_start_and_burst_by_ten_percent():
    """With a baseline, start may grow and the main burst shrink by 10% at most."""
    extra = [c for c in plan.checks(plan.FULL, baseline=True) if c.ref and "base-" in c.ref[1]]
    assert sorted((c.figure, c.page, c.op, c.factor) for c in extra) == [
        ("burst:50000", "ours-mpy", ">=", 0.9),
        ("burst:50000", "ours-pyodide", ">=", 0.9),
        ("start", "ours-mpy", "<=", 1.1),
        ("start", "ours-pyodide", "<=", 1.1),
    ]
    assert not [c for c in plan.checks(plan.FULL) if c.ref and "base-" in c.ref[1]]


def test_filter_is_measured_on_our_pages_and_the_plain_js_filter():
    """--measure filter leaves our two pages and the plain-JS filter page."""
    pages = targets.only_measuring(targets.PAGES, ["filter"])
    assert [page.name for page in pages] == ["ours-mpy", "ours-pyodide", "filter-js"]


def test_scripts_are_measured_on_our_two_pages_only():
    """--measure script leaves our two pages: the others have no Script tab."""
    pages = targets.only_measuring(targets.PAGES, ["script"])
    assert [page.name for page in pages] == ["ours-mpy", "ours-pyodide"]


def test_a_check_without_target_states_its_ratio_only():
    """An op of "" shows the ratio with no target and no mark."""
    check = Check("f", "ours", "ours/js", "", 1.0, ref=("f", "js"))
    verdict = judge(check, {"f": {"ours": 30.0, "js": 10.0}}, "ms")
    assert (verdict.shown, verdict.target, verdict.passed) == ("ours/js 3.00×", "", None)
    _, rows = table_rows(
        [Figure("f", "f (ms)", "ms")], ["ours", "js"], {"f": {"ours": 30.0, "js": 10.0}}, [check]
    )
    assert rows == [["f (ms)", "30.0", "10.0", "ours/js 3.00×", "", ""]]


def test_flood_matches_counts_the_messages_holding_the_text():
    """M0123 is in m01230 to m01239 of a 10,000 flood, whatever the case."""
    assert measure.flood_matches(10_000, "M0123") == 10
    assert measure.flood_matches(10_000, "m") == 10_000
