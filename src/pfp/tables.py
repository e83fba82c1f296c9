"""Answers as tables: plain-dict records, HTML for notebooks, pandas frames and country-year panels.

Every function here turns what ``pfp`` returns into rows: one ``dict`` per row with the same keys
in the same order, dates as pendulum dates (None for an open end), statuses as their string values
and source keys as a tuple. The ``*_records`` functions and :func:`to_html` need only the standard
library; the ``*_dataframe`` functions and the panels need the ``pandas`` extra, imported only when
called.

>>> import pfp
>>> from pfp import tables
>>> rows = tables.roster_records(pfp.members_at("1994-01-31"))
>>> [(row["name"], str(row["since"]), "seed-23" in row["sources"]) for row in rows]
[('Lithuania', '1994-01-27', True), ('Romania', '1994-01-26', True)]
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import pendulum

from pfp._bundled import or_bundled
from pfp.dates import DateLike, date_range, reference_day, to_date, year_range
from pfp.display import html_table
from pfp.errors import InvalidArgumentError, items_of, shown
from pfp.model import Country, Status, Transition
from pfp.panels import (
    INTERVAL_COLUMNS,
    OPEN_END,
    OPEN_START,
    dyad_year_panel,
    intervals,
    state_day_panel,
    state_year_panel,
)
from pfp.results import Roster
from pfp.rows import (
    COUNTRY_COLUMNS,
    PERIOD_COLUMNS,
    ROSTER_COLUMNS,
    STATUS_COLUMNS,
    TRANSITION_COLUMNS,
    Frame,
    Record,
    Records,
    backend_of,
    country_cells,
    country_records,
    library,
    pandas,
    period_on,
    period_rows,
    polars,
    polars_frame,
    polars_from_pandas,
    roster_records,
    rows_of,
    share_columns,
    source_keys,
    status_row,
    to_dataframe,
    transition_records,
)
from pfp.timelines import Period, Timeline
from pfp.words import organization_keys

if TYPE_CHECKING:
    from pfp.engine import History

__all__ = [
    "COUNTRY_COLUMNS",
    "COUNTRY_YEAR_COLUMNS",
    "COUNTRY_YEAR_SHARE_COLUMNS",
    "INTERVAL_COLUMNS",
    "OPEN_END",
    "OPEN_START",
    "PERIOD_COLUMNS",
    "ROSTER_COLUMNS",
    "STATUS_COLUMNS",
    "TRANSITION_COLUMNS",
    "Record",
    "Records",
    "country_day_panel",
    "country_records",
    "country_year_panel",
    "country_year_records",
    "dyad_year_panel",
    "history_dataframe",
    "history_records",
    "intervals",
    "period_dataframe",
    "period_records",
    "roster_dataframe",
    "roster_records",
    "status_record",
    "to_dataframe",
    "to_html",
    "transition_dataframe",
    "transition_records",
]

COUNTRY_YEAR_COLUMNS = ("name", "iso2", "iso3", "org", "year", "date", "status", "since", "sources")
"""The columns of a country-year panel by reference day: the status in force on ``date``."""

COUNTRY_YEAR_SHARE_COLUMNS = ("name", "iso2", "iso3", "org", "year", *share_columns())
"""The columns of a country-year panel by share: the fraction of the year's days in each status."""


_history = or_bundled


def _not_a_period(value: object) -> Period:
    raise InvalidArgumentError(f"periods must be pfp.Period records, not {shown(value)}")


def _org_key(history: History, org: str | None) -> str:
    """The key of ``org`` in ``history`` (its default organisation when None)."""
    return history.default_org if org is None else history.organization(org).key


def status_record(
    country: str | Country,
    when: DateLike,
    *,
    org: str | None = None,
    history: History | None = None,
) -> Record:
    """A state's status in the PfP (or ``org``) on a day, the day it began, and its sources.

    >>> from pfp.tables import status_record
    >>> row = status_record("Malta", "2000-01-01")
    >>> row["status"], str(row["since"]), "seed-19" in row["sources"]
    ('withdrawn', '1996-10-29', True)

    Raises:
        UnknownCountryError: with suggestions, for a name no state bears.
        InvalidDateError: when ``when`` is not a date.
        UnknownOrganizationError: for an organisation the history does not follow.

    """
    found = _history(history)
    return status_row(found, found.country(country), to_date(when), _org_key(found, org))


