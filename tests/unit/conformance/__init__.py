"""Conformance cases of site/wsclient: one table per module, the same on every interpreter.

tests/unit/test_conformance.py runs them on CPython and on MicroPython; its
docstring gives the shape of a case file.
"""
