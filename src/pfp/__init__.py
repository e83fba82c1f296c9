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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs  # noqa: F401 - the records' library loads with pfp; the records, on first use
import pendulum

from pfp import _bundled
from pfp.dates import DAY_READERS, EXACT_DAY_TYPES, DateLike, date_ordinal, date_range, to_ordinal
from pfp.errors import (
    AmbiguousCountryError,
    BeyondDataError,
    ConflictingReadingsError,
    DataError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidRangeError,
    InvalidRecordError,
    MissingExtraError,
    PfpError,
    UnknownAlternativeError,
    UnknownCountryError,
    UnknownCountryWarning,
    UnknownKeyError,
    UnknownOrganizationError,
)

if TYPE_CHECKING:  # made on first use: see _HOMES and __getattr__ below
    from pfp.engine import FastPath, History, StatusRun
    from pfp.model import (
        SYSTEMS,
        Alternative,
        Code,
        CodeScheme,
        Country,
        Event,
        EventKind,
        Evidence,
        MilestoneKind,
        Organization,
        Precision,
        Rename,
        Source,
        StateDispute,
        Status,
        Transition,
    )
    from pfp.programme import CooperationArea, Figure, Milestone
    from pfp.readings import Dispute
    from pfp.results import CountrySet, Roster, Transitions
    from pfp.timelines import Period, Timeline
    from pfp.words import Partnership

    DATA_AS_OF: pendulum.Date
    """The last day the bundled data is known complete (read on first access)."""
    DATA_VERSION: str
    """The version of the bundled data, bumped on every data change."""

__version__ = "0.1.0"
"""The library's version, as in its metadata (the data has its own: ``DATA_VERSION``)."""

__all__ = [
    "DATA_AS_OF",
    "DATA_VERSION",
    "SYSTEMS",
    "Alternative",
    "AmbiguousCountryError",
    "BeyondDataError",
    "Code",
    "CodeScheme",
    "ConflictingReadingsError",
    "CooperationArea",
    "Country",
    "CountrySet",
    "DataError",
    "DateLike",
    "Dispute",
    "Event",
    "EventKind",
    "Evidence",
    "Figure",
    "History",
    "InvalidArgumentError",
    "InvalidDateError",
    "InvalidRangeError",
    "InvalidRecordError",
    "Milestone",
    "MilestoneKind",
    "MissingExtraError",
    "Organization",
    "Partnership",
    "Period",
    "PfpError",
    "Precision",
    "Rename",
    "Roster",
    "Source",
    "StateDispute",
    "Status",
    "Timeline",
    "Transition",
    "Transitions",
    "UnknownAlternativeError",
    "UnknownCountryError",
    "UnknownCountryWarning",
    "UnknownKeyError",
    "UnknownOrganizationError",
    "__version__",
    "affiliations",
    "annotate",
    "cite",
    "cooperation_areas",
    "countries",
    "country",
    "disputes",
    "events",
    "figure",
    "figures",
    "history",
    "joint_memberships",
    "members_at",
    "milestones",
    "organization",
    "organizations",
    "partnerships",
    "reading",
    "source",
    "sources",
    "state_disputes",
    "states",
    "status_of",
    "suggest_countries",
    "timeline",
    "transitions",
]

_HOMES = (
    "pfp.model",
    "pfp.engine",
    "pfp.results",
    "pfp.timelines",
    "pfp.readings",
    "pfp.programme",
    "pfp.words",
)
"""The modules whose public classes ``pfp`` exports, imported on first use (see __getattr__).

``import pfp`` defines no record class and reads no file: the classes are made, and the data
read, validated and indexed, by the first question asked.
"""

