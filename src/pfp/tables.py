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
import html
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pendulum

import pfp
from pfp.dates import to_date
from pfp.model import Country, Period, Status, Transition

if TYPE_CHECKING:
    import pandas as pd

    from pfp.roster import Roster

__all__ = [
    "COUNTRY_COLUMNS",
    "COUNTRY_YEAR_COLUMNS",
    "COUNTRY_YEAR_SHARE_COLUMNS",
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
    "history_dataframe",
    "history_records",
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

Record = dict[str, Any]


class Records(list[Record]):
    """A list of plain-dict rows that also says which data produced it, in ``metadata``.

    >>> import pfp
    >>> rows = pfp.members_at("1994-01-31").to_records()
    >>> len(rows), sorted(rows.metadata)
    (2, ['data_as_of', 'data_version'])
    """

    def __init__(self, rows: Iterable[Record] = ()) -> None:
        super().__init__(rows)
        self.metadata: dict[str, str] = _metadata()


"""One row: column name to value (a str, a pendulum date or None, a float, or a tuple of keys)."""

COUNTRY_COLUMNS = ("name", "iso2", "iso3")
"""The columns of :func:`country_records`."""

ROSTER_COLUMNS = ("date", "org", "name", "iso2", "iso3", "since", "sources")
"""The columns of :func:`roster_records`: one row per member; ``since`` begins its membership."""

TRANSITION_COLUMNS = (
    "date",
    "org",
    "name",
    "iso2",
    "iso3",
    "before",
    "after",
    "event",
    "event_org",
    "sources",
)
"""The columns of :func:`transition_records`.

``org`` is the organisation whose membership changed; ``event`` and ``event_org`` say what
caused the change and in which organisation (a partner's NATO accession ends its PfP standing).
"""

STATUS_COLUMNS = ("name", "iso2", "iso3", "org", "date", "status", "since", "sources")
"""The columns of :func:`status_record`: a state's status on a day, since when, and why."""

PERIOD_COLUMNS = (
    "name",
    "iso2",
    "iso3",
    "org",
    "status",
    "start",
    "end",
    "last_day",
    "event",
    "sources",
)
"""The columns of :func:`period_records` and :func:`history_records`.

``start`` is the first day (None: since records began), ``end`` the day after the last
(None: still running), ``last_day`` the last day itself, as on :class:`~pfp.Period`.
"""

COUNTRY_YEAR_COLUMNS = ("name", "iso2", "iso3", "org", "year", "date", "status", "since", "sources")
"""The columns of a country-year panel by reference day: the status in force on ``date``."""

COUNTRY_YEAR_SHARE_COLUMNS = (
    "name",
    "iso2",
    "iso3",
    "org",
    "year",
    *(f"share_{status.value}" for status in Status),
)
"""The columns of a country-year panel by share: the fraction of the year's days in each status."""

_DATE_COLUMNS = frozenset({"date", "since", "start", "end", "last_day"})
_REFERENCE = re.compile(r"(\d{2})-(\d{2})")
_PANDAS_HINT = (
    "pip install pandas, or reinstall pfp with its extra: pip install -e '.[pandas]' in pfp's "
    "checkout (on PyPI, the name 'pfp' belongs to another project)"
)


# -- records (standard library only) ------------------------------------------------------


def _country_cells(country: Country) -> Record:
    return {"name": country.name, "iso2": country.iso2, "iso3": country.iso3}


def _keys(sources: Iterable[pfp.Source]) -> tuple[str, ...]:
    return tuple(source.key for source in sources)


def _period_on(
    country: Country, day: pendulum.Date, org: str, history: pfp.History | None = None
) -> Period:
    for period in (history or pfp.history()).timeline(country, org=org):
        if day in period:
            return period
    raise AssertionError("a timeline tiles all time")  # pragma: no cover


def country_records(countries: Iterable[Country]) -> Records:
    """One row per state: its name and ISO codes.

    >>> import pfp
    >>> from pfp.tables import country_records
    >>> country_records([pfp.country("Malta")])
    [{'name': 'Malta', 'iso2': 'MT', 'iso3': 'MLT'}]
    """
    return Records(_country_cells(country) for country in countries)


def roster_records(roster: Roster) -> Records:
    """One row per member of a roster, citing the sources of the event that made it a member.

    >>> import pfp
    >>> from pfp.tables import roster_records
    >>> first = roster_records(pfp.members_at("2000-01-01"))[0]
    >>> first["name"], first["iso3"], str(first["since"]), first["sources"][0]
    ('Albania', 'ALB', '1994-02-23', 'seed-23')
    """
    rows = []
    for member in roster:
        period = _period_on(member, roster.date, roster.org, roster.history)
        row: Record = {"date": roster.date, "org": roster.org, **_country_cells(member)}
        row["since"] = period.start
        row["sources"] = _keys(period.sources)
        rows.append(row)
    return Records(rows)


def status_record(country: str | Country, when: Any, *, org: str | None = None) -> Record:
    """A state's status in the PfP (or ``org``) on a day, the day it began, and its sources.

    >>> from pfp.tables import status_record
    >>> row = status_record("Malta", "2000-01-01")
    >>> row["status"], str(row["since"]), "seed-19" in row["sources"]
    ('withdrawn', '1996-10-27', True)

    Raises:
        UnknownCountryError: with suggestions, for a name no state bears.
        InvalidDateError: when ``when`` is not a date.
        UnknownOrganizationError: for an organisation pfp does not follow.

    """
    state = pfp.country(country)
    day = to_date(when)
    key = pfp.organization("PfP" if org is None else org).key
    period = _period_on(state, day, key)
    return {
        **_country_cells(state),
        "org": key,
        "date": day,
        "status": period.status.value,
        "since": period.start,
        "sources": _keys(period.sources),
    }


def transition_records(transitions: Iterable[Transition]) -> Records:
    """One row per change of status, in the order given, citing the event's sources.

    ``org`` is the organisation whose membership changed; ``event_org`` the organisation of
    the event that changed it (NATO, for a partner's graduation from the PfP).

    >>> import pfp
    >>> from pfp.tables import transition_records
    >>> row = transition_records(pfp.transitions(country="Malta"))[1]
    >>> str(row["date"]), row["before"], row["after"], row["event"], "seed-19" in row["sources"]
    ('1996-10-27', 'member', 'withdrawn', 'withdrawal', True)
    """
    return Records(
        {
            "date": change.date,
            "org": change.org,
            **_country_cells(change.country),
            "before": change.before.value,
            "after": change.after.value,
            "event": change.event.kind.value,
            "event_org": change.event.org,
            "sources": _keys(change.sources),
        }
        for change in transitions
    )


def period_records(
    periods: Iterable[Period], country: str | Country | None = None, *, org: str | None = None
) -> Records:
    """One row per period of a state's timeline, citing the event that began each period.

    A :class:`~pfp.Timeline` (what ``pfp.timeline`` returns) knows its state and organisation;
    for other sequences of periods pass ``country`` (and ``org``, the PfP when None).

    >>> import pfp
    >>> from pfp.tables import period_records
    >>> for row in period_records(pfp.timeline("Malta"), "Malta")[:3]:
    ...     print(row["status"], row["start"], row["last_day"], len(row["sources"]) > 0)
    non_member None 1995-04-25 False
    member 1995-04-26 1996-10-26 True
    withdrawn 1996-10-27 2008-03-19 True

    Raises:
        UnknownCountryError: with suggestions, for a name no state bears.

    """
    if isinstance(periods, pfp.Timeline):
        state = periods.country if country is None else pfp.country(country)  # bundled names
        key = periods.org if org is None else org
    elif country is None:
        raise TypeError("period_records needs `country` unless given a pfp.Timeline")
    else:
        state = pfp.country(country)
        key = pfp.organization("PfP" if org is None else org).key
    return Records(
        {
            **_country_cells(state),
            "org": key,
            "status": period.status.value,
            "start": period.start,
            "end": period.end,
            "last_day": period.last_day,
            "event": "" if period.event is None else period.event.kind.value,
            "sources": _keys(period.sources),
        }
        for period in periods
    )


def history_records(*, orgs: Iterable[str] | None = None) -> Records:
    """The whole history: one row per state, organisation and period, sorted in that order.

    ``orgs`` limits the table to some organisations (default: every one pfp follows).

    >>> import pfp
    >>> from pfp.tables import history_records
    >>> rows = history_records(orgs=["NATO"])
    >>> sweden = [row for row in rows if row["iso3"] == "SWE"]
    >>> [(row["status"], str(row["start"])) for row in sweden]
    [('non_member', 'None'), ('invited', '2022-06-29'), ('member', '2024-03-07')]

    Raises:
        UnknownOrganizationError: for an organisation pfp does not follow.

    """
    if isinstance(orgs, str):  # one name, not its letters
        orgs = (orgs,)
    keys = (
        [org.key for org in pfp.organizations()]
        if orgs is None
        else [pfp.organization(org).key for org in orgs]
    )
    rows: list[Record] = []
    for state in pfp.countries():
        for key in keys:
            rows += period_records(pfp.timeline(state, org=key), state, org=key)
    return Records(rows)


def _parse_reference(reference: str) -> tuple[int, int]:
    match = _REFERENCE.fullmatch(reference)
    month, day = (int(match[1]), int(match[2])) if match else (0, 0)
    try:
        datetime.date(2001, month, day)  # a year without 29 February: valid in every year
    except ValueError:
        raise pfp.InvalidDateError(
            reference, "a reference day is 'MM-DD' and exists every year, such as '12-31'"
        ) from None
    return month, day


def _year_range(start_year: int, end_year: int) -> range:
    for year in (start_year, end_year):
        if type(year) is not int or not 1 <= year <= 9999:
            raise pfp.InvalidRangeError(
                f"years are whole numbers from 1 to 9999, such as 1994; got {year!r}"
            )
    if end_year < start_year:
        raise pfp.InvalidRangeError(
            f"the range ends ({end_year}) before it starts ({start_year}); "
            "pass start_year <= end_year"
        )
    return range(start_year, end_year + 1)


def _states(countries: Iterable[str | Country] | str | None) -> tuple[Country, ...]:
    if countries is None:
        return pfp.countries()
    if isinstance(countries, str):  # one name, not its letters
        countries = (countries,)
    return tuple(
        sorted(
            {found.iso3: found for found in map(pfp.country, countries)}.values(),
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
    org: str = "PfP",
    reference: str = "12-31",
    share: bool = False,
    countries: Iterable[str | Country] | None = None,
) -> Records:
    """A country-year panel as records: one row per state and year, sorted by name then year.

    By default each row gives the status on the ``reference`` day (``'MM-DD'``) of its year,
    with the day it began and its sources (:data:`COUNTRY_YEAR_COLUMNS`). With ``share=True``
    it gives instead, for every status, the fraction of the year's days spent in it
    (:data:`COUNTRY_YEAR_SHARE_COLUMNS`). ``countries`` limits the panel to some states
    (default: every state pfp knows).

    >>> from pfp.tables import country_year_records
    >>> for row in country_year_records(1995, 1997, countries=["Malta"]):
    ...     print(row["year"], row["status"], row["since"])
    1995 member 1995-04-26
    1996 withdrawn 1996-10-27
    1997 withdrawn 1996-10-27
    >>> row = country_year_records(1996, 1996, share=True, countries=["Malta"])[0]
    >>> round(row["share_member"], 2), round(row["share_withdrawn"], 2)
    (0.82, 0.18)

    Raises:
        InvalidRangeError: when ``end_year`` is before ``start_year``.
        InvalidDateError: when ``reference`` is not a day of every year.
        UnknownOrganizationError: for an organisation pfp does not follow.
        UnknownCountryError: for a name in ``countries`` no state bears.

    """
    years = _year_range(start_year, end_year)
    month, day = (0, 0) if share else _parse_reference(reference)
    key = pfp.organization(org).key
    rows = []
    for state in _states(countries):
        periods = pfp.timeline(state, org=key)
        for year in years:
            row: Record = {**_country_cells(state), "org": key, "year": year}
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
                period = next(p for p in periods if when in p)
                row.update(
                    date=when,
                    status=period.status.value,
                    since=period.start,
                    sources=_keys(period.sources),
                )
            rows.append(row)
    return Records(rows)


# -- HTML (standard library only) ---------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def to_html(
    records: Sequence[Record], *, columns: Sequence[str] | None = None, caption: str = ""
) -> str:
    """An HTML table of records, as Jupyter shows it: a header row, then one row per record.

    ``columns`` names the columns and their order (default: the first record's keys), so
    that an empty table still has a header. Every cell is escaped.

    >>> import pfp
    >>> from pfp.tables import to_html, roster_records, ROSTER_COLUMNS
    >>> roster = pfp.members_at("1994-01-31")
    >>> print(to_html(roster_records(roster), columns=("name", "since"), caption=repr(roster)))
    <table class="pfp-table">
    <caption>&lt;Roster PfP 1994-01-31: 2 members&gt;</caption>
    <thead><tr><th>name</th><th>since</th></tr></thead>
    <tbody>
    <tr><td>Lithuania</td><td>1994-01-27</td></tr>
    <tr><td>Romania</td><td>1994-01-26</td></tr>
    </tbody>
    </table>
    """
    names = tuple(columns) if columns is not None else tuple(records[0]) if records else ()
    lines = ['<table class="pfp-table">']
    if caption:
        lines.append(f"<caption>{html.escape(caption)}</caption>")
    header = "".join(f"<th>{html.escape(name)}</th>" for name in names)
    lines += [f"<thead><tr>{header}</tr></thead>", "<tbody>"]
    for record in records:
        cells = "".join(f"<td>{html.escape(_cell(record.get(name)))}</td>" for name in names)
        lines.append(f"<tr>{cells}</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


# -- pandas (the ``pandas`` extra, imported when called) -----------------------------------


def _pandas() -> Any:
    try:
        import pandas  # noqa: PLC0415 - an optional extra, imported only when asked for
    except ImportError as error:
        raise ImportError(f"pfp's DataFrames need pandas: {_PANDAS_HINT}") from error
    return pandas


def _metadata() -> dict[str, str]:
    return {"data_version": str(pfp.DATA_VERSION), "data_as_of": str(pfp.DATA_AS_OF)}


def to_dataframe(
    records: Sequence[Record], *, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """A pandas DataFrame of records, ready to merge, with the data's version in ``df.attrs``.

    Date columns become ``datetime64`` (an open end is ``NaT``); tuples of source keys are
    joined with ``';'`` as in pfp's data files, so the frame writes cleanly to CSV, Parquet or
    Stata. ``df.attrs`` holds ``data_version`` and ``data_as_of`` (an ISO date). Worked
    examples are in ``docs/notebooks.md``.

    Raises:
        ImportError: naming pandas and pfp's ``pandas`` extra when pandas is missing.

    """
    pd = _pandas()
    names = list(columns) if columns is not None else list(records[0]) if records else []
    frame = pd.DataFrame.from_records(list(records), columns=names)
    for name in names:
        values = [record.get(name) for record in records]
        if name in _DATE_COLUMNS and all(v is None or isinstance(v, datetime.date) for v in values):
            frame[name] = pd.to_datetime(pd.Series(values, dtype=object, index=frame.index))
        elif values and all(isinstance(v, tuple) for v in values):
            frame[name] = [";".join(str(item) for item in v) for v in values if v is not None]
    frame.attrs.update(_metadata())
    return frame


def roster_dataframe(roster: Roster) -> pd.DataFrame:
    """:func:`roster_records` as a DataFrame (see :func:`to_dataframe`)."""
    frame = to_dataframe(roster_records(roster), columns=ROSTER_COLUMNS)
    frame.attrs.update(org=roster.org, date=str(roster.date))
    return frame


def transition_dataframe(transitions: Iterable[Transition]) -> pd.DataFrame:
    """:func:`transition_records` as a DataFrame (see :func:`to_dataframe`)."""
    return to_dataframe(transition_records(transitions), columns=TRANSITION_COLUMNS)


def period_dataframe(
    periods: Iterable[Period], country: str | Country | None = None, *, org: str | None = None
) -> pd.DataFrame:
    """:func:`period_records` as a DataFrame (see :func:`to_dataframe`)."""
    return to_dataframe(period_records(periods, country, org=org), columns=PERIOD_COLUMNS)


def history_dataframe(*, orgs: Iterable[str] | None = None) -> pd.DataFrame:
    """:func:`history_records` as a DataFrame (see :func:`to_dataframe`)."""
    return to_dataframe(history_records(orgs=orgs), columns=PERIOD_COLUMNS)


def country_year_panel(
    start_year: int,
    end_year: int,
    *,
    org: str = "PfP",
    reference: str = "12-31",
    share: bool = False,
    countries: Iterable[str | Country] | None = None,
) -> pd.DataFrame:
    """A country-year panel DataFrame: :func:`country_year_records` with its metadata.

    ``df.attrs`` holds ``data_version``, ``data_as_of``, ``org`` and either ``reference``
    or ``share``.

    Raises:
        ImportError: naming pandas and pfp's ``pandas`` extra when pandas is missing.

    """
    _pandas()
    rows = country_year_records(
        start_year, end_year, org=org, reference=reference, share=share, countries=countries
    )
    columns = COUNTRY_YEAR_SHARE_COLUMNS if share else COUNTRY_YEAR_COLUMNS
    frame = to_dataframe(rows, columns=columns)
    frame.attrs["org"] = pfp.organization(org).key
    if share:
        frame.attrs["share"] = True
    else:
        frame.attrs["reference"] = reference
    return frame


def country_day_panel(
    start: Any,
    end: Any,
    *,
    org: str = "PfP",
    countries: Iterable[str | Country] | None = None,
) -> pd.DataFrame:
    """A country-day panel DataFrame: one row per state and day from ``start`` to ``end``.

    Columns: ``name``, ``iso2``, ``iso3``, ``org``, ``date``, ``status``; sorted by name then
    date. Built from the timelines, one block per period, so decades of days stay fast.

    Raises:
        ImportError: naming pandas and pfp's ``pandas`` extra when pandas is missing.
        InvalidRangeError: when ``end`` is before ``start``.
        InvalidDateError: when a bound is not a date.

    """
    pd = _pandas()
    first, last = to_date(start), to_date(end)
    if last < first:
        raise pfp.InvalidRangeError(
            f"the range ends ({last}) before it starts ({first}); pass start <= end"
        )
    key = pfp.organization(org).key
    low, high = first.toordinal(), last.toordinal()
    blocks = []
    for state in _states(countries):
        for period in pfp.timeline(state, org=key):
            days = _days_in(period, low, high)
            if not days:
                continue
            begin = low if period.start is None else max(low, period.start.toordinal())
            dates = pd.date_range(datetime.date.fromordinal(begin), periods=days, freq="D")
            block = {**_country_cells(state), "org": key, "status": period.status.value}
            blocks.append(pd.DataFrame({**block, "date": dates}))
    columns = ["name", "iso2", "iso3", "org", "date", "status"]
    frame = (
        pd.concat(blocks, ignore_index=True)[columns] if blocks else pd.DataFrame(columns=columns)
    )
    frame.attrs.update(_metadata(), org=key)
    return frame
