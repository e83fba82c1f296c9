"""Finding states by any name or code; suggestions and refusals on a miss."""

from __future__ import annotations

import pytest

import pfp


@pytest.mark.parametrize(
    ("query", "iso3"),
    [
        ("North Macedonia", "MKD"),
        ("FYROM", "MKD"),
        ("the former Yugoslav Republic of Macedonia", "MKD"),
        ("Macedonia", "MKD"),
        ("mk", "MKD"),
        ("Czechia", "CZE"),
        ("CZECH REPUBLIC", "CZE"),
        ("Kyrgyz Republic", "KGZ"),
        ("Republic of Moldova", "MDA"),
        ("Russian Federation", "RUS"),
        ("Türkiye", "TUR"),
        ("turkiye", "TUR"),
        ("Kosovo", "XKX"),
        ("XK", "XKX"),
        ("  united   kingdom ", "GBR"),
        ("The Netherlands", "NLD"),
        ("USA", "USA"),
    ],
)
def test_any_name_or_code_finds_the_state(query: str, iso3: str) -> None:
    """Names, aliases, former names and codes, in any case and with or without accents."""
    assert pfp.country(query).iso3 == iso3


def test_country_records_pass_through() -> None:
    """A Country is accepted wherever a name is."""
    malta = pfp.country("Malta")
    assert pfp.country(malta) is malta
    assert pfp.status_of(malta, "2000-01-01") is pfp.Status.WITHDRAWN


def test_unknown_name_suggests_near_names() -> None:
    """A typo raises UnknownCountryError (a LookupError) with the nearest names."""
    with pytest.raises(pfp.UnknownCountryError) as raised:
        pfp.status_of("Swizerland", "2000-01-01")
    error = raised.value
    assert isinstance(error, LookupError)
    assert error.query == "Swizerland"
    assert error.suggestions[0].name == "Switzerland"
    assert "did you mean 'Switzerland'" in str(error)


def test_nothing_near_still_explains() -> None:
    """With no near name, the message says how to list the known states."""
    with pytest.raises(pfp.UnknownCountryError, match=r"pfp\.countries\(\) lists"):
        pfp.country("Qqqqqqqqqq")
    with pytest.raises(pfp.UnknownCountryError):
        pfp.country(42)  # type: ignore[arg-type]


def test_ambiguous_names_are_refused() -> None:
    """A name borne by two states raises with both candidates, never a guess."""
    history = pfp.History(
        [],
        countries=[
            pfp.Country("Congo", "CG", "COG", aliases=["Congo"]),
            pfp.Country("Congo (Kinshasa)", "CD", "COD", aliases=["Congo"]),
        ],
    )
    with pytest.raises(pfp.AmbiguousCountryError) as raised:
        history.country("congo")
    assert {c.iso3 for c in raised.value.candidates} == {"COG", "COD"}
    assert history.country("COD").name == "Congo (Kinshasa)"


def test_roster_membership_by_any_name() -> None:
    """`in` on a roster accepts names, codes and Country records; a typo raises."""
    roster = pfp.members_at("2010-01-01")
    assert "ua" in roster and "UKR" in roster and pfp.country("Ukraine") in roster
    assert "Poland" not in roster
    assert 42 not in roster
    with pytest.raises(pfp.UnknownCountryError):
        _ = "Ukrane" in roster


def test_unknown_organisation_lists_known_ones() -> None:
    """An unknown org raises a LookupError listing the organisations pfp follows."""
    with pytest.raises(pfp.UnknownOrganizationError, match=r"known: .*NATO.*PfP") as raised:
        pfp.members_at("2000-01-01", org="Warsaw Pact")
    assert isinstance(raised.value, LookupError)
    assert pfp.members_at("2000-01-01", org="nato") == pfp.members_at("2000-01-01", org="NATO")
    assert len(pfp.members_at("2000-01-01", org="Partnership for Peace")) == 25


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Herzegovina Bosnia Republic", ["Bosnia and Herzegovina"]),
        ("Czech", ["Czech Republic", "Czechoslovakia"]),
        ("Swizerland", ["Switzerland"]),
        ("Slovinia", ["Slovenia", "Slovakia"]),
        ("Xanadu", []),
        ("Atlantis", []),
    ],
)
def test_suggestions_are_few_and_to_the_point(query: str, expected: list[str]) -> None:
    """A partial or misspelt name suggests its state; a state pfp does not follow, nothing."""
    with pytest.raises(pfp.UnknownCountryError) as raised:
        pfp.country(query)
    assert [c.name for c in raised.value.suggestions] == expected


def test_names_with_their_words_in_another_order() -> None:
    """Reference-list spellings ("Moldova, Republic of") resolve like the names they invert."""
    assert pfp.country("Moldova, Republic of").iso3 == "MDA"
    assert pfp.country("U.S.").iso3 == "USA"
