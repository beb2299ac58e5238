"""Run axe-core (the npm devDependency) in a page and report what it finds."""

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SEVERE = ("serious", "critical")
RUN = '() => axe.run(document, {resultTypes: ["violations"]})'
FINISH_ANIMATIONS = """() => document.getAnimations()
    .filter(animation => animation.effect.getComputedTiming().endTime !== Infinity)
    .forEach(animation => animation.finish())"""


def severe_violations(page):
    """Run axe on the page as it is now and return its serious and critical violations.

    Raises:
        FileNotFoundError: axe-core is not installed (run `./dev setup`).
    """
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} is missing: run `./dev setup` (npm ci)")
    # Evaluated through the DevTools protocol: nothing is fetched from anywhere, and the
    # page's CSP, which admits no inline <script> but its own, stays as it is.
    page.evaluate(AXE.read_text() + "\n;undefined")
    # A notice fading out (a clear's, say) is judged as it rests, not halfway to
    # transparent: the animations that end (not the editor's blinking cursor) end now.
    page.evaluate(FINISH_ANIMATIONS)
    results = page.evaluate(RUN)
    return [v for v in results["violations"] if v["impact"] in SEVERE]


def _selector(target):
    # A target is a CSS selector, or a list of them through shadow roots and frames.
    return target if isinstance(target, str) else " >>> ".join(map(_selector, target))


def describe(violations):
    """One paragraph per violation: id, impact, help, then each element: selector, why, HTML."""
    lines = [f"{len(violations)} axe-core violation(s), serious or critical:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            targets = ", ".join(_selector(target) for target in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            html = " ".join(node.get("html", "").split())[:120]
            lines.append(f"    {targets} [{node.get('impact')}]: {summary}")
            lines.append(f"      element: {html}")
    return "\n".join(lines)
