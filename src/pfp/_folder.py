"""What reading a data folder gives: its records, its metadata and its problems, as tuples.

The loaders (``pfp._load`` from the files, ``pfp._load_compiled`` from their compiled form) and
the engine share these; they import nothing but the records, so that the compiled path does
not import the loaders' checks.

>>> Metadata("2026.12.01", pendulum.Date(2026, 12, 1)).default_org
'PfP'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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


class ProgrammeRows(tuple[tuple[Fields, ...], tuple[Fields, ...], tuple[Fields, ...]]):
    """The programme's rows, every field checked, as keyword arguments of their records.

    ``pfp.programme.build`` makes the records from them when the programme is first asked for.
    (These tuples are written out, not ``typing.NamedTuple``: making a NamedTuple class costs
    about 0.15 ms, and the first query makes these.)
    """

    __slots__ = ()

    def __new__(
        cls,
        milestones: tuple[Fields, ...] = (),
        figures: tuple[Fields, ...] = (),
        areas: tuple[Fields, ...] = (),
    ) -> ProgrammeRows:
        return tuple.__new__(cls, (milestones, figures, areas))

    @property
    def milestones(self) -> tuple[Fields, ...]:
        return self[0]

    @property
    def figures(self) -> tuple[Fields, ...]:
        return self[1]

    @property
    def areas(self) -> tuple[Fields, ...]:
        return self[2]


class Dataset(
    tuple[
        tuple[Source, ...],
        tuple[Country, ...],
        tuple[Organization, ...],
        tuple[Event, ...],
        tuple[StateDispute, ...],
    ]
):
    """The records the engine is built from, validated together (sources by key)."""

    __slots__ = ()

    def __new__(
        cls,
        sources: tuple[Source, ...],
        countries: tuple[Country, ...],
        organizations: tuple[Organization, ...],
        events: tuple[Event, ...],
        state_disputes: tuple[StateDispute, ...] = (),
    ) -> Dataset:
        return tuple.__new__(cls, (sources, countries, organizations, events, state_disputes))

    @property
    def sources(self) -> tuple[Source, ...]:
        return self[0]

    @property
    def countries(self) -> tuple[Country, ...]:
        return self[1]

    @property
    def organizations(self) -> tuple[Organization, ...]:
        return self[2]

    @property
    def events(self) -> tuple[Event, ...]:
        return self[3]

    @property
    def state_disputes(self) -> tuple[StateDispute, ...]:
        return self[4]


class Metadata(tuple[str, pendulum.Date, str]):
    """``dataset.toml``: the data's version, the day it is complete to, its default org."""

    __slots__ = ()

    def __new__(
        cls, version: str, as_of: pendulum.Date, default_org: str = DEFAULT_ORG
    ) -> Metadata:
        return tuple.__new__(cls, (version, as_of, default_org))

    @property
    def version(self) -> str:
        return self[0]

    @property
    def as_of(self) -> pendulum.Date:
        return self[1]

    @property
    def default_org(self) -> str:
        return self[2]


class Folder(
    tuple[Dataset, Metadata | None, ProgrammeRows, tuple[DataProblem, ...], Replayed | None]
):
    """Everything a data folder holds, and every problem found reading it.

    ``replayed``, only from a compiled form: what the engine made of these records then.
    """

    __slots__ = ()

    def __new__(
        cls,
        dataset: Dataset,
        metadata: Metadata | None,
        programme: ProgrammeRows,
        problems: tuple[DataProblem, ...],
        replayed: Replayed | None = None,
    ) -> Folder:
        return tuple.__new__(cls, (dataset, metadata, programme, problems, replayed))

    @property
    def dataset(self) -> Dataset:
        return self[0]

    @property
    def metadata(self) -> Metadata | None:
        return self[1]

    @property
    def programme(self) -> ProgrammeRows:
        return self[2]

    @property
    def problems(self) -> tuple[DataProblem, ...]:
        return self[3]

    @property
    def replayed(self) -> Replayed | None:
        return self[4]
