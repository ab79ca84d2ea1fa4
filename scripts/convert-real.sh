#!/usr/bin/env bash
# Convert the real PDF fixtures to text as users' converters do, for tests/real.rs:
# `pdftotext -layout` (columns and indents kept) and plain `pdftotext` (reading order, numbers
# set apart by a tab on lines of their own). Needs poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/data/converted
mkdir -p "$out"
for name in com-2023-335-step oj-l-277-2022-dsa wp29-wp251rev01-profiling; do
    pdftotext -layout "fixtures/$name/input.pdf" "$out/$name.pdftotext-layout.txt"
    pdftotext "fixtures/$name/input.pdf" "$out/$name.pdftotext.txt"
done
pdftotext -v 2>&1 | head -1
