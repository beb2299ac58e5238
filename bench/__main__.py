"""Run the benchmark: `python -m bench [--quick] [--runs N] [--only PAGE[,PAGE]] [--no-write]`."""

from bench.cli import main

raise SystemExit(main())
