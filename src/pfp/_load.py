"""Bundled data files -> validated, immutable records; read once, on first use.

Every fault in every file is collected and reported together in one :class:`DataError`,
each with its file and row. Nothing is read at import time.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import pendulum

from pfp.dates import parse_data_date
from pfp.errors import DataError, DataProblem, InvalidDateError
from pfp.model import Alternative, Country, Event, EventKind, Organization, Rename, Source
from pfp.rules import replay

if TYPE_CHECKING:
    from pfp._load_record import ProgrammeRecord

__all__ = ["Dataset", "Metadata", "dataset", "metadata", "read_dataset", "read_metadata"]

T = TypeVar("T")
Row = Mapping[str, str]

COLUMNS: dict[str, tuple[str, ...]] = {
    "sources.csv": ("key", "title", "publisher", "date", "url", "archived_url", "note"),
    "countries.csv": (
        "iso3",
        "iso2",
        "iso_numeric",
        "name",
        "aliases",
        "former_names",
        "cow_abb",
        "cow_code",
        "gw_code",
        "sources",
    ),
    "renames.csv": ("country", "date", "former_name", "name", "sources", "note"),
    "organizations.csv": ("key", "name", "founded", "graduates_to", "aliases", "sources"),
    "events.csv": ("date", "org", "country", "kind", "sources", "note"),
    "alternatives.csv": ("org", "country", "kind", "date", "alt_date", "sources", "reason"),
    "milestones.csv": ("start", "end", "name", "kind", "place", "sources", "note"),
    "figures.csv": (
        "key",
        "description",
        "value",
        "unit",
        "period_start",
        "period_end",
        "sources",
        "note",
    ),
    "cooperation_areas.csv": ("number", "text", "sources", "note"),
}
"""Each data file and its columns, in order (``_data/README.md`` explains them)."""


class Dataset(NamedTuple):
    """The records the engine is built from, validated together (sources by key)."""

    sources: tuple[Source, ...]
    countries: tuple[Country, ...]
    organizations: tuple[Organization, ...]
    events: tuple[Event, ...]


class Metadata(NamedTuple):
    """``dataset.toml``: the data's version and the last day it is known complete."""

    version: str
    as_of: pendulum.Date


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


class _Reader:
    """Reads the files of one data folder, collecting problems instead of stopping."""

    def __init__(self, open_text: Callable[[str], Iterable[str]]) -> None:
        self._open_text = open_text
        self.problems: list[DataProblem] = []

    def rows(self, name: str) -> Iterator[tuple[str, Row]]:
        import csv  # noqa: PLC0415 - read on first use only, so `import pfp` stays light

        reader = csv.reader(self._open_text(name))
        expected = COLUMNS[name]
        header = tuple(next(reader, ()))
        if header != expected:
            self.problems.append(
                DataProblem(f"{name}:1", f"columns are {list(header)}, expected {expected}")
            )
            return
        for number, cells in enumerate(reader, start=2):
            if not cells:
                continue  # a blank line
            if len(cells) != len(expected):
                self.problems.append(
                    DataProblem(
                        f"{name}:{number}",
                        f"{len(cells)} cells, expected {len(expected)} ({', '.join(expected)})",
                    )
                )
                continue
            yield f"{name}:{number}", dict(zip(expected, map(str.strip, cells), strict=True))

    def build(self, where: str, make: Callable[[], T]) -> T | None:
        try:
            return make()
        except (InvalidDateError, ValueError, KeyError, TypeError) as error:
            self.problems.append(DataProblem(where, _describe(error)))
            return None

    def sources_of(self, where: str, cell: str, known: Mapping[str, Source]) -> tuple[Source, ...]:
        keys = _split(cell)
        if not keys:
            self.problems.append(
                DataProblem(where, "no source: every event cites at least one source")
            )
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


def read_dataset(open_text: Callable[[str], Iterable[str]]) -> Dataset:
    """Read and validate a data folder given a function that opens one of its files by name.

    Raises:
        DataError: listing every problem found, each with its file and row.

    """
    reader = _Reader(open_text)
    sources = _read_sources(reader)
    alternatives = _read_alternatives(reader, sources)
    countries = _read_countries(reader, sources, alternatives)
    organizations = _read_organizations(reader, sources)
    events = _read_events(reader, sources, countries, organizations, alternatives)
    for (org, country, kind, date), (where, _) in alternatives.unused():
        reader.problems.append(
            DataProblem(
                where,
                f"no {kind} of {country or '-'} ({org or '-'}) dated {date} for this alternative",
            )
        )
    _, replay_problems = replay(tuple(events), organizations, check_sources=False)
    problems = list({(p.where, p.message): p for p in reader.problems + replay_problems}.values())
    if problems:
        raise DataError(problems)
    return Dataset(
        sources=tuple(sorted(sources.values(), key=lambda s: s.key)),
        countries=tuple(sorted(countries.values(), key=lambda c: c.name)),
        organizations=tuple(organizations.values()),
        events=tuple(events),
    )


