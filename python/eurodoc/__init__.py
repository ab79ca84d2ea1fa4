"""eurodoc: EU institutional documents into structured, schema-checked JSON.

Commission communications, reports and proposals, the Council's cover notes and documents,
Official Journal acts; as PDF, Markdown or plain text. The work is done by the eurodoc Rust
library: this package calls it, with the GIL released, and gives back what the ``eurodoc``
command prints.

    >>> import eurodoc
    >>> doc = eurodoc.extract("fixtures/com-2013-179/input.md")
    >>> doc["metadata"]["council_number"], doc["metadata"]["commission_reference"]
    ('8410/13', 'COM(2013) 179 final')

A result is a dict with the keys of the JSON contract (``eurodoc.schema()`` returns its JSON
Schema, every field described):

- ``source``: path, sha256, format (pdf / html / formex / akn / markdown / text), bytes, pages.
- ``metadata``: the cover note (``council_code``, ``council_codes``, sender, recipient,
  dates, subject), the document's own reference and title.
- ``parts``, ``sections``, ``footnotes``: the document's structure.
- ``references``: one entry per cited document (COM, SWD, OJ, directives, regulations,
  treaty articles, ...) with its canonical ``id``, ``kind``, ``links`` (CELEX, EUR-Lex) and
  every mention (text, sentence, and ``location``: section, page, footnote, recital, article
  paragraph).
- ``figures``: every number with its ``kind`` (money, percentage, count, duration, ...),
  ``value``, ``unit`` and sentence.
- ``commitments`` (who commits to do what, by when), ``requests`` (what the document asks
  others to do), ``planned_actions`` (roadmap tables).
- ``warnings``: what could not be read. Nothing is dropped silently.
- ``quality``: where the extraction shows it cannot be trusted, found by checks that need no
  annotation: one entry per kind of anomaly found, with ``kind`` (``footnote-gap``,
  ``footnote-uncalled``, ``heading-repeated``, ``heading-skip``, ``figure-grouping``,
  ``id-era``, ...), ``count`` and ``places`` (the first 20: ``page``, ``section``, ``block``,
  ``footnote``, ``excerpt``); an empty list when none is found. Every kind and its meaning:
  ``eurodoc.schema()["$defs"]["AnomalyKind"]``.

Inputs are paths (``str`` or ``os.PathLike``), ``bytes``, or ``(name, bytes)`` pairs such as
Spark's ``binaryFiles`` yields; the name's extension tells Markdown from text, and becomes
``source.path``.

Failures raise a subclass of :class:`EurodocError` named for the error's kind
(``EncryptedPdfError``, ``NotPdfError``, ...); :func:`extract_many` yields the error objects
in place of results instead of raising, so one bad file never stops a corpus.
"""

from __future__ import annotations

import json as _json
import os
from typing import Iterable, Iterator, List, Optional, Tuple, Union

from . import _eurodoc
from ._errors import (
    BinaryInputError,
    BudgetExceededError,
    EmptyDocumentError,
    EncryptedPdfError,
    EurodocError,
    InternalError,
    InvalidUtf8Error,
    IsDirectoryError,
    MalformedPdfError,
    NoTextError,
    NotPdfError,
    ReadError,
)

__version__: str = _eurodoc.__version__
SCHEMA_VERSION: str = _eurodoc.SCHEMA_VERSION

Source = Union[str, "os.PathLike[str]", bytes, bytearray, Tuple[str, bytes]]

__all__ = [
    "extract",
    "extract_json",
    "extract_many",
    "mention_rows",
    "schema",
    "takes_file",
    "Source",
    "SCHEMA_VERSION",
    "EurodocError",
    "ReadError",
    "IsDirectoryError",
    "EmptyDocumentError",
    "BinaryInputError",
    "InvalidUtf8Error",
    "NotPdfError",
    "EncryptedPdfError",
    "MalformedPdfError",
    "NoTextError",
    "BudgetExceededError",
    "InternalError",
]


def extract(source: Source, *, name: Optional[str] = None) -> dict:
    """Extract one document; return the CLI's JSON as Python objects.

    ``source`` is a path, ``bytes`` (give ``name``, e.g. ``"report.md"``, for text: the
    extension tells Markdown from plain text, PDFs are recognised by content) or a
    ``(name, bytes)`` pair. ``name`` also becomes ``source.path`` in the result.

    The result's keys are described in this module's docstring (``help(eurodoc)``) and,
    field by field, in ``eurodoc.schema()``.

    Raises the :class:`EurodocError` subclass of the error's kind when the document cannot
    be processed, and ``TypeError`` for a source of another type.
    """
    return _json.loads(_eurodoc.extract_json(source, name))


def extract_json(source: Source, *, name: Optional[str] = None) -> str:
    """Like :func:`extract`, but return the JSON text (one line), for callers who store it."""
    return _eurodoc.extract_json(source, name)


def extract_many(
    sources: Iterable[Source], *, jobs: Optional[int] = None, as_json: bool = False
) -> Iterator[Union[dict, str, EurodocError]]:
    """Extract many documents in parallel; yield one result per input, in input order.

    Each result is the document's dict (its JSON text with ``as_json=True``) or, for an
    input that failed, the :class:`EurodocError` object of its kind (``path``, ``kind``,
    ``message``; ``to_record()`` gives the error line ``eurodoc batch`` writes), yielded, not
    raised. ``jobs`` worker threads (default: one per core) extract a few documents ahead of
    the consumer, with the GIL released; memory holds a window of results, not the corpus,
    so ``sources`` may be a generator over any number of files.

    An item that is not a path, bytes or ``(name, bytes)`` pair raises ``TypeError``, and an
    exception raised by ``sources`` itself propagates; either is raised in the item's place,
    after the results of the items before it, and ends the iteration. Dropping the iterator
    early skips the documents not yet started.
    """
    results = _eurodoc.extract_many(sources, jobs)
    if as_json:
        return results
    return (r if isinstance(r, EurodocError) else _json.loads(r) for r in results)


def mention_rows(extraction: Union[dict, str]) -> List[dict]:
    """One flat row per reference mention of an extraction (a dict, or its JSON text).

    Keys: ``path``, ``sha256``, ``reference`` (canonical id), ``kind``, ``celex``, ``text``
    (as written), ``section``, ``place`` (``"Article 2(3)"``, ``"recital (5)"``, as
    ``eurodoc index`` prints it), ``page``, ``footnote``, ``sentence``. The same rows as
    ``eurodoc mentions RESULTS.jsonl``. An error record has none; anything else raises
    ``ValueError``.
    """
    text = extraction if isinstance(extraction, str) else _json.dumps(extraction)
    return _json.loads(_eurodoc.mention_rows_json(text))


def takes_file(name: str, head: bytes) -> bool:
    """Whether ``eurodoc batch`` would take a file of this name and these first bytes from a
    folder (a .pdf, .md or .txt name, or content that starts like a PDF): for callers that
    list files themselves, such as Spark jobs over ``binaryFiles``."""
    return _eurodoc.takes_file(name, head)


def schema() -> dict:
    """The JSON Schema of a result (``eurodoc schema`` prints the same)."""
    return _json.loads(_eurodoc.schema_json())
