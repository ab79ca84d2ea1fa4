"""The Spark example in local mode gives what `eurodoc batch` gives: the same extraction per
document, the same mention rows, and output the citation index loads as it is.

Skipped when pyspark or Java is missing, unless EURODOC_REQUIRE_SPARK=1 (as CI sets it): there
a missing Spark is a failure, not a skip."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, batch_lines, fixture_inputs

REQUIRED = os.environ.get("EURODOC_REQUIRE_SPARK") == "1"
try:
    import pyspark  # noqa: F401

    HAVE_SPARK = shutil.which("java") is not None
except ImportError:
    HAVE_SPARK = False

if not HAVE_SPARK:
    if REQUIRED:
        raise RuntimeError("EURODOC_REQUIRE_SPARK=1 but pyspark or java is missing")
    pytest.skip("pyspark or java missing", allow_module_level=True)

JOB = ROOT / "examples" / "spark" / "extract_corpus.py"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The fixtures' inputs in nested folders, beside files a walk must skip or report."""
    root = tmp_path_factory.mktemp("corpus")
    for i, path in enumerate(fixture_inputs()):
        src = ROOT / path
        dest = root / f"{i:02d}-{src.parent.name}" / src.name
        dest.parent.mkdir(parents=True)
        shutil.copy(src, dest)
        (dest.parent / "expected.json").write_text("{}")  # not a document: skipped
    bad = root / "zz-bad"
    bad.mkdir()
    (bad / "empty.pdf").write_bytes(b"")
    (bad / "fake.pdf").write_bytes(b"not a pdf")
    (bad / "no-extension").write_bytes((ROOT / "fixtures/com-2013-179-pdf/input.pdf").read_bytes())
    return root


@pytest.fixture(scope="module")
def spark_run(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark") / "out"
    done = subprocess.run(
        [sys.executable, str(JOB), str(corpus), str(out), "--master", "local[2]",
         "--partitions", "4", "--top", "5"],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return out, done.stdout


@pytest.fixture(scope="module")
def batch(corpus, cli, tmp_path_factory):
    lines = batch_lines(cli, [str(corpus)])
    results = tmp_path_factory.mktemp("batch") / "batch.jsonl"
    results.write_text("".join(json.dumps(l) + "\n" for l in lines), encoding="utf-8")
    return lines, results


def test_extractions_equal_the_batch(spark_run, batch):
    out, _ = spark_run
    lines, _ = batch
    spark_lines = [
        json.loads(line)
        for part in sorted((out / "extractions").glob("part-*"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    by_path = {l["source"]["path"]: l for l in spark_lines}
    assert len(by_path) == len(spark_lines), "a document was written twice"
    assert by_path == {l["source"]["path"]: l for l in lines}
    kinds = sorted(l["error"]["kind"] for l in spark_lines if "error" in l)
    assert kinds == ["empty", "not_pdf"]


def test_documents_carry_the_quality_of_their_extraction(spark_run, batch):
    out, stdout = spark_run
    lines, _ = batch
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[1]").appName("eurodoc-test").getOrCreate()
    try:
        rows = spark.read.parquet(str(out / "documents")).collect()
    finally:
        spark.stop()
    by_path = {r.path: r for r in rows}
    assert len(by_path) == len(rows) == len(lines)
    flagged = 0
    for line in lines:
        row = by_path[line["source"]["path"]]
        if "error" in line:
            assert (row.error, row.quality) == (line["error"]["kind"], None)
            continue
        want = {a["kind"]: a["count"] for a in line["quality"]}
        assert (row.error, dict(row.quality), row.anomalies) == (None, want, sum(want.values()))
        flagged += bool(want)
    assert flagged, "some fixture shows anomalies"
    assert f"{len(lines)} documents, {flagged} with anomalies: " in stdout


def test_mention_rows_equal_the_cli(spark_run, batch, cli):
    out, _ = spark_run
    _, results = batch
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[1]").appName("eurodoc-test").getOrCreate()
    try:
        table = spark.read.parquet(str(out / "mentions"))
        columns = table.columns
        parquet = [tuple(r) for r in table.collect()]
    finally:
        spark.stop()
    cli_rows = [
        json.loads(l)
        for l in subprocess.run(
            [cli, "mentions", str(results)], capture_output=True, text=True, check=True
        ).stdout.splitlines()
    ]
    assert cli_rows, "the corpus has mentions"
    assert columns == list(cli_rows[0])
    # Compared as sorted JSON arrays: rows hold None, which does not sort beside numbers.
    as_json = lambda values: json.dumps(list(values), ensure_ascii=False)  # noqa: E731
    assert sorted(map(as_json, parquet)) == sorted(as_json(r.values()) for r in cli_rows)


def test_top_references_and_the_index(spark_run, cli, tmp_path):
    out, stdout = spark_run
    assert "documents (2 failed)" in stdout
    extractions = "".join(
        p.read_text(encoding="utf-8") for p in sorted((out / "extractions").glob("part-*"))
    )
    db = tmp_path / "index.sqlite"
    added = subprocess.run(
        [cli, "index", "--db", str(db), "add", "--quiet", "--from", "-"],
        input=extractions, capture_output=True, text=True,
    )
    assert added.returncode in (0, 1), added.stderr
    top = json.loads(
        subprocess.run(
            [cli, "index", "--db", str(db), "top", "-n", "1", "--json"],
            capture_output=True, text=True, check=True,
        ).stdout
    )
    # The job's first row of most cited references is the index's.
    first = stdout.splitlines()[2].split()
    assert int(first[0]) == top[0]["documents"]
    assert " ".join(first[3:]) == top[0]["id"]
