#!/usr/bin/env bash
# Render a converter-style Markdown fixture through other PDF producers and styles, to test that
# the PDF reader reads producers' layouts rather than our own fixtures:
#   scripts/render-variants.sh fixtures/com-2013-179/input.md /work/variants
# writes OUT/<fixture>--<variant>.pdf, <fixture> being the fixture's folder name (or the file's
# name without extension when it is not called input.md):
#   lo-serif11       pandoc -> docx -> LibreOffice: Liberation Serif 11pt, justified, bold black
#                    headings, footnote separator, centred page number footer, A4
#   lo-sans10        LibreOffice: Liberation Sans 10pt, headings NOT bold (size only), no
#                    footnote separator, no footer, A4
#   lo-dejavu12      LibreOffice: DejaVu Serif 12pt, italic (not bold) headings, separator,
#                    footer "Page N", Letter
#   lo-carlito11     LibreOffice: Carlito 11pt, bold blue headings (pandoc's default styles),
#                    no separator, footer "- N -", A4
#   lo-odt           pandoc -> odt (pandoc's default ODT styles, no reference document) ->
#                    LibreOffice: notes in LibreOffice's own Footnote style, the number in the
#                    note's type (not raised) and the text at a hanging indent, Letter
#   lo-odt-perpage   the same, with footnote numbering restarting on every page
#                    (text:start-numbering-at="page" in the ODT's notes configuration)
#   tex-xe11         pandoc -> LaTeX (article 11pt, default margins) -> xelatex, real \footnote
#   tex-xe10         xelatex, KOMA scrartcl 10pt, 1.8 cm margins, A4, DejaVu Serif text and
#                    DejaVu Sans headings
#   tex-pdf11        pdflatex, 11pt, A4, 2.5 cm margins, Latin Modern (T1)
#   tex-perpage      xelatex, 11pt, A4, Liberation Serif, notes numbered per page (footmisc
#                    perpage) as the Official Journal sets them: call `(1)` with the digit
#                    raised, body `(1) text` in the note's type
#   tex-oj2col       pdflatex, the Official Journal's layout before 2004: A4, two columns,
#                    9pt Times-like type, running head `L 123/10 EN Official Journal of the
#                    European Communities 5.5.1999` (sides swapped on odd pages; pages from
#                    10), centred italic `Article N`, notes `(1)` at the foot of each column
#                    (OJ_ISSUE, OJ_DATE and OJ_PAGE change the head's issue, date, first page)
#   weasy-serif11    pandoc -> HTML -> WeasyPrint, CSS footnotes (float: footnote) under a
#                    rule, Liberation Serif 11pt, footer "N" centred
#   weasy-sans10     WeasyPrint, Liberation Sans 10pt, no rule, footnote numbers "(N)",
#                    footer "Page N of M" right
# Text, footnote numbering, headings (with their numbers) and tables are the fixture's: the
# Markdown goes through scripts/md_to_pandoc.py --join-breaks --keep-markers first.
# VARIANTS="lo-serif11 tex-xe11 ..." renders only those; KEEP=1 keeps the intermediate files
# (pandoc Markdown, reference and document docx, tex and its log, html and css) in
# OUT/work/<fixture>/; MD_TO_PANDOC=FILE uses another copy of md_to_pandoc.py.
# Footnote separator: pandoc writes its own separator footnotes into the docx whatever the
# reference document says, so "no separator" removes the separator runs from the output docx's
# word/footnotes.xml, which LibreOffice then draws as no line.
# Needs pandoc, LibreOffice (libreoffice-writer-nogui), texlive-xetex + texlive-latex-recommended
# + lmodern, WeasyPrint, fonts-liberation fonts-dejavu fonts-crosextra-carlito.
set -euo pipefail
in=$1 outdir=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
base=$(basename "$in")
if [ "$base" = input.md ]; then name=$(basename "$(cd "$(dirname "$in")" && pwd)"); else name=${base%.*}; fi
all="lo-serif11 lo-sans10 lo-dejavu12 lo-carlito11 lo-odt lo-odt-perpage tex-xe11 tex-xe10 tex-pdf11 tex-perpage tex-oj2col weasy-serif11 weasy-sans10"
variants=${VARIANTS:-$all}
if [ -n "${KEEP:-}" ]; then work=$outdir/work/$name; rm -rf "$work"; mkdir -p "$work"
else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
want() { case " $variants " in *" $1 "*) return 0;; *) return 1;; esac; }

