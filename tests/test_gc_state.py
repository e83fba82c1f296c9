"""Building a History leaves the garbage collector as the caller set it, from any thread.

``gc.isenabled()`` is one switch for the whole process: a build that turns it off and back on
must not turn it on for a caller who had turned it off, nor leave it off, however builds in
several threads interleave.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator

import pytest

import pfp

BUILDS = 200
"""Builds per thread in the concurrent tests (about 2 ms each on the bundled events)."""


@pytest.fixture(autouse=True)
def restore_gc() -> Iterator[None]:
    """Whatever a test does to the collector, the next test starts with it as it was."""
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def _bundled() -> pfp.History:
    return pfp.History(pfp.events(), organizations=pfp.organizations(), countries=pfp.countries())


def _builders() -> list[Callable[[], object]]:
    """The public ways to build a History: the constructor, with_events, reading."""
    return [_bundled, lambda: pfp.history().with_events([]), pfp.reading]


def _build_in_two_threads(rounds: int) -> list[str]:
    """Two threads, released together each round, each building a History; their errors."""
    barrier = threading.Barrier(2)
    errors: list[str] = []
    builders = _builders()

    def build(number: int) -> None:
        for round_number in range(rounds):
            try:
                barrier.wait(timeout=30)
                builders[(number + round_number) % len(builders)]()
            except Exception as error:
                errors.append(f"{type(error).__name__}: {error}")
                return

    threads = [threading.Thread(target=build, args=(n,), daemon=True) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)
    return errors


def test_builds_in_two_threads_leave_the_collector_on() -> None:
    """With the collector on, two threads building histories at once, many times, leave it on."""
    gc.enable()
    assert _build_in_two_threads(BUILDS) == []
    assert gc.isenabled()


def test_builds_in_two_threads_leave_the_collector_off() -> None:
    """With the collector off, two threads building histories at once, many times, leave it
    off: no build turns it on.
    """
    gc.disable()
    assert _build_in_two_threads(BUILDS) == []
    assert not gc.isenabled()


@pytest.mark.parametrize("enabled", [True, False])
def test_one_build_leaves_the_collector_as_it_was(enabled: bool) -> None:
    """A single build, by each public way, leaves the collector on or off as it found it."""
    for build in _builders():
        if enabled:
            gc.enable()
        else:
            gc.disable()
        build()
        assert gc.isenabled() is enabled


@pytest.mark.parametrize("enabled", [True, False])
def test_a_failed_build_leaves_the_collector_as_it_was(enabled: bool) -> None:
    """A build that raises DataError (a withdrawal while not a member) leaves it as it was."""
    if enabled:
        gc.enable()
    else:
        gc.disable()
    withdrawal = pfp.Event("2000-01-01", pfp.country("Malta"), "withdrawal", [pfp.source("seed")])
    with pytest.raises(pfp.DataError):
        pfp.History([withdrawal])
    assert gc.isenabled() is enabled


def test_a_build_in_another_thread_does_not_undo_a_callers_gc_disable() -> None:
    """A caller turns the collector off while another thread's build is under way (paused in
    its events, deterministically), then builds itself: when both builds are done the
    collector is still off, as the caller set it.
    """
    gc.enable()
    inside, proceed = threading.Event(), threading.Event()
    events = pfp.events()

    def paused_events() -> Iterator[pfp.Event]:
        inside.set()  # the other build has begun reading its events
        assert proceed.wait(30)
        yield from events

    built: list[object] = []
    other = threading.Thread(target=lambda: built.append(pfp.History(paused_events())), daemon=True)
    other.start()
    assert inside.wait(30)
    gc.disable()  # the caller's choice, made before its own build
    _bundled()
    assert not gc.isenabled(), "the caller's own build turned the collector on"
    proceed.set()
    other.join(30)
    assert built, "the other thread's build did not finish"
    assert not gc.isenabled(), "another thread's build turned the caller's collector back on"


def test_a_caller_that_turns_gc_off_keeps_it_off_across_concurrent_builds() -> None:
    """One thread builds histories in a loop; another, many times, waits until such a build
    has begun with the collector on, turns the collector off, builds, and checks it is still
    off: it always is, whichever build ends first.
    """
    gc.enable()
    stop, started = threading.Event(), threading.Event()
    events = pfp.events()
    errors: list[str] = []

    def signalled() -> Iterator[pfp.Event]:
        started.set()  # this build has begun
        yield from events

    def background() -> None:
        while not stop.is_set():
            try:
                pfp.History(signalled())
            except Exception as error:
                errors.append(f"{type(error).__name__}: {error}")
                return

    other = threading.Thread(target=background, daemon=True)
    switching = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # interleave the two builds finely
    other.start()
    turned_on = 0
    try:
        for _ in range(BUILDS):
            gc.enable()
            started.clear()
            assert started.wait(30), "the background build did not begin"
            gc.disable()
            pfp.History(events)
            turned_on += gc.isenabled()
    finally:
        stop.set()
        other.join(30)
        sys.setswitchinterval(switching)
    assert errors == []
    assert turned_on == 0, f"{turned_on} of {BUILDS} builds ended with the caller's gc on"
