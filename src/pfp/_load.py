"""A data folder's files -> validated, immutable records, every problem collected.

:func:`read_folder` reads every file of a folder laid out like ``pfp/_data`` (the programme's
files and ``dataset.toml`` included) in one pass and returns the records with the list of
problems found; the engine (``pfp.History.from_folder``) adds the problems of replaying the
events and raises them all in one :class:`~pfp.DataError`. Nothing is read at import time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

import attrs
import pendulum

from pfp._csv import Opener, Reader, Row, split
from pfp._folder import Dataset, Folder, Metadata
from pfp._load_programme import read_programme
from pfp._schema import COLUMNS, KEYS
from pfp.dates import parse_data_date
from pfp.errors import DataProblem, InvalidDateError, InvalidRecordError
from pfp.model import (
    SYSTEMS,
    Alternative,
    Code,
    CodeScheme,
    Country,
    Event,
    EventKind,
    Evidence,
    Organization,
    Rename,
    Source,
    StateDispute,
)

__all__ = ["Dataset", "Folder", "Metadata", "read_folder"]

T = TypeVar("T")
_GRADES = tuple(grade.value for grade in Evidence)
"""The evidence grades an event row may give: primary, secondary, seed."""


def read_folder(open_bytes: Opener) -> Folder:
    """Read and validate every file of a data folder, given a function that reads one by name.

    Nothing is raised for faults in the files: each is a problem in ``Folder.problems``, with
    its file and line, and the records that could be read are returned beside them.

    >>> from importlib.resources import files
    >>> data = files("pfp") / "_data"
    >>> folder = read_folder(lambda name: data.joinpath(name).read_bytes())
    >>> len(folder.dataset.events) > 170, folder.problems, folder.metadata.default_org
    (True, (), 'PfP')
    """
    reader = Reader(open_bytes)
    sources = _read_sources(reader)
    alternatives = _read_alternatives(reader, sources)
    countries = _read_countries(reader, sources, alternatives)
    organizations = _read_organizations(reader, sources)
    events = _read_events(reader, sources, countries, organizations, alternatives)
    state_disputes = _read_state_disputes(reader, sources, countries)
    for (org, country, kind, date), (where, _) in alternatives.unused():
        reader.problems.append(
            DataProblem(
                where,
                f"no {kind} of {country or '-'} ({org or '-'}) dated {date} for this alternative",
            )
        )
    programme = read_programme(reader, sources)
    metadata = _read_metadata(reader, organizations)
    if metadata is not None:
        _check_complete(reader, metadata, events, organizations)
    problems = tuple(dict.fromkeys(reader.problems))  # one report of each problem
    dataset = Dataset(
        sources=tuple(sorted(sources.values(), key=lambda s: s.key)),
        countries=tuple(sorted(countries.values(), key=lambda c: c.name)),
        organizations=tuple(organizations.values()),
        events=tuple(event for _, event in events),
        state_disputes=tuple(state_disputes),
    )
    return Folder(dataset, metadata, programme, problems)


_SETTING = r'([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"([^"\\]*)"\s*(?:#.*)?'
"""One line of ``dataset.toml``: ``key = "value"`` (flat TOML: no tables, arrays or escapes)."""


def _settings(reader: Reader) -> dict[str, str] | None:
    """The ``key = "value"`` lines of ``dataset.toml`` (comments and blank lines skipped).

    The file is flat TOML that any TOML reader reads alike; pfp reads it with one regular
    expression, because importing ``tomllib`` would cost the first query 1.5 ms.
    """
    import re  # noqa: PLC0415 - compiled on first use

    text = reader.text("dataset.toml")
    if text is None:
        return None
    setting = re.compile(_SETTING)
    found: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        bare = line.strip()
        if not bare or bare.startswith("#"):
            continue
        match = setting.fullmatch(bare)
        if match is None:
            reader.problems.append(
                DataProblem(
                    f"dataset.toml:{number}",
                    'expected key = "value" (a quoted string without escapes), or a # comment',
                )
            )
            continue
        key, value = match.groups()
        if key in found:
            reader.problems.append(DataProblem(f"dataset.toml:{number}", f"{key} is set twice"))
        found[key] = value
    return found


def _read_metadata(reader: Reader, organizations: Mapping[str, Organization]) -> Metadata | None:
    """``dataset.toml``: the data's version, the day it is complete to, its default org."""
    table = _settings(reader)
    if table is None:
        return None
    found: list[str] = []
    for key in ("data_version", "data_as_of", "default_org"):
        value = table.get(key, "").strip()
        if not value:
            reader.problems.append(
                DataProblem("dataset.toml", f"{key} is missing; it is a quoted string")
            )
        found.append(value)
    version, as_of, default_org = found
    if not all(found):
        return None
    try:
        day = parse_data_date(as_of)[0]
    except InvalidDateError as error:
        reader.problems.append(DataProblem("dataset.toml", f"data_as_of: {error}"))
        return None
    if default_org not in organizations:
        if "organizations.csv" not in reader.unreadable:
            reader.problems.append(
                DataProblem(
                    "dataset.toml",
                    f"default_org {default_org!r} is not in organizations.csv "
                    f"(known: {', '.join(sorted(organizations))})",
                )
            )
        return None
    return Metadata(version, day, default_org)


