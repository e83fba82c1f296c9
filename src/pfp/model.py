"""The records pfp returns: frozen, slotted ``attrs`` classes and the enums they use.

>>> import pfp
>>> malta = pfp.country("Malta")
>>> malta
Country(name='Malta', iso2='MT', iso3='MLT')
>>> try:
...     malta.name = "Gozo"
... except AttributeError as error:
...     print(type(error).__name__)
FrozenInstanceError
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs
import pendulum

from pfp.dates import to_date

__all__ = [
    "Alternative",
    "Country",
    "Dispute",
    "Event",
    "EventKind",
    "Organization",
    "Period",
    "Precision",
    "Rename",
    "Source",
    "Status",
    "Transition",
]


class Status(enum.StrEnum):
    """A state's standing towards an organisation on one day.

    >>> import pfp
    >>> pfp.status_of("Malta", "2000-01-01")
    <Status.WITHDRAWN: 'withdrawn'>
    """

    NON_MEMBER = "non_member"
    """Never took part, or no event is known yet."""
    APPLICANT = "applicant"
    """Asked to join (or to rejoin) and awaits the organisation's answer."""
    INVITED = "invited"
    """Invited by the organisation, or its accession protocol signed, not yet a member."""
    MEMBER = "member"
    """Takes part: for the PfP, a partner that has signed the Framework Document."""
    WITHDRAWN = "withdrawn"
    """Took part once and has left."""
    NATO_MEMBER = "nato_member"
    """A NATO ally: for NATO's programmes (PfP, MAP), what a participant becomes on accession."""
    OBSERVER = "observer"
    """Holds observer status (for the CSTO: Serbia's parliament in its Parliamentary Assembly)."""
    SUSPENDED = "suspended"
    """A member whose participation is suspended or frozen, not (yet) withdrawn."""


class Precision(enum.StrEnum):
    """How much of an event's date the sources give; a coarse date stands for its first day."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class EventKind(enum.StrEnum):
    """What happened; the values are exactly the strings of ``events.csv``'s ``kind`` column."""

    SIGNATURE = "signature"
    """Signed the PfP Framework Document: the state becomes a partner."""
    ACCESSION = "accession"
    """Joined the organisation (for NATO: deposited its instrument of accession)."""
    WITHDRAWAL = "withdrawal"
    """Left the organisation."""
    REACTIVATION_REQUEST = "reactivation_request"
    """A former participant asked to take part again."""
    REACTIVATION = "reactivation"
    """The organisation accepted a former participant back."""
    APPLICATION = "application"
    """Applied to join."""
    INVITATION = "invitation"
    """Invited to join by the organisation."""
    PROTOCOL_SIGNED = "protocol_signed"
    """The organisation's members signed the state's accession protocol."""
    RESOLUTION = "resolution"
    """A national decision in favour of joining that changes nothing in the organisation."""
    SUSPENSION = "suspension"
    """A member suspended or froze its participation."""
    OBSERVER = "observer"
    """Granted observer status."""


