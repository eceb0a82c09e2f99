"""The exceptions numclaims raises.

Every error the library raises on purpose derives from :class:`NumclaimsError`,
so ``except NumclaimsError`` catches them all.  A wrong argument *type* is a
programming error and raises :class:`InputTypeError`, which is both a
``NumclaimsError`` and the built-in ``TypeError``.  Invalid
:class:`~numclaims.Options` raise Pydantic's ``ValidationError``.
"""

from __future__ import annotations

__all__ = [
    "InputTooLongError",
    "InputTypeError",
    "NumclaimsError",
    "UnitConversionError",
    "VocabularyError",
]


class NumclaimsError(Exception):
    """Base class of every exception raised by numclaims."""


class InputTypeError(NumclaimsError, TypeError):
    """An argument has the wrong type.

    A text that is not a ``str``, ``options`` that is not an
    :class:`~numclaims.Options`, or one text where :func:`~numclaims.parse_many`
    wants an iterable of texts.
    """

    @classmethod
    def for_value(
        cls, value: object, argument: str = "text", expected: str = "str"
    ) -> InputTypeError:
        """Build the error for ``value``, naming its type and, for bytes, the fix.

        >>> str(InputTypeError.for_value(b"5 km", "texts[3]"))
        "texts[3] must be str, not bytes; decode it first, e.g. data.decode('utf-8')"
        >>> str(InputTypeError.for_value({}, "options", "Options"))
        'options must be Options, not dict'
        """
        kind = type(value).__name__
        message = f"{argument} must be {expected}, not {kind}"
        if expected == "str" and isinstance(value, bytes | bytearray | memoryview):
            message += "; decode it first, e.g. data.decode('utf-8')"
        return cls(message)


class UnitConversionError(NumclaimsError, ValueError):
    """A quantity cannot be converted to the requested unit."""


class InputTooLongError(NumclaimsError, ValueError):
    """The text is longer than ``Options.max_length`` allows."""


class VocabularyError(NumclaimsError, ValueError):
    """A user's :class:`~numclaims.Vocabulary` is wrong: raised when it is built.

    An unknown pint unit, a pint definition pint refuses, a code that is no
    ISO 4217 currency, a surface given twice (or that the package already
    reads otherwise), a bad multiplier, or a malformed line of a vocabulary
    file.  The message starts with where: ``path:line`` for a file (also in
    :attr:`path` and :attr:`line`), or the argument for one built in Python
    (``units['smoots']``).

    >>> error = VocabularyError("bad ISO 4217 code 'XYZ'", path="my.txt", line=3)
    >>> str(error), error.path, error.line
    ("my.txt:3: bad ISO 4217 code 'XYZ'", 'my.txt', 3)
    """

    def __init__(self, problem: str, *, path: str | None = None, line: int | None = None) -> None:
        where = path if line is None else f"{path}:{line}"
        super().__init__(problem if where is None else f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the keywords, so the error crosses to and from worker processes."""
        return _rebuild_vocabulary_error, (self.problem, self.path, self.line)


def _rebuild_vocabulary_error(problem: str, path: str | None, line: int | None) -> VocabularyError:
    return VocabularyError(problem, path=path, line=line)
