"""A state's history in one organisation as periods that tile time: :class:`Timeline`.

>>> import pfp
>>> periods = pfp.timeline("Malta")
>>> periods.country.name, periods.org, len(periods)
('Malta', 'PfP', 6)
>>> periods[2]
Period(1995-04-26 .. 1996-10-28, member)

Made on first use: the first query needs neither class.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, SupportsIndex, overload

import attrs
import pendulum

from pfp.dates import from_ordinal, to_date
from pfp.display import Displayed, cited_by_key, html_table
from pfp.errors import InvalidArgumentError, InvalidRecordError, org_key, records_of, shown
from pfp.model import Code, Country, Event, Source, Status, optional_date, to_status
from pfp.results import COLUMN_HINTS, Immutable, Tabular, sources_of
from pfp.rows import PERIOD_COLUMNS, Records, period_rows, source_keys

if TYPE_CHECKING:
    from pfp.engine import History

__all__ = ["Period", "Timeline"]


def _optional(kind: type[Any]) -> Any:
    """A validator: None or a ``kind`` record, else an InvalidRecordError."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise InvalidRecordError(
                f"{attribute.name} must be a pfp.{kind.__name__} or None, not {shown(value)}"
            )

    return check


@attrs.frozen(order=False)
class Period(Displayed):
    """A stretch of days with one status: from ``start`` (inclusive) to ``end`` (exclusive).

    ``start`` is None for the first period (since records began), ``end`` is None for the
    period still running. ``event`` is what began the period (None for the first one).

    >>> import pfp
    >>> period = pfp.timeline("Malta")[2]
    >>> period
    Period(1995-04-26 .. 1996-10-28, member)
    >>> period.last_day, "1996-10-29" in period
    (Date(1996, 10, 28), False)
    """

    start: pendulum.Date | None = attrs.field(converter=optional_date)
    end: pendulum.Date | None = attrs.field(converter=optional_date)
    status: Status = attrs.field(converter=to_status)
    event: Event | None = attrs.field(default=None, repr=False, validator=_optional(Event))
    code: Code | None = attrs.field(
        default=None, kw_only=True, repr=False, validator=_optional(Code)
    )
    known_to: pendulum.Date | None = attrs.field(
        default=None, kw_only=True, repr=False, converter=optional_date
    )
    """When the period runs past the organisation's review day: that day (else None)."""
    """For a period begun by the state's own beginning or end (no event): the state-system
    record of that day (its ``cow``, ``gw`` or ``iso3`` code and their span)."""

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources of what began this period (none for the first).

        Its event's, or for a period begun by the state's own first or last day, the sources
        of that state-system record.
        """
        if self.event is not None:
            return self.event.sources
        return self.code.sources if self.code is not None else ()

    @property
    def beyond_data(self) -> bool:
        """Whether the period runs past the day its organisation's history is known to.

        >>> import pfp
        >>> pfp.timeline("Malta")[-1].beyond_data, pfp.timeline("Malta")[-2].beyond_data
        (True, False)
        """
        return self.known_to is not None

    @property
    def last_day(self) -> pendulum.Date | None:
        """The last day of the period (inclusive), or None while it runs."""
        return None if self.end is None else from_ordinal(self.end.toordinal() - 1)

    def __attrs_post_init__(self) -> None:
        start = 1 if self.start is None else self.start.toordinal()
        if self.end is not None and self.end.toordinal() <= start:
            raise InvalidRecordError(
                f"a period holds at least one day: its end ({self.end}, exclusive) must come "
                f"after its start ({self.start or 'the first day'})"
            )

    def __contains__(self, day: object) -> bool:
        ordinal = to_date(day).toordinal()
        after_start = self.start is None or self.start.toordinal() <= ordinal
        return after_start and (self.end is None or ordinal < self.end.toordinal())

    def __repr__(self) -> str:
        start = "..." if self.start is None else str(self.start)
        last = "..." if self.last_day is None else str(self.last_day)
        known = "" if self.known_to is None else f"; known to {self.known_to}"
        return f"Period({start} .. {last}, {self.status.value}{known})"

    def _caption(self) -> str:
        """The notebook view's caption: the status and its days, the last one inclusive.

        >>> import pfp
        >>> [period._caption() for period in pfp.timeline("Malta")[::2]]
        ['not_a_state until 1964-09-20 (inclusive)',
         'member from 1995-04-26 to 1996-10-28 (inclusive)',
         'applicant from 2008-03-20 to 2008-04-02 (inclusive)']
        >>> pfp.timeline("Malta")[-1]._caption()
        'member from 2008-04-03, still running (beyond the data: known to 2024-08-06)'
        """
        last = self.last_day
        if self.start is None:
            days = "on every day" if last is None else f"until {last} (inclusive)"
        else:
            until = ", still running" if last is None else f" to {last} (inclusive)"
            days = f"from {self.start}{until}"
        known = "" if self.known_to is None else f" (beyond the data: known to {self.known_to})"
        return f"{self.status.value} {days}{known}"

    def _repr_html_(self) -> str:
        row = {
            "status": self.status,
            "start": self.start,
            "last_day": self.last_day,
            "end": self.end,
            "event": self.event,
            "sources": source_keys(self.sources),
            "known_to": self.known_to,
        }
        return html_table(
            [row],
            caption=self._caption(),
            vertical=True,
            sources=cited_by_key(self.sources),
            hints={**COLUMN_HINTS, "known_to": _KNOWN_TO_HINT},
        )


class Timeline(Immutable, Tabular, tuple[Period, ...]):
    """The periods ``pfp.timeline`` returns: a tuple of :class:`~pfp.Period` that tiles time.

    >>> import pfp
    >>> sweden = pfp.timeline("Sweden", org="NATO")
    >>> sweden.country.name, sweden.org, [period.status.value for period in sweden]
    ('Sweden', 'NATO', ['not_a_state', 'non_member', 'applicant', 'invited', 'member'])

    It also knows its ``country``, ``org`` and ``history``, and renders as a table.
    """

    COLUMNS: ClassVar[tuple[str, ...]] = PERIOD_COLUMNS
    country: Country
    org: str
    history: History | None

    def __new__(
        cls,
        periods: Iterable[Period],
        country: Country,
        org: str,
        history: History | None = None,
    ) -> Timeline:
        """Make the timeline of ``country`` in ``org`` from its ``periods``.

        Raises:
            InvalidArgumentError: when ``periods`` are not :class:`Period` records, ``country``
                is not a :class:`~pfp.Country` or ``org`` not an organisation's key.

        """
        if not isinstance(country, Country):
            raise InvalidArgumentError(f"country must be a pfp.Country, not {shown(country)}")
        org_key(org)
        made = super().__new__(cls, records_of(periods, Period, "periods"))
        object.__setattr__(made, "country", country)
        object.__setattr__(made, "org", org)
        object.__setattr__(made, "history", history)
        return made

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (Timeline, (tuple(self), self.country, self.org, self.history))

    @overload
    def __getitem__(self, index: SupportsIndex) -> Period: ...
    @overload
    def __getitem__(self, index: slice) -> Timeline: ...
    def __getitem__(self, index: SupportsIndex | slice) -> Period | Timeline:
        if isinstance(index, slice):
            return Timeline(tuple.__getitem__(self, index), self.country, self.org, self.history)
        return tuple.__getitem__(self, index)

    def to_records(self) -> Records:
        """One plain dict per period: status, start, end, last day and source keys."""
        return period_rows(self, self.country, self.org, history=self.history)

    def _caption(self) -> str:
        """The notebook table's caption, saying which days are inclusive.

        >>> import pfp
        >>> pfp.timeline("Malta")._caption().split("; ")
        ['Malta in PfP: 6 periods',
         'start and last_day are inclusive, end is the day after',
         'the last runs beyond the data, known to 2024-08-06']
        """
        count = len(self)
        known = self[-1].known_to if count else None
        beyond = "" if known is None else f"; the last runs beyond the data, known to {known}"
        return (
            f"{self.country.name} in {self.org}: {count} period{'s' if count != 1 else ''}; "
            f"start and last_day are inclusive, end is the day after{beyond}"
        )

    def _cited(self) -> Iterable[object]:
        """The history's sources and the periods' own (a history made in code may have none)."""
        own = (source for period in self for source in period.sources)
        return (*sources_of(self.history), *own)


_KNOWN_TO_HINT = "the organisation's review day, when the period runs past it: beyond the data"