def _check_complete(
    reader: Reader,
    metadata: Metadata,
    events: list[tuple[str, Event]],
    organizations: Mapping[str, Organization],
) -> None:
    """Every event is on or before its organisation's review day, data_as_of the earliest.

    An organisation without a review day is held to ``data_as_of``.
    """
    for where, event in events:
        org = organizations.get(event.org)
        limit = org.as_of if org is not None and org.as_of is not None else metadata.as_of
        if event.date > limit:
            named = (
                f"{event.org}'s review day in reviews.csv"
                if limit != metadata.as_of
                else ("data_as_of in dataset.toml")
            )
            reader.problems.append(
                DataProblem(
                    where,
                    f"dated {event.date}, after {named} ({limit}); the data is complete only "
                    "to that day (move the review day on, or the event back)",
                )
            )
    reviewed = [org.as_of for org in organizations.values() if org.as_of is not None]
    if reviewed and min(reviewed) != metadata.as_of:
        reader.problems.append(
            DataProblem(
                "dataset.toml",
                f"data_as_of {metadata.as_of} is not the earliest review day in reviews.csv "
                f"({min(reviewed)}); the data is complete to that day for every organisation",
            )
        )


def _readable(text: str) -> bool:
    try:
        parse_data_date(text)
    except InvalidDateError:
        return False
    return True


def _rows(reader: Reader, name: str) -> Iterator[tuple[str, Row]]:
    return reader.rows(name, COLUMNS[name], key=KEYS[name])


def _read_sources(reader: Reader) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for where, row in _rows(reader, "sources.csv"):
        source = reader.made(where, _source, row)
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


def _read_alternatives(reader: Reader, sources: Mapping[str, Source]) -> _Alternatives:
    found = _Alternatives()
    for where, row in _rows(reader, "alternatives.csv"):
        alt_sources = reader.sources_of(where, row["sources"], sources)
        alternative = reader.made(where, _alternative, row, alt_sources)
        chosen = reader.made(where, _first_day, row["date"])
        if alternative is not None and chosen is not None:
            key = (row["org"], row["country"], row["kind"], chosen.isoformat())
            found.add(key, where, alternative)
    return found


