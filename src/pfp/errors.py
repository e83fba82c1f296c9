"""Every exception pfp raises, under one root, :class:`PfpError`.

Each error also subclasses the built-in a caller already catches, so
``except LookupError`` or ``except ValueError`` keeps working:

>>> import pfp
>>> try:
...     pfp.country("Swedn")
... except LookupError as error:
...     print(error.suggestions[0].name)
Sweden
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pfp.model import Country

__all__ = [
    "AmbiguousCountryError",
    "BeyondDataError",
    "ConflictingReadingsError",
    "DataError",
    "DataProblem",
    "InvalidArgumentError",
    "InvalidDateError",
    "InvalidRangeError",
    "InvalidRecordError",
    "MissingExtraError",
    "PfpError",
    "UnknownAlternativeError",
    "UnknownCountryError",
    "UnknownCountryWarning",
    "UnknownKeyError",
    "UnknownOrganizationError",
]

ACCEPTED_DATE_FORMS = (
    "a datetime.date, a datetime.datetime (its calendar date is used), "
    "a pendulum Date or DateTime, a pandas Timestamp, a numpy.datetime64, "
    "or an ISO 8601 string 'YYYY-MM-DD' such as '1994-08-03'"
)


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)`` for a message: safe for any value, and short.

    A string (a subclass too) shows its own text; a value whose ``repr`` fails or misleads
    shows its type; anything long is cut to ``limit`` characters.

    >>> shown("Malta"), shown(3.5), shown("x" * 100)[-5:]
    ("'Malta'", '3.5', "x...'")
    """
    if isinstance(value, str):
        text = repr(str.__str__(value))
    elif isinstance(value, (int, float, bytes, type(None))) and type(value) in (
        int,
        float,
        bytes,
        bool,
        type(None),
    ):
        text = repr(value)
    else:
        try:
            text = repr(value)
        except Exception:
            text = ""
        if not isinstance(text, str) or not text:
            text = f"<a {type(value).__name__}>"
    return text if len(text) <= limit else f"{text[: limit - 4]}...{text[-1]}"


def items_of(value: object, what: str) -> tuple[object, ...]:
    """The items of a caller's iterable, or an InvalidArgumentError saying why there are none.

    A caller's object that fails while being iterated raises an error that names it, with the
    object's own exception as its cause.

    >>> items_of(iter([1, 2]), "orgs")
    (1, 2)
    >>> items_of(5, "orgs")
    Traceback (most recent call last):
    ...
    pfp.errors.InvalidArgumentError: orgs must be an iterable (a list or tuple), not 5
    """
    if isinstance(value, (str, bytes, bytearray)) or not hasattr(value, "__iter__"):
        raise InvalidArgumentError(
            f"{what} must be an iterable (a list or tuple), not {shown(value)}"
        )
    try:
        return tuple(value)  # type: ignore[call-overload, unused-ignore]
    except Exception as error:
        raise InvalidArgumentError(
            f"{what}: iterating {shown(value)} failed ({type(error).__name__}: {error})"
        ) from error


def org_key(org: object) -> str:
    """``org`` when it can be an organisation's key (a non-empty string), else an error.

    >>> org_key("NATO")
    'NATO'
    >>> org_key(5)
    Traceback (most recent call last):
    ...
    pfp.errors.InvalidArgumentError: org must be an organisation's key, such as 'NATO'; got 5
    """
    if type(org) is not str or not org:
        raise InvalidArgumentError(
            f"org must be an organisation's key, such as 'NATO'; got {shown(org)}"
        )
    return org


def records_of(value: object, kind: type[Any], what: str) -> tuple[Any, ...]:
    """The items of a caller's iterable, each a ``kind`` record, or an InvalidArgumentError.

    >>> records_of([1], int, "numbers")
    (1,)
    >>> records_of(["1"], int, "numbers")
    Traceback (most recent call last):
    ...
    pfp.errors.InvalidArgumentError: numbers must hold pfp.int records, not '1'
    """
    found = items_of(value, what)
    for item in found:
        if not isinstance(item, kind):
            raise InvalidArgumentError(
                f"{what} must hold pfp.{kind.__name__} records, not {shown(item)}"
            )
    return found


class PfpError(Exception):
    """The root of every error pfp raises on purpose.

    Every pfp error survives pickling (a worker process can raise one) with its message and
    attributes:

    >>> import pickle, pfp
    >>> error = pickle.loads(pickle.dumps(pfp.UnknownOrganizationError("SEATO", ["NATO"])))
    >>> str(error), error.query, error.known
    ("no organisation is known as 'SEATO'; known: NATO", 'SEATO', ('NATO',))
    """

    def __reduce__(self) -> tuple[object, ...]:
        # The subclasses' constructors take other arguments than the message: rebuild the
        # instance from its message and attributes instead of calling the constructor again.
        return (_rebuilt, (type(self), str(self), dict(self.__dict__)))


def _rebuilt(kind: type[PfpError], message: str, attributes: dict[str, object]) -> PfpError:
    """A pfp error as pickled: its message and attributes, without running its constructor."""
    error = Exception.__new__(kind)
    Exception.__init__(error, message)
    error.__dict__.update(attributes)
    return error


