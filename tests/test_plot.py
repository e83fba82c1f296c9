"""The pictures, rendered with Agg, checked bar by bar and step by step against the data."""

from __future__ import annotations

import datetime
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import pfp
import pfp.plot

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"


def _as_of(org: str) -> datetime.date:
    """The last day an organisation's history was reviewed to: a picture's default end."""
    day = pfp.organization(org).as_of
    assert day is not None
    return datetime.date.fromisoformat(str(day))


AS_OF = _as_of("PfP")


@pytest.fixture
def mpl() -> Iterator[Any]:
    """Matplotlib on the Agg backend (or skip when the extra is missing); closes the figures."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg", force=True)
    plt = pytest.importorskip("matplotlib.pyplot")
    pytest.importorskip("matplotlib.dates")
    yield matplotlib
    plt.close("all")


def day_of(mpl: Any, number: float) -> datetime.date:
    """The calendar day starting at matplotlib date number ``number``."""
    return mpl.dates.num2date(number).date()  # type: ignore[no-any-return]


def drawn_bars(mpl: Any, ax: Any) -> dict[str, tuple[datetime.date, datetime.date, float]]:
    """Each bar's gid, with the first and last day it covers and its row."""
    bars = {}
    for patch in ax.patches:
        gid = patch.get_gid()
        if gid is None:
            continue
        first = day_of(mpl, patch.get_x())
        after = day_of(mpl, patch.get_x() + patch.get_width())
        bars[gid] = (
            first,
            after - datetime.timedelta(days=1),
            patch.get_y() + patch.get_height() / 2,
        )
    return bars


def expected_bars(iso3: str, org: str, first: datetime.date, last: datetime.date) -> set[str]:
    """The gids of a state's non-member-free periods clipped to ``first..last``."""
    gids = set()
    for period in pfp.timeline(iso3, org=org):
        if period.status is pfp.Status.NON_MEMBER:
            continue
        if period.status is pfp.Status.NOT_A_STATE:
            continue  # left blank, like non-membership
        low = first if period.start is None else max(first, period.start)
        high = last if period.last_day is None else min(last, period.last_day)
        if low <= high:
            gids.add(f"{iso3} {period.status.value} {low} {high}")
    return gids


def test_timeline_draws_every_period_of_every_partner(mpl: Any) -> None:
    """Every bar is a period of the data, at its days and in its state's row; none is missing."""
    ax = pfp.plot.timeline()
    bars = drawn_bars(mpl, ax)
    first, last = pfp.organization("PfP").founded, AS_OF
    labels = [label.get_text() for label in ax.get_yticklabels()]
    rows = {pfp.country(name).iso3: y for y, name in enumerate(labels)}
    partners = {t.country.iso3 for t in pfp.transitions(first, None)}
    assert set(rows) == partners
    expected = set().union(*(expected_bars(iso3, "PfP", first, last) for iso3 in partners))
    assert set(bars) == expected
    for gid, (low, high, y) in bars.items():
        iso3, _, start, end = gid.split()
        assert (str(low), str(high)) == (start, end)
        assert y == rows[iso3]


def test_timeline_colours_bars_by_status(mpl: Any) -> None:
    """Each bar's colour is its status's colour."""
    ax = pfp.plot.timeline(countries=["Malta"])
    for patch in ax.patches:
        status = patch.get_gid().split()[1]
        assert mpl.colors.to_hex(patch.get_facecolor()) == pfp.plot.STATUS_COLORS[status].lower()


def test_timeline_marks_nato_accessions(mpl: Any) -> None:
    """The diamonds sit on the NATO accession days of the states drawn, in their rows."""
    ax = pfp.plot.timeline(countries=["Finland", "Sweden", "Malta"], start="2020-01-01")
    (marks,) = [c for c in ax.collections if c.get_gid() == "nato-accessions"]
    labels = [label.get_text() for label in ax.get_yticklabels()]
    drawn = {(str(day_of(mpl, x)), labels[round(y)]) for x, y in marks.get_offsets()}
    assert drawn == {("2023-04-04", "Finland"), ("2024-03-07", "Sweden")}


def test_timeline_clips_to_the_range_and_keeps_chosen_states(mpl: Any) -> None:
    """Bars are clipped to start..end; a chosen state with nothing to draw keeps its row."""
    ax = pfp.plot.timeline(countries=["Malta", "Cyprus"], start="1996-01-01", end="2000-12-31")
    assert set(drawn_bars(mpl, ax)) == {
        "MLT member 1996-01-01 1996-10-28",
        "MLT withdrawn 1996-10-29 2000-12-31",
    }
    assert [label.get_text() for label in ax.get_yticklabels()] == ["Malta", "Cyprus"]
    low, high = ax.get_xlim()
    assert (day_of(mpl, low), day_of(mpl, high)) == (
        datetime.date(1996, 1, 1),
        datetime.date(2001, 1, 1),
    )


