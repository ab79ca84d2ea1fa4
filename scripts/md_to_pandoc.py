"""Turn the converter-style Markdown fixture into pandoc Markdown: real footnotes and grid
tables, so that pandoc + LibreOffice can render it as a Word-style PDF.

usage: md_to_pandoc.py [--join-breaks] [--keep-markers] INPUT.md > OUT.md

Without options the output is what scripts/render-libreoffice.sh has always used. Options, for
scripts/render-variants.sh (renders that should carry exactly the fixture's text):
  --join-breaks   join a paragraph cut by a page break back together: a paragraph that ends
                  without final punctuation, followed by a page break (a `---` rule, footnote
                  bodies or two or more blank lines; or none when it ends in `of`, `the`, ...)
                  and a line that continues it (starts in lower case, or the paragraph ends
                  in a lower-case word), as the Markdown reader does
  --keep-markers  keep lines that start with a literal `•` or `–` marker as one paragraph each
                  (pandoc would otherwise run consecutive such lines into one paragraph)
"""
import re, sys, textwrap

args = [a for a in sys.argv[1:] if not a.startswith("--")]
opts = {a for a in sys.argv[1:] if a.startswith("--")}
unknown = opts - {"--join-breaks", "--keep-markers"}
if unknown or len(args) != 1:
    sys.exit(__doc__)
JOIN = "--join-breaks" in opts
MARKERS = "--keep-markers" in opts
src = open(args[0], encoding="utf-8").read()
lines = src.split("\n")
out = []
notes = {}
i = 0
def inline(s):
    s = re.sub(r"<sup>(\d+)</sup>", r"[^\1]", s)
    s = s.replace("<b>", "**").replace("</b>", "**").replace("<i>", "*").replace("</i>", "*")
    return s

def grid(rows):
    # rows: list of list of cells; cell: list of paragraphs
    ncol = max(len(r) for r in rows)
    rows = [r + [[]] * (ncol - len(r)) for r in rows]
    width = [12] + [24] * (ncol - 1)
    def cell_lines(paras, w):
        ls = []
        for k, p in enumerate(paras):
            if k:
                ls.append("")
            ls.extend(textwrap.wrap(p, w) or [""])
        return ls or [""]
    sep = "+" + "+".join("-" * (w + 2) for w in width) + "+"
    res = [sep]
    for r in rows:
        cols = [cell_lines(c, width[j]) for j, c in enumerate(r)]
        h = max(len(c) for c in cols)
        for k in range(h):
            res.append("| " + " | ".join((cols[j][k] if k < len(cols[j]) else "").ljust(width[j]) for j in range(ncol)) + " |")
        res.append(sep)
    return res

# --join-breaks state: index in `out` of the last text paragraph line, and whether a page break
# (rule, footnote bodies, 2+ blank lines) has been seen since it.
last_para = None
broken = False
blanks = 0
PLAIN = re.compile(r"^(?![#|>\t<]|[*+\-•–]\s|\d+[.)]\s|\([a-z0-9]+\)\s|\s*$)")

# A paragraph ending in one of these words is cut even without a page break between.
DANGLING = re.compile(r"\b(?:of|the|to|and|in|a|an|on|for|with|by|at|from|as|or)\s*$")

def continues(prev, nxt):
    prev = prev.rstrip()
    if not prev or prev[-1] in ".:;!?)]\"'’*":
        return False
    if nxt[:1].islower():
        return True
    return bool(re.search(r"\b[a-z]+$", prev)) and len(prev) > 200

while i < len(lines):
    l = lines[i]
    if JOIN:
        if not l.strip():
            blanks += 1
            if blanks >= 2 and last_para is not None:
                broken = True
        else:
            blanks = 0
    if JOIN and l.strip() and not l.startswith("<sup>") and l.strip() != "---" and "\t" not in l:
        if (
            last_para is not None
            and PLAIN.match(l)
            and (broken or DANGLING.search(out[last_para]))
            and continues(out[last_para], l)
        ):
            out[last_para] = out[last_para].rstrip() + " " + inline(l.replace("\\$", "$")).strip()
            broken = False
            i += 1
            continue
        broken = False
        last_para = len(out) if PLAIN.match(l) or re.match(r"^\([a-z]\)\s", l) else None
    if MARKERS and re.match(r"^[•–]\s", l) and out and out[-1].strip():
        out.append("")
    m = re.match(r"^<sup>(\d+)</sup>\s*(.*)$", l)
    if m:
        body = [m.group(2)]
        while i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].startswith("<sup>"):
            i += 1
            body.append(lines[i].strip())
        notes[m.group(1)] = " ".join(body)
        if JOIN and last_para is not None:
            broken = True
        i += 1
        continue
    if "\t" in l:
        rows = []
        while i < len(lines) and "\t" in lines[i]:
            cells = []
            for c in lines[i].split("\t"):
                ps = re.findall(r"<p>(.*?)</p>", c)
                rest = re.sub(r"<p>.*?</p>", "", c).strip()
                paras = [inline(p).strip() for p in ps]
                if rest:
                    paras.insert(0, inline(rest))
                cells.append([p for p in paras if p])
            rows.append(cells)
            i += 1
        out.append("")
        # A title row (only its first cell filled) reads as a line before the table.
        if rows and all(not c for c in rows[0][1:]) and rows[0][0]:
            out.extend(rows[0][0])
            out.append("")
            rows = rows[1:]
        out.extend(grid(rows))
        out.append("")
        continue
    if l.strip() == "---":
        if JOIN and last_para is not None:
            broken = True
        i += 1
        continue
    out.append(inline(l.replace("\\$", "$")))
    i += 1
text = "\n".join(out)
text += "\n\n" + "\n\n".join(f"[^{k}]: {v}" for k, v in notes.items()) + "\n"
sys.stdout.write(text)