class UnknownCountryError(PfpError, LookupError):
    """No state is known by that name or code; ``.suggestions`` holds the nearest ones.

    >>> import pfp
    >>> try:
    ...     pfp.country("Untied Kingdom")
    ... except pfp.UnknownCountryError as error:
    ...     print(error.query, "->", [c.name for c in error.suggestions])
    Untied Kingdom -> ['United Kingdom']
    """

    def __init__(
        self, query: object, suggestions: Sequence[Country] = (), *, hint: str = ""
    ) -> None:
        self.query = query
        self.suggestions: tuple[Country, ...] = tuple(suggestions)
        hint = hint or (
            "did you mean " + ", ".join(repr(c.name) for c in self.suggestions) + "?"
            if self.suggestions
            else "pfp follows only the states in its data, and pfp.countries() lists them; "
            "names, former names and ISO alpha-2 or alpha-3 codes are accepted"
        )
        super().__init__(f"no state is known as {shown(query)}; {hint}")


class AmbiguousCountryError(PfpError, LookupError):
    """A name borne by more than one state; ``.candidates`` lists them all.

    >>> import pfp
    >>> try:
    ...     pfp.country("Congo")
    ... except pfp.AmbiguousCountryError as error:
    ...     print([state.iso3 for state in error.candidates])
    ['COD', 'COG']

    pfp never guesses between them: ask again with a code or a fuller name.
    """

    def __init__(self, query: str, candidates: Sequence[Country]) -> None:
        self.query = query
        self.candidates: tuple[Country, ...] = tuple(candidates)
        names = ", ".join(f"{c.name} ({c.iso3})" for c in self.candidates)
        super().__init__(f"{shown(query)} names more than one state: {names}; use an ISO code")


class UnknownOrganizationError(PfpError, LookupError):
    """An organisation pfp has no history for; the message lists the known ones.

    >>> import pfp
    >>> try:
    ...     pfp.members_at("2000-01-01", org="SEATO")
    ... except pfp.UnknownOrganizationError as error:
    ...     print(error)  # doctest: +NORMALIZE_WHITESPACE
    no organisation is known as 'SEATO'; known: CSTO, EAPC, EOP, EU, GUAM, ICI, IPAP, MAP, MD,
    NACC, NATO, PATG, PfP
    """

    def __init__(self, query: object, known: Iterable[str]) -> None:
        self.query = query
        self.known: tuple[str, ...] = tuple(sorted(known))
        super().__init__(
            f"no organisation is known as {shown(query)}; known: {', '.join(self.known)}"
        )


class UnknownKeyError(PfpError, LookupError):
    """No source or figure is recorded under that key; the message names the nearest keys.

    >>> import pfp
    >>> try:
    ...     pfp.source("seed-230")
    ... except LookupError as error:
    ...     print(error)
    no source has key 'seed-230'; did you mean seed-23, seed-20, seed-38?
    """

    def __init__(self, what: str, key: object, known: list[str]) -> None:
        import difflib  # noqa: PLC0415 - only a miss needs it; keeps `import pfp` light

        self.key = key
        near = difflib.get_close_matches(key, known, n=3) if isinstance(key, str) else []
        hint = f"did you mean {', '.join(near)}?" if near else f"pfp.{what}s() lists them"
        super().__init__(f"no {what} has key {shown(key)}; {hint}")


class InvalidDateError(PfpError, ValueError):
    """A value pfp cannot read as a calendar day; the message lists the accepted forms.

    >>> import pfp
    >>> try:
    ...     pfp.members_at("3 August 1994")
    ... except ValueError as error:
    ...     print(error)
    cannot read '3 August 1994' as a date (strings must be 'YYYY-MM-DD'); expected ... '1994-08-03'
    """

    def __init__(self, value: object, reason: str = "", *, accepted: str = "") -> None:
        self.value = value
        detail = f" ({reason})" if reason else ""
        expected = accepted or ACCEPTED_DATE_FORMS
        super().__init__(f"cannot read {shown(value)} as a date{detail}; expected {expected}")


class InvalidRangeError(PfpError, ValueError):
    """A date range whose end comes before its start.

    >>> import pfp
    >>> try:
    ...     pfp.transitions("2004-12-31", "2004-01-01")
    ... except ValueError as error:
    ...     print(error)
    the range ends (2004-01-01) before it starts (2004-12-31); pass start <= end
    """


class UnknownAlternativeError(PfpError, LookupError):
    """An alternative that no event or rename of the history records (see ``pfp.reading``).

    >>> import pfp
    >>> pfp.reading(pfp.Alternative("1996-10-01", (pfp.source("seed"),), "a guess"))
    Traceback (most recent call last):
    ...
    pfp.errors.UnknownAlternativeError: no event or rename of this history records ...
    """


class ConflictingReadingsError(PfpError, ValueError):
    """Two alternatives given for one fact: a reading can take only one of them.

    >>> import pfp
    >>> malta = next(d for d in pfp.disputes() if d.country.name == "Malta")
    >>> pfp.reading(*malta.alternatives)
    Traceback (most recent call last):
    ...
    pfp.errors.ConflictingReadingsError: 2 readings given for one fact (1996-10-01, 1996-10-27); ...
    """


