"""Panels over a whole state system: one row per state-year (or state-day) of COW, G&W or ISO.

A state-year of a system is a state with a code of that system on at least one day of the
year, as Correlates of War's state-years count it. The COW and G&W panels have one row per
code and year: West Germany (COW 260) and Germany (255) are two rows of 1990, as in COW's own
state-years; where one code passed from one state to its successor within a year (COW and G&W
365, from the Soviet Union to Russia on 26 December 1991; COW 345, from Serbia and Montenegro to
Serbia on 5 June 2006) the row is the state that held it last that year. The ``iso`` panel has
one row per state with an ISO alpha-3 code that year; ``pfp`` one row per state of the events,
every year.

Each row gives the year's codes and, for each organisation, the status on the ``reference``
day (``'MM-DD'``, default ``'12-31'``, the year's end as COW codes it), or on the state's last
day in the system that year when it ceased before it (the GDR's 1990 row is its standing on
2 October 1990), or its first day when it began after it.

>>> from pfp.panels import state_year_records
>>> rows = state_year_records(1990, 1990, system="cow", orgs=["NATO"])
>>> germanies = [r for r in rows if r["iso3"] in ("DEU", "DDR")]
>>> [(r["cow_code"], r["cow_abb"], str(r["date"]), r["nato_status"]) for r in germanies]
... # doctest: +NORMALIZE_WHITESPACE
[(255, 'GMY', '1990-12-31', 'member'), (260, 'GFR', '1990-10-02', 'member'),
 (265, 'GDR', '1990-10-02', 'non_member')]
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pendulum

from pfp._bundled import or_bundled
from pfp.dates import DateLike, date_range, reference_day, year_range
from pfp.errors import BeyondDataError, InvalidArgumentError, shown
from pfp.model import SYSTEMS, Country
from pfp.rows import Record, Records, pandas
from pfp.words import organization_keys

if TYPE_CHECKING:
    import pandas as pd

    from pfp.engine import History

__all__ = [
    "CODE_COLUMNS",
    "SYSTEM_NAMES",
    "state_day_panel",
    "state_year_columns",
    "state_year_panel",
    "state_year_records",
]

SYSTEM_NAMES = ("cow", "gw", "iso", "pfp")
"""The systems a panel can cover: Correlates of War, Gleditsch-Ward (its microstates
included), ISO 3166, and ``pfp`` (the states of the events)."""

CODE_COLUMNS = ("name", "iso3", "iso2", "iso_numeric", "cow_code", "cow_abb", "gw_code")
"""The state's name and its codes as of the row's day."""

_OPEN = 10**7
"""An ordinal beyond every day: a code still in use."""

Piece = tuple[Country, str, int, int]
"""A state, the code it holds in the system ('' for pfp), and its first and last ordinals."""


def _system(system: object) -> str:
    if system not in SYSTEM_NAMES:
        raise InvalidArgumentError(
            f"system must be one of {', '.join(SYSTEM_NAMES)}; got {shown(system)}"
        )
    return str(system)


def _pieces(history: History, system: str) -> list[Piece]:
    """Every stretch of days a state held a code of ``system`` (pfp: each state of the events)."""
    if system == "pfp":
        states = {e.country.iso3: e.country for e in history.events()}
        return [(history.country(key), "", 1, _OPEN) for key in sorted(states)]
    scheme = SYSTEMS[system]
    return [
        (
            country,
            code.code,
            code.start.toordinal() if code.start else 1,
            code.end.toordinal() if code.end else _OPEN,
        )
        for country in history.countries()
        for code in country.codes
        if code.scheme is scheme
    ]


def _code_cells(country: Country, day: pendulum.Date) -> Record:
    cow = country.cow_code_at(day)
    return {
        "name": country.name_at(day),
        "iso3": country.code_at("iso3", day) or country.iso3,
        "iso2": country.code_at("iso2", day) or "",
        "iso_numeric": country.code_at("iso_numeric", day) or "",
        "cow_code": cow,
        "cow_abb": country.code_at("cow_abb", day) or "",
        "gw_code": country.gw_code_at(day),
    }


def state_year_columns(keys: Sequence[str]) -> tuple[str, ...]:
    """The columns of a state-year panel for organisations ``keys``.

    >>> state_year_columns(["PfP", "NATO"])[-3:]
    ('pfp_status', 'nato_status', 'beyond_data')
    """
    return (
        *CODE_COLUMNS,
        "year",
        "date",
        *(f"{key.lower()}_status" for key in keys),
        "beyond_data",
    )


BEYOND = ("carry", "null", "raise")
"""What a panel does with a day after an organisation's review day: carry the last known
standing forward (and say so in ``beyond_data``), leave the status empty, or raise."""


def _beyond(beyond: object) -> str:
    if beyond not in BEYOND:
        raise InvalidArgumentError(
            f"beyond must be one of {', '.join(BEYOND)}; got {shown(beyond)}"
        )
    return str(beyond)


def _standing(
    history: History, country: Country, when: pendulum.Date, keys: Sequence[str], beyond: str
) -> tuple[dict[str, str | None], bool]:
    """Each organisation's status column on ``when``, and whether any lies beyond the data."""
    cells: dict[str, str | None] = {}
    past = False
    for org in keys:
        as_of = history.organization(org).as_of
        late = as_of is not None and when > as_of
        if late and beyond == "raise":
            raise BeyondDataError(
                f'{when} is after the day {org} is known to ({as_of}); pass beyond="carry" '
                'to carry its last known standing forward, or beyond="null"'
            )
        past = past or late
        value = history.status_of(country, when, org=org).value
        cells[f"{org.lower()}_status"] = None if late and beyond == "null" else value
    return cells, past


