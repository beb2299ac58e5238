"""The browser shell: the only code that touches `js`, the DOM and the WebSocket object."""
