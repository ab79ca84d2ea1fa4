"""The Python package gives what the CLI gives, keeps the batch contract, and survives bad
input without taking the interpreter down."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

import eurodoc
from conftest import ROOT, batch_lines, fixture_inputs, shared_or_skip

FIXTURES = fixture_inputs()


@pytest.fixture(scope="module")
def cli_results(cli) -> dict:
    """`eurodoc batch` over every fixture, by path."""
    lines = batch_lines(cli, FIXTURES)
    assert len(lines) == len(FIXTURES)
    return {line["source"]["path"]: line for line in lines}


@pytest.mark.parametrize("path", FIXTURES)
def test_extract_equals_the_cli(path, cli_results):
    assert eurodoc.extract(path) == cli_results[path]


@pytest.mark.parametrize("path", FIXTURES)
def test_bytes_with_a_name_equal_the_path(path, cli_results):
    data = Path(path).read_bytes()
    assert eurodoc.extract(data, name=path) == cli_results[path]
    assert json.loads(eurodoc.extract_json((path, data))) == cli_results[path]


def test_the_readme_example():
    # The README's one-liner, in a fresh interpreter.
    code = "import eurodoc; print(eurodoc.extract('fixtures/com-2013-179/input.md')['metadata'])"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "'council_number': '8410/13'" in out.stdout


def test_quality_is_in_the_dict(cli_results):
    """Every result says where it cannot be trusted, in the kinds the schema documents."""
    kinds = {
        alt["const"]: alt["description"]
        for alt in eurodoc.schema()["$defs"]["AnomalyKind"]["oneOf"]
    }
    assert {"footnote-gap", "heading-skip", "id-era"} <= set(kinds)
    assert all(kinds.values())
    seen = set()
    for path in FIXTURES:
        quality = eurodoc.extract(path)["quality"]
        assert quality == cli_results[path]["quality"]
        for anomaly in quality:
            assert anomaly["kind"] in kinds
            assert anomaly["count"] >= len(anomaly["places"]) >= 1
            assert len(anomaly["places"]) <= 20
            seen.add(anomaly["kind"])
    # The pdftotext fixture lost two footnote bodies: the gap and the calls are named.
    text = next(p for p in FIXTURES if p.endswith("com-2013-179-pdftotext/input.txt"))
    found = {a["kind"]: a for a in cli_results[text]["quality"]}
    assert found["call-without-body"]["count"] == 2
    assert {p["footnote"] for p in found["call-without-body"]["places"]} == {7, 21}
    assert "quality" in eurodoc.__doc__


def test_results_come_in_input_order(cli_results):
    paths = FIXTURES * 3
    random.Random(7).shuffle(paths)
    for jobs in (1, 2, 5):
        results = list(eurodoc.extract_many(paths, jobs=jobs))
        assert [r["source"]["path"] for r in results] == paths
        assert all(r == cli_results[p] for r, p in zip(results, paths))


def test_as_json_gives_the_batch_lines(cli_results):
    lines = list(eurodoc.extract_many(FIXTURES[:4], as_json=True))
    assert all(isinstance(line, str) and "\n" not in line for line in lines)
    assert [json.loads(line) for line in lines] == [cli_results[p] for p in FIXTURES[:4]]


def bad_inputs(tmp: Path) -> dict[str, str]:
    """A file per kind of bad input, with the error kind the library gives it."""
    files = {
        "empty.pdf": (b"", "empty"),
        "empty.md": (b"", "empty"),
        "fake.pdf": (b"just some text, named .pdf", "not_pdf"),
        "image.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        "latin1.txt": ("Décision du Conseil, COM(2012) 85".encode("latin-1"), "invalid_utf8"),
        "truncated.pdf": (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "malformed_pdf"),
    }
    out = {}
    for name, (data, kind) in files.items():
        (tmp / name).write_bytes(data)
        out[str(tmp / name)] = kind
    for enc in sorted((ROOT / "tests" / "data").glob("encrypted-user-password.pdf")):
        out[str(enc)] = "encrypted"
    (tmp / "folder.md").mkdir()
    out[str(tmp / "folder.md")] = "is_directory"
    out[str(tmp / "missing.pdf")] = "io"
    return out


def test_bad_inputs_get_the_batch_error_records(tmp_path, cli):
    bad = bad_inputs(tmp_path)
    paths = sorted(bad)
    results = list(eurodoc.extract_many(paths))
    assert [r.kind for r in results] == [bad[p] for p in paths]
    assert [r.path for r in results] == paths
    # The same records `eurodoc batch` writes for them (a folder it walks instead).
    files = [i for i, p in enumerate(paths) if bad[p] != "is_directory"]
    expected = batch_lines(cli, [paths[i] for i in files])
    assert [results[i].to_record() for i in files] == expected


def test_errors_raise_the_class_of_their_kind(tmp_path):
    bad = bad_inputs(tmp_path)
    for path, kind in bad.items():
        with pytest.raises(eurodoc.EurodocError) as caught:
            eurodoc.extract(path)
        assert caught.value.kind == kind
        assert type(caught.value) is eurodoc._errors.ERRORS[kind]
        assert caught.value.path == path
        assert caught.value.message in str(caught.value)
    with pytest.raises(eurodoc.EncryptedPdfError):
        eurodoc.extract((ROOT / "tests/data/encrypted-rc4-user-password.pdf").read_bytes())
    with pytest.raises(eurodoc.EmptyDocumentError):
        eurodoc.extract(bytearray())


def test_a_mixed_batch_keeps_every_input_in_place(tmp_path):
    bad = bad_inputs(tmp_path)
    items = []
    for i, p in enumerate(sorted(bad)):
        items += [FIXTURES[i % len(FIXTURES)], p]
    results = list(eurodoc.extract_many(iter(items), jobs=2))
    assert len(results) == len(items)
    for item, r in zip(items, results):
        if item in bad:
            assert isinstance(r, eurodoc.EurodocError) and r.kind == bad[item]
        else:
            assert r["source"]["path"] == item


def test_wrong_types_are_type_errors_and_source_errors_propagate():
    with pytest.raises(TypeError, match="path"):
        eurodoc.extract(42)
    # A bad item is raised in its place: the results before it come first, none after.
    it = eurodoc.extract_many([FIXTURES[0], 3.5, FIXTURES[1]])
    assert next(it)["source"]["path"] == FIXTURES[0]
    with pytest.raises(TypeError, match="got float"):
        next(it)
    assert list(it) == []

    def broken():
        yield FIXTURES[0]
        yield FIXTURES[1]
        raise RuntimeError("the source failed")

    it = eurodoc.extract_many(broken(), jobs=2)
    assert [next(it)["source"]["path"], next(it)["source"]["path"]] == FIXTURES[:2]
    with pytest.raises(RuntimeError, match="the source failed"):
        next(it)
    assert list(eurodoc.extract_many([])) == []


def pool_threads() -> int:
    """Threads of extract_many's pools alive in this process (they are named eurodoc-N)."""
    names = []
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/comm") as f:
                names.append(f.read().strip())
        except FileNotFoundError:  # ended meanwhile
            pass
    return sum(1 for n in names if n.startswith("eurodoc-"))


