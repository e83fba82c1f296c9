"""pfp: NATO's Partnership for Peace, day by day, every fact sourced.

>>> import pfp
>>> len(pfp.members_at("1994-08-03"))
22
>>> pfp.status_of("Finland", "2023-04-04")
<Status.NATO_MEMBER: 'nato_member'>
>>> pfp.transitions("2004-01-01", "2004-12-31")[0]
Transition(2004-03-29, 'Bulgaria', member -> nato_member)
"""

from __future__ import annotations

import datetime
import importlib
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs  # noqa: F401 - the records' library loads with pfp; the records, on first use
import pendulum

from pfp.dates import to_date, to_ordinal
from pfp.errors import (
    AmbiguousCountryError,
    DataError,
    InvalidDateError,
    InvalidRangeError,
    PfpError,
    UnknownCountryError,
    UnknownKeyError,
    UnknownOrganizationError,
)

if TYPE_CHECKING:  # made on first use: see _HOMES and __getattr__ below
    from pfp._load import Dataset
    from pfp._load_record import ProgrammeRecord
    from pfp.countryset import CountrySet
    from pfp.engine import History, StatusRun
    from pfp.model import (
        Alternative,
        Country,
        Dispute,
        Event,
        EventKind,
        Organization,
        Period,
        Precision,
        Rename,
        Source,
        Status,
        Transition,
    )
    from pfp.readings import ConflictingReadingsError, UnknownAlternativeError
    from pfp.record import CooperationArea, Figure, Milestone, MilestoneKind
    from pfp.results import Timeline, Transitions
    from pfp.roster import Roster

    DATA_AS_OF: pendulum.Date
    """The last day the bundled data is known complete (read on first access)."""
    DATA_VERSION: str
    """The version of the bundled data, bumped on every data change."""

__version__ = "0.1.0"

__all__ = [
    "DATA_AS_OF",
    "DATA_VERSION",
    "Alternative",
    "AmbiguousCountryError",
    "ConflictingReadingsError",
    "CooperationArea",
    "Country",
    "CountrySet",
    "DataError",
    "Dispute",
    "Event",
    "EventKind",
    "Figure",
    "History",
    "InvalidDateError",
    "InvalidRangeError",
    "Milestone",
    "MilestoneKind",
    "Organization",
    "Period",
    "PfpError",
    "Precision",
    "Rename",
    "Roster",
    "Source",
    "Status",
    "Timeline",
    "Transition",
    "Transitions",
    "UnknownAlternativeError",
    "UnknownCountryError",
    "UnknownKeyError",
    "UnknownOrganizationError",
    "__version__",
    "affiliations",
    "cooperation_areas",
    "countries",
    "country",
    "disputes",
    "events",
    "figure",
    "figures",
    "history",
    "members_at",
    "milestones",
    "organization",
    "organizations",
    "reading",
    "source",
    "sources",
    "status_of",
    "suggest_countries",
    "timeline",
    "transitions",
]

_HOMES = (
    "pfp.model",
    "pfp.engine",
    "pfp.roster",
    "pfp.countryset",
    "pfp.results",
    "pfp.record",
    "pfp.readings",
)
"""The modules whose public classes ``pfp`` exports, imported on first use (see __getattr__).

``import pfp`` defines no record class and reads no file: the classes are made, and the data
read, validated and indexed, by the first question asked.
"""

_lock = threading.Lock()
_built: list[History] = []
_statuses_by_name: dict[str, StatusRun] = {}
"""The bundled history's PfP change days and statuses by every exact spelling of a name:
``status_of``'s fast path (filled when the history is built)."""
_windows: list[
    tuple[tuple[Transition, ...], Sequence[int], Callable[..., Transitions], Transitions]
] = []
"""The bundled history's PfP transitions, their days, the maker of its ``Transitions`` and
the all-time answer: ``transitions``' fast path (filled when the history is built)."""
_Date = datetime.date
_PDate = pendulum.Date


def _dataset() -> Dataset:
    from pfp._load import dataset  # noqa: PLC0415 - read on first use, not at import

    return dataset()


_Keyed = TypeVar("_Keyed", bound="Source | Figure")


def _by_key(kind: str, key: str, records: tuple[_Keyed, ...]) -> _Keyed:
    """The record of ``records`` with ``key``, or an UnknownKeyError naming the nearest keys."""
    for found in records:
        if found.key == key:
            return found
    raise UnknownKeyError(kind, key, [record.key for record in records])


