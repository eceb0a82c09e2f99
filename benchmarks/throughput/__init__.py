"""Throughput benchmarks of numclaims: speed, scaling, start-up and parse_many, against quantulum3.

Run ``python -m benchmarks`` from the repository root (see docs/performance.md).
"""