def wait_for_no_pool_threads() -> int:
    deadline = time.monotonic() + 60
    while pool_threads() and time.monotonic() < deadline:
        time.sleep(0.05)
    return pool_threads()


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_an_abandoned_iterator_lets_its_threads_go():
    assert wait_for_no_pool_threads() == 0  # earlier tests' pools have ended
    it = eurodoc.extract_many(["fixtures/com-2013-179-pdf/input.pdf"] * 40, jobs=3)
    assert next(it)["source"]["path"].endswith("input.pdf")
    assert pool_threads() == 3
    del it  # documents not yet started are skipped; the pool's threads then end
    assert wait_for_no_pool_threads() == 0


def test_fuzz_regressions_do_not_crash_the_interpreter():
    # In a child process: a crash would kill pytest itself, and must show as a failure here.
    files = sorted(str(p) for p in (ROOT / "tests" / "data" / "fuzz").iterdir())
    assert files, "the fuzz regression files are missing"
    code = (
        "import sys, eurodoc\n"
        "for r in eurodoc.extract_many(sys.argv[1:]):\n"
        "    print(getattr(r, 'kind', 'ok'))\n"
        "for p in sys.argv[1:]:\n"
        "    data = open(p, 'rb').read()\n"
        "    for cut in range(0, len(data), max(1, len(data) // 50)):\n"
        "        try:\n"
        "            eurodoc.extract(data[:cut], name=p)\n"
        "        except eurodoc.EurodocError as e:\n"
        "            assert e.kind != 'internal', e\n"
    )
    out = subprocess.run([sys.executable, "-c", code, *files], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["ok"] * len(files)


def test_mention_rows_equal_the_cli(cli, tmp_path):
    act = shared_or_skip("real/oj-l-277-2022-dsa.pdf")
    note = "fixtures/com-2013-179/input.md"
    paths = sorted([note, act])  # batch order
    results = tmp_path / "batch.jsonl"
    results.write_text(
        "\n".join(json.dumps(line) for line in batch_lines(cli, paths)) + "\n", encoding="utf-8"
    )
    cli_rows = subprocess.run(
        [cli, "mentions", str(results)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    rows = [row for p in paths for row in eurodoc.mention_rows(eurodoc.extract(p))]
    assert rows == [json.loads(r) for r in cli_rows]
    # An act's rows say where in the act: an article paragraph or a recital, with its page.
    dsa = [r for r in rows if r["path"] == act]
    assert any(r["place"] and r["place"].startswith("recital (") for r in dsa)
    assert any(r["place"] and r["place"].startswith("Article ") and r["page"] for r in dsa)
    assert all(r["reference"] and r["sentence"] for r in rows)
    assert eurodoc.mention_rows(eurodoc.extract_json(note)) == [r for r in rows if r["path"] == note]
    with pytest.raises(ValueError):
        eurodoc.mention_rows('{"not": "an extraction"}')


def test_schema_and_help():
    schema = eurodoc.schema()
    assert set(schema["required"]) <= set(eurodoc.extract(FIXTURES[0]))
    assert schema["properties"]["schema_version"]
    assert eurodoc.SCHEMA_VERSION == eurodoc.extract(FIXTURES[0])["schema_version"]
    assert "eurodoc.schema()" in eurodoc.extract.__doc__
    assert "references" in eurodoc.__doc__


def test_takes_file_agrees_with_the_folder_walk():
    assert eurodoc.takes_file("a/b/report.PDF", b"")
    assert eurodoc.takes_file("notes.md", b"")
    assert eurodoc.takes_file("download", b"%PDF-1.7\n")
    assert eurodoc.takes_file("act.html", b"")
    assert eurodoc.takes_file("act.xml", b'<?xml version="1.0"?>\n<ACT>')
    assert not eurodoc.takes_file("feed.xml", b'<?xml version="1.0"?>\n<rss>')
    assert not eurodoc.takes_file("expected.json", b"{}")


def test_the_notebook_example_runs():
    example = ROOT / "examples" / "python" / "explore_corpus.py"
    out = subprocess.run([sys.executable, str(example)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    # It walks fixtures/: the documents a fixture names in the shared folder are not there.
    in_repository = [p for p in FIXTURES if not os.path.relpath(p, "fixtures").startswith("..")]
    assert f"{len(in_repository)} extracted, 0 failed" in out.stdout
    assert "documents  directive        Directive 2011/36/EU" in out.stdout


def test_python_threads_get_their_own_results(cli_results):
    # Calls from several threads at once (the GIL is released while Rust works; that this
    # lets them overlap is measured by benches/python_vs_batch.py, not here).
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(eurodoc.extract, FIXTURES))
    assert results == [cli_results[p] for p in FIXTURES]