def _record() -> ProgrammeRecord:
    from pfp._load import programme_record  # noqa: PLC0415 - read on first use, not at import

    return programme_record()


def history() -> History:
    """The :class:`History` over the bundled data, built on first use (thread-safe).

    >>> import pfp
    >>> pfp.history().status_of("Malta", "2008-04-03")
    <Status.MEMBER: 'member'>
    """
    if not _built:
        with _lock:
            if not _built:
                from pfp.engine import History  # noqa: PLC0415 - built on first use

                data = _dataset()
                built = History(
                    data.events,
                    organizations=data.organizations,
                    countries=data.countries,
                    default_org="PfP",
                )
                index = built._default_index
                _statuses_by_name.update(index.by_name)
                _windows.append(
                    (
                        index.transitions,
                        index.transition_ords,
                        index.new_transitions,
                        index.all_transitions,
                    )
                )
                _built.append(built)
    return _built[0]


def members_at(when: Any, *, org: str | None = None) -> Roster:
    """The partners (or members of ``org``) on day ``when``: sized, sorted, immutable.

    >>> import pfp
    >>> roster = pfp.members_at("1994-08-03")
    >>> len(roster), "Russia" in roster, "Austria" in roster
    (22, True, False)
    >>> len(pfp.members_at("2024-03-07", org="NATO"))
    32

    Raises:
        InvalidDateError: when ``when`` is not a date.
        UnknownOrganizationError: when ``org`` is not known.

    """
    found = _built[0] if _built else history()
    return found.members_at(when) if org is None else found.members_at(when, org=org)


def status_of(country: str | Country, when: Any, *, org: str | None = None) -> Status:
    """The standing of ``country`` in the PfP (or ``org``) on day ``when``.

    >>> import pfp
    >>> [pfp.status_of("Malta", day).value for day in ("1995-04-25", "1995-04-26", "2000-01-01")]
    ['non_member', 'member', 'withdrawn']
    >>> pfp.status_of("Sweden", "2024-03-06"), pfp.status_of("Sweden", "2024-03-07")
    (<Status.MEMBER: 'member'>, <Status.NATO_MEMBER: 'nato_member'>)

    Raises:
        UnknownCountryError: with suggestions, for a name no state bears.
        InvalidDateError: when ``when`` is not a date.

    """
    # The hot path, spelled out for speed: a name as written, then one lookup and a bisect.
    if org is None and type(country) is str:
        try:
            found = _statuses_by_name[country]
        except KeyError:
            pass  # another spelling, or no such state: History.status_of decides
        else:
            kind = type(when)
            if kind is _Date or kind is _PDate:
                return found[1][bisect_right(found[0], when.toordinal())]
            if kind is str:
                return found[1][bisect_right(found[0], to_ordinal(when))]
    built = _built[0] if _built else history()  # keywords cost: pass them only when given
    return (
        built.status_of(country, when) if org is None else built.status_of(country, when, org=org)
    )


def transitions(
    start: Any = None,
    end: Any = None,
    *,
    country: str | Country | None = None,
    org: str | None = None,
) -> Transitions:
    """Every change of status from ``start`` to ``end``, both inclusive (None: unbounded).

    >>> import pfp
    >>> for change in pfp.transitions("2004-01-01", "2004-12-31")[:2]:
    ...     print(change.date, change.country.name, change.after.value, change.sources[0].key)
    2004-03-29 Bulgaria nato_member slovenia-gov-2004-03-29
    2004-03-29 Estonia nato_member slovenia-gov-2004-03-29
    >>> [t.after.value for t in pfp.transitions(country="Malta")]
    ['member', 'withdrawn', 'applicant', 'member']

    Raises:
        InvalidRangeError: when ``end`` is before ``start``.
        InvalidDateError: when a bound is not a date.

    """
    # The hot path, spelled out for speed: two dates, two bisects and a slice.
    if country is None and org is None and _windows:
        kind, end_kind = type(start), type(end)
        if (kind is _Date or kind is _PDate) and (end_kind is _Date or end_kind is _PDate):
            low, high = start.toordinal(), end.toordinal()
            if low <= high:  # else History.transitions raises the error
                items, days, make, _ = _windows[0]
                return make(items[bisect_left(days, low) : bisect_right(days, high)])
        elif start is None and end is None:
            return _windows[0][3]
    found = _built[0] if _built else history()
    if country is None and org is None:
        return found.transitions(start, end)
    return found.transitions(start, end, country=country, org=org)