_runs: dict[str, StatusRun] = {}
"""The bundled history's default-organisation status runs by every exact spelling (the
engine's published ``FastPath.statuses_by_name``, copied here once: a module dict is the
cheapest lookup on ``status_of``'s hot path)."""
_org_runs: dict[str, Mapping[str, StatusRun]] = {}
"""The same for every other organisation, by the ``org`` spelling asked (filled on first use)."""
_ORG_SPELLINGS = 256
"""At most this many ``org`` spellings are kept in ``_org_runs`` (each shares the engine's runs)."""
_known: list[History] = []
"""The bundled history, once built (a list lookup is the cheapest test on the hot paths)."""
_fast: list[FastPath] = []
"""The bundled history's default-organisation hot paths (see History.fast_path), filled by
the first ``status_of`` or ``transitions`` (they answer from it inline; ``members_at`` needs
no name, so the first query does not make the name index)."""
_Date = datetime.date
_PDate = pendulum.Date


def history() -> History:
    """The :class:`History` over the bundled data, built on first use (thread-safe).

    >>> import pfp
    >>> pfp.history().status_of("Malta", "2008-04-03")
    <Status.MEMBER: 'member'>
    """
    if _known:
        return _known[0]
    found = _bundled.history()
    if not _known:  # the same value from any thread: a race appends it twice, harmlessly
        _known.append(found)
    return found


def _fast_path() -> FastPath:
    """The bundled history's default-organisation hot paths, copied here on first use."""
    if not _fast:  # the same values from any thread: a race fills them twice, harmlessly
        fast = history().fast_path()
        _runs.update(fast.statuses_by_name)
        _fast.append(fast)
    return _fast[0]


def members_at(when: DateLike, *, org: str | None = None) -> Roster:
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
    found = _known[0] if _known else history()
    return found.members_at(when) if org is None else found.members_at(when, org=org)


def status_of(country: str | Country, when: DateLike, *, org: str | None = None) -> Status:
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
    # The hot path, spelled out for speed from the engine's published FastPath: a name as
    # written, then one lookup and a bisect (tests keep it equal to History.status_of).
    if type(country) is str:
        found: StatusRun | None
        if org is None:
            try:
                found = _runs[country]
            except KeyError:  # another spelling, no such state, or the runs not copied yet
                found = None if _fast else _fast_path().statuses_by_name.get(country)
        else:
            try:
                found = _org_runs[org][country]
            except (
                Exception
            ):  # not asked before, another spelling; or not a str (its hash may fail)
                found = _org_run(org, country)
        if found is not None:
            kind = type(when)
            if kind is _Date or kind is _PDate:
                return found[1][bisect_right(found[0], when.toordinal())]  # type: ignore[union-attr]  # a date
            if kind is str:
                return found[1][bisect_right(found[0], to_ordinal(when))]
            if kind in EXACT_DAY_TYPES:  # a datetime, a pandas Timestamp: its day, in C
                return found[1][bisect_right(found[0], date_ordinal(when))]  # type: ignore[arg-type]
            read = DAY_READERS.get(kind)  # numpy.datetime64, once one has been seen
            if read is not None:
                return found[1][bisect_right(found[0], read(when))]
            return found[1][bisect_right(found[0], to_ordinal(when))]  # or InvalidDateError
    built = _known[0] if _known else history()  # keywords cost: pass them only when given
    return (
        built.status_of(country, when) if org is None else built.status_of(country, when, org=org)
    )


def _org_run(org: object, country: str) -> StatusRun | None:
    """The run of ``country`` as written in organisation ``org``, or None: the engine then asks.

    The engine refuses an ``org`` that is not an organisation's key, with a typed error.
    """
    runs = _runs_of(org) if type(org) is str else None
    return None if runs is None else runs.get(country)


def _runs_of(org: str) -> Mapping[str, StatusRun] | None:
    """The status runs of ``org`` by every exact spelling of a state, kept by ``org`` as asked.

    None for an ``org`` no organisation answers to (``History.status_of`` raises the error).
    """
    kept = _org_runs.get(org)
    if kept is not None:  # asked before: this is another spelling of the state
        return kept
    try:  # the engine's own dict, shared by every spelling of the organisation
        runs = history().fast_path(org).statuses_by_name
    except UnknownOrganizationError:
        return None
    if len(_org_runs) < _ORG_SPELLINGS:
        _org_runs[org] = runs
    return runs


