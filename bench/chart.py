"""The bar chart of docs/benchmarks.png: how far each check is from its target."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first

__all__ = ["draw"]


def _name(label):
    """A figure's label without its unit: "start (ms)" -> "start"."""
    return label.rsplit(" (", 1)[0] if label.endswith(")") else label


def draw(verdicts, names, path, title):
    """Draw one horizontal bar per check: its headroom, on a log scale where 1 is the target.

    Headroom is target ÷ value for an upper bound and value ÷ target for a lower
    bound, so a bar that reaches past 1 meets its target. A check that failed
    without a value (a timeout, an error) is a red cross on the target line;
    checks that could not be computed are left out.

    Args:
        verdicts: report.Verdict values.
        names: {figure id: the name to show}.
        path: the PNG to write.
        title: the chart's title.
    """
    shown = [v for v in verdicts if v.headroom is not None or v.passed is False]
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(shown) + 1.6), layout="constrained")
    if not shown:
        ax.text(0.5, 0.5, "no check could be computed", ha="center", va="center")
        ax.set_axis_off()
        fig.savefig(path, dpi=120)
        plt.close(fig)
        return
    labels = [f"{_name(names[v.check.figure])}: {v.shown} (target {v.target})" for v in shown]
    values = [1.0 if v.headroom is None else min(max(v.headroom, 1e-3), 1e3) for v in shown]
    colors = ["#1b7f3b" if v.passed else "#a23a2a" for v in shown]
    positions = range(len(shown))[::-1]
    # Bars grow from the target line: right when met, left when missed.
    ax.barh(list(positions), [x - 1 for x in values], left=1, color=colors)
    # A dot at the end of each bar, so that a check met exactly still shows.
    ax.scatter(values, list(positions), color=colors, zorder=3, s=18)
    crosses = [(x, y) for x, y, v in zip(values, positions, shown) if v.headroom is None]
    if crosses:
        ax.scatter(*zip(*crosses), color="#a23a2a", marker="x", zorder=4, s=60)
    ax.set_xscale("log")
    ax.axvline(1.0, color="black", linewidth=1)
    ax.set_yticks(list(positions), labels, fontsize=8)
    ax.set_xlabel("headroom: × within target (≥ 1 meets it; log scale)")
    ax.set_title(title, fontsize=9)
    fig.savefig(path, dpi=120)
    plt.close(fig)
