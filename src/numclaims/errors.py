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
    """The text argument is not a ``str``."""

    @classmethod
    def for_value(cls, value: object, argument: str = "text") -> InputTypeError:
        """Build the error for ``value``, naming its type and, for bytes, the fix."""
        kind = type(value).__name__
        message = f"{argument} must be str, not {kind}"
        if isinstance(value, bytes | bytearray | memoryview):
            message += "; decode it first, e.g. data.decode('utf-8')"
        return cls(message)


class UnitConversionError(NumclaimsError, ValueError):
    """A quantity cannot be converted to the requested unit."""


class InputTooLongError(NumclaimsError, ValueError):
    """The text is longer than ``Options.max_length`` allows."""
