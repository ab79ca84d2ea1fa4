#!/usr/bin/env bash
# `eurodoc index add` end to end on a generated corpus of distinct PDFs (the PDF fixtures,
# each copy made distinct by a comment after %%EOF, made here and deleted after): a fresh
# add, a second add of the same folder (every file unchanged), `batch` on the same corpus,
# and pdftotext with 2 parallel processes for scale.
#   benches/index-add.sh [N]      corpus size, default 1000
# Needs pdftotext (Debian: poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/eurodoc
n=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The PDF fixtures and the shared folder's real PDFs (not in the repository), when there.
shopt -s nullglob
pdfs=(fixtures/*/input.pdf "${EURODOC_SHARED:-../shared}"/real/*.pdf)
mkdir -p "$work/corpus"
for i in $(seq 1 "$n"); do
  { cat "${pdfs[$(( (i - 1) % ${#pdfs[@]} ))]}"; printf '\n%% copy %d\n' "$i"; } > "$work/corpus/doc-$i.pdf"
done
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; t1=$(date +%s.%N); python3 -c "print(f'{$t1 - $t0:.2f}')"; }
row() { python3 -c "print(f'{\"$1\":<22} {$2:8.2f} s {$n / $2:9.1f} documents/s')"; }
row "index add (new)" "$(seconds "$bin" index add --quiet --db "$work/ix.sqlite" "$work/corpus")"
row "index add (unchanged)" "$(seconds "$bin" index add --quiet --db "$work/ix.sqlite" "$work/corpus")"
row "batch -o" "$(seconds "$bin" batch --quiet -o "$work/out.jsonl" "$work/corpus")"
row "index add --from" "$(seconds "$bin" index add --quiet --db "$work/from.sqlite" --from "$work/out.jsonl")"
row "pdftotext -P2" "$(seconds sh -c "ls '$work'/corpus/*.pdf | xargs -P 2 -I{} pdftotext {} /dev/null")"
"$bin" index stats --db "$work/ix.sqlite" | head -3
echo "index size: $(du -b "$work/ix.sqlite" | cut -f1) bytes"