def read_metadata(open_text: Callable[[str], Iterable[str]]) -> Metadata:
    """Read ``dataset.toml``: the data's version and the day it is complete to.

    Raises:
        DataError: when a key is missing or the date is malformed.

    """
    import tomllib  # noqa: PLC0415 - only DATA_VERSION and DATA_AS_OF need it

    try:
        table = tomllib.loads("".join(open_text("dataset.toml")))
        return Metadata(str(table["data_version"]), parse_data_date(str(table["data_as_of"]))[0])
    except (tomllib.TOMLDecodeError, KeyError, InvalidDateError) as error:
        raise DataError([DataProblem("dataset.toml", _describe(error))]) from None


def _readable(text: str) -> bool:
    try:
        parse_data_date(text)
    except InvalidDateError:
        return False
    return True


def _read_cited(
    reader: _Reader,
    name: str,
    sources: Mapping[str, Source],
    make: Callable[[Row, tuple[Source, ...]], T],
) -> list[T]:
    """Every row of a file whose rows cite sources, made into records by ``make``."""
    found: list[T] = []
    for where, row in reader.rows(name):
        cited = reader.sources_of(where, row["sources"], sources)
        record = reader.build(where, partial(make, row, cited))
        if record is not None:
            found.append(record)
    return found


def _read_sources(reader: _Reader) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for where, row in reader.rows("sources.csv"):
        if row["key"] in sources:
            reader.problems.append(DataProblem(where, f"source key {row['key']!r} repeated"))
        source = reader.build(where, partial(_source, row))
        if source is not None:
            sources[source.key] = source
    return sources


def _source(row: Row) -> Source:
    date, precision = parse_data_date(row["date"]) if row["date"] else (None, "day")
    return Source(
        row["key"],
        row["title"],
        row["publisher"],
        date,
        row["url"],
        row["archived_url"],
        row["note"],
        precision=precision,
    )


