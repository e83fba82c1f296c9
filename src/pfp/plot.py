"""Pictures of the history: a Gantt-style timeline and a step chart of membership counts.

Needs the ``plot`` extra (matplotlib), imported only when a function is called; without it
each function raises an ``ImportError`` that names the ``plot`` extra. Both functions
draw on ``ax`` (a new figure when None) and return that matplotlib ``Axes``; given the same
data and arguments they draw the same picture. Every bar carries a ``gid`` naming what it shows,
``"<ISO3> <status> <first day> <last day>"``, so that a test (or a reader) can check a picture
against the data. The key (legend) never covers the plot, its labels or its title: on a new
figure it sits below or beside the axes, in room the figure's constrained layout reserves; on
an ``ax`` you pass, beside the axes on the right (save with ``bbox_inches="tight"`` to keep it
in the file). It lists only what is drawn. Worked examples, which need matplotlib, are in
``docs/notebooks.md``; ``docs/images/make_images.py`` renders the pictures committed in
``docs/images/``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pendulum

from pfp._bundled import or_bundled
from pfp.dates import DateLike, date_range
from pfp.errors import InvalidArgumentError, MissingExtraError, items_of, shown
from pfp.model import Country, Organization, Status
from pfp.words import organization_keys

if TYPE_CHECKING:
    from pfp.engine import History

__all__ = ["STATUS_COLORS", "membership_count", "timeline"]

STATUS_COLORS: dict[str, str] = {
    "applicant": "#E69F00",
    "invited": "#56B4E9",
    "observer": "#F0E442",
    "member": "#009E73",
    "suspended": "#D55E00",
    "withdrawn": "#999999",
    "nato_member": "#0072B2",
}
"""The colour of each status (by value) in :func:`timeline`: Okabe-Ito, safe for colour-blind eyes.

Days as a non-member are left blank; a status missing here is drawn in reddish purple.
"""

_OTHER_COLOR = "#CC79A7"
_ACCESSION_GID = "nato-accessions"


def _matplotlib() -> tuple[Any, Any, Any]:
    """Return ``matplotlib.pyplot``, ``.dates`` and ``.patches``, or name the missing extra."""
    # Imported here, not at the top: matplotlib is an optional extra. The ignores let mypy
    # check this file where matplotlib is not installed (CI installs only the test extra).
    try:
        import matplotlib.dates as mdates  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415
        import matplotlib.pyplot as plt  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415
        from matplotlib import patches  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415
    except ImportError as error:
        raise MissingExtraError("matplotlib", "plot", "plots") from error
    return plt, mdates, patches


def _num(mdates: Any, day: datetime.date) -> float:
    """Matplotlib's number for the start (midnight) of ``day``."""
    return float(mdates.date2num(datetime.datetime(day.year, day.month, day.day)))


def _after(mdates: Any, day: datetime.date) -> float:
    """Matplotlib's number for the end (the next midnight) of ``day``, even for 9999-12-31."""
    return _num(mdates, day) + 1.0


def _range(
    history: History,
    start: Any,
    end: Any,
    default_start: pendulum.Date,
    organizations: Iterable[Organization],
) -> tuple[pendulum.Date, pendulum.Date]:
    """The first and last days drawn: by default from the founding to the latest review day.

    The review day of the organisations drawn (``Organization.as_of``), else the data's
    as-of day, else the last event.
    """
    last_known = end
    if end is None:
        reviewed = [org.as_of for org in organizations if org.as_of is not None]
        days = [event.date for event in history.events()]
        last_known = (
            max(reviewed) if reviewed else history.as_of or max(days, default=default_start)
        )
    first, last = date_range(default_start if start is None else start, last_known)
    if first is None or last is None:  # pragma: no cover - both bounds are given
        raise InvalidArgumentError("a picture needs a first and a last day")
    return first, last


Bar = tuple[Status, pendulum.Date, pendulum.Date]
"""A status and the first and last days it is drawn (both inclusive, clipped to the range)."""


def _bars(
    history: History, state: Country, org: str, first: pendulum.Date, last: pendulum.Date
) -> list[Bar]:
    bars: list[Bar] = []
    for period in history.timeline(state, org=org):
        if period.status in (Status.NON_MEMBER, Status.NOT_A_STATE):
            continue  # left blank
        low = first if period.start is None else max(first, period.start)
        high = last if period.last_day is None else min(last, period.last_day)
        if low <= high:
            bars.append((period.status, low, high))
    return bars


