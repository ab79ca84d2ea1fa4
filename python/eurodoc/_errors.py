"""The exceptions eurodoc raises, one class per kind of error the library reports.

The kinds are those of the CLI's error records (``eurodoc batch`` writes
``{"source": {"path": ...}, "error": {"kind": ..., "message": ...}}``), so a program can
handle a failure the same way whichever way it ran eurodoc.
"""

from __future__ import annotations

from typing import Optional


class EurodocError(Exception):
    """A document could not be processed.

    Attributes:
        kind: the error's stable name (``"encrypted"``, ``"not_pdf"``, ...).
        message: what went wrong and, where there is something to do about it, what.
        path: the input's path or name, when it had one.
    """

    kind = "error"

    def __init__(self, message: str, path: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(kind={self.kind!r}, path={self.path!r}, message={self.message!r})"

    def to_record(self) -> dict:
        """The error record ``eurodoc batch`` writes for this input."""
        return {"source": {"path": self.path}, "error": {"kind": self.kind, "message": self.message}}


class ReadError(EurodocError):
    """The file could not be read (missing, unreadable)."""

    kind = "io"


class IsDirectoryError(EurodocError):
    """A folder was given where a document was expected."""

    kind = "is_directory"


class EmptyDocumentError(EurodocError):
    """The input has no bytes."""

    kind = "empty"


class BinaryInputError(EurodocError):
    """The input is binary but not a PDF (an image, an archive, ...)."""

    kind = "binary"


class InvalidUtf8Error(EurodocError):
    """The text is not UTF-8."""

    kind = "invalid_utf8"


class NotPdfError(EurodocError):
    """The input is named .pdf but is not a PDF."""

    kind = "not_pdf"


class EncryptedPdfError(EurodocError):
    """The PDF needs a password."""

    kind = "encrypted"


class MalformedPdfError(EurodocError):
    """The PDF is damaged beyond reading."""

    kind = "malformed_pdf"


class NoTextError(EurodocError):
    """The document has no text to read (a scan without OCR, say)."""

    kind = "no_text"


class BudgetExceededError(EurodocError):
    """The input looked pathological and eurodoc gave up on it."""

    kind = "budget"


class InternalError(EurodocError):
    """A bug in eurodoc; please report it with the file."""

    kind = "internal"


# Every class above, by kind: a new kind needs only its class.
ERRORS = {cls.kind: cls for cls in EurodocError.__subclasses__()}


def from_kind(kind: str, message: str, path: Optional[str] = None) -> EurodocError:
    """The exception object for an error of ``kind`` (a kind unknown here keeps its name)."""
    cls = ERRORS.get(kind)
    if cls is None:
        err = EurodocError(message, path)
        err.kind = kind
        return err
    return cls(message, path)
