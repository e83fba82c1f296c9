"""The programme's own record: milestones, figures and the Framework Document's objectives.

>>> import pfp
>>> [m.name for m in pfp.milestones("1994-01-01", "1994-01-31")][0]
'Brussels summit (NAC/NACC Heads of State and Government) launching the Partnership for Peace'
>>> pfp.figure("isaf-troops-2010-08").value
120000
>>> len(pfp.cooperation_areas())
5
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import attrs
import pendulum

from pfp.dates import to_date
from pfp.display import Displayed
from pfp.model import (
    MilestoneKind,
    Precision,
    Source,
    milestone_kind,
    optional_date,
    to_number,
    to_precision,
    to_sources,
    whole_number,
)

__all__ = ["CooperationArea", "Figure", "Milestone", "MilestoneKind", "Programme", "build"]


@attrs.frozen(order=False)
class Milestone(Displayed):
    """A dated step in the programme's history: a summit, an initiative, an institution.

    ``end`` is the last day (inclusive) of a multi-day event, None for a single day.

    >>> import pfp
    >>> prague = next(m for m in pfp.milestones() if m.name == "Prague summit")
    >>> prague
    Milestone(2002-11-21 .. 2002-11-22, 'Prague summit')
    >>> prague.place, [source.key for source in prague.sources]
    ('Prague, Czech Republic', ['nato-prague-readers-guide', 'nato-pr-2002-128', 'seed-6'])
    """

    start: pendulum.Date = attrs.field(converter=to_date)
    end: pendulum.Date | None = attrs.field(converter=optional_date)
    name: str
    kind: MilestoneKind = attrs.field(converter=milestone_kind)
    place: str
    sources: tuple[Source, ...] = attrs.field(converter=to_sources, repr=False)
    note: str = attrs.field(default="", kw_only=True, repr=False)
    precision: Precision = attrs.field(
        default=Precision.DAY, converter=to_precision, kw_only=True, repr=False
    )

    @property
    def last_day(self) -> pendulum.Date:
        """The last day of the milestone (its start for a single day)."""
        return self.end or self.start

    def __repr__(self) -> str:
        start = {
            Precision.DAY: str(self.start),
            Precision.MONTH: f"{self.start:%Y-%m}",
            Precision.YEAR: f"{self.start:%Y}",
        }[self.precision]
        span = f"{start} .. {self.end}" if self.end else start
        return f"Milestone({span}, {self.name!r})"


@attrs.frozen(order=False)
class Figure(Displayed):
    """A number the sources give about the programme, with its unit and period.

    ``period_start`` and ``period_end`` are the first and last days of the period the figure
    covers, as far as the sources say (a year stands for 1 January to 31 December).

    >>> import pfp
    >>> isaf = pfp.figure("isaf-troops-2010-08")
    >>> isaf.value, isaf.unit, str(isaf.period_start), isaf.sources[0].key
    (120000, 'troops', '2010-08-10', 'afps-isaf-2010-08-11')
    >>> austria = pfp.figure("austria-1997-activities")
    >>> str(austria.period_start), str(austria.period_end)
    ('1997-01-01', '1997-12-31')
    """

    key: str
    description: str
    value: int | float = attrs.field(converter=to_number)
    unit: str
    period_start: pendulum.Date | None = attrs.field(converter=optional_date, repr=False)
    period_end: pendulum.Date | None = attrs.field(converter=optional_date, repr=False)
    sources: tuple[Source, ...] = attrs.field(converter=to_sources, repr=False)
    note: str = attrs.field(default="", kw_only=True, repr=False)


@attrs.frozen(order=False)
class CooperationArea(Displayed):
    """One of the objectives the PfP Framework Document (10 January 1994) sets partners.

    >>> import pfp
    >>> pfp.cooperation_areas()[1].text
    'ensuring democratic control of defence forces'
    """

    number: int = attrs.field(converter=whole_number)
    text: str
    sources: tuple[Source, ...] = attrs.field(converter=to_sources, repr=False)
    note: str = attrs.field(default="", kw_only=True, repr=False)


class Programme(NamedTuple):
    """The programme's record: its milestones (in date order), figures and cooperation areas.

    >>> import pfp
    >>> record = pfp.history().programme
    >>> len(record.cooperation_areas), record.milestones[0].start <= record.milestones[-1].start
    (5, True)
    """

    milestones: tuple[Milestone, ...] = ()
    figures: tuple[Figure, ...] = ()
    cooperation_areas: tuple[CooperationArea, ...] = ()


def build(
    milestones: Sequence[Mapping[str, Any]],
    figures: Sequence[Mapping[str, Any]],
    areas: Sequence[Mapping[str, Any]],
) -> Programme:
    """The programme's records from the loader's checked fields (keyword arguments each).

    The loader checks every row with the same converters these records use, so building
    them later (on first use, sparing the first query the classes' creation) cannot fail.
    """
    return Programme(
        tuple(sorted((Milestone(**row) for row in milestones), key=lambda m: m.start)),
        tuple(Figure(**row) for row in figures),
        tuple(CooperationArea(**row) for row in areas),
    )