def timeline(
    *,
    org: str | None = None,
    countries: Iterable[str | Country] | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    ax: Any = None,
    history: History | None = None,
) -> Any:
    """A Gantt-style chart: a row per state, its periods coloured by status, NATO accessions marked.

    >>> import matplotlib.pyplot as plt
    >>> from pfp import plot
    >>> ax = plot.timeline(countries=["Malta"])
    >>> sorted(bar.get_gid() for bar in ax.patches if bar.get_gid())[:2]
    ['MLT applicant 2008-03-20 2008-04-02', 'MLT member 1995-04-26 1996-10-28']
    >>> plt.close(ax.figure)

    ``countries`` picks the rows (default: every state whose status in ``org`` changed on or
    after the day ``org`` began, which for the PfP means its partners). ``start`` and ``end``
    clip the picture (default: from the organisation's founding to the data's as-of day); a
    default row with nothing to draw in that range is left out. Rows run from the earliest
    starter at the top, then by name. A black diamond marks each accession to the
    organisation ``org`` graduates to (NATO, for the PfP and the MAP). ``org`` defaults to
    the history's default organisation, ``history`` to the bundled data.

    Returns:
        The matplotlib ``Axes`` drawn on.

    Raises:
        ImportError: naming matplotlib and pfp's ``plot`` extra when it is missing.
        UnknownOrganizationError: for an organisation pfp does not follow.
        UnknownCountryError: for a name in ``countries`` no state bears.
        InvalidRangeError: when ``end`` is before ``start``.

    """
    plt, mdates, patches = _matplotlib()
    found = or_bundled(history)
    organization = found.organization(found.default_org if org is None else org)
    first, last = _range(found, start, end, organization.founded, [organization])
    if countries is None:
        changed = found.transitions(organization.founded, None, org=organization.key)
        states = {t.country.iso3: t.country for t in changed}.values()
    else:
        named = _named_states(countries)
        states = {c.iso3: c for c in map(found.country, named)}.values()
    rows = [(state, _bars(found, state, organization.key, first, last)) for state in states]
    goal = organization.graduates_to
    if countries is None:
        rows = [(state, bars) for state, bars in rows if bars]
    rows.sort(key=lambda row: (row[1][0][1] if row[1] else last, row[0].name))

    _an_axes(ax)
    created = ax is None
    if ax is None:
        _, ax = plt.subplots(figsize=(10, max(2.5, 0.24 * len(rows) + 1.4)), layout="constrained")
    seen: dict[Status, None] = {}
    accessions: list[tuple[float, int]] = []
    for y, (state, bars) in enumerate(rows):
        for status, low, high in bars:
            left = _num(mdates, low)
            width = _after(mdates, high) - left
            color = STATUS_COLORS.get(status.value, _OTHER_COLOR)
            (bar,) = ax.barh(y, width, left=left, height=0.7, color=color, linewidth=0)
            bar.set_gid(f"{state.iso3} {status.value} {low} {high}")
            seen[status] = None
        for change in found.transitions(first, last, country=state, org=goal) if goal else ():
            if change.after is Status.MEMBER:
                accessions.append((_num(mdates, change.date), y))

    handles = [
        patches.Patch(
            color=STATUS_COLORS.get(status.value, _OTHER_COLOR),
            label=status.value.replace("_", " "),
        )
        for status in Status
        if status in seen
    ]
    if accessions:
        marks = ax.scatter(
            [x for x, _ in accessions],
            [y for _, y in accessions],
            marker="D",
            s=14,
            color="black",
            zorder=3,
            label=f"{goal} accession",
            clip_on=False,  # a diamond on the first or last day drawn shows whole
        )
        marks.set_gid(_ACCESSION_GID)
        handles.append(marks)

    ax.set_yticks(range(len(rows)), labels=[state.name for state, _ in rows], fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(_num(mdates, first), _after(mdates, last))
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title(f"{organization.name} ({organization.key}), {first} to {last}")
    if handles:
        _key(ax, handles, created=created, beside=False)
    return ax


def membership_count(
    *,
    orgs: Iterable[str] | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    ax: Any = None,
    history: History | None = None,
) -> Any:
    """A step chart of the number of members of each organisation, day by day.

    >>> import matplotlib.pyplot as plt
    >>> from pfp import plot
    >>> ax = plot.membership_count()
    >>> [line.get_gid() for line in ax.lines]
    ['PfP', 'NATO']
    >>> plt.close(ax.figure)

    One line per organisation (for the PfP: its partners, who leave the count on joining
    NATO). ``orgs`` defaults to the history's default organisation and the one it graduates
    to (the PfP and NATO). ``start`` and ``end`` bound the picture (default: from the
    earliest founding of ``orgs`` to the data's as-of day). Each line's ``gid`` is its
    organisation's key; it begins on the organisation's founding (``Organization.founded``)
    or ``start``, whichever is later, steps to the count on each change day, and stops at the
    day after its last day (``Organization.ended``) or ``end``. An organisation with no day
    in the range draws no line and has no key. Up to three lines are keyed below the plot,
    more beside it.

    Returns:
        The matplotlib ``Axes`` drawn on.

    Raises:
        ImportError: naming matplotlib and pfp's ``plot`` extra when it is missing.
        UnknownOrganizationError: for an organisation pfp does not follow.
        InvalidRangeError: when ``end`` is before ``start``.

    """
    plt, mdates, _ = _matplotlib()
    found = or_bundled(history)
    if orgs is None:
        default = found.organization(found.default_org)
        orgs = (default.key, default.graduates_to) if default.graduates_to else (default.key,)
    organizations = [found.organization(key) for key in organization_keys(found, orgs)]
    founded = min(o.founded for o in organizations) if organizations else None
    if founded is None:
        raise InvalidArgumentError("orgs names no organisation; pass at least one, such as 'NATO'")
    first, last = _range(found, start, end, founded, organizations)
    _an_axes(ax)
    created = ax is None
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 4), layout="constrained")
    lines = []
    for organization in organizations:
        low = max(first, organization.founded)
        high = last if organization.ended is None else min(last, organization.ended)
        if high < low:
            continue  # the organisation did not exist in the range
        days = sorted({t.date for t in found.transitions(low, high, org=organization.key)} - {low})
        points = [low, *days]
        counts = [len(found.members_at(day, org=organization.key)) for day in points]
        xs = [*(_num(mdates, day) for day in points), _after(mdates, high)]
        (line,) = ax.step(
            xs,
            [*counts, counts[-1]],
            where="post",
            label=f"{organization.name} ({organization.key})",
            linewidth=1.6,
        )
        line.set_gid(organization.key)
        lines.append(line)
    ax.set_xlim(_num(mdates, first), _after(mdates, last))
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_ylabel("members")
    ax.set_title(f"Members, {first} to {last}")
    if lines:
        _key(ax, lines, created=created, beside=len(lines) > _KEYED_BELOW)
    return ax


