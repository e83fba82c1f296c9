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
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pendulum

from pfp._bundled import or_bundled
from pfp.dates import EPOCH, DateLike, date_range, reference_day, year_range
from pfp.errors import BeyondDataError, InvalidArgumentError, shown
from pfp.model import SYSTEMS, CodeScheme, Country, Status
from pfp.rows import (
    Frame,
    Record,
    Records,
    backend_of,
    library,
    numpy,
    pandas,
    polars,
    polars_frame,
    polars_from_pandas,
)
from pfp.words import BEYOND, organization_keys

if TYPE_CHECKING:
    import pyarrow as pa

    from pfp.engine import History

__all__ = [  # intervals, dyad_year_panel and their constants: public as pfp.tables.*
    "CODE_COLUMNS",
    "DYAD_KEYS",
    "DYAD_ON",
    "INTERVAL_BACKENDS",
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

_ON_ROSTER = frozenset({Status.MEMBER, Status.SUSPENDED})
"""The statuses that count a state among an organisation's members (as ``members_at``)."""

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


def _holders(
    history: History, system: str, years: range
) -> dict[tuple[str, int], tuple[int, Piece]]:
    """The state-years of ``system``: (code, year) -> the last day and piece of its last holder.

    A code (for ``iso`` and ``pfp``, a state's ISO alpha-3 code) held on at least one day of
    the year makes a state-year; a code that passed from one state to another within the year
    belongs to the one that held it last.
    """
    best: dict[tuple[str, int], tuple[int, Piece]] = {}
    for piece in _pieces(history, system):
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
    return best


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
    best = _holders(found, chosen, years)
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
    backend: str = "pandas",
    history: History | None = None,
) -> Frame:
    """:func:`state_year_records` as a pandas DataFrame; ``df.attrs`` names the data and system.

    >>> from pfp.panels import state_year_panel
    >>> frame = state_year_panel(1990, 1990, system="cow", orgs=["NATO"])
    >>> frame[frame["iso3"].isin(["DEU", "DDR"])][["cow_code", "nato_status"]].values.tolist()
    [[255, 'member'], [260, 'member'], [265, 'non_member']]

    Code columns are nullable integers (``Int64``): a state-year of the ``iso`` system may
    have no COW code. ``backend="polars"`` gives a Polars frame instead (``date`` as
    ``pl.Date``; no metadata), without pandas.

    Raises:
        MissingExtraError: an ImportError naming pandas (or polars) and pfp's extra.
        InvalidArgumentError: for a backend other than pandas and polars.

    """
    kind = backend_of(backend)
    lib = library(kind)
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
    if kind == "polars":
        return polars_frame(rows, columns=state_year_columns(keys))
    frame = lib.DataFrame.from_records(list(rows), columns=list(state_year_columns(keys)))
    frame["date"] = lib.to_datetime(frame["date"].astype("string"))
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
    backend: str = "pandas",
    history: History | None = None,
) -> Frame:
    """A state-day panel over ``system``: one row per state and day it held a code of it.

    >>> from pfp.panels import state_day_panel
    >>> frame = state_day_panel("1990-10-02", "1990-10-03", system="cow", orgs=["NATO"])
    >>> germany = frame[frame["iso3"] == "DEU"]
    >>> germany["cow_code"].tolist(), germany["nato_status"].tolist()
    ([260, 255], ['member', 'member'])

    Columns: :data:`CODE_COLUMNS` as of each stretch of days, ``date``, and a
    ``<key>_status`` column per organisation. Built one block per stretch of constant codes
    and statuses, so decades of days stay fast. ``backend="polars"`` converts the frame to
    Polars (``date`` as ``pl.Date``; pandas is still needed to build it).

    Raises:
        MissingExtraError: an ImportError naming pandas (or polars) and pfp's extra.
        InvalidRangeError: when ``end`` is before ``start``.
        InvalidArgumentError: for an unknown system, or a missing bound, or a backend other
            than pandas and polars.

    """
    kind = backend_of(backend)
    if kind == "polars":
        polars()
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
    return polars_from_pandas(frame) if kind == "polars" else frame


# -- dyad-years -----------------------------------------------------------------------------

DYAD_KEYS = {
    "cow": ("ccode1", "ccode2"),
    "gw": ("gwcode1", "gwcode2"),
    "iso": ("iso3_1", "iso3_2"),
    "pfp": ("iso3_1", "iso3_2"),
}
"""The two key columns of a dyad-year panel of each system, as peacesciencer names them."""

