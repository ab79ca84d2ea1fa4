"""Shared setup: tests run from the repository root, against the CLI built from the same tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


def shared_dir() -> Path:
    """The evaluation kit's shared folder: $EURODOC_SHARED, else ../shared beside the root."""
    return Path(os.environ.get("EURODOC_SHARED") or ROOT.parent / "shared")


def shared_required() -> bool:
    """`.ci/run` sets EURODOC_REQUIRE_SHARED: there, a missing shared document is a failure."""
    return os.environ.get("EURODOC_REQUIRE_SHARED", "") not in ("", "0")


def shared_file(rel: str) -> str | None:
    """A document of the shared folder, as a path from the root, or None when it is absent
    (then a test skips, unless the shared folder is required)."""
    path = shared_dir() / rel
    if path.is_file():
        return os.path.relpath(path, ROOT)
    if shared_required():
        raise RuntimeError(f"EURODOC_REQUIRE_SHARED is set but {path} is missing")
    return None


def shared_or_skip(rel: str) -> str:
    path = shared_file(rel)
    if path is None:
        pytest.skip(f"{rel} is not in the shared folder {shared_dir()} (the real documents are "
                    "not in the repository; set EURODOC_SHARED)")
    return path


def fixture_inputs() -> list[str]:
    """Every fixture's input, relative to the root: its own `input.*`, or the shared document
    its `input.shared` names (left out, with a line saying so, when the shared folder is
    absent). A fixture folder without an input fails."""
    out, missing = [], []
    for d in sorted((ROOT / "fixtures").iterdir()):
        if not d.is_dir():
            continue
        inputs = sorted(d.glob("input.*"))
        assert len(inputs) == 1, f"fixture {d.name} has {len(inputs)} input files"
        if inputs[0].name == "input.shared":
            rel = inputs[0].read_text(encoding="utf-8").strip()
            path = shared_file(rel)
            if path is None:
                missing.append(d.name)
            else:
                out.append(path)
        else:
            out.append(str(inputs[0].relative_to(ROOT)))
    if missing:
        print(f"conftest: {len(missing)} fixtures over shared documents left out "
              f"({shared_dir()} is absent): {', '.join(missing)}", file=sys.stderr)
    assert out, "no fixtures found"
    return out


def batch_lines(cli: str, paths: list[str], *extra: str) -> list[dict]:
    """What `eurodoc batch` writes for `paths`, parsed, in its (path) order."""
    done = subprocess.run(
        [cli, "batch", "--quiet", *extra, *paths], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode in (0, 1), done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]