class _Alternatives:
    """The rows of ``alternatives.csv``, keyed by the fact they dispute, handed out once each."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str, str, str], list[tuple[str, Alternative]]] = {}
        self._taken: set[tuple[str, str, str, str]] = set()

    def add(self, key: tuple[str, str, str, str], where: str, alternative: Alternative) -> None:
        self._by_key.setdefault(key, []).append((where, alternative))

    def take(
        self, org: str, country: str, kind: str, date: pendulum.Date
    ) -> tuple[Alternative, ...]:
        key = (org, country, kind, date.isoformat())
        self._taken.add(key)
        return tuple(alternative for _, alternative in self._by_key.get(key, ()))

    def unused(self) -> list[tuple[tuple[str, str, str, str], tuple[str, Alternative]]]:
        return [(key, rows[0]) for key, rows in self._by_key.items() if key not in self._taken]


def _read_alternatives(reader: _Reader, sources: Mapping[str, Source]) -> _Alternatives:
    found = _Alternatives()
    for where, row in reader.rows("alternatives.csv"):
        alt_sources = reader.sources_of(where, row["sources"], sources)
        alternative = reader.build(where, partial(_alternative, row, alt_sources))
        chosen = reader.build(where, partial(_first_day, row["date"]))
        if alternative is not None and chosen is not None:
            key = (row["org"], row["country"], row["kind"], chosen.isoformat())
            found.add(key, where, alternative)
    return found


def _read_renames(
    reader: _Reader, sources: Mapping[str, Source], alternatives: _Alternatives
) -> dict[str, list[Rename]]:
    renames: dict[str, list[Rename]] = {}
    rows = _read_cited(
        reader,
        "renames.csv",
        sources,
        lambda row, cited: (row["country"], _rename(row, cited, alternatives)),
    )
    for country, rename in rows:
        renames.setdefault(country, []).append(rename)
    return renames


def _rename(row: Row, sources: tuple[Source, ...], alternatives: _Alternatives) -> Rename:
    date, precision = parse_data_date(row["date"])
    return Rename(
        date,
        row["former_name"],
        row["name"],
        sources,
        note=row["note"],
        precision=precision,
        alternatives=alternatives.take("", row["country"], "rename", date),
    )


def _read_countries(
    reader: _Reader, sources: Mapping[str, Source], alternatives: _Alternatives
) -> dict[str, Country]:
    renames = _read_renames(reader, sources, alternatives)
    countries: dict[str, Country] = {}
    for where, row in reader.rows("countries.csv"):
        reader.sources_of(where, row["sources"], sources)
        country = reader.build(
            where,
            partial(_country, row, renames),
        )
        if country is not None:
            if country.iso3 in countries:
                reader.problems.append(DataProblem(where, f"country {country.iso3} repeated"))
            countries[country.iso3] = country
    for iso3 in renames:
        reader.problems.append(
            DataProblem("renames.csv", f"unknown country {iso3!r}; countries.csv lists the codes")
        )
    return countries


def _country(row: Row, renames: dict[str, list[Rename]]) -> Country:
    return Country(
        row["name"],
        row["iso2"],
        row["iso3"],
        _split(row["aliases"]),
        _split(row["former_names"]),
        iso_numeric=row["iso_numeric"],
        cow_code=row["cow_code"],
        cow_abb=row["cow_abb"],
        gw_code=row["gw_code"],
        renames=renames.pop(row["iso3"], ()),
    )


def _read_organizations(reader: _Reader, sources: Mapping[str, Source]) -> dict[str, Organization]:
    found = _read_cited(reader, "organizations.csv", sources, _organization)
    return {org.key: org for org in found}


def _organization(row: Row, cited: tuple[Source, ...]) -> Organization:
    return Organization(
        row["key"],
        row["name"],
        parse_data_date(row["founded"])[0],
        row["graduates_to"],
        cited,
        _split(row["aliases"]),
    )


def _read_events(
    reader: _Reader,
    sources: Mapping[str, Source],
    countries: Mapping[str, Country],
    organizations: Mapping[str, Organization],
    alternatives: _Alternatives,
) -> list[Event]:
    events: list[Event] = []
    previous = ""
    kinds = {kind.value for kind in EventKind}
    for where, row in reader.rows("events.csv"):
        if row["date"] < previous:
            reader.problems.append(
                DataProblem(
                    where,
                    f"dated {row['date']}, before the row above ({previous}); "
                    "events.csv is kept sorted by date",
                )
            )
        if _readable(row["date"]):
            previous = row["date"]  # an unreadable date is reported once, not as out of order
        event_sources = reader.sources_of(where, row["sources"], sources)
        faults = (
            [
                f"unknown country {row['country']!r}; countries.csv lists the ISO alpha-3 codes"
                for _ in [0]
                if row["country"] not in countries
            ]
            + [
                f"unknown organisation {row['org']!r}; known: {', '.join(sorted(organizations))}"
                for _ in [0]
                if row["org"] not in organizations
            ]
            + [
                f"unknown kind {row['kind']!r}; known: {', '.join(sorted(kinds))}"
                for _ in [0]
                if row["kind"] not in kinds
            ]
        )
        if faults:
            reader.problems.extend(DataProblem(where, fault) for fault in faults)
            continue
        event = reader.build(
            where,
            partial(_event, row, countries, event_sources, where, alternatives),
        )
        if event is not None:
            events.append(event)
    return events


def _event(
    row: Row,
    countries: Mapping[str, Country],
    sources: tuple[Source, ...],
    where: str,
    alternatives: _Alternatives,
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
        alternatives=alternatives.take(row["org"], row["country"], row["kind"], date),
    )


def _first_day(text: str) -> pendulum.Date:
    return parse_data_date(text)[0]


def _alternative(row: Row, sources: tuple[Source, ...]) -> Alternative:
    date, precision = parse_data_date(row["alt_date"])
    return Alternative(date, sources, row["reason"], precision)


_DATA_FOLDER = os.path.join(os.path.dirname(__file__), "_data")


def _open_bundled(name: str) -> list[str]:
    """The lines of one bundled file: read straight from the package's folder.

    When pfp is imported from a zip archive there is no folder; the file is then read
    through the import system, which is slower to set up but works anywhere.
    """
    try:
        with open(os.path.join(_DATA_FOLDER, name), encoding="utf-8", newline="") as handle:
            return handle.readlines()
    except FileNotFoundError:
        import importlib.resources  # noqa: PLC0415 - only inside a zip archive
        import io  # noqa: PLC0415

        text = importlib.resources.files("pfp").joinpath("_data", name).read_text("utf-8")
        return io.StringIO(text, newline="").readlines()


_lock = threading.Lock()
_cached: dict[str, object] = {}


def _once(name: str, read: Callable[[], T]) -> T:
    """``read()``'s result, computed on the first call for ``name`` only (thread-safe)."""
    found = _cached.get(name)
    if found is None:
        with _lock:
            found = _cached.get(name)
            if found is None:
                found = _cached[name] = read()
    return found  # type: ignore[return-value]  # each name always holds what its read made


def dataset() -> Dataset:
    """The bundled records the engine needs, read and validated on the first call only."""
    return _once("dataset", lambda: read_dataset(_open_bundled))


def metadata() -> Metadata:
    """The bundled ``dataset.toml``, read on the first call only."""
    return _once("metadata", lambda: read_metadata(_open_bundled))


def programme_record() -> ProgrammeRecord:
    """The programme's milestones, figures and objectives, read and validated on first use."""
    from pfp._load_record import read_record  # noqa: PLC0415 - their classes, on first use

    def read() -> ProgrammeRecord:
        return read_record(_open_bundled, {source.key: source for source in dataset().sources})

    return _once("record", read)
