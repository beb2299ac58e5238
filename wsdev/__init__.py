"""Dev server for the site: static files plus an embedded WebSocket echo server."""

from .echo import EchoServer
from .http import make_http_server

__all__ = ["EchoServer", "make_http_server"]
