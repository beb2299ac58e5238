"""Tests for the command line: python -m wsdev."""

import re
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from websockets.sync.client import connect

import wsdev
from wsdev.__main__ import listens_everywhere, main, parse_args, serve

from .conftest import request

URL = re.compile(r"^Serving (.+) at (http://127\.0\.0\.1:(\d+)/)$", re.MULTILINE)
ECHO = re.compile(
    r"^Echo server at (ws://127\.0\.0\.1:(\d+)/) \(the page's default server\)$", re.MULTILINE
)


@pytest.fixture
def run(capsys):
    """Run serve() in a thread until it is ready; stop it and check it exits 0 afterwards."""
    threads = []

    def start(*argv):
        ready, stop = threading.Event(), threading.Event()
        result = []
        args = parse_args([*argv, "--port", "0", "--echo-port", "0", "-q"])
        thread = threading.Thread(target=lambda: result.append(serve(args, ready, stop)))
        thread.start()
        threads.append((thread, stop, result))
        assert ready.wait(10), "server never became ready"
        return capsys.readouterr()

    yield start
    for thread, stop, result in threads:
        stop.set()
        thread.join(10)
        assert result == [0]


@pytest.fixture
def busy_port():
    """Port of a listening socket that nobody serves."""
    with socket.create_server(("127.0.0.1", 0)) as sock:
        yield sock.getsockname()[1]


def test_startup_prints_urls(site, run):
    """Startup prints the site folder, the page URL, the echo URL and how to stop."""
    out = run("--site", str(site)).out
    served = URL.search(out)
    assert served and served.group(1) == f"{site}/"
    assert ECHO.search(out)
    assert out.splitlines()[-1] == "Press Ctrl-C to stop."


def test_startup_serves_page_with_echo_url(site, run):
    """The page names the embedded echo server, and that server echoes."""
    out = run("--site", str(site)).out
    http_port, echo_url = int(URL.search(out).group(3)), ECHO.search(out).group(1)
    _, _, body = request(http_port, "/")
    assert f'<meta name="default-server" content="{echo_url}">'.encode() in body
    with connect(echo_url, open_timeout=10) as ws:
        ws.send("ping")
        assert ws.recv(timeout=10) == "ping"


def test_stop_shuts_down_and_exits_0(site, capsys):
    """Setting the stop event closes both servers, prints a short line and returns 0."""
    ready, stop = threading.Event(), threading.Event()
    args = parse_args(["--site", str(site), "--port", "0", "--echo-port", "0", "-q"])
    result = []
    thread = threading.Thread(target=lambda: result.append(serve(args, ready, stop)))
    thread.start()
    assert ready.wait(10)
    http_port = int(URL.search(capsys.readouterr().out).group(3))
    stop.set()
    thread.join(10)
    assert result == [0]
    assert capsys.readouterr().out == "Stopped.\n"
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", http_port), timeout=10).close()


def test_no_echo(site, run):
    """--no-echo starts no echo server and leaves the page's meta empty."""
    out = run("--site", str(site), "--no-echo").out
    assert "Echo server" not in out
    _, _, body = request(int(URL.search(out).group(3)), "/")
    assert b'<meta name="default-server" content="">' in body


def test_open_launches_browser(site, run, monkeypatch):
    """--open opens the page URL in a web browser once the servers are up."""
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    out = run("--site", str(site), "--open").out
    assert opened == [URL.search(out).group(2)]


def test_all_interfaces_warning(site, run):
    """Binding 0.0.0.0 prints a one-line warning on stderr."""
    err = run("--site", str(site), "--host", "0.0.0.0").err
    assert len(err.splitlines()) == 1
    assert err.startswith("Warning: listening on all interfaces")


def test_loopback_no_warning(site, run):
    """Binding 127.0.0.1 prints no warning."""
    assert run("--site", str(site)).err == ""


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "", "0:0::0"])
def test_listens_everywhere(host):
    """Unspecified addresses and the empty host listen on all interfaces."""
    assert listens_everywhere(host)


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "192.168.1.10"])
def test_listens_on_one_interface(host):
    """Specific addresses and names don't listen on all interfaces."""
    assert not listens_everywhere(host)


def test_http_port_in_use(site, busy_port, capsys):
    """A taken HTTP port exits 1 with one sentence and no traceback."""
    code = main(["--site", str(site), "--port", str(busy_port), "--echo-port", "0", "-q"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err == (f"Port {busy_port} on 127.0.0.1 is already in use; pick another with --port.\n")


def test_echo_port_in_use(site, busy_port, capsys):
    """A taken echo port exits 1 with one sentence and no traceback."""
    code = main(["--site", str(site), "--port", "0", "--echo-port", str(busy_port), "-q"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err == (
        f"Port {busy_port} on 127.0.0.1 is already in use; pick another with --echo-port.\n"
    )


def test_address_not_available(site, capsys):
    """An address this machine doesn't have exits 1 with one sentence."""
    # 192.0.2.0/24 is reserved for documentation, so no interface has it.
    code = main(["--site", str(site), "--host", "192.0.2.1", "--port", "0", "--no-echo"])
    err = capsys.readouterr().err
    assert code == 1
    assert re.fullmatch(r"Cannot listen on 192\.0\.2\.1 port 0: [^\n]+\.\n", err)


def test_missing_site_folder(tmp_path, capsys):
    """A site folder that doesn't exist exits 1 with one sentence."""
    nowhere = tmp_path / "nowhere"
    code = main(["--site", str(nowhere), "--port", "0", "--no-echo"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"Site folder {nowhere} doesn't exist; pass the right one with --site.\n"


def test_site_without_index(tmp_path, capsys):
    """A site folder without index.html exits 1 with one sentence."""
    code = main(["--site", str(tmp_path), "--port", "0", "--no-echo"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"Site folder {tmp_path} has no index.html; pass the right one with --site.\n"


@pytest.mark.parametrize("argv", [["--port", "http"], ["--echo-port", "70000"], ["--nope"]])
def test_bad_arguments_exit_2(argv, capsys):
    """Bad arguments are reported by argparse with exit status 2."""
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_default_site_is_next_to_package(tmp_path, monkeypatch):
    """The default site folder is site/ beside the wsdev package, whatever the cwd."""
    monkeypatch.chdir(tmp_path)
    assert Path(parse_args([]).site) == Path(wsdev.__file__).resolve().parent.parent / "site"


def test_defaults():
    """Without options it binds 127.0.0.1, HTTP on 8000, echo on 8765, and opens no browser."""
    args = parse_args([])
    assert (args.host, args.port, args.echo_port) == ("127.0.0.1", 8000, 8765)
    assert not (args.no_echo or args.open or args.quiet)


def _default_sigint():
    # A shell may start background jobs with SIGINT ignored; Python keeps it ignored.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_stops_cleanly(site, signum):
    """Ctrl-C or SIGTERM stops python -m wsdev with status 0, a short line, no traceback."""
    argv = ["--site", str(site), "--port", "0", "--echo-port", "0", "-q"]
    with subprocess.Popen(
        [sys.executable, "-m", "wsdev", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    ) as process:
        try:
            lines = []
            while not lines or lines[-1] not in ("Press Ctrl-C to stop.\n", ""):
                lines.append(process.stdout.readline())
            process.send_signal(signum)
            out, err = process.communicate(timeout=30)
        finally:
            process.kill()
    assert process.returncode == 0
    assert lines[-1] == "Press Ctrl-C to stop.\n"
    assert out == "Stopped.\n"
    assert err == ""
