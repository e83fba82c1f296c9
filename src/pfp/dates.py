"""Turning what a user passes as "a day" into a date: the only place pfp parses dates.

Accepted everywhere a day is asked for: ``datetime.date``, ``datetime.datetime``
(its calendar date, as written, without converting time zones), pendulum ``Date`` and
``DateTime``, pandas ``Timestamp`` (a datetime), ``numpy.datetime64`` of any unit (its day,
the time of day ignored) and ISO 8601 strings ``'YYYY-MM-DD'``:

>>> import datetime, pendulum
>>> from pfp.dates import to_date
>>> to_date("1994-08-03")
Date(1994, 8, 3)
>>> to_date(datetime.datetime(1994, 8, 3, 23, 59))
Date(1994, 8, 3)
>>> to_date(pendulum.datetime(1994, 8, 3, tz="Europe/Brussels"))
Date(1994, 8, 3)
>>> import numpy
>>> to_date(numpy.datetime64("1994-08-03T23:59:59.123456789"))
Date(1994, 8, 3)
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from typing import Any, Protocol, TypeAlias, cast

import pendulum

from pfp.errors import InvalidDateError, InvalidRangeError, shown

__all__ = [
    "DAY_READERS",
    "EPOCH",
    "EXACT_DAY_TYPES",
    "DateLike",
    "NumpyDay",
    "date_ordinal",
    "date_range",
    "from_ordinal",
    "ordinal_range",
    "parse_data_date",
    "reference_day",
    "to_date",
    "to_ordinal",
    "year_range",
]


class NumpyDay(Protocol):
    """The shape of a ``numpy.datetime64`` scalar, for type checkers (numpy is optional)."""

    @property
    def dtype(self) -> Any: ...  # noqa: D102 - numpy's own

    def item(self) -> Any: ...  # noqa: D102 - numpy's own


DateLike: TypeAlias = (
    str | datetime.date | datetime.datetime | pendulum.Date | pendulum.DateTime | NumpyDay
)
"""What pfp accepts as a day: an ISO 8601 string ``'YYYY-MM-DD'`` or a date.

Any ``datetime.date`` will do, so its subclasses too: ``datetime.datetime`` (its calendar date
as written, time zones not converted), pendulum ``Date`` and ``DateTime``, and
``pandas.Timestamp``; and a ``numpy.datetime64`` of any unit (its day, the time of day
ignored), spelled :class:`NumpyDay` here since numpy is an optional library.

>>> import datetime, pfp
>>> pfp.members_at("1994-08-03") == pfp.members_at(datetime.date(1994, 8, 3))
True
"""

EXACT_DAY_TYPES: set[type] = {datetime.date, pendulum.Date, datetime.datetime, pendulum.DateTime}
"""The day types whose calendar day ``datetime.date.toordinal`` reads exactly (C code, no Python
frame): the front's per-row fast path tests ``type(day) in EXACT_DAY_TYPES``. A subclass of
``datetime.date`` joins on first sight once its own ``toordinal()`` agrees (``pandas.Timestamp``);
one whose ``toordinal()`` fails never does (``pandas.NaT``)."""
date_ordinal = datetime.date.toordinal
"""The calendar day of any ``datetime.date`` (subclasses included) as an ordinal."""
_NS_PER_DAY = 86_400_000_000_000
EPOCH = 719_163
"""The ordinal of 1970-01-01, numpy's (and Arrow's, and Polars') day 0."""