def period_records(
    periods: Iterable[Period],
    country: str | Country | None = None,
    *,
    org: str | None = None,
    history: History | None = None,
) -> Records:
    """One row per period of a state's timeline, citing the event that began each period.

    A :class:`~pfp.Timeline` (what ``pfp.timeline`` returns) knows its state, organisation and
    history; for other sequences of periods pass ``country`` (and ``org``, the history's
    default organisation when None).

    >>> import pfp
    >>> from pfp.tables import period_records
    >>> for row in period_records(pfp.timeline("Malta"), "Malta")[:3]:
    ...     print(row["status"], row["start"], row["last_day"], len(row["sources"]) > 0)
    not_a_state None 1964-09-20 False
    non_member 1964-09-21 1995-04-25 True
    member 1995-04-26 1996-10-28 True

    Raises:
        UnknownCountryError: with suggestions, for a name no state bears.
        InvalidArgumentError: for periods that are not a Timeline, given without ``country``.

    """
    if not isinstance(periods, Timeline):
        periods = [
            period if isinstance(period, Period) else _not_a_period(period)
            for period in items_of(periods, "periods")
        ]
    if isinstance(periods, Timeline):
        found = _history(history if history is not None else periods.history)
        state = periods.country if country is None else found.country(country)
        key = periods.org if org is None else org
    elif country is None:
        raise InvalidArgumentError("period_records needs `country` unless given a pfp.Timeline")
    else:
        found = _history(history)
        state = found.country(country)
        key = _org_key(found, org)
    return period_rows(periods, state, key, history=found)


def history_records(
    *, orgs: Iterable[str] | None = None, history: History | None = None
) -> Records:
    """The whole history: one row per state, organisation and period, sorted in that order.

    ``orgs`` limits the table to some organisations (default: every one the history follows).

    >>> import pfp
    >>> from pfp.tables import history_records
    >>> rows = history_records(orgs=["NATO"])
    >>> sweden = [row for row in rows if row["iso3"] == "SWE"]
    >>> [(row["status"], str(row["start"])) for row in sweden]
    [('not_a_state', 'None'), ('non_member', '1816-01-01'), ('applicant', '2022-05-18'),
     ('invited', '2022-06-29'), ('member', '2024-03-07')]

    Raises:
        UnknownOrganizationError: for an organisation the history does not follow.

    """
    found = _history(history)
    keys = organization_keys(found, orgs, every=True)
    rows: list[Record] = []
    for state in found.countries():
        for key in keys:
            rows += period_rows(found.timeline(state, org=key), state, key)
    return Records(rows, history=found)


def _states(history: History, countries: object) -> tuple[Country, ...]:
    """The states a panel covers: ``countries``, or the states of the history's events."""
    if countries is None:
        events = {event.country.iso3 for event in history.events()}
        return tuple(c for c in history.countries() if c.iso3 in events)
    if isinstance(countries, (str, Country)):  # one state, not its letters
        countries = (countries,)
    if isinstance(countries, (bytes, bytearray)) or not isinstance(countries, Iterable):
        raise InvalidArgumentError(
            f"countries must be a state's name or a list of names or pfp.Country records, "
            f"such as ['Malta', 'Sweden']; got {shown(countries)}"
        )
    named = items_of(countries, "countries")
    return tuple(
        sorted(
            {found.iso3: found for found in map(history.country, named)}.values(),  # type: ignore[arg-type]
            key=lambda c: c.name,
        )
    )


def _days_in(period: Period, first: int, last: int) -> int:
    """How many days of ``first..last`` (ordinals, inclusive) fall in ``period``."""
    low = first if period.start is None else max(first, period.start.toordinal())
    high = last if period.end is None else min(last, period.end.toordinal() - 1)
    return max(0, high - low + 1)


