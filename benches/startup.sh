#!/usr/bin/env bash
# Start-up cost (issue #28): a whole `eurodoc extract` of a one-line text against
# `eurodoc --version` (the process alone), and, when the Python package is importable,
# `import eurodoc` plus a first extract against a bare `python -c pass`. Medians by hyperfine
# in one run; goals: at most 2x for the CLI, at most 10 ms more for Python.
#   benches/startup.sh [PYTHON]
# Needs hyperfine (Debian: hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "The Commission adopted COM(2012) 85 final on 3 May 2012." > "$work/one-line.txt"
median() {
  python3 -c 'import json,sys; print(" ".join(str(r["median"]) for r in json.load(open(sys.argv[1]))["results"]))' "$1"
}
hyperfine -N --warmup 10 --min-runs 100 --export-json "$work/cli.json" \
  "target/release/eurodoc --version" \
  "target/release/eurodoc extract $work/one-line.txt" > /dev/null
read -r bare ours < <(median "$work/cli.json")
python3 -c "print(f'CLI: --version {$bare*1000:.2f} ms, one-line extract {$ours*1000:.2f} ms, ratio {$ours/$bare:.2f}')"
python=${1:-python3}
if "$python" -c 'import eurodoc' 2>/dev/null; then
  hyperfine -N --warmup 5 --min-runs 50 --export-json "$work/py.json" \
    "$python -c pass" \
    "$python -c 'import eurodoc; eurodoc.extract(\"$work/one-line.txt\")'" > /dev/null
  read -r bare ours < <(median "$work/py.json")
  python3 -c "print(f'Python: bare {$bare*1000:.2f} ms, import + first extract {$ours*1000:.2f} ms, +{($ours-$bare)*1000:.2f} ms')"
else
  echo "Python: eurodoc is not importable by $python (build it with maturin, see python/); skipped"
fi
