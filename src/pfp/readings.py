"""Answering under another reading of a disputed date: a new history with that date swapped in.

>>> import pfp
>>> left = pfp.timeline("Malta")[3].event
>>> seed_day = left.alternatives[1]
>>> seed_day.date, seed_day.sources[0].key
(Date(1996, 10, 27), 'seed')
>>> other = pfp.reading(seed_day)
>>> pfp.status_of("Malta", "1996-10-28"), other.status_of("Malta", "1996-10-28")
(<Status.MEMBER: 'member'>, <Status.WITHDRAWN: 'withdrawn'>)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import attrs
import pendulum

from pfp.display import Displayed
from pfp.engine import History
from pfp.errors import (
    ConflictingReadingsError,
    InvalidRecordError,
    UnknownAlternativeError,
    shown,
)
from pfp.model import Alternative, Country, Event, Precision, Rename, Source

__all__ = ["Dispute", "disputes", "under"]

Fact = TypeVar("Fact", Event, Rename)


def _kind_of(kind: type[Any] | tuple[type[Any], ...]) -> Any:
    """A validator: a value of ``kind``, else an InvalidRecordError naming the field."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidRecordError(f"{attribute.name} cannot be {shown(value)}")

    return check


@attrs.frozen(order=False)
class Dispute(Displayed):
    """A fact whose date sources give differently: the chosen reading and the others.

    >>> import pfp
    >>> malta = next(d for d in pfp.disputes() if d.country.name == "Malta")
    >>> malta
    Dispute(Malta, PfP withdrawal, 1996-10-29; also 1996-10 (month), 1996-10-27)
    >>> malta.fact.sources[0].key
    'maltatoday-2012-05-28'
    """

    country: Country = attrs.field(validator=_kind_of(Country))
    org: str = attrs.field(validator=_kind_of(str))
    """The organisation concerned ('' for a change of name)."""
    kind: str = attrs.field(validator=_kind_of(str))
    """The event kind, or ``'rename'``."""
    fact: Event | Rename = attrs.field(repr=False, validator=_kind_of((Event, Rename)))
    """The event or rename as the data keeps it."""

    @property
    def date(self) -> pendulum.Date:
        """The chosen date."""
        return self.fact.date

    @property
    def precision(self) -> Precision:
        """The precision of the chosen date."""
        return self.fact.precision

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources of the chosen date."""
        return self.fact.sources

    @property
    def alternatives(self) -> tuple[Alternative, ...]:
        """The other readings, each with its sources and the reason it was not chosen."""
        return self.fact.alternatives

    def __repr__(self) -> str:
        others = ", ".join(
            f"{a.date:%Y-%m} (month)"
            if a.precision is Precision.MONTH
            else f"{a.date:%Y} (year)"
            if a.precision is Precision.YEAR
            else str(a.date)
            for a in self.alternatives
        )
        subject = f"{self.org} {self.kind}" if self.org else self.kind
        return f"Dispute({self.country.name}, {subject}, {self.date}; also {others})"


def disputes(history: History) -> tuple[Dispute, ...]:
    """Every fact of ``history`` whose date some source gives differently, in date order."""
    found = [Dispute(e.country, e.org, e.kind.value, e) for e in history.events() if e.alternatives]
    found += [
        Dispute(c, "", "rename", r)
        for c in history.countries()
        for r in c.renames
        if r.alternatives
    ]
    return tuple(sorted(found, key=lambda dispute: dispute.date))


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
    version = f"{history.version} (alternative reading)" if history.version else None
    return History(
        events,
        organizations=history.organizations(),
        countries=countries.values(),
        default_org=history.default_org,
        version=version,
        as_of=history.as_of,
        sources=history.sources(),
        programme=history.programme,
        state_disputes=history.state_disputes(),
    )