def country_year_records(
    start_year: int,
    end_year: int,
    *,
    org: str | None = None,
    reference: str = "12-31",
    share: bool = False,
    countries: Iterable[str | Country] | None = None,
    history: History | None = None,
) -> Records:
    """A country-year panel as records: one row per state and year, sorted by name then year.

    By default each row gives the status on the ``reference`` day (``'MM-DD'``) of its year,
    with the day it began and its sources (:data:`COUNTRY_YEAR_COLUMNS`). With ``share=True``
    it gives instead, for every status, the fraction of the year's days spent in it
    (:data:`COUNTRY_YEAR_SHARE_COLUMNS`). ``countries`` limits the panel to some states
    (default: every state the history knows); ``org`` defaults to the history's default
    organisation, ``history`` to the bundled data.

    >>> from pfp.tables import country_year_records
    >>> for row in country_year_records(1995, 1997, countries=["Malta"]):
    ...     print(row["year"], row["status"], row["since"])
    1995 member 1995-04-26
    1996 withdrawn 1996-10-29
    1997 withdrawn 1996-10-29
    >>> row = country_year_records(1996, 1996, share=True, countries=["Malta"])[0]
    >>> round(row["share_member"], 2), round(row["share_withdrawn"], 2)
    (0.83, 0.17)

    Raises:
        InvalidRangeError: when ``end_year`` is before ``start_year``.
        InvalidDateError: when ``reference`` is not a day of every year.
        UnknownOrganizationError: for an organisation pfp does not follow.
        UnknownCountryError: for a name in ``countries`` no state bears.

    """
    years = year_range(start_year, end_year)
    month, day = (0, 0) if share else reference_day(reference)
    found = _history(history)
    key = _org_key(found, org)
    rows = []
    for state in _states(found, countries):
        periods = found.timeline(state, org=key)
        for year in years:
            row: Record = {**country_cells(state), "org": key, "year": year}
            if share:
                first = datetime.date(year, 1, 1).toordinal()
                last = datetime.date(year, 12, 31).toordinal()
                days = dict.fromkeys(Status, 0)
                for period in periods:
                    days[period.status] += _days_in(period, first, last)
                total = last - first + 1
                row.update({f"share_{s.value}": days[s] / total for s in Status})
            else:
                when = pendulum.Date(year, month, day)
                period = period_on(periods, when)
                row.update(
                    date=when,
                    status=period.status.value,
                    since=period.start,
                    sources=source_keys(period.sources),
                )
            rows.append(row)
    return Records(rows, history=found)


def to_html(
    records: Sequence[Record], *, columns: Sequence[str] | None = None, caption: str = ""
) -> str:
    """An HTML table of records, as Jupyter shows it: a header row, then one row per record.

    ``columns`` names the columns and their order (default: the first record's keys), so
    that an empty table still has a header. Every cell is escaped.

    >>> import pfp
    >>> from pfp.tables import to_html, roster_records
    >>> roster = pfp.members_at("1994-01-31")
    >>> print(to_html(roster_records(roster), columns=("name", "since"), caption="PfP partners"))
    <table class="pfp-table">
    <caption>PfP partners</caption>
    <thead><tr><th>name</th><th>since</th></tr></thead>
    <tbody>
    <tr><td>Lithuania</td><td>1994-01-27</td></tr>
    <tr><td>Romania</td><td>1994-01-26</td></tr>
    </tbody>
    </table>
    """
    return html_table(rows_of(records), columns=columns, caption=caption)


# -- pandas (the ``pandas`` extra, imported when called) -----------------------------------


def _frame(rows: Sequence[Record], columns: Sequence[str], backend: str) -> Frame:
    """Rows as a pandas frame (:func:`to_dataframe`), or a Polars one for ``backend="polars"``."""
    if backend_of(backend) == "polars":
        return polars_frame(rows, columns=columns)
    return to_dataframe(rows, columns=columns)


def roster_dataframe(roster: Roster, *, backend: str = "pandas") -> Frame:
    """:func:`roster_records` as a DataFrame (see :func:`to_dataframe`).

    ``backend="polars"`` gives a Polars frame (days as ``pl.Date``), as every ``*_dataframe``
    function and panel here does:

    >>> import pfp
    >>> from pfp.tables import roster_dataframe
    >>> roster_dataframe(pfp.members_at("1994-01-31"), backend="polars")["name"].to_list()
    ['Lithuania', 'Romania']
    >>> roster_dataframe(pfp.members_at("1994-01-31"))["iso3"].tolist()
    ['LTU', 'ROU']

    Raises:
        MissingExtraError: an ImportError naming pandas (or polars) and pfp's extra.
        InvalidArgumentError: for a backend other than pandas and polars.

    """
    frame = _frame(roster_records(roster), ROSTER_COLUMNS, backend)
    if backend == "pandas":
        frame.attrs.update(org=roster.org, date=str(roster.date))
    return frame