def _read_renames(
    reader: Reader, sources: Mapping[str, Source], alternatives: _Alternatives
) -> dict[str, list[tuple[str, Rename]]]:
    """``renames.csv`` by state."""
    renames: dict[str, list[tuple[str, Rename]]] = {}
    rows = reader.cited(
        "renames.csv",
        COLUMNS,
        KEYS,
        sources,
        lambda row, cited: (row["country"], _rename(row, cited, alternatives)),
    )
    for where, (country, rename) in rows:
        renames.setdefault(country, []).append((where, rename))
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
    reader: Reader, sources: Mapping[str, Source], alternatives: _Alternatives
) -> dict[str, Country]:
    renames = _read_renames(reader, sources, alternatives)
    codes = _read_codes(reader, sources)
    rows = list(_rows(reader, "countries.csv"))
    successors: dict[str, list[str]] = {}
    for _, row in rows:
        for before in split(row["predecessors"]):
            successors.setdefault(before, []).append(row["iso3"])
    keys = {row["iso3"] for _, row in rows}
    countries: dict[str, Country] = {}
    alive: dict[tuple[str, str], str] = {}  # (column, code) of a living state -> its row
    for where, row in rows:
        reader.sources_of(where, row["sources"], sources)
        mine = [code for _, code in codes.get(row["iso3"], ())]
        if any(code.end is None for code in mine if code.scheme in SYSTEMS.values()):
            for column in ("iso2", "iso_numeric"):  # a dissolved state's codes may recur
                code = row[column]
                if code and alive.setdefault((column, code), where) != where:
                    reader.problems.append(
                        DataProblem(
                            where, f"{column} {code} is already used by {alive[column, code]}"
                        )
                    )
        unknown = [key for key in split(row["predecessors"]) if key not in keys]
        if unknown:
            reader.problems.append(
                DataProblem(
                    where, f"unknown predecessor {unknown[0]!r}; countries.csv lists the codes"
                )
            )
        named = [rename for _, rename in renames.get(row["iso3"], ())]
        if named and max(named, key=lambda r: r.date).name != row["name"]:
            last = max(named, key=lambda r: r.date)
            reader.problems.append(
                DataProblem(
                    where,
                    f"name {row['name']!r} differs from its last rename's ({last.name!r}, "
                    f"{last.date}); a state's name is its name as of the data",
                )
            )
        after = sorted(successors.get(row["iso3"], ()))
        country = reader.made(where, _country, row, named, mine, after)
        if country is not None:
            countries[country.iso3] = country
    places = [(iso3, where) for iso3, found in renames.items() for where, _ in found]
    places += [(iso3, where) for iso3, found in codes.items() for where, _ in found]
    for iso3, where in places:
        if iso3 not in countries and "countries.csv" not in reader.unreadable:
            reader.problems.append(
                DataProblem(where, f"unknown country {iso3!r}; countries.csv lists the codes")
            )
    return countries


_CODE_FORMS = {
    "iso2": (2, str.isalpha),
    "iso3": (3, str.isalpha),
    "iso_numeric": (3, str.isdigit),
    "cow": (0, str.isdigit),
    "gw": (0, str.isdigit),
    "cow_abb": (3, str.isalpha),
    "gw_abb": (3, str.isalpha),
}
"""What a code of each scheme looks like: its length (0: any) and its characters."""


def _well_formed(scheme: str, code: str) -> bool:
    length, kind = _CODE_FORMS[scheme]
    fits = code.isascii() and kind(code) and (not length or len(code) == length)
    return fits and (kind is str.isdigit or code.isupper())


