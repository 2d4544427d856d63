"""PySide6's look at every import, made cheap.

Once PySide6 is imported, it looks at every module imported after it, to know whether the
module may select one of its `__feature__`s (snake_case, true_property): PySide6 6.11's
`shibokensupport.feature._mod_uses_pyside` calls `inspect.getsource(module)` and searches
it for "PySide6". That reads each module's source through `linecache`, which then keeps
every line of every module for the life of the process: in the source app ~950 files,
~32 MiB of RSS, and ~5-10 % of the CPU of its imports (docs/benchmarks.md, "The app's
weight"). The frozen app ships no sources, so there it costs only the failed lookups.

`read_less_source` swaps that check for one that gives the same answer from the file's
bytes, without going through linecache. Jaga selects no feature, so even a wrong answer
would only change whether PySide6 switches a selection that is always the default.
"""

from __future__ import annotations

import sys
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"


def uses_pyside(module: ModuleType) -> bool:
    """Whether the module's source file names PySide6: False without a .py file (a
    built-in, an extension, the frozen app's modules from its archive, which
    inspect.getsource could not read either)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def read_less_source() -> bool:
    """Installs `uses_pyside` in PySide6's import check; False when this PySide6 has none."""
    import PySide6.QtCore  # noqa: F401  (brings the import check)

    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        return False
    feature._mod_uses_pyside = uses_pyside
    return True
