"""Whole frames annotated in one call: numpy over the engine's per-state change days.

One status column per organisation is added to a pandas or Polars frame, with no Python call
per row: the country column's distinct values are resolved once each, the days are read as
numpy integers, and one ``searchsorted`` over every state's change days answers all rows.

>>> import pandas as pd, pfp
>>> frame = pd.DataFrame({
...     "country": ["Sweden", "FIN", "Malta", None],
...     "date": pd.to_datetime(["2024-03-06 09:00", "2024-03-07 13:30", "2000-01-01 00:00", None]),
... })
>>> pfp.annotate(frame, orgs=("PfP", "NATO"))
  country                date   pfp_status nato_status  beyond_data
0  Sweden 2024-03-06 09:00:00       member     invited        False
1     FIN 2024-03-07 13:30:00  nato_member      member        False
2   Malta 2000-01-01 00:00:00    withdrawn  non_member        False
3     NaN                 NaT          NaN         NaN        False
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pfp.dates import EPOCH, to_ordinal
from pfp.engine import History, StatusRun
from pfp.errors import (
    BeyondDataError,
    InvalidArgumentError,
    InvalidDateError,
    UnknownCountryError,
    UnknownCountryWarning,
    shown,
)
from pfp.model import CodeScheme, Status
from pfp.rows import numpy
from pfp.words import BEYOND, organization_keys

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Ints = npt.NDArray[np.int64]
    Codes = npt.NDArray[np.int8]
    Flags = npt.NDArray[np.bool_]

__all__ = ["BEYOND", "CODES", "STATUS_VALUES", "UNKNOWN", "annotate"]

STATUS_VALUES: tuple[str, ...] = tuple(status.value for status in Status)
"""The categories of every status column, in this fixed order (frames concatenate cleanly)."""
CODES = (None, "cow", "gw")
"""What the country column holds: names and ISO codes (None), or COW or G&W numbers."""
UNKNOWN = ("na", "raise")
"""What an unknown country gives: a null status (with one warning), or UnknownCountryError."""

_SHIFT = 22
"""A key is ``state << _SHIFT | day ordinal``: every ordinal (1 to 3,652,059) fits below."""
_NULL = -1
"""The code of a null status (an unknown or null country, a null day, a day left null)."""
_SHOWN = 5
"""Unknown values named in a warning or an error."""
_DENSE_CELLS = 1 << 25
"""The largest day table kept per organisation (32 MiB): larger histories bisect instead."""
_STATUS_CODE = {status: code for code, status in enumerate(Status)}


class _Lookup:
    """One organisation's answers for every state, as numpy arrays.

    Where states x days fit in ``_DENSE_CELLS``, a table of one status code per state and
    day, from the day before the first change to the last: a row's answer is one gather.
    Otherwise ``keys`` holds ``state << _SHIFT | day`` for each state's change days, after one
    entry at day 0 for its status before any change, and ``codes`` the status code from each
    entry on: a row's answer is one ``searchsorted``.
    """

    def __init__(self, runs: Mapping[str, StatusRun], number: Mapping[str, int]) -> None:
        np = numpy()
        steps: list[tuple[Sequence[int], list[int]]] = []
        for iso3 in number:  # in state-number order
            run = runs.get(iso3)
            days, statuses = (run[0], run[1]) if run is not None else ((), (Status.NON_MEMBER,))
            steps.append((days, [_STATUS_CODE[status] for status in statuses]))
        changed = [days for days, _ in steps if len(days)]
        first = min((days[0] for days in changed), default=1) - 1
        last = max((days[-1] for days in changed), default=1)
        self.first = first
        self.width = last - first + 1
        self.table: Codes | None = None
        if len(steps) * self.width <= _DENSE_CELLS:
            table = np.empty((len(steps), self.width), dtype=np.int8)
            for state, (days, codes) in enumerate(steps):
                bounds = np.fromiter(days, dtype=np.int64, count=len(days)) - first
                lengths = np.diff(bounds, prepend=0, append=self.width)
                table[state] = np.repeat(np.array(codes, dtype=np.int8), lengths)
            self.table = table.ravel()
            return
        keys: list[int] = []
        flat: list[int] = []
        for state, (days, codes) in enumerate(steps):
            base = state << _SHIFT
            keys.append(base)
            keys.extend(base | day for day in days)
            flat.extend(codes)
        self.keys: Ints = np.array(keys, dtype=np.int64)
        self.codes: Codes = np.array(flat, dtype=np.int8)

    def answer(self, states: Ints, days: Ints) -> Codes:
        """The status code of each (state number >= 0, day ordinal) pair, as a new array."""
        np = numpy()
        if self.table is not None:
            column = np.clip(days - self.first, 0, self.width - 1)
            found: Codes = self.table[states * self.width + column]
            return found
        at = np.searchsorted(self.keys, (states << _SHIFT) | days, side="right") - 1
        found = self.codes[at]
        return found


class _Numbers:
    """A history's states numbered, its code spans per scheme, and its lookups per org."""

    def __init__(self, history: History) -> None:
        self.history = history
        self.countries = history.countries()
        self.number = {country.iso3: n for n, country in enumerate(self.countries)}
        self.lookups: dict[str, _Lookup] = {}
        self.spans: dict[str, tuple[Ints, Ints, Ints]] = {}

    def lookup(self, org: str) -> _Lookup:
        found = self.lookups.get(org)
        if found is None:
            found = _Lookup(self.history.status_runs(org), self.number)
            self.lookups[org] = found
        return found

    def code_spans(self, scheme: str) -> tuple[Ints, Ints, Ints]:
        """Sorted ``code << _SHIFT | first day`` of every span of a number, its last day, state."""
        found = self.spans.get(scheme)
        if found is None:
            np = numpy()
            wanted = CodeScheme(scheme)
            rows = sorted(
                (
                    int(code.code) << _SHIFT
                    | (1 if code.start is None else code.start.toordinal()),
                    (1 << _SHIFT) - 1 if code.end is None else code.end.toordinal(),
                    n,
                )
                for n, country in enumerate(self.countries)
                for code in country.codes
                if code.scheme is wanted
            )
            columns = list(zip(*rows, strict=True)) if rows else [(), (), ()]
            found = tuple(np.array(column, dtype=np.int64) for column in columns)
            self.spans[scheme] = found
        return found


