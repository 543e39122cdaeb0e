"""Percentiles for the benchmarks' timings."""

from typing import Sequence


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which `fraction` of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]
