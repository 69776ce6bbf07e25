"""Benchmarks at scale (not collected by pytest): see benchmarks/run.py and docs/performance.md."""