def transitions(
    start: DateLike | None = None,
    end: DateLike | None = None,
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
    # The hot path, spelled out for speed from the engine's published FastPath: two dates,
    # two bisects and a view (tests keep it equal to History.transitions).
    if country is None and org is None:
        kind, end_kind = type(start), type(end)
        if (kind is _Date or kind is _PDate) and (end_kind is _Date or end_kind is _PDate):
            low, high = start.toordinal(), end.toordinal()  # type: ignore[union-attr]  # two dates
            if low <= high:  # else History.transitions raises the error
                fast = _fast[0] if _fast else _fast_path()
                days = fast.transition_days
                first = bisect_left(days, low)
                stop = bisect_right(days, high)
                known = fast.known_to_day
                if known is not None and high > known:  # the window reaches past the data
                    return fast.make_beyond(fast.transitions, first, stop)
                return fast.make_transitions(fast.transitions, first, stop)
        elif start is None and end is None:
            return (_fast[0] if _fast else _fast_path()).all_transitions
    found = _known[0] if _known else history()
    if country is None and org is None:
        return found.transitions(start, end)
    return found.transitions(start, end, country=country, org=org)


def timeline(country: str | Country, *, org: str | None = None) -> Timeline:
    """The periods of one status each that tile all time for ``country``.

    >>> import pfp
    >>> for period in pfp.timeline("Malta"):
    ...     print(period)
    Period(... .. 1964-09-20, not_a_state)
    Period(1964-09-21 .. 1995-04-25, non_member)
    Period(1995-04-26 .. 1996-10-28, member)
    Period(1996-10-29 .. 2008-03-19, withdrawn)
    Period(2008-03-20 .. 2008-04-02, applicant)
    Period(2008-04-03 .. ..., member; known to 2024-08-06)

    Raises:
        UnknownCountryError: with suggestions, for a name no state bears.

    """
    return history().timeline(country, org=org)


def joint_memberships(a: str | Country, b: str | Country, when: DateLike) -> tuple[str, ...]:
    """The keys of the organisations both states were members of on day ``when``, sorted.

    A member is a state on the organisation's roster, as :func:`members_at` counts it
    (``member`` or ``suspended``); a PfP partner that joined NATO (``nato_member`` in the
    PfP) counts as a NATO member, not a PfP one:

    >>> import pfp
    >>> pfp.joint_memberships("Sweden", "Finland", "2022-12-31")
    ('EAPC', 'EOP', 'EU', 'PfP')
    >>> pfp.joint_memberships("Sweden", "Finland", "2023-12-31")  # Finland in NATO since April
    ('EAPC', 'EU')
    >>> pfp.joint_memberships("Sweden", "Finland", "2024-12-31")
    ('EAPC', 'EU', 'NATO')
    >>> pfp.joint_memberships("Russia", "Belarus", "2022-01-01")  # suspended partners count
    ('CSTO', 'EAPC', 'PfP')

    Raises:
        UnknownCountryError: with suggestions, for a name no state bears.
        InvalidDateError: when ``when`` is not a date.

    """
    return history().joint_memberships(a, b, when)


def affiliations(
    country: str | Country, when: DateLike, *, orgs: Iterable[str] | None = None
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
    from pfp.words import affiliations  # noqa: PLC0415 - made on first use

    return affiliations(history(), country, when, orgs=orgs)


def annotate(
    frame: Any,
    *,
    country: str = "country",
    date: str = "date",
    orgs: Iterable[str] | str = ("PfP",),
    code: str | None = None,
    unknown: str = "na",
    beyond: str = "carry",
) -> Any:
    """A pandas or Polars ``frame`` with each row's standing in ``orgs`` on the row's day.

    The same rows in the same order (and index), the input unchanged, with one categorical
    column of :class:`Status` values per organisation, ``<org key in lower case>_status``,
    and ``beyond_data``: True where the row's day is after a named organisation's review
    day (``beyond`` says what its status is then: ``carry`` the last known one, ``null``, or
    ``raise`` :class:`BeyondDataError`). ``country`` holds names and ISO codes, mixed, or
    COW or G&W numbers (``code="cow"`` or ``"gw"``, read as held on each row's day);
    ``date`` holds ``datetime64`` of any unit (times of day ignored), Timestamps, dates or
    ISO strings. A null country or day gives a null status; so does an unknown country,
    with one :class:`UnknownCountryWarning` for the call (``unknown="raise"``:
    :class:`UnknownCountryError` naming them). Vectorised: no Python call per row.

    >>> import pandas as pd, pfp
    >>> survey = pd.DataFrame({"country": ["UKR", "Ukraine", "Sweden"],
    ...                        "date": ["2020-06-12", "2020-06-11", "2024-03-07"]})
    >>> pfp.annotate(survey, orgs=["EOP", "NATO"])[["eop_status", "nato_status"]]
      eop_status nato_status
    0      member  non_member
    1  non_member  non_member
    2 nato_member      member
    >>> cow = pd.DataFrame({"ccode": [260, 255], "day": ["1980-01-01", "1995-01-01"]})
    >>> found = pfp.annotate(cow, country="ccode", date="day", orgs="NATO", code="cow")
    >>> found["nato_status"].tolist()  # West Germany in 1980, united Germany in 1995
    ['member', 'member']

    Raises:
        InvalidArgumentError: for a frame that is neither, a missing column, an existing
            status column, or a ``code``, ``unknown`` or ``beyond`` not listed above.
        InvalidDateError: when the date column holds values that are not days.
        UnknownOrganizationError: for an unknown name in ``orgs``.
        UnknownCountryError: with ``unknown="raise"``, naming the unknown values.
        BeyondDataError: with ``beyond="raise"``, for rows after a review day.

    """
    from pfp.bulk import annotate  # noqa: PLC0415 - made on first use (needs numpy)

    return annotate(
        history(),
        frame,
        country=country,
        date=date,
        orgs=orgs,
        code=code,
        unknown=unknown,
        beyond=beyond,
    )


def partnerships(country: str | Country, when: DateLike) -> tuple[Partnership, ...]:
    """Every NATO partnership framework a state took part in on a day, in words and records.

    Each is a framework's :class:`~pfp.Organization` and the :class:`~pfp.Period` of the
    state's standing in it (member, observer or suspended member), with its sources:

    >>> import pfp
    >>> [str(p) for p in pfp.partnerships("Jordan", "2015-01-01")]
    ['EOP member', 'MD member']
    >>> held = pfp.partnerships("Japan", "2015-01-01")[0]
    >>> held.org.name, str(held.period.start)
    ('Partners across the globe', '2010-11-19')

    Raises:
        UnknownCountryError: for a name no state bears.
        InvalidDateError: when ``when`` is not a date.

    """
    from pfp.words import partnerships  # noqa: PLC0415 - made on first use

    return partnerships(history(), country, when)


def cite(style: str = "bibtex") -> str:
    """How to cite pfp: this library's version and the data version in use, as BibTeX or APA.

    >>> import pfp
    >>> print(pfp.cite())  # doctest: +ELLIPSIS
    @misc{nato-pfp-0.1.0,
      author = {{The pfp developers}},
      title = {pfp: NATO's Partnership for Peace, day by day, every fact sourced},
      howpublished = {Python package nato-pfp (imported as pfp)},
      version = {0.1.0},
      note = {Data version ..., complete to .... License: MIT}
    }
    >>> pfp.DATA_VERSION in pfp.cite("apa"), str(pfp.DATA_AS_OF) in pfp.cite("apa")
    (True, True)

    Cite the sources of the facts you use too: each :class:`Source` has ``.bibtex()``.

    Raises:
        InvalidArgumentError: for a style other than ``"bibtex"`` or ``"apa"``.

    """
    from pfp.citation import cite  # noqa: PLC0415 - made on first use

    found = history()
    return cite(style, version=__version__, data_version=found.version, data_as_of=found.as_of)


def country(
    query: str | Country | None = None,
    *,
    cow: int | None = None,
    gw: int | None = None,
    on: DateLike | None = None,
) -> Country:
    """The state named by any name, former name or alias, or by any of its codes.

    ISO alpha-2 and alpha-3 codes (current or former), COW and G&W abbreviations (a
    three-letter string is read as ISO alpha-3 first), or a COW or G&W number held ``on`` a
    day (default: its last holder):

    >>> import pfp
    >>> pfp.country("FYROM").name, pfp.country("mkd").name
    ('North Macedonia', 'North Macedonia')
    >>> pfp.country("GFR").name, pfp.country("AUS").name, pfp.country(cow=260).name
    ('Germany', 'Australia', 'Germany')
    >>> pfp.country(cow=365, on="1980-01-01").name, pfp.country(cow=365).name
    ('Soviet Union', 'Russia')

    Raises:
        UnknownCountryError: with the nearest names in ``.suggestions``.
        AmbiguousCountryError: for a name several states bear ("Congo").

    """
    found = _known[0] if _known else history()
    if cow is None and gw is None and on is None:
        return found.country(query)
    return found.country(query, cow=cow, gw=gw, on=on)


def states(when: DateLike, *, system: str = "cow") -> CountrySet:
    """The states that existed on day ``when`` in a state system: ``cow``, ``gw`` or ``iso``.

    >>> import pfp
    >>> len(pfp.states("1949-12-31")), len(pfp.states("2016-12-31", system="gw"))
    (75, 197)
    >>> "GDR" in pfp.states("1989-11-09"), "GDR" in pfp.states("1991-01-01")
    (True, False)

    Raises:
        InvalidDateError: when ``when`` is not a date.
        InvalidArgumentError: for another system.

    """
    return history().states(when, system=system)


def state_disputes() -> tuple[StateDispute, ...]:
    """Every fact about a state on which the COW and G&W lists (or ISO 3166) disagree.

    >>> import pfp
    >>> len(pfp.state_disputes()) > 100
    True
    >>> [d for d in pfp.state_disputes() if d.country.name == "Georgia"][0].what
    'gw start (2012 list)'
    """
    return history().state_disputes()


def countries() -> tuple[Country, ...]:
    """Every state in the bundled data, sorted by name.

    >>> import pfp
    >>> len(pfp.countries()), pfp.countries()[0].name
    (207, 'Abkhazia')
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
    EAPC 1997-05-30 Euro-Atlantic Partnership Council
    EOP 2014-09-05 Enhanced Opportunities Partners
    EU 1958-01-01 European Union
    GUAM 1997-10-10 GUAM Organization for Democracy and Economic Development
    ICI 2004-06-28 Istanbul Cooperation Initiative
    IPAP 2002-11-21 Individual Partnership Action Plan
    MAP 1999-04-24 Membership Action Plan
    MD 1995-02-08 Mediterranean Dialogue
    NACC 1991-12-20 North Atlantic Cooperation Council
    NATO 1949-08-24 North Atlantic Treaty Organization
    PATG 2010-11-19 Partners across the globe
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


def events(
    *, country: str | Country | None = None, evidence: str | None = None
) -> tuple[Event, ...]:
    """Every bundled event in date order, or one state's, or those of one evidence strength.

    ``evidence`` is ``primary`` (the organisation's or a government's own record),
    ``secondary`` (contemporary reports, scholarship) or ``seed`` (the seed article alone).

    >>> import pfp
    >>> for event in pfp.events(country="Sweden"):
    ...     print(event.date, event.org, event.kind.value)
    1994-05-09 PfP signature
    1994-06-10 NACC observer
    1995-01-01 EU accession
    1997-05-30 EAPC accession
    2014-09-05 EOP accession
    2022-05-18 NATO application
    2022-06-29 NATO invitation
    2022-07-05 NATO protocol_signed
    2024-03-07 NATO accession
    """
    if evidence is not None:
        return history().events(country=country, evidence=evidence)
    return history().events(country=country)


def sources() -> tuple[Source, ...]:
    """Every source the bundled data cites, by key.

    >>> import pfp
    >>> len(pfp.sources()) > 50
    True
    """
    return history().sources()


def source(key: str) -> Source:
    """The source cited as ``key``.

    >>> import pfp
    >>> pfp.source("seed-23").title
    'Signatures of Partnership for Peace Framework Document'

    Raises:
        LookupError: (a :class:`PfpError`) naming the nearest keys.

    """
    return history().source(key)


def milestones(start: DateLike | None = None, end: DateLike | None = None) -> tuple[Milestone, ...]:
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
    low, high = date_range(start, end)
    return tuple(
        m
        for m in history().programme.milestones
        if (high is None or m.start <= high) and (low is None or m.last_day >= low)
    )


def figures() -> tuple[Figure, ...]:
    """The numbers the sources give about the programme, each with unit, period and source.

    >>> import pfp
    >>> [f.key for f in pfp.figures()][:2]
    ['wif-avg-fy1996-2005', 'wif-avg-fy2006-2010']
    """
    return history().programme.figures


def figure(key: str) -> Figure:
    """The figure recorded under ``key``.

    >>> import pfp
    >>> pfp.figure("sweden-1997-interoperability-objectives").value
    35

    Raises:
        LookupError: (a :class:`PfpError`) naming the nearest keys.

    """
    if type(key) is str:
        for found in history().programme.figures:
            if found.key == key:
                return found
    raise UnknownKeyError("figure", key, [f.key for f in history().programme.figures])


def cooperation_areas() -> tuple[CooperationArea, ...]:
    """The objectives the PfP Framework Document sets, in its order.

    >>> import pfp
    >>> for area in pfp.cooperation_areas()[:2]:
    ...     print(area.number, area.text)
    1 facilitation of transparency in national defence planning and budgeting processes
    2 ensuring democratic control of defence forces
    """
    return history().programme.cooperation_areas


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
    Dispute(Malta, PfP withdrawal, 1996-10-29; also 1996-10 (month), 1996-10-27)
    Dispute(Serbia and Montenegro, PfP application, 2003-06-19; also 2003-06-16)
    Dispute(Kosovo, PfP application, 2012-07-11; also 2012-07 (month))
    Dispute(Russia, PfP suspension, 2014-04-01; also 2014-04-08)
    Dispute(North Macedonia, rename, 2019-02-15; also 2019-02-12)
    Dispute(Belarus, PfP suspension, 2021-11-19; also 2021-05-31, 2021-11-23)

    """
    from pfp.readings import disputes  # noqa: PLC0415 - made on first use

    return disputes(history())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def __getattr__(name: str) -> object:
    if name in ("tables", "plot"):  # submodules, imported on first use
        return importlib.import_module(f"pfp.{name}")
    if name in ("DATA_AS_OF", "DATA_VERSION"):  # the bundled data's, read on first use
        found = history()
        return found.as_of if name == "DATA_AS_OF" else found.version
    if name in __all__:
        for home in _HOMES:  # the first question imports most of them anyway
            module = importlib.import_module(home)
            if name in module.__all__:
                found = getattr(module, name)
                globals()[name] = found  # asked once: a plain attribute from now on
                return found
    raise AttributeError(f"module 'pfp' has no attribute {name!r}")
