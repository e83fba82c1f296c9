"""The records pfp returns: frozen, slotted ``attrs`` classes and the enums they use.

>>> import pfp
>>> malta = pfp.country("Malta")
>>> malta
Country(name='Malta', iso2='MT', iso3='MLT')
>>> try:
...     malta.name = "Gozo"
... except AttributeError as error:
...     print(type(error).__name__)
FrozenInstanceError
"""

from __future__ import annotations

import enum
import inspect
import math
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs
import pendulum

from pfp.dates import DateLike, to_date
from pfp.display import Displayed
from pfp.errors import InvalidArgumentError, InvalidRecordError, shown

__all__ = [
    "DEFAULT_ORG",
    "SYSTEMS",
    "Alternative",
    "Code",
    "CodeScheme",
    "Country",
    "Event",
    "EventKind",
    "Evidence",
    "MilestoneKind",
    "Organization",
    "Precision",
    "Rename",
    "Source",
    "StateDispute",
    "Status",
    "Transition",
]


DEFAULT_ORG = "PfP"
"""The organisation an :class:`Event` built in code belongs to unless told, and the default
organisation of a :class:`pfp.History` built in code (the bundled data names its own in
``dataset.toml``)."""


class Status(enum.StrEnum):
    """A state's standing towards an organisation on one day.

    >>> import pfp
    >>> pfp.status_of("Malta", "2000-01-01")
    <Status.WITHDRAWN: 'withdrawn'>
    """

    NON_MEMBER = "non_member"
    """Never took part, or no event is known yet."""
    APPLICANT = "applicant"
    """Asked to join (or to rejoin) and awaits the organisation's answer."""
    INVITED = "invited"
    """Invited by the organisation, or its accession protocol signed, not yet a member."""
    MEMBER = "member"
    """Takes part: for the PfP, a partner that has signed the Framework Document."""
    WITHDRAWN = "withdrawn"
    """Took part once and has left."""
    NATO_MEMBER = "nato_member"
    """A NATO ally: for NATO's programmes (PfP, MAP), what a participant becomes on accession."""
    OBSERVER = "observer"
    """Holds observer status (for the CSTO: Serbia's parliament in its Parliamentary Assembly)."""
    SUSPENDED = "suspended"
    """A member whose participation (or the organisation's cooperation with it) is suspended
    or frozen, not withdrawn: still a member, on the roster, and in ``Roster.suspended``."""
    NOT_A_STATE = "not_a_state"
    """The state did not exist that day in any state system pfp follows (Correlates of War,
    Gleditsch-Ward, ISO 3166): Czechoslovakia in 1995, the GDR in 2000, Slovakia in 1980."""


class CodeScheme(enum.StrEnum):
    """A scheme of state codes: the values of ``codes.csv``'s ``scheme`` column.

    >>> import pfp
    >>> germany, cow_abb = pfp.country("Germany"), pfp.CodeScheme.COW_ABB
    >>> germany.code_at(cow_abb, "1989-11-09"), germany.code_at(cow_abb, "1991-01-01")
    ('GFR', 'GMY')
    """

    ISO2 = "iso2"
    """ISO 3166-1 alpha-2 (ISO 3166-3 for withdrawn codes)."""
    ISO3 = "iso3"
    """ISO 3166-1 alpha-3; its spans are the state's life in the ``iso`` system."""
    ISO_NUMERIC = "iso_numeric"
    """ISO 3166-1 numeric, three digits."""
    COW = "cow"
    """Correlates of War state number (``ccode``); its spans are the state's membership of
    the COW state system."""
    COW_ABB = "cow_abb"
    """Correlates of War state abbreviation (``stateabb``)."""
    GW = "gw"
    """Gleditsch-Ward state number; its spans are the state's membership of the G&W system."""
    GW_ABB = "gw_abb"
    """Gleditsch-Ward state abbreviation."""


SYSTEMS: dict[str, CodeScheme] = {
    "cow": CodeScheme.COW,
    "gw": CodeScheme.GW,
    "iso": CodeScheme.ISO3,
}
"""The state systems pfp follows, and the code scheme whose spans say when a state was in each."""


class Evidence(enum.StrEnum):
    """How strong an event's evidence is: the values of ``events.csv``'s ``evidence`` column.

    >>> import pfp
    >>> pfp.events(country="Malta")[0].evidence
    <Evidence.PRIMARY: 'primary'>
    """

    PRIMARY = "primary"
    """The organisation's or a government's own record of the act, read directly."""
    SECONDARY = "secondary"
    """Contemporary reports or scholarship."""
    SEED = "seed"
    """Only the seed article, or a reference known only through it: every source is ``seed``
    or ``seed-N``."""


