"""The columns of each kind of row pfp gives (see :mod:`pfp.rows`), apart from the rows.

The result classes name their columns when they are made, at the first query; the rows
themselves (and ``pfp.rows``) are needed only when a result is turned into rows or a frame.

>>> ROSTER_COLUMNS[:3]
('date', 'org', 'name')
"""

from __future__ import annotations

__all__ = [
    "COUNTRY_COLUMNS",
    "DATE_COLUMNS",
    "PERIOD_COLUMNS",
    "ROSTER_COLUMNS",
    "STATUS_COLUMNS",
    "TRANSITION_COLUMNS",
]

COUNTRY_COLUMNS = ("name", "iso2", "iso3")
"""The columns of :func:`pfp.rows.country_records`."""

ROSTER_COLUMNS = ("date", "org", "name", "iso2", "iso3", "since", "sources")
"""The columns of :func:`pfp.rows.roster_records`: one row per member; ``since`` begins its
membership."""

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
"""The columns of :func:`pfp.rows.transition_records`.

``org`` is the organisation whose membership changed; ``event`` and ``event_org`` say what
caused the change and in which organisation (a partner's NATO accession ends its PfP standing).
"""

STATUS_COLUMNS = ("name", "iso2", "iso3", "org", "date", "status", "since", "sources")
"""The columns of :func:`pfp.rows.status_row`: a state's status on a day, since when, and why."""

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
"""The columns of :func:`pfp.rows.period_rows`.

``start`` is the first day (None: since records began), ``end`` the day after the last
(None: still running), ``last_day`` the last day itself, as on :class:`~pfp.Period`.
"""

DATE_COLUMNS = frozenset({"date", "since", "start", "end", "last_day"})
"""The columns that hold days (datetime64 in a DataFrame)."""
