"""What reading a data folder gives: its records, its metadata and its problems, as tuples.

The loaders (``pfp._load`` from the files, ``pfp._load_compiled`` from their compiled form) and
the engine share these; they import nothing but the records, so that the compiled path does
not import the loaders' checks.

>>> Metadata("2026.12.01", pendulum.Date(2026, 12, 1)).default_org
'PfP'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import pendulum

from pfp.errors import DataProblem
from pfp.model import (
    DEFAULT_ORG,
    Code,
    Country,
    Event,
    Organization,
    Source,
    StateDispute,
    Transition,
)

__all__ = ["Dataset", "Fields", "Folder", "Metadata", "ProgrammeRows", "Replayed"]

Fields = dict[str, Any]
Replayed = tuple[
    Mapping[str, Sequence[tuple[int, Transition]]],
    Mapping[str, tuple[tuple[int, int | None, Code | None, Code | None], ...]],
]
"""The engine's replay of a folder's events (each organisation's changes, as day ordinals and
transitions) and its states' lives (see ``pfp.engine.life_of``), made when its compiled form
was (see ``pfp._load_compiled``)."""


class ProgrammeRows(NamedTuple):
    """The programme's rows, every field checked, as keyword arguments of their records.

    ``pfp.programme.build`` makes the records from them when the programme is first asked for.
    """

    milestones: tuple[Fields, ...] = ()
    figures: tuple[Fields, ...] = ()
    areas: tuple[Fields, ...] = ()


class Dataset(NamedTuple):
    """The records the engine is built from, validated together (sources by key)."""

    sources: tuple[Source, ...]
    countries: tuple[Country, ...]
    organizations: tuple[Organization, ...]
    events: tuple[Event, ...]
    state_disputes: tuple[StateDispute, ...] = ()


class Metadata(NamedTuple):
    """``dataset.toml``: the data's version, the day it is complete to, its default org."""

    version: str
    as_of: pendulum.Date
    default_org: str = DEFAULT_ORG


class Folder(NamedTuple):
    """Everything a data folder holds, and every problem found reading it."""

    dataset: Dataset
    metadata: Metadata | None
    programme: ProgrammeRows
    problems: tuple[DataProblem, ...]
    replayed: Replayed | None = None
    """Only from a compiled form: what the engine made of these records then."""
