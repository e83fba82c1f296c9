"""The programme's files -> validated milestones, figures and cooperation areas.

Part of reading a data folder (see ``pfp._load.read_folder``): every problem is collected.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pendulum

from pfp._csv import Reader, Row
from pfp._folder import ProgrammeRows
from pfp._schema import COLUMNS, KEYS
from pfp.dates import parse_data_date
from pfp.errors import DataProblem, InvalidRecordError
from pfp.model import Source, milestone_kind, to_number, whole_number

__all__ = ["ProgrammeRows", "read_programme"]

Fields = dict[str, Any]


def read_programme(reader: Reader, sources: Mapping[str, Source]) -> ProgrammeRows:
    """Read and check the programme's files, citing ``sources`` by key."""
    milestones = reader.cited("milestones.csv", COLUMNS, KEYS, sources, _milestone)
    figures = reader.cited("figures.csv", COLUMNS, KEYS, sources, _figure)
    areas = reader.cited("cooperation_areas.csv", COLUMNS, KEYS, sources, _cooperation_area)
    for where, figure in figures:
        start, end = figure["period_start"], figure["period_end"]
        if start is not None and end is not None and end < start:
            reader.problems.append(
                DataProblem(where, f"period_end {end} is before period_start {start}")
            )
    return ProgrammeRows(
        tuple(m for _, m in milestones), tuple(f for _, f in figures), tuple(a for _, a in areas)
    )


def _date_or_none(cell: str) -> pendulum.Date | None:
    return parse_data_date(cell)[0] if cell else None


def _last_day_or_none(cell: str) -> pendulum.Date | None:
    """The last day of the period a data date names: '2005' -> 2005-12-31."""
    if not cell:
        return None
    day, precision = parse_data_date(cell)
    return {"day": day, "month": day.end_of("month"), "year": day.end_of("year")}[precision]


def _milestone(row: Row, cited: tuple[Source, ...]) -> Fields:
    start, precision = parse_data_date(row["start"])
    end = _last_day_or_none(row["end"])
    if end is not None and end < start:
        raise InvalidRecordError(f"end {end} is before start {start}; end is the last day")
    return {
        "start": start,
        "end": end,
        "name": row["name"],
        "kind": milestone_kind(row["kind"]),
        "place": row["place"],
        "sources": cited,
        "note": row["note"],
        "precision": precision,
    }


def _figure(row: Row, cited: tuple[Source, ...]) -> Fields:
    return {
        "key": row["key"],
        "description": row["description"],
        "value": to_number(row["value"]),
        "unit": row["unit"],
        "period_start": _date_or_none(row["period_start"]),
        "period_end": _last_day_or_none(row["period_end"]),
        "sources": cited,
        "note": row["note"],
    }


def _cooperation_area(row: Row, cited: tuple[Source, ...]) -> Fields:
    return {
        "number": whole_number(row["number"]),
        "text": row["text"].rstrip(";. "),
        "sources": cited,
        "note": row["note"],
    }
