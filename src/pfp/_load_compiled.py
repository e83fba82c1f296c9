"""The bundled folder's records, validated ahead of time and shipped beside their files.

Reading and checking every CSV file of ``pfp/_data`` costs the first query about 30 ms; this
module stores what that full validation returns (every record, with its sources and dates, and
which records share which) in one compact file, ``_data/checked.marshal``, and makes the same
records from it in about 2 ms. The CSV files stay the source of truth:

- the file names the size and CRC-32 of every data file it was made from; when any differs
  (a file edited and the compiled form not remade), :func:`load` returns None and the bundled
  history is read and validated from the CSV files, as any other folder is: a stale compiled
  file is never used;
- ``tests/test_load_compiled.py`` remakes it from a full validation of the CSV files and fails
  unless it is equal byte for byte to the shipped file, and checks that the records it gives
  equal those of that validation;
- ``python scripts/compile_data.py`` remakes it (after a data change, with ``docs/data.md``).

Only the bundled data takes this path: ``History.from_folder``, ``History.from_reader`` and
``pfp check`` always read and validate the files themselves.

The format is a ``marshal`` (version 2: no back-references, so that the same records always
give the same bytes) of plain tuples: per record class, its field names, how each column is
stored and one column per field; a record referred to by others (a source, a state) is stored
once, by its number. Making the records is column by column, in C loops: each column is
converted with ``map`` and stored through the class's slot descriptors, which skips the
records' converters exactly as the loaders' ``trusted`` constructors do.

>>> from pfp._bundled import bundled_file
>>> folder = load(bundled_file)
>>> folder.problems, folder.metadata.default_org, len(folder.dataset.countries) > 200
((), 'PfP', True)
"""

from __future__ import annotations

import datetime
import enum
import marshal
import threading
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from pfp._folder import Dataset, Folder, Metadata, ProgrammeRows
from pfp._schema import FILES
from pfp.errors import DataError, DataProblem
from pfp.model import (
    Alternative,
    Code,
    CodeScheme,
    Country,
    Deferred,
    Event,
    EventKind,
    Evidence,
    MilestoneKind,
    Organization,
    Precision,
    Rename,
    Source,
    StateDispute,
    Status,
    Transition,
)

if TYPE_CHECKING:
    from pfp._csv import Opener

__all__ = ["FILE", "FORMAT", "compiled", "decode", "encode", "fingerprint", "load"]

FILE = "checked.marshal"
"""The compiled form's name in the data folder."""
FORMAT = 1
"""The layout of the compiled form: a file of another layout is not read (it is stale)."""
_MARSHAL_VERSION = 2
"""No back-references (version 3 on): the bytes depend on the values alone, not on how
many references the interpreter held to each while writing."""

_CLASSES: tuple[type[Any], ...] = (
    Source,
    Alternative,
    Rename,
    Code,
    Country,
    Organization,
    Event,
    StateDispute,
    Transition,
)
"""The record classes stored, in an order where each refers only to those before it."""
_BY_NAME = {cls.__name__: cls for cls in _CLASSES}
_DATASET = (Source, Country, Organization, Event, StateDispute)
"""The record class of each of Dataset's fields, in order."""
_ENUMS: tuple[type[enum.Enum], ...] = (
    CodeScheme,
    EventKind,
    Evidence,
    MilestoneKind,
    Precision,
    Status,
)
_day: Callable[[int], pendulum.Date] = vars(datetime.date)["fromordinal"].__get__(
    None, pendulum.Date
)
"""``pendulum.Date.fromordinal`` in C: pendulum's own is a Python method, four times slower."""
_CODES: Any = vars(Country)["codes"]
"""``Country.codes``' descriptor: the slot, read through (see ``pfp.model.Deferred``)."""

# How a column is stored.
_VALUE = "value"  # as it is: str, int, float, None or a tuple of str
_SHARED = "shared"  # values of which many repeat: (each distinct value, which one each row holds)
_DATE = "date"  # a Date by its number + 1 in the table of days, 0 for None
_ENUM = "enum"  # enum members as _SHARED values (None for None), the enum named beside it
_REF = "ref"  # a record by its number + 1 in its class's table, 0 for None
_REFS = "refs"  # tuples of records: (each distinct tuple by numbers, which one each row holds)

_SPAN = ("first", "last", "begun", "ended")
"""The parts of a stretch of a state's life (see ``pfp.engine.life_of``)."""
Column = tuple[Any, ...]
Spec = tuple[tuple[str, str, str], ...]
"""Per field: its name, how its column is stored and the enum or class it refers to."""