class InvalidArgumentError(PfpError, ValueError, TypeError):
    """An argument of a kind or value a function cannot take; the message says what fits.

    It is both a ``ValueError`` and a ``TypeError``, the errors a caller already catches:

    >>> import pfp
    >>> try:
    ...     pfp.suggest_countries("Malt", limit="3")
    ... except TypeError as error:
    ...     print(error)
    limit must be a whole number from 0 up, such as 3; got '3'
    """


class InvalidRecordError(InvalidArgumentError):
    """A record built with a value it cannot hold; the message names the field and what fits.

    It is both a ``ValueError`` and a ``TypeError``, the errors a caller of a constructor
    already catches:

    >>> import pfp
    >>> try:
    ...     pfp.Event("2000-01-01", pfp.country("Malta"), "joined", [])
    ... except ValueError as error:
    ...     print(error)
    kind: no event kind 'joined'; known: signature, accession, withdrawal, ...
    """


class MissingExtraError(PfpError, ImportError):
    """An optional library a function needs is not installed; the message names pfp's extra.

    It is also an ``ImportError``, the error a caller of an optional feature already catches:

    >>> import pfp
    >>> error = pfp.MissingExtraError("polars", "polars", "Polars frames")
    >>> isinstance(error, ImportError), error.module, error.extra
    (True, 'polars', 'polars')
    >>> print(error)  # doctest: +NORMALIZE_WHITESPACE
    pfp's Polars frames need polars: pip install polars, or reinstall pfp with its extra:
    pip install -e '.[polars]' in pfp's checkout (pfp's distribution is nato-pfp; the PyPI
    project named 'pfp' is another one)
    """

    def __init__(self, module: str, extra: str, what: str = "") -> None:
        self.module = module
        """The library that is missing (``polars``)."""
        self.extra = extra
        """pfp's extra that installs it (``polars``)."""
        self.what = what
        """What needs it (``Polars frames``)."""
        needs = f"pfp's {what} need" if what else "pfp needs"
        super().__init__(
            f"{needs} {module}: pip install {module}, or reinstall pfp with its extra: "
            f"pip install -e '.[{extra}]' in pfp's checkout (pfp's distribution is nato-pfp; "
            "the PyPI project named 'pfp' is another one)",
            name=module,
        )

    def __reduce__(self) -> tuple[object, ...]:
        # Made again by its constructor, so that ImportError's own fields come back too.
        return (type(self), (self.module, self.extra, self.what))


class BeyondDataError(PfpError, ValueError):
    """A day after an organisation's review day, asked with ``beyond="raise"``.

    >>> import pfp
    >>> try:
    ...     pfp.tables.country_year_panel(2030, 2030, system="cow", beyond="raise")
    ... except ValueError as error:
    ...     print(error)  # doctest: +NORMALIZE_WHITESPACE
    2030-12-31 is after the day PfP is known to (2024-08-06); pass beyond="carry" to carry
    its last known standing forward, or beyond="null"
    """


class UnknownCountryWarning(UserWarning):
    """Rows of a frame whose country no state bears, left with null statuses by ``annotate``.

    One warning per call names how many distinct values and rows, and the first few values;
    ``pfp.annotate(..., unknown="raise")`` raises :class:`UnknownCountryError` instead.

    >>> import warnings, pandas as pd, pfp
    >>> frame = pd.DataFrame({"country": ["Narnia", "Malta"], "date": ["2000-01-01"] * 2})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     statuses = pfp.annotate(frame)["pfp_status"].tolist()
    >>> statuses[1], caught[0].category.__name__
    ('withdrawn', 'UnknownCountryWarning')
    """


class DataProblem:
    """One fault found in data: where it is (file and row, or an event) and what is wrong.

    >>> DataProblem("events.csv:12", "unknown kind 'joined'")
    DataProblem('events.csv:12', "unknown kind 'joined'")
    """

    __slots__ = ("message", "where")

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message

    def __reduce__(self) -> tuple[type[DataProblem], tuple[str, str]]:
        return (DataProblem, (self.where, self.message))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DataProblem):
            return NotImplemented
        return (self.where, self.message) == (other.where, other.message)

    def __hash__(self) -> int:
        return hash((self.where, self.message))

    def __repr__(self) -> str:
        return f"DataProblem({self.where!r}, {self.message!r})"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class DataError(PfpError):
    """Data failed validation; ``.problems`` lists every fault found, each with its file and row.

    >>> import pfp
    >>> malta, nyt = pfp.country("Malta"), pfp.source("seed-19")
    >>> try:
    ...     pfp.History([pfp.Event("2000-01-01", malta, "withdrawal", [nyt])])
    ... except pfp.DataError as error:
    ...     print(error.problems[0].message)
    a withdrawal needs status member/suspended, but Malta is non_member
    """

    def __init__(self, problems: Sequence[DataProblem]) -> None:
        self.problems: tuple[DataProblem, ...] = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the data:\n{lines}")
