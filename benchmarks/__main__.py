"""``python -m benchmarks``: the throughput suite (see :mod:`benchmarks.throughput.cli`)."""

from benchmarks.throughput.cli import main

raise SystemExit(main())
