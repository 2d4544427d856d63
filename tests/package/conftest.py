"""The package tests need a built package: `make package-test` builds it and names dist/."""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest

from app import __version__

#: Without a build these are not run (not skipped one by one): `make test` stays as it was.
collect_ignore_glob = [] if os.environ.get("JAGA_PACKAGE_DIST") else ["test_*.py"]

DIST = Path(os.environ.get("JAGA_PACKAGE_DIST", "dist"))


def only(pattern: str) -> Path:
    found = sorted(DIST.glob(pattern))
    assert len(found) == 1, f"expected one {pattern} in {DIST}, found {found}"
    return found[0]


@pytest.fixture(scope="session")
def unpacked(tmp_path_factory) -> Path:
    """The tarball unpacked as a user would: its `jaga` executable."""
    folder = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(only(f"jaga-{__version__}-linux-*.tar.gz")) as tar:
        tar.extractall(folder, filter="tar")
    return folder / "jaga" / "jaga"
