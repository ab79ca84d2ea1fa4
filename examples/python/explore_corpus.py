# %% [markdown]
# # Exploring a corpus with eurodoc
#
# Notebook-style (the `# %%` cells open as a notebook in Jupyter with jupytext, VS Code or
# PyCharm); also runs as a script: `python examples/python/explore_corpus.py [FOLDER]`.
# Needs only the package: `pip install ./python`.

# %%
import collections
import sys
from pathlib import Path

import eurodoc

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "fixtures")
paths = sorted(
    str(p) for p in folder.rglob("*") if p.is_file() and eurodoc.takes_file(p.name, p.read_bytes()[:1024])
)
print(f"{len(paths)} documents under {folder}")

# %% [markdown]
# Extract them all in parallel. Results come in input order; an input that cannot be read
# gives an error object in its place instead of stopping the run.

# %%
docs, failures = [], []
for result in eurodoc.extract_many(paths):
    (failures if isinstance(result, eurodoc.EurodocError) else docs).append(result)
print(f"{len(docs)} extracted, {len(failures)} failed")
for f in failures:
    print(f"  {f.path}: {f.kind}: {f.message}")

# %% [markdown]
# What are they? The metadata says what each document is and its own reference.

# %%
for d in docs[:10]:
    m = d["metadata"]
    own = m["commission_reference"] or m["act"] or m["council_number"] or "-"
    print(f"{own:<28} {m['document_type'] or '?':<14} {(m['title'] or '')[:60]}")

# %% [markdown]
# Which references does the corpus cite most? One flat row per mention makes this a count.

# %%
rows = [row for d in docs for row in eurodoc.mention_rows(d)]
citing = collections.defaultdict(set)
for row in rows:
    citing[(row["kind"], row["reference"])].add(row["sha256"])
print(f"{len(rows)} mentions of {len(citing)} references")
for (kind, ref), shas in sorted(citing.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:10]:
    print(f"{len(shas):>3} documents  {kind:<16} {ref}")

# %% [markdown]
# Figures: every number has a value and a unit (a currency, `percent`, `count`, `years`, ...).

# %%
figures = [f for d in docs for f in d["figures"]]
units = collections.Counter(f["unit"] for f in figures)
print(f"{len(figures)} figures; most frequent units: {dict(units.most_common(6))}")
euros = [f for f in figures if f["unit"] == "EUR" and f["value"] is not None]
if euros:
    largest = max(euros, key=lambda f: f["value"])
    print(f"largest amount in euros: {largest['text']!r} = {largest['value']:,.0f}")
    print(f"  in: {largest['sentence'][:120]!r}")

# %% [markdown]
# Who commits to do what?

# %%
actors = collections.Counter(c["actor"] for d in docs for c in d["commitments"])
print(dict(actors.most_common(5)))
