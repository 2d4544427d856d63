"""The package tests need a built package: `make package-test` builds it and names dist/."""

from __future__ import annotations

import os

#: Without a build these are not run (not skipped one by one): `make test` stays as it was.
collect_ignore_glob = [] if os.environ.get("JAGA_PACKAGE_DIST") else ["test_*.py"]
