"""Turning what a user passes as "a day" into a date: the only place pfp parses dates.

Accepted everywhere a day is asked for: ``datetime.date``, ``datetime.datetime``
(its calendar date, as written, without converting time zones), pendulum ``Date`` and
``DateTime``, and ISO 8601 strings ``'YYYY-MM-DD'``:

>>> import datetime, pendulum
>>> from pfp.dates import to_date
>>> to_date("1994-08-03")
Date(1994, 8, 3)
>>> to_date(datetime.datetime(1994, 8, 3, 23, 59))
Date(1994, 8, 3)
>>> to_date(pendulum.datetime(1994, 8, 3, tz="Europe/Brussels"))
Date(1994, 8, 3)
"""

from __future__ import annotations

import datetime
import functools
import re

import pendulum

from pfp.errors import InvalidDateError

__all__ = ["DateLike", "parse_data_date", "to_date", "to_ordinal"]

DateLike = datetime.date | str
"""What pfp accepts as a day: a date, a datetime, a pendulum Date/DateTime or 'YYYY-MM-DD'."""

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
            return value.toordinal()
        except (ValueError, TypeError, OverflowError) as error:  # pandas.NaT and the like
            raise InvalidDateError(value, str(error)) from None
    if isinstance(value, str):  # a str subclass (numpy.str_, ...): read its text
        return to_ordinal(str(value))
    raise InvalidDateError(value, f"a value of type {type(value).__name__} is not a date")


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
    """
    return _from_ordinal(ordinal)


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