class Precision(enum.StrEnum):
    """How much of an event's date the sources give; a coarse date stands for its first day.

    >>> import pfp
    >>> observer = next(e for e in pfp.events(country="Austria") if e.org == "NACC")
    >>> observer.date, observer.precision
    (Date(1995, 1, 1), <Precision.YEAR: 'year'>)
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class EventKind(enum.StrEnum):
    """What happened; the values are exactly the strings of ``events.csv``'s ``kind`` column.

    >>> import pfp
    >>> [e.kind.value for e in pfp.events(country="Malta") if e.org == "PfP"]
    ['signature', 'withdrawal', 'reactivation_request', 'reactivation']
    """

    SIGNATURE = "signature"
    """Signed the PfP Framework Document: the state becomes a partner."""
    ACCESSION = "accession"
    """Joined the organisation (for NATO: deposited its instrument of accession)."""
    WITHDRAWAL = "withdrawal"
    """Left the organisation."""
    REACTIVATION_REQUEST = "reactivation_request"
    """A former participant asked to take part again."""
    REACTIVATION = "reactivation"
    """The organisation accepted a former participant back."""
    APPLICATION = "application"
    """Applied to join."""
    INVITATION = "invitation"
    """Invited to join by the organisation."""
    PROTOCOL_SIGNED = "protocol_signed"
    """The organisation's members signed the state's accession protocol."""
    RESOLUTION = "resolution"
    """A national decision in favour of joining that changes nothing in the organisation."""
    SUSPENSION = "suspension"
    """A member suspended or froze its participation, or the organisation its cooperation
    with the member: it stays a member, suspended."""
    RESUMPTION = "resumption"
    """A suspended member takes part again."""
    CESSATION = "cessation"
    """The state ceased to exist (the day after its last day in the state systems): derived
    by the engine from ``codes.csv`` for each organisation it had a standing in, never
    written in ``events.csv``."""
    OBSERVER = "observer"
    """Granted observer status."""


class MilestoneKind(enum.StrEnum):
    """What kind of milestone: the values of ``milestones.csv``'s ``kind`` column.

    >>> import pfp
    >>> pfp.milestones("2004-01-01", "2004-12-31")[0].kind
    <MilestoneKind.INITIATIVE: 'initiative'>
    """

    SUMMIT = "summit"
    MEETING = "meeting"
    INITIATIVE = "initiative"
    INSTITUTION = "institution"
    OPERATION = "operation"
    STATEMENT = "statement"
    WAR = "war"


def milestone_kind(value: object) -> MilestoneKind:
    """A milestone's kind, or an InvalidRecordError naming the known ones."""
    return _to_milestone_kind(value)


