"""The ``numclaims`` command, in three parts.

:mod:`~numclaims._cli.inputs` turns file names into documents (or into
problems to report), :mod:`~numclaims._cli.outputs` turns found quantities into
rows in a table, JSON Lines, CSV or Parquet, and :mod:`~numclaims._cli.main`
parses the options and runs one through the other.  ``numclaims.__main__``
re-exports :func:`~numclaims._cli.main.main`, the console script.
"""
