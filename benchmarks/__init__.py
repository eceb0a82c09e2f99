"""Benchmarks for numclaims: accuracy against a gold corpus, and throughput."""