def _plain(value: object) -> object:
    """A field's value as a plain, readable cell: names for states, keys for sources."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Country):
        return value.name
    if isinstance(value, Source):
        return value.key
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if attrs.has(type(value)):
        return repr(value)
    return value


class _Displayed:
    """What every record shares: a plain-dict form and an HTML table for notebooks."""

    __slots__ = ()

    def to_record(self) -> dict[str, object]:
        """The record's fields as a plain dict (states by name, sources by key, enums by value).

        >>> import pfp
        >>> pfp.country("Malta").to_record()["iso3"]
        'MLT'
        """
        fields = attrs.fields(type(self))  # type: ignore[arg-type]  # subclasses are attrs classes
        return {f.name: _plain(getattr(self, f.name)) for f in fields}

    def _repr_html_(self) -> str:
        import html  # noqa: PLC0415 - only notebooks need it; keeps `import pfp` light

        rows = "".join(
            f"<tr><th>{html.escape(name)}</th><td>{html.escape(_cell(value))}</td></tr>"
            for name, value in self.to_record().items()
        )
        title = html.escape(repr(self))
        return f'<table class="pfp-record"><caption>{title}</caption><tbody>{rows}</tbody></table>'


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "; ".join(_cell(item) for item in value)
    return str(value)


def _tuple_of_str(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(str(v) for v in value)  # type: ignore[attr-defined]


def _optional_date(value: object) -> pendulum.Date | None:
    return None if value is None else to_date(value)


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    if isinstance(value, (str, Source)):
        raise TypeError(f"sources must be a sequence of pfp.Source records, not {value!r}")
    found = tuple(value)
    strays = [item for item in found if not isinstance(item, Source)]
    if strays:
        raise TypeError(f"sources must be pfp.Source records; got {strays[0]!r}")
    return found


def _event_kind(value: object) -> EventKind:
    if isinstance(value, str) and value in EventKind.__members__.values():
        return EventKind(value)
    kinds = ", ".join(kind.value for kind in EventKind)
    raise ValueError(f"no event kind {value!r}; known: {kinds}")


def _a_country(_: object, attribute: attrs.Attribute[Country], value: object) -> None:
    if not isinstance(value, Country):
        raise TypeError(
            f"{attribute.name} must be a pfp.Country, not {value!r} "
            "(pfp.country(name) finds a bundled one; pfp.Country(...) makes your own)"
        )


def _nonempty_str(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value:
        raise TypeError(f"{attribute.name} must be a non-empty string, not {value!r}")


def _alternatives(value: Iterable[Alternative]) -> tuple[Alternative, ...]:
    return tuple(value)


@attrs.frozen(order=False)
class Source(_Displayed):
    """A document a fact rests on, cited by its ``key``.

    >>> import pfp
    >>> source = pfp.source("seed-23")
    >>> source.title, source.publisher
    ('Signatures of Partnership for Peace Framework Document', 'NATO')
    """

    key: str
    title: str
    publisher: str
    date: pendulum.Date | None = attrs.field(
        default=None, converter=_optional_date, repr=False, eq=True
    )
    url: str = attrs.field(default="", repr=False)
    archived_url: str = attrs.field(default="", repr=False)
    note: str = attrs.field(default="", repr=False)
    precision: Precision = attrs.field(
        default=Precision.DAY, converter=Precision, kw_only=True, repr=False
    )
    """How much of ``date`` is known: a year-only date is stored as 1 January."""


@attrs.frozen(order=False)
class Rename(_Displayed):
    """A change of the name a state is officially known by, from ``date`` on.

    >>> import pfp
    >>> rename = pfp.country("North Macedonia").renames[0]
    >>> rename.date, rename.former_name, rename.name
    (Date(2019, 2, 15), 'the former Yugoslav Republic of Macedonia', 'North Macedonia')
    >>> rename.alternatives[0].date
    Date(2019, 2, 12)
    """

    date: pendulum.Date = attrs.field(converter=to_date)
    former_name: str
    name: str
    sources: tuple[Source, ...] = attrs.field(converter=_sources, repr=False)
    note: str = attrs.field(default="", kw_only=True, repr=False)
    alternatives: tuple[Alternative, ...] = attrs.field(
        default=(), converter=_alternatives, kw_only=True, repr=False
    )
    precision: Precision = attrs.field(
        default=Precision.DAY, converter=Precision, kw_only=True, repr=False
    )


def _renames(value: Iterable[Rename]) -> tuple[Rename, ...]:
    return tuple(sorted(value, key=lambda r: r.date))


def _optional_int(value: object) -> int | None:
    return None if value in (None, "") else int(value)  # type: ignore[call-overload]


@attrs.frozen(order=False)
class Country(_Displayed):
    """A state, with the codes and every name it is found by.

    >>> import pfp
    >>> mk = pfp.country("FYROM")
    >>> mk.name, mk.iso2, mk.iso3
    ('North Macedonia', 'MK', 'MKD')
    >>> "the former Yugoslav Republic of Macedonia" in mk.former_names
    True
    """

    name: str
    iso2: str
    iso3: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, repr=False)
    former_names: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, repr=False)
    iso_numeric: str = attrs.field(default="", kw_only=True, repr=False)
    """ISO 3166-1 numeric code, as a three-digit string ('' where ISO assigns none)."""
    cow_code: int | None = attrs.field(
        default=None, converter=_optional_int, kw_only=True, repr=False
    )
    """Correlates of War state number (``ccode``)."""
    cow_abb: str = attrs.field(default="", kw_only=True, repr=False)
    """Correlates of War state abbreviation (``StateAbb``)."""
    gw_code: int | None = attrs.field(
        default=None, converter=_optional_int, kw_only=True, repr=False
    )
    """Gleditsch-Ward state number."""
    renames: tuple[Rename, ...] = attrs.field(
        default=(), converter=_renames, kw_only=True, repr=False
    )
    """The sourced changes of official name, oldest first."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the state is found by: its name, aliases and former names.

        >>> import pfp
        >>> pfp.country("CZ").names
        ('Czech Republic', 'Czechia')
        """
        return (self.name, *self.aliases, *self.former_names)

    def name_at(self, when: object) -> str:
        """The name in official use on day ``when`` (``name`` if it never changed).

        >>> import pfp
        >>> mk = pfp.country("MK")
        >>> mk.name_at("2019-02-14"), mk.name_at("2019-02-15")
        ('the former Yugoslav Republic of Macedonia', 'North Macedonia')
        >>> pfp.country("Turkey").name_at("2024-01-01")
        'Türkiye'

        Raises:
            InvalidDateError: when ``when`` is not a date.

        """
        if not self.renames:
            return self.name
        day = to_date(when)
        current = self.renames[0].former_name
        for rename in self.renames:
            if rename.date <= day:
                current = rename.name
        return current


@attrs.frozen(order=False)
class Organization(_Displayed):
    """An organisation or programme whose membership pfp follows.

    ``graduates_to`` names the organisation whose accession ends participation here
    (a PfP partner that joins NATO becomes :attr:`Status.NATO_MEMBER`).

    >>> import pfp
    >>> pfp.organization("partnership for peace").founded
    Date(1994, 1, 10)
    """

    key: str
    name: str
    founded: pendulum.Date = attrs.field(converter=to_date)
    graduates_to: str = attrs.field(default="", repr=False)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources, repr=False)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, repr=False)


@attrs.frozen(order=False)
class Alternative(_Displayed):
    """Another reading of an event's date that some source gives, and why pfp did not choose it.

    >>> import pfp
    >>> malta_left = pfp.timeline("Malta")[2].event
    >>> [(str(a.date), a.precision.value) for a in malta_left.alternatives]
    [('1996-10-01', 'month'), ('1996-10-29', 'day')]
    >>> malta_left.alternatives[1].sources[0].publisher
    'MaltaToday'
    """

    date: pendulum.Date = attrs.field(converter=to_date)
    sources: tuple[Source, ...] = attrs.field(converter=_sources, repr=False)
    reason: str = attrs.field(repr=False)
    precision: Precision = attrs.field(default=Precision.DAY, converter=Precision, repr=False)


@attrs.frozen(order=False)
class Event(_Displayed):
    """One sourced fact: on ``date``, ``country`` did ``kind`` towards organisation ``org``.

    >>> import pfp
    >>> signed = pfp.transitions(country="Bulgaria")[0].event
    >>> signed.date, signed.kind, signed.sources[0].key
    (Date(1994, 2, 14), <EventKind.SIGNATURE: 'signature'>, 'bg-nato-chronology-2002')
    """

    date: pendulum.Date = attrs.field(converter=to_date)
    country: Country = attrs.field(validator=_a_country)
    kind: EventKind = attrs.field(converter=_event_kind)
    sources: tuple[Source, ...] = attrs.field(converter=_sources, repr=False)
    org: str = attrs.field(default="PfP", kw_only=True, validator=_nonempty_str)
    precision: Precision = attrs.field(
        default=Precision.DAY, converter=Precision, kw_only=True, repr=False
    )
    note: str = attrs.field(default="", kw_only=True, repr=False)
    alternatives: tuple[Alternative, ...] = attrs.field(
        default=(), converter=_alternatives, kw_only=True, repr=False
    )
    origin: str = attrs.field(default="", kw_only=True, repr=False, eq=False)
    """Where the event was read from, as ``file:row`` (empty for events built in code)."""

    def __repr__(self) -> str:
        return f"Event({self.date}, {self.country.name!r}, {self.kind.value!r}, org={self.org!r})"


@attrs.frozen(order=False)
class Dispute(_Displayed):
    """A fact whose date sources give differently: the chosen reading and the others.

    >>> import pfp
    >>> malta = next(d for d in pfp.disputes() if d.country.name == "Malta")
    >>> malta
    Dispute(Malta, PfP withdrawal, 1996-10-27; also 1996-10 (month), 1996-10-29)
    >>> malta.fact.sources[0].key
    'seed'
    """

    country: Country
    org: str
    """The organisation concerned ('' for a change of name)."""
    kind: str
    """The event kind, or ``'rename'``."""
    fact: Event | Rename = attrs.field(repr=False)
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


@attrs.frozen(order=False)
class Transition(_Displayed):
    """A change of a state's status in ``org`` on a day, and the event that caused it.

    The event may belong to another organisation: a partner's PfP status becomes
    ``nato_member`` through its NATO accession.

    >>> import pfp
    >>> change = pfp.transitions("2004-03-29", "2004-03-29")[0]
    >>> change
    Transition(2004-03-29, 'Bulgaria', member -> nato_member)
    >>> change.org, change.event.org, change.event.kind.value
    ('PfP', 'NATO', 'accession')
    """

    date: pendulum.Date
    country: Country
    before: Status
    after: Status
    event: Event = attrs.field(repr=False)
    org: str = attrs.field(
        default=attrs.Factory(lambda self: self.event.org, takes_self=True),
        kw_only=True,
        repr=False,
    )
    """The organisation whose membership changed (the event's own, if not given)."""

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources of the event behind this change."""
        return self.event.sources

    def __repr__(self) -> str:
        return (
            f"Transition({self.date}, {self.country.name!r}, "
            f"{self.before.value} -> {self.after.value})"
        )


@attrs.frozen(order=False)
class Period(_Displayed):
    """A stretch of days with one status: from ``start`` (inclusive) to ``end`` (exclusive).

    ``start`` is None for the first period (since records began), ``end`` is None for the
    period still running. ``event`` is what began the period (None for the first one).

    >>> import pfp
    >>> period = pfp.timeline("Malta")[1]
    >>> period
    Period(1995-04-26 .. 1996-10-26, member)
    >>> period.last_day, "1996-10-27" in period
    (Date(1996, 10, 26), False)
    """

    start: pendulum.Date | None
    end: pendulum.Date | None
    status: Status
    event: Event | None = attrs.field(default=None, repr=False)

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources of the event that began this period (empty for the first one)."""
        return self.event.sources if self.event is not None else ()

    @property
    def last_day(self) -> pendulum.Date | None:
        """The last day of the period (inclusive), or None while it runs."""
        return None if self.end is None else self.end.subtract(days=1)

    def __contains__(self, day: object) -> bool:
        ordinal = to_date(day).toordinal()
        after_start = self.start is None or self.start.toordinal() <= ordinal
        return after_start and (self.end is None or ordinal < self.end.toordinal())

    def __repr__(self) -> str:
        start = "..." if self.start is None else str(self.start)
        last = "..." if self.last_day is None else str(self.last_day)
        return f"Period({start} .. {last}, {self.status.value})"
