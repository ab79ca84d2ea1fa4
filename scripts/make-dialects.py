#!/usr/bin/env python3
"""Rewrite the shared fixture in the notations other producers use (issue #12).

usage: scripts/make-dialects.py [INPUT.md] [OUTDIR]
       (defaults: fixtures/com-2013-179/input.md, tests/data/dialects; run from anywhere)

Writes OUTDIR/com-2013-179--<dialect>.<ext>, the same text with the same footnote numbering,
only the notation changed:

  eurlex.txt       text copied from a EUR-Lex HTML page: no markup, headings `2.1.Title`, calls
                   ` N ` set apart by spaces, every body at the end as `(N)      text`, blank
                   lines between paragraphs, no page rules, table rows tab-separated
  caret.md         converter Markdown: calls `^N` glued to the word, bodies `(^N) text` at each
                   page end (where the original has its `<sup>N</sup> text` lines), rules kept
  caret-space.md   as caret.md with calls `(^N )` and bodies `(^N ) text`
  eurlex-caret.txt as eurlex.txt, as EUR-Lex's act pages copy: calls `(^N )` set apart by a
                   space, the space before `)` a no-break one, every body's marker `(^N )` on a
                   line of its own with the text on the next line
  runon.md         as caret.md with the bodies of each page run together on one line
                   (`(^1) COM(2013) 45/3. (^2) COM(2013) 44/2.`)
  glued.md         converter Markdown: calls as digits glued to the word or punctuation
                   (`Directive1`, `20118.`), bodies `N text` right after the paragraph that
                   calls them (a paragraph cut by a page end joined back, page rules dropped),
                   `#`/`**` markers dropped on every other heading (numbered and not)
  pdfminer.txt     text as pdfminer writes a PDF: lines wrapped at 90 characters, no blank
                   lines, no form feeds, calls glued, bodies `N text` at the foot of their page,
                   each page ended by the footer `EN` / page number / `EN`
  fenced.md        the original with the cover note (everything before `Brussels, 10.4.2013`)
                   as plain text in a ``` code fence

The output is deterministic: run it again after changing the fixture or this script.
"""
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fixtures/com-2013-179/input.md"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests/data/dialects"
NAME = "com-2013-179"
WIDTH = 90          # pdfminer line width
PAGE_LINES = 46     # pdfminer: lines on a page before a page without footnotes ends

NOTE = re.compile(r"^\s*<sup>(\d+)</sup> ?(.*)$")
CALL = re.compile(r"<sup>(\d+)</sup>")
MARK = "\x00{}\x00"            # a footnote call while the notation is chosen
MARKED = re.compile("\x00(\\d+)\x00")


# ---------------------------------------------------------------------------------------------
# Reading the original into blocks


class Block:
    """One chunk of the original between blank lines (or one list item, or one note)."""

    def __init__(self, kind, lines, cover=False):
        self.kind = kind          # para, heading, item, table, rule, notes
        self.lines = lines        # the original Markdown lines
        self.cover = cover        # part of the Council cover note
        self.notes = []           # for notes: [(number, [lines])]
        self.cont = False         # para: continues the paragraph cut by the page end before
        self.page_rule = False    # rule: the page rule before a footnote block

    def calls(self):
        if self.kind == "notes":
            return []
        return [int(n) for line in self.lines for n in CALL.findall(line)]


def read(text):
    chunks, cur = [], []
    for line in text.split("\n"):
        if line.strip():
            cur.append(line)
        elif cur:
            chunks.append(cur)
            cur = []
    if cur:
        chunks.append(cur)

    blocks, cover = [], True
    for chunk in chunks:
        first = chunk[0]
        if first.startswith("Brussels, 10.4.2013"):
            cover = False
        if all(line.strip() == "---" for line in chunk):
            blocks.append(Block("rule", chunk, cover))
        elif NOTE.match(first):
            number = int(NOTE.match(first).group(1))
            if blocks and blocks[-1].kind == "notes":
                block = blocks[-1]
            else:
                block = Block("notes", [], cover)
                blocks.append(block)
            block.notes.append((number, chunk))
            block.lines.extend(chunk)
        elif first.startswith("#"):
            assert len(chunk) == 1, chunk
            blocks.append(Block("heading", chunk, cover))
        elif first.startswith("- "):
            for line in chunk:
                assert line.startswith("- "), chunk
                blocks.append(Block("item", [line], cover))
        elif any("\t" in line for line in chunk):
            blocks.append(Block("table", chunk, cover))
        else:
            blocks.append(Block("para", chunk, cover))

    for i, block in enumerate(blocks):
        if block.kind != "notes":
            continue
        if i > 0 and blocks[i - 1].kind == "rule":
            blocks[i - 1].page_rule = True
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if after and after.kind == "para" and after.lines[0][:1].islower():
            after.cont = True
    return blocks


