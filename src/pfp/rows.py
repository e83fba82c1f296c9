"""Results as rows: plain-dict records with stable columns, and pandas frames of them.

Every row is one ``dict`` with the same keys in the same order: dates as pendulum dates (None
for an open end), statuses as their string values, source keys as a tuple. A list of rows is a
:class:`Records`, whose ``metadata`` names the data version and as-of day of the history the
rows come from. The functions need only the standard library, except :func:`to_dataframe`
(the ``pandas`` extra, imported when called).

>>> import pfp
>>> rows = pfp.members_at("1994-01-31").to_records()
>>> [(row["name"], str(row["since"])) for row in rows]
[('Lithuania', '1994-01-27'), ('Romania', '1994-01-26')]
>>> sorted(rows.metadata)
['data_as_of', 'data_version']
"""

from __future__ import annotations

import contextlib
import datetime
import importlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from pfp._columns import (
    COUNTRY_COLUMNS,
    DATE_COLUMNS,
    PERIOD_COLUMNS,
    ROSTER_COLUMNS,
    STATUS_COLUMNS,
    TRANSITION_COLUMNS,
)
from pfp.display import cell, column_names
from pfp.errors import InvalidArgumentError, MissingExtraError, items_of, records_of, shown
from pfp.model import Country, Source, Status, Transition

if TYPE_CHECKING:
    import pandas as pd
    import pendulum

    from pfp.timelines import Period

__all__ = [
    "COUNTRY_COLUMNS",
    "PERIOD_COLUMNS",
    "ROSTER_COLUMNS",
    "STATUS_COLUMNS",
    "TRANSITION_COLUMNS",
    "Frame",
    "Record",
    "Records",
    "country_cells",
    "country_records",
    "metadata_of",
    "period_on",
    "period_rows",
    "polars_frame",
    "roster_records",
    "source_keys",
    "status_row",
    "to_dataframe",
    "transition_records",
]

Frame = Any
"""A pandas DataFrame, or a Polars one (``backend="polars"``): typed ``Any``, as either library
is an optional extra."""

Record = dict[str, Any]
"""One row: column name to value (a str, a pendulum date or None, a float, or a tuple of keys)."""


class Described(Protocol):
    """What rows need to know of the history they come from."""

    @property
    def version(self) -> str | None:
        """The data's version (None for a history built in code)."""

    @property
    def as_of(self) -> pendulum.Date | None:
        """The last day the data is known complete (None when not stated)."""

    def timeline(self, country: Country, *, org: str | None = None) -> Sequence[Period]:
        """The periods that tile time for ``country`` in ``org``."""


def metadata_of(history: Described | None) -> dict[str, str]:
    """The data version and as-of day of ``history``, for a table's metadata.

    A history built in code, or rows made from records alone, say so.

    >>> import pfp
    >>> metadata_of(pfp.history()) == {
    ...     "data_version": pfp.DATA_VERSION, "data_as_of": str(pfp.DATA_AS_OF)}
    True
    >>> metadata_of(None)
    {'data_version': 'unversioned (not the bundled data)', 'data_as_of': 'unknown'}
    """
    version = None if history is None else history.version
    as_of = None if history is None else history.as_of
    return {
        "data_version": version or "unversioned (not the bundled data)",
        "data_as_of": "unknown" if as_of is None else str(as_of),
    }


class Records(list[Record]):
    """A list of plain-dict rows that also says which data produced it, in ``metadata``.

    >>> import pfp
    >>> rows = pfp.members_at("1994-01-31").to_records()
    >>> len(rows), rows.metadata["data_version"] == pfp.DATA_VERSION
    (2, True)
    """

    def __init__(self, rows: Iterable[Record] = (), *, history: Described | None = None) -> None:
        super().__init__(rows)
        self.metadata: dict[str, str] = metadata_of(history)


def country_cells(country: Country) -> Record:
    """A state's name and ISO codes, the first cells of most rows."""
    return {"name": country.name, "iso2": country.iso2, "iso3": country.iso3}


def source_keys(sources: Iterable[Source]) -> tuple[str, ...]:
    """The keys of ``sources``, in order."""
    return tuple(source.key for source in sources)


