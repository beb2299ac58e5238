"""Entry point: start the WebSocket client page."""

from ui.app import App

App().start()