def to_number(value: object) -> int | float:
    """A figure's value: a whole number as an int, else a finite float."""
    try:
        number = float(str.__str__(value) if isinstance(value, str) else value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InvalidRecordError(
            f"value must be a number, such as 35 or 0.5; got {shown(value)}"
        ) from None
    if not math.isfinite(number):
        raise InvalidRecordError(f"value must be a finite number; got {shown(value)}")
    return int(number) if number.is_integer() else number


def whole_number(value: object) -> int:
    """A whole number (a numbered item), from an int or its digits."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidRecordError(f"number must be a whole number, such as 3; got {shown(value)}")
    try:
        return int(value)
    except ValueError:
        raise InvalidRecordError(
            f"number must be a whole number, such as 3; got {shown(value)}"
        ) from None


F = TypeVar("F", bound=Callable[..., object])


def _converter(function: F) -> F:
    """Mark a converter of records' fields: its signature is read here, once.

    attrs reads the signature of a field's converter (``inspect.signature``, some 20 µs) for
    every field it converts, and the records name 15 converters in 66 fields; a function's
    own ``__signature__`` is what ``inspect.signature`` returns first. 1 ms less at import.

    >>> import inspect
    >>> inspect.signature(_text) is inspect.signature(_text)
    True
    """
    function.__signature__ = inspect.signature(function)  # type: ignore[attr-defined]
    return function


E = TypeVar("E", bound=enum.Enum)
R = TypeVar("R")


def _member_of(kind: type[E], what: str) -> Callable[[object], E]:
    """A converter to ``kind`` that names the known values when given another."""
    by_value: dict[object, E] = {member.value: member for member in kind}

    def convert(value: object) -> E:
        if isinstance(value, kind):
            return value
        # Only text names a member: a str subclass by its own text (not its __hash__ or
        # __eq__), and no other object is hashed or compared, so none can raise from inside.
        found = by_value.get(str.__str__(value)) if isinstance(value, str) else None
        if found is None:
            known = ", ".join(str(member.value) for member in kind)
            raise InvalidRecordError(f"{what}: no {what} {shown(value)}; known: {known}")
        return found

    return convert


_to_precision = _member_of(Precision, "precision")
_to_milestone_kind = _member_of(MilestoneKind, "milestone kind")
_to_evidence = _member_of(Evidence, "evidence")
_to_status = _member_of(Status, "status")


def _blank(value: object) -> bool:
    """None or the empty text (a str subclass by its length: its ``__eq__`` is not called)."""
    return value is None or (isinstance(value, str) and not str.__len__(value))


_PRECISIONS: dict[object, Precision] = {p.value: p for p in Precision}


def to_precision(value: object) -> Precision:
    """A date's precision (``day``, ``month`` or ``year``)."""
    found = _PRECISIONS.get(value) if isinstance(value, (str, Precision)) else None
    return found if found is not None else _to_precision(value)


_converter(to_precision)


def _tuple_of_str(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (str.__str__(value),) if value else ()
    try:
        found: tuple[object, ...] = tuple(value)  # type: ignore[arg-type]
    except TypeError:
        raise InvalidRecordError(f"names must be a string or strings, not {shown(value)}") from None
    if not all(isinstance(item, str) for item in found):
        raise InvalidRecordError(f"names must be strings; got {shown(found)}")
    return tuple(str.__str__(item) for item in found)  # type: ignore[arg-type, unused-ignore]


_converter(_tuple_of_str)


def optional_date(value: object) -> pendulum.Date | None:
    """A day, or None."""
    return None if value is None else to_date(value)


_converter(optional_date)


_KINDS: dict[str, EventKind] = {kind.value: kind for kind in EventKind}
_SCHEMES: dict[str, CodeScheme] = {scheme.value: scheme for scheme in CodeScheme}


def _records(value: object, kind: type[R], what: str) -> tuple[R, ...]:
    """``value`` as a tuple of ``kind`` records, refusing anything else."""
    if isinstance(value, (str, bytes, Displayed)):
        raise InvalidRecordError(f"{what} must be a sequence of pfp.{kind.__name__} records")
    try:
        found: tuple[object, ...] = tuple(value)  # type: ignore[arg-type]
    except TypeError:
        raise InvalidRecordError(
            f"{what} must be a sequence of pfp.{kind.__name__} records, not {shown(value)}"
        ) from None
    for item in found:
        if not isinstance(item, kind):
            raise InvalidRecordError(
                f"{what} must be pfp.{kind.__name__} records; got {shown(item)}"
            )
    return found  # type: ignore[return-value]  # every item checked above


def to_sources(value: object) -> tuple[Source, ...]:
    """A tuple of sources, refusing anything else."""
    return _records(value, Source, "sources")


_converter(to_sources)


def _alternatives(value: object) -> tuple[Alternative, ...]:
    return _records(value, Alternative, "alternatives")


_converter(_alternatives)


def _optional_evidence(value: object) -> Evidence | None:
    return None if _blank(value) else _to_evidence(value)


_converter(_optional_evidence)


def to_status(value: object) -> Status:
    """A status, or an InvalidRecordError naming the known ones."""
    return value if type(value) is Status else _to_status(value)


_converter(to_status)


def _optional_status(value: object) -> Status | None:
    return None if _blank(value) else _to_status(value)


_converter(_optional_status)


def _event_kind(value: object) -> EventKind:
    found = _KINDS.get(value) if isinstance(value, str) else None
    if found is not None:
        return found
    kinds = ", ".join(kind.value for kind in EventKind)
    raise InvalidRecordError(f"kind: no event kind {shown(value)}; known: {kinds}")


_converter(_event_kind)


def _a_country(_: object, attribute: attrs.Attribute[Country], value: object) -> None:
    if not isinstance(value, Country):
        raise InvalidRecordError(
            f"{attribute.name} must be a pfp.Country, not {shown(value)} "
            "(pfp.country(name) finds a bundled one; pfp.Country(...) makes your own)"
        )


def _org_of_event(transition: Transition) -> str:
    """A transition's default organisation: its event's.

    '' when the event is no Event, which the event's validator then refuses.
    """
    event = transition.event
    return event.org if isinstance(event, Event) else ""


def _an_event(_: object, attribute: attrs.Attribute[Event], value: object) -> None:
    if not isinstance(value, Event):
        raise InvalidRecordError(f"{attribute.name} must be a pfp.Event, not {shown(value)}")


def _nonempty_str(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value:
        raise InvalidRecordError(f"{attribute.name} must be a non-empty string, not {shown(value)}")


def _text(value: object) -> str:
    """A string field's value as a plain ``str`` (a subclass's own text, never its __str__)."""
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    raise InvalidRecordError(f"a text field must be a string, not {shown(value)}")


_converter(_text)


_EQ_FIELDS: dict[type, tuple[str, ...]] = {}


def _compared(cls: type[Any]) -> tuple[str, ...]:
    names = _EQ_FIELDS.get(cls)
    if names is None:
        fields = attrs.fields(cls)
        names = _EQ_FIELDS[cls] = tuple(field.name for field in fields if field.eq)
    return names


def _record_eq(self: object, other: object) -> bool:
    """The equality attrs would write (same class, equal fields with ``eq=True``), written once.

    Like :func:`_record_repr`: attrs compiles an ``__eq__`` and a ``__hash__`` per class
    otherwise. (States and sources hash by their key alone: see :func:`_hash_by`.)

    >>> Code("cow", "260", None, None) == Code("cow", "260", None, None)
    True
    """
    if other.__class__ is not self.__class__:
        return NotImplemented  # type: ignore[no-any-return]  # NotImplemented, as attrs gives
    return all(getattr(self, name) == getattr(other, name) for name in _compared(self.__class__))


def _record_hash(self: object) -> int:
    """The hash of the fields :func:`_record_eq` compares, with the class's name."""
    cls = self.__class__
    return hash((cls.__qualname__, *(getattr(self, name) for name in _compared(cls))))


def _hash_by(field: str) -> Callable[[object], int]:
    """A ``__hash__`` of a record's class name and its key field alone.

    Equal records have equal keys, so this hash agrees with :func:`_record_eq`; it is quick
    without a cache (a state's whole hash would take in every field of each of its codes), and
    attrs writes and compiles no ``__eq__`` and ``__hash__`` for the class.

    >>> a, b = Source("a", "A", "NATO", None), Source("a", "A", "NATO", None, note="seen")
    >>> hash(a) == hash(b), a == b
    (True, False)
    """

    def keyed_hash(self: object) -> int:
        return hash((self.__class__.__qualname__, getattr(self, field)))

    return keyed_hash


class Deferred:
    """A field's value a loader has not made yet: made, and stored in place, on first read.

    Only fields set up with :func:`_made_on_read` (``Country.codes``) may hold one, and a
    reader never sees it: the field's descriptor calls :meth:`made` instead of returning it.
    The bundled data's loader defers the 1,300 code records no state's life refers to, which
    the first query does not read (see ``pfp._load_compiled``).
    """

    __slots__ = ()

    def made(self, record: object) -> object:
        """The field's value for ``record``, made now and stored in its slot."""
        raise NotImplementedError


class _MadeOnRead:
    """A slot's descriptor that turns a :class:`Deferred` held there into its value.

    It wraps the slot attrs made (reads, writes and deletes go to it), so the record's
    fields, ``__init__``, pickling, copying and equality are those of any other field.
    """

    __slots__ = ("_slot",)

    def __init__(self, slot: Any) -> None:
        self._slot = slot

    def __get__(self, record: object, owner: type | None = None) -> Any:
        if record is None:
            return self
        value = self._slot.__get__(record, owner)
        if isinstance(value, Deferred):
            return value.made(record)
        return value

    def __set__(self, record: object, value: object) -> None:
        self._slot.__set__(record, value)

    def __delete__(self, record: object) -> None:
        self._slot.__delete__(record)

    @property
    def slot(self) -> Any:
        """The slot's own descriptor (what a :class:`Deferred` stores the made value through)."""
        return self._slot


def _made_on_read(cls: type, name: str) -> None:
    """Let field ``name`` of the slotted class ``cls`` hold a :class:`Deferred`."""
    setattr(cls, name, _MadeOnRead(vars(cls)[name]))


_REPR_FIELDS: dict[type, tuple[str, ...]] = {}


def _record_repr(self: object) -> str:
    """The repr attrs would write for a record, written once for all record classes.

    attrs writes and compiles a ``__repr__`` for each class, a third of the cost of making
    the class, and every record class is made by the first query; this one gives the same
    text (the fields shown are those with ``repr=True``). Records hold no cycles, so attrs'
    guard against recursion has nothing to guard.

    >>> Code("cow", "260", "1955-05-05", "1990-10-02")
    Code(scheme=<CodeScheme.COW: 'cow'>, code='260', start=Date(1955, 5, 5), end=Date(1990, 10, 2))
    """
    cls = type(self)
    names = _REPR_FIELDS.get(cls)
    if names is None:
        fields = attrs.fields(cls)  # type: ignore[arg-type]  # every user is an attrs class
        names = _REPR_FIELDS[cls] = tuple(field.name for field in fields if field.repr)
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
    return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({shown})"


@attrs.frozen(order=False)
class Source(Displayed):
    """A document a fact rests on, cited by its ``key``.

    >>> import pfp
    >>> source = pfp.source("seed-23")
    >>> source.title, source.publisher
    ('Signatures of Partnership for Peace Framework Document', 'NATO')
    """

    __eq__ = _record_eq
    __hash__ = _hash_by("key")
    __repr__ = _record_repr

    CELL = "key"
    key: str = attrs.field(converter=_text, validator=_nonempty_str)
    title: str = attrs.field(converter=_text)
    publisher: str = attrs.field(converter=_text)
    date: pendulum.Date | None = attrs.field(
        default=None, converter=optional_date, repr=False, eq=True
    )
    url: str = attrs.field(default="", repr=False, converter=_text)
    archived_url: str = attrs.field(default="", repr=False, converter=_text)
    note: str = attrs.field(default="", repr=False, converter=_text)
    precision: Precision = attrs.field(
        default=Precision.DAY, converter=to_precision, kw_only=True, repr=False
    )
    """How much of ``date`` is known: a year-only date is stored as 1 January."""

    def bibtex(self) -> str:
        """The source as a BibTeX ``@misc`` entry, its key the source's key.

        >>> import pfp
        >>> print(pfp.source("slovenia-gov-2004-03-29").bibtex())
        @misc{slovenia-gov-2004-03-29,
          title = {Welcome Ceremony for New Member States, 29 March 2004, Washington},
          organization = {Government of Slovenia joint NATO accession website},
          howpublished = {Government of Slovenia joint NATO accession website},
          date = {2004-03-29},
          year = {2004},
          month = mar,
          url = {http://nato.gov.si/eng/events/2004-03-29-washington/}
        }

        The publisher is the ``organization`` (for biblatex) and ``howpublished`` (BibTeX's
        classic styles print no organisation for a ``@misc``); ``date``, ``year`` and ``month``
        are given as far as the date is known; ``note`` carries the source's note and its
        archived copy. Special characters are escaped; the URL is written as it is.
        """
        from pfp.citation import bibtex_entry  # noqa: PLC0415 - only a citation needs it

        day, known = self.date, self.precision
        date = month = ""
        if day is not None:
            date = {
                Precision.YEAR: f"{day.year:04d}",
                Precision.MONTH: f"{day.year:04d}-{day.month:02d}",
            }.get(known, day.isoformat())
            month = "" if known is Precision.YEAR else day.format("MMM").lower()
        notes = [self.note] if self.note else []
        if self.archived_url:
            notes.append(f"Archived copy: {self.archived_url}")
        return bibtex_entry(
            "misc",
            self.key,
            {
                "title": self.title,
                "organization": self.publisher,
                "howpublished": self.publisher,
                "date": date,
                "year": "" if day is None else f"{day.year:04d}",
                "month": month,
                "url": self.url,
                "note": ". ".join(notes),
            },
        )


@attrs.frozen(order=False)
class Rename(Displayed):
    """A change of the name a state is officially known by, from ``date`` on.

    >>> import pfp
    >>> rename = pfp.country("North Macedonia").renames[0]
    >>> rename.date, rename.former_name, rename.name
    (Date(2019, 2, 15), 'the former Yugoslav Republic of Macedonia', 'North Macedonia')
    >>> rename.alternatives[0].date
    Date(2019, 2, 12)
    """

    __eq__ = _record_eq
    __hash__ = _record_hash

    __repr__ = _record_repr

    date: pendulum.Date = attrs.field(converter=to_date)
    former_name: str
    name: str
    sources: tuple[Source, ...] = attrs.field(converter=to_sources, repr=False)
    note: str = attrs.field(default="", kw_only=True, repr=False)
    alternatives: tuple[Alternative, ...] = attrs.field(
        default=(), converter=_alternatives, kw_only=True, repr=False
    )
    precision: Precision = attrs.field(
        default=Precision.DAY, converter=to_precision, kw_only=True, repr=False
    )


def _scheme(value: object) -> CodeScheme:
    found = _SCHEMES.get(value) if isinstance(value, str) else None
    if found is None:
        known = ", ".join(scheme.value for scheme in CodeScheme)
        raise InvalidArgumentError(f"no code scheme {shown(value)}; known: {known}")
    return found


_converter(_scheme)


def _system(value: object) -> CodeScheme:
    found = SYSTEMS.get(value) if isinstance(value, str) else None
    if found is None:
        raise InvalidArgumentError(
            f"no state system {shown(value)}; pfp follows cow (Correlates of War), gw "
            "(Gleditsch-Ward) and iso (ISO 3166)"
        )
    return found


@attrs.frozen(order=False)
class Code(Displayed):
    """A code a state bore in one scheme, from ``start`` to ``end`` (both inclusive).

    >>> import pfp
    >>> cow = [c for c in pfp.country("Germany").codes if c.scheme == "cow"]
    >>> [(c.code, str(c.start), str(c.end)) for c in cow]  # doctest: +NORMALIZE_WHITESPACE
    [('255', '1816-01-01', '1945-05-08'), ('260', '1955-05-05', '1990-10-02'),
     ('255', '1990-10-03', 'None')]
    """

    __eq__ = _record_eq
    __hash__ = _record_hash

    __repr__ = _record_repr

    scheme: CodeScheme = attrs.field(converter=_scheme)
    code: str = attrs.field(converter=_text, validator=_nonempty_str)
    start: pendulum.Date | None = attrs.field(converter=optional_date)
    """The first day (None: since before the records)."""
    end: pendulum.Date | None = attrs.field(converter=optional_date)
    """The last day (None: still in use)."""
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_sources, repr=False)
    note: str = attrs.field(default="", kw_only=True, repr=False, converter=_text)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InvalidRecordError(
                f"code {self.code}: its end {self.end} is before its start {self.start}"
            )

    @classmethod
    def trusted(  # noqa: PLR0917 - one argument per field, as the constructor takes them
        cls,
        scheme: CodeScheme,
        code: str,
        start: pendulum.Date | None,
        end: pendulum.Date | None,
        sources: tuple[Source, ...],
        note: str,
    ) -> Code:
        """A record of fields a loader has already checked, made without converting them.

        The bundled data holds 1,500 codes; skipping the converters halves its first read.
        """
        made = object.__new__(cls)
        _store = object.__setattr__
        _store(made, "scheme", scheme)
        _store(made, "code", code)
        _store(made, "start", start)
        _store(made, "end", end)
        _store(made, "sources", sources)
        _store(made, "note", note)
        return made

    def covers(self, ordinal: int) -> bool:
        """Whether the code was in use on the day of ``ordinal``."""
        start, end = self.start, self.end
        return (start is None or start.toordinal() <= ordinal) and (
            end is None or ordinal <= end.toordinal()
        )


def _codes(value: object) -> tuple[Code, ...]:
    return _records(value, Code, "codes")


_converter(_codes)


@attrs.frozen(order=False)
class StateDispute(Displayed):
    """A fact about a state on which the state systems' lists (or ISO) disagree.

    ``what`` names the fact (``start``, ``code``, ``in G&W only``, ...); ``cow``, ``gw`` and
    ``iso`` give each list's reading ('' where it has none).

    >>> import pfp
    >>> germany = [d for d in pfp.state_disputes() if d.country.name == "Germany"]
    >>> sorted({d.what for d in germany})
    ['code', 'spans since 1945']
    """

    __eq__ = _record_eq
    __hash__ = _record_hash

    country: Country
    what: str = attrs.field(converter=_text)
    cow: str = attrs.field(converter=_text)
    gw: str = attrs.field(converter=_text)
    iso: str = attrs.field(converter=_text)
    sources: tuple[Source, ...] = attrs.field(converter=to_sources, repr=False)
    note: str = attrs.field(default="", kw_only=True, repr=False, converter=_text)

    def __repr__(self) -> str:
        readings = ", ".join(
            f"{k}={v}" for k, v in (("cow", self.cow), ("gw", self.gw), ("iso", self.iso)) if v
        )
        return f"StateDispute({self.country.name}, {self.what}: {readings})"


def span_ordinals(
    codes: Iterable[Code], schemes: Iterable[CodeScheme]
) -> list[tuple[int, int | None]]:
    """The stretches of days the codes of ``schemes`` cover, merged, as ordinal pairs.

    :meth:`Country.spans` as the engine reads them: in order, the last None while it lasts.

    >>> import pfp
    >>> span_ordinals(pfp.country("Slovakia").codes, [CodeScheme.COW])
    [(727564, None)]
    """
    wanted = set(schemes)
    found = sorted(
        (code.start.toordinal() if code.start else 1, code.end.toordinal() if code.end else 0)
        for code in codes
        if code.scheme in wanted
    )  # an open end as 0, so that sorting needs no None
    merged: list[list[int]] = []
    for low, high in found:
        if merged and (merged[-1][1] == 0 or merged[-1][1] + 1 >= low):
            last = merged[-1][1]
            merged[-1][1] = 0 if last == 0 or high == 0 else max(last, high)
        else:
            merged.append([low, high])
    return [(low, high or None) for low, high in merged]


def _renames(value: Iterable[Rename]) -> tuple[Rename, ...]:
    return tuple(sorted(_records(value, Rename, "renames"), key=lambda r: r.date))


_converter(_renames)


def _optional_int(value: object) -> int | None:
    if _blank(value):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidRecordError(f"a code must be a whole number, not {shown(value)}")
    try:
        return int(value)
    except ValueError:
        raise InvalidRecordError(f"a code must be a whole number, not {shown(value)}") from None


_converter(_optional_int)


@attrs.frozen(order=False)
class Country(Displayed):
    """A state, with the codes and every name it is found by.

    >>> import pfp
    >>> mk = pfp.country("FYROM")
    >>> mk.name, mk.iso2, mk.iso3
    ('North Macedonia', 'MK', 'MKD')
    >>> "the former Yugoslav Republic of Macedonia" in mk.former_names
    True
    """

    __eq__ = _record_eq
    __hash__ = _hash_by("iso3")
    __repr__ = _record_repr

    CELL = "name"
    name: str = attrs.field(converter=_text, validator=_nonempty_str)
    iso2: str = attrs.field(converter=_text)
    iso3: str = attrs.field(converter=_text, validator=_nonempty_str)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, repr=False)
    former_names: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, repr=False)
    iso_numeric: str = attrs.field(default="", kw_only=True, repr=False, converter=_text)
    """ISO 3166-1 numeric code, as a three-digit string ('' where ISO assigns none)."""
    cow_code: int | None = attrs.field(
        default=None, converter=_optional_int, kw_only=True, repr=False
    )
    """Correlates of War state number (``ccode``)."""
    cow_abb: str = attrs.field(default="", kw_only=True, repr=False, converter=_text)
    """Correlates of War state abbreviation (``StateAbb``)."""
    gw_code: int | None = attrs.field(
        default=None, converter=_optional_int, kw_only=True, repr=False
    )
    """Gleditsch-Ward state number."""
    renames: tuple[Rename, ...] = attrs.field(
        default=(), converter=_renames, kw_only=True, repr=False
    )
    """The sourced changes of official name, oldest first."""
    codes: tuple[Code, ...] = attrs.field(default=(), converter=_codes, kw_only=True, repr=False)
    """Every code the state bore in each scheme, with the days it bore it (see
    :meth:`code_at`); their ``cow``, ``gw`` and ``iso3`` spans are its life in each system."""
    predecessors: tuple[str, ...] = attrs.field(
        default=(), converter=_tuple_of_str, kw_only=True, repr=False
    )
    """The keys (``iso3``) of the states it succeeded: Czechia's is ``('CSK',)``."""
    successors: tuple[str, ...] = attrs.field(
        default=(), converter=_tuple_of_str, kw_only=True, repr=False
    )
    """The keys of the states that succeeded it: the Soviet Union's fifteen republics."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the state is found by: its name, aliases and former names.

        >>> import pfp
        >>> pfp.country("CZ").names
        ('Czech Republic', 'Czechia')
        """
        return (self.name, *self.aliases, *self.former_names)

    def name_at(self, when: DateLike) -> str:
        """The name in official use on day ``when`` (``name`` if it never changed).

        >>> import pfp
        >>> mk = pfp.country("MK")
        >>> mk.name_at("2019-02-14"), mk.name_at("2019-02-15")
        ('the former Yugoslav Republic of Macedonia', 'North Macedonia')
        >>> pfp.country("Turkey").name_at("2024-01-01")
        'Türkiye'

        Raises:
            InvalidDateError: when ``when`` is not a date.

        """
        day = to_date(when)
        if not self.renames:
            return self.name
        current = self.renames[0].former_name
        for rename in self.renames:
            if rename.date <= day:
                current = rename.name
        return current

    def code_at(self, scheme: str, when: DateLike) -> str | None:
        """The state's code in ``scheme`` on day ``when`` (None when it had none that day).

        >>> import pfp
        >>> germany = pfp.country("Germany")
        >>> germany.code_at("cow_abb", "1989-11-09"), germany.code_at("cow_abb", "1990-10-03")
        ('GFR', 'GMY')

        Raises:
            InvalidDateError: when ``when`` is not a date.
            InvalidArgumentError: when ``scheme`` is not a code scheme.

        """
        return self.code_on(_scheme(scheme), to_date(when).toordinal())

    def code_on(self, scheme: CodeScheme, ordinal: int) -> str | None:
        """:meth:`code_at` for a checked scheme and a day given as its ordinal (bulk callers).

        >>> import datetime, pfp
        >>> pfp.country("Germany").code_on(CodeScheme.COW, datetime.date(1989, 11, 9).toordinal())
        '260'
        """
        for code in self.codes:
            if code.scheme == scheme and code.covers(ordinal):
                return code.code
        return None

    def cow_code_at(self, when: DateLike) -> int | None:
        """The Correlates of War state number on day ``when`` (None outside the COW system).

        >>> import pfp
        >>> germany = pfp.country("Germany")
        >>> germany.cow_code_at("1989-11-09"), germany.cow_code_at("1990-10-03")
        (260, 255)
        >>> print(germany.cow_code_at("1950-01-01"))  # West Germany entered COW in 1955
        None
        """
        found = self.code_at(CodeScheme.COW, when)
        return None if found is None else int(found)

    def gw_code_at(self, when: DateLike) -> int | None:
        """The Gleditsch-Ward state number on day ``when`` (None outside the G&W system).

        >>> import pfp
        >>> serbia = pfp.country("Serbia")
        >>> serbia.gw_code_at("2007-01-01"), pfp.country("Yugoslavia").gw_code_at("1999-01-01")
        (340, 345)
        """
        found = self.code_at(CodeScheme.GW, when)
        return None if found is None else int(found)

    def spans(
        self, system: str | None = None
    ) -> tuple[tuple[pendulum.Date, pendulum.Date | None], ...]:
        """The stretches of days the state existed in ``system``, or in any system (None).

        Systems: ``cow``, ``gw``, ``iso``. Each stretch is a ``(first day, last day)`` pair,
        the last None while it lasts.

        >>> import pfp
        >>> pfp.country("Czechoslovakia").spans("cow")[-1]
        (Date(1945, 5, 10), Date(1992, 12, 31))
        >>> pfp.country("Slovakia").spans()
        ((Date(1993, 1, 1), None),)

        Raises:
            InvalidArgumentError: for a system other than cow, gw and iso.

        """
        schemes = tuple(SYSTEMS.values()) if system is None else (_system(system),)
        day = pendulum.Date.fromordinal
        return tuple(
            (day(low), None if high is None else day(high))
            for low, high in span_ordinals(self.codes, schemes)
        )

    def existed_on(self, when: DateLike, system: str | None = None) -> bool:
        """Whether the state existed on day ``when`` in ``system``, or in any system (None).

        Systems: ``cow``, ``gw``, ``iso``. A state recorded with no codes exists every day.

        >>> import pfp
        >>> gdr = pfp.country("GDR")
        >>> gdr.existed_on("1980-01-01"), gdr.existed_on("2000-01-01")
        (True, False)
        >>> pfp.country("Germany").existed_on("1950-01-01", "cow")
        False

        Raises:
            InvalidDateError: when ``when`` is not a date.
            InvalidArgumentError: for a system other than cow, gw and iso.

        """
        ordinal = to_date(when).toordinal()
        schemes = tuple(SYSTEMS.values()) if system is None else (_system(system),)
        if not any(code.scheme in SYSTEMS.values() for code in self.codes):
            return True
        return any(code.scheme in schemes and code.covers(ordinal) for code in self.codes)