def period_on(periods: Iterable[Period], day: pendulum.Date) -> Period:
    """The period of a timeline that holds ``day`` (a timeline tiles all time)."""
    for period in periods:
        if day in period:
            return period
    raise AssertionError("a timeline tiles all time")  # pragma: no cover


def country_records(countries: Iterable[Country], *, history: Described | None = None) -> Records:
    """One row per state: its name and ISO codes.

    >>> import pfp
    >>> country_records([pfp.country("Malta")])
    [{'name': 'Malta', 'iso2': 'MT', 'iso3': 'MLT'}]
    """
    found = records_of(countries, Country, "countries")
    return Records((country_cells(country) for country in found), history=history)


class _Roster(Protocol):
    @property
    def date(self) -> pendulum.Date: ...  # pragma: no cover
    @property
    def org(self) -> str: ...  # pragma: no cover
    @property
    def history(self) -> Described: ...  # pragma: no cover
    def __iter__(self) -> Any: ...  # pragma: no cover


def roster_records(roster: _Roster) -> Records:
    """One row per member of a roster, citing the sources of the event that made it a member.

    >>> import pfp
    >>> first = roster_records(pfp.members_at("2000-01-01"))[0]
    >>> first["name"], first["iso3"], str(first["since"]), first["sources"][0]
    ('Albania', 'ALB', '1994-02-23', 'seed-23')
    """
    history = getattr(roster, "history", None)
    if history is None or not hasattr(history, "timeline") or not hasattr(roster, "date"):
        raise InvalidArgumentError(
            f"roster must be a pfp.Roster (pfp.members_at gives one), not {shown(roster)}"
        )
    rows = []
    for member in roster:
        period = period_on(history.timeline(member, org=roster.org), roster.date)
        row: Record = {"date": roster.date, "org": roster.org, **country_cells(member)}
        row["since"] = period.start
        row["sources"] = source_keys(period.sources)
        rows.append(row)
    return Records(rows, history=history)


def status_row(history: Described, country: Country, day: pendulum.Date, org: str) -> Record:
    """A state's status in ``org`` on ``day``, the day it began, and its sources.

    >>> import pendulum, pfp
    >>> row = status_row(pfp.history(), pfp.country("Malta"), pendulum.date(2000, 1, 1), "PfP")
    >>> row["status"], str(row["since"]), "seed-19" in row["sources"]
    ('withdrawn', '1996-10-29', True)
    """
    period = period_on(history.timeline(country, org=org), day)
    return {
        **country_cells(country),
        "org": org,
        "date": day,
        "status": period.status.value,
        "since": period.start,
        "sources": source_keys(period.sources),
    }


def transition_records(
    transitions: Iterable[Transition], *, history: Described | None = None
) -> Records:
    """One row per change of status, in the order given, citing the event's sources.

    ``org`` is the organisation whose membership changed; ``event_org`` the organisation of
    the event that changed it (NATO, for a partner's graduation from the PfP).

    >>> import pfp
    >>> row = transition_records(pfp.transitions(country="Malta"))[1]
    >>> str(row["date"]), row["before"], row["after"], row["event"], "seed-19" in row["sources"]
    ('1996-10-29', 'member', 'withdrawn', 'withdrawal', True)
    """
    if history is None:
        history = getattr(transitions, "history", None)
    transitions = records_of(transitions, Transition, "transitions")
    return Records(
        (
            {
                "date": change.date,
                "org": change.org,
                **country_cells(change.country),
                "before": change.before.value,
                "after": change.after.value,
                "event": change.event.kind.value,
                "event_org": change.event.org,
                "sources": source_keys(change.sources),
            }
            for change in transitions
        ),
        history=history,
    )


def period_rows(
    periods: Iterable[Period], country: Country, org: str, *, history: Described | None = None
) -> Records:
    """One row per period of ``country``'s timeline in ``org``, citing what began each.

    >>> import pfp
    >>> rows = period_rows(pfp.timeline("Malta"), pfp.country("Malta"), "PfP")
    >>> [(row["status"], str(row["start"])) for row in rows][:2]
    [('not_a_state', 'None'), ('non_member', '1964-09-21')]
    """
    return Records(
        (
            {
                **country_cells(country),
                "org": org,
                "status": period.status.value,
                "start": period.start,
                "end": period.end,
                "last_day": period.last_day,
                "event": _what_began(period),
                "sources": source_keys(period.sources),
            }
            for period in periods
        ),
        history=history,
    )