def test_timeline_of_nato(mpl: Any) -> None:
    """For NATO the rows are its members, the founders first."""
    ax = pfp.plot.timeline(org="NATO")
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert len(labels) == len(pfp.members_at(_as_of("NATO"), org="NATO"))
    assert labels[0] == "Belgium"
    assert labels[-1] == "Sweden"


def test_timeline_draws_on_a_given_axes(mpl: Any) -> None:
    """With ``ax`` the chart is drawn there and that Axes is returned."""
    _, ax = mpl.pyplot.subplots()
    assert pfp.plot.timeline(countries=["Malta"], ax=ax) is ax


def test_membership_count_steps_through_every_change(mpl: Any) -> None:
    """Each line steps to the member count at each change day, ending the day after the range."""
    ax = pfp.plot.membership_count()
    lines = {line.get_gid(): line for line in ax.get_lines()}
    assert set(lines) == {"PfP", "NATO"}
    assert lines["PfP"].get_drawstyle() == "steps-post"
    first = pfp.organization("NATO").founded
    for org, line in lines.items():
        xs, ys = line.get_xdata(), line.get_ydata()
        days = [day_of(mpl, x) for x in xs]
        assert days[0] == first
        latest = max(_as_of("PfP"), _as_of("NATO"))  # the latest review of the two drawn
        assert days[-1] == latest + datetime.timedelta(days=1)
        for day, count in zip(days[:-1], ys[:-1], strict=True):
            assert count == len(pfp.members_at(day, org=org))
        changes = {t.date for t in pfp.transitions(first, None, org=org)} - {first}
        assert set(days[1:-1]) == changes
    assert lines["NATO"].get_ydata()[-1] == 32


def test_membership_count_in_a_range(mpl: Any) -> None:
    """``start``, ``end`` and ``orgs`` bound the chart: PfP partners through 1994."""
    ax = pfp.plot.membership_count(orgs=["PfP"], start="1994-01-01", end="1994-12-31")
    (line,) = ax.get_lines()
    assert line.get_ydata()[0] == 0
    assert line.get_ydata()[-1] == len(pfp.members_at("1994-12-31"))


def test_membership_count_keys_many_lines_beside_the_plot(mpl: Any) -> None:
    """Two lines are keyed inside the plot; the eight partnership lines beside it, hiding none."""
    frameworks = ["NACC", "EAPC", "MD", "ICI", "IPAP", "EOP", "PATG", "PfP"]
    for orgs, beside in ((["PfP", "NATO"], False), (frameworks, True)):
        ax = pfp.plot.membership_count(orgs=orgs)
        ax.figure.canvas.draw()
        legend = ax.get_legend().get_window_extent()
        plot = ax.get_window_extent()
        assert bool(legend.x0 >= plot.x1) == beside
        assert len(ax.get_legend().get_texts()) == len(orgs)
        mpl.pyplot.close(ax.figure)


def test_pictures_are_deterministic(mpl: Any) -> None:
    """Drawing the same chart twice gives the same PNG bytes."""

    def png() -> bytes:
        ax = pfp.plot.timeline(countries=["Malta", "Sweden"])
        buffer = io.BytesIO()
        ax.figure.savefig(buffer, format="png", metadata={"Software": None})
        mpl.pyplot.close(ax.figure)
        return buffer.getvalue()

    assert png() == png()


def test_bad_arguments_raise_the_library_errors(mpl: Any) -> None:
    """Unknown organisations or states and reversed ranges raise pfp's errors."""
    with pytest.raises(pfp.UnknownOrganizationError):
        pfp.plot.timeline(org="SEATO")
    with pytest.raises(pfp.UnknownCountryError):
        pfp.plot.timeline(countries=["Narnia"])
    with pytest.raises(pfp.InvalidRangeError):
        pfp.plot.membership_count(start="2000-01-02", end="2000-01-01")


def test_the_committed_pictures_exist() -> None:
    """docs/images holds both PNGs that make_images.py writes."""
    for name in ("timeline.png", "membership_count.png"):
        assert (IMAGES / name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_a_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without matplotlib, each plot raises ImportError naming matplotlib and the plot extra."""
    for name in ("matplotlib", "matplotlib.pyplot", "matplotlib.dates", "matplotlib.patches"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(ImportError, match=r"pip install matplotlib, .*'\.\[plot\]'"):
        pfp.plot.timeline()
    with pytest.raises(ImportError, match=r"pip install matplotlib, .*'\.\[plot\]'"):
        pfp.plot.membership_count()