def timeline(country: str | Country, *, org: str | None = None) -> Timeline:
    """The periods of one status each that tile all time for ``country``.

    >>> import pfp
    >>> for period in pfp.timeline("Malta"):
    ...     print(period)
    Period(... .. 1995-04-25, non_member)
    Period(1995-04-26 .. 1996-10-26, member)
    Period(1996-10-27 .. 2008-03-19, withdrawn)
    Period(2008-03-20 .. 2008-04-02, applicant)
    Period(2008-04-03 .. ..., member)

    Raises:
        UnknownCountryError: with suggestions, for a name no state bears.

    """
    return (_built[0] if _built else history()).timeline(country, org=org)


def affiliations(
    country: str | Country, when: Any, *, orgs: Iterable[str] | None = None
) -> tuple[str, ...]:
    """A state's standing in the other organisations on day ``when``, in words.

    Produces the "Notes" column of the seed's table of partners from the data:

    >>> import pfp
    >>> pfp.affiliations("Armenia", "2023-06-01")
    ('CSTO member',)
    >>> pfp.affiliations("Albania", "2005-01-01")
    ('MAP member',)

    Raises:
        UnknownCountryError: with suggestions, for a name no state bears.
        UnknownOrganizationError: for an unknown name in ``orgs``.

    """
    from pfp.notes import affiliations  # noqa: PLC0415 - made on first use

    return affiliations(history(), country, when, orgs=orgs)


def country(query: str | Country) -> Country:
    """The state named by any name, former name, alias or ISO alpha-2/alpha-3 code.

    >>> import pfp
    >>> pfp.country("FYROM").name, pfp.country("mkd").name
    ('North Macedonia', 'North Macedonia')

    Raises:
        UnknownCountryError: with the nearest names in ``.suggestions``.

    """
    return (_built[0] if _built else history()).country(query)


def countries() -> tuple[Country, ...]:
    """Every state in the bundled data, sorted by name.

    >>> import pfp
    >>> len(pfp.countries()), pfp.countries()[0].name
    (52, 'Albania')
    """
    return history().countries()


def suggest_countries(query: str, *, limit: int = 3) -> tuple[Country, ...]:
    """The states whose names are nearest to ``query``, best first.

    >>> import pfp
    >>> [c.name for c in pfp.suggest_countries("Kyrgistan")]
    ['Kyrgyzstan']
    """
    return history().suggest_countries(query, limit=limit)


def organizations() -> tuple[Organization, ...]:
    """The organisations whose memberships pfp follows, by key.

    >>> import pfp
    >>> for org in pfp.organizations():
    ...     print(org.key, org.founded, org.name)
    CSTO 1992-05-15 Collective Security Treaty Organization
    EU 1958-01-01 European Union
    GUAM 1997-10-10 GUAM Organization for Democracy and Economic Development
    MAP 1999-04-24 Membership Action Plan
    NATO 1949-08-24 North Atlantic Treaty Organization
    PfP 1994-01-10 Partnership for Peace
    """
    return history().organizations()


def organization(query: str) -> Organization:
    """The organisation known by a key, name or alias, in any case.

    >>> import pfp
    >>> pfp.organization("north atlantic treaty organisation").key
    'NATO'

    Raises:
        UnknownOrganizationError: listing the known organisations.

    """
    return history().organization(query)


def events(*, country: str | Country | None = None) -> tuple[Event, ...]:
    """Every bundled event in date order, or one state's.

    >>> import pfp
    >>> for event in pfp.events(country="Sweden"):
    ...     print(event.date, event.org, event.kind.value)
    1994-05-09 PfP signature
    1995-01-01 EU accession
    2022-06-29 NATO invitation
    2022-07-05 NATO protocol_signed
    2024-03-07 NATO accession
    """
    return history().events(country=country)


def sources() -> tuple[Source, ...]:
    """Every source the bundled data cites, by key.

    >>> import pfp
    >>> len(pfp.sources()) > 50
    True
    """
    return _dataset().sources


def source(key: str) -> Source:
    """The source cited as ``key``.

    >>> import pfp
    >>> pfp.source("seed-23").title
    'Signatures of Partnership for Peace Framework Document'

    Raises:
        LookupError: (a :class:`PfpError`) naming the nearest keys.

    """
    return _by_key("source", key, _dataset().sources)


