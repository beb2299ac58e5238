"""Variables in a message: `{{name}}` is filled in when the user presses Send.

The grammar, all of it:
- `{{name}}` is replaced by the variable's value. A name is a letter or `_`, then
  letters, digits, `_`, `-` or `.`; blanks just inside the braces are allowed:
  `{{ name }}`. A name nobody defined is an error that names it, and nothing is sent.
- `{{$name}}` is a built-in: `$timestamp` (milliseconds since 1970), `$isoTimestamp`,
  `$uuid` (version 4), `$randomInt` (0 to 1000) and `$counter` (1, 2, 3… per page).
- `{{{{` is a literal `{{`, so `{{{{name}}` sends `{{name}}` as it is.
- Any other `{{`, and every `}}`, is text: JSON such as `{"a": {"b": {}}}` needs no
  escape.

Text without `{{` comes back as it is, the same object.
"""

import json

from wsclient.errors import error_at
from wsclient.export import iso_time
from wsclient.varnames import valid_name

__all__ = ["BUILT_INS", "RANDOM_BYTES", "Fill", "Variables", "fill", "uuid4", "valid_name"]

BUILT_INS = ("$timestamp", "$isoTimestamp", "$uuid", "$randomInt", "$counter")
# How many random bytes one fill may use: 16 for a UUID, 2 for a random integer.
RANDOM_BYTES = 18
_HEX = "0123456789abcdef"


class Fill:
    """What a fill may read besides the user's variables: the clock, randomness, a counter.

    The shell reads the wall clock and the browser's random source at the moment of
    the send; the core keeps the counter, so `{{$counter}}` counts per page session.
    """

    def __init__(self, now_ms: float, random: bytes, counter: int) -> None:
        self.now_ms = now_ms
        self.random = random
        self.counter = counter
        self.counted = False  # whether this fill used $counter (then it moves on)

    def built_in(self, name: str) -> "str | None":
        """The value of the built-in name (with its `$`), or None if there is none."""
        if name == "$timestamp":
            return str(int(self.now_ms))
        if name == "$isoTimestamp":
            return iso_time(self.now_ms)
        if name == "$uuid":
            return uuid4(self.random[:16])
        if name == "$randomInt":
            return str((self.random[16] << 8 | self.random[17]) % 1001)
        if name == "$counter":
            self.counted = True
            return str(self.counter)
        return None


def fill(text: str, values: "dict[str, str]", extra: "Fill | None" = None) -> str:
    """Fill in the variables of text from values and the built-ins.

    Raises:
        InputError: "vars.unknown" with the name and where it is, for a variable that
        values does not hold (or a built-in when extra is None).
    """
    start = text.find("{{")
    if start < 0:
        return text
    parts = []
    done = 0
    while start >= 0:
        if text.startswith("{{{{", start):
            parts.append(text[done : start + 2])
            done = start + 4
            start = text.find("{{", done)
            continue
        end = text.find("}}", start + 2)
        name = text[start + 2 : end].strip() if end >= 0 else ""
        is_built_in = name[:1] == "$" and valid_name(name[1:])
        if not (is_built_in or valid_name(name)):
            start = text.find("{{", start + 1)  # not a variable: text
            continue
        value = values.get(name) if not is_built_in else None
        if is_built_in and extra is not None:
            value = extra.built_in(name)
        if value is None:
            raise error_at("vars.unknown", text, start, name=name)
        parts.append(text[done:start])
        parts.append(value)
        done = end + 2
        start = text.find("{{", done)
    parts.append(text[done:])
    return "".join(parts)


def uuid4(random: bytes) -> str:
    """A version 4 UUID (RFC 9562) from 16 random bytes."""
    data = bytearray(random)
    data[6] = data[6] & 0x0F | 0x40
    data[8] = data[8] & 0x3F | 0x80
    digits = "".join(_HEX[b >> 4] + _HEX[b & 15] for b in data)
    return "-".join((digits[:8], digits[8:12], digits[12:16], digits[16:20], digits[20:]))


class Variables:
    """The variables table: its rows as the user left them, and the values they define.

    A row is [name, value]. A row with no name and no value is a new, empty one. A row
    whose name is not a valid name, or repeats an earlier row's, defines nothing and
    is marked with what is wrong; the others define their variable.
    """

    def __init__(self) -> None:
        self.rows: "list[list[str]]" = []
        self.values: "dict[str, str]" = {}
        self.counter = 0  # the last $counter sent
        self._counted = False  # whether the last fill used $counter

    @staticmethod
    def loads(text: str) -> "Variables":
        """The table as dumps() kept it.

        Raises:
            ValueError: text is not a list of [name, value] pairs of strings.
        """
        rows = json.loads(text)
        if not isinstance(rows, list):
            raise ValueError("not a list")
        for row in rows:
            if not (
                isinstance(row, list)
                and len(row) == 2
                and isinstance(row[0], str)
                and isinstance(row[1], str)
            ):
                raise ValueError("not a [name, value] pair: %r" % (row,))
        table = Variables()
        table.edit(rows)
        return table

    def dumps(self) -> str:
        """The rows, for storage: what loads() reads back."""
        return json.dumps(self.rows)

    def edit(self, rows: "list[list[str]]") -> "list[list[object]]":
        """Take the table as the user left it; return [row number, i18n key, name] per fault."""
        self.rows = [[name, value] for name, value in rows]
        values: "dict[str, str]" = {}
        faults: "list[list[object]]" = []
        for i, (name, value) in enumerate(self.rows):
            name = name.strip()
            if not name and not value:
                continue
            if not name:
                faults.append([i, "vars.no_name", name])
            elif not valid_name(name):
                faults.append([i, "vars.bad_name", name])
            elif name in values:
                faults.append([i, "vars.repeated", name])
            else:
                values[name] = value
        self.values = values
        return faults

    def fill(self, text: str, now_ms: float, random: bytes) -> str:
        """text with its variables filled in (see fill()), for a send.

        `$counter` is the last one sent plus one; it moves on once sent() says the
        message went out, so a send refused for its format does not count.

        Raises:
            InputError: "vars.unknown", for a name the table does not define.
        """
        extra = Fill(now_ms, random, self.counter + 1)
        filled = fill(text, self.values, extra)
        self._counted = extra.counted
        return filled

    def sent(self) -> None:
        """The text of the last fill() was sent."""
        if self._counted:
            self.counter += 1
            self._counted = False
