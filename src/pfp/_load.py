"""Bundled data files -> validated, immutable records; read once, on first use.

Every fault in every file is collected and reported together in one :class:`DataError`,
each with its file and row. Nothing is read at import time.
"""

from __future__ import annotations

import csv
import importlib.resources
import threading
import tomllib
from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

import attrs
import pendulum

from pfp.dates import parse_data_date
from pfp.errors import DataError, DataProblem, InvalidDateError
from pfp.model import Alternative, Country, Event, EventKind, Organization, Source
from pfp.rules import replay

__all__ = ["Dataset", "dataset", "read_dataset"]

T = TypeVar("T")
Row = Mapping[str, str]

COLUMNS: dict[str, tuple[str, ...]] = {
    "sources.csv": ("key", "title", "publisher", "date", "url", "archived_url", "note"),
    "countries.csv": ("iso3", "iso2", "name", "aliases", "former_names", "sources"),
    "organizations.csv": ("key", "name", "founded", "graduates_to", "aliases", "sources"),
    "events.csv": ("date", "org", "country", "kind", "sources", "note"),
    "alternatives.csv": ("org", "country", "kind", "date", "alt_date", "sources", "reason"),
}
"""Each data file and its columns, in order (``_data/README.md`` explains them)."""


@attrs.frozen
class Dataset:
    """Every record of the bundled data, validated."""

    version: str
    as_of: pendulum.Date
    sources: tuple[Source, ...]
    countries: tuple[Country, ...]
    organizations: tuple[Organization, ...]
    events: tuple[Event, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


class _Reader:
    """Reads the files of one data folder, collecting problems instead of stopping."""

    def __init__(self, open_text: Callable[[str], Iterator[str]]) -> None:
        self._open_text = open_text
        self.problems: list[DataProblem] = []

    def rows(self, name: str) -> Iterator[tuple[str, Row]]:
        reader = csv.DictReader(self._open_text(name))
        expected = COLUMNS[name]
        if tuple(reader.fieldnames or ()) != expected:
            self.problems.append(
                DataProblem(f"{name}:1", f"columns are {reader.fieldnames}, expected {expected}")
            )
            return
        for number, row in enumerate(reader, start=2):
            yield f"{name}:{number}", {k: (v or "").strip() for k, v in row.items()}

    def build(self, where: str, make: Callable[[], T]) -> T | None:
        try:
            return make()
        except (InvalidDateError, ValueError, KeyError, TypeError) as error:
            self.problems.append(DataProblem(where, _describe(error)))
            return None

    def sources_of(self, where: str, cell: str, known: Mapping[str, Source]) -> tuple[Source, ...]:
        keys = _split(cell)
        if not keys:
            self.problems.append(DataProblem(where, "no source: every event cites at least one source"))
        missing = [key for key in keys if key not in known]
        if missing:
            self.problems.append(
                DataProblem(where, f"unknown source key(s) {', '.join(missing)}; see sources.csv")
            )
        return tuple(known[key] for key in keys if key in known)


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"unknown value {error.args[0]!r}"
    return str(error)


def read_dataset(open_text: Callable[[str], Iterator[str]]) -> Dataset:
    """Read and validate a data folder given a function that opens one of its files by name.

    Raises:
        DataError: listing every problem found, each with its file and row.

    """
    reader = _Reader(open_text)
    sources: dict[str, Source] = {}
    for where, row in reader.rows("sources.csv"):
        if row["key"] in sources:
            reader.problems.append(DataProblem(where, f"source key {row['key']!r} repeated"))
        source = reader.build(
            where,
            lambda row=row: Source(  # type: ignore[misc]
                row["key"],
                row["title"],
                row["publisher"],
                parse_data_date(row["date"])[0] if row["date"] else None,
                row["url"],
                row["archived_url"],
                row["note"],
            ),
        )
        if source is not None:
            sources[source.key] = source

    countries: dict[str, Country] = {}
    for where, row in reader.rows("countries.csv"):
        reader.sources_of(where, row["sources"], sources)
        country = reader.build(
            where,
            lambda row=row: Country(  # type: ignore[misc]
                row["name"],
                row["iso2"],
                row["iso3"],
                _split(row["aliases"]),
                _split(row["former_names"]),
            ),
        )
        if country is not None:
            if country.iso3 in countries:
                reader.problems.append(DataProblem(where, f"country {country.iso3} repeated"))
            countries[country.iso3] = country

    organizations: dict[str, Organization] = {}
    for where, row in reader.rows("organizations.csv"):
        org_sources = reader.sources_of(where, row["sources"], sources)
        org = reader.build(
            where,
            lambda row=row, org_sources=org_sources: Organization(  # type: ignore[misc]
                row["key"],
                row["name"],
                parse_data_date(row["founded"])[0],
                row["graduates_to"],
                org_sources,
                _split(row["aliases"]),
            ),
        )
        if org is not None:
            organizations[org.key] = org

    events: list[Event] = []
    previous = ""
    for where, row in reader.rows("events.csv"):
        if row["date"] < previous:
            reader.problems.append(
                DataProblem(
                    where,
                    f"dated {row['date']}, before the row above ({previous}); "
                    "events.csv is kept sorted by date",
                )
            )
        previous = row["date"]
        event_sources = reader.sources_of(where, row["sources"], sources)
        if row["country"] not in countries:
            reader.problems.append(
                DataProblem(
                    where,
                    f"unknown country {row['country']!r}; "
                    "countries.csv lists the ISO alpha-3 codes",
                )
            )
            continue
        if row["org"] not in organizations:
            reader.problems.append(
                DataProblem(
                    where,
                    f"unknown organisation {row['org']!r}; "
                    f"known: {', '.join(sorted(organizations))}",
                )
            )
            continue
        if row["kind"] not in EventKind.__members__.values():
            kinds = ", ".join(kind.value for kind in EventKind)
            reader.problems.append(
                DataProblem(where, f"unknown kind {row['kind']!r}; known: {kinds}")
            )
            continue
        event = reader.build(
            where,
            lambda row=row, event_sources=event_sources, where=where: _event(  # type: ignore[misc]
                row, countries, event_sources, where
            ),
        )
        if event is not None:
            events.append(event)

    events = _attach_alternatives(reader, events, sources)
    metadata = tomllib.loads("".join(open_text("dataset.toml")))
    orgs = dict(organizations)
    _, replay_problems = replay(tuple(events), orgs)
    problems = list({(p.where, p.message): p for p in reader.problems + replay_problems}.values())
    if problems:
        raise DataError(problems)
    return Dataset(
        version=str(metadata["data_version"]),
        as_of=parse_data_date(str(metadata["data_as_of"]))[0],
        sources=tuple(sources.values()),
        countries=tuple(sorted(countries.values(), key=lambda c: c.name)),
        organizations=tuple(organizations.values()),
        events=tuple(events),
    )


def _event(
    row: Row, countries: Mapping[str, Country], sources: tuple[Source, ...], where: str
) -> Event:
    date, precision = parse_data_date(row["date"])
    return Event(
        date,
        countries[row["country"]],
        row["kind"],
        sources,
        org=row["org"],
        precision=precision,
        note=row["note"],
        origin=where,
    )


def _attach_alternatives(
    reader: _Reader, events: list[Event], sources: Mapping[str, Source]
) -> list[Event]:
    """Give each event the other readings of its date that ``alternatives.csv`` records."""
    found: dict[int, list[Alternative]] = {}
    by_key = {
        (e.org, e.country.iso3, e.kind.value, e.date.isoformat()): i for i, e in enumerate(events)
    }
    for where, row in reader.rows("alternatives.csv"):
        alt_sources = reader.sources_of(where, row["sources"], sources)
        chosen = parse_data_date(row["date"])[0].isoformat() if row["date"] else ""
        target = by_key.get((row["org"], row["country"], row["kind"], chosen))
        if target is None:
            reader.problems.append(
                DataProblem(
                    where,
                    f"no event {row['org']} {row['country']} {row['kind']} on "
                    f"{row['date']} in events.csv for this alternative",
                )
            )
            continue
        alternative = reader.build(
            where,
            lambda row=row, alt_sources=alt_sources: _alternative(  # type: ignore[misc]
                row, alt_sources
            ),
        )
        if alternative is not None:
            found.setdefault(target, []).append(alternative)
    return [
        attrs.evolve(event, alternatives=tuple(found[i])) if i in found else event
        for i, event in enumerate(events)
    ]


def _alternative(row: Row, sources: tuple[Source, ...]) -> Alternative:
    date, precision = parse_data_date(row["alt_date"])
    return Alternative(date, sources, row["reason"], precision)


def _open_bundled(name: str) -> Iterator[str]:
    resource = importlib.resources.files("pfp").joinpath("_data", name)
    with resource.open("r", encoding="utf-8") as handle:
        yield from handle


_lock = threading.Lock()
_cached: list[Dataset] = []


def dataset() -> Dataset:
    """The bundled dataset, read and validated on the first call only (thread-safe)."""
    if not _cached:
        with _lock:
            if not _cached:
                _cached.append(read_dataset(_open_bundled))
    return _cached[0]
