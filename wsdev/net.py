"""The listening socket both servers use: any address family, "::" accepting IPv4 too."""

import socket

__all__ = ["listen"]


def listen(host: str, port: int, backlog: int) -> socket.socket:
    """Return a socket bound to the first address ``host`` resolves to, already listening.

    Like http.server's DualStackServer, an IPv6 socket accepts IPv4 connections too
    where the system allows it, so "::" means every interface of both families.

    Raises:
        OSError: If the address can't be bound, e.g. the port is taken.

    """
    family = socket.getaddrinfo(
        host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0][0]
    dualstack = family == socket.AF_INET6 and socket.has_dualstack_ipv6()
    return socket.create_server(
        (host, port), family=family, backlog=backlog, dualstack_ipv6=dualstack
    )