_from_iso = datetime.date.fromisoformat
_from_ordinal = pendulum.Date.fromordinal
_DATA_FORMS = "'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' for a date known to the month or year"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def to_ordinal(value: object) -> int:
    """Return the proleptic Gregorian ordinal of a day; the fast path of every query.

    >>> to_ordinal("0001-01-02")
    2

    Raises:
        InvalidDateError: for anything that is not one of the accepted forms.

    """
    if type(value) is str:
        if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.isascii():
            try:
                return _from_iso(value).toordinal()
            except ValueError:
                if _ISO_DAY.fullmatch(value):
                    raise InvalidDateError(value, "no such calendar day") from None
        raise InvalidDateError(value, "strings must be 'YYYY-MM-DD'")
    if isinstance(value, datetime.date):
        try:
            ordinal = value.toordinal()
        except (ValueError, TypeError, OverflowError) as error:  # pandas.NaT and the like
            raise InvalidDateError(value, str(error)) from None
        if (
            type(value) not in EXACT_DAY_TYPES
            and type(ordinal) is int
            and date_ordinal(value) == ordinal
        ):
            EXACT_DAY_TYPES.add(type(value))  # pandas.Timestamp: its days from now on read in C
        return ordinal
    kind: type = type(value)
    if kind.__name__ == "datetime64" and kind.__module__ == "numpy":
        DAY_READERS[kind] = _datetime64_ordinal
        return _datetime64_ordinal(value)
    if isinstance(value, str):  # a str subclass (numpy.str_, ...): read its text as a str
        return to_ordinal(str.__str__(value))
    raise InvalidDateError(value, f"a value of type {type(value).__name__} is not a date")


def _datetime64_ordinal(value: Any) -> int:
    """The day of a ``numpy.datetime64`` of any unit (its time of day ignored)."""
    if not _NANOSECONDS:  # numpy is imported: the value is one of its scalars
        import numpy  # noqa: PLC0415 - only ever for a numpy value

        _NANOSECONDS.append(numpy.dtype("datetime64[ns]"))
    if value.dtype == _NANOSECONDS[0]:  # the commonest unit, read as an int: no conversion
        try:
            return int(value) // _NS_PER_DAY + EPOCH
        except TypeError:  # NaT
            raise InvalidDateError(value, "NaT (not a time) is no day") from None
    item = value.item()  # a date or datetime; None for NaT, an int past the year 9999
    if isinstance(item, datetime.date):
        return date_ordinal(item)
    if item is None:
        raise InvalidDateError(value, "NaT (not a time) is no day")
    raise InvalidDateError(
        value, "a day outside the years 1 to 9999", accepted="a day from 0001-01-01 to 9999-12-31"
    )


_NANOSECONDS: list[Any] = []
"""numpy's ``datetime64[ns]`` dtype, once a numpy day is first read."""
DAY_READERS: dict[type, Callable[[Any], int]] = {}
"""Readers of day types that are not dates, by exact type, filled on first sight
(``numpy.datetime64``): the front's per-row fast path calls the reader directly."""


def _backwards(low: object, high: object, bounds: str = "start <= end") -> InvalidRangeError:
    """The one error for a range that ends before it starts."""
    return InvalidRangeError(f"the range ends ({high}) before it starts ({low}); pass {bounds}")


def ordinal_range(start: object, end: object) -> tuple[int | None, int | None]:
    """The ordinals of two optional bounds (None: open), checked to be in order.

    >>> ordinal_range("1994-01-10", None)
    (727938, None)
    >>> ordinal_range("2004-12-31", "2004-01-01")
    Traceback (most recent call last):
    ...
    pfp.errors.InvalidRangeError: the range ends (2004-01-01) before it starts (2004-12-31); ...

    Raises:
        InvalidDateError: when a bound is not a date.
        InvalidRangeError: when ``end`` is before ``start``.

    """
    low = None if start is None else to_ordinal(start)
    high = None if end is None else to_ordinal(end)
    if low is not None and high is not None and high < low:
        raise _backwards(from_ordinal(low), from_ordinal(high))
    return low, high


def date_range(start: object, end: object) -> tuple[pendulum.Date | None, pendulum.Date | None]:
    """Two optional bounds as pendulum dates (None: open), checked to be in order.

    >>> date_range("2004-01-01", "2004-12-31")
    (Date(2004, 1, 1), Date(2004, 12, 31))

    Raises:
        InvalidDateError: when a bound is not a date.
        InvalidRangeError: when ``end`` is before ``start``.

    """
    low, high = ordinal_range(start, end)
    return (
        None if low is None else from_ordinal(low),
        None if high is None else from_ordinal(high),
    )