def fingerprint(read: Opener) -> tuple[tuple[str, int, int], ...]:
    """The name, size and CRC-32 of every file of a data folder (-1, 0 when it is missing).

    >>> from pfp._bundled import bundled_file
    >>> fingerprint(bundled_file)[0][0]
    'sources.csv'
    """
    found = []
    for name in FILES:
        try:
            data = read(name)
        except OSError:
            found.append((name, -1, 0))
            continue
        found.append((name, len(data), zlib.crc32(data)))
    return tuple(found)


# -- writing ------------------------------------------------------------------------------------


def compiled(read: Opener, folder: Folder) -> bytes:
    """The compiled form of a valid folder: the files' fingerprint, the records and the replay.

    ``folder`` is what a full validation of the files ``read`` reads gave, with the engine's
    replay of it (``pfp._bundled.compile_bundled`` makes both).

    Raises:
        DataError: when the folder has any fault (only a valid folder is compiled).

    """
    if folder.problems or folder.metadata is None or folder.replayed is None:
        raise DataError(list(folder.problems) or [DataProblem("dataset.toml", "not read")])
    return marshal.dumps((FORMAT, fingerprint(read), encode(folder)), _MARSHAL_VERSION)


def encode(folder: Folder) -> tuple[Any, ...]:
    """A folder's records as plain tuples (see the module's docstring)."""
    tables: dict[type[Any], list[Any]] = {cls: [] for cls in _CLASSES}
    numbers: dict[int, int] = {}  # id(record) -> its number in its table
    days: dict[int, int] = {}  # the ordinal of each day any record holds -> its number

    def visit_all(values: Iterable[Any]) -> None:
        for value in values:
            for item in value if type(value) is tuple else (value,):
                if type(item) in tables and id(item) not in numbers:
                    visit_all(_values(item))
                    table = tables[type(item)]
                    numbers[id(item)] = len(table)
                    table.append(item)

    data, metadata, programme = folder.dataset, folder.metadata, folder.programme
    changes, lives = folder.replayed or ({}, {})
    visit_all(data)  # the dataset's tuples of records, each record after those it holds
    for found in programme:
        for fields in found:
            visit_all(fields.values())
    for items in changes.values():
        visit_all(tuple(transition for _, transition in items))
    classes = tuple(
        (cls.__name__, *_columns([_values(r) for r in tables[cls]], _names(cls), numbers, days))
        for cls in _CLASSES
    )
    dataset = tuple(tuple(numbers[id(record)] for record in records) for records in data)
    rows = []
    for found in programme:
        keys = tuple(found[0]) if found else ()
        rows.append((keys, *_columns([tuple(r.values()) for r in found], keys, numbers, days)))
    meta = (
        None
        if metadata is None
        else (metadata.version, metadata.as_of.toordinal(), metadata.default_org)
    )
    replay = (
        tuple(
            (org, tuple(day for day, _ in items), tuple(numbers[id(t)] for _, t in items))
            for org, items in changes.items()
        ),
        tuple(lives),  # each state's stretches, all in one table of columns:
        tuple(map(len, lives.values())),
        *_columns([span for life in lives.values() for span in life], _SPAN, numbers, days),
    )
    return tuple(days), classes, dataset, meta, tuple(rows), replay


def _names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls))


def _values(record: Any) -> tuple[Any, ...]:
    return tuple(getattr(record, name) for name in _names(type(record)))


def _columns(
    rows: Sequence[tuple[Any, ...]],
    names: tuple[str, ...],
    numbers: dict[int, int],
    days: dict[int, int],
) -> tuple[int, Spec, tuple[Column, ...]]:
    """The rows' number, how each column is stored, and the columns."""
    specs = []
    stored = []
    for k, name in enumerate(names):
        column = tuple(row[k] for row in rows)
        kind, target = _kind(column)
        if kind == _VALUE and len(set(map(_typed, column))) * 2 < len(column):
            kind = _SHARED  # each distinct value stored (and made) once
        specs.append((name, kind, target))
        stored.append(_stored(kind, column, numbers, days))
    return len(rows), tuple(specs), tuple(stored)


def _typed(value: object) -> tuple[type, object]:
    """A value with its type, so that 1, 1.0 and True stay apart when shared."""
    return type(value), value