_KEYED_BELOW = 3
"""The most lines :func:`membership_count` keys in a row below the plot; more go beside it."""
_LEGEND_GID = "pfp-legend"


def _key(ax: Any, handles: list[Any], *, created: bool, beside: bool) -> Any:
    """Key the picture outside the axes, where it covers no bar, line, label or title.

    On a figure pfp made (constrained layout), a figure legend in the room the layout
    reserves: a row below the axes, or a column beside them when ``beside``. On a caller's
    ``ax``, an axes legend beside it on the right (a constrained layout makes room for it;
    otherwise ``savefig(..., bbox_inches="tight")`` keeps it in the file).
    """
    style: dict[str, Any] = {"handles": handles, "fontsize": 8, "frameon": False}
    if created:
        if beside:
            legend = ax.figure.legend(loc="outside right upper", **style)
        else:
            legend = ax.figure.legend(loc="outside lower center", ncol=len(handles), **style)
    else:
        legend = ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, **style)
    legend.set_gid(_LEGEND_GID)
    return legend


def _named_states(countries: object) -> tuple[str | Country, ...]:
    """``countries`` as a tuple of names or records: one name stays one state."""
    if isinstance(countries, (str, Country)):
        return (countries,)
    if isinstance(countries, (bytes, bytearray)) or not isinstance(countries, Iterable):
        raise InvalidArgumentError(
            f"countries must be a state's name or a list of names, such as ['Malta']; "
            f"got {shown(countries)}"
        )
    return items_of(countries, "countries")  # type: ignore[return-value]  # country() checks


def _an_axes(ax: object) -> None:
    """Refuse an ``ax`` that is not a matplotlib Axes (None: a new figure)."""
    if ax is None:
        return
    try:
        from matplotlib.axes import Axes  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415
    except ImportError:  # pragma: no cover - _matplotlib() has raised already
        return
    if not isinstance(ax, Axes):
        raise InvalidArgumentError(
            f"ax must be a matplotlib Axes (plt.subplots() makes one) or None, not {shown(ax)}"
        )
