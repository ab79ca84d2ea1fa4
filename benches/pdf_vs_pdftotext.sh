#!/usr/bin/env bash
# eurodoc's whole extraction (PDF in, JSON out) against pdftotext on the same PDF, timed by
# hyperfine in one run. Prints both medians and their ratio (goal: eurodoc <= 0.5x).
#   benches/pdf_vs_pdftotext.sh [PDF]
# Needs hyperfine and pdftotext (Debian: hyperfine poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
pdf=${1:-fixtures/com-2013-179-pdf/input.pdf}
cargo build --release --quiet
out=$(mktemp)
trap 'rm -f "$out"' EXIT
hyperfine -N --warmup 20 --min-runs 100 --export-json "$out" \
  "target/release/eurodoc extract $pdf" \
  "pdftotext $pdf /dev/null"
python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
ours, theirs = r[0]["median"], r[1]["median"]
print(f"median: eurodoc {ours*1000:.1f} ms, pdftotext {theirs*1000:.1f} ms, ratio {ours/theirs:.2f}")
PY