def _read_codes(reader: Reader, sources: Mapping[str, Source]) -> dict[str, list[tuple[str, Code]]]:
    """``codes.csv`` by state; a code on two states on one day, or a malformed code, is refused.

    The file is the largest (1,500 rows), so it has a lean reader: rows as tuples, each
    distinct source cell resolved once, records made from checked fields.
    """
    name = "codes.csv"
    columns = COLUMNS[name]
    width = len(columns)
    found: dict[str, list[tuple[str, Code]]] = {}
    held: dict[tuple[str, str], list[tuple[str, str, int, int]]] = {}  # (scheme, code) -> uses
    seen: dict[tuple[str, ...], int] = {}
    keys: dict[tuple[str, str, str, str], int] = {}
    cited: dict[str, tuple[Source, ...]] = {}
    for number, cells in reader.lines(name, columns):
        where = f"{name}:{number}"
        if len(cells) != width:
            reader.problems.append(
                DataProblem(where, f"{len(cells)} cells, expected {width} ({', '.join(columns)})")
            )
            continue
        row = tuple(map(str.strip, cells))
        if row in seen:
            reader.problems.append(
                DataProblem(where, f"repeats row {seen[row]} (an identical row)")
            )
            continue
        seen[row] = number
        country, scheme, code, start, end, source_cell, note = row
        key = (country, scheme, code, start)
        if key in keys:
            reader.problems.append(
                DataProblem(where, f"the same country, scheme, code and start as row {keys[key]}")
            )
            continue
        keys[key] = number
        cited_here = cited.get(source_cell)
        if cited_here is None:
            cited_here = cited[source_cell] = reader.sources_of(where, source_cell, sources)
        made = reader.made(where, _code, scheme, code, start, end, cited_here, note)
        if made is None:
            continue
        low = made.start.toordinal() if made.start else 1
        high = made.end.toordinal() if made.end else 10**7
        for other_where, other_country, other_low, other_high in held.get((scheme, code), ()):
            if max(low, other_low) <= min(high, other_high):
                whose = "the same state" if other_country == country else other_country
                reader.problems.append(
                    DataProblem(
                        where, f"{scheme} {code} overlaps its use by {whose} ({other_where})"
                    )
                )
        held.setdefault((scheme, code), []).append((where, country, low, high))
        found.setdefault(country, []).append((where, made))
    return found


def _code(  # noqa: PLR0917 - one argument per column, as the row gives them
    scheme: str,
    code: str,
    start: str,
    end: str,
    cited: tuple[Source, ...],
    note: str,
) -> Code:
    known = _SCHEMES.get(scheme)
    if known is None:
        raise InvalidRecordError(
            f"no code scheme {scheme!r}; known: {', '.join(s.value for s in CodeScheme)}"
        )
    if not _well_formed(scheme, code):
        raise InvalidRecordError(f"{scheme} code {code!r} is malformed")
    first = parse_data_date(start)[0] if start else None
    last = parse_data_date(end)[0] if end else None
    if first is not None and last is not None and last < first:
        raise InvalidRecordError(f"code {code}: its end {last} is before its start {first}")
    return Code.trusted(known, code, first, last, cited, note)


_SCHEMES = {scheme.value: scheme for scheme in CodeScheme}


def _latest(codes: list[Code]) -> dict[CodeScheme, str]:
    """The state's code in each scheme at its last use."""
    last: dict[CodeScheme, tuple[int, str]] = {}
    for code in codes:
        when = 10**7 if code.end is None else code.end.toordinal()
        if code.scheme not in last or when >= last[code.scheme][0]:
            last[code.scheme] = (when, code.code)
    return {scheme: code for scheme, (_, code) in last.items()}


def _country(row: Row, renames: list[Rename], codes: list[Code], successors: list[str]) -> Country:
    latest = _latest(codes)
    return Country(
        row["name"],
        row["iso2"],
        row["iso3"],
        split(row["aliases"]),
        split(row["former_names"]),
        iso_numeric=row["iso_numeric"],
        cow_code=latest.get(CodeScheme.COW, ""),
        cow_abb=latest.get(CodeScheme.COW_ABB, ""),
        gw_code=latest.get(CodeScheme.GW, ""),
        renames=renames,
        codes=codes,
        predecessors=split(row["predecessors"]),
        successors=successors,
    )


def _read_state_disputes(
    reader: Reader, sources: Mapping[str, Source], countries: Mapping[str, Country]
) -> list[StateDispute]:
    found = []
    for where, row in _rows(reader, "state_disputes.csv"):
        cited = reader.sources_of(where, row["sources"], sources)
        country = countries.get(row["country"])
        if country is None:
            if "countries.csv" not in reader.unreadable:
                reader.problems.append(
                    DataProblem(
                        where, f"unknown country {row['country']!r}; countries.csv lists the codes"
                    )
                )
            continue
        record = reader.made(where, _state_dispute, country, row, cited)
        if record is not None:
            found.append(record)
    return found


