"""Timing checks that hold on a slow machine: they measure how time grows, not how long it is."""

from __future__ import annotations

import time
from collections.abc import Callable


def assert_linear(work: Callable[[int], object], size: int = 40_000) -> None:
    """``work(4 * size)`` takes under 4× the time of ``work(size)``, plus half a second:
    linear, where a quadratic cost would take 16×."""

    def seconds(n: int) -> float:
        start = time.perf_counter()
        work(n)
        return time.perf_counter() - start

    small, large = seconds(size), seconds(4 * size)
    assert large < 4 * small + 0.5, f"{size} chars: {small:.2f} s, {4 * size} chars: {large:.2f} s"
