"""Tests of the benchmark tools (the throughput suite); run by ``make test`` beside tests/."""
