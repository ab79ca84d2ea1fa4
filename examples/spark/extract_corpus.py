#!/usr/bin/env python3
"""Extract a corpus of EU documents with eurodoc on Apache Spark.

    python examples/spark/extract_corpus.py INPUT OUTPUT [--master local[4]]
    spark-submit --master yarn examples/spark/extract_corpus.py hdfs:///corpus hdfs:///out

INPUT is a folder (walked recursively) or any Hadoop path or glob of PDFs, Markdown and text
files; files are taken as ``eurodoc batch`` takes them (a .pdf, .md or .txt name, or content
that starts like a PDF), except that Hadoop skips names starting with ``_`` or ``.``. The job
writes

- ``OUTPUT/extractions/``: JSON Lines, one line per document: its extraction, or the error
  record ``eurodoc batch`` writes ({"source": {"path": ...}, "error": {"kind", "message"}});
- ``OUTPUT/mentions/``: Parquet, one row per reference mention (path, sha256, reference,
  kind, celex, text, section, place, page, footnote, sentence): ``eurodoc.mention_rows``;
- ``OUTPUT/documents/``: Parquet, one row per document: path, sha256, ``error`` (the error's
  kind, null when it was extracted), ``anomalies`` (how many its extraction shows) and
  ``quality``, a map from each kind of anomaly found (``footnote-gap``, ``heading-skip``, ...)
  to its count: the extraction's ``quality``, to find the documents not to trust;

then prints the most cited references and the documents with anomalies by kind. Local files are named by their path without the
``file:`` scheme, so the extractions load into the citation index as they are:

    cat OUTPUT/extractions/part-* | eurodoc index add --from -

Every executor needs the ``eurodoc`` package installed (see the README: a wheel on the
executors). Each Spark task extracts its partition with ``eurodoc.extract_many`` on
``spark.task.cpus`` threads (``--jobs`` to override), the GIL released.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from pyspark import StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    IntegerType,
    MapType,
    StringType,
    StructField,
    StructType,
)

MENTION_COLUMNS = [
    ("path", StringType()),
    ("sha256", StringType()),
    ("reference", StringType()),
    ("kind", StringType()),
    ("celex", StringType()),
    ("text", StringType()),
    ("section", StringType()),
    ("place", StringType()),
    ("page", IntegerType()),
    ("footnote", IntegerType()),
    ("sentence", StringType()),
]
MENTION_SCHEMA = StructType([StructField(name, kind, True) for name, kind in MENTION_COLUMNS])
DOCUMENT_SCHEMA = StructType(
    [
        StructField("path", StringType(), True),
        StructField("sha256", StringType(), True),
        StructField("error", StringType(), True),
        StructField("anomalies", IntegerType(), True),
        StructField("quality", MapType(StringType(), IntegerType()), True),
    ]
)


def local_path(uri: str) -> str:
    """``file:/a/b`` and ``file:///a/b`` as ``/a/b``; other URIs (hdfs:, s3a:) as they are."""
    if uri.startswith("file://"):
        return uri[len("file://") :]
    if uri.startswith("file:"):
        return uri[len("file:") :]
    return uri


def document_row(extraction: dict) -> tuple:
    """A document's row: path, sha256, no error, its anomalies and their counts by kind."""
    quality = {a["kind"]: a["count"] for a in extraction["quality"]}
    source = extraction["source"]
    return source["path"], source["sha256"], None, sum(quality.values()), quality