def state_year_records(
    start_year: int,
    end_year: int,
    *,
    system: str = "cow",
    orgs: Iterable[str] | None = None,
    reference: str = "12-31",
    beyond: str = "carry",
    history: History | None = None,
) -> Records:
    """A state-year panel over ``system``: one row per state-year, sorted by code then year.

    ``orgs`` are the organisations with a ``<key>_status`` column each (default: the
    history's default organisation). Rows of ``cow`` and ``gw`` are sorted by code, of ``iso``
    and ``pfp`` by ISO alpha-3 code, then by year. ``beyond_data`` is True for a row whose day
    is after an organisation's review day; ``beyond`` says what its status is then (see
    :data:`BEYOND`).

    >>> from pfp.panels import state_year_records
    >>> rows = state_year_records(1949, 2016, system="cow")
    >>> len([r for r in rows if r["year"] == 1949]), len([r for r in rows if r["year"] == 2016])
    (75, 195)

    Raises:
        InvalidRangeError: when ``end_year`` is before ``start_year``.
        InvalidDateError: when ``reference`` is not a day of every year.
        InvalidArgumentError: for an unknown system.
        UnknownOrganizationError: for an organisation the history does not follow.

    """
    years = year_range(start_year, end_year)
    month, day = reference_day(reference)
    chosen = _system(system)
    how = _beyond(beyond)
    found = or_bundled(history)
    keys = organization_keys(found, orgs) if orgs is not None else (found.default_org,)
    best: dict[tuple[str, int], tuple[int, Piece]] = {}  # (code, year) -> its last holder
    for piece in _pieces(found, chosen):
        country, code, low, high = piece
        for year in years:
            first = datetime.date(year, 1, 1).toordinal()
            last = datetime.date(year, 12, 31).toordinal()
            if high < first or low > last:
                continue
            key = (code or country.iso3, year)
            reach = min(high, last)
            if key not in best or reach > best[key][0]:
                best[key] = (reach, piece)
    rows: list[Record] = []
    for (_, year), (_, (country, _, low, high)) in best.items():
        first = datetime.date(year, 1, 1).toordinal()
        last = datetime.date(year, 12, 31).toordinal()
        wanted = datetime.date(year, month, day).toordinal()
        ordinal = min(max(wanted, low, first), high, last)
        when = pendulum.Date.fromordinal(ordinal)
        row: Record = {**_code_cells(country, when), "year": year, "date": when}
        cells, past = _standing(found, country, when, keys, how)
        row.update(cells, beyond_data=past)
        rows.append(row)
    if chosen in ("cow", "gw"):
        rows.sort(key=lambda r: (r[f"{chosen}_code"] or 0, r["year"], r["iso3"]))
    else:
        rows.sort(key=lambda r: (r["iso3"], r["year"]))
    return Records(rows, history=found)


