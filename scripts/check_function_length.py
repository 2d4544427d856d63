"""No function or method in app/ longer than 60 lines (style.md, "Build widgets in small
named steps"): a long body is split into named steps, each doing one job.

A function's length runs from its `def` line (decorators not counted) to its last line,
docstring, comments and blank lines included: what a reader has to scroll through.
Nested functions count inside their parent and are checked on their own too.

    python scripts/check_function_length.py [--max N] [folder ...]   (default: 60, app)

Exits 1 and lists every function over the limit, longest first.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_LINES = 60
FOLDERS = ("app",)

Function = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True)
class LongFunction:
    path: Path
    line: int
    name: str
    lines: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.name} is {self.lines} lines"


def functions(tree: ast.AST) -> Iterator[tuple[str, Function]]:
    """Every function in the module with its qualified name (Class.method, outer.inner)."""

    def walk(node: ast.AST, prefix: str) -> Iterator[tuple[str, Function]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = f"{prefix}{child.name}"
                yield name, child
                yield from walk(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")
            else:
                yield from walk(child, prefix)

    yield from walk(tree, "")


def long_functions(path: Path, max_lines: int = MAX_LINES) -> list[LongFunction]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for name, node in functions(tree):
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        if length > max_lines:
            found.append(LongFunction(path, node.lineno, name, length))
    return found


def check(folders: list[Path], max_lines: int = MAX_LINES) -> list[LongFunction]:
    found = [
        long
        for folder in folders
        for path in sorted(folder.rglob("*.py"))
        for long in long_functions(path, max_lines)
    ]
    return sorted(found, key=lambda long: -long.lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=MAX_LINES, help="longest allowed, in lines")
    parser.add_argument("folders", nargs="*", type=Path, default=[Path(f) for f in FOLDERS])
    args = parser.parse_args(argv)
    found = check(args.folders, args.max)
    for long in found:
        print(long)
    if found:
        print(f"{len(found)} functions over {args.max} lines: split each into named steps.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