_made_on_read(Country, "codes")


@attrs.frozen(order=False)
class Organization(Displayed):
    """An organisation or programme whose membership pfp follows.

    ``graduates_to`` names the organisation whose accession ends participation here
    (a PfP partner that joins NATO becomes :attr:`Status.NATO_MEMBER`).

    >>> import pfp
    >>> pfp.organization("partnership for peace").founded
    Date(1994, 1, 10)
    """

    __eq__ = _record_eq
    __hash__ = _record_hash

    __repr__ = _record_repr

    key: str = attrs.field(converter=_text, validator=_nonempty_str)
    name: str = attrs.field(converter=_text, validator=_nonempty_str)
    founded: pendulum.Date = attrs.field(converter=to_date)
    graduates_to: str = attrs.field(default="", repr=False, converter=_text)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=to_sources, repr=False)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, repr=False)
    graduation_status: Status | None = attrs.field(
        default=None, kw_only=True, repr=False, converter=_optional_status
    )
    ended: pendulum.Date | None = attrs.field(
        default=None, kw_only=True, repr=False, converter=optional_date
    )
    """Its last day, for an organisation that no longer exists (the NACC: 29 May 1997); every
    membership in it ends the day after (see ``pfp.rules``)."""
    successor: str = attrs.field(default="", kw_only=True, repr=False, converter=_text)
    """The organisation that succeeded it ('EAPC' for the NACC), if any."""
    partner_of: str = attrs.field(default="", kw_only=True, repr=False, converter=_text)
    """For a partnership framework, the organisation it partners states with ('NATO')."""
    as_of: pendulum.Date | None = attrs.field(
        default=None, kw_only=True, repr=False, converter=optional_date
    )
    """The last day its history was reviewed to (``reviews.csv``); later days carry the last
    known standing forward. None: not stated (an organisation that no longer exists is
    reviewed over its whole life)."""
    reviewed_by: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, repr=False, converter=to_sources
    )
    """The sources of that review."""
    """The status a participant takes here when it joins ``graduates_to`` (the PfP:
    ``nato_member``); required when ``graduates_to`` is set, None otherwise."""

    def __attrs_post_init__(self) -> None:
        if self.graduates_to and self.graduation_status is None:
            raise InvalidRecordError(
                f"organisation {self.key}: graduates_to {shown(self.graduates_to)} needs a "
                "graduation_status (the status a participant takes on joining it)"
            )
        if self.graduates_to == self.key:
            raise InvalidRecordError(
                f"organisation {self.key} cannot graduate to itself; graduates_to names "
                "another organisation (the PfP's is NATO)"
            )


