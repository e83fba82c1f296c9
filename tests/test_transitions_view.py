"""A Transitions is a read-only view that behaves exactly as the tuple of its changes."""

from __future__ import annotations

import pickle
import re
import sys

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pfp

EVERY = tuple(pfp.transitions())
positions = st.integers(min_value=-len(EVERY) - 3, max_value=len(EVERY) + 3)
steps = st.one_of(st.none(), st.integers(min_value=-5, max_value=5).filter(bool))
cuts = st.builds(slice, st.one_of(st.none(), positions), st.one_of(st.none(), positions), steps)


@settings(max_examples=300, deadline=None)
@given(outer=cuts, inner=cuts, at=positions)
def test_a_view_behaves_as_its_tuple(outer: slice, inner: slice, at: int) -> None:
    """Slices of slices, indexes (negative too), iteration and search agree with the tuple."""
    view, plain = pfp.transitions()[outer], EVERY[outer]
    assert isinstance(view, pfp.Transitions) and view.org == "PfP"
    assert len(view) == len(plain) and bool(view) is bool(plain)
    assert list(view) == list(plain) and list(reversed(view)) == list(reversed(plain))
    assert view == plain and tuple(view) == plain and hash(view) == hash(plain)
    assert view[inner] == plain[inner] and isinstance(view[inner], pfp.Transitions)
    if -len(plain) <= at < len(plain):
        assert view[at] is plain[at]
    else:
        with pytest.raises(IndexError, match="Transitions index out of range"):
            view[at]
    for change in EVERY[:3] + EVERY[-3:]:
        assert (change in view) is (change in plain)
        assert view.count(change) == plain.count(change)
        if change in plain:
            assert view.index(change) == plain.index(change)
    assert repr(view) == f"{plain!r} (beyond the data: known to {view.known_to})"


def test_windows_are_views_not_copies() -> None:
    """A window's size does not grow with the changes it holds: it is not a copy of them."""
    every = pfp.transitions()
    assert sys.getsizeof(every[:2]) == sys.getsizeof(every) == sys.getsizeof(every[1:-1])
    assert sys.getsizeof(every) < sys.getsizeof(EVERY)


def test_views_compare_join_and_pickle_as_tuples() -> None:
    """Equality ignores the organisation, as before; + makes a plain tuple; pickles keep all."""
    nato = pfp.transitions(org="NATO")
    day = pendulum.date(2004, 3, 29)
    assert pfp.transitions(day, day, org="NATO") == tuple(t for t in nato if t.date == day)
    assert pfp.transitions()[:0] == pfp.transitions(org="EU")[:0] == ()
    assert nato != list(nato) and nato != tuple(nato)[:-1]
    joined = nato[:2] + pfp.transitions()[:1]
    assert type(joined) is tuple and joined == tuple(nato)[:2] + EVERY[:1]
    assert EVERY[:1] + nato[:1] == (EVERY[0], nato[0])
    with pytest.raises(TypeError):
        nato + [1]  # noqa: RUF005 - a list is refused, as a tuple refuses one
    window = pfp.transitions("2024-01-01", "2030-12-31")
    copy = pickle.loads(pickle.dumps(window))
    assert (
        copy == window and copy.org == "PfP" and copy.beyond_data and copy.history is window.history
    )
    keyed: dict[object, int] = {window: 1}
    assert keyed[tuple(window)] == 1


def test_a_view_made_in_code_owns_its_changes() -> None:
    """Transitions(items) copies a list it is given: changing the list later changes nothing."""
    items = list(EVERY[:4])
    made = pfp.Transitions(items, "PfP")
    items.clear()
    assert len(made) == 4 and made == EVERY[:4] and made.org == "PfP" and made.history is None


@pytest.mark.parametrize(
    ("items", "org", "says"),
    [
        (5, "NATO", "items must be an iterable (a list or tuple), not 5"),
        ([1, 2], "NATO", "items must hold pfp.Transition records, not 1"),
        ((), 5, "org must be an organisation's key, such as 'NATO'; got 5"),
        ((), "", "org must be an organisation's key"),
        (EVERY[:2], "NATO", "item 0 is a change in PfP, not in NATO"),
    ],
)
def test_a_view_made_in_code_refuses_what_is_not_its_organisations_changes(
    items: object, org: object, says: str
) -> None:
    """Transitions(items, org) takes only Transition records of ``org``, with a typed error."""
    with pytest.raises(pfp.InvalidArgumentError, match=re.escape(says)):
        pfp.Transitions(items, org)  # type: ignore[arg-type]
