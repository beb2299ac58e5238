"""What the tests do on the page the way a user does it."""

__all__ = ["send"]


def send(page, text):
    """Type text into #message and press Enter, as the user sends a message."""
    page.fill("#message", text)
    page.press("#message", "Enter")