def _state_dispute(country: Country, row: Row, cited: tuple[Source, ...]) -> StateDispute:
    return StateDispute(
        country, row["what"], row["cow"], row["gw"], row["iso"], cited, note=row["note"]
    )


def _read_organizations(reader: Reader, sources: Mapping[str, Source]) -> dict[str, Organization]:
    reviews = {
        review[0]: (where, review)
        for where, review in reader.cited("reviews.csv", COLUMNS, KEYS, sources, _review)
    }
    found = dict(reader.cited("organizations.csv", COLUMNS, KEYS, sources, _organization))
    for where, org in list(found.items()):
        if org.key in reviews:
            _, (_, as_of, cited) = reviews.pop(org.key)
            found[where] = attrs.evolve(org, as_of=as_of, reviewed_by=cited)
    for key, (where, _) in reviews.items():
        if "organizations.csv" not in reader.unreadable:
            reader.problems.append(
                DataProblem(where, f"unknown organisation {key!r}; organizations.csv lists them")
            )
    organizations = {org.key: org for org in found.values()}
    for where, org in found.items():
        if org.graduates_to and org.graduates_to not in organizations:
            reader.problems.append(
                DataProblem(
                    where,
                    f"graduates_to {org.graduates_to!r} is not an organisation of this file "
                    f"(known: {', '.join(sorted(organizations))})",
                )
            )
    return organizations


def _review(row: Row, cited: tuple[Source, ...]) -> tuple[str, pendulum.Date, tuple[Source, ...]]:
    return row["org"], parse_data_date(row["as_of"])[0], cited


def _organization(row: Row, cited: tuple[Source, ...]) -> Organization:
    return Organization(
        row["key"],
        row["name"],
        parse_data_date(row["founded"])[0],
        row["graduates_to"],
        cited,
        split(row["aliases"]),
        graduation_status=row["graduation_status"],
        ended=parse_data_date(row["ended"])[0] if row["ended"] else None,
        successor=row["successor"],
        partner_of=row["partner_of"],
    )


def _read_events(
    reader: Reader,
    sources: Mapping[str, Source],
    countries: Mapping[str, Country],
    organizations: Mapping[str, Organization],
    alternatives: _Alternatives,
) -> list[tuple[str, Event]]:
    events: list[tuple[str, Event]] = []
    previous = ""
    kinds = {kind.value for kind in EventKind}
    for where, row in _rows(reader, "events.csv"):
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
                if row["country"] not in countries and "countries.csv" not in reader.unreadable
            ]
            + [
                f"unknown organisation {row['org']!r}; known: {', '.join(sorted(organizations))}"
                for _ in [0]
                if row["org"] not in organizations and "organizations.csv" not in reader.unreadable
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
        if row["country"] not in countries or row["org"] not in organizations:
            continue  # its file could not be read: that is the one problem reported
        event = reader.made(where, _event, row, countries, event_sources, where, alternatives)
        if event is not None:
            events.append((where, event))
    return events


def _event(
    row: Row,
    countries: Mapping[str, Country],
    sources: tuple[Source, ...],
    where: str,
    alternatives: _Alternatives,
) -> Event:
    date, precision = parse_data_date(row["date"])
    grade = row["evidence"]
    seed_only = bool(sources) and all(_is_seed(source.key) for source in sources)
    if grade not in _GRADES:
        raise InvalidRecordError(f"evidence {grade!r}: one of {', '.join(_GRADES)}")
    if (grade == "seed") != seed_only:
        raise InvalidRecordError(
            f"evidence {grade!r}, but the sources are {'only' if seed_only else 'not only'} "
            "the seed's: 'seed' is for an event every source of which is seed or seed-N"
        )
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
        evidence=grade,
    )


def _is_seed(key: str) -> bool:
    return key == "seed" or key.startswith("seed-")


def _first_day(text: str) -> pendulum.Date:
    return parse_data_date(text)[0]


def _alternative(row: Row, sources: tuple[Source, ...]) -> Alternative:
    date, precision = parse_data_date(row["alt_date"])
    return Alternative(date, sources, row["reason"], precision)
