"""The throughput suite: how fast numclaims parses, against quantulum3, and where the time goes.

``python -m benchmarks`` (``make bench``, :mod:`.cli`) measures throughput,
scaling, start-up and parse_many in fresh processes (:mod:`.measure`,
:mod:`.runner`, :mod:`.worker`) on texts built from the corpus (:mod:`.text`)
for each system (:mod:`.systems`), and prints the report (:mod:`.report`)
with the targets (:mod:`.targets`); ``python -m benchmarks.throughput.stages``
is the profiler of the hot path.  Run both from the repository root (see
docs/performance.md).
"""
