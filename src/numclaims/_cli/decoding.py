"""Bytes to text: one rule for every input, whole files and JSON Lines alike.

A byte-order mark picks UTF-8, UTF-16 or UTF-32 and is dropped; otherwise
``--encoding`` applies (UTF-8 by default).  Decoding is strict unless
``--encoding-errors replace`` is given, so the wrong encoding is reported,
with the byte offset, rather than read as wrong numbers.
"""

from __future__ import annotations

import codecs

from numclaims.errors import NumclaimsError

__all__ = ["DecodeError", "codec_for", "decode", "is_wide"]

#: Byte-order marks and the codec each selects, longest first: the UTF-32-LE
#: mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_BOM_LENGTH = 4
"""The longest byte-order mark: enough bytes to choose the codec."""


class DecodeError(NumclaimsError, ValueError):
    """An input's bytes are not text in the encoding it is read with; the message says why."""


def codec_for(head: bytes, encoding: str) -> tuple[str, int]:
    """The codec for bytes that begin with ``head``, and how many bytes of mark to skip.

    >>> codec_for(codecs.BOM_UTF16_LE + b"5", "latin-1")
    ('utf-16-le', 2)
    >>> codec_for(b"5 km", "latin-1")
    ('latin-1', 0)
    """
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name, len(bom)
    return encoding, 0


def is_wide(codec: str) -> bool:
    """True for UTF-16 and UTF-32, whose code units are wider than a byte.

    >>> is_wide("UTF-16"), is_wide("utf_32_be"), is_wide("latin-1")
    (True, True, False)
    """
    return codecs.lookup(codec).name.startswith(("utf-16", "utf-32"))


def decode(data: bytes, encoding: str = "utf-8", errors: str = "strict", skip: int = 0) -> str:
    """The text of ``data``; a byte-order mark in its first bytes chooses the codec.

    With ``errors="strict"``, bytes that are not text in the codec raise
    :class:`DecodeError` naming the byte offset (plus ``skip``, the bytes of
    the input before ``data``) and suggesting ``--encoding``.  A NUL byte read
    with a codec of one-byte code units (UTF-8, Latin-1 ...) is refused the
    same way: it is what UTF-16 or UTF-32 without a mark looks like, and read
    as UTF-8 such text would yield each digit as a separate number.
    ``errors="replace"`` reads on, with U+FFFD for each undecodable byte.

    >>> decode(b"\\xa3 5", "latin-1")
    '£ 5'
    >>> decode(b"\\xa3 5", errors="replace")
    '\\ufffd 5'
    """
    codec, mark = codec_for(data[:_BOM_LENGTH], encoding) if skip == 0 else (encoding, 0)
    if errors == "strict" and not is_wide(codec):
        nul = data.find(b"\x00", mark)
        if nul >= 0:
            raise DecodeError(
                f"NUL byte at offset {skip + nul}, so this is no {codec} text; if it is UTF-16 "
                "or UTF-32 without a byte-order mark, pass --encoding utf-16-le (or utf-16-be, "
                "utf-32-le, utf-32-be)"
            )
    try:
        return data[mark:].decode(codec, errors)
    except UnicodeDecodeError as error:
        offset = mark + error.start
        raise DecodeError(
            f"cannot decode byte 0x{data[offset]:02x} at offset {skip + offset} as {codec} "
            f"({error.reason}); if the text is in another encoding, pass it with --encoding, "
            "e.g. --encoding latin-1, or pass --encoding-errors replace to read on"
        ) from None
