"""The protocol servers' fixtures (tests/protocols/fixtures.py), for the tests here."""

from tests.protocols.fixtures import aedes, graphql_server, mosquitto, socketio_server

__all__ = ["aedes", "graphql_server", "mosquitto", "socketio_server"]
