#!/usr/bin/env bash
# Render a converter-style Markdown fixture as a Word-style PDF (pandoc -> docx -> LibreOffice),
# the way the *-libreoffice fixtures were made:
#   scripts/render-libreoffice.sh fixtures/commitments-variants/input.md fixtures/commitments-libreoffice/input.pdf
# Needs pandoc and LibreOffice (Debian: pandoc libreoffice-writer-nogui fonts-liberation).
set -euo pipefail
in=$1 out=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$(dirname "$0")/md_to_pandoc.py" "$in" > "$work/doc.md"
pandoc -f markdown -t docx -o "$work/doc.docx" "$work/doc.md"
soffice --headless --convert-to pdf --outdir "$work" "$work/doc.docx" > /dev/null
cp "$work/doc.pdf" "$out"
