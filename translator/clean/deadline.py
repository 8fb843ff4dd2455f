"""A bound on the time one search of a rule's pattern may take.

Python's ``re`` takes no timeout, but its matching loop checks for signals now and
then, and an exception raised by a signal handler ends the search.  While an article
is cleaned (:func:`bounded_matching`), a timer ticks; a search that has run over
:data:`SEARCH_TIME_LIMIT` (catastrophic backtracking in a user's pattern, such as
``(a+)+$``) is stopped with one error naming the rule.  Signals reach the main thread
only: elsewhere (a library caller's thread) searches are not bounded.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..errors import TranslatorError

if TYPE_CHECKING:
    from .rules import Rule

SEARCH_TIME_LIMIT = 5.0  # seconds; a sound pattern searches a 1 MB paragraph in well under one
_TICK = 0.25  # seconds between two looks at the search under way


class RuleTooSlow(TranslatorError):
    """A rule's pattern ran over the time limit on one text."""


class _Search:
    """The search under way: its rule, its text and when it started (no rule: none)."""

    rule: Rule | None = None
    text: str = ""
    started: float = 0.0


def searched(rule: Rule, matches: Iterator[re.Match[str]], text: str) -> Iterator[re.Match[str]]:
    """``matches`` (an iterator over ``rule``'s pattern's matches in ``text``), each step
    timed as one search."""
    while True:
        _Search.rule, _Search.text, _Search.started = rule, text, time.monotonic()
        try:
            found = next(matches, None)
        finally:
            _Search.rule = None
        if found is None:
            return
        yield found


@contextmanager
def bounded_matching() -> Iterator[None]:
    """Stop any search of a rule's pattern that runs over the limit, while inside.

    Does nothing off the main thread, without interval timers (Windows), or when the
    process's real-time timer is already in use (an outer bound, a test timeout)."""
    if (threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer")
            or signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0)):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _look_at_search)
    signal.setitimer(signal.ITIMER_REAL, _TICK, _TICK)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)  # None: set outside Python


def _look_at_search(signum: int, frame: object) -> None:
    rule = _Search.rule
    if rule is None or time.monotonic() - _Search.started < SEARCH_TIME_LIMIT:
        return
    _Search.rule = None
    opening = _Search.text[:40].replace("\n", " ")
    raise RuleTooSlow(
        f"{rule.where}: rule '{rule.id}': one search took over {SEARCH_TIME_LIMIT:g} s (on {len(_Search.text):,} characters "
        f"starting {opening!r}): its pattern backtracks catastrophically (nested repeats such as (a+)+); "
        f"simplify it, or leave the rule out with --disable {rule.id}"
    )