DYAD_ON = ("year_end", "any")
"""When a dyad-year's two states count as both members: each on its state-year's day (the
year's end, or its last day in the system that year), or on at least one common day."""


def _membership(history: History, country: Country, org: str) -> tuple[list[int], list[int]]:
    """The days ``country`` was on ``org``'s roster: the [start, end) ordinals of each stretch."""
    starts: list[int] = []
    ends: list[int] = []
    for period in history.timeline(country, org=org):
        if period.status not in _ON_ROSTER:
            continue
        start = 1 if period.start is None else period.start.toordinal()
        end = _OPEN if period.end is None else period.end.toordinal()
        if ends and ends[-1] == start:  # member, then suspended: one stretch on the roster
            ends[-1] = end
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


Holder = tuple[int, Country, int, int]
"""A state-year of a dyad panel: its key's rank, the state, and its first and last ordinals."""
Stretches = tuple[list[int], list[int]]
"""A state's stretches on an organisation's roster, as [start, end) ordinals."""


def _on_year_end(np: Any, states: Sequence[Holder], member: Sequence[Stretches], year: int) -> Any:
    """Whether each state was on the roster on its state-year's day (31 December or its last)."""
    last = datetime.date(year, 12, 31).toordinal()
    flags = np.zeros(len(states), dtype=bool)
    for n, ((_, _, _, high), (starts, ends)) in enumerate(zip(states, member, strict=True)):
        day = min(high, last)
        at = bisect_right(starts, day) - 1
        flags[n] = at >= 0 and day < ends[at]
    return flags


def _any_common_day(
    np: Any, states: Sequence[Holder], member: Sequence[Stretches], year: int, pairs: Any
) -> Any:
    """For each pair of ``pairs``, whether both were on the roster on a common day of ``year``.

    Each state's stretches on the roster are cut to its days in the system that year; with at
    most one stretch a state, two overlap when the later start is before the earlier end;
    otherwise a states x days matrix of 0/1 is multiplied by its transpose.
    """
    first = datetime.date(year, 1, 1).toordinal()
    last = datetime.date(year, 12, 31).toordinal()
    left, right = pairs
    cut: list[list[tuple[int, int]]] = []
    for (_, _, low, high), (starts, ends) in zip(states, member, strict=True):
        begin, finish = max(low, first), min(high, last) + 1
        cut.append(
            [
                (max(start, begin), min(end, finish))
                for start, end in zip(starts, ends, strict=True)
                if max(start, begin) < min(end, finish)
            ]
        )
    most = max(map(len, cut), default=0)
    if most == 0:
        return np.zeros(len(left), dtype=bool)
    if most == 1:
        begins = np.array([piece[0][0] if piece else _OPEN for piece in cut])
        ends = np.array([piece[0][1] if piece else 0 for piece in cut])
        return np.maximum(begins[left], begins[right]) < np.minimum(ends[left], ends[right])
    days = np.zeros((len(cut), last - first + 1), dtype=np.float32)
    for n, pieces in enumerate(cut):
        for start, end in pieces:
            days[n, start - first : end - first] = 1
    return ((days @ days.T) > 0)[left, right]


def _dyad_parts(
    np: Any,
    history: History,
    held: dict[tuple[str, int], tuple[int, Piece]],
    keys: Sequence[str],
    *,
    years: range,
    rank: dict[str, int],
    directed: bool,
    on: str,
) -> dict[str, list[Any]]:
    """Per year, the pairs' key ranks, the year, and each organisation's flags, as arrays."""
    by_year: dict[int, list[Holder]] = {year: [] for year in years}
    for (code, year), (_, (country, _, low, high)) in held.items():
        by_year[year].append((rank[code], country, low, high))
    stretches: dict[tuple[str, str], Stretches] = {}
    parts: dict[str, list[Any]] = {name: [] for name in ("first", "second", "year", *keys)}
    for year in years:
        states = sorted(by_year[year], key=lambda item: item[0])
        count = len(states)
        every = ~np.eye(count, dtype=bool)  # both orders, or the upper triangle: each once
        pairs = np.nonzero(every) if directed else np.triu_indices(count, k=1)
        left, right = pairs
        ranks = np.array([item[0] for item in states], dtype=np.int64)
        parts["first"].append(ranks[left])
        parts["second"].append(ranks[right])
        parts["year"].append(np.full(len(left), year, dtype=np.int64))
        for org in keys:
            for _, country, _, _ in states:
                if (country.iso3, org) not in stretches:
                    stretches[country.iso3, org] = _membership(history, country, org)
            member = [stretches[country.iso3, org] for _, country, _, _ in states]
            if on == "year_end":
                flags = _on_year_end(np, states, member, year)
                parts[org].append(flags[left] & flags[right])
            else:
                parts[org].append(_any_common_day(np, states, member, year, pairs))
    return parts


