"""wsclient.scripts and scripttab: the named scripts, kept in storage, and the examples."""

import json

from wsclient import scriptexamples
from wsclient.errors import InputError
from wsclient.scriptdata import ScriptChange, ScriptEdited, ScriptFile
from wsclient.scripts import Scripts, read_file
from wsclient.scripttab import ScriptTab


def _error(function):
    try:
        function()
    except InputError as exc:
        return [exc.key, exc.params]
    return None


def _new_and_rename():
    scripts = Scripts()
    scripts.edit("a = 1")
    scripts.add()
    scripts.add("x", "eco")
    scripts.add("y", "eco")
    names = scripts.names()
    errors = [_error(lambda: scripts.rename(" ")), _error(lambda: scripts.rename("eco"))]
    errors.append(_error(lambda: scripts.rename("x" * 61)))
    scripts.rename("  meu teste ")
    return [names, errors, scripts.names(), scripts.chosen]


def _delete_and_restore():
    scripts = Scripts()
    scripts.add("b")
    scripts.add("c")
    scripts.choose(1)
    gone = scripts.delete()
    after = [scripts.names(), scripts.chosen]
    scripts.restore(gone, 1)
    return [gone, after, scripts.names(), scripts.chosen]


def _delete_the_last():
    scripts = Scripts()
    scripts.edit("print(1)")
    gone = scripts.delete()
    stand_in = [scripts.items, scripts.chosen]
    scripts.restore(gone, 0)
    return [stand_in, scripts.items]


def _round_trip():
    scripts = Scripts()
    scripts.add("b = 2")
    return Scripts.loads(scripts.dumps()).items + [Scripts.loads(scripts.dumps()).chosen]


def _garbage():
    texts = [
        "[]",
        "{}",
        '{"scripts": []}',
        '{"scripts": [["", "x"]]}',
        '{"scripts": [["a", "x"], ["a", "y"]]}',
        '{"scripts": [["a", 1]]}',
    ]
    out = []
    for text in texts:
        try:
            Scripts.loads(text)
            out.append("read")
        except ValueError:
            out.append("refused")
    chosen = Scripts.loads('{"scripts": [["a", ""]], "chosen": 9}').chosen
    return [out, chosen]


def _tab_flow():
    out = []
    tab = ScriptTab("en", out)
    tab.load("")
    tab.edited(ScriptEdited("send('x')"))
    tab.change(ScriptChange("example", name="auto_reply"))
    tab.change(ScriptChange("rename", name="script 1"))
    tab.change(ScriptChange("delete"))
    tab.change(ScriptChange("undo"))
    shown = []
    for command in out:
        name = type(command).__name__
        if name == "Store":  # JSON, whose key order differs between interpreters
            shown.append([name, command.key, json.loads(command.text)])
        elif name != "EditorText":
            shown.append(command.as_list())
    return shown


def _tab_bad_storage():
    """The notice names the error (in the interpreter's words), then the list shows."""
    out = []
    ScriptTab("pt-BR", out).load("{")
    notice = out[0].text
    return [
        notice.startswith("Os scripts guardados não puderam ser lidos ("),
        notice.endswith("): começa um novo."),
        out[1].as_list(),
    ]


def _file_round_trip():
    scripts = Scripts()
    scripts.edit("a = 1")
    scripts.add("b = 2", "dois")
    return read_file(scripts.export())


def _bad_files():
    texts = [
        "{",
        "[]",
        '{"scripts": []}',
        '{"scripts": [{"name": "a", "source": "x"}, {"name": ""}]}',
    ]
    return [_error(lambda text=text: read_file(text)) for text in texts]


def _import_adds():
    out = []
    tab = ScriptTab("en", out)
    tab.load('{"chosen": 0, "scripts": [["mine", "keep me"]]}')
    out.clear()
    tab.file(
        ScriptFile('{"scripts": [{"name": "mine", "source": "new"}, {"name": "b", "source": ""}]}')
    )
    return [tab.scripts.items, tab.scripts.chosen, out[-2].as_list()]


AUTO = ["auto-reply (ping → pong)", scriptexamples.source("auto_reply")]

CASES = [
    (
        "export and read_file round trip",
        _file_round_trip,
        [["script 1", "a = 1"], ["dois", "b = 2"]],
    ),
    (
        "bad files are refused with what is wrong",
        _bad_files,
        [
            ["script.file_json", {}],
            ["script.file_shape", {}],
            ["script.file_empty", {}],
            ["script.file_item", {"count": 2}],
        ],
    ),
    (
        "an import adds new scripts under free names and replaces nothing",
        _import_adds,
        [
            [["mine", "keep me"], ["mine 2", "new"], ["b", ""]],
            1,
            [
                "ScriptNotice",
                "2 scripts imported, as new ones. Read them: they run on Run only.",
                False,
                False,
            ],
        ],
    ),
    (
        "new scripts get free names; a rename is checked",
        _new_and_rename,
        [
            ["script 1", "script 2", "eco", "eco 2"],
            [
                ["script.name_blank", {}],
                ["script.name_taken", {"name": "eco"}],
                ["script.name_long", {"limit": 60}],
            ],
            ["script 1", "script 2", "eco", "meu teste"],
            3,
        ],
    ),
    (
        "delete chooses the one before; restore puts it back",
        _delete_and_restore,
        [["script 2", "b"], [["script 1", "script 3"], 0], ["script 1", "script 2", "script 3"], 1],
    ),
    (
        "deleting the only script leaves an empty one, undone by restore",
        _delete_the_last,
        [[[["script 1", ""]], 0], [["script 1", "print(1)"]]],
    ),
    ("dumps and loads", _round_trip, [["script 1", ""], ["script 2", "b = 2"], 1]),
    (
        "loads refuses what dumps never writes",
        _garbage,
        [["refused", "refused", "refused", "refused", "refused", "refused"], 0],
    ),
    (
        "five examples, each a script",
        lambda: [bool(scriptexamples.source(k)) for k, _ in scriptexamples.EXAMPLES],
        [True] * 5,
    ),
    (
        "the tab: load, edit, example, a taken name, delete, undo",
        _tab_flow,
        [
            ["ScriptList", ["script 1"], 0],
            ["Store", "pyws.scripts", {"chosen": 0, "scripts": [["script 1", "send('x')"]]}],
            ["ScriptList", ["script 1", "auto-reply (ping → pong)"], 1],
            [
                "ScriptNotice",
                "Example opened as a new script: read it, then press Run.",
                False,
                False,
            ],
            ["Store", "pyws.scripts", {"chosen": 1, "scripts": [["script 1", "send('x')"], AUTO]}],
            ["ScriptNotice", "There is a script called “script 1” already.", False, True],
            ["ScriptList", ["script 1"], 0],
            ["ScriptNotice", "Script “auto-reply (ping → pong)” deleted.", True, False],
            ["Store", "pyws.scripts", {"chosen": 0, "scripts": [["script 1", "send('x')"]]}],
            ["ScriptList", ["script 1", "auto-reply (ping → pong)"], 1],
            ["ScriptNotice", None, False, False],
            ["Store", "pyws.scripts", {"chosen": 1, "scripts": [["script 1", "send('x')"], AUTO]}],
        ],
    ),
    (
        "unreadable storage is said, and the tab starts afresh",
        _tab_bad_storage,
        [True, True, ["ScriptList", ["script 1"], 0]],
    ),
]
