"""The exceptions numclaims raises.

Every error the library raises on purpose derives from :class:`NumclaimsError`,
so ``except NumclaimsError`` catches them all.  A wrong argument *type* is a
programming error and raises :class:`InputTypeError`, which is both a
``NumclaimsError`` and the built-in ``TypeError``.  Invalid
:class:`~numclaims.Options` raise Pydantic's ``ValidationError``.
"""

from __future__ import annotations

__all__ = ["InputTooLongError", "InputTypeError", "NumclaimsError", "UnitConversionError"]


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
