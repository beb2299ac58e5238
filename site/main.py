"""Entry point: start the WebSocket client page.

The page's modules arrive as one file, app.pack (one request instead of forty:
wsdev/bytecode.py writes it and says why), and are unpacked here, before the first
import: bytecode under MicroPython, the .py files under Pyodide.
"""

PACK = "app.pack"


def unpack(path):
    """Write each module that the pack at path holds into the file system, as <package>/<name>."""
    import os

    with open(path, "rb") as f:
        data = f.read()
    at = 0
    while at < len(data):
        end = data.index(b"\n", at)
        name = data[at:end].decode()
        at = data.index(b"\n", end + 1) + 1
        size = int(data[end + 1 : at - 1].decode())
        try:
            os.mkdir(name.split("/")[0])
        except OSError:
            pass  # made for an earlier module of its package
        with open(name, "wb") as f:
            f.write(data[at : at + size])
        at += size


unpack(PACK)

from ui.app import App  # noqa: E402

App().start()
