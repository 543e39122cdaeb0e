"""Benchmarks: `make bench`, `bench-load`, `bench-directory`, `bench-safety`, `bench-turns`."""