def _kind(column: Column) -> tuple[str, str]:
    """How a column is stored: the one kind that fits every value of it."""
    kinds = set()
    for value in column:
        if value is None or value == ():
            continue  # fits any kind: a missing date, reference or enum; no references
        if isinstance(value, enum.Enum):
            kinds.add((_ENUM, type(value).__name__))
        elif type(value) is pendulum.Date:
            kinds.add((_DATE, ""))
        elif type(value) in _CLASSES:
            kinds.add((_REF, type(value).__name__))
        elif type(value) is tuple and all(type(v) in _CLASSES for v in value):
            kinds.update((_REFS, type(v).__name__) for v in value)
        elif type(value) in (str, int, float, bool) or (
            type(value) is tuple and all(type(v) is str for v in value)
        ):
            kinds.add((_VALUE, ""))
        else:
            raise TypeError(f"cannot store {value!r} ({type(value).__name__})")
    if len(kinds) > 1:
        raise TypeError(f"a column of mixed kinds: {sorted(kinds)}")
    kind, target = kinds.pop() if kinds else (_VALUE, "")
    if kind == _VALUE and None in column and () in column:
        raise TypeError("a column of None and empty tuples")  # which would not survive _REFS
    return kind, target


def _stored(kind: str, column: Column, numbers: dict[int, int], days: dict[int, int]) -> Any:
    if kind == _DATE:
        return tuple(
            0 if v is None else days.setdefault(v.toordinal(), len(days)) + 1 for v in column
        )
    if kind == _ENUM:  # shared, as the values of few
        members: dict[str | None, int] = {}
        which = tuple(
            members.setdefault(None if value is None else value.value, len(members))
            for value in column
        )
        return tuple(members), which
    if kind == _REF:
        return tuple(0 if value is None else numbers[id(value)] + 1 for value in column)
    if kind == _REFS:
        distinct: dict[tuple[int, ...], int] = {}
        which = tuple(
            distinct.setdefault(tuple(numbers[id(item)] for item in value), len(distinct))
            for value in column
        )
        return tuple(distinct), which
    if kind == _SHARED:
        values: dict[tuple[type, object], int] = {}
        which = tuple(values.setdefault(_typed(value), len(values)) for value in column)
        return tuple(value for _, value in values), which
    return column


# -- reading ------------------------------------------------------------------------------------


def load(read: Opener) -> Folder | None:
    """The folder's records from its compiled form; None if it is missing, stale or unreadable.

    Stale: made from files other than those the folder holds now (a size or CRC-32 differs),
    or in another layout.
    """
    try:
        compiled = marshal.loads(read(FILE))
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if (
        type(compiled) is not tuple
        or len(compiled) != 3
        or compiled[0] != FORMAT
        or compiled[1] != fingerprint(read)
    ):
        return None
    return decode(compiled[2])


