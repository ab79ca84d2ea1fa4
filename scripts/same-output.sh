#!/usr/bin/env bash
# Whether two builds of eurodoc give byte-identical JSON on every fixture input and every
# document of ../shared/real (and its pdftotext conversions when pdftotext is installed) and
# ../shared/formats.
# A speed change must not change one byte: run this before and after it.
#   scripts/same-output.sh OLD_BINARY NEW_BINARY
set -euo pipefail
old=$1 new=$2
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${EURODOC_SHARED:-$root/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=("$root"/fixtures/*/input.* "$shared"/real/*.pdf "$shared"/real/*.txt "$shared"/real/*.md
  "$shared"/formats/*.html "$shared"/formats/*.xml "$shared"/formats/*.md)
if command -v pdftotext >/dev/null; then
  for pdf in "$shared"/real/*.pdf; do
    name=$(basename "$pdf" .pdf)
    pdftotext "$pdf" "$work/$name.pdftotext.txt"
    pdftotext -layout "$pdf" "$work/$name.layout.txt"
  done
  inputs+=("$work"/*.txt)
fi
echo "The Commission adopted COM(2012) 85 final on 3 May 2012." > "$work/one-line.txt"
inputs+=("$work/one-line.txt")
differ=0
for f in "${inputs[@]}"; do
  [ -f "$f" ] || continue
  case $f in *.shared) continue ;; esac
  a=$("$old" extract --compact "$f" 2>&1 || true)
  b=$("$new" extract --compact "$f" 2>&1 || true)
  if [ "$a" != "$b" ]; then
    echo "differs: $f"
    differ=$((differ + 1))
  fi
done
echo "${#inputs[@]} inputs, $differ differ"
[ "$differ" = 0 ]
