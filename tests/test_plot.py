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
    """For NATO the rows are the states whose standing changed: members and an applicant."""
    ax = pfp.plot.timeline(org="NATO")
    labels = [label.get_text() for label in ax.get_yticklabels()]
    members = {c.name for c in pfp.members_at(_as_of("NATO"), org="NATO")}
    assert set(labels) == members | {"Ukraine"}  # applicant since 30 September 2022
    assert len(labels) == len(set(labels)) == 33
    assert labels[0] == "Belgium"
    assert labels[-2:] == ["Sweden", "Ukraine"]  # the latest starters: 18 May, 30 September 2022


def test_timeline_draws_on_a_given_axes(mpl: Any) -> None:
    """With ``ax`` the chart is drawn there and that Axes is returned."""
    _, ax = mpl.pyplot.subplots()
    assert pfp.plot.timeline(countries=["Malta"], ax=ax) is ax


def test_membership_count_steps_through_every_change(mpl: Any) -> None:
    """Each line steps to the member count at each change day, from its organisation's founding."""
    ax = pfp.plot.membership_count()
    lines = {line.get_gid(): line for line in ax.get_lines()}
    assert set(lines) == {"PfP", "NATO"}
    assert lines["PfP"].get_drawstyle() == "steps-post"
    latest = max(_as_of("PfP"), _as_of("NATO"))  # the latest review of the two drawn
    for org, line in lines.items():
        first = pfp.organization(org).founded
        xs, ys = line.get_xdata(), line.get_ydata()
        days = [day_of(mpl, x) for x in xs]
        assert days[0] == first
        assert days[-1] == latest + datetime.timedelta(days=1)
        for day, count in zip(days[:-1], ys[:-1], strict=True):
            assert count == len(pfp.members_at(day, org=org))
        changes = {t.date for t in pfp.transitions(first, None, org=org)} - {first}
        assert set(days[1:-1]) == changes
    assert lines["NATO"].get_ydata()[-1] == 32


def test_membership_count_draws_each_organisation_only_while_it_exists(mpl: Any) -> None:
    """The PfP begins in 1994, not at 0 from 1949; the NACC stops on its last day, 1997-05-29."""
    ax = pfp.plot.membership_count(orgs=["NATO", "PfP", "NACC", "EAPC"])
    spans = {
        line.get_gid(): (day_of(mpl, line.get_xdata()[0]), day_of(mpl, line.get_xdata()[-1]))
        for line in ax.get_lines()
    }
    day = datetime.date.fromisoformat
    assert spans["NATO"][0] == day("1949-08-24")
    assert spans["PfP"][0] == day("1994-01-10")
    assert spans["NACC"] == (day("1991-12-20"), day("1997-05-30"))  # the day after its last
    assert spans["EAPC"][0] == day("1997-05-30")
    for line in ax.get_lines():  # no stretch at 0 before or after its life (the PfP had
        assert min(line.get_ydata()[1:]) > 0  # no partner on its first day, 1994-01-10)


def test_membership_count_in_a_range(mpl: Any) -> None:
    """``start``, ``end`` and ``orgs`` bound the chart: PfP partners through 1994."""
    ax = pfp.plot.membership_count(orgs=["PfP"], start="1994-01-01", end="1994-12-31")
    (line,) = ax.get_lines()
    assert day_of(mpl, line.get_xdata()[0]) == datetime.date(1994, 1, 10)  # its founding
    assert line.get_ydata()[0] == len(pfp.members_at("1994-01-10"))
    assert line.get_ydata()[-1] == len(pfp.members_at("1994-12-31"))
    low, _ = ax.get_xlim()
    assert day_of(mpl, low) == datetime.date(1994, 1, 1)


def legend_of(ax: Any) -> Any:
    """The one legend of a picture: the figure's (on a figure pfp made) or the axes'."""
    legends = [*ax.figure.legends, *([ax.get_legend()] if ax.get_legend() else [])]
    (legend,) = legends
    assert legend.get_gid() == "pfp-legend"
    return legend