def rows_of(value: object) -> tuple[Mapping[str, Any], ...]:
    """The rows of ``value``: a sequence of plain dicts (what the ``*_records`` give)."""
    found = items_of(value, "records")
    for item in found:
        if not isinstance(item, Mapping):
            raise InvalidArgumentError(
                f"records must be dicts (rows as tables.roster_records gives), not {shown(item)}"
            )
    return found  # type: ignore[return-value]  # each checked above


def _what_began(period: Period) -> str:
    """The kind of event that began a period ('' for the first one).

    ``state_began`` and ``state_ended`` stand for a state's own first and last days.
    """
    if period.event is not None:
        return period.event.kind.value
    if period.code is not None:
        return "state_ended" if period.status.value == "not_a_state" else "state_began"
    return ""


def optional(module: str, extra: str, what: str) -> Any:
    """The optional library ``module``, or a MissingExtraError (an ImportError) naming ``extra``.

    >>> optional("json", "none", "tests").__name__
    'json'
    """
    try:
        return importlib.import_module(module)  # an optional extra, imported only when asked for
    except ImportError as error:
        raise MissingExtraError(module, extra, what) from error


def pandas() -> Any:
    """The pandas module, or a MissingExtraError naming the ``pandas`` extra."""
    return optional("pandas", "pandas", "DataFrames")


def numpy() -> Any:
    """The numpy module (pandas and Polars bring it), or a MissingExtraError naming an extra."""
    return optional("numpy", "pandas", "bulk tables")


def polars() -> Any:
    """The polars module, or a MissingExtraError naming the ``polars`` extra."""
    return optional("polars", "polars", "Polars frames")


def arrow() -> Any:
    """The pyarrow module, or a MissingExtraError naming the ``arrow`` extra."""
    return optional("pyarrow", "arrow", "Arrow tables")


BACKENDS = ("pandas", "polars")
"""The frame libraries a DataFrame function can return (``backend=``)."""


def library(backend: str) -> Any:
    """The module of a checked ``backend`` (pandas, polars or arrow), or a MissingExtraError."""
    return {"pandas": pandas, "polars": polars, "arrow": arrow}[backend]()


def backend_of(backend: object, known: Sequence[str] = BACKENDS) -> str:
    """``backend`` checked against ``known``, or an InvalidArgumentError naming them."""
    if not isinstance(backend, str) or backend not in known:
        raise InvalidArgumentError(
            f"backend must be one of {', '.join(known)}; got {shown(backend)}"
        )
    return str.__str__(backend)


@contextlib.contextmanager
def _valid_text() -> Iterator[None]:
    """Text a frame library cannot store (a lone surrogate) as a typed error, not its own."""
    try:
        yield
    except UnicodeEncodeError as error:
        raise InvalidArgumentError(
            f"a column name or cell is not valid Unicode text ({error.reason}: "
            f"{shown(error.object[error.start : error.end])}); frames hold only encodable text"
        ) from None


def polars_frame(records: Sequence[Record], *, columns: Sequence[str]) -> Any:
    """A Polars DataFrame of rows, as :func:`to_dataframe` makes a pandas one (no pandas needed).

    Date columns become ``pl.Date`` (an open end is null); tuples of source keys are joined
    with ``';'``. Polars frames carry no metadata: the data's version is not kept.

    >>> import pfp
    >>> frame = polars_frame(pfp.members_at("1994-01-31").to_records(), columns=ROSTER_COLUMNS)
    >>> frame["iso3"].to_list(), str(frame.schema["since"])
    (['LTU', 'ROU'], 'Date')

    Raises:
        MissingExtraError: naming polars and pfp's ``polars`` extra when polars is missing.

    """
    pl = polars()
    rows = rows_of(records)
    with _valid_text():
        return _polars_frame(pl, rows, columns)


