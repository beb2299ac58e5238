"""Which Chromium the tests, the benchmark and the screenshots launch, and with which flags."""

from types import SimpleNamespace

from wsdev.chromium import DEBIAN_CHROMIUM, DEBIAN_FLAGS, FLAGS, launch_options


def test_debian_chromium_gets_its_flags_and_the_common_ones(tmp_path):
    """Without Playwright's own Chromium, Debian's is launched with every flag it needs."""
    chromium = SimpleNamespace(executable_path=str(tmp_path / "missing"))
    options = launch_options(chromium, {"args": ["--lang=pt-BR"], "headless": True})
    assert options["executable_path"] == DEBIAN_CHROMIUM
    assert options["args"] == ["--lang=pt-BR", *FLAGS, *DEBIAN_FLAGS]
    assert options["headless"] is True


def test_playwright_chromium_gets_only_the_common_flags(tmp_path):
    """Playwright's own Chromium keeps its executable and gets no Debian flag."""
    executable = tmp_path / "chrome"
    executable.write_text("")
    options = launch_options(SimpleNamespace(executable_path=str(executable)))
    assert options == {"args": FLAGS}
