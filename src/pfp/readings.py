"""Answering under another reading of a disputed date: a new history with that date swapped in.

>>> import pfp
>>> left = pfp.timeline("Malta")[2].event
>>> note_verbale = left.alternatives[1]
>>> note_verbale.date, note_verbale.sources[0].key
(Date(1996, 10, 29), 'maltatoday-2012-05-28')
>>> other = pfp.reading(note_verbale)
>>> pfp.status_of("Malta", "1996-10-28"), other.status_of("Malta", "1996-10-28")
(<Status.WITHDRAWN: 'withdrawn'>, <Status.MEMBER: 'member'>)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import attrs

from pfp.engine import History
from pfp.errors import PfpError
from pfp.model import Alternative, Country, Event, Rename

__all__ = ["ConflictingReadingsError", "UnknownAlternativeError", "under"]

Fact = TypeVar("Fact", Event, Rename)


class UnknownAlternativeError(PfpError, LookupError):
    """An alternative that no event or rename of the history records."""


class ConflictingReadingsError(PfpError, ValueError):
    """Two alternatives given for one fact: a reading can take only one of them."""


def _pick(fact: Fact, wanted: Sequence[Alternative], taken: set[int]) -> Fact:
    """The fact under the one alternative of ``wanted`` it records (by identity), if any."""
    chosen = [a for a in wanted if any(a is mine for mine in fact.alternatives)]
    if not chosen:
        return fact
    if len(chosen) > 1:
        dates = ", ".join(str(a.date) for a in chosen)
        raise ConflictingReadingsError(
            f"{len(chosen)} readings given for one fact ({dates}); pass at most one of its "
            "alternatives"
        )
    (alternative,) = chosen
    taken.add(id(alternative))
    return attrs.evolve(
        fact,
        date=alternative.date,
        precision=alternative.precision,
        sources=alternative.sources,
        note=f"Alternative reading: {alternative.reason}",
        alternatives=tuple(a for a in fact.alternatives if a is not alternative),
    )


def under(history: History, *alternatives: Alternative) -> History:
    """A new history in which each disputed fact takes the date of the given alternative.

    Alternatives are matched by identity, so an alternative reading that several states share
    (the founders' 4 April 1949) moves only the fact it was taken from: pass the alternative
    objects that ``pfp.disputes()`` (or ``Event.alternatives``) hand out. The original history
    is unchanged; the new one is validated like any other, so a reading that would put a
    state's events out of order raises :class:`~pfp.DataError`.

    Raises:
        UnknownAlternativeError: when an alternative belongs to no fact of ``history``, or is
            not an :class:`~pfp.Alternative` at all.
        ConflictingReadingsError: when two alternatives of one fact are given.

    """
    for alternative in alternatives:
        if not isinstance(alternative, Alternative):
            raise UnknownAlternativeError(
                f"a reading is chosen with pfp.Alternative records, not a "
                f"{type(alternative).__name__} ({alternative!r}); pfp.disputes() lists them"
            )
    taken: set[int] = set()
    countries: dict[str, Country] = {}
    for country in history.countries():
        renames = tuple(_pick(rename, alternatives, taken) for rename in country.renames)
        changed = any(new is not old for new, old in zip(renames, country.renames, strict=True))
        countries[country.iso3] = attrs.evolve(country, renames=renames) if changed else country
    events = []
    for original in history.events():
        event = _pick(original, alternatives, taken)
        state = countries[event.country.iso3]
        events.append(event if state is event.country else attrs.evolve(event, country=state))
    missing = [a for a in alternatives if id(a) not in taken]
    if missing:
        raise UnknownAlternativeError(
            f"no event or rename of this history records the alternative dated "
            f"{missing[0].date} (or it was given twice); pfp.disputes() lists them"
        )
    return History(events, organizations=history.organizations(), countries=countries.values())
