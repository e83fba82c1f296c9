"""The cyclic garbage collector, paused while a large history (or the bundled one) is built.

``gc.isenabled()`` is one switch for the whole process: builds running at once share one pause,
the collector is re-enabled when the last ends, and only if a build disabled it (a caller that
turned it off keeps it off).

>>> import gc
>>> with collector_paused(10**6):
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["LARGE_BUILD", "collector_paused"]

LARGE_BUILD = 50_000
"""Builds of at least this many events pause the cyclic garbage collector."""
_lock = threading.Lock()
_state = {"builds": 0, "paused": False}


@contextlib.contextmanager
def collector_paused(events: int = LARGE_BUILD) -> Iterator[None]:
    """Pause the cyclic garbage collector during a build of ``events`` events, restoring it after.

    A build makes many small objects and no reference cycles; pausing the collector saves its
    repeated scans of a growing heap (about two thirds of the build time for a million events).
    Small builds never touch it, except the bundled history's (``pfp._bundled``, which asks
    with the default): importing the records' classes, making the records and the index
    allocate some 10,000 containers, and the collections they trigger (a full one among
    them, over every object of the process) would cost the first query 2 to 5 ms, for no
    garbage.
    """
    if events < LARGE_BUILD:
        yield
        return
    with _lock:
        if _state["builds"] == 0 and gc.isenabled():
            gc.disable()
            _state["paused"] = True
        _state["builds"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["builds"] -= 1
            if _state["builds"] == 0 and _state["paused"]:
                _state["paused"] = False
                gc.enable()