class _Decoder:
    """Makes the columns of one compiled folder into values, class by class.

    A class's records may be made in parts (:meth:`made`): the first query needs 15 in 100
    of the code records and a sixth of the transitions, and the others are made when a
    question first needs them, each once, under the decoder's lock.
    """

    def __init__(self, ordinals: tuple[int, ...], classes: tuple[Any, ...]) -> None:
        self.days: list[pendulum.Date | None] = [None, *map(_day, ordinals)]
        self.tables: dict[str, list[Any]] = {}
        self.enums = {kind.__name__: kind for kind in _ENUMS}
        self.stored: dict[str, tuple[int, Spec, tuple[Any, ...]]] = {
            name: (count, spec, columns) for name, count, spec, columns in classes
        }
        """Each class's records as stored: their number, how each column is stored, the columns."""
        self.lock = threading.RLock()
        self._in_parts: set[str] = set()
        """The classes whose records are made in parts (see :meth:`made`)."""
        self._distinct: dict[int, tuple[Any, list[Any]]] = {}
        """Each column of distinct values (by its id: it is kept, so that no other takes the
        id) and their values, made once."""

    def column(self, kind: str, target: str, column: Any) -> Iterable[Any]:
        """The values of one stored column (the records it refers to already made)."""
        if kind == _DATE:
            return map(self.days.__getitem__, column)
        if kind == _REF:
            return map([None, *self.tables[target]].__getitem__, column)
        if kind == _SHARED:
            distinct, which = column
            return map(distinct.__getitem__, which)
        if kind in (_ENUM, _REFS):
            distinct, which = column
            _, found = self._distinct.get(id(distinct), (None, None))
            if found is None:
                if kind == _ENUM:
                    member = self.enums[target]
                    found = [None if value is None else member(value) for value in distinct]
                else:
                    item = self.tables[target].__getitem__
                    found = [tuple(map(item, refs)) for refs in distinct]
                    if target in self._in_parts:
                        return map(found.__getitem__, which)  # its table may grow: not kept
                self._distinct[id(distinct)] = (distinct, found)
            return map(found.__getitem__, which)
        return column  # type: ignore[no-any-return]  # a tuple of values, as stored

    def records(
        self,
        name: str,
        rows: Sequence[int] | None = None,
        instead: Mapping[str, tuple[Any, ...]] | None = None,
    ) -> None:
        """Make the records of one class, column by column, through its slots.

        ``rows``: only the records at these places of its table (the others stay None until
        made); ``instead``: by field name, the values to store in place of a stored column's.
        """
        stored = instead or {}
        cls = _BY_NAME[name]
        slots = vars(cls)
        count, spec, columns = self.stored[name]
        if rows is not None:
            self._in_parts.add(name)
            if not rows:  # none yet: an empty table, its columns untouched
                self.tables.setdefault(name, [None] * count)
                return
        made = list(map(object.__new__, repeat(cls, count if rows is None else len(rows))))
        for (field, as_stored, target), in_file in zip(spec, columns, strict=True):
            kind, column = (_VALUE, stored[field]) if field in stored else (as_stored, in_file)
            if rows is not None:
                column = _picked(kind, column, rows)
            deque(map(slots[field].__set__, made, self.column(kind, target, column)), maxlen=0)
        if rows is None:
            self.tables[name] = made
            return
        table = self.tables.get(name) or self.tables.setdefault(name, [None] * count)
        for at, record in zip(rows, made, strict=True):
            table[at] = record

    def made(self, name: str, numbers: Iterable[int]) -> list[Any]:
        """The records of class ``name`` at ``numbers``: those not made yet are made now, once."""
        table = self.tables[name]
        wanted = list(numbers)
        if any(table[number] is None for number in wanted):
            with self.lock:  # another thread may be making them: ask again under the lock
                missing = sorted({number for number in wanted if table[number] is None})
                if missing:
                    self.records(name, missing)
        return list(map(table.__getitem__, wanted))

    def keep(self, *names: str) -> None:
        """Let go of every stored column but those of the classes ``names`` (made in parts)."""
        self.stored = {name: self.stored[name] for name in names}
        kept = {  # the decoded distinct values of the kept columns stay
            id(column[0])
            for _, spec, columns in self.stored.values()
            for (_, kind, _), column in zip(spec, columns, strict=True)
            if kind in (_ENUM, _REFS)
        }
        self._distinct = {key: found for key, found in self._distinct.items() if key in kept}

    def values(self, count: int, spec: Spec, columns: tuple[Any, ...]) -> list[Iterable[Any]]:
        """The values of a table's columns, ``count`` rows each."""
        return [
            self.column(kind, target, column)
            for (_, kind, target), column in zip(spec, columns, strict=True)
        ]

    def rows(self, keys: tuple[str, ...], count: int, spec: Spec, columns: tuple[Any, ...]) -> Any:
        """The programme's rows of one file, as dicts of its records' fields."""
        values = self.values(count, spec, columns)
        return tuple(dict(zip(keys, row, strict=True)) for row in zip(*values, strict=True))


def _picked(kind: str, column: Any, rows: Sequence[int]) -> Any:
    """A stored column of only the rows at ``rows``, stored the same way."""
    if kind in (_SHARED, _ENUM, _REFS):
        distinct, which = column
        return distinct, tuple(map(which.__getitem__, rows))
    return tuple(map(column.__getitem__, rows))


def _referred(columns: Iterable[tuple[tuple[str, str, str], Any]], name: str) -> list[int]:
    """The numbers of the records of class ``name`` that the stored ``columns`` refer to."""
    found: set[int] = set()
    for (_, kind, target), column in columns:
        if target == name and kind == _REF:
            found.update(number - 1 for number in column if number)
        elif target == name and kind == _REFS:
            found.update(number for refs in column[0] for number in refs)
    return sorted(found)