def dyad_year_panel(
    start_year: int,
    end_year: int,
    *,
    orgs: Iterable[str] | None = None,
    system: str = "cow",
    directed: bool = False,
    on: str = "year_end",
    backend: str = "pandas",
    history: History | None = None,
) -> Frame:
    """A dyad-year panel over ``system``: one row per pair of its state-years in each year.

    The state-years are those of :func:`state_year_panel` (a code held on at least one day
    of the year; a code that changed hands within the year, its last holder), keyed as
    peacesciencer's ``create_dyadyears`` keys them (:data:`DYAD_KEYS`: ``ccode1, ccode2`` for
    ``cow``, ``gwcode1, gwcode2`` for ``gw``, ``iso3_1, iso3_2`` for ``iso`` and ``pfp``),
    then ``year``. Each unordered pair comes once, the smaller key first, unless
    ``directed=True`` (both orders). Rows are sorted by the two keys, then the year.

    One boolean column ``<key>_both`` per organisation of ``orgs`` (default: every
    organisation the history follows) says whether both states were members (on the roster:
    ``member`` or ``suspended``, as :func:`pfp.members_at` counts them; a PfP partner that
    joined NATO is no longer a PfP member). ``on="year_end"`` (the default, as COW codes a
    year) tests each state on its state-year's day: 31 December, or its last day in the
    system when it left during the year, as :func:`state_year_panel` does; ``on="any"`` asks
    whether both were members on at least one common day of the year, each within its own
    days in the system. A day after an organisation's review day carries its last known
    standing forward, as :func:`pfp.status_of` does.

    Built with numpy a year at a time: the COW system over 1949-2024 (about a million rows)
    takes a few seconds. ``backend="polars"`` returns a Polars frame (no pandas needed).

    >>> from pfp.tables import dyad_year_panel
    >>> panel = dyad_year_panel(2023, 2024, orgs=["NATO", "EU"])
    >>> nordic = panel[(panel["ccode1"] == 375) & (panel["ccode2"] == 380)]  # Finland, Sweden
    >>> nordic[["year", "nato_both", "eu_both"]].values.tolist()
    [[2023, False, True], [2024, True, True]]

    Raises:
        InvalidRangeError: when ``end_year`` is before ``start_year``.
        InvalidArgumentError: for an unknown system, ``on`` or backend, or a ``directed``
            that is not True or False.
        UnknownOrganizationError: for an organisation the history does not follow.
        MissingExtraError: when numpy or the backend's library is missing.

    """
    years = year_range(start_year, end_year)
    chosen = _system(system)
    if on not in DYAD_ON:
        raise InvalidArgumentError(f"on must be one of {', '.join(DYAD_ON)}; got {shown(on)}")
    if type(directed) is not bool:
        raise InvalidArgumentError(f"directed must be True or False; got {shown(directed)}")
    kind = backend_of(backend)
    lib = library(kind)
    np = numpy()
    found = or_bundled(history)
    keys = organization_keys(found, orgs, every=True)
    held = _holders(found, chosen, years)
    numbered = chosen in ("cow", "gw")
    names = sorted({code for code, _ in held}, key=int if numbered else str)
    rank = {name: n for n, name in enumerate(names)}
    parts = _dyad_parts(np, found, held, keys, years=years, rank=rank, directed=directed, on=on)

    joined = {name: np.concatenate(arrays) for name, arrays in parts.items()}
    order = np.lexsort((joined["year"], joined["second"], joined["first"]))
    values = np.array(
        [int(n) for n in names] if numbered else names, dtype=np.int64 if numbered else object
    )
    one, two = DYAD_KEYS[chosen]
    columns: dict[str, Any] = {
        one: values[joined["first"][order]],
        two: values[joined["second"][order]],
        "year": joined["year"][order],
    }
    for org in keys:
        columns[f"{org.lower()}_both"] = joined[org][order]
    if kind == "polars":
        return lib.DataFrame(
            {
                name: lib.Series(
                    name,
                    column.tolist() if column.dtype == object else column,
                    dtype=lib.String if column.dtype == object else None,
                )
                for name, column in columns.items()
            }
        )
    if not numbered:  # pandas' own text type, as in the frames it is joined with
        columns[one], columns[two] = columns[one].tolist(), columns[two].tolist()
    frame = lib.DataFrame(columns)
    frame.attrs.update(Records(history=found).metadata, system=chosen, on=on, directed=directed)
    return frame


