"""Accuracy of numclaims and its peers against the gold corpus in ``benchmarks/corpus``.

``corpus`` loads and validates the gold sentences, ``peers`` adapts each
system's output to one record shape, ``score`` matches records to gold and
computes precision/recall/F1, ``report`` formats the results, and
``python -m benchmarks.accuracy`` prints them.
"""