class _LateCodes(Deferred):
    """Every state's ``codes``, made on the first read of any state's (see ``Deferred``).

    Of the 1,529 code records the first query needs only those that begin or end a state's
    life (231): the other 1,298, four in ten of all records, are made with every state's
    codes when any state's are first read, all at once and once, whichever thread reads.
    ``members_at`` reads none; a name lookup reads them all.
    """

    __slots__ = ("_codes", "_decoder")

    def __init__(self, decoder: _Decoder, codes: tuple[Any, ...]) -> None:
        self._decoder: _Decoder | None = decoder
        self._codes = codes  # the states' codes as stored: each distinct tuple, whose is whose

    def made(self, record: object) -> object:
        slot = _CODES.slot
        decoder = self._decoder
        if decoder is not None:
            with decoder.lock:
                if self._decoder is not None:
                    code = decoder.made(Code.__name__, range(decoder.stored[Code.__name__][0]))
                    distinct, which = self._codes
                    made = [tuple(map(code.__getitem__, refs)) for refs in distinct]
                    countries = decoder.tables[Country.__name__]
                    deque(map(slot.__set__, countries, map(made.__getitem__, which)), maxlen=0)
                    self._decoder = None  # done: this no longer holds the decoder
                    self._codes = ()
        return slot.__get__(record, type(record))


class _LateChanges(Mapping[str, list[tuple[int, Transition]]]):
    """Each organisation's replayed changes, its transition records made on first use.

    The first query builds the default organisation's index alone, from its 78 transitions;
    the other organisations' 400 are made when each organisation's index is first built.
    A mapping as the replay's dict is, and equal to it.
    """

    def __init__(self, decoder: _Decoder, changes: Any) -> None:
        self._decoder: _Decoder | None = decoder
        self._changes: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {
            org: (days, numbers) for org, days, numbers in changes
        }
        self._made: dict[str, list[tuple[int, Transition]]] = {}

    def __getitem__(self, org: str) -> list[tuple[int, Transition]]:
        found = self._made.get(org)
        if found is None:
            days, numbers = self._changes[org]  # KeyError: not an organisation of the replay
            decoder = self._decoder
            if decoder is None:  # another thread made the last one since the first look
                return self._made[org]
            made = decoder.made(Transition.__name__, numbers)
            found = self._made.setdefault(org, list(zip(days, made, strict=True)))
            if len(self._made) == len(self._changes):
                self._decoder = None  # every organisation's made: let the decoder go
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._changes)

    def __len__(self) -> int:
        return len(self._changes)


def decode(encoded: tuple[Any, ...]) -> Folder:
    """The folder :func:`encode` was given, made again.

    A code record no state's life refers to is made on the first read of any state's
    ``codes`` (see :class:`_LateCodes`), an organisation's transitions when its changes are
    first read (see :class:`_LateChanges`); everything else now.
    """
    ordinals, classes, dataset, meta, rows, (changes, states, counts, *spans) = encoded
    decoder = _Decoder(ordinals, classes)
    country_codes = (Country.__name__, "codes")
    others = [  # every stored column that may refer to a record, but those made late
        *(
            (field, column)
            for name, _, spec, columns in classes
            for field, column in zip(spec, columns, strict=True)
            if (name, field[0]) != country_codes
        ),
        *(field for found in rows for field in zip(found[2], found[3], strict=True)),
        *zip(spans[1], spans[2], strict=True),  # the states' lives
    ]
    for name, _, spec, columns in classes:
        if name in (Code.__name__, Transition.__name__):
            decoder.records(name, _referred(others, name))  # those others need, now
        elif name == Country.__name__:
            codes = columns[[field for field, _, _ in spec].index("codes")]
            late = _LateCodes(decoder, codes)
            decoder.records(name, instead={"codes": (late,) * len(codes[1])})
        else:
            decoder.records(name)
    sources, countries, organizations, events, disputes = (
        tuple(map(decoder.tables[cls.__name__].__getitem__, numbers))
        for cls, numbers in zip(_DATASET, dataset, strict=True)
    )
    programme = ProgrammeRows(*(decoder.rows(*found) for found in rows))
    metadata = None if meta is None else Metadata(meta[0], _day(meta[1]), meta[2])
    stretches = list(zip(*decoder.values(*spans), strict=True))
    lives = {}
    at = 0
    for iso3, count in zip(states, counts, strict=True):
        lives[iso3] = tuple(stretches[at : at + count])
        at += count
    replayed = (_LateChanges(decoder, changes), lives)
    decoder.keep(Code.__name__, Transition.__name__)
    dataset_ = Dataset(sources, countries, organizations, events, disputes)
    return Folder(dataset_, metadata, programme, (), replayed)
