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

import attrs

from pfp.engine import History
from pfp.errors import PfpError
from pfp.model import Alternative, Event

__all__ = ["UnknownAlternativeError", "under"]


class UnknownAlternativeError(PfpError, LookupError):
    """An alternative that no event of the history records."""

    def __str__(self) -> str:
        return str(self.args[0])


def under(history: History, *alternatives: Alternative) -> History:
    """A new history in which each disputed event takes the date of the given alternative.

    The original history is unchanged; the new one is validated like any other, so a reading
    that would break the order of a state's events raises :class:`~pfp.DataError`.

    Raises:
        UnknownAlternativeError: when an alternative belongs to no event of ``history``.

    """
    wanted = list(alternatives)
    events: list[Event] = []
    for event in history.events():
        chosen = next((a for a in wanted if a in event.alternatives), None)
        if chosen is None:
            events.append(event)
            continue
        wanted.remove(chosen)
        others = tuple(a for a in event.alternatives if a != chosen)
        events.append(
            attrs.evolve(
                event,
                date=chosen.date,
                precision=chosen.precision,
                sources=chosen.sources,
                note=f"Alternative reading: {chosen.reason}",
                alternatives=others,
            )
        )
    if wanted:
        raise UnknownAlternativeError(
            f"no event records the alternative dated {wanted[0].date}; "
            "pfp.disputes() lists the events and their alternatives"
        )
    return History(events, organizations=history.organizations(), countries=history.countries())
