#!/usr/bin/env bash
# Convert the shared real PDFs to text as users' converters do — `pdftotext -layout` (columns
# and indents kept) and plain `pdftotext` (reading order, numbers set apart by a tab on lines
# of their own) — for a look at what tests/real.rs scores (it makes the same files at test time
# in target/). The output goes to OUT (default target/converted), never into the repository:
# the documents are their publishers'. Needs poppler-utils.
#   scripts/convert-real.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${EURODOC_SHARED:-../shared}
out=${1:-target/converted}
mkdir -p "$out"
for pdf in "$shared"/real/*.pdf; do
    name=$(basename "$pdf" .pdf)
    pdftotext -layout "$pdf" "$out/$name.pdftotext-layout.txt"
    pdftotext "$pdf" "$out/$name.pdftotext.txt"
done
pdftotext -v 2>&1 | head -1