def state_year_panel(
    start_year: int,
    end_year: int,
    *,
    system: str = "cow",
    orgs: Iterable[str] | None = None,
    reference: str = "12-31",
    beyond: str = "carry",
    history: History | None = None,
) -> pd.DataFrame:
    """:func:`state_year_records` as a pandas DataFrame; ``df.attrs`` names the data and system.

    >>> from pfp.panels import state_year_panel
    >>> frame = state_year_panel(1990, 1990, system="cow", orgs=["NATO"])
    >>> frame[frame["iso3"].isin(["DEU", "DDR"])][["cow_code", "nato_status"]].values.tolist()
    [[255, 'member'], [260, 'member'], [265, 'non_member']]

    Code columns are nullable integers (``Int64``): a state-year of the ``iso`` system may
    have no COW code.

    Raises:
        ImportError: naming pandas and pfp's ``pandas`` extra when pandas is missing.

    """
    pd = pandas()
    found = or_bundled(history)
    keys = organization_keys(found, orgs) if orgs is not None else (found.default_org,)
    rows = state_year_records(
        start_year,
        end_year,
        system=system,
        orgs=keys,
        reference=reference,
        beyond=beyond,
        history=found,
    )
    frame = pd.DataFrame.from_records(list(rows), columns=list(state_year_columns(keys)))
    frame["date"] = pd.to_datetime(frame["date"].astype("string"))
    for column in ("cow_code", "gw_code"):
        frame[column] = frame[column].astype("Int64")
    frame.attrs.update(rows.metadata, system=system, reference=reference)
    return frame


def state_day_panel(
    start: DateLike,
    end: DateLike,
    *,
    system: str = "cow",
    orgs: Iterable[str] | None = None,
    beyond: str = "carry",
    history: History | None = None,
) -> pd.DataFrame:
    """A state-day panel over ``system``: one row per state and day it held a code of it.

    >>> from pfp.panels import state_day_panel
    >>> frame = state_day_panel("1990-10-02", "1990-10-03", system="cow", orgs=["NATO"])
    >>> germany = frame[frame["iso3"] == "DEU"]
    >>> germany["cow_code"].tolist(), germany["nato_status"].tolist()
    ([260, 255], ['member', 'member'])

    Columns: :data:`CODE_COLUMNS` as of each stretch of days, ``date``, and a
    ``<key>_status`` column per organisation. Built one block per stretch of constant codes
    and statuses, so decades of days stay fast.

    Raises:
        ImportError: naming pandas and pfp's ``pandas`` extra when pandas is missing.
        InvalidRangeError: when ``end`` is before ``start``.
        InvalidArgumentError: for an unknown system, or a missing bound.

    """
    pd = pandas()
    first, last = date_range(start, end)
    if first is None or last is None:
        raise InvalidArgumentError("a state-day panel needs both a start and an end day")
    chosen = _system(system)
    how = _beyond(beyond)
    found = or_bundled(history)
    keys = organization_keys(found, orgs) if orgs is not None else (found.default_org,)
    low, high = first.toordinal(), last.toordinal()
    blocks = []
    for country, _, begin, finish in _pieces(found, chosen):
        a, b = max(begin, low), min(finish, high)
        if a > b:
            continue
        cuts = {a, b + 1}
        for key in keys:
            for period in found.timeline(country, org=key):
                if period.start is not None and a < period.start.toordinal() <= b:
                    cuts.add(period.start.toordinal())
        for org in keys:
            as_of = found.organization(org).as_of
            if as_of is not None and a <= as_of.toordinal() < b:
                cuts.add(as_of.toordinal() + 1)
        for code in country.codes:
            for edge in (code.start, code.end):
                if edge is not None and a < edge.toordinal() + (edge is code.end) <= b:
                    cuts.add(edge.toordinal() + (edge is code.end))
        points = sorted(cuts)
        for left, right in itertools.pairwise(points):
            when = pendulum.Date.fromordinal(left)
            block: dict[str, Any] = _code_cells(country, when)
            cells, past = _standing(found, country, when, keys, how)
            block.update(cells, beyond_data=past)
            dates = pd.date_range(datetime.date.fromordinal(left), periods=right - left, freq="D")
            blocks.append(pd.DataFrame({**block, "date": dates}))
    columns = [*CODE_COLUMNS, "date", *(f"{key.lower()}_status" for key in keys), "beyond_data"]
    frame = (
        pd.concat(blocks, ignore_index=True)[columns] if blocks else pd.DataFrame(columns=columns)
    )
    for column in ("cow_code", "gw_code"):
        frame[column] = frame[column].astype("Int64")
    frame = frame.sort_values(["iso3", "date"], kind="stable", ignore_index=True)
    frame.attrs.update(Records(history=found).metadata, system=system)
    return frame
