"""The programme's record files -> validated milestones, figures and objectives.

Read apart from the files the engine needs, so that the first query does not pay for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

import pendulum

from pfp._load import Row, _read_cited, _Reader
from pfp.dates import parse_data_date
from pfp.errors import DataError
from pfp.model import Source
from pfp.record import CooperationArea, Figure, Milestone

__all__ = ["ProgrammeRecord", "read_record"]


class ProgrammeRecord(NamedTuple):
    """Everything ``milestones.csv``, ``figures.csv`` and ``cooperation_areas.csv`` hold.

    Milestones are in date order (then in file order), figures and areas in file order.
    """

    milestones: tuple[Milestone, ...]
    figures: tuple[Figure, ...]
    cooperation_areas: tuple[CooperationArea, ...]


def _start(milestone: Milestone) -> pendulum.Date:
    return milestone.start


def read_record(
    open_text: Callable[[str], Iterable[str]], sources: Mapping[str, Source]
) -> ProgrammeRecord:
    """Read and validate the programme's record, citing ``sources`` by key.

    Raises:
        DataError: listing every problem found, each with its file and row.

    """
    reader = _Reader(open_text)
    found = ProgrammeRecord(
        tuple(sorted(_read_cited(reader, "milestones.csv", sources, _milestone), key=_start)),
        tuple(_read_cited(reader, "figures.csv", sources, _figure)),
        tuple(_read_cited(reader, "cooperation_areas.csv", sources, _cooperation_area)),
    )
    if reader.problems:
        raise DataError(reader.problems)
    return found


def _date_or_none(cell: str) -> pendulum.Date | None:
    return parse_data_date(cell)[0] if cell else None


def _last_day_or_none(cell: str) -> pendulum.Date | None:
    """The last day of the period a data date names: '2005' -> 2005-12-31."""
    if not cell:
        return None
    day, precision = parse_data_date(cell)
    return {"day": day, "month": day.end_of("month"), "year": day.end_of("year")}[precision]


def _milestone(row: Row, cited: tuple[Source, ...]) -> Milestone:
    start, precision = parse_data_date(row["start"])
    return Milestone(
        start,
        _last_day_or_none(row["end"]),
        row["name"],
        row["kind"],
        row["place"],
        cited,
        note=row["note"],
        precision=precision,
    )


def _figure(row: Row, cited: tuple[Source, ...]) -> Figure:
    return Figure(
        row["key"],
        row["description"],
        row["value"],
        row["unit"],
        _date_or_none(row["period_start"]),
        _last_day_or_none(row["period_end"]),
        cited,
        note=row["note"],
    )


def _cooperation_area(row: Row, cited: tuple[Source, ...]) -> CooperationArea:
    return CooperationArea(row["number"], row["text"].rstrip(";. "), cited, note=row["note"])
