"""scripts/check_function_length.py: a function over 60 lines is named, one of 60 is not,
and all of app/ passes (the rule `make lint` runs)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location(
    "check_function_length", ROOT / "scripts" / "check_function_length.py"
)
assert _spec and _spec.loader
check_function_length = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = check_function_length  # dataclasses look their module up
_spec.loader.exec_module(check_function_length)


def function_of(name: str, lines: int, indent: str = "") -> str:
    """A function of exactly `lines` lines, `def` line included."""
    body = "".join(f"{indent}    x{i} = {i}\n" for i in range(lines - 2))
    return f"{indent}def {name}():\n{body}{indent}    return 0\n"


def test_a_function_of_61_lines_is_named_with_its_place_and_length(tmp_path):
    module = tmp_path / "pkg" / "mod.py"
    module.parent.mkdir()
    module.write_text(function_of("fits", 60) + "\n\n" + function_of("too_long", 61))

    found = check_function_length.check([tmp_path])

    assert [(f.name, f.line, f.lines) for f in found] == [("too_long", 63, 61)]
    assert str(found[0]) == f"{module}:63: too_long is 61 lines"


def test_methods_and_nested_functions_are_named_by_their_place(tmp_path):
    source = "class Window:\n" + function_of("__init__", 70, indent="    ")
    source += "\n\ndef outer():\n" + function_of("inner", 61, indent="    ") + "    return inner\n"
    (tmp_path / "mod.py").write_text(source)

    names = {f.name: f.lines for f in check_function_length.check([tmp_path])}

    assert names == {"Window.__init__": 70, "outer": 63, "outer.inner": 61}


def test_decorators_do_not_count_and_async_functions_do(tmp_path):
    (tmp_path / "mod.py").write_text(
        "import functools\n\n\n@functools.cache\n"
        + function_of("cached", 60)
        + "\n\nasync "
        + function_of("slow", 61)
    )

    assert [f.name for f in check_function_length.check([tmp_path])] == ["slow"]


def test_main_exits_1_with_the_list_and_0_when_all_fit(tmp_path, capsys):
    (tmp_path / "mod.py").write_text(function_of("too_long", 61))
    assert check_function_length.main([str(tmp_path)]) == 1
    assert "too_long is 61 lines" in capsys.readouterr().out
    assert check_function_length.main(["--max", "61", str(tmp_path)]) == 0


def test_every_function_in_app_is_at_most_60_lines():
    assert [str(f) for f in check_function_length.check([ROOT / "app"])] == []
