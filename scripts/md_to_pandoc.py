"""Turn the converter-style Markdown fixture into pandoc Markdown: real footnotes and grid
tables, so that pandoc + LibreOffice can render it as a Word-style PDF."""
import re, sys, textwrap

src = open(sys.argv[1], encoding="utf-8").read()
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

while i < len(lines):
    l = lines[i]
    m = re.match(r"^<sup>(\d+)</sup>\s*(.*)$", l)
    if m:
        body = [m.group(2)]
        while i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].startswith("<sup>"):
            i += 1
            body.append(lines[i].strip())
        notes[m.group(1)] = " ".join(body)
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
        i += 1
        continue
    out.append(inline(l.replace("\\$", "$")))
    i += 1
text = "\n".join(out)
text += "\n\n" + "\n\n".join(f"[^{k}]: {v}" for k, v in notes.items()) + "\n"
sys.stdout.write(text)