def extract_partition(records, jobs):
    """(path, bytes) pairs of one partition → (JSON line, failed, mention rows, document row)
    per document."""
    import eurodoc  # imported on the executor

    named = ((local_path(uri), data) for uri, data in records)
    documents = ((path, data) for path, data in named if eurodoc.takes_file(path, data))
    for result in eurodoc.extract_many(documents, jobs=jobs, as_json=True):
        if isinstance(result, eurodoc.EurodocError):
            line = json.dumps(result.to_record(), ensure_ascii=False, separators=(",", ":"))
            yield line, True, [], (result.path, None, result.kind, None, None)
        else:
            rows = eurodoc.mention_rows(result)
            mentions = [tuple(row[name] for name, _ in MENTION_COLUMNS) for row in rows]
            yield result, False, mentions, document_row(json.loads(result))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Extract a corpus with eurodoc on Spark: JSON Lines of extractions and "
        "Parquet of reference mentions.",
    )
    parser.add_argument("input", help="folder, Hadoop path or glob of PDFs and texts")
    parser.add_argument("output", help="folder to write extractions/ and mentions/ into")
    parser.add_argument("--master", help="Spark master URL (default: spark-submit's, or local[*])")
    parser.add_argument(
        "--partitions", type=int, help="input partitions (default: 4 per core of the cluster)"
    )
    parser.add_argument(
        "--jobs", type=int, help="threads per task (default: spark.task.cpus, usually 1)"
    )
    parser.add_argument("--top", type=int, default=20, help="most cited references to print")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing OUTPUT")
    args = parser.parse_args(argv)

    # Local runs: the workers use this interpreter, which has eurodoc installed. (On a
    # cluster this path may not exist on the executors: there PYSPARK_PYTHON is theirs.)
    if (args.master or "").startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # Hadoop counts a fixed cost per file (4 MB by default) when it sizes binaryFiles' splits,
    # which makes a corpus of small files look 20 times its size: a thousand PDFs came in
    # two partitions, one core idle. Files here cost their extraction, not their opening.
    builder = SparkSession.builder.appName("eurodoc-extract-corpus").config(
        "spark.files.openCostInBytes", "65536"
    )
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    # Folders are walked like `eurodoc batch` walks them: into sub-folders.
    sc._jsc.hadoopConfiguration().set(
        "mapreduce.input.fileinputformat.input.dir.recursive", "true"
    )
    jobs = args.jobs or int(sc.getConf().get("spark.task.cpus", "1"))
    mode = "overwrite" if args.overwrite else "errorifexists"
    start = time.time()

    # A few partitions per core, so that a partition of large PDFs does not leave the other
    # cores idle at the end.
    partitions = args.partitions or 4 * sc.defaultParallelism
    files = sc.binaryFiles(args.input, minPartitions=partitions)
    results = files.mapPartitions(lambda part: extract_partition(part, jobs))
    results.persist(StorageLevel.MEMORY_AND_DISK)

    lines = spark.createDataFrame(results.map(lambda r: (r[0],)), "value string")
    lines.write.mode(mode).text(os.path.join(args.output, "extractions"))
    mentions = spark.createDataFrame(results.flatMap(lambda r: r[2]), MENTION_SCHEMA)
    mentions.write.mode(mode).parquet(os.path.join(args.output, "mentions"))
    table = spark.createDataFrame(results.map(lambda r: r[3]), DOCUMENT_SCHEMA)
    table.write.mode(mode).parquet(os.path.join(args.output, "documents"))

    documents = results.count()
    failed = results.filter(lambda r: r[1]).count()
    results.unpersist()

    written = spark.read.parquet(os.path.join(args.output, "mentions"))
    top = (
        written.groupBy("reference", "kind")
        # Documents by content, as the citation index counts them: a copy under a second
        # path is the same document.
        .agg(F.countDistinct("sha256").alias("documents"), F.count("*").alias("mentions"))
        # Ties go by id, as in the index's `top`: documents are counted alike in both, mentions
        # are not (a copy under a second path adds its mentions here, not there).
        .orderBy(F.desc("documents"), "reference")
        .limit(args.top)
        .collect()
    )
    print(
        f"{documents} documents ({failed} failed), {written.count()} mentions "
        f"in {time.time() - start:.1f} s -> {args.output}"
    )
    print(f"{'documents':>9}  {'mentions':>8}  {'kind':<22}  reference")
    for row in top:
        print(f"{row.documents:>9}  {row.mentions:>8}  {row.kind:<22}  {row.reference}")
    # As `eurodoc batch` ends: the documents with anomalies, by kind, most documents first.
    checked = spark.read.parquet(os.path.join(args.output, "documents"))
    kinds = (
        checked.select(F.explode("quality").alias("kind", "count"))
        .groupBy("kind")
        .agg(F.count("*").alias("documents"))
        .orderBy(F.desc("documents"), "kind")
        .collect()
    )
    flagged = checked.filter(F.col("anomalies") > 0).count()
    listed = ", ".join(f"{k.documents} {k.kind}" for k in kinds)
    print(f"{documents} documents, {flagged} with anomalies" + (f": {listed}" if listed else ""))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
