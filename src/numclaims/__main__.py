"""The ``numclaims`` command (``python -m numclaims``); see :mod:`numclaims._cli`.

numclaims article.txt                        # a table on a terminal, JSON Lines in a pipe
numclaims -r --glob '*.txt' corpus/ -o rows.parquet --jobs 2
numclaims --jsonl --id-field id news.jsonl.gz --kinds money,percent
numclaims serve --port 8000                  # the HTTP service (numclaims[server])
"""

from __future__ import annotations

import sys

from numclaims._cli.decoding import DecodeError, decode
from numclaims._cli.inputs import STDIN
from numclaims._cli.main import EXIT_BROKEN_PIPE, main

__all__ = ["EXIT_BROKEN_PIPE", "STDIN", "DecodeError", "decode", "main"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