def transition_dataframe(transitions: Iterable[Transition], *, backend: str = "pandas") -> Frame:
    """:func:`transition_records` as a DataFrame (see :func:`to_dataframe`).

    >>> import pfp
    >>> from pfp import tables
    >>> frame = tables.transition_dataframe(pfp.transitions("2004-03-29", "2004-03-29"))
    >>> frame["name"].tolist()[:2]
    ['Bulgaria', 'Estonia']
    """
    return _frame(transition_records(transitions), TRANSITION_COLUMNS, backend)


def period_dataframe(
    periods: Iterable[Period],
    country: str | Country | None = None,
    *,
    org: str | None = None,
    backend: str = "pandas",
    history: History | None = None,
) -> Frame:
    """:func:`period_records` as a DataFrame (see :func:`to_dataframe`).

    >>> import pfp
    >>> from pfp import tables
    >>> tables.period_dataframe(pfp.timeline("Malta"))["status"].tolist()
    ['not_a_state', 'non_member', 'member', 'withdrawn', 'applicant', 'member']
    """
    rows = period_records(periods, country, org=org, history=history)
    return _frame(rows, PERIOD_COLUMNS, backend)


def history_dataframe(
    *, orgs: Iterable[str] | None = None, backend: str = "pandas", history: History | None = None
) -> Frame:
    """:func:`history_records` as a DataFrame (see :func:`to_dataframe`).

    >>> from pfp import tables
    >>> frame = tables.history_dataframe(orgs=["NATO"])
    >>> frame[frame["iso3"] == "SWE"]["status"].tolist()
    ['not_a_state', 'non_member', 'applicant', 'invited', 'member']
    """
    return _frame(history_records(orgs=orgs, history=history), PERIOD_COLUMNS, backend)


def country_year_panel(
    start_year: int,
    end_year: int,
    *,
    org: str | None = None,
    orgs: Iterable[str] | None = None,
    system: str = "pfp",
    reference: str = "12-31",
    share: bool = False,
    countries: Iterable[str | Country] | None = None,
    beyond: str = "carry",
    backend: str = "pandas",
    history: History | None = None,
) -> Frame:
    """A country-year panel DataFrame: :func:`country_year_records` with its metadata.

    ``df.attrs`` holds ``data_version``, ``data_as_of``, ``org`` and either ``reference``
    or ``share``. ``backend="polars"`` gives a Polars frame of the same columns (no metadata).

    With ``system="cow"``, ``"gw"`` or ``"iso"`` (or ``orgs=``) it is a panel over a whole
    state system instead (:func:`pfp.panels.state_year_panel`): one row per state-year of the
    system, that year's COW, G&W and ISO codes as columns, and a ``<key>_status`` column per
    organisation of ``orgs`` (``org`` alone gives one). ``system="pfp"`` (the default) covers
    the states of the events.

    >>> import pfp
    >>> panel = pfp.tables.country_year_panel(1949, 2016, system="cow", orgs=["NATO", "PfP"])
    >>> germany = panel[(panel["iso3"] == "DEU") & panel["year"].isin([1960, 1991])]
    >>> germany[["year", "cow_code", "nato_status", "pfp_status"]].values.tolist()
    [[1991, 255, 'member', 'nato_member'], [1960, 260, 'member', 'nato_member']]

    Raises:
        MissingExtraError: an ImportError naming pandas (or polars) and pfp's extra.
        InvalidArgumentError: for ``share=True`` or ``countries`` with a state system, or a
            backend other than pandas and polars.

    """
    kind = backend_of(backend)
    if system != "pfp" or orgs is not None:
        if share or countries is not None:
            raise InvalidArgumentError(
                "a panel over a state system covers all its states on a reference day: "
                "pass share=False and no countries (filter the frame instead)"
            )
        chosen = orgs if orgs is not None else None if org is None else [org]
        return state_year_panel(
            start_year,
            end_year,
            system="pfp" if system == "pfp" else system,
            orgs=chosen,
            reference=reference,
            beyond=beyond,
            backend=kind,
            history=history,
        )
    if beyond != "carry":
        raise InvalidArgumentError(
            'beyond="null" and "raise" are for panels over a state system (system="cow", '
            '"gw", "iso" or orgs=); this panel carries the last known standing forward'
        )
    library(kind)  # the extra is there, or its MissingExtraError
    found = _history(history)
    rows = country_year_records(
        start_year,
        end_year,
        org=org,
        reference=reference,
        share=share,
        countries=countries,
        history=found,
    )
    columns = COUNTRY_YEAR_SHARE_COLUMNS if share else COUNTRY_YEAR_COLUMNS
    if kind == "polars":
        return polars_frame(rows, columns=columns)
    frame = to_dataframe(rows, columns=columns)
    frame.attrs["org"] = _org_key(found, org)
    as_of = found.organization(_org_key(found, org)).as_of
    frame.attrs["known_to"] = "" if as_of is None else str(as_of)  # later rows carry it forward
    if share:
        frame.attrs["share"] = True
    else:
        frame.attrs["reference"] = reference
    return frame