def labels_of(ax: Any, renderer: Any) -> dict[str, Any]:
    """The extents of what a legend must not cover: the axes, tick labels, axis label, title."""
    found = {"axes": ax.get_window_extent(renderer), "title": ax.title.get_window_extent(renderer)}
    for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        if label.get_visible() and label.get_text():
            found[f"tick label {label.get_text()!r}"] = label.get_window_extent(renderer)
    if ax.yaxis.label.get_text():
        found["axis label"] = ax.yaxis.label.get_window_extent(renderer)
    return found


def inside(inner: Any, outer: Any) -> bool:
    """Whether the box ``inner`` lies within ``outer`` (both in display pixels)."""
    return bool(
        outer.x0 <= inner.x0 <= inner.x1 <= outer.x1
        and outer.y0 <= inner.y0 <= inner.y1 <= outer.y1
    )


def assert_key_covers_nothing(ax: Any, what: str) -> None:
    """Drawn, the legend overlaps neither the axes nor any label, and lies inside the figure."""
    figure = ax.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    legend = legend_of(ax).get_window_extent(renderer)
    covered = [name for name, box in labels_of(ax, renderer).items() if legend.overlaps(box)]
    assert covered == [], f"{what}: the legend covers {covered}"
    assert inside(legend, figure.bbox), f"{what}: the legend leaves the figure"


@pytest.mark.parametrize(
    "countries",
    [["Malta"], ["Malta", "Sweden", "Finland", "Austria"], None],
    ids=["one state", "four states", "all states"],
)
def test_the_timeline_key_covers_nothing(mpl: Any, countries: list[str] | None) -> None:
    """On one, four or all states, the key sits clear of the bars, year labels, names and title."""
    assert_key_covers_nothing(pfp.plot.timeline(countries=countries), f"{countries}")


def test_the_key_covers_nothing_for_every_organisation(mpl: Any) -> None:
    """For each organisation, the keys cover no axes or label; every diamond is in the figure."""
    for organization in pfp.organizations():
        timeline = pfp.plot.timeline(org=organization.key)
        assert_key_covers_nothing(timeline, f"the timeline of {organization.key}")
        if any(c.get_gid() == "nato-accessions" for c in timeline.collections):
            boxes = marker_boxes(mpl, timeline)
            assert all(inside(box, timeline.figure.bbox) for box in boxes), organization.key
        count = pfp.plot.membership_count(orgs=[organization.key])
        assert_key_covers_nothing(count, f"the count of {organization.key}")
        mpl.pyplot.close("all")
    everything = [organization.key for organization in pfp.organizations()]
    assert_key_covers_nothing(pfp.plot.membership_count(orgs=everything), "every count")


def test_membership_count_keys_many_lines_beside_the_plot(mpl: Any) -> None:
    """Two lines are keyed in a row below the plot; the eight partnership lines beside it."""
    frameworks = ["NACC", "EAPC", "MD", "ICI", "IPAP", "EOP", "PATG", "PfP"]
    for orgs, beside in ((["PfP", "NATO"], False), (frameworks, True)):
        ax = pfp.plot.membership_count(orgs=orgs, start="1991-01-01")
        ax.figure.canvas.draw()
        legend = legend_of(ax).get_window_extent()
        plot = ax.get_window_extent()
        assert bool(legend.x0 >= plot.x1) == beside
        assert bool(legend.y1 <= plot.y0) == (not beside)
        assert len(legend_of(ax).get_texts()) == len(orgs)
        mpl.pyplot.close(ax.figure)