@attrs.frozen(order=False)
class Alternative(Displayed):
    """Another reading of an event's date that some source gives, and why pfp did not choose it.

    >>> import pfp
    >>> malta_left = pfp.timeline("Malta")[3].event
    >>> [(str(a.date), a.precision.value) for a in malta_left.alternatives]
    [('1996-10-01', 'month'), ('1996-10-27', 'day')]
    >>> malta_left.alternatives[1].sources[0].publisher
    'Wikipedia contributors'
    """

    __eq__ = _record_eq
    __hash__ = _record_hash

    __repr__ = _record_repr

    date: pendulum.Date = attrs.field(converter=to_date)
    sources: tuple[Source, ...] = attrs.field(converter=to_sources, repr=False)
    reason: str = attrs.field(repr=False, converter=_text)
    precision: Precision = attrs.field(default=Precision.DAY, converter=to_precision, repr=False)


@attrs.frozen(order=False)
class Event(Displayed):
    """One sourced fact: on ``date``, ``country`` did ``kind`` towards organisation ``org``.

    >>> import pfp
    >>> signed = pfp.transitions(country="Bulgaria")[0].event
    >>> signed.date, signed.kind, signed.sources[0].key
    (Date(1994, 2, 14), <EventKind.SIGNATURE: 'signature'>, 'bg-nato-chronology-2002')
    """

    __eq__ = _record_eq
    __hash__ = _record_hash

    date: pendulum.Date = attrs.field(converter=to_date)
    country: Country = attrs.field(validator=_a_country)
    kind: EventKind = attrs.field(converter=_event_kind)
    sources: tuple[Source, ...] = attrs.field(converter=to_sources, repr=False)
    org: str = attrs.field(
        default=DEFAULT_ORG, kw_only=True, converter=_text, validator=_nonempty_str
    )
    precision: Precision = attrs.field(
        default=Precision.DAY, converter=to_precision, kw_only=True, repr=False
    )
    note: str = attrs.field(default="", kw_only=True, repr=False, converter=_text)
    alternatives: tuple[Alternative, ...] = attrs.field(
        default=(), converter=_alternatives, kw_only=True, repr=False
    )
    origin: str = attrs.field(default="", kw_only=True, repr=False, eq=False, converter=_text)
    """Where the event was read from, as ``file:row`` (empty for events built in code)."""
    evidence: Evidence | None = attrs.field(
        default=None, kw_only=True, repr=False, converter=_optional_evidence
    )
    """How strong the evidence of the event is (None: not graded, as for events made in code):

    >>> import pfp
    >>> [e.evidence.value for e in pfp.events(country="Sweden")]
    ['primary', 'primary', 'secondary', 'primary', 'primary']
    """

    def __repr__(self) -> str:
        return f"Event({self.date}, {self.country.name!r}, {self.kind.value!r}, org={self.org!r})"


