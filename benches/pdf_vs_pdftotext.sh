#!/usr/bin/env bash
# eurodoc's whole extraction (PDF in, JSON out) against pdftotext on the same PDFs, timed by
# hyperfine in one run. Prints each pair's medians and their ratio. Goals (issue #11): <= 0.5x
# on the 22-page fixture and the 67-page STEP proposal, <= 0.2x on the 102-page DSA.
#   benches/pdf_vs_pdftotext.sh [PDF...]
# Without arguments: the seed fixture's PDF and the real PDFs of the shared folder
# (${EURODOC_SHARED:-../shared}/real, not in the repository).
# Needs hyperfine and pdftotext (Debian: hyperfine poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  shared=${EURODOC_SHARED:-../shared}
  set -- fixtures/com-2013-179-pdf/input.pdf "$shared"/real/*.pdf
fi
cargo build --release --quiet
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for pdf in "$@"; do
  hyperfine -N --warmup 5 --min-runs 30 --export-json "$out" \
    "target/release/eurodoc extract $pdf -o /dev/null" \
    "pdftotext $pdf /dev/null" > /dev/null
  python3 - "$out" "$pdf" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
ours, theirs = r[0]["median"], r[1]["median"]
print(f"{sys.argv[2]}: eurodoc {ours*1000:.1f} ms, pdftotext {theirs*1000:.1f} ms, "
      f"ratio {ours/theirs:.2f}")
PY
done
