#!/usr/bin/env bash
# Score the release build on every real document of the shared folder, with the evaluation
# kit's own scorers: one line per document (and per variant) with each checklist category of
# ../shared/eval/realcheck.py and the anomaly count of ../shared/eval/selfcheck.py.
#   scripts/score-real.sh [--untagged] [--converted] [--verbose]
# --untagged  also each PDF with its structure tree hidden (catalog keys renamed in place, so
#             the layout rules are scored alone; works where the catalog is not compressed)
# --converted also each PDF as `pdftotext` and `pdftotext -layout` text (needs poppler-utils)
# --verbose   the scorers' failure lists
# Work files go to a temporary folder, never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${EURODOC_SHARED:-../shared}
untagged= converted= verbose=
for a in "$@"; do
  case $a in
    --untagged) untagged=1 ;;
    --converted) converted=1 ;;
    --verbose) verbose=--verbose ;;
    *) echo "usage: $0 [--untagged] [--converted] [--verbose]" >&2; exit 2 ;;
  esac
done
cargo build --release --quiet
bin=target/release/eurodoc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
score() { # LABEL FILE CHECKS
  if ! timeout 60 "$bin" extract "$2" -o "$work/out.json" 2> "$work/err"; then
    printf '%-48s extraction failed: %s\n' "$1" "$(head -c 200 "$work/err")"
    return
  fi
  local cats anom
  cats=$(python3 "$shared/eval/realcheck.py" "$work/out.json" "$3" | awk '!/^min/ {printf "%s %s  ", $1, $3}')
  anom=$(python3 "$shared/eval/selfcheck.py" "$work/out.json" | awk '/^anomalies/ {print $2}')
  printf '%-48s %s self-check %s\n' "$1" "$cats" "$anom"
  if [ -n "$verbose" ]; then
    python3 "$shared/eval/realcheck.py" "$work/out.json" "$3" --verbose | grep -v '^[a-z]* *[0-9]*/' | sed 's/^/    /' || true
    python3 "$shared/eval/selfcheck.py" "$work/out.json" --verbose | grep -v '^anomalies' | sed 's/^/    /' || true
  fi
}
for chk in "$shared"/eval/real/*.checks.json; do
  name=$(basename "$chk" .checks.json)
  doc="$shared/real/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["document"])' "$chk")"
  score "$name" "$doc" "$chk"
  case $doc in *.pdf) ;; *) continue ;; esac
  if [ -n "$untagged" ]; then
    python3 - "$doc" "$work/untagged.pdf" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
# Same length, so the cross-reference offsets stay right.
d = d.replace(b"/StructTreeRoot", b"/StructTreeRooX").replace(b"/MarkInfo", b"/MarkInfX")
open(sys.argv[2], "wb").write(d)
PY
    score "  untagged" "$work/untagged.pdf" "$chk"
  fi
  if [ -n "$converted" ]; then
    pdftotext "$doc" "$work/plain.txt" && score "  pdftotext" "$work/plain.txt" "$chk"
    pdftotext -layout "$doc" "$work/layout.txt" && score "  pdftotext -layout" "$work/layout.txt" "$chk"
  fi
done
for f in "$shared"/fixtures/*; do
  timeout 60 "$bin" extract "$f" -o "$work/out.json" 2>/dev/null || { echo "$f: extraction failed"; continue; }
  printf '%-48s self-check %s\n' "fixtures/$(basename "$f")" "$(python3 "$shared/eval/selfcheck.py" "$work/out.json" | awk '/^anomalies/ {print $2}')"
done