@attrs.frozen(order=False)
class Transition(Displayed):
    """A change of a state's status in ``org`` on a day, and the event that caused it.

    The event may belong to another organisation: a partner's PfP status becomes
    ``nato_member`` through its NATO accession.

    >>> import pfp
    >>> change = pfp.transitions("2004-03-29", "2004-03-29")[0]
    >>> change
    Transition(2004-03-29, 'Bulgaria', member -> nato_member)
    >>> change.org, change.event.org, change.event.kind.value
    ('PfP', 'NATO', 'accession')
    """

    __eq__ = _record_eq
    __hash__ = _record_hash

    date: pendulum.Date = attrs.field(converter=to_date)
    country: Country = attrs.field(validator=_a_country)
    before: Status = attrs.field(converter=to_status)
    after: Status = attrs.field(converter=to_status)
    event: Event = attrs.field(repr=False, validator=_an_event)
    org: str = attrs.field(
        default=attrs.Factory(_org_of_event, takes_self=True),
        kw_only=True,
        repr=False,
        converter=_text,
        validator=_nonempty_str,
    )
    """The organisation whose membership changed (the event's own, if not given)."""

    @classmethod
    def trusted(  # noqa: PLR0917 - one argument per field, as the constructor takes them
        cls,
        date: pendulum.Date,
        country: Country,
        before: Status,
        after: Status,
        event: Event,
        org: str,
    ) -> Transition:
        """A change made by the engine from checked records, without converting its fields.

        Replaying a million events makes a quarter of a million changes; this spares them the
        converters (see :meth:`Code.trusted`).
        """
        made = object.__new__(cls)
        _store = object.__setattr__
        _store(made, "date", date)
        _store(made, "country", country)
        _store(made, "before", before)
        _store(made, "after", after)
        _store(made, "event", event)
        _store(made, "org", org)
        return made

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources of the event behind this change."""
        return self.event.sources

    def __repr__(self) -> str:
        return (
            f"Transition({self.date}, {self.country.name!r}, "
            f"{self.before.value} -> {self.after.value})"
        )