_NUMBERS: dict[int, _Numbers] = {}
"""Per history (by identity, the history kept alive beside its numbers), once compiled."""


def _numbers(history: History) -> _Numbers:
    found = _NUMBERS.get(id(history))
    if found is None or found.history is not history:
        if len(_NUMBERS) >= 8:  # readings and test histories: keep a few
            _NUMBERS.clear()
        found = _Numbers(history)
        _NUMBERS[id(history)] = found
    return found


# -- reading the columns ---------------------------------------------------------------


class _Column:
    """A column of a pandas or Polars frame, read as numpy arrays."""

    def __init__(self, frame: Any, name: str, polars: bool) -> None:
        self.name = name
        self.polars = polars
        self.series = frame.get_column(name) if polars else frame[name]

    def factorized(self) -> tuple[Ints, list[Any]]:
        """Each row's index into the distinct values (-1: null), and those values."""
        np = numpy()
        if self.polars:
            import polars as pl  # noqa: PLC0415 - the frame is one: Polars is installed

            series = self.series
            if series.dtype == pl.String or isinstance(series.dtype, pl.Categorical | pl.Enum):
                return _polars_categories(series.cast(pl.Categorical))
            distinct = series.drop_nulls().unique(maintain_order=True)
            codes = series.replace_strict(
                distinct, pl.Series(range(len(distinct))), default=-1, return_dtype=pl.Int64
            )
            return codes.fill_null(-1).to_numpy().astype(np.int64, copy=False), distinct.to_list()
        import pandas as pd  # noqa: PLC0415 - the frame is one: pandas is installed

        codes, distinct = pd.factorize(self.series, use_na_sentinel=True)
        return codes.astype(np.int64, copy=False), list(distinct)

    def days(self) -> tuple[Ints, Flags]:
        """Each row's day ordinal, and whether the row has a day (null: False)."""
        np = numpy()
        numeric = self._numeric_days()
        if numeric is not None:
            return numeric
        codes, distinct = self.factorized()
        ordinals = np.empty(len(distinct) + 1, dtype=np.int64)
        present = np.ones(len(distinct) + 1, dtype=bool)
        bad: list[object] = []
        for k, value in enumerate(distinct):
            if _is_null(value):
                present[k], ordinals[k] = False, 0
                continue
            try:
                ordinals[k] = to_ordinal(value)
            except InvalidDateError:
                bad.append(value)
        if bad:
            raise InvalidDateError(
                bad[0],
                f"column {self.name!r} holds {len(bad)} distinct values that are not days "
                f"({', '.join(shown(v) for v in bad[:_SHOWN])})",
            )
        ordinals[-1], present[-1] = 0, False  # index -1: a null row
        return ordinals[codes], present[codes]

    def _numeric_days(self) -> tuple[Ints, Flags] | None:
        np = numpy()
        if self.polars:
            import polars as pl  # noqa: PLC0415 - the frame is one: Polars is installed

            series = self.series
            if isinstance(series.dtype, pl.Datetime):
                series = series.dt.replace_time_zone(None).dt.date()
            if series.dtype != pl.Date:
                return None
            present = series.is_not_null().to_numpy()
            days = series.cast(pl.Int64).fill_null(0).to_numpy().astype(np.int64, copy=False)
            return np.where(present, days + EPOCH, 0), present
        import pandas as pd  # noqa: PLC0415 - the frame is one: pandas is installed

        series = self.series
        if isinstance(series.dtype, pd.ArrowDtype) and series.dtype.kind == "M":
            zoned = getattr(series.dtype.pyarrow_dtype, "tz", None) is not None
            series = (series.dt.tz_localize(None) if zoned else series).astype("datetime64[s]")
        elif isinstance(series.dtype, pd.DatetimeTZDtype):
            series = series.dt.tz_localize(None)  # the day as written, not converted
        elif series.dtype == object and pd.api.types.infer_dtype(series, skipna=True) == "date":
            series = series.astype("datetime64[s]")  # datetime.date objects (Parquet's date32)
        if series.dtype.kind != "M":
            return None
        days = series.to_numpy().astype("datetime64[D]").view(np.int64)
        present = days != np.iinfo(np.int64).min
        return np.where(present, days + EPOCH, 0), present


