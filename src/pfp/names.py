"""Finding a state by any name, former name, alias or ISO code, with suggestions on a miss.

Lookups ignore case, accents, extra spaces and a leading "the":

>>> import pfp
>>> pfp.country("czechia") == pfp.country("CZE") == pfp.country("Czech Republic")
True
>>> pfp.country("Turkiye").name, pfp.country("Turkey").name
('Türkiye', 'Türkiye')
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from pfp.errors import AmbiguousCountryError, UnknownCountryError
from pfp.model import Country

__all__ = ["CountryIndex", "normalize"]

_CUTOFF = 0.75
"""The least similarity (difflib ratio) a suggested name must reach."""
_FILLER = frozenset({"and", "of", "the", "republic", "kingdom", "state", "federation"})
"""Words too common in state names to suggest a state by."""
_PUNCTUATION = str.maketrans(dict.fromkeys(",.;:()'\"-/", " "))
_MARGIN = 0.15
"""Suggestions stay within this much of the best match's similarity."""
_SEEN_SIZE = 4096
"""Spellings remembered after folding (the memo is emptied when full)."""


def normalize(text: str) -> str:
    """Fold a name for comparison: no case, accents or punctuation, single spaces, no "the".

    >>> normalize("  The Former Yugoslav  Republic of Macedonia ")
    'former yugoslav republic of macedonia'
    >>> normalize("Türkiye"), normalize("Guinea-Bissau")
    ('turkiye', 'guinea bissau')
    """
    if text.isascii():  # most names: nothing to decompose
        bare = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = bare.casefold().replace("&", " and ").translate(_PUNCTUATION).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _word_key(folded: str) -> str:
    return " ".join(sorted(folded.split()))


