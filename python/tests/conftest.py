"""Shared setup: tests run from the repository root, against the CLI built from the same tree."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", autouse=True)
def in_repository_root():
    # Paths are given relative to the root, as a user of the README would give them, so that
    # the package and the CLI name documents alike in `source.path`.
    before = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(before)


@pytest.fixture(scope="session")
def cli() -> str:
    """The `eurodoc` binary of this tree (EURODOC_BIN, or built in release mode)."""
    given = os.environ.get("EURODOC_BIN")
    if given:
        return given
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--bin", "eurodoc"], cwd=ROOT, check=True
    )
    return str(ROOT / "target" / "release" / "eurodoc")


def fixture_inputs() -> list[str]:
    """Every fixture's input, relative to the root; a fixture folder without one fails."""
    out = []
    for d in sorted((ROOT / "fixtures").iterdir()):
        if not d.is_dir():
            continue
        inputs = sorted(d.glob("input.*"))
        assert len(inputs) == 1, f"fixture {d.name} has {len(inputs)} input files"
        out.append(str(inputs[0].relative_to(ROOT)))
    assert out, "no fixtures found"
    return out


def batch_lines(cli: str, paths: list[str], *extra: str) -> list[dict]:
    """What `eurodoc batch` writes for `paths`, parsed, in its (path) order."""
    done = subprocess.run(
        [cli, "batch", "--quiet", *extra, *paths], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode in (0, 1), done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]