def _polars_categories(series: Any) -> tuple[Ints, list[Any]]:
    """A Polars Categorical's rows as indexes into its distinct values (-1: null)."""
    import polars as pl  # noqa: PLC0415 - the series is one: Polars is installed

    np = numpy()
    distinct = series.unique().drop_nulls()
    ids = distinct.to_physical().to_numpy().astype(np.int64)
    physical = series.to_physical().fill_null(-1).to_numpy().astype(np.int64, copy=False)
    remap: Ints = np.full(int(ids.max(initial=0)) + 2, -1, dtype=np.int64)  # [-1]: null
    remap[ids] = np.arange(len(ids))
    return remap[physical], distinct.cast(pl.String).to_list()


def _is_null(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # noqa: PLR0124 - NaN, NaT and pandas.NA differ from themselves
    except (TypeError, ValueError):  # pandas.NA in a boolean context
        return True


# -- resolving the countries ---------------------------------------------------------------


def _state_numbers(
    numbers: _Numbers, distinct: Sequence[object]
) -> tuple[Ints, list[object], list[object]]:
    """Each distinct name's state number (-1: unknown or ambiguous), and the unknown values."""
    np = numpy()
    found = np.full(len(distinct) + 1, -1, dtype=np.int64)  # index -1: a null row
    unknown: list[object] = []
    ambiguous: list[object] = []
    history = numbers.history
    for k, value in enumerate(distinct):
        if _is_null(value):
            continue
        named = history.countries_named(value) if isinstance(value, str) else ()
        if len(named) == 1:
            found[k] = numbers.number[named[0].iso3]
        else:
            (ambiguous if named else unknown).append(value)
    return found, unknown, ambiguous


def _code_numbers(code: str, values: Sequence[object]) -> Ints:
    """Each distinct value of a COW or G&W column as a whole number (-1: null)."""
    np = numpy()
    numeric: Ints = np.full(len(values), -1, dtype=np.int64)
    bad: list[object] = []
    for k, value in enumerate(values):
        if _is_null(value):
            continue
        number = None if isinstance(value, bool) else _whole(value)
        if number is None or number < 0:
            bad.append(value)
            continue
        numeric[k] = number
    if bad:
        raise InvalidArgumentError(
            f"code={code!r} reads whole numbers such as 255; the country column holds "
            f"{', '.join(shown(v) for v in bad[:_SHOWN])}"
        )
    return numeric


def _whole(value: object) -> int | None:
    """``value`` as a whole number (255, 255.0, '255', numpy integers), or None."""
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number == value or str(number) == value else None


def _by_number(numbers: _Numbers, code: str, number: Ints, days: Ints) -> Ints:
    """The state that held each row's number on its day (-1: none held it that day)."""
    np = numpy()
    starts, lasts, states = numbers.code_spans(code)
    found: Ints = np.full(len(number), -1, dtype=np.int64)
    usable = (number >= 0) & (days > 0)
    if not len(starts) or not usable.any():
        return found
    keys = (number[usable] << _SHIFT) | days[usable]
    at = np.searchsorted(starts, keys, side="right") - 1
    held = (at >= 0) & ((starts[np.maximum(at, 0)] >> _SHIFT) == number[usable])
    held &= days[usable] <= lasts[np.maximum(at, 0)]
    found[usable] = np.where(held, states[np.maximum(at, 0)], -1)
    return found


# -- the answer ------------------------------------------------------------------------------


def _choice(value: object, allowed: Sequence[object], what: str) -> Any:
    if not any(value is choice or (type(value) is str and value == choice) for choice in allowed):
        raise InvalidArgumentError(
            f"{what} must be one of {', '.join(map(repr, allowed))}; got {shown(value)}"
        )
    return value


def _org_keys(history: History, orgs: object) -> tuple[str, ...]:
    keys = organization_keys(history, orgs)  # each once, in order
    if not keys:
        raise InvalidArgumentError("orgs is empty; name one organisation or more, such as ('PfP',)")
    return keys


def _kind(frame: object) -> bool:
    """Whether ``frame`` is a Polars DataFrame (False: a pandas one); else an error."""
    module = type(frame).__module__.split(".")[0]
    if module == "polars":
        import polars as pl  # noqa: PLC0415 - the frame is one: Polars is installed

        if isinstance(frame, pl.DataFrame):
            return True
        if isinstance(frame, pl.LazyFrame):
            raise InvalidArgumentError(
                "annotate takes a DataFrame, not a LazyFrame: call .collect() first, or "
                "join the LazyFrame onto pfp.tables.intervals(backend='polars')"
            )
    if module == "pandas":
        import pandas as pd  # noqa: PLC0415 - the frame is one: pandas is installed

        if isinstance(frame, pd.DataFrame):
            return False
    raise InvalidArgumentError(
        f"annotate takes a pandas or Polars DataFrame; got {type(frame).__name__}"
    )


def annotate(
    history: History,
    frame: Any,
    *,
    country: str = "country",
    date: str = "date",
    orgs: Iterable[str] | str = ("PfP",),
    code: str | None = None,
    unknown: str = "na",
    beyond: str = "carry",
) -> Any:
    """``frame`` with each row's status in ``orgs`` on its day: see :func:`pfp.annotate`."""
    polars = _kind(frame)
    _choice(code, CODES, "code")
    _choice(unknown, UNKNOWN, "unknown")
    _choice(beyond, BEYOND, "beyond")
    keys = _org_keys(history, orgs)
    names = list(frame.columns)
    for column in (country, date):
        if not isinstance(column, str) or column not in names:
            raise InvalidArgumentError(
                f"the frame has no column {shown(column)}; its columns: "
                f"{', '.join(map(str, names[:20]))}; pass country= and date= to name them"
            )
    added = [f"{key.lower()}_status" for key in keys] + ["beyond_data"]
    clash = [name for name in added if name in names]
    if clash:
        raise InvalidArgumentError(
            f"the frame already has {', '.join(clash)}; drop or rename it before annotating"
        )
    numbers = _numbers(history)
    days, dated = _Column(frame, date, polars).days()
    codes, distinct = _Column(frame, country, polars).factorized()
    np = numpy()
    if code is None:
        state_of, unknown_values, ambiguous = _state_numbers(numbers, distinct)
        states = state_of[codes]
    else:
        held = np.append(_code_numbers(code, distinct), -1)[codes]
        states = _by_number(numbers, code, held, days)
        missing = (held >= 0) & (states < 0) & dated
        unknown_values = [*sorted({int(v) for v in held[missing]})]
        ambiguous = []
    _report_unknown(
        unknown_values=unknown_values,
        ambiguous=ambiguous,
        codes=codes,
        distinct=distinct,
        how=unknown,
        code=code,
        states=states,
        dated=dated,
        column=country,
    )
    unanswered = (states < 0) | ~dated
    blank = bool(unanswered.any())
    known = np.maximum(states, 0)  # rows with no state or day are blanked below
    columns: dict[str, Any] = {}
    late = np.zeros(len(days), dtype=bool)
    for key, name in zip(keys, added, strict=False):
        found = numbers.lookup(key).answer(known, days)
        if blank:
            found[unanswered] = _NULL
        as_of = history.organization(key).as_of
        if as_of is not None:
            past = days > as_of.toordinal()
            late |= past
            if beyond == "raise" and past.any():
                raise BeyondDataError(
                    f"{int(past.sum())} rows are dated after the day {key} is known to "
                    f'({as_of}); pass beyond="carry" to carry its last known standing '
                    'forward, or beyond="null"'
                )
            if beyond == "null":
                found[past] = _NULL
        columns[name] = found
    return _frame_with(frame, polars, columns, late)


def _report_unknown(
    *,
    unknown_values: list[object],
    ambiguous: list[object],
    codes: Ints,
    distinct: list[object],
    how: str,
    code: str | None,
    states: Ints,
    dated: Flags,
    column: str,
) -> None:
    values = [*unknown_values, *ambiguous]
    if not values:
        return
    np = numpy()
    if code is None:
        index = {id(v): k for k, v in enumerate(distinct)}
        rows = int(np.isin(codes, [index[id(v)] for v in values]).sum())
    else:
        rows = int(((states < 0) & dated & (codes >= 0)).sum())
    named = ", ".join(shown(v) for v in values[:_SHOWN]) + (", ..." if len(values) > _SHOWN else "")
    what = "name no state pfp knows" if code is None else f"are no {code} number held that day"
    extra = f" ({len(ambiguous)} name several states: give an ISO code)" if ambiguous else ""
    if how == "raise":
        raise UnknownCountryError(
            values[0] if len(values) == 1 else named,
            hint=f"{len(values)} distinct values of column {column!r} ({rows} rows) {what}"
            f"{extra}: {named}; pass unknown='na' for null statuses instead",
        )
    warnings.warn(
        UnknownCountryWarning(
            f"{len(values)} distinct values of column {column!r} ({rows} rows) {what}{extra}; "
            f"their statuses are null: {named}; pass unknown='raise' to stop instead"
        ),
        stacklevel=4,
    )


def _frame_with(frame: Any, polars: bool, columns: Mapping[str, Any], late: Any) -> Any:
    if polars:
        import polars as pl  # noqa: PLC0415 - the frame is one: Polars is installed

        added = [_polars_statuses(pl, name, found) for name, found in columns.items()]
        return frame.with_columns(*added, pl.Series("beyond_data", late))
    import pandas as pd  # noqa: PLC0415 - the frame is one: pandas is installed

    dtype = _status_dtype()
    categorical = {
        name: pd.Series(pd.Categorical.from_codes(found, dtype=dtype), index=frame.index)
        for name, found in columns.items()
    }
    return frame.assign(**categorical, beyond_data=pd.Series(late, index=frame.index))


def _polars_statuses(pl: Any, name: str, found: Codes) -> Any:
    """Status codes (-1: null) as a Polars Enum column of the status values."""
    enum = pl.Enum(STATUS_VALUES)
    codes = pl.Series(name, found)
    if hasattr(codes.cat, "to"):  # Polars 2: straight from the codes
        return codes.cast(pl.UInt8, strict=False).cat.to(enum)
    return codes.replace_strict(  # pragma: no cover - Polars 1
        list(range(len(STATUS_VALUES))), STATUS_VALUES, default=None, return_dtype=enum
    )


def _status_dtype() -> Any:
    """The pandas categorical dtype of every status column (all statuses, in a fixed order)."""
    import pandas as pd  # noqa: PLC0415 - the frame is one: pandas is installed

    return pd.CategoricalDtype(list(STATUS_VALUES), ordered=False)