def _polars_frame(pl: Any, rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> Any:
    data: dict[str, Any] = {}
    for name in columns:
        values = [record.get(name) for record in rows]
        if name in DATE_COLUMNS and all(v is None or isinstance(v, datetime.date) for v in values):
            days = [None if v is None else datetime.date(v.year, v.month, v.day) for v in values]
            data[name] = pl.Series(name, days, dtype=pl.Date)
        elif values and all(isinstance(v, tuple) for v in values):
            data[name] = pl.Series(name, [cell(v, separator=";") for v in values], dtype=pl.String)
        elif all(isinstance(v, str) for v in values):  # an empty column too: text
            data[name] = pl.Series(name, values, dtype=pl.String)
        else:
            data[name] = pl.Series(name, values, strict=False)
    return pl.DataFrame(data)


def polars_from_pandas(frame: Any) -> Any:
    """A pandas frame of pfp's as a Polars one: days as ``pl.Date``, nullable codes as Int64.

    Column by column from numpy, without pyarrow; ``df.attrs`` is not kept (Polars frames
    have no metadata).

    Raises:
        MissingExtraError: naming polars and pfp's ``polars`` extra when polars is missing.

    """
    pl = polars()
    pd = pandas()
    data: dict[str, Any] = {}
    for name in frame.columns:
        column = frame[name]
        kind = column.dtype
        if pd.api.types.is_datetime64_any_dtype(kind):
            data[name] = pl.Series(name, column.to_numpy().astype("datetime64[D]"), dtype=pl.Date)
        elif pd.api.types.is_bool_dtype(kind):
            data[name] = pl.Series(name, column.to_numpy(dtype=bool), dtype=pl.Boolean)
        elif pd.api.types.is_integer_dtype(kind):
            missing = column.isna().to_numpy()
            series = pl.Series(name, column.to_numpy(dtype="int64", na_value=0), dtype=pl.Int64)
            data[name] = series.scatter(missing.nonzero()[0], None) if missing.any() else series
        elif pd.api.types.is_float_dtype(kind):
            data[name] = pl.Series(name, column.to_numpy(dtype="float64"), dtype=pl.Float64)
        else:  # text, or objects such as None
            cells = column.astype(object).where(column.notna(), None).tolist()
            data[name] = pl.Series(name, cells, dtype=pl.String, strict=False)
    return pl.DataFrame(data) if data else pl.DataFrame(schema=list(frame.columns))


def to_dataframe(
    records: Sequence[Record],
    *,
    columns: Sequence[str] | None = None,
    metadata: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """A pandas DataFrame of rows, ready to merge, with the data's version in ``df.attrs``.

    >>> import pfp
    >>> from pfp import tables
    >>> frame = tables.to_dataframe(tables.roster_records(pfp.members_at("1994-01-31")))
    >>> list(frame["name"]), str(frame["since"][0].date()), sorted(frame.attrs)
    (['Lithuania', 'Romania'], '1994-01-27', ['data_as_of', 'data_version'])

    Date columns become ``datetime64`` (an open end is ``NaT``); tuples of source keys are
    joined with ``';'`` as in pfp's data files, so the frame writes cleanly to CSV, Parquet or
    Stata. ``df.attrs`` holds ``data_version`` and ``data_as_of`` from ``metadata`` (by
    default the records' own).

    Raises:
        ImportError: naming pandas and pfp's ``pandas`` extra when pandas is missing.

    """
    pd = pandas()
    given = metadata if metadata is not None else getattr(records, "metadata", None)
    records = rows_of(records)  # type: ignore[assignment]
    names = list(column_names(columns, records))
    with _valid_text():
        frame = pd.DataFrame.from_records(list(records), columns=names)
        for name in names:
            values = [record.get(name) for record in records]
            dates = all(v is None or isinstance(v, datetime.date) for v in values)
            if name in DATE_COLUMNS and dates:
                frame[name] = pd.to_datetime(pd.Series(values, dtype=object, index=frame.index))
            elif values and all(isinstance(v, tuple) for v in values):
                frame[name] = [cell(v, separator=";") for v in values]
    frame.attrs.update(given if given is not None else metadata_of(None))
    return frame


def share_columns() -> tuple[str, ...]:
    """The ``share_<status>`` columns of a country-year panel by share, in status order."""
    return tuple(f"share_{status.value}" for status in Status)