python3 "${MD_TO_PANDOC:-$here/md_to_pandoc.py}" --join-breaks --keep-markers "$in" > "$work/doc.md"
# pandoc's Markdown has no page breaks, but the fixture's `---` page rules inside the cover note
# are dropped by md_to_pandoc.py; everything else is the fixture's text.
# -smart: keep straight quotes and dashes as written (pandoc would curl 'quotes').
from="markdown-smart-implicit_figures-auto_identifiers"

# ---------------------------------------------------------------- LibreOffice (via docx)
cat > "$work/mkref.py" <<'PY'
"""Make a pandoc reference.docx: body font and size, heading look, footnote separator on/off,
page size and a footer with the page number."""
import re, sys, zipfile
src, dst, font, size, heads, sep, footer, page, justify = sys.argv[1:]
size = int(size) * 2  # half-points
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
zin = zipfile.ZipFile(src)
files = {n: zin.read(n) for n in zin.namelist()}
st = files["word/styles.xml"].decode()
fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}" />'
st = re.sub(r"<w:rFonts [^>]*/>", fonts, st)
st = re.sub(r'(<w:rPrDefault>.*?)<w:sz w:val="\d+" />\s*<w:szCs w:val="\d+" />',
            lambda m: m.group(1) + f'<w:sz w:val="{size}" /><w:szCs w:val="{size}" />', st, flags=re.S)
def style(sid, f):
    global st
    st = re.sub(r'(<w:style [^>]*w:styleId="%s">)(.*?)(</w:style>)' % sid,
                lambda m: m.group(1) + f(m.group(2)) + m.group(3), st, count=1, flags=re.S)
grow = {1: 8, 2: 6, 3: 4, 4: 2, 5: 2, 6: 2}
for n, g in grow.items():
    def h(body, n=n, g=g):
        body = re.sub(r'<w:sz w:val="\d+" />\s*<w:szCs w:val="\d+" />',
                      f'<w:sz w:val="{size + g}" /><w:szCs w:val="{size + g}" />', body)
        if heads != "blue":
            body = re.sub(r"<w:color [^>]*/>", '<w:color w:val="000000" />', body)
        if heads in ("plain", "italic"):
            body = re.sub(r"<w:b />|<w:bCs />|<w:i />|<w:iCs />", "", body)
        if heads == "italic":
            body = body.replace("</w:rPr>", "<w:i /><w:iCs /></w:rPr>")
        if heads == "bold":
            body = re.sub(r"<w:i />|<w:iCs />", "", body)
            if "<w:b />" not in body:
                body = body.replace("</w:rPr>", "<w:b /><w:bCs /></w:rPr>")
        return body
    style(f"Heading{n}", h)
fn = max(size - 4, 14)
style("FootnoteText", lambda b: b.replace("<w:qFormat />",
      f'<w:qFormat /><w:pPr><w:spacing w:after="0" /><w:jc w:val="{"both" if justify == "yes" else "left"}" /></w:pPr>'
      f'<w:rPr><w:sz w:val="{fn}" /><w:szCs w:val="{fn}" /></w:rPr>'))
if justify == "yes":
    style("BodyText", lambda b: b.replace("</w:pPr>", '<w:jc w:val="both" /></w:pPr>'))
