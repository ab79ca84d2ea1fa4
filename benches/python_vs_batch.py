#!/usr/bin/env python3
"""Throughput of the Python package's extract_many beside `eurodoc batch`, in the same run.

    python benches/python_vs_batch.py [--documents 1000] [--jobs 2] [--rounds 3] [--spark]

Builds a corpus of N documents (the fixtures' inputs, repeated under distinct names), then
times, alternating rounds: `eurodoc batch --jobs J` writing JSON Lines, `extract_many(jobs=J)`
giving dicts, and `extract_many(jobs=J, as_json=True)` giving JSON text. Reports documents per
second (median round) and the ratio to the CLI, and the process's resident memory after 200
and after N results of one extract_many run (flat memory: the second close to the first).
With --spark, also the Spark example in local[J] on the same corpus.

Needs the package installed (`pip install ./python`) and the CLI built (`cargo build
--release`; or EURODOC_BIN).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import eurodoc

ROOT = Path(__file__).resolve().parents[1]


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def corpus(folder: Path, n: int) -> list[str]:
    inputs = sorted(p for p in (ROOT / "fixtures").glob("*/input.*"))
    paths = []
    for i in range(n):
        src = inputs[i % len(inputs)]
        dest = folder / f"{i:05d}-{src.parent.name}{src.suffix}"
        shutil.copy(src, dest)
        paths.append(str(dest))
    return paths


def time_batch(cli: str, folder: Path, jobs: int, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([cli, "batch", "--quiet", "--jobs", str(jobs), "-o", str(out), str(folder)],
                   check=False)
    return time.perf_counter() - start


def time_many(paths: list[str], jobs: int, as_json: bool, memory: dict | None = None) -> float:
    start = time.perf_counter()
    n = 0
    for r in eurodoc.extract_many(paths, jobs=jobs, as_json=as_json):
        n += 1
        if memory is not None and n in (min(200, len(paths)), len(paths)):
            memory[n] = rss_mib()
    assert n == len(paths)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--spark", action="store_true")
    args = ap.parse_args()
    cli = os.environ.get("EURODOC_BIN", str(ROOT / "target" / "release" / "eurodoc"))

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        paths = corpus(folder, args.documents)
        size = sum(os.path.getsize(p) for p in paths) / 2**20
        print(f"{len(paths)} documents, {size:.0f} MiB, jobs={args.jobs}, "
              f"{os.cpu_count()} cores, {args.rounds} rounds")
        out = Path(tmp) / "batch.jsonl"
        time_many(paths[:50], args.jobs, False)  # warm the page cache and the patterns
        times = {"batch": [], "dicts": [], "json": []}
        memory: dict = {}
        for _ in range(args.rounds):
            times["batch"].append(time_batch(cli, folder, args.jobs, out))
            times["dicts"].append(time_many(paths, args.jobs, False, memory))
            times["json"].append(time_many(paths, args.jobs, True))
        lines = sum(1 for _ in open(out))
        assert lines == len(paths), f"batch wrote {lines} lines"
        base = statistics.median(times["batch"])
        labels = {
            "batch": f"eurodoc batch --jobs {args.jobs}",
            "dicts": f"extract_many(jobs={args.jobs})",
            "json": f"extract_many(jobs={args.jobs}, as_json=True)",
        }
        for key, label in labels.items():
            t = statistics.median(times[key])
            print(f"{label:<42} {t:7.2f} s  {len(paths) / t:7.1f} docs/s  "
                  f"throughput ×{base / t:.2f} of batch  (rounds: "
                  f"{', '.join(f'{x:.2f}' for x in times[key])})")
        early = min(200, len(paths))
        print(f"resident memory after {early} results: {memory[early]:.0f} MiB, "
              f"after {len(paths)}: {memory[len(paths)]:.0f} MiB")

        if args.spark:
            spark_out = Path(tmp) / "spark"
            start = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "examples/spark/extract_corpus.py"),
                            str(folder), str(spark_out), "--master", f"local[{args.jobs}]",
                            "--partitions", str(args.jobs * 4), "--top", "3"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            t = time.perf_counter() - start
            print(f"{'Spark example, local[' + str(args.jobs) + ']':<42} {t:7.2f} s  "
                  f"{len(paths) / t:7.1f} docs/s  throughput ×{base / t:.2f} of batch "
                  f"(with JVM start-up, Parquet and the top query)")
            written = sum(1 for p in (spark_out / "extractions").glob("part-*") for _ in open(p))
            assert written == len(paths), f"Spark wrote {written} lines"
    return 0


if __name__ == "__main__":
    sys.exit(main())
