"""Static check that site/wsclient keeps to the Python subset MicroPython runs."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent.parent / "site" / "wsclient"
MODULES = sorted(PACKAGE.glob("*.py"))

ALLOWED_MODULES = {"json", "binascii", "random", "math", "time"}
ALLOWED_FROM = {"collections": {"deque"}}
# str methods CPython has and MicroPython 1.28 lacks.
MISSING_METHODS = {
    "capitalize",
    "casefold",
    "expandtabs",
    "format_map",
    "isalnum",
    "isascii",
    "isdecimal",
    "isidentifier",
    "isnumeric",
    "isprintable",
    "ljust",
    "maketrans",
    "removeprefix",
    "removesuffix",
    "rjust",
    "swapcase",
    "title",
    "translate",
    "zfill",
}


def _own(name):
    return name == "wsclient" or name.startswith("wsclient.")


def _debug_field(source):
    """Return True if an f-string's source has a self-documenting {expr=} field."""
    i = 0
    while i < len(source):
        if source[i] == "{":
            if source[i + 1 : i + 2] == "{":
                i += 2
                continue
            depth, j = 0, i + 1
            while j < len(source):
                ch = source[j]
                if ch in "([{":
                    depth += 1
                elif ch in ")]}":
                    if not depth:
                        break
                    depth -= 1
                elif not depth and ch in "!:" and source[j + 1 : j + 2] != "=":
                    break
                j += 1
            field = source[i + 1 : j].rstrip()
            if field.endswith("=") and field[-2:-1] not in ("=", "!", "<", ">"):
                return True
            i = j
        i += 1
    return False


def _type_checking_only(tree):
    """The nodes under `if TYPE_CHECKING:`, which only a type checker reads.

    Modules set TYPE_CHECKING = False themselves, as MicroPython has no typing module.
    """
    nodes = set()
    for node in ast.walk(tree):
        test = getattr(node, "test", None)
        if isinstance(node, ast.If) and isinstance(test, ast.Name) and test.id == "TYPE_CHECKING":
            for statement in node.body:
                nodes.update(id(inner) for inner in ast.walk(statement))
    return nodes


def problems(source):
    """List what MicroPython would not run in source, one line each."""
    found = []
    tree = ast.parse(source)
    skipped = _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        where = "line %d: " % getattr(node, "lineno", 0)
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name not in ALLOWED_MODULES and not _own(alias.name):
                    found.append(where + "import " + alias.name)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = {alias.name for alias in node.names}
            allowed = node.level or _own(module) or module in ALLOWED_MODULES
            if not allowed and not names <= ALLOWED_FROM.get(module, set()):
                found.append(where + "from %s import %s" % (module, ", ".join(sorted(names))))
        elif isinstance(node, ast.JoinedStr):
            if _debug_field(ast.get_source_segment(source, node) or ""):
                found.append(where + "f-string {expr=}")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in MISSING_METHODS:
                found.append(where + "." + func.attr + "()")
            if isinstance(func, ast.Name) and func.id == "deque" and node.keywords:
                found.append(where + "deque() with keywords: pass maxlen positionally")
        elif isinstance(node, ast.Slice) and node.step is not None:
            found.append(where + "slice with a step")
    return found


@pytest.mark.parametrize("path", MODULES, ids=[path.name for path in MODULES])
def test_module_keeps_to_micropython_subset(path):
    """The module uses only what MicroPython supports."""
    assert problems(path.read_text(encoding="utf-8")) == []


def test_package_has_modules():
    """The check has modules to look at."""
    assert len(MODULES) >= 6


@pytest.mark.parametrize(
    "source",
    [
        "import typing",
        "import re",
        "import collections",
        "from collections import OrderedDict",
        "from dataclasses import dataclass",
        "from js import document",
        "import pyscript",
        "x = 1\ny = f'{x=}'",
        "x = 1\ny = f'{x = !r:>10}'",
        "'abc'.removeprefix('a')",
        "'abc'.removesuffix('c')",
        "'abc'.casefold()",
        "'abc'.isascii()",
        "'abc'.isprintable()",
        "'abc'.ljust(5)",
        "from collections import deque\nd = deque((), maxlen=3)",
        "'abc'[::-1]",
        "from typing import TYPE_CHECKING",
        "from typing import Callable",
        "TYPE_CHECKING = False\nif TYPE_CHECKING:\n    pass\nelse:\n    import typing",
    ],
)
def test_checker_flags_unsupported_code(source):
    """The checker reports code that MicroPython cannot run."""
    assert problems(source)


@pytest.mark.parametrize(
    "source",
    [
        "import json, binascii, random, math, time",
        "from collections import deque\nd = deque((), 3)",
        "from wsclient import i18n",
        "from . import i18n",
        "import wsclient.urls",
        "x = 1\ny = f'x={x} {x == 1} {x != 2} {x >= 0} {x:>{x}} {dict(a=x)}'",
        "'abc'[1:2]",
        "TYPE_CHECKING = False\nif TYPE_CHECKING:\n    from typing import Callable\n    import re",
    ],
)
def test_checker_accepts_supported_code(source):
    """The checker lets through code that MicroPython runs."""
    assert problems(source) == []
