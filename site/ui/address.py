"""Keeps the address bar in step with the page's settings, so a link reproduces them."""

from pyscript import window

from wsclient.commands import Address

__all__ = ["AddressBar"]


class AddressBar:
    """Carries out Address: the query changes, the page and its history entry stay."""

    def handlers(self) -> dict:
        """The commands the address bar carries out."""
        return {Address: self.show}

    def show(self, command: Address) -> None:
        path = str(window.location.pathname)
        window.history.replaceState(None, "", path + command.query)
