"""Static file server for the site folder."""

from __future__ import annotations

import contextlib
import functools
import html
import io
import os
import posixpath
import sys
import threading
import urllib.parse
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from wsdev import bytecode
from wsdev.net import listen

__all__ = ["make_http_server", "serving"]

_PLACEHOLDER = b'<meta name="default-server" content="">'

_DEFAULT_TYPE = "application/octet-stream"

# Escape control characters in logged paths, as http.server does.
_CONTROL_CHARS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}


class _Handler(SimpleHTTPRequestHandler):
    """Serve files from ``directory`` with exact types, revalidated at every use.

    ``Cache-Control: no-cache`` with an ETag: the browser asks again for every file
    each time, so an edited file shows at the next reload, and an unchanged one costs
    a 304 and keeps what the browser made of it (compiled JavaScript and WebAssembly).
    """

    # Keep-alive: the page starts with some 20 requests, and a new TCP connection
    # for each would sit on the critical path of its start.
    protocol_version = "HTTP/1.1"

    # Headers and body go out in two writes: with Nagle's algorithm on, the body
    # waits for the client's delayed ACK of the headers, 40 ms on Linux, per request.
    disable_nagle_algorithm = True

    # A new dict: SimpleHTTPRequestHandler.extensions_map is shared.
    extensions_map = {
        ".css": "text/css; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript",
        ".json": "application/json",
        ".mjs": "text/javascript",
        ".mpy": "application/octet-stream",
        ".pack": "application/octet-stream",
        ".png": "image/png",
        ".py": "text/x-python; charset=utf-8",
        ".svg": "image/svg+xml",
        ".toml": "application/toml; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".wasm": "application/wasm",
        ".zip": "application/zip",
    }

    def __init__(self, *args, echo_url=None, quiet=False, **kwargs):
        self.echo_url = echo_url
        self.quiet = quiet
        super().__init__(*args, **kwargs)

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def guess_type(self, path):
        # No fallback to the mimetypes module: its answers depend on the machine.
        ext = posixpath.splitext(path)[1].lower()
        return self.extensions_map.get(ext, _DEFAULT_TYPE)

    def send_head(self):
        path = self._local_path()
        if path is not None and path.endswith((".mpy", ".pack")) and not self._bytecode_ready(path):
            return None
        is_dir = path is not None and os.path.isdir(path)
        if is_dir:
            path = self._contained(os.path.join(path, "index.html"))
        if path is None or not os.path.isfile(path):
            # Directory listings are off: a folder without index.html is a 404.
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        if is_dir and not self.path.split("?", 1)[0].endswith("/"):
            return self._redirect_to_directory()
        if self.echo_url is not None and path == os.path.join(self.directory, "index.html"):
            return self._send_index(path)
        return self._send_file(path)

    def log_request(self, code="-", size="-"):
        if self.quiet:
            return
        command = getattr(self, "command", None) or "-"
        path = getattr(self, "path", "-").translate(_CONTROL_CHARS)
        sys.stderr.write(f"{command} {path} {getattr(code, 'value', code)}\n")

    def log_error(self, format, *args):
        # log_request() already writes one line per response, errors included.
        pass

    def _local_path(self):
        """Return the file that the request path names, or None if it's outside the folder."""
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = urllib.parse.unquote(path)
        if "\x00" in path or "\\" in path:
            return None
        parts = [part for part in path.split("/") if part not in ("", ".")]
        if ".." in parts:
            return None
        return self._contained(os.path.join(self.directory, *parts))

    def _bytecode_ready(self, path):
        """Bring a pack or a .mpy up to date with the modules; else answer 500, return False."""
        relative = os.path.relpath(path, self.directory)
        if relative == os.path.join(bytecode.FOLDER, bytecode.SOURCE_PACK):
            try:
                bytecode.source_pack(self.directory)  # reads the sources: nothing to compile
            except OSError as exc:
                self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR, f"cannot pack the modules: {exc}")
                return False
            return True
        source = bytecode.source_of(self.directory, relative)
        is_pack = relative == os.path.join(bytecode.FOLDER, bytecode.PACK)
        if source is None and not is_pack:
            return True  # not a module's bytecode: served as any file, or 404
        try:
            if is_pack:
                self.server.bytecode.current_pack()
            else:
                self.server.bytecode.current(source)
        except FileNotFoundError:  # the module was deleted just now
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return False
        except bytecode.BytecodeError as exc:
            self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc).splitlines()[0])
            return False
        return True

    def _contained(self, path):
        """Return the real path of ``path`` if it lies inside the folder, else None."""
        real = os.path.realpath(path)
        if real != self.directory and not real.startswith(self.directory + os.sep):
            return None
        return real

    def _redirect_to_directory(self):
        parts = urllib.parse.urlsplit(self.path)
        location = urllib.parse.urlunsplit(("", "", parts.path + "/", parts.query, ""))
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return None

    def _send_index(self, path):
        with open(path, "rb") as f:
            body = f.read()
        meta = f'<meta name="default-server" content="{html.escape(self.echo_url)}">'
        body = body.replace(_PLACEHOLDER, meta.encode())
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _send_file(self, path):
        try:
            f = open(path, "rb")
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        try:
            stat = os.fstat(f.fileno())
            # Last-Modified has whole seconds: an edit within the second would not show.
            etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
            if etag in _tags(self.headers.get("If-None-Match", "")):
                f.close()
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("ETag", etag)
                self.end_headers()
                return None
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Length", str(stat.st_size))
            self.send_header("ETag", etag)
            self.end_headers()
        except BaseException:
            f.close()
            raise
        return f