def png_size(data: bytes) -> tuple[int, int]:
    """The width and height in pixels written in a PNG's header."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_a_saved_picture_holds_its_key(mpl: Any) -> None:
    """A saved PNG holds the whole figure, key included, plain or with bbox_inches="tight"."""
    ax = pfp.plot.timeline(countries=["Malta"])
    figure = ax.figure
    for options in ({}, {"bbox_inches": "tight"}):
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=100, **options)
        renderer = figure.canvas.get_renderer()  # the layout savefig drew
        legend = legend_of(ax).get_window_extent(renderer)
        width, height = png_size(buffer.getvalue())
        if not options:
            assert (width, height) == (1000, 250)  # the figure's 10 x 2.5 inches
        assert inside(legend, figure.bbox)
        union = mpl.transforms.Bbox.union([legend, ax.get_tightbbox(renderer)])
        assert width >= union.width and height >= union.height


def test_the_key_beside_a_given_axes_is_kept_by_a_tight_savefig(mpl: Any) -> None:
    """On a caller's axes the key is beside them, clear of the labels; a tight save keeps it."""
    figure, ax = mpl.pyplot.subplots(figsize=(6, 3))
    pfp.plot.timeline(countries=["Malta", "Sweden"], ax=ax)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    legend = legend_of(ax).get_window_extent(renderer)
    assert [name for name, box in labels_of(ax, renderer).items() if legend.overlaps(box)] == []
    assert legend.x0 >= ax.get_window_extent(renderer).x1
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    width, _ = png_size(buffer.getvalue())
    tight = figure.get_tightbbox(renderer)  # in inches: the box a tight save writes
    assert tight.x1 * 100 >= legend.x1 - 1  # the key's right edge is in the file
    assert width >= legend.x1 - ax.get_window_extent(renderer).x0


def test_keys_list_only_what_is_drawn(mpl: Any) -> None:
    """The key names exactly the statuses of the bars drawn, and the diamonds only if any."""
    for countries, start in ((["Malta"], None), (["Sweden"], "2020-01-01"), (["Russia"], None)):
        ax = pfp.plot.timeline(countries=countries, start=start)
        drawn = {gid.split()[1].replace("_", " ") for gid in drawn_bars(mpl, ax)}
        if any(c.get_gid() == "nato-accessions" for c in ax.collections):
            drawn.add("NATO accession")
        keyed = {text.get_text() for text in legend_of(ax).get_texts()}
        assert keyed == drawn
        mpl.pyplot.close(ax.figure)
    assert "NATO accession" not in keyed  # Russia
    ax = pfp.plot.membership_count(orgs=["NACC", "EOP", "PfP"], start="2000-01-01")
    in_order = [text.get_text() for text in legend_of(ax).get_texts()]
    assert [line.get_gid() for line in ax.get_lines()] == ["EOP", "PfP"]  # NACC had ended
    assert in_order == ["Enhanced Opportunities Partners (EOP)", "Partnership for Peace (PfP)"]


def marker_boxes(mpl: Any, ax: Any) -> list[Any]:
    """The extent in display pixels of each accession diamond, as drawn."""
    ax.figure.canvas.draw()
    (marks,) = [c for c in ax.collections if c.get_gid() == "nato-accessions"]
    (path,) = marks.get_paths()
    (scale,) = marks.get_transforms()  # points to pixels, set when drawn
    outline = path.vertices @ scale[:2, :2].T
    boxes = []
    for centre in ax.transData.transform(marks.get_offsets()):
        corners = outline + centre
        boxes.append(mpl.transforms.Bbox([corners.min(axis=0), corners.max(axis=0)]))
    assert not marks.get_clip_on()
    return boxes


def test_markers_at_the_edges_are_whole(mpl: Any) -> None:
    """A diamond on the last (or only) day drawn is not clipped and lies inside the figure."""
    for start, end in ((None, "2024-03-07"), ("2024-03-07", "2024-03-07"), (None, None)):
        ax = pfp.plot.timeline(countries=["Sweden", "Finland"], start=start, end=end)
        plot = ax.get_window_extent()
        boxes = marker_boxes(mpl, ax)
        assert boxes
        for box in boxes:
            assert inside(box, ax.figure.bbox)
        if end == "2024-03-07" and start is None:  # Sweden's diamond reaches past the axes
            assert max(box.x1 for box in boxes) > plot.x1
        mpl.pyplot.close(ax.figure)
    ax = pfp.plot.timeline()
    assert all(inside(box, ax.figure.bbox) for box in marker_boxes(mpl, ax))


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