# -- intervals ------------------------------------------------------------------------------

OPEN_START = datetime.date(1800, 1, 1)
"""The ``start`` of a state's first interval: before every day pfp records (a sentinel,
never null, inside pandas' ``datetime64[ns]`` range)."""
OPEN_END = datetime.date(2200, 1, 1)
"""The ``end`` of a state's last interval: a standing that still lasts (a sentinel)."""

INTERVAL_COLUMNS = ("iso3", "cow_code", "gw_code", "org", "status", "start", "end")
"""The columns of :func:`intervals`, in order."""

INTERVAL_BACKENDS = ("pandas", "polars", "arrow")
"""The libraries :func:`intervals` can return a table of."""


def _code_on(country: Country, scheme: CodeScheme, ordinal: int) -> int | None:
    """The state's COW or G&W number on the day ``ordinal`` (None when it had none)."""
    found = country.code_on(scheme, ordinal)
    return None if found is None else int(found)


def _interval_columns(history: History, system: str, keys: Sequence[str]) -> dict[str, list[Any]]:
    """The columns of the intervals table, the days as ordinals."""
    low, high = OPEN_START.toordinal(), OPEN_END.toordinal()
    states = sorted({piece[0].iso3: piece[0] for piece in _pieces(history, system)}.items())
    columns: dict[str, list[Any]] = {name: [] for name in INTERVAL_COLUMNS}
    for iso3, country in states:
        cuts = sorted(
            {
                edge
                for code in country.codes
                if code.scheme in ("cow", "gw")
                for edge in (
                    code.start.toordinal() if code.start else low,
                    code.end.toordinal() + 1 if code.end else high,
                )
            }
        )
        for org in keys:
            for period in history.timeline(country, org=org):
                begin = low if period.start is None else period.start.toordinal()
                finish = high if period.end is None else period.end.toordinal()
                if (period.start is not None and begin <= low) or (
                    period.end is not None and finish >= high
                ):
                    raise InvalidArgumentError(
                        f"{country.name}'s {org} timeline has a day outside the intervals' "
                        f"sentinels ({OPEN_START} to {OPEN_END}, exclusive)"
                    )
                edges = [begin, *(c for c in cuts if begin < c < finish), finish]
                value = period.status.value
                for start, end in itertools.pairwise(edges):
                    cow = _code_on(country, CodeScheme.COW, start)
                    gw = _code_on(country, CodeScheme.GW, start)
                    if (
                        columns["start"]
                        and columns["end"][-1] == start
                        and columns["iso3"][-1] == iso3
                        and columns["org"][-1] == org
                        and columns["status"][-1] == value
                        and columns["cow_code"][-1] == cow
                        and columns["gw_code"][-1] == gw
                    ):
                        columns["end"][-1] = end  # a cut where neither code changed
                        continue
                    for name, cell in zip(
                        INTERVAL_COLUMNS, (iso3, cow, gw, org, value, start, end), strict=True
                    ):
                        columns[name].append(cell)
    return columns