files["word/styles.xml"] = st.encode()
# (sep: pandoc ignores the reference's footnotes.xml; nosep.py edits the output docx instead)
pg = {"a4": (11906, 16838), "letter": (12240, 15840)}[page]
sect = f'<w:pgSz w:w="{pg[0]}" w:h="{pg[1]}" /><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0" />'
if footer != "none":
    pre, post = {"page": ("", ""), "pageword": ("Page ", ""), "dashes": ("- ", " -")}[footer]
    run = lambda t: f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>' if t else ""
    files["word/footer1.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{W}" xmlns:r="{R}">'
        f'<w:p><w:pPr><w:jc w:val="center" /></w:pPr>{run(pre)}'
        '<w:r><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end" /></w:r>'
        f'{run(post)}</w:p></w:ftr>').encode()
    rels = files["word/_rels/document.xml.rels"].decode()
    files["word/_rels/document.xml.rels"] = rels.replace("</Relationships>",
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Id="rIdFtr1" Target="footer1.xml" /></Relationships>').encode()
    ct = files["[Content_Types].xml"].decode()
    files["[Content_Types].xml"] = ct.replace("</Types>",
        '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>').encode()
    sect = '<w:footerReference w:type="default" r:id="rIdFtr1" />' + sect
doc = files["word/document.xml"].decode()
doc = re.sub(r"<w:sectPr\s*/>\s*|<w:sectPr.*?</w:sectPr>\s*", "", doc, flags=re.S)
files["word/document.xml"] = doc.replace("</w:body>", f"<w:sectPr>{sect}</w:sectPr></w:body>").encode()
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for n, b in files.items():
        z.writestr(n, b)
PY
cat > "$work/nosep.py" <<'PY'
"""Drop the footnote separator lines from a docx that pandoc wrote (pandoc writes its own
separator footnotes whatever the reference document says)."""
import sys, zipfile, shutil
p = sys.argv[1]
zin = zipfile.ZipFile(p)
files = {n: zin.read(n) for n in zin.namelist()}
zin.close()
fx = files["word/footnotes.xml"].decode()
for tag in ("<w:separator />", "<w:continuationSeparator />", "<w:separator/>", "<w:continuationSeparator/>"):
    fx = fx.replace(f"<w:r>{tag}</w:r>", "")
files["word/footnotes.xml"] = fx.encode()
with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
    for n, b in files.items():
        z.writestr(n, b)
PY
pandoc -o "$work/default-ref.docx" --print-default-data-file reference.docx
lo_docs=()
lo_variant() {  # variant font size heads separator footer page justify
    local v=$1; shift
    want "$v" || return 0
    python3 "$work/mkref.py" "$work/default-ref.docx" "$work/ref-$v.docx" "$@"
    pandoc -f "$from" -t docx --reference-doc "$work/ref-$v.docx" -o "$work/$name--$v.docx" "$work/doc.md"
    [ "$4" = off ] && python3 "$work/nosep.py" "$work/$name--$v.docx"
    lo_docs+=("$work/$name--$v.docx")
}
#          variant      font              pt heads   sep footer    page   justify
lo_variant lo-serif11   "Liberation Serif" 11 bold   on  page      a4     yes
lo_variant lo-sans10    "Liberation Sans"  10 plain  off none      a4     no
lo_variant lo-dejavu12  "DejaVu Serif"     12 italic on  pageword  letter yes
lo_variant lo-carlito11 "Carlito"          11 blue   off dashes    a4     no
# The ODT route: pandoc's default ODT styles set notes in 10pt with a hanging indent and their
# number in the plain "Footnote Symbol" style (not raised), under LibreOffice's default separator.
cat > "$work/perpage.py" <<'PY'
"""Make an ODT's footnote numbering restart on every page."""
import re, sys, zipfile
p = sys.argv[1]
zin = zipfile.ZipFile(p)
names = zin.namelist()
files = {n: zin.read(n) for n in names}
zin.close()
st = files["styles.xml"].decode()
conf = re.search(r'<text:notes-configuration text:note-class="footnote".*?/>', st, re.S)
assert conf, "pandoc's styles.xml has no footnote configuration"
new = re.sub(r'\s*text:start-numbering-at="[a-z]+"', "", conf.group(0))
new = new.replace("/>", ' text:start-numbering-at="page"/>')
files["styles.xml"] = (st[:conf.start()] + new + st[conf.end():]).encode()
with zipfile.ZipFile(p, "w") as z:
    for n in names:  # mimetype first and stored, as ODF requires
        z.writestr(n, files[n], zipfile.ZIP_STORED if n == "mimetype" else zipfile.ZIP_DEFLATED)
PY
for v in lo-odt lo-odt-perpage; do
    want "$v" || continue
    pandoc -f "$from" -t odt -o "$work/$name--$v.odt" "$work/doc.md"
    [ "$v" = lo-odt-perpage ] && python3 "$work/perpage.py" "$work/$name--$v.odt"
    lo_docs+=("$work/$name--$v.odt")
done
if [ ${#lo_docs[@]} -gt 0 ]; then
    soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
        --outdir "$work" "${lo_docs[@]}" > /dev/null 2>&1
    for d in "${lo_docs[@]}"; do cp "${d%.*}.pdf" "$outdir/"; done
fi

# ---------------------------------------------------------------- LaTeX
cat > "$work/quotes.lua" <<'LUA'
-- TeX typesets ' as a right quote (and `` as an opening one): write straight quotes as such.
function Str(el)
  if not el.text:find("['`\"]") then return nil end
  local out, buf = {}, ""
  for _, c in utf8.codes(el.text) do
    local ch = utf8.char(c)
    local raw = ({["'"] = "\\textquotesingle{}", ["`"] = "\\textasciigrave{}", ['"'] = "\\textquotedbl{}"})[ch]
    if raw then
      if buf ~= "" then table.insert(out, pandoc.Str(buf)); buf = "" end
      table.insert(out, pandoc.RawInline("latex", raw))
    else
      buf = buf .. ch
    end
  end
  if buf ~= "" then table.insert(out, pandoc.Str(buf)) end
  return out
end
LUA
tex() {  # variant engine options...
    local v=$1 engine=$2; shift 2
    want "$v" || return 0
    pandoc -f "$from" -s -t latex --lua-filter "$work/quotes.lua" -V block-headings -V colorlinks=false "$@" -o "$work/$name--$v.tex" "$work/doc.md"
    (cd "$work" && for _ in 1 2; do "$engine" -interaction=nonstopmode -halt-on-error "$name--$v.tex" > "$name--$v.texlog" 2>&1 \
        || { echo "$engine failed for $v: see $work/$name--$v.log" >&2; return 1; }; done)
    cp "$work/$name--$v.pdf" "$outdir/"
}
tex tex-xe11 xelatex -V documentclass=article -V fontsize=11pt
tex tex-xe10 xelatex -V documentclass=scrartcl -V fontsize=10pt -V papersize=a4 -V geometry:margin=1.8cm \
    -V mainfont="DejaVu Serif" -V sansfont="DejaVu Sans" -V monofont="DejaVu Sans Mono"
tex tex-pdf11 pdflatex -V documentclass=article -V fontsize=11pt -V papersize=a4 -V geometry:margin=2.5cm
cat > "$work/oj-notes.tex" <<'TEX'
% The Official Journal's notes: the call `(1)` with only the digit raised, the body `(1) text`.
\makeatletter
\renewcommand\@makefnmark{\mbox{(\textsuperscript{\normalfont\@thefnmark})}}
\renewcommand\@makefntext[1]{\parindent 1em\noindent\hb@xt@ 2em{(\@thefnmark)\hss}#1}
\makeatother
TEX
printf '%s\n' '\usepackage[perpage]{footmisc}' > "$work/perpage.tex"
cat "$work/oj-notes.tex" >> "$work/perpage.tex"
tex tex-perpage xelatex -V documentclass=article -V fontsize=11pt -V papersize=a4 -V geometry:margin=2.5cm \
    -V mainfont="Liberation Serif" -H "$work/perpage.tex"
oj_issue=${OJ_ISSUE:-L 123} oj_date=${OJ_DATE:-5.5.1999} oj_page=${OJ_PAGE:-10}
cat > "$work/oj2col.tex" <<TEX
\usepackage{mathptmx}
\usepackage{fancyhdr}
\pagestyle{fancy}
\fancyhf{}
\renewcommand{\headrulewidth}{0pt}
\fancyhead[LE]{\textbf{$oj_issue/\thepage}}
\fancyhead[RE,LO]{$oj_date}
\fancyhead[C]{EN\hspace{3em}Official Journal of the European Communities}
\fancyhead[RO]{\textbf{$oj_issue/\thepage}}
\setcounter{page}{$oj_page}
\setlength{\columnsep}{7mm}
\setlength{\parskip}{3pt}
\setlength{\parindent}{0pt}
TEX
cat "$work/oj-notes.tex" >> "$work/oj2col.tex"
cat > "$work/articles.lua" <<'LUA'
-- The Official Journal of the time centres `Article N` in italics.
function Para(el)
  local t = pandoc.utils.stringify(el)
  if t:match("^Article %d+$") then
    return pandoc.RawBlock("latex", "\\begin{center}\\textit{" .. t .. "}\\end{center}")
  end
end
LUA
tex tex-oj2col pdflatex -V documentclass=article -V fontsize=10pt -V classoption=twocolumn,twoside \
    -V papersize=a4 -V geometry:top=2.2cm,bottom=2.2cm,left=1.6cm,right=1.6cm,headsep=0.6cm \
    --lua-filter "$work/articles.lua" -H "$work/oj2col.tex"

# ---------------------------------------------------------------- WeasyPrint (CSS footnotes)
cat > "$work/notes.lua" <<'LUA'
-- Put each footnote's text at its call site as <span class="fn">, for CSS `float: footnote`.
function Note(el)
  return pandoc.Span(pandoc.utils.blocks_to_inlines(el.content, {pandoc.Space()}), {class = "fn"})
end
LUA
cat > "$work/weasy-serif11.css" <<'CSS'
@page { size: A4; margin: 2.5cm 2.2cm 2.8cm 2.2cm;
        @footnote { border-top: 0.6pt solid black; padding-top: 4pt; margin-top: 10pt; }
        @bottom-center { content: counter(page); font: 9pt "Liberation Serif"; } }
html { font: 11pt/1.35 "Liberation Serif", serif; text-align: justify; hyphens: manual; }
p { margin: 0 0 7pt 0; }
h1, h2, h3, h4, h5, h6 { font-weight: bold; text-align: left; margin: 12pt 0 6pt 0; page-break-after: avoid; }
h1 { font-size: 14pt; } h2 { font-size: 13pt; } h3 { font-size: 12pt; } h4 { font-size: 11pt; }
.fn { float: footnote; font-size: 9pt; line-height: 1.25; text-align: justify; }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 7pt; line-height: 0; }
::footnote-marker { content: counter(footnote); vertical-align: super; font-size: 6.5pt; padding-right: 3pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 6pt 0; }
td, th { border: 0.5pt solid #444; padding: 2pt 4pt; vertical-align: top; text-align: left; }
td p, th p { margin: 0 0 3pt 0; }
ul, ol { margin: 0 0 7pt 0; padding-left: 18pt; }
ol[type="a"] { list-style: none; counter-reset: alpha; }
ol[type="a"] > li { counter-increment: alpha; }
ol[type="a"] > li > :first-child::before, ol[type="a"] > li:not(:has(p))::before {
    content: "(" counter(alpha, lower-alpha) ") "; }
a { color: inherit; text-decoration: none; }
CSS
cat > "$work/weasy-sans10.css" <<'CSS'
@page { size: A4; margin: 2cm 2.5cm 2.5cm 2.5cm;
        @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt "Liberation Sans"; } }
html { font: 10pt/1.4 "Liberation Sans", sans-serif; text-align: left; }
p { margin: 0 0 6pt 0; }
h1, h2, h3, h4, h5, h6 { font-weight: bold; margin: 10pt 0 5pt 0; page-break-after: avoid; }
h1 { font-size: 13pt; } h2 { font-size: 12pt; } h3 { font-size: 11pt; } h4 { font-size: 10pt; }
.fn { float: footnote; font-size: 8pt; line-height: 1.3; }
::footnote-call { content: "(" counter(footnote) ")"; vertical-align: super; font-size: 6.5pt; line-height: 0; }
::footnote-marker { content: "(" counter(footnote) ") "; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; margin: 6pt 0; }
td, th { border: 0.4pt solid #888; padding: 2pt 3pt; vertical-align: top; text-align: left; }
td p, th p { margin: 0 0 2pt 0; }
ul, ol { margin: 0 0 6pt 0; padding-left: 16pt; }
ol[type="a"] { list-style: none; counter-reset: alpha; }
ol[type="a"] > li { counter-increment: alpha; }
ol[type="a"] > li > :first-child::before, ol[type="a"] > li:not(:has(p))::before {
    content: "(" counter(alpha, lower-alpha) ") "; }
a { color: inherit; text-decoration: none; }
CSS
weasy() {
    local v=$1
    want "$v" || return 0
    pandoc -f "$from" -t html5 -s --wrap=none --metadata pagetitle="$name" --lua-filter "$work/notes.lua" \
        --css "$v.css" -o "$work/$name--$v.html" "$work/doc.md"
    (cd "$work" && weasyprint "$name--$v.html" "$outdir/$name--$v.pdf" 2> "$name--$v.weasylog") \
        || { cat "$work/$name--$v.weasylog" >&2; return 1; }
}
weasy weasy-serif11
weasy weasy-sans10

for v in $variants; do
    f="$outdir/$name--$v.pdf"
    [ -f "$f" ] && printf '%s\t%s pages\t%s\n' "$f" "$(pdfinfo "$f" | awk '/^Pages:/{print $2}')" \
        "$(pdfinfo "$f" | sed -n 's/^Producer: *//p')"
done
