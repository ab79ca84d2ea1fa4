#!/usr/bin/env bash
# Batch throughput on a generated corpus of PDFs (copies of the PDF fixtures and the shared real PDFs, made here and
# deleted after): `eurodoc batch` with --jobs 1 and --jobs 2, documents/s, pages/s, the
# speed-up and peak memory, and pdftotext over the same corpus with 2 parallel processes.
#   benches/batch.sh [N ...]      corpus sizes, default: 200 1000
# Needs pdftotext and GNU time (Debian: poppler-utils time).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/eurodoc
sizes=${*:-200 1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The PDF fixtures and the shared folder's real PDFs (not in the repository), when there.
shopt -s nullglob
pdfs=(fixtures/*/input.pdf "${EURODOC_SHARED:-../shared}"/real/*.pdf)
printf '%-6s %-10s %8s %8s %9s %10s %9s\n' docs run seconds docs/s pages/s speed-up maxRSS
for n in $sizes; do
  dir=$work/corpus-$n
  mkdir -p "$dir"
  for i in $(seq 1 "$n"); do
    cp "${pdfs[$(( (i - 1) % ${#pdfs[@]} ))]}" "$dir/doc-$i.pdf"
  done
  declare -A secs=()
  for jobs in 1 2; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" batch "$dir" --jobs "$jobs" --quiet -o "$work/out-$jobs.jsonl"
    read -r s rss < "$work/time"
    secs[$jobs]=$s
    pages=$(python3 -c "import json,sys; print(sum(json.loads(l)['source'].get('pages') or 0 for l in open(sys.argv[1])))" "$work/out-$jobs.jsonl")
    python3 -c "
n, s, p, rss, base = $n, $s, $pages, $rss, ${secs[1]}
print(f'{n:<6} {\"jobs=$jobs\":<10} {s:8.2f} {n/s:8.1f} {p/s:9.0f} {base/s:9.2f}x {rss/1024:7.0f} MB')"
  done
  cmp -s "$work/out-1.jsonl" "$work/out-2.jsonl" || echo "WARNING: --jobs 1 and --jobs 2 outputs differ"
  /usr/bin/time -f '%e %M' -o "$work/time" sh -c "ls '$dir'/*.pdf | xargs -P 2 -I{} pdftotext {} /dev/null"
  read -r s rss < "$work/time"
  python3 -c "
n, s, ours = $n, $s, ${secs[2]}
print(f'{n:<6} {\"pdftotext\":<10} {s:8.2f} {n/s:8.1f} {\"\":>9} {\"\":>10} {\"\":>9}  eurodoc jobs=2 / pdftotext -P2: {ours/s:.2f}')"
  rm -rf "$dir"
done
