"""The client's pure-Python core: no browser, runs on CPython, MicroPython and Pyodide."""

__all__ = []