def intervals(
    *,
    orgs: Iterable[str] | None = None,
    system: str = "cow",
    backend: str = "pandas",
    history: History | None = None,
) -> Frame | pa.Table:
    """Every state's standing as intervals: one row per state, organisation and period.

    Every state of ``system`` (``cow``, ``gw``, ``iso``: a state with a code of it on any
    day; ``pfp``: the states of the events) has rows for each organisation of ``orgs``
    (default: every one the history follows) that tile all time, whole timelines included
    (``not_a_state`` before a state began and after it ceased, ``non_member`` throughout for
    a state the organisation never concerned): ``[start, end)`` half-open, the first
    ``start`` :data:`OPEN_START` and the last ``end`` :data:`OPEN_END`, never null. A period
    is cut where the state's COW or G&W number changed, so that each row's codes held over
    the whole row (West Germany was COW 260 until 2 October 1990, Germany 255 from the 3rd).

    Columns (:data:`INTERVAL_COLUMNS`) and their types by ``backend``:

    | column | pandas | polars | arrow |
    |---|---|---|---|
    | ``iso3`` | text | ``String`` | ``string`` |
    | ``cow_code`` | ``Int64`` (nullable) | ``Int64`` | ``int64`` |
    | ``gw_code`` | ``Int64`` (nullable) | ``Int64`` | ``int64`` |
    | ``org`` | text | ``String`` | ``string`` |
    | ``status`` | text | ``String`` | ``string`` |
    | ``start`` | ``datetime64[ns]`` | ``Date`` | ``date32`` |
    | ``end`` | ``datetime64[ns]`` | ``Date`` | ``date32`` |

    pandas' text columns have its default text type (``str`` in pandas 3, ``object`` in
    pandas 2), the type of the frames they are joined with (``merge_asof`` wants the same
    type on both sides), and its bounds are ``datetime64[ns]`` in any pandas version (cast a
    day column parsed by pandas 3, in microseconds, with ``.astype("datetime64[ns]")`` before
    ``merge_asof``). Codes are null where the state had no code of that scheme (in the
    Arrow table too). ``status`` holds :class:`pfp.Status` values; ``iso3`` is the state's
    pfp key (what ``pfp.country(...).iso3`` gives). Rows are sorted by ``iso3``, then
    organisation (in the order of ``orgs``), then ``start``. A pandas frame's ``attrs`` and
    an Arrow table's schema metadata name the data version; Polars frames carry no metadata.

    >>> from pfp.tables import intervals
    >>> table = intervals(orgs=["NATO"])
    >>> for row in table[table["iso3"] == "SWE"].itertuples():
    ...     print(row.cow_code, row.status, row.start.date(), row.end.date())
    <NA> not_a_state 1800-01-01 1816-01-01
    380 non_member 1816-01-01 2022-05-18
    380 applicant 2022-05-18 2022-06-29
    380 invited 2022-06-29 2024-03-07
    380 member 2024-03-07 2200-01-01
    >>> germany = table[(table["iso3"] == "DEU") & (table["status"] == "member")]
    >>> germany[["cow_code", "start", "end"]].astype(str).values.tolist()
    [['260', '1955-05-06', '1990-10-03'], ['255', '1990-10-03', '2200-01-01']]

    Raises:
        InvalidArgumentError: for an unknown system or backend.
        UnknownOrganizationError: for an organisation the history does not follow.
        MissingExtraError: naming the backend's library and pfp's extra when it is missing.

    """
    chosen = _system(system)
    kind = backend_of(backend, INTERVAL_BACKENDS)
    lib = library(kind)
    found = or_bundled(history)
    keys = organization_keys(found, orgs, every=True)
    columns = _interval_columns(found, chosen, keys)
    days = {name: [ordinal - EPOCH for ordinal in columns[name]] for name in ("start", "end")}
    metadata = {**Records(history=found).metadata, "system": chosen}
    metadata.update(open_start=str(OPEN_START), open_end=str(OPEN_END))
    if kind == "polars":
        pl = lib
        return pl.DataFrame(
            [
                pl.Series("iso3", columns["iso3"], dtype=pl.String),
                pl.Series("cow_code", columns["cow_code"], dtype=pl.Int64),
                pl.Series("gw_code", columns["gw_code"], dtype=pl.Int64),
                pl.Series("org", columns["org"], dtype=pl.String),
                pl.Series("status", columns["status"], dtype=pl.String),
                pl.Series("start", days["start"], dtype=pl.Int32).cast(pl.Date),
                pl.Series("end", days["end"], dtype=pl.Int32).cast(pl.Date),
            ]
        )
    if kind == "arrow":
        pa = lib
        return pa.table(
            {
                "iso3": pa.array(columns["iso3"], type=pa.string()),
                "cow_code": pa.array(columns["cow_code"], type=pa.int64()),
                "gw_code": pa.array(columns["gw_code"], type=pa.int64()),
                "org": pa.array(columns["org"], type=pa.string()),
                "status": pa.array(columns["status"], type=pa.string()),
                "start": pa.array(days["start"], type=pa.int32()).cast(pa.date32()),
                "end": pa.array(days["end"], type=pa.int32()).cast(pa.date32()),
            },
            metadata=metadata,
        )
    pd = lib
    np = numpy()
    frame = pd.DataFrame(
        {
            "iso3": columns["iso3"],
            "cow_code": pd.array(columns["cow_code"], dtype="Int64"),
            "gw_code": pd.array(columns["gw_code"], dtype="Int64"),
            "org": columns["org"],
            "status": columns["status"],
            **{
                name: np.array(days[name], dtype="datetime64[D]").astype("datetime64[ns]")
                for name in ("start", "end")
            },
        }
    )
    frame.attrs.update(metadata)
    return frame