def year_range(start_year: object, end_year: object) -> range:
    """The years from ``start_year`` to ``end_year``, both inclusive.

    >>> year_range(1994, 1996)
    range(1994, 1997)

    Raises:
        InvalidRangeError: when a year is not a whole number from 1 to 9999, or the range
            ends before it starts.

    """
    for year in (start_year, end_year):
        if type(year) is not int or not 1 <= year <= 9999:
            raise InvalidRangeError(
                f"years are whole numbers from 1 to 9999, such as 1994; got {shown(year)}"
            )
    first, last = cast(int, start_year), cast(int, end_year)
    if last < first:
        raise _backwards(first, last, "start_year <= end_year")
    return range(first, last + 1)


def to_date(value: object) -> pendulum.Date:
    """Return the pendulum ``Date`` for any accepted form of a day.

    >>> to_date(pendulum.date(2024, 3, 7))
    Date(2024, 3, 7)
    >>> to_date("2024-02-30")
    Traceback (most recent call last):
    ...
    pfp.errors.InvalidDateError: cannot read '2024-02-30' as a date (no such calendar day); ...

    Raises:
        InvalidDateError: for anything that is not one of the accepted forms.

    """
    if type(value) is pendulum.Date:
        return value
    return from_ordinal(to_ordinal(value))


def from_ordinal(ordinal: int) -> pendulum.Date:
    """Return the pendulum ``Date`` of a proleptic Gregorian ordinal.

    >>> from_ordinal(to_ordinal("1994-01-10"))
    Date(1994, 1, 10)

    Raises:
        InvalidDateError: for an ordinal outside the years 1 to 9999.

    """
    try:
        return _from_ordinal(ordinal)
    except (ValueError, OverflowError):
        raise InvalidDateError(
            ordinal,
            "a day outside the years 1 to 9999",
            accepted="a day from 0001-01-01 to 9999-12-31",
        ) from None


@functools.lru_cache(maxsize=4096)  # the files repeat their dates; each Date is immutable
def parse_data_date(text: str) -> tuple[pendulum.Date, str]:
    """Read a date as the data files write it: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    Returns the first day of the period and its precision (``day``, ``month`` or ``year``).

    >>> parse_data_date("2012-07")
    (Date(2012, 7, 1), 'month')
    >>> parse_data_date("1994-01-26")
    (Date(1994, 1, 26), 'day')

    Raises:
        InvalidDateError: when the text is none of those forms or no such day exists.

    """
    match = _PARTIAL.fullmatch(text.strip())
    if match is None:
        raise InvalidDateError(text, "not a data-file date", accepted=_DATA_FORMS)
    year, month, day = match.groups()
    precision = "day" if day else "month" if month else "year"
    try:
        value = pendulum.Date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise InvalidDateError(text, "no such calendar day", accepted=_DATA_FORMS) from None
    return value, precision


_REFERENCE = re.compile(r"([0-9]{2})-([0-9]{2})")


def reference_day(reference: object) -> tuple[int, int]:
    """The (month, day) of a panel's reference day ``'MM-DD'``, a day every year has.

    >>> reference_day("12-31")
    (12, 31)
    >>> reference_day("02-29")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pfp.errors.InvalidDateError: cannot read '02-29' as a date (a reference day is 'MM-DD' and ...
    """
    match = _REFERENCE.fullmatch(reference) if isinstance(reference, str) else None
    month, day = (int(match[1]), int(match[2])) if match else (0, 0)
    try:
        datetime.date(2001, month, day)  # a year without 29 February: valid in every year
    except ValueError:
        raise InvalidDateError(
            reference, "a reference day is 'MM-DD' and exists every year, such as '12-31'"
        ) from None
    return month, day