def _tags(header):
    """The entity tags an If-None-Match header lists (weak ones as if strong)."""
    return {tag.strip().removeprefix("W/") for tag in header.split(",")}


class _Server(ThreadingHTTPServer):
    """Threading HTTP server for any address family that stays quiet on disconnects.

    It also keeps the folder's MicroPython bytecode up to date, from its own thread.
    """

    # socketserver's default of 5 is short for a page that fetches dozens of files at once.
    request_queue_size = 64

    def __init__(self, address, handler, directory):
        self.bytecode = bytecode.Builder(directory)
        super().__init__(address, handler)
        self.bytecode.start()

    def server_bind(self):
        # The placeholder socket that TCPServer made gives way to one bound like the echo
        # server's. Skip HTTPServer.server_bind: its socket.getfqdn() may wait on DNS.
        self.socket.close()
        self.socket = listen(*self.server_address, backlog=self.request_queue_size)
        self.address_family = self.socket.family
        self.server_address = self.socket.getsockname()
        self.server_name, self.server_port = self.server_address[:2]

    def server_activate(self):
        pass  # listen() already listens

    def server_close(self):
        super().server_close()
        self.bytecode.stop()

    def handle_error(self, request, client_address):
        # BrokenPipeError, ConnectionResetError: the browser went away.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_http_server(directory, host="127.0.0.1", port=0, echo_url=None, quiet=False):
    """Return a bound HTTP server for ``directory``, not serving yet.

    Run ``serve_forever()`` in a thread; stop with ``shutdown()`` then
    ``server_close()``. The folder's modules are compiled to MicroPython bytecode
    before this returns, so a copy of the folder served elsewhere has it too, and
    again whenever one changes until ``server_close()``.

    Args:
        directory: Folder to serve. Nothing outside it is ever served.
        host: Interface to listen on.
        port: TCP port; 0 picks a free one.
        echo_url: URL written into ``<meta name="default-server">`` in the
            folder's ``index.html``. None serves the file unchanged.
        quiet: Don't log requests.

    Raises:
        NotADirectoryError: If ``directory`` isn't a directory.
        OSError: If the address can't be bound, e.g. the port is taken.

    """
    root = os.path.realpath(directory)
    if not os.path.isdir(root):
        raise NotADirectoryError(f"not a directory: {directory}")
    handler = functools.partial(_Handler, directory=root, echo_url=echo_url, quiet=quiet)
    return _Server((host, port), handler, root)


@contextlib.contextmanager
def serving(directory, echo_url=None):
    """Serve directory quietly on 127.0.0.1, a free port, in a thread; yield its base URL."""
    server = make_http_server(directory, echo_url=echo_url, quiet=True)
    thread = threading.Thread(target=server.serve_forever, name="wsdev-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
