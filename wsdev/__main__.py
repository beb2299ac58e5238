"""Serve the site folder and an embedded WebSocket echo server: ``python -m wsdev``."""

from __future__ import annotations

import argparse
import contextlib
import errno
import ipaddress
import os
import signal
import sys
import threading
import webbrowser
from pathlib import Path

from .echo import EchoServer, _url_host
from .http import make_http_server

__all__ = ["listens_everywhere", "main", "parse_args", "serve"]

SITE = Path(__file__).resolve().parent.parent / "site"


def main(argv=None) -> int:
    """Run the dev server until Ctrl-C; return the exit code."""
    return serve(parse_args(argv))


def parse_args(argv=None) -> argparse.Namespace:
    """Parse the command line; exit with status 2 on bad arguments."""
    parser = argparse.ArgumentParser(
        prog="python -m wsdev",
        description="Serve the site folder and a WebSocket echo server for it.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="interface to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=_port, default=8000, help="HTTP port; 0 picks a free one (default: 8000)"
    )
    parser.add_argument(
        "--echo-port",
        type=_port,
        default=8765,
        help="echo server port; 0 picks a free one (default: 8765)",
    )
    parser.add_argument("--no-echo", action="store_true", help="don't start the echo server")
    parser.add_argument("--open", action="store_true", help="open the page in a web browser")
    parser.add_argument(
        "--site", default=str(SITE), help="folder to serve (default: the repository's site/)"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="don't log requests and connections"
    )
    return parser.parse_args(argv)


def serve(args, ready=None, stop=None) -> int:
    """Run both servers until ``stop`` is set, Ctrl-C or SIGTERM; return the exit code.

    Args:
        args: Options from :func:`parse_args`.
        ready: Event set once both servers listen and their URLs are printed.
        stop: Event that shuts the servers down when set.

    """
    site = os.path.abspath(args.site)
    problem = _site_problem(site)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if listens_everywhere(args.host):
        print(
            f"Warning: listening on all interfaces ({args.host or 'empty host'}); "
            "other machines on the network can reach these servers.",
            file=sys.stderr,
        )

    servers = _start_servers(args, site)
    if servers is None:
        return 1
    echo, httpd = servers
    thread = threading.Thread(target=httpd.serve_forever, name="wsdev-http", daemon=True)
    thread.start()
    try:
        # Handle SIGTERM before the banner tells anyone that the servers are up.
        with _sigterm_interrupts():
            url = _announce(args, site, httpd, echo)
            if args.open:
                webbrowser.open(url)
            if ready is not None:
                ready.set()
            stop = stop or threading.Event()
            # A timeout keeps Ctrl-C working on Windows, where wait() can't be interrupted.
            while not stop.wait(1):
                pass
    except KeyboardInterrupt:
        pass
    finally:
        httpd.shutdown()
        thread.join()
        httpd.server_close()
        if echo is not None:
            echo.stop()
    print("Stopped.", flush=True)
    return 0


def listens_everywhere(host: str) -> bool:
    """Tell whether binding ``host`` accepts connections on all interfaces."""
    if not host:
        return True
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"invalid port: {value!r}")
    return port


def _site_problem(site: str) -> str | None:
    if not os.path.exists(site):
        return f"Site folder {site} doesn't exist; pass the right one with --site."
    if not os.path.isdir(site):
        return f"Site folder {site} isn't a folder; pass the right one with --site."
    if not os.path.isfile(os.path.join(site, "index.html")):
        return f"Site folder {site} has no index.html; pass the right one with --site."
    return None


def _bind_error(exc: OSError, host: str, port: int, option: str) -> str:
    where = host or "all interfaces"
    if exc.errno == errno.EADDRINUSE:
        return f"Port {port} on {where} is already in use; pick another with {option}."
    return f"Cannot listen on {where} port {port}: {exc.strerror or exc}."


def _display(path: str) -> str:
    """Return ``path`` relative to the working directory when it lies below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # Another drive on Windows.
        relative = path
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        relative = path
    return os.path.join(relative, "")


def _start_servers(args, site):
    """Start the echo server and bind the HTTP server; on failure, say why and return None."""
    echo = None
    if not args.no_echo:
        echo = EchoServer(args.host, args.echo_port, verbose=not args.quiet)
        try:
            echo.start()
        except OSError as exc:
            print(_bind_error(exc, args.host, args.echo_port, "--echo-port"), file=sys.stderr)
            return None
    try:
        httpd = make_http_server(
            site, args.host, args.port, echo_url=echo.url if echo else None, quiet=args.quiet
        )
    except OSError as exc:
        if echo is not None:
            echo.stop()
        print(_bind_error(exc, args.host, args.port, "--port"), file=sys.stderr)
        return None
    return echo, httpd


def _announce(args, site, httpd, echo) -> str:
    """Print what is served where; return the page's URL."""
    url = f"http://{_url_host(args.host)}:{httpd.server_address[1]}/"
    print(f"Serving {_display(site)} at {url}")
    if echo is not None:
        print(f"Echo server at {echo.url} (the page's default server)")
    print("Press Ctrl-C to stop.", flush=True)
    return url


@contextlib.contextmanager
def _sigterm_interrupts():
    """Make SIGTERM raise KeyboardInterrupt, like Ctrl-C, in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


if __name__ == "__main__":
    sys.exit(main())