# ---------------------------------------------------------------------------------------------
# Inline notation


def marked(line):
    """The line with its footnote calls as placeholders."""
    return CALL.sub(lambda m: MARK.format(m.group(1)), line)


def plain(line):
    """Markdown and HTML markup dropped, as in a copied or extracted text."""
    s = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\2", line)          # [text](url) -> url
    s = re.sub(r"\*\*(.+?)\*\*", r"\1", s)
    s = re.sub(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])", r"\1", s)
    s = s.replace("**", "")
    s = re.sub(r"</p>\s*<p>", " ", s)
    s = re.sub(r"<[^>\x00]+>", "", s)
    s = re.sub(r"\\(.)", r"\1", s)                                # \$ -> $, \_ -> _
    s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return s.rstrip()


def calls_spaced(s):
    """EUR-Lex: ` 1 ` set apart by spaces, ` 2 .` before punctuation."""
    s = re.sub(r" *\x00(\d+)\x00 *", r" \1 ", s)
    return s.rstrip()


def calls_glued(s):
    return MARKED.sub(r"\1", s)


def heading_text(line):
    s = re.sub(r"^#+\s*", "", line)
    return plain(s).strip()


def cells(line):
    return [plain(cell).strip() for cell in line.split("\t")]


# ---------------------------------------------------------------------------------------------
# The dialects


def eurlex(blocks, calls_spaced=calls_spaced, note="({n})      {text}"):
    paras, notes = [], []
    for block in blocks:
        if block.kind == "rule":
            continue
        if block.kind == "notes":
            for number, lines in block.notes:
                text = " ".join(plain(marked(NOTE.match(lines[0]).group(2))).split()
                                + [plain(line).strip() for line in lines[1:]])
                notes.append(note.format(n=number, text=text.strip()))
            continue
        lines = [calls_spaced(plain(marked(line))) for line in block.lines]
        if block.kind == "heading":
            text = heading_text(calls_spaced(marked(block.lines[0])))
            paras.append(re.sub(r"^((?:\d+\.)+)\s+", r"\1", text))
        elif block.kind == "item":
            paras.append("• " + calls_spaced(plain(marked(block.lines[0][2:]))).strip())
        elif block.kind == "table":
            paras.append("\n".join("\t".join(cells(line)) for line in block.lines))
        elif block.cont:
            paras[-1] = paras[-1] + " " + " ".join(line.strip() for line in lines)
        else:
            paras.append("\n".join(line.strip() for line in lines))
    return "\n\n".join(paras) + "\n\n\n\n" + "\n".join(notes) + "\n"


def calls_caret_spaced(s):
    """EUR-Lex act pages: ` (^1 )` after a space, the space inside a no-break one."""
    s = re.sub(r" *\x00(\d+)\x00", " (^\\1\u00a0)", s)
    return s.rstrip()


def run_on(text):
    """Each run of note bodies (chunks opening `(^N)`) joined onto one line."""
    out = []
    for chunk in text.split("\n\n"):
        if chunk.startswith("(^") and out and out[-1].startswith("(^"):
            out[-1] += " " + " ".join(chunk.split("\n"))
        else:
            out.append(chunk)
    return "\n\n".join(out)


def caret(text, call, body):
    out = []
    for line in text.split("\n"):
        m = NOTE.match(line)
        if m:
            line = line[: line.index("<sup>")] + body.format(m.group(1)) + " " + m.group(2)
        out.append(CALL.sub(lambda m: call.format(m.group(1)), line))
    return "\n".join(out)