def country_day_panel(
    start: DateLike,
    end: DateLike,
    *,
    org: str | None = None,
    orgs: Iterable[str] | None = None,
    system: str = "pfp",
    countries: Iterable[str | Country] | None = None,
    beyond: str = "carry",
    backend: str = "pandas",
    history: History | None = None,
) -> Frame:
    """A country-day panel DataFrame: one row per state and day from ``start`` to ``end``.

    >>> from pfp import tables
    >>> frame = tables.country_day_panel("2024-03-06", "2024-03-07", countries=["SWE"], org="NATO")
    >>> [(str(day.date()), status) for day, status in zip(frame["date"], frame["status"])]
    [('2024-03-06', 'invited'), ('2024-03-07', 'member')]

    Columns: ``name``, ``iso2``, ``iso3``, ``org``, ``date``, ``status``; sorted by name then
    date. Built from the timelines, one block per period, so decades of days stay fast.
    ``backend="polars"`` converts it to Polars (``date`` as ``pl.Date``; pandas builds it).

    Raises:
        MissingExtraError: an ImportError naming pandas (or polars) and pfp's extra.
        InvalidRangeError: when ``end`` is before ``start``.
        InvalidDateError: when a bound is not a date.
        InvalidArgumentError: for a backend other than pandas and polars.

    With ``system="cow"``, ``"gw"`` or ``"iso"`` (or ``orgs=``) it covers every state of the
    system on each day it existed in it, with its codes (:func:`pfp.panels.state_day_panel`).

    """
    kind = backend_of(backend)
    if system != "pfp" or orgs is not None:
        if countries is not None:
            raise InvalidArgumentError(
                "a panel over a state system covers all its states: filter the frame instead"
            )
        chosen = orgs if orgs is not None else None if org is None else [org]
        return state_day_panel(
            start, end, system=system, orgs=chosen, beyond=beyond, backend=kind, history=history
        )
    if kind == "polars":
        polars()
    pd = pandas()
    first, last = date_range(start, end)
    if first is None or last is None:
        raise InvalidArgumentError("a country-day panel needs both a start and an end day")
    found = _history(history)
    key = _org_key(found, org)
    low, high = first.toordinal(), last.toordinal()
    blocks = []
    for state in _states(found, countries):
        for period in found.timeline(state, org=key):
            days = _days_in(period, low, high)
            if not days:
                continue
            begin = low if period.start is None else max(low, period.start.toordinal())
            dates = pd.date_range(datetime.date.fromordinal(begin), periods=days, freq="D")
            block = {**country_cells(state), "org": key, "status": period.status.value}
            blocks.append(pd.DataFrame({**block, "date": dates}))
    columns = ["name", "iso2", "iso3", "org", "date", "status"]
    frame = (
        pd.concat(blocks, ignore_index=True)[columns] if blocks else pd.DataFrame(columns=columns)
    )
    frame.attrs.update(Records(history=found).metadata, org=key)
    return polars_from_pandas(frame) if kind == "polars" else frame
