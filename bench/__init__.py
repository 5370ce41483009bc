"""Benchmarks: ``python -m bench NAME`` prints one figure per line as ``name: value unit``."""