def glued(blocks):
    bodies = {}
    for block in blocks:
        for number, lines in block.notes:
            first = NOTE.match(lines[0])
            bodies[number] = [f"{number} {first.group(2)}"] + lines[1:]

    out, pending, headings = [], [], [0, 0]

    def flush():
        for number in pending:
            out.append("\n".join(bodies[number]))
        pending.clear()

    for block in blocks:
        if block.kind == "notes" or (block.kind == "rule" and block.page_rule):
            continue
        text = [calls_glued(marked(line)) for line in block.lines]
        if block.cont:
            # The paragraph cut by the page end, joined back; its notes follow it whole.
            out[-1] = out[-1].rstrip() + " " + " ".join(text)
        else:
            if block.kind != "item":
                flush()
            if block.kind == "heading":
                # Every other numbered heading, and every other unnumbered one, loses its
                # markers: `2.1. Title` alone on its line.
                numbered = bool(re.match(r"\d+(\.\d+)*\.\s", heading_text(text[0])))
                if headings[numbered] % 2 == 1:
                    text = [heading_text(text[0])]
                headings[numbered] += 1
            out.append("\n".join(text))
        pending.extend(block.calls())
        if block.kind == "item":
            flush()
    flush()
    # List items of one list stay on consecutive lines, as in the original.
    text, prev = "", None
    for chunk, block in zip(out, _kinds(blocks, out)):
        sep = "\n" if prev == "item" and block == "item" else "\n\n"
        text += (sep if text else "") + chunk
        prev = block
    return text + "\n"


def _kinds(blocks, out):
    """The kind of each chunk glued() wrote: `item` for list items, `other` otherwise."""
    kinds = []
    for chunk in out:
        kinds.append("item" if chunk.startswith("- ") else "other")
    return kinds


def pdfminer(blocks):
    out, page, on_page = [], 1, 0

    def emit(lines):
        nonlocal on_page
        out.extend(lines)
        on_page += len(lines)

    def footer():
        nonlocal page, on_page
        out.extend(["EN", str(page), "EN"])
        page += 1
        on_page = 0

    def wrap(text, first="", rest=""):
        return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                             break_long_words=False, break_on_hyphens=False)

    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.kind == "rule":
            continue
        if block.kind == "notes":
            for number, lines in block.notes:
                emit(wrap(f"{number} " + calls_glued(plain(marked(NOTE.match(lines[0]).group(2))))))
                for line in lines[1:]:
                    emit(wrap(plain(line).strip()))
            footer()
            continue
        if block.kind == "heading":
            emit(wrap(heading_text(calls_glued(marked(block.lines[0])))))
        elif block.kind == "item":
            emit(wrap(calls_glued(plain(marked(block.lines[0][2:]))).strip(), "• "))
        elif block.kind == "table":
            emit(["\t".join(cells(line)) for line in block.lines])
        else:
            for line in block.lines:
                emit(wrap(calls_glued(plain(marked(line))).strip()))
        # A page without footnotes ends between two blocks.
        ends_here = nxt is not None and nxt.kind not in ("notes", "rule") and not nxt.cont
        if on_page >= PAGE_LINES and ends_here and not block.cover:
            footer()
    if on_page:
        footer()
    return "\n".join(out) + "\n"


def fenced(text):
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip())
    end = next(i for i, line in enumerate(lines) if line.startswith("Brussels, 10.4.2013"))
    cover = [plain(line).strip() for line in lines[start:end] if line.strip() != "---"]
    while cover and not cover[-1]:
        cover.pop()
    squeezed = []
    for line in cover:
        if line or (squeezed and squeezed[-1]):
            squeezed.append(line)
    return "\n".join(lines[:start] + ["```"] + squeezed + ["```", ""] + lines[end:])


def main():
    text = SRC.read_text(encoding="utf-8")
    blocks = read(text)
    numbers = [n for b in blocks for n, _ in b.notes]
    calls = [n for b in blocks for n in b.calls()]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    assert sorted(calls) == numbers, calls
    dialects = {
        "eurlex.txt": eurlex(blocks),
        "caret.md": caret(text, "^{}", "(^{})"),
        "caret-space.md": caret(text, "(^{} )", "(^{} )"),
        "eurlex-caret.txt": eurlex(blocks, calls_caret_spaced, "(^{n}\u00a0)\n{text}"),
        "runon.md": run_on(caret(text, "^{}", "(^{})")),
        "glued.md": glued(blocks),
        "pdfminer.txt": pdfminer(blocks),
        "fenced.md": fenced(text),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    for dialect, body in dialects.items():
        assert "<sup>" not in body or dialect == "fenced.md", dialect
        path = OUT / f"{NAME}--{dialect}"
        path.write_text(body, encoding="utf-8")
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
