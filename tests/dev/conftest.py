"""Fixtures for the dev server tests: a site folder and servers on port 0."""

import http.client
import threading

import pytest

from wsdev import EchoServer, make_http_server

PLACEHOLDER = '<meta name="default-server" content="">'
INDEX = f"""<!doctype html>
<html>
<head>
  {PLACEHOLDER}
  <title>test page</title>
</head>
<body></body>
</html>
"""
SECRET = b"the secret outside the site folder"

# File name -> content for every type the server knows, plus an unknown one.
FILES = {
    "app.js": b"console.log('js');\n",
    "module.mjs": b"export const x = 1;\n",
    "module.wasm": b"\x00asm\x01\x00\x00\x00",
    "main.py": b"print('py')\n",
    "pyscript.toml": b'name = "test"\n',
    "data.json": b"{}\n",
    "style.css": b"body {}\n",
    "page.html": b"<p>page</p>\n",
    "bundle.zip": b"PK\x05\x06" + bytes(18),
    "image.png": b"\x89PNG\r\n\x1a\n",
    "image.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    "notes.txt": b"notes\n",
    "blob.xyz": b"\x01\x02\x03",
}


@pytest.fixture
def site(tmp_path):
    """Site folder with index.html, one file per type, and a secret next to it."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text(INDEX, encoding="utf-8")
    for name, content in FILES.items():
        (root / name).write_bytes(content)
    (root / "empty").mkdir()
    (root / "docs").mkdir()
    (root / "docs" / "index.html").write_text("<p>docs</p>\n", encoding="utf-8")
    (root / "outside").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "secret.txt").write_bytes(SECRET)
    return root


@pytest.fixture
def start_http():
    """Start HTTP servers on port 0 in threads; shut them all down afterwards."""
    running = []

    def start(directory, echo_url=None, quiet=True):
        server = make_http_server(directory, echo_url=echo_url, quiet=quiet)
        # A short poll interval makes shutdown() return quickly.
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        running.append((server, thread))
        return server

    yield start
    for server, thread in running:
        server.shutdown()
        thread.join()
        server.server_close()


@pytest.fixture
def echo_server():
    """Echo server on a free port."""
    with EchoServer() as server:
        yield server


def request(server, path, method="GET", headers=None):
    """Send ``path`` as is to a server or a local port; return (status, headers, body)."""
    port = server if isinstance(server, int) else server.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()