def milestones(start: Any = None, end: Any = None) -> tuple[Milestone, ...]:
    """The programme's milestones that touch the days from ``start`` to ``end`` (inclusive).

    >>> import pfp
    >>> for milestone in pfp.milestones("2004-01-01", "2004-12-31"):
    ...     print(milestone.start, milestone.kind.value, milestone.name)
    2004-06-07 initiative Partnership Action Plan on Defence Institution Building (PAP-DIB) text
    2004-06-28 initiative Istanbul Cooperation Initiative (ICI) launched
    2004-06-28 summit Istanbul summit

    Raises:
        InvalidRangeError: when ``end`` is before ``start``.

    """
    low = None if start is None else to_date(start)
    high = None if end is None else to_date(end)
    if low is not None and high is not None and high < low:
        raise InvalidRangeError(
            f"the range ends ({high}) before it starts ({low}); pass start <= end"
        )
    return tuple(
        m
        for m in _record().milestones
        if (high is None or m.start <= high) and (low is None or m.last_day >= low)
    )


def figures() -> tuple[Figure, ...]:
    """The numbers the sources give about the programme, each with unit, period and source.

    >>> import pfp
    >>> [f.key for f in pfp.figures()][:2]
    ['wif-avg-fy1996-2005', 'wif-avg-fy2006-2010']
    """
    return _record().figures


def figure(key: str) -> Figure:
    """The figure recorded under ``key``.

    >>> import pfp
    >>> pfp.figure("sweden-1997-interoperability-objectives").value
    35

    Raises:
        LookupError: (a :class:`PfpError`) naming the nearest keys.

    """
    return _by_key("figure", key, _record().figures)


def cooperation_areas() -> tuple[CooperationArea, ...]:
    """The objectives the PfP Framework Document sets, in its order.

    >>> import pfp
    >>> for area in pfp.cooperation_areas()[:2]:
    ...     print(area.number, area.text)
    1 facilitation of transparency in national defence planning and budgeting processes
    2 ensuring democratic control of defence forces
    """
    return _record().cooperation_areas


def reading(*alternatives: Alternative) -> History:
    """The bundled history answered under other readings of disputed dates.

    >>> import pfp
    >>> germany = next(d for d in pfp.disputes() if d.country.name == "Germany")
    >>> [str(a.date) for a in germany.alternatives]
    ['1955-05-09']
    >>> nine_may = pfp.reading(germany.alternatives[0])
    >>> nine_may.status_of("Germany", "1955-05-07", org="NATO")
    <Status.INVITED: 'invited'>

    Raises:
        UnknownAlternativeError: for an alternative no bundled event records.
        DataError: when the reading would put a state's events out of order.

    """
    from pfp.readings import under  # noqa: PLC0415 - made on first use

    return under(history(), *alternatives)


def disputes() -> tuple[Dispute, ...]:
    """Every fact whose date some source gives differently, with its ``alternatives``.

    Events and changes of name, in date order; each alternative has its sources and the
    reason the data keeps the chosen date.

    >>> import pfp
    >>> for dispute in pfp.disputes():
    ...     if dispute.org in ("PfP", ""):
    ...         print(dispute)
    Dispute(Kazakhstan, PfP signature, 1994-05-27; also 1995 (year))
    Dispute(Russia, PfP signature, 1994-06-22; also 1995-05 (month))
    Dispute(Malta, PfP withdrawal, 1996-10-27; also 1996-10 (month), 1996-10-29)
    Dispute(North Macedonia, rename, 2019-02-15; also 2019-02-12)

    """
    from pfp.model import Dispute  # noqa: PLC0415 - made on first use

    found = [
        Dispute(e.country, e.org, e.kind.value, e) for e in history().events() if e.alternatives
    ]
    found += [Dispute(c, "", "rename", r) for c in countries() for r in c.renames if r.alternatives]
    return tuple(sorted(found, key=lambda dispute: dispute.date))


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def __getattr__(name: str) -> object:
    if name in ("tables", "plot"):  # submodules, imported on first use
        return importlib.import_module(f"pfp.{name}")
    if name in ("DATA_AS_OF", "DATA_VERSION"):
        from pfp._load import metadata  # noqa: PLC0415 - read on first use, not at import

        return metadata().as_of if name == "DATA_AS_OF" else metadata().version
    if name in __all__:
        for home in _HOMES:  # the first question imports most of them anyway
            module = importlib.import_module(home)
            if name in module.__all__:
                found = getattr(module, name)
                globals()[name] = found  # asked once: a plain attribute from now on
                return found
    raise AttributeError(f"module 'pfp' has no attribute {name!r}")