class CountryIndex:
    """Every way of naming a set of states, resolved in one dictionary lookup.

    >>> from pfp.model import Country
    >>> index = CountryIndex([Country("Narnia", "NA", "NAR", aliases=["Narnia Kingdom"])])
    >>> index.find("narnia kingdom").iso3
    'NAR'
    >>> index.find("Narnya")
    Traceback (most recent call last):
    ...
    pfp.errors.UnknownCountryError: no state is known as 'Narnya'; did you mean 'Narnia'?
    """

    __slots__ = (
        "_by_key",
        "_by_words",
        "_countries",
        "_exact",
        "_folded_names",
        "_numbers",
        "_seen",
    )

    def __init__(self, countries: Iterable[Country]) -> None:
        self._countries: tuple[Country, ...] = tuple(sorted(countries, key=lambda c: c.name))
        # Keyed by ISO alpha-3 inside, never by the records: hashing a record hashes its codes.
        by_key: dict[str, dict[str, Country]] = {}
        for country in self._countries:
            keys = {normalize(name) for name in country.names}
            keys |= {code.casefold() for code in (country.iso2, country.iso3) if code}
            for key in keys:
                by_key.setdefault(key, {})[country.iso3] = country
        # Then the codes a state bore, in order: former ISO codes, COW and G&W abbreviations
        # ("GFR" is West Germany's COW abbreviation, but "AUS" stays Australia's ISO code).
        for schemes in (("iso3", "iso2"), ("cow_abb",), ("gw_abb",)):
            later: dict[str, dict[str, Country]] = {}
            for country in self._countries:
                for code in country.codes:
                    key = code.code.casefold()
                    if code.scheme.value in schemes and key not in by_key:
                        later.setdefault(key, {})[country.iso3] = country
            by_key.update(later)
        self._by_key: dict[str, tuple[Country, ...]] = {
            key: tuple(sorted(found.values(), key=lambda c: c.name))
            for key, found in by_key.items()
        }
        numbers: dict[tuple[str, int], list[tuple[int, int, Country]]] = {}
        for country in self._countries:
            for code in country.codes:
                if code.scheme.value in ("cow", "gw"):
                    first = code.start.toordinal() if code.start else 1
                    last = code.end.toordinal() if code.end else 10**7
                    numbers.setdefault((code.scheme.value, int(code.code)), []).append(
                        (first, last, country)
                    )
        self._numbers = {
            key: sorted(uses, key=lambda use: use[:2]) for key, uses in numbers.items()
        }
        # The spellings as written, for a lookup without folding on the common path.
        self._exact: dict[str, Country] = {}
        for country in self._countries:
            for name in (*country.names, country.iso2, country.iso3):
                if name and len(self._by_key[normalize(name)]) == 1:
                    self._exact[name] = country
        self._folded_names: tuple[str, ...] = tuple(key for key in self._by_key if len(key) > 3)
        # The same names with their words in any order ("Moldova, Republic of").
        by_words: dict[str, dict[str, Country]] = {}
        for key, found in self._by_key.items():
            by_words.setdefault(_word_key(key), {}).update((c.iso3, c) for c in found)
        self._by_words: dict[str, tuple[Country, ...]] = {
            key: tuple(sorted(found.values(), key=lambda c: c.name))
            for key, found in by_words.items()
        }
        # Other spellings already resolved ("sweden", "the Netherlands"): folding costs ~1 µs.
        self._seen: dict[str, Country] = {}

    @property
    def countries(self) -> tuple[Country, ...]:
        """Every state in the index, sorted by name."""
        return self._countries

    def find(self, query: object) -> Country:
        """Return the state a name, code or ``Country`` designates.

        Raises:
            UnknownCountryError: nothing matches; ``.suggestions`` holds the nearest names.
            AmbiguousCountryError: the name belongs to more than one state.

        """
        if type(query) is str:
            found = self._exact.get(query) or self._seen.get(query)
            if found is not None:
                return found
        if isinstance(query, Country):
            return self._record(query)
        if not isinstance(query, str):
            raise UnknownCountryError(query)
        matches = self.matches(query)
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousCountryError(query, matches)
        raise UnknownCountryError(query, self.suggest(query))

    def matches(self, query: str) -> tuple[Country, ...]:
        """The states a name or code designates: none, one or several (no suggestions made).

        >>> import pfp
        >>> index = pfp.history()._names
        >>> [c.iso3 for c in index.matches("Congo")], index.matches("Narnia")
        (['COD', 'COG'], ())
        """
        found = (self._exact.get(query) or self._seen.get(query)) if type(query) is str else None
        if found is not None:
            return (found,)
        folded = normalize(str.__str__(query))
        matches = self._by_key.get(folded) or self._by_words.get(_word_key(folded), ())
        if len(matches) == 1 and type(query) is str:
            if len(self._seen) >= _SEEN_SIZE:
                self._seen.clear()
            self._seen[query] = matches[0]
        return tuple(matches)

    def _record(self, query: Country) -> Country:
        """The state a Country record designates: itself, or the state with its code and name.

        A record made in code (``pfp.Country("Malta", "MT", "MLT")``) names the state of this
        index with the same ISO alpha-3 code when it also bears the record's name.
        """
        same_code = [c for c in self._by_key.get(query.iso3.casefold(), ()) if c.iso3 == query.iso3]
        if query in same_code:
            return query
        named = normalize(query.name)
        for country in same_code:
            if named in {normalize(name) for name in country.names}:
                return country
        if same_code:
            raise UnknownCountryError(
                query.name,
                same_code,
                hint=f"this data's {query.iso3} is {same_code[0].name!r}, not {query.name!r}",
            )
        raise UnknownCountryError(query.name, self.suggest(query.name))

    def by_number(self, scheme: str, number: int, ordinal: int | None = None) -> Country:
        """The state that bore ``number`` in ``scheme`` (``cow``, ``gw``) on a day, or last.

        Raises:
            UnknownCountryError: when no state bore it (that day).

        """
        uses = self._numbers.get((scheme, number), [])
        if ordinal is not None:
            uses = [use for use in uses if use[0] <= ordinal <= use[1]]
        if not uses:
            when = "" if ordinal is None else " on that day"
            raise UnknownCountryError(
                f"{scheme}={number}",
                hint=f"no state bore {scheme.upper()} code {number}{when}",
            )
        return uses[-1][2]

    def exact_iso3(self) -> dict[str, str]:
        """Every spelling as written that names one state, mapped to its ISO alpha-3 code.

        A new dictionary: the engine's fast path for names, one lookup before any folding.

        >>> CountryIndex([Country("Narnia", "NA", "NAR")]).exact_iso3()
        {'Narnia': 'NAR', 'NA': 'NAR', 'NAR': 'NAR'}
        """
        return {name: country.iso3 for name, country in self._exact.items()}

    def suggest(self, query: str, *, limit: int = 3) -> tuple[Country, ...]:
        """Return up to ``limit`` states whose names are closest to ``query``, best first.

        Only names nearly as close as the best one are offered, so a clear typo gets one
        answer and an ambiguous one gets its candidates.

        >>> import pfp
        >>> [c.name for c in pfp.suggest_countries("Slovinia")]
        ['Slovenia', 'Slovakia']
        >>> [c.name for c in pfp.suggest_countries("Swizerland")]
        ['Switzerland']
        """
        if not isinstance(query, str):
            return ()
        import difflib  # noqa: PLC0415 - only a miss needs it; keeps `import pfp` light

        folded = normalize(query)
        words = set(folded.split()) - _FILLER
        found: list[Country] = []
        if words:  # names holding every telling word of the query ("Bosnia")
            for key in self._folded_names:
                if words <= set(key.split()):
                    found += [c for c in self._by_key[key] if c not in found]
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(folded)
        scored: list[tuple[float, str]] = []
        for key in self._folded_names:
            matcher.set_seq1(key)
            if (
                matcher.real_quick_ratio() >= _CUTOFF
                and matcher.quick_ratio() >= _CUTOFF
                and (score := matcher.ratio()) >= _CUTOFF
            ):
                scored.append((score, key))
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        best = scored[0][0] if scored else 1.0
        close = [key for score, key in scored if score >= best - _MARGIN]
        for key in close:
            for country in self._by_key[key]:
                if country not in found:
                    found.append(country)
        return tuple(found[:limit])
